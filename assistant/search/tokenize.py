"""Chinese segmentation for search: jieba with the reports' domain dictionary, and query normalisation.

* A private ``jieba.Tokenizer`` instance (never jieba's global one); its dictionary cache lives in the
  index folder, not in the system temp folder.
* The domain dictionary is generated from :mod:`assistant.domain.schema` (section headings, row and column
  labels, keys, Chinese synonyms) plus the regime's terms of :mod:`assistant.domain.vocabulary`, so terms
  such as 政府信息公开, 依申请公开, 结转下年度 stay whole.
* Search mode: a word also yields every dictionary word inside it (信息公开 inside 政府信息公开), so a
  query that is part of a longer word still matches.
* Stop words and punctuation are dropped; numbers and years are kept as tokens.
* Queries: NFKC, Traditional -> Simplified (OpenCC), English words -> Chinese through the schema's
  English names and synonyms and :mod:`assistant.domain.vocabulary`.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import math
import os
import re
import shutil
import unicodedata
from collections.abc import Callable, Container, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant import config
from assistant.atomic import replace_file
from assistant.domain import schema, vocabulary
from assistant.domain.patterns import CJK, NUMBERING
from assistant.domain.vocabulary import Kind

try:  # jieba's accurate mode in C (built by the install when a compiler is there); else jieba's own
    from assistant.search import _segment
except ImportError:  # pragma: no cover - depends on the build
    _segment = None

if TYPE_CHECKING:
    import jieba

SEGMENTER_VERSION = 1

logging.getLogger("jieba").setLevel(logging.WARNING)  # jieba logs every dictionary load at DEBUG

# The reports' core terms: boosted so that they stay whole even next to other dictionary words
# (政府信息公开专栏 -> 政府信息公开/专栏, not 政府/信息公开专栏).
CORE_TERMS: tuple[str, ...] = (
    "政府信息公开",
    "依申请公开",
    "主动公开",
    "结转下年度",
    "行政复议",
    "行政诉讼",
    "规范性文件",
    "政务公开",
    "政策解读",
    "信息处理费",
)
CORE_FREQ = 200_000  # about the frequency of jieba's most common words
DOMAIN_FREQ = 1_000  # floor for the other domain words


STOP_WORDS: frozenset[str] = frozenset(
    "的 地 得 了 着 过 和 与 及 以及 或 或者 等 等等 在 对 对于 为 是 将 把 被 由 从 于 以 其 之 而 并 并且 也 就 都"
    " 又 这 那 此 该 各 个 中 年 月 日 我 我们 你 您 他 她 它 本 所 有 即 如 其中 共 通过 进行 件 条 项 次 家 个 位"
    " 之一 一个 这个 那个 以下 以上 如下 一是 二是 三是 四是 五是 还 已 已经 及时 要 会 能 可 可以 则 但 但是 因 因为"
    " 所以 如果 若 且 向 给 让 使 来 去 到 上 下 里 后 前 间 时 啊 吗 呢 吧 哪 哪些 什么 怎么 如何 多少 关于".split()
)

EN_STOP_WORDS: frozenset[str] = frozenset(
    "a an the of for in on at to and or with by from about is are was were be been being how many much what"
    " which who whom when where why did does do done this that these those it its their there any all more most"
    " than as into per some show me find give list tell please whose have has had".split()
)

_KEEP = re.compile(f"[{CJK}0-9a-z]")
_CJK_WORD = re.compile(f"^[{CJK}]+$")
_CJK_RUN = re.compile(f"[{CJK}]{{2,}}")
_PARENS = re.compile(r"[（(][^（()）]*[)）]")
_EN_WORD = re.compile(r"[a-z][a-z'\-]*")
_EN_SPLIT = re.compile(r"([a-z][a-z'\-]*(?:\s+[a-z][a-z'\-]*)*)")


def _clean_label(label: str) -> str:
    label = unicodedata.normalize("NFKC", label)
    return _PARENS.sub(" ", NUMBERING.sub("", label))


def _cjk_runs(text: str) -> list[str]:
    return _CJK_RUN.findall(_clean_label(text))


def _is_english(word: str) -> bool:
    return bool(word) and word.isascii() and any(c.isalpha() for c in word)


@cache
def schema_terms() -> tuple[str, ...]:
    """Chinese words taken from the schema: headings, labels, literal keys and Chinese synonyms."""
    words: dict[str, None] = {}
    for section in schema.SECTIONS:
        for w in _cjk_runs(section.heading):
            words.setdefault(w)
    for layout in schema.LAYOUTS.values():
        for table in layout.tables:
            for w in _cjk_runs(table.label):
                words.setdefault(w)
            for row in table.rows:
                items = [row.label, *row.synonyms, *(k for k in row.keys if _CJK_WORD.match(k))]
                for col in row.columns:
                    items += [col.label, *col.synonyms]
                for item in items:
                    for w in _cjk_runs(item):
                        words.setdefault(w)
    return tuple(words)


@cache
def domain_dictionary() -> tuple[str, ...]:
    """Every domain word the tokenizer adds to jieba's dictionary, in a stable order."""
    words: dict[str, None] = {}
    for w in (*CORE_TERMS, *schema_terms(), *(t.zh for t in vocabulary.of_kind(Kind.TERM))):
        w = unicodedata.normalize("NFKC", w).lower()
        if len(w) >= 2 and _KEEP.search(w):
            words.setdefault(w)
    return tuple(words)


# ---------------------------------------------------------------- query normalisation
def _stem(word: str) -> str:
    """Crude English plural/possessive folding, applied to lexicon keys and query words alike."""
    word = word.strip("'-").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _phrase_key(text: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in _EN_WORD.findall(text.lower()))


@cache
def english_lexicon() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Stemmed English phrase -> Chinese terms: the vocabulary first, then the schema's English names."""
    lex: dict[tuple[str, ...], list[str]] = {}
    from_vocabulary: set[tuple[str, ...]] = set()

    def put(en: str, zhs: Iterable[str]) -> None:
        key = _phrase_key(en)
        if not key or key in from_vocabulary:  # the vocabulary's rendering wins over the schema's
            return
        bucket = lex.setdefault(key, [])
        for zh in zhs:
            if zh and zh not in bucket:
                bucket.append(zh)

    for en, zhs in vocabulary.EN_TO_ZH.items():
        put(en, zhs)
    from_vocabulary.update(lex)
    for section in schema.SECTIONS:
        put(section.english, [" ".join(_cjk_runs(section.heading))])
    for layout in schema.LAYOUTS.values():
        for table in layout.tables:
            put(table.english, [" ".join(_cjk_runs(table.label))])
            for row in table.rows:
                zh_syn = [s for s in row.synonyms if not _is_english(s)]
                target = zh_syn[:1] or [" ".join(_cjk_runs(row.label))]
                for en in (row.english, *(s for s in row.synonyms if _is_english(s))):
                    put(en, target)
                for col in row.columns:
                    czh = [s for s in col.synonyms if not _is_english(s)]
                    ctarget = czh[:1] or [" ".join(_cjk_runs(col.label))]
                    for en in (col.english, *(s for s in col.synonyms if _is_english(s))):
                        put(en, ctarget)
    return {k: tuple(v) for k, v in lex.items() if v}


@cache
def _lexicon_words() -> frozenset[str]:
    return frozenset(w for key in english_lexicon() for w in key)


def _english_to_chinese(words: list[str]) -> list[str]:
    """Greedy longest-phrase mapping; unknown non-stop words are kept as they are."""
    lex = english_lexicon()
    longest = max((len(k) for k in lex), default=1)
    # a hyphenated word no phrase of the lexicon has is its words ("information-processing fee")
    known = _lexicon_words()
    words = [p for w in words for p in (w.split("-") if "-" in w and _stem(w) not in known else (w,)) if p]
    stems = [_stem(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            zh = lex.get(tuple(stems[i : i + n]))
            if zh and not (n == 1 and words[i] in EN_STOP_WORDS):
                out.extend(zh)
                i += n
                break
        else:
            if words[i] not in EN_STOP_WORDS:
                out.append(words[i])
            i += 1
    return out


@cache
def _t2s() -> object:
    import opencc  # the PyPI package ships its conversion data: works offline

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> Simplified (OpenCC t2s); converted text also gets Taiwan and Hong Kong wording mapped
    (資訊 -> 信息), and written Cantonese its Mandarin words (冇 -> 没有, 提供唔到 -> 提供不到)."""
    simple = _t2s().convert(text)  # type: ignore[attr-defined]
    if simple != text:
        for word, mainland in vocabulary.REGIONAL_WORDS.items():
            simple = simple.replace(word, mainland)
    if _CANTONESE.search(simple):
        simple = _CANTONESE.sub(lambda m: vocabulary.CANTONESE_WORDS[m.group(0)], simple)
    return simple


_CANTONESE = re.compile("|".join(sorted(vocabulary.CANTONESE_WORDS, key=len, reverse=True)))


def normalize_query(query: str) -> str:
    """A query as Simplified Chinese words: NFKC, lower case, OpenCC, English phrases mapped."""
    text = to_simplified(unicodedata.normalize("NFKC", query).lower())
    parts: list[str] = []
    for chunk in _EN_SPLIT.split(text):
        if not chunk:
            continue
        if _EN_WORD.match(chunk):
            parts.extend(_english_to_chinese(_EN_WORD.findall(chunk)))
        else:
            parts.append(chunk)
    return " ".join(p.strip() for p in parts if p.strip())


# ---------------------------------------------------------------- the tokenizer
CACHE_FILE = "jieba.cache"
MEMO_SIZE = 200_000  # words, and blocks, whose tokens are remembered (then forgotten all at once)
PARTS_FILE = "jieba.parts"  # the dictionary with the domain words added, split by first character
# jieba's own prefix dictionary (read-only here), loaded once per process; each Tokenizer works on a copy
_BASE_DICTIONARY: dict[str, tuple[dict[str, int], int]] = {}


class Tokenizer:
    """jieba segmentation with the domain dictionary; picklable (the jieba instance is rebuilt)."""

    def __init__(self, cache_dir: str | os.PathLike[str] | None = None, extra_words: Iterable[str] = ()):
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.words = tuple(dict.fromkeys((*domain_dictionary(), *extra_words)))
        self._jieba: jieba.Tokenizer | None = None
        self._packed: dict[str, bytes] | None = None  # the parts file's parts, while some are not loaded
        self._loaded: set[str] = set()  # the first characters whose parts are in the dictionary
        self._memo: dict[str, tuple[str, ...]] = {}  # word -> its tokens (words repeat a lot)
        self._blocks: dict[str, tuple[str, ...]] = {}  # block of text -> its tokens (see token_runs)

    def __getstate__(self) -> dict:
        return {"cache_dir": self.cache_dir, "words": self.words}

    def __setstate__(self, state: dict) -> None:
        self.cache_dir, self.words, self._jieba = state["cache_dir"], state["words"], None
        self._packed, self._loaded = None, set()
        self._memo, self._blocks = {}, {}

    @property
    def signature(self) -> str:
        """Changes whenever segmentation could: stored with an index, which is rebuilt on mismatch."""
        import jieba  # imported when segmentation is first needed: a figure question never needs it

        h = hashlib.sha256(f"{SEGMENTER_VERSION}|jieba {jieba.__version__}|{CORE_FREQ}|{DOMAIN_FREQ}|".encode())
        h.update("\n".join(CORE_TERMS).encode())
        h.update("\n".join(self.words).encode())
        h.update("\n".join(sorted(STOP_WORDS)).encode())
        return h.hexdigest()[:16]

    @property
    def jieba(self) -> jieba.Tokenizer:
        """The private jieba instance. With a parts file in ``cache_dir`` written for this dictionary, its
        dictionary starts empty and is filled part by part as texts need them (:meth:`_need`), which
        takes milliseconds, not seconds; otherwise the whole dictionary is loaded (jieba's cache in the
        folder, or built and written there) and its parts file is written."""
        if self._jieba is None:
            import jieba

            tk = jieba.Tokenizer()
            parts = self._read_parts()
            if parts is not None:
                self._packed, tk.total = parts
                tk.FREQ, tk.initialized = {}, True
                self._jieba = tk
                return tk
            cached = _BASE_DICTIONARY.get("default")
            if self.cache_dir is not None and (cached is None or not (self.cache_dir / CACHE_FILE).is_file()):
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                tk.tmp_dir, tk.cache_file = str(self.cache_dir), CACHE_FILE
                tk.initialize()  # reads the cache in the folder, or builds it and writes it there
                cached = _BASE_DICTIONARY.setdefault("default", (dict(tk.FREQ), tk.total))
            else:  # no folder (nothing is written), or the dictionary is already loaded in this process
                if cached is None:
                    cached = _BASE_DICTIONARY.setdefault("default", tk.gen_pfdict(tk.get_dict_file()))
                tk.FREQ, tk.total = dict(cached[0]), cached[1]
                tk.initialized = True
            for w in self.words:
                floor = CORE_FREQ if w in CORE_TERMS else DOMAIN_FREQ
                tk.add_word(w, max(tk.FREQ.get(w) or tk.suggest_freq(w), floor))
            self._jieba = tk
            if self.cache_dir is not None:
                self._write_parts(tk.FREQ, tk.total)
        return self._jieba

    def _need(self, text: str) -> jieba.Tokenizer:
        """The jieba instance, its dictionary holding every word that starts with a character of ``text``
        (jieba only looks up words starting inside the text it cuts)."""
        tk = self.jieba
        if self._packed is not None:
            new = set(text).difference(self._loaded)
            if new:
                for first in new:
                    raw = self._packed.get(first)
                    if raw:
                        tk.FREQ.update(marshal.loads(raw))
                self._loaded |= new
        return tk

    def _read_parts(self) -> tuple[dict[str, bytes], int] | None:
        """The packed parts and total of the parts file in ``cache_dir`` when it was written for this
        tokenizer; else of the installation's seed (:func:`seed_dictionary`), copied into ``cache_dir``;
        else None."""
        if self.cache_dir is None:
            return None
        found = self._parts_in(self.cache_dir)
        seed = config.dictionary_seed()
        if found is None and seed.resolve() != self.cache_dir.resolve():
            found = self._parts_in(seed)
            if found is not None:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                self._put_parts(lambda tmp: shutil.copyfile(seed / PARTS_FILE, tmp))
        return found

    def _parts_in(self, folder: Path) -> tuple[dict[str, bytes], int] | None:
        try:
            with open(folder / PARTS_FILE, "rb") as fh:
                signature, total, parts = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError):
            return None
        return (parts, total) if signature == self.signature else None

    def _write_parts(self, freq: dict[str, int], total: int) -> None:
        parts: dict[str, dict[str, int]] = {}
        for word, n in freq.items():
            parts.setdefault(word[:1], {})[word] = n
        packed = {first: marshal.dumps(words) for first, words in parts.items()}

        def write(tmp: Path) -> None:
            with open(tmp, "wb") as fh:
                marshal.dump((self.signature, total, packed), fh)

        self._put_parts(write)

    def _put_parts(self, write: Callable[[Path], object]) -> None:
        """Write ``cache_dir``'s parts file atomically (``write`` fills a temporary file); a read-only folder
        keeps none, and the next process reads the seed or builds the dictionary again."""
        assert self.cache_dir is not None
        replace_file(self.cache_dir / PARTS_FILE, write, optional=True)

    def _cut(self, text: str) -> Iterator[str]:
        """jieba's accurate-mode words of a prepared text, without HMM, piece by piece of jieba's split."""
        for i, piece in enumerate(_han_blocks().split(text)):
            yield from self._cut_piece(piece, i % 2 == 1)  # the captured blocks sit at the odd places

    def _cut_piece(self, piece: str, block: bool) -> list[str]:
        """The words of one piece of jieba's split: a block of Chinese, letters and digits (``block``) cut
        by the C extension when built (the same words, several times faster); else, and what lies between
        the blocks, by jieba."""
        if not piece:
            return []
        tk = self._need(piece)
        if block and _segment is not None:
            return _segment.cut_block(piece, tk.FREQ, math.log(tk.total))
        return tk.lcut(piece, HMM=False)

    def words_of(self, text: str) -> list[str]:
        """Accurate-mode words (no sub-words), normalised, stop words and punctuation kept."""
        return list(self._cut(_prepare(text)))

    def _subwords(self, word: str) -> Iterator[str]:
        """Dictionary words inside a longer Chinese word (信息公开 in 政府信息公开), whose characters'
        parts are loaded."""
        n = len(word)
        if n > 2 and _CJK_WORD.match(word):
            freq = self.jieba.FREQ
            for size in range(2, n):
                for i in range(n - size + 1):
                    sub = word[i : i + size]
                    if freq.get(sub) and sub not in STOP_WORDS:
                        yield sub

    def _expand(self, word: str) -> tuple[str, ...]:
        """The tokens a word contributes: () for stop words and punctuation, else its sub-words and itself."""
        if word in STOP_WORDS or not _KEEP.search(word):
            return ()
        return (*self._subwords(word), word)

    def token_runs(self, text: str) -> list[tuple[str, ...]]:
        """Search-mode tokens of a text, block by block: each kept word, preceded by the dictionary words
        inside it.

        jieba cuts a text block by block (runs of Chinese, letters and digits, and what lies between
        them) and a block's words do not depend on the rest of the text, so each distinct block is cut
        once: reports repeat their sentences and clauses a lot."""
        memo, blocks = self._memo, self._blocks
        if len(memo) > MEMO_SIZE:
            memo.clear()
        if len(blocks) > MEMO_SIZE:
            blocks.clear()
        runs = []
        for i, block in enumerate(_han_blocks().split(_prepare(text))):
            tokens = blocks.get(block)
            if tokens is None:
                out: list[str] = []
                for w in self._cut_piece(block, i % 2 == 1):
                    expanded = memo.get(w)
                    if expanded is None:
                        expanded = memo[w] = self._expand(w)
                    out += expanded
                tokens = blocks[block] = tuple(out)
            if tokens:
                runs.append(tokens)
        return runs

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens of a passage (what the index counts)."""
        return [t for run in self.token_runs(text) for t in run]

    def query_words(self, query: str) -> list[tuple[str, tuple[str, ...]]]:
        """The normalised query's words (accurate mode, no stop words), each with its sub-words."""
        text = _prepare(normalize_query(query))
        words = [w for w in self._cut(text) if self._expand(w)]
        return [(w, tuple(self._subwords(w))) for w in dict.fromkeys(words)]

    def query_tokens(self, query: str, known: Container[str] | None = None) -> list[str]:
        """Distinct tokens to look up for a query.

        Whole words only: passages index the sub-words of their words, so "信息公开" already finds
        "政府信息公开", while splitting the query's own words into their parts would let boilerplate
        parts (政府, 信息, 公开: in most passages) outweigh the specific words. A word the index does
        not know (``known``) is replaced by its sub-words that it knows.
        """
        out: dict[str, None] = {}
        for word, subs in self.query_words(query):
            if known is None or word in known:
                out.setdefault(word)
            else:
                for sub in subs:
                    if sub in known:
                        out.setdefault(sub)
        return list(out)


def seed_dictionary() -> Path:
    """Build the installation's dictionary once (jieba's, with the domain words, split by first character:
    the parts file), so that a new index folder copies it instead of building it; `make install` runs this."""
    from assistant.domain import names, places

    folder = config.dictionary_seed()
    Tokenizer(folder).jieba  # noqa: B018 - reads a seed written for this dictionary, or builds and writes it
    # and what a cold `ask` derives from CC-CEDICT and the gazetteer, kept beside it (assistant.derived)
    names.place_pinyin("洪泽")
    names.cedict_glosses()
    names.english_words()
    places.lookup("洪泽区")
    return folder


@cache
def _han_blocks() -> re.Pattern[str]:
    """The pattern jieba splits a text into blocks with (accurate mode)."""
    import jieba

    return jieba.re_han_default


def _prepare(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


if __name__ == "__main__":
    print(f"segmentation dictionary in {seed_dictionary()}")

"""A question as the reader sees it: one normal form, before anything reads its meaning.

- NFKC folds full-width forms (２０２４, ＡＢＣ) and compatibility characters;
- OpenCC turns Traditional characters into Simplified (行政復議 -> 行政复议);
- a year written with two digits before 年 is written out (实验区21年 is 2021年);
- English contractions are written out ("couldn't" is "could not"), and colloquial Chinese forms are
  the printed ones (或者 is 或);
- a short form of an English word ("info", "govt", "dept") is read as the word it stands for;
- an English word the question vocabulary does not know, and that is no English word at all (CC-CEDICT's
  definitions are the word list), is corrected to the nearest word it knows, within a small edit
  distance (reconsideraton -> reconsideration, recieved -> received);
- a Chinese word written with a homophone of a vocabulary term (申清 for 申请, 复义 for 复议) is
  corrected when the pinyin is the same and at least half its characters are.

The known words are the question vocabulary built from the schema and the domain vocabulary; the
result says which corrections were made, so an answer can show what it understood.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

from assistant.domain import vocabulary
from assistant.domain.names import cedict_glosses, english_words
from assistant.domain.patterns import CJK_WORD, SHORT_YEAR
from assistant.search.tokenize import to_simplified


def lazy_pinyin(text: str) -> list[str]:
    """pypinyin's reading of the text (pypinyin loads its dictionaries only when a question needs them)."""
    from pypinyin import lazy_pinyin as reading

    return reading(text)


_WORD = re.compile(r"[a-z][a-z']+")


@dataclass(frozen=True)
class Normalized:
    text: str  # the question in normal form
    original: str
    corrections: tuple[tuple[str, str], ...] = field(default=())  # (as written, as read)


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count 1), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _common_ending(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _allowed(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


_INFLECTION = re.compile(r"(?:ed|d|es|s|ing|ly)$")


def _is_english(word: str, correction: str) -> bool:
    """A word of CC-CEDICT's English, or one with a regular ending on one ("classed" is not "closed"),
    unless the correction is the same word's own spelling ("carryed" is "carried")."""
    known = english_words()
    if word in known:
        return True
    m = _INFLECTION.search(word)
    stem = word[: m.start()] if m else ""
    if len(stem) < 4 or correction.startswith(stem[:-1]):
        return False
    return stem in known or stem + "e" in known or stem[:-1] + "y" in known


class Speller:
    """Corrects words of a question against the words it knows (deterministic: ties go alphabetically)."""

    def __init__(self, english: Iterable[str], chinese: Iterable[str]):
        self.words = frozenset(w for phrase in english for w in _WORD.findall(phrase.lower()))
        self._by_length: dict[int, list[str]] = {}
        for w in sorted(self.words):
            self._by_length.setdefault(len(w), []).append(w)
        self._chinese = tuple(sorted(t for t in set(chinese) if 2 <= len(t) <= 6 and CJK_WORD.fullmatch(t)))
        self._fixed: dict[str, str] = {}

    @cached_property
    def _pinyin(self) -> dict[tuple[str, ...], list[str]]:
        """Known Chinese terms by their sound (made at the first Chinese question: an English one needs none)."""
        out: dict[tuple[str, ...], list[str]] = {}
        for term in self._chinese:
            out.setdefault(tuple(lazy_pinyin(term)), []).append(term)
        return out

    def english(self, word: str) -> str:
        """The known word nearest a word of a question (the word itself when none is near enough); each
        word is looked up once (the search tries every known word of about its length)."""
        fixed = self._fixed.get(word)
        if fixed is None:
            if len(self._fixed) >= 10_000:  # the words of questions: any a visitor types
                self._fixed.clear()
            fixed = self._fixed[word] = self._nearest(word)
        return fixed

    def _nearest(self, word: str) -> str:
        limit = _allowed(word)
        if word in self.words or not limit:
            return word
        best: tuple[int, int, str] | None = None  # nearest, then keeping most of the word's ending
        for n in range(len(word) - limit, len(word) + limit + 1):
            for known in self._by_length.get(n, ()):
                d = _distance(word, known, limit)
                if d > 1 and known[0] != word[0]:  # two slips and another first letter: another word
                    continue
                key = (d, -_common_ending(word, known), known)  # "partialy" is "partially", not "partial"
                if d <= limit and (best is None or key < best):
                    best = key
        if best is None or _is_english(word, best[2]):  # "there" is a word, not a misspelling of "three"
            return word
        return best[2]

    def chinese(self, run: str) -> tuple[str, list[tuple[str, str]]]:
        """A run of Chinese characters with homophone misspellings of known terms corrected."""
        fixes: list[tuple[str, str]] = []
        chars = list(run)
        sounds = lazy_pinyin(run)
        i = 0
        while i < len(chars):
            fixed = False
            for n in range(min(6, len(chars) - i), 1, -1):
                window = "".join(chars[i : i + n])
                for term in self._pinyin.get(tuple(sounds[i : i + n]), ()):
                    same = sum(a == b for a, b in zip(window, term, strict=True))
                    if term != window and same * 2 >= n and term not in run and not _splits_word(run, i, n, term):
                        fixes.append((window, term))
                        chars[i : i + n] = list(term)
                        i += n
                        fixed = True
                        break
                if fixed:
                    break
            if not fixed:
                i += 1
        return "".join(chars), fixes


def _splits_word(run: str, i: int, n: int, term: str) -> bool:
    """Correcting ``run[i:i+n]`` to ``term`` would break a word it forms with the character beside it
    (全部给公开 is not 全不给公开: 全部 is a word, 全不 is none)."""
    words = cedict_glosses()
    left = i > 0 and run[i] != term[0] and run[i - 1] + run[i] in words and run[i - 1] + term[0] not in words
    end = i + n
    right = end < len(run) and run[end - 1] != term[-1] and run[end - 1] + run[end] in words
    return left or (right and term[-1] + run[end] not in words)


def normalize(question: str, speller: Speller) -> Normalized:
    text = to_simplified(unicodedata.normalize("NFKC", question))
    text = text.replace("’", "'").replace("‘", "'")
    for pattern, full in vocabulary.CONTRACTIONS:
        text = re.sub(pattern, full, text, flags=re.I)
    for form, printed in vocabulary.CHINESE_FORMS:
        text = text.replace(form, printed)
    text = SHORT_YEAR.sub(r"20\1", text)
    fixes: list[tuple[str, str]] = []

    def english(m: re.Match) -> str:
        word = m.group(0)
        full = vocabulary.ENGLISH_SHORT_FORMS.get(word.lower())
        if full:
            return full
        fixed = speller.english(word.lower())
        if fixed != word.lower():
            fixes.append((word, fixed))
            return fixed
        return word

    def chinese(m: re.Match) -> str:
        fixed, found = speller.chinese(m.group(0))
        fixes.extend(found)
        return fixed

    text = re.sub(r"[A-Za-z][A-Za-z']+", english, text)
    text = CJK_WORD.sub(chinese, text)
    return Normalized(text, question, tuple(fixes))


@cache
def default_speller() -> Speller:
    """The speller over the question vocabulary (measures, columns, sections, glossary, question words)."""
    from assistant.answer.lexicon import question_terms

    english, chinese = question_terms()
    return Speller(english, chinese)

"""BM25 over sparse postings, scoring exactly like ``rank_bm25.BM25Okapi``, persisted atomically and memory-mapped.

Scores: for a query term t and passage d with term count f and length |d| (in tokens),
``idf(t) * f * (k1 + 1) / (f + k1 * (1 - b + b * |d| / avgdl))`` summed over the query's terms, with
rank_bm25's idf ``log(N - n + 0.5) - log(n + 0.5)`` where a negative idf (a term in more than half
the passages) is replaced by ``epsilon * mean idf``. Each term's column of scores is precomputed
(postings sorted by passage), the most frequent terms also as dense columns (more of them in a
smaller corpus). The top k comes from a small C extension (``_topk.c``, built by the install: MaxScore
with block bounds, document at a time, every score summed in the one order below, so the floats are
the full sum's); without a compiler the numpy paths here give the same answer (MaxScore from the rarest
terms, block-max pruning, or a few vector additions and a top-k selection above a score threshold).

The index holds no passage objects: per passage it keeps its report, its position in the report, its
offsets, page, section and role (its kind and, for a table row, its address) as arrays; hits fetch
their text from a *text source* (the corpus store's ``passage_texts``), or, for an index built
without one, from the texts saved in the index file.

It lives in one file in the index folder (``bm25.index``): the arrays, 64-byte aligned, then a JSON
manifest (format version, tokenizer signature, BM25 parameters, corpus fingerprint, a digest of the
arrays), its SHA-256, its length and a magic trailer. Loading memory-maps the arrays (nothing is
rebuilt or copied, so a served index costs only the pages its queries touch). The file is written to a
temporary file and moved into place with ``os.replace``; a stale or damaged file is detected (and
:func:`open_index` rebuilds it). Files above ``VERIFY_INLINE_BYTES`` have their digest checked by a
background thread, so the first query does not wait for the whole file to be read; a mismatch makes
every later query raise :class:`IndexDamaged`. The term counts (a CSR matrix) are kept too, so adding
a report segments only its passages. jieba's dictionary cache sits in the same folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import multiprocessing
import os
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import numpy as np

from assistant.atomic import replace_file
from assistant.domain.record import IndexedPassage
from assistant.search.tokenize import Tokenizer

try:  # the top k in C (built by the install when a compiler is there); else the numpy paths below
    from assistant.search import _topk
except ImportError:  # pragma: no cover - depends on the build
    _topk = None

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    import scipy.sparse as sp

__all__ = [
    "BM25Index",
    "BM25Params",
    "CorpusStats",
    "IndexedPassage",
    "IndexDamaged",
    "IndexMissing",
    "IndexStale",
    "IndexUnusable",
    "Lookup",
    "Passages",
    "ReportMeta",
    "SyncResult",
    "TextSource",
    "open_index",
]

log = logging.getLogger(__name__)

FORMAT_VERSION = 6  # 3: each passage's role (kind and address); 4: each term's highest score; 5: and per block;
# 6: the terms' CRC-32s, sorted (the vocabulary is searched in the file, not loaded into a dict)
INDEX_FILE = "bm25.index"
MAGIC = b"BM25IDX2"
ALIGN = 64
PARALLEL_MIN_PASSAGES = 2000  # below this, segmenting in one process is faster than starting workers
SYNC_BATCH = 50_000  # passages segmented at a time while syncing (bounds the texts held in memory)
DENSE_COLUMNS = 64  # the most frequent terms get a dense score column, and lead every sum (see _ordered);
DENSE_BYTES = DENSE_COLUMNS * 8 * 10**6  # ... more (for look-ups) while they fit in 64 columns at 10^6 passages
DENSE_MIN_FRACTION = 0.05  # ... if they occur in at least this fraction of the passages
BLOCK_BITS = 11  # scores are bounded per block of about sqrt(passages / 2**11) consecutive passages (a power of 2)
BLOCK_MIN_SHARE = 1 / 4  # terms with postings in this many per block get a column of block maxima (saved)
FIRST_BLOCKS = 16  # per result wanted, about this many blocks of the highest bounds are scored first
SAMPLE = 2048  # blocks whose bounds are sampled to find the first ones
MAXSCORE_POSTINGS = 8192  # MaxScore starts from the rarest terms while their postings are fewer, else blocks
MAXSCORE_FRACTION = 0.5  # ... and goes on while its terms' postings cover at most this share of the passages
PRUNE_FRACTION = 0.1  # blocks left to score holding more than this of the passages: the full sum is cheaper
SCORE_CHUNK = 1 << 22  # postings scored at a time while preparing (bounds the temporaries)
LOOKUP_FACTOR = 4  # a term with this many times more postings than candidates: candidates looked up, not scattered
HOLDING_MARKS = 32  # postings of a set of terms over 1/32 of the passages: marked in an array, not sorted
VERIFY_INLINE_BYTES = 64 * 2**20  # files up to this size are checked before load returns

# where hits get their text: (report id, position of the passage in its report) -> text, in order
TextSource = Callable[[Sequence[tuple[str, int]]], list[str]]


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


class ReportMeta(NamedTuple):
    """What every passage of one report shares (a named tuple: a million-passage index loads tens of
    thousands of them)."""

    report_id: str
    title: str
    agency: str
    region: str
    year: int | None


@dataclass(frozen=True)
class Lookup:
    """What one search reads of an index, in one call (see :meth:`BM25Index.lookup`)."""

    held: list[int]  # per group of terms: how many passages (within the mask) hold one of them
    top: list[tuple[int, float]]  # the best passages holding a term, (position, score), best first
    passages: list[IndexedPassage]  # the passages of ``top`` (empty when not asked for)
    holding: np.ndarray | None = None  # positions of the passages holding any term (when asked for)


@dataclass(frozen=True)
class CorpusStats:
    """What BM25 reads of the whole corpus: its passage count, their total length in tokens and each
    term's document frequency. An index given another corpus's stats (one shard of it) scores its
    passages as one index over that corpus would (see :meth:`BM25Index.use_stats`)."""

    documents: int
    length: int
    df: dict[str, int]

    @property
    def avgdl(self) -> float:
        return self.length / self.documents if self.documents else 0.0

    @property
    def average_idf(self) -> float:
        """The mean idf over the corpus's terms (the floor of a negative idf is ``epsilon`` times this)."""
        df = np.fromiter(self.df.values(), dtype=np.float64, count=len(self.df))
        df = df[df > 0]
        return float((np.log(self.documents - df + 0.5) - np.log(df + 0.5)).mean()) if len(df) else 0.0

    def dense(self) -> list[str]:
        """The terms that get a dense score column: the most frequent (ties by term), as one index over
        the corpus picks them, so every shard sums a query's terms in the same order."""
        floor = max(1.0, DENSE_MIN_FRACTION * self.documents)
        frequent = sorted((t for t, n in self.df.items() if n >= floor), key=lambda t: (-self.df[t], t))
        return frequent[: dense_columns(self.documents)]

    @classmethod
    def combined(cls, parts: Iterable[CorpusStats]) -> CorpusStats:
        """The stats of a corpus made of these parts (the shards)."""
        documents, length, df = 0, 0, Counter()
        for part in parts:
            documents, length = documents + part.documents, length + part.length
            df.update(part.df)
        return cls(documents, length, dict(df))


def dense_columns(passages: int) -> int:
    """How many of the most frequent terms may get a dense score column (each a float per passage): a
    smaller corpus affords more of them, so fewer of its queries scatter a frequent term's postings."""
    return max(DENSE_COLUMNS, DENSE_BYTES // (8 * max(1, passages)))


class IndexUnusable(Exception):
    """The persisted index cannot be used as it is (missing, stale or damaged)."""


class IndexMissing(IndexUnusable):
    pass


class IndexStale(IndexUnusable):
    """Written by another format version, tokenizer or BM25 parameters, or for another corpus."""


class IndexDamaged(IndexUnusable):
    """Unreadable, truncated or inconsistent."""


@dataclass
class SyncResult:
    added: list[str] = field(default_factory=list)  # report ids (new or changed)
    removed: list[str] = field(default_factory=list)  # report ids (gone or changed)
    segmented_passages: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


_FIELDS = tuple(f.name for f in fields(IndexedPassage))


def report_fingerprint(passages: Sequence[IndexedPassage]) -> str:
    """A hash of everything the index holds for one report (metadata, offsets and text): each passage's
    fields as a JSON list (what ``astuple`` gives, without its deep copy: the fields are scalars)."""
    h = hashlib.sha256()
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for p in passages:
        h.update(dumps([getattr(p, f) for f in _FIELDS]).encode())
        h.update(b"\x00")
    return h.hexdigest()


def corpus_fingerprint(report_fingerprints: dict[str, str]) -> str:
    """A hash of the report ids and their fingerprints, independent of order."""
    h = hashlib.sha256()
    for rid in sorted(report_fingerprints):
        h.update(f"{rid}\x00{report_fingerprints[rid]}\x00".encode())
    return h.hexdigest()


# ---------------------------------------------------------------- segmentation (parallel)
_WORKER_TOKENIZER: Tokenizer | None = None


def _init_worker(tokenizer: Tokenizer) -> None:
    global _WORKER_TOKENIZER
    _WORKER_TOKENIZER = tokenizer


def _count_chunk(
    texts: list[str], tokenizer: Tokenizer | None = None
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Term counts of some texts, as a local vocabulary, term ids + counts, and row sizes."""
    tk = tokenizer or _WORKER_TOKENIZER
    assert tk is not None
    local: dict[str, int] = {}
    ids: list[int] = []
    counts: list[int] = []
    sizes = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        c = Counter(chain.from_iterable(tk.token_runs(text)))
        sizes[i] = len(c)
        for term, n in c.items():
            ids.append(local.setdefault(term, len(local)))
            counts.append(n)
    return list(local), np.asarray(ids, dtype=np.int32), np.asarray(counts, dtype=np.int32), sizes


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def _segmenter(tokenizer: Tokenizer, workers: int) -> Iterator[Callable[[list[str]], Callable[[], list]]]:
    """A function starting to segment a list of texts into count chunks, returning the function that
    waits for them; with several workers, one pool for all calls (so the caller reads the next texts
    while the workers segment these)."""
    pool: Pool | None = None

    def segment(texts: list[str]) -> Callable[[], list]:
        nonlocal pool
        if workers <= 1 or len(texts) < PARALLEL_MIN_PASSAGES:
            chunks = [_count_chunk(texts, tokenizer)]
            return lambda: chunks
        if pool is None:
            tokenizer.jieba  # noqa: B018 - load (and cache) the dictionary before forking
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
            pool = ctx.Pool(workers, initializer=_init_worker, initargs=(tokenizer,))
        size = max(64, min(1000, len(texts) // (workers * 8) or 1))
        return pool.map_async(_count_chunk, [texts[i : i + size] for i in range(0, len(texts), size)], chunksize=1).get

    try:
        yield segment
    finally:
        if pool is not None:
            pool.close()
            pool.join()


@dataclass
class _Block:
    """Segmented passages not yet in the index: their metadata, and counts over a local vocabulary."""

    terms: list[str]
    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    meta: list[tuple]  # each passage's fields but its text (see :data:`_META_FIELDS`)
    texts: list[str] | None  # None when the index has a text source
    fps: dict[str, str]


_META_FIELDS = ("report_id", "title", "agency", "region", "year", "section", "page", "start", "end", "kind", "address")
# what the index keeps per passage, one array each (positions in self.reports, self.sections and self.roles)
_PASSAGE_ARRAYS = ("report_of", "ordinal", "start", "end", "page", "section_of", "role_of")


def _csr(indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, shape: tuple[int, int]) -> sp.csr_matrix:
    import scipy.sparse as sp

    return sp.csr_matrix((data, indices, indptr), shape=shape, copy=False)


class _BlobTexts(Sequence[str]):
    """Passage texts saved in the index file: UTF-8 bytes and offsets, decoded on access."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray):
        self.blob, self.offsets = blob, offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self.blob[self.offsets[i] : self.offsets[i + 1]].tobytes().decode()


class _MappedVocabulary(Mapping[str, int]):
    """A saved index's vocabulary, searched in its file: the terms' UTF-8 text (one a line, in id order)
    and their CRC-32s sorted with the ids in that order, so a term is found by binary search and no
    dict of every term is built at load. The terms looked up are remembered (a few per query)."""

    REMEMBERED = 1 << 16

    def __init__(self, text: np.ndarray, hashes: np.ndarray, order: np.ndarray):
        self.text, self.hashes, self.order = text, hashes, order
        breaks = np.flatnonzero(text == ord("\n"))
        self.starts = np.concatenate([[0], breaks + 1]) if len(order) else np.zeros(0, dtype=np.int64)
        self.ends = np.concatenate([breaks, [len(text)]]) if len(order) else np.zeros(0, dtype=np.int64)
        self._seen: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.order)

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms())

    def terms(self) -> list[str]:
        """Every term, in id order."""
        text = self.text.tobytes().decode()
        return text.split("\n") if text else []

    def __getitem__(self, term: str) -> int:
        found = self.get(term)
        if found is None:
            raise KeyError(term)
        return found

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None

    def get(self, term: str, default: int | None = None) -> int | None:  # type: ignore[override]
        found = self._seen.get(term)
        if found is None:
            found = self._find(term)
            if len(self._seen) >= self.REMEMBERED:
                self._seen.clear()
            self._seen[term] = found
        return default if found < 0 else found

    def _find(self, term: str) -> int:
        raw = term.encode()
        h = zlib.crc32(raw)
        i = int(np.searchsorted(self.hashes, h))
        while i < len(self.hashes) and self.hashes[i] == h:
            t = int(self.order[i])
            if self.text[self.starts[t] : self.ends[t]].tobytes() == raw:
                return t
            i += 1
        return -1


def _term_hashes(terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The terms' CRC-32s, sorted, and the term ids in that order (what :class:`_MappedVocabulary` searches)."""
    hashes = np.fromiter((zlib.crc32(t.encode()) for t in terms), dtype=np.uint32, count=len(terms))
    order = np.argsort(hashes, kind="stable").astype(np.int32)
    return hashes[order], order


# ---------------------------------------------------------------- the index
class BM25Index:
    """Term counts of passages, their BM25 score columns, and where each passage sits in its report.

    ``texts``: where hits get their text (see :data:`TextSource`); without one the index keeps the
    texts itself (in memory, and in its file).
    """

    def __init__(
        self, tokenizer: Tokenizer | None = None, params: BM25Params | None = None, texts: TextSource | None = None
    ):
        self.tokenizer = tokenizer or Tokenizer()
        self.params = params or BM25Params()
        self.text_source = texts
        self._terms: list[str] | None = []
        self.vocab: Mapping[str, int] = {}  # a loaded index's: a _MappedVocabulary until it changes
        self.reports: list[ReportMeta] = []
        self.report_fps: dict[str, str] = {}
        self.sections: list[str] = []
        self.roles: list[tuple[str, str]] = []  # (kind, address) pairs the passages have
        self.source_fingerprint: str | None = None  # the corpus store's own fingerprint, when it gave one
        # per passage: its report (position in self.reports), its position in the report, offsets, page, section,
        # role (position in self.roles)
        self.report_of = np.zeros(0, dtype=np.int32)
        self.ordinal = np.zeros(0, dtype=np.int32)
        self.start = np.zeros(0, dtype=np.int64)
        self.end = np.zeros(0, dtype=np.int64)
        self.page = np.zeros(0, dtype=np.int32)  # -1: no page
        self.section_of = np.zeros(0, dtype=np.int32)
        self.role_of = np.zeros(0, dtype=np.int32)
        self._texts: Sequence[str] | None = None if texts else []
        self._csr_parts = (np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32))
        self._ready = False
        self._damaged: str | None = None  # set by the background digest check
        self._local = threading.local()  # per-thread score buffers
        self.version = 0  # bumped by every add or removal (lets callers cache per-passage arrays)
        self.stats: CorpusStats | None = None  # another corpus's stats to score with (this index is a shard of it)

    # ------------------------------------------------------------ passages
    def __len__(self) -> int:
        return len(self.report_of)

    @property
    def terms(self) -> list[str]:
        """Every term, in id order (a loaded index decodes them on first use: serving needs none)."""
        if self._terms is None:
            assert isinstance(self.vocab, _MappedVocabulary)
            self._terms = self.vocab.terms()
        return self._terms

    @terms.setter
    def terms(self, terms: list[str]) -> None:
        self._terms = terms

    def _own_vocab(self) -> dict[str, int]:
        """The vocabulary as a dict, to add terms to (a loaded index's is built from the file's once)."""
        if not isinstance(self.vocab, dict):
            self.vocab = dict(zip(self.terms, range(len(self.terms)), strict=True))
        return self.vocab

    @property
    def fingerprint(self) -> str:
        return corpus_fingerprint(self.report_fps)

    @property
    def _counts(self) -> sp.csr_matrix:
        """Term counts, passages x terms (32-bit indices while they fit: scipy would copy them to 64 bits)."""
        indptr, indices, data = self._csr_parts
        if len(indices) < 2**31 - 1:
            indptr = np.asarray(indptr, dtype=np.int32)
        return _csr(indptr, indices, data, shape=(len(self), len(self.vocab)))

    def passages_at(self, positions: Sequence[int]) -> list[IndexedPassage]:
        """The passages at these positions, their texts fetched in one call to the text source."""
        positions = [int(i) for i in positions]
        reports = [self.reports[self.report_of[i]] for i in positions]
        if self._texts is not None:
            texts = [self._texts[i] for i in positions]
        else:
            assert self.text_source is not None
            texts = self.text_source(
                [(r.report_id, int(self.ordinal[i])) for r, i in zip(reports, positions, strict=True)]
            )
        return [
            IndexedPassage(
                r.report_id,
                r.title,
                r.agency,
                r.region,
                r.year,
                self.sections[self.section_of[i]],
                None if self.page[i] < 0 else int(self.page[i]),
                int(self.start[i]),
                int(self.end[i]),
                text,
                *self.roles[self.role_of[i]],
            )
            for r, i, text in zip(reports, positions, texts, strict=True)
        ]

    def iter_passages(self, batch: int = 1000) -> Iterator[IndexedPassage]:
        """Every passage, in index order (fetched in batches: for export and tests, not for serving)."""
        for s in range(0, len(self), batch):
            yield from self.passages_at(range(s, min(s + batch, len(self))))

    # ------------------------------------------------------------ building
    def _block(
        self,
        passages: list[IndexedPassage],
        segment: Callable[[list[str]], Callable[[], list]],
        fps: dict[str, str] | None = None,
    ) -> Callable[[], _Block]:
        """Start segmenting the passages; returns the function that waits for them and makes their block."""
        if fps is None:
            fps = {rid: report_fingerprint(ps) for rid, ps in _by_report(passages).items()}
        texts = [p.text for p in passages]
        chunks = segment(texts)
        meta = [tuple(getattr(p, f) for f in _META_FIELDS) for p in passages]
        kept = texts if self._texts is not None else None  # with a text source the texts are not held

        def finish() -> _Block:
            terms: dict[str, int] = {}
            indices, data, sizes = [], [], []
            for local_terms, ids, counts, chunk_sizes in chunks():
                remap = np.fromiter(
                    (terms.setdefault(t, len(terms)) for t in local_terms), dtype=np.int32, count=len(local_terms)
                )
                indices.append(remap[ids] if len(ids) else ids)
                data.append(counts)
                sizes.append(chunk_sizes)
            return _Block(
                list(terms),
                np.concatenate([[0], np.cumsum(np.concatenate(sizes))]).astype(np.int64),
                np.concatenate(indices),
                np.concatenate(data),
                meta,
                kept,
                fps,
            )

        return finish

    def _append(self, blocks: list[_Block]) -> int:
        """Add segmented blocks: vocabulary merged, counts and per-passage arrays extended."""
        blocks = [b for b in blocks if b.meta]
        if not blocks:
            return 0
        indptr, indices, data = self._csr_parts
        ptrs, inds, datas = [np.asarray(indptr)], [np.asarray(indices)], [np.asarray(data)]
        per_passage: dict[str, list] = {k: [] for k in _PASSAGE_ARRAYS}
        texts = list(self._texts) if self._texts is not None else None
        section_pos = {s: i for i, s in enumerate(self.sections)}
        role_pos = {r: i for i, r in enumerate(self.roles)}
        report_pos = {r.report_id: i for i, r in enumerate(self.reports)}
        vocab = self._own_vocab()
        added = 0
        for block in blocks:
            remap = np.fromiter(
                (vocab.setdefault(t, len(vocab)) for t in block.terms), dtype=np.int32, count=len(block.terms)
            )
            inds.append(remap[block.indices] if len(block.indices) else block.indices)
            datas.append(block.data)
            ptrs.append(block.indptr[1:] + ptrs[-1][-1])
            seen: dict[str, int] = {}
            for rid, title, agency, region, year, section, page, start, end, kind, address in block.meta:
                if rid not in seen:
                    if rid in report_pos:
                        raise ValueError(f"report {rid} is already indexed: remove it before adding it again")
                    report_pos[rid] = len(self.reports)
                    self.reports.append(ReportMeta(rid, title, agency, region, year))
                    seen[rid] = 0
                per_passage["report_of"].append(report_pos[rid])
                per_passage["ordinal"].append(seen[rid])
                seen[rid] += 1
                per_passage["start"].append(start)
                per_passage["end"].append(end)
                per_passage["page"].append(-1 if page is None else page)
                per_passage["section_of"].append(section_pos.setdefault(section, len(section_pos)))
                per_passage["role_of"].append(role_pos.setdefault((kind, address), len(role_pos)))
            if texts is not None:
                assert block.texts is not None
                texts += block.texts
            self.report_fps.update(block.fps)
            added += len(block.meta)
        self.terms.extend(list(vocab)[len(self.terms) :])
        self.sections = list(section_pos)
        self.roles = list(role_pos)
        for name, values in per_passage.items():
            old = getattr(self, name)
            setattr(self, name, np.concatenate([old, np.asarray(values, dtype=old.dtype)]))
        self._texts = texts
        self._csr_parts = (np.concatenate(ptrs), np.concatenate(inds), np.concatenate(datas))
        self._ready = False
        self.version += 1
        return added

    def add(self, passages: Iterable[IndexedPassage], *, workers: int | None = None) -> int:
        """Segment and append the passages of reports not yet indexed (nothing else is re-segmented)."""
        new = list(passages)
        with _segmenter(self.tokenizer, default_workers() if workers is None else workers) as segment:
            return self._append([self._block(new, segment)()] if new else [])

    def remove(self, report_ids: Iterable[str]) -> int:
        """Drop every passage of these reports; returns how many passages went."""
        gone = set(report_ids) & set(self.report_fps)
        if not gone:
            return 0
        gone_pos = np.array([i for i, r in enumerate(self.reports) if r.report_id in gone], dtype=np.int32)
        keep = ~np.isin(self.report_of, gone_pos)
        report_remap = np.full(len(self.reports), -1, dtype=np.int32)
        kept_reports = np.setdiff1d(np.arange(len(self.reports), dtype=np.int32), gone_pos)
        report_remap[kept_reports] = np.arange(len(kept_reports), dtype=np.int32)
        self.reports = [self.reports[i] for i in kept_reports]
        counts = self._counts[keep]
        used = np.unique(counts.indices)  # compact the vocabulary to the terms still present
        remap = np.full(len(self.vocab), -1, dtype=np.int32)
        remap[used] = np.arange(len(used), dtype=np.int32)
        self.terms = [self.terms[i] for i in used]
        self.vocab = {t: i for i, t in enumerate(self.terms)}
        self._csr_parts = (
            counts.indptr.astype(np.int64),
            remap[counts.indices].astype(np.int32),
            counts.data.astype(np.int32),
        )
        self.report_of = report_remap[self.report_of[keep]]
        for name in _PASSAGE_ARRAYS[1:]:
            setattr(self, name, np.asarray(getattr(self, name))[keep])
        if self._texts is not None:
            self._texts = [t for t, k in zip(self._texts, keep, strict=True) if k]
        for rid in gone:
            del self.report_fps[rid]
        self._ready = False
        self.version += 1
        return int((~keep).sum())

    def sync(self, passages: Iterable[IndexedPassage], *, workers: int | None = None) -> SyncResult:
        """Make the index hold exactly these passages, segmenting only new or changed reports.

        The passages are read once, report by report (each report's passages together, as
        ``Store.iter_passages`` gives them), and segmented in batches, so a large corpus is never
        held in memory as passage objects.
        """
        result = SyncResult()
        seen: dict[str, str] = {}
        blocks: list[_Block] = []
        pending: list[IndexedPassage] = []
        running: Callable[[], _Block] | None = None  # the batch being segmented while the next is read
        with _segmenter(self.tokenizer, default_workers() if workers is None else workers) as segment:
            for rid, group in _consecutive_reports(passages):
                if rid in seen:
                    raise ValueError(f"the passages of report {rid} are not together")
                seen[rid] = report_fingerprint(group)
                if self.report_fps.get(rid) != seen[rid]:
                    result.added.append(rid)
                    pending += group
                    if len(pending) >= SYNC_BATCH:
                        started = self._block(pending, segment, {r: seen[r] for r in _by_report(pending)})
                        if running is not None:
                            blocks.append(running())
                        running, pending = started, []
            if pending:
                started = self._block(pending, segment, {r: seen[r] for r in _by_report(pending)})
                if running is not None:
                    blocks.append(running())
                running = started
            if running is not None:
                blocks.append(running())
        result.removed = sorted(rid for rid, fp in self.report_fps.items() if seen.get(rid) != fp)
        self.remove(result.removed)
        result.segmented_passages = self._append(blocks)
        return result

    # ------------------------------------------------------------ scoring
    def own_stats(self) -> CorpusStats:
        """This index's passage count, total length and document frequencies (read from its counts)."""
        _, indices, data = self._csr_parts
        df = np.bincount(np.asarray(indices), minlength=len(self.vocab)).tolist()
        return CorpusStats(len(self), int(np.asarray(data).sum(dtype=np.int64)), dict(zip(self.terms, df, strict=True)))

    def use_stats(self, stats: CorpusStats | None) -> None:
        """Score with a whole corpus's stats (None: this index's own), this index being one shard of it.

        The idf, the average length and the dense columns then come from ``stats``, so each passage's
        score is the one an index over the whole corpus gives it (to the last bits of a sum's rounding).
        """
        if stats != self.stats:
            self.stats = stats
            self._ready = False

    def _prepare(self) -> None:
        """Derive idf and the per-term score columns from the counts (vectorised, O(non-zeros))."""
        if self._ready:
            return
        k1, b, eps = self.params.k1, self.params.b, self.params.epsilon
        indptr_r, cols, tf_rows = (np.asarray(a) for a in self._csr_parts)
        passages, n_terms = len(self), len(self.vocab)
        row_of = np.repeat(np.arange(passages, dtype=np.int32), np.diff(indptr_r))
        doc_len = np.bincount(row_of, weights=tf_rows, minlength=passages)  # exact: sums of small integers
        stats = self.stats
        if stats is None:
            n_docs = passages
            self.avgdl = float(doc_len.sum() / n_docs) if n_docs else 0.0
            df = np.bincount(cols, minlength=n_terms).astype(np.float64)
        else:
            n_docs, self.avgdl = stats.documents, stats.avgdl
            df = np.array([stats.df.get(t, 0) for t in self.terms], dtype=np.float64)
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        present = df > 0
        if stats is None:
            self.average_idf = float(idf[present].mean()) if present.any() else 0.0
        else:
            self.average_idf = stats.average_idf
        idf[present & (idf < 0)] = eps * self.average_idf
        idf[~present] = 0.0
        self.df, self.idf = df, idf
        # the counts by term (column-major, passages ascending in each column): numpy, no scipy to import
        order = np.argsort(cols, kind="stable")
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(cols, minlength=n_terms), out=indptr[1:])
        rows = row_of[order]
        tf_all = tf_rows[order]
        del order, row_of
        if n_docs and self.avgdl > 0:
            norm = k1 * (1 - b + b * doc_len / self.avgdl)
        else:
            norm = np.full(passages, k1)
        scores = np.empty(len(rows))
        col = 0
        while col < n_terms:  # a few million postings at a time: the temporaries stay small
            end = int(np.searchsorted(indptr, indptr[col] + SCORE_CHUNK, side="right"))
            end = min(n_terms, max(end - 1, col + 1))
            s, e = indptr[col], indptr[end]
            col_of = np.repeat(np.arange(col, end), np.diff(indptr[col : end + 1]))
            tf = tf_all[s:e].astype(np.float64)
            scores[s:e] = idf[col_of] * (tf * (k1 + 1) / (tf + norm[rows[s:e]]))
            col = end
        self._indptr, self._rows, self._scores = indptr, rows, scores
        self._bounds: list[int] = indptr.tolist()  # plain ints: indexing them is cheaper in the query loop
        if stats is None:
            frequent = np.argsort(-df, kind="stable")[: dense_columns(n_docs)]
            self.dense_terms = frequent[df[frequent] >= max(1.0, DENSE_MIN_FRACTION * n_docs)].astype(np.int64)
        else:
            dense = stats.dense()
            self.dense_terms = np.array([self.vocab[t] for t in dense if t in self.vocab], dtype=np.int64)
        self._dense_pos = {int(t): j for j, t in enumerate(self.dense_terms)}
        # the corpus's first DENSE_COLUMNS (a shard may lack some of them: it never sums those)
        leading = (
            self.dense_terms[:DENSE_COLUMNS]
            if stats is None
            else [self.vocab[t] for t in dense[:DENSE_COLUMNS] if t in self.vocab]
        )
        self._leading = frozenset(int(t) for t in leading)
        self._maxima = _column_maxima(scores, indptr)
        self._dense: np.ndarray | dict[int, np.ndarray] = {}  # built on first use (a loaded index maps them)
        frequent = np.diff(indptr) >= max(1.0, BLOCK_MIN_SHARE * self._blocks)
        self.block_terms = np.flatnonzero(frequent).astype(np.int64)
        self._block_pos = {int(t): j for j, t in enumerate(self.block_terms)}
        self._block_maxima: np.ndarray | dict[int, np.ndarray] = {}  # as the dense columns
        self._local = threading.local()
        self._ready = True

    def _dense_column(self, term: int) -> np.ndarray | None:
        j = self._dense_pos.get(term)
        if j is None:
            return None
        if isinstance(self._dense, np.ndarray):
            return self._dense[j]
        column = self._dense.get(term)
        if column is None:
            column = self._dense[term] = self._dense_from_postings(term)
        return column

    def _dense_from_postings(self, term: int) -> np.ndarray:
        column = np.zeros(len(self))
        s, e = self._bounds[term], self._bounds[term + 1]
        column[self._rows[s:e]] = self._scores[s:e]
        return column

    @property
    def _shift(self) -> int:
        """Blocks hold ``2**_shift`` passages (8 at 10^5 passages, 16 at 10^6): a query's bounds cost one
        sum per block and its scoring one per passage of the blocks left, so the block grows as the
        square root of the passages."""
        return max(0, ((len(self) - 1).bit_length() - BLOCK_BITS) // 2)

    @property
    def _blocks(self) -> int:
        return (len(self) + (1 << self._shift) - 1) >> self._shift

    def _block_column(self, term: int) -> np.ndarray | None:
        """A frequent term's highest score in each block of passages (float32, rounded up), or None."""
        j = self._block_pos.get(term)
        if j is None:
            return None
        if isinstance(self._block_maxima, np.ndarray):
            return self._block_maxima[j]
        column = self._block_maxima.get(term)
        if column is None:
            column = self._block_maxima[term] = self._block_maxima_from_postings(term)
        return column

    def _block_maxima_from_postings(self, term: int) -> np.ndarray:
        s, e = self._bounds[term], self._bounds[term + 1]
        blocks = self._rows[s:e] >> self._shift
        starts = np.flatnonzero(np.concatenate([[True], blocks[1:] != blocks[:-1]])) if e > s else np.zeros(0, int)
        column = np.zeros(self._blocks, dtype=np.float32)
        if len(starts):
            column[blocks[starts]] = _float32_at_least(np.maximum.reduceat(self._scores[s:e], starts))
        return column

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """How many passages hold each term (0 for terms the index does not know)."""
        self._prepare()
        return {t: int(self.df[self.vocab[t]]) if t in self.vocab else 0 for t in terms}

    def holding(self, tokens: Iterable[str], mask: np.ndarray | None = None) -> np.ndarray:
        """Positions of the passages holding one of these terms (within ``mask``), in passage order."""
        rows = self._postings_of(tokens)
        if len(rows) == 1:
            return rows[0][mask[rows[0]]] if mask is not None else rows[0]
        return self._union(rows, mask) if rows else np.zeros(0, dtype=np.int32)

    def count_holding(self, tokens: Iterable[str], mask: np.ndarray | None = None) -> int:
        """How many passages (within ``mask``) hold one of these terms: ``len(holding(...))``, counted
        without listing them."""
        rows = self._postings_of(tokens)
        if len(rows) == 1:
            return len(rows[0]) if mask is None else int(np.count_nonzero(mask[rows[0]]))
        if sum(len(r) for r in rows) * HOLDING_MARKS > len(self):
            marks = np.zeros(len(self), dtype=bool)
            for r in rows:
                marks[r] = True
            return int(np.count_nonzero(marks & mask if mask is not None else marks))
        return len(self._union(rows, mask)) if rows else 0

    def _postings_of(self, tokens: Iterable[str]) -> list[np.ndarray]:
        """The posting rows of the known terms among these (each once)."""
        self._prepare()
        b, vocab = self._bounds, self.vocab
        ids = {i for i in (vocab.get(t) for t in tokens) if i is not None}
        return [self._rows[b[t] : b[t + 1]] for t in ids]

    def lookup(
        self,
        groups: Sequence[Sequence[str]],
        terms: Sequence[str],
        n: int,
        mask: np.ndarray | None = None,
        holding: bool = False,
        passages: bool = True,
    ) -> Lookup:
        """One search's reads: per group of terms how many passages hold one of them, the ``n`` best
        passages for ``terms`` (with the passages when ``passages``), and with ``holding`` the positions
        of every passage holding a term; all within ``mask``."""
        top = self.top_k(terms, n, mask)
        return Lookup(
            [self.count_holding(g, mask) for g in groups],
            top,
            self.passages_at([i for i, _ in top]) if passages else [],
            self.holding(terms, mask) if holding else None,
        )

    def _union(self, postings: list[np.ndarray], mask: np.ndarray | None) -> np.ndarray:
        """The passages in any of these posting lists (and in ``mask``), in passage order."""
        if sum(len(r) for r in postings) * HOLDING_MARKS > len(self):
            # common terms: mark their passages (one pass) rather than sort the concatenated postings
            marks = np.zeros(len(self), dtype=bool)
            for r in postings:
                marks[r] = True
            if mask is not None:
                marks &= mask
            return np.flatnonzero(marks).astype(self._rows.dtype)
        joined = np.concatenate(postings)
        return np.unique(joined[mask[joined]] if mask is not None else joined)

    def term_weights(self, tokens: Sequence[str]) -> dict[int, int]:
        """Known query terms -> how many times the query has them (rank_bm25 counts repeats)."""
        weights: dict[int, int] = {}
        for t in tokens:
            i = self.vocab.get(t)
            if i is not None:
                weights[i] = weights.get(i, 0) + 1
        return weights

    def get_scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every passage for a tokenised query (same as BM25Okapi.get_scores)."""
        self._prepare()
        self._check()
        return self._accumulate(self._ordered(self.term_weights(tokens)), np.zeros(len(self)), clean=True)

    def _ordered(self, weights: dict[int, int]) -> dict[int, int]:
        """The order in which every path sums a query's terms, so all give the same floats: the terms
        of the first ``DENSE_COLUMNS`` dense columns (the leading terms) first, then the others, each in
        query order (a smaller corpus's further dense columns only serve :meth:`_sum_at`'s look-ups,
        so the order, and the floats, do not depend on the corpus's size)."""
        dense = {t: w for t, w in weights.items() if t in self._leading}
        return {**dense, **{t: w for t, w in weights.items() if t not in dense}}

    def _accumulate(self, weights: dict[int, int], out: np.ndarray, clean: bool) -> np.ndarray:
        """Sum the terms' score columns into ``out`` (all zeros if ``clean``), in the order of ``weights``."""
        first = True
        for t, w in weights.items():
            dense = self._dense_column(t) if t in self._leading else None
            if dense is not None:
                if first:  # 0 + x == x: the same sums as starting from zeros
                    np.multiply(dense, w, out=out)
                else:
                    out += dense if w == 1 else w * dense
            else:
                if first and not clean:
                    out.fill(0)
                s, e = self._bounds[t], self._bounds[t + 1]
                vals = self._scores[s:e]
                np.add.at(out, self._rows[s:e], vals if w == 1 else w * vals)  # faster than += on a fancy index
            first = False
        return out

    def _buffer(self) -> tuple[np.ndarray, threading.local]:
        """This thread's score buffer of one float per passage (reused: a fresh one costs page faults)."""
        local = self._local
        buf = getattr(local, "buf", None)
        if buf is None or len(buf) != len(self):
            local.buf, local.clean = np.zeros(len(self)), True
        return local.buf, local

    def top_k(self, tokens: Sequence[str], k: int = 10, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k best passages containing a query term, as (position, score), best first.

        ``mask`` (boolean, one per passage) restricts the candidates before the top k are taken.
        Ties keep passage order.
        """
        self._prepare()
        self._check()
        weights = self._ordered(self.term_weights(tokens))
        n = len(self)
        if not weights or k <= 0 or not n:
            return []
        if _topk is not None and all(self.idf[t] > 0 for t in weights):  # (its bounds assume positive scores)
            b, maxima = self._bounds, self._maxima
            terms = [
                (b[t], b[t + 1], w, w * float(maxima[t]), self._dense_column(t), self._block_column(t))
                for t, w in weights.items()
            ]
            return _topk.top_k(self._rows, self._scores, terms, k, mask, self._shift, n)
        top = self._top_k_pruned(weights, k, mask)
        if not isinstance(top, list):
            top = self._top_k_blocks(weights, k, mask, top)
        if top is not None:
            return top
        buf, local = self._buffer()
        scores = self._accumulate(weights, buf, local.clean)
        local.clean = False
        if mask is not None:
            scores *= mask
        return [(int(i), float(scores[i])) for i in self._select(scores, weights, k)]

    def _top_k_pruned(
        self, weights: dict[int, int], k: int, mask: np.ndarray | None
    ) -> list[tuple[int, float]] | tuple[np.ndarray, np.ndarray] | None:
        """Top k from the postings of the query's rarest terms (MaxScore pruning); or, when more than
        ``MAXSCORE_POSTINGS`` postings would be scored first or ``MAXSCORE_FRACTION`` of the passages
        bounded (the block bounds then prune better), the best passages scored so far and their scores
        (None: none was scored).

        The passages holding the rarest term are scored (fewer than k: the next rarest terms' passages
        join); the k-th best, ``theta``, is a lower bound of the k-th best overall. A passage holding
        none of the rarest terms E scores at most the sum R of the other terms' maxima, so E grows (by
        document frequency) until R is below ``theta``: no passage outside E's postings can reach the
        top k. A passage in them that was not scored (it holds none of the first terms) is bounded by
        its score over the rest of E (summed in any order, into a buffer) plus R; only those whose
        bound reaches ``theta`` are scored (when every term has a dense column, scoring them all is
        cheaper than bounding them, and those below ``theta`` stay out of the top k). Every score taken
        is summed in the order of :meth:`_ordered`, so it is the float the full sum gives.
        """
        b = self._bounds
        by_df = sorted(weights, key=lambda t: b[t + 1] - b[t])
        marks = self._marks()
        parts: list[np.ndarray] = []  # the passages holding the first terms of by_df (each once), in the mask
        marked = 0  # the first parts are marked in ``marks`` (a part is marked when a later one is taken)

        def take(term: int) -> int:
            """Add the passages holding ``term`` (in the mask) that no part holds yet as a part."""
            nonlocal marked
            rows = self._rows[b[term] : b[term + 1]]
            if mask is not None:
                rows = rows[mask[rows]]
            if parts:
                for part in parts[marked:]:
                    marks[part] = True
                marked = len(parts)
                rows = rows[~marks[rows]]
            parts.append(rows)
            return len(rows)

        try:
            count, size = 0, 0
            while size < len(by_df) and count < k:  # the first candidates: at least k, or every term's
                t = by_df[size]
                if sum(b[u + 1] - b[u] for u in by_df[: size + 1]) > MAXSCORE_POSTINGS:
                    return None
                count += take(t)
                size += 1
            cand = parts[0] if len(parts) == 1 else np.concatenate(parts)
            whole = by_df[0] if len(parts) == 1 and mask is None else None  # cand is exactly its postings
            values = self._sum_at(weights, cand, whole)
            nonzero = values != 0
            rows, values = _best(cand[nonzero], values[nonzero], k)
            if size == len(by_df):  # every passage holding a term was scored
                return list(zip(rows.tolist(), values.tolist(), strict=True))
            theta = float(values[k - 1]) if len(values) >= k else 0.0
            margin = 1e-9 * abs(theta) + 1e-12  # rounding of the sums
            maxima = [max(0.0, weights[t] * float(self._maxima[t])) for t in by_df]
            rest, essential = sum(maxima[size:]), size
            while rest >= theta - margin and essential < len(by_df):
                rest -= maxima[essential]
                essential += 1
            if essential == size:  # no passage outside the candidates reaches theta
                return list(zip(rows.tolist(), values.tolist(), strict=True))
            if (essential < len(by_df) and rest >= theta - margin) or sum(
                b[t + 1] - b[t] for t in by_df[:essential]
            ) > MAXSCORE_FRACTION * len(self):  # a passage holding only the densest terms may reach, or too many
                return rows, values
            scored = len(parts)
            for t in by_df[size:essential]:
                take(t)
            if len(parts) == scored:
                return list(zip(rows.tolist(), values.tolist(), strict=True))
            others = parts[scored] if len(parts) == scored + 1 else np.concatenate(parts[scored:])
            if any(t not in self._dense_pos for t in weights):  # bounding them is cheaper than scoring them all
                buf, local = self._buffer()
                if not local.clean:
                    buf.fill(0)
                    local.clean = True
                for t in by_df[size:essential]:  # the others hold none of the first terms: they add 0
                    scores = self._scores[b[t] : b[t + 1]]
                    np.add.at(buf, self._rows[b[t] : b[t + 1]], scores if weights[t] == 1 else weights[t] * scores)
                upper = buf[others]
                for t in by_df[size:essential]:
                    buf[self._rows[b[t] : b[t + 1]]] = 0
                others = others[upper + rest >= theta - margin]
            if len(others):
                more = self._sum_at(weights, others)
                nonzero = more != 0
                rows, values = _best(
                    np.concatenate([rows, others[nonzero]]), np.concatenate([values, more[nonzero]]), k
                )
            return list(zip(rows.tolist(), values.tolist(), strict=True))
        finally:
            for part in parts[:marked]:
                marks[part] = False

    def _marks(self) -> np.ndarray:
        """This thread's boolean array of one flag per passage, all False (callers reset what they set)."""
        local = self._local
        marks = getattr(local, "marks", None)
        if marks is None or len(marks) != len(self):
            marks = local.marks = np.zeros(len(self), dtype=bool)
        return marks

    def _top_k_blocks(
        self,
        weights: dict[int, int],
        k: int,
        mask: np.ndarray | None,
        found: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> list[tuple[int, float]] | None:
        """Top k by block-max pruning, or None when the full sum over every passage is cheaper.
        ``found``: the best passages already scored and their scores (k of them give ``theta`` at once).

        Each block of ``2**_shift`` consecutive passages gets an upper bound of its passages'
        scores: the sum over the query's terms of the term's highest score in the block (a frequent
        term's saved column of block maxima; a rarer term's scores summed into the blocks of its
        postings, at least their maximum). The blocks of the highest bounds are scored first; the
        k-th best score among them, ``theta``, is a lower bound of the k-th best overall, so only the
        other blocks whose bound reaches ``theta`` can hold a passage of the top k, and only they are
        scored. Every score is summed by :meth:`_sum_in_blocks` in the order of :meth:`_ordered`, so
        it is the float the full sum gives.
        """
        if any(self.idf[t] <= 0 for t in weights):  # the bounds assume that holding a term adds to a score
            return None
        bound = self._block_bounds(weights, mask)
        if found is not None and len(found[1]) == k:
            (rows, values), first, repeats = found, np.inf, 2  # a passage found may be scored again
        else:
            step = max(1, len(bound) // SAMPLE)
            sample = bound[::step]
            sample = sample[sample > 0]
            rank = max(8, FIRST_BLOCKS * k // step)  # about FIRST_BLOCKS * k blocks of the whole
            if len(sample) <= rank:  # few blocks hold a term: all of them are scored
                rows, values = self._best_in_blocks(weights, np.flatnonzero(bound), k, mask)
                return list(zip(rows.tolist(), values.tolist(), strict=True))
            first, repeats = np.partition(sample, len(sample) - rank)[len(sample) - rank], 1
            rows, values = self._best_in_blocks(weights, np.flatnonzero(bound >= first), k, mask)
        theta = float(values[k - 1]) if len(values) == k else 0.0
        # a bound is a float32 sum of at most len(weights) * 2**shift rounded scores: off by as many units
        margin = ((len(weights) << self._shift) + 2) * 2.0**-23 * theta
        rest = np.flatnonzero((bound < first) & (bound >= max(theta - margin, np.finfo(np.float32).tiny)))
        if len(rest) << self._shift > PRUNE_FRACTION * len(self):
            return None
        if len(rest):
            more, scores = self._best_in_blocks(weights, rest, k, mask)
            rows, values = _best(np.concatenate([rows, more]), np.concatenate([values, scores]), k, repeats)
        return list(zip(rows.tolist(), values.tolist(), strict=True))

    def _block_bounds(self, weights: dict[int, int], mask: np.ndarray | None) -> np.ndarray:
        """Per block of passages, an upper bound of the query's scores there (0: no passage holds a term,
        or none is in ``mask``), summed in float32 (see ``margin`` in :meth:`_top_k_blocks`); this
        thread's buffer, valid until the next call."""
        local = self._local
        bound = getattr(local, "bound", None)
        if bound is None or len(bound) != self._blocks:
            bound = local.bound = np.zeros(self._blocks, dtype=np.float32)
        else:
            bound.fill(0)
        b, shift = self._bounds, self._shift
        for t, w in weights.items():
            column = self._block_column(t)
            if column is not None:
                bound += column if w == 1 else np.float32(w) * column
            else:
                scores = self._scores[b[t] : b[t + 1]].astype(np.float32)  # (add.at is slow on mixed types)
                np.add.at(bound, self._rows[b[t] : b[t + 1]] >> shift, scores if w == 1 else np.float32(w) * scores)
        if mask is not None:
            padded = np.zeros(self._blocks << shift, dtype=bool)
            padded[: len(mask)] = mask
            bound[~padded.reshape(-1, 1 << shift).any(axis=1)] = 0
        return bound

    def _best_in_blocks(
        self, weights: dict[int, int], blocks: np.ndarray, k: int, mask: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The k best passages of these blocks (sorted; within ``mask``) holding a query term and their
        scores, best first."""
        cand, values = self._sum_in_blocks(weights, blocks)
        keep = values != 0
        if mask is not None:
            keep &= mask[cand]
        return _best(cand[keep], values[keep], k)

    def _sum_in_blocks(self, weights: dict[int, int], blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The passages of these blocks (sorted) and their scores, summed term by term in the order of
        ``weights`` (the order of :meth:`_ordered`: the dense terms first), the floats of
        :meth:`_sum_at`: a passage without a term adds nothing, 0 + x is x. The other terms' postings in
        the blocks are found by binary search of the blocks' edges and added all at once by
        ``np.add.at``, which adds them one after another, in the order of the terms."""
        shift = self._shift
        size = 1 << shift
        starts = blocks.astype(self._rows.dtype) << shift
        cand = (starts[:, None] + np.arange(size, dtype=starts.dtype)).ravel()
        values = np.zeros(len(cand))
        edges = np.stack([starts, starts + size], axis=1).ravel()
        b = self._bounds
        firsts, counts, factors = [], [], []
        for t, w in weights.items():
            dense = self._dense_column(t) if t in self._leading else None
            if dense is not None:
                assert not firsts, "the leading terms come first"
                add = dense.take(cand, mode="clip")  # the last block's places past the end are dropped below
                values += add if w == 1 else w * add
            else:
                at = np.searchsorted(self._rows[b[t] : b[t + 1]], edges)
                firsts.append(at[::2] + b[t])
                counts.append(at[1::2] - at[::2])
                factors.append(w)
        if firsts and len(blocks):
            count = np.concatenate(counts)  # postings per (term, block)
            ends = np.cumsum(count)
            found = np.arange(ends[-1]) + np.repeat(np.concatenate(firsts) - (ends - count), count)
            rows, scores = self._rows[found], self._scores[found]
            places = np.repeat(np.tile(np.arange(0, len(cand), size), len(factors)), count) + (rows & (size - 1))
            if any(w != 1 for w in factors):
                scores = scores * np.repeat(np.repeat(factors, len(blocks)), count)
            np.add.at(values, places, scores)
        if len(cand) and cand[-1] >= len(self):
            inside = cand < len(self)
            cand, values = cand[inside], values[inside]
        return cand, values

    def _sum_at(self, weights: dict[int, int], cand: np.ndarray, whole: int | None = None) -> np.ndarray:
        """The query's scores of these passages, summed term by term in the order of ``weights``
        (``whole``: a term whose postings are exactly ``cand``; another whose postings equal them is
        found too). A term with many more postings than there are candidates has the candidates looked
        up in its postings (sorted by passage); another has its postings scattered into a buffer the
        candidates are read from. Either adds the same floats (a passage without the term adds 0), and
        the first term's scores are the sum's start (0 + x is x)."""
        values: np.ndarray | None = None
        for t, w in weights.items():
            dense = self._dense_column(t)
            owned = True  # ``add`` is a new array, not a view of the index
            if dense is not None:
                add = dense.take(cand)
            else:
                s, e = self._bounds[t], self._bounds[t + 1]
                rows, scores = self._rows[s:e], self._scores[s:e]
                if t == whole or (e - s == len(cand) and np.array_equal(rows, cand)):  # (subwords share postings)
                    add, owned = scores, False
                elif len(cand) * LOOKUP_FACTOR < e - s:
                    at = np.minimum(np.searchsorted(rows, cand), e - s - 1)
                    add = np.where(rows.take(at) == cand, scores.take(at), 0.0)
                else:
                    buf, local = self._buffer()
                    if not local.clean:
                        buf.fill(0)
                        local.clean = True
                    buf[rows] = scores
                    add = buf.take(cand)
                    buf[rows] = 0
            if w != 1:
                add, owned = w * add, True
            if values is None:
                values = add if owned else add.copy()
            else:
                values += add
        return values if values is not None else np.zeros(len(cand))

    def _select(self, scores: np.ndarray, weights: dict[int, int], k: int) -> np.ndarray:
        """Positions of the k best non-zero scores, best first, ties in passage order.

        A full ``argpartition`` is avoided (numpy's is slow on arrays with many equal values, and
        most scores are 0): a lower bound of the k-th best score, taken from the postings of the
        query's rarest term (or a sample), leaves few candidates to select from exactly.
        """
        n = len(scores)
        threshold = 0.0
        if all(self.idf[t] > 0 for t in weights):  # then matching passages score > 0, others 0
            rare = min(weights, key=lambda t: self.df[t])
            if rare not in self._dense_pos and self.df[rare] > k:
                sample = scores[self._rows[self._bounds[rare] : self._bounds[rare + 1]]]
            else:
                sample = scores[:: max(1, n // 2048)]
            if len(sample) > k:
                threshold = float(np.partition(sample, len(sample) - k)[len(sample) - k])
        candidates = np.flatnonzero(scores >= threshold) if threshold > 0 else np.flatnonzero(scores)
        if len(candidates) > k:
            values = scores[candidates]
            kth = np.partition(values, len(values) - k)[len(values) - k]
            above = candidates[values > kth]
            candidates = np.concatenate([above, candidates[values == kth][: k - len(above)]])
        return candidates[np.lexsort((candidates, -scores[candidates]))]

    def _check(self) -> None:
        if self._damaged:
            raise IndexDamaged(self._damaged)

    # ------------------------------------------------------------ persistence
    def _arrays(self) -> dict[str, np.ndarray | _Columns]:
        self._prepare()
        indptr, indices, data = self._csr_parts
        reports = [[*r, self.report_fps[r.report_id]] for r in self.reports]
        hashes, order = _term_hashes(self.terms)
        arrays: dict[str, np.ndarray | _Columns] = {
            "terms": _utf8("\n".join(self.terms)),
            "term_hashes": hashes,
            "term_order": order,
            "reports": _utf8(json.dumps(reports, ensure_ascii=False)),
            "sections": _utf8(json.dumps(self.sections, ensure_ascii=False)),
            "roles": _utf8(json.dumps(self.roles, ensure_ascii=False)),
            "report_of": self.report_of,
            "ordinal": self.ordinal,
            "start": self.start,
            "end": self.end,
            "page": self.page,
            "section_of": self.section_of,
            "role_of": self.role_of,
            "counts_indptr": indptr,
            "counts_indices": indices,
            "counts_data": data,
            "df": self.df,
            "idf": self.idf,
            "postings_indptr": self._indptr,
            "postings_rows": self._rows,
            "postings_scores": self._scores,
            "dense_terms": self.dense_terms,
            "maxima": self._maxima,
            "dense": _Columns(len(self), [int(t) for t in self.dense_terms], self._dense_from_postings),
            "block_terms": self.block_terms,
            "block_maxima": _Columns(
                self._blocks, [int(t) for t in self.block_terms], self._block_maxima_from_postings, np.dtype(np.float32)
            ),
        }
        if self.text_source is None:
            assert self._texts is not None
            encoded = [t.encode() for t in self._texts]
            arrays["text_offsets"] = np.concatenate([[0], np.cumsum([len(t) for t in encoded])]).astype(np.int64)
            arrays["texts"] = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        return arrays

    def _manifest(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "tokenizer": self.tokenizer.signature,
            "params": {"k1": self.params.k1, "b": self.params.b, "epsilon": self.params.epsilon},
            "fingerprint": self.fingerprint,
            "source": self.source_fingerprint,
            "passages": len(self),
            "terms": len(self.vocab),
            "avgdl": self.avgdl,
            "average_idf": self.average_idf,
        }

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write the index atomically: a temporary file in the folder, fsync, then os.replace."""
        if self.stats is not None:  # its file keeps its own scores: the corpus's stats change with any shard
            raise ValueError("an index scoring with another corpus's stats is not saved")
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        arrays, manifest = self._arrays(), self._manifest()
        target = folder / INDEX_FILE
        remove_stale_temporaries(folder)

        def write(tmp: Path) -> None:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for any file
            with os.fdopen(fd, "wb") as fh:
                _write_index(fh, arrays, manifest)
                fh.flush()
                os.fsync(fh.fileno())

        replace_file(target, write)
        _fsync_dir(folder)
        return target

    @classmethod
    def load(
        cls,
        folder: str | os.PathLike[str],
        tokenizer: Tokenizer | None = None,
        params: BM25Params | None = None,
        texts: TextSource | None = None,
    ) -> BM25Index:
        """Memory-map a saved index; raises IndexMissing, IndexStale or IndexDamaged.

        An index saved without its texts (it had a text source) needs ``texts`` to be usable.
        """
        folder = Path(folder)
        path = folder / INDEX_FILE
        remove_stale_temporaries(folder)
        if not path.is_file():
            raise IndexMissing(f"no index at {path}")
        index = cls(tokenizer or Tokenizer(folder), params, texts)
        try:
            manifest, arrays, data_end = _read_index(path)
        except Exception as exc:  # trailer, JSON, checksum, array bounds: all mean the file is damaged
            raise IndexDamaged(f"{path}: unreadable ({type(exc).__name__}: {exc})") from exc
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexStale(f"{path}: format version {manifest.get('format_version')}, expected {FORMAT_VERSION}")
        if manifest.get("tokenizer") != index.tokenizer.signature:
            raise IndexStale(f"{path}: built with another tokenizer or dictionary")
        p = index.params
        if manifest.get("params") != {"k1": p.k1, "b": p.b, "epsilon": p.epsilon}:
            raise IndexStale(f"{path}: built with other BM25 parameters {manifest.get('params')}")
        if texts is None and "texts" not in arrays:
            raise IndexStale(f"{path}: saved without passage texts (they are in the store it was built from)")
        inline = data_end <= VERIFY_INLINE_BYTES
        if inline and _file_digest(path, data_end) != manifest["digest"]:
            raise IndexDamaged(f"{path}: contents do not match their digest")
        try:
            index._adopt(manifest, arrays, fingerprint=inline)
        except Exception as exc:
            raise IndexDamaged(f"{path}: inconsistent ({exc})") from exc
        if not inline:
            args = (path, data_end, manifest["digest"], manifest["fingerprint"])
            threading.Thread(target=index._verify, args=args, daemon=True).start()
        return index

    def _adopt(self, manifest: dict[str, Any], a: dict[str, np.ndarray], fingerprint: bool = True) -> None:
        """Take the mapped arrays as this index's state, checking that they fit together (``fingerprint``:
        and that the reports' fingerprints give the manifest's; else :meth:`_verify` checks it)."""
        n, v = manifest["passages"], manifest["terms"]
        self._terms = None
        self.vocab = _MappedVocabulary(a["terms"], a["term_hashes"], a["term_order"])
        reports = json.loads(a["reports"].tobytes().decode())
        self.reports = [ReportMeta._make(r[:5]) for r in reports]
        self.report_fps = {r[0]: r[5] for r in reports}
        self.sections = json.loads(a["sections"].tobytes().decode())
        self.roles = [(kind, address) for kind, address in json.loads(a["roles"].tobytes().decode())]
        for name in _PASSAGE_ARRAYS:
            setattr(self, name, a[name])
        self._csr_parts = (a["counts_indptr"], a["counts_indices"], a["counts_data"])
        self.df, self.idf = a["df"], a["idf"]
        self._indptr, self._rows, self._scores = a["postings_indptr"], a["postings_rows"], a["postings_scores"]
        self._bounds = self._indptr.tolist()
        self.dense_terms = a["dense_terms"]
        self._dense_pos = {int(t): j for j, t in enumerate(self.dense_terms)}
        self._leading = frozenset(int(t) for t in self.dense_terms[:DENSE_COLUMNS])
        self._maxima = a["maxima"]
        self._dense = a["dense"].reshape(len(self.dense_terms), n) if n else a["dense"].reshape(0, 0)
        self.block_terms = a["block_terms"]
        self._block_pos = {int(t): j for j, t in enumerate(self.block_terms)}
        self._block_maxima = a["block_maxima"].reshape(len(self.block_terms), self._blocks)
        if "texts" in a and self.text_source is None:
            self._texts = _BlobTexts(a["texts"], a["text_offsets"])
        self.avgdl, self.average_idf = manifest["avgdl"], manifest["average_idf"]
        self.source_fingerprint = manifest.get("source")
        nnz = len(self._rows)
        if (
            len(self.vocab) != v
            or len(self.vocab.starts) != v  # type: ignore[attr-defined]
            or len(a["term_hashes"]) != v
            or any(len(a[k]) != n for k in _PASSAGE_ARRAYS)
            or len(self._csr_parts[0]) != n + 1
            or len(self._indptr) != v + 1
            or len(self.df) != v
            or len(self.idf) != v
            or len(self._maxima) != v
            or len(self._scores) != nnz
            or len(self._csr_parts[1]) != nnz
            or (nnz and (int(self._indptr[-1]) != nnz or int(self._csr_parts[0][-1]) != nnz))
            or (self._texts is not None and len(self._texts) != n)
            or (fingerprint and self.fingerprint != manifest["fingerprint"])
            or len(self.report_fps) != len(self.reports)
            or (
                n
                and (
                    int(self.report_of.max()) >= len(self.reports)
                    or int(self.section_of.max()) >= len(self.sections)
                    or int(self.role_of.max()) >= len(self.roles)
                )
            )
        ):
            raise ValueError("sizes, vocabulary or fingerprint disagree with the manifest")
        self._ready = True

    def _verify(self, path: Path, data_end: int, digest: str, fingerprint: str) -> None:
        """Check the file's digest, then the reports' fingerprint (in the background: after the first
        queries)."""
        try:
            ok = _file_digest(path, data_end) == digest and self.fingerprint == fingerprint
        except OSError as exc:
            ok, digest = False, str(exc)
        if not ok:
            self._damaged = f"{path}: contents do not match their digest or fingerprint"
            log.error("search index damaged: %s; rebuild it with `assistant index`", self._damaged)


@dataclass
class _Columns:
    """Columns of one length per term (dense scores, block maxima), produced one at a time while the
    file is written."""

    length: int
    terms: list[int]
    column: Callable[[int], np.ndarray]
    dtype: np.dtype = np.dtype(np.float64)

    @property
    def count(self) -> int:
        return self.length * len(self.terms)

    def chunks(self) -> Iterator[np.ndarray]:
        for t in self.terms:
            yield self.column(t)


def _best(rows: np.ndarray, values: np.ndarray, k: int, repeats: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The k best (row, value) pairs, best first, ties in row order; a row may appear up to ``repeats``
    times (always with the same value).

    numpy's partition is slow on arrays with many equal values (BM25 scores repeat a lot), so a
    lower bound of the k-th best is first taken from a sample; few pairs are above it.
    """
    need = k * repeats  # pairs holding at least k distinct rows
    if len(values) > 32 * need:
        sample = values[:: len(values) // (16 * need)]
        bound = np.partition(sample, len(sample) - need)[len(sample) - need]
        above = values >= bound
        rows, values = rows[above], values[above]
    if len(values) > need:
        kth = np.partition(values, len(values) - need)[len(values) - need]
        above = values >= kth
        rows, values = rows[above], values[above]
    if repeats > 1:
        rows, first = np.unique(rows, return_index=True)
        values = values[first]
    order = np.lexsort((rows, -values))[:k]
    return rows[order], values[order]


def _column_maxima(scores: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Each term's highest score (0 for a term without postings)."""
    maxima = np.zeros(len(indptr) - 1)
    present = np.flatnonzero(np.diff(indptr) > 0)
    if len(present):
        maxima[present] = np.maximum.reduceat(scores, indptr[present])
    return maxima


def _float32_at_least(values: np.ndarray) -> np.ndarray:
    """The values as float32, each rounded up where float32 cannot hold it (so they stay upper bounds)."""
    out = values.astype(np.float32)
    low = out < values
    out[low] = np.nextafter(out[low], np.float32(np.inf))
    return out


def _utf8(text: str) -> np.ndarray:
    return np.frombuffer(text.encode(), dtype=np.uint8)


def _consecutive_reports(passages: Iterable[IndexedPassage]) -> Iterator[tuple[str, list[IndexedPassage]]]:
    group: list[IndexedPassage] = []
    for p in passages:
        if group and p.report_id != group[0].report_id:
            yield group[0].report_id, group
            group = []
        group.append(p)
    if group:
        yield group[0].report_id, group


def _by_report(passages: Iterable[IndexedPassage]) -> dict[str, list[IndexedPassage]]:
    groups: dict[str, list[IndexedPassage]] = {}
    for p in passages:
        groups.setdefault(p.report_id, []).append(p)
    return groups


# ---------------------------------------------------------------- the file
def _write_index(fh: IO[bytes], arrays: dict[str, np.ndarray | _Columns], manifest: dict[str, Any]) -> None:
    """Arrays at aligned offsets, then the manifest (with the arrays' table and digest) and the trailer."""
    h = hashlib.sha256()
    pos = 0

    def write(data: bytes | memoryview) -> None:
        nonlocal pos
        h.update(data)
        fh.write(data)
        pos += len(data)

    write(MAGIC)
    table = {}
    for name, arr in arrays.items():
        write(b"\x00" * (-pos % ALIGN))
        if isinstance(arr, _Columns):
            table[name] = {"dtype": arr.dtype.str, "offset": pos, "count": arr.count}
            for chunk in arr.chunks():
                write(memoryview(np.ascontiguousarray(chunk, dtype=arr.dtype)).cast("B"))
        else:
            a = np.ascontiguousarray(arr)
            table[name] = {"dtype": a.dtype.str, "offset": pos, "count": int(a.size)}
            write(memoryview(a).cast("B") if a.size else b"")
    meta = json.dumps({**manifest, "arrays": table, "digest": h.hexdigest()}, ensure_ascii=False).encode()
    fh.write(meta + hashlib.sha256(meta).digest() + len(meta).to_bytes(8, "little") + MAGIC)


def _read_index(path: Path) -> tuple[dict[str, Any], dict[str, np.ndarray], int]:
    """The manifest, the arrays (memory-mapped, read-only) and where the arrays end."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size < 2 * len(MAGIC) + 40:
            raise ValueError(f"{size} bytes: too short")
        fh.seek(size - 16)
        tail = fh.read(16)
        if tail[8:] != MAGIC:
            raise ValueError("no index trailer (truncated or not an index)")
        meta_len = int.from_bytes(tail[:8], "little")
        data_end = size - 16 - 32 - meta_len
        if data_end < len(MAGIC):
            raise ValueError("manifest length out of range")
        fh.seek(data_end)
        meta = fh.read(meta_len)
        if hashlib.sha256(meta).digest() != fh.read(32):
            raise ValueError("manifest checksum mismatch")
        manifest = json.loads(meta.decode())
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if mapped[: len(MAGIC)] != MAGIC:
        raise ValueError("bad magic")
    arrays = {}
    for name, spec in manifest["arrays"].items():
        dtype = np.dtype(spec["dtype"])
        offset, count = int(spec["offset"]), int(spec["count"])
        if offset < 0 or offset + count * dtype.itemsize > data_end:
            raise ValueError(f"array {name} out of bounds")
        arrays[name] = np.frombuffer(mapped, dtype=dtype, count=count, offset=offset)
    return manifest, arrays, data_end


def _file_digest(path: Path, end: int) -> str:
    """SHA-256 of the file's first ``end`` bytes, read in chunks (not mapped: the pages stay out of RSS)."""
    h = hashlib.sha256()
    buf = bytearray(8 * 2**20)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        left = end
        while left > 0:
            got = fh.readinto(view[: min(len(buf), left)])
            if not got:
                break
            h.update(view[:got])
            left -= got
    return h.hexdigest()


def remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files of saves whose process is gone (a killed ``index``); keep live ones."""
    for tmp in [*folder.glob(f".{INDEX_FILE}.*.tmp"), *folder.glob(".bm25.npz.*.tmp")]:  # and the old format's
        pid = tmp.name.split(".")[-3]
        try:
            if pid.isdigit() and int(pid) != os.getpid():
                os.kill(int(pid), 0)
            continue  # its writer is still running
        except ProcessLookupError:
            pass
        except PermissionError:  # another user's live process
            continue
        try:
            tmp.unlink()
        except OSError:  # a read-only folder: nothing to do
            pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


Passages = Iterable[IndexedPassage] | Callable[[], Iterable[IndexedPassage]]


def open_index(
    passages: Passages | None,
    folder: str | os.PathLike[str],
    *,
    source_fingerprint: str | None = None,
    tokenizer: Tokenizer | None = None,
    params: BM25Params | None = None,
    workers: int | None = None,
    texts: TextSource | None = None,
) -> BM25Index:
    """The index for these passages: loaded from ``folder``, brought up to date, saved if it changed.

    A missing, stale or damaged index is rebuilt from ``passages``; a valid one only segments the
    reports that are new or changed. ``passages`` may be a callable (``store.iter_passages``): with a
    ``source_fingerprint`` equal to the one the index was saved with, it is not even called. Without
    ``passages`` the saved index is returned as it is. ``texts``: where hits get their text (the
    store's ``passage_texts``); without it the index file carries the texts. An index that was
    rebuilt or updated is saved and mapped again, so the building's memory is not kept.
    """
    folder = Path(folder)
    tokenizer = tokenizer or Tokenizer(folder)
    try:
        index = BM25Index.load(folder, tokenizer, params, texts)
        rebuilt = False
    except IndexUnusable as exc:
        if passages is None:
            raise
        if not isinstance(exc, IndexMissing):
            log.warning("rebuilding the search index: %s", exc)
        index = BM25Index(tokenizer, params, texts)
        rebuilt = True
    if passages is None:
        return index
    if not rebuilt and source_fingerprint is not None and index.source_fingerprint == source_fingerprint:
        return index
    result = index.sync(passages() if callable(passages) else passages, workers=workers)
    if result.changed or rebuilt or index.source_fingerprint != source_fingerprint:
        index.source_fingerprint = source_fingerprint
        index.save(folder)
        del index
        return BM25Index.load(folder, tokenizer, params, texts)
    return index

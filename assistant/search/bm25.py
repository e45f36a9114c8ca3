"""BM25 over sparse matrices, scoring exactly like ``rank_bm25.BM25Okapi``, persisted atomically.

Scores: for a query term t and passage d with term count f and length |d| (in tokens),
``idf(t) * f * (k1 + 1) / (f + k1 * (1 - b + b * |d| / avgdl))`` summed over the query's terms, with
rank_bm25's idf ``log(N - n + 0.5) - log(n + 0.5)`` where a negative idf (a term in more than half
the passages) is replaced by ``epsilon * mean idf``. Each term's column of scores is precomputed in
a CSC matrix (the most frequent terms also as dense columns), so a query is a few vector additions
and a top-k selection over the few passages above a score threshold.

The index keeps each passage's term counts (a CSR matrix), so adding a report segments only its
passages. It lives in one file in the index folder (``bm25.npz``), written to a temporary file and
moved into place with ``os.replace``; it carries a format version, the tokenizer's signature, the
BM25 parameters, a fingerprint of the corpus and a digest of its arrays, so a stale or damaged file
is detected (and :func:`open_index` rebuilds it). jieba's dictionary cache sits in the same folder.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import multiprocessing
import os
import secrets
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from assistant.domain.record import IndexedPassage
from assistant.search.tokenize import Tokenizer

__all__ = [
    "BM25Index",
    "BM25Params",
    "IndexedPassage",
    "IndexDamaged",
    "IndexMissing",
    "IndexStale",
    "IndexUnusable",
    "Passages",
    "SyncResult",
    "open_index",
]

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
INDEX_FILE = "bm25.npz"
PARALLEL_MIN_PASSAGES = 2000  # below this, segmenting in one process is faster than starting workers
DENSE_BUDGET_BYTES = 64 * 2**20  # the most frequent terms also get a dense score column, within this budget
DENSE_MIN_FRACTION = 0.05  # ... if they occur in at least this fraction of the passages


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


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


def report_fingerprint(passages: Sequence[IndexedPassage]) -> str:
    """A hash of everything the index holds for one report (metadata, offsets and text)."""
    h = hashlib.sha256()
    for p in passages:
        h.update(json.dumps(astuple(p), ensure_ascii=False).encode())
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
        c = Counter(tk.iter_tokens(text))
        sizes[i] = len(c)
        for term, n in c.items():
            ids.append(local.setdefault(term, len(local)))
            counts.append(n)
    return list(local), np.asarray(ids, dtype=np.int64), np.asarray(counts, dtype=np.int32), sizes


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------- the index
class BM25Index:
    """Passages, their term counts, and the BM25 score columns derived from them."""

    def __init__(self, tokenizer: Tokenizer | None = None, params: BM25Params | None = None):
        self.tokenizer = tokenizer or Tokenizer()
        self.params = params or BM25Params()
        self.passages: list[IndexedPassage] = []
        self.terms: list[str] = []
        self.vocab: dict[str, int] = {}
        self.report_fps: dict[str, str] = {}
        self.source_fingerprint: str | None = None  # the corpus store's own fingerprint, when it gave one
        self._counts = sp.csr_matrix((0, 0), dtype=np.int32)
        self._ready = False
        self.version = 0  # bumped by every add or removal (lets callers cache per-passage arrays)

    # ------------------------------------------------------------ building
    def __len__(self) -> int:
        return len(self.passages)

    @property
    def fingerprint(self) -> str:
        return corpus_fingerprint(self.report_fps)

    def add(self, passages: Iterable[IndexedPassage], *, workers: int | None = None) -> int:
        """Segment and append passages (nothing else is re-segmented); returns how many."""
        new = list(passages)
        if not new:
            return 0
        texts = [p.text for p in new]
        workers = default_workers() if workers is None else workers
        chunks: Iterable[tuple[list[str], np.ndarray, np.ndarray, np.ndarray]]
        if workers > 1 and len(texts) >= PARALLEL_MIN_PASSAGES:
            self.tokenizer.jieba  # noqa: B018 - load (and cache) the dictionary before forking
            size = max(64, min(1000, len(texts) // (workers * 8) or 1))
            parts = [texts[i : i + size] for i in range(0, len(texts), size)]
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
            with ctx.Pool(workers, initializer=_init_worker, initargs=(self.tokenizer,)) as pool:
                chunks = pool.map(_count_chunk, parts, chunksize=1)
        else:
            chunks = [_count_chunk(texts, self.tokenizer)]
        rows_data, rows_ind, sizes_all = [], [], []
        for local_terms, ids, counts, sizes in chunks:
            remap = np.fromiter(
                (self.vocab.setdefault(t, len(self.vocab)) for t in local_terms), dtype=np.int64, count=len(local_terms)
            )
            rows_ind.append(remap[ids] if len(ids) else ids)
            rows_data.append(counts)
            sizes_all.append(sizes)
        self.terms.extend(list(self.vocab)[len(self.terms) :])
        indptr = np.concatenate([[0], np.cumsum(np.concatenate(sizes_all))])
        block = sp.csr_matrix(
            (np.concatenate(rows_data), np.concatenate(rows_ind), indptr),
            shape=(len(new), len(self.terms)),
            dtype=np.int32,
        )
        old = self._counts
        old = sp.csr_matrix((old.data, old.indices, old.indptr), shape=(old.shape[0], len(self.terms)))
        self._counts = sp.vstack([old, block], format="csr", dtype=np.int32)
        self.passages.extend(new)
        for rid, group in _by_report(new).items():
            self.report_fps[rid] = report_fingerprint(
                [p for p in self.passages if p.report_id == rid] if rid in self.report_fps else group
            )
        self._ready = False
        self.version += 1
        return len(new)

    def remove(self, report_ids: Iterable[str]) -> int:
        """Drop every passage of these reports; returns how many passages went."""
        gone = set(report_ids) & set(self.report_fps)
        if not gone:
            return 0
        keep = np.fromiter((p.report_id not in gone for p in self.passages), dtype=bool, count=len(self.passages))
        self.passages = [p for p, k in zip(self.passages, keep, strict=True) if k]
        counts = self._counts[keep]
        used = np.unique(counts.indices)  # compact the vocabulary to the terms still present
        remap = np.full(len(self.terms), -1, dtype=np.int64)
        remap[used] = np.arange(len(used))
        self.terms = [self.terms[i] for i in used]
        self.vocab = {t: i for i, t in enumerate(self.terms)}
        self._counts = sp.csr_matrix(
            (counts.data, remap[counts.indices], counts.indptr),
            shape=(counts.shape[0], len(self.terms)),
            dtype=np.int32,
        )
        for rid in gone:
            del self.report_fps[rid]
        self._ready = False
        self.version += 1
        return int((~keep).sum())

    def sync(self, passages: Iterable[IndexedPassage], *, workers: int | None = None) -> SyncResult:
        """Make the index hold exactly these passages, segmenting only new or changed reports."""
        groups = _by_report(passages)
        fps = {rid: report_fingerprint(ps) for rid, ps in groups.items()}
        result = SyncResult()
        result.removed = sorted(rid for rid, fp in self.report_fps.items() if fps.get(rid) != fp)
        result.added = [rid for rid, fp in fps.items() if self.report_fps.get(rid) != fp]
        self.remove(result.removed)
        result.segmented_passages = self.add([p for rid in result.added for p in groups[rid]], workers=workers)
        return result

    # ------------------------------------------------------------ scoring
    def _prepare(self) -> None:
        """Derive idf and the per-term score columns from the counts (vectorised, O(non-zeros))."""
        if self._ready:
            return
        k1, b, eps = self.params.k1, self.params.b, self.params.epsilon
        counts = self._counts
        n_docs, n_terms = counts.shape
        doc_len = np.asarray(counts.sum(axis=1)).ravel().astype(np.float64)
        self.doc_len = doc_len
        self.avgdl = float(doc_len.sum() / n_docs) if n_docs else 0.0
        df = np.bincount(counts.indices, minlength=n_terms).astype(np.float64)
        self.df = df
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        present = df > 0
        self.average_idf = float(idf[present].mean()) if present.any() else 0.0
        idf[present & (idf < 0)] = eps * self.average_idf
        idf[~present] = 0.0
        self.idf = idf
        csc = counts.tocsc()
        csc.sort_indices()
        tf = csc.data.astype(np.float64)
        if n_docs and self.avgdl > 0:
            norm = k1 * (1 - b + b * doc_len / self.avgdl)
        else:
            norm = np.full(n_docs, k1)
        col_of = np.repeat(np.arange(n_terms), np.diff(csc.indptr))
        data = idf[col_of] * (tf * (k1 + 1) / (tf + norm[csc.indices]))
        self._indptr = csc.indptr.astype(np.int64)
        self._rows = csc.indices.astype(np.int32)
        self._scores = data
        self._dense: dict[int, np.ndarray] = {}
        if n_docs:
            frequent = np.argsort(-df, kind="stable")[: DENSE_BUDGET_BYTES // (8 * n_docs)]
            for t in frequent[df[frequent] >= max(1.0, DENSE_MIN_FRACTION * n_docs)]:
                col = np.zeros(n_docs)
                s, e = self._indptr[t], self._indptr[t + 1]
                col[self._rows[s:e]] = data[s:e]
                self._dense[int(t)] = col
        self._ready = True

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
        return self._accumulate(self.term_weights(tokens))

    def _accumulate(self, weights: dict[int, int]) -> np.ndarray:
        scores = np.zeros(len(self.passages))
        for t, w in weights.items():
            dense = self._dense.get(t)
            if dense is not None:
                if w == 1:
                    scores += dense
                else:
                    scores += w * dense
                continue
            s, e = self._indptr[t], self._indptr[t + 1]
            vals = self._scores[s:e]
            np.add.at(scores, self._rows[s:e], vals if w == 1 else w * vals)  # faster than += on a fancy index
        return scores

    def top_k(self, tokens: Sequence[str], k: int = 10, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k best passages containing a query term, as (position, score), best first.

        ``mask`` (boolean, one per passage) restricts the candidates before the top k are taken.
        Ties keep passage order.
        """
        self._prepare()
        weights = self.term_weights(tokens)
        if not weights or k <= 0 or not self.passages:
            return []
        scores = self._accumulate(weights)
        if mask is not None:
            scores *= mask
        return [(int(i), float(scores[i])) for i in self._select(scores, weights, k)]

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
            if rare not in self._dense and self.df[rare] > k:
                sample = scores[self._rows[self._indptr[rare] : self._indptr[rare + 1]]]
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

    # ------------------------------------------------------------ persistence
    def _manifest(self) -> dict:
        return {
            "format_version": FORMAT_VERSION,
            "tokenizer": self.tokenizer.signature,
            "params": {"k1": self.params.k1, "b": self.params.b, "epsilon": self.params.epsilon},
            "fingerprint": self.fingerprint,
            "source": self.source_fingerprint,
            "reports": self.report_fps,
            "passages": len(self.passages),
            "terms": len(self.terms),
        }

    def _arrays(self) -> dict[str, np.ndarray]:
        c = self._counts
        meta = json.dumps([list(astuple(p)) for p in self.passages], ensure_ascii=False)
        return {
            "counts_data": c.data.astype(np.int32),
            "counts_indices": c.indices.astype(np.int32),
            "counts_indptr": c.indptr.astype(np.int64),
            "terms": np.frombuffer("\n".join(self.terms).encode(), dtype=np.uint8),
            "passages": np.frombuffer(meta.encode(), dtype=np.uint8),
        }

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write the index atomically: a temporary file in the folder, fsync, then os.replace."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        arrays = self._arrays()
        manifest = self._manifest()
        manifest["digest"] = _digest(arrays)
        arrays["manifest"] = np.frombuffer(json.dumps(manifest, ensure_ascii=False).encode(), dtype=np.uint8)
        target = folder / INDEX_FILE
        tmp = folder / f".{INDEX_FILE}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for any file
        try:
            with os.fdopen(fd, "wb") as fh:
                _write_npz(fh, arrays)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(folder)
        return target

    @classmethod
    def load(
        cls, folder: str | os.PathLike[str], tokenizer: Tokenizer | None = None, params: BM25Params | None = None
    ) -> BM25Index:
        """Read a saved index; raises IndexMissing, IndexStale or IndexDamaged."""
        folder = Path(folder)
        path = folder / INDEX_FILE
        if not path.is_file():
            raise IndexMissing(f"no index at {path}")
        index = cls(tokenizer or Tokenizer(folder), params)
        try:
            with np.load(path, allow_pickle=False) as npz:
                arrays = {name: npz[name] for name in npz.files}
            manifest = json.loads(arrays.pop("manifest").tobytes().decode())
        except Exception as exc:  # zip, npy header, CRC, JSON: all mean the file is damaged
            raise IndexDamaged(f"{path}: unreadable ({type(exc).__name__}: {exc})") from exc
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexStale(f"{path}: format version {manifest.get('format_version')}, expected {FORMAT_VERSION}")
        if manifest.get("tokenizer") != index.tokenizer.signature:
            raise IndexStale(f"{path}: built with another tokenizer or dictionary")
        p = index.params
        if manifest.get("params") != {"k1": p.k1, "b": p.b, "epsilon": p.epsilon}:
            raise IndexStale(f"{path}: built with other BM25 parameters {manifest.get('params')}")
        if manifest.get("digest") != _digest(arrays):
            raise IndexDamaged(f"{path}: contents do not match their digest")
        try:
            terms_text = arrays["terms"].tobytes().decode()
            index.terms = terms_text.split("\n") if terms_text else []
            index.vocab = {t: i for i, t in enumerate(index.terms)}
            index.passages = [IndexedPassage(*row) for row in json.loads(arrays["passages"].tobytes().decode())]
            n, v = len(index.passages), len(index.terms)
            index._counts = sp.csr_matrix(
                (arrays["counts_data"], arrays["counts_indices"], arrays["counts_indptr"]), shape=(n, v)
            )
            index._counts.check_format(full_check=True)
            index.report_fps = dict(manifest["reports"])
            index.source_fingerprint = manifest.get("source")
            if (
                (n, v) != (manifest["passages"], manifest["terms"])
                or len(index.vocab) != v
                or index.fingerprint != manifest["fingerprint"]
                or set(index.report_fps) != {q.report_id for q in index.passages}
            ):
                raise ValueError("sizes, vocabulary or fingerprint disagree with the manifest")
        except Exception as exc:
            raise IndexDamaged(f"{path}: inconsistent ({exc})") from exc
        return index


def _by_report(passages: Iterable[IndexedPassage]) -> dict[str, list[IndexedPassage]]:
    groups: dict[str, list[IndexedPassage]] = {}
    for p in passages:
        groups.setdefault(p.report_id, []).append(p)
    return groups


def _digest(arrays: dict[str, np.ndarray]) -> str:
    h = hashlib.sha256()
    for name in sorted(arrays):
        a = np.ascontiguousarray(arrays[name])
        h.update(f"{name}|{a.dtype.str}|{a.shape}|".encode())
        h.update(a.data)
    return h.hexdigest()


def _write_npz(fh: io.BufferedWriter, arrays: dict[str, np.ndarray]) -> None:
    """np.savez into an open file, member by member (uncompressed, like np.savez)."""
    with zipfile.ZipFile(fh, mode="w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        for name, arr in arrays.items():
            with zf.open(f"{name}.npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.ascontiguousarray(arr), allow_pickle=False)


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
) -> BM25Index:
    """The index for these passages: loaded from ``folder``, brought up to date, saved if it changed.

    A missing, stale or damaged index is rebuilt from ``passages``; a valid one only segments the
    reports that are new or changed. ``passages`` may be a callable (``store.iter_passages``): with a
    ``source_fingerprint`` equal to the one the index was saved with, it is not even called. Without
    ``passages`` the saved index is returned as it is.
    """
    folder = Path(folder)
    tokenizer = tokenizer or Tokenizer(folder)
    try:
        index = BM25Index.load(folder, tokenizer, params)
        rebuilt = False
    except IndexUnusable as exc:
        if passages is None:
            raise
        if not isinstance(exc, IndexMissing):
            log.warning("rebuilding the search index: %s", exc)
        index = BM25Index(tokenizer, params)
        rebuilt = True
    if passages is None:
        return index
    if not rebuilt and source_fingerprint is not None and index.source_fingerprint == source_fingerprint:
        return index
    result = index.sync(passages() if callable(passages) else passages, workers=workers)
    if result.changed or rebuilt or index.source_fingerprint != source_fingerprint:
        index.source_fingerprint = source_fingerprint
        index.save(folder)
    return index

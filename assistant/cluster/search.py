"""Search over a sharded corpus with the scores, order and hits of one index over the whole corpus.

Each shard's BM25 index (built from its store by :func:`~assistant.search.bm25.open_index`) scores with
the corpus-wide stats (:class:`~assistant.search.bm25.CorpusStats`: passage count, total length, document
frequencies), so a passage scores what it would in one index. :class:`ShardedIndex` puts the shards side
by side as one index (the :class:`~assistant.search.searcher.PassageIndex` that
:class:`~assistant.search.searcher.Searcher` reads): passage positions run shard after shard, each
query runs on every shard with the filters' mask, and the shards' top k are merged best first, ties in
the order of one index built from one store (report id, then the passage's place in its report: the
order of a shard index built from its store in one go; one grown report by report orders its ties by
arrival, as one index grown so would). Every shard sums a query's terms in the same order (the dense
columns are chosen from the corpus-wide frequencies), so passages that tie in one index tie here. The
canonical-copy rule reads the copies of every shard, so each agency-year counts once wherever its
copies are stored.

The shards are searched in this process (:class:`ShardPart` objects, their indexes memory-mapped, one
after another: on two shared cores that was measured faster than a thread per core, whose short numpy
calls wait for the GIL and each other; see bench/bench_sharded_search.py), or on Dask workers, one actor
per shard holding its index loaded (:func:`open_sharded`, ``cluster="local:2"`` or a scheduler address),
all at once. Either way a search asks every shard once (:meth:`ShardedIndex.lookup`), all shards before
any answer is awaited; a worker's answer carries its best passages, so no second round trip fetches them.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.cluster.layout import Shard
from assistant.domain.canonical import Copy
from assistant.search.bm25 import (
    BM25Index,
    CorpusStats,
    IndexedPassage,
    IndexMissing,
    Lookup,
    ReportMeta,
    open_index,
)
from assistant.search.searcher import Searcher
from assistant.search.tokenize import Tokenizer
from assistant.store.database import Store

log = logging.getLogger(__name__)


def present(root: Path) -> list[Shard]:
    """The shards in a shards folder, in order."""
    found = sorted(int(f.name.split("-")[1]) for f in Path(root).glob("shard-[0-9][0-9][0-9]") if f.is_dir())
    return [Shard(Path(root), i) for i in found]


def open_shard_index(shard: Shard) -> BM25Index:
    """A shard's index, built or brought up to date from its store (texts read from the store). In a
    daemonic process (a Dask worker's) it is segmented in that process: such a process may not start
    the segmenter's pool."""
    store = Store(shard.store)
    workers = 1 if multiprocessing.current_process().daemon else None
    return open_index(
        store.iter_passages,
        shard.folder,
        source_fingerprint=store.fingerprint(),
        texts=store.passage_texts,
        workers=workers,
    )


def corpus_stats(shards: Iterable[Shard]) -> CorpusStats:
    """The corpus-wide term stats of these shards, from their indexes (what ``manifest.json`` records
    under ``terms``)."""
    return CorpusStats.combined(open_shard_index(s).own_stats() for s in shards)


def manifest_stats(root: Path) -> CorpusStats | None:
    """The term stats the manifest records (see :mod:`assistant.cluster.manifest`), or None when it has
    none or they cannot be read (then they are computed from the shards' indexes)."""
    from assistant.cluster import manifest

    try:
        terms = (manifest.read(Path(root)) or {}).get("terms")
        if not terms:
            return None
        return CorpusStats(int(terms["doc_count"]), int(terms["total_length"]), manifest.document_frequencies(root))
    except (manifest.ManifestError, OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s: term stats unreadable (%s); computing them from the shards' indexes", root, exc)
        return None


def _unpacked(mask: np.ndarray | None, n: int) -> np.ndarray | None:
    """A boolean mask of ``n`` passages, from one packed by ``np.packbits`` (as sent to a worker) or not."""
    if mask is None or mask.dtype == bool:
        return mask
    return np.unpackbits(mask, count=n).astype(bool)


class ShardPart:
    """One shard's index and copies: searched in this process, or as a Dask actor on a worker.

    ``mask`` arguments are boolean, one per passage of the shard, or packed by ``np.packbits``.
    """

    def __init__(self, root: str, number: int):
        shard = Shard(Path(root), number)
        self.index = open_shard_index(shard)
        self.copies = Store(shard.store).copies()

    def stats(self) -> CorpusStats:
        return self.index.own_stats()

    def use_stats(self, stats: CorpusStats) -> None:
        self.index.use_stats(stats)
        self.index.top_k([], 1)  # score now, not on the first query

    def layout(self) -> tuple[int, list[ReportMeta], np.ndarray, list[str], np.ndarray, list[Copy]]:
        """What the searcher reads of the shard's passages without a query."""
        i = self.index
        return len(i), list(i.reports), np.asarray(i.report_of), list(i.sections), np.asarray(i.section_of), self.copies

    def top_k(self, tokens: Sequence[str], k: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
        return self.index.top_k(tokens, k, _unpacked(mask, len(self.index)))

    def lookup(
        self,
        groups: Sequence[Sequence[str]],
        terms: Sequence[str],
        n: int,
        mask: np.ndarray | None,
        holding: bool,
        passages: bool,
    ) -> Lookup:
        return self.index.lookup(groups, terms, n, _unpacked(mask, len(self.index)), holding, passages)

    def passages_at(self, positions: Sequence[int]) -> list[IndexedPassage]:
        return self.index.passages_at(positions)

    def memory(self) -> int:
        """This process's resident memory in bytes (Linux; 0 elsewhere)."""
        try:
            with open("/proc/self/statm") as fh:
                return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            return 0


def _run(calls: list[tuple[Any, tuple]]) -> list:
    """Make these calls one after another, their results in order."""
    return [call(*args) for call, args in calls]


class ShardedIndex:
    """The shards as one index: passages numbered shard after shard, queries run on every shard.

    ``parts``: :class:`ShardPart` objects, or Dask actors of them (``remote``: their calls return
    futures, sent to every shard before any is awaited; masks go packed). ``lanes``: how many threads
    search :class:`ShardPart` objects at once, the first lane on the calling thread (1: one shard after
    another, the faster on two shared cores; the bench times both).
    """

    def __init__(
        self,
        parts: Sequence[Any],
        root: Path,
        *,
        remote: bool = False,
        stats: CorpusStats | None = None,
        lanes: int = 1,
    ):
        self.parts, self.remote = list(parts), remote
        self._lanes = max(1, min(len(self.parts), lanes))
        self._threads = None if remote or self._lanes == 1 else ThreadPoolExecutor(self._lanes - 1, "shard")
        self.tokenizer = Tokenizer(root)
        layouts = self._each("layout")
        sizes = [n for n, *_ in layouts]
        if stats is None or stats.documents != sum(sizes):
            stats = CorpusStats.combined(self._each("stats"))  # none recorded, or recorded for other indexes
        self.stats = stats
        self._each("use_stats", *[(stats,)] * len(self.parts))
        self.vocab = stats.df
        self.version = 0  # the shards do not change under a searcher
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.reports: list[ReportMeta] = []
        self.sections: list[str] = []
        section_pos: dict[str, int] = {}
        report_of, section_of = [], []
        self.copies: list[Copy] = []
        for _, reports, r_of, sections, s_of, copies in layouts:
            report_of.append(np.asarray(r_of, dtype=np.int64) + len(self.reports))
            remap = np.array([section_pos.setdefault(s, len(section_pos)) for s in sections], dtype=np.int64)
            section_of.append(remap[s_of] if len(s_of) else np.zeros(0, dtype=np.int64))
            self.reports += reports
            self.copies += copies
        self.sections = list(section_pos)
        self.report_of = np.concatenate(report_of) if report_of else np.zeros(0, dtype=np.int64)
        self.section_of = np.concatenate(section_of) if section_of else np.zeros(0, dtype=np.int64)
        self._report_ids = [r.report_id for r in self.reports]
        self.client: Any = None  # the Dask client that holds the actors, when there is one

    def _each(self, method: str, *args: tuple) -> list:
        """Call a method on every shard (``args``: one tuple per shard, or none), results in shard order."""
        calls = [(getattr(p, method), args[i] if args else ()) for i, p in enumerate(self.parts)]
        if self.remote:
            return [c.result() for c in [call(*a) for call, a in calls]]
        if self._threads is None:
            return _run(calls)
        lanes = self._lanes
        others = [self._threads.submit(_run, calls[lane::lanes]) for lane in range(1, lanes)]
        done = [_run(calls[::lanes]), *(f.result() for f in others)]  # lane 0 on this thread, meanwhile
        return [done[i % lanes][i // lanes] for i in range(len(calls))]

    def _slices(self, mask: np.ndarray | None) -> list[tuple[np.ndarray | None]]:
        """Each shard's part of a mask (packed for a worker)."""
        if mask is None:
            return [(None,)] * len(self.parts)
        o = self.offsets
        cut = [mask[o[i] : o[i + 1]] for i in range(len(self.parts))]
        return [(np.packbits(m) if self.remote else m,) for m in cut]

    def __len__(self) -> int:
        return int(self.offsets[-1])

    def top_k(self, tokens: Sequence[str], k: int = 10, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k best passages of all shards, best first, ties in the order of one index over one store."""
        return self._merged(self._each("top_k", *[(list(tokens), k, *m) for m in self._slices(mask)]), k)

    def _merged(self, tops: list[list[tuple[int, float]]], k: int) -> list[tuple[int, float]]:
        """The shards' tops as one, best first, ties in the order of one index over one store."""
        merged = [(int(pos) + int(self.offsets[i]), score) for i, top in enumerate(tops) for pos, score in top]
        ids = self._report_ids
        merged.sort(key=lambda ps: (-ps[1], ids[self.report_of[ps[0]]], ps[0]))
        return merged[:k]

    def lookup(
        self,
        groups: Sequence[Sequence[str]],
        terms: Sequence[str],
        n: int,
        mask: np.ndarray | None = None,
        holding: bool = False,
        passages: bool = True,
    ) -> Lookup:
        """One search's reads (see :meth:`BM25Index.lookup`), one call per shard. A worker sends its best
        passages with its answer; in this process only the merged best are read."""
        groups, terms = [list(g) for g in groups], list(terms)
        asks = [(groups, terms, n, *m, holding, passages and self.remote) for m in self._slices(mask)]
        parts: list[Lookup] = self._each("lookup", *asks)
        top = self._merged([p.top for p in parts], n)
        found: list[IndexedPassage] = []
        if passages and self.remote:
            sent = {
                int(pos) + int(self.offsets[i]): p
                for i, part in enumerate(parts)
                for (pos, _), p in zip(part.top, part.passages, strict=True)
            }
            found = [sent[pos] for pos, _ in top]
        elif passages:
            found = self.passages_at([pos for pos, _ in top])
        positions = None
        if holding:
            positions = np.concatenate(
                [np.asarray(p.holding, dtype=np.int64) + self.offsets[i] for i, p in enumerate(parts)]
            )
        return Lookup([sum(p.held[g] for p in parts) for g in range(len(groups))], top, found, positions)

    def passages_at(self, positions: Sequence[int]) -> list[IndexedPassage]:
        positions = [int(p) for p in positions]
        shard_of = np.searchsorted(self.offsets, positions, side="right") - 1
        wanted: list[list[int]] = [[] for _ in self.parts]
        for p, s in zip(positions, shard_of.tolist(), strict=True):
            wanted[s].append(p - int(self.offsets[s]))
        got = [iter(g) for g in self._each("passages_at", *[(w,) for w in wanted])]
        return [next(got[s]) for s in shard_of.tolist()]

    def memory(self) -> list[int]:
        """Each shard's process's resident memory in bytes."""
        return self._each("memory")

    def close(self) -> None:
        """Let go of the Dask client, and stop the local cluster it started (a scheduler's stays up)."""
        if self._threads is not None:
            self._threads.shutdown()
        if self.client is not None:
            cluster = self.client.cluster
            self.client.close()
            if cluster is not None:
                cluster.close()
            self.client = None


def open_sharded(root: str | Path, cluster: str | None = None) -> Searcher:
    """A searcher over the shards in ``root``: in this process, or with ``cluster`` (``local:N`` for a
    local Dask cluster of N workers, else a scheduler address) one actor per shard on the workers."""
    root = Path(root).resolve()
    shards = present(root)
    if not shards:
        raise IndexMissing(f"{root}: no shards (shard-000 …)")
    stats = manifest_stats(root)
    if cluster is None:
        index = ShardedIndex([ShardPart(str(root), s.number) for s in shards], root, stats=stats)
    else:
        client = connect(cluster)
        workers = sorted(client.scheduler_info()["workers"])
        futures = [
            client.submit(ShardPart, str(root), s.number, actor=True, workers=[workers[i % len(workers)]])
            for i, s in enumerate(shards)
        ]
        index = ShardedIndex([f.result() for f in futures], root, remote=True, stats=stats)
        index.client = client
        atexit.register(index.close)  # a command's local cluster stops with it, quietly
    return Searcher(index, index.copies)


@dataclass(frozen=True)
class ShardedCorpus:
    """A sharded corpus's folder, and the Dask cluster that searches it (None: this process)."""

    root: str | Path
    cluster: str | None = None

    def searcher(self) -> Searcher:
        return open_sharded(self.root, self.cluster)


@cache
def served(root: str, cluster: str | None = None) -> Searcher:
    """The searcher over these shards, opened once per process (what the app serves from)."""
    return open_sharded(root, cluster)


def connect(cluster: str) -> Any:
    """A Dask client: ``local:N`` starts a local cluster of N single-threaded worker processes."""
    from dask.distributed import Client, LocalCluster

    if cluster.startswith("local:"):
        workers = int(cluster.split(":", 1)[1])
        return Client(LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None))
    return Client(cluster)

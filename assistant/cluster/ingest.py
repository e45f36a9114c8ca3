"""Ingest into a sharded corpus on a Dask cluster, with the same result as one machine.

The client plans as one machine does (``assistant.store.ingest.plan``: fingerprint every file, skip the
unchanged, name each report) against all the shards, then sends the files in chunks to the workers. A
worker parses each file in its own limited process (``assistant.extract.isolated``) and writes it into
its shard's store at once (``assistant.store.ingest.keep``, one transaction per report), so a worker that
dies loses at most the file it was parsing; Dask reruns the chunk elsewhere and the rerun skips what is
already committed (re-storing a report replaces it, so nothing is ever doubled).

Writers of one shard take turns: every write to shard i holds the Dask lock of that shard (one writer per
SQLite file at a time, which a shared folder such as NFS needs), and SQLite's busy timeout waits out any
reader. A file's failure is kept in the shard of its file name (``shard_of(name)``), where its report
goes too unless another file already took that name.

Once every chunk is in, each shard is finished on a worker: its Parquet copies are rewritten
(``assistant.cluster.columns``) and its BM25 index is brought up to date (``bm25.index`` in the shard
folder); the client then merges the shards' term statistics into the manifest
(``assistant.cluster.manifest``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from assistant.cluster import manifest
from assistant.cluster.columns import write_columns
from assistant.cluster.layout import Shard, shard_of, shards
from assistant.cluster.manifest import ManifestError, ShardEntry, ShardStats
from assistant.extract.isolated import Job, parse_each
from assistant.extract.report import PARSER_VERSION
from assistant.read import Limits
from assistant.store.database import Store
from assistant.store.ingest import IngestSummary, keep, plan

CHUNK_MAX = 64  # files per task at most: a rerun redoes little, and the scheduler sees progress
CHUNKS_PER_WORKER = 4  # at least this many tasks per worker while there are files, so all stay busy


class ShardedCatalog:
    """What planning reads of a sharded corpus: every shard's stored files (read once), and the id a new
    file gets, decided in the shard of its name as one store would decide it."""

    def __init__(self, root: Path, count: int):
        self.count = count
        self.stores = [Store(s.store) for s in shards(root, count)]
        self._stored = {(sha, version) for store in self.stores for _, sha, version in store.files()}

    def has(self, sha256: str, parser_version: str) -> bool:
        return (sha256, parser_version) in self._stored

    def id_for(self, path: Path, sha256: str) -> str:
        return self.stores[shard_of(path.name, self.count)].id_for(path, sha256)


@dataclass(frozen=True)
class Chunk:
    """Files for one shard, parsed and stored by one task."""

    root: str
    count: int
    number: int
    jobs: tuple[Job, ...]
    sha256: tuple[str, ...]
    limits: Limits


@dataclass
class ChunkResult:
    added: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    peak: int = 0  # the most memory one parser process held, in bytes
    writing: float = 0.0  # seconds spent storing reports, holding the shard's lock


def _lock(root: str, number: int):
    """The Dask lock every writer of this shard holds while it writes (held on the scheduler)."""
    from distributed import Lock

    return Lock(f"assistant-shard:{root}:{number}")


def _committed(store: Store, jobs: tuple[Job, ...], sha256: tuple[str, ...]) -> list[bool]:
    """Which jobs are stored already, under their id and from the same bytes (by an earlier run of the task)."""
    files = store.files()
    return [(job.report_id, sha, PARSER_VERSION) in files for job, sha in zip(jobs, sha256, strict=True)]


def ingest_chunk(chunk: Chunk) -> ChunkResult:
    """Parse the chunk's files and store each at once in its shard (runs on a worker)."""
    root = Path(chunk.root)
    store = Store(Shard(root, chunk.number).store)
    result = ChunkResult()
    todo = []
    for job, done in zip(chunk.jobs, _committed(store, chunk.jobs, chunk.sha256), strict=True):
        if done:
            result.added.append(job.report_id)
        else:
            todo.append(job)
    for parsed in parse_each(todo, chunk.limits, 1):
        result.peak = max(result.peak, parsed.peak or 0)
        with _lock(chunk.root, chunk.number):
            started = time.perf_counter()
            reason = keep(parsed, store)
            result.writing += time.perf_counter() - started
        path, home = str(parsed.job.path), shard_of(parsed.job.path.name, chunk.count)
        if reason is None:
            result.added.append(parsed.job.report_id)
            if home != chunk.number:  # stored under another id, in another shard: an old failure goes
                with _lock(chunk.root, home):
                    Store(Shard(root, home).store).forget_failure(path)
        else:
            result.failed.append((path, reason))
            record_failure(chunk.root, chunk.count, path, reason)
    return result


def record_failure(root: str, count: int, path: str, reason: str) -> None:
    """Keep a file's failure in the shard of its name, holding that shard's lock (from a worker or the client)."""
    home = shard_of(Path(path).name, count)
    with _lock(root, home):
        Store(Shard(Path(root), home).store).record_failure(path, reason)


def finish_shard(root: str, number: int) -> ShardStats:
    """Rewrite the shard's Parquet copies and bring its BM25 index up to date (runs on a worker)."""
    from assistant.search.bm25 import open_index

    shard = Shard(Path(root), number)
    shard.folder.mkdir(parents=True, exist_ok=True)
    store = Store(shard.store)
    write_columns(shard)
    fingerprint = store.fingerprint()
    index = open_index(
        store.iter_passages, shard.folder, source_fingerprint=fingerprint, workers=1, texts=store.passage_texts
    )
    df = index.doc_freqs(index.terms)
    counts = store.counts()
    entry = ShardEntry(
        number=number,
        folder=shard.folder.name,
        fingerprint=fingerprint,
        reports=counts["reports"],
        passages=counts["passages"],
        figures=counts["figures"],
        warnings=counts["warnings"],
        failures=counts["failures"],
        doc_count=len(index),
        total_length=round(index.avgdl * len(index)),  # avgdl is this whole number over doc_count
    )
    return ShardStats(entry, df)


def shard_count(root: Path, asked: int | None, default: int) -> int:
    """The shards of the corpus at ``root``: those it already has (asking for another number is an
    error: re-sharding is not supported), else ``asked`` or ``default``."""
    held = manifest.read(root)
    count = held["shard_count"] if held else len(list(root.glob("shard-*"))) or None
    if count is not None and asked is not None and asked != count:
        raise ManifestError(
            f"{root}: the corpus there has {count} shards, not {asked}; re-sharding is not supported "
            "(ingest into a new --shards folder)"
        )
    return count or asked or default


def _chunks(jobs: list[Job], sha256: dict[Path, str], root: Path, count: int, limits: Limits, workers: int):
    """The jobs grouped by shard and cut into tasks, the shards interleaved so that tasks running at the
    same time mostly write different shards."""
    size = max(1, min(CHUNK_MAX, math.ceil(len(jobs) / max(1, workers * CHUNKS_PER_WORKER))))
    by_shard: list[list[Job]] = [[] for _ in range(count)]
    for job in jobs:
        by_shard[shard_of(job.report_id, count)].append(job)
    pieces = [
        [
            Chunk(str(root), count, n, tuple(js[i : i + size]), tuple(sha256[j.path] for j in js[i : i + size]), limits)
            for i in range(0, len(js), size)
        ]
        for n, js in enumerate(by_shard)
    ]
    return [c for round_ in _interleave(pieces) for c in round_]


def _interleave(lists: list[list]) -> list[list]:
    """The first item of every list, then the second of every list, …"""
    longest = max((len(x) for x in lists), default=0)
    return [[x[i] for x in lists if i < len(x)] for i in range(longest)]


@dataclass
class ShardedSummary(IngestSummary):
    manifest: dict = field(default_factory=dict)
    peak: int = 0  # the most memory one parser process held, in bytes
    writing: float = 0.0  # seconds the workers spent storing reports, each holding its shard's lock


def ingest_sharded(
    paths: list[Path],
    root: Path,
    client,
    count: int | None = None,
    limits: Limits | None = None,
    progress: bool = True,
    default_count: int = 4,
) -> ShardedSummary:
    """Ingest ``paths`` into the shards at ``root`` on the Dask cluster of ``client``."""
    from distributed import as_completed

    limits = limits or Limits()
    root = root.resolve()
    count = shard_count(root, count, default_count)
    for s in shards(root, count):
        s.folder.mkdir(parents=True, exist_ok=True)
    catalog = ShardedCatalog(root, count)
    planned = plan(paths, catalog, limits)
    summary = ShardedSummary(unchanged=planned.unchanged, failed=list(planned.failed))
    for path, reason in planned.failed:
        record_failure(str(root), count, path, reason)
    workers = len(client.scheduler_info()["workers"])
    chunks = _chunks(planned.jobs, planned.sha256, root, count, limits, workers)
    futures = client.map(ingest_chunk, chunks, pure=False)
    which = dict(zip((f.key for f in futures), chunks, strict=True))
    bar = tqdm(total=len(planned.jobs), desc="ingest", unit="file", disable=not progress or not chunks)
    for future in as_completed(futures):
        chunk = which[future.key]
        try:
            result = future.result()
        except Exception as exc:  # the task's workers died (KilledWorker) or the cluster went away
            result = _lost(chunk, f"the Dask worker parsing it was lost ({type(exc).__name__}: {exc})")
            for path, reason in result.failed:
                record_failure(str(root), count, path, reason)
        summary.added += result.added
        summary.failed += result.failed
        summary.peak = max(summary.peak, result.peak)
        summary.writing += result.writing
        bar.update(len(chunk.jobs))
    bar.close()
    stats = client.gather(client.map(finish_shard, [str(root)] * count, range(count), pure=False))
    summary.manifest = manifest.write(root, count, PARSER_VERSION, stats)
    return summary


def _lost(chunk: Chunk, reason: str) -> ChunkResult:
    """A chunk whose task never finished: its files already stored are added, the others failed."""
    store = Store(Shard(Path(chunk.root), chunk.number).store)
    result = ChunkResult()
    for job, done in zip(chunk.jobs, _committed(store, chunk.jobs, chunk.sha256), strict=True):
        if done:
            result.added.append(job.report_id)
        else:
            result.failed.append((str(job.path), reason))
    return result

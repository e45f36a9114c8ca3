"""Batch summaries on a Dask cluster: the reports are summarized and rendered on the workers, in chunks,
and the client writes the files exactly as a run on one machine does (same jobs in the same order, same
names, same index and digest), so the output is byte for byte the same."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

from assistant.cluster.layout import shard_of, shards
from assistant.cluster.manifest import ManifestError, read
from assistant.store.database import Store
from assistant.summarize.batch import CHUNK_MAX, CHUNKS_PER_WORKER, Job, Runner, run_chunk, worker_died


def _none_first(value):
    """SQLite's order: NULL before any value."""
    return (value is not None, value if value is not None else 0)


def sharded_jobs(root: Path, lang: str, fmt: str) -> tuple[list[Job], list[dict]]:
    """Every report of the shards at ``root`` as a job, in the order of ``Store.reports()`` over one store
    (agency, year, id), and every recorded failure (by path), as ``summarize --all`` lists them."""
    held = read(root)
    if held is None:
        raise ManifestError(f"{root}: no sharded corpus here (no manifest.json): run `assistant ingest --shards` first")
    count = held["shard_count"]
    reports, failures = [], []
    for shard in shards(root, count):
        store = Store(shard.store)
        reports += store.reports()
        failures += store.failures()
    reports.sort(key=lambda r: (_none_first(r["agency"]), _none_first(r["year"]), r["id"]))
    jobs = [Job(r["id"], lang, fmt, store=str(shards(root, count)[shard_of(r["id"], count)].store)) for r in reports]
    failed = [
        {"source": f["path"], "reason": f"not in the store, ingest failed: {f['reason']}"}
        for f in sorted(failures, key=lambda f: f["path"])
    ]
    return jobs, failed


def on_cluster(client) -> Runner:
    """A runner of summary jobs on the cluster of ``client`` (see ``assistant.summarize.batch.run_batch``)."""

    def run(jobs: list[Job]) -> Iterator[tuple[int, dict]]:
        from distributed import as_completed

        workers = max(1, len(client.scheduler_info()["workers"]))
        size = max(1, min(CHUNK_MAX, math.ceil(len(jobs) / (workers * CHUNKS_PER_WORKER))))
        starts = range(0, len(jobs), size)
        futures = client.map(run_chunk, [jobs[s : s + size] for s in starts], pure=False)
        first = {f.key: s for f, s in zip(futures, starts, strict=True)}
        for future in as_completed(futures):
            start = first[future.key]
            chunk = jobs[start : start + size]
            try:
                results = future.result()
            except Exception as exc:  # the workers running it died (KilledWorker) or the cluster went away
                results = [worker_died(job, exc) for job in chunk]
            for i, result in enumerate(results):
                yield start + i, result

    return run

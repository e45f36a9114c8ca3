"""The sharded corpus on a Dask LocalCluster: ingest reports/s with 1 worker and with 2 on generated reports,
peak memory per worker, the per-worker rate and a projection to 10^6 reports on 50 machines.

    .venv/bin/python bench/bench_cluster.py [--reports 300] [--shards 4]

Each run ingests the same generated files (``assistant generate``, kept under indexes/bench/) into fresh
shards; the time counts everything ``assistant ingest --shards`` does once the cluster is up: planning
(fingerprints, ids), parsing and storing on the workers, then each shard's Parquet copies and index and
the manifest. Peak memory is each worker process's resident set, plus the largest parser process it
started (each file is parsed in a child of the worker).
"""

from __future__ import annotations

import argparse
import math
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from common import MISSED, ROOT, STORES, goal, load_now, machine

from assistant.cluster.connect import client
from assistant.cluster.ingest import ShardedCatalog, ingest_sharded
from assistant.read import Limits
from assistant.store.ingest import plan

GOAL_SPEEDUP = 1.7
GOAL_WORKER_BYTES = 1.5 * 2**30
PROJECT_REPORTS = 10**6
PROJECT_MACHINES = 50
WORKERS_PER_MACHINE = 2


def generated_files(count: int, seed: int = 1) -> Path:
    """``count`` generated report files, made once and kept."""
    from assistant.generate import generate

    folder = STORES / f"generated-files-{count}-s{seed}"
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return folder
    print(f"(generating {count} report files into {folder}: once, then kept)", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for _ in generate(ROOT / "corpus", count, tmp, seed, check=False):
        pass
    tmp.rename(folder)
    return folder


def _peaks() -> tuple[int, int]:
    """This process's peak resident set and that of the largest child it waited for, in bytes (on a worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return own, child


@dataclass
class IngestRun:
    workers: int
    reports: int
    seconds: float
    failed: int
    writing: float  # seconds spent storing, holding a shard's lock
    peaks: list[tuple[int, int]]  # per worker: its own peak, its largest parser's

    @property
    def rate(self) -> float:
        return self.reports / self.seconds


def ingest_run(files: Path, workers: int, shards: int) -> IngestRun:
    with tempfile.TemporaryDirectory(dir=STORES) as tmp, client(f"local:{workers}") as c:
        t0 = time.perf_counter()
        summary = ingest_sharded([files], Path(tmp) / "shards", c, shards, progress=False)
        seconds = time.perf_counter() - t0
        peaks = list(c.run(_peaks).values())
    return IngestRun(workers, len(summary.added), seconds, len(summary.failed), summary.writing, peaks)


def planning_rate(files: Path, shards: int) -> float:
    """Files/s the client plans (fingerprint and name) against empty shards: the one serial step."""
    with tempfile.TemporaryDirectory(dir=STORES) as tmp:
        t0 = time.perf_counter()
        planned = plan([files], ShardedCatalog(Path(tmp), shards), Limits())
        return len(planned.jobs) / (time.perf_counter() - t0)


def _gb(n: float) -> str:
    return f"{n / 2**30:.2f} GB"


def bench_ingest(count: int, shards: int) -> list[str]:
    """The ingest part of this bench, as the lines it prints."""
    files = generated_files(count)
    lines = []
    runs = {}
    for workers in (1, 2):
        run = ingest_run(files, workers, shards)
        runs[workers] = run
        lines.append(
            f"ingest {count} generated reports into {shards} shards, {workers} worker{'s' if workers > 1 else ''}: "
            f"{run.seconds:.1f} s, {run.rate:.1f} reports/s, {run.failed} failed; peak per worker (own + largest "
            f"parser): {', '.join(f'{_gb(o)} + {_gb(c)}' for o, c in run.peaks)} · {load_now()}"
        )
    one, two = runs[1], runs[2]
    speedup = two.rate / one.rate
    worst = max(own + child for run in runs.values() for own, child in run.peaks)
    lines.append(goal("2 workers vs 1 at ingest", f"{speedup:.2f}x", f">= {GOAL_SPEEDUP}x", "-", speedup >= 1.7))
    lines.append(goal("memory per worker", _gb(worst), f"<= {_gb(GOAL_WORKER_BYTES)}", "-", worst <= GOAL_WORKER_BYTES))
    per_worker = one.rate
    efficiency = min(1.0, speedup / 2)
    workers = PROJECT_MACHINES * WORKERS_PER_MACHINE
    cluster_rate = per_worker * workers * efficiency
    planned = planning_rate(files, shards)
    commit = two.writing / max(1, two.reports)  # seconds one report holds its shard
    stages = {
        "parsing on the workers": PROJECT_REPORTS / cluster_rate,
        "planning on the client (one process fingerprints and names every file)": PROJECT_REPORTS / planned,
        f"writing the shards (one writer per shard, {commit * 1000:.0f} ms a report) with {shards} shards": (
            PROJECT_REPORTS * commit / shards
        ),
    }
    first = max(stages, key=stages.__getitem__)
    lines.append(
        f"per-worker rate {per_worker:.1f} reports/s; projection for {PROJECT_REPORTS:,} reports on "
        f"{PROJECT_MACHINES} machines x {WORKERS_PER_MACHINE} workers at the measured 2-worker efficiency "
        f"{efficiency:.2f}: {cluster_rate:.0f} reports/s, "
        + "; ".join(f"{name} {seconds / 3600:.2f} h" for name, seconds in stages.items())
    )
    lines.append(
        f"first bottleneck: {first} ({stages[first] / 3600:.2f} h); the shard writes keep up with the "
        f"parsers from {math.ceil(cluster_rate * commit)} shards on"
    )
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=300)
    ap.add_argument("--shards", type=int, default=4)
    args = ap.parse_args()
    print(machine(), flush=True)
    for line in bench_ingest(args.reports, args.shards):
        print(line, flush=True)
    return 1 if MISSED else 0


if __name__ == "__main__":
    raise SystemExit(main())

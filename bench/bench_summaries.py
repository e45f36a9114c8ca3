"""Batch English summaries per second over a store of at least 500 reports (generated from the corpus
with ``assistant generate``): ``run_batch`` on both cores, dictionaries loaded first, and, as peers in the
same run, the same batch on one worker and summaries in one process without writing files.

    .venv/bin/python bench/bench_summaries.py [--reports 500] [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from common import MISSED, generated_store, goal, load_now, machine, median

from assistant.store.database import Store
from assistant.summarize.batch import Job, run_batch, warm_up
from assistant.summarize.core import summarize

GOAL_PER_S = 150.0


def batch_rate(store: Path, ids: list[str], workers: int, tmp: Path) -> tuple[float, int]:
    jobs = [Job(i, "en", "html", store=str(store)) for i in ids]
    t0 = time.perf_counter()
    result = run_batch(jobs, tmp / f"out-{workers}-{time.perf_counter_ns()}", "html", workers, progress=False)
    return len(result.written) / (time.perf_counter() - t0), len(result.failed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    print(machine())
    path = generated_store(args.reports)
    store = Store(path)
    ids = [r["id"] for r in store.reports()]
    t0 = time.perf_counter()
    warm_up()
    print(f"store: {len(ids)} reports ({path.name}); dictionaries load in {time.perf_counter() - t0:.2f} s")
    two, one, inproc, failed = [], [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeats):
            rate, bad = batch_rate(path, ids, 2, Path(tmp))
            two.append(rate)
            failed += bad
            one.append(batch_rate(path, ids, 1, Path(tmp))[0])
            reports = [store.report(i) for i in ids[:100]]
            t0 = time.perf_counter()
            for report in reports:
                summarize(report, "en")
            inproc.append(len(reports) / (time.perf_counter() - t0))
            print(
                f"  run: batch 2 workers {two[-1]:.1f}/s · batch 1 worker {one[-1]:.1f}/s · "
                f"in process, no files {inproc[-1]:.1f}/s · {load_now()}",
                flush=True,
            )
    rate2, rate1, rate0 = median(two), median(one), median(inproc)
    print(
        f"median of {args.repeats}: batch 2 workers {rate2:.1f} summaries/s ({failed} failed) · 1 worker "
        f"{rate1:.1f}/s · in process {rate0:.1f}/s · ratio 2 workers / 1 worker {rate2 / rate1:.2f}×"
    )
    print(
        goal(
            f"batch English summaries, {len(ids)} reports",
            f"{rate2:.1f} reports/s",
            f">= {GOAL_PER_S:.0f} reports/s",
            f"1 worker {rate1:.1f}/s, in process {rate0:.1f}/s",
            rate2 >= GOAL_PER_S and not failed,
        )
    )
    return 1 if MISSED else 0


if __name__ == "__main__":
    sys.exit(main())

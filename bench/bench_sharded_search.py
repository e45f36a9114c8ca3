"""Sharded search benchmark: 10^6 generated passages over 4 shards, searched in this process and on a
local Dask cluster of 2 workers (one actor per shard keeps its index loaded).

The passages are those of bench/bench_search.py (real sentences of the corpus store's reports, places,
agencies and numbers varied), split into 4 shard stores by ``assistant.cluster.layout.shard_of``; each
shard's index is built the way the product builds it (``open_shard_index``) and scores with the
corpus-wide stats. Queries: the hand-written queries of tests/blind/search_*.json. Timed: the top 10
over all shards (``ShardedIndex.top_k``: every shard's top 10, one shard after another, merged: what the
product serves), the same shards searched by a thread per core at once, in the same run and timed
alternately so both see the same load (their ratio is what the threads gain or lose), and the whole
search (``Searcher.search``: one lookup per shard, re-ranking, texts from the stores, highlighting).
Each timing is repeated (``--repeats``), every repeat's p50 printed, the machine's load with each line
(other programs share the cores). Memory: each worker's resident set after the queries. Goals of
issue 20, printed as measured / goal.

    .venv/bin/python bench/bench_sharded_search.py [--passages 1000000] [--shards 4] [--workers 2] [--repeats 3]

The first run generates the passages and builds the shards' indexes (half an hour on two busy cores);
they are kept in indexes/bench/.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

from common import ROOT, STORES, corpus_store, load_now, machine, percentile

from assistant.cluster.layout import Shard, shard_of

GOAL_P50_MS = 3.0
GOAL_WORKER_MB = 1.5 * 1024
MB = 2**20


def sharded_folder(passages: int, count: int) -> Path:
    """The generated passages split into ``count`` shard stores, made once and kept under indexes/bench/."""
    root = STORES / f"sharded-{passages}-{count}"
    if all(Shard(root, i).store.exists() for i in range(count)):
        return root
    os.environ["ASSISTANT_STORE"] = str(corpus_store())  # bench_search reads the real sentences there
    from bench_search import generate_store

    whole = STORES / f"passages-{passages}.sqlite"
    if not whole.exists():
        print(f"(generating {passages:,} passages into {whole}: once, then kept)", flush=True)
        partial = whole.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generate_store(partial, passages, seed=1)
        partial.rename(whole)
    from assistant.store.database import Store

    for i in range(count):
        shard = Shard(root, i)
        shard.folder.mkdir(parents=True, exist_ok=True)
        shard.store.unlink(missing_ok=True)
        Store(shard.store).remove("")  # writes the schema
        with sqlite3.connect(shard.store) as db:
            db.create_function("shard_of", 2, shard_of, deterministic=True)
            db.execute("ATTACH ? AS whole", (str(whole),))
            db.execute(f"INSERT INTO main.reports SELECT * FROM whole.reports WHERE shard_of(id, {count}) = {i}")
            db.execute(
                f"INSERT INTO main.passages SELECT * FROM whole.passages WHERE shard_of(report_id, {count}) = {i}"
            )
    return root


def build(root: Path, count: int) -> float:
    from assistant.cluster.search import open_shard_index

    start = time.perf_counter()
    for i in range(count):
        open_shard_index(Shard(root, i))
    return time.perf_counter() - start


def timed(fn, items: list, repeats: int) -> list[list[float]]:
    """Milliseconds per item, one list per repeat (after a warm-up of three items)."""
    for q in items[:3]:
        fn(q)
    out = []
    for _ in range(repeats):
        run = []
        for q in items:
            t = time.perf_counter()
            fn(q)
            run.append((time.perf_counter() - t) * 1000)
        out.append(run)
    return out


def timed_together(fns: list, items: list, repeats: int) -> list[list[list[float]]]:
    """Like :func:`timed` for several ways of doing the same thing, interleaved item by item (their order
    turning), so that each is timed under the same load: one result of :func:`timed` per function."""
    for q in items[:3]:
        for fn in fns:
            fn(q)
    out: list[list[list[float]]] = [[] for _ in fns]
    for _ in range(repeats):
        runs: list[list[float]] = [[] for _ in fns]
        for i, q in enumerate(items):
            turn = i % len(fns)
            for j in [*range(turn, len(fns)), *range(turn)]:
                t = time.perf_counter()
                fns[j](q)
                runs[j].append((time.perf_counter() - t) * 1000)
        for j, run in enumerate(runs):
            out[j].append(run)
    return out


def report(name: str, runs: list[list[float]], goal: float | None = None) -> float:
    """Print p50 and p95 over every repeat, each repeat's p50 and the load; returns the p50."""
    ms = [m for run in runs for m in run]
    p50, p95 = percentile(ms, 50), percentile(ms, 95)
    each = ", ".join(f"{percentile(run, 50):.2f}" for run in runs)
    line = f"{name}: p50 {p50:.2f} ms, p95 {p95:.2f} ms ({len(ms)} queries; p50 of each repeat {each}; {load_now()})"
    if goal is not None:
        line += f"\nGOAL {name} p50: {p50:.2f} ms / goal <= {goal:.1f} ms -> {'PASS' if p50 <= goal else 'MISS'}"
    print(line, flush=True)
    return p50


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", type=int, default=1_000_000)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2, help="Dask workers (0: search in this process only)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    print(machine(), flush=True)
    root = sharded_folder(args.passages, args.shards)
    print(f"shards: {root} · index build (or check): {build(root, args.shards):.1f} s", flush=True)
    from bench_search import queries

    from assistant.cluster.search import ShardedIndex, open_sharded

    qs = queries()
    here = open_sharded(root)
    print(f"{len(here.index):,} passages over {args.shards} shards, {len(here.index.vocab):,} terms", flush=True)
    tokens = [t for t in (here.query_terms(q) for q in qs) if t]
    lanes = os.cpu_count() or 1
    threaded = ShardedIndex(here.index.parts, root, stats=here.index.stats, lanes=lanes)
    one_by_one, at_once = timed_together(
        [lambda t: here.index.top_k(t, 10), lambda t: threaded.top_k(t, 10)], tokens, args.repeats
    )
    alone = report("in-process top 10, shard after shard", one_by_one, GOAL_P50_MS)
    together = report(f"in-process top 10, {lanes} threads at once (timed alternately with the above)", at_once)
    print(f"{lanes} threads / one shard after another, p50: {together / alone:.2f}", flush=True)
    report("in-process search", timed(lambda q: here.search(q, k=10), qs, args.repeats))
    print(f"in-process memory: {max(here.index.memory()) / MB:,.0f} MiB (all shards in one process)", flush=True)
    if not args.workers:
        return

    there = open_sharded(root, cluster=f"local:{args.workers}")
    try:
        report(
            f"Dask {args.workers} workers top 10",
            timed(lambda t: there.index.top_k(t, 10), tokens, args.repeats),
            GOAL_P50_MS,
        )
        report(f"Dask {args.workers} workers search", timed(lambda q: there.search(q, k=10), qs, args.repeats))
        per_worker = there.index.client.run(_rss)
        worst = max(per_worker.values()) / MB
        for address, rss in sorted(per_worker.items()):
            print(f"worker {address}: {rss / MB:,.0f} MiB", flush=True)
        print(
            f"GOAL memory per worker: {worst:,.0f} MiB / goal <= {GOAL_WORKER_MB:,.0f} MiB -> "
            f"{'PASS' if worst <= GOAL_WORKER_MB else 'MISS'}",
            flush=True,
        )
    finally:
        there.index.close()


def _rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()

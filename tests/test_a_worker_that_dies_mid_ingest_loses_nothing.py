"""A Dask worker killed (SIGKILL) while `ingest --cluster` runs loses nothing: Dask reruns its task on a
worker, the rerun skips the reports already committed, and the shard stores end up holding what one
machine's ingest holds, each report once."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time

from conftest import CORPUS
from test_sharded_corpus_matches_one_machine import same_report

from assistant.cluster.connect import client
from assistant.cluster.ingest import ingest_sharded
from assistant.cluster.layout import shard_of, shards
from assistant.store.database import Store

SHARDS = 2


def committed(root) -> int:
    """Reports committed in the shard stores so far (read while the workers write)."""
    total = 0
    for shard in shards(root, SHARDS):
        try:
            with sqlite3.connect(f"file:{shard.store}?mode=ro", uri=True, timeout=5) as db:
                total += db.execute("SELECT count(*) FROM reports").fetchone()[0]
        except sqlite3.Error:  # not written yet
            pass
    return total


def kill_a_busy_worker(c, root, stop: threading.Event) -> tuple[int, str]:
    """Once some reports are committed, SIGKILL a worker that is running an ingest task; returns how many
    reports were committed then and the task it was running."""
    pids = c.run(os.getpid)
    while not stop.is_set():
        done = committed(root)
        busy = {w: keys for w, keys in c.processing().items() if any("ingest_chunk" in str(k) for k in keys)}
        if done >= 2 and busy:
            worker, keys = next(iter(busy.items()))
            os.kill(pids[worker], signal.SIGKILL)
            return done, str(keys[0])
        time.sleep(0.05)
    return -1, ""


def test_a_killed_worker_loses_no_report(tmp_path, corpus_store):
    root = tmp_path / "shards"
    with client("local:2") as c:
        stop = threading.Event()
        outcome: dict = {}
        ingesting = threading.Thread(
            target=lambda: outcome.update(summary=ingest_sharded([CORPUS], root, c, SHARDS, progress=False))
        )
        ingesting.start()
        try:
            at_kill, task = kill_a_busy_worker(c, root, stop)
        finally:
            stop.set()
            ingesting.join(timeout=600)
        summary = outcome["summary"]
    one = {r["id"] for r in corpus_store.reports()}
    assert 2 <= at_kill < len(one) == 23, (at_kill, task)  # the worker died mid-ingest, running an ingest task
    assert summary.failed == [] and sorted(summary.added) == sorted(one)
    held: dict[str, Store] = {}
    for shard in shards(root, SHARDS):
        store = Store(shard.store)
        for r in store.reports():
            assert r["id"] not in held, f"{r['id']} stored twice"
            assert shard_of(r["id"], SHARDS) == shard.number
            held[r["id"]] = store
        assert store.failures() == []
    assert set(held) == one
    for report_id, store in held.items():
        same_report(store.report(report_id), corpus_store.report(report_id))
    totals = [Store(s.store).counts() for s in shards(root, SHARDS)]
    assert {k: sum(t[k] for t in totals) for k in totals[0]} == corpus_store.counts()

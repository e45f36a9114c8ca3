"""A corpus ingested on a Dask cluster (LocalCluster, 2 worker processes) into shards holds what one machine
holds: the same reports with the same figures, narrative and passages, each in the shard of its id; its
Parquet copies and manifest say the same; re-ingest skips; a bad file fails alone; summaries are the same
bytes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import CORPUS

from assistant.cluster.ingest import Chunk, ingest_chunk, ingest_sharded
from assistant.cluster.layout import Shard, manifest_path, shard_of, shards
from assistant.cluster.manifest import document_frequencies
from assistant.extract.isolated import Job
from assistant.read import Limits
from assistant.store.database import Store

SHARDS = 3


@pytest.fixture(scope="module")
def sharded(tmp_path_factory, dask_client):
    root = tmp_path_factory.mktemp("shards")
    summary = ingest_sharded([CORPUS], root, dask_client, SHARDS, progress=False)
    assert not summary.failed, summary.failed
    return root, summary


def stored(root: Path) -> dict[str, tuple[int, Store]]:
    """Every report id of the shards, with its shard number and store."""
    out = {}
    for shard in shards(root, SHARDS):
        store = Store(shard.store)
        for r in store.reports():
            assert r["id"] not in out, f"{r['id']} is in two shards"
            out[r["id"]] = (shard.number, store)
    return out


def same_report(a, b) -> None:
    for key in ("id", "title", "agency", "region", "year", "layout", "format", "source_file", "sha256", "text"):
        assert getattr(a, key) == getattr(b, key), key
    assert list(a.figures.items()) == list(b.figures.items())
    assert a.narrative_facts == b.narrative_facts
    assert a.narrative_checks == b.narrative_checks
    assert a.warnings == b.warnings
    assert a.passages == b.passages


def test_sharded_store_holds_what_one_machine_holds(sharded, corpus_store):
    root, summary = sharded
    held = stored(root)
    one = {r["id"] for r in corpus_store.reports()}
    assert set(held) == one and len(one) == 23
    for report_id, (number, store) in held.items():
        assert number == shard_of(report_id, SHARDS)
        same_report(store.report(report_id), corpus_store.report(report_id))
    assert sorted(summary.added) == sorted(one)
    assert len({n for n, _ in held.values()}) == SHARDS  # every shard got reports


def test_parquet_copies_hold_the_figures_and_facts_as_printed(sharded, corpus_store):
    root, _ = sharded
    figures = [r for s in shards(root, SHARDS) for r in pq.read_table(s.figures).to_pylist()]
    facts = [r for s in shards(root, SHARDS) for r in pq.read_table(s.facts).to_pylist()]
    reports = [r for s in shards(root, SHARDS) for r in pq.read_table(s.reports).to_pylist()]
    assert len(figures) == corpus_store.counts()["figures"]
    assert sorted(r["report_id"] for r in reports) == sorted(r["id"] for r in corpus_store.reports())
    # pingtan-2020.txt, table 3: 本年新收政府信息公开申请数量 … 总计 21; the prose: 共公布政府信息2602条
    [received] = [
        f for f in figures if f["report_id"] == "pingtan-2020.txt" and f["address"] == "requests.new_received.total"
    ]
    assert received["value"] == 21 and received["year"] == 2020 and received["agency"] == "平潭综合实验区管委会"
    assert (received["table"], received["row"], received["column"]) == ("requests", "new_received", "total")
    assert any(f["report_id"] == "pingtan-2020.txt" and f["value"] == 2602 and f["unit"] == "条" for f in facts)
    one = {(f["report_id"], f["address"]): f["value"] for f in corpus_store.figures()}
    assert {(f["report_id"], f["address"]): f["value"] for f in figures} == one


def test_manifest_records_each_shard_and_the_corpus_term_statistics(sharded, corpus_store, tmp_path):
    from assistant.search.bm25 import open_index

    root, _ = sharded
    manifest = json.loads(manifest_path(root).read_text(encoding="utf-8"))
    assert manifest["shard_count"] == SHARDS and manifest["reports"] == 23
    for entry in manifest["shards"]:
        store = Store(Shard(root, entry["number"]).store)
        assert entry["fingerprint"] == store.fingerprint()
        assert entry["reports"] == store.counts()["reports"]
    one = open_index(corpus_store.iter_passages, tmp_path, source_fingerprint=corpus_store.fingerprint(), workers=1)
    assert manifest["terms"]["doc_count"] == len(one) == corpus_store.counts()["passages"]
    assert manifest["terms"]["total_length"] / manifest["terms"]["doc_count"] == pytest.approx(one.avgdl, abs=1e-12)
    df = document_frequencies(root)
    assert df == one.doc_freqs(one.terms) and manifest["terms"]["terms"] == len(df)


def test_reingest_skips_unchanged_files(sharded, dask_client):
    root, _ = sharded
    before = manifest_path(root).read_text(encoding="utf-8")
    again = ingest_sharded([CORPUS], root, dask_client, progress=False)
    assert again.added == [] and again.failed == [] and len(again.unchanged) == 23
    assert json.loads(manifest_path(root).read_text(encoding="utf-8")) == json.loads(before)


def test_a_rerun_task_stores_nothing_twice_and_parses_nothing_again(tmp_path, dask_client):
    names = ["pingtan-2019.txt", "pingtan-2020.txt"]
    for name in names:
        shutil.copy(CORPUS / name, tmp_path / name)
    from assistant.store.ingest import _fingerprint

    root = tmp_path / "shards"
    jobs = tuple(Job(tmp_path / n, n) for n in names)
    chunk = Chunk(str(root), 1, 0, jobs, tuple(_fingerprint(j.path, Limits()) for j in jobs), Limits())
    first = dask_client.submit(ingest_chunk, chunk, pure=False).result()
    store = Store(Shard(root, 0).store)
    counts = store.counts()
    rerun = dask_client.submit(ingest_chunk, chunk, pure=False).result()  # as Dask reruns a lost task
    assert first.added == rerun.added == names
    assert first.peak > 0 and rerun.peak == 0  # the rerun parsed nothing
    assert store.counts() == counts and counts["reports"] == 2


def test_bad_files_fail_alone_each_with_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("pingtan-2019.txt", "pingtan-2020.txt"):
        shutil.copy(CORPUS / name, folder / name)
    news = folder / "news.txt"  # read on a worker: prose, no report
    news.write_bytes("今天天气很好，我们去公园散步，看见很多人在跑步。".encode() * 20)
    pipe = folder / "pipe.txt"  # refused by the client before any worker sees it
    os.mkfifo(pipe)
    root = tmp_path / "shards"
    argv = [sys.executable, "-m", "assistant.cli", "ingest", str(folder), "--shards", str(root)]
    result = subprocess.run([*argv, "--cluster", "local:2", "--quiet"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("error"))
    assert len(errors) == 2, result.stderr
    assert errors[0].startswith(f"error: {news}: ") and "not an annual report" in errors[0]
    assert errors[1].startswith(f"error: {pipe}: ") and "not a regular file (a FIFO)" in errors[1]
    assert "ingested 2 new or changed, 0 unchanged, 2 failed" in result.stdout
    for bad in (news, pipe):
        home = Store(Shard(root, shard_of(bad.name, 4)).store)
        assert str(bad) in [f["path"] for f in home.failures()]
    assert sum(Store(s.store).counts()["reports"] for s in shards(root, 4)) == 2


def test_summaries_on_the_cluster_are_the_same_bytes(sharded, corpus_store, tmp_path):
    root, _ = sharded
    one, many = tmp_path / "one", tmp_path / "many"
    cli = [sys.executable, "-m", "assistant.cli", "summarize", "--all", "--quiet"]
    subprocess.run([*cli, "--store", str(corpus_store.path), "--out", str(one)], check=True, timeout=600)
    subprocess.run([*cli, "--shards", str(root), "--cluster", "local:2", "--out", str(many)], check=True, timeout=600)
    names = sorted(p.name for p in one.iterdir())
    assert len(names) == 23 + 2  # a summary per report, the index and the digest
    assert sorted(p.name for p in many.iterdir()) == names
    for name in names:
        assert (many / name).read_bytes() == (one / name).read_bytes(), name

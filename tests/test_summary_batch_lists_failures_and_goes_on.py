"""A batch summarizes every report into a folder with an index page; a broken file is listed with its
reason and the batch goes on; --all writes the corpus digest."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import CORPUS, ROOT, SEED

from assistant.store.database import Store
from assistant.store.ingest import ingest
from assistant.summarize.batch import corpus_digest

GOOD = ("pingtan-2025.html", "pingtan-2019.txt", "pingtan-2016.txt")


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", "summarize", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    for name in GOOD:
        shutil.copy(CORPUS / name, d / name)
    shutil.copy(SEED, d / SEED.name)
    (d / "broken.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)  # not a readable PDF
    return d


def test_a_batch_with_a_broken_file_lists_it_and_goes_on(tmp_path, folder):
    out = tmp_path / "out"
    done = _run(str(folder), "--out", str(out), "--format", "json", "--quiet")
    assert done.returncode == 1, done.stderr
    assert "broken.pdf" in done.stderr and done.stderr.count("\n") == 1
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [f["source"].endswith("broken.pdf") for f in index["failures"]] == [True]
    assert index["failures"][0]["reason"]
    assert sorted(e["id"] for e in index["summaries"]) == sorted([*GOOD, SEED.name])
    for e in index["summaries"]:
        summary = json.loads((out / e["file"]).read_text(encoding="utf-8"))
        assert summary["report"]["id"] == e["id"] and summary["paragraphs"]
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    assert digest["totals"]["files"] == 4 and digest["totals"]["failed"] == 1


def test_all_summarizes_the_store_and_lists_ingest_failures(tmp_path, folder):
    store = Store(tmp_path / "corpus.sqlite")
    summary = ingest([folder], store, progress=False)
    assert len(summary.failed) == 1
    out = tmp_path / "all"
    done = _run("--all", "--store", str(store.path), "--out", str(out), "--quiet")
    assert done.returncode == 1
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "## Failed (1)" in index and "broken.pdf" in index and "ingest failed" in index
    assert "Lu'an Municipal Human Resources and Social Security Bureau, 2023" in index
    digest = (out / "digest.md").read_text(encoding="utf-8")
    assert "## Ranking by requests received" in digest
    assert "Pingtan Comprehensive Experimental Zone Administrative Committee 2025: 154" in digest
    assert "pingtan-2016.txt: no standard tables" in digest
    assert f"{SEED.name}: Administrative reconsideration and litigation" in digest
    assert len(list(out.glob("*.en.md"))) == 4


def test_the_digest_finds_carried_over_mismatches_and_arithmetic_failures(corpus_store):
    from assistant.domain.names import agency_key
    from assistant.summarize.batch import digest_record
    from assistant.summarize.core import summarize

    records = []
    for meta in corpus_store.reports():
        report = corpus_store.report(meta["id"])
        records.append(digest_record(report, summarize(report, "en")))
    d = corpus_digest(records)
    assert d["totals"]["reports"] == 15 and d["totals"]["files"] == len(records)
    assert d["ranking_received"][0]["received"] == 218 and d["ranking_received"][0]["year"] == 2024
    assert [r["id"] for r in d["arithmetic_fails"]] == ["pingtan-2020.txt"]
    assert d["carried_over_mismatch"] == []  # the corpus is consistent: every carry-over matches
    # pingtan 2025 carried over 0; say pingtan 2024 had carried 5 forward: the digest must flag it
    for r in records:
        if r["agency"] == agency_key("平潭综合实验区管委会") and r["year"] == 2024:
            r["carried_forward_by_column"] = {**r["carried_forward_by_column"], "individual": 5, "total": 5}
    flagged = corpus_digest(records)["carried_over_mismatch"]
    assert [(m["year"], m["carried_over"], m["previous_carried_forward"]) for m in flagged] == [(2025, 0, 5)]
    assert [c["column"] for c in flagged[0]["columns"]] == ["individual", "total"]

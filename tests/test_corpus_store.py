"""The SQLite corpus store: whole reports or nothing, unchanged files skipped, bad files never stop a batch."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest
from conftest import CORPUS, SEED

from assistant.domain.record import Warning, WarningKind
from assistant.extract.report import parse_file
from assistant.store.database import Store
from assistant.store.ingest import ingest


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    for name in ("pingtan-2024.txt", "pingtan-2019.txt", "shuyang-fagaiju-2023.html", "pingtan-2016.txt"):
        shutil.copy(CORPUS / name, d / name)
    shutil.copy(SEED, d / SEED.name)
    return d


def test_ingest_stores_reports_figures_passages_and_warnings(tmp_path, folder):
    store = Store(tmp_path / "corpus.sqlite")
    summary = ingest([folder], store, progress=False)
    assert sorted(summary.added) == sorted(p.name for p in folder.iterdir())
    assert not summary.failed
    report = store.report(SEED.name)
    assert report.agency == "六安市人力资源和社会保障局" and report.year == 2023
    assert report.value("requests.carried_forward.total") == 1
    assert report.value("appeals.review.total") is None  # missing stays missing, not 0
    assert report.figures["requests.carried_forward.total"].source.line > 0
    assert {p.section for p in report.passages} >= {"overview", "problems", "other_matters"}
    assert not any("\t" in p.text for p in report.passages)  # table rows are sentences, not tab-separated cells
    heading = [p for p in report.passages if p.text == "三、收到和处理政府信息公开申请情况"]
    assert [(p.kind, p.section) for p in heading] == [("heading", "requests")]  # a heading, with its section
    assert any(w.kind == WarningKind.MISSING and w.address == "appeals" for w in report.warnings)
    assert parse_file(SEED).warnings == report.warnings  # kind and fields come back from the store
    old = store.report("pingtan-2016.txt")  # before 2019: no standard tables, only its own statistics table
    assert old.layout is None and all(a.startswith("legacy.") for a in old.figures)
    assert (
        old.value("legacy.proactive_items.this_year") == 3460
        and old.value("legacy.proactive_items.cumulative") == 85376
    )
    rows = store.figures("requests.new_received.total")
    assert {r["report_id"]: r["value"] for r in rows} == {
        SEED.name: 3,
        "pingtan-2024.txt": 218,
        "pingtan-2019.txt": 23,
        "shuyang-fagaiju-2023.html": 26,
    }


def test_any_sql_tool_can_read_the_store(tmp_path, folder):
    store = Store(tmp_path / "corpus.sqlite")
    ingest([folder], store, progress=False)
    with sqlite3.connect(store.path) as db:
        value, label_en = db.execute(
            "SELECT value, label_en FROM figures WHERE report_id = ? AND address = ?",
            (SEED.name, "proactive.licensing.decisions"),
        ).fetchone()
    assert value == 135 and "licensing" in label_en


def test_unchanged_files_are_skipped(tmp_path, folder):
    store = Store(tmp_path / "corpus.sqlite")
    ingest([folder], store, progress=False)
    again = ingest([folder], store, progress=False)
    assert again.added == [] and len(again.unchanged) == 5


def test_a_changed_file_replaces_its_report(tmp_path, folder):
    store = Store(tmp_path / "corpus.sqlite")
    ingest([folder], store, progress=False)
    path = folder / SEED.name
    path.write_text(path.read_text(encoding="utf-8").replace("行政许可\t135", "行政许可\t136"), encoding="utf-8")
    summary = ingest([folder], store, progress=False)
    assert summary.added == [SEED.name]
    assert store.report(SEED.name).value("proactive.licensing.decisions") == 136
    assert store.counts()["reports"] == 5


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path, folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    store = Store(tmp_path / "corpus.sqlite")
    summary = ingest([folder], store, progress=False)
    assert len(summary.added) == 5
    failed = dict(summary.failed)
    assert set(failed) == {str(folder / n) for n in ("empty.txt", "old.doc", "broken.pdf")}
    assert "empty" in failed[str(folder / "empty.txt")]
    assert {f["path"] for f in store.failures()} == set(failed)


def test_an_interrupted_write_leaves_no_half_report(tmp_path, monkeypatch):

    store = Store(tmp_path / "corpus.sqlite")
    store.add(parse_file(CORPUS / "pingtan-2024.txt"))
    report = parse_file(SEED)
    # written last; sqlite cannot bind the message, so the transaction must roll back
    report.warnings.append(Warning(WarningKind.READER, object()))
    with pytest.raises(sqlite3.Error):
        store.add(report)
    assert store.report(SEED.name) is None
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT COUNT(*) FROM figures WHERE report_id = ?", (SEED.name,)).fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM passages WHERE report_id = ?", (SEED.name,)).fetchone()[0] == 0
    assert store.report("pingtan-2024.txt").value("requests.new_received.total") == 218


def test_ingest_command_exit_status_says_whether_a_file_failed(tmp_path, folder):
    db = tmp_path / "corpus.sqlite"
    ok = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", str(folder), "--store", str(db), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert "5 new or changed" in ok.stdout
    (folder / "empty.txt").write_bytes(b"")
    bad = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", str(folder), "--store", str(db), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert f"{folder / 'empty.txt'}: empty file" in bad.stderr and "Traceback" not in bad.stderr
    assert "5 unchanged" in bad.stdout


def test_reports_parsed_by_an_older_parser_are_parsed_again(tmp_path, folder):
    store = Store(tmp_path / "corpus.sqlite")
    ingest([folder], store, progress=False)
    before = store.fingerprint()
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE reports SET parser_version = 'older' WHERE id = ?", (SEED.name,))
    assert store.fingerprint() != before  # the search index sees the change too
    summary = ingest([folder], store, progress=False)
    assert summary.added == [SEED.name] and len(summary.unchanged) == 4
    assert store.fingerprint() == before

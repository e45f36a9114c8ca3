"""A batch reads the stored reports of a chunk of jobs together, in a few queries whatever the chunk's size,
and each report comes back whole: its text, its passages, and the figures read by hand from it
(tests/expected)."""

from __future__ import annotations

import sqlite3

from conftest import expectation

from assistant.store.database import Store
from assistant.summarize.batch import Job, run_chunk

HAND_READ = ("000_782cdb5e9cbe54e2.txt", "pingtan-2015.txt", "pingtan-2024.html")


def _statements(store: Store, monkeypatch) -> list[str]:
    ran: list[str] = []
    connect = Store._connect

    def counting(self) -> sqlite3.Connection:
        db = connect(self)
        db.set_trace_callback(ran.append)
        return db

    monkeypatch.setattr(Store, "_connect", counting)
    return ran


def test_whole_reports_have_their_hand_read_figures(corpus_store):
    reports = corpus_store.whole_reports([*HAND_READ, "not stored"])
    assert sorted(reports) == sorted(HAND_READ)
    for report_id in HAND_READ:
        report = reports[report_id]
        for address, value in expectation(report_id)["figures"].items():
            assert report.value(address) == value, (report_id, address)
        assert report.text and report.passages
        assert all(report.text[p.start : p.end].strip() for p in report.passages if p.kind == "text")


def test_a_chunk_of_reports_is_read_in_the_same_few_queries(corpus_store, monkeypatch):
    ids = [r["id"] for r in corpus_store.reports()]
    ran = _statements(corpus_store, monkeypatch)
    corpus_store.whole_reports(ids[:2])
    few = len(ran)
    ran.clear()
    corpus_store.whole_reports(ids)
    assert len(ids) > 10 and len(ran) == few <= 10


def test_a_chunk_summarizes_each_job_and_names_the_missing_one(corpus_store):
    jobs = [Job(r, "en", "html", store=str(corpus_store.path)) for r in (*HAND_READ[:2], "not stored")]
    done = run_chunk(jobs)
    assert [d["ok"] for d in done] == [True, True, False]
    assert [d["id"] for d in done[:2]] == list(HAND_READ[:2])
    assert "not stored" in done[2]["reason"]

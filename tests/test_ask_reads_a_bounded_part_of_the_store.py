"""An answer does not read every report: against a store of 500 generated reports, a question does as
many store reads as against a store of 20, and only a handful; the corpus the questions need is in memory
until the store changes, and a change is seen at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.answer import ask
from assistant.extract.report import PARSER_VERSION
from assistant.generate import generate
from assistant.store.database import Store

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
QUESTIONS = (
    "In total, how many applications were carried forward?",  # a figure over the corpus
    "Which agency received the most requests in 2023?",  # a ranking
    "2024年共收到多少件申请？",
)


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[int, Store]:
    folder = tmp_path_factory.mktemp("generated")
    made = [g.report for g in generate(CORPUS, 500, folder / "files", seed=3)]
    out = {}
    for n in (20, 500):
        store = Store(folder / f"s{n}.sqlite")
        store.add_all(made[:n], PARSER_VERSION)
        out[n] = store
    return out


def _reads(store: Store, monkeypatch, question: str) -> list[str]:
    """The SQL statements one question runs."""
    statements: list[str] = []
    connect = Store._connect

    def counting(self: Store) -> sqlite3.Connection:
        db = connect(self)
        db.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr(Store, "_connect", counting)
    answer = ask(question, store=store)
    monkeypatch.undo()
    assert answer.answer
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def test_a_question_reads_as_much_of_500_reports_as_of_20(stores, monkeypatch):
    for question in QUESTIONS:
        for store in stores.values():
            ask(question, store=store)  # the first question of a store reads it once
        small = _reads(stores[20], monkeypatch, question)
        big = _reads(stores[500], monkeypatch, question)
        assert len(big) == len(small), (question, big)
        assert len(big) <= 10, (question, big)


def test_a_change_to_the_store_is_seen_by_the_next_question(stores, tmp_path):
    store = Store(tmp_path / "changing.sqlite")
    first, second = (s.report(s.reports()[0]["id"]) for s in (stores[20], stores[500]))
    store.add(first, PARSER_VERSION)
    one = ask("In total, how many applications were carried forward?", store=store)
    store.add(second, PARSER_VERSION)
    two = ask("In total, how many applications were carried forward?", store=store)
    expected = first.value("requests.carried_forward.total") + second.value("requests.carried_forward.total")
    assert one.value == first.value("requests.carried_forward.total")
    assert two.value == expected

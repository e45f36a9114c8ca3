"""Corpus questions (rankings, totals, averages, year changes, lists) asked of a sharded corpus, whose
figures and facts are read with DuckDB from the shards' Parquet copies, get the answers one store gives:
the same text, value and citations, and the value read by hand in tests/qa_eval.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answer.engine import ask
from assistant.cluster.aggregates import read_snapshot
from assistant.cluster.search import open_sharded
from assistant.store.cache import snapshot

QUESTIONS = [  # corpus-scope questions of tests/qa_eval.json (ranking, total, change, list)
    "agg-most-requests-2024-en",
    "agg-fewest-requests-2024-zh",
    "agg-most-penalties-en",
    "agg-total-requests-2024-en",
    "agg-total-requests-2023-zh",
    "agg-individuals-2024-zh",
    "agg-top3-requests-en",
    "agg-change-pingtan-2024-2025-en",
    "agg-change-pingtan-2021-2024-zh",
    "agg-total-review-all-en",
    "agg-most-fees-en",
    "agg-most-review-zh",
    "agg-pingtan-peak-year-en",
    "agg-count-2024-reports-en",
    "agg-most-granted-2024-zh",
]
EVAL = {item["id"]: item for item in json.loads((Path(__file__).parent / "qa_eval.json").read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def sharded(sharded_corpus):
    return read_snapshot(sharded_corpus(3))


def test_the_sharded_snapshot_holds_what_one_store_holds(sharded, corpus_store) -> None:
    one = snapshot(corpus_store)
    assert list(sharded.reports) == list(one.reports)
    assert sharded.copies == one.copies and sharded.counted == one.counted
    for rid, report in one.reports.items():
        mine = sharded.reports[rid]
        assert mine.figures == report.figures and list(mine.figures) == list(report.figures)
        assert mine.narrative_facts == report.narrative_facts and mine.warnings == report.warnings
        assert mine.narrative_checks == report.narrative_checks


@pytest.mark.parametrize("qid", QUESTIONS)
def test_a_corpus_question_gets_one_stores_answer_from_the_shards(sharded, corpus_store, qid) -> None:
    item = EVAL[qid]
    mine, theirs = ask(item["question"], store=sharded), ask(item["question"], store=corpus_store)
    assert mine.to_dict() == theirs.to_dict()
    assert mine.kind == "aggregate" and mine.value == pytest.approx(item["value"], abs=0.05)
    assert all(part in mine.answer for part in item["answer_contains"])


def test_a_passage_question_is_answered_from_the_sharded_search(sharded, sharded_corpus, corpus_store) -> None:
    question = "What problems did Pingtan identify in its 2024 report?"
    mine = ask(question, store=sharded, searcher=open_sharded(sharded_corpus(3)))
    theirs = ask(question, store=corpus_store)
    assert mine.kind == "passage" and mine.to_dict() == theirs.to_dict()

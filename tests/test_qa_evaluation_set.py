"""The hand-checked question set: at least 80 questions, half English, and figure questions right ≥ 95%."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

from conftest import ROOT

from assistant.answer import evaluate

QA_SET = ROOT / "tests" / "qa_eval.json"


def test_the_set_is_big_and_bilingual():
    items = json.loads(QA_SET.read_text(encoding="utf-8"))
    assert len(items) >= 80
    langs = Counter(i["lang"] for i in items)
    assert langs["en"] == langs["zh"]
    assert {i["kind"] for i in items} == {"figure", "aggregate", "passage", "not_found"}
    questions = {i["question"]: i for i in items}
    assert questions["How many applications were carried forward?"]["value"] == 1
    assert questions["上年结转政府信息公开申请数量是多少？"]["value"] == 0
    assert questions["How many administrative reconsideration cases?"]["kind"] == "not_found"


def test_accuracy_meets_the_bar(corpus_store):
    outcomes = evaluate.run(QA_SET, corpus_store)
    table = evaluate.accuracy(outcomes)
    right, asked = table["figure"]
    assert right / asked >= 0.95, evaluate.report(outcomes)
    for kind in ("aggregate", "not_found", "passage"):
        right, asked = table[kind]
        assert right / asked >= 0.85, evaluate.report(outcomes)


def test_evaluate_command_prints_accuracy_by_kind_and_language(corpus_store):
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "evaluate", "--store", str(corpus_store.path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for key in ("figure/en", "figure/zh", "aggregate", "passage", "not_found", "all"):
        assert key in out

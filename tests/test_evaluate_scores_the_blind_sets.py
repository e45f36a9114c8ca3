"""`assistant evaluate --blind` scores the blind question sets by category and language, counts
confident wrong answers apart, and never lists the sealed part's questions."""

from __future__ import annotations

import json

from conftest import ROOT

from assistant.answer import blind
from assistant.cli.main import main

BLIND = ROOT / "tests" / "blind"


def test_the_blind_sets_are_big_bilingual_and_split():
    dev = json.loads((BLIND / "qa_dev.json").read_text(encoding="utf-8"))
    sealed = json.loads((BLIND / "qa_sealed.json").read_text(encoding="utf-8"))
    assert len(dev) + len(sealed) >= 400 and len(sealed) >= 150
    assert not {q["id"] for q in dev} & {q["id"] for q in sealed}
    for part in (dev, sealed):
        langs = [q["lang"] for q in part]
        assert abs(langs.count("en") - langs.count("zh")) <= len(part) * 0.05


def test_judge_counts_a_wrong_figure_as_wrong_and_not_given_as_not_given(corpus_store):
    from assistant.answer.answer import Answer

    reports = blind._Reports(corpus_store)
    item = {"id": "x", "lang": "en", "expected": {"type": "number", "value": 154}}
    assert blind.judge(item, Answer("154 requests.", 154, "figure", "en"), reports)[0]
    assert not blind.judge(item, Answer("95 requests.", 95, "figure", "en"), reports)[0]
    item = {"id": "y", "lang": "zh", "expected": {"type": "not_given"}}
    assert blind.judge(item, Answer("报告未提供。", None, "not_found", "zh"), reports)[0]
    assert not blind.judge(item, Answer("0件。", 0, "figure", "zh"), reports)[0]


def test_evaluate_blind_prints_both_parts_and_hides_sealed_failures(corpus_store, capsys):
    assert main(["evaluate", "--blind", str(BLIND), "--show-wrong", "--store", str(corpus_store.path)]) == 0
    out = capsys.readouterr().out
    dev, sealed = out.split("\nsealed:")
    for key in ("multi_part/en", "shares/zh", "confident wrong", "all"):
        assert key in dev and key in sealed
    sealed_ids = {q["id"] for q in json.loads((BLIND / "qa_sealed.json").read_text(encoding="utf-8"))}
    assert not any(f"[{i}]" in out for i in sealed_ids)

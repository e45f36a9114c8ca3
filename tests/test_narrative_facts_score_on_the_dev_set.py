"""The narrative facts against the hand-read blind development set (tests/blind/narrative_dev.json):
precision and recall stay above the floors reached, and no hand-read not-fact is taken for a fact."""

from __future__ import annotations

import json
from functools import cache

from conftest import CORPUS, ROOT

from assistant.extract.narrative_score import quote_spans, score_file
from assistant.extract.report import parse_file

DEV = ROOT / "tests" / "blind" / "narrative_dev.json"
PRECISION_FLOOR = 0.99
RECALL_FLOOR = 0.98


@cache
def parse(path):
    return parse_file(path)


def test_dev_precision_and_recall_stay_above_the_floors():
    score = score_file(DEV, CORPUS, parse)
    assert score.expected > 200
    assert score.precision >= PRECISION_FLOOR, [(f.value, f.unit, f.sentence[:40]) for f in score.spurious]
    assert score.recall >= RECALL_FLOOR, [f["quote"] for f in score.missed]


def test_no_hand_read_not_fact_is_a_fact():
    taken = []
    for item in json.loads(DEV.read_text(encoding="utf-8"))["reports"]:
        report = parse(CORPUS / item["file"])
        for nf in item["not_facts"]:
            for lo, hi in quote_spans(report.text, nf["quote"]):
                at = report.text.find(nf["number_text"], lo, hi)
                n = at if at >= 0 else lo
                if any(f.start < n + len(nf["number_text"]) and n < f.end for f in report.narrative_facts):
                    taken.append((item["file"], nf["quote"]))
    assert taken == []

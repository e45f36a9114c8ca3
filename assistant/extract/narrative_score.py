"""Score the narrative facts against hand-read ones (tests/blind/narrative_*.json).

A predicted fact matches a hand-read fact when value and unit agree and its span overlaps a place
where the hand-read quote occurs in the report's text (found ignoring whitespace, since readers
copy text across line breaks). Each hand-read fact is matched at most once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from assistant.domain.record import NarrativeFact, Report

_SPACE = re.compile(r"\s")


@dataclass
class Score:
    predicted: int = 0
    expected: int = 0
    matched: int = 0
    missed: list[dict] = field(default_factory=list)  # hand-read facts not found
    spurious: list[NarrativeFact] = field(default_factory=list)  # predicted facts not hand-read

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.expected += other.expected
        self.matched += other.matched
        self.missed += other.missed
        self.spurious += other.spurious


def _fold(ch: str) -> str:
    """NFKC of one character where it stays one character (，-> ,), as the readers normalize text."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) in text where quote occurs, whitespace ignored and width folded on both sides."""
    keep = [i for i, ch in enumerate(text) if not _SPACE.match(ch)]
    squeezed = "".join(_fold(text[i]) for i in keep)
    needle = "".join(_fold(ch) for ch in _SPACE.sub("", quote))
    spans, at = [], squeezed.find(needle)
    while needle and at >= 0:
        spans.append((keep[at], keep[at + len(needle) - 1] + 1))
        at = squeezed.find(needle, at + 1)
    return spans


def _unit(u: str | None) -> str:
    return (u or "").replace("％", "%")


def score_report(report: Report, facts: list[dict]) -> Score:
    score = Score(predicted=len(report.narrative_facts), expected=len(facts))
    spans = [quote_spans(report.text, f["quote"]) for f in facts]
    used: set[int] = set()
    for pred in report.narrative_facts:
        hit = next(
            (
                i
                for i, f in enumerate(facts)
                if i not in used
                and f["value"] is not None
                and float(f["value"]) == float(pred.value)
                and _unit(f["unit"]) == _unit(pred.unit)
                and any(s < pred.end and pred.start < e for s, e in spans[i])
            ),
            None,
        )
        if hit is None:
            score.spurious.append(pred)
        else:
            used.add(hit)
    score.matched = len(used)
    score.missed = [f for i, f in enumerate(facts) if i not in used]
    return score


def score_file(path: Path, corpus: Path, parse) -> Score:
    """The total score of one blind file; ``parse`` turns a corpus path into a Report."""
    total = Score()
    for item in json.loads(path.read_text(encoding="utf-8"))["reports"]:
        total.add(score_report(parse(corpus / item["file"]), item["facts"]))
    return total

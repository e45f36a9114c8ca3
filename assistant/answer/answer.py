"""The answer a question gets, and the small phrasing helpers every kind of answer shares."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum

from assistant.domain import numbers
from assistant.domain.names import agency_english
from assistant.domain.record import Citation, Figure, Report


class AnswerKind(StrEnum):
    """Where an answer's value comes from (the string is what ``ask --json`` prints)."""

    FIGURE = "figure"  # one report's table
    AGGREGATE = "aggregate"  # computed from figures of several reports
    PASSAGE = "passage"  # the text of a report
    NOT_FOUND = "not_found"


@dataclass
class Answer:
    answer: str
    value: float | int | None
    kind: AnswerKind
    language: str
    citations: list[Citation] = field(default_factory=list)
    verdict: bool | None = None  # the answer to a yes/no question
    values: list[float | int | None] = field(default_factory=list)  # each part of a multi-part question
    suggestions: list[Suggestion] = field(default_factory=list)  # closest readings, when none was sure

    def to_dict(self) -> dict:
        return {
            "answer": self.answer,
            "value": self.value,
            "kind": str(self.kind),
            "verdict": self.verdict,
            "values": self.values,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "citations": [c.to_dict() for c in self.citations],
        }


@dataclass(frozen=True)
class Suggestion:
    """A closer reading of a question the tool was not sure of, as a question the user can ask instead."""

    label: str  # "refused (不予公开) — 12"
    question: str  # the question to ask for it
    score: float

    def to_dict(self) -> dict:
        return asdict(self)


def number(value: float | int | None, lang: str = "en") -> str:
    """The value exactly, with thousands separators in English (4,166.241619) and without in Chinese."""
    return "—" if value is None else numbers.in_language(value, lang)


def source_line(report: Report, offset: int | None) -> tuple[str, int | None, int | None]:
    """The printed line holding an offset, and its span (for highlighting)."""
    if offset is None or not report.text:
        return "", None, None
    start = report.text.rfind("\n", 0, offset) + 1
    end = report.text.find("\n", offset)
    end = len(report.text) if end < 0 else end
    return report.text[start:end].strip(), start, end


def figure_citation(report: Report, fig: Figure, label: str, lang: str) -> Citation:
    src = fig.source
    text, start, end = source_line(report, src.offset if src else None)
    printed = (src.label if src and src.label else "").strip()
    return Citation(
        report.id,
        report.title,
        f"{label}" + (f" (printed: {printed})" if printed and printed not in label else ""),
        text,
        start,
        end,
        page=src.page if src else None,
        line=src.line if src else None,
        lang=lang,
    )


def agency_name(agency: str, lang: str, year: int | None = None) -> str:
    """The agency as an answer names it: in English with the Chinese (and year) in parentheses, or in Chinese."""
    if lang == "zh" or not agency:
        return f"{agency}（{year}）" if year else agency
    english = agency_english(agency).english
    inside = ", ".join(str(x) for x in (agency if agency not in english else "", year) if x)
    return f"{english} ({inside})" if inside else english


def who(report_agency: str, year: int | None, lang: str) -> str:
    if not report_agency:  # a report that names no agency
        if lang == "zh":
            return f"{year}年度报告" if year else "该报告"
        return f"the {year} report" if year else "the report"
    if lang == "zh":
        return f"{report_agency}{year}年度报告" if year else f"{report_agency}的报告"
    name = agency_name(report_agency, lang)
    return f"the {year} report of {name}" if year else f"the report of {name}"

"""The answer a question gets, and the small phrasing helpers every kind of answer shares."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from assistant.domain import numbers
from assistant.domain.names import agency_english
from assistant.domain.record import Citation, Figure, Report, Source


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
    what: str = ""  # what the value counts, in the answer's language (a narrative fact's measure)
    illegible: bool = False  # a figure asked for is printed in this copy, but its digits allow several readings
    quote: str = ""  # the sentence a passage answer quotes

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


def capitalized(text: str) -> str:
    """The text with its first letter upper case and the rest as written (str.capitalize lowers the
    names inside: "the 2019 report of Pingtan …")."""
    return text[:1].upper() + text[1:]


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


ROW_LINE = 300  # a printed line longer than this holds more than one row: a crawler's report on one line
_NUMBERING = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d[.．、])$")
_CELLS = re.compile(r"[\s\d.,，\-－]*")
_NEXT_NUMBER = re.compile(r"\d[.．、]$")  # the glued numbering of the next row ("00000002.其他法律…")


def row_span(report: Report, src: Source | None) -> tuple[str, int | None, int | None]:
    """The printed row of a figure and its span: its line, or, where the line holds the whole report
    (crawler text), the row's own numbering, label and figures within it."""
    text, start, end = source_line(report, src.offset if src else None)
    if src is None or start is None or end is None or end - start <= ROW_LINE:
        return text, start, end
    full, lo = report.text, src.offset
    label = src.label.strip()
    at = full.rfind(label, start, src.offset + len(label)) if label else -1
    if at >= 0:
        lo = at
        numbering = _NUMBERING.search(full, max(start, lo - 4), lo)
        lo = numbering.start() if numbering else lo
    cells = _CELLS.match(full, max(src.offset, at + len(label)) if at >= 0 else src.offset)
    hi = cells.end()
    if _NEXT_NUMBER.search(full, lo, hi) and hi < end and not full[hi].isdigit():
        hi -= 2
    while hi > lo and full[hi - 1].isspace():
        hi -= 1
    return full[lo:hi], lo, hi


def figure_citation(report: Report, fig: Figure, label: str, lang: str, excerpt: bool = True) -> Citation:
    """The figure's cell as a citation; with ``excerpt`` False, without the printed row (its text is not read)."""
    src = fig.source
    text, start, end = row_span(report, src) if excerpt else ("", src.offset if src else None, None)
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

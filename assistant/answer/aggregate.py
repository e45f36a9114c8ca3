"""Answers computed over several reports: most and least, rankings, totals, averages, shares, changes
and comparisons — always with the numbers they rest on."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from assistant.answer.answer import (
    Answer,
    AnswerKind,
    Suggestion,
    agency_name,
    capitalized,
    figure_citation,
    number,
    who,
)
from assistant.answer.figures import _label, addresses, columns_of, unit_of, value_of
from assistant.answer.measures import ColumnChoice, Measure, match_column, measures
from assistant.answer.scope import ReportRef, Years
from assistant.domain import numbers, vocabulary
from assistant.domain.record import Citation, Report

T = TypeVar("T")

OPS = tuple((name, re.compile(pattern, re.I)) for name, pattern in vocabulary.OPERATIONS)
_WORD_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
_RANKED_COUNT = vocabulary.asks("ranked_count")
_OF_RECEIVED = re.compile(r"\breceived\b|\bnew requests\b|收到|新收|受理", re.I)
EXCERPTS = 8  # cited rows of an aggregate quoted with their printed text
# An answer names (and cites) at most this many reports; over a large corpus it says how many more there are.
LISTED = 30


def operation(question: str) -> tuple[str | None, int]:
    """The corpus operation a question asks for, and N for a top-N ranking (the most of N reports asked
    for, "the three reports with the most", 最多的三份: the top N)."""
    for name, pattern in OPS:
        m = pattern.search(question)
        if m:
            n = 3
            counted = _RANKED_COUNT.search(question) if name in ("top", "most") else None
            if counted and (asked := _count(next(g for g in counted.groups() if g))) > 1:
                return "top", asked
            if name == "top":
                raw = next((g for g in m.groups() if g), None)
                if raw:
                    n = _count(raw)
                elif not re.match(r"top|前", m.group(0), re.I):  # "rank them", 从多到少排: every one, in order
                    n = LISTED
            return name, n
    return None, 0


@dataclass(frozen=True)
class Bound:
    """A bound a question sets on the figures of the reports it lists ("超过10000万元", "fewer than 5")."""

    above: bool
    value: float
    unit: str  # "万元", "元" or "" (the figure's own unit)

    def admits(self, value: float, unit: str) -> bool:
        """Whether a figure printed in ``unit`` passes the bound (万元 and 元 converted; other units compared as
        they are)."""
        limit = self.value
        if {self.unit, unit} == {"万元", "元"}:
            limit = limit * 10_000 if self.unit == "万元" else limit / 10_000
        return value > limit if self.above else value < limit


def bound(question: str) -> Bound | None:
    """The bound the question sets, or None."""
    for above in (True, False):
        m = vocabulary.asks("above" if above else "below").search(question)
        if m:
            english = m["unit3"] or ""  # "10,000 yuan", "ten thousand yuan" or "yuan"
            unit = m["unit"] or m["unit2"] or ("元" if english == "yuan" else "万元" if english else "")
            return Bound(above, float(numbers.parse(m["n"] or m["n2"] or m["n3"])), unit)
    return None


def _count(raw: str) -> int:
    return int(raw) if raw.isdigit() else _WORD_NUM.get(raw.lower()) or int(numbers.parse(raw) or 3)


@dataclass
class Row:
    ref: ReportRef
    report: Report
    value: float | int
    cells: list[str]
    cited: dict[str, Citation] = field(default_factory=dict)  # by language: its citation without the excerpt
    # (a row is kept in the snapshot's memo and shared by the answers that count it: never changed after)


def collect(
    refs: Sequence[ReportRef],
    load: Callable[[str], Report],
    measure: Measure,
    question: str,
    years: Years,
    memo: dict | None = None,
) -> tuple[list[Row], ColumnChoice | None, list[ReportRef]]:
    """The measure in each report of those years; reports that lack it, or give it only as an uncertain
    reading of glued digits, are returned apart (never counted). Each layout's columns are those of its
    first report of those years, and the question picks among them.

    ``memo`` (the store snapshot's) keeps each report's row for a measure and column, so a question over
    the corpus reads each report's figures once per snapshot; for the snapshot's own tuple of reports
    (``scope.canonical``) it also keeps the whole collection by years, measure and picks, so a reading
    asked before costs no pass over the corpus. The lists returned may be shared: never changed after."""
    kept = memo if isinstance(refs, tuple) else None  # a list is made for one question (and is small)
    chosen: dict[str | None, tuple[tuple[str, ...], ColumnChoice | None]] = {}  # by layout: its columns, the pick
    for layout, first in _firsts(refs, years, kept):
        cols = columns_of(load(first), measure)
        chosen[layout] = (cols, match_column(question, measure, cols) if cols else None)
    if kept is None:
        return _collect(refs, load, measure, years, chosen, {} if memo is None else memo)
    key = ("collect", id(refs), measure.key, years, tuple(chosen.items()))
    held = kept.get(key)
    if held is None or held[0] is not refs:  # the id of a tuple since gone may be taken by another
        held = kept[key] = (refs, _collect(refs, load, measure, years, chosen, kept))
    return held[1]


def _firsts(refs: Sequence[ReportRef], years: Years, memo: dict | None) -> list[tuple[str | None, str]]:
    """Each layout of the reports of those years, with the id of its first report, in order."""
    key = ("firsts", id(refs), years)
    held = memo.get(key) if memo is not None else None
    if held is not None and held[0] is refs:
        return held[1]
    firsts: dict[str | None, str] = {}
    for ref in refs:
        if (not years or ref.year in years) and ref.layout not in firsts:
            firsts[ref.layout] = ref.id
    if memo is not None:
        memo[key] = (refs, list(firsts.items()))
    return list(firsts.items())


def _collect(
    refs: Sequence[ReportRef],
    load: Callable[[str], Report],
    measure: Measure,
    years: Years,
    chosen: dict[str | None, tuple[tuple[str, ...], ColumnChoice | None]],
    memo: dict,
) -> tuple[list[Row], ColumnChoice | None, list[ReportRef]]:
    rows: list[Row] = []
    lacking: list[ReportRef] = []
    column = None
    held: dict[tuple[str, ...], dict[str, Row | None]] = {}  # by the columns picked: each report's row
    for ref in refs:
        if years and ref.year not in years:
            continue
        cols, pick = chosen[ref.layout]
        if not cols or pick is None:
            continue
        column = pick
        known = held.get(pick.ids)
        if known is None:
            known = held[pick.ids] = memo.setdefault(("row", measure.key, pick.ids), {})
        row = known.get(ref.id, False)
        if row is False:
            row = known[ref.id] = _row(ref, load(ref.id), measure, pick)
        if row is None:
            lacking.append(ref)
        else:
            rows.append(row)
    named = {layout for layout, (_, pick) in chosen.items() if pick is not None and pick.explicit}
    if named:  # a column the question names ("from companies"): the reports whose tables lack it lack it
        lacking += [r.ref for r in rows if r.ref.layout not in named]
        rows = [r for r in rows if r.ref.layout in named]
        column = next(chosen[layout][1] for layout in named)
    return rows, column, lacking


def _row(ref: ReportRef, report: Report, measure: Measure, column: ColumnChoice) -> Row | None:
    """The report's row, or None when it lacks the figure or gives it only as an uncertain reading."""
    cells = addresses(report, measure, column)
    value, _ = value_of(report, cells)
    if value is None or any(report.figures[a].uncertain for a in cells):
        return None
    return Row(ref, report, value, cells)


def _name(row: Row, lang: str) -> str:
    return agency_name(row.ref.agency, lang, row.ref.year)


def _what(measure: Measure, column: ColumnChoice | None, lang: str) -> str:
    if lang == "zh":
        return measure.chinese + (f"（{column.chinese}）" if column and column.explicit else "")
    return measure.english + (f", {column.english}" if column and column.explicit else "")


def _cite(rows: list[Row], lang: str):
    """A citation for each report the answer names: every report it counts up to LISTED (an aggregate over
    9 reports cites 9; over 5,000 it names 30 and says how many more it counted), so an answer's size does
    not grow with the corpus. The printed row is quoted for the first EXCERPTS only."""
    out = []
    for i, row in enumerate(rows[:LISTED]):
        if i >= EXCERPTS and lang in row.cited:  # kept with the report's reading in the snapshot
            out.append(row.cited[lang])
            continue
        fig = row.report.figures[row.cells[0]]
        cite = figure_citation(row.report, fig, _label(row.report, row.cells[0]), lang, i < EXCERPTS)
        if i >= EXCERPTS:
            row.cited[lang] = cite
        out.append(cite)
    return out


def _scope(years: Years, lang: str, count: int) -> str:
    if lang == "zh":
        return (years.describe(lang) if years else "全部年份") + f"的{count}份报告中"
    if years:
        return f"among the {count} reports for {years.describe(lang)}"
    return f"among the {count} reports of all years"


def listed(items: Sequence[T], name: Callable[[T], str], lang: str, sep: str = "; ") -> str:
    """The first LISTED items by name, and how many more there are."""
    shown = sep.join(name(i) for i in items[:LISTED])
    more = len(items) - LISTED
    if more <= 0:
        return shown
    return shown + (f"{sep}and {more} more" if lang == "en" else f"{sep}另有{more}份")


def not_counted(lacking: list[ReportRef], lang: str) -> str:
    if not lacking:
        return ""
    names = listed(lacking, lambda r: agency_name(r.agency, lang, r.year), lang, ", ")
    return (
        f" Not counted, as their reports do not give the figure or give it only as an uncertain reading: {names}."
        if lang == "en"
        else f"以下报告未给出该数字或其读数存疑，未计入：{names}。"
    )


def ranking(
    op: str,
    n: int,
    rows: list[Row],
    lacking: list[ReportRef],
    measure: Measure,
    column: ColumnChoice | None,
    years: Years,
    lang: str,
) -> Answer:
    ordered = sorted(rows, key=lambda r: (-r.value if op != "least" else r.value, r.ref.agency))
    what = _what(measure, column, lang)
    if op == "top":
        top = ordered[:n]
        listing = "; ".join(f"{i}. {_name(r, lang)} {number(r.value, lang)}" for i, r in enumerate(top, 1))
        text = (
            f"Top {len(top)} by {what} {_scope(years, lang, len(rows))}: {listing}."
            if lang == "en"
            else f"{_scope(years, lang, len(rows))}，{what}前{len(top)}名：{listing}。"
        )
        return Answer(text + not_counted(lacking, lang), top[0].value, AnswerKind.AGGREGATE, lang, _cite(top, lang))
    best = ordered[0]
    ties = [r for r in ordered if r.value == best.value]
    runners = [r for r in ordered if r.value != best.value][:2]
    word = {"most": ("the most", "最多"), "least": ("the fewest", "最少")}[op]
    names = " and ".join(_name(r, lang) for r in ties) if lang == "en" else "、".join(_name(r, lang) for r in ties)
    if lang == "en":
        text = f"{names} reported {word[0]} {what} {_scope(years, lang, len(rows))}: {number(best.value)}."
        if runners:
            text += " Next: " + "; ".join(f"{_name(r, lang)} {number(r.value)}" for r in runners) + "."
    else:
        text = f"{_scope(years, lang, len(rows))}，{names}的{what}{word[1]}，为{number(best.value, lang)}。"
        if runners:
            text += "其次：" + "；".join(f"{_name(r, lang)} {number(r.value, lang)}" for r in runners) + "。"
    return Answer(
        text + not_counted(lacking, lang), best.value, AnswerKind.AGGREGATE, lang, _cite(ties + runners, lang)
    )


_TOTALS: dict[int, tuple[list[Row], int | float]] = {}


def _total(rows: list[Row]) -> int | float:
    """The exact sum of the rows' values, kept for the lists ``collect`` shares (the same reading asked
    again sums the same list)."""
    held = _TOTALS.get(id(rows))
    if held is None or held[0] is not rows:  # the id of a list since gone may be another's
        if len(_TOTALS) >= 64:
            _TOTALS.clear()
        held = _TOTALS[id(rows)] = (rows, numbers.total(r.value for r in rows))
    return held[1]


def total_or_average(
    op: str,
    rows: list[Row],
    lacking: list[ReportRef],
    measure: Measure,
    column: ColumnChoice | None,
    years: Years,
    lang: str,
) -> Answer:
    total = _total(rows)
    value = round(total / len(rows), 1) if op == "average" else total
    what = _what(measure, column, lang)
    parts = listed(rows, lambda r: f"{_name(r, lang)} {number(r.value, lang)}", lang)
    if lang == "en":
        head = "On average" if op == "average" else "In total"
        text = f"{head}, {number(value)} {what} {_scope(years, lang, len(rows))} ({parts})."
    else:
        head = "平均" if op == "average" else "合计"
        text = f"{_scope(years, lang, len(rows))}，{what}{head}为{number(value, lang)}（{parts}）。"
    return Answer(text + not_counted(lacking, lang), value, AnswerKind.AGGREGATE, lang, _cite(rows, lang))


def per_report(
    rows: list[Row], lacking: list[ReportRef], measure: Measure, column: ColumnChoice | None, years: Years, lang: str
) -> Answer:
    """Each report's figure, for a question that names no report and asks for no total: no one figure is
    given (which report was meant is not known); each reading is offered as a question to ask."""
    what = _what(measure, column, lang)
    parts = listed(rows, lambda r: f"{_name(r, lang)} {number(r.value, lang)}", lang)
    if lang == "en":
        text = (
            f"The question names no report, so I give no single figure. {capitalized(what)} "
            f"{_scope(years, lang, len(rows))}: {parts}. Name an agency and year, or choose a report."
        )
    else:
        text = (
            f"问题未指明报告，因此不给出单一数字。{_scope(years, lang, len(rows))}，{what}：{parts}。"
            "请指明机关和年度，或选择一份报告。"
        )
    out = Answer(text + not_counted(lacking, lang), None, AnswerKind.AGGREGATE, lang, _cite(rows, lang))
    out.suggestions = [
        Suggestion(
            f"{_name(r, lang)} — {number(r.value, lang)}",
            f"{_name(r, lang)}: how many {measure.english}?"
            if lang == "en"
            else f"{_name(r, lang)}{measure.chinese}是多少？",
            1.0,
        )
        for r in rows[:3]
    ]
    return out


def share(report: Report, measure: Measure, question: str, lang: str, base: Measure | None = None) -> Answer | None:
    """A measure as a percentage of a stated base, or of its natural whole: outcomes of all handled, a
    column of its row."""
    cols = columns_of(report, measure)
    if not cols:
        return None
    column = match_column(question, measure, cols)
    part, _ = value_of(report, addresses(report, measure, column))
    if base is not None and base.key != measure.key:
        whole_measure, whole_column = base, column
    elif column.explicit and "total" in cols:
        whole_measure, whole_column = measure, ColumnChoice(("total",), "total", "总计", False)
    elif measure.table == "requests" and measure.key not in (
        "requests.new_received",
        "requests.carried_over",
        "requests.total_handled",
        "requests.carried_forward",
    ):
        whole_key = "requests.new_received" if _OF_RECEIVED.search(question) else "requests.total_handled"
        whole_measure = next(m for m in measures() if m.key == whole_key)
        whole_column = column
    else:
        return None
    whole_cells = addresses(report, whole_measure, whole_column)
    whole, _ = value_of(report, whole_cells)
    if part is None or not whole:
        return None
    pct, shown = numbers.percent(part, whole), numbers.share(part, whole)
    part_what, whole_what = _what(measure, column, lang), _what(whole_measure, whole_column, lang)
    if lang == "en":
        text = (
            f"{shown} — {number(part)} {part_what} out of {number(whole)} {whole_what}, in "
            f"{who(report.agency, report.year, lang)}."
        )
    else:
        text = (
            f"{report.agency}{report.year}年度报告：{part_what}{number(part, lang)}件，占{whole_what}"
            f"{number(whole, lang)}件的{shown}。"
        )
    cells = addresses(report, measure, column)[:1] + whole_cells[:1]
    cites = [figure_citation(report, report.figures[a], _label(report, a), lang) for a in cells]
    return Answer(text, pct, AnswerKind.AGGREGATE, lang, cites)


def change(a: Row, b: Row, measure: Measure, column: ColumnChoice | None, lang: str) -> Answer:
    first, second = sorted((a, b), key=lambda r: r.ref.year or 0)
    diff = numbers.total([second.value, -first.value])
    pct = f"{'+' if diff >= 0 else ''}{numbers.share(diff, first.value)}" if first.value else "n/a"
    what = _what(measure, column, lang)
    if lang == "en":
        verb = "rose" if diff > 0 else "fell" if diff < 0 else "stayed"
        text = (
            f"{capitalized(what)} {verb} from {number(first.value)} in {first.ref.year} to {number(second.value)} "
            f"in {second.ref.year} ({'+' if diff >= 0 else ''}{number(diff)}, {pct}) for "
            f"{agency_name(second.ref.agency, lang)}."
        )
    else:
        verb = "增加" if diff > 0 else "减少" if diff < 0 else "持平"
        text = (
            f"{second.ref.agency}的{what}由{first.ref.year}年的{number(first.value, lang)}变为{second.ref.year}年的"
            f"{number(second.value, lang)}，{verb}{number(abs(diff), lang)}（{pct}）。"
        )
    return Answer(text, diff, AnswerKind.AGGREGATE, lang, _cite([first, second], lang))


def compare(rows: list[Row], measure: Measure, column: ColumnChoice | None, lang: str) -> Answer:
    ordered = sorted(rows, key=lambda r: -r.value)
    what = _what(measure, column, lang)
    listing = ("; " if lang == "en" else "；").join(f"{_name(r, lang)} {number(r.value, lang)}" for r in ordered)
    diff = ordered[0].value - ordered[-1].value
    if lang == "en":
        text = f"{capitalized(what)}: {listing}. {_name(ordered[0], lang)} is higher by {number(diff)}."
    else:
        text = f"{what}：{listing}。{_name(ordered[0], lang)}多{number(diff, lang)}。"
    return Answer(text, diff, AnswerKind.AGGREGATE, lang, _cite(ordered, lang))


def each(rows: list[Row], measure: Measure, column: ColumnChoice | None, lang: str) -> Answer:
    """The figure of each agency named: several values, no one figure."""
    what = _what(measure, column, lang)

    def stated(r: Row) -> str:  # the figure with its unit (万元 is never left for the reader to guess)
        unit = unit_of(measure, column, lang, r.value) if column is not None else ""
        return f"{number(r.value, lang)} {unit}".strip() if lang == "en" else f"{number(r.value, lang)}{unit}"

    listing = ("; " if lang == "en" else "；").join(f"{_name(r, lang)} {stated(r)}" for r in rows)
    text = f"{capitalized(what)}: {listing}." if lang == "en" else f"{what}：{listing}。"
    out = Answer(text, None, AnswerKind.AGGREGATE, lang, _cite(rows, lang))
    out.values = [r.value for r in rows]
    return out


def count_reports(refs: list[ReportRef], years: Years, lang: str) -> Answer:
    """How many reports the corpus holds (each report once, whatever its formats)."""
    chosen = [r for r in refs if r.year in years]
    names = listed(chosen, lambda r: agency_name(r.agency, lang, r.year), lang, "; " if lang == "en" else "；")
    if lang == "en":
        text = (
            f"The corpus holds {len(chosen)} reports{' for ' + years.describe(lang) if years else ''}, "
            f"counting each report once whatever its formats: {names}."
        )
    else:
        text = (
            f"语料库中{years.describe(lang) if years else ''}共有{len(chosen)}份报告"
            f"（同一报告的不同格式只计一次）：{names}。"
        )
    return Answer(text, len(chosen), AnswerKind.AGGREGATE, lang, [])

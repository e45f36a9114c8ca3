"""One agency over several years: each year's reading, then what the question does with them.

"How many visits in 2015, 2016 and 2017?", "一共多少条 from 2015 to 2017", "how did it change from 2019
to 2021?", "2024年比2025年多多少?", "which year was highest?", "more in 2016 than in 2015?". Each year is
read from its own report exactly as a question about that one report would be (a table figure, a row of
the old table, or a count its text states); a year whose report does not give it is said, never counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.answer import Answer, AnswerKind, agency_name, capitalized, number
from assistant.answer.scope import ReportRef
from assistant.domain import numbers, vocabulary

_TOP, _MOST, _LEAST, _CHANGE, _COMPARE, _TOTAL = (
    re.compile(p, re.I)
    for name, p in vocabulary.OPERATIONS
    if name in ("top", "most", "least", "change", "compare", "total")
)
# an order asked from the fewest up ("从少到多", "from lowest to highest")
_ASCENDING = re.compile(
    r"[从由](?:少|低|小)到(?:多|高|大)|\bfrom\s+(?:the\s+)?(?:least|lowest|fewest|smallest)\s+to\b|\bascending\b", re.I
)


@dataclass
class Point:
    """One year of the series: its report and the answer a question about that report alone gets."""

    ref: ReportRef
    answer: Answer

    @property
    def value(self) -> float | int | None:
        sure = self.answer.kind in (AnswerKind.FIGURE, AnswerKind.AGGREGATE)
        return self.answer.value if sure else None


def operation(question: str) -> str:
    """What a question does with the years: order them by value, most, least, change, total, or list them."""
    if _TOP.search(question):
        return "order"
    if _LEAST.search(question):
        return "least"
    if _MOST.search(question):
        return "most"
    if _CHANGE.search(question) or _COMPARE.search(question) or vocabulary.asks("than").search(question):
        return "change"
    if _TOTAL.search(question) or vocabulary.asks("sum").search(question):
        return "total"
    return "list"


def _ordered_pair(points: list[Point], question: str) -> tuple[Point, Point]:
    """(the year measured, the year it is measured against): "2024年比2025年多多少" is 2024 against 2025;
    "from 2019 to 2021" and "2025 compared with 2024" are the later year against the earlier."""
    first, last = points[0], points[-1]
    than = vocabulary.asks("than").search(question)
    mentions = [m.start() for y in (first.ref.year, last.ref.year) for m in [re.search(str(y), question)] if m]
    if than and len(mentions) == 2 and min(mentions) < than.start() < max(mentions) + 4:
        early_first = mentions[0] < mentions[1]
        return (first, last) if early_first else (last, first)
    return last, first


def _year(p: Point, lang: str) -> str:
    return f"{p.ref.year}年" if lang == "zh" else str(p.ref.year)


def _each(points: list[Point], lang: str) -> str:
    sep = "；" if lang == "zh" else "; "
    return sep.join(
        f"{_year(p, lang)} {number(p.value, lang)}"
        if p.value is not None
        else (f"{_year(p, lang)}报告未提供" if lang == "zh" else f"{p.ref.year} not given in its report")
        for p in points
    )


def answer(points: list[Point], question: str, what: str, yes_no: bool, lang: str) -> Answer:
    """The answer over the years (``what``: the measure's name as the first year's answer gave it)."""
    op = operation(question)
    if lang == "en":
        what = capitalized(what)
    agency = agency_name(points[0].ref.agency, lang)
    given = [p for p in points if p.value is not None]
    missing = [p for p in points if p.value is None]
    cites = [c for p in given for c in p.answer.citations[:1]]
    each = _each(points, lang)
    if len(given) < 2 or (missing and op in ("total", "change")):
        text = f"{what} for {agency}, year by year: {each}." if lang == "en" else f"{agency}{what}逐年：{each}。"
        if missing and op in ("total", "change"):
            said = {"total": ("no total", "合计"), "change": ("no change", "变化")}[op]
            text += f" A year is missing, so {said[0]} is given." if lang == "en" else f"因缺少年份，不给出{said[1]}。"
        return Answer(text, None, AnswerKind.AGGREGATE if given else AnswerKind.NOT_FOUND, lang, cites)
    if op in ("most", "least"):
        pick = (max if op == "most" else min)(given, key=lambda p: (p.value, -(p.ref.year or 0)))
        word = ("highest", "最高") if op == "most" else ("lowest", "最低")
        text = (
            f"{pick.ref.year} was the {word[0]} year for {what.lower()} at {agency}: {each}."
            if lang == "en"
            else f"{agency}{what}{word[1]}的是{_year(pick, lang)}：{each}。"
        )
        first = pick.answer.citations[:1]
        out = Answer(text, pick.value, AnswerKind.AGGREGATE, lang, first)
        out.citations += [c for c in cites if c not in first]
        return out
    if op == "order":  # "从多到少排一下": the years by their value, each cited in that order
        ordered = sorted(given, key=lambda p: p.value, reverse=not _ASCENDING.search(question))
        listing = _each(ordered, lang)
        text = f"{what} for {agency}, ordered: {listing}." if lang == "en" else f"{agency}{what}排序：{listing}。"
        if missing:  # the years whose reports do not give it, said after the order
            text += f" {_each(missing, lang)}." if lang == "en" else f"{_each(missing, lang)}。"
        out = Answer(
            text, ordered[0].value, AnswerKind.AGGREGATE, lang, [c for p in ordered for c in p.answer.citations[:1]]
        )
        out.values = [p.value for p in ordered]
        return out
    if op == "total":
        total = numbers.total(p.value for p in given)
        text = (
            f"In total {number(total)} ({what.lower()}) for {agency} over {len(given)} years ({each})."
            if lang == "en"
            else f"{agency}{len(given)}年{what}合计{number(total, lang)}（{each}）。"
        )
        return Answer(text, total, AnswerKind.AGGREGATE, lang, cites)
    if op == "change":
        a, b = _ordered_pair(given, question)
        diff = numbers.total([a.value, -b.value])
        pct = numbers.percent(diff, b.value) if b.value else None
        share = f"{'+' if diff >= 0 else ''}{numbers.exact(pct)}%" if pct is not None else ""
        asks_percent = vocabulary.asks("share").search(question)
        if lang == "en":
            verb = "higher" if diff > 0 else "lower" if diff < 0 else "the same"
            by = f" by {number(abs(diff))}" + (f" ({share})" if share else "") if diff else ""
            than = "than" if diff else "as"
            text = f"{what} for {agency}: {each}. {a.ref.year} is {verb}{by} {than} {b.ref.year}."
        else:
            verb = "多" if diff > 0 else "少" if diff < 0 else "持平"
            by = f"{number(abs(diff), lang)}" + (f"（{share}）" if share else "") if diff else ""
            text = f"{agency}{what}：{each}。{_year(a, lang)}比{_year(b, lang)}{verb}{by}。"
        plain = question.replace("多少", "")  # "how many", not "more" and "fewer"
        more, less = vocabulary.asks("more").search(plain), vocabulary.asks("less").search(plain)
        # "how many fewer" is a number of them; a change asked plainly keeps its sign
        value = abs(pct) if asks_percent and pct is not None else abs(diff) if more or less else diff
        out = Answer(text, value, AnswerKind.AGGREGATE, lang, [*a.answer.citations[:1], *b.answer.citations[:1]])
        if yes_no and (more or less):
            out.verdict = diff > 0 if more and not less else diff < 0
            said = ("Yes. ", "No. ") if lang == "en" else ("是。", "否。")
            out.answer = said[0 if out.verdict else 1] + out.answer
        out.values = [a.value, b.value, diff]
        return out
    text = f"{what} for {agency}: {each}." if lang == "en" else f"{agency}{what}：{each}。"
    out = Answer(text, None, AnswerKind.AGGREGATE, lang, cites)
    out.values = [p.value for p in points]
    return out

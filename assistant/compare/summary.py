"""The whole comparison of two reports: its JSON (``assistant compare --json``) and a short paragraph in
English or Chinese ("Requests received fell from 218 to 154 (-29%); refusals …")."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.compare.crossyear import CarryCheck, carry_check
from assistant.compare.exact import Number, percent_change, total
from assistant.compare.figures import FigureChange, NotComparable, compare_figures, group_total
from assistant.compare.narrative import NarrativePair, compare_narrative
from assistant.compare.text import SectionDiff, compare_sections
from assistant.domain import numbers, schema
from assistant.domain.names import agency_english
from assistant.domain.record import Report


@dataclass(frozen=True)
class Measure:
    """A figure the paragraph speaks of: the sum of the total column of some rows of a report."""

    en: str
    zh: str
    addresses: tuple[str, ...] = ()
    outcome: str | None = None  # or an outcome group of table 3 (its rows' totals summed)

    def value(self, report: Report) -> Number | None:
        if self.outcome:
            return group_total(report, self.outcome)
        if not report.layout:
            return None
        return total(report.value(a) for a in self.addresses)


HEADLINE = (
    Measure("requests received", "收到申请", ("requests.new_received.total",)),
    Measure("refusals", "不予公开", outcome="denied"),
    Measure("requests granted in full", "予以公开", ("requests.granted.total",)),
    Measure("requests carried forward", "结转下年度", ("requests.carried_forward.total",)),
    Measure("reconsideration cases", "行政复议", ("appeals.review.total",)),
    Measure("lawsuits", "行政诉讼", ("appeals.litigation_direct.total", "appeals.litigation_after_review.total")),
)


@dataclass
class Comparison:
    a: Report
    b: Report
    figures: list[FigureChange]
    not_comparable: list[NotComparable]
    cross_year: CarryCheck
    sections: list[SectionDiff]
    narrative: list[NarrativePair]

    def to_dict(self) -> dict:
        return {
            "a": self.a.meta(),
            "b": self.b.meta(),
            "figures": [f.to_dict() for f in self.figures],
            "not_comparable": [n.to_dict() for n in self.not_comparable],
            "cross_year": self.cross_year.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "narrative": [n.to_dict() for n in self.narrative],
            "summary": {"en": paragraph(self, "en"), "zh": paragraph(self, "zh")},
        }


def compare_reports(a: Report, b: Report) -> Comparison:
    """Compare report a (the earlier, as a rule) with report b."""
    figures, apart = compare_figures(a, b)
    return Comparison(a, b, figures, apart, carry_check(a, b), compare_sections(a, b), compare_narrative(a, b))


# ---------------------------------------------------------------- prose
def _n(v: Number, lang: str) -> str:
    return numbers.in_language(v, lang)


def _pct(a: Number, b: Number) -> str:
    pct = percent_change(a, b)
    p = 0 if pct is None else round(pct)
    return f" ({p:+d}%)" if p else ""


def _year(r: Report) -> str:
    return str(r.year) if r.year else r.id


def _move(m: Measure, a: Report, b: Report, lang: str) -> str | None:
    x, y = m.value(a), m.value(b)
    if x is None and y is None:
        return None
    if x is None or y is None:
        given, gone = (a, b) if y is None else (b, a)
        v = x if y is None else y
        if lang == "zh":
            return f"{m.zh}{_year(given)}年{_n(v, lang)}件，{_year(gone)}年未给出"
        return f"{m.en}: {_n(v, lang)} in {_year(given)}, not given in {_year(gone)}"
    if x == y:
        return f"{m.zh}持平（{_n(x, lang)}件）" if lang == "zh" else f"{m.en} unchanged at {_n(x, lang)}"
    if lang == "zh":
        pct = _pct(x, y).strip()
        return f"{m.zh}从{_n(x, lang)}件{'增至' if y > x else '减至'}{_n(y, lang)}件{pct and '（' + pct[1:-1] + '）'}"
    return f"{m.en} {'rose' if y > x else 'fell'} from {_n(x, lang)} to {_n(y, lang)}{_pct(x, y)}"


def _sentence(clauses: list[str], lang: str) -> str:
    if lang == "zh":
        return "；".join(clauses) + "。"
    text = "; ".join(clauses) + "."
    return text[0].upper() + text[1:]


def _moves(c: Comparison, lang: str) -> str:
    moves = [s for s in (_move(m, c.a, c.b, lang) for m in HEADLINE) if s]
    if not moves:
        if lang == "zh":
            return "两份报告都没有标准统计表（2019年以前的报告没有），只比较正文。"
        return "Neither report has the standard tables (reports before 2019 predate them): only their text is compared."
    return _sentence(moves, lang)


def _carry(c: Comparison, lang: str) -> str:
    x = c.cross_year
    ya, yb = _year(c.a), _year(c.b)
    if not x.applies:
        if lang == "zh":
            return "两份报告不是相邻年度，不做跨年结转核对。"
        return "The years are not consecutive, so the carry-over is not checked."
    if x.holds is None and (c.a.layout is None or c.b.layout is None):
        return ""  # no standard tables: nothing carried over to check
    if x.holds is None:
        return (
            "缺少数字，无法做跨年结转核对。"
            if lang == "zh"
            else "The carry-over cannot be checked: its figures are missing."
        )
    overall = next(col for col in x.columns if col.column == "total")
    if x.holds:
        if lang == "zh":
            return (
                f"跨年核对相符：{yb}年上年结转与{ya}年结转下年度一致"
                f"（总计{_n(overall.carried_over, lang)}件），各列均相符。"
            )
        return (
            f"The carry-over checks out: what {ya} carried forward is what {yb} carried over "
            f"({_n(overall.carried_over, lang)} in total), in every column."
        )
    cols = [(next(a for a in schema.APPLICANTS if a.id == col.column), col) for col in x.failing]
    if lang == "zh":
        parts = "；".join(
            f"{a.label}{ya}年结转下年度{col.carried_forward}件、{yb}年上年结转{col.carried_over}件" for a, col in cols
        )
        return f"跨年核对不符：{parts}。"
    parts = "; ".join(
        f"{a.english}: {col.carried_forward} carried forward in {ya}, {col.carried_over} carried over in {yb}"
        for a, col in cols
    )
    return f"The carry-over does not check out: {parts}."


def _reuse(c: Comparison, lang: str) -> str:
    shares = {s.id: s.reused_share for s in c.sections if s.reused_share is not None}
    if not shares:
        return ""
    name = {s.id: (s.english.lower() if lang == "en" else s.heading.split("、", 1)[-1]) for s in schema.SECTIONS}
    pick = "problems" if "problems" in shares else max(shares, key=lambda k: (shares[k], k))
    most = max(shares, key=lambda k: (shares[k], k))
    out = []
    for sid in dict.fromkeys((pick, most)):
        pct = round(100 * shares[sid])
        label = name.get(sid, sid)
        if lang == "zh":
            out.append(f"“{label}”部分{f'{pct}%的句子' if pct else '没有句子'}与上年逐字相同")
        else:
            share = f"{pct}% of the {label} section repeats" if pct else f"none of the {label} section repeats"
            out.append(f"{share} the previous year's text word for word")
    return _sentence(out, lang)


def _layouts(c: Comparison, lang: str) -> str:
    if not c.not_comparable or c.a.layout is None or c.b.layout is None or c.a.layout == c.b.layout:
        return ""
    n, m = len(c.figures), len(c.not_comparable)
    la, lb = c.a.layout, c.b.layout
    if lang == "zh":
        return f"两份报告的表格格式不同（{la}与{lb}）：比较含义相同的{n}个数字，另有{m}个单独列出。"
    return (
        f"The layouts differ ({la} and {lb}): {n} figures that mean the same thing are compared, {m} are listed apart."
    )


def paragraph(c: Comparison, lang: str = "en") -> str:
    """A short paragraph: the main figures' changes, the carry-over check, the reused text."""
    body = [_moves(c, lang), _layouts(c, lang), _carry(c, lang), _reuse(c, lang)]
    sep = "" if lang == "zh" else " "
    return _lead(c, lang) + sep.join(p for p in body if p)


def _lead(c: Comparison, lang: str) -> str:
    if lang == "zh":
        return f"{c.a.agency}{_year(c.a)}年与{_year(c.b)}年相比："
    return f"{agency_english(c.a.agency).english}, {_year(c.a)} against {_year(c.b)}: "


def headline(a: Report, b: Report, lang: str = "en") -> str:
    """The Q&A's answer to "what changed between these two years": the main changes and where to read more."""
    c = compare_reports(a, b)
    pointer = (
        f"完整比较（每个数字、跨年核对、正文差异）请运行 `assistant compare {a.id} {b.id}`。"
        if lang == "zh"
        else f"For every figure, the carry-over check and the text, run `assistant compare {a.id} {b.id}`."
    )
    sep = "" if lang == "zh" else " "
    return _lead(c, lang) + sep.join(p for p in (_moves(c, lang), _carry(c, lang), pointer) if p)

"""Every figure of two reports side by side, with the change and the percent change.

Two figures are compared only when they mean the same thing: the same address in both layouts, under
the same table, row and column labels (table 3's rows are shared by the 2019 and 2021 layouts; table
2's columns are not). The rest are listed apart. A figure a report does not give is ``None`` (shown
as missing), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.compare.exact import Number, difference, percent_change, total
from assistant.domain import schema
from assistant.domain.record import Report

# The groups whose biggest changes come first, in this order (then every other figure in layout order).
PRIORITY = ("requests", "outcomes", "refusals", "appeals", "proactive")
_REQUEST_TOTALS = ("new_received", "carried_over", "total_handled", "carried_forward")


@dataclass(frozen=True)
class FigureChange:
    address: str
    label_zh: str
    label_en: str
    a: Number | None
    b: Number | None
    group: str | None  # one of PRIORITY, or None

    @property
    def change(self) -> Number | None:
        """b - a, exactly (decimal arithmetic: 4166.241619 - 18651.06 is -14484.818381)."""
        return difference(self.a, self.b)

    @property
    def pct(self) -> float | None:
        """Percent change to one decimal; None where a is missing or 0 (no base to compare with)."""
        return percent_change(self.a, self.b)

    def to_dict(self) -> dict:
        return {
            "address": self.address,
            "label_zh": self.label_zh,
            "label_en": self.label_en,
            "a": self.a,
            "b": self.b,
            "change": self.change,
            "pct": self.pct,
            "group": self.group,
        }


@dataclass(frozen=True)
class NotComparable:
    address: str
    label_zh: str
    label_en: str
    side: str  # "a" or "b": the report that has this figure
    value: Number | None
    reason: str

    def to_dict(self) -> dict:
        return dict(vars(self))


def _meaning(layout: schema.Layout, address: str) -> tuple[str, str, str]:
    table, row, col = layout.cells[address]
    return table.label, row.label, col.label


def group_of(layout: schema.Layout, address: str) -> str | None:
    """Which of the PRIORITY groups a figure belongs to (the total column of table 3 and 4, all of table 2)."""
    table, row, col = layout.cells[address]
    if table.id == "proactive":
        return "proactive"
    if col.id != "total":
        return None
    if table.id == "appeals":
        return "appeals"
    if row.id in _REQUEST_TOTALS:
        return "requests"
    return "refusals" if row.group == "refused" else "outcomes"


def compare_figures(a: Report, b: Report) -> tuple[list[FigureChange], list[NotComparable]]:
    """The figures both reports' layouts share (biggest changes of the PRIORITY groups first), and those
    that cannot be compared, with the reason."""
    la, lb = schema.LAYOUTS.get(a.layout or ""), schema.LAYOUTS.get(b.layout or "")
    apart: list[NotComparable] = []
    if la is None or lb is None:
        for side, report, layout, other in (("a", a, la, b), ("b", b, lb, a)):
            if layout is None:
                continue
            reason = f"{other.id} has no standard tables (reports before 2019 predate them)"
            for addr in layout.addresses():
                zh, en = schema.figure_label(layout, addr)
                apart.append(NotComparable(addr, zh, en, side, report.value(addr), reason))
        return [], apart
    shared: list[FigureChange] = []
    for addr in la.addresses():
        zh, en = schema.figure_label(la, addr)
        if addr not in lb.cells:
            apart.append(NotComparable(addr, zh, en, "a", a.value(addr), f"not in the {lb.english}"))
        elif _meaning(la, addr) != _meaning(lb, addr):
            differ = [(x, y) for x, y in zip(_meaning(la, addr), _meaning(lb, addr), strict=True) if x != y]
            reason = "different meaning: " + "; ".join(f"{x} (A) vs {y} (B)" for x, y in differ)
            zh_b, en_b = schema.figure_label(lb, addr)
            apart.append(NotComparable(addr, zh, en, "a", a.value(addr), reason))
            apart.append(NotComparable(addr, zh_b, en_b, "b", b.value(addr), reason))
        else:
            shared.append(FigureChange(addr, zh, en, a.value(addr), b.value(addr), group_of(la, addr)))
    for addr in lb.addresses():
        if addr not in la.cells:
            zh, en = schema.figure_label(lb, addr)
            apart.append(NotComparable(addr, zh, en, "b", b.value(addr), f"not in the {la.english}"))
    return _ordered(shared), apart


def _ordered(figures: list[FigureChange]) -> list[FigureChange]:
    """The PRIORITY groups in order, each by the size of its change (missing changes last), then the rest
    in layout order."""

    def key(item: tuple[int, FigureChange]) -> tuple:
        i, f = item
        if f.group is None:
            return (len(PRIORITY), 0, i)
        size = abs(f.change) if f.change is not None else -1
        return (PRIORITY.index(f.group), -size, i)

    return [f for _, f in sorted(enumerate(figures), key=key)]


def group_total(a_or_b: Report, outcome: str) -> Number | None:
    """The total column summed over one outcome group's rows (予以公开 … 其他处理); None if any is missing."""
    layout = schema.LAYOUTS.get(a_or_b.layout or "")
    if layout is None:
        return None
    group = next(g for g in schema.OUTCOME_GROUPS if g.id == outcome)
    return total(a_or_b.value(f"requests.{r.id}.total") for r in group.rows(layout.table("requests")))

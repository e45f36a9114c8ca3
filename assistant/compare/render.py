"""The comparison as terminal text: the paragraph in both languages, the figures side by side, the
figures listed apart, the cross-year check, the reused share of each section and the narrative facts."""

from __future__ import annotations

from assistant.compare.summary import Comparison, paragraph
from assistant.domain import numbers, schema

MISSING = "—"


def cell(value: int | float | None) -> str:
    """A figure as printed: exact, "—" where missing."""
    return MISSING if value is None else numbers.exact(value)


def signed(value: int | float | None) -> str:
    if value is None:
        return MISSING
    return ("+" if value > 0 else "") + cell(value)


def percent(pct: float | None) -> str:
    return MISSING if pct is None else f"{pct:+.1f}%"


def share(value: float | None) -> str:
    return MISSING if value is None else f"{100 * value:.1f}%"


def as_text(c: Comparison) -> str:
    a, b = c.a, c.b
    lines = [f"A: {a.id} · {a.title}", f"B: {b.id} · {b.title}", "", paragraph(c, "en"), paragraph(c, "zh"), ""]
    if c.figures:
        lines.append("figures 数字  (A → B, change 变化, percent 百分比)")
        for f in c.figures:
            lines.append(
                f"  {f.address:<52} {cell(f.a):>12} {cell(f.b):>12} {signed(f.change):>12} {percent(f.pct):>9}"
                f"  {f.label_zh} · {f.label_en}"
            )
    if c.not_comparable:
        lines += ["", "not comparable 不可比  (the layouts differ)"]
        for n in c.not_comparable:
            lines.append(f"  {n.side.upper()}: {n.address:<52} {cell(n.value):>12}  {n.label_zh} · {n.reason}")
    x = c.cross_year
    lines += ["", f"cross-year check 跨年核对: {'not applicable 不适用' if not x.applies else x.holds}"]
    if x.applies:
        for col in x.columns:
            lines.append(
                f"  {col.column:<16} A carried forward {cell(col.carried_forward):>6} · "
                f"B carried over {cell(col.carried_over):>6} · {col.holds}"
            )
    lines += ["", "sections 正文  (added 新增, removed 删去, kept 保留, reused 逐字沿用)"]
    for s in c.sections:
        sec = schema.SECTION_BY_ID.get(s.id)
        name = f"{sec.heading} · {sec.english}" if sec else s.id
        lines.append(f"  {name}: +{len(s.added)} -{len(s.removed)} ={len(s.kept)}, reused {share(s.reused_share)}")
        lines += [f"      = {k}" for k in s.kept]
    if c.narrative:
        lines += ["", "narrative facts 正文数字"]
        for n in c.narrative:
            printed = " / ".join(p for p in (n.printed_a, n.printed_b) if p)
            lines.append(f"  {n.measure} ({n.unit}; {printed}): {cell(n.a)} → {cell(n.b)} ({signed(n.change)})")
    return "\n".join(lines)

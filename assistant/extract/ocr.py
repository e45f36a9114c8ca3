"""Figures read by OCR: each is marked with the engine's confidence, and the table's arithmetic checks
them. A figure read with low confidence is uncertain unless an identity over it holds. Where an
identity breaks, the digits OCR confuses (0/6/8/9, 3/8, 5/6/8, 1/7) are tried in the figures of that
identity: changes that each alone repair their identities, and together make every identity hold,
are taken and recorded with the alternatives; otherwise the OCR figures of the broken identity are
uncertain."""

from __future__ import annotations

import dataclasses

from assistant.domain import schema
from assistant.domain.record import Figure
from assistant.read.document import Document

UNCERTAIN_BELOW = 0.8
CONFIRMED = "read by OCR with low confidence; confirmed by the table's arithmetic"
BLANK = "OCR read no figure in this cell of its row"
CONFUSED = {
    "0": "689",
    "1": "7",
    "3": "8",
    "5": "68",
    "6": "0589",
    "7": "1",
    "8": "03569",
    "9": "068",
}


def mark_ocr(doc: Document, layout: schema.Layout, figures: dict[str, Figure]) -> None:
    """Flag the figures of OCR-read pages, then let the identities judge them (in place)."""
    if not doc.ocr_pages:
        return
    columns: dict[str, int] = {}  # the place of each figure among the figures of its printed line
    for t in layout.tables:
        if t.flat:
            columns.update((a, k) for k, a in enumerate(t.addresses()))
        else:
            columns.update((f"{t.id}.{r.id}.{c.id}", k) for r in t.rows for k, c in enumerate(r.columns))
    for addr, fig in figures.items():
        src = fig.source
        if src is None or src.offset is None or src.page not in doc.ocr_pages:
            continue
        mark = doc.ocr_at(_cell_offset(doc.text, src.offset, columns.get(addr, 0)))
        conf = round(mark.confidence if mark else doc.ocr_pages[src.page], 3)
        fig.source = dataclasses.replace(src, ocr=True, confidence=conf)
    values = {a: f.value for a, f in figures.items()}
    for table in layout.tables:
        for addr in table.addresses():
            fig = figures.get(addr)
            if fig is None or fig.source is None or not fig.source.ocr:
                continue
            if fig.value is None:  # a blank cell, or a figure the engine could not make out
                _flag(fig, BLANK)
                continue
            if fig.source.confidence is not None and fig.source.confidence < UNCERTAIN_BELOW:
                confirmed = any(i.holds(values) for i in table.identities if addr in i.plus + i.minus)
                if confirmed:  # a misread digit would break the identity
                    fig.note = "; ".join(filter(None, [fig.note, CONFIRMED]))
                else:
                    _flag(fig, f"OCR read it with a confidence of {fig.source.confidence:g}")
        _judge(table, figures)


def _cell_offset(text: str, start: int, column: int) -> int:
    """Offset of the column-th figure of the row whose figures start at ``start`` (tab-separated, after
    the tab that ends the label). A cell OCR read nothing in keeps its place, so the cells after it
    keep their own confidence."""
    if text.startswith("\t", start):
        start += 1
    end = text.find("\n", start)
    fields = text[start : end if end >= 0 else len(text)].split("\t")
    pos = start
    offsets = []
    for f in fields:
        offsets.append(pos)
        pos += len(f) + 1
    return offsets[column] if column < len(offsets) else start


def _flag(fig: Figure, why: str) -> None:
    fig.uncertain = True
    fig.note = "; ".join(filter(None, [fig.note, why]))


def _readings(value: float | int) -> list[int]:
    """Other values OCR may have misread this one from: one confused digit changed."""
    if not isinstance(value, int):
        return []
    digits = str(value)
    out = []
    for i, d in enumerate(digits):
        for alt in CONFUSED.get(d, ""):
            s = digits[:i] + alt + digits[i + 1 :]
            if len(s) == 1 or s[0] != "0":
                out.append(int(s))
    return out


def _judge(table: schema.Table, figures: dict[str, Figure]) -> None:
    values = {a: f.value for a, f in figures.items()}
    broken = [i for i in table.identities if i.holds(values) is False]
    if not broken:
        return
    involved = {a for i in broken for a in i.plus + i.minus}
    ocr = [a for a in involved if figures[a].source is not None and figures[a].source.ocr]
    fixes = []
    for addr in ocr:
        related = [i for i in table.identities if addr in i.plus + i.minus]
        for alt in _readings(values[addr]):
            trial = {**values, addr: alt}
            if all(i.holds(trial) is not False for i in related):  # its own identities all hold
                fixes.append((addr, alt))
    chosen = _unique(fixes, broken, values)
    if chosen and _all_hold(table, {**values, **dict(chosen)}):
        for addr, alt in chosen:
            fig = figures[addr]
            note = f"OCR read {fig.value}; the table's arithmetic chose {alt} (readings: {fig.value}, {alt})"
            fig.note = "; ".join(filter(None, [fig.note, note]))
            fig.alternatives = (fig.value, alt)
            fig.value = alt
        return
    alternatives = ", ".join(f"{a} = {v}" for a, v in fixes)
    for addr in ocr:
        why = "read by OCR and breaks the table's arithmetic"
        if alternatives:
            why += f"; readings that would restore it: {alternatives}"
        if not figures[addr].uncertain or why not in figures[addr].note:
            _flag(figures[addr], why)
        others = tuple(v for a, v in fixes if a == addr)
        if others:
            figures[addr].alternatives = (figures[addr].value, *others)


def _unique(fixes: list[tuple[str, int]], broken: list[schema.Identity], values: dict) -> list[tuple[str, int]]:
    """The fixes that alone repair the broken identities they repair: two misreads in different rows are
    each put right, but where two readings would repair the same identity, neither is taken."""
    repairs = [{i.name for i in broken if i.holds({**values, a: v}) is not False} for a, v in fixes]
    return [
        fix for k, fix in enumerate(fixes) if not any(repairs[k] & other for j, other in enumerate(repairs) if j != k)
    ]


def _all_hold(table: schema.Table, values: dict) -> bool:
    return not any(i.holds(values) is False for i in table.identities)


__all__ = ["mark_ocr", "UNCERTAIN_BELOW"]

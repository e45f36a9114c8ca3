"""Row labels read by OCR matched with tolerance: a misread character still finds its row.

A label cell that none of the schema's row keys finds is compared with every standard row label;
the closest one (by ``difflib`` ratio, at least ``MIN_RATIO``) replaces it, and the reader says so.
"""

from __future__ import annotations

import difflib
import functools
import re

from assistant.domain import schema
from assistant.read.document import normalize

MIN_RATIO = 0.8
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、])")


def _compact(text: str) -> str:
    return re.sub(r"\s", "", normalize(text))


@functools.cache
def _rows() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(compact label without numbering, the label as printed, keys) of every standard row."""
    seen: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for layout in schema.LAYOUTS.values():
        for table in layout.tables:
            for row in table.rows:
                label = _compact(row.label)
                seen.setdefault(label, (_NUMBERING.sub("", label), normalize(row.label), row.keys))
    return tuple(seen.values())


@functools.cache
def _groups() -> tuple[str, ...]:
    """Labels of the groups of rows (不予公开 …): printed in tables, but no row of their own."""
    return tuple(_compact(g.label) for g in schema.OUTCOME_GROUPS)


def known(text: str) -> bool:
    compact = _compact(text)
    return any(re.search(key, compact) for _, _, keys in _rows() for key in keys)


def fix_label(text: str) -> str | None:
    """The standard row label a misread label stands for, or None (it reads fine, or is no row label)."""
    compact = _NUMBERING.sub("", _compact(text))
    if len(compact) < 3 or known(text) or any(g in compact for g in _groups()):
        return None
    best, best_ratio = None, 0.0
    for bare, printed, _ in _rows():
        ratio = difflib.SequenceMatcher(None, compact, bare).ratio()
        if ratio > best_ratio:
            best, best_ratio = printed, ratio
    return best if best_ratio >= MIN_RATIO else None

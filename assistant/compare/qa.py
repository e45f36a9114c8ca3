"""The Q&A's hook: "what changed between 2024 and 2025 for Pingtan?" answered with the comparison's
headline and a pointer to `assistant compare`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.compare.summary import headline
from assistant.domain.record import Report

if TYPE_CHECKING:
    from assistant.answer.scope import ReportRef


def what_changed(
    named: Sequence[ReportRef], years: Sequence[int], load: Callable[[str], Report | None], lang: str
) -> str | None:
    """The headline comparing two years (those listed, else the latest two) of the one agency among
    ``named`` that has both; None when no single agency fits, so that the Q&A answers as before."""
    fits = []
    for agency in dict.fromkeys(r.agency for r in named):
        mine = sorted((r for r in named if r.agency == agency), key=lambda r: r.year or 0)
        pair = [next((r for r in mine if r.year == y), None) for y in sorted(years)] if len(years) == 2 else mine[-2:]
        if len(pair) == 2 and all(pair):
            fits.append(pair)
    if len(fits) != 1:
        return None
    a, b = (load(r.id) for r in fits[0])
    return headline(a, b, lang) if a is not None and b is not None else None

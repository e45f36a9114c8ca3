"""Changes, sums and percent changes of figures, exact (through :mod:`assistant.domain.numbers`):
4166.241619 - 18651.06 is -14484.818381. A missing figure (None) gives None, never 0."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.domain import numbers
from assistant.domain.numbers import Number


def difference(a: Number | None, b: Number | None) -> Number | None:
    """b - a."""
    return None if a is None or b is None else numbers.total([b, -a])


def total(values: Iterable[Number | None]) -> Number | None:
    """The sum; None if there is nothing to add or any value is missing."""
    values = list(values)
    if not values or any(v is None for v in values):
        return None
    return numbers.total(values)  # type: ignore[arg-type]


def percent_change(a: Number | None, b: Number | None) -> float | None:
    """100 * (b - a) / a to one decimal; None where a is missing or 0 (no base to compare with)."""
    change = difference(a, b)
    return None if change is None or not a else numbers.percent(change, a)

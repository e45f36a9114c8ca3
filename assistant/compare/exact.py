"""Exact arithmetic on figures, in decimal: 4166.241619 - 18651.06 is -14484.818381, not a float's
approximation. Missing figures (None) give None, never 0."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

Number = int | float


def _d(v: Number) -> Decimal:
    return Decimal(str(v))


def _number(d: Decimal) -> Number:
    return int(d) if d == d.to_integral_value() else float(d)


def difference(a: Number | None, b: Number | None) -> Number | None:
    """b - a."""
    return None if a is None or b is None else _number(_d(b) - _d(a))


def total(values: Iterable[Number | None]) -> Number | None:
    """The sum; None if there is nothing to add or any value is missing."""
    values = list(values)
    if not values or any(v is None for v in values):
        return None
    return _number(sum((_d(v) for v in values), Decimal(0)))  # type: ignore[arg-type]


def percent_change(a: Number | None, b: Number | None) -> float | None:
    """100 * (b - a) / a; None where a is missing or 0 (no base to compare with)."""
    if a is None or b is None or a == 0:
        return None
    return float((_d(b) - _d(a)) / _d(a) * 100)

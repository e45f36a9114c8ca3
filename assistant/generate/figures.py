"""New figures for a layout, drawn near a real report's, such that every identity of the tables holds."""

from __future__ import annotations

import random
from collections.abc import Mapping

from assistant.domain import numbers, schema
from assistant.domain.numbers import Number


def _draw(value: Number, scale: float, rng: random.Random) -> Number:
    """A value near ``value`` times ``scale``: a zero mostly stays zero, a decimal keeps its decimals."""
    if not value:
        return 0 if rng.random() < 0.85 else rng.randint(1, 3)
    varied = value * scale * rng.uniform(0.8, 1.25)
    if float(value).is_integer():
        return max(0, round(varied))
    places = len(numbers.exact(value).partition(".")[2])
    return numbers.normalize(round(varied, places))


def _settle(values: dict[str, Number], identities: tuple[schema.Identity, ...]) -> None:
    """Fill each identity's first cell from the others, as often as some identity can still be filled."""
    changed = True
    while changed:
        changed = False
        for ident in identities:
            first, rest = ident.plus[0], ident.plus[1:]
            if first in values or any(a not in values for a in rest + ident.minus):
                continue
            values[first] = numbers.total([values[a] for a in ident.minus]) - numbers.total([values[a] for a in rest])
            changed = True


def vary(layout: schema.Layout, given: Mapping[str, Number | None], rng: random.Random) -> dict[str, Number]:
    """Every figure of ``layout``, varied from ``given`` (a missing figure counts as 0).

    An identity's first cell is computed from its other cells (a total from its parts; the new requests of
    a column from what was handled, carried forward and carried over). The second cell of a two-sided
    identity (carried over) is drawn last and bounded, so that what is computed from it is never negative."""
    identities = tuple(i for t in layout.tables for i in t.identities)
    computed = {i.plus[0] for i in identities}
    bounded = {i.plus[1]: i for i in identities if len(i.plus) == 2 and i.plus[1] not in computed}
    scale = rng.choice((0.5, 0.8, 1, 1, 1.5, 2, 3))
    values: dict[str, Number] = {
        a: _draw(given.get(a) or 0, scale, rng) for a in layout.addresses() if a not in computed and a not in bounded
    }
    _settle(values, identities)
    for cell, ident in bounded.items():
        ceiling = numbers.total([values[a] for a in ident.minus])
        values[cell] = min(_draw(given.get(cell) or 0, scale, rng), ceiling)
    _settle(values, identities)
    return values

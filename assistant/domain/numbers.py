"""Numbers as the reports print them: exact display (plain, English, Chinese), shares, exact sums and parsing.

A figure is never rounded for display: 4166.241619 stays 4166.241619 (4,166.241619 in English prose),
2.0 is 2, and a float read back from SQLite shows the digits the report printed (the shortest decimal
that round-trips, never ``:g``). Only a computed share is rounded, to one decimal.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

Number = int | float

MAX_FIGURE = 10**15  # no count or amount a report prints comes near; fits 64 bits and a float exactly
MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
_ARABIC = re.compile(r"(?P<n>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<mul>万亿|万|亿)?")
CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_CHINESE = re.compile(rf"[{CHINESE_NUMERALS}]+")


def plausible(value: Number) -> bool:
    """Whether a value can be a figure of a report: finite and under :data:`MAX_FIGURE` in magnitude."""
    return math.isfinite(value) and abs(value) < MAX_FIGURE


def normalize(value: Number) -> Number:
    """A whole float is an integer (2.0 -> 2); anything else is unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _decimal(value: Number | Decimal) -> Decimal:
    """The value as a Decimal with the digits it was written with (a float's shortest round-trip repr)."""
    if isinstance(value, Decimal):
        return value
    return Decimal(repr(normalize(value)))


def _number(d: Decimal) -> Number:
    """A Decimal as int when whole, else the float that prints with the same digits."""
    return int(d) if d == d.to_integral_value() else float(d)


def exact(value: Number) -> str:
    """All the digits, no separators, no exponent: 4166.241619, 394432.52, 2.0 -> 2."""
    return format(_decimal(value), "f")


def english(value: Number) -> str:
    """Exact, with thousands separators, as English prose writes it: 4,166.241619; 1000 -> 1,000."""
    return format(_decimal(value), ",f")


def chinese(value: Number) -> str:
    """Exact, without separators, as the Chinese reports print their figures: 4166.241619."""
    return exact(value)


def in_language(value: Number, lang: str) -> str:
    """:func:`english` for "en", :func:`chinese` otherwise."""
    return english(value) if lang == "en" else chinese(value)


def percent(part: Number, whole: Number) -> float:
    """100 * part / whole to one decimal (a computed share, not a figure)."""
    return round(100 * part / whole, 1)


def share(part: Number, whole: Number) -> str:
    """The part as a percentage of the whole, one decimal without a trailing .0 (100%, 22.3%); "" if no whole."""
    if not whole:
        return ""
    return f"{exact(percent(part, whole))}%"


def total(values: Iterable[Number]) -> Number:
    """The exact sum of figures (0.1 + 0.2 is 0.3, not 0.30000000000000004); whole sums are integers."""
    values = list(values)
    if all(type(v) is int for v in values):  # counts, nearly always: their sum is exact as it is
        return sum(values)
    return _number(sum((_decimal(v) for v in values), Decimal(0)))


def times(value: Number, factor: Number) -> Number:
    """An exact product: 4166.241619 (×10,000 yuan) is 41662416.19 yuan."""
    return _number(_decimal(value) * _decimal(factor))


# Money units and how many yuan each is.
MONEY_UNITS: dict[str, int] = {"元": 1, "万元": 10_000, "亿元": 100_000_000}


def convert(value: Number, unit: str, into: str) -> Number:
    """An amount in one money unit, exactly, in another: 41662416.19 元 is 4166.241619 万元."""
    return _number(_decimal(value) * MONEY_UNITS[unit] / MONEY_UNITS[into])


def parse(text: str) -> Number | None:
    """A number as a report writes it, or None.

    Arabic digits with or without thousands separators (``394,432.52``; full-width digits too), an
    optional 万/亿 multiplier (``1.2万`` is 12000, ``8232万`` is 82320000), or Chinese numerals
    (``二十三``, ``七``, ``二〇三五``, ``一万二千``; read with cn2an)."""
    text = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if not text:
        return None
    m = _ARABIC.fullmatch(text)
    if m:
        d = Decimal(m.group("n").replace(",", ""))
        return _number(d * MULTIPLIERS[m.group("mul")] if m.group("mul") else d)
    if _CHINESE.fullmatch(text):
        return _chinese_numeral(text)
    return None


def _chinese_numeral(text: str) -> Number | None:
    import cn2an  # loaded on first use: importing it takes a moment

    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return normalize(value)

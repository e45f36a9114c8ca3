"""Numbers and lists in English and Chinese prose."""

from __future__ import annotations

from collections.abc import Sequence

Number = int | float


def num(value: Number) -> str:
    """1000 -> 1,000; 4166.241619 -> 4,166.241619; 2.0 -> 2."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def num_zh(value: Number) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if isinstance(value, int) else f"{value:.6f}".rstrip("0").rstrip(".")


def share(part: Number, whole: Number) -> str:
    """Percentage with one decimal, without a trailing .0 (100%, 22.3%)."""
    if not whole:
        return ""
    pct = round(100 * part / whole, 1)
    return f"{pct:g}%"


def plural(n: Number, singular: str, plural_form: str | None = None) -> str:
    """'1 request', '3 requests' (the number formatted)."""
    word = singular if n == 1 else (plural_form or singular + "s")
    return f"{num(n)} {word}"


def join(items: Sequence[str], conj: str = "and") -> str:
    """a; a and b; a, b and c."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def join_zh(items: Sequence[str]) -> str:
    return "、".join(i for i in items if i)


def capitalize(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]

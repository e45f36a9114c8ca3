"""Counted nouns and lists in English and Chinese prose (numbers come from :mod:`assistant.domain.numbers`)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain.numbers import Number, english


def plural(n: Number, singular: str, plural_form: str | None = None) -> str:
    """'1 request', '3 requests' (the number formatted)."""
    word = singular if n == 1 else (plural_form or singular + "s")
    return f"{english(n)} {word}"


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

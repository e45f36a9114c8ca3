"""The terms the summaries render in English: the regime's terms and the narrative's themes, from
:mod:`assistant.domain.vocabulary`. A term with no entry is shown in Chinese, in parentheses."""

from __future__ import annotations

from functools import cache

from assistant.domain import vocabulary
from assistant.domain.vocabulary import Kind

KINDS = Kind.TERM | Kind.THEME


@cache
def english_term(zh: str) -> str | None:
    """English of a Chinese term as it reads in a sentence, or None."""
    return vocabulary.english(zh, KINDS)


@cache
def known_terms() -> tuple[str, ...]:
    """Every Chinese term with an English rendering, longest first (for matching inside sentences)."""
    words = {t.zh for t in vocabulary.of_kind(KINDS)}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))

"""The words a question is read with, gathered once from the domain: the schema's measures and
columns, the sections, the bilingual vocabulary and the question words. Nothing here is a list of
its own."""

from __future__ import annotations

import re
from functools import cache

from assistant.answer.measures import column_words, measures
from assistant.domain import schema, vocabulary
from assistant.domain.patterns import CJK, CJK_CHAR
from assistant.domain.vocabulary import Kind


@cache
def question_terms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(English phrases, Chinese terms) a question may use."""
    phrases: list[str] = list(vocabulary.QUESTION_WORDS)
    for m in measures():
        phrases += [m.english, m.chinese, *m.phrases]
    for _, words, en, zh in column_words():
        phrases += [*words, en, zh]
    for s in schema.SECTIONS:
        phrases += [s.english, s.heading, *s.keywords]
    for t in vocabulary.of_kind(Kind.TERM | Kind.AGENCY_TYPE | Kind.FIELD):  # agencies' words are misspelt too
        phrases += [t.zh, t.en, *t.synonyms]
    english = tuple(sorted({p.lower() for p in phrases if not CJK_CHAR.search(p)}))
    chinese = tuple(sorted({w for p in phrases for w in re.findall(f"[{CJK}]{{2,}}", p)}))
    return english, chinese

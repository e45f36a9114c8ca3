"""The words a question is read with, gathered once from the domain: the schema's measures and
columns, the sections, the bilingual vocabulary and the question words. Nothing here is a list of
its own."""

from __future__ import annotations

import re
from functools import cache

from assistant.answer.measures import _COLUMN_WORDS, measures
from assistant.domain import schema, vocabulary

_CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def question_terms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(English phrases, Chinese terms) a question may use."""
    phrases: list[str] = list(vocabulary.QUESTION_WORDS)
    for m in measures():
        phrases += [m.english, m.chinese, *m.phrases]
    for _, words, en, zh in _COLUMN_WORDS:
        phrases += [*words, en, zh]
    for s in schema.SECTIONS:
        phrases += [s.english, s.heading, *s.keywords]
    for t in vocabulary.TERMS:
        phrases += [t.zh, t.en, *t.variants]
    english = tuple(sorted({p.lower() for p in phrases if not _CJK.search(p)}))
    chinese = tuple(sorted({w for p in phrases for w in re.findall(r"[\u4e00-\u9fff]{2,}", p)}))
    return english, chinese

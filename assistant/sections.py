"""The six sections of a report and the passages they are cut into."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import schema
from .passages import split_passages
from .record import Passage

_NUMBERING = r"[一二三四五六七八九十]\s*[、.]\s*"


@dataclass(frozen=True)
class SectionSpan:
    id: str
    start: int  # where the heading starts
    end: int  # where the next section starts


def find_sections(text: str) -> dict[str, SectionSpan]:
    """Locate the numbered section headings, in order; text before the first belongs to the overview."""
    found: list[tuple[str, int]] = []
    pos = 0
    for section in schema.SECTIONS:
        m = re.compile(_NUMBERING + section.pattern).search(text, pos)
        if m:
            found.append((section.id, m.start()))
            pos = m.end()
    spans: dict[str, SectionSpan] = {}
    for i, (sid, start) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(text)
        spans[sid] = SectionSpan(sid, 0 if i == 0 and sid == "overview" else start, end)
    return spans


def passages(text: str, spans: dict[str, SectionSpan], page_of=lambda offset: None) -> list[Passage]:
    """Passages of every section, with offsets into ``text`` and the page each starts on."""
    ordered = sorted(spans.values(), key=lambda s: s.start) or [SectionSpan("overview", 0, len(text))]
    out: list[Passage] = []
    for span in ordered:
        for p in split_passages(span.id, text[span.start: span.end], span.start):
            p.page = page_of(p.start)
            out.append(p)
    return out

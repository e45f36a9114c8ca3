"""Cut a section's text into passages of about a paragraph, the unit that search returns.

Paragraphs (lines) are kept whole when they are short enough; a long paragraph (crawler text often
puts a whole report on one line) is split at sentence ends (。！？；), and a sentence that is still
too long at clause marks (，、：) or, failing that, at the length limit. Consecutive very short lines
(table rows, headings) are joined so a passage has something to rank. Every passage's text is
exactly ``text[start - start_offset:end - start_offset]``.
"""

from __future__ import annotations

import re

from assistant.domain.patterns import CLAUSE_ENDS, SENTENCE_ENDS
from assistant.domain.record import Passage

TARGET_CHARS = 220  # a passage grows up to about this many characters
MAX_CHARS = 360  # a paragraph up to this long stays whole
MIN_CHARS = 40  # shorter lines are joined with their neighbours

_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}{CLAUSE_ENDS}][”’」』）)\]】]*")
_CLAUSE_END = re.compile(r"[，,、：:][”’」』）)\]】]*")
_LINE = re.compile(r"[^\n]+")


def _pieces(text: str, lo: int, hi: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Split text[lo:hi] after each match of pattern, as (start, end) spans."""
    spans, start = [], lo
    for m in pattern.finditer(text, lo, hi):
        spans.append((start, m.end()))
        start = m.end()
    if start < hi:
        spans.append((start, hi))
    return spans


def _units(text: str, lo: int, hi: int, max_chars: int) -> list[tuple[int, int]]:
    """Sentences of text[lo:hi], each at most max_chars long."""
    out: list[tuple[int, int]] = []
    for s, e in _pieces(text, lo, hi, _SENTENCE_END):
        if e - s <= max_chars:
            out.append((s, e))
            continue
        for cs, ce in _pieces(text, s, e, _CLAUSE_END):
            while ce - cs > max_chars:
                out.append((cs, cs + max_chars))
                cs += max_chars
            out.append((cs, ce))
    return out


def _pack(units: list[tuple[int, int]], target: int) -> list[tuple[int, int]]:
    """Join consecutive spans while the joined span stays within target characters."""
    packed: list[tuple[int, int]] = []
    for s, e in units:
        if packed and e - packed[-1][0] <= target:
            packed[-1] = (packed[-1][0], e)
        else:
            packed.append((s, e))
    return packed


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def split_passages(
    section_id: str,
    text: str,
    start_offset: int = 0,
    page: int | None = None,
    *,
    target_chars: int = TARGET_CHARS,
    max_chars: int = MAX_CHARS,
    min_chars: int = MIN_CHARS,
) -> list[Passage]:
    """Passages of one section's text; offsets are ``start_offset`` plus the position in ``text``."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if s >= e:
            continue
        if e - s <= max_chars:
            line_spans = [(s, e)]
        else:
            line_spans = _pack(_units(text, s, e, max_chars), target_chars)
        for ls, le in line_spans:
            ls, le = _trim(text, ls, le)
            if ls >= le:
                continue
            # join short pieces (table rows, headings) with the previous short-enough passage
            if (
                spans
                and ((le - ls) < min_chars or (spans[-1][1] - spans[-1][0]) < min_chars)
                and le - spans[-1][0] <= target_chars
            ):
                spans[-1] = (spans[-1][0], le)
            else:
                spans.append((ls, le))
    return [Passage(section_id, text[s:e], start_offset + s, start_offset + e, page) for s, e in spans]

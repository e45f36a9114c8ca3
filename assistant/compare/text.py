"""Sentence-level differences of each section: added, removed, kept unchanged (difflib over the sentences).

A section's text is its passages joined as the report prints them; sentences end at 。！？； (and their
ASCII forms, which NFKC gives) and at line ends. Two sentences are the same when they are equal but for
whitespace. The reused share is the part of the later report's section (its sentences) copied verbatim
from the earlier one: a problems section copied from last year shows here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from assistant.domain import schema
from assistant.domain.record import Report

_SENTENCE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)\]】]*)?")
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff]")
# A bare section heading ("二、主动公开政府信息情况") or table caption ("第二十条第(六)项") is structure,
# not text a report could copy.
_HEADING = re.compile(
    r"[一二三四五六七八九十]\s*[、.]\s*(?:" + "|".join(s.pattern for s in schema.SECTIONS) + r")[。:：]?"
    r"|第二十条第\s*[(（]\s*[一二三四五六七八九十]+\s*[)）]\s*项"
)


def sentences(text: str) -> list[str]:
    """The sentences of a text, stripped, in order; pieces without a Chinese character (table digits,
    punctuation), bare section headings and table captions are left out."""
    out = []
    for m in _SENTENCE.finditer(text):
        s = m.group().strip()
        if _CJK.search(s) and not _HEADING.fullmatch(s):
            out.append(s)
    return out


def section_texts(report: Report) -> dict[str, str]:
    """Each section's text: its passages in order, joined by the spaces between them where they follow each
    other on one line, else by a line break (a sentence never runs across text the passages left out)."""
    parts: dict[str, list[str]] = {}
    last: dict[str, int] = {}
    for p in sorted(report.prose(), key=lambda p: p.start):
        if p.section in parts:
            gap = report.text[last[p.section] : p.start] if report.text else "\n"
            parts[p.section].append(gap if not gap.strip() and "\n" not in gap else "\n")
        parts.setdefault(p.section, []).append(p.text)
        last[p.section] = p.end
    return {sid: "".join(chunks) for sid, chunks in parts.items()}


@dataclass
class SectionDiff:
    id: str
    added: list[str] = field(default_factory=list)  # in the later report only
    removed: list[str] = field(default_factory=list)  # in the earlier report only
    kept: list[str] = field(default_factory=list)  # in both, word for word
    ops: list[tuple[str, str]] = field(default_factory=list)  # ("kept"|"added"|"removed", sentence), in order
    later_count: int = 0  # sentences of the later report's section

    @property
    def reused_share(self) -> float | None:
        """Kept sentences over the later section's sentences; None where the later report lacks the section."""
        return len(self.kept) / self.later_count if self.later_count else None

    def to_dict(self) -> dict:
        share = self.reused_share
        return {
            "id": self.id,
            "added": self.added,
            "removed": self.removed,
            "kept": self.kept,
            "reused_share": None if share is None else round(share, 4),
        }


def diff_section(section_id: str, earlier: list[str], later: list[str]) -> SectionDiff:
    key_a = [_SPACE.sub("", s) for s in earlier]
    key_b = [_SPACE.sub("", s) for s in later]
    d = SectionDiff(section_id, later_count=len(later))
    matcher = difflib.SequenceMatcher(None, key_a, key_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            d.kept += later[j1:j2]
            d.ops += [("kept", s) for s in later[j1:j2]]
            continue
        d.removed += earlier[i1:i2]
        d.added += later[j1:j2]
        d.ops += [("removed", s) for s in earlier[i1:i2]] + [("added", s) for s in later[j1:j2]]
    return d


def compare_sections(a: Report, b: Report) -> list[SectionDiff]:
    """One diff per section either report has, in the standard order (other section ids after)."""
    ta, tb = section_texts(a), section_texts(b)
    order = [s.id for s in schema.SECTIONS]
    ids = sorted(set(ta) | set(tb), key=lambda s: (order.index(s) if s in order else len(order), s))
    return [diff_section(sid, sentences(ta.get(sid, "")), sentences(tb.get(sid, ""))) for sid in ids]

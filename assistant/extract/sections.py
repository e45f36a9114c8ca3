"""The six sections of a report and the passages they are cut into."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain import numbers, schema
from assistant.domain.patterns import HEADING_NUMERALS, ORDINAL, PAREN_ORDINAL, SECTION_HEADINGS
from assistant.domain.record import Passage
from assistant.extract.passages import split_passages

_SUBNUMBERING = r"(?:^|\n)\s*[(（]\s*一\s*[)）]\s*"


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
        m = SECTION_HEADINGS[section.id].search(text, pos)
        if m is None and section.subheading:
            m = re.compile(_SUBNUMBERING + section.subheading).search(text, pos)
        if m:
            found.append((section.id, m.start()))
            pos = m.end()
    spans: dict[str, SectionSpan] = {}
    for i, (sid, start) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(text)
        spans[sid] = SectionSpan(sid, 0 if i == 0 and sid == "overview" else start, end)
    return spans


_LEGACY_HEADING = re.compile(
    rf"(?<![{HEADING_NUMERALS}\d（(])([{HEADING_NUMERALS}]{{1,2}})\s*、\s*([^。；;\d\n]{{1,30}})"
)
_LEGACY_WORDS = tuple((sid, re.compile(words)) for sid, words in schema.LEGACY_SECTION_WORDS)


def find_legacy_sections(text: str) -> dict[str, SectionSpan]:
    """The numbered headings of a report before 2019 (一、概述 … 七、…统计表), in order, by their wording.

    Headings are taken in the sequence 一、二、三 …, so a numbered list inside a section is not one; a
    section id that comes twice (四、收费 and 六、支出 are both other matters) is keyed ``id#2`` the
    second time. Text before the first heading belongs to the overview.
    """
    found: list[tuple[str, int]] = []
    expected = 1
    for m in _LEGACY_HEADING.finditer(text):
        if numbers.parse(m.group(1)) != expected:
            continue
        expected += 1
        sid = next((sid for sid, words in _LEGACY_WORDS if words.search(m.group(2))), "other_matters")
        found.append((sid, m.start()))
    spans: dict[str, SectionSpan] = {}
    for i, (sid, start) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(text)
        key, n = sid, 1
        while key in spans:
            n += 1
            key = f"{sid}#{n}"
        spans[key] = SectionSpan(sid, 0 if i == 0 else start, end)
    return spans


def _table_words() -> re.Pattern[str]:
    """Column headings of the standard tables (and table 4's row headings), long enough to be unmistakable."""
    labels = {
        c.label
        for layout in schema.LAYOUTS.values()
        for t in layout.tables
        for r in t.rows
        for c in r.columns
        if len(c.label) >= 4
    }
    labels |= {
        key for t in schema.LAYOUTS["2021"].tables if t.flat for r in t.rows for key in r.keys if len(key) >= 5
    }  # table 4's header: 未经复议直接起诉, 复议后起诉
    return re.compile("|".join(sorted(map(re.escape, labels), key=len, reverse=True)))


_TABLE_WORDS = _table_words()
_TABLE_ROW = re.compile(r"[^\n]*\t[^\n]*")


_HEADING_ONLY = re.compile(
    rf"\s*(?:{ORDINAL}|{PAREN_ORDINAL})"
    r"[^。，,；;\n]{0,30}[。.]?\s*"
)


def is_heading(text: str) -> bool:
    """A numbered heading standing alone (四、政府信息公开行政复议、行政诉讼情况), saying nothing by itself."""
    return bool(_HEADING_ONLY.fullmatch(text))


def is_table_text(text: str) -> bool:
    """A table row or a table flattened into prose (crawler text): its figures are in the record, and
    as passages they would only drown the narrative in search results."""
    return "\t" in text or ("。" not in text and len(_TABLE_WORDS.findall(re.sub(r"\s", "", text))) >= 2)


def passages(text: str, spans: dict[str, SectionSpan], page_of=lambda offset: None) -> list[Passage]:
    """Narrative passages and headings of every section, with offsets into ``text`` and the page each starts on."""
    ordered = sorted(spans.values(), key=lambda s: s.start) or [SectionSpan("overview", 0, len(text))]
    out: list[Passage] = []
    for span in ordered:
        # table rows are blanked (offsets kept) so that headings and prose around a table stay passages
        prose = _TABLE_ROW.sub(lambda m: " " * len(m.group()), text[span.start : span.end])
        for p in split_passages(span.id, prose, span.start):
            if is_table_text(p.text):
                continue
            p.page = page_of(p.start)
            if is_heading(p.text):  # found with its section (a table's heading names the table)
                p.kind = "heading"
            out.append(p)
    return out


def section_at(spans: dict[str, SectionSpan], offset: int) -> str | None:
    """The section whose text holds that offset."""
    return next((s.id for s in spans.values() if s.start <= offset < s.end), None)

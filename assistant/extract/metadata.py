"""Who published a report, for which place and year: read from its title and header."""

from __future__ import annotations

import re

from assistant.domain import vocabulary
from assistant.domain.names import expand_abbreviation
from assistant.domain.patterns import CJK
from assistant.read.document import Document

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_REPORT_WORDS = re.compile(r"(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)|年度报告|工作报告")
_PLACE = re.compile(
    rf"^(?:[{CJK}]{{1,7}}?(?:特别行政区|自治区|自治州|自治县|实验区|开发区|新区|高新区|省|市|州|盟|地区|县|区|旗))+"
)
_ZONE = re.compile(r"(?:实验区|开发区|新区|高新区|示范区)$")
# Short forms agencies use in their own titles, and the full names they stand for.
TITLE_ABBREVIATIONS = {a.short: a.full for a in vocabulary.ABBREVIATIONS if a.in_titles}


def title_of(doc: Document) -> str:
    """The report's title: the source's own metadata, else the first lines that name a report."""
    if doc.meta.get("title"):
        return _squash(doc.meta["title"])
    lines = [ln.strip() for ln in doc.text.split("\n")[:15] if ln.strip()]
    for i, line in enumerate(lines):
        if "报告" in line and len(line) <= 80:
            if len(line) < 10 and i:  # the title wraps: "… 工作" / "年度报告"
                line = lines[i - 1] + line
            if _YEAR.search(line) or "信息公开" in line:
                return _squash(line)
    first = lines[0] if lines else ""
    return _squash(first[:60])


def _squash(text: str) -> str:
    """Titles carry stray spaces between characters and around years, and crawlers' field names; drop them."""
    return re.sub(r"^(?:标题|题目|title)[:：]", "", re.sub(r"\s+", "", text), flags=re.I)


def year_of(title: str, text: str) -> int | None:
    for source in (title, text[:2000]):
        m = _YEAR.search(source)
        if m:
            return int(m.group(1))
    return None


def agency_of(title: str) -> str:
    """The publishing agency named in the title, in full."""
    m = _YEAR.search(title)
    name = title[: m.start()] if m and m.start() > 0 else title[m.end() :] if m else title
    name = _REPORT_WORDS.split(name)[0]
    name = re.sub(r"^(?:度|年度)", "", name).strip("　 ：:-_")
    name = expand_abbreviation(name, TITLE_ABBREVIATIONS)
    if name and _PLACE.fullmatch(name):
        name += "管委会" if _ZONE.search(name) else "人民政府"
    return name


def region_of(agency: str) -> str:
    """The place an agency serves: the place names its name starts with."""
    m = _PLACE.match(agency)
    return m.group(0) if m else ""

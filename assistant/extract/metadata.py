"""Who published a report, for which place and year: read from its title and header."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain import places, vocabulary
from assistant.domain.names import expand_abbreviation
from assistant.domain.patterns import CJK
from assistant.domain.record import Warning, WarningKind
from assistant.read.document import Document

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_PROSE = re.compile(r"[，。；《》,;]")  # a "title" with these is the first sentence of a report without one
_REPORT_WORDS = re.compile(r"(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)|年度报告|工作报告")
_PART = re.compile(rf"[{CJK}]{{1,7}}?(?:{places.PLACE_KIND})")
_PLACE = re.compile(f"^(?:{_PART.pattern})+")
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
    first = _squash(lines[0][:60]) if lines else ""
    return "" if _PROSE.search(first) else first


def _squash(text: str) -> str:
    """Titles carry stray spaces between characters and around years, crawlers' field names and markdown
    markers (``# 沐阳县人民政府…``, ``**…**``); drop them."""
    text = re.sub(r"\*\*|^[#>*]+", "", re.sub(r"\s+", "", text))
    return re.sub(r"^(?:标题|题目|title)[:：]", "", text, flags=re.I)


def year_of(title: str, text: str) -> int | None:
    for source in (title, text[:2000]):
        m = _YEAR.search(source)
        if m:
            return int(m.group(1))
    return None


def agency_of(title: str) -> str:
    """The publishing agency named in the title, in full; "" when the title names none (it is prose)."""
    if _PROSE.search(title):
        return ""
    m = _YEAR.search(title)
    name = title[: m.start()] if m and m.start() > 0 else title[m.end() :] if m else title
    name = _REPORT_WORDS.split(name)[0]
    name = re.sub(r"^(?:度|年度)", "", name).strip("　 ：:-_")
    name = expand_abbreviation(name, TITLE_ABBREVIATIONS)
    if name and _PLACE.fullmatch(name):
        name += "管委会" if places.ZONE.search(name) else "人民政府"
    return name


@dataclass(frozen=True)
class UnknownPlace:
    """A printed place name that is no known division, and the known ones it most likely stands for."""

    printed: str
    nearest: tuple[places.Division, ...]

    def warning(self) -> Warning:
        message = f"{self.printed} is not a known administrative division"
        if self.nearest:
            first, *others = self.nearest
            also = f" (also close: {', '.join(d.full for d in others[:2])})" if others else ""
            message += f"; nearest known: {first.full}{also}"
        return Warning(WarningKind.PLACE, message, self.printed)


@dataclass(frozen=True)
class Region:
    """The place an agency serves, with the divisions above it, and what could not be placed."""

    name: str
    unknown: UnknownPlace | None = None


def region_of(agency: str) -> Region:
    """The place an agency serves: the place names its name starts with, placed in the gazetteer with
    the province (and prefecture) above them. A zone (平潭综合实验区) is no division: it takes the
    province of the division its name starts with. A name the gazetteer does not know stays as printed."""
    m = _PLACE.match(agency)
    if m is None:
        return Region("")
    printed = m.group(0)
    within: places.Division | None = None
    zones = ""
    for part in _PART.findall(printed):
        if zones or (places.ZONE.search(part) and not places.lookup(part)):
            zones += part
            continue
        found = [d for d in places.lookup(part) if within is None or d.within(within)]
        if len(found) != 1:
            unknown = None if found else UnknownPlace(part, places.nearest(part))
            return Region(printed, unknown)
        within = found[0]
    if within is None:
        around = {d.province for d in places.containing(zones)}
        return Region(around.pop() + zones if len(around) == 1 else zones)
    return Region(within.full + zones)

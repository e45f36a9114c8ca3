"""Which reports a question is about: agency, place and year named in Chinese, pinyin or English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.domain import vocabulary
from assistant.domain.names import ABBREVIATIONS, agency_acronyms, agency_key, place_pinyin, place_wade_giles
from assistant.domain.patterns import CJK, LONE_YEAR
from assistant.domain.places import PLACE_KIND, ZONE_KINDS, ZONE_SHORT_FORMS
from assistant.domain.vocabulary import Kind
from assistant.store.cache import Snapshot, snapshot
from assistant.store.database import Store

_SUFFIX = re.compile(f"(?:{PLACE_KIND})$")
# Agency types and fields with words of their own in questions: they tell apart the agencies of one place.
_AGENCY_WORDS = {
    t.zh: (t.en.lower(), *t.synonyms) for t in vocabulary.of_kind(Kind.AGENCY_TYPE | Kind.FIELD) if t.synonyms
}
# the English words of an agency's field ("tax", "science and technology"): they name the agency beside its
# place or kind ("Pingtan tax bureau"), and are what is asked about on their own ("tax relief")
FIELD_WORDS_EN = frozenset(
    w.lower() for t in vocabulary.of_kind(Kind.FIELD) for w in (t.en, *t.synonyms) if re.match(r"[A-Za-z]", w)
)


@dataclass(frozen=True)
class ReportRef:
    id: str
    title: str
    agency: str
    region: str
    year: int | None
    format: str
    layout: str | None


_SINCE = re.compile(
    r"((?:19|20)\d{2})\s*年?\s*(?:及|和)?\s*(?:以后|之后|以来|起)|since\s+((?:19|20)\d{2})"
    r"|from\s+((?:19|20)\d{2})\s+on(?:wards?)?\b|((?:19|20)\d{2})\s+onwards?\b"
    r"|((?:19|20)\d{2})\s+(?:and|or)\s+(?:later|after)",
    re.I,
)
_AFTER = re.compile(r"after\s+((?:19|20)\d{2})", re.I)
# an upper bound: "before 2019", "earlier than 2019", 早于2019年, 2019年以前 (the year itself not included) …
_BEFORE = re.compile(
    r"\b(?:before|earlier\s+than|prior\s+to|older\s+than|pre-?)\s*((?:19|20)\d{2})\b|早于\s*((?:19|20)\d{2})"
    r"|((?:19|20)\d{2})\s*年?\s*(?:以前|之前|前(?![\d一二三四五六七八九十]))",
    re.I,
)
# … and "up to 2019", "2019 and earlier", 2019年及以前, 截至2019年 (included)
_UNTIL = re.compile(
    r"\b(?:up\s+to|until|till|through)\s+((?:19|20)\d{2})\b|((?:19|20)\d{2})\s+(?:and|or)\s+(?:earlier|before)\b"
    r"|((?:19|20)\d{2})\s*年?\s*(?:及|和)\s*(?:以前|之前)|截至\s*((?:19|20)\d{2})",
    re.I,
)


@dataclass(frozen=True)
class Years:
    """The years a question is about: listed ones, or an open range ("2021年及以后", "since 2021", "before
    2019")."""

    listed: tuple[int, ...] = ()
    since: int | None = None
    until: int | None = None  # the last year of a range open before it

    def __contains__(self, year: int | None) -> bool:
        if self.since is not None or self.until is not None:
            return year is not None and (self.since or year) <= year <= (self.until or year)
        return not self.listed or year in self.listed

    def __bool__(self) -> bool:
        return bool(self.listed) or self.since is not None or self.until is not None

    def describe(self, lang: str) -> str:
        if self.since is not None:
            return f"{self.since}年及以后" if lang == "zh" else f"{self.since} onwards"
        if self.until is not None:
            return f"{self.until}年及以前" if lang == "zh" else f"up to {self.until}"
        return "、".join(map(str, self.listed)) + "年" if lang == "zh" else ", ".join(map(str, self.listed))


_RANGE = re.compile(
    r"((?:19|20)\d{2})\s*年?\s*(?:to|through|thru|until|till|-|–|—|~|到|至)\s*((?:19|20)\d{2})"
    r"|\bbetween\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})",
    re.I,
)


def years_in(question: str) -> Years:
    m = _RANGE.search(question)
    first, last = (int(g) for g in m.groups() if g) if m else (0, 0)
    if m and first < last <= first + 30:
        return Years(tuple(range(first, last + 1)))
    m = _SINCE.search(question)
    if m:
        return Years(since=int(next(g for g in m.groups() if g)))
    m = _AFTER.search(question)
    if m:
        return Years(since=int(m.group(1)) + 1)
    m = _UNTIL.search(question)
    if m:
        return Years(until=int(next(g for g in m.groups() if g)))
    m = _BEFORE.search(question)
    if m:
        return Years(until=int(next(g for g in m.groups() if g)) - 1)
    return Years(tuple(dict.fromkeys(int(y) for y in LONE_YEAR.findall(question))))  # each year once


def _stem(place: str) -> str:
    while True:
        shorter = _SUFFIX.sub("", place)
        if shorter == place or len(shorter) < 2:
            return place
        place = shorter


def aliases(ref: ReportRef) -> list[tuple[str, int]]:
    """Names a question may use for the report's agency, with how specific each is."""
    # the place as the agency prints it (平潭县), without the divisions above it the region adds (福建省福州市)
    printed = next((ref.region[i:] for i in range(len(ref.region)) if ref.agency.startswith(ref.region[i:])), "")
    out: list[tuple[str, int]] = [(ref.agency, 10), (ref.region, 6), (printed, 6)]
    places = re.findall(rf"[{CJK}]+?(?:{'|'.join(ZONE_KINDS)}|省|市|县|区)", ref.region) or [ref.region]
    for place in places:
        stem = _stem(place)
        out += [(stem, 4), (place_pinyin(stem).lower(), 4), (place_wade_giles(stem).replace("-", ""), 4)]
        out += [
            (stem + short, 8) for long, shorts in ZONE_SHORT_FORMS.items() if place.endswith(long) for short in shorts
        ]
        # … and by its kind alone, as its people say it ("实验区19年到21年"): weakest, shared by every such zone
        out += [(short, 2) for long, shorts in ZONE_SHORT_FORMS.items() if place.endswith(long) for short in shorts]
    full = agency_key(ref.agency)
    for zh, words in _AGENCY_WORDS.items():
        if zh in full:
            out += [(zh, 3)] + [(w, 3) for w in words]
    out += [(ref.agency.replace(printed, ""), 5)] if printed else []
    for short, long in ABBREVIATIONS.items():  # 平潭地税局 for 平潭综合实验区地方税务局
        if long in full:
            out += [(short, 3)] + [(_stem(place) + short, 8) for place in places]
    out += [(acronym.lower(), 8) for acronym in agency_acronyms(ref.agency)]
    return [(a, w) for a, w in out if len(a) >= 2]


def canonical(store: Store | Snapshot) -> tuple[ReportRef, ...]:
    """One report per agency and year: the copy that counts (see assistant.domain.canonical), from the
    store's snapshot in memory (the same tuple until the store changes)."""
    return _canonical(snapshot(store))


@lru_cache(maxsize=4)
def _canonical(snap: Snapshot) -> tuple[ReportRef, ...]:
    refs = [
        ReportRef(r.id, r.title, r.agency, r.region, r.year, r.format, r.layout)
        for r in snap.reports.values()
        if r.id in snap.counted
    ]
    return tuple(sorted(refs, key=lambda r: (r.agency, r.year or 0)))

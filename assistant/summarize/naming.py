"""The agency's name as the summary gives it: markup left by a converter removed, and a place name the
gazetteer does not know corrected to the division it most likely stands for (沐阳县 -> 沭阳县, an OCR
slip), the printed name kept with a note."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain import places
from assistant.domain.names import AgencyName, agency_english, split_places

_MARKUP = re.compile(r"^[#>\s]+|[*_`]+|\[|\]")


@dataclass(frozen=True)
class Naming:
    name: AgencyName  # of the corrected name
    printed: str  # as the report prints it (markup removed)
    corrected: str  # "" when the printed name needed no correction

    def note_en(self) -> str:
        if not self.corrected:
            return ""
        return (
            f"The report prints the agency's name as “{self.printed}”; the gazetteer has no such place, so the "
            f"English name is that of “{self.corrected}”, the division it most likely stands for (a slip of OCR "
            "or typing)."
        )

    def note_zh(self) -> str:
        if not self.corrected:
            return ""
        return f"报告印作“{self.printed}”，行政区划中无此地名，按最可能的“{self.corrected}”给出。"


def _correct(name: str, region: str) -> str:
    """The name with each unknown place replaced by its nearest known division in the report's region."""
    out = name
    for place in split_places(name):
        whole = place.name + place.level
        if not place.level or places.lookup(whole):
            continue
        near = [d for d in places.nearest(whole) if not region or places.short(d.name) in region or d.city in region]
        if near:
            out = out.replace(whole, near[0].name, 1)
    return out


def agency_naming(agency: str, region: str = "") -> Naming:
    """The agency's English name, from its printed name corrected by the gazetteer."""
    printed = _MARKUP.sub("", agency or "").strip()
    corrected = _correct(printed, region)
    return Naming(agency_english(corrected), printed, corrected if corrected != printed else "")

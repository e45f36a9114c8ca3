"""Narrative facts (report.narrative_facts) as sentences: 全年主动公开政府信息10407条 -> 'It proactively
disclosed 10,407 items of government information.' Numbers, units and approximations as the report
states them; units and verbs from :mod:`assistant.domain.vocabulary`."""

from __future__ import annotations

import re

from assistant.domain import vocabulary
from assistant.domain.numbers import chinese, english
from assistant.domain.record import NarrativeCheck, NarrativeFact
from assistant.domain.vocabulary import Kind
from assistant.summarize.english import noun_phrase, past, words

APPROXIMATE_EN = {"more_than": "more than ", "nearly": "nearly ", "about": "about ", "at_least": "at least "}
APPROXIMATE_ZH = {"more_than": "余", "nearly": "近", "about": "约", "at_least": "以上"}
_PROACTIVE = "主动公开"


def _unit_en(fact: NarrativeFact, thing: str) -> str:
    """The unit as an English noun ('items'), or '' where the count counts the thing itself (5个 accounts)."""
    if fact.unit == "件" and "request" not in thing:
        words_ = ("items", "item")
    else:
        words_ = vocabulary.UNIT_WORDS.get(fact.unit, ("", ""))
    if fact.unit in ("个", "名", "位"):
        return ""
    plural = words_[0]
    return plural[:-1] if fact.value == 1 and plural.endswith("s") else plural


def _thing(fact: NarrativeFact) -> str | None:
    """What the fact counts in English: the vocabulary's name of its measure, else the measure rendered."""
    if fact.english:
        return fact.english
    ws = words(fact.measure)
    return noun_phrase([w for w in ws if w.kind != "verb" and w.kind != "manner"]) if ws else None


def _verb(fact: NarrativeFact) -> str | None:
    """The verb of the measure in the past tense: 主动公开 'proactively disclosed', 发布 'published'."""
    if _PROACTIVE in fact.measure:
        return "proactively disclosed"
    best = None
    for t in vocabulary.of_kind(Kind.ACTION):
        at = fact.measure.find(t.zh)
        if at >= 0 and (best is None or (at, -len(t.zh)) < best[0]):
            best = ((at, -len(t.zh)), t.en)
    return past(best[1]) if best else None


def amount_en(fact: NarrativeFact, thing: str = "") -> str:
    unit = _unit_en(fact, thing)
    return f"{APPROXIMATE_EN.get(fact.approximate or '', '')}{english(fact.value)}{' ' + unit if unit else ''}"


def fact_en(fact: NarrativeFact) -> str:
    """The fact as an English clause without a capital or full stop ('it proactively disclosed …')."""
    thing = _thing(fact)
    amount = amount_en(fact, thing or "")
    if thing is None:
        measure = fact.measure.replace("“", "‘").replace("”", "’")
        return f"the report counts {amount} (in its words: “{measure}”)"
    unit = _unit_en(fact, thing)
    if unit and unit.rstrip("s") in thing:  # 218 requests, not 218 requests of requests
        amount = f"{APPROXIMATE_EN.get(fact.approximate or '', '')}{english(fact.value)}"
        unit = ""
    joiner = " of " if unit else " "
    verb = _verb(fact)
    if verb and not fact.english:
        # the thing was rendered from the measure, verb included: say only what was counted
        verb = None
    if not verb:
        return f"the report counts {amount}{joiner}{thing}"
    who = _subject(fact)
    if who is None:  # a part of the whole, by someone the vocabulary cannot name: in the report's words
        measure = fact.measure.replace("“", "‘").replace("”", "’")
        return f"the report counts {amount}{joiner}{thing} (in its words: “{measure}”)"
    return f"{who} {verb} {amount}{joiner}{thing}"


def _subject(fact: NarrativeFact) -> str | None:
    """Who the measure says did it: 'it' (the agency), or the units before the verb (各乡镇 'the townships')."""
    at = fact.measure.find(_PROACTIVE) if _PROACTIVE in fact.measure else -1
    if at < 0:
        verbs = [fact.measure.find(t.zh) for t in vocabulary.of_kind(Kind.ACTION) if t.zh in fact.measure]
        at = min(verbs, default=-1)
    head = fact.measure[:at] if at > 0 else ""
    head = re.sub(
        r"^(?:全年|全区|全县|全市|我[局区县市委]|通过[^，,]*?(?:网站|平台|渠道)|在[^，,]*?(?:网站|平台)上?)+", "", head
    )
    head = re.sub(r"(?:通过[^，,]*|在[^，,]*上)$", "", head)
    if not head:
        return "it"
    ws = words(head)
    np = noun_phrase([w for w in ws if w.kind != "manner"]) if ws else None
    return np


def fact_zh(fact: NarrativeFact) -> str:
    """The fact as the report words it, numbers as digits: 主动公开政府信息1000余条."""
    approx = fact.approximate or ""
    if approx in ("more_than", "at_least"):
        return f"{fact.measure}{chinese(fact.value)}{APPROXIMATE_ZH[approx]}{fact.unit}"
    return f"{fact.measure}{APPROXIMATE_ZH.get(approx, '')}{chinese(fact.value)}{fact.unit}"


def stated(facts: list[NarrativeFact]) -> list[NarrativeFact]:
    """The facts a summary states: counts (shares have no stated base in the prose), each once."""
    out: list[NarrativeFact] = []
    seen: set[tuple[str, float]] = set()
    for f in facts:
        key = (f.english or f.measure, float(f.value))
        if f.unit == "%" or key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def disagreement_en(check: NarrativeCheck, table_english: str) -> str:
    return (
        f"The narrative gives {english(check.narrative_value)} for {table_english}, but the table gives "
        f"{'no figure' if check.table_value is None else english(check.table_value)}; both are reported as printed."
    )


def disagreement_zh(check: NarrativeCheck, label: str) -> str:
    table = "未给出" if check.table_value is None else chinese(check.table_value)
    return (
        f"正文称{check.measure}{chinese(check.narrative_value)}，但表格中{label}为{table}，两者不一致，均按原文照录。"
    )

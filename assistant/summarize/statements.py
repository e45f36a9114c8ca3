"""Narrative facts (report.narrative_facts) as sentences: 全年主动公开政府信息10407条 -> 'It proactively
disclosed 10,407 items of government information.' Numbers, units and approximations as the report
states them; units and verbs from :mod:`assistant.domain.vocabulary`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain import numbers, vocabulary
from assistant.domain.numbers import chinese, english
from assistant.domain.record import NarrativeCheck, NarrativeFact
from assistant.summarize.english import noun_phrase, past, words

APPROXIMATE_EN = {"more_than": "more than ", "nearly": "nearly ", "about": "about ", "at_least": "at least "}
APPROXIMATE_ZH = {"more_than": "余", "nearly": "近", "about": "约", "at_least": "以上"}
_PROACTIVE = "主动公开"


def _unit_en(fact: NarrativeFact, thing: str) -> str:
    """The unit as an English noun ('items'), or '' where the count counts the thing itself (5个 accounts)."""
    if fact.unit in ("名", "位"):
        return ""
    if fact.unit in ("件", "个") and "request" not in thing:
        return "items" if fact.value != 1 else "item"
    return vocabulary.unit_english(fact.unit, fact.value)


# How the work was done, not who did it or what: 通过政府门户网站, 全年, 我局 …
_MEANS = re.compile(
    r"^(?:全年|全区|全县|全市|我[局区县市委]|共|累计|通过[^，,]*(?:网站|平台|渠道|号)|在[^，,]*(?:网站|平台|网)上?)+"
)
_CHANNELS = ("website", "platform", "account", "Weibo", "WeChat", "media", "column")


@dataclass(frozen=True)
class Action:
    subject: str | None  # "it", the units that did it in English, or None when the vocabulary cannot name them
    verb: str  # in the past tense, "" when the measure has no verb the vocabulary knows
    rest: str | None  # what the verb acts on, rendered, or None
    read: bool = True  # every word of the measure is in the vocabulary


def _action(fact: NarrativeFact) -> Action:
    """The measure as subject, verb and object, from its vocabulary words (主动公开 'proactively disclosed')."""
    measure = _MEANS.sub("", fact.measure)
    if _PROACTIVE in measure:  # 主动公开政府信息 is also one theme word: read the verb out of it
        before, _, after = measure.partition(_PROACTIVE)
        bw, aw = words(_MEANS.sub("", before)), words(after)
        subject = "it" if not before.strip() else noun_phrase(bw) if bw else None
        return Action(subject, "proactively disclosed", noun_phrase(aw) if aw else None)
    ws = words(measure)
    for i, w in enumerate(ws or []):
        if w.zh != _PROACTIVE and w.kind != "verb":
            continue
        if i + 1 < len(ws) and ws[i + 1].kind == "verb":  # type: ignore[arg-type]
            continue  # 完成梳理行政权力事项: the count is of what was sorted out, not of what was completed
        verb = "proactively disclosed" if w.zh == _PROACTIVE else past(w.en)
        before = [x for x in ws[:i] if x.kind not in ("manner", "verb")]  # type: ignore[index]
        after = [x for x in ws[i + 1 :] if x.kind != "manner"]  # type: ignore[index]
        # who did it is a unit (各乡镇, 区管委会), a WORD entry; a term there (审核发布) is part of the action
        units = before and all(_is_unit(x.zh) for x in before if x.kind == "noun")
        subject = noun_phrase(before) if units else "it"
        rest = noun_phrase(after) if after and all(x.kind != "verb" for x in after) else None
        return Action(subject, verb, rest)
    return Action("it", "", noun_phrase([x for x in ws if x.kind != "manner"]) if ws else None, ws is not None)


def _is_unit(zh: str) -> bool:
    term = vocabulary.BY_ZH.get(zh)
    return term is not None and bool(term.kind & vocabulary.Kind.WORD)


def _after_verb(fact: NarrativeFact) -> bool:
    """Whether the vocabulary term the fact's English names stands after the measure's verb (what is counted)."""
    zhs = vocabulary.chinese(fact.english or "")
    return any(fact.measure.rfind(zh) > 0 and fact.measure.rfind(zh) >= len(fact.measure) // 2 for zh in zhs)


def amount_en(fact: NarrativeFact, thing: str = "") -> str:
    if fact.unit == "万元":  # 1万元: 10,000 yuan
        return f"{APPROXIMATE_EN.get(fact.approximate or '', '')}{english(numbers.times(fact.value, 10_000))} yuan"
    unit = _unit_en(fact, thing)
    return f"{APPROXIMATE_EN.get(fact.approximate or '', '')}{english(fact.value)}{' ' + unit if unit else ''}"


def _quoted(measure: str) -> str:
    return "“" + measure.replace("“", "‘").replace("”", "’") + "”"


def fact_en(fact: NarrativeFact) -> str | None:
    """The fact as an English clause without a capital or full stop ('it proactively disclosed …'); None
    when its wording is not understood well enough to say what was counted (it stays in the JSON)."""
    action = _action(fact)
    thing = fact.english if fact.english and (_after_verb(fact) or not action.rest) else action.rest
    thing = thing or fact.english
    amount = amount_en(fact, thing or "")
    if thing is None:
        return None
    unit = _unit_en(fact, thing)
    if action.verb and action.rest is None and fact.measure.startswith("通过") and any(c in thing for c in _CHANNELS):
        return f"it {action.verb} {amount} through the {thing}"  # 通过微信公众号发布20680批次…: what is unnamed
    if thing.startswith("carried forward"):  # 1件结转下年度继续办理: '1 item was carried forward to next year'
        return f"{amount} {'was' if fact.value == 1 else 'were'} {thing}"
    if fact.unit == "次" and _plural_noun(thing):  # 组织4次季度政务公开检查: '4 inspections', not '4 times of'
        unit, amount = "", f"{APPROXIMATE_EN.get(fact.approximate or '', '')}{english(fact.value)}"
    if action.verb == "proactively disclosed" and thing == "proactive disclosure":
        thing = unit  # 在网站主动公开的425条: '425 items', not '425 items of proactive disclosure'
    if unit and (thing.startswith(unit.rstrip("s")) or thing.endswith(unit)):  # 218 requests, not requests of requests
        amount = f"{APPROXIMATE_EN.get(fact.approximate or '', '')}{english(fact.value)}"
        if thing == unit.rstrip("s") and fact.value != 1:
            thing = unit
        unit = ""
    if unit == "requests" and "upon request" in thing:
        thing = "disclosure"  # 依申请公开3件: 3 requests for disclosure
    joiner = (" for " if unit == "requests" else " of ") if unit else " "
    if " " not in thing and thing.endswith("ed"):  # 受理7件: 7 items accepted
        joiner, counted = " ", f"{amount} {thing}"
    else:
        counted = f"{amount}{joiner}{thing}"
    if not action.verb:
        # words the vocabulary does not know may say whose count it is (区政府办代表区政府受理), and a short
        # measure (办结) depends on its sentence: not said rather than said wrongly
        # and only a measure that is one term of the vocabulary: "2 requests for carried over from last year
        # requests for …" or "0 items of reply" (不予公开答复) would say it wrongly
        whole = vocabulary.BY_ZH.get(fact.measure)
        if not action.read or len(fact.measure) <= 4 or whole is None or whole.prose != thing:
            return None
        return f"the report counts {counted}"
    if action.subject is None:  # a part of the whole, by units the vocabulary cannot name
        return None
    if any(c in action.subject for c in _CHANNELS):  # 微信公众号发布信息672条: a channel, not who published
        return f"it {action.verb} {counted} through {action.subject}"
    return f"{action.subject} {action.verb} {counted}"


def _plural_noun(thing: str) -> bool:
    head = thing.split(" of ")[0]
    return head.endswith("s") and not head.endswith(("ss", "us"))


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
        f"The narrative gives {english(check.narrative_value)} (in its words: {_quoted(check.measure)}) for "
        f"{table_english}, but the table gives "
        f"{'no figure' if check.table_value is None else english(check.table_value)}; both are reported as printed."
    )


def disagreement_zh(check: NarrativeCheck, label: str) -> str:
    table = "未给出" if check.table_value is None else chinese(check.table_value)
    return (
        f"正文称{check.measure}{chinese(check.narrative_value)}，但表格中{label}为{table}，两者不一致，均按原文照录。"
    )

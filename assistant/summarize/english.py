"""The reports' formulaic Chinese rendered in English, clause by clause, from the one vocabulary.

A clause is cut into words of :mod:`assistant.domain.vocabulary` (terms and themes are nouns; ACTION,
MANNER and QUALITY entries are verbs, adverbs and qualities) and the few function words (的 和 与 及 、);
a clause with any other word is not rendered. The words are then put in English order by the
patterns these reports share:

* a work item or measure: [manner] verb [object] -> "further improving the disclosure catalogue";
* a noun phrase: A的B -> "B of A", A和B -> "A and B";
* a problem: X有待提高 -> "X needs to be improved", X不够丰富 -> "X is not rich enough",
  X较为单一 -> "X is rather uniform", X不明确 -> "X is not clear".

What no pattern renders is quoted in Chinese with its terms glossed, and counted (:class:`Rendered`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from assistant.domain import vocabulary
from assistant.domain.patterns import HEADING_NUMERALS
from assistant.domain.vocabulary import Kind

NOUN_KINDS = Kind.TERM | Kind.THEME | Kind.WORD | Kind.FIELD
_PREP = "对"
_CONJ = {
    "和": "and",
    "与": "and",
    "及": "and",
    "以及": "and",
    "、": "and",
    "并": "and",
    "或": "or",
    "和其他": "and other",
}
_OF = "的"
_SKIP = frozenset(
    {"“", "”", "‘", "’", '"', "「", "」", "《", "》", " ", "\u3000", "等", "各类", "各项", "相关", "有关"}
)
# Verbs whose past (and participle) is irregular; the others add -ed.
_IRREGULAR = {
    "build": "built",
    "hold": "held",
    "make": "made",
    "set up": "set up",
    "set": "set",
    "draw up": "drawn up",
    "keep": "kept",
    "run": "run",
    "put": "put",
    "lead": "led",
    "seek": "sought",
    "broaden": "broadened",
    "speed up": "sped up",
    "speed": "sped",
}
ITEM_MARK = re.compile(
    rf"(?:[{HEADING_NUMERALS}]+是|[（(]\s*[{HEADING_NUMERALS}\d]+\s*[)）]|(?<![\d.．])\d{{1,2}}\s*[.．、](?!\d))"
)
"""The number of a listed item: 一是, （一）, 1."""
_CLAUSE = re.compile(r"[^，,。；;：:！？!?\n]+")


@dataclass(frozen=True)
class Rendered:
    """A clause of the report and its English, or None when no pattern renders it (it is then quoted)."""

    zh: str
    en: str | None
    glosses: tuple[tuple[str, str], ...] = ()

    @property
    def rendered(self) -> bool:
        return self.en is not None

    def english(self) -> str:
        """The English, or the Chinese quoted with its known terms glossed."""
        if self.en is not None:
            return self.en
        inner = self.zh.replace("“", "‘").replace("”", "’").replace('"', "'")
        gloss = "; ".join(f"{en}: {zh}" for zh, en in self.glosses)
        return f"“{inner}” (quoted: {gloss})" if gloss else f"“{inner}” (quoted, no gloss)"


@dataclass(frozen=True)
class Word:
    zh: str
    en: str
    kind: str  # noun, verb, manner, quality, conj, of


@cache
def _lexicon() -> dict[str, Word]:
    out: dict[str, Word] = {}
    for kind, name in ((NOUN_KINDS, "noun"), (Kind.ACTION, "verb"), (Kind.MANNER, "manner"), (Kind.QUALITY, "quality")):
        for t in vocabulary.of_kind(kind):
            out.setdefault(t.zh, Word(t.zh, t.prose, name))
    for zh, en in _CONJ.items():
        out[zh] = Word(zh, en, "conj")
    out[_OF] = Word(_OF, "of", "of")
    out[_PREP] = Word(_PREP, "regarding", "prep")
    return out


@cache
def _longest() -> int:
    return max(len(k) for k in _lexicon())


_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年(?:度)?\s*")
_OURS = ("我局", "我区", "我县", "我市", "我委")
_NAME = re.compile(r"“([^“”]{1,16})”|《([^《》]{1,40})》|\"([^\"]{1,16})\"")


def _name(inner: str, title: bool) -> Word:
    """A quoted name or a 《title》: in English where its words are known, else quoted as printed. A quoted
    single word (不够“全”) is that word."""
    ws = words(inner)
    if ws and len(ws) == 1 and not title:  # a label of several English words keeps its quotes
        return Word(inner, f"“{ws[0].en}”", "noun") if ws[0].kind == "noun" and " " in ws[0].en else ws[0]
    en = noun_phrase(ws) if ws else None
    if en is None:
        en = f"“{inner}”"
    elif title:
        en = f"the {en}"
    return Word(inner, en, "noun")


def words(text: str) -> list[Word] | None:
    """The clause as vocabulary words, longest match first; None when a part of it is no known word.
    A quoted name or a 《title》 is one noun."""
    lex, out, i = _lexicon(), [], 0
    while i < len(text):
        if text[i] == "了" and out and out[-1].kind == "verb":
            i += 1
            continue
        m = _NAME.match(text, i)
        if m:
            out.append(_name(m.group(1) or m.group(2) or m.group(3), bool(m.group(2))))
            i = m.end()
            continue
        year = _YEAR.match(text, i)
        if year:
            out.append(Word(year.group(0), year.group(1), "noun"))
            i = year.end()
            continue
        if text.startswith(_OURS, i):  # 我局 'our bureau': the agency, whom the sentence is about anyway
            i += 2
            continue
        if text[i] == "等" and out and out[-1].kind == "noun" and i + 1 < len(text) and text[i + 1] not in "，,。":
            out.append(Word("等", "such as", "etc"))  # 文件、公告等各类政府信息: 'government information such as …'
            i += 1
            continue
        if text[i] in _SKIP or text.startswith(("各类", "各项", "相关", "有关"), i):
            i += 2 if text.startswith(("各类", "各项", "相关", "有关"), i) else 1
            continue
        for n in range(min(_longest(), len(text) - i), 0, -1):
            w = lex.get(text[i : i + n])
            if w is not None:
                out.append(w)
                i += n
                break
        else:
            if text[i] not in "各都":  # 各政务公开单位 'each unit', 都指定了 'all designated': English needs neither
                return None
            i += 1
    return out


def past(verb: str) -> str:
    """'strengthen' -> 'strengthened', 'hold' -> 'held' (the first word of a phrasal verb)."""
    if " and " in verb:  # 部署安排 'plan and arrange': each verb
        return " and ".join(past(v) for v in verb.split(" and "))
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    head, _, rest = verb.partition(" ")
    if head in _IRREGULAR:
        return f"{_IRREGULAR[head]} {rest}".strip()
    if head in _DOUBLED:
        form = head + head[-1] + "ed"
    elif head.endswith("e"):
        form = head + "d"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        form = head[:-1] + "ied"
    else:
        form = head + "ed"
    return f"{form} {rest}".strip()


_DOUBLED = frozenset(
    {
        "transfer",
        "patrol",
        "control",
        "submit",
        "commit",
        "refer",
        "compel",
        "plan",
        "step",
        "set",
        "run",
        "stop",
        "put",
    }
)


def base(verb: str) -> str:
    """The verb as the vocabulary gives it: 'improve', 'set up'."""
    return verb


def gerund(verb: str) -> str:
    """'improve' -> 'improving', 'set up' -> 'setting up'."""
    if " and " in verb:
        return " and ".join(gerund(v) for v in verb.split(" and "))
    head, _, rest = verb.partition(" ")
    if head in _DOUBLED:
        form = head + head[-1] + "ing"
    elif head.endswith("ie"):
        form = head[:-2] + "ying"
    elif head.endswith("e") and not head.endswith("ee"):
        form = head[:-1] + "ing"
    else:
        form = head + "ing"
    return f"{form} {rest}".strip()


def _join(items: list[str], conj: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def noun_phrase(ws: list[Word]) -> str | None:
    """Nouns, 的 and conjunctions in English order: A的B -> 'B of A', A和B -> 'A and B', A对B的C -> 'C of B in A'."""
    if ws and ws[0].kind == "prep":
        ws = ws[1:]
    if len(ws) >= 3 and ws[0].zh in ("与", "同") and ws[-1].kind in ("noun", "verb"):
        other = noun_phrase(ws[1:-1])  # 与区直各部门协调联动: 'coordination with the departments'
        return f"{_noun(ws[-1])} with {_definite(other)}" if other else None
    of = max((i for i, w in enumerate(ws) if w.kind == "of"), default=None)
    before = ws[:of] if of is not None else []
    if of is not None and any(w.kind == "conj" for w in before) and all(w.kind == "noun" for w in ws[of + 1 :]):
        owners, owned = noun_phrase(before), noun_phrase(ws[of + 1 :])  # A、B和C的D: 'D of A, B and C'
        if owners and owned and not any(w.kind == "verb" for w in before):
            return f"{owned} of {_the(owners)}"
    etc = next((i for i, w in enumerate(ws) if w.kind == "etc"), None)
    if etc is not None:  # A、B等C: 'C such as A and B'
        examples, whole = noun_phrase(ws[:etc]), noun_phrase(ws[etc + 1 :])
        if not examples or not whole:
            return None
        if whole == "work":  # 衔接、调整等工作: the examples are the work
            return examples
        if whole in _ACTION_HEADS:  # 报告、会议等公开发布: 'public release of the reports and meetings'
            return f"{whole} of {examples}"
        return f"{whole} such as {examples}"
    prep = next((i for i, w in enumerate(ws) if w.kind == "prep"), None)
    if prep is not None:
        left, right = noun_phrase(ws[:prep]), noun_phrase(ws[prep + 1 :])
        return f"{right} in {left}" if left and right else None
    if not ws or any(w.kind not in ("noun", "conj", "of", "quality", "verb") for w in ws):
        return None
    conjuncts: list[list[Word]] = [[]]
    for w in ws:
        if w.kind == "conj":
            conjuncts.append([])
        else:
            conjuncts[-1].append(w)
    if any(not c for c in conjuncts):
        return None
    # 扶贫和社会救助信息公开: the action noun at the end acts on every conjunct
    last = conjuncts[-1]
    head = _noun(last[-1]) if len(conjuncts) > 1 and len(last) > 1 and last[-2].kind != "of" else ""
    conj = "or" if any(w.kind == "conj" and w.en == "or" for w in ws) else "and"
    parts = [_conjunct(c) for c in ([*conjuncts[:-1], last[:-1]] if head in _ACTION_HEADS else conjuncts)]
    if any(p is None for p in parts):
        return None
    inner = _join(parts, conj)  # type: ignore[arg-type]
    if head in _ACTION_HEADS:
        return f"{head} of {inner}" if inner else None
    return inner


def _noun(w: Word) -> str:
    """A word as a noun: a verb as its action noun where English has one (公开 'disclosure'), else its gerund."""
    if w.kind != "verb":
        return w.en
    return _NOMINAL.get(w.en, gerund(w.en))


def _conjunct(part: list[Word]) -> str | None:
    """A=的=B: 'B of A'. A verb before 的 makes a relative clause (省级明确的格式), which no pattern renders."""
    pieces: list[list[str]] = [[]]
    for i, w in enumerate(part):
        if w.kind == "of":
            before = part[:i]
            if any(x.kind == "verb" for x in before) and not (len(before) == 1 and before[0].en in _NOMINAL):
                return None  # 省级明确的格式: a relative clause; 公开的形式 'forms of disclosure' is a noun
            pieces.append([])
        else:
            pieces[-1].append(_noun(w))
    # 全区的政务舆情监测, 新修订的《条例》: a modifier of place or level, or a quality, before 的 stays before its
    # noun ('area-wide monitoring', 'the newly revised regulations')
    qualities = {w.en for w in part if w.kind == "quality"}
    while len(pieces) > 1 and len(pieces[0]) == 1 and pieces[1]:
        modifier, noun = pieces[0][0], pieces[1][0]
        if not (modifier.endswith(_PLACE_ADJECTIVES) or modifier in qualities):
            break
        the, bare = ("the ", noun[4:]) if noun.startswith("the ") else ("", noun)
        pieces = [[f"{the}{modifier} {bare}", *pieces[1][1:]], *pieces[2:]]
    return " of ".join(reversed([_head_first(p) for p in pieces if p]))


_PLACE_ADJECTIVES = ("-wide", "-level")


# English action nouns of verbs that end a noun phrase (清单公开 'disclosure of the list').
_NOMINAL = {
    "disclose": "disclosure",
    "adjust": "adjustment",
    "change": "change",
    "publish": "publication",
    "update": "updating",
    "clean up": "clean-up",
    "define": "definition",
    "transfer": "transfer",
    "use": "use",
    "apply": "application",
    "spread": "promotion",
    "popularise": "popularisation",
    "organise": "organisation",
    "safeguard": "safeguards",
    "communicate": "communication",
}


# Nouns of an action that English puts before what they act on: 财政资金信息公开 'disclosure of public funds'.
_ACTION_HEADS = frozenset(
    {
        "disclosure",
        "information disclosure",
        "proactive disclosure",
        "building",
        "management",
        "supervision",
        "information release",
        "interpretation",
        "clean-up",
        "review",
        "publicity",
        "monitoring",
        "updating",
        "routine supervision",
        "daily management",
        "routine monitoring",
        "overall supervision",
        "standardisation",
        "degree of standardisation",
        "public consultation",
        "definition",
        "publication",
        "public release",
        "release",
        "application",
        "promotion",
        "popularisation",
        "use",
        "transfer",
        "level",
        "strength",
    }
)


# Nouns of a quality that English puts before what has it: 经办人员流动性 'turnover of staff handling the work'.
_QUALITY_HEADS = frozenset(
    {
        "awareness",
        "initiative",
        "self-discipline",
        "efficiency",
        "attribute",
        "turnover",
        "staff turnover",
        "timeliness",
        "capacity",
        "capacity building",
        "quality",
        "forms",
        "effect",
        "functions",
        "degree of standardisation",
        "mechanism",
        "utilisation rate",
        "rate",
    }
)
# Nouns of those who do the work, whose qualities follow them in Chinese: 部分单位公开属性 'disclosure attribute
# of some units'.
_AGENTS = frozenset({"departments", "units", "staff", "divisions", "agencies", "bureaus", "netizens", "the public"})


def _head_first(pieces: list[str]) -> str:
    """Nouns in Chinese order, put in English order: an action noun at the end before what it acts on
    (disclosure of public funds), a quality at the end before what has it (awareness of staff), a quality of
    those who do the work after them (the disclosure attribute of some units)."""
    if len(pieces) >= 2 and pieces[0].isdigit():  # 2024年政务公开工作责任清单: '… list for 2024'
        return f"{_head_first(pieces[1:])} for {pieces[0]}"
    pieces = _without_work(pieces)
    if len(pieces) >= 2 and pieces[-1] in _ACTION_HEADS:
        return f"{pieces[-1]} of {_the(_head_first(pieces[:-1]))}"
    if len(pieces) >= 2 and pieces[-1].split(" of ")[0].split()[-1] in _QUALITY_HEADS:
        owner = _head_first(pieces[:-1])
        quality = pieces[-1]
        first, _, rest = quality.partition(" ")
        if rest and first in owner.split():  # 经办人员流动性: 'turnover of staff handling the work'
            quality = rest
        return f"{quality} of {_the(owner)}"
    if len(pieces) >= 2 and pieces[0].split()[-1] in _AGENTS:
        return f"{' '.join(pieces[1:])} of {pieces[0]}"
    if len(pieces) >= 2:
        return _stacked(pieces[:-1], pieces[-1])
    return " ".join(pieces)


def _without_work(pieces: list[str]) -> list[str]:
    """工作 'work' inside a compound is Chinese, not English: 政府信息公开工作专项经费 'dedicated funds for
    government information disclosure', 回应工作 'response'."""
    if len(pieces) < 2:
        return pieces
    mods = [pieces[0], *pieces[1:-1]] if pieces[0] == "work" else pieces[:-1]  # 工作移交 'transfer of work'
    mods = [m if m.endswith("the work") else m.removesuffix(" work") for m in mods]
    mods = [m for i, m in enumerate(mods) if m != "work" or i == 0]
    head = "" if pieces[-1] == "work" else pieces[-1].removesuffix(" work")
    return [*mods, head] if head else mods or pieces


# The word that joins a compound's head to what it is for, when English puts the head first: 'training
# session on open government', 'response to matters of public concern'; otherwise 'for' or 'of'.
_HEAD_PREPOSITION = {
    **dict.fromkeys(("training", "session", "meeting", "guidance", "seminar", "briefing", "lecture"), "on"),
    **dict.fromkeys(("response", "responses"), "to"),
    **dict.fromkeys(
        (
            "funds",
            "procedures",
            "procedure",
            "platform",
            "platforms",
            "system",
            "list",
            "responsibilities",
            "rules",
            "standards",
            "sections",
            "columns",
            "column",
            "plan",
            "plans",
            "channels",
            "staff",
        ),
        "for",
    ),
}


def _stacked(mods: list[str], head: str) -> str:
    """Nouns stacked before their head in Chinese: in English the head first when the modifiers are long
    ('dedicated funds for government information disclosure'), a list of plurals joined
    ('special clean-up of administrative regulations, rules and normative documents'), a building noun
    before what is built ('building of the government information disclosure platform'); short ones stay
    stacked ('platform building')."""
    first, _, last = head.rpartition(" ")
    if first and last == "building" and " " not in first:  # 公开平台建设: 'building of the … platform'
        return f"{last} of the {' '.join(mods)} {first}"
    if all(m.startswith("“") for m in (*mods, head)) or (head in _PARALLEL and all(_plural(m) for m in mods)):
        return _join([*mods, head])  # 平台载体: 'platforms and carriers'; “应公开尽公开”“应上网尽上网”
    if all(m.startswith("“") for m in mods):  # “政府信息公开”模块: a label stays before its noun
        return f"{' '.join(mods)} {head}"
    if len(mods) >= 2 and all(_plural(m) for m in mods):
        modifier = _join(mods)
    else:
        modifier = " ".join(mods)
    key = head.split(" of ")[0]
    prep = _HEAD_PREPOSITION.get(key) or _HEAD_PREPOSITION.get(key.split()[-1])
    if len(modifier.split()) < (2 if prep in ("on", "to") else 3) and " and " not in head:
        return f"{modifier} {head}"
    return f"{head} {prep or 'of'} {modifier}"


# Singular nouns that English does not use bare: 优化主动公开目录 'optimise the proactive disclosure catalogue'.
_COUNTABLE = frozenset(
    {
        "catalogue",
        "mechanism",
        "platform",
        "list",
        "column",
        "module",
        "procedure",
        "process",
        "system",
        "date",
        "session",
        "board",
        "point",
        "website",
        "group",
        "office",
        "centre",
        "page",
    }
)


def _the(np: str) -> str:
    """'the' before a noun phrase made definite by what follows it (the disclosure of public funds) or
    before a singular noun that is not used bare (the disclosure mechanism)."""
    if np.startswith("“") and not np.endswith("”"):
        return f"the {np}"  # the “分级审核、先审后发” procedure
    if np.startswith(("the ", "a ", "“")):
        return np
    head = re.split(r" (?:for|on|to|with) ", np)[0]  # the training session on open government
    return f"the {np}" if " of " in np or (head.split()[-1] in _COUNTABLE and " and " not in head) else np


def _definite(np: str) -> str:
    """'the' before a noun phrase that names something the report has in mind (the portal website)."""
    return np if np.startswith(("the ", "a ", "“")) else f"the {np}"


def _plural(np: str) -> bool:
    head = np.split(" of ")[0]
    return " and " in head or (head.endswith("s") and not head.endswith(("ss", "us", "sis")))


def verb_phrase(ws: list[Word], form: Callable[[str], str] = gerund) -> str | None:
    """[manner] verb [and verb] [object], or object [manner] verb: a gerund phrase, or with ``form`` the
    verbs in another form (``base`` for 'optimise the catalogue', ``past`` for 'optimised the catalogue')."""
    verbs = [i for i, w in enumerate(ws) if w.kind == "verb"]
    if not verbs:
        manner = [w.en for w in ws if w.kind == "manner"]
        if not manner and len(ws) > 1 and ws[-1].kind == "quality" and ws[-2].kind == "noun":
            subject = noun_phrase(ws[:-1])  # 门户网站建设功能齐全: a noun and its quality
            return f"{subject} {'are' if subject and _plural(subject) else 'is'} {ws[-1].en}" if subject else None
        np = noun_phrase([w for w in ws if w.kind != "manner"])
        if manner and not (np and np.split()[0].endswith("ing")):
            return None  # 及时回应: a noun is no action
        return " ".join([*manner, np]) if np else None
    first = verbs[0]
    manner = [w.en for w in ws[:first] if w.kind == "manner"]
    if any(w.kind not in ("manner",) for w in ws[:first]):
        return None  # a noun before the verb (清单闭环推进, 及时整改提高): no pattern says how they relate
    i, vs = first, []
    while i < len(ws) and ws[i].kind in ("verb", "conj", "manner"):
        if ws[i].kind == "conj" and not (i + 1 < len(ws) and ws[i + 1].kind in ("verb", "manner")):
            break  # 加强与申请人沟通: 与 starts the object ('communication with the applicant')
        if ws[i].kind == "verb":
            vs.append(ws[i])
        elif ws[i].kind == "manner":
            manner.append(ws[i].en)
        i += 1
    rest = ws[i:]
    segments = _actions(ws)
    if len(segments) > 1:  # 深化公开内容、完善工作机制: verb phrases in a row, each with its own object
        phrases = [verb_phrase(seg, form) for seg in segments]
        return _join(phrases) if all(phrases) else None  # type: ignore[arg-type]
    if not rest and len(vs) >= 2 and ws[i - 2].kind == "verb" and vs[-1].en in _NOMINAL:
        rest = [Word(vs[-1].zh, f"the {_NOMINAL[vs[-1].en]}", "noun")]  # 健全组织: 'building up the organisation'
        vs = vs[:-1]
    obj = noun_phrase(rest) if rest else ""
    obj = _the(obj) if obj else obj
    if obj is None:
        # a second verb phrase joined without a conjunction (优化调整完善公开内容): give up
        return None
    if not obj and vs[-1].en.endswith(" to"):
        obj = "the work"  # 高度重视: 'attaching great importance to the work'
    when = [m for m in manner if m in _FREQUENCY]  # 按月公开动态信息: 'disclosing news updates monthly'
    manner = [m for m in manner if m not in _FREQUENCY]
    return " ".join(x for x in (*manner, _join([form(v.en) for v in vs]), obj, *when) if x)


# Plural nouns Chinese lists side by side without a conjunction: 平台载体 'platforms and carriers'.
_PARALLEL = frozenset({"carriers", "channels", "platforms"})
_FREQUENCY = frozenset({"monthly", "quarterly", "annually", "weekly", "daily"})


def _actions(ws: list[Word]) -> list[list[Word]]:
    """The words cut where a conjunction joins two verb phrases that each have an object."""
    out: list[list[Word]] = [[]]
    for k, w in enumerate(ws):
        current = out[-1]
        verb = next((j for j, x in enumerate(current) if x.kind == "verb"), None)
        has_object = verb is not None and any(x.kind == "noun" for x in current[verb:])
        if w.kind == "conj" and has_object and _starts_action(ws[k + 1 :]):
            out.append([])
        else:
            current.append(w)
    return out


def _starts_action(ws: list[Word]) -> bool:
    """Whether the words start a verb phrase of their own: [manner] verb and then an object."""
    k = next((j for j, w in enumerate(ws) if w.kind != "manner"), len(ws))
    return k < len(ws) - 1 and ws[k].kind == "verb" and ws[k + 1].kind == "noun" and ws[k + 1].en != "work"


_MODAL = re.compile(
    r"(?:仍然|仍|还|尚|亦|也|都)?(?P<m>有待|仍需|还需|尚需|需要|亟需|亟待|仍待|待|需|不够|不太|不|未能|未|较为|比较|相对|较|"
    r"有所|仍有|存在)?(?P<f>进一步)?$"
)
_NEEDS = frozenset({"有待", "仍需", "还需", "尚需", "需要", "亟需", "亟待", "仍待", "待", "需"})
_RATHER_WORDS = frozenset({"较为", "比较", "相对", "较"})


_LIMITED = re.compile(r"^受(?P<by>.+?)(?:的)?限制$")
_NOT_ENOUGH = re.compile(r"^(?P<x>.+?)(?P<still>还|仍|仍然)?(?:不够|不足)$")
_HANDLED_BY = re.compile(r"^(?P<x>.+?)(?P<mostly>多|均|主要|都)?由(?P<y>.+?)(?P<part>兼职)?(?:经办|负责|办理)$")
_UNDERWENT = re.compile(r"^(?P<x>.+?)发生(?P<big>较大|重大|很大)?(?P<what>调整|变化|变动)$")
_WITH = re.compile(r"^与(?P<rest>.+)$")


def _np(text: str) -> str | None:
    ws = words(text)
    return noun_phrase(ws) if ws else None


def _special_problem(clause: str) -> str | None:
    """X多由Y兼职经办 -> 'X is mostly handled part-time by Y'; X发生较大调整 -> 'X underwent major
    adjustment'; 与X互动交流不足 -> 'interaction and exchange with X is insufficient'."""
    m = _HANDLED_BY.match(clause)
    if m and (x := _np(m.group("x"))) and (y := _np(m.group("y"))):
        mostly = {"多": "mostly ", "主要": "mainly ", "均": "all ", "都": "all "}.get(m.group("mostly") or "", "")
        part = " part-time" if m.group("part") else ""
        return f"{x} {'are' if _plural(x) else 'is'} {mostly}handled{part} by {y}"
    m = _NOT_ENOUGH.match(clause)
    if m and (x := _np(m.group("x"))):  # 宣传力度还不够: 'the publicity effort is still insufficient'
        return f"{_the(x)} {'are' if _plural(x) else 'is'} {'still ' if m.group('still') else ''}insufficient"
    m = _UNDERWENT.match(clause)
    if m and (x := _np(m.group("x"))):
        change = words(m.group("what"))
        if change:
            what = _noun(change[0])
            return f"{x} underwent {'major ' if m.group('big') else ''}{what}"
    m = _WITH.match(clause)
    if m:
        rest = m.group("rest")
        for k in range(1, len(rest)):
            other, problem = _np(rest[:k]), _problem(rest[k:])
            if other and problem:
                subject, _, tail = problem.partition(" is ") if " is " in problem else problem.partition(" are ")
                verb = " is " if " is " in problem else " are "
                return f"{subject} with {_the(other)}{verb}{tail}" if tail else None
    return None


def _problem(clause: str) -> str | None:
    """Subject, modal words and a predicate of verbs or qualities: 'X有待进一步完善' -> 'X needs to be
    further improved', 'X不够丰富' -> 'X is not rich enough', 'X较为单一' -> 'X is rather uniform';
    受X限制 -> 'the work is limited by X'."""
    special = _special_problem(clause)
    if special:
        return special
    limited = _LIMITED.match(clause)
    if limited:
        ws = words(limited.group("by"))
        by = noun_phrase(ws) if ws else None
        return f"the work is limited by {by}" if by else None
    for k in range(1, len(clause)):
        pred = words(clause[k:])
        if pred and all(w.kind in ("manner", "conj") for w in pred) and pred[0].kind == "manner":
            pred = [Word(w.zh, _adjective(w.en), "quality") if w.kind == "manner" else w for w in pred]
        if not pred or any(w.kind not in ("verb", "quality", "conj") for w in pred) or pred[0].kind == "conj":
            continue
        modal = _MODAL.search(clause[:k])
        assert modal is not None
        subject_ws = words(clause[: modal.start()])
        subject = noun_phrase(subject_ws) if subject_ws else None
        if not subject:
            continue
        return _predicate(subject, modal.group("m") or "", bool(modal.group("f")), pred)
    return None


def _adjective(adverb: str) -> str:
    """'promptly' -> 'prompt', 'comprehensively' -> 'comprehensive' (an adverb used as a predicate)."""
    if adverb == "fully":
        return "sufficient"
    return adverb[:-2] if adverb.endswith("ly") and len(adverb) > 5 else adverb


def _predicate(subject: str, modal: str, further: bool, pred: list[Word]) -> str | None:
    plural = _plural(subject)
    subject = _the(subject)
    be, has, needs = ("are", "have", "need") if plural else ("is", "has", "needs")
    more = " further" if further else ""
    verbs = [w for w in pred if w.kind == "verb"]
    if verbs and len(verbs) != len([w for w in pred if w.kind != "conj"]):
        return None
    if verbs:
        done = _join([past(w.en) for w in verbs])
        if modal in _NEEDS:
            return f"{subject} {needs} to be{more} {done}"
        if modal in ("不够", "不太"):
            return f"{subject} {be} not sufficiently {done}"
        if modal in ("不", "未", "未能"):
            return f"{subject} {be} not {done}"
        if modal == "有所":
            return f"{subject} {has} {done} somewhat"
        if modal in ("仍有", "存在"):
            return f"{subject} {be} still {done}"
        return None
    quality = _join([w.en for w in pred if w.kind != "conj"])
    if modal in _NEEDS:
        return f"{subject} {needs} to be{more} {'more ' + quality if ' ' not in quality else quality}"
    if modal in ("不够", "不太"):
        return f"{subject} {be} not {quality} enough"
    if modal in ("不", "未", "未能"):
        return f"{subject} {be} not {quality}"
    if modal in _RATHER_WORDS:
        return f"{subject} {be} rather {quality}"
    if modal == "有所":
        return f"{subject} {has} become somewhat {quality}"
    if modal in ("仍有", "存在"):
        return f"{subject} {be} still {quality}"
    return f"{subject} {be} {quality}" if not modal else None


def clean(text: str) -> str:
    """A clause without its numbering, lead-in and final punctuation."""
    text = ITEM_MARK.sub("", text, count=1) if ITEM_MARK.match(text.strip()) else text
    text = re.sub(r"(?:等)?(?:的)?问题$", "", text.strip())
    text = re.sub(
        r"^\s*(?:\d{4}\s*年(?:度)?[,，]?|今年|导致|造成|由于|虽然|但|我[局区县市委们]|全[区县市局]|各单位|[区县市](?:政府|管委会|科委)(?!办公室)(?:办)?|主要|\s+)+",
        "",
        text.strip(),
    )
    return text.strip(" ，,。；;：:")


def _gloss(text: str) -> tuple[tuple[str, str], ...]:
    from assistant.summarize.narrative import glosses

    return tuple(glosses(text))


_INCLUDE = re.compile(r"^(?P<pre>.*?)(?:将|把)(?P<x>.+?)纳入(?P<y>.+)$")
_TREAT = re.compile(r"^(?P<pre>.*?)对(?P<x>.+?)进行了?(?P<v>.+)$")


def _manners(text: str) -> list[str] | None:
    """Adverbs (and 坚持, 组织: light verbs) before a pattern's object, in English; None when something else
    stands there."""
    ws = words(re.sub(r"^(?:坚持|组织)", "", text)) if text else []
    if ws is None or any(w.kind != "manner" for w in ws):
        return None
    return [w.en for w in ws]


_NONE_OF = re.compile(r"^无(?P<x>.+?)(?:的)?情况$")
_RELATED = re.compile(r"^与(?P<x>.+?)(?P<close>密切)?相关的(?P<y>.+)$")
EFFORT = re.compile(r"^在(?P<x>.+?)上(?:下|狠下)(?:功夫|力气)$")
"""在严格把关上下功夫: 'working hard at strict checking'."""


def _pattern_item(clause: str, form: Callable[[str], str] = gerund) -> str | None:
    """将X纳入Y -> 'including X in Y'; 对X进行Y -> 'Y-ing X'; 无X情况 -> 'there was no case of X' (the
    verbs in ``form``)."""
    related = _RELATED.match(clause)
    if related and (x := _np(related.group("x"))) and (y := _np(related.group("y"))):
        return f"{y} {'closely ' if related.group('close') else ''}related to {_the(x)}"
    effort = EFFORT.match(clause)
    if effort and (ws := words(effort.group("x"))) and (x := verb_phrase(ws)):
        return f"{form('work')} hard at {x}"
    none = _NONE_OF.match(clause)
    if none and (x := _np(none.group("x"))):
        return f"there was no case of {x}" if form is gerund else None
    special = _special_problem(clause) if form is gerund else None
    if special:
        return special
    m = _INCLUDE.match(clause)
    if m:
        pre, x, y = _manners(m.group("pre")), words(m.group("x")), words(m.group("y"))
        xs, ys = (noun_phrase(x) if x else None), (noun_phrase(y) if y else None)
        if pre is not None and xs and ys:
            return " ".join([*pre, f"{form('include')} {_the(xs)} in {_the(ys)}"])
    m = _TREAT.match(clause)
    if m:
        pre, x, v = _manners(m.group("pre")), words(m.group("x")), words(m.group("v"))
        xs = noun_phrase(x) if x else None
        verbs = [w.en for w in v or [] if w.kind == "verb"]
        if xs and v and verbs and v[-1].kind == "verb" and all(w.kind in ("manner", "conj", "verb") for w in v):
            manner = [w.en for w in v if w.kind == "manner"]
            if pre is not None:
                return " ".join([*pre, *manner, _join([form(x) for x in verbs]), _the(xs)])
            who = _doer(m.group("pre")) if form is gerund else None  # 各乡镇对政府信息进行了梳理: who did it
            if who:
                return " ".join([_the(who), *manner, _join([past(x) for x in verbs]), _the(xs)])
    if form is gerund:
        return (
            _designated(clause)
            or _none(clause)
            or _required(clause)
            or _subject_action(clause)
            or _led_by(clause)
            or _for_whom(clause, form)
        )
    return _for_whom(clause, form)


_FOR_WHOM = re.compile(r"^(?P<pre>.+?)面向(?P<x>[^的]+)的(?P<y>.+)$")
_LED_BY = re.compile(r"^(?P<v>成立了?|设立了?)以(?P<x>.+?)为组长$")


def _for_whom(clause: str, form: Callable[[str], str]) -> str | None:
    """开展面向X的Y -> 'carrying out Y for X'."""
    m = _FOR_WHOM.match(clause)
    if not m:
        return None
    ws, whom = words(m.group("pre") + m.group("y")), _np(m.group("x"))
    action = verb_phrase(ws, form) if ws and whom else None
    return f"{action} for {_definite(whom)}" if action else None  # type: ignore[arg-type]


def _led_by(clause: str) -> str | None:
    """成立了以X为组长 (the clause the group's name follows): 'setting up a leading group headed by X'."""
    m = _LED_BY.match(clause)
    who = _np(m.group("x")) if m else None
    return f"setting up a leading group headed by {_definite(who)}" if who else None


_DESIGNATE = re.compile(r"^(?P<s>.*?)指定(?P<x>.+?)为(?P<y>.+)$")
_NO = re.compile(r"^(?:没有|无)(?P<x>.+)$")
_WHO = re.compile(r"^(?P<v>从事|负责)(?P<x>.+?)的(?P<y>.+)$")
_AT = re.compile(r"^(?P<s>[^在]+?)在(?P<at>[^，,在]+?)上(?P<rest>.+)$")


def _designated(clause: str) -> str | None:
    """X指定Y为Z -> 'Y were designated as Z' (who designated them is often the subsection's name, 公众查阅点)."""
    m = _DESIGNATE.match(clause)
    if not m or (m.group("s") and _manners(m.group("s")) is None and _np(m.group("s")) is None):
        return None
    x, y = _np(m.group("x")), _np(m.group("y"))
    return f"{_definite(x)} {'were' if _plural(x) else 'was'} designated as {_the(y)}" if x and y else None


def _none(clause: str) -> str | None:
    """没有X -> 'there were no X'; 没有从事X的Y -> 'there were no Y working on X'."""
    m = _NO.match(clause)
    if not m:
        return None
    who = _WHO.match(m.group("x"))
    if who:
        x, y = _np(who.group("x").removesuffix("工作")), _np(who.group("y"))
        what = f"{y} {vocabulary.LINKING_WORDS[who.group('v')]} {x}" if x and y else None
    else:
        what = _np(m.group("x"))
    return f"there {'were' if _plural(what) else 'was'} no {what}" if what else None


# The head nouns of those who act in the reports' sentences: offices, units and the channels that publish.
_DOERS = frozenset(
    {
        "office",
        "offices",
        "departments",
        "units",
        "townships",
        "towns",
        "bureau",
        "bureaus",
        "committee",
        "government",
        "governments",
        "centre",
        "website",
        "websites",
        "portal",
        "agencies",
        "divisions",
        "group",
    }
)


def _as_action(ws: list[Word] | None) -> list[Word] | None:
    """主动公开 before its object is the verb 'proactively disclose', not the noun 'proactive disclosure'."""
    if ws and len(ws) > 1 and ws[0].zh == "主动公开" and ws[1].kind == "noun":
        return [Word("主动", "proactively", "manner"), Word("公开", "disclose", "verb"), *ws[1:]]
    return ws


_MEANS = re.compile(r"^(?P<how>通过|依托|利用)(?P<rest>.+)$")


def _by_means(clause: str, form: Callable[[str], str]) -> str | None:
    """通过X主动公开Y -> 'proactively disclosing Y through X' (the means after the action)."""
    m = _MEANS.match(clause)
    rest = m.group("rest") if m else ""
    for k in range(2, len(rest) - 1):
        means = _np(rest[:k])
        action = _as_action(words(rest[k:])) if means else None
        phrase = verb_phrase(action, form) if action and action[0].kind in ("verb", "manner") else None
        if means and phrase:
            return f"{phrase} {vocabulary.LINKING_WORDS[m.group('how')]} {_definite(means)}"  # type: ignore[union-attr]
    return None


def _doer(text: str) -> str | None:
    """Who acts, in English, when the text names offices, units or channels only (各乡镇、县直各单位); a list
    advances nothing (清单闭环推进)."""
    ws = words(text)
    if not ws or any(w.kind not in ("noun", "conj") for w in ws):
        return None
    head = re.split(r" (?:that|who|of|for|responsible|directly|handling|in)\b", ws[-1].en)[0]
    return noun_phrase(ws) if head.split()[-1] in _DOERS else None  # the units that disclose …


_REQUIRE = re.compile(r"^(?P<v>要求|督促|指导)(?P<rest>.+)$")


def _required(clause: str) -> str | None:
    """要求X做好Y -> 'requiring X to carry out Y'; 督促X… -> 'urging X to …'."""
    m = _REQUIRE.match(clause)
    rest = m.group("rest") if m else ""
    for k in range(2, len(rest) - 1):
        who = _doer(rest[:k])
        predicate = words(rest[k:].removeprefix("要")) if who else None  # 要求各单位要制定…
        action = verb_phrase(predicate, base) if predicate and predicate[0].kind in ("verb", "manner") else None
        if who and action:
            return f"{vocabulary.LINKING_WORDS[m.group('v')]} {_definite(who)} to {action}"  # type: ignore[union-attr]
    return None


def _subject_action(clause: str) -> str | None:
    """Who did it, then what they did: 信息公开工作办公室认真落实…制度 -> 'the information disclosure work
    office conscientiously implemented the … system'; 门户网站在X上开辟了Y -> 'the portal website opened Y on
    X'."""
    at = _AT.match(clause)
    where = None
    if at:
        where = _np(at.group("at"))
        if where is None:
            return None
        clause = at.group("s") + at.group("rest")
    for k in range(2, len(clause) - 1):
        subject = _doer(clause[:k])
        if not subject:
            continue
        predicate = _as_action(words(clause[k:]))
        if not predicate or predicate[0].kind not in ("verb", "manner"):
            continue
        action = verb_phrase(predicate, past)
        if action:
            place = (_the(where) if where.startswith("“") else _definite(where)) if where else ""
            return f"{_definite(subject)} {action}{f' on {place}' if place else ''}"
    return None


_AS = re.compile(r"^(?P<pre>.{0,4}?)以(?P<x>.+?)为(?P<y>.+)$")


def _taken_as(clause: str, form: Callable[[str], str]) -> str | None:
    """以X为Y -> 'using X as Y' (继续以“四局三中心”为试点单位: 'continually using … as pilot units')."""
    m = _AS.match(clause)
    pre = _manners(m.group("pre")) if m else None
    x, y = (_np(m.group("x")), _np(m.group("y"))) if m and pre is not None else (None, None)
    return " ".join([*pre, f"{form('use')} {_the(x)} as {y}"]) if pre is not None and x and y else None


# An explanation in brackets after a name: （即区环境与国土资源局、…）, (PPP).
_ASIDE = re.compile(r"[（(][^（）()]*[）)]")


def render_item(text: str, form: Callable[[str], str] = gerund) -> Rendered:
    """A work item or measure by its lead clause: 优化主动公开目录 -> 'Optimising the disclosure catalogue';
    with ``form`` :func:`base` or :func:`past`, only a clause that starts with a verb is rendered ('optimise
    the disclosure catalogue'), so that it reads after 'it will' or 'it'."""
    printed = clean(_lead(text))
    clause = _ASIDE.sub("", printed)
    ws = words(clause)
    if form is not gerund and ws and not any(w.kind == "verb" for w in ws):
        ws = None
    required = _required(clause) if form is gerund else None  # 督促X做好Y: X is who does Y
    en = (
        required
        or (verb_phrase(ws, form) if ws else None)
        or _pattern_item(clause, form)
        or _by_means(clause, form)
        or _taken_as(clause, form)
    )
    if en is None and ws and form is gerund and ws[-1].en in _NOMINAL and len(ws) > 1:
        en = noun_phrase(ws)  # 行政权力清单公开: 'disclosure of the list of administrative powers'
    glued = _GLUED_ITEM.match(clause) if en is None and form is gerund else None
    if glued and (heading := words(glued.group(1))) and (en := verb_phrase(heading)):
        printed = glued.group(1)  # 3.开设政务公开栏在…设立…: the item's own heading, glued to its body
    return Rendered(printed, _capital(en) if en else None, () if en else _gloss(printed))


_GLUED_ITEM = re.compile(r"^([^在，,]{4,12}?)在")


def render_problem(text: str) -> Rendered:
    """A problem by its clauses: 政策解读形式不够丰富 -> 'Policy interpretation's forms are not rich enough'."""
    clause = clean(_lead(text))
    whole = _problem(clause)
    if whole:
        return Rendered(clause, _capital(whole))
    parts = [c for c in re.split(r"[，,、]", clause) if c.strip()]
    out = [_problem(p.strip()) for p in parts]
    if len(out) > 1 and all(out):
        return Rendered(clause, _capital("; ".join(out)))  # type: ignore[arg-type]
    return Rendered(clause, None, _gloss(clause))


def render_heading(text: str) -> Rendered:
    """A subsection heading: （一）主动公开方面 -> 'Proactive disclosure'; two clauses -> 'A; b'."""
    clause = clean(text)
    whole = words(clause)
    if whole and len(whole) > 1 and whole[0].en in _NOMINAL and all(w.kind == "noun" for w in whole[1:]):
        whole = [Word(whole[0].zh, _NOMINAL[whole[0].en], "noun"), *whole[1:]]  # 公开形式: 'forms of disclosure'
    if whole and len(whole) > 1 and whole[-1].en in _NOMINAL and all(w.kind == "noun" for w in whole[:-1]):
        whole = [*whole[:-1], Word(whole[-1].zh, _NOMINAL[whole[-1].en], "noun")]  # 工作机制保障: a noun heading
    if whole and (en := verb_phrase(whole)):
        return Rendered(clause, _capital(en))
    parts = [re.sub(r"(?:方面|情况|工作情况)$", "", c.strip()) for c in re.split(r"[，,]", clause) if c.strip()]
    out = []
    for part in parts:
        ws = words(part)
        out.append(verb_phrase(ws) if ws else None)
    if out and all(out):
        return Rendered(clause, _capital("; ".join(out)))  # type: ignore[arg-type]
    return Rendered(clause, None, _gloss(clause))


def _lead(text: str) -> str:
    """The first clause of an item, after its numbering."""
    text = clean(text)
    m = _CLAUSE.search(text)
    return m.group(0) if m else text


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def split_items(text: str) -> list[str]:
    """一是…二是… / （一）…（二）… / 1.…2.… -> the items, each without its number; [] when not a list."""
    marks = list(ITEM_MARK.finditer(text))
    if len(marks) < 2:
        return []
    return [
        text[a.end() : b.start() if b else len(text)].strip() for a, b in zip(marks, [*marks[1:], None], strict=True)
    ]

"""What a question asks for: a figure (or a sum of figures) named in plain Chinese or English.

Built from the schema's labels, keys, English names and synonyms, plus the groups people ask about
(all refusals, all lawsuits …). This is the rule layer's vocabulary; nothing here is per-report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from assistant.domain import schema, vocabulary
from assistant.domain.patterns import CJK_CHAR, CJK_WORD, NUMBERING
from assistant.domain.vocabulary import FIGURE_WORDS, REQUEST_WORDS

ORGANISATIONS = ("business", "research", "nonprofit", "legal_services", "other_org")


@dataclass(frozen=True)
class Measure:
    key: str  # "requests.carried_forward", or a group such as "requests.denied"
    table: str
    rows: tuple[str, ...]  # row ids whose cells are added up
    english: str
    chinese: str
    phrases: tuple[str, ...]  # lower-case phrases that name it in a question


@dataclass(frozen=True)
class ColumnChoice:
    ids: tuple[str, ...]  # columns added up ("organisations" = the five non-individual columns)
    english: str
    chinese: str
    explicit: bool  # named in the question, not a default


# The lawsuits of table 4 together (both rows), as one measure.
_LITIGATION = ("appeals.litigation", "administrative lawsuits (direct and after reconsideration)", "行政诉讼")


def _phrases(*groups) -> tuple[str, ...]:
    out: list[str] = []
    for g in groups:
        for p in g:
            p = p.lower().strip()
            if p and p not in out:
                out.append(p)
    return tuple(out)


# Rows of the old table that a standard measure names (their questions are the standard ones').
_COUNTED_AS_STANDARD = frozenset(schema.LEGACY_COUNTERPARTS.values())


@cache
def measures() -> tuple[Measure, ...]:
    """Every measure a question can name, most specific first."""
    seen: dict[str, Measure] = {}
    for layout in (*schema.LAYOUTS.values(), schema.LEGACY):
        for table in layout.tables:
            for row in table.rows:
                key = f"{table.id}.{row.id}"
                if key in seen or (table is schema.LEGACY_TABLE and row.id in _COUNTED_AS_STANDARD):
                    continue
                zh_keys = [k for k in row.keys if CJK_WORD.fullmatch(k)]
                label = NUMBERING.sub("", row.label)
                if key == "requests.total_handled":  # "（七）总计" said alone: the total of the handling results
                    label = "办理结果总计"
                seen[key] = Measure(
                    key,
                    table.id,
                    (row.id,),
                    row.english,
                    label,
                    _phrases(zh_keys, [row.english], row.synonyms, FIGURE_WORDS.get(key, ())),
                )
    requests = schema.LAYOUTS["2021"].table("requests"), schema.LAYOUTS["2019"].table("requests")
    for group in schema.OUTCOME_GROUPS:
        key = f"requests.{group.id}"
        words = FIGURE_WORDS.get(key)
        if words:
            rows = tuple(dict.fromkeys(r.id for t in requests for r in group.rows(t)))
            seen[key] = Measure(
                key,
                "requests",
                rows,
                f"requests {group.english}",
                group.label,
                # a layout whose table has the group as one row names it as that row does too
                _phrases((group.label, group.english), seen[key].phrases if key in seen else (), words),
            )
    for joined, (groups, english, chinese) in vocabulary.JOINED_OUTCOMES.items():
        rows = tuple(r for g in groups for r in seen[f"requests.{g}"].rows)
        seen[f"requests.{joined}"] = Measure(
            f"requests.{joined}", "requests", rows, english, chinese, _phrases(FIGURE_WORDS[f"requests.{joined}"])
        )
    key, english, chinese = _LITIGATION
    seen[key] = Measure(
        key,
        "appeals",
        ("litigation_direct", "litigation_after_review"),
        english,
        chinese,
        _phrases(FIGURE_WORDS[key]),
    )
    return tuple(seen.values())


# Phrases that name something else than a table figure: a question holding one is not about that measure.
_PROACTIVELY = ("proactive", "proactively", "主动公开")
_PROCESSING_FEE = vocabulary.BY_ZH["信息处理费"]
EXCLUDED = {  # the fees a request is charged (信息处理费) are not the agency's administrative fees
    "proactive.fees": (*schema.SECTION_BY_ID["other_matters"].keywords, _PROCESSING_FEE.zh, *_PROCESSING_FEE.synonyms),
    "requests.granted": _PROACTIVELY,  # "proactively disclosed" is not a request granted
    "requests.partially_granted": _PROACTIVELY,
}
# Words that only say "requests": they name new requests received when nothing more specific is named.
GENERIC = frozenset(REQUEST_WORDS)


def _weight(phrase: str) -> int:
    if phrase in GENERIC:
        return 1
    return len(phrase) * (2 if CJK_CHAR.search(phrase) else 1)


_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")  # "state-secret" is "state secret", "e-mail" is "e mail"


def _stem(word: str) -> str:
    """An English word without a plural ending, so "appeals" names "appeal" and "inquiries" "inquiry"
    (verbs keep their forms: "processed" is not "processing")."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


# a negated "do" or "have" in any tense or contraction is one form ("didn't hold" is "do not hold")
_NEGATED_DO = re.compile(r"\b(?:do|does|did)(?:\s+not|n't)\b")
_NEGATED_HAVE = re.compile(r"\b(?:has|have|had)(?:\s+not|n't)\b")


@lru_cache(maxsize=65536)
def _normal(text: str) -> str:
    """The form questions and phrases are compared in: lower case, hyphens as spaces, English plurals singular."""
    text = re.sub(r"\s+", " ", _HYPHEN.sub(" ", text.lower().replace("’", "'")))
    text = _NEGATED_DO.sub("do not", _NEGATED_HAVE.sub("have not", text))
    return re.sub(r"[a-z]+", lambda m: _stem(m.group(0)), text)


def _found(phrase: str, q: str) -> bool:
    """The phrase occurs in ``q`` (a text in its :func:`_normal` form), an English one as whole words."""
    if CJK_CHAR.search(phrase):
        return phrase in q
    return _held(phrase) in q and _whole_word(phrase).search(q) is not None


GAPPED_MIN = 5  # a Chinese phrase this long is found with other words inside it ("复议之后又去法院起诉")
GAP = 5  # ... as many characters in all, within one clause
GAPPED_COST = 2  # what a phrase found with words inside it weighs less than found whole


@cache
def _gapped(phrase: str) -> re.Pattern[str]:
    return re.compile(f"[^，,。；;？?！!、]{{0,{GAP}}}?".join(map(re.escape, phrase)))


def held(phrase: str) -> str:
    """What a text holds wherever :func:`located` finds the phrase in it: a Chinese phrase's first character
    (whole or with words inside it), an English phrase's held letters (a substring test rules most phrases out
    before any search)."""
    return phrase[0] if CJK_CHAR.search(phrase) else _held(phrase)


def located(phrase: str, q: str) -> tuple[tuple[int, int], bool] | None:
    """Where the phrase occurs in ``q`` and whether other words stand inside it: an English phrase as
    whole words, a long Chinese one also with a few characters between its own."""
    if not _found(phrase, q):
        if CJK_CHAR.search(phrase) and len(phrase) >= GAPPED_MIN and set(phrase) <= set(q):  # (compiled only then)
            m = _gapped(phrase).search(q)
            if m and m.end() - m.start() <= len(phrase) + GAP:
                return m.span(), True
        return None
    if CJK_CHAR.search(phrase):
        i = q.find(phrase)
        return (i, i + len(phrase)), False
    return _whole_word(phrase).search(q).span(), False


INFLECTED_MIN = 4  # an English word this long is also found in its other tenses ("clarify": "clarified")


def _tenses(word: str, ing: bool) -> str:
    """The pattern of a word (singular already) also in its past form ("clarify", "clarified") and, with
    ``ing``, its -ing form ("refuse", "refusing"); a past form stays itself ("refuse to disclose" is no
    "disclosed")."""
    if len(word) < INFLECTED_MIN or not word.isalpha() or word.endswith("ed"):
        return re.escape(word)
    if word.endswith("y") and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + ("(?:y|ied|ie|ying)" if ing else "(?:y|ied|ie)")
    if word.endswith("e") and not word.endswith("ee"):
        return re.escape(word[:-1]) + ("(?:e|ed|ing)" if ing else "(?:e|ed)")
    return re.escape(word) + ("(?:ed|ing)?" if ing else "(?:ed)?")


@cache
def _held(phrase: str) -> str:
    """What every occurrence of the English phrase, in any tense, holds: its longest word's first letters (a
    question without them is not searched with the phrase's pattern, which is compiled only for one with)."""
    words = re.findall(r"[a-z]+", _normal(phrase))
    return max((w[: len(w) - 3] if len(w) >= INFLECTED_MIN else w for w in words), key=len, default="")


@cache
def _whole_word(phrase: str) -> re.Pattern[str]:
    """The English phrase as whole words in any tense (an adverb of two words on either side of its verb),
    compiled once (the vocabulary has more phrases than ``re`` caches)."""
    ing = phrase not in _column_phrases()  # a column is a noun: "researching" is no research institution

    def body(text: str) -> str:
        pieces = re.split(r"([a-z]+)", text)
        return "".join(_tenses(w, ing) if i % 2 else re.escape(w) for i, w in enumerate(pieces))

    words = _normal(phrase).split()
    forms = [body(_normal(phrase))]
    if len(words) == 2 and any(w.endswith("ly") for w in words):  # "published proactively", "proactively publish"
        forms.append(body(f"{words[1]} {words[0]}"))
    if len(words) >= 2 and words[-1] in _REQUEST_NOUNS:  # "new disclosure requests" are "new requests"
        forms.append(body(" ".join(words[:-1])) + _REQUEST_QUALIFIERS + body(words[-1]))
    return re.compile(rf"(?<![a-z])(?:{'|'.join(forms)})(?![a-z])")


_REQUEST_NOUNS = frozenset({"request", "application"})
# what may qualify a request between a phrase's words and its noun: "new (government information disclosure) requests"
_REQUEST_QUALIFIERS = r"\s+(?:(?:government|information|info|disclosure|foi|ogi|open|public)\s+){1,4}"


def asks_for_figure(question: str, measure: Measure | None, yes_no: bool) -> bool:
    """A question wants a figure when it asks for a quantity, names a specific measure and nothing else a
    question asks with, or asks yes/no (``yes_no``, as the question was read) about a specific measure."""
    if measure is None:
        return False
    if vocabulary.asks("quantity").search(question):
        return True
    q = _normal(question)
    specific = any(_found(p, q) for p in measure.phrases if p not in GENERIC)
    # "this year" is how a question names its report's year, not a column it asks about
    named_column = any(any(_found(w, q) for w in words) for ids, words, _, _ in column_words() if ids != ("this_year",))
    some = bool(vocabulary.asks("some").search(question))  # "did they get any requests?"
    if specific and not yes_no and not vocabulary.asks("asking").search(question):
        return True  # a bare name of a figure: "STCSM FY2024: admin licensing decisions?"
    return (specific or named_column or some) and yes_no


@cache
def _column_phrases() -> frozenset[str]:
    return frozenset(w for _, words, _, _ in column_words() for w in words)


@cache
def column_words() -> tuple[tuple[tuple[str, ...], tuple[str, ...], str, str], ...]:
    """(column ids, the words that name them, English, Chinese): each column the vocabulary has words for,
    and the five organisation columns together (after the individuals)."""
    layouts = (*schema.LAYOUTS.values(), schema.LEGACY)
    columns = {c.id: c for lay in layouts for t in lay.tables for r in t.rows for c in r.columns}
    out: list[tuple[tuple[str, ...], tuple[str, ...], str, str]] = []
    for col in columns.values():
        words = FIGURE_WORDS.get(f"column.{col.id}", () if col in schema.LEGACY_COLUMNS else None)
        if words is not None:
            out.append(((col.id,), _phrases(col.synonyms, words), col.english, col.label))
        if col.id == "individual":
            out.append((ORGANISATIONS, FIGURE_WORDS["column.organisations"], "organisations", "法人或其他组织"))
    return tuple(out)


EXCLUDING = vocabulary.asks("excluding")  # a column named to be left out: 不算自然人, "excluding individuals"


EXCLUDING_REACH = 16  # characters between the word that leaves a column out and the column's name


def _excluded(text: str, word: str) -> bool:
    """The column's name follows, in the same clause, a word that leaves it out (不算自然人)."""
    at = text.find(word)
    before = re.split(r"[，,。；;：:、]", text[max(0, at - EXCLUDING_REACH) : max(at, 0)])[-1]
    return bool(EXCLUDING.search(before))


@lru_cache(maxsize=4096)  # an aggregate asks it of every report, nearly always with the same columns
def match_column(question: str, measure: Measure, columns: tuple[str, ...]) -> ColumnChoice:
    """The column(s) the question names among those the measure's table has; else its natural default."""
    q = _normal(question)
    best: tuple[int, ColumnChoice] | None = None
    left_out: list[tuple[str, ...]] = []  # columns named only to be left out ("结果纠正（而不是维持）")
    for ids, words, en, zh in column_words():
        if not all(i in columns for i in ids):
            continue
        hits = [w for w in words if _found(w, q)]
        kept = [] if any(_excluded(q, w) for w in hits) else hits
        hit = max(map(len, kept), default=0)
        if hit and (best is None or hit > best[0]):
            best = (hit, ColumnChoice(ids, en, zh, True))
        elif hits and not kept:
            left_out.append(ids)
    if best:
        return best[1]
    if ("individual",) in left_out:  # 不算自然人, "not counting individuals": the organisations
        for ids, _, en, zh in column_words():
            if ids == ORGANISATIONS and all(i in columns for i in ids):
                return ColumnChoice(ids, en, zh, True)
    for default, en, zh in (
        ("total", "total", "总计"),
        ("this_year", "this year", "本年度"),
        ("decisions", "decisions", "本年处理决定数量"),
        ("issued", "issued this year", "本年制发件数"),
        ("new_made", "newly made", "本年新制作数量"),
        ("amount_10k_yuan", "amount (10,000 yuan)", "本年收费金额（万元）"),
        ("projects", "procurement projects", "采购项目数量"),
    ):
        if default in columns:
            return ColumnChoice((default,), en, zh, False)
    return ColumnChoice((), "", "", False)  # no natural default (the 2019 fee row): the question must name one

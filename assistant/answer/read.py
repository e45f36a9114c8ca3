"""A question read once into a typed :class:`Query`: its scope first, then what it measures.

The reading runs in this order, and everything after it works on the query:
1. the question's normal form (:mod:`assistant.answer.normalize`: full-width, Traditional, typos);
2. the scope: the agencies and places it names (Chinese, pinyin or English) and its years — their
   words are masked, so "Hongze District People's Government" never reads as the individuals column;
3. direction and negation are made explicit ("carried into 2026" is 结转下年度, "without
   reconsideration" is 未经复议直接起诉) from the vocabulary's direction table;
4. the measures it names, each a part of its own when it names several ("how many in total, and how
   many corrected?"), with the candidate readings scored, best first;
5. the operation (a value, a share of a base, a sum, yes/no, a ranking, a list …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from assistant.answer.measures import (
    EXCLUDED,
    GAPPED_COST,
    GENERIC,
    ColumnChoice,
    Measure,
    _found,
    _normal,
    _weight,
    column_words,
    held,
    located,
    match_column,
    measures,
)
from assistant.answer.normalize import Normalized, default_speller, normalize
from assistant.answer.scope import FIELD_WORDS_EN, ReportRef, Years, aliases, years_in
from assistant.domain import schema, vocabulary
from assistant.domain.names import ABBREVIATIONS, agency_key
from assistant.domain.patterns import CJK_CHAR, LONE_YEAR, PINYIN_WORD, ROMANISED_TITLE, TITLE
from assistant.domain.places import PLACE_KIND


@dataclass(frozen=True)
class Reading:
    """One way to read a part of a question: a measure and the weight of the words that name it."""

    key: str  # the measure's key
    score: int
    span: tuple[int, int]  # where its best phrase sits in the masked text
    generic: bool = False  # named only by a word that just says "requests"


@dataclass(frozen=True)
class Part:
    readings: tuple[Reading, ...]  # best first

    @property
    def key(self) -> str:
        return self.readings[0].key


@dataclass(frozen=True)
class Query:
    question: str
    normal: Normalized
    lang: str
    masked: str  # the normal form with the scope's words blanked and directions made explicit
    years: Years
    agencies: tuple[str, ...]  # agencies the question names, best match first
    named: tuple[ReportRef, ...]
    parts: tuple[Part, ...]  # one per measure named (empty: the question names no known measure)
    yes_no: bool
    none_asked: bool  # a yes/no question asking whether there was none: "yes" is a 0
    share: bool
    sum: bool
    corrections: tuple[tuple[str, str], ...] = field(default=())
    other_agency: str = ""  # a field of agency the question names that no agency it names has ("education")
    other_place: str = ""  # a place the question names an agency of that no report of the corpus is from
    asked: int = 0  # how many figures it asks for ("how many …, and how many …?" asks two)
    paired: tuple[tuple[str, int], ...] = ()  # agencies named each with its own year ("Hongze 2024 vs Pingtan 2025")
    # it quotes the name of a programme or document, not a law's (《问政平潭》, 'Pingtan Dajiatan')
    titled: bool = False
    amount: bool = False  # it asks for an amount of money ("how much did it charge in fees", 花了多少钱)
    # the sum it asks for is of its parts ("A, B, and the total?"), not inside one of several questions
    # ("新发了几件、废掉了几件、还管用的一共几件": the last is a figure of its own)
    sum_of_parts: bool = False
    all_claim: bool = False  # a yes/no claim that every case had the outcome it names ("全部都维持了吗")
    edition: str = ""  # the layout of the standard tables it restricts the reports to ("the 2021 standard tables")

    def of_edition(self, refs: Sequence[ReportRef]) -> Sequence[ReportRef]:
        """The reports of the edition of the tables it names (all of them if it names none)."""
        if not self.edition:
            return refs  # (the snapshot's own tuple: its aggregates are memoised)
        return [r for r in refs if r.layout and r.layout.split("-")[0] == self.edition]

    @property
    def text(self) -> str:
        """What downstream rules read: the question without its scope words, directions explicit."""
        return self.masked


_SEPARATOR = r"[\s'’\-]"  # what may stand between the letters of a name in a question ("Lu'an", "Hong Ze")
_SEPARATORS = re.compile(_SEPARATOR)


def _squeezed(text: str) -> str:
    return _SEPARATORS.sub("", text)


_REPORT_PHRASES = re.compile("|".join(r"\b" + p.replace(" ", r"[\s-]+") for p in vocabulary.REPORT_PHRASES_EN))


# a programme's or document's name, in 《》 or romanised in quotes: its words are never a place
_TITLES = re.compile(f"{TITLE.pattern}|{ROMANISED_TITLE.pattern}")
# … the name of a law or a rule (《条例》, 第二十条 of it): what the tables follow, not a programme to count in
_COMPARED = re.compile(dict(vocabulary.OPERATIONS)["compare"], re.I)
_LAW = re.compile(r"(?:条例|法|办法|规定|细则|通知|意见|决定|格式)》$")


class _AliasIndex:
    """The names a question may use for each of the reports, by their first two letters (separators left
    out): a question is matched against the names that start with two letters it has together, not against
    every report's (at 5,000 reports, most names start with one of a question's letters)."""

    def __init__(self, refs: Sequence[ReportRef]):
        self.refs = refs
        self.of_ref = [aliases(ref) for ref in refs]
        self.users: dict[str, list[int]] = {}
        self.by_start: dict[str, list[tuple[str, str]]] = {}  # first two letters -> (alias, its letters)
        for i, names in enumerate(self.of_ref):
            for alias, _ in names:
                if alias not in self.users:
                    letters = _squeezed(alias.lower())
                    self.by_start.setdefault(letters[:2], []).append((alias, letters))
                self.users.setdefault(alias, []).append(i)
        self.of_agency: dict[str, list[int]] = {}  # agency -> its refs
        for i, ref in enumerate(refs):
            self.of_agency.setdefault(ref.agency, []).append(i)
        self._patterns: dict[str, re.Pattern[str]] = {}

    def _pattern(self, alias: str) -> re.Pattern[str]:
        if alias not in self._patterns:
            letters = (re.escape(ch) for ch in alias.lower() if not ch.isspace())
            self._patterns[alias] = re.compile(f"{_SEPARATOR}*".join(letters))
        return self._patterns[alias]

    def matches(self, folded: str) -> dict[str, tuple[int, int]]:
        """Each name the (lower-cased) question uses, with where it first does; a romanised name only as
        a whole word."""
        out: dict[str, tuple[int, int]] = {}
        folded = _REPORT_PHRASES.sub(lambda m: "#" * len(m.group(0)), folded)  # "government information"
        squeezed = _squeezed(folded)  # a name the question uses is there without its separators
        starts = {squeezed[i : i + 2] for i in range(len(squeezed))} | set(squeezed)  # (a name of one letter)
        for alias, letters in (a for start in starts for a in self.by_start.get(start, ())):
            if letters not in squeezed:
                continue
            for m in self._pattern(alias).finditer(folded):
                if re.match(r"[a-z]", alias) and (
                    (m.start() and folded[m.start() - 1].isalpha())
                    or (m.end() < len(folded) and folded[m.end()].isalpha())
                ):
                    continue
                out[alias] = m.span()
                break
        return out


_INDEXES: dict[int, _AliasIndex] = {}


def _alias_index(refs: Sequence[ReportRef]) -> _AliasIndex:
    """The index of these refs: kept while the same refs (the snapshot's canonical copies) are asked about."""
    held = _INDEXES.get(id(refs))
    if held is None or held.refs is not refs:
        held = _AliasIndex(refs)
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        _INDEXES[id(refs)] = held
    return held


def _mask_scope(text: str, refs: Sequence[ReportRef]) -> tuple[str, list[ReportRef], dict[str, tuple[int, int]]]:
    """Blank the words that name an agency or a place; return the reports named, best first.

    Every agency the question names counts (a comparison names two); an agency whose matched words all
    lie inside the words of a better-matched one is not named ("平潭实验区" names the zone, not the
    county of 平潭), while agencies matched equally by the same words all stay (the question is ambiguous).
    """
    folded = text.lower()
    for m in _TITLES.finditer(text):  # 《问政平潭》, 'Pingtan Dajiatan': a programme's name, not a place
        folded = folded[: m.start()] + "#" * len(m.group(0)) + folded[m.end() :]
    spans: list[tuple[int, int]] = []
    found: dict[str, tuple[int, set[tuple[int, int]]]] = {}
    index = _alias_index(refs)
    matched = index.matches(folded)
    for i in sorted({i for alias in matched for i in index.users[alias]}):
        ref, score, mine = refs[i], 0, set()
        for alias, weight in index.of_ref[i]:
            if alias in matched:
                mine.add(matched[alias])
                score += weight
        if score:
            found[ref.agency] = (score, found.get(ref.agency, (0, set()))[1] | mine)
            spans += mine
    fields = {matched[a] for a in matched if a in FIELD_WORDS_EN}
    blank = [False] * len(text)
    for a, b in sorted(spans, key=lambda s: s in fields):  # a field's words last: beside the agency's other
        if (a, b) in fields and not _beside(blank, text, a, b):  # names or its kind only
            continue
        blank[a:b] = [True] * (b - a)
    text = "".join(" " if hidden else ch for ch, hidden in zip(text, blank, strict=True))
    kept: list[tuple[str, int, set[tuple[int, int]]]] = []
    for agency, (score, mine) in sorted(found.items(), key=lambda x: (-x[1][0], x[0])):
        better = [k for k in kept if k[1] > score]
        covered = all(any(o[0] <= a and b <= o[1] for k in better for o in k[2]) for a, b in mine)
        if not (better and covered):
            kept.append((agency, score, mine))
    order = {agency: i for i, (agency, _, _) in enumerate(kept)}
    named = [refs[i] for i in sorted(i for agency in order for i in index.of_agency[agency])]
    where = {agency: (min(a for a, _ in mine), max(b for _, b in mine)) for agency, _, mine in kept}
    return text, sorted(named, key=lambda r: (order[r.agency], r.year or 0)), where


def _beside(blank: list[bool], text: str, a: int, b: int) -> bool:
    """Words at a..b stand next to blanked names (a space or "'s" between) or before an agency's kind word."""
    before = len(text[:a].rstrip()) - 1
    after = b + re.match(r"(?:'s)?\s*", text[b:]).end()
    return (before >= 0 and blank[before]) or (after < len(text) and blank[after]) or _KIND.match(text, b) is not None


_NEXT_WORD = re.compile(r"(?:'s)?[\s(]*([A-Za-z][A-Za-z']*)")


def _widened(masked: str, text: str) -> str:
    """The scope's blanks carried over the words that go on naming its agency: English agency words
    ("Local Taxation Bureau") and capitalised pinyin ("Qu Renmin Zhengfu", "Renli Ziyuan he Shehui")."""
    out = list(masked)

    def blanked(i: int) -> bool:
        return i < len(text) and out[i] == " " and text[i] != " "

    ends = [i + 1 for i in range(len(text)) if blanked(i) and not blanked(i + 1)]
    for end in ends:  # after each blanked stretch, the words that continue the name
        while m := _NEXT_WORD.match(text, end):
            word = m.group(1)
            named = word.lower() in vocabulary.AGENCY_NAME_WORDS_EN or (
                word[0].isupper() and PINYIN_WORD.fullmatch(word) is not None
            )
            joined = word == "he" and (after := _NEXT_WORD.match(text, m.end())) and after.group(1)[0].isupper()
            if not (named or joined):
                break
            out[end : m.end()] = " " * (m.end() - end)
            end = m.end()
    return "".join(out)


# "before the standardised statistical tables (the 2019 template) came in": the years before 2019
_BEFORE_TABLES = re.compile(
    rf"(?:{vocabulary.ASKS['before_tables']})[^,.;?，。；？]*?"
    r"(?:\b(?:came\s+in|were\s+introduced|took\s+effect|started|began|arrived)\b|出台|实行|施行|$|(?=[,.;?，。；？]))",
    re.I,
)


def _directions(text: str) -> str:
    for pattern, term in vocabulary.DIRECTIONS:
        text = re.sub(pattern, f" {term} ", text, flags=re.I)
    return text


def _unasked(text: str) -> str:
    """The text without what the question says it does not ask ("not those pushed into 2025", 别跟收费金额搞混,
    "as opposed to the zone committee", "（不含直接起诉的）"), already knows ("行政许可是135件我知道了") or says a
    measure it names
    includes ("行政诉讼（含直接起诉与复议后起诉）"), unless that takes away
    every measure it names; a column named there alone ("rather than individuals") is left to be excluded."""
    kinds = ("contrast", "known", "including", "excluding_aside")
    found = (m.span() for kind in kinds for m in vocabulary.asks(kind).finditer(text))
    spans = [(a, b) for a, b in found if _readings(text[a:b]) or not _names_column(text[a:b])]
    if not spans:
        return text
    out = list(text)
    for a, b in spans:
        out[a:b] = " " * (b - a)
    kept = "".join(out)
    return kept if _readings(kept) or not _readings(text) else text


def _names_column(text: str) -> bool:
    """The text names an applicant or outcome column ("individuals", 自然人)."""
    q = _normal(text)
    return any(_found(w, q) for _, words, _, _ in column_words() for w in words)


def _readings(text: str) -> list[Reading]:
    """Every measure the text names, with the weight of its best phrase (a request-table row gains when
    the text also says "requests": "refused because they asked for enforcement case files")."""
    q = _normal(text)
    about_requests = any(_found(g, q) for g in GENERIC)
    out = []
    for m, needs in _phrases_held():
        # words naming another thing rule a measure out, unless its own label is named too ("行政事业性收费
        # 金额多少？信息处理费收了多少？" asks both)
        if any(_found(x, q) for x in EXCLUDED.get(m.key, ())) and not (m.chinese and m.chinese in q):
            continue
        best = None
        for p, need in needs:
            if need not in q:  # (most phrases: a substring test instead of a search)
                continue
            at = located(p, q)
            if at is None:
                continue
            span, gapped = at
            w = _weight(p) + (8 if about_requests and m.table == "requests" and p not in GENERIC else 0)
            w -= GAPPED_COST if gapped else 0
            if best is None or w > best[0]:
                best = (w, span, p in GENERIC)
        if best:
            out.append(Reading(m.key, best[0], best[1], best[2]))
    out.sort(key=lambda r: (-r.score, r.key))
    return out


@cache
def _phrases_held() -> tuple[tuple[Measure, tuple[tuple[str, str], ...]], ...]:
    """Each measure with its phrases, each with what a text holds wherever the phrase occurs in it."""
    return tuple((m, tuple((p, held(p)) for p in m.phrases)) for m in measures())


# The old table's rows inside the row a standard measure counts the same thing as (requests received: in
# person, by fax, by e-mail …)
_LEGACY_INSIDE = {
    key: frozenset(f"legacy.{p}" for p in schema.LEGACY_PARTS.get(row, ()))
    for key, row in schema.LEGACY_COUNTERPARTS.items()
}


def _parts(readings: list[Reading], text: str) -> list[Part]:
    """Non-overlapping readings become parts (in the order the question names them); the others are
    alternative readings of the part whose words they share. A group named beside one of its own
    rows is one part: the row, unless the group joins outcomes and is named by more words, or a sum names
    it beside two or more of its rows, or the question says what the group is, its rows joined by "or" (then
    the group)."""
    chosen: list[list[Reading]] = []
    for r in readings:
        home = next((c for c in chosen if _overlap(c[0].span, r.span)), None)
        if home is None:
            chosen.append([r])
        else:
            home.append(r)
    rows = {m.key: set(m.rows) for m in measures()}

    def inside(o: list[Reading], c: list[Reading]) -> bool:  # o is a row of the group c, in the same table,
        if o is c:  # or a part of the old table's row counting what c counts ("requests … in person")
            return False
        return o[0].key in _LEGACY_INSIDE.get(c[0].key, ()) or (
            rows[o[0].key] < rows[c[0].key] and _same_table(o[0].key, c[0].key)
        )

    def joined(c: list[Reading]) -> bool:  # outcomes asked about together ("granted fully or partially")
        return c[0].key.split(".", 1)[1] in vocabulary.JOINED_OUTCOMES

    summed = bool(vocabulary.asks("sum").search(text))

    asked = len(vocabulary.asks("each_quantity").findall(text))

    def gathers(c: list[Reading]) -> bool:  # a group summed beside two or more of its rows: "A、B和C这几种其他处理合计"
        return summed and asked <= 1 and sum(inside(o, c) for o in chosen) >= 2

    def united(c: list[Reading]) -> bool:  # a group asked "or" one of its rows: "不存在或者没法提供" is the group
        for o in chosen:
            if inside(o, c):
                (_, a), (b, _) = sorted((o[0].span, c[0].span))
                if _ONLY_OR.fullmatch(text[a:b]):  # nothing but the "or" between them
                    return True
        return False

    quantity = vocabulary.asks("quantity")
    # a comma in brackets lists a place or an aside, not things asked ("Hongze District (Huai'an, Jiangsu)")
    unscoped = re.sub(r"[(（][^()（）]*[)）]", lambda m: re.sub(r"[,，]", " ", m[0]), text)
    pieces = [m.span() for m in re.finditer(rf"(?:(?!{vocabulary.ASKS['joins']}).)+", unscoped, re.I)]

    def piece_of(c: list[Reading]) -> tuple[int, int]:
        return next(((x, y) for x, y in pieces if x <= c[0].span[0] < y), (0, len(text)))

    phrases = {m.key: m.phrases for m in measures()}

    def own(c: list[Reading]) -> tuple[int, int] | None:  # where a group its rows are asked beside is also
        rows_of = [o for o in chosen if inside(o, c)]  # asked in a later piece of its own ("…, and what's the
        if not rows_of:  # overall number of lawsuits?")
            return None
        first = min(o[0].span[0] for o in rows_of)
        for a, b in pieces:
            if a <= first or not quantity.search(text[a:b]) or any(a <= o[0].span[0] < b for o in rows_of):
                continue
            at = [x for p in phrases[c[0].key] if (x := located(p, text[a:b])) and not x[1]]
            if at:
                return a + at[0][0][0], a + at[0][0][1]
        return None

    namely, either = vocabulary.asks("namely"), vocabulary.asks("either")

    def described(c: list[Reading]) -> bool:  # a group, then what it is, things joined by "or" among its rows:
        for o in chosen:  # "说没法提供的 就是手上没有的或者要另外做的" is the group
            if inside(o, c) and o[0].span[0] >= c[0].span[1]:
                between = text[c[0].span[1] : o[0].span[0]]
                said = namely.search(between)
                if said and either.search(text[c[0].span[1] + said.end() :]):
                    return True
        return False

    gathering = [c for c in chosen if gathers(c) or united(c) or described(c)]
    owned = []
    for c in chosen:
        if c not in gathering and (at := own(c)):
            c[0] = replace(c[0], span=at)  # the group is asked where its own piece names it
            owned.append(c)
    # a group named beside one of its rows is that row ("refused because of a state secret"); outcomes
    # asked about together are named by more words than the row inside them ("granted fully or partially")
    groups = [
        c
        for c in chosen
        if c in gathering
        or c in owned
        or not any(inside(o, c) and (not joined(c) or o[0].score >= c[0].score) for o in chosen)
    ]
    chosen = [
        c
        for c in groups
        if not any(inside(c, o) and (joined(o) and o[0].score > c[0].score or o in gathering) for o in groups)
    ]
    if gathering:  # the sum is of that group: a row of another one is a misreading
        chosen = [c for c in chosen if c in gathering or len(rows[c[0].key]) > 1]
    strong = [c for c in chosen if not c[0].generic]

    # a word that only says "requests" is a part of its own where it is asked for in its own piece ("how
    # many requests were there, and how many were granted?"); elsewhere the named measures say it all
    def alone(c: list[Reading]) -> bool:  # no other measure named in its piece, by any of its phrases, and no
        a, b = piece_of(c)  # other word of its own
        piece = text[a:b]
        rest = piece[: c[0].span[0] - a] + piece[c[0].span[1] - a :]
        own = [w for w in re.findall(r"[a-z]{3,}", rest) if w not in vocabulary.FUNCTION_WORDS]
        return (
            bool(quantity.search(piece))
            and asked != 1  # one "how many" asked of a named measure: "requests" is what it counts
            and not own
            and not any(_found(p, piece) for o in strong for p in phrases[o[0].key])
        )

    strong += [c for c in chosen if c[0].generic and strong and alone(c)]
    strong = strong or chosen[:1]
    strong.sort(key=lambda c: c[0].span[0])
    return [Part(tuple(c)) for c in strong]


_ONLY_OR = re.compile(r"[\s,，、]*(?:or|或者?|或是)(?:\s+(?:otherwise|else))?[\s,，、]*", re.I)


_TOTAL_OF = re.compile(r"total\s+(?:number\s+|count\s+)?of\b", re.I)


def _sums_the_parts(parts: list[Part], text: str) -> bool:
    """The question's sum word is of all its parts: one figure asked, or the sum word in a question of its own
    that names nothing of its own but the requests ("…, and the total?", "how many requests in total, …")."""
    asked = vocabulary.asks("each_quantity")
    said = vocabulary.asks("sum").search(text)
    if said is not None and _TOTAL_OF.match(text, said.start()):  # "A, B, and the total of C": C's own word
        starts = [p.readings[0].span[0] for p in parts]
        if any(a < said.start() for a in starts) and sum(a > said.start() for a in starts) == 1:
            return False
    if said is None or len(asked.findall(text)) <= 1:
        return True
    joins = vocabulary.asks("joins")
    a = max((m.end() for m in joins.finditer(text, 0, said.start())), default=0)
    b = next((m.start() for m in joins.finditer(text, said.end())), len(text))
    piece = text[a:b]
    if not asked.search(piece):
        return True
    named = any(a <= p.readings[0].span[0] < b and not p.readings[0].generic for p in parts)
    return not named and not any(_found(w, piece) for _, words, _, _ in column_words() for w in words)


def _unjoined(parts: list[Part], text: str) -> list[Part]:
    """Measures of two tables named one after the other with no word joining them are one thing asked,
    read by its strongest reading ("never paid the fee notice" is the unpaid fee, not also the
    administrative fees); in one table they may qualify each other ("to court with no reconsideration"). An
    outcome named with its reason after "because" is the reason's row ("refused because it was not held")."""
    joins = vocabulary.asks("joins")
    because = vocabulary.asks("because")
    out: list[Part] = []
    for p in parts:  # in the order the question names them
        gap = text[out[-1].readings[0].span[1] : p.readings[0].span[0]] if out else ""
        if out and not joins.search(gap) and not re.search(r"[?？]", gap):
            if because.search(gap):  # "refused because the district did not hold it": the reason is what is asked
                out[-1] = p
                continue
            if not _same_table(out[-1].key, p.key):
                if p.readings[0].score > out[-1].readings[0].score:
                    out[-1] = p
                continue
        out.append(p)
    return out


def _either(parts: list[Part], text: str) -> bool:
    """One quantity asked of measures named with "or" between each two and nothing that keeps them apart
    ("how many were dropped because the applicant never clarified or never paid?"): their union, a sum."""
    if len(parts) < 2 or len(vocabulary.asks("each_quantity").findall(text)) != 1:
        return False
    spans = sorted(p.readings[0].span for p in parts)
    between = [text[a[1] : b[0]] for a, b in zip(spans, spans[1:], strict=False)]
    return all(vocabulary.asks("either").search(g) and not vocabulary.asks("both").search(g) for g in between)


def _table(key: str) -> str:
    return key.split(".")[0]


def _same_table(a: str, b: str) -> bool:
    return _table(a) == _table(b)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def read(question: str, lang: str, refs: Sequence[ReportRef]) -> Query:
    """Read a question once into its typed query (``refs``: the reports whose names it may use)."""
    normal = normalize(question, default_speller())
    plain = vocabulary.asks("regardless").sub(lambda m: " " * len(m.group(0)), normal.text)
    masked, named, where = _mask_scope(plain, refs)
    masked = _widened(masked, plain)
    masked, edition = _edition(masked)
    years = years_in(masked)
    masked = re.sub(r"(?<!\d)(?:19|20)\d{2}\s*(?:年度?|年)?", lambda m: " " * len(m.group(0)), masked)
    masked = vocabulary.asks("the_report").sub(lambda m: " " * len(m.group(0)), masked)
    masked = _BEFORE_TABLES.sub(lambda m: " " * len(m.group(0)), masked)  # a time, like a year: never a measure
    masked = _unasked(_directions(masked))
    readings = _readings(masked)
    parts = _parts(readings, _normal(masked))
    share = bool(vocabulary.asks("share").search(masked))  # a share names its part and its base
    compared = bool(_COMPARED.search(masked))  # "by how many did A exceed B": both are asked
    if len(parts) > 1 and not vocabulary.asks("joins").search(masked) and not share and not compared:
        parts = [max(parts, key=lambda p: p.readings[0].score)]
    if not share:
        parts = _unjoined(parts, _normal(masked))
    summed = bool(vocabulary.asks("sum").search(masked)) or _either(parts, _normal(masked))
    if summed and len({_table(p.key) for p in parts}) > 1:  # requests and lawsuits never add up: the sum is
        weight: dict[str, int] = {}  # of the table the question names most
        for p in parts:
            weight[_table(p.key)] = weight.get(_table(p.key), 0) + p.readings[0].score
        parts = [p for p in parts if _table(p.key) == max(weight, key=lambda t: weight[t])]
    return Query(
        question=question,
        normal=normal,
        lang=lang,
        masked=masked,
        years=years,
        agencies=tuple(dict.fromkeys(r.agency for r in named)),
        named=tuple(named),
        parts=tuple(parts),
        yes_no=(yes_no := bool(vocabulary.asks("yes_no").search(plain))),
        none_asked=yes_no and any(vocabulary.asks("none_asked").search(t) for t in (plain, masked)),
        share=share,
        sum=summed,
        corrections=normal.corrections,
        other_agency=_other_agency(normal.text, named),
        other_place=_other_place(question, refs),
        asked=len(vocabulary.asks("each_quantity").findall(normal.text)),
        paired=_paired(normal.text, where),
        titled=any(not _LAW.search(m.group(0)) for m in _TITLES.finditer(normal.text)),
        amount=bool(vocabulary.asks("money").search(masked)),
        sum_of_parts=summed and _sums_the_parts(parts, _normal(masked)),
        all_claim=yes_no and bool(vocabulary.asks("all_claim").search(masked)),
        edition=edition,
    )


def _edition(text: str) -> tuple[str, str]:
    """The text without a year that names the edition of the standard tables ("the 2021 standard tables"), and
    that edition's layout ("2021", "2019"; "" when none is named, or before the tables came in)."""
    m = vocabulary.asks("edition").search(text)
    if m is None or _BEFORE_TABLES.search(text):
        return text, ""
    year = int(next(g for g in m.groups() if g))
    editions = [int(k) for k in schema.LAYOUTS if k.isdigit() and int(k) <= year]
    if not editions:
        return text, ""
    a, b = m.span(next(i for i, g in enumerate(m.groups(), 1) if g))
    return text[:a] + " " * (b - a) + text[b:], str(max(editions))


PAIR_REACH = 12  # characters between an agency's name and the year said with it ("Hongze District 2024")


def _paired(text: str, where: dict[str, tuple[int, int]]) -> tuple[tuple[str, int], ...]:
    """Each agency named with a year of its own ("Hongze 2024 vs Pingtan 2025"): the year right after its
    name, or right before it; () unless two agencies are named with two different years."""
    years = [(m.start(), m.end(), int(m.group(1))) for m in LONE_YEAR.finditer(text)]
    out = []
    for agency, (a, b) in sorted(where.items(), key=lambda x: x[1]):
        after = [y for s, _, y in years if 0 <= s - b <= PAIR_REACH]
        before = [y for _, e, y in years if 0 <= a - e <= PAIR_REACH]
        if after or before:
            out.append((agency, (after or before)[0]))
    return tuple(out) if len({y for _, y in out}) >= 2 and len(out) >= 2 else ()


_KIND = re.compile(rf"\s*(?:{vocabulary.AGENCY_KIND_WORDS})", re.I)
_KIND_OF = re.compile(rf"(?:{vocabulary.AGENCY_KIND_WORDS})\s+of\s+(?:the\s+)?$", re.I)  # "Commission of Health"


def _other_agency(text: str, named: Sequence[ReportRef]) -> str:
    """The field of an agency the question names ("the Shanghai education commission") when none of the
    agencies it names is of that field; "" otherwise."""
    if not named:
        return ""
    folded = text.lower()
    for short, full in ABBREVIATIONS.items():  # 教委 is 教育委员会
        folded = folded.replace(short, full)
    for term in vocabulary.of_kind(vocabulary.Kind.FIELD):
        for word in (term.zh, term.en.lower(), *term.synonyms):
            at = folded.find(word)
            if at < 0 or not (_KIND.match(folded, at + len(word)) or _KIND_OF.search(folded, 0, at)):
                continue
            if not any(term.zh in agency_key(r.agency) for r in named):
                return term.zh if CJK_CHAR.search(word) else term.en
            return ""
    return ""


@cache
def _joined_names() -> tuple[str, ...]:
    """The names of columns that hold a joining word themselves (法人及其他组织 is one group, not two)."""
    joins = vocabulary.asks("joins")
    return tuple(w for _, words, _, _ in column_words() for w in words if joins.search(w))


def _pieces(text: str) -> list[str]:
    """The text cut at its joining words, except inside a column's own name."""
    kept = [m.span() for w in _joined_names() for m in re.finditer(re.escape(w), text)]
    out, start = [], 0
    for m in vocabulary.asks("joins").finditer(text):
        if not any(a <= m.start() < b for a, b in kept):
            out.append(text[start : m.start()])
            start = m.end()
    return [*out, text[start:]]


_PLACE_OF_AGENCY = re.compile(
    r"\b([A-Z][a-z]+(?:[\s'-][A-Z]?[a-z]+)?)\s+(?:Municipal|Municipality|City|County|District|Province|Provincial)\b"
)


# … or in Chinese: the place and its division before the agency (南京市人民政府, 南京市教育局)
_PLACE_OF_AGENCY_ZH = re.compile(
    r"(?:^|(?<=[\s，,。？?；;：:、“”\"'（）()\d年的和与跟对向在]))"
    rf"([\u4e00-\u9fff]{{2,6}}?(?:{PLACE_KIND}))(?=人民政府|政府|[\u4e00-\u9fff]{{1,8}}?(?:局|委员会|委|办公室|厅))"
)


_NOT_A_PLACE = re.compile(r"政府|办|局|委|代表|部门|机关|本")


def _near(place: str, refs: Sequence[ReportRef]) -> bool:
    """A report's region or agency prints this place but for one character (沐阳县 for 沭阳县)."""
    for name in {n for ref in refs for n in (ref.region, ref.agency)}:  # each agency's name once, not per year
        for i in range(len(name) - len(place) + 1):
            if sum(a != b for a, b in zip(place, name[i : i + len(place)], strict=True)) <= 1:
                return True
    return False


def _other_place(question: str, refs: Sequence[ReportRef]) -> str:
    """A place the question names an agency of ("the Nanjing Municipal People's Government", 南京市人民政府)
    that is not the place of any report in the corpus; "" otherwise."""
    index = _alias_index(refs)
    for m in _PLACE_OF_AGENCY.finditer(question):
        if not index.matches(m.group(1).lower()):
            return m.group(1)
    for m in _PLACE_OF_AGENCY_ZH.finditer(question):
        place = m.group(1)
        if _NOT_A_PLACE.search(place):  # 区政府办代表区: an agency's words, not a place's name
            continue
        if not index.matches(place) and not _near(place, refs):
            return place
    return ""


def columns_named(query: Query, measure: Measure, columns: tuple[str, ...]) -> list[ColumnChoice]:
    """The columns a query names for one measure, in order ("in total, and how many corrected" names two)."""
    picks: list[ColumnChoice] = []
    by_word = None  # the total column named only by a word such as "in total" / 一共
    unasked = False  # a column named in a piece that asks no quantity of its own ("法人或其他组织（各类…）")
    counted_in = False  # a column said to be counted in with the rest ("法人的也一并计入"): the total is asked
    quantity = vocabulary.asks("quantity")
    for piece in _pieces(query.masked):
        choice = match_column(piece, measure, columns)
        if not choice.explicit and "total" in columns and vocabulary.asks("total").search(piece):
            choice = by_word = ColumnChoice(("total",), "total", "总计", True)
        elif choice.explicit and not quantity.search(piece):
            if vocabulary.asks("also_counting").search(piece):
                counted_in = True  # counted in with the rest: the total the question asks holds it
                continue
            unasked = True
        if choice.explicit and choice.ids not in [p.ids for p in picks]:
            picks.append(choice)
    if by_word is not None and unasked and len(picks) > 1:  # "一共" is the named column's total, not a part
        picks = [p for p in picks if p is not by_word]
    if counted_in and not picks and "total" in columns:
        picks = [ColumnChoice(("total",), "total", "总计", True)]
    if not query.sum:
        return picks
    # summed, a column named beside a group holding it ("企业、机构这些法人或其他组织一共") counts once, in the group
    return [p for p in picks if not any(set(p.ids) < set(o.ids) for o in picks)]

"""ask(): a question in Chinese or English -> an exact figure, a computed aggregate, or a passage,
always with citations, and plainly "not given" when the reports do not tell."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from assistant import config
from assistant.answer import aggregate, fees, narrative, series
from assistant.answer.answer import Answer, AnswerKind, agency_name, capitalized, number, who
from assistant.answer.figures import answer_figure, columns_of, layout_of, unit_of
from assistant.answer.language import detect
from assistant.answer.measures import (
    GENERIC,
    ColumnChoice,
    Measure,
    _found,
    _normal,
    asks_for_figure,
    match_column,
    measures,
)
from assistant.answer.read import Query, columns_named, read
from assistant.answer.retrieve import answer_passage, report_searcher
from assistant.answer.scope import ReportRef, Years, canonical
from assistant.answer.suggest import suggestions
from assistant.domain import numbers, schema, vocabulary
from assistant.domain.patterns import CJK_CHAR, NONE_RECEIVED
from assistant.domain.record import Citation, Report
from assistant.store.cache import Snapshot, snapshot
from assistant.store.database import Store

if TYPE_CHECKING:
    from assistant.search.searcher import Searcher


def corpus_searcher(store: Store) -> Searcher:
    """The corpus's passage index, brought up to date with the store whenever the store changes (the
    store object given is reused: opening one checks the whole file)."""
    return _searcher(str(store.path), snapshot(store).fingerprint)


@cache
def _searcher(store_path: str, fingerprint: str) -> Searcher:
    from assistant.search.searcher import store_corpus  # numpy and the index load for passages only

    return store_corpus(store_path).searcher()


def ask(
    question: str,
    *,
    report: Report | None = None,
    report_id: str | None = None,
    store: Store | Snapshot | None = None,
    searcher: Searcher | None = None,
) -> Answer:
    """Answer a question about one report (``report`` or ``report_id``) or, with neither, the corpus.
    ``store`` may be a snapshot of a corpus (a sharded one's, with its ``searcher``).

    A ``report`` parsed on the spot needs no store: without one, nothing is read or written on disk."""
    if store is None and report is None:
        store = Store()
    lang = detect(question[: int(config.number("max_question_chars")) + 1])  # an overlong one is refused below
    if report is None and report_id is not None:
        report = snapshot(store).reports.get(report_id)
        if report is None:
            return Answer(
                f"No report with id {report_id} in the corpus."
                if lang == "en"
                else f"语料库中没有编号为{report_id}的报告。",
                None,
                AnswerKind.NOT_FOUND,
                lang,
            )
    refusal = _not_a_question(question, lang)
    if refusal:
        return refusal
    if store is not None:
        refs = canonical(store)
    else:  # a report parsed on the spot and no corpus: the one report a question can name
        r = report
        refs = [ReportRef(r.id, r.title, r.agency, r.region, r.year, r.format, r.layout)]
    query = read(question, lang, refs)
    measure = _measure(query.parts[0].key) if query.parts else None
    if measure and query.amount and not any(_in_money(_measure(p.key)) for p in query.parts):
        measure = None  # "how much did it charge in fees for requests": an amount, which no count answers
    asks = asks_for_figure(query.text, measure, query.yes_no) or LIST.search(query.normal.text)
    # a question naming several figures asks for them even without "how many" ("penalties and enforcement?");
    # where the tables have none of them, its passage answers as any other such question's
    several = not asks and sum(not p.readings[0].generic for p in query.parts) >= 2
    if not asks and not several and aggregate.operation(query.text)[0] is None:
        measure = None  # "how does the bureau handle applications?" is for the passages
    ctx = _Context(query, store, searcher, refs)

    def answered(measure: Measure | None) -> Answer:
        if report is None:
            return ctx.about_corpus(measure)
        return ctx.other_year(report, measure) if _another_year(query, report) else ctx.about_report(report, measure)

    found = answered(measure)
    if several and found.kind == AnswerKind.NOT_FOUND:
        found = answered(None)
    if found.illegible and report is not None and store is not None:
        found = _legible_copy(found, report, snapshot(store), answered_about=lambda r: ctx.about_report(r, measure))
    return _one_of_several(found, query)


def _legible_copy(found: Answer, report: Report, snap, answered_about) -> Answer:
    """A figure this copy prints illegibly (a run of digits with several readings) read from another copy
    of the same report (the same agency and year) that prints it legibly: the copy that counts first."""
    copies = [
        r for r in snap.reports.values() if r.id != report.id and r.agency == report.agency and r.year == report.year
    ]
    for other in sorted(copies, key=lambda r: r.id not in snap.counted):
        again = answered_about(other)
        if again.illegible or again.value is None and (not again.values or None in again.values):
            continue
        note = (
            f"(The digits of {report.id} allow several readings; {other.id}, another copy of the same report, "
            "prints them legibly.) "
            if found.language == "en"
            else f"（{report.id}的数字可有多种读法；以下取自同一报告的另一副本{other.id}，该副本印得清楚。）"
        )
        again.answer = note + again.answer
        return again
    return found


def _wholes(report: Report, measure: Measure) -> frozenset:
    """The values of the old table's rows the measure's row is part of (requests received, for those
    received in person)."""
    row = measure.key.removeprefix("legacy.")
    parents = [f"legacy.{whole}." for whole, parts in schema.LEGACY_PARTS.items() if row in parts]
    return frozenset(f.value for a, f in report.figures.items() if any(a.startswith(p) for p in parents))


def _whole(report: Report, measure: Measure, column: ColumnChoice | None) -> int | float | None:
    """The figure an outcome is part of: the requests to answer (received and carried over, of the same
    applicants) for a row of the outcomes of table 3, the row's total for an outcome column of table 4
    (upheld of all reconsiderations)."""
    col = column.ids[0] if column is not None and len(column.ids) == 1 else "total"
    if measure.table == "requests" and measure.key not in BASES:
        addresses = [f"requests.new_received.{col}", f"requests.carried_over.{col}"]
    elif measure.table == "appeals" and col != "total" and len(measure.rows) == 1:
        addresses = [f"appeals.{measure.rows[0]}.total"]
    else:
        return None
    figures = [report.figures.get(a) for a in addresses]
    if any(f is None or f.value is None for f in figures):
        return None
    return sum(f.value for f in figures)


@cache
def _in_money(measure: Measure) -> bool:
    """Some column of the measure's rows counts money (the fees' 万元, the procurement's 元)."""
    return any(
        c.unit
        for layout in (*schema.LAYOUTS.values(), schema.LEGACY)
        for t in layout.tables
        if t.id == measure.table
        for r in t.rows
        if r.id in measure.rows
        for c in r.columns
    )


def _one_of_several(found: Answer, query: Query) -> Answer:
    """A question asking for several figures ("how many came in, and how many were finished?") that was
    read as asking for one: that one is shown, but not given as the answer to all of it."""
    if query.asked < 2 or found.value is None or len(found.values) >= 2 or found.kind != AnswerKind.FIGURE:
        return found
    found.value = None
    found.answer += (
        " (The question asks for more than one figure; this is the only one I could read.)"
        if query.lang == "en"
        else "（问题问了不止一个数字，以上是唯一能确定的一个。）"
    )
    return found


def _another_year(query: Query, report: Report) -> bool:
    """The question asks about a year the chosen report is not for ("2018" of a 2025 report); the year
    after it is the report's own ("carried into 2026", "plans for 2026"), so is the year before it where
    the question asks what was carried over from it ("由2023年转过来的"), and a comparison names others."""
    listed = query.years.listed
    if not listed or report.year is None or report.year in listed or series.operation(query.normal.text) != "list":
        return False
    carried = any(p.key.startswith("requests.carried_over") for p in query.parts)
    return listed != (report.year + 1,) and not (carried and listed == (report.year - 1,))


LIST, BEFORE_TABLES, NONE_AT_ALL, ARITHMETIC, NARRATIVE, PROACTIVE_TOTAL = (
    re.compile(vocabulary.ASKS[k], re.I)
    for k in ("list", "before_tables", "none", "arithmetic", "narrative", "proactive_total")
)

# The rows a share is taken of, never part of its numerator when something else is named.
BASES = frozenset(f"requests.{r}" for r in ("new_received", "carried_over", "total_handled", "carried_forward"))


def _not_a_question(question: str, lang: str) -> Answer | None:
    """Markup, a bare word or an overlong text is not a question about the reports: say so, answer nothing."""
    limit = int(config.number("max_question_chars"))
    if len(question) > limit:
        env = config.SETTINGS["max_question_chars"].env
        why = (
            f"The question is longer than {limit} characters (raise it with ${env})."
            if lang == "en"
            else f"问题超过{limit}个字符（可用环境变量 {env} 调高）。"
        )
        return Answer(why, None, AnswerKind.NOT_FOUND, lang)
    text = re.sub(r"<[^>]*>|&\w+;", " ", question)
    words = re.findall(r"[A-Za-z]{2,}", text)
    if len(CJK_CHAR.findall(text)) >= 2 or len(words) >= 2:
        return None
    return Answer(
        "That is not a question about the reports. Ask, for example: How many requests were received?"
        if lang == "en"
        else "这不是关于报告的问题。可以这样问：收到了多少件申请？",
        None,
        AnswerKind.NOT_FOUND,
        lang,
    )


def _absent_column(question: str, measure: Measure, have: tuple[str, ...]) -> ColumnChoice | None:
    """A column the question names that the measure has in another layout but not in this report's."""
    every = tuple(
        dict.fromkeys(
            c.id
            for layout in schema.LAYOUTS.values()
            for t in layout.tables
            if t.id == measure.table
            for r in t.rows
            if r.id in measure.rows
            for c in r.columns
        )
    )
    named = match_column(question, measure, every)
    if have and named.explicit and not set(named.ids) <= set(have):
        return named
    return None


def _measure(key: str) -> Measure:
    return next(m for m in measures() if m.key == key)


def _joined(parts: list[Measure]) -> Measure:
    """Several measures of one table read as one: "granted in full or in part"."""
    first = parts[0]
    return Measure(
        "+".join(m.key for m in parts),
        first.table,
        tuple(r for m in parts for r in m.rows),
        " or ".join(m.english for m in parts),
        "、".join(m.chinese for m in parts),
        (),
    )


def preferred_section(question: str) -> str | None:
    q = _normal(question)
    for section in schema.SECTIONS:
        if any(_found(k, q) for k in section.keywords):
            return section.id
    return None


class _Context:
    def __init__(
        self, query: Query, store: Store | Snapshot | None, searcher: Searcher | None, refs: Sequence[ReportRef]
    ):
        self.query, self.store, self._searcher, self.refs = query, store, searcher, refs
        self.question, self.lang = query.text, query.lang
        snap = snapshot(store) if store else None
        self.load = snap.reports.get if snap else {}.get
        self.memo = snap.memo if snap else None  # readings of the corpus's figures, kept per snapshot

    @property
    def searcher(self) -> Searcher:
        return self._searcher or corpus_searcher(self.store)

    def passage(self, report: Report | None = None, **filters) -> Answer:
        prefer = preferred_section(self.question)
        yes_no = {"yes_no": self.query.yes_no, "none_asked": self.query.none_asked}
        if report is None:
            return answer_passage(self.query.normal.text, self.searcher, self.lang, prefer=prefer, **yes_no, **filters)
        stored = self.load(report.id)
        searcher = self.searcher if stored and stored.sha256 == report.sha256 else report_searcher(report)
        return answer_passage(
            self.query.normal.text,  # the search reads every word, the scope's too
            searcher,
            self.lang,
            report_id=report.id,
            year=report.year,
            agency=report.agency,
            prefer=prefer,
            **yes_no,
        )

    def about_report(self, report: Report, measure: Measure | None, counting: bool | None = None) -> Answer:
        """The answer from one report (``counting``: the question asks for a number, whatever its words)."""
        if self.query.yes_no and ARITHMETIC.search(self.query.normal.text):
            return self.consistency(report)
        if counting is None:
            counting = bool(vocabulary.asks("quantity").search(self.question)) or self.query.share
        asked = counting or self.query.yes_no or self.query.amount
        if asked and fees.ASKED.search(self.query.normal.text):  # what applicants were charged: its own sentence
            fee = fees.stated(report, self.lang)
            if fee is not None:
                # "how much in admin fees, and how much did they charge people for information?": both
                table = [_measure(p.key) for p in self.query.parts if not p.readings[0].generic]
                if self.query.asked >= 2 and not self.query.yes_no and table and columns_of(report, table[0]):
                    figure = answer_figure(self.question, report, table[0], self.lang, None)
                    if figure.value is not None:
                        return _together([figure, fee], None, self.lang)
                return self.verdict(fee)
        measure = self._fitting(report, measure)
        # "the text says …", or a programme named by its title: the prose, not the table
        in_text = bool(NARRATIVE.search(self.query.normal.text)) or self.query.titled
        # the prose states what the report's tables lack (a row only the old table has, or the old table's
        # gaps); a row the report's table has is its figure
        timed = narrative.asks_time(self.question)  # in days: no table row counts them, the prose may
        has_row = measure is not None and bool(columns_of(report, measure)) and not timed
        if (not has_row or in_text) and (counting or self.query.yes_no):
            # a total of the old table the report's tables lack (items published proactively): the prose's total
            total = (
                measure is not None and not has_row and measure.key.removeprefix("legacy.") in schema.LEGACY_PARTS
            ) or (measure is None and bool(PROACTIVE_TOTAL.search(self.query.normal.text)))
            stated = self.stated(report, total)
            if stated is None and in_text and measure is not None:  # the text asked for: its count in the measure's
                stated = self._in_its_words(report, measure, asked=True)  # own words, whatever the language
            if stated is not None:
                return self.verdict(stated)
            if self.query.titled and counting and not self.query.yes_no:  # a programme's count: never a table row
                return self.not_understood(report)
        if timed:
            return self.not_understood(report)
        if measure is None:  # a yes/no question no figure answers is for the passages
            return self.not_understood(report) if counting and not self.query.yes_no else self.passage(report)
        if not report.layout and not columns_of(report, measure):  # before 2019: the prose, if it says it
            return self._old_report(report, measure)
        parts = [_measure(p.key) for p in self.query.parts]
        if self.query.share:
            bases = [m for m in parts if m.key in BASES]
            base = bases[0] if bases and len(parts) > 1 else None
            shares = [m for m in parts if m is not base] or parts
            whole = _joined(shares) if len({m.table for m in shares}) == 1 else measure
            shared = aggregate.share(report, whole, self.question, self.lang, base)
            return shared or self.not_understood(report)  # a share asked is never answered with a count
        if counting and _counts_other_things(self.question, measure):  # "how many pieces of information": not
            return self.stated(report) or self.not_understood(report)  # requests, whatever their words
        absent = _absent_column(self.question, measure, columns_of(report, measure))
        if absent is not None:
            return self.no_column(report, measure, absent)
        named = columns_named(self.query, measure, columns_of(report, measure))
        if len(parts) > 1 or len(named) > 1:
            return self.several(report, parts)
        found = answer_figure(self.question, report, measure, self.lang, named[0] if named else None)
        if found.value is None and not found.citations and counting:  # no cell for it: the prose may state it
            # (a cell printed illegibly is cited, and not read from prose)
            found = self.stated(report) or self._in_its_words(report, measure) or found
        elif found.value is None and not found.citations and self.query.yes_no:  # … or answer the yes/no
            said = self.passage(report)
            found = said if said.verdict is not None else found
        elif (
            (not report.layout or _weakly_read(self.query) and not _columns(named))
            and counting
            and not self.query.yes_no
        ):
            # an old table's rows are coarse, and a row named by one short word may not be the thing asked:
            # the text naming the question's thing with another number makes the figure unsure
            label = found.citations[0].label if found.citations else ""
            wholes = _wholes(report, measure)  # the prose stating the total the row is part of is no disagreement
            prose, fuller = narrative.disagreeing(
                self.question, report, self.lang, found.value, label, wholes, measure.english
            )
            if prose:
                stated = narrative.as_answer(prose, self.question, report, self.lang)
                return self.verdict(stated) if fuller else _two_readings(found, stated, report, self.lang)
        whole = _whole(report, measure, named[0] if named else None) if self.query.all_claim else None
        if whole is not None and found.value is not None and found.kind == AnswerKind.FIGURE:
            return self.all_of(found, whole)
        return self.verdict(found)

    def all_of(self, found: Answer, whole: int | float) -> Answer:
        """The verdict of a claim that every case had the outcome found: yes when it is all of the whole."""
        found.verdict = found.value == whole and whole > 0
        if self.lang == "en":
            found.answer = f"{'Yes' if found.verdict else 'No'}: {found.answer} Of {number(whole)} in all."
        else:
            found.answer = f"{'是' if found.verdict else '不是'}。{found.answer}总数为{number(whole, self.lang)}。"
        return found

    def stated(self, report: Report, total: bool = False) -> Answer | None:
        """The counts the report's prose states for the question: one per part where it names several
        joined ("区直部门和乡镇各多少条"), each read with the other parts' words blanked; else one (``total``:
        the question asks for a total)."""
        text = self.question
        # in English "and" joins verbs too ("make and publish"): each "how many" begins a part
        parts = _joined_parts(text) if self.lang == "zh" else _asked_parts(text)
        # questions asked one after another ("…办了几件？一共减免了多少钱？") keep each other's words but
        # what they ask: the second's subject is the first's
        asked = [] if parts or self.lang != "zh" else _asked_questions(text)
        parts = parts or asked
        if len(parts) >= 2 and not self.query.yes_no:
            blanks = []
            for a, b in parts:
                others = [(_asked_from(text, x, y) if asked else x, y) for x, y in parts if (x, y) != (a, b)]
                blanks.append("".join(" " if any(x <= i < y for x, y in others) else ch for i, ch in enumerate(text)))
            ones = [
                narrative.answer(q, report, self.lang, part=text[a:b]) for q, (a, b) in zip(blanks, parts, strict=True)
            ]
            # the parts of one question are about one thing: a part the text does not answer surely is looked
            # for in the sentences the others' answers come from ("…共计91件，共计减免金额219062.78元")
            said = frozenset(c.text for one in ones if one is not None for c in one.citations)
            ones = [
                one or (narrative.answer(q, report, self.lang, part=text[a:b], within=said) if said else None)
                for one, q, (a, b) in zip(ones, blanks, parts, strict=True)
            ]
            found: list[Answer] = []
            for one in ones:
                if one is not None and all(one.citations[0].start != f.citations[0].start for f in found):
                    found.append(one)
            if len(found) >= 2:
                values = [f.value for f in found]
                # a whole and a part of it never add up, nor questions asked one after another
                summed = self.query.sum and not OF_WHICH.search(text) and not asked
                return _together(found, numbers.total(values) if summed else None, self.lang)
        # a row of the tables read in the question is the figure path's: the old table's other rows are not it
        return narrative.answer(text, report, self.lang, tables=not self.query.parts, total=total)

    def _fitting(self, report: Report, measure: Measure | None) -> Measure | None:
        """The reading of the question's first part this report's tables have: "normative documents
        issued" is a row of the old table before 2019 and a row of table 2 after."""
        if measure is None or columns_of(report, measure) or not self.query.parts:
            return measure
        part = next((p for p in self.query.parts if p.key == measure.key), None)
        for reading in part.readings[1:] if part else ():
            other = _measure(reading.key)
            if columns_of(report, other):
                return other
        return measure

    def consistency(self, report: Report) -> Answer:
        """Does it add up? The table's identities, or, for the text against the table, the narrative checks."""
        if NARRATIVE.search(self.query.normal.text):
            checks = report.narrative_checks
            broken = [c for c in checks if not c.agrees]
            if not checks:
                return self._unknown(report)
            if self.lang == "en":
                parts = [
                    f"{schema.figure_label(layout_of(report), c.address)[1]} ({c.measure}): text "
                    f"{numbers.english(c.narrative_value)}, table {numbers.english(c.table_value)}"
                    for c in broken
                ]
                text = ("No: " + "; ".join(parts) + ".") if broken else "Yes: the text's counts agree with the table."
            else:
                parts = [
                    f"{c.measure}：正文{numbers.chinese(c.narrative_value)}，表格{numbers.chinese(c.table_value)}"
                    for c in broken
                ]
                text = ("不一致：" + "；".join(parts) + "。") if broken else "一致：正文的数字与表格相符。"
            out = Answer(text, None, AnswerKind.AGGREGATE, self.lang)
            out.verdict = not broken
            return out
        if not report.layout:
            return self._unknown(report)
        table = "appeals" if any(p.key.startswith("appeals") for p in self.query.parts) else "requests"
        broken = [w for w in report.warnings if w.kind == "identity" and w.address == table]
        if self.lang == "en":
            text = (
                ("No, it does not add up: " + "; ".join(w.message for w in broken))
                if broken
                else (f"Yes: every identity of the {table} table holds.")
            )
        else:
            text = ("对不上：" + "；".join(w.message for w in broken)) if broken else "对得上：表格的勾稽关系全部成立。"
        out = Answer(text, None, AnswerKind.AGGREGATE, self.lang)
        out.verdict = not broken
        return out

    def _unknown(self, report: Report) -> Answer:
        text = (
            f"{capitalized(who(report.agency, report.year, self.lang))} gives nothing to check this against."
            if self.lang == "en"
            else f"{who(report.agency, report.year, self.lang)}未提供可供核对的数字。"
        )
        return Answer(text, None, AnswerKind.NOT_FOUND, self.lang)

    def no_column(self, report: Report, measure: Measure, column: ColumnChoice) -> Answer:
        """The question names a column this report's layout does not have (the 2019 layout has no 废止)."""
        if self.lang == "en":
            text = (
                f"{capitalized(who(report.agency, report.year, self.lang))} gives no “{column.english}” figure "
                f"for {measure.english}: its layout ({layout_of(report).english}) has no such column."
            )
        else:
            what = f"{measure.chinese}·{column.chinese}"
            text = f"{who(report.agency, report.year, self.lang)}没有“{what}”这一数字（其表格格式无此列）。"
        return Answer(text, None, AnswerKind.NOT_FOUND, self.lang)

    def no_such_agency(self, named: list[ReportRef]) -> Answer:
        """The question names an agency of a field the corpus has no report of, where it is ("the Shanghai
        education commission"): say so, with the agencies of that place it does have."""
        have = list(dict.fromkeys(r.agency for r in named))
        field = self.query.other_agency
        if self.lang == "en":
            names = "; ".join(agency_name(a, self.lang) for a in have)
            text = f"The corpus has no report of an agency for {field.lower()} there; it has: {names}."
        else:
            text = f"语料库中没有该地{field}部门的报告；现有：{'；'.join(have)}。"
        return Answer(text, None, AnswerKind.NOT_FOUND, self.lang)

    def no_such_place(self) -> Answer:
        """The question names an agency of a place no report of the corpus is from ("Nanjing")."""
        place = self.query.other_place
        if self.lang == "en":
            text = f"The corpus has no report of an agency of {place}."
        else:
            text = f"语料库中没有{place}的机关的报告。"
        return Answer(text, None, AnswerKind.NOT_FOUND, self.lang)

    def no_such_year(self, named: list[ReportRef], years: Years) -> Answer:
        """The named agency has no report for the years asked: say so, with the years it has."""
        asked = years.describe(self.lang)
        target = min(years.listed or [years.since or 0])
        # of the agencies the question may name, the one with a report nearest the year asked
        agency = min(named, key=lambda r: (abs((r.year or 0) - target), -(r.year or 0))).agency
        have = sorted({r.year for r in named if r.agency == agency and r.year})
        near = sorted(have, key=lambda y: (abs(y - target), y))[:2]
        if self.lang == "en":
            text = (
                f"The corpus has no report of {agency_name(agency, self.lang)} for {asked}; it has "
                f"{', '.join(map(str, have))} (nearest: {', '.join(map(str, sorted(near)))})."
            )
        else:
            text = (
                f"语料库中没有{agency}{asked}的报告；现有{'、'.join(map(str, have))}年"
                f"（最接近：{'、'.join(map(str, sorted(near)))}年）。"
            )
        return Answer(text, None, AnswerKind.NOT_FOUND, self.lang)

    def listing(self, refs: Sequence[ReportRef], measure: Measure | None) -> Answer | None:
        """Which reports fit: by year (before the standard tables, a year), by a measure above or at 0."""
        years = self.query.years
        before = bool(BEFORE_TABLES.search(self.query.normal.text))
        keep = [r for r in refs if r.year in years] if years and not before else list(refs)
        said = bool(years)
        if before:
            keep, said = [r for r in keep if not r.layout], True
        if self.query.named:
            agencies = {r.agency for r in self.query.named}
            keep, said = [r for r in keep if r.agency in agencies], True
        text = self.query.normal.text  # "none at all" asks for zeros, "more than zero" does not
        wanted_zero = bool(NONE_AT_ALL.search(text)) and not vocabulary.asks("some").search(text)
        if fees.ASKED.search(text):  # the processing fee each report's text states (0 where it denies any)
            charged = {r.id: fee.value for r in keep if (fee := fees.stated(self.load(r.id), self.lang))}
            keep, said = [r for r in keep if r.id in charged and (charged[r.id] == 0) == wanted_zero], True
        elif measure is not None and self.query.parts:
            rows, column, _ = aggregate.collect(keep, self.load, measure, self.question, Years(), self.memo)
            limit = aggregate.bound(self.question)  # "超过10000万元", "fewer than 5": the figures past it
            if limit is not None:
                unit = unit_of(measure, column, "zh", 2) if column else ""
                fits = {row.ref.id for row in rows if limit.admits(row.value, unit)}
            else:
                fits = {row.ref.id for row in rows if (row.value == 0) == wanted_zero}
            if wanted_zero and measure.key == "requests.new_received":  # a report without the figure whose
                counted = {row.ref.id for row in rows}  # text says it received none
                fits |= {r.id for r in keep if r.id not in counted and NONE_RECEIVED.search(self.load(r.id).text)}
            keep, said = [r for r in keep if r.id in fits], True
        if not said:
            return None
        keep.sort(key=lambda r: (r.year or 0, r.agency))
        cites = [Citation(r.id, r.title, r.agency, r.title, lang=self.lang) for r in keep]
        if self.lang == "en":
            names = aggregate.listed(keep, lambda r: agency_name(r.agency, self.lang, r.year), self.lang)
            text = f"{len(keep)} report{'s' if len(keep) != 1 else ''}: " + names + "." if keep else "None."
        else:
            names = aggregate.listed(keep, lambda r: agency_name(r.agency, self.lang, r.year), self.lang, "；")
            text = f"共{len(keep)}份报告：" + names + "。" if keep else "没有符合的报告。"
        return Answer(text, len(keep), AnswerKind.AGGREGATE, self.lang, cites)

    def verdict(self, answer: Answer) -> Answer:
        """A yes/no question gets its verdict as data: yes when the figure it rests on is above 0 (or, asked
        whether there was none, when it is 0); of several figures, when any is (is 0)."""
        values = [answer.value] if answer.value is not None else [v for v in answer.values if v is not None]
        if self.query.yes_no and answer.kind == AnswerKind.FIGURE and values:
            answer.verdict = any(not v for v in values) if self.query.none_asked else any(values)
            said = (
                ("Yes: ", "No: ")
                if self.lang == "en"
                else ("是。", "不是。")
                if self.query.none_asked
                else ("有。", "没有。")
            )
            if not answer.answer.startswith(said):
                answer.answer = said[0 if answer.verdict else 1] + answer.answer
        return answer

    def several(self, report: Report, parts: list[Measure]) -> Answer:
        """Every part of a multi-part question answered, each with its citation; a sum when asked."""
        answers = []
        for m in parts:
            for column in columns_named(self.query, m, columns_of(report, m)) or [None]:
                answers.append(answer_figure(self.question, report, m, self.lang, column))
        values = [a.value for a in answers]
        joined = " ".join(a.answer for a in answers)
        total = None
        if self.query.sum_of_parts and len(answers) > 1 and all(v is not None for v in values):
            total = sum(values)
            joined = (
                f"Together: {number(total)}. " if self.lang == "en" else f"合计：{number(total, self.lang)}。"
            ) + joined
        elif (
            len(answers) == 2
            and all(v is not None for v in values)
            and not self.query.yes_no
            and aggregate.operation(self.query.text)[0] == "compare"
        ):  # "by how many did the new requests exceed those carried over?": the difference of the two
            a, b = values
            total = abs(a - b)
            sums = f"{number(a, self.lang)} − {number(b, self.lang)} = {number(a - b, self.lang)}"
            joined = (f"Difference: {sums}. " if self.lang == "en" else f"相差：{sums}。") + joined
        kind = AnswerKind.FIGURE if any(a.kind == AnswerKind.FIGURE for a in answers) else AnswerKind.NOT_FOUND
        cites = [c for a in answers for c in a.citations]
        out = Answer(joined, total, kind, self.lang, cites, illegible=any(a.illegible for a in answers))
        out.values = values
        return self.verdict(out)

    def not_understood(self, report: Report | None) -> Answer:
        """No figure without a sure reading: say what was understood and offer the closest readings."""
        options = suggestions(self.query, report)
        if self.lang == "en":
            text = "The report gives no figure I can be sure is the one asked for, so I give none."
            if options:
                text += " Did you mean: " + "; ".join(o.label for o in options) + "?"
        else:
            text = "报告未提供可以确定为所问的数字，因此不给出数字。"
            if options:
                text += "您是否想问：" + "；".join(o.label for o in options) + "？"
        out = Answer(text, None, AnswerKind.NOT_FOUND, self.lang)
        if report is not None:
            closest = self.passage(report)
            if closest.kind == AnswerKind.PASSAGE and closest.citations:
                out.answer += (
                    " The closest passage of the report: " if self.lang == "en" else "报告中最接近的段落："
                ) + closest.citations[0].text[:300]
                out.citations = closest.citations[:1]
        out.suggestions = options
        return out

    def _in_its_words(self, report: Report, measure: Measure, asked: bool = False) -> Answer | None:
        """For an English question (any, when the text is ``asked`` for), the count a report's text states for
        the measure, read with the measure's own Chinese words beside the question's ("part-time staff"
        reaches "兼职人员1人")."""
        if (self.lang != "en" and not asked) or not vocabulary.asks("quantity").search(self.question):
            return None
        words = _chinese_words(measure)
        # the count found must be of the measure's own words (网上调查 is no 网上申请, however alike)
        question = f"{self.question} {' '.join(words)}"
        return narrative.answer(question, report, self.lang, tables=False, words=words, asked=asked)

    def _old_report(self, report: Report, measure: Measure) -> Answer:
        """A report before 2019 whose table lacks the figure: the count its text states in the measure's own
        Chinese words (an English question reaches "兼职人员1人" through them), else what is missing."""
        missing = answer_figure(self.question, report, measure, self.lang)
        stated = self._in_its_words(report, measure)
        if stated is not None:
            return self.verdict(stated)
        words = _chinese_words(measure)
        found = self.passage(report)
        if found.verdict is not None:  # a yes/no its text answers ("未收到政府信息公开申请")
            return found
        sentence = found.quote  # the passage's sentence, not the answer's words around it
        if found.kind == AnswerKind.PASSAGE and re.search(r"\d", sentence) and any(w in sentence for w in words):
            found.answer = (
                missing.answer + (" What its text says: " if self.lang == "en" else "报告正文：") + found.answer
            )
            return found
        return missing

    def about_corpus(self, measure: Measure | None) -> Answer:
        years = self.query.years
        named = list(self.query.named)
        if self.query.other_place:
            return self.no_such_place()
        if self.query.other_agency:
            return self.no_such_agency(named)
        if named and years and not any(r.year in years for r in named):
            missing = self.no_such_year(named, years)
            planned = Years(tuple(y - 1 for y in years.listed))  # a report plans the year after its own
            counting = vocabulary.asks("quantity").search(self.question)
            if measure is None and not counting and any(r.year in planned for r in named):
                found = self.in_years(measure, planned)  # said to be from another year, never silently
                found.answer = (
                    f"{missing.answer} {found.answer}" if self.lang == "en" else missing.answer + found.answer
                )
                return found
            return missing
        found = self.in_years(measure, years)
        if self.query.edition and found.kind != AnswerKind.NOT_FOUND:
            edition = self.query.edition
            found.answer += (
                f" (Only the reports that use the {edition} standard tables are counted.)"
                if self.lang == "en"
                else f"（只计采用{edition}年版统计表格式的报告。）"
            )
        return found

    def prose_ranking(self, op: str, n: int, among: Sequence[ReportRef]) -> Answer:
        """Reports ranked by the items they published proactively, a total their text states where their
        tables have none ("哪份年报主动公开的政府信息最多？"): each read as a question about it alone would be."""
        plain = _Context(
            replace(self.query, yes_no=False, share=False, sum=False), self.store, self._searcher, self.refs
        )
        alone = [(r, plain.about_report(self.load(r.id), None, counting=True)) for r in among]
        given = [
            (r, a) for r, a in alone if a.kind in (AnswerKind.FIGURE, AnswerKind.AGGREGATE) and a.value is not None
        ]
        if not given:
            return _nothing(self.lang)
        given.sort(key=lambda p: (-p[1].value if op != "least" else p[1].value, p[0].agency))
        shown = given[:n] if op == "top" else [p for p in given if p[1].value == given[0][1].value]
        listing = ("; " if self.lang == "en" else "；").join(
            f"{agency_name(r.agency, self.lang, r.year)} {number(a.value, self.lang)}" for r, a in shown
        )
        if self.lang == "en":
            what = {"most": "the most", "least": "the fewest", "top": f"the top {len(shown)}"}[op]
            text = f"Items published proactively, {what} of {len(given)} reports: {listing}."
        else:
            what = {"most": "最多", "least": "最少", "top": f"前{len(shown)}名"}[op]
            text = f"{len(given)}份报告中，主动公开政府信息条数{what}：{listing}。"
        counted = {r.id for r, _ in given}
        text += aggregate.not_counted([r for r in among if r.id not in counted], self.lang)
        cites = [c for _, a in shown for c in a.citations[:1]]
        return Answer(text, shown[0][1].value, AnswerKind.AGGREGATE, self.lang, cites)

    def over_years(self, measure: Measure | None, years: Years) -> Answer | None:
        """One named agency over the years asked (None unless one agency has reports for two of them)."""
        covering: dict[str, list[ReportRef]] = {}
        for r in self.query.named:
            if r.year in years:
                covering.setdefault(r.agency, []).append(r)
        agency = next((a for a, rs in covering.items() if len({r.year for r in rs}) >= 2), None)
        if agency is None:
            return None
        plain = _Context(
            replace(self.query, yes_no=False, share=False, sum=False), self.store, self._searcher, self.refs
        )
        points = []
        for year in years.listed:
            ref = _latest(covering[agency], Years((year,)))
            if ref is not None:
                points.append(series.Point(ref, plain.about_report(self.load(ref.id), measure, counting=True)))
        if measure is not None:
            what = measure.english if self.lang == "en" else measure.chinese
        else:
            what = next((p.answer.what for p in points if p.value is not None and p.answer.what), "")
            if not what:
                return None
        return series.answer(points, self.query.normal.text, what, self.query.yes_no, self.lang)

    def other_year(self, report: Report, measure: Measure | None) -> Answer:
        """The same agency's report for the year asked, said to be another than the one chosen; or, where
        the corpus has none, that it has none."""
        mine = [r for r in self.refs if r.agency == report.agency] or [
            ReportRef(report.id, report.title, report.agency, report.region, report.year, report.format, report.layout)
        ]
        pick = _latest(mine, self.query.years)
        if pick is None:
            return self.no_such_year(mine, self.query.years)
        found = self.about_report(self.load(pick.id), measure)
        if self.lang == "en":
            said = (
                f"The question asks about {pick.year}, so this is from the {pick.year} report, "
                f"not the {report.year} one: "
            )
        else:
            said = f"问题问的是{pick.year}年，以下来自{pick.year}年度报告，而非所选的{report.year}年度报告："
        found.answer = said + found.answer
        return found

    def _some(self, rows: list[aggregate.Row]) -> list[aggregate.Row]:
        """Only the reports with some of it, when the question ranks "those that got any at all"."""
        return [r for r in rows if r.value] if vocabulary.asks("some").search(self.question) else rows

    def in_years(self, measure: Measure | None, years: Years) -> Answer:
        """The answer over the corpus, for the years the question asks about (or the year before them)."""
        refs = self.query.of_edition(self.refs)  # the copies that count (of the tables' edition it names)
        named = list(self.query.of_edition(self.query.named))
        op, n = aggregate.operation(self.question)
        # "which reports had more than 100": a list of those past the bound, not the one with the most
        if LIST.search(self.query.normal.text) and (
            op not in ("top", "most", "least") or aggregate.bound(self.question)
        ):
            listed = self.listing(refs, measure)
            if listed:
                return listed
        if (
            len(years.listed) >= 2
            and len(self.query.parts) <= 1
            and not self.query.paired
            and (over := self.over_years(measure, years))
        ):
            return over
        if measure and named and len(years.listed) >= 2 and (op == "total" or self.query.sum):
            agency = next((r.agency for r in named if r.year in years), named[0].agency)
            among = [r for r in named if r.year in years and r.agency == agency]
            rows, column, lacking = aggregate.collect(among, self.load, measure, self.question, years, self.memo)
            if rows:
                return aggregate.total_or_average("total", rows, lacking, measure, column, years, self.lang)
        if op in ("most", "least") and (len({r.agency for r in named}) >= 2 or len(years.listed) >= 2) and measure:
            among = [r for r in (named or refs) if r.year in years]
            rows, column, lacking = aggregate.collect(among, self.load, measure, self.question, years, self.memo)
            rows = self._some(rows)
            if rows:
                return aggregate.ranking(op, n, rows, lacking, measure, column, years, self.lang)
        if op == "count" and (measure is None or vocabulary.asks("reports_named").search(self.query.text)):
            # of the agencies named, or of the corpus ("规范性文件有多少份" asks the figure)
            return aggregate.count_reports(named or list(refs), years, self.lang)
        if measure is None and op in ("most", "least", "top") and PROACTIVE_TOTAL.search(self.query.normal.text):
            return self.prose_ranking(op, n, [r for r in (named or refs) if not years or r.year in years])
        if measure is None and op == "change" and (changed := _what_changed(named, years.listed, self.load, self.lang)):
            return Answer(changed, None, "aggregate", self.lang)
        if measure is None:
            pick = _one_report(named, years)
            if pick:
                return self.about_report(self.load(pick.id), None)
            agency = named[0].agency if named and len({r.agency for r in named}) == 1 else None
            return self.passage(year=years.listed[0] if len(years.listed) == 1 else None, agency=agency)
        if op in ("most", "least", "top") or (op in ("total", "average") and not named):
            # a ranking of the reports of the agencies it names ("平潭…2019年以后的那几份年报…排个序"), else all
            among = [r for r in refs if r.agency in {n.agency for n in named}] if op == "top" and named else refs
            rows, column, lacking = aggregate.collect(among, self.load, measure, self.question, years, self.memo)
            rows = self._some(rows) if op != "total" else rows
            if not rows:
                return _nothing(self.lang)
            if op in ("total", "average"):
                return aggregate.total_or_average(op, rows, lacking, measure, column, years, self.lang)
            return aggregate.ranking(op, n, rows, lacking, measure, column, years, self.lang)
        agencies = list(dict.fromkeys(r.agency for r in named))
        each = bool(EACH.search(self.question))
        if (op == "compare" or each) and len(agencies) >= 2:
            # each agency in the year said with it ("Hongze 2024 vs Pingtan 2025"), else in the years asked
            asked = [(a, Years((y,))) for a, y in self.query.paired] or [(a, years) for a in agencies]
            picks = [p for a, ys in asked if (p := _latest([r for r in named if r.agency == a], ys))]
            rows, column, _ = aggregate.collect(picks, self.load, measure, self.question, Years(), self.memo)
            if len(rows) >= 2:
                if each:
                    return aggregate.each(rows, measure, column, self.lang)
                return aggregate.compare(rows, measure, column, self.lang)
        if op == "change":
            for agency in agencies:  # the named agency that has standard tables for the years asked
                mine = sorted((r for r in named if r.agency == agency and r.layout), key=lambda r: r.year or 0)
                chosen = [r for r in mine if r.year in years] if len(years.listed) >= 2 else mine[-2:]
                rows, column, _ = aggregate.collect(chosen, self.load, measure, self.question, Years(), self.memo)
                if len(rows) == 2:
                    return aggregate.change(rows[0], rows[1], measure, column, self.lang)
        if named:
            pick = _latest(named, years)
            if pick is None:  # the years of one agency, the one nearest the year asked
                return self.no_such_year(named, years)
            return self.about_report(self.load(pick.id), measure)
        if len(refs) == 1:
            return self.about_report(self.load(refs[0].id), measure)
        rows, column, lacking = aggregate.collect(refs, self.load, measure, self.question, years, self.memo)
        if not rows:
            return _nothing(self.lang)
        return aggregate.per_report(rows, lacking, measure, column, years, self.lang)


CONJUNCTION, OF_WHICH, PREDICATE, EACH = (vocabulary.asks(k) for k in ("conjunction", "of_which", "predicate", "each"))
CLAUSE = re.compile(r"[^，,。；;？?！!：:]+")
MODIFIER = re.compile(r"的")


def _together(found: list[Answer], total: float | None, lang: str) -> Answer:
    """Several figures answering the parts of one question, each with its citations (``total``: their sum)."""
    out = Answer(" ".join(f.answer for f in found), total, AnswerKind.FIGURE, lang)
    out.citations = [c for f in found for c in f.citations]
    out.values = [f.value for f in found]
    return out


def _joined_parts(text: str) -> list[tuple[int, int]]:
    """The spans of the things a Chinese question joins by 和, 与, 、 … within one clause ("区直部门和乡镇"):
    each piece between the joining words that names something. The rest of the question is context."""
    of_which = OF_WHICH.search(text)  # "微信公众号发了多少篇文章，其中原创的多少篇": the whole, then a part of it
    if of_which and _names_something(text[: of_which.start()]) and _names_something(text[of_which.end() :]):
        return [(0, of_which.start()), (of_which.end(), len(text))]
    out: list[tuple[int, int]] = []
    for clause in CLAUSE.finditer(text):
        cuts = [m.span() for m in CONJUNCTION.finditer(text, clause.start(), clause.end())]
        if not cuts:
            continue
        bounds = [clause.start(), *[x for c in cuts for x in c], clause.end()]
        pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        a, b = pieces[-1]  # the last thing joined ends where what is asked of them begins (分别…几条)
        said = PREDICATE.search(text, a, b)
        pieces[-1] = (a, said.start() if said else b)
        a, b = pieces[0]  # the first begins after what is said of them all ("网站发布的")
        heads = list(MODIFIER.finditer(text, a, b))
        if heads and _names_something(text[heads[-1].end() : b]):
            pieces[0] = (heads[-1].end(), b)
        out += [(a, b) for a, b in pieces if _names_something(text[a:b])]
    return out


WEAK_READING = 4  # the weight of a row named by one two-character word ("收到") or an English word or two


# The measure words requests and appeals are counted in (件, and 宗/起 for cases)
COUNTED_IN = {"requests": frozenset({"件"}), "appeals": frozenset({"件", "宗", "起"})}
ANY_THING = frozenset({"次", "个"})


def _counts_other_things(question: str, measure: Measure) -> bool:
    """The question counts in a unit of things that requests or appeals are not counted in ("how many pieces of
    information", 多少条): the measure its words name is not what it asks."""
    units = narrative.asked_units(question) - ANY_THING  # "how many times", 几个: any count at all
    own = COUNTED_IN.get(measure.table)
    return bool(own and units) and not units & own and all(narrative.kind_of(u) == "count" for u in units)


def _chinese_words(measure: Measure) -> list[str]:
    """The measure's phrases in Chinese: the report's own words for it."""
    return [p for p in measure.phrases if CJK_CHAR.search(p)]


def _weakly_read(query: Query) -> bool:
    """One reading, named by a short word, or a row of the requests table named by a question that never
    says "requests" ("how many articles interpreting policies were released?")."""
    if len(query.parts) != 1:
        return False
    best = query.parts[0].readings[0]
    q = _normal(query.masked)
    return best.score <= WEAK_READING or best.key.startswith("requests.") and not any(_found(g, q) for g in GENERIC)


def _two_readings(table: Answer, prose: Answer, report: Report, lang: str) -> Answer:
    """The table (an old one's coarse row, or a row named by one short word) and the text each answer
    with another number: neither is given as the figure."""
    if lang == "en":
        text = (
            f"{capitalized(who(report.agency, report.year, lang))} answers this two ways, so I give no single "
            f"figure. Its table: {table.answer} Its text: {prose.answer}"
        )
    else:
        text = (
            f"{who(report.agency, report.year, lang)}对此有两种读法，因此不给出单一数字。"
            f"表格：{table.answer}正文：{prose.answer}"
        )
    return Answer(text, None, AnswerKind.NOT_FOUND, lang, [*table.citations, *prose.citations])


def _asked_parts(text: str) -> list[tuple[int, int]]:
    """The spans of an English question's parts where it asks several things ("how many X, how many were
    solved on the spot, and how many followed up?"): each from one "how many" to the next."""
    starts = [m.start() for m in vocabulary.asks("each_quantity").finditer(text)]
    if len(starts) < 2:
        return []
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(text)], strict=True) if _names_something(text[a:b])]


_QUESTION_END = re.compile(r"[？?；;，,]")


def _asked_questions(text: str) -> list[tuple[int, int]]:
    """The spans of a Chinese text's questions where it asks several, each ending in its own 多少/几
    ("…办了几件？一共减免了多少钱？", "收到多少件？当场解决了几件，跟进解决了几件？"); a clause asking
    nothing belongs to the question after it."""
    asked, start = [], 0
    for end in [*(m.end() for m in _QUESTION_END.finditer(text)), len(text)]:
        if vocabulary.asks("each_quantity").search(text, start, end):
            asked.append((start, end))
            start = end
    return asked if len(asked) >= 2 and all(_names_something(text[a:b]) for a, b in asked) else []


def _columns(named: list[ColumnChoice]) -> list[ColumnChoice]:
    """The columns a question names by their own words (not the total, which "一共" names too)."""
    return [c for c in named if c.ids != ("total",)]


def _asked_from(text: str, a: int, b: int) -> int:
    """Where the question text[a:b] begins to ask its quantity (its 多少/几), or a."""
    m = vocabulary.asks("each_quantity").search(text, a, b)
    return m.start() if m else a


def _names_something(piece: str) -> bool:
    """A piece of a question that names something: two Chinese characters, or an English word of its own
    (not "how", "the", "from" …)."""
    cjk = CJK_CHAR.findall(re.sub(r"多少|几|是|的|了|各|有", "", piece))
    words = [w for w in re.findall(r"[a-z]{3,}", piece.lower()) if w not in vocabulary.FUNCTION_WORDS]
    return len(cjk) >= 2 or bool(words)


def _what_changed(*args) -> str | None:
    from assistant.compare.qa import what_changed

    return what_changed(*args)


def _latest(refs: list[ReportRef], years: Years) -> ReportRef | None:
    cands = [r for r in refs if r.year in years]
    return max(cands, key=lambda r: (r.year or 0, r.layout is not None)) if cands else None


def _one_report(named: list[ReportRef], years: Years) -> ReportRef | None:
    """The report a passage question names: the latest that fits its years (a year that fits none is about
    something else: "what will it do in 2025?")."""
    within = [r for r in named if r.year in years] or named
    if not within:
        return None
    return _latest(within, years) or max(within, key=lambda r: r.year or 0)


def _nothing(lang: str) -> Answer:
    return Answer(
        "No report in the corpus gives this figure." if lang == "en" else "语料库中没有报告给出该数字。",
        None,
        AnswerKind.NOT_FOUND,
        lang,
    )

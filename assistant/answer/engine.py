"""ask(): a question in Chinese or English -> an exact figure, a computed aggregate, or a passage,
always with citations, and plainly "not given" when the reports do not tell."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from assistant.answer import aggregate
from assistant.answer.answer import Answer, AnswerKind, agency_name, number
from assistant.answer.figures import answer_figure, columns_of
from assistant.answer.language import detect
from assistant.answer.measures import _QUANTITY, Measure, _found, asks_for_figure, measures
from assistant.answer.read import Query, columns_named, read
from assistant.answer.retrieve import answer_passage, report_searcher
from assistant.answer.scope import ReportRef, Years, canonical
from assistant.answer.suggest import suggestions
from assistant.domain import schema
from assistant.domain.record import Report
from assistant.search.searcher import Searcher, store_corpus
from assistant.store.database import Store


def corpus_searcher(store_path: str) -> Searcher:
    """The corpus's passage index, brought up to date with the store whenever the store changes."""
    return _searcher(store_path, Store(store_path).fingerprint())


@cache
def _searcher(store_path: str, fingerprint: str) -> Searcher:
    return store_corpus(store_path).searcher()


def ask(
    question: str,
    *,
    report: Report | None = None,
    report_id: str | None = None,
    store: Store | None = None,
    searcher: Searcher | None = None,
) -> Answer:
    """Answer a question about one report (``report`` or ``report_id``) or, with neither, the corpus."""
    store = store or Store()
    lang = detect(question)
    if report is None and report_id is not None:
        report = store.report(report_id)
        if report is None:
            return Answer(
                f"No report with id {report_id} in the corpus."
                if lang == "en"
                else f"语料库中没有编号为{report_id}的报告。",
                None,
                AnswerKind.NOT_FOUND,
                lang,
            )
    query = read(question, lang, canonical(store))
    measure = _measure(query.parts[0].key) if query.parts else None
    if not asks_for_figure(query.text, measure) and aggregate.operation(query.text)[0] is None:
        measure = None  # "how does the bureau handle applications?" is for the passages
    ctx = _Context(query, store, searcher)
    if report is not None:
        return ctx.about_report(report, measure)
    return ctx.about_corpus(measure)


# The rows a share is taken of, never part of its numerator when something else is named.
BASES = frozenset(f"requests.{r}" for r in ("new_received", "carried_over", "total_handled", "carried_forward"))


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
    q = question.lower()
    for section in schema.SECTIONS:
        if any(_found(k, q) for k in section.keywords):
            return section.id
    return None


class _Context:
    def __init__(self, query: Query, store: Store, searcher: Searcher | None):
        self.query, self.store, self._searcher = query, store, searcher
        self.question, self.lang = query.text, query.lang
        self.load = lru_cache(maxsize=None)(store.report)

    @property
    def searcher(self) -> Searcher:
        return self._searcher or corpus_searcher(str(self.store.path))

    def passage(self, report: Report | None = None, **filters) -> Answer:
        prefer = preferred_section(self.question)
        if report is None:
            return answer_passage(self.question, self.searcher, self.lang, prefer=prefer, **filters)
        stored = self.load(report.id)
        searcher = self.searcher if stored and stored.sha256 == report.sha256 else report_searcher(report)
        return answer_passage(
            self.question,
            searcher,
            self.lang,
            report_id=report.id,
            year=report.year,
            agency=report.agency,
            prefer=prefer,
        )

    def about_report(self, report: Report, measure: Measure | None) -> Answer:
        if measure is None:
            if _QUANTITY.search(self.question):
                return self.not_understood(report)
            return self.passage(report)
        if not report.layout:  # before 2019: what the prose says, if it says it
            return self._old_report(report, measure)
        parts = [_measure(p.key) for p in self.query.parts]
        if self.query.share:
            shares = [m for m in parts if m.key not in BASES] or parts
            whole = _joined(shares) if len({m.table for m in shares}) == 1 else measure
            shared = aggregate.share(report, whole, self.question, self.lang)
            if shared:
                return shared
        if len(parts) > 1 or len(columns_named(self.query, measure, columns_of(report, measure))) > 1:
            return self.several(report, parts)
        return self.verdict(answer_figure(self.question, report, measure, self.lang))

    def verdict(self, answer: Answer) -> Answer:
        """A yes/no question gets its verdict as data: yes when the figure it rests on is above 0."""
        if self.query.yes_no and answer.kind == AnswerKind.FIGURE and answer.value is not None:
            answer.verdict = bool(answer.value)
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
        if self.query.sum and len(answers) > 1 and all(v is not None for v in values):
            total = sum(values)
            joined = (
                f"Together: {number(total)}. " if self.lang == "en" else f"合计：{number(total, self.lang)}。"
            ) + joined
        kind = AnswerKind.FIGURE if any(a.kind == AnswerKind.FIGURE for a in answers) else AnswerKind.NOT_FOUND
        cites = [c for a in answers for c in a.citations]
        out = Answer(joined, total, kind, self.lang, cites)
        out.values = values
        return out

    def not_understood(self, report: Report | None) -> Answer:
        """No figure without a sure reading: say what was understood and offer the closest readings."""
        options = suggestions(self.query, report)
        if self.lang == "en":
            text = "I could not tell which figure this asks for, so I give none."
            if options:
                text += " Did you mean: " + "; ".join(o.label for o in options) + "?"
        else:
            text = "无法确定问题所问的是哪一项数字，因此不给出数字。"
            if options:
                text += "您是否想问：" + "；".join(o.label for o in options) + "？"
        out = Answer(text, None, AnswerKind.NOT_FOUND, self.lang)
        out.suggestions = options
        return out

    def _old_report(self, report: Report, measure: Measure) -> Answer:
        missing = answer_figure(self.question, report, measure, self.lang)
        found = self.passage(report)
        words = [p for p in measure.phrases if re.search(r"[\u4e00-\u9fff]", p)]
        sentence = found.answer
        if found.kind == AnswerKind.PASSAGE and re.search(r"\d", sentence) and any(w in sentence for w in words):
            found.answer = (
                missing.answer + (" What its text says: " if self.lang == "en" else "报告正文：") + found.answer
            )
            return found
        return missing

    def about_corpus(self, measure: Measure | None) -> Answer:
        refs = canonical(self.store)
        years = self.query.years
        named = list(self.query.named)
        op, n = aggregate.operation(self.question)
        if op == "count":
            return aggregate.count_reports(refs, years, self.lang)
        if measure is None:
            pick = _one_report(named, years)
            if pick:
                return self.passage(self.load(pick.id))
            agency = named[0].agency if named and len({r.agency for r in named}) == 1 else None
            return self.passage(year=years.listed[0] if len(years.listed) == 1 else None, agency=agency)
        if op in ("most", "least", "top") or (op in ("total", "average") and not named):
            rows, column, lacking = aggregate.collect(refs, self.load, measure, self.question, years)
            if not rows:
                return _nothing(self.lang)
            if op in ("total", "average"):
                return aggregate.total_or_average(op, rows, lacking, measure, column, years, self.lang)
            return aggregate.ranking(op, n, rows, lacking, measure, column, years, self.lang)
        agencies = list(dict.fromkeys(r.agency for r in named))
        if op == "compare" and len(agencies) >= 2:
            picks = [p for p in (_latest([r for r in named if r.agency == a], years) for a in agencies) if p]
            rows, column, _ = aggregate.collect(picks, self.load, measure, self.question, Years())
            if len(rows) >= 2:
                return aggregate.compare(rows, measure, column, self.lang)
        if op == "change":
            for agency in agencies:  # the named agency that has standard tables for the years asked
                mine = sorted((r for r in named if r.agency == agency and r.layout), key=lambda r: r.year or 0)
                chosen = [r for r in mine if r.year in years] if len(years.listed) >= 2 else mine[-2:]
                rows, column, _ = aggregate.collect(chosen, self.load, measure, self.question, Years())
                if len(rows) == 2:
                    return aggregate.change(rows[0], rows[1], measure, column, self.lang)
        if named:
            pick = _latest(named, years)
            if pick is None:
                have = ", ".join(sorted({str(r.year) for r in named}))
                asked = years.describe(self.lang)
                return Answer(
                    f"The corpus has no report of {agency_name(named[0].agency, self.lang)} for {asked} "
                    f"(it has {have})."
                    if self.lang == "en"
                    else f"语料库中没有{named[0].agency}{asked}的报告（现有：{have}）。",
                    None,
                    AnswerKind.NOT_FOUND,
                    self.lang,
                )
            return self.about_report(self.load(pick.id), measure)
        if len(refs) == 1:
            return self.about_report(self.load(refs[0].id), measure)
        rows, column, lacking = aggregate.collect(refs, self.load, measure, self.question, years)
        if not rows:
            return _nothing(self.lang)
        answer = aggregate.total_or_average("total", rows, lacking, measure, column, years, self.lang)
        answer.answer += (
            " (The question names no report, so this is read over the whole corpus; name an agency "
            "and year, or ask about one report, for its own figure.)"
            if self.lang == "en"
            else "（问题未指明报告，因此按整个语料库统计；如需单份报告的数字，请指明机关和年度或选择一份报告。）"
        )
        return answer


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

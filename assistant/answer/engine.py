"""ask(): a question in Chinese or English -> an exact figure, a computed aggregate, or a passage,
always with citations, and plainly "not given" when the reports do not tell."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from assistant.answer import aggregate
from assistant.answer.answer import Answer, agency_name
from assistant.answer.figures import answer_figure
from assistant.answer.language import detect
from assistant.answer.measures import Measure, _found, asks_for_figure, match_measure
from assistant.answer.retrieve import answer_passage, report_searcher
from assistant.answer.scope import ReportRef, Years, canonical, named_reports, years_in
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
                "not_found",
                lang,
            )
    measure, _ = match_measure(question)
    if not asks_for_figure(question, measure) and aggregate.operation(question)[0] is None:
        measure = None  # "how does the bureau handle applications?" is for the passages
    ctx = _Context(question, lang, store, searcher)
    if report is not None:
        return ctx.about_report(report, measure)
    return ctx.about_corpus(measure)


def preferred_section(question: str) -> str | None:
    q = question.lower()
    for section in schema.SECTIONS:
        if any(_found(k, q) for k in section.keywords):
            return section.id
    return None


class _Context:
    def __init__(self, question: str, lang: str, store: Store, searcher: Searcher | None):
        self.question, self.lang, self.store, self._searcher = question, lang, store, searcher
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
            return self.passage(report)
        if not report.layout:  # before 2019: what the prose says, if it says it
            return self._old_report(report, measure)
        if aggregate.operation(self.question)[0] == "share":
            shared = aggregate.share(report, measure, self.question, self.lang)
            if shared:
                return shared
        return answer_figure(self.question, report, measure, self.lang)

    def _old_report(self, report: Report, measure: Measure) -> Answer:
        missing = answer_figure(self.question, report, measure, self.lang)
        found = self.passage(report)
        words = [p for p in measure.phrases if re.search(r"[\u4e00-\u9fff]", p)]
        sentence = found.answer
        if found.kind == "passage" and re.search(r"\d", sentence) and any(w in sentence for w in words):
            found.answer = (
                missing.answer + (" What its text says: " if self.lang == "en" else "报告正文：") + found.answer
            )
            return found
        return missing

    def about_corpus(self, measure: Measure | None) -> Answer:
        refs = canonical(self.store)
        years = years_in(self.question)
        named = named_reports(self.question, refs)
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
                    "not_found",
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
        "not_found",
        lang,
    )

"""One copy of each agency-year report counts, chosen by one rule (assistant.domain.canonical), and the
Q&A, the corpus digest and the search all count that same copy.

The corpus holds pingtan-2024, pingtan-2025 and shuyang-fagaiju-2023 as the original HTML page plus a
PDF and a DOCX rendered from it (pingtan also as crawler text). The crawler text glues table cells
(``行政规范性文件6233440``), so some of its cells fit more than one reading; the HTML, PDF and DOCX give
every figure plainly, and of those the HTML page is the original: it is the copy that counts.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.answer import ask
from assistant.domain.canonical import Copy, counted, superseded
from assistant.search.searcher import store_corpus
from assistant.summarize.batch import corpus_digest, digest_record
from assistant.summarize.core import summarize

COPIES = {
    "pingtan-2024.html": {"pingtan-2024.txt", "pingtan-2024.rendered.pdf", "pingtan-2024.rendered.docx"},
    "pingtan-2025.html": {"pingtan-2025.txt", "pingtan-2025.rendered.pdf", "pingtan-2025.rendered.docx"},
    "shuyang-fagaiju-2023.html": {"shuyang-fagaiju-2023.rendered.pdf", "shuyang-fagaiju-2023.rendered.docx"},
}
QUESTIONS = {  # a figure each of these reports gives, asked by agency and year
    "pingtan-2024.html": "平潭综合实验区2024年本年新收政府信息公开申请多少件？",
    "pingtan-2025.html": "How many requests did Pingtan receive in 2025?",
    "shuyang-fagaiju-2023.html": "沭阳县发展和改革局2023年本年新收政府信息公开申请多少件？",
}


@pytest.fixture(scope="module")
def copies(corpus_store) -> dict[str, Copy]:
    return {c.id: c for c in corpus_store.copies()}


@pytest.fixture(scope="module")
def digest(corpus_store) -> dict:
    records = []
    for meta in corpus_store.reports():
        report = corpus_store.report(meta["id"])
        records.append(digest_record(report, summarize(report, "en")))
    return corpus_digest(records)


def test_the_rule_picks_the_original_page_over_its_renderings_and_the_crawler_text(copies):
    chosen = {c.id for c in counted(copies.values())}
    assert set(COPIES) <= chosen
    assert superseded(copies.values()) == set().union(*COPIES.values())
    assert len(chosen) == 15  # 23 files, 15 reports (corpus/README.md)


def test_the_rule_reads_the_same_metadata_from_a_report_and_from_the_store(corpus_store, copies):
    for rid, copy in copies.items():
        assert Copy.of(corpus_store.report(rid)) == copy


def test_completeness_then_certainty_then_format_decide(copies):
    html, txt, pdf = copies["pingtan-2024.html"], copies["pingtan-2024.txt"], copies["pingtan-2024.rendered.pdf"]
    assert txt.uncertain > 0 and html.uncertain == 0 and txt.figures == html.figures == pdf.figures
    # a copy that gives one more figure counts, whatever its format and uncertain cells
    fuller = replace(txt, figures=txt.figures + 1)
    assert [c.id for c in counted([html, fuller, pdf])] == ["pingtan-2024.txt"]
    # as complete: the fewer uncertain cells win over the format
    surer = replace(html, uncertain=1)
    assert [c.id for c in counted([surer, pdf])] == ["pingtan-2024.rendered.pdf"]
    # as complete and as certain: HTML > PDF > DOCX > TXT, whatever the order the copies come in
    plain = [replace(c, uncertain=0) for c in (txt, copies["pingtan-2024.rendered.docx"], pdf, html)]
    assert [c.id for c in counted(plain)] == ["pingtan-2024.html"]
    assert [c.id for c in counted(plain[:3])] == ["pingtan-2024.rendered.pdf"]
    assert [c.id for c in counted(plain[:2])] == ["pingtan-2024.rendered.docx"]


def test_reports_of_unknown_year_are_never_taken_for_copies(copies):
    a, b = replace(copies["pingtan-2015.txt"], year=None), replace(copies["pingtan-2016.txt"], year=None)
    assert [c.id for c in counted([a, b])] == ["pingtan-2015.txt", "pingtan-2016.txt"]


def test_the_qa_answers_from_the_copy_that_counts(corpus_store):
    for rid, question in QUESTIONS.items():
        answer = ask(question, store=corpus_store)
        assert answer.kind == "figure", (question, answer.answer)
        assert {c.report_id for c in answer.citations} == {rid}, question


def test_a_corpus_question_counts_each_report_once(corpus_store):
    ranking = ask("2024年哪个机关收到的申请最多？", store=corpus_store)
    assert [c.report_id for c in ranking.citations] == [
        "pingtan-2024.html",
        "huaian-hongze-2024.pdf",
        "shanghai-stcsm-2024.md",
    ]
    assert ask("语料库里有多少份报告？", store=corpus_store).value == 15


def test_the_corpus_digest_counts_the_same_copy(digest):
    assert digest["totals"]["reports"] == 15 and digest["totals"]["files"] == 23
    ranked = {r["id"] for r in digest["ranking_received"]}
    assert set(COPIES) <= ranked
    assert not ranked & set().union(*COPIES.values())


def test_search_finds_the_same_copy(corpus_store):
    searcher = store_corpus(corpus_store.path).searcher()
    for rid, others in COPIES.items():
        year = int(rid.split("-")[-1].split(".")[0])
        hits = searcher.search("政府信息公开", year=year, k=50)
        ids = {h.report_id for h in hits}
        assert rid in ids and not ids & others, rid
        # asked for without the rule, every copy has the passage (a hit, or a copy collapsed into one)
        every = searcher.search("政府信息公开", year=year, k=200, distinct=False)
        assert others <= {r for h in every for r in (h.report_id, *h.copies)}

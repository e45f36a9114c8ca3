"""A question about a year the corpus has no report of says so and names the nearest years, of the one
agency it names, for figure and open (passage) questions alike; a non-question gets no passage.

The years, read from corpus/MANIFEST.tsv: 平潭综合实验区管委会 has 2015, 2016, 2017, 2019, 2020, 2021,
2024 and 2025; 平潭县人民政府 has 2011 and 2012; 平潭综合实验区地方税务局 has 2013."""

from __future__ import annotations

import pytest

from assistant.answer import ask

ZONE_YEARS_EN = "it has 2015, 2016, 2017, 2019, 2020, 2021, 2024, 2025"
ZONE_YEARS_ZH = "现有2015、2016、2017、2019、2020、2021、2024、2025年"


def test_an_open_question_about_a_missing_year_says_it_is_missing(corpus_store):
    answer = ask("What problems did Pingtan report in 2023?", store=corpus_store)
    assert answer.answer.startswith("The corpus has no report of Pingtan")
    assert "for 2023" in answer.answer and ZONE_YEARS_EN in answer.answer
    assert "(nearest: 2021, 2024)" in answer.answer


def test_an_answer_from_the_year_before_says_the_year_asked_is_missing(corpus_store):
    """2022 is missing; the 2021 report (which plans 2022) may answer, but never silently."""
    answer = ask("平潭2022年存在哪些主要问题？", store=corpus_store)
    assert answer.answer.startswith("语料库中没有平潭综合实验区管委会2022年的报告；" + ZONE_YEARS_ZH)
    assert "（最接近：2020、2021年）" in answer.answer
    assert answer.citations and all(c.report_id == "pingtan-2021.txt" for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "agency", "years"),
    [
        ("平潭2022年收到多少件申请？", "平潭综合实验区管委会", ZONE_YEARS_ZH),
        ("平潭县2013年收到多少件申请？", "平潭县人民政府", "现有2011、2012年"),
    ],
)
def test_a_not_found_answer_lists_the_years_of_the_agency_it_names(corpus_store, question, agency, years):
    answer = ask(question, store=corpus_store)
    assert answer.kind == "not_found" and answer.value is None
    head, listed = answer.answer.split("；", 1)
    assert head.startswith(f"语料库中没有{agency}")
    assert listed.startswith(years)
    others = {"2011", "2012", "2013"} if agency.startswith("平潭综合") else {"2015", "2019", "2025"}
    assert not any(y in listed for y in others)


@pytest.mark.parametrize("question", ["<script>alert(1)</script>", "<b>hello</b>", "???"])
def test_markup_is_not_a_question_about_the_reports(corpus_store, question):
    answer = ask(question, store=corpus_store)
    assert answer.kind == "not_found" and not answer.citations
    assert "not a question about the reports" in answer.answer


def test_an_agency_the_corpus_lacks_is_said_to_be_missing(corpus_store):
    # corpus/ holds one Shanghai report, of the science and technology commission (上海市科学技术委员会)
    questions = ("How many requests did the Shanghai education bureau get in 2024?", "上海市教委2024年收到几件申请？")
    for question in questions:
        answer = ask(question, store=corpus_store)
        assert answer.kind == "not_found" and answer.value is None, answer.answer
        assert "上海市科学技术委员会" in answer.answer

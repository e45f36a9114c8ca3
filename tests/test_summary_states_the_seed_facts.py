"""The seed's English summary states its facts: agency in English, year, requests, outcomes, proactive
disclosure, fees, and that the report gives no reconsideration or litigation figures."""

from __future__ import annotations

import pytest
from conftest import SEED

from assistant.extract.report import parse_file
from assistant.summarize.core import summarize


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED)


@pytest.fixture(scope="module")
def english(seed):
    return summarize(seed, "en")


def test_seed_summary_names_the_agency_and_year(english):
    assert english.agency_english == "Lu'an Municipal Human Resources and Social Security Bureau"
    who = english.paragraph("who").text
    assert who.startswith("Lu'an Municipal Human Resources and Social Security Bureau")
    assert "for 2023" in who and "六安市人力资源和社会保障局2023年政府信息公开工作年度报告" in who


def test_seed_summary_states_the_requests(english):
    text = english.paragraph("requests").text
    assert "received 3 new requests for government information, all from individuals" in text
    assert "carried over 0 from the previous year" in text
    assert "2 (100%) were granted in full" in text
    assert "It carried 1 request forward to the next year." in text
    f = english.facts["requests"]
    assert (f["received"], f["from_individuals"], f["from_organisations"]) == (3, 3, 0)
    assert (f["carried_over"], f["handled"], f["carried_forward"]) == (0, 2, 1)
    assert f["outcomes"]["granted"] == {"count": 2, "share": "100%", "reasons": {}}
    assert f["outcomes"]["denied"]["count"] == 0


def test_seed_summary_states_proactive_disclosure_and_fees(english):
    text = english.paragraph("proactive").text
    assert "issued 2 normative documents, repealed 0 and had 5 in force" in text
    assert "135 decisions on administrative licensing, 2 on administrative penalties" in text
    assert "It collected no administrative fees" in text
    assert "no information processing fees were charged" in english.paragraph("other_matters").text
    pro = english.facts["proactive"]
    assert pro["proactive.normative_documents.issued"] == 2
    assert pro["proactive.normative_documents.in_force"] == 5
    assert pro["proactive.licensing.decisions"] == 135 and pro["proactive.penalties.decisions"] == 2
    assert pro["proactive.fees.amount_10k_yuan"] == 0


def test_seed_summary_says_there_are_no_appeal_figures(english):
    assert english.facts["appeals"] is None
    # the copy has the table's heading and nothing under it: the copy lost the table, the report did not say "none"
    assert english.paragraph("appeals").text.startswith(
        "The table of administrative reconsideration and litigation could not be read from this copy of the report"
    )
    assert "gives no figures" not in english.paragraph("appeals").text
    assert "0 upheld" not in english.text  # missing is never 0


def test_seed_summary_checks_the_arithmetic(english):
    assert english.facts["arithmetic"]["status"] == "holds"
    assert english.paragraph("arithmetic").text.startswith("The table's arithmetic holds")


def test_seed_summary_gives_the_narrative_counts_and_key_sentences(english):
    work = english.paragraph("work").text
    assert "It proactively disclosed more than 1,000 items of government information." in work
    assert "more than 300 items of key-area information" in work
    assert 2 <= len(english.key_sentences) <= 3
    for k in english.key_sentences:
        assert "为指导" not in k.text  # the guiding-thought boilerplate is no key sentence
        assert all(zh in k.text for zh, _ in k.glosses)


def test_seed_summary_from_the_store_matches_the_file(corpus_store, english):
    stored = summarize(corpus_store.report(SEED.name), "en")
    assert stored.paragraphs == english.paragraphs


def test_seed_chinese_summary_states_the_same_facts(seed, english):
    zh = summarize(seed, "zh")
    text = zh.text
    assert "本年新收政府信息公开申请3件（自然人3件，法人或其他组织0件），上年结转0件" in text
    assert "予以公开2件（100%）" in text and "结转下年度继续办理1件" in text
    assert "行政规范性文件：本年制发件数2，本年废止件数0，现行有效件数5" in text
    assert "行政许可：本年处理决定数量135" in text and "未能读出“政府信息公开行政复议、行政诉讼情况”表格的数据" in text
    assert [k.text for k in zh.key_sentences] == [k.text for k in english.key_sentences]
    assert zh.facts["requests"] == english.facts["requests"]

"""The report's own content (work items, problems, improvements, other matters) is rendered in English by the
reports' sentence patterns, and what no pattern renders is quoted with a gloss and counted."""

from __future__ import annotations

from conftest import CORPUS

from assistant.domain.canonical import Copy, counted
from assistant.extract.report import parse_file
from assistant.summarize.core import summarize
from assistant.summarize.coverage import coverage
from assistant.summarize.english import render_item, render_problem, split_items


def test_at_least_80_percent_of_the_corpus_content_is_rendered_in_english(corpus_store):
    reports = [corpus_store.report(m["id"]) for m in corpus_store.reports()]
    result = coverage(reports)
    assert result.total > 300
    assert result.share >= 0.8, result
    # over the distinct reports too: the four copies of pingtan-2024 and -2025 must not carry the share
    keep = {c.id for c in counted(Copy.of(r) for r in reports)}
    distinct = coverage(r for r in reports if r.id in keep)
    assert len(keep) == 15 and distinct.share >= 0.8, distinct


def test_a_numbered_list_becomes_its_items():
    text = "一是优化主动公开目录，开展编制。二是增强政策解读效果。三是加快数字化转型。"
    assert split_items(text) == ["优化主动公开目录，开展编制。", "增强政策解读效果。", "加快数字化转型。"]
    assert [render_item(i).en for i in split_items(text)] == [
        "Optimising the proactive disclosure catalogue",
        "Enhancing the effect of policy interpretation",
        "Speeding up digital transformation",
    ]


def test_the_problem_patterns_keep_their_modality():
    assert (
        render_problem("政策解读质量有待进一步提高").en
        == "The quality of policy interpretation needs to be further improved"
    )
    assert (
        render_problem("政策解读形式不够丰富").en == "The forms of policy interpretation are not sufficiently enriched"
    )
    assert render_problem("政务公开渠道有限").en == "Open government channels are limited"
    assert render_problem("受人员编制限制").en == "The work is limited by staffing quotas"


def test_what_no_pattern_renders_is_quoted_with_a_gloss_and_counted():
    item = render_item("主播与企业人事经理点对点交流")
    assert item.en is None and item.english().startswith("“主播与企业人事经理点对点交流” (quoted")
    s = summarize(parse_file(CORPUS / "000_782cdb5e9cbe54e2.txt"), "en")
    content = s.facts["content"]
    assert content["quoted"] >= 1
    note = s.paragraph("rendering").text
    assert f"{content['quoted']} are quoted in Chinese" in note or f"{content['quoted']} is quoted" in note
    assert "without machine translation" in note and "Not read:" in note


def test_the_guiding_thought_boilerplate_is_no_key_sentence_and_no_work_item():
    s = summarize(parse_file(CORPUS / "pingtan-2024.txt"), "en")
    assert all("为指导" not in k.text for k in s.key_sentences)
    assert "Thought" not in s.text and "为指导" not in s.text


def test_the_chinese_summary_has_the_same_parts_with_its_units():
    en = summarize(parse_file(CORPUS / "pingtan-2024.txt"), "en")
    zh = summarize(parse_file(CORPUS / "pingtan-2024.txt"), "zh")
    shared = {"requests", "arithmetic", "proactive", "appeals", "work", "problems", "other_matters"}
    assert shared <= {p.id for p in en.paragraphs} and shared <= {p.id for p in zh.paragraphs}
    assert "通过政府门户网站全年主动公开各类政府信息10407条" in zh.paragraph("work").text
    assert "It proactively disclosed 10,407 items of government information." in en.paragraph("work").text
    assert "报告称未收取信息处理费" in zh.text and "no information processing fees were charged" in en.text


def test_a_count_whose_measure_is_not_one_known_term_is_not_said_half_understood():
    # corpus/shanghai-stcsm-2024.md 三 prints "上年结转政府信息公开申请 2 件" and "部分公开答复 0 件": the
    # vocabulary names their head noun (申请, 答复) but not the whole, so they must not come out as
    # "2 requests for carried over from last year requests" or "0 items of reply" (a partial-grant reply)
    text = summarize(parse_file(CORPUS / "shanghai-stcsm-2024.md"), "en").text
    assert "carried over from last year requests" not in text
    assert "items of reply" not in text

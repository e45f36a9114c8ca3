"""A question's words about what it is not asking ("not the ones …", 别跟…搞混) or already knows ("…是135件我知道了")
never pick its measure, and an outcome named with its reason after "because" is the reason's row. Expected
values read by hand: corpus/shanghai-stcsm-2024.md 表三 二、上年结转 2, 四、结转下年度继续办理 1, and 一、总体情况
“该行政复议件未被复议审查机关纠错”; huaian-hongze-2024.pdf 第二十条 行政处罚 2776 (收费 7545 万元), 表三 （一）予以公开
50, （四）1.本机关不掌握相关政府信息 31; 000_782cdb5e9cbe54e2.txt 第二十条 行政许可 135, 行政事业性收费 0 万元."""

from __future__ import annotations

from assistant.answer import ask
from assistant.answer.read import read
from assistant.answer.scope import canonical


def test_the_ones_a_question_says_it_does_not_mean_are_set_aside(corpus_store):
    for question in (
        "How many requests were brought over from 2023, rather than the ones rolled into 2025?",
        "Count the requests carried over from the previous year — not the ones that went on into the next year.",
        "上年结转过来的申请有几件？而不是结转下年度的那些。",
    ):
        answer = ask(question, report_id="shanghai-stcsm-2024.md", store=corpus_store)
        assert answer.value == 2, (question, answer.answer)


def test_what_a_question_warns_not_to_confuse_is_not_read(corpus_store):
    answer = ask("行政处罚决定有多少件？不要和收费金额混淆。", report_id="huaian-hongze-2024.pdf", store=corpus_store)
    assert answer.value == 2776, answer.answer


def test_a_figure_the_question_already_knows_is_not_what_it_asks(corpus_store):
    answer = ask(
        "已知行政许可135件，行政事业性收费是多少万元？", report_id="000_782cdb5e9cbe54e2.txt", store=corpus_store
    )
    assert answer.value == 0 and "万元" in answer.answer, answer.answer


def test_an_outcome_with_its_reason_after_because_is_the_reasons_row(corpus_store):
    answer = ask(
        "Hongze 2024: how many requests were granted in full, and how many were refused because the office did not "
        "hold the information?",
        store=corpus_store,
    )
    assert answer.values == [50, 31], answer.answer


def test_overturn_as_a_verb_asks_for_the_corrected_cases(corpus_store):
    answer = ask(
        "Did the review body overturn the Shanghai science commission's reconsideration case in 2024?",
        store=corpus_store,
    )
    assert answer.verdict is False and answer.value == 0, answer.answer


def test_applicants_named_as_opposed_to_individuals_are_the_organisations(corpus_store):
    # shuyang-fagaiju-2023.html 表三 一、本年新收: 自然人 26, 总计 26, the organisation cells blank
    answer = ask(
        "In 2023 did Shuyang's development and reform bureau receive any requests from organisations, as opposed to "
        "natural persons?",
        store=corpus_store,
    )
    assert answer.verdict is False, answer.answer


def test_people_asked_for_are_never_a_count_of_cases_the_prose_states(corpus_store):
    # the 2024 report states "有 1 件涉及政府信息公开工作的行政复议" and no staff numbers at all
    answer = ask("How many people worked full-time on disclosure at STCSM in 2024?", store=corpus_store)
    assert answer.value is None and answer.values == [], answer.answer


def test_a_contrast_naming_no_measure_is_not_read(corpus_store):
    query = read(
        "What share of the items proactively published came from the townships, as opposed to the zone committee?",
        "en",
        canonical(corpus_store),
    )
    assert "committee" not in query.text and "townships" in query.text
    query = read("How many requests came from companies rather than individuals?", "en", canonical(corpus_store))
    assert "individuals" in query.text  # a column: left for the column reading to exclude


def test_what_a_question_leaves_out_in_brackets_is_not_another_part(corpus_store):
    # corpus/pingtan-2025.html 表四: 未经复议直接起诉 总计 6, 复议后起诉 总计 3
    for question in (
        "2025年平潭实验区复议之后再去法院告的有几件？（不包括没复议直接起诉的）",
        "How many Pingtan lawsuits in 2025 came after reconsideration (not counting those filed directly)?",
    ):
        answer = ask(question, store=corpus_store)
        assert answer.value == 3, (question, answer.answer)

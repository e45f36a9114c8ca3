"""The examples of the Q&A issue, on corpus/huaian-hongze-2024.pdf: each was once answered with a real
figure for something not asked. Expected values are those of tests/expected/huaian-hongze-2024.pdf.json,
read by hand from the PDF's page images: table 3 新收 总计 95, 结转下年度 0, 不予公开 3 (三安全一稳定 1,
过程性信息 1, 执法案卷 1), 予以公开 50, 部分公开 9, 办理结果总计 95; table 4 行政复议 维持 1 纠正 1 总计 2,
未经复议直接起诉 总计 1."""

from __future__ import annotations

import pytest

from assistant.answer import ask

HONGZE = "huaian-hongze-2024.pdf"


@pytest.mark.parametrize(
    ("question", "report", "value"),
    [
        ("How many requests did Hongze District People's Government receive in 2024?", None, 95),
        ("How many requests were carried over into 2025?", HONGZE, 0),
        ("How many lawsuits were filed without prior reconsideration?", HONGZE, 1),
        ("How many requests were turned down?", HONGZE, 3),
        ("有多少申请被驳回？", HONGZE, 3),
        ("行政復議有多少件？", HONGZE, 2),
        ("how many reconsideraton cases were there?", HONGZE, 2),
    ],
)
def test_figure_questions_get_the_figure_asked_for(corpus_store, question, report, value):
    answer = ask(question, report_id=report, store=corpus_store)
    assert answer.kind == "figure" and answer.value == value, answer.answer


def test_both_parts_of_a_two_part_question_are_answered(corpus_store):
    answer = ask(
        "How many reconsideration cases were there in total, and how many were corrected?",
        report_id=HONGZE,
        store=corpus_store,
    )
    assert answer.values == [2, 1]


def test_a_share_of_two_outcomes_states_its_base(corpus_store):
    answer = ask("What share of requests was granted in full or in part?", report_id=HONGZE, store=corpus_store)
    assert answer.value == pytest.approx(100 * 59 / 95, abs=0.05)
    assert "95" in answer.answer


def test_a_yes_no_question_gets_a_typed_verdict(corpus_store):
    assert ask("Were any requests refused?", report_id=HONGZE, store=corpus_store).verdict is True
    assert ask("Was anything carried forward to next year?", report_id=HONGZE, store=corpus_store).verdict is False


def test_a_question_naming_no_known_measure_gets_no_figure_but_closest_readings(corpus_store):
    answer = ask("How many widgets were frobnicated?", report_id=HONGZE, store=corpus_store)
    assert answer.kind == "not_found" and answer.value is None
    assert 2 <= len(answer.suggestions) <= 3
    assert all(s.question.endswith("?") for s in answer.suggestions)


def test_does_it_add_up_is_answered_from_the_table_identities(corpus_store):
    # corpus/README.md: pingtan-2020's natural-person results add up to 26 against a printed total of 20.
    broken = ask("申请情况表里的数字对得上吗？", report_id="pingtan-2020.txt", store=corpus_store)
    assert broken.verdict is False and "26" in broken.answer
    assert ask("Does the requests table add up?", report_id=HONGZE, store=corpus_store).verdict is True


def test_a_year_the_agency_lacks_is_said_with_its_nearest_years(corpus_store):
    answer = ask("What problems did Pingtan report in 2023?", store=corpus_store)
    assert answer.kind == "not_found" and "2024" in answer.answer and "2025" in answer.answer


def test_markup_is_not_a_question(corpus_store):
    answer = ask("<script>alert(1)</script>", store=corpus_store)
    assert answer.kind == "not_found" and not answer.citations and "not a question" in answer.answer


def test_a_share_names_its_part_and_its_base_without_a_joining_word(corpus_store):
    # pingtan-2025.txt table 3: 予以公开 33, 部分公开 38, （七）总计 148 (read by hand)
    answer = ask(
        "What fraction of the requests it dealt with were released fully or partly?",
        report_id="pingtan-2025.txt",
        store=corpus_store,
    )
    assert answer.value == round(100 * (33 + 38) / 148, 1), answer.answer
    answer = ask("全部或部分公开的申请占办结总数的比例是多少？", report_id="pingtan-2025.txt", store=corpus_store)
    assert answer.value == round(100 * (33 + 38) / 148, 1), answer.answer


def test_revenue_or_income_asks_for_the_amount(corpus_store):
    # tests/expected/huaian-hongze-2024.pdf.json (read by hand): 行政事业性收费 本年收费金额 7545 万元
    answer = ask("What was the administrative fee income in 2024?", report_id=HONGZE, store=corpus_store)
    assert answer.value == 7545, answer.answer


def test_received_closed_and_left_for_the_next_year(corpus_store):
    # corpus/pingtan-2021.txt 一（二）: "本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理";
    # pingtan-2025 表三: 本年新收 154, （七）总计 148, 结转下年度继续办理 6
    zh = ask("平潭实验区2021年收到几件申请，办结了几件，还有几件拖到次年办？", store=corpus_store)
    assert zh.values == [70, 69, 1], zh.answer
    en = ask(
        "How many requests came in, how many were closed, and how many were still open going into the next year?",
        report_id="pingtan-2025.txt",
        store=corpus_store,
    )
    assert en.values == [154, 148, 6], en.answer

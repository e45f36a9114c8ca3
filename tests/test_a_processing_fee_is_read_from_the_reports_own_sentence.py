"""What applicants were charged (信息处理费) is read from the sentence the report gives it in, read by hand:
pingtan-2024.txt 六 “2024年，无收取信息处理费情况。”; pingtan-2021.txt 六 “2021年，无收取信息处理费情况。” (beside an
earlier sentence that only names the fee rules); shanghai-stcsm-2024.md “2024 年，市科委未发生政府信息公开收费事项。”;
000_782cdb5e9cbe54e2.txt “…本年度没有产生信息公开处理费。”; huaian-hongze-2024.pdf “…全年收取政府信息公开信息处理费
0元”. Table 2's administrative fees (行政事业性收费, pingtan-2025.txt 4166.241619 万元) are another thing."""

from __future__ import annotations

import pytest

from assistant.answer import ask


@pytest.mark.parametrize(
    ("question", "report"),
    [
        ("How much did the Pingtan zone charge applicants in processing fees in 2024?", None),
        ("平潭综合实验区2021年收取了多少信息处理费？", None),
        ("上海市科委2024年依申请公开收费了吗？收了多少信息处理费？", None),
        ("这一年收取了多少信息处理费？", "000_782cdb5e9cbe54e2.txt"),
        ("What information processing fee did Hongze collect in 2024?", None),
    ],
)
def test_a_fee_the_text_denies_or_states_is_its_amount(corpus_store, question, report):
    answer = ask(question, report_id=report, store=corpus_store)
    assert answer.value == 0 and answer.kind == "figure", answer.answer
    assert "费" in answer.citations[0].text, answer.citations


def test_a_yes_no_about_the_fee_says_no_and_free_of_fees_says_yes(corpus_store):
    answer = ask("2024年上海市科委有没有向申请人收费？", store=corpus_store)
    assert answer.verdict is False and answer.answer.startswith("没有"), answer.answer
    answer = ask("Was disclosure at Pingtan free of processing fees in 2021?", store=corpus_store)
    assert answer.verdict is True and answer.answer.startswith("Yes"), answer.answer


def test_administrative_fees_are_not_the_processing_fee(corpus_store):
    answer = ask("How much did Pingtan collect in administrative fees in 2025?", store=corpus_store)
    assert answer.value == 4166.241619, answer.answer

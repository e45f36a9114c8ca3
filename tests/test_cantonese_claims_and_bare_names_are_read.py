"""Questions in voices the vocabulary's own words do not cover: written Cantonese, a claim put to be
confirmed, the bare name of a figure, 'punishment' for a penalty, 'pass on to next year'. Read by hand:
shanghai-stcsm-2024.md 行政处罚 0; pingtan-2024.txt 1.本机关不掌握相关政府信息 7500000752 (75 in 总计) and
"2024年，无收取信息处理费情况"; huaian-hongze-2024.pdf 行政处罚 2776, 上年结转 and 结转下年度继续办理 all 0,
行政事业性收费 7545 (万元) and "全年收取政府信息公开信息处理费0元"."""

from __future__ import annotations

from assistant.answer import ask


def test_written_cantonese_is_read_as_mandarin(corpus_store):
    answer = ask("平潭綜合實驗區2024年有幾多宗申請，係因為佢哋冇呢啲資訊而提供唔到？", store=corpus_store)
    assert answer.value == 75, answer.answer


def test_a_claim_put_to_be_confirmed_gets_a_verdict(corpus_store):
    answer = ask("Pingtan zone 2024 charged applicants no processing fee at all. Correct?", store=corpus_store)
    assert answer.verdict is True, answer.answer
    answer = ask("洪泽区2024年收取了信息处理费，对不对？", store=corpus_store)
    assert answer.verdict is False, answer.answer


def test_the_bare_name_of_a_figure_asks_for_it(corpus_store):
    answer = ask("上海市科委2024年 行政处罚 决定数量？", store=corpus_store)
    assert answer.value == 0 and answer.kind == "figure", answer.answer


def test_punishment_is_a_penalty(corpus_store):
    answer = ask("How many punishment decisions did Hongze make in 2024?", store=corpus_store)
    assert answer.value == 2776, answer.answer


def test_passed_on_to_next_year_is_carried_forward(corpus_store):
    answer = ask("Hongze 2024: how many requests did they pass on to next year?", store=corpus_store)
    assert answer.value == 0 and "carried forward" in answer.answer, answer.answer


def test_admin_fees_and_the_processing_fee_are_both_answered(corpus_store):
    answer = ask("洪泽区2024年行政事业性收费是多少？信息处理费收了多少？", store=corpus_store)
    assert answer.values[:2] == [7545, 0], answer.answer

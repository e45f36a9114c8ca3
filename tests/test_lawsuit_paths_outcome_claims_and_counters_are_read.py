"""Questions whose words name one thing inside another: reconsideration as the path a lawsuit took, a
claim that every case had one outcome, a column named only to be left out or counted in with the rest, a
homophone fix that would break a word, 多少份 of a figure, the difference of two figures, a range with
'thru', a Chinese measure word. Read by hand:
pingtan-2025.txt table 4 "25 3 8 0 36 3 3 0 0 6 3 0 0 0 3" (reconsiderations 36, 3 corrected; lawsuits
6 direct + 3 after reconsideration); huaian-hongze-2024.pdf table 4 行政复议 维持 1, 纠正 1, 总计 2 and
lawsuits after reconsideration 3, table 3 予以公开 50 of 总计 95; 000_782cdb5e9cbe54e2.txt (Lu'an) 本年新收 3,
予以公开 2, 结转下年度 1; shuyang-fagaiju-2023.html 本年新收 26, 予以公开 26, 行政规范性文件 现行有效 18;
shanghai-stcsm-2024.md 本年新收 34, 上年结转 2, "直播 118 场"; pingtan-2019/2020/2021 本年新收 23, 21, 70;
pingtan-2021.txt 1.本机关不掌握相关政府信息 总计 25 (法人或其他组织 3)."""

from __future__ import annotations

from assistant.answer import ask


def test_reconsideration_as_a_lawsuits_path_is_no_count_of_its_own(corpus_store):
    answer = ask(
        "Pingtan zone 2025: lawsuits in all, the after-review ones plus those straight-to-court?", store=corpus_store
    )
    assert answer.value == 9, answer.answer
    answer = ask("平潭综合实验区2025年的行政诉讼，不论是否经过行政复议，一共几件？", store=corpus_store)
    assert answer.value == 9 and answer.verdict is None, answer.answer
    answer = ask("洪泽区2024年先经过了行政复议、后来又告到法院的有几件？", store=corpus_store)
    assert answer.value == 3, answer.answer


def test_a_claim_that_every_case_had_one_outcome_is_checked_against_the_whole(corpus_store):
    answer = ask("洪泽区2024年的行政复议是不是全都维持了原决定？", store=corpus_store)
    assert answer.verdict is False and "2" in answer.answer, answer.answer
    answer = ask("Did the Lu'an HRSS bureau grant everything that was requested in 2023, true?", store=corpus_store)
    assert answer.verdict is False, answer.answer
    answer = ask("沭阳县发改局2023年的申请是不是都予以公开了？", store=corpus_store)
    assert answer.verdict is True, answer.answer


def test_a_column_left_out_gives_way_to_the_one_asked(corpus_store):
    answer = ask("平潭综合实验区2025年行政复议结果纠正的（而不是维持的）有多少？", store=corpus_store)
    assert answer.value == 3, answer.answer


def test_a_column_counted_in_with_the_rest_leaves_the_total(corpus_store):
    question = "平潭综合实验区2021年因本机关不掌握相关政府信息而无法提供的有几件？法人或其他组织的也一并计入。"
    answer = ask(question, store=corpus_store)
    assert answer.value == 25, answer.answer


def test_a_homophone_fix_never_breaks_a_word(corpus_store):
    answer = ask("洪泽区2024年全部给公开的申请占办结总数的百分之几？", store=corpus_store)
    assert answer.value == 52.6, answer.answer


def test_how_many_copies_of_a_figure_asks_the_figure_not_the_reports(corpus_store):
    answer = ask("沭阳县发改局2023年现行有效的规范性文件有多少份？", store=corpus_store)
    assert answer.value == 18, answer.answer


def test_by_how_many_one_figure_exceeds_another_is_their_difference(corpus_store):
    question = "STCSM 2024: by how many did new requests exceed the requests carried over from the year before?"
    answer = ask(question, store=corpus_store)
    assert answer.value == 32, answer.answer


def test_thru_spans_the_years_between(corpus_store):
    answer = ask("Pingtan zone new requests received, 2019 thru 2021, summed", store=corpus_store)
    assert answer.value == 114, answer.answer


def test_a_fact_in_another_specific_measure_word_is_not_the_one_asked(corpus_store):
    answer = ask("上海市科委2024年“上海科技”视频号做了多少场直播？", store=corpus_store)
    assert answer.value == 118, answer.answer

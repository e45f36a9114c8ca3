"""Years written with two digits (21年), colloquial verbs (废了, 给公开, 去法院告) and a negated "do" in any tense
("didn't hold") read as the printed words. Expected values read by hand from corpus/pingtan-2021.txt 表三
（三）不予公开 5.内部事务 1 + 7.行政执法案卷 6 + 8.行政查询事项 1 = 8; pingtan-2024.txt 表四 复议后起诉 总计 19;
pingtan-2025.txt 第二十条第（一）项 行政规范性文件 58 / 45 / 546; 000_782cdb5e9cbe54e2.txt 表三 一、本年新收 3,
（一）予以公开 2 (2/3 = 66.7%); huaian-hongze-2024.pdf 表三 （四）1.本机关不掌握相关政府信息 31."""

from __future__ import annotations

from assistant.answer import ask
from assistant.answer.measures import _normal, located
from assistant.answer.normalize import default_speller, normalize


def test_a_two_digit_year_before_nian_is_the_year():
    speller = default_speller()
    assert normalize("平潭21年不予公开多少件", speller).text == "平潭2021年不予公开多少件"
    assert normalize("19年到21年", speller).text == "2019年到2021年"
    assert normalize("15、16、17年的主动公开", speller).text == "2015、2016、2017年的主动公开"
    assert normalize("连续12年来", speller).text == "连续12年来"  # twelve years, not 2012
    assert normalize("15 16 17三年", speller).text == "2015 2016 2017三年"
    assert normalize("平潭2024年和2025年", speller).text == "平潭2024年和2025年"  # four digits stay as they are


def test_a_report_asked_by_a_two_digit_year(corpus_store):
    answer = ask("平潭综合实验区21年不予公开的一共几件？", store=corpus_store)
    assert answer.value == 8, answer.answer


def test_going_to_court_after_reconsideration_in_everyday_words(corpus_store):
    answer = ask("复议结束以后还到法院起诉的有几件？", report_id="pingtan-2024.txt", store=corpus_store)
    assert answer.value == 19, answer.answer


def test_each_column_of_a_document_row_in_everyday_words(corpus_store):
    answer = ask(
        "行政规范性文件今年新发了几件、废了几件、还有效的有几件？", report_id="pingtan-2025.txt", store=corpus_store
    )
    assert answer.values == [58, 45, 546], answer.answer


def test_given_out_in_everyday_words_is_granted(corpus_store):
    answer = ask("给公开了的申请占新收申请的百分之多少？", report_id="000_782cdb5e9cbe54e2.txt", store=corpus_store)
    assert answer.value == 66.7 and "3" in answer.answer, answer.answer


def test_a_negated_do_in_the_past_is_the_present_phrase(corpus_store):
    answer = ask(
        "How many requests failed because the government didn't hold the information?",
        report_id="huaian-hongze-2024.pdf",
        store=corpus_store,
    )
    assert answer.value == 31, answer.answer


def test_everyday_chinese_for_not_held_and_for_suing_after_review(corpus_store):
    # huaian-hongze-2024.pdf 表三 （四）1.本机关不掌握 31; pingtan-2025.txt 表四 复议后起诉 总计 3
    answer = ask("机关并未掌握所申请信息的有几件？", report_id="huaian-hongze-2024.pdf", store=corpus_store)
    assert answer.value == 31, answer.answer
    answer = ask("有几件行政诉讼是复议之后才提起的？", report_id="pingtan-2025.txt", store=corpus_store)
    assert answer.value == 3, answer.answer


def test_a_short_english_form_is_the_word(corpus_store):
    # pingtan-2025.txt 表三 一、本年新收 总计 154
    answer = ask("pingtan 2025 new reqs - number?", store=corpus_store)
    assert answer.value == 154, answer.answer


def test_yes_or_no_asks_a_verdict(corpus_store):
    # shuyang-fagaiju-2023.html 表三 （一）予以公开 总计 26
    answer = ask("any requests granted in full - yes or no", report_id="shuyang-fagaiju-2023.html", store=corpus_store)
    assert answer.verdict is True and answer.value == 26, answer.answer


def test_an_adverb_on_either_side_of_its_verb_names_the_same_measure():
    assert located("publish proactively", _normal("how many items were proactively published?")) is not None
    assert located("publish proactively", _normal("how many did it publish proactively?")) is not None


def test_the_zone_named_by_its_kind_alone(corpus_store):
    # corpus/pingtan-2021.txt 表三 （三）不予公开 8 (the corpus holds one 综合实验区); and no 2022 report of it
    answer = ask("实验区21年不予公开的一共几件？", store=corpus_store)
    assert answer.value == 8 and answer.citations[0].report_id == "pingtan-2021.txt", answer.answer
    answer = ask("实验区22年的行政复议有几件？", store=corpus_store)
    assert answer.value is None and "2022" in answer.answer and "平潭综合实验区" in answer.answer, answer.answer

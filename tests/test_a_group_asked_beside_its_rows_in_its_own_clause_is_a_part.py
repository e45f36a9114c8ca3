"""A group asked in a clause of its own after its rows ("…, and how many lawsuits in all?") is one more part,
answered where it is asked, not folded into its rows. Read by hand from corpus/pingtan-2025.txt 表四:
未经复议直接起诉 总计 6, 复议后起诉 总计 3 (行政诉讼 9); 表三 （三）不予公开: 1.国家秘密 0, 4.第三方 0, 5.内部事务 3,
6.过程性 2, 7.执法案卷 3, 8.行政查询 3 (11 in all)."""

from __future__ import annotations

from assistant.answer import ask


def test_the_lawsuits_in_all_after_each_kind_of_lawsuit(corpus_store):
    for question in (
        "How many suits went straight to court, how many came after reconsideration, and how many lawsuits were "
        "there in total?",
        "直接起诉的有几件，复议后起诉的有几件，行政诉讼合计多少件？",
    ):
        answer = ask(question, report_id="pingtan-2025.txt", store=corpus_store)
        assert answer.values == [6, 3, 9], (question, answer.answer)


def test_all_refusals_after_two_of_their_reasons(corpus_store):
    answer = ask(
        "How many refusals cited state secrets, how many cited third-party interests, and how many refusals were "
        "there altogether?",
        report_id="pingtan-2025.txt",
        store=corpus_store,
    )
    assert answer.values == [0, 0, 11] and answer.value is None, answer.answer


def test_the_total_of_handling_results_is_the_last_part_not_a_sum(corpus_store):
    # 000_782cdb5e9cbe54e2.txt 表三: 一、本年新收 3, （七）总计 2, 四、结转下年度 1
    answer = ask(
        "Give me the new requests, the requests carried into next year, and the total of handling results.",
        report_id="000_782cdb5e9cbe54e2.txt",
        store=corpus_store,
    )
    assert answer.values == [3, 1, 2] and answer.value is None, answer.answer


def test_what_a_group_is_said_to_include_describes_it(corpus_store):
    # pingtan-2024.txt 表四 复议后起诉 总计 19, 直接起诉 0; pingtan-2025.txt 直接 6 + 复议后 3 = 9;
    # huaian-hongze-2024.pdf 表四 行政复议 总计 2, 直接起诉 1, 复议后起诉 3 (2 + 4 = 6)
    answer = ask("平潭综合实验区2024年和2025年的行政诉讼（包括直接起诉和复议后起诉）分别有几件？", store=corpus_store)
    assert answer.values == [19, 9], answer.answer
    answer = ask(
        "Reconsideration cases plus lawsuits — including those filed directly and after review — how many in all?",
        report_id="huaian-hongze-2024.pdf",
        store=corpus_store,
    )
    assert answer.value == 6, answer.answer


def test_a_group_the_question_says_what_it_is_is_the_group(corpus_store):
    # corpus/pingtan-2025.html 表三 （四）无法提供: 1.本机关不掌握 50, 2.没有现成信息需要另行制作 3, 3.补正后仍不明确 0
    answer = ask(
        "无法提供的，也就是机关手里没有或者得重新制作的，合计有多少件？",
        report_id="pingtan-2025.txt",
        store=corpus_store,
    )
    assert answer.value == 53, answer.answer

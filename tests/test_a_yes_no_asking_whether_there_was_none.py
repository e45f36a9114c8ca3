"""A yes/no question that asks whether there was none ("free of any lawsuits?", 是不是为零) is answered yes
when the figure or the text says none; a yes/no after a preamble is still one. Expected values read by hand:
shanghai-stcsm-2024.md “涉及的行政诉讼数为0 件”; pingtan-2024.txt “2024年,无收取信息处理费情况”; pingtan-2019.txt
table 4 is all 0 (000000000000000); pingtan-county-2012.txt “2012年全县共收到有关政府信息公开的申请21条”."""

from __future__ import annotations

from assistant.answer import ask


def test_free_of_a_count_the_table_gives_as_zero_is_yes(corpus_store):
    for question in (
        "Was the Shanghai Science and Technology Commission free of information-disclosure lawsuits in 2024?",
        "2019年平潭综合实验区的行政诉讼是不是为零？",
    ):
        answer = ask(question, store=corpus_store)
        assert answer.verdict is True, answer.answer
    some = ask("Did Pingtan have any administrative lawsuits in 2024?", store=corpus_store)
    assert some.verdict is True, some.answer


def test_none_asked_of_what_the_text_denies_is_yes(corpus_store):
    answer = ask("Was Pingtan's information disclosure in 2024 free of processing fees?", store=corpus_store)
    assert answer.verdict is True, answer.answer


def test_a_yes_no_after_a_preamble_is_one(corpus_store):
    answer = ask(
        "A quick question for my article: in 2012 did the Pingtan County People's Government receive any requests?",
        store=corpus_store,
    )
    assert answer.verdict is True, answer.answer


def test_all_finished_asks_whether_none_was_carried_forward(corpus_store):
    # 四、结转下年度继续办理: shanghai-stcsm-2024.md 1 (“转下一年度…1 件”), huaian-hongze-2024.pdf 0
    for report_id, verdict in (("shanghai-stcsm-2024.md", False), ("huaian-hongze-2024.pdf", True)):
        answer = ask("今年收到的申请是不是都办结了？", report_id=report_id, store=corpus_store)
        assert answer.verdict is verdict, answer.answer


def test_a_yes_no_the_table_leaves_empty_is_answered_by_the_text(corpus_store):
    # pingtan-dishuiju-2013.txt 六（一）“我局没有从事政府信息公开工作的全职人员,兼职人员1人”; its old table's
    # staff rows are empty
    answer = ask("这个局有专门全职搞信息公开的工作人员吗？", report_id="pingtan-dishuiju-2013.txt", store=corpus_store)
    assert answer.verdict is False, answer.answer


def test_a_fee_question_is_answered_from_the_fee_the_text_states(corpus_store):
    """huaian-hongze-2024.pdf 六: “全年收取政府信息公开信息处理费0元” — no fee; "this year" names the report's
    year, not a table column (which would make it a question about a figure)."""
    answer = ask(
        "Did Hongze charge applicants an information-processing fee in 2024?",
        store=corpus_store,
    )
    assert answer.verdict is False and answer.answer.startswith("No"), answer.answer
    assert "0元" in answer.citations[0].text, answer.citations
    answer = ask(
        "Did the district make applicants pay an information-processing fee this year?",
        report_id="huaian-hongze-2024.pdf",
        store=corpus_store,
    )
    assert answer.verdict is False and answer.value == 0 and "yuan" in answer.answer, answer.answer


def test_a_yes_no_after_a_lead_in_and_asking_for_information_as_a_request(corpus_store):
    """pingtan-2016.txt 三: “2016年全区未收到有关政府信息公开申请” (its table: 0); pingtan-county-2012.txt 三:
    “未收到有关政府信息公开行政复议申请” (its table: 行政复议数 0)."""
    answer = ask("In 2016, did anyone apply to the Pingtan zone for information?", store=corpus_store)
    assert answer.verdict is False and answer.value == 0, answer.answer
    answer = ask(
        "For 2012, did Pingtan County get any reconsideration applications over disclosure?", store=corpus_store
    )
    assert answer.verdict is False and answer.value == 0, answer.answer


def test_anyone_asking_or_suing_is_asking_whether_there_was_at_least_one(corpus_store):
    """pingtan-2016.txt: 未收到有关政府信息公开申请 (table 0); pingtan-2025.txt 表四: 行政诉讼 未经复议直接起诉 6 +
    复议后起诉 3. A passage whose only shared words are the report's own (“政府信息公开专栏访问量…162103人次”)
    affirms nothing."""
    answer = ask("2016年有没有人向平潭综合实验区申请过政府信息公开？", store=corpus_store)
    assert answer.verdict is False and answer.value == 0, answer.answer
    answer = ask("Did anybody sue the Pingtan zone in 2025 over disclosure?", store=corpus_store)
    assert answer.verdict is True and answer.value == 9, answer.answer


def test_decided_by_the_end_of_the_year_asks_whether_none_was_pending(corpus_store):
    """shuyang-fagaiju-2023 表四: 行政复议 尚未审结 1, 总计 1 — the case was still pending."""
    answer = ask(
        "Was Shuyang's development and reform bureau's 2023 reconsideration case resolved before year-end?",
        store=corpus_store,
    )
    assert answer.verdict is False and answer.value == 1 and "pending" in answer.answer, answer.answer


def test_is_the_texts_count_the_same_as_the_tables_is_the_narrative_check(corpus_store):
    """huaian-hongze-2024.pdf 一（二）: “区政府办代表区政府受理政府信息公开申请17件”; 表三 本年新收 总计 95."""
    answer = ask(
        "Does the number of requests the text gives agree with the table's new requests?",
        report_id="huaian-hongze-2024.pdf",
        store=corpus_store,
    )
    assert answer.verdict is False and "17" in answer.answer and "95" in answer.answer, answer.answer
    assert "new requests received" in answer.answer

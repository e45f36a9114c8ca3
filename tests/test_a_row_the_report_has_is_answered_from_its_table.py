"""A question naming a row the report's own statistics table has is answered from that table, not from a
number of its prose that merely looks alike; the prose answers what the table lacks. Read by hand:
corpus/pingtan-county-2012.txt's old statistics table prints "电子邮件申请数条33" (e-mail requests: 3 this
year, 3 over the years) and "受理依申请公开信息总数条2121" (21 requests); corpus/pingtan-2016.txt prints
"受理依申请公开信息总数条00" (none) and says 2016年全区未收到有关政府信息公开申请."""

from __future__ import annotations

from assistant.answer import ask


def test_a_row_of_the_old_table_is_its_figure(corpus_store):
    answer = ask("How many applications arrived by e-mail?", report_id="pingtan-county-2012.txt", store=corpus_store)
    assert answer.value == 3, answer.answer


def test_a_yes_no_about_any_requests_reads_the_old_tables_count(corpus_store):
    answer = ask(
        "Did they get any disclosure applications that year?", report_id="pingtan-2016.txt", store=corpus_store
    )
    assert answer.verdict is False and answer.value == 0, answer.answer
    answer = ask("Did Pingtan County get any information requests in 2012?", store=corpus_store)
    assert answer.verdict is True and answer.value == 21, answer.answer


def test_requests_asked_in_a_part_of_their_own_are_a_part(corpus_store):
    # pingtan-county-2012.txt: 受理依申请公开信息总数 21, 同意公开答复数 17 (this year / over the years: 1717)
    answer = ask(
        "How many applications came in, and how many did they agree to disclose?",
        report_id="pingtan-county-2012.txt",
        store=corpus_store,
    )
    assert answer.values == [21, 17], answer.answer

"""Questions over the corpus that bound the years from above, ask for an order or for the first, or ask for
the reports with more than none. Expected values read by hand: the corpus's pre-2019 reports are
pingtan-county-2011/2012, pingtan-dishuiju-2013 and pingtan-2015/2016/2017 (their years in their titles); table
4 行政复议 总计 is 7 in pingtan-2024.html, 2 in huaian-hongze-2024.pdf, 1 in shanghai-stcsm-2024.md (“2024 年市科委
有 1 件…行政复议”); table 4's lawsuits (直接起诉 + 复议后起诉) are above 0 only in pingtan-2021, pingtan-2024,
pingtan-2025 and huaian-hongze-2024; table 3 本年新收 总计 2024: pingtan 218, huaian-hongze 95, stcsm 34."""

from __future__ import annotations

from assistant.answer import ask

BEFORE_2019 = {(2011, "平潭县人民政府"), (2012, "平潭县人民政府"), (2013, "平潭综合实验区地方税务局")} | {
    (y, "平潭综合实验区管委会") for y in (2015, 2016, 2017)
}


def _reports(answer) -> list[tuple[int, str]]:
    return [(int(c.title.split("年")[0][-4:]), c.label) for c in answer.citations]


def test_years_before_one_are_a_range_open_below(corpus_store):
    for question in ("Which of the reports are from years before 2019?", "年份早于2019年的年报有哪些？"):
        answer = ask(question, store=corpus_store)
        assert set(_reports(answer)) == BEFORE_2019, answer.answer


def test_an_order_from_most_to_least_ranks_every_report(corpus_store):
    answer = ask("2024年的年报按行政复议案件数从多到少排个序", store=corpus_store)
    assert [c.report_id.split(".")[0] for c in answer.citations] == [
        "pingtan-2024",
        "huaian-hongze-2024",
        "shanghai-stcsm-2024",
    ], answer.answer


def test_ranked_first_is_the_most(corpus_store):
    for question in ("在2024年的报告中，谁收到的申请排第一？", "Which agency tops the 2024 reports for new requests?"):
        answer = ask(question, store=corpus_store)
        assert answer.value == 218 and answer.citations[0].report_id.startswith("pingtan-2024"), answer.answer


def test_at_least_one_and_more_than_zero_list_the_reports_with_some(corpus_store):
    for question in (
        "Which reports show at least one administrative lawsuit?",
        "Which reports have administrative lawsuits (more than zero)?",
        "行政诉讼不为零的年报是哪几份？",
    ):
        answer = ask(question, store=corpus_store)
        assert {c.report_id.split(".")[0] for c in answer.citations} == {
            "pingtan-2021",
            "pingtan-2024",
            "huaian-hongze-2024",
            "pingtan-2025",
        }, answer.answer


def test_reports_where_nobody_asked_are_those_that_received_none(corpus_store):
    # 未收到…申请: pingtan-2015/2016/2017.txt, pingtan-county-2011.txt, pingtan-dishuiju-2013.txt; every other report
    # received some (pingtan-county-2012 21, pingtan-2019 23 …)
    none = {(2011, "平潭县人民政府"), (2013, "平潭综合实验区地方税务局")} | {
        (y, "平潭综合实验区管委会") for y in (2015, 2016, 2017)
    }
    for question in ("In which reports did no one ask for any information?", "哪些年报里全年没人申请过政府信息公开？"):
        answer = ask(question, store=corpus_store)
        assert set(_reports(answer)) == none, (question, answer.answer)

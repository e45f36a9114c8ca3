"""A question about one agency over several years reads each year from that year's own report, then
totals, compares, ranks or lists them; a year whose report does not give the figure is said, never
counted. Values read by hand from corpus/: 政府信息公开专栏访问量 2015 133890人次 (pingtan-2015.txt),
2016 162103, 2017 97402, none stated in pingtan-2019.txt; 主动公开政府信息 2015 2949条, 2016 3460条;
table 4 行政复议 总计 2024 7 (pingtan-2024.txt), 2025 36 (pingtan-2025.txt); table 3 本年新收 总计
2024 218, 2025 154."""

from __future__ import annotations

from assistant.answer import ask


def _years_cited(answer, store) -> list[int]:
    return [store.report(c.report_id).year for c in answer.citations]


def test_each_year_is_listed_from_its_own_report(corpus_store):
    answer = ask("平潭综合实验区2015年至2017年政府信息公开专栏的访问量分别是多少？", store=corpus_store)
    assert answer.values == [133890, 162103, 97402]
    assert sorted(_years_cited(answer, corpus_store)) == [2015, 2016, 2017]


def test_a_total_over_years_adds_the_years_figures(corpus_store):
    answer = ask(
        "What was the combined number of items Pingtan proactively disclosed in 2015 and 2016?", store=corpus_store
    )
    assert answer.value == 2949 + 3460


def test_the_lowest_year_is_named_first(corpus_store):
    answer = ask(
        "Between 2015 and 2017, in which year did Pingtan's disclosure column see the fewest visits?",
        store=corpus_store,
    )
    assert answer.value == 97402
    assert _years_cited(answer, corpus_store)[0] == 2017


def test_a_comparison_of_two_years_gives_both_and_the_difference(corpus_store):
    answer = ask("平潭实验区2025年的行政复议案件比2024年多吗？", store=corpus_store)
    assert answer.verdict is True
    assert answer.values == [36, 7, 29]


def test_a_fall_asked_as_a_percentage_is_the_percentage(corpus_store):
    answer = ask("By what percent did new requests to the Pingtan zone drop between 2024 and 2025?", store=corpus_store)
    assert answer.value == round(100 * (218 - 154) / 218, 1)


def test_a_year_whose_report_lacks_the_figure_is_said_and_no_total_is_given(corpus_store):
    answer = ask("How many visits did Pingtan's disclosure column get in total in 2017 and 2019?", store=corpus_store)
    assert answer.value is None
    assert "97,402" in answer.answer and "2019 not given" in answer.answer

"""A ranking by items published proactively reads each report's own total, its table's or its text's, and
says which reports give none. Read by hand: corpus/pingtan-2024.txt “全年主动公开各类政府信息10407条”,
pingtan-2025.txt “累计主动公开政府信息7700余条”, pingtan-2016.txt 3460, pingtan-2021.txt “全年主动公开我区各级单位
政府信息2645条”, pingtan-2019.txt “共公布政府信息2599条”,
shuyang-fagaiju-2023.html “全年共审核发布各类公开政府信息249条”,
000_782cdb5e9cbe54e2.txt “主动公开政府信息 1000 余条”."""

from __future__ import annotations

from assistant.answer import ask


def test_the_report_that_published_the_most_items(corpus_store):
    answer = ask("哪份年报主动公开的政府信息条数最多？", store=corpus_store)
    assert answer.value == 10407 and answer.citations[0].report_id.startswith("pingtan-2024"), answer.answer


def test_one_agencys_year_with_the_most_items_counts_its_texts_totals(corpus_store):
    answer = ask("平潭综合实验区2019年到2025年，哪一年主动公开的政府信息最多？", store=corpus_store)
    assert answer.value == 10407 and "2024" in answer.answer and "2599" in answer.answer, answer.answer


def test_the_fewest_among_the_reports_of_one_year(corpus_store):
    answer = ask("2023年的报告里，哪份主动公开的政府信息最少？", store=corpus_store)
    assert answer.value == 249 and answer.citations[0].report_id.startswith("shuyang-fagaiju-2023"), answer.answer

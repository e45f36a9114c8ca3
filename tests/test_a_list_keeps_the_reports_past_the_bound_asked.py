"""'Which reports … more than N' lists the reports whose figure passes the bound, in the unit the question
names, instead of the one with the most. Read by hand from corpus/: 行政事业性收费 (万元) is 24252.311082 in
pingtan-2021, 18651.06 in pingtan-2024, 4166.241619 in pingtan-2025, 7545 in huaian-hongze-2024 and
below 400 elsewhere; new requests received (本年新收, 总计) are 218 in pingtan-2024 and 154 in pingtan-2025,
70 in pingtan-2021 and fewer in every other report."""

from __future__ import annotations

from assistant.answer import ask


def listed(answer, store) -> list[tuple[str, int]]:
    return sorted((store.report(c.report_id).agency, store.report(c.report_id).year) for c in answer.citations)


def test_fees_over_a_bound_in_10000_yuan(corpus_store):
    answer = ask("邊份年報嘅規費收入（行政事業性收費）超過10000萬元？", store=corpus_store)
    assert listed(answer, corpus_store) == [("平潭综合实验区管委会", 2021), ("平潭综合实验区管委会", 2024)], (
        answer.answer
    )


def test_a_bound_in_yuan_is_converted(corpus_store):
    answer = ask("哪些年报的行政事业性收费超过50000000元？", store=corpus_store)
    assert listed(answer, corpus_store) == [
        ("平潭综合实验区管委会", 2021),
        ("平潭综合实验区管委会", 2024),
        ("淮安市洪泽区人民政府", 2024),
    ], answer.answer


def test_more_than_a_count_is_a_list_not_the_most(corpus_store):
    answer = ask("Which reports received more than 100 new requests?", store=corpus_store)
    assert listed(answer, corpus_store) == [("平潭综合实验区管委会", 2024), ("平潭综合实验区管委会", 2025)], (
        answer.answer
    )

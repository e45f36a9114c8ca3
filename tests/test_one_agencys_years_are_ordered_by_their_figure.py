"""An order asked over one agency's years ("从多到少排一下", "from lowest to highest") lists the years by their
figure, each cited in that order. Read by hand: corpus/pingtan-2015.txt “2015年主动公开政府信息2949条”,
pingtan-2016.txt “主动公开政府信息3460条”, pingtan-2017.txt “主动公开政府信息2122条”."""

from __future__ import annotations

from assistant.answer import ask


def _years(answer) -> list[int]:
    return [int(c.report_id.split("-")[1][:4]) for c in answer.citations]


def test_years_from_most_to_fewest(corpus_store):
    answer = ask("平潭综合实验区2015到2017年主动公开政府信息条数，从多到少排个序", store=corpus_store)
    assert answer.values == [3460, 2949, 2122] and _years(answer) == [2016, 2015, 2017], answer.answer


def test_years_from_lowest_to_highest(corpus_store):
    answer = ask(
        "Rank Pingtan zone's 2015, 2016 and 2017 proactively published items from lowest to highest",
        store=corpus_store,
    )
    assert answer.values == [2122, 2949, 3460] and _years(answer) == [2017, 2015, 2016], answer.answer


def test_prose_naming_no_one_other_number_leaves_the_table_figure(corpus_store):
    # the text's closest counts (13 policy documents, 25 procurement items) tie: neither contradicts the table
    answer = ask("How many items did Pingtan zone publish proactively in 2017?", store=corpus_store)
    assert answer.value == 2122, answer.answer

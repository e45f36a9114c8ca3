"""A figure whose printed digits allow several readings is never given as the answer: the answer says
so, offers the readings and cites the printed row. corpus/pingtan-2019.txt prints its 行政许可 row with
the columns glued together as "行政许可3960181" (上一年项目数量, 本年增/减, 处理决定数量 in one run of
digits), so the number of licensing decisions cannot be read with certainty from this copy."""

from __future__ import annotations

from assistant.answer import ask


def test_glued_licensing_decisions_get_no_figure_but_their_readings(corpus_store):
    for question in ("行政许可处理决定有多少件？", "How many administrative licensing decisions were made?"):
        answer = ask(question, report_id="pingtan-2019.txt", store=corpus_store)
        assert answer.value is None and answer.kind == "not_found", answer.answer
        assert "181" in answer.answer
        assert answer.citations and "3960181" in answer.citations[0].text


def test_a_legible_figure_of_the_same_row_is_still_given(corpus_store):
    answer = ask("行政许可处理决定有多少件？", report_id="pingtan-2025.txt", store=corpus_store)
    assert answer.value == 2418  # pingtan-2025.txt: 第二十条第（五）项 … 行政许可2418

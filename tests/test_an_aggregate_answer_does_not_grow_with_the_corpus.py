"""An answer over the corpus names and cites at most aggregate.LISTED reports and says how many more it
counted, so its size does not grow with the corpus; its value still counts every report. The bundled
corpus has more 2024 reports than a limit of 2: Pingtan zone 218, Hongze 95, Shanghai 34 new requests
(table 3, read by hand), 347 in all."""

from __future__ import annotations

from assistant.answer import aggregate, ask


def test_a_total_over_more_reports_than_it_lists_cites_only_those_it_names(corpus_store, monkeypatch):
    monkeypatch.setattr(aggregate, "LISTED", 2)
    answer = ask("What is the total number of new requests received across all reports in 2024?", store=corpus_store)
    assert answer.value == 218 + 95 + 34, answer.answer
    assert len(answer.citations) == 2
    assert "and 1 more" in answer.answer

"""A figure read by OCR keeps its flag and confidence through the corpus store."""

from __future__ import annotations

import dataclasses

from conftest import CORPUS

from assistant.domain.record import Source
from assistant.extract.report import parse_file
from assistant.store.database import Store


def test_ocr_flag_and_confidence_are_stored_and_read_back(tmp_path):
    report = parse_file(CORPUS / "pingtan-2025.txt")
    fig = report.figures["requests.new_received.total"]
    fig.source = dataclasses.replace(fig.source or Source(None, None), ocr=True, confidence=0.73)
    store = Store(tmp_path / "corpus.sqlite")
    store.add(report)
    back = store.report(report.id).figures["requests.new_received.total"]
    assert back.source.ocr is True and back.source.confidence == 0.73
    assert back.value == fig.value
    assert store.report(report.id).figures["requests.carried_over.total"].source.ocr is False

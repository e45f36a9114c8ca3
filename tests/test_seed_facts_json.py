"""`assistant facts --json` on the seed report gives exactly what the issue asks."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEED

from assistant.domain.record import Warning
from assistant.domain.schema import LAYOUTS
from assistant.extract.report import parse_file


def test_seed_facts_json():
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "facts", "--json", str(SEED)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)  # exactly one JSON object
    report, figures = data["report"], data["figures"]
    assert report["agency"] == "六安市人力资源和社会保障局"
    assert report["region"] == "安徽省六安市"
    assert report["year"] == 2023
    assert {"id", "title", "agency", "region", "year", "format", "sha256"} <= set(report)
    assert list(figures) == LAYOUTS["2021"].addresses()
    expected_nonzero = {
        "requests.new_received.individual": 3,
        "requests.new_received.total": 3,
        "requests.granted.individual": 2,
        "requests.granted.total": 2,
        "requests.total_handled.individual": 2,
        "requests.total_handled.total": 2,
        "requests.carried_forward.individual": 1,
        "requests.carried_forward.total": 1,
    }
    for address, value in figures.items():
        if address.startswith("requests."):
            assert value == expected_nonzero.get(address, 0), address
        elif address.startswith("appeals."):
            assert value is None, address
    assert figures["requests.carried_over.total"] == 0
    assert [figures[f"proactive.rules.{c}"] for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert [figures[f"proactive.normative_documents.{c}"] for c in ("issued", "repealed", "in_force")] == [2, 0, 5]
    assert figures["proactive.licensing.decisions"] == 135
    assert figures["proactive.penalties.decisions"] == 2
    assert figures["proactive.enforcement.decisions"] == 0
    assert figures["proactive.fees.amount_10k_yuan"] == 0
    assert {"kind": "missing", "address": "appeals"}.items() <= next(
        w for w in data["warnings"] if w.get("address") == "appeals"
    ).items()
    assert [Warning.from_dict(w) for w in data["warnings"]] == parse_file(SEED).warnings


def test_seed_sources_point_at_the_printed_rows():
    data = json.loads(
        subprocess.run(
            [sys.executable, "-m", "assistant.cli", "facts", "--json", str(SEED)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    lines = SEED.read_text(encoding="utf-8").splitlines()
    src = data["sources"]["requests.carried_forward.total"]
    assert "结转下年度继续办理" in src["label"]
    assert "结转下年度继续办理" in lines[src["line"] - 1]
    licensing = data["sources"]["proactive.licensing.decisions"]
    assert lines[licensing["line"] - 1].startswith("行政许可")
    # the two （六） rows the extraction lost are filled from the arithmetic, and say so
    fee_unpaid = data["sources"]["requests.other.fee_unpaid.total"]
    assert fee_unpaid["derived"] is True and "derived" in fee_unpaid["note"]


def test_readable_table_in_chinese_and_english():
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "facts", str(SEED)], capture_output=True, text=True, check=True
    ).stdout
    assert "结转下年度继续办理" in out and "carried forward to next year" in out
    assert "行政许可 administrative licensing" in out

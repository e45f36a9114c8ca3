"""The counts of requests the narrative states are set against the requests table (hand-checked
figures in tests/expected), and the facts and checks survive the store and `facts --json`."""

from __future__ import annotations

import json

from conftest import CORPUS

from assistant.cli.main import main
from assistant.extract.report import parse_file
from assistant.store.database import Store


def test_narrative_counts_agree_with_the_requests_table():
    r = parse_file(CORPUS / "pingtan-2025.txt")  # 共收到…申请154件，共办结148件，结转至2026年6件
    got = {(c.address, c.narrative_value, c.table_value, c.agrees) for c in r.narrative_checks}
    assert got == {
        ("requests.new_received.total", 154, 154, True),
        ("requests.total_handled.total", 148, 148, True),
        ("requests.carried_forward.total", 6, 6, True),
    }


def test_carried_over_is_checked_against_its_own_row():
    r = parse_file(CORPUS / "shanghai-stcsm-2024.md")  # 收到…申请 34 件，上年结转…申请 2 件
    got = {(c.address, c.narrative_value, c.agrees) for c in r.narrative_checks}
    assert ("requests.new_received.total", 34, True) in got
    assert ("requests.carried_over.total", 2, True) in got


def test_a_narrative_count_of_something_else_is_noted_with_both_numbers():
    r = parse_file(CORPUS / "huaian-hongze-2024.pdf")  # 区政府办…受理…申请 17 件; the table's 新收 is 95
    (check,) = r.narrative_checks
    assert (check.address, check.narrative_value, check.table_value, check.agrees) == (
        "requests.new_received.total",
        17,
        95,
        False,
    )


def test_reports_before_the_standard_tables_have_no_checks():
    assert parse_file(CORPUS / "pingtan-2016.txt").narrative_checks == []


def test_facts_and_checks_are_stored_with_the_report(tmp_path):
    r = parse_file(CORPUS / "pingtan-2025.txt")
    store = Store(tmp_path / "s.sqlite")
    store.add(r)
    back = store.report(r.id)
    assert back.narrative_facts == r.narrative_facts and len(back.narrative_facts) > 5
    assert back.narrative_checks == r.narrative_checks


def test_facts_json_lists_the_narrative_facts_and_checks(capsys):
    assert main(["facts", str(CORPUS / "pingtan-2025.txt"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    fact = next(f for f in out["narrative_facts"] if f["value"] == 154)
    assert {"value", "unit", "approximate", "measure", "english", "section", "start", "end", "sentence"} <= set(fact)
    assert fact["unit"] == "件" and "收到政府信息公开申请" in fact["measure"]
    assert {c["address"] for c in out["narrative_checks"]} >= {"requests.new_received.total"}

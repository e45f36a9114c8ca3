"""The facts the English summaries state agree with tests/blind/summary_facts.json, read by hand from the
documents by a helper who never saw the code: table figures, narrative counts with their approximations,
processing fees, pre-2019 reports that received no requests, and inconsistent tables stated as such."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS

from assistant.extract.report import parse_file
from assistant.summarize.core import summarize

EXPECTED = json.loads((Path(__file__).parent / "blind" / "summary_facts.json").read_text(encoding="utf-8"))
N = r"(\d{1,3}(?:,\d{3})*(?:\.\d+)?)"
# How an English summary states each kind of fact: the pattern's first number group is the value; a pattern
# without a group states 0.
STATED: dict[str, tuple[str, ...]] = {
    "requests.new_received.total": (rf"received {N} new requests?",),
    "requests.carried_over.total": (rf"carried over {N} from the previous year",),
    "requests.total_handled.total": (rf"Of the {N} requests? handled",),
    "requests.granted.total": (rf"{N} \([\d.]+%\) (?:were|was) granted in full",),
    "requests.partially_granted.total": (rf"{N} \([\d.]+%\) (?:were|was) partially granted", r"no partial grants"),
    "requests.unable.total": (rf"{N} \([\d.]+%\) could not be provided",),
    "requests.other.total": (rf"{N} \([\d.]+%\) (?:were|was) handled otherwise", r"no [^.]*requests handled otherwise"),
    "requests.unable.not_held.total": (rf"information not held \({N}\)",),
    "requests.unable.unclear_after_correction.total": (rf"still unclear after correction \({N}\)",),
    "requests.not_processed.duplicate.total": (rf"duplicate requests \({N}\)",),
    "requests.carried_forward.total": (rf"carried {N} requests? forward", r"No request was carried forward"),
    "requests.carried_forward": (rf"carried {N} requests? forward", r"No request was carried forward"),
    "appeals.review.total": (
        rf"There (?:was|were) {N} administrative reconsideration cases?",
        r"There were no administrative reconsideration cases",
    ),
    "appeals.review.pending": (rf"administrative reconsideration cases?: [^.]*?{N} pending",),
    "appeals.litigation_direct.total": (
        rf"There (?:was|were) {N} lawsuits? filed directly",
        r"no lawsuits filed directly",
    ),
    "appeals.litigation_after_review.total": (
        rf"There (?:was|were) {N} lawsuits? filed after reconsideration",
        r"no lawsuits filed after reconsideration",
    ),
    "proactive.normative_documents.issued": (
        rf"issued {N}(?: \(uncertain\))? (?:administrative )?normative documents",
    ),
    "proactive.licensing.decisions": (rf"made {N} decisions? on administrative licensing",),
    "proactive.fees.amount_10k_yuan": (
        rf"administrative fees of {N}(?: \(uncertain\))? in units of 10,000 yuan",
        r"collected no administrative fees",
    ),
    "processing-fee": (rf"collected {N} yuan in information processing fees", r"no information processing fees"),
    "proactive-items": (rf"\bIt proactively disclosed (?:more than |nearly |about )?{N} items",),
    "requests-received": (r"received no requests for government information", r"no request for government information"),
}
# Facts every summary of a report with the standard tables must state when the hand-read set has them.
REQUIRED = {
    "requests.new_received.total",
    "requests.total_handled.total",
    "requests.granted.total",
    "requests.carried_forward.total",
    "appeals.review.total",
    "processing-fee",
    "requests-received",
}


@cache
def english(file: str) -> str:
    return summarize(parse_file(CORPUS / file), "en").text


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _stated(text: str, fact_id: str) -> list[float]:
    """Every value the summary states for this kind of fact (0 for a pattern that says 'none')."""
    out = []
    for pattern in STATED[fact_id]:
        for m in re.finditer(pattern, text):
            out.append(_number(m.group(1)) if m.groups() else 0.0)
    return out


def test_the_hand_read_set_covers_at_least_twelve_reports_with_fees_inconsistencies_and_pre_2019():
    assert len(EXPECTED) >= 12
    assert any(f["id"] == "processing-fee" for r in EXPECTED for f in r["facts"])
    assert any(r["inconsistencies"] for r in EXPECTED)
    assert sum(r["year"] < 2019 for r in EXPECTED) >= 5


@pytest.mark.parametrize("report", EXPECTED, ids=lambda r: r["file"])
def test_every_fact_the_summary_states_is_the_hand_read_value(report):
    text = english(report["file"])
    checked = 0
    for fact in report["facts"]:
        if fact["id"] not in STATED:
            continue
        values = _stated(text, fact["id"])
        if not values:
            assert fact["id"] not in REQUIRED or "2019" in text and report["year"] < 2019 and fact["value"], (
                fact["id"],
                "not stated",
            )
            continue
        checked += 1
        assert set(values) == {float(fact["value"])}, (fact["id"], values, fact["value"])
        if fact["id"] == "proactive-items":
            said = re.search(rf"\bIt proactively disclosed (more than |nearly |about )?{N} items", text)
            assert said is not None and bool(said.group(1)) == fact["approx"], (fact["id"], said)
    assert checked >= 1


@pytest.mark.parametrize("report", [r for r in EXPECTED if r["year"] < 2019], ids=lambda r: r["file"])
def test_a_pre_2019_report_that_received_no_requests_says_so(report):
    received = next(f for f in report["facts"] if f["id"] == "requests-received")
    text = english(report["file"])
    says_none = bool(_stated(text, "requests-received"))
    assert says_none == (received["value"] == 0)
    assert "There were no" not in text  # no standard appeals table is invented


def test_an_inconsistent_requests_table_gives_the_printed_numbers_and_the_inconsistency():
    report = next(r for r in EXPECTED if r["file"] == "pingtan-2020.txt")
    table3 = [i for i in report["inconsistencies"] if i["what"].startswith("table 3")]
    assert table3
    text = english(report["file"])
    assert "The table's arithmetic does not hold" in text
    for inc in table3:
        assert f"({inc['printed']})" in text and f"({inc['parts_sum']})" in text
    assert "do not add up to 100%" in text  # the shares of the printed total are flagged
    assert "27 requests were handled" not in text and "Of the 21 requests handled" in text


def test_an_inconsistent_legacy_table_is_stated_with_both_numbers():
    report = next(r for r in EXPECTED if r["file"] == "pingtan-county-2012.txt")
    table = next(i for i in report["inconsistencies"] if i["what"].startswith("statistics table"))
    text = english(report["file"])
    assert (
        f"it gives {table['printed']:,} for items disclosed proactively, but the parts it prints add up to "
        f"{table['parts_sum']:,}" in text
    )


@pytest.mark.parametrize("report", EXPECTED, ids=lambda r: r["file"])
def test_the_summary_never_says_what_the_hand_reader_ruled_out(report):
    text = english(report["file"])
    facts = {f["id"]: f["value"] for f in report["facts"]}
    if facts.get("appeals.review.total"):
        assert "There were no administrative reconsideration cases" not in text
    if facts.get("appeals.litigation_after_review.total"):
        assert "There were no lawsuits filed after reconsideration" not in text
    if "processing-fee" in facts:
        # the table-2 administrative fees are never called processing fees
        assert not re.search(
            rf"{N} (?:in units of 10,000 yuan )?in information processing fees",
            text.replace("collected 0 yuan in information processing fees", ""),
        )
    if report["file"] == "000_782cdb5e9cbe54e2.txt":
        assert "no administrative reconsideration" not in text and "could not be read from this copy" in text


@pytest.mark.parametrize("report", EXPECTED, ids=lambda r: r["file"])
def test_the_english_agency_name_has_the_hand_read_place_names(report):
    name = summarize(parse_file(CORPUS / report["file"]), "en").agency_english
    for place in ("Lu'an", "Pingtan", "Hongze", "Huai'an", "Shuyang", "Shanghai"):
        if place in report["agency_en"]:
            assert place in name, (place, name)
    assert "#" not in name and "*" not in name

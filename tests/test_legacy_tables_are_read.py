"""The pre-2019 statistics table (政府信息公开情况统计表) is read into legacy.ROW.COLUMN figures.

Expectations: tests/blind/legacy_tables.json, read by hand from the documents by a helper who never
saw the code (rows with their printed label, unit, both columns, the row they are part of, and
whether the glued digits allow one cut only).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import CORPUS

from assistant.domain import schema
from assistant.domain.record import WarningKind
from assistant.extract.report import parse_document, parse_file
from assistant.present.terminal import as_text, table_views
from assistant.read import read_document

BLIND = json.loads((Path(__file__).resolve().parent / "blind" / "legacy_tables.json").read_text(encoding="utf-8"))
REPORTS = {r["file"]: r for r in BLIND["reports"]}
WITH_TABLE = [name for name, r in REPORTS.items() if r["has_table"]]


def _row_of(label: str) -> schema.LegacyRow:
    """The schema row whose wording the label printed in the document matches."""
    compact = unicodedata.normalize("NFKC", label)
    found = [r for r in schema.LEGACY_ROWS if any(re.search(k, compact) for k in r.keys)]
    assert found, f"no legacy row has the wording of {label}"
    return max(found, key=lambda r: max(len(m.group()) for k in r.keys if (m := re.search(k, compact))))


@pytest.fixture(scope="module", params=sorted(REPORTS))
def case(request):
    return REPORTS[request.param], parse_file(CORPUS / request.param)


def test_reports_before_2019_keep_no_standard_layout(case):
    _, report = case
    assert report.layout is None
    assert all(a.startswith("legacy.") for a in report.figures)


@pytest.mark.parametrize("name", WITH_TABLE)
def test_every_row_is_read_with_the_hand_read_values(name):
    report = parse_file(CORPUS / name)
    rows = REPORTS[name]["rows"]
    wrong = {}
    for row in rows:
        rid = _row_of(row["label_printed"]).id
        for column in ("this_year", "cumulative"):
            fig = report.figures.get(f"legacy.{rid}.{column}")
            got = None if fig is None else fig.value
            if got != row[column]:
                wrong[f"{rid}.{column}"] = (got, row[column])
    assert wrong == {}, "row.column: (read, by hand)"
    assert len(report.figures) == 2 * len(rows), "a row the hand reading does not have was read"


@pytest.mark.parametrize("name", WITH_TABLE)
def test_rows_carry_their_unit_parent_and_certainty(name):
    report = parse_file(CORPUS / name)
    for row in REPORTS[name]["rows"]:
        srow = _row_of(row["label_printed"])
        assert row["unit"] in srow.units, row["label"]
        parent = _row_of(row["parent"]).id if row["parent"] else None
        assert srow.parent == parent, row["label"]
        for column in ("this_year", "cumulative"):
            assert report.figures[f"legacy.{srow.id}.{column}"].uncertain is not row["certain"], row["label"]


@pytest.mark.parametrize("name", WITH_TABLE)
def test_figures_have_the_provenance_of_standard_figures(name):
    report = parse_file(CORPUS / name)
    for row in REPORTS[name]["rows"]:
        fig = report.figures[f"legacy.{_row_of(row['label_printed']).id}.this_year"]
        assert fig.source.label == unicodedata.normalize("NFKC", row["label_printed"])
        assert fig.source.line is not None
        printed = report.text[fig.source.offset :]
        assert printed.startswith(f"{row['this_year']}{row['cumulative']}"), row["label"]
    facts = report.facts()
    assert set(facts["figures"]) == set(report.figures)
    assert all("label" in facts["sources"][a] for a in report.figures)


def test_a_report_without_a_statistics_table_gets_no_legacy_figures():
    assert REPORTS["pingtan-dishuiju-2013.txt"]["has_table"] is False
    assert parse_file(CORPUS / "pingtan-dishuiju-2013.txt").figures == {}


def _without(name: str, sentence: str):
    """The report as if its narrative did not have the sentence."""
    doc = read_document(CORPUS / name)
    assert sentence in doc.text
    return parse_document(replace(doc, text=doc.text.replace(sentence, "")), "", name)


def test_a_split_only_the_narrative_decides_is_uncertain_without_it():
    # 主动公开文件数条212210037: the parts equal the row, so only 2017年全区主动公开政府信息2122条 decides.
    report = _without("pingtan-2017.txt", "2017年全区主动公开政府信息2122条")
    fig = report.figures["legacy.proactive_items.this_year"]
    assert fig.uncertain and "2122" in fig.note and "212" in fig.note
    assert any(
        w.kind == WarningKind.UNCERTAIN and w.address == "legacy.proactive_items.this_year" for w in report.warnings
    )
    assert not report.figures["legacy.proactive_gazette.this_year"].uncertain


def test_parts_that_do_not_add_up_are_reported_as_printed():
    # 2012: 网站公开 1795 + 政府公报公开 0 ≠ 主动公开信息数 2026, as printed.
    report = parse_file(CORPUS / "pingtan-county-2012.txt")
    broken = [w for w in report.warnings if w.kind == WarningKind.IDENTITY and w.address == "legacy"]
    assert [w.numbers for w in broken] == [(2026, 1795, 0), (3542, 3304, 7)]


@pytest.mark.parametrize("name", WITH_TABLE)
def test_facts_prints_the_statistics_table_with_the_hand_read_values(name):
    (view,) = table_views(parse_file(CORPUS / name))
    assert view.title.startswith("政府信息公开情况统计表")
    printed = {row[0].strip().split(" ")[0]: [v.rstrip("?*") for v in row[1:]] for row in view.rows}
    text = as_text(view)
    for row in REPORTS[name]["rows"]:
        label = _row_of(row["label_printed"]).label
        expected = ["—" if row[c] is None else str(row[c]) for c in ("this_year", "cumulative")]
        assert printed[label] == expected[: len(printed[label])], label
        assert label in text

"""Crawler text glues a row's cells into one digit string; the table's constraints cut it."""

from __future__ import annotations

from conftest import CORPUS

from assistant.domain.record import WarningKind
from assistant.extract.digits import cut_cells, readings
from assistant.extract.report import parse_file


def _row_total_ok(values):
    return values[6] == sum(values[:6])


def test_a_table3_row_has_one_reading():
    cells = cut_cells("801000081", 0)
    assert readings(cells, 7, _row_total_ok) == [(80, 1, 0, 0, 0, 0, 81)]


def test_surviving_spaces_are_cell_borders():
    assert readings(cut_cells("200 000121", 0), 7, _row_total_ok) == [(20, 0, 0, 0, 0, 1, 21)]


def test_table4_line_of_15_cells():
    def groups_ok(v):
        return all(v[i + 4] == sum(v[i : i + 4]) for i in (0, 5, 10))

    assert readings(cut_cells("21317000001324019", 0), 15, groups_ok) == [
        (2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19)
    ]


def test_ambiguous_row_is_marked_uncertain_with_its_alternatives():
    report = parse_file(CORPUS / "pingtan-2024.txt")
    fig = report.figures["proactive.normative_documents.repealed"]
    assert (
        report.value("proactive.normative_documents.issued"),
        fig.value,
        report.value("proactive.normative_documents.in_force"),
    ) == (62, 33, 440)
    assert fig.uncertain and "several readings" in fig.note
    # the row prints 6233440 for its three cells: 62|33|440 is read, 62|3|3440 fits as well
    assert fig.alternatives[0] == 33 and 3 in fig.alternatives
    assert all(str(v) in "6233440" for v in fig.alternatives)
    warned = [w for w in report.warnings if w.kind == WarningKind.UNCERTAIN and w.address == fig.address]
    assert [w.numbers for w in warned] == [fig.alternatives]


def test_the_html_of_the_same_report_is_certain():
    report = parse_file(CORPUS / "pingtan-2024.html")
    assert not any(f.uncertain for f in report.figures.values())


def test_crawler_text_and_html_give_identical_figures():
    for year in (2024, 2025):
        txt = parse_file(CORPUS / f"pingtan-{year}.txt")
        html = parse_file(CORPUS / f"pingtan-{year}.html")
        assert {a: f.value for a, f in txt.figures.items()} == {a: f.value for a, f in html.figures.items()}

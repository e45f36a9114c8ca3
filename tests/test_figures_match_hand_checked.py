"""Every figure of every report in the corpus equals the value read by hand from the document.

The rendered PDF and DOCX copies of an HTML page are held to the page's own hand-checked figures.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS, expectation, expectation_files

from assistant.domain.schema import LAYOUTS
from assistant.extract.report import parse_file
from assistant.extract.tables import DERIVED

RENDERED = sorted(p.name for p in CORPUS.glob("*.rendered.*"))
CASES = [(n, n) for n in expectation_files()] + [(n, n.split(".rendered.")[0] + ".html") for n in RENDERED]


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def case(request):
    name, expected = request.param
    return name, expectation(expected), parse_file(CORPUS / name)


def test_metadata_matches(case):
    _, exp, report = case
    assert report.agency == exp["report"]["agency"]
    assert report.region == exp["report"]["region"]
    assert report.year == exp["report"]["year"]


def test_layout_matches(case):
    _, exp, report = case
    assert report.layout == exp["layout"]


def test_every_address_of_the_layout_is_listed(case):
    _, exp, report = case
    if exp["layout"] is None:  # only the report's own statistics table, read as legacy.* figures
        assert sorted(report.figures) == sorted(exp["figures"])
    else:
        assert list(report.figures) == LAYOUTS[exp["layout"]].addresses()


def test_figures_equal_hand_checked_values(case):
    _, exp, report = case
    wrong = {a: (report.value(a), v) for a, v in exp["figures"].items() if report.value(a) != v}
    assert wrong == {}, "address: (parsed, expected)"


def test_ambiguous_digits_are_flagged_not_guessed_silently(case):
    _, exp, report = case
    for address, candidates in exp.get("ambiguous", {}).items():
        fig = report.figures[address]
        assert fig.uncertain, address
        assert fig.value in candidates, address


def test_cells_forced_by_arithmetic_carry_a_note(case):
    _, exp, report = case
    for address in exp.get("derived", []):
        fig = report.figures[address]
        assert fig.derived and DERIVED in fig.note, address

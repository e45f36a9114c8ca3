"""Every figure of every text, markdown and HTML report equals the value read by hand from the document."""

from __future__ import annotations

import pytest
from conftest import CORPUS, expectation, expectation_files

from assistant.parse import parse_file
from assistant.schema import LAYOUTS
from assistant.tables import DERIVED

TEXT_AND_HTML = [n for n in expectation_files() if n.rsplit(".", 1)[1] in ("txt", "md", "html")]


@pytest.fixture(scope="module", params=TEXT_AND_HTML)
def case(request):
    name = request.param
    return name, expectation(name), parse_file(CORPUS / name)


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
    if exp["layout"] is None:
        assert report.figures == {}
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
        assert DERIVED in report.figures[address].note, address

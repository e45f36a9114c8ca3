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


# Glued crawler-text cells that no arithmetic ties down, where the parser's pick is still not the value of
# the original page (the believed value, first in the expectation's "ambiguous" candidates). A cell the
# parser comes to read right must leave this list, and one it comes to read wrong fails the test.
STILL_MISREAD = {
    "pingtan-2019.txt": {
        "proactive.licensing.items_last_year",  # 39, not 396 (行政许可3960181 = 396/0/181)
        "proactive.licensing.items_change",  # 60, not 0
        "proactive.penalties.items_last_year",  # 264, not 2648 (行政处罚26480430 = 2648/0/430)
        "proactive.penalties.items_change",  # 80, not 0
        "proactive.procurement.projects",  # 13575, not 135 (13575394432.52元 = 135 / 75394432.52)
        "proactive.procurement.amount_yuan",  # 394432.52, not 75394432.52
    },
    "pingtan-2020.txt": {
        "proactive.penalties.items_change",  # -1, not -18 (行政处罚2648-18538 = 2648/-18/538)
        "proactive.penalties.decisions",  # 8538, not 538
        "proactive.enforcement.items_change",  # 2, not 26 (行政强制1262629 = 126/26/29)
        "proactive.enforcement.decisions",  # 629, not 29
        "proactive.procurement.projects",  # 39573, not 395 (39573802895.90元 = 395 / 73802895.90)
        "proactive.procurement.amount_yuan",  # 802895.9, not 73802895.9
    },
    "pingtan-2021.txt": {
        "proactive.normative_documents.issued",  # 6, not 69 (行政规范性文件693665 = 69/3/665)
        "proactive.normative_documents.repealed",  # 93, not 3
    },
}


def test_ambiguous_digits_are_flagged_and_read_as_the_original_page(case):
    name, exp, report = case
    misread = set()
    for address, (believed, *others) in exp.get("ambiguous", {}).items():
        fig = report.figures[address]
        assert fig.uncertain, address
        assert fig.value in (believed, *others), address
        if fig.value != believed:
            misread.add(address)
    assert misread == STILL_MISREAD.get(name, set())


def test_cells_forced_by_arithmetic_carry_a_note(case):
    _, exp, report = case
    for address in exp.get("derived", []):
        fig = report.figures[address]
        assert fig.derived and DERIVED in fig.note, address

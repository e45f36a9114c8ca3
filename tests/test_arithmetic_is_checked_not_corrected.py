"""Every identity of the tables is checked; a broken one is a warning with its numbers, never a silent fix."""

from __future__ import annotations

from conftest import CORPUS, SEED

from assistant.domain.record import WarningKind
from assistant.extract.report import parse_file


def identity_warnings(report):
    return {w.identity: w for w in report.warnings if w.kind == WarningKind.IDENTITY}


def test_a_changed_number_is_reported_and_kept(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    row = "(一) 予以公开\t\t2\t0\t0\t0\t0\t0\t2"
    assert row in text
    path = tmp_path / "seed-changed.txt"
    path.write_text(text.replace(row, "(一) 予以公开\t\t3\t0\t0\t0\t0\t0\t2"), encoding="utf-8")
    report = parse_file(path)
    assert report.value("requests.granted.individual") == 3  # as printed, not "fixed"
    broken = identity_warnings(report)
    granted = broken["granted: total = sum of the six applicant columns"]
    assert granted.address == "requests" and granted.numbers == (2, 3, 0, 0, 0, 0, 0)
    assert granted.message.endswith("does not hold: 2, but 3 + 0 + 0 + 0 + 0 + 0 = 3")
    assert "individual column: total handled = sum of the outcome rows" in broken


def test_the_unchanged_seed_has_no_arithmetic_warning():
    assert not identity_warnings(parse_file(SEED))


def test_pingtan_2020_inconsistency_is_flagged():
    """The published 2020 table does not add up (26 natural-person results against a total of 20)."""
    report = parse_file(CORPUS / "pingtan-2020.txt")
    warning = identity_warnings(report)["individual column: total handled = sum of the outcome rows"]
    assert warning.address == "requests"
    # 自然人 as printed: 总计 20; then the outcome rows in the table's order: 予以公开 6, 部分公开 6,
    # the eight 不予公开 rows 0, 无法提供 4 0 3, 不予处理 0 3 0 0 0, 其他处理 4
    assert warning.numbers == (20, 6, 6, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 3, 0, 3, 0, 0, 0, 4)
    assert warning.message.endswith("does not hold: 20, but " + " + ".join(map(str, warning.numbers[1:])) + " = 26")
    assert report.value("requests.total_handled.individual") == 20

"""Every identity of the tables is checked; a broken one is a warning with its numbers, never a silent fix."""

from __future__ import annotations

from conftest import CORPUS, SEED

from assistant.extract.report import parse_file


def test_a_changed_number_is_reported_and_kept(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    row = "(一) 予以公开\t\t2\t0\t0\t0\t0\t0\t2"
    assert row in text
    path = tmp_path / "seed-changed.txt"
    path.write_text(text.replace(row, "(一) 予以公开\t\t3\t0\t0\t0\t0\t0\t2"), encoding="utf-8")
    report = parse_file(path)
    assert report.value("requests.granted.individual") == 3  # as printed, not "fixed"
    arithmetic = [w for w in report.warnings if w.startswith("arithmetic:")]
    assert any(
        "granted: total = sum of the six applicant columns does not hold: 2, but 3 + 0 + 0 + 0 + 0 + 0 = 3" in w
        for w in arithmetic
    ), arithmetic
    assert any("individual column: total handled = sum of the outcome rows" in w for w in arithmetic)


def test_the_unchanged_seed_has_no_arithmetic_warning():
    assert not [w for w in parse_file(SEED).warnings if w.startswith("arithmetic:")]


def test_pingtan_2020_inconsistency_is_flagged():
    """The published 2020 table does not add up (26 natural-person results against a total of 20)."""
    report = parse_file(CORPUS / "pingtan-2020.txt")
    arithmetic = [w for w in report.warnings if w.startswith("arithmetic:")]
    assert any(
        "individual column: total handled = sum of the outcome rows does not hold: 20, but" in w and w.endswith("= 26")
        for w in arithmetic
    ), arithmetic
    assert report.value("requests.total_handled.individual") == 20

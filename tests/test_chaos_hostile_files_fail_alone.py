"""Hostile files (issue 17), each mid-batch beside a good report: the hostile one is read or fails with one
line naming the limit and its flag, its parser never holds more than the memory budget, the good one is
ingested and nothing already stored is lost."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import chaos_files
import pytest
from conftest import CORPUS

from assistant.cli.main import main
from assistant.extract.isolated import Job, parse_each
from assistant.read import IngestError, Limits
from assistant.store.database import Store

BUDGET = 512 * 2**20  # the memory budget per file these tests give the parser
BASELINE = 160 * 2**20  # what the parser process holds before it reads a file (the imported parser)
GOOD = "pingtan-2019.txt"
STORED = "pingtan-2016.txt"  # ingested before the batch: must survive it

# name, builder, extra limits, the refusal's words (None: the file is read), the flag the refusal names
CASES = [
    ("docx-grid-before", chaos_files.docx_grid_before, {}, None, None),
    ("docx-grid-span", chaos_files.docx_grid_span, {}, None, None),
    ("docx-inflates-300mb", chaos_files.docx_inflating, {}, "inflates to", "--max-mb"),
    ("html-colspan-rowspan", chaos_files.html_spans, {}, "cell limit", "--max-cells"),
    (
        "html-spans-past-the-memory-budget",
        lambda dest: chaos_files.html_spans(dest, rows=60),
        {"max_cells": 10**12, "max_memory": 128 * 2**20},
        "memory budget of 128 MiB",
        "--max-memory-mb",
    ),
    (
        "pdf-declares-a-million-pages",
        lambda dest: chaos_files.pdf_pages(dest, 10**6, 2),
        {},
        "1000000 pages",
        "--max-pages",
    ),
    ("pdf-5000-real-pages", lambda dest: chaos_files.pdf_pages(dest, 5000, 5000), {}, "5000 pages", "--max-pages"),
    (
        "time-limit",
        lambda dest: Path(chaos_files.shutil.copy(CORPUS / "pingtan-2024.txt", dest)),
        {"max_seconds": 0.001},
        "time limit",
        "--max-seconds",
    ),
    (
        "text-limit",
        lambda dest: Path(chaos_files.shutil.copy(CORPUS / "pingtan-2024.txt", dest)),
        {"max_chars": 1000},
        "text limit",
        "--max-chars",
    ),
]
SUFFIX = {"docx": ".docx", "html": ".html", "pdf": ".pdf"}


def _build(case, folder: Path) -> Path:
    name, build = case[0], case[1]
    return build(folder / f"{name}{SUFFIX.get(name.split('-')[0], '.txt')}")


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_the_parser_of_a_hostile_file_stays_in_its_budget(case, tmp_path):
    _, _, extra, words, flag = case
    path = _build(case, tmp_path)
    limits = replace(Limits(max_memory=BUDGET), **extra)
    [parsed] = parse_each([Job(path, path.name)], limits)
    if words is None:
        assert not isinstance(parsed.result, IngestError), parsed.result
        assert parsed.result.title == "平潭综合实验区2024年度政府信息公开工作年度报告"
    else:
        assert isinstance(parsed.result, IngestError)
        assert words in parsed.result.reason and flag in parsed.result.reason
    if parsed.peak is not None:  # a process stopped for its time has no word on its peak
        assert parsed.peak < limits.max_memory + BASELINE


FLAGS = {
    "max_cells": "--max-cells",
    "max_memory": "--max-memory-mb",
    "max_seconds": "--max-seconds",
    "max_chars": "--max-chars",
}


def _argv(extra: dict) -> list[str]:
    out = []
    for key, value in extra.items():
        out += [FLAGS[key], str(value // 2**20 if key == "max_memory" else value)]
    return out


BATCH = [c for c in CASES if not {"max_seconds", "max_chars"} & set(c[2])]  # limits a good report also meets


@pytest.mark.parametrize("case", BATCH, ids=[c[0] for c in BATCH])
def test_a_hostile_file_mid_batch_fails_alone(case, tmp_path, capsys):
    _, _, extra, words, flag = case
    store = tmp_path / "corpus.sqlite"
    assert main(["ingest", str(CORPUS / STORED), "--store", str(store), "--quiet"]) == 0
    folder = tmp_path / "batch"
    chaos_files.copy_reports(folder, (GOOD,))
    hostile = _build(case, folder)
    capsys.readouterr()
    code = main(["ingest", str(folder), "--store", str(store), "--quiet", *_argv(extra)])
    out, err = capsys.readouterr()
    ids = {r["id"] for r in Store(store).reports()}
    assert {STORED, GOOD} <= ids  # nothing stored before is lost; the good file is in
    assert "Traceback" not in out + err
    assert out.splitlines()[0].startswith("2 files: ")
    if words is None:
        assert code == 0 and hostile.name in ids and not err
        return
    assert code == 1 and hostile.name not in ids
    [line] = err.splitlines()  # one clear line naming the file, the limit and the flag
    assert line.startswith(f"error: {hostile}") and words in line and flag in line
    assert ", 1 failed" in out
    assert [f["path"] for f in Store(store).failures()] == [str(hostile)]


def test_an_oversized_number_keeps_its_figure_uncertain_and_the_batch_going(tmp_path, capsys):
    folder = tmp_path / "batch"
    chaos_files.copy_reports(folder, (GOOD,))
    chaos_files.oversized_number(folder / "shanghai-stcsm-2024.md")
    chaos_files.copy_reports(folder, ("pingtan-2020.txt",))
    store = tmp_path / "corpus.sqlite"
    for _ in range(2):  # a rerun does not die on it either
        assert main(["ingest", str(folder), "--store", str(store), "--quiet"]) == 0
        out, err = capsys.readouterr()
        assert "Traceback" not in err and not err
    report = Store(store).report("shanghai-stcsm-2024.md")
    figure = report.figures["proactive.normative_documents.issued"]
    assert figure.value is None and figure.uncertain and "10000000000000000000" in figure.note
    assert report.value("proactive.normative_documents.in_force") == 55  # the row's other cells, as printed
    assert any("10000000000000000000" in w.message for w in report.warnings)
    assert {"pingtan-2019.txt", "pingtan-2020.txt"} <= {r["id"] for r in Store(store).reports()}
    assert main(["facts", str(folder / "shanghai-stcsm-2024.md")]) == 0
    assert "10000000000000000000" not in capsys.readouterr().out.split("warnings 提示:")[0]


def test_a_narrative_number_no_report_can_hold_is_left_out(tmp_path):
    from assistant.extract.report import parse_file

    text = (CORPUS / GOOD).read_text(encoding="utf-8")
    assert "共公布政府信息2599条" in text  # a narrative fact of 2599 条, now 10^30
    path = tmp_path / GOOD
    path.write_text(text.replace("共公布政府信息2599条", "共公布政府信息1000000000000000000000000000000条"), "utf-8")
    report = parse_file(path)
    assert all(f.value < 10**15 for f in report.narrative_facts)
    assert any("1000000000000000000000000000000" in w.message for w in report.warnings)


if sys.platform != "linux":  # the worker's memory limit and parent-death signal are Linux's
    pytestmark = pytest.mark.skip("Linux only")

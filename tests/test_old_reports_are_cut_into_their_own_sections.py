"""Reports before 2019 number their sections another way (三、政府信息依申请公开工作情况 四、…收费及减免情况
五、因政府信息公开申请行政复议…): passages, the statistics table and the CSV export carry the right section."""

from __future__ import annotations

import argparse
import csv
import io

import pytest

from assistant.cli.search import add_search_parser, run_search
from assistant.extract.report import parse_file
from assistant.search.searcher import store_corpus


def _section_of(report, words: str) -> set[str]:
    return {p.section for p in report.passages if words in p.text}


@pytest.mark.parametrize(
    ("name", "heading"),
    [("pingtan-2015.txt", "五、因"), ("pingtan-2016.txt", "五、因"), ("pingtan-2017.txt", "四、因")],
)
def test_reconsideration_is_its_own_section(corpus_dir, name: str, heading: str) -> None:
    report = parse_file(corpus_dir / name)
    # was labelled 二、主动公开政府信息情况 · Proactive disclosure
    assert _section_of(report, heading + "政府信息公开申请行政复议") == {"appeals"}
    assert _section_of(report, "三、政府信息依申请公开工作情况") == {"requests"}


def test_fees_and_problems_of_2015_are_told_apart(corpus_dir) -> None:
    report = parse_file(corpus_dir / "pingtan-2015.txt")
    assert _section_of(report, "四、政府信息公开的收费及减免情况") == {"other_matters"}
    assert _section_of(report, "六、主要问题和改进措施") == {"problems"}


def test_the_2017_statistics_table_is_not_main_problems(corpus_dir) -> None:
    report = parse_file(corpus_dir / "pingtan-2017.txt")
    rows = [p for p in report.passages if p.kind == "table_row"]
    assert rows and {p.section for p in rows} == {"statistics"}
    assert _section_of(report, "六、政府信息公开情况统计表") == {"statistics"}


def test_the_tax_bureau_2013_report_keeps_its_sections(corpus_dir) -> None:
    report = parse_file(corpus_dir / "pingtan-dishuiju-2013.txt")
    assert _section_of(report, "五、申请行政复议、提起行政诉讼和申诉的情况") == {"appeals"}
    assert _section_of(report, "三、依申请公开、不予公开及咨询政府信息情况") == {"requests"}


def test_the_csv_export_carries_the_right_section(corpus_store) -> None:
    corpus = store_corpus(corpus_store.path)
    parser = argparse.ArgumentParser()
    add_search_parser(parser.add_subparsers(dest="command"), corpus=lambda args: corpus)
    out = io.StringIO()
    args = parser.parse_args(["search", "因政府信息公开申请行政复议 提起行政诉讼", "--year", "2017", "--csv", "-"])
    assert run_search(args, lambda a: corpus, out=out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    prose = [r for r in rows if r["kind"] == "text" and "四、因政府信息公开申请行政复议" in r["text"]]
    assert prose and {r["section"] for r in prose} == {"appeals"}

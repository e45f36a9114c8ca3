"""Every report file of corpus/ gets its agency's correct English name, and the English summary says what its
tables follow in words an English reader knows. Names read by hand from each report's Chinese name."""

from __future__ import annotations

import csv

import pytest
from conftest import CORPUS

from assistant.extract.report import parse_file
from assistant.summarize.core import summarize

PINGTAN_ZONE = "Pingtan Comprehensive Experimental Zone Administrative Committee"  # 平潭综合实验区管委会
NAMES = {
    "huaian-hongze-2024.pdf": "Hongze District People's Government, Huai'an",  # 淮安市洪泽区人民政府
    "shanghai-stcsm-2024.md": "Shanghai Municipal Science and Technology Commission",  # 上海市科学技术委员会
    "pingtan-dishuiju-2013.txt": "Pingtan Comprehensive Experimental Zone Local Taxation Bureau",  # …地方税务局
    "pingtan-county-2011.txt": "Pingtan County People's Government",  # 平潭县人民政府
    "pingtan-county-2012.txt": "Pingtan County People's Government",
    "shuyang-fagaiju-2023.html": "Shuyang County Development and Reform Bureau",  # 沭阳县发展和改革局
    "shuyang-fagaiju-2023.rendered.pdf": "Shuyang County Development and Reform Bureau",
    "shuyang-fagaiju-2023.rendered.docx": "Shuyang County Development and Reform Bureau",
    # 六安市人力资源和社会保障局
    "000_782cdb5e9cbe54e2.txt": "Lu'an Municipal Human Resources and Social Security Bureau",
}


def _files() -> list[str]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        return [row["file"] for row in csv.DictReader(fh, delimiter="\t") if not row["file"].startswith("reference/")]


def test_the_table_names_every_corpus_file():
    assert len(_files()) == 23
    assert {f for f in _files() if not f.startswith("pingtan-20")} == set(NAMES)


@pytest.mark.parametrize("name", _files())
def test_the_agency_is_named_correctly_in_english(name):
    s = summarize(parse_file(CORPUS / name), "en")
    assert s.agency_english == NAMES.get(name, PINGTAN_ZONE)
    assert s.heading.startswith(s.agency_english + ":")


def test_the_tables_are_said_to_follow_the_national_template():
    # pingtan-2024: 本年制发件数/本年废止件数/现行有效件数 (the 2021 template); pingtan-2020: 本年新制作数量 (2019)
    assert (
        "The statistical tables follow the national template of 2021."
        in summarize(parse_file(CORPUS / "pingtan-2024.txt"), "en").paragraph("who").sentences
    )
    for name in ("pingtan-2024.txt", "pingtan-2020.txt", "pingtan-2015.txt"):
        assert "layout" not in summarize(parse_file(CORPUS / name), "en").text


def test_the_chinese_title_is_given_in_english_where_it_is_the_usual_formula():
    # pingtan-2016: 平潭综合实验区2016年度政府信息公开工作年度报告; pingtan-dishuiju-2013: …2013年信息公开年度报告
    who = summarize(parse_file(CORPUS / "pingtan-2016.txt"), "en").paragraph("who").text
    assert (
        "(in English: its publisher's name, then “2016 annual report on government information disclosure work”)" in who
    )
    who = summarize(parse_file(CORPUS / "pingtan-dishuiju-2013.txt"), "en").paragraph("who").text
    assert "“2013 annual report on information disclosure”" in who

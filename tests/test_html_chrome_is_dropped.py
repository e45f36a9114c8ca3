"""A saved page is 40–320 KB of site chrome around the report: only the report is kept."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from assistant.extract.report import parse_file
from assistant.extract.sections import find_sections
from assistant.read import read_document

CHROME = ("友情链接", "jQuery", "function(", "文字版", "当前位置", "ms-controller", "新闻媒体", "<script")


@pytest.mark.parametrize("name", ["pingtan-2024.html", "pingtan-2025.html", "shuyang-fagaiju-2023.html"])
def test_only_the_report_text_remains(name):
    doc = read_document(CORPUS / name)
    assert len(doc.text) < 6000
    for word in CHROME:
        assert word not in doc.text, word
    assert "一、总体情况" in doc.text
    assert "其他需要报告的事项" in doc.text


def test_word_exported_spans_are_joined():
    """shuyang's digits and labels are cut into one-character spans."""
    text = read_document(CORPUS / "shuyang-fagaiju-2023.html").text
    assert "三、本年度办理结果" in text and "2023年" in text and "0527—83593059" in text


def test_hostile_markup_stays_text(tmp_path):
    html = (CORPUS / "pingtan-2024.html").read_text(encoding="utf-8")
    marker = "全年办理政府信息公开申请218件。"
    assert marker in html
    hostile = html.replace(
        marker, marker + "&lt;script&gt;alert(1)&lt;/script&gt;<script>steal()</script><img src=x onerror=alert(2)>"
    )
    path = tmp_path / "hostile.html"
    path.write_text(hostile, encoding="utf-8")
    report = parse_file(path)
    assert "<script>alert(1)</script>" in report.text  # escaped text in the page is the report's text
    assert "steal()" not in report.text and "onerror" not in report.text
    assert report.value("requests.new_received.total") == 218


def test_sections_are_found_in_html():
    doc = read_document(CORPUS / "shuyang-fagaiju-2023.html")
    assert list(find_sections(doc.text)) == [
        "overview",
        "proactive",
        "requests",
        "appeals",
        "problems",
        "other_matters",
    ]
    report = parse_file(CORPUS / "shuyang-fagaiju-2023.html")
    assert {"overview", "problems", "other_matters"} <= {p.section for p in report.passages}
    assert not any("\t" in p.text for p in report.passages)  # table rows are figures, not passages

"""PDF and DOCX copies printed from a web page are cut to the report, as the HTML page is; a real PDF
keeps its title; search never returns the site's navigation."""

from __future__ import annotations

import pytest

from assistant.read import read_document
from assistant.search.searcher import store_corpus

RENDERED = [
    "pingtan-2024.rendered.docx",
    "pingtan-2024.rendered.pdf",
    "pingtan-2025.rendered.docx",
    "pingtan-2025.rendered.pdf",
    "shuyang-fagaiju-2023.rendered.docx",
    "shuyang-fagaiju-2023.rendered.pdf",
]
CHROME = ("附件下载", "扫一扫在手机上查看当前页面", "福建省人民政府", "福州市政府网站", "当前位置", "版权所有")


@pytest.mark.parametrize("name", RENDERED)
def test_a_rendered_copy_holds_only_the_report(corpus_dir, name: str) -> None:
    doc = read_document(corpus_dir / name)
    assert not [c for c in CHROME if c in doc.text]
    lines = doc.text.split("\n")
    html = read_document(corpus_dir / name.replace(".rendered.docx", ".html").replace(".rendered.pdf", ".html"))
    assert lines[0][:30] == html.text.split("\n")[0][:30]  # 本报告根据… / 根据《中华人民共和国政府信息公开条例》…
    assert lines[-1] == html.text.split("\n")[-1]  # 2024年,无收取信息处理费情况。 / the date under the signature
    assert doc.meta["title"].endswith("报告")  # the title came from the page before it was cut


def test_the_pages_of_a_cut_pdf_still_point_at_the_right_page(corpus_dir) -> None:
    doc = read_document(corpus_dir / "pingtan-2024.rendered.pdf")
    # corpus/README.md: the report text starts on page 2; table 3 runs on from page 4 to page 5
    assert doc.page_of(0) == 2
    assert doc.page_of(doc.text.index("8.属于行政查询事项")) == 4


def test_a_printed_report_keeps_its_title_line(corpus_dir) -> None:
    doc = read_document(corpus_dir / "huaian-hongze-2024.pdf")
    assert doc.text.startswith("淮安市洪泽区人民政府2024年政府信息公开工作年度报告")


def test_no_copy_of_any_report_is_found_by_its_sites_navigation(corpus_store) -> None:
    searcher = store_corpus(corpus_store.path).searcher()
    for phrase in ("扫一扫在手机上查看当前页面", "福州市政府网站", "附件下载"):
        assert not [h for h in searcher.search(phrase, distinct=False, k=50) if phrase in h.text], phrase
    site_only = [c for c in CHROME if c != "福建省人民政府"]  # 《福建省人民政府办公厅关于…》 is in the reports
    assert not [p for p in corpus_store.iter_passages() if any(c in p.text for c in site_only)]

"""GBK/GB18030, UTF-8 with BOM and GB2312 HTML pages give the same figures as the UTF-8 original."""

from __future__ import annotations

from conftest import CORPUS, SEED

from assistant.extract.report import parse_file


def _figures(path):
    return {a: f.value for a, f in parse_file(path).figures.items()}


def test_gbk_text_report(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "seed-gbk.txt"
    path.write_bytes(text.encode("gbk"))
    report = parse_file(path)
    assert report.agency == "六安市人力资源和社会保障局"
    assert _figures(path) == _figures(SEED)


def test_gb18030_crawler_text(tmp_path):
    path = tmp_path / "pingtan.txt"
    path.write_bytes((CORPUS / "pingtan-2024.txt").read_text(encoding="utf-8").encode("gb18030"))
    assert _figures(path) == _figures(CORPUS / "pingtan-2024.txt")


def test_utf8_with_bom_and_crlf(tmp_path):
    path = tmp_path / "seed-bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    report = parse_file(path)
    assert report.title.startswith("六安市")
    assert _figures(path) == _figures(SEED)


def test_full_width_digits_and_brackets_are_normalized(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("行政许可\t135", "行政许可\t１３５")
    path = tmp_path / "fullwidth.txt"
    path.write_text(text, encoding="utf-8")
    assert parse_file(path).value("proactive.licensing.decisions") == 135


def test_gb2312_html_page_decoded_from_its_meta_charset(tmp_path):
    html = (CORPUS / "pingtan-2024.html").read_text(encoding="utf-8")
    assert 'charset="utf-8"' in html
    path = tmp_path / "page.html"
    path.write_bytes(html.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    report = parse_file(path)
    assert report.title == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert _figures(path) == _figures(CORPUS / "pingtan-2024.html")

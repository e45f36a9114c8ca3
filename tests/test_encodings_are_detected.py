"""GBK/GB18030, Big5, UTF-8 with BOM and GB2312 HTML pages give the same figures as the UTF-8 original;
text in a charset that is not Chinese (Shift-JIS Japanese) is refused in one line."""

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


def _big5(text: str) -> bytes:
    """The text in Traditional characters, encoded as Big5 (the few characters Big5 lacks dropped)."""
    import opencc

    traditional = opencc.OpenCC("s2t").convert(text)
    return "".join(ch for ch in traditional if ch.encode("big5", errors="ignore")).encode("big5", errors="strict")


def test_big5_traditional_report_gives_the_figures_of_the_original(tmp_path):
    original = CORPUS / "pingtan-2025.txt"
    data = _big5(original.read_text(encoding="utf-8"))
    data.decode("gb18030")  # the trap: Big5 bytes are also valid GB18030, read as mojibake
    path = tmp_path / "pingtan-2025-big5.txt"
    path.write_bytes(data)
    report = parse_file(path)
    assert report.title == "平潭综合实验区2025年度政府信息公开工作年度报告"
    assert report.value("requests.new_received.total") == 154  # 本年新收 151 natural persons + 3 others
    assert _figures(path) == _figures(original)


# A Japanese public-records annual report (情報公開制度の運用状況), as a Japanese agency would publish it.
JAPANESE = (
    "令和五年度における情報公開制度の運用状況について\n"
    "行政機関の保有する情報の公開に関する法律に基づき、本年度に受け付けた開示請求は百二十件でした。"
    "このうち全部開示は八十件、部分開示は二十件、不開示は十件であり、残りの十件は翌年度に繰り越しました。"
    "不開示決定に対する審査請求は三件あり、情報公開・個人情報保護審査会に諮問しました。"
    "今後とも、国民の皆様の知る権利を尊重し、適正かつ迅速な情報公開に努めてまいります。\n"
)


def test_shift_jis_japanese_text_is_refused_in_one_line(tmp_path, capsys):
    from assistant.cli.main import main

    data = (JAPANESE * 3).encode("shift_jis")
    data.decode("gb18030")  # the trap: Shift-JIS bytes are also valid GB18030, read as mojibake
    path = tmp_path / "japanese.txt"
    path.write_bytes(data)
    assert main(["facts", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    reason = "not Chinese text: it reads as Japanese in cp932 (reports are read in UTF-8, GB18030/GBK or Big5)"
    assert err == f"error: {path}: {reason}"


def test_a_page_declaring_latin1_for_gbk_bytes_is_detected(tmp_path):
    html = (CORPUS / "pingtan-2024.html").read_text(encoding="utf-8")
    path = tmp_path / "page.html"
    path.write_bytes(html.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("gbk"))
    report = parse_file(path)
    assert report.title == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert _figures(path) == _figures(CORPUS / "pingtan-2024.html")

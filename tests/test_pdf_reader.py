"""The PDF reader on the real PDFs: table rows as tab lines, joined page splits, pages, errors."""

from __future__ import annotations

import io
import zlib
from functools import cache
from pathlib import Path

import pytest

from assistant.domain.record import WarningKind
from assistant.read.document import Document, IngestError, Limits, normalize
from assistant.read.pdf import read_pdf

CORPUS = Path(__file__).parent.parent / "corpus"
HUAIAN = CORPUS / "huaian-hongze-2024.pdf"
RENDERED = {name: CORPUS / f"{name}.rendered.pdf" for name in ("pingtan-2024", "pingtan-2025", "shuyang-fagaiju-2023")}
ALL_PDFS = [HUAIAN, *RENDERED.values()]

T3_HEAD = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
RESULTS = "三、本年度办理结果"


@cache
def read(path: Path) -> Document:
    return read_pdf(path, Limits())


def lines(doc: Document) -> list[str]:
    return doc.text.split("\n")


def row(*cells: object) -> str:
    return "\t".join(str(c) for c in cells)


def seven(first: int, total: int | None = None) -> tuple[int, ...]:
    """A table-3 row where only the 自然人 column is filled."""
    return (first, 0, 0, 0, 0, 0, first if total is None else total)


def offset_of(doc: Document, needle: str) -> int:
    at = doc.text.find(needle)
    assert at >= 0, needle
    return at


# ---------------------------------------------------------------- huaian-hongze-2024 (a real report)

HUAIAN_TABLE3 = [  # by hand from the page images (pages 3-4); （六）其他处理 is a single row here
    row(T3_HEAD, "申请人情况"),
    row(T3_HEAD, "自然人", "法人或其他组织", "总计"),
    row(T3_HEAD, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"),
    row("一、本年新收政府信息公开申请数量", *seven(95)),
    row("二、上年结转政府信息公开申请数量", *seven(0)),
    row(RESULTS, "(一)予以公开", *seven(50)),
    row(RESULTS, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", *seven(9)),
    row(RESULTS, "(三)不予公开", "1.属于国家秘密", *seven(0)),
    row(RESULTS, "(三)不予公开", "2.其他法律行政止公开", *seven(0)),  # the source's typo
    row(RESULTS, "(三)不予公开", "3.危及“三安全一稳定”", *seven(1)),
    row(RESULTS, "(三)不予公开", "4.保护第三方合法权益", *seven(0)),
    row(RESULTS, "(三)不予公开", "5.属于三类内部事务信息", *seven(0)),
    row(RESULTS, "(三)不予公开", "6.属于四类过程性信息", *seven(1)),
    row(RESULTS, "(三)不予公开", "7.属于行政执法案卷", *seven(1)),
    row(RESULTS, "(三)不予公开", "8.属于行政查询事项", *seven(0)),
    row(RESULTS, "(四)无法提供", "1.本机关不掌握相关政府信息", *seven(31)),
    # page 4 starts here: the group labels are carried over the page break
    row(RESULTS, "(四)无法提供", "2.没有现成信息需要另行制作", *seven(1)),
    row(RESULTS, "(四)无法提供", "3.补正后申请内容仍不明确", *seven(0)),
    row(RESULTS, "(五)不予处理", "1.信访举报投诉类申请", *seven(1)),
    row(RESULTS, "(五)不予处理", "2.重复申请", *seven(0)),
    row(RESULTS, "(五)不予处理", "3.要求提供公开出版物", *seven(0)),
    row(RESULTS, "(五)不予处理", "4.无正当理由大量反复申请", *seven(0)),
    row(RESULTS, "(五)不予处理", "5.要求行政机关确认或重新出具已获取信息", *seven(0)),
    row(RESULTS, "(六)其他处理", *seven(0)),
    row(RESULTS, "(七)总计", *seven(95)),
    row("四、结转下年度继续办理", *seven(0)),
]


def block(doc: Document, expected: list[str]) -> list[str]:
    """The lines of doc starting at the first expected line, as many as expected."""
    got = lines(doc)
    assert expected[0] in got, expected[0]
    start = got.index(expected[0])
    return got[start : start + len(expected)]


def test_huaian_table3_is_one_joined_table_of_row_lines():
    assert block(read(HUAIAN), HUAIAN_TABLE3) == HUAIAN_TABLE3


def test_huaian_table3_rows_sit_on_their_pages():
    doc = read(HUAIAN)
    assert doc.page_of(offset_of(doc, "1.本机关不掌握相关政府信息\t31")) == 3
    assert doc.page_of(offset_of(doc, "2.没有现成信息需要另行制作\t1")) == 4
    assert doc.page_of(offset_of(doc, "四、结转下年度继续办理\t")) == 4


def test_huaian_table2_continues_over_the_page_break():
    got = lines(read(HUAIAN))
    decisions = row("信息内容", "本年处理决定数量")
    expected = [
        "二、主动公开政府信息情况",
        "第二十条第(一)项",
        row("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        row("规章", 0, 0, 0),
        row("行政规范性文件", 3, 0, 8),
        "第二十条第(五)项",
        decisions,
        row("行政许可", 9487),
        "第二十条第(六)项",
        decisions,
        row("行政处罚", 2776),
        row("行政强制", 84),  # page 3 from here
        "第二十条第(八)项",
        row("信息内容", "本年收费金额(单位:万元)"),
        row("行政事业性收费", 7545),
        "三、收到和处理政府信息公开申请情况",
    ]
    start = got.index(expected[0])
    assert got[start : start + len(expected)] == expected


def test_huaian_table4_values_are_one_line_of_15_cells():
    got = lines(read(HUAIAN))
    values = row(1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3)
    assert values in got
    assert got[got.index(values) - 1].count("\t") == 14  # the last header row: 15 column labels
    assert got[got.index(values) + 1] == "五、存在的主要问题及改进情况"


def test_huaian_section_headings_are_lines_on_their_pages():
    doc = read(HUAIAN)
    pages = {
        "一、总体情况": 1,
        "二、主动公开政府信息情况": 2,
        "三、收到和处理政府信息公开申请情况": 3,
        "四、政府信息公开行政复议、行政诉讼情况": 4,
        "五、存在的主要问题及改进情况": 4,
        "六、其他需要报告的事项": 5,
    }
    for heading, page in pages.items():
        assert heading in lines(doc)
        assert doc.page_of(offset_of(doc, heading)) == page, heading


def test_huaian_narrative_is_rejoined_into_paragraphs():
    doc = read(HUAIAN)
    got = lines(doc)
    assert got[0] == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"
    assert got[1].startswith("本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》(国令第711号)")
    assert got[1].endswith("电话:0517-87290606)。")
    assert "我区在政府网站平台主动发布各类政府信息2428条,公开政府常务会议7期,解读信息发布7条。" in doc.text
    # the framed text of page 1 is narrative, not a one-column table
    assert "\t" not in "\n".join(got[:8])
    # a paragraph running over the page break 4 -> 5 is one line; its second half is on page 5
    para = next(line for line in got if "答复书模板,使各行政机关答复的方式" in line)
    assert para.startswith("针对存在问题,2025年我们将切实抓好以下工作")
    assert doc.page_of(offset_of(doc, "各行政机关答复的方式")) == 5
    assert doc.page_of(offset_of(doc, "答复书模板")) == 4
    assert not any(line.strip("-— ").isdigit() for line in got)  # page numbers "- 3 -" are dropped


def test_huaian_meta_and_offsets():
    doc = read(HUAIAN)
    assert doc.format == "pdf"
    assert doc.meta["title"] == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"
    assert len(doc.page_starts) == 5 and doc.page_starts == sorted(doc.page_starts) and doc.page_starts[0] == 0
    assert doc.warnings == []


# ---------------------------------------------------------------- the rendered PDFs


def test_pingtan_2024_table3_split_4_5_keeps_every_row():
    doc = read(RENDERED["pingtan-2024"])
    expected = [
        row(RESULTS, "(三)不予公开", "8.属于行政查询事项", *seven(0)),
        row(RESULTS, "(四)无法提供", "1.本机关不掌握相关政府信息", *seven(75)),  # first row of page 5
        row(RESULTS, "(四)无法提供", "2.没有现成信息需要另行制作", *seven(0)),
    ]
    assert block(doc, expected) == expected
    assert doc.page_of(offset_of(doc, expected[0])) == 4
    assert doc.page_of(offset_of(doc, expected[1])) == 5
    assert row(RESULTS, "(六)其他处理", "3.其他", 1, 1, 0, 0, 0, 0, 2) in lines(doc)
    assert row("一、本年新收政府信息公开申请数量", 217, 1, 0, 0, 0, 0, 218) in lines(doc)


def test_pingtan_2024_table4_header_and_values_split_5_6():
    doc = read(RENDERED["pingtan-2024"])
    values = row(2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19)
    got = lines(doc)
    assert values in got and got[got.index(values) - 1].startswith("结果维持\t结果纠正")
    assert doc.page_of(offset_of(doc, "四、政府信息公开行政复议、行政诉讼情况")) == 5
    assert doc.page_of(offset_of(doc, values)) == 6


def test_pingtan_2025_table3_split_over_three_pages():
    doc = read(RENDERED["pingtan-2025"])
    expected = [
        row(RESULTS, "(三)不予公开", "1.属于国家秘密", *seven(0)),
        row(RESULTS, "(三)不予公开", "2.其他法律行政法规禁止公开", *seven(0)),  # first row of page 5
    ]
    assert block(doc, expected) == expected
    assert [doc.page_of(offset_of(doc, line)) for line in expected] == [4, 5]
    assert row(RESULTS, "(四)无法提供", "1.本机关不掌握相关政府信息", 49, 1, 0, 0, 0, 0, 50) in lines(doc)
    fee = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    line = row(RESULTS, "(六)其他处理", fee, *seven(2))
    assert line in lines(doc) and doc.page_of(offset_of(doc, line)) == 6
    assert row("四、结转下年度继续办理", 4, 2, 0, 0, 0, 0, 6) in lines(doc)
    assert row(25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3) in lines(doc)
    assert row("行政事业性收费", "4166.241619") in lines(doc)


def test_shuyang_header_split_and_blank_columns_keep_their_place():
    doc = read(RENDERED["shuyang-fagaiju-2023"])
    got = lines(doc)
    header = row(T3_HEAD, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
    assert header in got  # header cut by the page break 4 -> 5, joined
    blank = ("",) * 5
    assert row("一、本年新收政府信息公开申请数量", 26, *blank, 26) in got
    assert row(RESULTS, "(三)不予公开", "5.属于三类内部事务信息", 0, *blank, 0) in got  # first row of page 6
    assert row(RESULTS, "(五)不予处理", "3.要求提供公开出版物", 0, *blank, 0) in got  # first row of page 7
    assert row("四、结转下年度继续办理", 0, *blank, 0) in got
    assert row("规范性文件", 8, 0, 18) in got
    assert row(0, 0, 0, 1, 1, *(0,) * 10) in got
    assert "五、存在的主要问题及整改措施" in got
    assert doc.meta["title"] == "沭阳县发展和改革局2023年政府信息公开年度报告"


@pytest.mark.parametrize("pdf", ALL_PDFS, ids=lambda p: p.name)
def test_every_table3_row_has_its_labels_then_seven_cells(pdf):
    doc = read(pdf)
    starts = ("一、本年新收", "二、上年结转", RESULTS, "四、结转下年度")
    rows = [line.split("\t") for line in lines(doc) if line.startswith(starts)]
    assert len(rows) in (23, 25)
    for cells in rows:
        values = cells[-7:]
        assert all(v == "" or v.isdigit() for v in values), cells
        assert not any(c.isdigit() for c in cells[:-7]), cells
        assert cells[-1].isdigit() and cells[-7].isdigit(), cells


@pytest.mark.parametrize("pdf", ALL_PDFS, ids=lambda p: p.name)
def test_text_is_normalized_and_pages_are_ordered(pdf):
    doc = read(pdf)
    assert normalize(doc.text) == doc.text
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in doc.text)  # Kangxi / radical supplement forms mapped
    assert doc.page_starts == sorted(doc.page_starts) and doc.page_starts[0] == 0
    assert "人民" in doc.text


def test_rendered_section_pages():
    doc = read(RENDERED["pingtan-2024"])
    assert doc.meta["title"] == "平潭综合实验区2024年度政府信息公开工作年度报告"
    pages = {
        "一、总体情况": 2,
        "二、主动公开政府信息情况": 3,
        "三、收到和处理政府信息公开申请情况": 4,
        "五、存在的主要问题及改进情况": 6,
        "六、其他需要报告的事项": 6,
    }
    for heading, page in pages.items():
        assert heading in lines(doc) and doc.page_of(offset_of(doc, heading)) == page, heading


def test_pdfminer_font_warnings_stay_quiet(capfd):
    read_pdf(RENDERED["pingtan-2025"], Limits())
    assert "FontBBox" not in capfd.readouterr().err


# ---------------------------------------------------------------- the shared parser gives the same figures


def figures(path: Path) -> dict:
    from assistant.extract.report import parse_file

    report = parse_file(path)
    return {a: (f.value if f is not None else None) for a, f in report.figures.items()}


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_parse_file_on_the_pdf_gives_the_html_figures(name):
    from_html = figures(CORPUS / f"{name}.html")
    assert sum(v is not None for v in from_html.values()) > 150
    assert figures(RENDERED[name]) == from_html


def test_parse_file_on_huaian_reads_the_collapsed_layout():
    from assistant.extract.report import parse_file

    report = parse_file(HUAIAN)
    assert report.layout == "2021-collapsed"
    got = {a: (f.value if f is not None else None) for a, f in report.figures.items()}
    assert got["requests.new_received.total"] == 95
    assert got["requests.not_processed.petition_complaint.individual"] == 1
    assert got["requests.other.total"] == 0
    assert got["appeals.litigation_after_review.total"] == 3
    assert got["proactive.fees.amount_10k_yuan"] == 7545
    assert not any(w.kind == WarningKind.IDENTITY for w in report.warnings)


# ---------------------------------------------------------------- files that cannot be read


class _Pdf:
    """A minimal PDF written by hand: Helvetica text lines and/or a page-sized grey image per page."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def stream(self, data: bytes, extra: bytes = b"") -> int:
        return self.add(b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream")

    def build(self, pages: list[dict]) -> bytes:
        font = self.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        pixels = zlib.compress(bytes(range(0, 256, 4)) * 64)
        image = self.stream(
            pixels,
            b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode",
        )
        pages_id = len(self.objects) + 2 * len(pages) + 1
        kids = []
        for spec in pages:
            ops = [b"q 500 0 0 700 50 50 cm /Im1 Do Q"] if spec.get("image") else []
            for x, y, text in spec.get("text", []):
                ops.append(b"BT /F1 11 Tf %d %d Td (%s) Tj ET" % (x, y, text.encode("latin-1")))
            content = self.stream(b"\n".join(ops))
            kids.append(
                self.add(
                    b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                    % (pages_id, content, font, image)
                )
            )
        assert (
            self.add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
            == pages_id
        )
        catalog = self.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
        out = io.BytesIO()
        out.write(b"%PDF-1.4\n")
        offsets = []
        for i, body in enumerate(self.objects, 1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1))
        out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
        out.write(
            b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objects) + 1, catalog, xref)
        )
        return out.getvalue()


def make_pdf(path: Path, pages: list[dict]) -> Path:
    path.write_bytes(_Pdf().build(pages))
    return path


PROSE = [
    (72, 700, "Annual report on government information disclosure, written as plain prose."),
    (72, 680, "A second line of ordinary text on the same page, long enough to count."),
]


def test_hand_made_pdf_reads(tmp_path):
    doc = read_pdf(make_pdf(tmp_path / "ok.pdf", [{"text": PROSE}]), Limits())
    assert "plain prose." in doc.text and doc.warnings == []


def test_scanned_pdf_names_its_pages(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", [{"image": True}] * 3)
    with pytest.raises(IngestError, match=r"no text layer on pages 1-3, and OCR found no text on them"):
        read_pdf(path, Limits())


def test_partly_scanned_pdf_warns_about_the_image_pages(tmp_path):
    path = make_pdf(tmp_path / "mixed.pdf", [{"text": PROSE}, {"image": True}, {"image": True}, {"text": PROSE}])
    doc = read_pdf(path, Limits())
    assert any("no text layer on pages 2-3" in w for w in doc.warnings)
    assert len(doc.page_starts) == 4
    assert doc.page_of(doc.text.rfind("Annual report")) == 4


def test_truncated_pdf(tmp_path):
    data = HUAIAN.read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match=r"not a valid PDF \(truncated or corrupt"):
        read_pdf(path, Limits())


def test_corrupt_pdf_with_an_end_marker(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage " * 200 + b"\n%%EOF\n")
    with pytest.raises(IngestError, match=r"not a valid PDF \(truncated or corrupt"):
        read_pdf(path, Limits())


def test_not_a_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("just some text", encoding="utf-8")
    with pytest.raises(IngestError, match="not a PDF file"):
        read_pdf(path, Limits())


def test_ole_file_named_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(IngestError, match="convert it to DOCX or PDF"):
        read_pdf(path, Limits())


def test_encrypted_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(HUAIAN))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(IngestError, match="encrypted PDF"):
        read_pdf(path, Limits())


def test_owner_password_only_pdf_still_reads(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(HUAIAN))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert row("行政许可", 9487) in lines(read_pdf(path, Limits()))


def test_page_limit_names_the_flag(tmp_path):
    with pytest.raises(IngestError, match=r"5 pages, over the page limit of 4 \(raise it with --max-pages\)"):
        read_pdf(HUAIAN, Limits(max_pages=4))


def test_size_limit_names_the_flag():
    with pytest.raises(IngestError, match=r"over the .* MiB size limit \(raise it with --max-mb\)"):
        read_pdf(HUAIAN, Limits(max_bytes=100_000))


def test_table_without_rules_is_cut_by_text_positions(tmp_path):
    rows = [
        (72, 600, "Row alpha"),
        (300, 600, "11"),
        (360, 600, "12"),
        (420, 600, "13"),
        (72, 580, "Row beta"),
        (300, 580, "21"),
        (420, 580, "23"),
        (72, 560, "Row gamma"),
        (300, 560, "31"),
        (360, 560, "32"),
        (420, 560, "33"),
    ]
    doc = read_pdf(make_pdf(tmp_path / "unruled.pdf", [{"text": PROSE + rows}]), Limits())
    got = lines(doc)
    assert row("Row alpha", 11, 12, 13) in got
    assert row("Row beta", 21, "", 23) in got  # the missing middle figure keeps its column
    assert row("Row gamma", 31, 32, 33) in got
    assert any("without ruling lines" in w for w in doc.warnings)

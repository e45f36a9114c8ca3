"""The DOCX reader on the rendered reports and the blank template: merged cells, order, errors."""

from __future__ import annotations

import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest

from assistant.read.document import Document, IngestError, Limits, normalize
from assistant.read.docx import read_docx

CORPUS = Path(__file__).parent.parent / "corpus"
RENDERED = {name: CORPUS / f"{name}.rendered.docx" for name in ("pingtan-2024", "pingtan-2025", "shuyang-fagaiju-2023")}
TEMPLATE = CORPUS / "reference" / "gov-annual-report-template-2021-format.docx"

T3_HEAD = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
RESULTS = "三、本年度办理结果"


@cache
def read(path: Path) -> Document:
    return read_docx(path, Limits())


def lines(doc: Document) -> list[str]:
    return doc.text.split("\n")


def row(*cells: object) -> str:
    return "\t".join(str(c) for c in cells)


def seven(first: int) -> tuple[int, ...]:
    return (first, 0, 0, 0, 0, 0, first)


PINGTAN_2024_TABLE3 = [  # by hand from the rendered pages 4-5 (same cells as the HTML's <td>s)
    row(T3_HEAD, "申请人情况"),
    row(T3_HEAD, "自然人", "法人或其他组织", "总计"),
    row(T3_HEAD, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"),
    row("一、本年新收政府信息公开申请数量", 217, 1, 0, 0, 0, 0, 218),
    row("二、上年结转政府信息公开申请数量", *seven(0)),
    row(RESULTS, "(一)予以公开", *seven(71)),
    row(RESULTS, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", *seven(29)),
    row(RESULTS, "(三)不予公开", "1.属于国家秘密", *seven(4)),
    row(RESULTS, "(三)不予公开", "2.其他法律行政法规禁止公开", *seven(0)),
    row(RESULTS, "(三)不予公开", "3.危及“三安全一稳定”", *seven(0)),
    row(RESULTS, "(三)不予公开", "4.保护第三方合法权益", *seven(3)),
    row(RESULTS, "(三)不予公开", "5.属于三类内部事务信息", *seven(32)),
    row(RESULTS, "(三)不予公开", "6.属于四类过程性信息", *seven(0)),
    row(RESULTS, "(三)不予公开", "7.属于行政执法案卷", *seven(0)),
    row(RESULTS, "(三)不予公开", "8.属于行政查询事项", *seven(0)),
    row(RESULTS, "(四)无法提供", "1.本机关不掌握相关政府信息", *seven(75)),
    row(RESULTS, "(四)无法提供", "2.没有现成信息需要另行制作", *seven(0)),
    row(RESULTS, "(四)无法提供", "3.补正后申请内容仍不明确", *seven(0)),
    row(RESULTS, "(五)不予处理", "1.信访举报投诉类申请", *seven(0)),
    row(RESULTS, "(五)不予处理", "2.重复申请", *seven(1)),
    row(RESULTS, "(五)不予处理", "3.要求提供公开出版物", *seven(0)),
    row(RESULTS, "(五)不予处理", "4.无正当理由大量反复申请", *seven(0)),
    row(RESULTS, "(五)不予处理", "5.要求行政机关确认或重新出具已获取信息", *seven(0)),
    row(RESULTS, "(六)其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *seven(1)),
    row(RESULTS, "(六)其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *seven(0)),
    row(RESULTS, "(六)其他处理", "3.其他", 1, 1, 0, 0, 0, 0, 2),
    row(RESULTS, "(七)总计", 217, 1, 0, 0, 0, 0, 218),
    row("四、结转下年度继续办理", *seven(0)),
]


def test_pingtan_2024_table3_rows():
    got = lines(read(RENDERED["pingtan-2024"]))
    start = got.index(PINGTAN_2024_TABLE3[0])
    assert got[start : start + len(PINGTAN_2024_TABLE3)] == PINGTAN_2024_TABLE3
    assert got[start - 1] == "三、收到和处理政府信息公开申请情况"


def test_tables_stand_between_their_paragraphs():
    got = lines(read(RENDERED["pingtan-2024"]))
    order = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "第二十条第(一)项",
        row("规章", 0, 0, 0),
        row("行政规范性文件", 62, 33, 440),
        row("行政许可", 4529),
        row("行政事业性收费", "18651.06"),
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        row(2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19),
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    positions = [got.index(line) for line in order]
    assert positions == sorted(positions)


def test_pingtan_2025_figures_in_their_rows():
    got = lines(read(RENDERED["pingtan-2025"]))
    assert row("四、结转下年度继续办理", 4, 2, 0, 0, 0, 0, 6) in got
    assert row(25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3) in got
    assert row(RESULTS, "(四)无法提供", "1.本机关不掌握相关政府信息", 49, 1, 0, 0, 0, 0, 50) in got


def test_shuyang_blank_cells_stay_empty_in_their_columns():
    doc = read(RENDERED["shuyang-fagaiju-2023"])
    got = lines(doc)
    blank = ("",) * 5
    assert row("一、本年新收政府信息公开申请数量", 26, *blank, 26) in got
    assert row(RESULTS, "(一)予以公开", 26, *blank, 26) in got
    assert row(RESULTS, "(六)其他处理", "3.其他", 0, *blank, 0) in got
    assert row("规范性文件", 8, 0, 18) in got
    assert row(0, 0, 0, 1, 1, *(0,) * 10) in got
    assert doc.meta["title"] == "沭阳县发展和改革局2023年政府信息公开年度报告"


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_docx_table_lines_equal_the_pdf_table_lines(name):
    from assistant.read.pdf import read_pdf

    pdf = read_pdf(CORPUS / f"{name}.rendered.pdf", Limits())
    tables = [line for line in lines(read(RENDERED[name])) if "\t" in line]
    assert len(tables) > 40
    assert tables == [line for line in lines(pdf) if "\t" in line]


def test_blank_template_keeps_empty_value_cells():
    got = lines(read(TEMPLATE))
    assert row("规章", "", "", "") in got
    assert row("行政许可", "") in got
    assert row("一、本年新收政府信息公开申请数量", *("",) * 7) in got
    assert row(RESULTS, "(三)不予公开", "1.属于国家秘密", *("",) * 7) in got
    assert row(RESULTS, "(六)其他处理", "3.其他", *("",) * 7) in got
    assert sum(line.startswith(RESULTS) for line in got) == 22


@pytest.mark.parametrize("path", [*RENDERED.values(), TEMPLATE], ids=lambda p: p.name)
def test_text_is_normalized(path):
    doc = read(path)
    assert doc.format == "docx" and doc.page_starts == []
    assert normalize(doc.text) == doc.text
    assert "年度报告" in doc.meta["title"]


# ---------------------------------------------------------------- the shared parser gives the same figures


def figures(path: Path) -> dict:
    from assistant.extract.report import parse_file

    report = parse_file(path)
    return {a: (f.value if f is not None else None) for a, f in report.figures.items()}


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_parse_file_on_the_docx_gives_the_html_figures(name):
    from_html = figures(CORPUS / f"{name}.html")
    assert sum(v is not None for v in from_html.values()) > 150
    assert figures(RENDERED[name]) == from_html


def test_parse_file_on_the_docx_gives_the_txt_figures():
    assert figures(RENDERED["pingtan-2025"]) == figures(CORPUS / "pingtan-2025.txt")


# ---------------------------------------------------------------- merged cells in a document made here


def test_merged_cells_are_resolved(tmp_path):
    document = docx.Document()
    document.add_paragraph("标题\t一")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "表头"
    table.cell(1, 0).merge(table.cell(3, 0)).text = "分组"
    for r, (label, a, b) in enumerate([("甲", "1", "2"), ("乙", "", "4"), ("丙", "5", "6")], start=1):
        table.cell(r, 1).text, table.cell(r, 2).text, table.cell(r, 3).text = label, a, b
    document.add_paragraph("表后")
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert lines(read_docx(path, Limits())) == [
        "标题 一",  # a tab inside a paragraph is not a cell separator
        "表头",
        row("分组", "甲", 1, 2),
        row("分组", "乙", "", 4),  # the blank cell keeps its column
        row("分组", "丙", 5, 6),
        "表后",
    ]


def test_title_set_as_two_centred_paragraphs(tmp_path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    for text in ("淮安市洪泽区人民政府", "2024年政府信息公开工作年度报告"):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).font.size = Pt(22)
    document.add_paragraph("本报告由淮安市洪泽区人民政府办公室编制。")
    path = tmp_path / "title.docx"
    document.save(str(path))
    assert read_docx(path, Limits()).meta["title"] == "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"


# ---------------------------------------------------------------- files that cannot be read


@pytest.mark.parametrize("name", ["legacy.doc", "legacy.wps", "renamed.docx"])
def test_ole2_files_are_refused_with_advice(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(IngestError, match="convert it to DOCX or PDF"):
        read_docx(path, Limits())


def test_not_a_zip(tmp_path):
    path = tmp_path / "report.docx"
    path.write_text("<html>not a docx</html>", encoding="utf-8")
    with pytest.raises(IngestError, match=r"not a DOCX file \(not a zip package\): convert it to DOCX or PDF"):
        read_docx(path, Limits())


def test_truncated_docx(tmp_path):
    data = RENDERED["pingtan-2024"].read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match="corrupt DOCX"):
        read_docx(path, Limits())


def test_zip_without_a_document(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(IngestError, match="no word/document.xml"):
        read_docx(path, Limits())


def test_size_limit_names_the_flag():
    with pytest.raises(IngestError, match=r"size limit \(raise it with --max-mb\)"):
        read_docx(RENDERED["pingtan-2024"], Limits(max_bytes=10_000))

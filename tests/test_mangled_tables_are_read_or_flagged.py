"""Tables as other people's pipelines deliver them, made from a real report: pingtan-2025.html turned into
Markdown the way a converter does (spanned cells repeated), then mangled the ways OCR/LLM converters
mangle tables. Each is read back to the page's hand-checked figures, or flagged: a value the source no
longer places for sure is missing or unplaced, never filed under another column.
"""

from __future__ import annotations

import lxml.html
import pytest
from conftest import CORPUS, expectation

from assistant.domain.record import WarningKind
from assistant.extract.report import parse_file

PAGE = CORPUS / "pingtan-2025.html"
EXPECTED = expectation("pingtan-2025.html")["figures"]


def _grid(table) -> list[list[str]]:
    """The table's cells with every colspan and rowspan repeated, as pandoc's pipe tables print them."""
    rows, pending = [], {}  # column -> (text, rows still covered)
    for tr in table.iter("tr"):
        cells = iter(c for c in tr if c.tag in ("td", "th"))
        out, col = {}, 0
        cell = next(cells, None)
        while cell is not None or col in pending:
            if col in pending:
                text, left = pending.pop(col)
                out[col] = text
                if left > 1:
                    pending[col] = (text, left - 1)
                col += 1
                continue
            text = " ".join("".join(cell.itertext()).split())
            span, down = int(cell.get("colspan", 1)), int(cell.get("rowspan", 1))
            for k in range(span):
                out[col + k] = text
                if down > 1:
                    pending[col + k] = (text, down - 1)
            col += span
            cell = next(cells, None)
        rows.append([out[k] for k in sorted(out)])
    return rows


def _blocks() -> list[tuple[str, object]]:
    """The page's paragraphs and tables, in order."""
    out: list[tuple[str, object]] = []

    def walk(el):
        for c in el:
            if not isinstance(c.tag, str):
                continue
            if c.tag == "table":
                out.append(("table", _grid(c)))
            elif c.tag in ("p", "h1", "h2", "h3", "h4") or (c.tag == "div" and not len(c)):
                text = " ".join("".join(c.itertext()).split())
                if text:
                    out.append(("p", text))
            else:
                walk(c)

    walk(lxml.html.parse(str(PAGE)).getroot().find("body"))
    title = next(i for i, (kind, text) in enumerate(out) if kind == "p" and text.endswith("年度报告"))
    return [("p", f"# {out[title][1]}"), *out[title + 1 :]]  # the report, without the site's navigation


def _pipe(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    return "\n".join([lines[0], "|" + "---|" * width, *lines[1:]])


def _number(cell: str) -> bool:
    return cell.replace(".", "", 1).isdigit()


def _label(cells: list[str]) -> str:
    return "".join(dict.fromkeys(c for c in cells if c))


def _generic(rows: list[list[str]], keep: int) -> list[list[str]]:
    """Table 3 with its header lost: ``| 类别 | 数据1 | … | 数据6 | 总计 |`` and one label per row."""
    header = ["类别", *(f"数据{i}" for i in range(1, 7)), "总计"][: keep + 1]
    body = [r for r in rows if any(_number(c) for c in r)]
    return [header] + [[_label([c for c in r if not _number(c)]), *[c for c in r if _number(c)][:keep]] for r in body]


def _mangled(how: str) -> list[tuple[str, object]]:
    blocks = _blocks()
    tables = [i for i, (kind, _) in enumerate(blocks) if kind == "table"]
    proactive, requests, appeals = tables[:3]
    if how == "generic headers":
        blocks[requests] = ("table", _generic(blocks[requests][1], 7))
    elif how == "generic headers, total lost":
        blocks[requests] = ("table", _generic(blocks[requests][1], 6))
    elif how == "repealed column dropped":
        kept = ("信息内容", "规章", "行政规范性文件")
        rows = [r[:2] + r[3:] if len(r) == 4 and r[0] in kept else r for r in blocks[proactive][1]]
        blocks[proactive] = ("table", rows)
    elif how == "table 4 in fragments":
        head, sub, cols, values = blocks[appeals][1][:4]
        parts = []
        for lo, hi in ((0, 5), (5, 10), (10, 15)):
            rows = [[_label(head[lo:hi])], cols[lo:hi], values[lo:hi]]
            if lo:
                rows.insert(1, [_label(sub[lo:hi])])
            parts.append(("table", rows))
        blocks[appeals : appeals + 1] = parts
    elif how == "table 4 rows as lines":
        rows = blocks[appeals][1][:4]
        lines = ["  ".join(dict.fromkeys(rows[0])), "  ".join(rows[1]), "  ".join(rows[2]), " ".join(rows[3])]
        blocks[appeals : appeals + 1] = [("p", line) for line in lines]
    elif how == "fees printed in yuan":
        rows = [[c.replace("4166.241619", "41662416.19元") for c in r] for r in blocks[proactive][1]]
        blocks[proactive] = ("table", rows)
    return blocks


def _read(tmp_path, how: str):
    path = tmp_path / "pingtan-2025.md"
    text = "\n\n".join(_pipe(b) if kind == "table" else b for kind, b in _mangled(how))
    path.write_text(text + "\n", encoding="utf-8")
    return parse_file(path)


def _wrong(report) -> dict:
    return {a: (report.value(a), v) for a, v in EXPECTED.items() if report.value(a) != v}


def test_the_plain_conversion_reads_every_figure(tmp_path):
    report = _read(tmp_path, "plain")
    assert (report.agency, report.year) == ("平潭综合实验区管委会", 2025)
    assert _wrong(report) == {}


@pytest.mark.parametrize("how", ["table 4 in fragments", "table 4 rows as lines"])
def test_a_broken_table_4_is_still_read(tmp_path, how):
    report = _read(tmp_path, how)
    assert _wrong(report) == {}
    assert report.value("appeals.litigation_after_review.total") == 3


def test_generic_headers_with_a_total_column_are_read_in_the_standard_order_and_marked(tmp_path):
    report = _read(tmp_path, "generic headers")
    assert _wrong(report) == {}
    assert [w.address for w in report.warnings if w.kind is WarningKind.INFERRED] == ["requests"]


def test_generic_headers_without_the_total_leave_the_table_unplaced(tmp_path):
    report = _read(tmp_path, "generic headers, total lost")
    table3 = [a for a in EXPECTED if a.startswith("requests.")]
    assert all(report.value(a) is None for a in table3)  # not guessed into columns
    assert any(w.kind is WarningKind.UNPLACED and w.address == "requests" for w in report.warnings)
    assert not any(w.kind is WarningKind.INFERRED for w in report.warnings)


def test_a_dropped_column_is_missing_and_never_shifts_its_neighbour_in(tmp_path):
    report = _read(tmp_path, "repealed column dropped")
    assert report.value("proactive.normative_documents.issued") == 58
    assert report.value("proactive.normative_documents.in_force") == 546
    assert report.value("proactive.normative_documents.repealed") is None
    assert report.value("proactive.rules.repealed") is None
    assert "no column 本年废止件数" in report.figures["proactive.normative_documents.repealed"].note
    wrong = _wrong(report)
    assert set(wrong) == {"proactive.rules.repealed", "proactive.normative_documents.repealed"}


def test_an_amount_in_yuan_under_a_header_in_10k_yuan_is_converted_exactly(tmp_path):
    report = _read(tmp_path, "fees printed in yuan")
    fee = report.figures["proactive.fees.amount_10k_yuan"]
    assert fee.value == 4166.241619
    assert "printed as 41662416.19元" in fee.note
    assert _wrong(report) == {}


def test_a_conversion_without_its_title_names_no_agency_rather_than_a_sentence(tmp_path):
    path = tmp_path / "untitled.md"
    blocks = _mangled("plain")[1:]  # the title line lost
    path.write_text("\n\n".join(_pipe(b) if kind == "table" else b for kind, b in blocks) + "\n", encoding="utf-8")
    report = parse_file(path)
    assert report.agency == ""
    assert any(w.kind is WarningKind.MISSING and w.address == "agency" for w in report.warnings)
    assert _wrong(report) == {}

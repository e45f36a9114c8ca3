"""DOCX reader: body paragraphs and Word tables, in document order -> :class:`Document`.

Paragraphs become lines; each table row becomes one tab-separated line with merged cells resolved
(``gridSpan`` / ``vMerge``): a label is written once per row it covers, blank cells keep their
column. Legacy ``.doc`` / ``.wps`` files and anything that is not a DOCX package are refused with a
reason.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from assistant.read.document import Document, IngestError, Limits, normalize
from assistant.read.layout import CellBudget, SpanCell, grid_to_lines, join_wrapped, pick_title, span_rows

__all__ = ["read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MOST_COLUMNS = 63  # Word's own limit, for a table that declares no grid


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def read_docx(path: Path, limits: Limits | None = None) -> Document:
    """Read a DOCX file; raise :class:`IngestError` for files that cannot be read as one."""
    path = Path(path)
    limits = limits or Limits()
    _check_file(path, limits)
    try:
        package = docx.Document(str(path))
    except PackageNotFoundError as e:
        raise IngestError(path, f"corrupt DOCX: {e}", CORRUPT_DOCX_ZH) from e
    except Exception as e:  # python-docx/lxml raise many kinds of errors on damaged packages
        raise IngestError(path, f"corrupt DOCX ({type(e).__name__}: {e})", CORRUPT_DOCX_ZH) from e
    lines: list[str] = []
    looks: list[tuple | None] = []
    chars = 0
    for text, look in _body_lines(package.element.body, CellBudget(path, limits)):
        line = normalize(text)
        if line.strip("\t"):
            chars += len(line) + 1
            limits.check_chars(path, chars)
            lines.append(line)
            looks.append(look)
    meta = {}
    title = _title(lines, looks) or _core_title(package)
    if title:
        meta["title"] = title
    warnings = [] if lines else ["the document body has no text"]
    return Document(path=path, format="docx", text="\n".join(lines), meta=meta, warnings=warnings)


CORRUPT_DOCX_ZH = "DOCX 文件已损坏"

# ---------------------------------------------------------------- file checks


def _check_file(path: Path, limits: Limits) -> None:
    """Size limit, and a zip package rather than a legacy binary or some other file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as e:
        raise IngestError(path, f"cannot read the file: {e.strerror or e}") from e
    limits.check_size(path, size)
    if head.startswith(_OLE2):
        raise IngestError(
            path,
            "a legacy Word/WPS binary (.doc/.wps, OLE2) or a password-protected Office "
            "file, not DOCX: convert it to DOCX or PDF (e.g. save as .docx in Word/WPS)",
            "旧版 Word/WPS 格式（.doc/.wps）或加密的 Office 文件，不是 DOCX：请先另存为 DOCX 或 PDF",
        )
    if not head.startswith(b"PK"):
        raise IngestError(
            path,
            "not a DOCX file (not a zip package): convert it to DOCX or PDF",
            "不是 DOCX 文件：请先另存为 DOCX 或 PDF",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if "word/document.xml" not in {i.filename for i in infos}:
                raise IngestError(path, "not a DOCX file (no word/document.xml in the package)")
            limits.check_unzipped(path, sum(i.file_size for i in infos))
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as e:
        raise IngestError(path, f"corrupt DOCX (damaged zip package): {e}", CORRUPT_DOCX_ZH) from e
    if bad is not None:
        raise IngestError(path, f"corrupt DOCX (damaged zip member {bad})", CORRUPT_DOCX_ZH)


def _title(lines: list[str], looks: list[tuple | None]) -> str | None:
    """The report's title line, a heading first; a title set as two headings alike is joined."""
    title = pick_title(lines, [look is not None for look in looks])
    if title is None or title not in lines:
        return title
    i = lines.index(title)
    prev = lines[i - 1] if i else ""
    if looks[i] is not None and i and looks[i - 1] == looks[i] and len(prev) <= 30 and "\t" not in prev:
        return prev + title
    return title


def _core_title(package: docx.document.Document) -> str | None:
    title = normalize(package.core_properties.title or "").strip()
    return title or None


# ---------------------------------------------------------------- body


def _body_lines(body: etree._Element, budget: CellBudget) -> Iterator[tuple[str, tuple | None]]:
    """(line, how it stands out or None) for paragraphs and table rows, in document order."""
    for child in body.iterchildren():
        tag = child.tag
        if tag == _w("p"):
            text = _paragraph_text(child)
            look = _prominence(child, text)
            for line in text.split("\n"):
                yield line, look
            for box in _text_boxes(child):
                yield from _body_lines(box, budget)
        elif tag == _w("tbl"):
            for line in grid_to_lines(_table_rows(child, budget)):
                yield line, None
        elif tag in (_w("sdt"), _w("customXml"), _w("sdtContent")):
            content = child.find(_w("sdtContent"))
            yield from _body_lines(content if content is not None else child, budget)


def _prominence(p: etree._Element, text: str) -> tuple | None:
    """How a paragraph stands out as a heading (style, outline level, centring, font size), or None."""
    ppr = p.find(_w("pPr"))
    style = outline = jc = None
    if ppr is not None:
        style = _val(ppr.find(_w("pStyle")))
        outline = _val(ppr.find(_w("outlineLvl")))
        jc = _val(ppr.find(_w("jc")))
    sizes = [_val(sz) for sz in p.iter(_w("sz"))]
    size = max((_int(v, 0) for v in sizes), default=0)
    styled = (style or "").lower().startswith(("heading", "title", "标题")) or (style or "") in {"1", "2"}
    if styled or outline is not None or (jc == "center" and 0 < len(text.strip()) <= 40):
        return (style, outline, jc, size)
    return None


def _val(node: etree._Element | None) -> str | None:
    return node.get(_w("val")) if node is not None else None


def _paragraph_text(p: etree._Element) -> str:
    """Visible text of a paragraph: tabs as spaces, line breaks as newlines, text boxes left out."""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(el: etree._Element, parts: list[str]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == _w("r") and _hidden(child):
            continue
        if tag == _w("t"):
            parts.append(child.text or "")
        elif tag in (_w("tab"), _w("ptab")):
            parts.append(" ")
        elif tag in (_w("br"), _w("cr")):
            parts.append("\n")
        elif tag == _w("noBreakHyphen"):
            parts.append("-")
        elif tag in (_w("txbxContent"), _w("delText"), _w("instrText"), _w("moveFrom"), f"{{{_MC}}}Fallback"):
            continue
        else:
            _collect(child, parts)


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish)."""
    rpr = run.find(_w("rPr"))
    vanish = rpr.find(_w("vanish")) if rpr is not None else None
    return vanish is not None and vanish.get(_w("val"), "true") not in ("false", "0", "off")


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """Text boxes anchored in a paragraph (the modern copy only, not the VML fallback)."""
    return [
        box for box in p.iter(_w("txbxContent")) if not any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors())
    ]


# ---------------------------------------------------------------- tables


def _table_rows(tbl: etree._Element, budget: CellBudget) -> list[list[str]]:
    """Rows of a Word table with gridSpan / vMerge / hMerge resolved (see :func:`span_rows`).

    ``gridBefore`` and ``gridSpan`` are clamped to the table's declared grid (``w:tblGrid``): a cell
    never claims columns the table does not have."""
    cells: list[SpanCell] = []
    above: dict[int, SpanCell] = {}  # column -> the cell that covers it in the previous row
    rows = tbl.findall(_w("tr"))
    width = len(tbl.findall(f"{_w('tblGrid')}/{_w('gridCol')}")) or _MOST_COLUMNS
    for r, tr in enumerate(rows):
        col = min(_grid_before(tr), width)
        current: dict[int, SpanCell] = {}
        last: SpanCell | None = None
        for tc in tr.findall(_w("tc")):
            span, vmerge, hmerge = _tc_props(tc)
            span = max(1, min(span, width - col))
            if hmerge == "continue" and last is not None:
                last.c1 = col + span
            elif vmerge == "continue" and col in above and above[col].c0 == col:
                last = above[col]
                last.r1 = r + 1
            else:
                last = SpanCell(r, r + 1, col, col + span, _cell_text(tc, budget))
                cells.append(last)
            for c in range(col, col + span):
                current[c] = last
            col += span
        above = current
    return span_rows(cells, len(rows), budget)


def _grid_before(tr: etree._Element) -> int:
    trpr = tr.find(_w("trPr"))
    node = trpr.find(_w("gridBefore")) if trpr is not None else None
    return _int(node.get(_w("val")) if node is not None else None, 0)


def _tc_props(tc: etree._Element) -> tuple[int, str | None, str | None]:
    """(gridSpan, vMerge, hMerge) of a cell; a merge element without a value means "continue"."""
    tcpr = tc.find(_w("tcPr"))
    if tcpr is None:
        return 1, None, None
    span = tcpr.find(_w("gridSpan"))
    merges = []
    for name in ("vMerge", "hMerge"):
        node = tcpr.find(_w(name))
        merges.append(None if node is None else (node.get(_w("val")) or "continue"))
    return max(1, _int(span.get(_w("val")) if span is not None else None, 1)), merges[0], merges[1]


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _cell_text(tc: etree._Element, budget: CellBudget) -> str:
    """A cell's paragraphs (and nested tables) as one wrapped text."""
    parts: list[str] = []
    for child in tc.iterchildren():
        if child.tag == _w("p"):
            parts.extend(_paragraph_text(child).split("\n"))
        elif child.tag == _w("tbl"):
            parts.extend(" ".join(row) for row in _table_rows(child, budget))
        elif child.tag in (_w("sdt"), _w("customXml")):
            parts.append(
                _cell_text(child.find(_w("sdtContent")) if child.find(_w("sdtContent")) is not None else child, budget)
            )
    return join_wrapped(parts)

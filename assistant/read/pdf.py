"""PDF reader: pdfplumber page geometry -> :class:`Document`.

Narrative text becomes one line per paragraph (wrapped lines rejoined, the spaces that text
extraction puts between Chinese characters removed); every ruled table becomes tab-separated row
lines at the place where it stands, with merged cells resolved and a table that runs over a page
break joined into one. Tables drawn without rules are recovered from text positions when a run of
lines plainly holds rows of figures.
"""

from __future__ import annotations

import bisect
import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfplumber.utils.exceptions import PdfminerException

from assistant.domain.patterns import HEADING_NUMERALS, PAREN_ORDINAL
from assistant.read.document import LEGACY_WORD, LEGACY_WORD_ZH, Document, IngestError, Limits, OcrMark, normalize
from assistant.read.layout import (
    SENTENCE_END,
    TITLE,
    SpanCell,
    clean_text,
    glue,
    grid_to_lines,
    is_number,
    join_wrapped,
    pick_title,
    span_rows,
)

# pdfminer warns about every font without a FontBBox ("Could not get FontBBox …"): noise for a user.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


_HEADING = re.compile(
    rf"^(?:[{HEADING_NUMERALS}]+[、.]|{PAREN_ORDINAL}|第[{HEADING_NUMERALS}\d]+[章节部分条]"
    r"|\d{1,2}\s*[、.](?!\d)|\(\s*\d{1,2}\s*\))"
)
_PAGE_NUMBER = re.compile(r"^(?:[-—–~\s]*\d{1,4}[-—–~\s]*|第\s*\d+\s*页(?:\s*[,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_SNAP = 2.5  # points: two coordinates closer than this are the same rule/column boundary
_OUTLINED_TEXT_CURVES = 300  # a page without characters but this many curves has its text drawn as outlines
_MAX_EDGES = 5000  # more drawn lines than this on a page is a drawing; the table finder would crawl


def read_pdf(path: Path, limits: Limits | None = None) -> Document:
    """Read a PDF with a text layer; raise :class:`IngestError` for files that cannot be read."""
    path = Path(path)
    limits = limits or Limits()
    _check_file(path, limits)
    pdf = _open(path)
    try:
        return _read(path, pdf, limits)
    finally:
        pdf.close()


CORRUPT_PDF_ZH = "不是有效的 PDF（文件不完整或已损坏）"

# ---------------------------------------------------------------- file checks


def _check_file(path: Path, limits: Limits) -> None:
    """Size limit, PDF signature and end-of-file marker, before any parsing."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - 32 * 1024))
            tail = fh.read()
    except OSError as e:
        raise IngestError(path, f"cannot read the file: {e.strerror or e}") from e
    limits.check_size(path, size)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(path, "not a PDF but a " + LEGACY_WORD, LEGACY_WORD_ZH)
    if b"%PDF-" not in head:
        raise IngestError(path, "not a PDF file (no %PDF- signature)", "不是 PDF 文件")
    if b"%%EOF" not in tail:
        raise IngestError(path, "not a valid PDF (truncated or corrupt: no end-of-file marker)", CORRUPT_PDF_ZH)


def _open(path: Path) -> pdfplumber.PDF:
    try:
        return pdfplumber.open(path)
    except PdfminerException as e:
        cause = e.args[0] if e.args else e
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise IngestError(
                path,
                "encrypted PDF: it needs a password to open; save an unencrypted copy first",
                "加密的 PDF：需要密码才能打开，请先另存一份不加密的副本",
            ) from e
        raise IngestError(path, f"not a valid PDF (truncated or corrupt): {cause}", CORRUPT_PDF_ZH) from e
    except Exception as e:  # pdfminer raises many kinds of errors on broken files
        raise IngestError(path, f"not a valid PDF (truncated or corrupt): {e}", CORRUPT_PDF_ZH) from e


def _page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 5] -> '1-3, 5'."""
    out: list[str] = []
    start = prev = pages[0]
    for p in [*pages[1:], None]:
        if p is not None and p == prev + 1:
            prev = p
            continue
        out.append(f"{start}-{prev}" if prev > start else str(start))
        if p is not None:
            start = prev = p
    return ", ".join(out)


# ---------------------------------------------------------------- page model


@dataclass
class _Line:
    """One text line outside tables, already normalized."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    words: list[tuple[str, float, float]] = field(default_factory=list)
    confidence: float | None = None  # OCR's confidence; None for a text layer


@dataclass
class _Cell:
    r0: int  # first row
    r1: int  # one past the last row
    x0: float
    x1: float
    text: str
    confidence: float | None = None  # OCR's confidence; None for a text layer


@dataclass
class _Grid:
    """A table as positioned cells; rows are numbered, columns are x ranges."""

    cells: list[_Cell]
    nrows: int
    x0: float
    x1: float
    top: float
    bottom: float
    row_pages: list[int]
    ruled: bool = True


@dataclass
class _Page:
    number: int
    width: float
    height: float
    items: list[_Line | _Grid]
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- reading


def _declared_pages(pdf: pdfplumber.PDF) -> int | None:
    """The page count the document catalogue declares (its page tree's /Count), read before any page."""
    try:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
    except Exception:  # a broken catalogue: the pages themselves are counted below
        return None
    return count if isinstance(count, int) else None


def _read(path: Path, pdf: pdfplumber.PDF, limits: Limits) -> Document:
    declared = _declared_pages(pdf)
    if declared is not None and declared > limits.max_pages:
        raise IngestError(
            path, f"{declared} pages, over the page limit of {limits.max_pages} (raise it with --max-pages)"
        )
    try:
        n = len(pdf.pages)
    except Exception as e:
        raise IngestError(path, f"not a valid PDF (truncated or corrupt): {e}", CORRUPT_PDF_ZH) from e
    if n > limits.max_pages:
        raise IngestError(path, f"{n} pages, over the page limit of {limits.max_pages} (raise it with --max-pages)")
    if n == 0:
        raise IngestError(path, "the PDF has no pages")
    warnings: list[str] = []
    pages: list[_Page] = []
    blank: list[int] = []  # no text at all
    scanned: list[int] = []  # no text, a page-sized image
    dpis: dict[int, float] = {}
    for page in pdf.pages:
        try:
            parsed = _read_page(page)
        except Exception as e:  # a broken content stream: keep the other pages
            warnings.append(f"page {page.page_number} could not be read ({type(e).__name__}: {e})")
            parsed = None
        finally:
            page.close()
        if parsed is None:
            continue
        if isinstance(parsed, str):
            (scanned if parsed == "scanned" else blank).append(page.page_number)
            if parsed == "scanned":
                dpis[page.page_number] = _scan_dpi(page)
            continue
        pages.append(parsed)
    if len(blank) == n:
        raise IngestError(path, f"no text on pages {_page_ranges(blank)}: the PDF is blank")
    ocr_confidence: dict[int, float] = {}
    if scanned:
        from assistant.read.ocr import PageJob, ocr_pages

        jobs = [PageJob(str(path), k, dpis[k], "pdf") for k in scanned]
        results = ocr_pages(path, jobs, limits)
        if not pages and not any(r.lines or r.grids for r in results):
            raise IngestError(path, f"no text layer on pages {_page_ranges(scanned)}, and OCR found no text on them")
        for result in results:
            pages.append(_ocr_page(result))
            ocr_confidence[result.number] = result.confidence
        pages.sort(key=lambda p: p.number)
        warnings.append(
            f"no text layer on pages {_page_ranges(scanned)}: read by OCR ({limits.ocr_engine}); "
            "its figures are marked as read by OCR"
        )
    if not pages:
        raise IngestError(path, "not a valid PDF (truncated or corrupt): no page could be read")
    warnings.extend(w for p in pages for w in p.warnings)
    return _assemble(path, pdf.metadata, pages, n, warnings, ocr_confidence)


def _scan_dpi(page: pdfplumber.page.Page) -> float:
    """The resolution to render a scanned page at: its image's own, between 150 and 300 dpi."""
    best = max(page.images, key=lambda im: (im["x1"] - im["x0"]) * (im["bottom"] - im["top"]), default=None)
    if best is None or not best.get("srcsize"):
        return 300.0
    dpi = best["srcsize"][0] / max((best["x1"] - best["x0"]) / 72, 1e-6)
    return float(min(300, max(150, round(dpi))))


def _ocr_page(result) -> _Page:
    """An OCR result (``read.ocr.page.OcrPage``) as the page model the text layer produces."""
    items: list[_Line | _Grid] = [
        _Line(ln.text, ln.x0, ln.x1, ln.top, ln.bottom, ln.size, result.number, confidence=ln.confidence)
        for ln in result.lines
    ]
    from assistant.read.ocr.labels import fix_label

    warnings = []
    for g in result.grids:
        cells = []
        for c in g.cells:
            text = c.text
            fixed = fix_label(text) if text and not is_number(text) else None
            if fixed:
                warnings.append(f"page {result.number}: the row label OCR read as {text!r} was taken as {fixed!r}")
                text = fixed
            cells.append(_Cell(c.r0, c.r1, c.x0, c.x1, text, c.confidence))
        if len(_boundaries(cells)) > 2:
            items.append(_Grid(cells, g.nrows, g.x0, g.x1, g.top, g.bottom, [result.number] * g.nrows))
    items.sort(key=lambda it: it.top)
    page = _Page(result.number, result.width, result.height, items, warnings)
    page.items = _drop_running_lines(page.items, page)
    if abs(result.angle) >= 0.1:
        page.warnings.append(f"page {result.number}: the scan was straightened by {result.angle:g} degrees")
    return page


def read_image(path: Path, limits: Limits | None = None) -> Document:
    """Read a scanned report saved as an image (PNG, JPEG, TIFF; every frame of a TIFF is a page) by OCR."""
    from PIL import Image, UnidentifiedImageError

    from assistant.read.ocr import PageJob, ocr_pages

    path = Path(path)
    limits = limits or Limits()
    try:
        with Image.open(path) as im:
            frames = getattr(im, "n_frames", 1)
            dpi = float((im.info.get("dpi") or (0, 0))[0] or 0)
            if not dpi:  # no resolution stated: an A4 page's width
                dpi = im.width / 8.27
    except (OSError, UnidentifiedImageError) as e:
        raise IngestError(path, f"not a readable image ({e})") from e
    if frames > limits.max_pages:
        raise IngestError(
            path, f"{frames} pages, over the page limit of {limits.max_pages} (raise it with --max-pages)"
        )
    jobs = [PageJob(str(path), k, round(dpi), "image") for k in range(1, frames + 1)]
    results = ocr_pages(path, jobs, limits)
    pages = [_ocr_page(r) for r in results]
    warnings = [f"read by OCR ({limits.ocr_engine}); its figures are marked as read by OCR"]
    warnings.extend(w for p in pages for w in p.warnings)
    if not any(p.items for p in pages):
        raise IngestError(path, "OCR found no text in the image")
    doc = _assemble(path, {}, pages, frames, warnings, {r.number: r.confidence for r in results})
    doc.format = "image"
    return doc


def _read_page(page: pdfplumber.page.Page) -> _Page | str:
    """Tables and text lines of one page, top to bottom; "scanned" or "blank" for a page without text."""
    page = page.dedupe_chars()
    chars = page.chars
    state = _text_layer(page, chars)
    if state != "text":
        return state
    warnings = []
    edges = _rule_edges(page)
    if len(edges) > _MAX_EDGES:
        warnings.append(
            f"page {page.page_number}: {len(edges)} drawn lines (a drawing, not a table?); "
            "tables on it were not looked for"
        )
        edges = []
    grids, boxes = _ruled_tables(page, edges, chars)
    outside = [c for c in chars if not any(_inside(c, b) for b in boxes)]
    lines = _text_lines(page.page_number, outside)
    lines, found = _unruled_tables(lines)
    if found:
        warnings.append(
            f"page {page.page_number}: table rows without ruling lines were cut into cells by "
            "their text positions; check them against the page"
        )
    items: list[_Line | _Grid] = [*lines, *grids, *found]
    items.sort(key=lambda it: it.top)
    return _Page(page.page_number, float(page.width), float(page.height), _drop_running_lines(items, page), warnings)


def _text_layer(page: pdfplumber.page.Page, chars: list[dict]) -> str:
    """ "text"; "scanned" for a page with (next to) no text but a page-sized image or text drawn as
    outlines (hundreds of curves); "blank" for an empty page."""
    visible = sum(1 for c in chars if c["text"].strip())
    if visible >= 20:
        return "text"
    area = float(page.width * page.height) or 1.0
    covered = sum((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) for im in page.images) / area
    if covered > 0.5 or len(page.curves) > _OUTLINED_TEXT_CURVES:
        return "scanned"
    return "text" if visible else "blank"


def _inside(obj: dict, bbox: tuple[float, float, float, float]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _drop_running_lines(items: list[_Line | _Grid], page: pdfplumber.page.Page) -> list[_Line | _Grid]:
    """Page numbers in the top or bottom margin are not report text."""
    h = float(page.height)

    def running(it: _Line | _Grid) -> bool:
        return (
            isinstance(it, _Line) and (it.bottom < 0.1 * h or it.top > 0.88 * h) and bool(_PAGE_NUMBER.match(it.text))
        )

    return [it for it in items if not running(it)]


# ---------------------------------------------------------------- text cleanup


# ---------------------------------------------------------------- ruled tables


def _light(color: object) -> bool:
    """A colour too light to be seen as a rule on white paper (or no colour at all)."""
    if color is None:
        return True
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 1:
        return color[0] > 0.85
    if len(color) == 3:
        return min(color) > 0.85
    if len(color) == 4:  # CMYK
        return sum(color) < 0.15
    return False


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {
        "object_type": "rule_edge",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _rule_edges(page: pdfplumber.page.Page) -> list[dict]:
    """Edges of what is visibly drawn: lines, stroked boxes, hairline filled boxes, straight path parts.

    White backgrounds and filled shading are left out: they are not rules.
    """
    edges: list[dict] = []
    for ln in page.lines:
        if not _light(ln.get("stroking_color")):
            edges.extend(_path_edges([(ln["x0"], ln["top"]), (ln["x1"], ln["bottom"])]))
    for r in page.rects:
        edges.extend(_rect_edges(r))
    for c in page.curves:
        if c.get("stroke") and not _light(c.get("stroking_color")):
            edges.extend(_path_edges(c.get("pts") or []))
    return [e for e in edges if e["orientation"] in ("h", "v")]


def _rect_edges(r: dict) -> list[dict]:
    w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
    if r.get("stroke") and not _light(r.get("stroking_color")):
        x0, t, x1, b = r["x0"], r["top"], r["x1"], r["bottom"]
        return [_edge("h", x0, t, x1, t), _edge("h", x0, b, x1, b), _edge("v", x0, t, x0, b), _edge("v", x1, t, x1, b)]
    color = r.get("non_stroking_color")
    if r.get("fill") and min(w, h) < 2.5 and not _light(color):
        if w >= h:
            y = (r["top"] + r["bottom"]) / 2
            return [_edge("h", r["x0"], y, r["x1"], y)]
        x = (r["x0"] + r["x1"]) / 2
        return [_edge("v", x, r["top"], x, r["bottom"])]
    return []


def _path_edges(pts: list[tuple[float, float]]) -> list[dict]:
    out = []
    for (xa, ya), (xb, yb) in zip(pts, pts[1:], strict=False):
        if abs(ya - yb) < 0.5 and abs(xa - xb) >= 3:
            out.append(_edge("h", min(xa, xb), ya, max(xa, xb), ya))
        elif abs(xa - xb) < 0.5 and abs(ya - yb) >= 3:
            out.append(_edge("v", xa, min(ya, yb), xa, max(ya, yb)))
    return out


def _close_cut_tables(edges: list[dict]) -> list[dict]:
    """A table broken by a page break lacks its top (or bottom) rule on the page: draw it.

    The topmost and bottommost ends of the vertical rules are joined by a horizontal edge, which is
    a no-op for a table that is closed anyway.
    """
    vs = [e for e in edges if e["orientation"] == "v"]
    if len(vs) < 2:
        return edges
    extra = []
    for key in ("top", "bottom"):
        y = min(e["top"] for e in vs) if key == "top" else max(e["bottom"] for e in vs)
        ends = [e["x0"] for e in vs if abs(e[key] - y) < _SNAP]
        if len(ends) >= 2:
            extra.append(_edge("h", min(ends), y, max(ends), y))
    return edges + extra


def _ruled_tables(
    page: pdfplumber.page.Page, edges: list[dict], chars: list[dict]
) -> tuple[list[_Grid], list[tuple[float, float, float, float]]]:
    """Ruled tables of a page as grids, and the boxes whose text belongs to them.

    One-column "tables" are framed text boxes: their text stays narrative.
    """
    if sum(e["orientation"] == "v" for e in edges) < 2 or sum(e["orientation"] == "h" for e in edges) < 2:
        return [], []
    edges = _close_cut_tables(edges)
    settings = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": [e for e in edges if e["orientation"] == "v"],
        "explicit_horizontal_lines": [e for e in edges if e["orientation"] == "h"],
        "snap_tolerance": _SNAP,
        "join_tolerance": _SNAP,
        "intersection_tolerance": _SNAP,
    }
    by_mid = sorted(chars, key=_mid_y)
    mids = [_mid_y(c) for c in by_mid]
    grids, boxes = [], []
    for table in page.find_tables(settings):
        grid = _grid_of(table, by_mid, mids, page.page_number)
        if grid is None:
            continue
        grids.append(grid)
        boxes.append(table.bbox)
    return grids, boxes


def _grid_of(table: pdfplumber.table.Table, by_mid: list[dict], mids: list[float], page_number: int) -> _Grid | None:
    """Cells of a pdfplumber table with their row spans; None for a one-column text box."""
    bboxes = table.cells
    tops = sorted({round(b[1], 1) for b in bboxes})
    row_tops: list[float] = []
    for t in tops:
        if not row_tops or t - row_tops[-1] > _SNAP:
            row_tops.append(t)
    cells = []
    for b in bboxes:
        r0 = min(range(len(row_tops)), key=lambda i, b=b: abs(row_tops[i] - b[1]))
        r1 = r0 + 1
        while r1 < len(row_tops) and row_tops[r1] < b[3] - _SNAP:
            r1 += 1
        cells.append(_Cell(r0, r1, b[0], b[2], _text_in(b, by_mid, mids)))
    if len(_boundaries(cells)) <= 2:
        return None
    x0, top, x1, bottom = table.bbox
    return _Grid(cells, len(row_tops), x0, x1, top, bottom, [page_number] * len(row_tops))


def _mid_y(c: dict) -> float:
    return (c["top"] + c["bottom"]) / 2


def _text_in(bbox: tuple[float, float, float, float], by_mid: list[dict], mids: list[float]) -> str:
    """Text of the characters whose centre lies in a cell: lines joined as one wrapped text."""
    lo, hi = bisect.bisect_left(mids, bbox[1]), bisect.bisect_left(mids, bbox[3])
    inside = [c for c in by_mid[lo:hi] if bbox[0] <= (c["x0"] + c["x1"]) / 2 < bbox[2]]
    return join_wrapped(_line_text(line) for line in _group_lines(inside))


# ---------------------------------------------------------------- text lines


def _group_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into lines, top to bottom, each left to right.

    A character belongs to a line when its vertical centre falls inside the line's first character
    (or near its centre, for a font without height): robust to fonts with different ascents on one
    line (Chinese text with digits in a Latin font).
    """
    lines: list[list[dict]] = []
    for c in sorted(chars, key=_mid_y):
        if lines:
            first = lines[-1][0]
            reach = max((first["bottom"] - first["top"]) / 2, 0.3 * first["size"], 1.0)
            if _mid_y(c) - _mid_y(first) < reach:
                lines[-1].append(c)
                continue
        lines.append([c])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _line_text(chars: list[dict]) -> str:
    """Characters of one line, with a space where a gap shows one."""
    out = []
    prev = None
    for c in chars:
        if prev is not None and c["x0"] - prev["x1"] > max(1.5, 0.2 * c["size"]):
            out.append(" ")
        out.append(c["text"])
        prev = c
    return "".join(out)


def _text_lines(page_number: int, chars: list[dict]) -> list[_Line]:
    """Text lines (left to right, top to bottom) from the given characters."""
    out = []
    for line in _group_lines(chars):
        text = clean_text(_line_text(line))
        if not text:
            continue
        visible = [c for c in line if c["text"].strip()]
        size = statistics.median(c["size"] for c in visible) if visible else 0.0
        out.append(
            _Line(
                text,
                min(c["x0"] for c in visible),
                max(c["x1"] for c in visible),
                min(c["top"] for c in line),
                max(c["bottom"] for c in line),
                size,
                page_number,
                _words(line, size),
            )
        )
    return out


def _words(chars: list[dict], size: float) -> list[tuple[str, float, float]]:
    """Runs of characters separated by a gap of at least half a character: (text, x0, x1)."""
    words: list[tuple[str, float, float]] = []
    gap = max(size * 0.5, 2.0)
    cur: list[dict] = []
    for c in chars:
        if not c["text"].strip():
            if cur:
                words.append(_word(cur))
                cur = []
            continue
        if cur and c["x0"] - cur[-1]["x1"] > gap:
            words.append(_word(cur))
            cur = []
        cur.append(c)
    if cur:
        words.append(_word(cur))
    return words


def _word(chars: list[dict]) -> tuple[str, float, float]:
    return clean_text("".join(c["text"] for c in chars)), chars[0]["x0"], chars[-1]["x1"]


# ---------------------------------------------------------------- tables without rules


def _row_values(line: _Line) -> int:
    """How many figures end the line, each standing apart (0 when it does not read as a table row)."""
    n = 0
    for text, _, _ in reversed(line.words):
        if not is_number(text):
            break
        n += 1
    return n if n >= 2 else 0


def _unruled_tables(lines: list[_Line]) -> tuple[list[_Line], list[_Grid]]:
    """Runs of lines that end in spaced-out figures (two lines or more, or one line of five figures)
    are rows of a table drawn without rules: cut them into cells by the figures' x positions."""
    keep: list[_Line] = []
    grids: list[_Grid] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _row_values(lines[j]):
            j += 1
        run = lines[i:j]
        if len(run) >= 2 or (len(run) == 1 and _row_values(run[0]) >= 5):
            grids.append(_grid_from_rows(run))
            i = j
        else:
            keep.append(lines[i])
            i += 1
    return keep, grids


def _grid_from_rows(run: list[_Line]) -> _Grid:
    values = [(w, ln) for ln in run for w in ln.words[len(ln.words) - _row_values(ln) :]]
    size = max(ln.size for ln in run) or 10.0
    centres = sorted((w[1] + w[2]) / 2 for w, _ in values)
    columns: list[list[float]] = []
    for c in centres:
        if columns and c - columns[-1][-1] <= size * 1.2:
            columns[-1].append(c)
        else:
            columns.append([c])
    mids = [statistics.mean(col) for col in columns]
    label_x1 = min(w[1] for w, _ in values) - 1
    edges = [label_x1, *((a + b) / 2 for a, b in zip(mids, mids[1:], strict=False)), mids[-1] + size]
    x0 = min(ln.x0 for ln in run)
    cells = []
    for r, ln in enumerate(run):
        n = _row_values(ln)
        label_words = [w[0] for w in ln.words[: len(ln.words) - n]]
        label = ""
        for w in label_words:
            label = label + glue(label, w) + w if label else w
        cells.append(_Cell(r, r + 1, x0, label_x1, label))
        taken = {}
        for w in ln.words[len(ln.words) - n :]:
            k = min(range(len(mids)), key=lambda k, w=w: abs(mids[k] - (w[1] + w[2]) / 2))
            taken[k] = w[0]
        for k in range(len(mids)):
            cells.append(_Cell(r, r + 1, edges[k], edges[k + 1], taken.get(k, "")))
    return _Grid(cells, len(run), x0, edges[-1], run[0].top, run[-1].bottom, [ln.page for ln in run], ruled=False)


# ---------------------------------------------------------------- grid -> row lines


def _boundaries(cells: Iterable[_Cell]) -> list[float]:
    xs = sorted({round(v, 1) for c in cells for v in (c.x0, c.x1)})
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > _SNAP:
            out.append(x)
    return out


def _column(bounds: list[float], x: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - x))


def _grid_rows(grid: _Grid) -> list[list[str]]:
    """Rows of a positioned grid: columns are the distinct cell edges."""
    bounds = _boundaries(grid.cells)
    cells = []
    for cell in grid.cells:
        c0 = _column(bounds, cell.x0)
        cells.append(SpanCell(cell.r0, cell.r1, c0, max(_column(bounds, cell.x1), c0 + 1), cell.text))
    return span_rows(cells, grid.nrows)


def _join_grids(a: _Grid, b: _Grid) -> _Grid:
    """Append the part of a table on the next page; its first row continues cells cut by the break."""
    value_x = min((c.x0 for c in (*a.cells, *b.cells) if is_number(c.text)), default=max(a.x1, b.x1))
    first = [c for c in b.cells if c.r0 == 0]
    header = any(c.text and not is_number(c.text) and c.x0 >= value_x - _SNAP for c in first)
    bottom = {(round(c.x0), round(c.x1)): c for c in a.cells if c.r1 >= a.nrows}
    cells = list(a.cells)
    for c in b.cells:
        above = _match(bottom, c) if c.r0 == 0 and not c.text else None
        if above is not None and above.text and not is_number(above.text) and (header or c.x1 <= value_x + _SNAP):
            above.r1 = a.nrows + c.r1
            continue
        cells.append(_Cell(c.r0 + a.nrows, c.r1 + a.nrows, c.x0, c.x1, c.text))
    return _Grid(
        cells,
        a.nrows + b.nrows,
        min(a.x0, b.x0),
        max(a.x1, b.x1),
        a.top,
        b.bottom,
        a.row_pages + b.row_pages,
        a.ruled and b.ruled,
    )


def _match(cells: dict[tuple[int, int], _Cell], c: _Cell) -> _Cell | None:
    for (x0, x1), cell in cells.items():
        if abs(x0 - c.x0) <= _SNAP + 1 and abs(x1 - c.x1) <= _SNAP + 1:
            return cell
    return None


def _continues(a: _Page, b: _Page) -> bool:
    """The last item of page a and the first of page b are one table cut by the page break."""
    if not a.items or not b.items:
        return False
    x, y = a.items[-1], b.items[0]
    return (
        isinstance(x, _Grid)
        and isinstance(y, _Grid)
        and x.ruled
        and y.ruled
        and abs(x.x0 - y.x0) <= 4
        and abs(x.x1 - y.x1) <= 4
    )


# ---------------------------------------------------------------- paragraphs


@dataclass
class _Layout:
    """Where body text starts and ends on a page, and the body font size."""

    left: float
    right: float
    size: float


def _layouts(pages: list[_Page]) -> dict[int, _Layout]:
    """Per page: the body text's left and right edges (from pages with enough justified lines when a
    page has too few of its own) and the body font size (the size of most characters)."""
    sizes: Counter[int] = Counter()
    for p in pages:
        for ln in p.items:
            if isinstance(ln, _Line):
                sizes[round(ln.size)] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    found: dict[int, tuple[float, float] | None] = {}
    for p in pages:
        lines = [ln for ln in p.items if isinstance(ln, _Line) and len(ln.text) >= 8]
        if not lines:
            found[p.number] = None
            continue
        right = max(ln.x1 for ln in lines)
        left = min(ln.x0 for ln in lines)
        flush = sum(ln.x1 >= right - body * 1.5 for ln in lines)
        found[p.number] = (left, right) if flush >= 3 else None
    good = [v for v in found.values() if v]
    default = (statistics.median(v[0] for v in good), statistics.median(v[1] for v in good)) if good else None
    out = {}
    for p in pages:
        left, right = found[p.number] or default or (0.0, p.width)
        out[p.number] = _Layout(left, right, float(body))
    return out


def _joins(prev: _Line, cur: _Line, lay: _Layout, same_page: bool) -> bool:
    """Whether cur continues the paragraph that prev ends."""
    if prev.text.endswith(SENTENCE_END) or _HEADING.match(cur.text):
        return False
    size = max(prev.size, cur.size, 1.0)
    if abs(prev.size - cur.size) > 1:
        return False
    if same_page:
        gap = cur.top - prev.bottom
        if gap > size * 1.2 or gap < -size * 0.5:
            return False
    big = prev.size >= lay.size * 1.15  # a title wrapped over two lines
    if big:
        return same_page and cur.top - prev.bottom < size
    reaches = prev.x1 >= lay.right - size * 2
    indented = cur.x0 > lay.left + size * 1.2
    return reaches and not indented


# ---------------------------------------------------------------- assembly


class _Builder:
    """Accumulates text lines and the offset where each page starts."""

    def __init__(self, n_pages: int):
        self.lines: list[str] = []
        self.sizes: list[float] = []  # largest font size of each line (0 for table rows)
        self.length = 0
        self.page_starts: list[int | None] = [None] * n_pages
        self.open = False  # the last line may still grow (a paragraph)
        self.ocr: list[OcrMark] = []  # what OCR read, with its confidence

    def _mark(self, page: int, offset: int) -> None:
        if self.page_starts[page - 1] is None:
            self.page_starts[page - 1] = offset

    def _offset_new_line(self) -> int:
        return self.length + (1 if self.lines else 0)

    def new_line(self, text: str, page: int, size: float = 0.0, confidence: float | None = None) -> None:
        self._mark(page, self._offset_new_line())
        start = self._offset_new_line()
        self.length = start + len(text)
        self.lines.append(text)
        self.sizes.append(size)
        if confidence is not None:
            self.ocr.append(OcrMark(start, self.length, confidence))

    def extend(self, text: str, page: int, size: float, confidence: float | None = None) -> None:
        sep = glue(self.lines[-1], text)
        self._mark(page, self.length + len(sep))
        start = self.length + len(sep)
        self.lines[-1] += sep + text
        self.length += len(sep) + len(text)
        self.sizes[-1] = max(self.sizes[-1], size)
        if confidence is not None:
            self.ocr.append(OcrMark(start, self.length, confidence))

    def table(self, grid: _Grid) -> None:
        rows = _grid_rows(grid)
        for i, row in enumerate(rows):
            line = grid_to_lines([row])
            if line:
                self.new_line(line[0], grid.row_pages[i])
                self._mark_cells(grid, i, line[0])

    def _mark_cells(self, grid: _Grid, row: int, line: str) -> None:
        """OCR confidence of each field of a table row: a figure its own cell's, a label the row's least."""
        own = [c for c in grid.cells if c.r0 <= row < c.r1 and c.confidence is not None]
        if not own:
            return
        figures = [c.confidence for c in sorted(own, key=lambda c: c.x0) if c.r0 == row and is_number(c.text)]
        labels = min((c.confidence for c in own if c.text and not is_number(c.text)), default=1.0)
        pos = self.length - len(line)
        for field_text in line.split("\t"):
            if field_text:
                conf = figures.pop(0) if is_number(field_text) and figures else labels
                self.ocr.append(OcrMark(pos, pos + len(field_text), conf))
            pos += len(field_text) + 1

    def starts(self) -> list[int]:
        out: list[int] = []
        nxt = self.length
        for s in reversed(self.page_starts):
            nxt = s if s is not None else nxt
            out.append(nxt)
        return out[::-1]


def _merge_pages(pages: list[_Page]) -> list[_Line | _Grid]:
    """All items in reading order, tables cut by a page break joined."""
    items: list[_Line | _Grid] = []
    for i, page in enumerate(pages):
        page_items = list(page.items)
        if i and _continues(pages[i - 1], page) and items and isinstance(items[-1], _Grid):
            items[-1] = _join_grids(items[-1], page_items.pop(0))
        items.extend(page_items)
    return items


def _assemble(
    path: Path, info: dict, pages: list[_Page], n: int, warnings: list[str], ocr_pages: dict[int, float]
) -> Document:
    layouts = _layouts(pages)
    builder = _Builder(n)
    prev: _Line | None = None
    for item in _merge_pages(pages):
        if isinstance(item, _Grid):
            builder.table(item)
            prev = None
            continue
        if prev is not None and _joins(prev, item, layouts[item.page], prev.page == item.page):
            builder.extend(item.text, item.page, item.size, item.confidence)
        else:
            builder.new_line(item.text, item.page, item.size, item.confidence)
        prev = item
    text = "\n".join(builder.lines)
    if normalize(text) != text:  # every piece was normalized; this guards the offsets
        warnings.append("text changed under normalization after assembly; page offsets may be approximate")
        text = normalize(text)
    meta = {"pages": str(n)}
    body = next(iter(layouts.values())).size
    title = pick_title(builder.lines, [size >= body * 1.15 for size in builder.sizes]) or _info_title(info)
    if title:
        meta["title"] = title
    return Document(
        path=path,
        format="pdf",
        text=text,
        meta=meta,
        page_starts=builder.starts(),
        warnings=warnings,
        ocr=builder.ocr,
        ocr_pages=ocr_pages,
    )


def _info_title(info: dict) -> str | None:
    title = info.get("Title")
    if isinstance(title, str):
        title = normalize(title).strip()
        if title and title.isprintable() and TITLE.search(title):
            return title
    return None

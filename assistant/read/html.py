"""HTML reports: the report's content without the site chrome, tables as rows of cells."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from assistant.domain.patterns import ANY_SECTION_HEADING
from assistant.read.document import Document, IngestError, Limits, normalize
from assistant.read.layout import SPACE_CJK, CellBudget, SpanCell, grid_to_lines, span_rows
from assistant.read.text import decode, require_report_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_DROP = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "header",
    "footer",
    "select",
    "button",
    "input",
    "textarea",
    "svg",
    "canvas",
    "object",
    "embed",
    "template",
    "head",
    "title",
    "meta",
    "link",
)
_BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "ucapcontent",
    "body",
    "main",
    "aside",
}
MAX_COLSPAN, MAX_ROWSPAN = 1000, 65534  # what HTML itself allows
_TITLE_END = re.compile(r"^(.*?(?:年度?|年)[^_|]*?报告)")


def read_html(path: Path, limits: Limits) -> Document:
    data = path.read_bytes()
    m = _CHARSET.search(data[:4096])
    text = decode(data, path, m.group(1).decode("ascii", "ignore") if m else None)
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(path, f"not a readable HTML page ({exc})") from exc
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise IngestError(path, "the page's markup is nested too deeply to be read in full (over 256 levels)")
    meta = _metadata(root)
    for el in root.xpath("//comment() | //processing-instruction()"):
        _remove(el)
    for el in list(root.iter(*_DROP)):
        if el is not root and el.getparent() is not None:
            _remove(el)
    content = _content_root(root)
    lines: list[str] = []
    _render(content, lines, [""], CellBudget(path, limits))
    body = normalize("\n".join(SPACE_CJK.sub("", line) for line in lines))
    body = re.sub(r"\n{2,}", "\n", body).strip()
    require_report_text(body, path)
    return Document(path=path, format="html", text=body, meta=meta)


def _remove(el) -> None:
    """Remove an element but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _metadata(root) -> dict[str, str]:
    meta: dict[str, str] = {}
    for name, key in (("ArticleTitle", "title"), ("PubDate", "date"), ("ContentSource", "publisher")):
        for el in root.xpath(f"//meta[@name='{name}']/@content"):
            if el.strip():
                meta.setdefault(key, el.strip())
    for div in root.xpath("//div[@class='meta']/div"):
        label, _, value = div.text_content().partition("：")
        if label.strip() == "标题" and value.strip():
            meta.setdefault("title", value.strip())
    titles = [t.text_content().strip() for t in root.xpath("//title") if t.text_content().strip()]
    if titles:
        meta.setdefault("title", titles[0])
    if "title" in meta:
        m = _TITLE_END.match(meta["title"])
        if m:
            meta["title"] = m.group(1).strip()
    return meta


def _content_root(root):
    """The smallest element holding every section heading and every table of the report."""
    anchors = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and el.tag not in ("html", "body")
        and ANY_SECTION_HEADING.search("".join(el.itertext())[:40])
        and not any(ANY_SECTION_HEADING.search("".join(c.itertext())[:40]) for c in el if isinstance(c.tag, str))
    ]
    anchors += [t for t in root.iter("table") if "申请" in t.text_content() or "行政许可" in t.text_content()]
    if not anchors:
        return root.find("body") if root.find("body") is not None else root
    paths = [list(a.iterancestors())[::-1] + [a] for a in anchors]
    common = root
    for level in zip(*paths, strict=False):
        if all(el is level[0] for el in level):
            common = level[0]
        else:
            break
    return common


def _render(el, lines: list[str], current: list[str], budget: CellBudget) -> None:
    """Append the element's text: blocks end lines, inline runs join without spaces, tables become rows."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "table" and not el.xpath(".//table"):
        _flush(lines, current)
        lines.extend(grid_to_lines(_grid(el, budget)))
        if el.tail and el.tail.strip():
            current[0] += el.tail
        return
    block = tag in _BLOCK or tag == "br"
    if block:
        _flush(lines, current)
    if el.text and tag != "br":
        current[0] += el.text
    for child in el:
        _render(child, lines, current, budget)
    if block:
        _flush(lines, current)
    if el.tail:
        current[0] += el.tail


def _flush(lines: list[str], current: list[str]) -> None:
    text = " ".join(current[0].split())
    if text:
        lines.append(text)
    current[0] = ""


def _cell_text(cell, budget: CellBudget) -> str:
    parts: list[str] = []
    current = [""]
    _render(cell, parts, current, budget)
    _flush(parts, current)  # a bare <td>5</td> has no block inside to end its text
    return SPACE_CJK.sub("", "".join(parts)).strip()


def _grid(table, budget: CellBudget) -> list[list[str]]:
    """The table's rows with rowspan and colspan resolved; a span is clamped to the table's own rows and to
    HTML's most columns, and every slot it claims is spent from the file's cell budget."""
    cells: list[SpanCell] = []
    taken: set[tuple[int, int]] = set()
    rows = [tr for tr in table.iter("tr") if tr.xpath("ancestor::table[1]")[0] is table]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rowspan = min(_span(cell.get("rowspan"), MAX_ROWSPAN), len(rows) - r)
            colspan = _span(cell.get("colspan"), MAX_COLSPAN)
            budget.take(rowspan * colspan)
            taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            cells.append(SpanCell(r, r + rowspan, c, c + colspan, _cell_text(cell, budget)))
            c += colspan
    return span_rows(cells, len(rows), budget)


def _span(value: str | None, most: int) -> int:
    try:
        return max(1, min(int(value or 1), most))
    except ValueError:
        return 1

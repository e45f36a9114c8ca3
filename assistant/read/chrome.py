"""A web page printed to PDF or saved as DOCX: the report without the site chrome around it.

The HTML reader keeps only the page's content element; a PDF or DOCX made from the page has lost the
markup, so the report is found in the text: from the prose just before the first section heading to
the end of the last section (its prose, table rows, numbered sub-headings and the signature and date),
when enough of the lines outside that are the site's (menus, 当前位置, 附件下载, 扫一扫在手机上查看当前页面,
版权所有 …). A document without such lines is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.domain.patterns import HEADING_START, SECTION_HEADINGS
from assistant.read.document import Document, OcrMark

_CHROME_LINE = re.compile(
    r"^(?:当前位置|首页|附件下载|扫一扫在手机上查看当前页面|关闭|文字版|全真版|文件下载|相关链接|无障碍|适老化|"
    r"繁體版|移动版|登录|网站支持IPV6|长者模式|文字解读|图片解读|H5解读|省市政府网站|友情链接|使用帮助)"
    r"|版权所有|网站标识码|ICP备|主办单位|公安备案号|建议您使用|浏览器"
)
MIN_CHROME_LINES = 3  # lines of site chrome outside the report before a document counts as a web page
_PROSE_CHARS = 40  # a line this long is the report's prose (chrome lines are menu items and link lists)
_DATE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_SIGNATURE_CHARS = 30
_SECTION = re.compile("|".join(f"^\\s*(?:{p.pattern})" for p in SECTION_HEADINGS.values()))


def _prose(line: str) -> bool:
    return len(line) >= _PROSE_CHARS and not _CHROME_LINE.search(line)


def _in_last_section(lines: list[str], i: int) -> bool:
    """Whether line i still belongs to the report after its last heading."""
    line = lines[i].strip()
    if _CHROME_LINE.search(line):
        return False
    if "\t" in line or _prose(line) or line.endswith(("。", "；", ";")) or HEADING_START.match(line):
        return True
    if _DATE.match(line):
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return len(line) <= _SIGNATURE_CHARS and bool(_DATE.match(nxt))  # the signature, above the date


def body_lines(lines: list[str]) -> tuple[int, int] | None:
    """The first and one-past-last line of the report among a web page's lines, or None (not a page)."""
    headings = [i for i, line in enumerate(lines) if _SECTION.match(line)]
    if not headings:
        return None
    first, last = headings[0], headings[-1] + 1
    while first > 0 and _prose(lines[first - 1]):
        first -= 1
    while last < len(lines) and _in_last_section(lines, last):
        last += 1
    outside = lines[:first] + lines[last:]
    if sum(1 for line in outside if _CHROME_LINE.search(line.strip())) < MIN_CHROME_LINES:
        return None
    return first, last


def strip_web_chrome(doc: Document) -> Document:
    """The document cut to its report when it is a web page printed or converted (offsets, pages,
    lines and OCR marks moved along); else the document as it is."""
    lines = doc.text.split("\n")
    found = body_lines(lines)
    if found is None or found == (0, len(lines)):
        return doc
    first, last = found
    start = sum(len(line) + 1 for line in lines[:first])
    text = "\n".join(lines[first:last])
    end = start + len(text)
    return replace(
        doc,
        text=text,
        page_starts=[min(max(0, p - start), len(text)) for p in doc.page_starts],
        first_line=doc.first_line + first,
        ocr=[OcrMark(m.start - start, m.end - start, m.confidence) for m in doc.ocr if start <= m.start < end],
    )

"""Plain text and markdown reports: decoding, crawler boilerplate, markdown tables."""

from __future__ import annotations

import codecs
import re
from functools import cache
from pathlib import Path

import opencc
from charset_normalizer import from_bytes

from assistant.domain.patterns import CJK_CHAR, HEADING_START, LINE_ENDS
from assistant.read.document import Document, IngestError, Limits, normalize

_CRAWLER_FIELD = re.compile(
    r"^(标题|发布时间|文号|发布机构|栏目|原文链接|本地目录|来源|发文机关|成文日期)\s*[:：]\s*(.*)$"
)
_BODY_MARK = re.compile(r"^=+\s*正文\s*=+\s*$", re.M)
_CHROME = (
    re.compile(r"当前位置\s*[:：].*?相关链接\s*[:：]?\s*-->\s*", re.S),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"\s*附件下载\s*$"),
    re.compile(r"^页面链接与图片详见.*$", re.M),
)
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_META_KEYS = {"标题": "title", "发布时间": "date", "发布机构": "publisher", "来源": "publisher", "原文链接": "url"}


def decode(data: bytes, path: Path | str, declared: str | None = None) -> str:
    """Decode report bytes: a byte-order mark, UTF-8, a declared Chinese charset, else the charset detected
    by charset_normalizer (a page that declares another charset, often wrongly, is detected too).

    Only Chinese charsets are read: GB2312 and GBK as GB18030 (their superset), and Big5, whose
    Traditional characters are converted to the Simplified ones the parser reads. Text detected in any
    other charset (Shift-JIS Japanese, EUC-KR Korean …) is refused, never decoded into mojibake.
    """
    if not data.strip():
        raise IngestError(path, "empty file", "文件是空的")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise IngestError(path, "binary data, not a text report", "二进制数据，不是文本格式的报告")
    trusted = [_codec(declared)] if declared and _codec(declared) in _CHINESE else []  # not a page's latin-1
    for codec in ["utf-8", *trusted]:  # valid UTF-8 is UTF-8, whatever a page declares
        try:
            return _decoded(data, codec)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise IngestError(
            path, "cannot decode the text (unknown encoding or binary data)", "无法识别文本编码（未知编码或二进制数据）"
        )
    codec = _codec(best.encoding)
    if codec not in _CHINESE:
        raise IngestError(
            path,
            f"not Chinese text: it reads as {best.language or 'an unknown language'} in {best.encoding} "
            "(reports are read in UTF-8, GB18030/GBK or Big5)",
        )
    return _decoded(data, codec)


_CHINESE = {"gb18030", "hz", "big5", "big5hkscs", "cp950"}
_TRADITIONAL = {"big5", "big5hkscs", "cp950"}


def _codec(name: str) -> str:
    """The Python codec for a charset name; GB2312 and GBK pages are decoded as GB18030, their superset."""
    try:
        codec = codecs.lookup("gbk" if name.strip().lower() == "x-gbk" else name).name
    except LookupError:
        return name
    return "gb18030" if codec in {"gb2312", "gbk"} else codec


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _decoded(data: bytes, codec: str) -> str:
    text = data.decode(codec)
    return _to_simplified().convert(text) if codec in _TRADITIONAL else text


SHORTEST_REPORT = 300  # characters (not counting spaces): a page shorter than this is no annual report


def require_report_text(text: str, path: Path | str) -> None:
    """Refuse a text too short to be a report, or one with almost no Chinese in it."""
    chars = len("".join(text.split()))
    if chars < SHORTEST_REPORT and len(CJK_CHAR.findall(text)) < 50:
        raise IngestError(
            path,
            f"too short to be a report: it holds {chars} characters of text",
            f"内容太短，不是一份年度报告：只有 {chars} 个字符",
        )
    if len(CJK_CHAR.findall(text)) < 50:
        raise IngestError(path, "not a report: it holds almost no Chinese text", "不是年度报告：几乎没有中文内容")


def read_text(path: Path, limits: Limits, fmt: str = "txt") -> Document:
    data = path.read_bytes()
    text = decode(data, path)
    meta: dict[str, str] = {}
    first_line = 1
    mark = _BODY_MARK.search(text)
    if mark:
        for line in text[: mark.start()].splitlines():
            m = _CRAWLER_FIELD.match(line.strip())
            if m and m.group(2).strip() and m.group(1) in _META_KEYS:
                meta.setdefault(_META_KEYS[m.group(1)], m.group(2).strip())
        first_line = text.count("\n", 0, mark.end()) + 1
        text = text[mark.end() :]
        if text.startswith("\n"):
            text, first_line = text[1:], first_line + 1
    for pattern in _CHROME:
        text = pattern.sub("", text)
    if fmt == "md":
        text = join_wrapped_lines(_markdown_to_lines(text))
    text = normalize(text).rstrip("\n")
    require_report_text(text, path)
    return Document(path=path, format=fmt, text=text, meta=meta, first_line=first_line)


def join_wrapped_lines(text: str) -> str:
    """Undo the hard line breaks of a PDF-to-text conversion: a full-width line that does not end a
    sentence continues on the next, unless that one is a heading or a table row."""
    lines = text.split("\n")
    widths = sorted(len(ln.strip()) for ln in lines if len(ln.strip()) >= 10 and "\t" not in ln)
    if not widths:
        return text
    full = widths[len(widths) // 2] - 2
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (
            prev
            and len(prev.strip()) >= full
            and not prev.rstrip().endswith(LINE_ENDS)
            and "\t" not in prev
            and "\t" not in line
            and line.strip()
            and not HEADING_START.match(line)
        ):
            out[-1] = prev.rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _markdown_to_lines(text: str) -> str:
    """Markdown tables become tab-separated rows; heading marks are dropped."""
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if _MD_RULE.match(stripped) and "-" in stripped:
            continue
        if stripped.startswith("|"):
            cells = stripped.strip("|").split("|")
            out.append("\t".join(c.strip() for c in cells))
        else:
            out.append(re.sub(r"^#+\s*", "", line))
    return "\n".join(out)

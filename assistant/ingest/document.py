"""The neutral document every format reader produces, and the errors they raise."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 300


class IngestError(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # crosses process boundaries in batch ingestion
        return IngestError, (self.path, self.reason)


@dataclass(frozen=True)
class Limits:
    """Guard rails so one hostile file cannot take the machine."""

    max_bytes: int = MAX_BYTES
    max_pages: int = MAX_PAGES


@dataclass
class Document:
    """A report as text: paragraphs one per line, each table row one line of tab-separated cells.

    ``text`` is normalized (see :func:`normalize`); every offset in the record points into it.
    """

    path: Path
    format: str  # txt, md, html, pdf, docx
    text: str
    meta: dict[str, str] = field(default_factory=dict)  # title, publisher, date … where the source states them
    page_starts: list[int] = field(default_factory=list)  # offset at which each page starts (PDF)
    warnings: list[str] = field(default_factory=list)
    first_line: int = 1  # line of the source file on which ``text`` begins (a crawler header may precede it)

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + self.first_line

    def page_of(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \u00a0\u3000\u2002\u2003\u2009]+")


def normalize(text: str) -> str:
    """NFKC (full-width digits and brackets, Kangxi radicals), LF line ends, no zero-width characters.

    Tabs are kept: they separate table cells.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n"))


def grid_to_lines(rows: list[list[str]]) -> list[str]:
    """Serialize a table (spans already resolved) as tab-separated lines.

    Cells repeated by a span are written once per row, so a row reads: labels, then values.
    """
    lines = []
    for row in rows:
        cells: list[str] = []
        for cell in row:
            cell = " ".join(cell.split())
            if cells and cell and cell == cells[-1] and not NUMBER.fullmatch(cell):
                continue
            cells.append(cell)
        if any(cells):
            lines.append("\t".join(cells))
    return lines


NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")

"""Helpers the PDF, DOCX and HTML readers share: cleaning wrapped text, spanning table cells, titles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.domain import patterns
from assistant.read.document import Limits, normalize

NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")
CJK = f"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff{patterns.CJK}\uff00-\uffef"  # Chinese characters, kana, CJK punctuation
PUNCT = r"()\[\]{}<>,.:;!?'\"“”‘’《》〈〉「」『』【】〔〕、。·…—\-"
SPACE_CJK = re.compile(
    rf"(?<=[{CJK}]) +(?=[{CJK}{PUNCT}\d])|(?<=[{CJK}{PUNCT}\d]) +(?=[{CJK}])"
    rf"|(?<=[{CJK}{PUNCT}]) +(?=[{PUNCT}])|(?<=[{PUNCT}]) +(?=[{CJK}{PUNCT}])"
)
SENTENCE_END = patterns.LINE_ENDS
TITLE_LABEL = re.compile(r"^(?:标题|题名|名称)\s*:\s*")
TITLE = re.compile(r"(?:19|20)\d{2}.*(?:年度报告|年报|工作报告)|年度报告")


def clean_text(text: str) -> str:
    """NFKC and no extraction spaces between Chinese characters (or between them and digits)."""
    return SPACE_CJK.sub("", normalize(text))


def glue(left: str, right: str) -> str:
    """What joins two pieces of one wrapped paragraph or cell: nothing in Chinese text, else a space."""
    if not left or not right:
        return ""
    a, b = left[-1], right[0]
    if re.match(rf"[{CJK}{PUNCT}]", a) or re.match(rf"[{CJK}{PUNCT}]", b):
        return ""
    return " "


def join_wrapped(parts: Iterable[str]) -> str:
    """Pieces of one wrapped text (lines of a cell) joined as :func:`glue` says, each cleaned."""
    out = ""
    for part in parts:
        part = clean_text(part)
        if part:
            out = out + glue(out, part) + part if out else part
    return out


def is_number(text: str) -> bool:
    return bool(NUMBER.fullmatch(text))


@dataclass
class SpanCell:
    """A table cell on a grid: rows r0..r1-1, columns c0..c1-1."""

    r0: int
    r1: int
    c0: int
    c1: int
    text: str


@dataclass
class CellBudget:
    """The table grid slots one file may claim (spans counted), spent as its tables are read."""

    path: Path
    limits: Limits
    used: int = 0

    def take(self, slots: int) -> None:
        """Claim ``slots`` more; IngestError (naming the limit and its flag) once the file is over."""
        self.used += slots
        self.limits.check_cells(self.path, self.used)


def span_rows(cells: list[SpanCell], nrows: int, budget: CellBudget | None = None) -> list[list[str]]:
    """Rows of cell texts from cells with spans, ready for :func:`grid_to_lines`.

    A text cell spanning rows (a group label) is repeated in each row it covers; a figure spanning
    rows is given once. Columns left of the first column holding a figure are label columns: their
    blank cells are dropped. Blank cells in value columns stay as '' (so values keep their columns),
    except in header rows (text in value columns), where they carry nothing.
    """
    ncols = max((c.c1 for c in cells), default=0)
    if budget is not None:
        budget.take(nrows * ncols)
    occupant: list[list[SpanCell | None]] = [[None] * ncols for _ in range(nrows)]
    for cell in cells:
        for r in range(cell.r0, min(cell.r1, nrows)):
            for c in range(cell.c0, cell.c1):
                occupant[r][c] = cell
    value_col = _value_column(cells, nrows)
    rows = []
    for r in range(nrows):
        row: list[tuple[int, str]] = []
        seen: set[int] = set()
        for c in range(ncols):
            cell = occupant[r][c]
            if cell is None:
                row.append((c, ""))
            elif id(cell) not in seen:
                seen.add(id(cell))
                row.append((c, cell.text if cell.r0 == r or not is_number(cell.text) else ""))
        header = any(t and not is_number(t) for c, t in row if c >= value_col)
        rows.append([t for c, t in row if t or (c >= value_col and not header)])
    return rows


def _value_column(cells: list[SpanCell], nrows: int) -> int:
    """First column of figures: where the leftmost figure stands; in a table without any figure
    (a blank form), the first column after the last filled cell of the last row."""
    figures = [c.c0 for c in cells if is_number(c.text)]
    if figures:
        return min(figures)
    return max((c.c1 for c in cells if c.text and c.r0 <= nrows - 1 < c.r1), default=0)


def pick_title(lines: list[str], prominent: list[bool]) -> str | None:
    """The first short line that names an annual report, a prominent one (a heading) first."""
    found = []
    for line, big in zip(lines[:300], prominent, strict=False):
        if "\t" in line or len(line) > 80 or line.endswith(SENTENCE_END) or line.startswith(("根据", "本报告")):
            continue
        if TITLE.search(line):
            found.append((big, TITLE_LABEL.sub("", line)))
    best = [t for big, t in found if big] or [t for _, t in found]
    return best[0] if best else None


def grid_to_lines(rows: list[list[str]]) -> list[str]:
    """Serialize a table (spans already resolved) as tab-separated lines.

    Cells repeated by a span are written once per row, so a row reads: labels, then values.
    """
    lines = []
    for row in rows:
        cells: list[str] = []
        for cell in row:
            cell = " ".join(cell.split())
            if cells and cell and cell == cells[-1] and not is_number(cell):
                continue
            cells.append(cell)
        if any(cells):
            lines.append("\t".join(cells))
    return lines

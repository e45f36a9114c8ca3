"""Cells of a table row, and the readings of a row whose cells were glued into digit strings.

Crawler text loses the cell borders (``行政规范性文件6233440`` is 62 / 33 / 440). A row is read as
*chunks*: a chunk is one cell when the source kept cell borders (tabs, pipes), otherwise a digit
string that may hold several cells. ``readings`` lists every way to cut the chunks into the row's
cells that satisfies the row's own arithmetic; the table-level solver then picks among them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from assistant.domain import numbers

Value = int | float | None
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_PIECE = re.compile(r"-?(?:0(?:\.\d+)?|[1-9]\d*(?:\.\d+)?)")  # one cell's digits: no leading zeros
MAX_READINGS = 64


@dataclass(frozen=True)
class RowCells:
    """The value part of one printed row."""

    chunks: tuple[str | None, ...]  # None: a blank cell
    delimited: bool  # True: each chunk is exactly one cell
    start: int  # offset of the first value in the normalized text
    end: int


def to_number(text: str) -> Value:
    return numbers.parse(text)


def cut_cells(text: str, start: int) -> RowCells | None:
    """Read the values printed after a row label (or on a line of their own)."""
    text = text.replace("\u2212", "-")
    if "\t" in text:
        cells = [c.strip() for c in text.split("\t")]
        if text.startswith("\t"):
            cells.pop(0)  # the border after the label cell
        if not any(cells) or any(c and not NUMBER.fullmatch(c.replace(",", "")) for c in cells):
            return None
        chunks = tuple(c.replace(",", "") or None for c in cells)
        return RowCells(chunks, True, start, start + len(text))
    chunks = tuple(NUMBER.findall(text))
    if not chunks:
        return None
    return RowCells(chunks, False, start, start + len(text))


def readings(cells: RowCells, width: int, accept: Callable[[tuple[Value, ...]], bool]) -> list[tuple[Value, ...]]:
    """Every reading of the row as ``width`` values that ``accept`` (the row's arithmetic) allows.

    Delimited rows with missing cells get a blank (None) at each possible place.
    """
    if cells.delimited:
        values = tuple(None if c is None else to_number(c) for c in cells.chunks)
        while len(values) > width and values[0] is None:  # borders of label cells spanning columns
            values = values[1:]
        while len(values) > width and values[-1] is None:
            values = values[:-1]
        if len(values) == width:
            return [values]
        if len(values) > width:
            return [values[:width], values[-width:]]
        return _with_gaps(values, width)[:MAX_READINGS]
    out: list[tuple[Value, ...]] = []
    for split in _splits(cells.chunks, width):
        values = tuple(to_number(p) for p in split)
        if accept(values):
            out.append(values)
            if len(out) >= MAX_READINGS:
                break
    return out


def _with_gaps(values: tuple[Value, ...], width: int) -> list[tuple[Value, ...]]:
    missing = width - len(values)
    if missing > 2:
        return []
    out = []
    for pos in range(width - 1, -1, -1):  # a lost last cell is the likeliest
        vals = values[:pos] + (None,) + values[pos:]
        if missing == 1:
            out.append(vals)
        else:
            out.extend(g for g in _with_gaps(vals, width))
    return list(dict.fromkeys(out))


def _splits(chunks: tuple[str | None, ...], width: int) -> Iterator[list[str]]:
    """Cut each chunk into pieces so that the pieces number ``width`` in all."""
    digits = [c for c in chunks if c]

    def cut(i: int, left: int) -> Iterator[list[str]]:
        if i == len(digits):
            if left == 0:
                yield []
            return
        remaining = len(digits) - i - 1
        for parts in _pieces(digits[i], max(1, left - _max_pieces(digits[i + 1 :])), left - remaining):
            for rest in cut(i + 1, left - len(parts)):
                yield parts + rest

    yield from cut(0, width)


def _max_pieces(chunks: list[str]) -> int:
    return sum(len(c.replace(".", "")) for c in chunks)


def _pieces(chunk: str, lo: int, hi: int) -> Iterator[list[str]]:
    """Ways to cut one digit string into between lo and hi numbers."""
    if hi < 1:
        return
    if lo <= 1 and _PIECE.fullmatch(chunk):
        yield [chunk]
    if hi < 2:
        return
    for end in range(1, len(chunk)):
        head = chunk[:end]
        if not _PIECE.fullmatch(head) or chunk[end] == "." or head.endswith("."):
            continue
        for rest in _pieces(chunk[end:], max(1, lo - 1), hi - 1):
            yield [head] + rest

"""A report's tables as rows of labelled values, for the terminal and the UI."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.domain import numbers, schema
from assistant.domain.record import Report


@dataclass
class TableView:
    title: str
    header: list[str]
    rows: list[list[str]]
    long: bool = False  # one line a cell (item, column, value), as table 2 is printed
    headings: frozenset[int] = frozenset()  # indexes of rows that are group headings ((三)不予公开), no values


def _cell(report: Report, address: str) -> str:
    fig = report.figures.get(address)
    if fig is None or fig.value is None:
        return "—"
    return numbers.exact(fig.value) + ("?" if fig.uncertain else "") + ("*" if fig.derived else "")


def _legacy_view(report: Report) -> list[TableView]:
    """The pre-2019 statistics table, the rows it prints (a part indented under its row), in the columns it has."""
    table = schema.LEGACY_TABLE
    printed = {a.split(".")[1] for a in report.figures if a.startswith(f"{table.id}.")}
    if not printed:
        return []
    cols = [c for c in schema.LEGACY_COLUMNS if any(a.endswith(f".{c.id}") for a in report.figures)]
    rows = [
        [("  " if row.parent else "") + f"{row.label} {row.english}"]
        + [_cell(report, f"{table.id}.{row.id}.{c.id}") for c in cols]
        for row in table.rows
        if row.id in printed
    ]
    header = ["项目 item"] + [f"{c.label} {c.english}" for c in cols]
    return [TableView(f"{table.label} · {table.english}", header, rows)]


def table_views(report: Report) -> list[TableView]:
    """Each standard table (or the pre-2019 statistics table): rows labelled in Chinese and English;
    "—" missing, "?" uncertain, "*" derived."""
    if not report.layout:
        return _legacy_view(report)
    views = []
    for table in schema.LAYOUTS[report.layout].tables:
        title = f"{table.label} · {table.english}"
        if table.id == "proactive":
            rows = [
                [
                    f"{row.label} {row.english}",
                    f"{col.label} {col.english}",
                    _cell(report, f"{table.id}.{row.id}.{col.id}"),
                ]
                for row in table.rows
                for col in row.columns
            ]
            views.append(TableView(title, ["信息内容 item", "项目 column", "数值 value"], rows, long=True))
            continue
        cols = table.rows[0].columns
        header = [("申请人 applicant" if table.id == "requests" else "类别 kind")]
        header += [f"{c.label} {c.english}" for c in cols]
        rows: list[list[str]] = []
        headings: set[int] = set()
        for row in table.rows:
            heading = _group_heading(row)
            if heading and heading not in (r[0] for r in rows):
                headings.add(len(rows))
                rows.append([heading] + [""] * len(cols))
            rows.append(
                [f"{_short(row.label)} {row.english}"] + [_cell(report, f"{table.id}.{row.id}.{c.id}") for c in cols]
            )
        views.append(TableView(title, header, rows, headings=frozenset(headings)))
    return views


def _group_heading(row: schema.Row) -> str | None:
    """The heading table 3 prints over a group of sub-rows ("（三）不予公开 refused"), for any of its sub-rows."""
    for i, group in enumerate(schema.OUTCOME_GROUPS):
        if row.id.startswith(group.id + "."):
            return f"（{'一二三四五六'[i]}）{group.label} {group.english}"
    return None


def _short(label: str) -> str:
    """A row label without its parenthetical instructions (（区分处理的，只计这一情形…）)."""
    return re.sub(r"[（(][^）)]{6,}[）)]$", "", label)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, n: int) -> list[str]:
    """Lines of at most ``n`` columns (CJK counts two), broken between words or CJK characters, never
    inside an English word (a word longer than the line is the one thing cut); a leading indent is kept
    on every line."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    if indent:
        return [indent + line for line in wrap(text.lstrip(" "), n - len(indent))]
    lines = [""]
    for token in re.findall(r"\s+|[\x21-\x7e’]+|.", text):
        if token.isspace():
            if lines[-1] and width(lines[-1]) + 1 <= n:
                lines[-1] += " "
            elif lines[-1]:
                lines.append("")
            continue
        while width(token) > n:  # longer than a line: cut only where nothing else fits
            cut = max(i for i in range(1, len(token) + 1) if width(token[:i]) <= n)
            lines += [token[:cut], ""] if not lines[-1].strip() else ["", token[:cut], ""]
            lines = [line for line in lines[:-1] if line] + [""]
            token = token[cut:]
        if width(lines[-1] + token) > n and lines[-1].strip():
            lines.append("")
        lines[-1] += token
    return [line.rstrip() for line in lines if line.strip()] or [""]


def as_text(view: TableView, label_width: int = 64) -> str:
    """A plain-text rendering with CJK-aware padding; a long label wraps onto the next lines (its
    numbers stay on the first), a group heading stands on its own."""

    def pad(text: str, n: int) -> str:
        return text + " " * (n - width(text))

    def block(cells: list[str], widths: list[int], values: str) -> list[str]:
        wrapped = [
            [line if i == 0 else "  " + line for i, line in enumerate(wrap(cell, w - 2))]
            for cell, w in zip(cells, widths, strict=True)
        ]  # the lines after a cell's first are indented
        out = []
        for i in range(max(map(len, wrapped))):
            cells = " ".join(pad(w[i] if i < len(w) else "", n) for w, n in zip(wrapped, widths, strict=True))
            out.append(("  " + cells + (values if i == 0 else "")).rstrip())
        return out

    lines = [view.title]
    if view.long:
        for label, col, value in view.rows:
            lines += block([label, col], [44, 44], f" {value:>10}")
        return "\n".join(lines)
    short = [h.split(" ")[0] for h in view.header[1:]]
    lines.append("  " + pad("", label_width) + "".join(" " * max(1, 10 - width(h)) + h for h in short))
    for i, row in enumerate(view.rows):
        if i in view.headings:
            lines.append("  " + row[0])
            continue
        lines += block([row[0]], [label_width], "".join(f"{v:>10}" for v in row[1:]))
    return "\n".join(lines)

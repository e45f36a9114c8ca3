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
        rows = [
            [f"{_short(row.label)} {row.english}"] + [_cell(report, f"{table.id}.{row.id}.{c.id}") for c in cols]
            for row in table.rows
        ]
        views.append(TableView(title, header, rows))
    return views


def _short(label: str) -> str:
    """A row label without its parenthetical instructions (（区分处理的，只计这一情形…）)."""
    return re.sub(r"[（(][^）)]{6,}[）)]$", "", label)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def as_text(view: TableView, label_width: int = 64) -> str:
    """A plain-text rendering with CJK-aware padding; long labels are cut."""

    def fit(text: str, n: int) -> str:
        out = ""
        for ch in text:
            if width(out + ch) > n:
                break
            out += ch
        return out + " " * (n - width(out))

    lines = [view.title]
    if view.long:
        for label, col, value in view.rows:
            lines.append(f"  {fit(label, label_width)} {fit(col, 36)} {value:>10}")
        return "\n".join(lines)
    short = [h.split(" ")[0] for h in view.header[1:]]
    lines.append("  " + fit("", label_width) + "".join(" " * max(1, 10 - width(h)) + h for h in short))
    for row in view.rows:
        lines.append("  " + fit(row[0], label_width) + "".join(f"{v:>10}" for v in row[1:]))
    return "\n".join(lines)

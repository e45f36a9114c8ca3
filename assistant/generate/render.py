"""A report's document in TXT, Markdown or HTML: its prose, and its tables as the standard form prints them."""

from __future__ import annotations

import html
from collections.abc import Mapping

from assistant.domain import numbers, schema
from assistant.domain.numbers import Number

# Table 3's head: the six applicant columns and the total.
_APPLICANTS = tuple(c.label for c in schema.APPLICANTS)


def _rows(layout: schema.Layout, table_id: str, values: Mapping[str, Number]) -> list[list[str]]:
    """The table as rows of cells, head first (table 4: its head, then its 15 numbers on one line)."""
    table = layout.table(table_id)
    out: list[list[str]] = []
    if table.flat:
        out.append(["行政复议", "行政诉讼"])
        out.append([c.label for c in table.rows[0].columns] * len(table.rows))
        out.append([numbers.exact(values[a]) for a in table.addresses()])
        return out
    if table_id == "requests":
        out.append(["", *_APPLICANTS])
    head: tuple[str, ...] = ()
    for row in table.rows:
        cols = tuple(c.label for c in row.columns)
        if table_id == "proactive" and cols != head:
            out.append(["信息内容", *cols])
            head = cols
        out.append([row.label, *(numbers.exact(values[f"{table.id}.{row.id}.{c.id}"]) for c in row.columns)])
    return out


def _table_txt(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


def _table_md(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


def _table_html(rows: list[list[str]]) -> str:
    cells = ("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return '<table border="1">\n' + "\n".join(cells) + "\n</table>"


def tables(layout: schema.Layout, values: Mapping[str, Number], fmt: str) -> str:
    """Sections 二 to 四 with their tables, in the format ``fmt`` (txt, md or html)."""
    table = {"txt": _table_txt, "md": _table_md, "html": _table_html}[fmt]
    parts = []
    for section in ("proactive", "requests", "appeals"):
        heading = schema.SECTION_BY_ID[section].heading
        parts.append(paragraph(heading, fmt) + "\n\n" + table(_rows(layout, section, values)))
    return "\n\n".join(parts)


def paragraph(text: str, fmt: str) -> str:
    if fmt != "html":
        return text
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())


def document(title: str, before: str, tables_text: str, after: str, fmt: str) -> str:
    """The whole file: title, the prose before the tables, the tables, the prose after them."""
    if fmt == "md":
        return f"# {title}\n\n{before}\n\n{tables_text}\n\n{after}\n"
    if fmt == "html":
        return (
            f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"</head>\n<body>\n<h1>{html.escape(title)}</h1>\n{paragraph(before, fmt)}\n{tables_text}\n"
            f"{paragraph(after, fmt)}\n</body></html>\n"
        )
    return f"{title}\n\n{before}\n\n{tables_text}\n\n{after}\n"

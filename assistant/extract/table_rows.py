"""Each table row of a report as one searchable sentence: its table, its row, its columns and values.

``2024 平潭综合实验区管委会 政府信息公开行政复议、行政诉讼情况 行政复议 结果维持 2 结果纠正 1 其他结果 3 尚未审结 1
总计 7``: the figures come from the record (so the glued digits of crawler text read as they were
split), the labels as the document prints them where it does (``1.申请人无正当理由逾期不补正``), with
the sub-heading of table 2 (``第二十条第（一）项``) and, in the old statistics table, the unit
(``行政复议数 件``). The passage points at the row in the text (its first cell's offset), and its
``address`` is the row's (``appeals.review``), so a hit on it cites the table.
"""

from __future__ import annotations

import re

from assistant.domain import numbers, schema
from assistant.domain.record import Figure, Passage, Report

KIND = "table_row"
_ARTICLE_ITEM = re.compile(r"第\s*二\s*十\s*条\s*第\s*[(（]\s*[一二三四五六七八九十]+\s*[)）]\s*项")
_LOOK_BACK = 400  # characters before a row in which table 2's sub-heading is looked for
_MAX_ROW_CHARS = 200  # a row's span in the text (crawler text may print a whole table on one line)


def layout_of(report: Report) -> schema.Layout | None:
    """The layout whose tables hold the report's figures: its standard one, or the old statistics table."""
    if report.layout:
        return schema.LAYOUTS[report.layout]
    return schema.LEGACY if any(a.startswith("legacy.") for a in report.figures) else None


def row_passages(report: Report, section_at=lambda offset: None) -> list[Passage]:
    """One passage per table row that has a figure with a value, in table order.

    ``section_at(offset)``: the section a row printed there belongs to (default: the table's own).
    """
    layout = layout_of(report)
    if layout is None:
        return []
    out: list[Passage] = []
    for table in layout.tables:
        for row in table.rows:
            cells = [(c, report.figures.get(f"{table.id}.{row.id}.{c.id}")) for c in row.columns]
            given = [(c, f) for c, f in cells if f is not None and f.value is not None]
            if not given:
                continue
            out.append(_row_passage(report, table, row, given, section_at))
    return out


def _row_passage(
    report: Report,
    table: schema.Table,
    row: schema.Row,
    given: list[tuple[schema.Column, Figure]],
    section_at,
) -> Passage:
    offsets = [f.source.offset for _, f in given if f.source and f.source.offset is not None]
    start = min(offsets) if offsets else 0
    line_end = report.text.find("\n", start)
    end = min(len(report.text) if line_end < 0 else line_end, start + _MAX_ROW_CHARS)
    printed = next((f.source.label for _, f in given if f.source and f.source.label), "") or row.label
    words = [str(report.year) if report.year else "", report.agency, table.label]
    if table.id == "proactive" and offsets:
        item = list(_ARTICLE_ITEM.finditer(report.text, max(0, start - _LOOK_BACK), start))
        if item:
            words.append(re.sub(r"\s", "", item[-1].group()))
    words.append(printed)
    if isinstance(row, schema.LegacyRow):
        after = report.text[start + len(printed) : start + len(printed) + 1] if offsets else ""
        words.append(after if after in row.units else row.units[0])
    label_shown = len(row.columns) > 1 or table.id != "proactive"
    for column, figure in given:
        words += [column.label] if label_shown else []
        words.append(numbers.exact(figure.value))
    page = next((f.source.page for _, f in given if f.source and f.source.page), None)
    section = section_at(start) or ("statistics" if table.id == "legacy" else table.id)
    return Passage(section, " ".join(w for w in words if w), start, max(start, end), page, KIND, f"{table.id}.{row.id}")

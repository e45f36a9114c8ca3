"""Answers read from one report's figures: the exact cell(s), or plainly that the report lacks them."""

from __future__ import annotations

from assistant.answer.answer import Answer, AnswerKind, capitalized, figure_citation, number, who
from assistant.answer.measures import ColumnChoice, Measure, match_column
from assistant.domain import numbers, schema, vocabulary
from assistant.domain.record import Figure, Report

UNITS = {"requests": ("requests", "件"), "appeals": ("cases", "件"), "proactive": ("", "件"), "legacy": ("", "")}
# Readings easily confused with the one taken: the answer names the other and gives its figure.
COUNTERPARTS = {
    "requests.carried_forward": "requests.carried_over",
    "requests.carried_over": "requests.carried_forward",
}


def _legacy_cell(report: Report, measure: Measure) -> str | None:
    """A pre-2019 report's statistics-table cell (this year) that counts what the measure counts."""
    row = schema.LEGACY_COUNTERPARTS.get(measure.key)
    address = f"{schema.LEGACY_TABLE.id}.{row}.this_year"
    return address if not report.layout and row and address in report.figures else None


def layout_of(report: Report) -> schema.Layout:
    """The layout whose labels name the report's figures (the old statistics table before 2019)."""
    return schema.LAYOUTS[report.layout] if report.layout else schema.LEGACY


def addresses(report: Report, measure: Measure, column: ColumnChoice) -> list[str]:
    """The report's cells that make up the measure in the chosen column(s)."""
    legacy = _legacy_cell(report, measure)
    if legacy:
        return [legacy] if column.ids == ("total",) else []
    out = []
    for row in measure.rows:
        for col in column.ids:
            address = f"{measure.table}.{row}.{col}"
            if address in report.figures:
                out.append(address)
    return out


def columns_of(report: Report, measure: Measure) -> tuple[str, ...]:
    if measure.table == schema.LEGACY_TABLE.id:
        return () if report.layout else tuple(c.id for c in schema.LEGACY_COLUMNS)
    if not report.layout:  # the old table counts totals only
        return ("total",) if _legacy_cell(report, measure) else ()
    layout = schema.LAYOUTS[report.layout]
    for row in layout.table(measure.table).rows:
        if row.id in measure.rows:
            return tuple(c.id for c in row.columns)
    return ()


def value_of(report: Report, cells: list[str]) -> tuple[float | int | None, list[str]]:
    """The sum of the cells, or None with the cells the report does not give."""
    missing = [a for a in cells if report.value(a) is None]
    if missing or not cells:
        return None, missing
    return numbers.total(report.value(a) for a in cells), []  # type: ignore[misc]


def _label(report: Report, address: str) -> str:
    zh, _ = schema.figure_label(layout_of(report), address)
    return zh


def _english(report: Report, address: str) -> str:
    return schema.figure_label(layout_of(report), address)[1]


def unit_of(measure: Measure, column: ColumnChoice, lang: str, value: float | int) -> str:
    """The unit a figure of the measure's column is counted in (万元 for fees, 件 or "requests" for counts)."""
    if measure.table == "proactive" and "amount_10k_yuan" in column.ids:
        return "×10,000 yuan" if lang == "en" else "万元"
    en, zh = UNITS[measure.table]
    return zh if lang == "zh" else en[:-1] if value == 1 and en else en


def answer_figure(
    question: str, report: Report, measure: Measure, lang: str, column: ColumnChoice | None = None
) -> Answer:
    """The figure the question names, in one report, with its cell as citation."""
    columns = columns_of(report, measure)
    if not columns:
        return _no_tables(report, measure, lang)
    column = column or match_column(question, measure, columns)
    if not column.ids:
        return _no_such_column(report, measure, lang)
    cells = addresses(report, measure, column)
    value, missing = value_of(report, cells)
    name_en = measure.english + (f", {column.english}" if column.explicit else "")
    name_zh = measure.chinese + (f"（{column.chinese}）" if column.explicit else "")
    if measure.key in schema.LEGACY_COUNTERPARTS and not report.layout:  # the old table's row counting the same
        row = schema.LEGACY_TABLE.row(schema.LEGACY_COUNTERPARTS[measure.key])
        name_en, name_zh = f"{row.english} (the statistics table before 2019)", f"{row.label}（2019年以前的统计表）"
    if value is None:
        return _missing(report, measure, missing or cells, name_en, name_zh, lang)
    figs = [report.figures[a] for a in cells]
    if any(f.uncertain for f in figs):
        return _unsure(report, [f for f in figs if f.uncertain], name_en, name_zh, lang)
    citations = [
        figure_citation(report, f, _label(report, f.address), lang) for f in figs if f.value != 0 or len(figs) == 1
    ][:6] or [figure_citation(report, figs[0], _label(report, figs[0].address), lang)]
    unit = unit_of(measure, column, lang, value)
    printed = ""
    if "amount_10k_yuan" in column.ids and vocabulary.asks("in_yuan").search(question):  # asked in plain yuan
        printed = (
            f" ({number(value, lang)} {unit} as printed)"
            if lang == "en"
            else f"（表中印为{number(value, lang)}{unit}）"
        )
        value, unit = numbers.convert(value, "万元", "元"), "yuan" if lang == "en" else "元"
    shown = number(value, lang)
    if lang == "en":
        text = (
            f"{shown} {unit}".strip() + printed + f" — {name_en}, according to {who(report.agency, report.year, lang)}."
        )
        if len(cells) > 1:
            text += (
                " This adds up: "
                + "; ".join(f"{_english(report, a)} ({_label(report, a)}) {number(report.value(a))}" for a in cells)
                + "."
            )
    else:
        text = f"{who(report.agency, report.year, lang)}：{name_zh}为{shown}{unit}{printed}。"
        if len(cells) > 1:
            text += "合计自：" + "；".join(f"{_label(report, a)} {number(report.value(a), lang)}" for a in cells) + "。"
    text += _caveats(figs, lang) + _counterpart(report, measure, column, lang)
    return Answer(text, value, AnswerKind.FIGURE, lang, citations)


def _unsure(report: Report, figs: list[Figure], name_en: str, name_zh: str, lang: str) -> Answer:
    """A figure this copy does not print legibly is not given: the readings its digits allow are offered."""
    readings = [r for f in figs for r in f.alternatives if r is not None]
    shown = (", " if lang == "en" else "、").join(number(r, lang) for r in dict.fromkeys(readings))
    if lang == "en":
        text = (
            f"{capitalized(who(report.agency, report.year, lang))} prints {name_en}, but the digits of this copy "
            f"allow several readings ({shown}), so I give none as the figure."
        )
    else:
        text = (
            f"{who(report.agency, report.year, lang)}印有{name_zh}，"
            f"但该副本的数字可有多种读法（{shown}），因此不给出数字。"
        )
    cites = [figure_citation(report, f, _label(report, f.address), lang) for f in figs[:2]]
    return Answer(text, None, AnswerKind.NOT_FOUND, lang, cites, illegible=True)


def _caveats(figs, lang: str) -> str:
    notes = []
    for f in figs:
        if f.uncertain:
            notes.append(("Uncertain: " if lang == "en" else "存疑：") + f.note)
        elif f.derived:
            notes.append(
                "Not printed in the table; derived from its arithmetic."
                if lang == "en"
                else "表中未印出，由勾稽关系推出。"
            )
    return (" " + " ".join(dict.fromkeys(notes))) if notes else ""


def _counterpart(report: Report, measure: Measure, column: ColumnChoice, lang: str) -> str:
    other_key = COUNTERPARTS.get(measure.key)
    if not other_key:
        return ""
    from assistant.answer.measures import measures

    other = next(m for m in measures() if m.key == other_key)
    value, _ = value_of(report, addresses(report, other, column))
    if lang == "en":
        return (
            f" (Read as “{measure.english}” ({measure.chinese}); the other reading, {other.english} "
            f"({other.chinese}), is {number(value)}.)"
        )
    return f"（按“{measure.chinese}”理解；另一种理解“{other.chinese}”为{number(value, lang)}。）"


def _missing(report: Report, measure: Measure, cells: list[str], name_en: str, name_zh: str, lang: str) -> Answer:
    table = layout_of(report).table(measure.table if report.layout else schema.LEGACY_TABLE.id)
    whole = all(report.value(a) is None for a in table.addresses())
    if lang == "en":
        text = (
            f"The report does not give this figure: {name_en} is missing from {who(report.agency, report.year, lang)}"
        )
        text += f" (table “{table.label}” carries no figures)." if whole else f" ({', '.join(cells)})."
    else:
        text = f"报告未给出该数字：{who(report.agency, report.year, lang)}中缺少{name_zh}"
        text += f"（“{table.label}”表没有数字）。" if whole else f"（{'、'.join(cells)}）。"
    return Answer(text, None, AnswerKind.NOT_FOUND, lang, [])


def _no_such_column(report: Report, measure: Measure, lang: str) -> Answer:
    """The 2019 layout's fee row counts fee items; it has no amount."""
    layout = schema.LAYOUTS[report.layout]
    row = layout.table(measure.table).row(measure.rows[0])
    given = "; ".join(
        f"{c.english} {number(report.value(f'{measure.table}.{row.id}.{c.id}'), lang)}" for c in row.columns
    )
    if lang == "en":
        text = (
            f"{capitalized(who(report.agency, report.year, lang))} uses the {layout.english}, whose row "
            f"“{row.label}” gives no amount; it gives {given}."
        )
    else:
        text = (
            f"{who(report.agency, report.year, lang)}采用{layout.english}，“{row.label}”一行没有金额，只有：{given}。"
        )
    return Answer(text, None, AnswerKind.NOT_FOUND, lang, [])


def _no_tables(report: Report, measure: Measure, lang: str) -> Answer:
    if report.layout:  # a row only the old statistics table has (requests by e-mail, staff …)
        layout = schema.LAYOUTS[report.layout]
        if lang == "en":
            text = (
                f"{capitalized(who(report.agency, report.year, lang))} uses the {layout.english}, which has no "
                f"figure for {measure.english}: only the statistics tables before 2019 counted it."
            )
        else:
            text = (
                f"{who(report.agency, report.year, lang)}采用{layout.english}，"
                f"没有“{measure.chinese}”这一项（只有2019年以前的统计表有）。"
            )
        return Answer(text, None, AnswerKind.NOT_FOUND, lang, [])
    if lang == "en":
        text = (
            f"{capitalized(who(report.agency, report.year, lang))} predates the standard statistical tables "
            f"(introduced for 2019 reports), so it gives no figure for {measure.english}."
        )
    else:
        text = f"{who(report.agency, report.year, lang)}早于标准统计表（2019年起），没有“{measure.chinese}”这一数字。"
    return Answer(text, None, AnswerKind.NOT_FOUND, lang, [])

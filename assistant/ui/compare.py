"""The Compare tab: an agency's two years, or any two reports, side by side.

It shows the paragraph (English and Chinese), every figure with its change coloured, the figures the
layouts do not share, the cross-year carry-over check, each section's sentences added, removed and
kept, and a chart of the agency's main figures over all its years. Everything from a report is
escaped (:func:`assistant.ui.render.esc`)."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from assistant.compare.corpus import by_agency
from assistant.compare.render import cell, percent, share, signed
from assistant.compare.summary import HEADLINE, Comparison, compare_reports, paragraph
from assistant.domain import schema
from assistant.domain.names import agency_key
from assistant.ui import data
from assistant.ui.render import esc, note_html
from assistant.ui.service import Service

UP, DOWN = "#1b5e20", "#b71c1c"
ADDED, REMOVED = "background:#e6f4ea", "background:#fdecea;text-decoration:line-through"


def agencies(service: Service) -> dict[str, list[int]]:
    """Every agency of the store with the years it has a report for."""
    return {k: [r.year for r in refs if r.year] for k, refs in by_agency(service.store).items()}


def _report_of(service: Service, agency: str, year: str):  # -> Report | None
    ref = next((r for r in by_agency(service.store).get(agency, []) if str(r.year) == str(year)), None)
    return service.report(ref.id) if ref else None


# ---------------------------------------------------------------- HTML
def _change_style(value: int | float | None) -> str:
    if not value:
        return ""
    return f" style='color:{UP if value > 0 else DOWN};font-weight:600'"


def figures_html(c: Comparison) -> str:
    if not c.figures:
        return note_html(
            "没有可比较的标准统计表数字。No standard-table figures to compare (reports before 2019 have none)."
        )
    head = (
        "<tr><th>项目 item</th><th>地址 address</th>"
        f"<th>A {esc(c.a.year)}</th><th>B {esc(c.b.year)}</th><th>变化 change</th><th>%</th></tr>"
    )
    rows = []
    for f in c.figures:
        style = _change_style(f.change)
        rows.append(
            f"<tr><th class='row'>{esc(f.label_zh)}<br><small>{esc(f.label_en)}</small></th>"
            f"<td class='text'><code>{esc(f.address)}</code></td>"
            f"<td{'' if f.a is not None else ' class=missing'}>{esc(cell(f.a))}</td>"
            f"<td{'' if f.b is not None else ' class=missing'}>{esc(cell(f.b))}</td>"
            f"<td{style}>{esc(signed(f.change))}</td><td{style}>{esc(percent(f.pct))}</td></tr>"
        )
    apart = ""
    if c.not_comparable:
        items = "".join(
            f"<li>{esc(n.side.upper())}: <code>{esc(n.address)}</code> {esc(n.label_zh)} = {esc(cell(n.value))}"
            f" — {esc(n.reason)}</li>"
            for n in c.not_comparable
        )
        apart = (
            f"<details><summary>不可比的数字 Figures not comparable ({len(c.not_comparable)})</summary>"
            f"<ul>{items}</ul></details>"
        )
    table = f"<table class='figs' id='compare-table'>{head}{''.join(rows)}</table>"
    return f"<div class='table-wrap' style='max-height:34rem;overflow-y:auto'>{table}</div>{apart}"


def cross_year_html(c: Comparison) -> str:
    x = c.cross_year
    if not x.applies:
        return note_html("两份报告不是相邻年度，不做跨年核对。The years are not consecutive: no carry-over check.")
    verdict = {True: "相符 holds", False: "不符 does not hold", None: "无法核对 cannot be checked"}[x.holds]
    names = {col.id: f"{col.label} {col.english}" for col in schema.APPLICANTS}
    rows = "".join(
        f"<tr><th class='row'>{esc(names[col.column])}</th><td>{esc(cell(col.carried_forward))}</td>"
        f"<td>{esc(cell(col.carried_over))}</td>"
        f"<td{_change_style(None if col.holds is None else (1 if col.holds else -1))}>"
        f"{esc({True: '✓', False: '✗', None: '—'}[col.holds])}</td></tr>"
        for col in x.columns
    )
    return (
        f"<div class='ui-note'>跨年核对 Cross-year check: <b>{esc(verdict)}</b></div>"
        f"<table class='figs'><tr><th>申请人 applicant</th><th>{esc(c.a.year)} 结转下年度 carried forward</th>"
        f"<th>{esc(c.b.year)} 上年结转 carried over</th><th></th></tr>{rows}</table>"
    )


def text_html(c: Comparison) -> str:
    blocks = []
    for s in c.sections:
        sec = schema.SECTION_BY_ID.get(s.id)
        name = f"{sec.heading} · {sec.english}" if sec else s.id
        marks = {"added": f"<ins style='{ADDED}'>＋ ", "removed": f"<del style='{REMOVED}'>－ ", "kept": "<span>＝ "}
        ends = {"added": "</ins>", "removed": "</del>", "kept": "</span>"}
        lines = "".join(f"<div class='diff-{op}'>{marks[op]}{esc(text)}{ends[op]}</div>" for op, text in s.ops)
        blocks.append(
            f"<details class='hit-full'><summary>{esc(name)}: 新增 added {len(s.added)} · 删去 removed "
            f"{len(s.removed)} · 保留 kept {len(s.kept)} · 逐字沿用 reused {esc(share(s.reused_share))}</summary>"
            f"{lines}</details>"
        )
    return "".join(blocks) or note_html("两份报告都没有可比较的正文。Neither report has sections to compare.")


def summary_html(c: Comparison) -> str:
    return f"<div class='summary'><p>{esc(paragraph(c, 'en'))}</p><p>{esc(paragraph(c, 'zh'))}</p></div>"


def trend_frame(service: Service, agency: str) -> pd.DataFrame:
    """The agency's main figures over all its years in the corpus: (year, figure, count)."""
    rows = []
    for ref in by_agency(service.store).get(agency, []):
        report = service.report(ref.id) if ref.layout else None
        for m in HEADLINE if report else ():
            v = m.value(report)
            if v is not None:
                rows.append({"year": str(ref.year), "figure": f"{m.zh} {m.en}", "count": v})
    return pd.DataFrame(rows, columns=["year", "figure", "count"])


def outputs(service: Service, a, b) -> list[Any]:  # (Report | None, Report | None)
    if a is None or b is None:
        msg = note_html("请选择两份报告。Pick two reports.")
        return [msg, "", "", "", pd.DataFrame(columns=["year", "figure", "count"])]
    c = compare_reports(a, b)
    return [
        summary_html(c),
        figures_html(c),
        cross_year_html(c),
        text_html(c),
        trend_frame(service, agency_key(a.agency)),
    ]


# ---------------------------------------------------------------- the tab
def pickers(service: Service) -> list[Any]:
    """The Compare tab's pickers as the page opens: every agency (the one with the most years with tables
    chosen) and its last two years, and every report twice."""
    known = agencies(service)
    tabled = {k: sum(bool(r.layout) for r in refs) for k, refs in by_agency(service.store).items()}
    first = max(known, key=lambda k: (tabled[k], len(known[k])), default=None)  # the most years with tables
    years = [str(y) for y in known.get(first, [])] if first else []
    reports = service.report_choices()
    return [
        gr.Dropdown(choices=[(data.agency_label(k), k) for k in known], value=first),
        gr.Dropdown(choices=years, value=years[-2] if len(years) > 1 else None),
        gr.Dropdown(choices=years, value=years[-1] if years else None),
        gr.Dropdown(choices=reports),
        gr.Dropdown(choices=reports),
    ]


def compare_tab(service: Service) -> list[gr.Dropdown]:
    """The tab, with its pickers empty: the page fills them when it opens (:func:`pickers`), so the app's
    configuration, which Gradio copies for every session, does not list the whole corpus five times."""
    with gr.Tab("比较 Compare", id="compare"):
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab("按机关和年度 By agency and years", id="compare-by-agency"):
                with gr.Row():
                    agency = gr.Dropdown(label="机关 Agency", choices=[], elem_id="compare-agency", scale=3)
                    year_a = gr.Dropdown(label="年度 A Year A", choices=[], elem_id="compare-year-a")
                    year_b = gr.Dropdown(label="年度 B Year B", choices=[], elem_id="compare-year-b")
                    go = gr.Button("比较 Compare", variant="primary", elem_id="compare-go")
            with gr.Tab("按报告 By reports", id="compare-by-report"):
                with gr.Row():
                    report_a = gr.Dropdown(label="报告 A Report A", choices=[], scale=3)
                    report_b = gr.Dropdown(label="报告 B Report B", choices=[], scale=3)
                    go_reports = gr.Button("比较 Compare", variant="primary", elem_id="compare-go-reports")
        summary = gr.HTML(elem_id="compare-summary")
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab("数字 Figures", id="compare-figures-tab"):
                figures = gr.HTML(elem_id="compare-figures")
            with gr.Tab("跨年核对 Cross-year check", id="compare-cross-tab"):
                cross = gr.HTML(elem_id="compare-cross")
            with gr.Tab("正文差异 Text differences", id="compare-text-tab"):
                text = gr.HTML(elem_id="compare-text")
        trend = gr.LinePlot(
            x="year",
            y="count",
            color="figure",
            title="历年主要数字 Main figures over the years",
            x_title="年度 year",
            y_title="件数 count",
            height=380,
            elem_id="compare-trend",
        )
        shown = [summary, figures, cross, text, trend]

        def pick_agency(name: str) -> tuple[Any, Any]:
            ys = [str(y) for y in agencies(service).get(name, [])]
            return (
                gr.Dropdown(choices=ys, value=ys[-2] if len(ys) > 1 else None),
                gr.Dropdown(choices=ys, value=ys[-1] if ys else None),
            )

        def by_years(name: str, ya: str, yb: str) -> list[Any]:
            return outputs(service, _report_of(service, name, ya), _report_of(service, name, yb))

        def by_reports(ra: str, rb: str) -> list[Any]:
            return outputs(service, service.report(ra), service.report(rb))

        private = {"api_visibility": "private"}
        agency.change(pick_agency, agency, [year_a, year_b], **private)
        go.click(by_years, [agency, year_a, year_b], shown, **private)
        go_reports.click(by_reports, [report_a, report_b], shown, **private)
    return [agency, year_a, year_b, report_a, report_b]

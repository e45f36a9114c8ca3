"""Escaped HTML for everything the app shows that comes from a report.

Every string from a report (titles, passages, labels, summaries, warnings) goes through :func:`esc`
before it reaches the page, so a report carrying ``<script>`` shows it as text. The HTML is written
on one line per block with no blank lines, so the chat's Markdown renderer passes it through as is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from assistant.answer import Answer
from assistant.answer.answer import AnswerKind
from assistant.domain import schema
from assistant.domain.record import Citation, Report, Warning, WarningKind
from assistant.present.terminal import TableView
from assistant.search.searcher import Hit, QueryWarning, highlight_html
from assistant.summarize import Summary
from assistant.summarize.render import summary_body

KIND_LABELS = {
    AnswerKind.FIGURE: "表格数字 · figure from the report's table",
    AnswerKind.AGGREGATE: "由数字计算 · computed from the reports' figures",
    AnswerKind.PASSAGE: "正文段落 · from the report's text",
    AnswerKind.NOT_FOUND: "未找到 · not found",
}
LONG_SPAN = 700  # at most this much of a cited span is highlighted
CONTEXT = 240  # characters of context shown either side of a cited span


def esc(value: object) -> str:
    """HTML-escaped text (quotes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def _lines(text: str) -> str:
    """Escaped text with line breaks as <br> (no raw newlines: a blank line would end the chat's HTML block)."""
    text = re.sub(r"\n\s*\n+", "\n", text)
    return esc(text).replace("\n", "<br>")


def _marked(before: str, marked: str, after: str) -> str:
    return f"{_lines(before)}<mark>{_lines(marked)}</mark>{_lines(after)}"


def section_name(section_id: str) -> str:
    sec = schema.SECTION_BY_ID.get(section_id)
    return f"{sec.heading} · {sec.english}" if sec else section_id


# ---------------------------------------------------------------- where a citation points
def where(cite: Citation) -> str:
    """Bilingual page and line of a citation: 第5页 p. 5 · 第78行 line 78 (what it knows of them)."""
    page = f"第{cite.page}页 p. {cite.page}" if cite.page else ""
    line = f"第{cite.line}行 line {cite.line}" if cite.line else ""
    return " · ".join(x for x in (page, line) if x)


def _around(text: str, start: int, end: int, lines: int, most: int) -> tuple[int, int]:
    """Bounds of ``lines`` lines of context either side of [start, end), at most ``most`` characters each."""
    lo = start
    for _ in range(lines + 1):
        lo = text.rfind("\n", 0, max(0, lo - 1)) + 1 if lo > 0 else 0
    hi = end
    for _ in range(lines + 1):
        nxt = text.find("\n", min(len(text), hi + 1))
        hi = len(text) if nxt < 0 else nxt
    return max(lo, start - most), min(hi, end + most)


def citation_window(report: Report | None, cite: Citation, row: bool = True) -> tuple[str, str, str]:
    """(before, cited, after): the cited span of the report's text with a little context around it.

    ``row``: the citation is a table row (one line of context either side) rather than a sentence of
    a passage (the passage around it). A figure's citation already spans its own row, also in a report
    printed on one line; a span longer than LONG_SPAN is shown up to LONG_SPAN characters."""
    if report is None or cite.start is None or cite.end is None or not report.text:
        text = cite.text or ""
        return "", text[:LONG_SPAN] + ("…" if len(text) > LONG_SPAN else ""), ""
    text, start, end = report.text, max(0, cite.start), min(len(report.text), cite.end)
    end = min(end, start + LONG_SPAN)
    lo, hi = _around(text, start, end, 1, 160) if row else _around(text, start, end, 3, CONTEXT)
    before = ("…" if lo > 0 else "") + text[lo:start].lstrip("\n")
    after = text[end:hi].rstrip("\n") + ("…" if hi < len(text) else "")
    return before, text[start:end], after


def citation_html(n: int, cite: Citation, report: Report | None, row: bool = True, open_: bool = False) -> str:
    """One citation as a <details>: the summary names it; opened, it shows the span highlighted."""
    loc = where(cite)
    title = cite.title or (report.title if report else "") or cite.report_id
    before, marked, after = citation_window(report, cite, row)
    summary = (
        f'<span class="cite-n">[{n}]</span> <span class="cite-label">{esc(cite.label)}</span>'
        f' <span class="cite-where">· {esc(title)}{" · " + esc(loc) if loc else ""}</span>'
    )
    body = (
        f'<div class="cite-title">{esc(title)}</div>'
        f'<div class="cite-meta">报告 report: <code>{esc(cite.report_id)}</code>'
        f"{' · ' + esc(loc) if loc else ''}</div>"
        f'<div class="cite-text">{_marked(before, marked, after)}</div>'
    )
    return f'<details class="cite"{" open" if open_ else ""}><summary>{summary}</summary>{body}</details>'


def answer_html(answer: Answer, resolve: Callable[[str], Report | None]) -> str:
    """A chat answer: the answer, its kind, and its citations (click one to open its source)."""
    parts = [
        f'<div class="answer"><div class="answer-text">{_lines(answer.answer)}</div>',
        f'<div class="answer-kind">{esc(KIND_LABELS.get(answer.kind, answer.kind))}</div>',
    ]
    if answer.citations:
        parts.append(
            f'<div class="sources"><div class="sources-head">来源 Sources ({len(answer.citations)}) · '
            "点击打开原文 click one to open the passage</div>"
        )
        row = answer.kind in (AnswerKind.FIGURE, AnswerKind.AGGREGATE)
        parts += [citation_html(i, c, resolve(c.report_id), row) for i, c in enumerate(answer.citations, 1)]
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def error_html(message: str) -> str:
    return f'<div class="ui-error">{_lines(message)}</div>'


def note_html(message: str) -> str:
    return f'<div class="ui-note">{_lines(message)}</div>'


# ---------------------------------------------------------------- search hits
def _snippet(text: str, spans: Sequence[tuple[int, int]], width: int = 130, most: int = 3) -> str:
    """The passage around its first matches, escaped, matches in <mark>; the whole passage when short."""
    if len(text) <= 2 * width + 100:
        return highlight_html(text, spans).replace("\n", "<br>")
    windows: list[list[int]] = []
    for s, e in list(spans)[:most] or [(0, 0)]:
        lo, hi = max(0, s - width), min(len(text), e + width)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(hi, windows[-1][1])
        else:
            windows.append([lo, hi])
    out = []
    for lo, hi in windows:
        inner = [(max(s, lo) - lo, min(e, hi) - lo) for s, e in spans if s < hi and e > lo]
        out.append(("…" if lo > 0 else "") + highlight_html(text[lo:hi], inner) + ("…" if hi < len(text) else ""))
    return " ".join(out).replace("\n", " ")


def facets_html(facets: Mapping[str, Sequence[tuple[str | int, int]]]) -> str:
    """Hit counts by year, agency, region and section."""
    names = {"year": "年度 Year", "agency": "机关 Agency", "region": "地区 Region", "section": "部分 Section"}
    rows = []
    for facet, values in facets.items():
        if not values:
            continue
        shown = " · ".join(
            f"{esc(section_name(str(v)) if facet == 'section' else str(v))} <b>{n}</b>" for v, n in values
        )
        rows.append(f"<tr><th>{esc(names.get(facet, facet))}</th><td>{shown}</td></tr>")
    return f'<table class="meta facets">{"".join(rows)}</table>' if rows else ""


def hits_html(
    query: str,
    hits: Iterable[Hit],
    terms: Sequence[str],
    warnings: Iterable[QueryWarning] = (),
    facets: Mapping[str, Sequence[tuple[str | int, int]]] | None = None,
    link: str = "",
) -> str:
    hits = list(hits)
    head = (
        f'<div class="hits-head">{len(hits)} 条结果 results for “{esc(query)}”'
        f" · 检索词 terms: {esc(' '.join(terms)) or '—'}"
        + (f' · <a href="{esc(link)}" class="search-link">本次检索的链接 link to this search</a>' if link else "")
        + "</div>"
    )
    head += "".join(f'<div class="ui-note search-warning">{esc(w.message)}</div>' for w in warnings)
    if not hits:
        return head + note_html(
            "没有匹配的段落。换个说法或放宽筛选条件。\nNo passage matches: try other words or fewer filters."
        )
    items = []
    for h in hits:
        meta = " · ".join(
            x
            for x in (
                h.agency,
                h.region,
                f"{h.year}年" if h.year else "",
                section_name(h.section),
                f"表格单元格 table cell {h.cell}" if h.cell else "",
                f"第{h.page}页 p. {h.page}" if h.page else "",
                f"score {h.score:.2f}",
                h.also_as,
            )
            if x
        )
        full = (
            f'<details class="hit-full"><summary>全文 whole passage ({len(h.text)} 字 chars)</summary>'
            f'<div class="cite-text">{h.html().replace(chr(10), "<br>")}</div></details>'
            if len(h.text) > 400
            else ""
        )
        items.append(
            f'<li class="hit"><div class="hit-title">{esc(h.title)} <code>{esc(h.report_id)}</code></div>'
            f'<div class="hit-meta">{esc(meta)}</div><div class="hit-text">{_snippet(h.text, h.matches)}'
            f"</div>{full}</li>"
        )
    return head + '<ol class="hits">' + "".join(items) + "</ol>" + facets_html(facets or {})


# ---------------------------------------------------------------- one report
def report_meta_html(report: Report, agency_en: str = "") -> str:
    missing = sum(1 for f in report.figures.values() if f.value is None)
    uncertain = sum(1 for f in report.figures.values() if f.uncertain)
    layout = (
        schema.LAYOUTS[report.layout].english if report.layout else "无标准表格 no standard tables (2018 or earlier)"
    )
    rows = [
        ("标题 Title", report.title),
        ("机关 Agency", report.agency + (f" · {agency_en}" if agency_en else "")),
        ("地区 Region", report.region),
        ("年度 Year", report.year or "—"),
        ("格式 Format", report.format),
        ("表格格式 Layout", layout),
        ("编号 Report id", report.id),
        ("数字 Figures", f"{len(report.figures)} · 缺失 missing {missing} · 存疑 uncertain {uncertain}"),
        ("警告 Warnings", len(report.warnings)),
    ]
    return (
        '<table class="meta">' + "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows) + "</table>"
    )


def summary_html(summary: Summary) -> str:
    """A summary as an escaped HTML fragment for the Reports tab."""
    return f'<div class="summary" lang="{esc(summary.lang)}">{summary_body(summary, level=3)}</div>'


def _cell_class(value: str) -> str:
    if not re.fullmatch(r"[-\d.,]+[?*]*|—", value):
        return ' class="text"'
    if value == "—":
        return ' class="missing" title="缺失 missing"'
    if value.endswith("?") or value.endswith("?*"):
        return ' class="uncertain" title="存疑 uncertain: several readings fit"'
    if value.endswith("*"):
        return ' class="derived" title="由表内算术推出 derived from the table arithmetic"'
    return ""


def tables_html(views: Sequence[TableView]) -> str:
    if not views:
        return note_html(
            "这份报告没有标准统计表（2018年及以前的报告没有）。\n"
            "This report has no standard tables (reports for 2018 and earlier have none)."
        )
    legend = (
        '<div class="legend"><b>—</b> 缺失 missing · <b>?</b> 存疑 uncertain (several readings fit) · '
        "<b>*</b> 由表内算术推出 derived from the table arithmetic</div>"
    )
    out = [legend]
    for v in views:
        head = "".join(f"<th>{esc(h)}</th>" for h in v.header)
        body = "".join(
            f'<tr class="group"><th class="row" colspan="{len(r)}">{esc(r[0])}</th></tr>'
            if i in v.headings
            else "<tr>"
            + f'<th class="row">{esc(r[0])}</th>'
            + "".join(f"<td{_cell_class(c)}>{esc(c)}</td>" for c in r[1:])
            + "</tr>"
            for i, r in enumerate(v.rows)
        )
        out.append(
            f'<h4>{esc(v.title)}</h4><div class="table-wrap"><table class="figs"><thead><tr>{head}</tr>'
            f"</thead><tbody>{body}</tbody></table></div>"
        )
    return "".join(out)


WARNING_GROUPS: tuple[tuple[WarningKind | None, str], ...] = (
    (WarningKind.IDENTITY, "算术关系不成立 Arithmetic that does not hold"),
    (WarningKind.UNCERTAIN, "存疑数字 Uncertain figures"),
    (WarningKind.MISSING, "缺失 Missing figures (as warned by the parser)"),
    (None, "其他 Other notes"),
)


def _warning_list(title: str, items: list[Warning], grouped: bool = True) -> str:
    """The warnings under a heading; a group of one kind shows their messages, the rest kind and message."""
    body = (
        "<ul class='warnings'>" + "".join(f"<li>{esc(w.message if grouped else w)}</li>" for w in items) + "</ul>"
        if items
        else note_html("无 none")
    )
    return f"<h4>{esc(title)} ({len(items)})</h4>{body}"


def warnings_html(report: Report) -> str:
    """The report's arithmetic warnings, its missing figures (labelled), then its other warnings."""
    groups: dict[WarningKind | None, list[Warning]] = {key: [] for key, _ in WARNING_GROUPS}
    for w in report.warnings:
        groups[w.kind if w.kind in groups else None].append(w)
    titles = dict(WARNING_GROUPS)
    out = [_warning_list(titles[WarningKind.IDENTITY], groups[WarningKind.IDENTITY])]
    layout = schema.LAYOUTS.get(report.layout or "")
    missing = (
        [(a, *schema.figure_label(layout, a)) for a, f in report.figures.items() if f.value is None] if layout else []
    )
    out.append(f"<h4>缺失的数字 Missing figures ({len(missing)})</h4>")
    if missing:
        rows = "".join(
            f'<tr><td class="text">{esc(zh)}</td><td class="text">{esc(en)}</td>'
            f'<td class="text"><code>{esc(a)}</code></td></tr>'
            for a, zh, en in missing
        )
        out.append(
            '<div class="table-wrap"><table class="figs"><thead><tr><th>项目</th><th>item</th>'
            f"<th>address</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    else:
        out.append(
            note_html(
                "报告给出了所有标准数字。Every standard figure is given."
                if layout
                else "没有标准表格，因此没有标准数字。No standard tables, so no standard figures."
            )
        )
    out += [
        _warning_list(title, groups[key], key is not None)
        for key, title in WARNING_GROUPS
        if key != WarningKind.IDENTITY
    ]
    return "".join(out)


def text_html(report: Report) -> str:
    return f'<div class="fulltext">{_lines(report.text)}</div>'

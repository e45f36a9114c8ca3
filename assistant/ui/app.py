"""The Gradio app: Ask, Search, Reports, Data, Upload and Compare tabs, plus the /ask and /search API.

``build_app(service)`` returns the Blocks; ``launch(...)`` serves it. Interface text is Chinese and
English side by side; everything that comes from a report is escaped (see :mod:`assistant.ui.render`).
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import signal
from functools import lru_cache
from pathlib import Path
from typing import Any

import gradio as gr
import uvicorn
from fastapi import FastAPI

from assistant import config
from assistant.ui import api, compare, data, render
from assistant.ui.service import UPLOAD_TYPES, Service
from assistant.ui.sessions import share_configs, without_matplotlib

log = logging.getLogger("assistant.ui")

TITLE = "政府信息公开年报助手 · Government Information Disclosure Report Assistant"
INTRO = (
    "中国各级政府机关每年发布《政府信息公开工作年度报告》。在这里用中文或英文提问、检索、阅读摘要、下载数据。"
    "每个回答都注明出处：点击来源即可看到原文。<br>"
    "Every Chinese government agency publishes an annual report on government information disclosure. "
    "Ask questions in Chinese or English, search the reports, read their summaries and download their "
    "figures. Every answer shows where it came from: click a source to see the passage."
)
EXAMPLES = [
    "How many applications were carried forward?",
    "上年结转了多少件申请？",
    "Which bureau received the most requests in 2023?",
    "2024年平潭综合实验区收到多少件申请？",
    "What did Pingtan say about information processing fees?",
    "平潭综合实验区2024年存在哪些主要问题？",
]
UPLOAD_EXAMPLES = [
    "How many applications were carried forward?",
    "本年新收多少件申请？",
    "What problems does the report mention?",
]
ALL = ""  # the "no filter" / "whole corpus" choice

CSS = """
.answer-text { font-size: 1.05rem; line-height: 1.55; }
.answer-kind { opacity: .7; font-size: .85rem; margin: .3rem 0 .5rem; }
.sources-head { font-weight: 600; font-size: .9rem; margin: .4rem 0 .2rem; }
details.cite, details.hit-full { border: 1px solid var(--border-color-primary); border-radius: 6px;
  margin: .3rem 0; padding: .25rem .5rem; background: var(--background-fill-secondary); }
details.cite > summary, details.hit-full > summary { cursor: pointer; font-size: .9rem; }
.cite-n { font-weight: 700; color: var(--color-accent); }
.cite-where { opacity: .7; }
.cite-title { font-weight: 600; margin-top: .4rem; }
.cite-meta { opacity: .75; font-size: .85rem; }
.cite-text { white-space: pre-wrap !important; tab-size: 4; font-size: .9rem; line-height: 1.6; margin: .4rem 0;
  padding: .5rem; border-left: 3px solid var(--color-accent); background: var(--background-fill-primary); }
mark { background: #ffe066; color: #111; padding: 0 .1em; border-radius: 2px; }
.ui-error { border: 1px solid #d9534f; background: #fdecea; color: #8a1f1b; padding: .6rem .8rem; border-radius: 6px;
  white-space: pre-wrap; }
.ui-note { border: 1px solid var(--border-color-primary); padding: .5rem .8rem; border-radius: 6px;
  background: var(--background-fill-secondary); }
.hits-head { font-weight: 600; margin: .3rem 0 .6rem; }
ol.hits { padding-left: 1.6rem; }
li.hit { margin-bottom: .9rem; }
.hit-title { font-weight: 600; }
.hit-meta { opacity: .75; font-size: .85rem; }
.hit-text { margin-top: .2rem; line-height: 1.6; }
table.meta { font-size: .9rem; border: none !important; }
table.meta th, table.meta td { padding: .15rem .6rem; border: none;
  border-bottom: 1px solid var(--border-color-primary); }
table.meta th { text-align: left; white-space: nowrap; vertical-align: top; }
.table-wrap { overflow-x: auto; }
table.figs { border-collapse: collapse; font-size: .85rem; margin-bottom: 1rem; }
table.figs th, table.figs td { border: 1px solid var(--border-color-primary); padding: .2rem .45rem; }
table.figs td { text-align: right; font-variant-numeric: tabular-nums; }
table.figs th.row { text-align: left; font-weight: normal; min-width: 16rem; }
table.figs td.missing { color: #555; background: repeating-linear-gradient(45deg, transparent, transparent 4px,
  rgba(0,0,0,.04) 4px, rgba(0,0,0,.04) 8px); }
table.figs td.uncertain { background: #fff3cd; color: #664d03; }
table.figs td.derived { font-style: italic; }
table.figs td.text { text-align: left; }
.legend { color: var(--body-text-color); font-size: .9rem; margin-bottom: .6rem; padding: .3rem .6rem;
  border: 1px solid var(--border-color-primary); border-radius: 6px; background: var(--background-fill-secondary);
  display: inline-block; }
.legend b { font-weight: 700; }
table.figs tr.group th.row { font-weight: 600; background: var(--background-fill-secondary); }
h1, h2, h3, h4, .prose h1, .prose h2, .prose h3, .prose h4 { font-family: var(--font); }
.summary h3 { margin-top: .2rem; }
.fulltext { white-space: pre-wrap; max-height: 36rem; overflow-y: auto; font-size: .9rem; }
#intro { font-size: .95rem; }
@media (max-width: 640px) {  /* a phone: tables scroll sideways, row labels take less of the width */
  table.figs { font-size: .8rem; }
  table.figs th.row { min-width: 9rem; }
  table.figs th, table.figs td { padding: .15rem .3rem; }
}
#ask-chat label[data-testid="block-label"] { position: static; margin-bottom: .3rem; }  /* above the log, not on it */
#ask-chat .wrapper { display: flex; flex-direction: column; }
#ask-chat .bubble-wrap { flex: 1 1 auto; min-height: 0; }
"""


# One family for Latin and Chinese alike, from the system (a CJK family carries its own Latin letters);
# nothing is fetched, so the page works offline.
FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "system-ui",
    "sans-serif",
)
MONO_FONTS = ("Noto Sans Mono CJK SC", "ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace")
# Gradio's page adds links to Google's web fonts whatever the theme says; offline they never load (and
# the page never settles), so they are not added.
HEAD = """<script>
(() => {
  const append = Node.prototype.appendChild;
  Node.prototype.appendChild = function (child) {
    if (child instanceof HTMLLinkElement && /fonts\\.(googleapis|gstatic)\\.com/.test(child.href)) return child;
    return append.call(this, child);
  };
})();
</script>"""


def theme() -> gr.themes.Base:
    """Gradio's default look with system fonts only."""
    return gr.themes.Default(font=list(FONTS), font_mono=list(MONO_FONTS))


def _private(**kw: Any) -> dict:
    """Event options of the UI's own handlers: not part of the public API."""
    return {"api_visibility": "private", **kw}


def build_app(service: Service) -> gr.Blocks:
    """The Blocks of the app over one corpus store."""
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        gr.HTML(f"<h1 style='margin:.2rem 0'>{render.esc(TITLE)}</h1><div id='intro'>{INTRO}</div>")
        header = gr.HTML(elem_id="corpus-header")
        with gr.Tabs(elem_id="tabs", overflow_behavior="wrap") as tabs:  # every tab in sight on a phone too
            ask_scope = _ask_tab(service)
            year, region, agency, search_inputs, (search, search_outputs) = _search_tab(service)
            report_pick, report_outputs = _reports_tab(service)
            data_outputs = _data_tab(service)
            _upload_tab(service)
            compare_pickers = compare.compare_tab(service)
        _api(service)

        def on_load() -> tuple:
            choices = [("整个语料库 All reports in the corpus", ALL), *service.report_choices()]
            years, regions, agencies = service.filter_choices()
            first = service.default_report()
            view = service.report_view(first) if first else None
            frame, csv_path = service.figures(True, "")
            return (
                service.header_html(),
                gr.Dropdown(choices=choices),
                gr.Dropdown(choices=[("全部 All years", ALL)] + [(str(y), str(y)) for y in years]),
                gr.Dropdown(choices=[("全部 All regions", ALL)] + [(r, r) for r in regions]),
                gr.Dropdown(choices=[("全部 All agencies", ALL)] + [(data.agency_label(a), a) for a in agencies]),
                gr.Dropdown(choices=service.report_choices(), value=first),
                *(_view_values(view) if view else [""] * 6),
                frame,
                gr.DownloadButton(value=str(csv_path), visible=not frame.empty),
                gr.DownloadButton(value=str(service.figures_json(True, "")), visible=not frame.empty),
                *_charts(service),
                *compare.pickers(service),
            )

        loaded = demo.load(
            on_load,
            None,
            [header, ask_scope, year, region, agency, report_pick, *report_outputs, *data_outputs, *compare_pickers],
            **_private(),
        )

        def open_link(request: gr.Request) -> tuple:
            """A link with ?q=… opens the Search tab with its query and filters, and runs it."""
            values = from_link(dict(request.query_params)) if request else None
            if values is None:
                return (gr.Tabs(), *[gr.skip()] * (len(search_inputs) + len(search_outputs)))
            return (gr.Tabs(selected="search"), *values, *search(*values))

        loaded.then(open_link, None, [tabs, *search_inputs, *search_outputs], **_private())
    return demo


# ---------------------------------------------------------------- tabs
def _ask_tab(service: Service) -> gr.Dropdown:
    with gr.Tab("提问 Ask", id="ask"):
        scope = gr.Dropdown(
            label="问哪份报告 Which report to ask about",
            choices=[("整个语料库 All reports", ALL)],
            value=ALL,
            elem_id="ask-scope",
        )
        chat = gr.Chatbot(
            label="问答 Questions and answers",
            height=520,
            latex_delimiters=[],
            feedback_options=None,
            elem_id="ask-chat",
            placeholder="在下面输入问题，或点击一个示例。<br>Type a question below, or click an example.",
        )
        with gr.Row():
            question = gr.Textbox(
                show_label=False,
                placeholder="用中文或英文提问 Ask in Chinese or English…",
                scale=5,
                elem_id="ask-question",
                submit_btn=False,
            )
            send = gr.Button("提问 Ask", variant="primary", scale=1, elem_id="ask-send")
        examples = gr.Dataset(
            label="示例问题（点击即问） Example questions (click to ask)",
            components=["textbox"],
            samples=[[q] for q in EXAMPLES],
            type="values",
            elem_id="ask-examples",
        )
        did_you_mean = gr.Dataset(
            label="您是否想问（点击即问） Did you mean (click to ask)",
            components=["textbox"],
            samples=[],
            type="values",
            visible=False,
            elem_id="ask-did-you-mean",
        )
        clear = gr.Button("清空对话 Clear the conversation", size="sm")

        def respond(q: str, history: list, rid: str) -> tuple[list, str, Any]:
            history = list(history or [])
            offered: list[str] = []
            if (q or "").strip():
                shown, offered = service.answer_view(q, rid or None)
                history += [
                    {"role": "user", "content": render.esc(q.strip())},
                    {"role": "assistant", "content": shown},
                ]
            return history, "", gr.Dataset(samples=[[o] for o in offered], visible=bool(offered))

        def respond_example(sample: list, history: list, rid: str) -> tuple[list, str, Any]:
            return respond(sample[0] if sample else "", history, rid)

        outputs = [chat, question, did_you_mean]
        send.click(respond, [question, chat, scope], outputs, **_private())
        question.submit(respond, [question, chat, scope], outputs, **_private())
        examples.click(respond_example, [examples, chat, scope], outputs, **_private())
        did_you_mean.click(respond_example, [did_you_mean, chat, scope], outputs, **_private())
        clear.click(lambda: [], None, chat, **_private())
    return scope


def _search_tab(service: Service) -> tuple[gr.Dropdown, gr.Dropdown, gr.Dropdown, list, Any]:
    """The Search tab; returns the filters, the inputs a link fills and the search function."""
    with gr.Tab("检索 Search", id="search"):
        with gr.Row():
            query = gr.Textbox(
                label="检索词 Search for",
                scale=4,
                elem_id="search-query",
                placeholder="例如 e.g. 行政复议 / information processing fees",
            )
            go = gr.Button("检索 Search", variant="primary", scale=1, elem_id="search-go")
        with gr.Row():
            year = gr.Dropdown(label="年度 Year", choices=[("全部 All years", ALL)], value=ALL, elem_id="search-year")
            region = gr.Dropdown(
                label="地区 Region", choices=[("全部 All regions", ALL)], value=ALL, allow_custom_value=True
            )
            agency = gr.Dropdown(
                label="机关 Agency", choices=[("全部 All agencies", ALL)], value=ALL, allow_custom_value=True
            )
            fmt = gr.Dropdown(
                label="格式 Format",
                choices=[("每年一份 One copy per year", ALL)] + [(f.upper(), f) for f in service.formats()],
                value=ALL,
                elem_id="search-format",
            )
            k = gr.Slider(1, 50, value=10, step=1, label="结果数 Number of results")
        with gr.Row():
            download = gr.DownloadButton("下载结果 CSV · Download the hits (CSV)", visible=False, elem_id="search-csv")
            download_json = gr.DownloadButton("JSON", visible=False, elem_id="search-json")
        results = gr.HTML(elem_id="search-results")

        def run(q: str, y: str, r: str, a: str, f: str, n: float) -> tuple[str, Any, Any]:
            html, path, json_path = service.search_html(q, int(y) if y else None, r or "", a or "", int(n), f or "")
            return (
                html,
                gr.DownloadButton(value=str(path) if path else None, visible=path is not None),
                gr.DownloadButton(value=str(json_path) if json_path else None, visible=json_path is not None),
            )

        inputs = [query, year, region, agency, fmt, k]
        go.click(run, inputs, [results, download, download_json], **_private())
        query.submit(run, inputs, [results, download, download_json], **_private())
    return year, region, agency, inputs, (run, [results, download, download_json])


def from_link(params: dict[str, str]) -> list[Any] | None:
    """The search inputs a link's query string gives (see ``service.search_link``), or None without ``q``."""
    if not params.get("q"):
        return None
    year = params.get("year", "")
    k = params.get("k", "10")
    return [
        params["q"],
        year if year.isdigit() else ALL,
        params.get("region", ""),
        params.get("agency", ""),
        params.get("format", ""),
        int(k) if k.isdigit() else 10,
    ]


def _view_values(view: Any) -> list[str]:
    return [view.meta, view.summary_en, view.summary_zh, view.tables, view.warnings, view.text]


def _report_panels(prefix: str) -> list[gr.HTML]:
    """Meta, English and Chinese summaries, tables, warnings and full text of one report, in sub-tabs."""
    meta = gr.HTML(elem_id=f"{prefix}-meta")
    with gr.Tabs(overflow_behavior="wrap"):
        with gr.Tab("英文摘要 English summary", id=f"{prefix}-en"):
            en = gr.HTML(elem_id=f"{prefix}-summary-en")
        with gr.Tab("中文摘要 Chinese summary", id=f"{prefix}-zh"):
            zh = gr.HTML(elem_id=f"{prefix}-summary-zh")
        with gr.Tab("统计表 Tables", id=f"{prefix}-tables"):
            tables = gr.HTML(elem_id=f"{prefix}-tables")
        with gr.Tab("警告与缺失 Warnings & missing figures", id=f"{prefix}-warnings"):
            warnings = gr.HTML(elem_id=f"{prefix}-warnings")
        with gr.Tab("原文 Full text", id=f"{prefix}-text"):
            text = gr.HTML(elem_id=f"{prefix}-text")
    return [meta, en, zh, tables, warnings, text]


def _reports_tab(service: Service) -> tuple[gr.Dropdown, list[gr.HTML]]:
    with gr.Tab("报告 Reports", id="reports"):
        pick = gr.Dropdown(label="选择报告 Pick a report", choices=[], elem_id="report-pick")
        outputs = _report_panels("report")

        def show(rid: str) -> list[str]:
            return _view_values(service.report_view(rid))

        pick.change(show, pick, outputs, **_private())
    return pick, outputs


def _charts(service: Service) -> list[Any]:
    return [data.outcomes_frame(service.store), data.received_frame(service.store), data.appeals_frame(service.store)]


def _data_tab(service: Service) -> list[Any]:
    with gr.Tab("数据 Data", id="data"):
        gr.Markdown(
            "每个机关每年一份报告（同一报告的多种格式只算一次）。指向柱子可看机关全称。\n\n"
            "One report per agency and year (a report present in several formats counts once). "
            "Point at a bar for the agency's full name."
        )
        common = {
            "x": "report",
            "y": "count",
            "x_title": "年度 机关 year, agency",
            "x_label_angle": -60,
            "sort": "x",
            "height": 420,
        }
        outcomes = gr.BarPlot(
            title="申请怎样办理 How requests were handled",
            y_title="件数 requests",
            color="outcome",
            tooltip=["agency", "outcome", "count"],
            color_title="结果 outcome",
            color_map=data.OUTCOME_COLORS,
            elem_id="chart-outcomes",
            **common,
        )
        received = gr.BarPlot(
            title="谁在申请 Who made the new requests",
            y_title="件数 requests",
            color="applicant",
            tooltip=["agency", "applicant", "count"],
            color_title="申请人 applicant",
            elem_id="chart-received",
            **common,
        )
        appeals = gr.BarPlot(
            title="行政复议与诉讼 Administrative reconsideration and lawsuits",
            y_title="件数 cases",
            color="kind",
            tooltip=["agency", "kind", "count"],
            color_title="类别 kind",
            elem_id="chart-appeals",
            **common,
        )
        gr.Markdown(
            "### 全部数字 All figures\n点击列名排序；在搜索框里筛选。Click a column name to sort; type in the "
            "search box to filter."
        )
        with gr.Row():
            one = gr.Checkbox(value=True, label="每个机关每年只取一份 One copy per agency and year")
            contains = gr.Textbox(
                label="只看包含…的行 Only rows containing (agency, item, address)",
                placeholder="例如 e.g. 结转 / carried / 平潭",
            )
            download = gr.DownloadButton("下载 CSV · Download CSV", elem_id="figures-csv")
            download_json = gr.DownloadButton("JSON", elem_id="figures-json")
        table = gr.Dataframe(
            interactive=False,
            wrap=True,
            max_height=560,
            show_search="search",
            elem_id="figures",
            column_widths=[
                "170px",
                "80px",
                "250px",
                "250px",
                "90px",
                "90px",
                "120px",
                "190px",
                "250px",
                "70px",
                "70px",
                "220px",
            ],
        )

        def refresh(one_per_year: bool, text: str) -> tuple[Any, Any, Any]:
            frame, path = service.figures(one_per_year, text or "")
            json_path = service.figures_json(one_per_year, text or "")
            return (
                frame,
                gr.DownloadButton(value=str(path), visible=not frame.empty),
                gr.DownloadButton(value=str(json_path), visible=not frame.empty),
            )

        one.change(refresh, [one, contains], [table, download, download_json], **_private())
        contains.submit(refresh, [one, contains], [table, download, download_json], **_private())
    return [table, download, download_json, outcomes, received, appeals]


def _upload_tab(service: Service) -> None:
    with gr.Tab("上传 Upload", id="upload"):
        gr.Markdown(
            "上传一份年度报告（PDF、HTML、DOCX、TXT、Markdown，或扫描件与图片：以 OCR 识读），然后就它提问。"
            "文件只在本次会话中使用，不会改动语料库。\n\n"
            "Upload an annual report (PDF, HTML, DOCX, TXT, Markdown, or a scan or image, read by OCR) and ask "
            "about it. The file is used for this session only; the corpus is never changed."
        )
        upload = gr.File(
            label="报告文件 Report file",
            file_types=[*UPLOAD_TYPES, ".doc", ".wps"],  # taken, so that they get the app's own message
            type="filepath",
            elem_id="upload-file",
            height=160,
        )
        status = gr.HTML(elem_id="upload-status")
        with gr.Row():
            question = gr.Textbox(
                show_label=False,
                placeholder="就这份报告提问 Ask about this report…",
                scale=5,
                elem_id="upload-question",
            )
            send = gr.Button("提问 Ask", variant="primary", scale=1, elem_id="upload-send")
        examples = gr.Dataset(
            label="示例 Examples (click to ask)",
            components=["textbox"],
            samples=[[q] for q in UPLOAD_EXAMPLES],
            type="values",
        )
        answer = gr.HTML(elem_id="upload-answer")
        with gr.Accordion("这份报告 This report: summaries, tables, warnings", open=False):
            panels = _report_panels("upload")

        # The upload's own value (its file) says which report a question is about: no session state, so the
        # page holds no connection open. Each file is parsed once, however often it is asked about.
        read = lru_cache(maxsize=8)(service.read_upload)

        def on_upload(path: str | None) -> list[Any]:
            report, message = read(path)
            view = _view_values(service.view_of(report)) if report else [""] * 6
            return [message, ""] + view

        def on_ask(q: str, path: str | None) -> str:
            report = read(path)[0] if path else None
            if report is None:
                return render.note_html("请先上传一份报告。Upload a report first.")
            return service.answer_html(q, report=report)

        upload.change(on_upload, upload, [status, answer, *panels], **_private())
        send.click(on_ask, [question, upload], answer, **_private())
        question.submit(on_ask, [question, upload], answer, **_private())
        examples.click(lambda s, path: on_ask(s[0], path), [examples, upload], answer, **_private())


# ---------------------------------------------------------------- the API
def _api(service: Service) -> None:
    def ask(question: str, report_id: str = "") -> dict:
        """Answer a question in Chinese or English about one stored report (its id) or, with report_id
        empty, the whole corpus. Returns {"answer", "value", "kind", "citations": [...]}, as `assistant ask --json`."""
        return service.ask(question, report_id or None).to_dict()

    def search(query: str, year: int | None = None, region: str = "", agency: str = "", k: int = 10) -> list[dict]:
        """Full-text search across every report's passages; optional filters by year, region and agency
        (substrings). Returns the hits, best first, as `assistant search --json`."""
        hits, _ = service.search(query, year or None, region, agency, k)
        return [h.to_dict() for h in hits]

    def reports() -> list[dict]:
        """Metadata of every stored report (id, title, agency, region, year, layout, format)."""
        return [
            {k: r[k] for k in ("id", "title", "agency", "region", "year", "layout", "format")}
            for r in service.reports()
        ]

    gr.api(ask, api_name="ask")
    gr.api(search, api_name="search")
    gr.api(reports, api_name="reports")


# ---------------------------------------------------------------- serving
def launch(
    store: Path | str | None = None,
    host: str = "127.0.0.1",
    port: int = 7860,
    *,
    warm: bool = True,
    concurrency: int = 8,
) -> None:
    """Build the app over a store and serve it until interrupted."""
    service = Service(store)
    if warm:
        try:
            service.warm_up()
        except Exception:  # a cold start is slower, not broken
            log.exception("warm-up failed")
    demo = build_app(service)

    def stop(*_: object) -> None:  # a terminated app still removes its temporary files, and exits at once
        shutil.rmtree(service.tmp, ignore_errors=True)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    sessions = int(config.number("max_sessions"))
    os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", str(sessions))  # the queue's per-event records, bounded
    # The queue's summary of those records (a pandas group-by) is only shown by Gradio's monitoring page,
    # which this app does not enable; by default it was made again after every event.
    os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", str(2**31))
    without_matplotlib()
    demo.queue(default_concurrency_limit=concurrency, max_size=256)
    demo.state_session_capacity = sessions  # bounded memory: the oldest sessions are dropped (read on mount)
    server = FastAPI(title="assistant")
    server.include_router(api.router(service))  # before the app's routes: /api/* is ours
    server = gr.mount_gradio_app(
        server,
        demo,
        path="/",
        server_name=host,
        server_port=port,
        css=CSS,
        theme=theme(),
        head=HEAD,
        show_error=True,
        max_file_size="50mb",
        allowed_paths=[str(service.tmp)],
        footer_links=["api"],
    )
    share_configs(demo)  # once mounted: the blocks are as every new session gets them
    # The corpus held in memory is millions of objects that live as long as the app: left out of the
    # collector's full passes, which would otherwise stop every request for a second now and then.
    gc.freeze()
    log.info("serving on http://%s:%s/ (JSON API under /api/)", host, port)
    uvicorn.run(server, host=host, port=port, log_level="warning")

"""What the app does, without the widgets: ask, search, show a report, the data, read an upload.

Everything goes through the same functions as the CLI (``assistant.answer.ask``, the corpus
searcher, ``assistant.present.terminal.table_views``, ``assistant.summarize``,
``assistant.extract.isolated.parse_isolated``); this module only turns their results into escaped HTML,
data frames and CSV files. Nothing here writes to the corpus store or its index: an uploaded file
is parsed in a separate limited process and asked about on the spot.
"""

from __future__ import annotations

import atexit
import json
import logging
import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from assistant import config
from assistant.answer import Answer, ask
from assistant.answer.engine import corpus_searcher
from assistant.cli.search import write_csv
from assistant.domain.canonical import FORMAT_PREFERENCE, Copy, counted
from assistant.domain.names import agency_key, english_words
from assistant.domain.record import Report
from assistant.extract.isolated import parse_isolated
from assistant.present.terminal import table_views
from assistant.read import IngestError, Limits
from assistant.search.searcher import Filters, Hit, Searcher, SearchResult
from assistant.store.cache import one_snapshot, snapshot
from assistant.store.database import Store
from assistant.ui import data, render

log = logging.getLogger("assistant.ui")

UPLOAD_TYPES = (".pdf", ".html", ".htm", ".docx", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
EMPTY_CORPUS = (
    "语料库是空的：请先运行 `make run` 或 `assistant ingest`。仍可在“上传”页上传一份报告提问。\n"
    "The corpus store is empty: run `make run` or `assistant ingest` first. You can still upload a "
    "report in the Upload tab and ask about it."
)


def also_as(formats: list[str]) -> str:
    """' · also as PDF · DOCX · TXT' (or '' for a report stored once)."""
    return " · also as " + " · ".join(f.upper() for f in formats) if formats else ""


SEARCH_PARAMS = ("q", "year", "region", "agency", "format", "k")


def search_link(
    query: str, year: int | None = None, region: str = "", agency: str = "", format: str = "", k: int = 10
) -> str:
    """The app's link that reproduces a search (query and filters in the query string)."""
    values = {"q": query, "year": year or "", "region": region, "agency": agency, "format": format}
    params = {key: v for key, v in values.items() if v} | ({"k": k} if k != 10 else {})
    return "?" + urlencode(params)


@dataclass
class ReportView:
    """Everything the Reports tab shows of one report, as escaped HTML."""

    meta: str
    summary_en: str
    summary_zh: str
    tables: str
    warnings: str
    text: str


class Service:
    """The app's operations over one corpus store (default ``indexes/corpus.sqlite``)."""

    def __init__(self, store_path: Path | str | None = None, limits: Limits | None = None):
        self.store = Store(store_path)
        self.limits = limits or Limits()
        self.tmp = Path(tempfile.mkdtemp(prefix="assistant-ui-"))
        atexit.register(shutil.rmtree, self.tmp, True)
        self._summary_lock = threading.Lock()
        self._summaries = lru_cache(maxsize=128)(self._summary_for)

    # ---------------------------------------------------------------- the corpus
    def searcher(self) -> Searcher:
        """The corpus's passage index, shared with the question answering (built once per process); with
        the ``shards`` setting, the sharded corpus's (see :mod:`assistant.cluster.search`)."""
        if config.get("shards"):
            from assistant.cluster.search import served

            return served(config.get("shards"))
        return corpus_searcher(self.store)

    def warm_up(self) -> None:
        """Load the index, the segmenter and the summary models before the first visitor asks."""
        if self.empty():
            return
        self.searcher()
        first = self.reports()[0]["id"]
        ask("上年结转了多少件申请？", store=self.store)
        ask("What problems does the report mention?", report_id=first, store=self.store)
        english_words()  # what the speller must not correct: read when a question has an unknown word (~1 s)
        for lang in ("en", "zh"):
            self.summary_html(first, lang)

    def reports(self) -> list[dict]:
        """Metadata of every stored report (from memory until the store changes)."""
        return snapshot(self.store).metadata

    def report(self, report_id: str) -> Report | None:
        """A stored report (from memory until the store changes; its text is read when shown)."""
        return snapshot(self.store).reports.get(report_id) if report_id else None

    def empty(self) -> bool:
        return not snapshot(self.store).reports

    def counted_reports(self) -> list[dict]:
        """One stored copy per agency-year, the one that counts (see assistant.domain.canonical), each with
        ``also``: the formats of its other copies, nearest the original first."""
        copies = {c.id: c for c in self.store.copies()}
        keep = {c.id for c in counted(copies.values())}
        others: dict[tuple, list[Copy]] = {}
        for c in copies.values():
            others.setdefault(c.key(), []).append(c)
        out = []
        for r in self.reports():
            if r["id"] not in keep:
                continue
            c = copies[r["id"]]
            rest = sorted((o for o in others[c.key()] if o.id != c.id), key=lambda o: o.rank()[2:])
            out.append({**r, "also": [o.format for o in rest]})
        return out

    def report_choices(self) -> list[tuple[str, str]]:
        """(label, id) of each agency-year's counted copy, for the pickers: its title, the agency's English name
        and year, its file, and its other formats ('… (id) · also as PDF · TXT')."""
        return [(f"{data.report_label(r)}{also_as(r['also'])}", r["id"]) for r in self.counted_reports()]

    def default_report(self) -> str | None:
        """The report the Reports tab opens with: the newest one with standard tables."""
        rows = self.counted_reports()
        with_tables = [r for r in rows if r["layout"]]
        pick = max(with_tables or rows, key=lambda r: (r["year"] or 0, r["format"] == "html"), default=None)
        return pick["id"] if pick else None

    def header_html(self) -> str:
        counts = self.store.counts()
        if not counts["reports"]:
            return render.error_html(EMPTY_CORPUS)
        reports = self.counted_reports()
        agencies = {agency_key(r["agency"]) for r in reports}
        copies = counts["reports"] - len(reports)
        return render.note_html(
            f"语料库 Corpus: {len(reports)} 份报告 reports"
            + (f" (另有 {copies} 份其他格式副本 plus {copies} copies in other formats)" if copies else "")
            + " · "
            f"{len(agencies)} 个机关 agencies · {counts['figures']} 个数字 figures · "
            f"{counts['passages']} 个段落 passages"
        )

    # ---------------------------------------------------------------- ask
    def ask(self, question: str, report_id: str | None = None, report: Report | None = None) -> Answer:
        """``assistant.answer.ask`` over this store: a stored report by id, a parsed report, or the corpus
        (as the store is when the question comes: the store's file is checked once)."""
        with one_snapshot():
            return ask(question, report=report, report_id=report_id or None, store=self.store)

    def answer_html(self, question: str, report_id: str | None = None, report: Report | None = None) -> str:
        """The answer to a question with its citations, as escaped HTML; a clear message when it fails."""
        return self.answer_view(question, report_id, report)[0]

    def answer_view(
        self, question: str, report_id: str | None = None, report: Report | None = None
    ) -> tuple[str, list[str]]:
        """The answer as escaped HTML, and the questions it offers instead when no reading was sure."""
        question = (question or "").strip()
        if not question:
            return render.note_html("请输入问题。Please type a question."), []
        if report is None and not report_id and self.empty():
            return render.error_html(EMPTY_CORPUS), []
        try:
            answer = self.ask(question, report_id, report)
        except Exception as exc:  # an answer engine bug must not take the page down
            log.exception("ask failed: %r", question)
            return render.error_html(
                f"抱歉，回答这个问题时出错了。Sorry, answering this question failed.\n({type(exc).__name__}: {exc})"
            ), []

        def resolve(rid: str) -> Report | None:
            return report if report is not None and rid == report.id else self.report(rid)

        return render.answer_html(answer, resolve), [s.question for s in answer.suggestions]

    # ---------------------------------------------------------------- search
    def search(
        self, query: str, year: int | None = None, region: str = "", agency: str = "", k: int = 10, format: str = ""
    ) -> tuple[list[Hit], list[str]]:
        result = self.search_result(query, year, region, agency, k, format)
        return result.hits, result.terms

    def search_result(
        self, query: str, year: int | None = None, region: str = "", agency: str = "", k: int = 10, format: str = ""
    ) -> SearchResult:
        """The search with its warnings and facets (as ``assistant search --json``); ValueError (one line
        naming the limit) for an overlong query."""
        refusal = config.overlong(query)
        if refusal:
            raise ValueError(refusal)
        filters = Filters(year, region or None, agency or None, format or None)
        return self.searcher().run(query, filters, k=max(1, int(k)))

    def search_html(
        self, query: str, year: int | None = None, region: str = "", agency: str = "", k: int = 10, format: str = ""
    ) -> tuple[str, Path | None, Path | None]:
        """The hits as escaped HTML (warnings, facets and a link that reproduces the search), and CSV and
        JSON files of them (None for no hit)."""
        query = (query or "").strip()
        if not query:
            return render.note_html("请输入检索词。Please type what to search for."), None, None
        if self.empty():
            return render.error_html(EMPTY_CORPUS), None, None
        try:
            result = self.search_result(query, year, region, agency, k, format)
        except ValueError as exc:
            return render.error_html(str(exc)), None, None
        link = search_link(query, year, region, agency, format, k)
        html = render.hits_html(query, result.hits, result.terms, result.warnings, result.facets, link)
        if not result.hits:
            return html, None, None
        folder = self.fresh_folder()
        path = folder / f"search-{data.safe_name(query)}.csv"
        with open(path, "w", newline="", encoding="utf-8-sig") as fh:
            write_csv(result.hits, fh)
        json_path = folder / f"search-{data.safe_name(query)}.json"
        json_path.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
        return html, path, json_path

    def fresh_folder(self) -> Path:
        """A new folder under the app's temporary folder (one per download, so names can repeat)."""
        folder = self.tmp / uuid.uuid4().hex
        folder.mkdir()
        return folder

    def formats(self) -> list[str]:
        """The formats stored, nearest the original first (for the search's format filter)."""
        stored = {r["format"] for r in self.reports()}
        return [f for f in FORMAT_PREFERENCE if f in stored]

    def filter_choices(self) -> tuple[list[int], list[str], list[str]]:
        """Years, regions and agencies of the stored reports, for the search filters."""
        rows = self.reports()
        years = sorted({r["year"] for r in rows if r["year"]}, reverse=True)
        return (
            years,
            sorted({r["region"] for r in rows if r["region"]}),
            sorted({r["agency"] for r in rows if r["agency"]}),
        )

    # ---------------------------------------------------------------- one report
    def _summary_for(self, report_id: str, sha256: str, lang: str) -> str:
        report = self.report(report_id)
        return self.render_summary(report, lang) if report else ""

    def render_summary(self, report: Report, lang: str) -> str:
        """The summary (``assistant.summarize.summarize``) as escaped HTML, or a message saying why not."""
        try:
            from assistant.summarize import summarize

            with self._summary_lock:
                summary = summarize(report, lang)
        except Exception as exc:
            log.exception("summary failed for %s", report.id)
            return render.error_html(f"摘要生成失败 The summary could not be made ({type(exc).__name__}: {exc}).")
        return render.summary_html(summary)

    def summary_html(self, report_id: str, lang: str) -> str:
        report = self.report(report_id)
        return self._summaries(report_id, report.sha256, lang) if report else ""

    def report_view(self, report_id: str) -> ReportView:
        report = self.report(report_id)
        if report is None:
            msg = render.note_html("请选择一份报告。Pick a report.")
            return ReportView(msg, "", "", "", "", "")
        return self.view_of(report, self.summary_html(report_id, "en"), self.summary_html(report_id, "zh"))

    def view_of(self, report: Report, summary_en: str | None = None, summary_zh: str | None = None) -> ReportView:
        """A report's view; the summaries are made here unless given."""
        try:
            from assistant.domain.names import agency_english

            agency_en = agency_english(report.agency or "").english or ""
        except Exception:
            agency_en = ""
        return ReportView(
            render.report_meta_html(report, agency_en),
            summary_en if summary_en is not None else self.render_summary(report, "en"),
            summary_zh if summary_zh is not None else self.render_summary(report, "zh"),
            render.tables_html(table_views(report)),
            render.warnings_html(report),
            render.text_html(report),
        )

    # ---------------------------------------------------------------- data
    def figures(self, one_per_year: bool = True, contains: str = "") -> tuple[pd.DataFrame, Path]:
        """All figures (filtered) and a CSV file of them."""
        frame = data.figures_frame(self.store, one_per_year, contains)
        return frame, data.write_frame_csv(
            frame, self.fresh_folder(), f"figures-{contains}" if contains.strip() else "figures"
        )

    def figures_json(self, one_per_year: bool = True, contains: str = "") -> Path:
        """The same figures as a JSON file: one object per figure, counts as integers."""
        frame = data.figures_frame(self.store, one_per_year, contains)
        return data.write_frame_json(
            frame, self.fresh_folder(), f"figures-{contains}" if contains.strip() else "figures"
        )

    # ---------------------------------------------------------------- upload
    def read_upload(self, path: str | Path | None) -> tuple[Report | None, str]:
        """Parse an uploaded file in memory: (report, status HTML), or (None, a clear message)."""
        if not path:
            return None, render.note_html(
                "请上传一份报告（PDF、HTML、DOCX、TXT、Markdown，或扫描件与图片）。\n"
                "Upload a report (PDF, HTML, DOCX, TXT, Markdown, or a scan or image)."
            )
        name = Path(path).name
        try:  # in its own memory- and time-limited process: a hostile file cannot take the app with it
            report = parse_isolated(path, self.limits, report_id=f"upload:{name}")
        except IngestError as exc:
            return None, render.error_html(
                f"无法读取这个文件 This file cannot be read: {name}\n"
                + (f"原因：{exc.zh}\nReason: {exc.reason}" if exc.zh else f"原因 Reason: {exc.reason}")
            )
        except Exception as exc:
            log.exception("upload failed: %s", name)
            return None, render.error_html(
                f"无法读取这个文件 This file cannot be read: {name}\n原因 Reason: {type(exc).__name__}: {exc}"
            )
        given = sum(1 for f in report.figures.values() if f.value is not None)
        status = render.note_html(
            f"已读取 Read: {report.title} · {report.agency or '—'} · {report.year or '—'} · "
            f"{given} 个数字 figures · {len(report.warnings)} 条警告 warnings\n"
            "这份报告只在本次会话中使用，不会加入语料库。"
            "It is used for this session only and is not added to the corpus."
        )
        return report, status

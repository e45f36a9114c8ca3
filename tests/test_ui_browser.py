"""The app in a real browser (Debian's chromium, headless): ask in English and Chinese and open the
citations, search and download the hits, read a report's English summary and tables, look at the data,
upload a report (one carrying <script>, shown as text) and a bad file, compare two years. Screenshots are saved under
test-output/ui-browser/ for a person to look at."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from test_ui_service import xss_report

from assistant.cli.search import CSV_FIELDS
from harness.serve import running_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-output" / "ui-browser"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)",
    ),
]
playwright = pytest.importorskip("playwright.sync_api", reason="playwright (the Python package) is not installed")
expect = playwright.expect


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def app(corpus_store):
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    with running_app(corpus_store.path, log=SHOTS / "app.log") as url:
        yield url, corpus_store


@pytest.fixture(scope="module")
def page(app, tmp_path_factory):
    url, _ = app
    with playwright.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 1000},
            accept_downloads=True,
        )
        context.set_default_timeout(30_000)
        pg = context.new_page()
        pg.dialogs = []
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.goto(url)
        # MANIFEST.tsv: 23 report files, 15 agency-years; the header counts each agency-year once
        expect(pg.locator("#corpus-header")).to_contain_text("15 份报告 reports")
        yield pg
        context.close()


def shot(pg, name: str, full: bool = False) -> None:
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def pick(pg, dropdown: str, option: str) -> None:
    pg.locator(f"{dropdown} input").click()
    pg.get_by_role("option", name=option).first.click()


def open_tab(pg, name: str) -> None:
    pg.get_by_role("tab", name=name).click()


def test_1_ask_in_english_about_the_seed_report(page):
    shot(page, "01-home", full=True)
    pick(page, "#ask-scope", SEED.name)
    page.locator("#ask-examples").get_by_text("How many applications were carried forward?").click()
    answer = page.locator("#ask-chat .answer").last
    expect(answer).to_contain_text("1 request")
    expect(answer.locator("details.cite")).to_have_count(1)
    answer.locator("details.cite summary").first.click()
    cited = answer.locator("details.cite[open] mark").first
    expect(cited).to_be_visible()
    expect(cited).to_contain_text("四、结转下年度继续办理")
    expect(answer.locator(".cite-title").first).to_have_text("六安市人力资源和社会保障局2023年政府信息公开工作年度报告")
    expect(answer.locator(".cite-meta").first).to_contain_text("line 78")
    shot(page, "02-ask-english")


def test_2_ask_in_chinese(page):
    page.locator("#ask-question textarea").fill("上年结转了多少件申请？")
    page.locator("#ask-send").click()
    expect(page.locator("#ask-chat .answer")).to_have_count(2)
    answer = page.locator("#ask-chat .answer").last
    expect(answer).to_contain_text("上年结转政府信息公开申请数量为0件")
    answer.locator("details.cite summary").first.click()
    cited = answer.locator("details.cite[open] mark").first
    expect(cited).to_contain_text("二、上年结转政府信息公开申请数量")
    cited.scroll_into_view_if_needed()
    shot(page, "03-ask-chinese")


def test_3_a_question_with_markup_is_shown_as_text(page):
    page.locator("#ask-question textarea").fill('<img src=x onerror="window.__xss=9">How many requests were received?')
    page.locator("#ask-send").click()
    expect(page.locator("#ask-chat .answer")).to_have_count(3)
    expect(page.locator("#ask-chat")).to_contain_text('<img src=x onerror="window.__xss=9">')
    assert page.evaluate("window.__xss") is None and not page.dialogs


def test_4_search_filter_and_download(page, tmp_path):
    open_tab(page, "检索 Search")
    page.locator("#search-query textarea").fill("行政复议")
    page.locator("#search-go").click()
    hits = page.locator("#search-results li.hit")
    expect(hits.first).to_be_visible()
    expect(page.locator("#search-results")).to_contain_text("10 条结果 results")
    expect(hits.first.locator("mark").first).to_have_text("行政复议")
    shot(page, "04-search", full=True)
    with page.expect_download() as download:
        page.locator("#search-csv").click()
    path = tmp_path / "hits.csv"
    download.value.save_as(path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 10 and list(rows[0]) == list(CSV_FIELDS)
    pick(page, "#search-year", "2023")
    page.locator("#search-go").click()
    expect(page.locator("#search-results .hit-meta").first).to_contain_text("2023年")
    metas = page.locator("#search-results .hit-meta").all_inner_texts()
    assert metas and all("2023年" in m for m in metas)


def test_5_a_reports_english_summary_and_tables(page):
    open_tab(page, "报告 Reports")
    pick(page, "#report-pick", SEED.name)
    expect(page.locator("#report-meta")).to_contain_text(SEED.name)
    summary = page.locator("#report-summary-en")
    expect(summary).to_contain_text("Lu'an Municipal Human Resources and Social Security Bureau")
    expect(summary.locator("h4").first).to_be_visible()
    shot(page, "05-report-english-summary", full=True)
    page.get_by_role("tab", name="中文摘要 Chinese summary").click()
    expect(page.locator("#report-summary-zh")).to_contain_text("六安市人力资源和社会保障局")
    page.get_by_role("tab", name="统计表 Tables").click()
    tables = page.locator("#report-tables table.figs")
    expect(tables).to_have_count(3)
    expect(page.locator("#report-tables")).to_contain_text("结转下年度继续办理")
    expect(page.locator("#report-tables")).to_contain_text("carried forward to next year")
    shot(page, "06-report-tables", full=True)
    page.get_by_role("tab", name="警告与缺失 Warnings & missing figures").click()
    expect(page.locator("#report-warnings")).to_contain_text("Missing figures")
    expect(page.locator("#report-warnings")).to_contain_text("Arithmetic")
    shot(page, "07-report-warnings", full=True)


def test_6_data_charts_and_figures(page, tmp_path):
    open_tab(page, "数据 Data")
    for chart in ("#chart-outcomes", "#chart-received", "#chart-appeals"):
        expect(page.locator(f"{chart} canvas, {chart} svg").first).to_be_visible()
    expect(page.locator("#figures")).to_contain_text("数值 value")
    expect(page.locator("#figures")).to_contain_text("上海市科学技术委员会")
    shot(page, "08-data", full=True)
    header = page.locator("#figures thead th").nth(4)  # 数值 value
    expect(header).to_contain_text("数值 value")
    header.hover()
    header.locator("button.cell-menu-button").click()
    page.get_by_role("menuitem", name="Sort descending").click()
    rows = page.locator("#figures").get_by_role("row")
    expect(rows.nth(1).get_by_role("gridcell").nth(4)).not_to_have_text("0")
    values = [float(rows.nth(i).get_by_role("gridcell").nth(4).inner_text()) for i in (1, 2, 3)]
    assert values == sorted(values, reverse=True) and values[0] > 0
    with page.expect_download() as download:
        page.locator("#figures-csv").click()
    path = tmp_path / "figures.csv"
    download.value.save_as(path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 1000 and "数值 value" in rows[0]


def test_7_upload_a_report_and_ask_about_it(page, app, tmp_path):
    _, store = app
    before = _digests(store.path.parent)
    open_tab(page, "上传 Upload")
    page.locator("#upload-file input[type=file]").set_input_files(str(xss_report(tmp_path)))
    expect(page.locator("#upload-status")).to_contain_text("已读取 Read: 六安市人力资源和社会保障局")
    page.locator("#upload-question textarea").fill("存在哪些主要问题？")
    page.locator("#upload-send").click()
    answer = page.locator("#upload-answer .answer")
    expect(answer).to_contain_text("存在的主要问题")
    answer.locator("details.cite summary").first.click()
    opened = answer.locator("details.cite[open] .cite-text").first
    expect(opened).to_contain_text("<script>window.__xss=3</script>")
    expect(opened).to_contain_text('<img src=x onerror="window.__xss=2">')
    shot(page, "09-upload-script-shown-as-text", full=True)
    page.locator("#upload-question textarea").fill("How many applications were carried forward?")
    page.locator("#upload-send").click()
    expect(page.locator("#upload-answer .answer")).to_contain_text("1 request")
    page.locator("#upload-answer details.cite summary").first.click()
    expect(page.locator("#upload-answer details.cite[open] mark")).to_contain_text("四、结转下年度继续办理")
    shot(page, "10-upload-answer", full=True)
    assert page.evaluate("window.__xss") is None and not page.dialogs
    assert _digests(store.path.parent) == before  # the corpus store and its index are untouched


def test_8_a_bad_upload_gets_a_clear_message(page, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n%broken\n")
    page.locator("#upload-file button[aria-label='Clear']").first.click() if page.locator(
        "#upload-file button[aria-label='Clear']"
    ).count() else None
    page.locator("#upload-file input[type=file]").set_input_files(str(bad))
    status = page.locator("#upload-status .ui-error")
    expect(status).to_contain_text("This file cannot be read: scan.pdf")
    expect(status).to_contain_text("原因 Reason:")
    shot(page, "11-upload-bad-file")


def test_9_compare_an_agencys_two_years(page):
    open_tab(page, "比较 Compare")
    page.locator("#compare-go").click()
    table = page.locator("#compare-table")
    expect(table).to_contain_text("本年新收政府信息公开申请数量")
    # pingtan 2024 -> 2025, read from the documents: 新收 218 -> 154, 行政复议 总计 7 -> 36
    row = table.locator("tr", has_text="requests.new_received.total")
    expect(row).to_contain_text("218")
    expect(row).to_contain_text("154")
    expect(row).to_contain_text("-64")
    expect(page.locator("#compare-summary")).to_contain_text("Requests received fell from 218 to 154")
    expect(page.locator("#compare-trend canvas, #compare-trend svg").first).to_be_visible()
    shot(page, "12-compare-figures", full=True)
    page.get_by_role("tab", name="跨年核对 Cross-year check").click()
    expect(page.locator("#compare-cross")).to_contain_text("相符 holds")
    page.get_by_role("tab", name="正文差异 Text differences").click()
    page.locator("#compare-text details summary").first.click()
    expect(page.locator("#compare-text ins").first).to_be_visible()
    expect(page.locator("#compare-text del").first).to_be_visible()
    shot(page, "13-compare-text", full=True)


def test_10_a_link_reproduces_a_search(page, app):
    url, _ = app
    page.goto(url.rstrip("/") + "/?q=行政复议&agency=沭阳&k=5")
    results = page.locator("#search-results")
    expect(results).to_contain_text("5 条结果 results for “行政复议”")
    expect(page.locator("#search-query textarea")).to_have_value("行政复议")
    metas = page.locator("#search-results .hit-meta").all_inner_texts()
    assert metas and all("沭阳县发展和改革局" in m for m in metas)
    expect(results).to_contain_text("also as PDF · DOCX")
    expect(results.locator("table.facets")).to_contain_text("2023")
    shot(page, "14-search-link", full=True)

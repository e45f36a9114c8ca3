"""The app in a real browser (Debian's chromium, headless): ask in English and Chinese and open the
citations, search and download the hits, read a report's English summary and tables, look at the data,
upload a report (one carrying <script>, shown as text) and bad files, compare two years; then the same app on a
390 px phone screen. The page settles offline (no request leaves the machine) in one font family. Screenshots
are saved under test-output/ui-browser/ for a person to look at."""

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
TABS = ("提问 Ask", "检索 Search", "报告 Reports", "数据 Data", "上传 Upload", "比较 Compare")
PHONE = {"width": 390, "height": 844}
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
def driver():
    with playwright.sync_playwright() as p:
        yield p


def _browser(p, tmp_path_factory, url: str, viewport: dict):
    """A chromium page on the app that records every request leaving the app's address, loaded until the
    network is idle."""
    context = p.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium-profile")),
        executable_path=str(CHROMIUM),
        headless=True,
        args=ARGS,
        viewport=viewport,
        accept_downloads=True,
    )
    context.set_default_timeout(30_000)
    pg = context.new_page()
    pg.dialogs, pg.elsewhere = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: None if r.url.startswith(url) else pg.elsewhere.append(r.url))
    pg.goto(url, wait_until="networkidle")
    # MANIFEST.tsv: 23 report files, 15 agency-years; the header counts each agency-year once
    expect(pg.locator("#corpus-header")).to_contain_text("15 份报告 reports")
    return context, pg


@pytest.fixture(scope="module")
def page(app, driver, tmp_path_factory):
    context, pg = _browser(driver, tmp_path_factory, app[0], {"width": 1280, "height": 1000})
    yield pg
    context.close()


@pytest.fixture(scope="module")
def phone(app, driver, tmp_path_factory):
    context, pg = _browser(driver, tmp_path_factory, app[0], PHONE)
    yield pg
    context.close()


def shot(pg, name: str, full: bool = False) -> None:
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def pick(pg, dropdown: str, option: str) -> None:
    pg.locator(f"{dropdown} input").click()
    pg.get_by_role("option", name=option).first.click()


def open_tab(pg, name: str) -> None:
    pg.get_by_role("tab", name=name).click()


def test_0_the_page_settles_offline_in_one_font_family(page):
    assert page.elsewhere == []  # no web font, no script from another host: the page works offline
    families = page.evaluate(
        """() => [document.querySelector('h1'), document.querySelector('#tabs button[role=tab]'),
                  document.querySelector('#intro')].map(e => getComputedStyle(e).fontFamily)"""
    )
    assert len(set(families)) == 1 and "Source Sans" not in families[0], families


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
    label = page.locator("#ask-chat label[data-testid=block-label]").bounding_box()
    log = page.locator("#ask-chat [role=log]").bounding_box()
    assert label["y"] + label["height"] <= log["y"] + 1  # the chat's label sits above the log, not on its top line
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
    pick(page, "#search-year", "全部 All years")
    page.locator("#search-query textarea").fill("量子纠缠")
    page.locator("#search-go").click()
    expect(page.locator("#search-results")).to_contain_text("0 条结果 results")
    expect(page.locator("#search-csv")).to_be_hidden()  # no download of a header-only file


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
    group = page.locator("#report-tables tr.group", has_text="（三）不予公开")
    expect(group).to_have_count(1)
    expect(group.locator("xpath=following-sibling::tr[1]")).to_contain_text("1.属于国家秘密")
    for heading in ("（四）无法提供", "（五）不予处理", "（六）其他处理"):
        expect(page.locator("#report-tables tr.group", has_text=heading)).to_have_count(1)
    assert _contrast(page, "#report-tables .legend") >= 4.5  # the legend reads as body text (WCAG AA)
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


def _contrast(pg, selector: str) -> float:
    """WCAG contrast ratio of an element's text colour against the background it sits on."""
    return pg.evaluate(
        """(sel) => {
          const el = document.querySelector(sel);
          const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
          let bg = el, back;
          while (bg && (back = rgb(getComputedStyle(bg).backgroundColor)).length === 4 && back[3] === 0) {
            bg = bg.parentElement;
          }
          if (!bg) back = [255, 255, 255];
          const lum = (c) => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(back)].sort((x, y) => y - x);
          return (a + 0.05) / (b + 0.05);
        }""",
        selector,
    )


def test_8_a_bad_upload_gets_a_clear_message(page, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n%broken\n")
    page.locator("#upload-file button[aria-label='Clear']").first.click() if page.locator(
        "#upload-file button[aria-label='Clear']"
    ).count() else None
    page.locator("#upload-file input[type=file]").set_input_files(str(bad))
    status = page.locator("#upload-status .ui-error")
    expect(status).to_contain_text("This file cannot be read: scan.pdf")
    expect(status).to_contain_text("原因：不是有效的 PDF")
    expect(status).to_contain_text("Reason: not a valid PDF")
    shot(page, "11-upload-bad-file")
    legacy = tmp_path / "通知.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)  # a legacy Word/WPS binary
    page.locator("#upload-file button[aria-label='Clear']").first.click()
    page.locator("#upload-file input[type=file]").set_input_files(str(legacy))
    expect(status).to_contain_text("This file cannot be read: 通知.doc")
    expect(status).to_contain_text("旧版 Word/WPS 格式")
    expect(status).to_contain_text("legacy Word/WPS format (.doc/.wps): convert it to DOCX or PDF first")
    expect(page.locator("#upload-file").get_by_text("Error", exact=True)).to_have_count(0)  # no red pill
    shot(page, "11b-upload-legacy-doc")


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


def test_11_a_phone_shows_every_tab(phone):
    shot(phone, "20-phone-home", full=True)
    for name in TABS:
        tab = phone.get_by_role("tab", name=name)
        expect(tab).to_be_visible()
        box = tab.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], name
    expect(phone.locator("#tabs .overflow-menu")).to_have_count(0)  # nothing hidden behind a "⋯"
    phone.locator("#ask-examples").get_by_text("上年结转了多少件申请？").click()
    expect(phone.locator("#ask-chat .answer").last).to_contain_text("问题未指明报告")  # each report's figure, no sum
    shot(phone, "21-phone-ask")
    open_tab(phone, "报告 Reports")
    phone.get_by_role("tab", name="统计表 Tables").click()
    expect(phone.locator("#report-tables table.figs").first).to_be_visible()
    shot(phone, "22-phone-report-tables", full=True)
    open_tab(phone, "数据 Data")
    expect(phone.locator("#chart-outcomes canvas, #chart-outcomes svg").first).to_be_visible()
    shot(phone, "23-phone-data", full=True)
    open_tab(phone, "上传 Upload")
    shot(phone, "24-phone-upload", full=True)

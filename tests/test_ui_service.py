"""The app's operations without a browser: answers with highlighted citations, escaping, search CSV,
figures CSV, clear messages for bad uploads, and an upload that never touches the corpus."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED

from assistant.cli.search import CSV_FIELDS
from assistant.search.searcher import Hit
from assistant.ui import render
from assistant.ui.service import Service

SEED_ID = SEED.name


@pytest.fixture(scope="module")
def service(corpus_store) -> Service:
    return Service(corpus_store.path)


def xss_report(folder: Path) -> Path:
    """The seed report with script and image tags in its title and in its problems section."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    lines[0] += "<script>window.__xss=1</script>"
    text = "\n".join(lines).replace(
        "五、存在的主要问题及改进情况\n",
        '五、存在的主要问题及改进情况\n\n主要问题：<img src=x onerror="window.__xss=2">政策解读'
        "<script>window.__xss=3</script>质量有待提高。\n",
        1,
    )
    path = folder / "xss-report.txt"
    path.write_text(text, encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_figure_answer_cites_the_table_row_highlighted(service):
    html = service.answer_html("How many applications were carried forward?", SEED_ID)
    assert "1 request" in html
    assert '<details class="cite">' in html and "来源 Sources (1)" in html
    marked = html.split("<mark>", 1)[1].split("</mark>", 1)[0]
    assert "四、结转下年度继续办理" in marked
    assert "六安市人力资源和社会保障局2023年政府信息公开工作年度报告" in html
    assert "line 78" in html  # where the row is printed


def test_a_chinese_question_is_answered_in_chinese_with_its_source(service):
    html = service.answer_html("上年结转了多少件申请？", SEED_ID)
    assert "0件" in html and "<mark>二、上年结转政府信息公开申请数量" in html


def test_a_long_one_line_report_is_narrowed_to_the_cited_row(service):
    """pingtan-2019 is printed on one line: the citation marks the row, not 6,000 characters."""
    html = service.answer_html("How many applications were carried forward?", "pingtan-2019.txt")
    marked = html.split("<mark>", 1)[1].split("</mark>", 1)[0]
    assert marked.startswith("四、结转下年度继续办理") and len(marked) < 60


def test_a_failing_answer_is_a_message_not_a_crash(service, monkeypatch):
    def boom(*args, **kwargs):
        raise ValueError("engine broke")

    monkeypatch.setattr(service, "ask", boom)
    html = service.answer_html("anything?")
    assert "ui-error" in html and "engine broke" in html


def test_report_text_is_escaped_everywhere(service, tmp_path):
    report, status = service.read_upload(xss_report(tmp_path))
    assert report is not None, status
    answer = service.answer_html("存在哪些主要问题？", report=report)
    view = service.view_of(report)
    for html in (answer, status, *vars(view).values()):
        assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;window.__xss=3&lt;/script&gt;" in view.text
    hit = Hit(
        "r<script>",
        "<b>t</b>",
        "a",
        "r",
        2024,
        "overview",
        None,
        0,
        20,
        "<script>x</script> 行政复议",
        score=1.0,
        highlighted="",
        matches=((19, 23),),
    )
    hits = render.hits_html("<q>", [hit], ["行政复议"])
    assert "<script" not in hits and "&lt;b&gt;t&lt;/b&gt;" in hits and "<mark>行政复议</mark>" in hits


def test_search_results_and_their_csv(service):
    html, path, json_path = service.search_html("行政复议", year=2024)
    assert json.loads(json_path.read_text(encoding="utf-8"))["filters"] == {"year": 2024}
    assert '<ol class="hits">' in html and "<mark>" in html
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and list(rows[0]) == list(CSV_FIELDS)
    assert all(r["year"] == "2024" for r in rows)


def test_figures_table_and_csv(service):
    frame, path = service.figures(True, "结转")
    assert len(frame) and frame["项目 item"].str.contains("结转").all()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(frame)
    everything, _ = service.figures(False, "")
    assert len(everything) == service.store.counts()["figures"]


@pytest.mark.parametrize(
    "name,content",
    [
        ("empty.txt", b""),
        ("broken.pdf", b"%PDF-1.4 not really a pdf"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        ("noise.txt", "随便写的一段话，和年报无关。".encode()),
    ],
)
def test_a_bad_upload_gets_a_clear_message(service, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    report, html = service.read_upload(path)
    assert report is None
    assert "ui-error" in html and "This file cannot be read" in html and name in html
    assert "原因：" in html and "<br>Reason: " in html  # the reason in Chinese, then in English


def test_an_upload_never_touches_the_store_or_its_index(service, tmp_path):
    service.searcher()  # the index exists before the upload, as in the running app
    folder = service.store.path.parent
    before = {p.name: digest(p) for p in folder.iterdir() if p.is_file()}
    fingerprint = service.store.fingerprint()
    report, _ = service.read_upload(xss_report(tmp_path))
    service.answer_html("How many applications were carried forward?", report=report)
    service.answer_html("存在哪些主要问题？", report=report)
    service.view_of(report)
    assert service.store.fingerprint() == fingerprint
    assert {p.name: digest(p) for p in folder.iterdir() if p.is_file()} == before


def test_ui_py_parses_host_and_port():
    from assistant.ui import parse_args

    args = parse_args(["--host", "0.0.0.0", "--port", "9999"])
    assert (args.host, args.port) == ("0.0.0.0", 9999)
    assert parse_args(["--store", "elsewhere.sqlite"]).store == "elsewhere.sqlite"
    # ui.py itself hands its arguments to the same parser
    done = subprocess.run([sys.executable, ROOT / "ui.py", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: ui.py") and all(f in done.stdout for f in ("--host", "--port", "--store"))


def test_readme_documents_the_app():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in ("python ui.py", "--host", "--port", "gradio_client", "/ask", "/search"):
        assert text in readme, text


def test_an_unsure_answer_offers_clickable_questions_instead(service):
    shown, offered = service.answer_view("How many widgets were frobnicated?", "huaian-hongze-2024.pdf")
    assert "no figure" in shown and 2 <= len(offered) <= 3
    assert all(q.startswith("How many ") for q in offered)
    again, _ = service.answer_view(offered[0], "huaian-hongze-2024.pdf")
    assert "no figure" not in again

"""HTML output escapes everything that comes from a report: a title with <script> stays text."""

from __future__ import annotations

from conftest import SEED

from assistant.extract.report import parse_file
from assistant.summarize.core import summarize
from assistant.summarize.render import index_document, render_summary


def test_script_in_a_report_is_escaped(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    evil = "六安市人力资源和社会保障局<script>alert(1)</script>"
    text = text.replace(
        "六安市人力资源和社会保障局 2023 年政府信息公开工作年度报告", f"{evil} 2023 年政府信息公开工作年度报告", 1
    )
    text = text.replace("及时整改提高。", "及时整改提高<script>alert(2)</script>。", 1)
    path = tmp_path / "evil.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_file(path)
    assert "<script>" in report.title
    for lang in ("en", "zh"):
        page = render_summary(summarize(report, lang), "html")
        assert "<script" not in page.lower()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    index = index_document(
        [{"id": "<b>x</b>", "file": '"><script>', "agency_english": "<i>", "year": 2023}],
        [{"source": "<img src=x>", "reason": "<script>"}],
        "digest.html",
        "html",
    )
    assert "<script" not in index and "<img" not in index and "<b>" not in index

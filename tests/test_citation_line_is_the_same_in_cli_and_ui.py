"""A figure's citation names the same line of the file in the CLI and in the app, and that line holds the row.

pingtan-2025.txt is crawler text: nine header lines, then the whole report on line 10, where the row
四、结转下年度继续办理 prints 4200006 (自然人 4, 商业企业 2, 总计 6).
"""

from __future__ import annotations

import re

from conftest import CORPUS

from assistant.cli.main import main
from assistant.extract.report import parse_file
from assistant.ui.service import Service

REPORT = CORPUS / "pingtan-2025.txt"
QUESTION = "How many applications were carried forward?"
ROW = "四、结转下年度继续办理4200006"


def test_cli_and_ui_cite_the_line_that_holds_the_row(tmp_path, capsys):
    assert main(["ask", QUESTION, "--file", str(REPORT), "--store", str(tmp_path / "cli.sqlite")]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("6 requests")
    cli_lines = re.findall(r"· line (\d+)$", printed, re.M)

    html = Service(tmp_path / "ui.sqlite").answer_html(QUESTION, report=parse_file(REPORT))
    assert "6 requests" in html
    ui_lines = re.findall(r"第(\d+)行 line (\d+)", html)

    assert cli_lines == ["10"]
    assert {(n, n) for n in cli_lines} == set(ui_lines)
    lines = REPORT.read_text(encoding="utf-8").split("\n")
    assert ROW in lines[9] and not any(ROW in line for line in lines[:9])

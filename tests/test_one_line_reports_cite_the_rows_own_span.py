"""Crawler reports printed on one line (pingtan-2019/2020/2021: the whole report is line 10 of the file)
cite a figure by its row's own span, not the whole line, the same in the CLI, the API and the app.

The rows, read by hand from the files: 2019 and 2020 print "四、结转下年度继续办理 0 0 00 00 0",
2021 prints "四、结转下年度继续办理1000001" (自然人 1, 总计 1)."""

from __future__ import annotations

import html
import json
import re

import pytest

from assistant.cli.main import main
from assistant.ui.service import Service

QUESTION = "How many applications were carried forward?"
ROWS = {
    "pingtan-2019.txt": "四、结转下年度继续办理 0 0 00 00 0",
    "pingtan-2020.txt": "四、结转下年度继续办理 0 0 00 00 0",
    "pingtan-2021.txt": "四、结转下年度继续办理1000001",
}


@pytest.mark.parametrize("report_id", ROWS)
def test_the_cli_the_api_and_the_app_cite_the_row(report_id, corpus_store, capsys):
    row = ROWS[report_id]
    assert main(["ask", QUESTION, "--report", report_id, "--json", "--store", str(corpus_store.path)]) == 0
    (cli,) = json.loads(capsys.readouterr().out)["citations"]
    service = Service(corpus_store.path)
    (api,) = service.ask(QUESTION, report_id).to_dict()["citations"]
    assert cli == api
    text = corpus_store.report(report_id).text
    assert cli["text"] == row and text[cli["start"] : cli["end"]] == row
    assert cli["line"] == 10

    page = service.answer_html(QUESTION, report_id)
    assert [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", page)] == [row]

    assert main(["ask", QUESTION, "--report", report_id, "--store", str(corpus_store.path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1].strip() == row and printed[-2].endswith("· line 10")

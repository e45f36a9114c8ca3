"""A file the Upload tab cannot read gets the app's own message in Chinese and English: the file's name,
then the reason in both languages (a legacy .doc: convert it to DOCX or PDF first; a short page: too short
to be a report). The note before any upload lists every format taken, Markdown too."""

from __future__ import annotations

import pytest

from assistant.cli.main import main
from assistant.ui.service import Service

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024  # the signature of a legacy Word/WPS binary
CASES = {
    "notice.doc": (
        OLE2,
        "原因：旧版 Word/WPS 格式（.doc/.wps）：请先另存为 DOCX 或 PDF",
        "Reason: legacy Word/WPS format (.doc/.wps): convert it to DOCX or PDF first",
    ),
    "moved.html": (
        "<html><head><title>404</title></head><body><p>页面不存在或已删除</p></body></html>".encode(),
        "原因：内容太短，不是一份年度报告：只有 9 个字符",  # the body: 页面不存在或已删除 (the title is not text)
        "Reason: too short to be a report: it holds 9 characters of text",
    ),
    "english.txt": (
        b"This is an English text, not an annual report at all. " * 10,
        "原因：不是年度报告：几乎没有中文内容",
        "Reason: not a report: it holds almost no Chinese text",
    ),
    "broken.pdf": (
        b"%PDF-1.4\n%broken\n",
        "原因：不是有效的 PDF（文件不完整或已损坏）",
        "Reason: not a valid PDF (truncated or corrupt",
    ),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return Service(tmp_path_factory.mktemp("store") / "corpus.sqlite")


@pytest.mark.parametrize("name", CASES)
def test_an_unreadable_upload_gets_the_reason_in_both_languages(service, tmp_path, name):
    data, zh, en = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    report, message = service.read_upload(str(path))
    assert report is None
    assert message.startswith(f'<div class="ui-error">无法读取这个文件 This file cannot be read: {name}<br>')
    assert zh in message and en in message


def test_facts_gives_the_short_page_its_reason(tmp_path, capsys):
    path = tmp_path / "moved.html"
    path.write_bytes(CASES["moved.html"][0])
    assert main(["facts", str(path)]) == 2
    assert capsys.readouterr().err == f"error: {path}: too short to be a report: it holds 9 characters of text\n"


def test_the_note_before_an_upload_lists_markdown(service):
    _, note = service.read_upload(None)
    assert "Markdown" in note and "PDF, HTML, DOCX, TXT, Markdown" in note

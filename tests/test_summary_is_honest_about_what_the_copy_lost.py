"""The summary says what the tool could not read from this copy, apart from what the report does not give:
a table whose columns were inferred, a table whose rows could not be placed, a table lost from the copy."""

from __future__ import annotations

from test_mangled_tables_are_read_or_flagged import _read

from assistant.summarize.core import summarize


def test_the_summary_says_the_columns_were_inferred(tmp_path):
    text = summarize(_read(tmp_path, "generic headers"), "en").paragraph("requests").text
    assert "its columns were inferred from its arithmetic" in text
    assert "could not be read" not in text


def test_the_summary_says_the_copy_lost_the_table_not_that_the_report_has_no_figures(tmp_path):
    s = summarize(_read(tmp_path, "generic headers, total lost"), "en")
    text = s.paragraph("requests").text
    assert text.startswith("The table of requests received and handled could not be read from this copy")
    assert "rows of numbers were found but could not be placed in its columns" in text
    assert "未能读出" in summarize(_read(tmp_path, "generic headers, total lost"), "zh").text


def test_a_plain_copy_says_neither(tmp_path):
    text = summarize(_read(tmp_path, "plain"), "en").text
    assert "inferred" not in text and "could not be read from this copy" not in text

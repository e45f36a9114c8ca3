"""Report text is data wherever it goes (issue 17): spreadsheet formulas are neutralised in CSV downloads,
escape sequences never reach a terminal, Markdown carries no raw HTML; bad options get one line."""

from __future__ import annotations

import csv

import pytest
from conftest import CORPUS

from assistant.cli.main import main
from assistant.present.safe import FORMULA_STARTS, csv_cell
from assistant.store.database import Store

EVIL = '=HYPERLINK("http://evil.example","x")\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07<script>alert(1)</script>'
ESCAPES = ("\x1b", "\x07", "\x9b")


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    """pingtan-2024.txt with a formula, terminal escapes (title, clear screen, clipboard) and a script
    before the agency's name in its title line, in a file whose name is a formula."""
    text = (CORPUS / "pingtan-2024.txt").read_text(encoding="utf-8")
    assert text.startswith("标题: 平潭综合实验区2024年度")
    path = tmp_path_factory.mktemp("evil") / "=evil.txt"  # its id, in every CSV row, is a formula too
    path.write_text(text.replace("标题: ", f"标题: {EVIL}", 1), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def evil_store(evil, tmp_path_factory):
    store = tmp_path_factory.mktemp("evil-store") / "corpus.sqlite"
    assert main(["ingest", str(evil), "--store", str(store), "--quiet"]) == 0
    return store


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_cell_a_spreadsheet_would_run_is_quoted(start):
    assert csv_cell(f"{start}SUM(A1:A9)") == f"'{start}SUM(A1:A9)"
    assert csv_cell(f"平潭{start}1") == f"平潭{start}1" and csv_cell(-3) == -3


def _cells(path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def test_search_csv_neutralises_formulas(evil_store, tmp_path, capsys):
    out = tmp_path / "hits.csv"
    assert main(["search", "政府信息公开", "--store", str(evil_store), "--csv", str(out)]) == 0
    cells = _cells(out)
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert not any(c.startswith(FORMULA_STARTS) for c in cells)


def test_the_apps_figures_csv_neutralises_formulas(evil_store):
    from assistant.ui.service import Service

    _, path = Service(evil_store).figures(True, "")
    cells = _cells(path)
    assert "'=evil.txt" in cells
    assert not any(c.startswith(FORMULA_STARTS) and not c.lstrip("-").isdigit() for c in cells)


@pytest.mark.parametrize(
    "argv",
    [["facts", "{evil}"], ["ask", "收到了多少件申请？", "--file", "{evil}"], ["summarize", "{evil}"]],
    ids=["facts", "ask", "summarize"],
)
def test_no_escape_sequence_reaches_the_terminal(evil, capsys, argv):
    assert main([a.format(evil=evil) for a in argv]) == 0
    out = capsys.readouterr().out
    assert "平潭综合实验区" in out and not any(e in out for e in ESCAPES)


def test_markdown_summaries_escape_html(evil, capsys):
    assert main(["summarize", str(evil), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "lots"])
def test_a_limit_that_is_no_finite_number_gets_one_line(value, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["facts", str(CORPUS / "pingtan-2019.txt"), "--max-mb", value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert (
        err.splitlines()[-1] == f"assistant facts: error: argument --max-mb: {value!r} is not a finite number above 0"
    )


def test_csv_into_a_missing_folder_gets_one_line(evil_store, tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "hits.csv"
    assert main(["search", "政府信息公开", "--store", str(evil_store), "--csv", str(target)]) == 2
    assert capsys.readouterr().err == f"search: cannot write the CSV file {target} (No such file or directory)\n"


def test_an_overlong_query_names_the_limit(evil_store, capsys, monkeypatch):
    monkeypatch.setenv("ASSISTANT_MAX_QUESTION", "50")
    assert main(["search", "申" * 51, "--store", str(evil_store)]) == 2
    assert (
        capsys.readouterr().err
        == "search: the query is 51 characters, over the limit of 50 (raise it with $ASSISTANT_MAX_QUESTION)\n"
    )
    assert main(["ask", "申" * 51, "--store", str(evil_store)]) == 0
    assert "ASSISTANT_MAX_QUESTION" in capsys.readouterr().out
    assert Store(evil_store).counts()["reports"] == 1

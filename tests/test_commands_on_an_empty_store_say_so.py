"""Every command that reads the corpus store says, on an empty store, that it is empty and to run
`assistant ingest` first, and exits with status 2 (never "0 summaries", "not found" or a score)."""

from __future__ import annotations

import pytest
from conftest import ROOT

from assistant.cli.main import main

COMMANDS = [
    ["ask", "上年结转了多少件申请？"],
    ["ask", "What problems did the bureau report?"],
    ["ask", "How many requests were received?", "--report", "pingtan-2025.txt"],
    ["search", "行政复议"],
    ["summarize", "--all", "--quiet"],
    ["summarize", "--report", "pingtan-2025.txt"],
    ["evaluate", str(ROOT / "tests" / "qa_eval.json")],
    ["index"],
    ["compare", "平潭综合实验区管委会", "2024", "2025"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_command_on_an_empty_store_says_to_ingest_first(command, tmp_path, capsys):
    store = tmp_path / "indexes" / "corpus.sqlite"
    assert main([*command, "--store", str(store)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and f"the corpus store {store} is empty" in err
    assert "run `assistant ingest` first" in err


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] not in ("search", "compare")], ids=lambda c: c[0])
def test_reading_an_absent_store_does_not_create_it(command, tmp_path, capsys):
    store = tmp_path / "indexes" / "corpus.sqlite"
    main([*command, "--store", str(store)])
    assert not store.parent.exists()


def test_evaluate_names_a_missing_question_set(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "none.json"), "--store", str(tmp_path / "s.sqlite")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'none.json'}: no such question set\n"

"""`assistant search … --shards DIR` prints the JSON `assistant search … --store` prints (scores to 1e-9),
`assistant ask … --shards DIR` one store's answer, and a folder without shards gets one line."""

from __future__ import annotations

import json

from assistant.cli.main import main


def _json(capsys, argv: list[str]) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_search_over_shards_prints_what_one_store_prints(capsys, sharded_corpus, corpus_store, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path))
    query = ["search", "行政复议 决定", "--year", "2024", "-k", "5", "--json"]
    mine = _json(capsys, [*query, "--shards", str(sharded_corpus(2))])
    theirs = _json(capsys, [*query, "--store", str(corpus_store.path)])
    assert len(theirs["hits"]) == 5
    for a, b in zip(mine["hits"], theirs["hits"], strict=True):
        assert abs(a.pop("score") - b.pop("score")) <= 1e-9
    assert mine == theirs


def test_ask_over_shards_gives_one_stores_answer(capsys, sharded_corpus, corpus_store):
    question = ["ask", "2024年哪个单位收到的政府信息公开申请最少？", "--json"]  # tests/qa_eval.json: 上海, 34
    mine = _json(capsys, [*question, "--shards", str(sharded_corpus(2))])
    assert mine == _json(capsys, [*question, "--store", str(corpus_store.path)])
    assert mine["value"] == 34 and "上海" in mine["answer"]


def test_a_folder_without_shards_gets_one_line(capsys, tmp_path):
    assert main(["search", "行政复议", "--shards", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no shards" in err and str(tmp_path) in err
    assert main(["ask", "2024年哪个单位收到的申请最少？", "--shards", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no shards" in err

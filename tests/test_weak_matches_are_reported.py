"""A query word that matches no passage is reported as typed data, and hits that hold every query word
rank above hits that hold only some."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from assistant.cli.search import add_search_parser, run_search
from assistant.search.searcher import Filters, Searcher, store_corpus


@pytest.fixture(scope="module")
def searcher(corpus_store) -> Searcher:
    return store_corpus(corpus_store.path).searcher()


def test_a_word_found_nowhere_is_named(searcher: Searcher) -> None:
    result = searcher.run("xyzzy不存在的词")
    xyzzy = next(w for w in result.warnings if w.word == "xyzzy")
    assert xyzzy.kind == "no_match" and xyzzy.matched == ("不", "存在")
    assert xyzzy.message == "xyzzy: no match; results match only 不, 存在"
    assert result.hits and all("xyzzy" not in h.text for h in result.hits)


def test_a_query_that_matches_fully_has_no_warning(searcher: Searcher) -> None:
    assert searcher.run("行政复议 纠正").warnings == ()


def test_a_word_outside_the_filters_is_a_weak_match(searcher: Searcher) -> None:
    result = searcher.run("行政复议 蜜罐", Filters(agency="沭阳"))  # 蜜罐 is only in Pingtan 2025
    assert [w.word for w in result.warnings] == ["蜜罐"]


def test_hits_holding_every_word_come_first(searcher: Searcher) -> None:
    hits = searcher.search("行政复议 纠错", k=20)
    flags = [h.complete for h in hits]
    assert True in flags and False in flags
    assert flags == sorted(flags, reverse=True)
    assert all("纠错" in h.text and "行政复议" in h.text for h in hits if h.complete)


def test_the_json_output_carries_the_warnings(corpus_store) -> None:
    corpus = store_corpus(corpus_store.path)
    parser = argparse.ArgumentParser()
    add_search_parser(parser.add_subparsers(dest="command"), corpus=lambda args: corpus)
    out = io.StringIO()
    assert run_search(parser.parse_args(["search", "xyzzy不存在的词", "--json"]), lambda a: corpus, out=out) == 0
    result = json.loads(out.getvalue())
    assert {"kind": "no_match", "word": "xyzzy", "matched": ["不", "存在"]}.items() <= result["warnings"][0].items()
    out = io.StringIO()
    assert run_search(parser.parse_args(["search", "xyzzy不存在的词"]), lambda a: corpus, out=out) == 0
    assert out.getvalue().startswith("note: xyzzy: no match; results match only 不, 存在\n")

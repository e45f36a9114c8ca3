"""Search filters (year, region, agency) are applied before the top k; hits carry their source and
highlighting; the ``assistant search`` handler prints, writes JSON and CSV."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest
from conftest import real_passages

from assistant.cli.search import add_search_parser, run_search
from assistant.domain.canonical import Copy
from assistant.search.bm25 import BM25Index, IndexedPassage
from assistant.search.searcher import Corpus, Searcher, highlight_html, match_spans, search
from assistant.search.tokenize import Tokenizer


@pytest.fixture(scope="module")
def passages() -> list[IndexedPassage]:
    return real_passages()


@pytest.fixture(scope="module")
def searcher(passages: list[IndexedPassage], tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    index = BM25Index(Tokenizer(tmp_path_factory.mktemp("index")))
    index.add(passages)
    return Searcher(index)


QUERY = "依申请公开 答复 超期"


def test_year_filter_is_applied_before_the_top_k(searcher: Searcher) -> None:
    unfiltered = searcher.search(QUERY, k=10)
    assert len(unfiltered) == 10 and all(h.year != 2013 for h in unfiltered)
    hits = searcher.search(QUERY, year=2013, k=10)
    assert len(hits) >= 3 and all(h.year == 2013 and h.report_id == "pingtan-dishuiju-2013" for h in hits)
    # the passages holding more of the query's words first, then by score
    ranks = [(len(h.matched), h.score) for h in hits]
    assert ranks == sorted(ranks, reverse=True)
    # the filtered hits are exactly the 2013 passages in the unfiltered ranking, in the same order
    everything = searcher.search(QUERY, k=len(searcher.index))
    assert [(h.start, h.score) for h in hits] == [(h.start, h.score) for h in everything if h.year == 2013][:10]


def test_region_and_agency_filters_match_substrings(searcher: Searcher) -> None:
    county = searcher.search(QUERY, region="平潭县", k=10)
    assert county and {h.report_id for h in county} <= {"pingtan-county-2011", "pingtan-county-2012"}
    tax = searcher.search("政府信息公开", agency="地方税务局", k=10)
    assert tax and {h.agency for h in tax} == {"平潭综合实验区地方税务局"}
    shanghai = searcher.search("政府信息公开", region="上海", k=10)
    assert shanghai and {h.report_id for h in shanghai} == {"shanghai-stcsm-2024"}
    both = searcher.search("政府信息公开", region="平潭", agency="管委会", year=2021, k=50)
    assert both and {h.report_id for h in both} == {"pingtan-2021"}
    assert searcher.search("政府信息公开", region="平潭縣", k=3)[0].region == "福建省福州市平潭县"  # traditional


def test_filters_that_match_nothing_give_no_hits(searcher: Searcher) -> None:
    assert searcher.search(QUERY, year=1999) == []
    assert searcher.search(QUERY, region="西藏") == []
    assert searcher.search("完全无关的火星探测器") == []


def test_k_limits_and_orders_the_hits(searcher: Searcher) -> None:
    for k in (1, 3, 25):
        hits = searcher.search("行政复议", k=k)  # one word: by score alone
        assert len(hits) == k
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_hits_carry_their_source_and_highlighting(searcher: Searcher, passages: list[IndexedPassage]) -> None:
    hit = searcher.search("行政复议 纠正", k=1)[0]
    source = next(p for p in passages if p.report_id == hit.report_id and p.start == hit.start)
    assert hit.text == source.text and hit.end == source.end and hit.title == source.title
    assert "【行政复议】" in hit.highlighted and hit.highlighted.replace("【", "").replace("】", "") == hit.text
    assert all(hit.text[s:e] in ("行政复议", "纠正") for s, e in hit.matches)


def test_html_highlighting_escapes_the_passage(searcher: Searcher) -> None:
    hit = next(h for h in searcher.search("相关链接 文字版", k=5) if "-->" in h.text)  # real crawler chrome
    html = hit.html()
    assert "<mark>相关链接</mark>" in html and "--&gt;" in html and "-->" not in html
    assert (
        highlight_html("a<b>行政复议", match_spans("a<b>行政复议", ["行政复议"])) == "a&lt;b&gt;<mark>行政复议</mark>"
    )


def test_highlighting_maps_normalised_matches_back_to_the_original_text() -> None:
    text = "本年度⾏政复议共１件"  # Kangxi radical ⾏ and a full-width digit, as PDF text layers have
    spans = match_spans(text, ["行政复议", "1"])
    assert [text[s:e] for s, e in spans] == ["⾏政复议", "１"]


def test_module_level_search_uses_the_saved_index(passages: list[IndexedPassage], tmp_path: Path) -> None:
    first = search("信息处理费", passages=passages, index_dir=tmp_path, k=3)
    assert first and "信息处理费" in first[0].text
    assert search("信息处理费", index_dir=tmp_path, k=3) == first
    assert search("information processing fees", index_dir=tmp_path, k=3) == first


def _cli(argv: list[str], corpus: Corpus) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="assistant")
    add_search_parser(parser.add_subparsers(dest="command"), corpus=lambda args: corpus)
    return parser.parse_args(argv)


def test_cli_prints_json_and_writes_csv(
    passages: list[IndexedPassage], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = Corpus(lambda: passages, tmp_path / "idx")
    args = _cli(
        ["search", "行政复议 纠正", "--year", "2021", "-k", "3", "--json", "--csv", str(tmp_path / "hits.csv")], corpus
    )
    assert args.func(args) == 0  # the handler the parser wires, printing to stdout
    result = json.loads(capsys.readouterr().out)
    assert result["query"] == "行政复议 纠正" and result["filters"] == {"year": 2021}
    hits = result["hits"]
    assert 1 <= len(hits) <= 3
    for h in hits:
        assert {"report_id", "title", "section", "text", "score", "highlighted"} <= h.keys()
        assert h["year"] == 2021 and h["report_id"] == "pingtan-2021"
    with open(tmp_path / "hits.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["text"] for r in rows] == [h["text"] for h in hits]
    assert [int(r["rank"]) for r in rows] == list(range(1, len(hits) + 1))

    out = io.StringIO()
    assert (
        run_search(_cli(["search", "administrative reconsideration", "-k", "2"], corpus), lambda a: corpus, out=out)
        == 0
    )
    text = out.getvalue()
    assert text.startswith("1. [") and "【行政复议】" in text and "2. [" in text


def test_cli_reads_the_store_once_and_then_trusts_its_fingerprint(
    passages: list[IndexedPassage], tmp_path: Path
) -> None:
    reads: list[int] = []

    def read() -> list[IndexedPassage]:
        reads.append(1)
        return passages

    corpus = Corpus(read, tmp_path / "idx", fingerprint="store-v1")
    for _ in range(2):
        assert run_search(_cli(["search", "政策解读", "--json"], corpus), lambda a: corpus, out=io.StringIO()) == 0
    assert len(reads) == 1  # the second run loaded the saved index without reading the passages
    corpus.fingerprint = "store-v2"  # a report was ingested: the index is brought up to date
    assert run_search(_cli(["search", "政策解读", "--json"], corpus), lambda a: corpus, out=io.StringIO()) == 0
    assert len(reads) == 2


def test_cli_on_an_empty_store_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = Corpus(lambda: [], tmp_path / "idx")
    assert run_search(_cli(["search", "政策解读"], corpus), lambda a: corpus, out=io.StringIO()) == 2
    assert "assistant ingest" in capsys.readouterr().err


def test_one_report_ingested_in_several_formats_counts_once(passages: list[IndexedPassage]) -> None:
    # the corpus has pingtan-2024 as crawler text, HTML, PDF and DOCX: same passages, other whitespace
    copy = [
        IndexedPassage(**{**p.__dict__, "report_id": "pingtan-2024-html", "text": p.text.replace("，", "， ")})
        for p in passages
        if p.report_id == "pingtan-2024"
    ]
    index = BM25Index(Tokenizer())
    index.add(passages + copy)
    agency = copy[0].agency  # the crawler text has 3 uncertain (glued) cells, the HTML page none
    copies = [
        Copy("pingtan-2024", agency, 2024, "txt", 200, 3),
        Copy("pingtan-2024-html", agency, 2024, "html", 200, 0),
    ]
    searcher = Searcher(index, copies)
    hits = searcher.search("信息处理费", year=2024, k=10)
    # 信息处理费 itself is only in Pingtan's report; its parts (信息, 处理) find others after it
    exact = [h for h in hits if "信息处理费" in h.text]
    assert exact and {h.report_id for h in exact} == {"pingtan-2024-html"} and hits[: len(exact)] == exact
    assert "pingtan-2024" not in {h.report_id for h in hits}
    texts = ["".join(h.text.split()) for h in hits]
    assert len(texts) == len(set(texts))
    # searching every copy, the passages they share are one hit naming the other copy
    both = searcher.search("信息处理费", year=2024, k=10, distinct=False)
    shared = [h for h in both if "信息处理费" in h.text]
    assert shared and all(set((h.report_id, *h.copies)) == {"pingtan-2024", "pingtan-2024-html"} for h in shared)
    assert len({"".join(h.text.split()) for h in both}) == len(both)

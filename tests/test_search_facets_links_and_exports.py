"""Facets count the hits by year, agency, region and section; a link reproduces a search; the hits and
the figures export to CSV and JSON with integers written as integers."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qsl

import pytest

from assistant.cli.search import write_csv
from assistant.search.searcher import Filters, Searcher, store_corpus
from assistant.ui.app import from_link
from assistant.ui.service import Service, search_link


@pytest.fixture(scope="module")
def searcher(corpus_store) -> Searcher:
    return store_corpus(corpus_store.path).searcher()


def test_facets_count_every_matching_passage(searcher: Searcher) -> None:
    result = searcher.run("行政复议", k=5)
    totals = {facet: sum(n for _, n in values) for facet, values in result.facets.items()}
    assert set(totals) == {"year", "agency", "region", "section"}
    assert totals["year"] == totals["agency"] == totals["section"] > len(result.hits)
    one = searcher.run("行政复议", Filters(agency="沭阳"), k=50)
    assert [v for v, _ in one.facets["year"]] == [2023] and one.facets["year"][0][1] == len(one.hits)
    assert [v for v, _ in one.facets["region"]] == ["江苏省宿迁市沭阳县"]


def test_a_link_carries_the_query_and_the_filters(corpus_store) -> None:
    link = search_link("行政复议 纠正", 2024, "平潭", "管委会", "txt", 20)
    params = dict(parse_qsl(link.lstrip("?")))
    assert params == {
        "q": "行政复议 纠正",
        "year": "2024",
        "region": "平潭",
        "agency": "管委会",
        "format": "txt",
        "k": "20",
    }
    assert from_link(params) == ["行政复议 纠正", "2024", "平潭", "管委会", "txt", 20]
    assert from_link({}) is None
    html, _, _ = Service(corpus_store.path).search_html("行政复议", 2024, "平潭", "", 10, "")
    assert 'href="?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&amp;year=2024&amp;region=%E5%B9%B3%E6%BD%AD"' in html


def test_hit_exports_write_integers(corpus_store, searcher: Searcher) -> None:
    buf = io.StringIO()
    write_csv(searcher.search("行政复议", agency="沭阳", k=3), buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows and {r["year"] for r in rows} == {"2023"} and all(r["start"].isdigit() for r in rows)
    _, _, json_path = Service(corpus_store.path).search_html("行政复议", None, "", "沭阳", 3, "")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert all(isinstance(h["year"], int) and isinstance(h["start"], int) for h in data["hits"])


def test_figure_exports_write_integers(corpus_store) -> None:
    service = Service(corpus_store.path)
    figures = json.loads(service.figures_json(True, "沭阳").read_text(encoding="utf-8"))
    review = next(f for f in figures if f["address"] == "appeals.review.total")
    assert review["value"] == 1 and isinstance(review["value"], int) and review["year"] == 2023  # README: 总计 1
    _, csv_path = service.figures(True, "沭阳")
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        values = [r["数值 value"] for r in csv.DictReader(fh)]
    assert "26" in values and not any(v.endswith(".0") for v in values)  # 本年新收 26, not 26.0

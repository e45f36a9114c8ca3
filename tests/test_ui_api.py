"""The app's API from gradio_client: named endpoints /ask and /search on a running app."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEED

from harness.serve import running_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(corpus_store, tmp_path_factory):
    from gradio_client import Client

    log = ROOT / "test-output" / "ui-api" / "app.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with running_app(corpus_store.path, log=log) as url:
        yield Client(url, verbose=False, download_files=False)


def test_the_api_names_ask_and_search(client):
    names = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {"/ask", "/search", "/reports"} <= set(names)


def test_ask_about_the_seed_report(client):
    result = client.predict(
        question="How many applications were carried forward?", report_id=SEED.name, api_name="/ask"
    )
    assert result["kind"] == "figure" and result["value"] == 1
    cite = result["citations"][0]
    assert cite["report_id"] == SEED.name and "结转下年度继续办理" in cite["text"]
    assert cite["start"] < cite["end"]


def test_ask_in_chinese_about_the_corpus(client):
    result = client.predict(question="上年结转了多少件申请？", api_name="/ask")
    assert result["kind"] in ("figure", "aggregate") and result["citations"]
    assert "上年结转" in result["answer"]


def test_search_with_filters(client):
    hits = client.predict(query="行政复议", year=2024, region="", agency="平潭", k=5, api_name="/search")
    assert 0 < len(hits) <= 5
    assert all(h["year"] == 2024 and "平潭" in h["agency"] for h in hits)
    assert all("行政复议" in h["text"] for h in hits)
    everything = client.predict(query="行政复议", api_name="/search")
    assert len(everything) == 10


def test_reports_lists_the_corpus(client):
    reports = client.predict(api_name="/reports")
    assert SEED.name in {r["id"] for r in reports}

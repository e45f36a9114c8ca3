"""The plain JSON API beside the Gradio app: POST /api/ask gives exactly `assistant ask --json`,
GET /api/search exactly `assistant search --json`; bad requests get a clear status, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest
from conftest import ROOT, SEED

from harness.serve import running_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def app(corpus_store):
    log = ROOT / "test-output" / "json-api" / "app.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with running_app(corpus_store.path, log=log) as url:
        yield url.rstrip("/"), corpus_store.path


def _cli(*args: str) -> object:
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli.main", *args, "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_ask_about_one_report_is_the_cli_answer(app):
    url, store = app
    question = "How many applications were carried forward?"
    got = httpx.post(f"{url}/api/ask", json={"question": question, "report": SEED.name}, timeout=60).json()
    assert got["kind"] == "figure" and got["value"] == 1  # 结转下年度继续办理 … 1 in the seed's table
    assert got == _cli("ask", question, "--report", SEED.name, "--store", str(store))


def test_ask_about_the_corpus_is_the_cli_answer(app):
    url, store = app
    question = "上年结转了多少件申请？"
    got = httpx.post(f"{url}/api/ask", json={"question": question}, timeout=60).json()
    assert got["citations"] and got == _cli("ask", question, "--store", str(store))


def test_search_is_the_cli_search(app):
    url, store = app
    got = httpx.get(f"{url}/api/search", params={"q": "行政复议", "year": 2024, "agency": "平潭", "k": 5}).json()
    hits = got["hits"]
    assert 0 < len(hits) <= 5 and all(h["year"] == 2024 and "平潭" in h["agency"] for h in hits)
    cli = _cli("search", "行政复议", "--year", "2024", "--agency", "平潭", "-k", "5", "--store", str(store))
    assert got == cli


def test_bad_requests_are_refused_plainly(app):
    url, _ = app
    assert httpx.post(f"{url}/api/ask", json={"report": SEED.name}).status_code == 422
    assert httpx.get(f"{url}/api/search").status_code == 422
    assert httpx.get(f"{url}/api/search", params={"q": "复议", "k": 0}).status_code == 422


def test_the_gradio_app_is_still_served(app):
    url, _ = app
    page = httpx.get(f"{url}/")
    assert page.status_code == 200 and "gradio" in page.text.lower()

"""The app under hostile uploads and many visitors (issue 17): an upload is parsed in a separate limited
process, so a memory bomb fails with one line and costs the app nothing; the sessions it keeps are bounded,
so its memory stops growing however many requests come."""

from __future__ import annotations

import os
import resource
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import chaos_files
import pytest
from conftest import CORPUS

from assistant.read import Limits
from assistant.ui.service import Service
from harness.serve import running_app

REPORTS = ("pingtan-2019.txt", "pingtan-2020.txt")


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    from assistant.store.database import Store
    from assistant.store.ingest import ingest

    store = Store(tmp_path_factory.mktemp("small") / "corpus.sqlite")
    assert not ingest([CORPUS / name for name in REPORTS], store, progress=False).failed
    return store.path


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_memory_bomb_upload_fails_alone_and_the_app_answers_others(small_store, tmp_path):
    bomb = chaos_files.html_spans(tmp_path / "bomb.html", rows=60)
    service = Service(small_store, Limits(max_memory=128 * 2**20, max_cells=10**12))  # no cell limit: memory hits
    service.ask("平潭综合实验区2019年收到了多少件申请？")  # warm: the peak below is the upload's alone
    before = _peak_mib()
    outcome: dict = {}
    upload = threading.Thread(target=lambda: outcome.update(report_and_html=service.read_upload(bomb)))
    upload.start()
    answer = service.ask("平潭综合实验区2019年收到了多少件申请？")  # another visitor, meanwhile
    upload.join()
    assert answer.value == 23  # pingtan-2019.txt: 一、本年新收政府信息公开申请数量 23
    report, html = outcome["report_and_html"]
    assert report is None
    assert "memory budget of 128 MiB" in html and "--max-memory-mb" in html
    assert _peak_mib() - before < 64  # the bomb went off in the worker, not in the app


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _server_pid() -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat[1]) == os.getpid() and b"ui.py" in cmd:
                return int(entry.name)
    raise AssertionError("the app's process is not a child of this one")


@pytest.mark.slow
def test_the_apps_memory_stops_growing_with_requests(small_store, tmp_path, monkeypatch):
    """Every API call is a new Gradio session, which took some 170 KB for ever (50 MB over 300 calls):
    with 20 sessions kept, the 300 calls after the first 100 add under 15 MB."""
    import httpx

    monkeypatch.setenv("ASSISTANT_MAX_SESSIONS", "20")
    with running_app(small_store, log=tmp_path / "app.log") as url:
        pid = _server_pid()
        local = threading.local()

        def call(_: int) -> None:
            if not hasattr(local, "client"):
                local.client = httpx.Client(base_url=url, timeout=120)
            event = local.client.post("/gradio_api/call/reports", json={"data": []}).json()["event_id"]
            assert "pingtan-2019.txt" in local.client.get(f"/gradio_api/call/reports/{event}").text

        with ThreadPoolExecutor(4) as pool:
            list(pool.map(call, range(100)))
            after_100 = _rss_mib(pid)
            list(pool.map(call, range(300)))
            after_400 = _rss_mib(pid)
    assert after_400 - after_100 < 15, (after_100, after_400)

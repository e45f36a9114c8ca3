"""The app under hostile load: its memory over many API calls, and other visitors' answers during a bomb.

1. Memory: starts ``ui.py`` over a small store and sends N API calls (default 10,000; each is a new Gradio
   session) through ``/reports``, printing the app's resident memory after 1,000 and after N.
   Target: the second within 10% of the first.
2. A memory-bomb upload: an HTML page of cells spanning 200x200 (with no cell limit, so it runs into the
   memory budget of the parser process) is uploaded while another visitor asks questions; prints their
   answer times. Target: every answer under 1 s.

    .venv/bin/python bench/bench_chaos.py [--calls 10000] [--skip-memory]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from chaos_files import html_spans  # noqa: E402

from assistant.read import Limits  # noqa: E402
from assistant.store.database import Store  # noqa: E402
from assistant.store.ingest import ingest  # noqa: E402
from assistant.ui.service import Service  # noqa: E402
from harness.serve import running_app  # noqa: E402

REPORTS = ("pingtan-2019.txt", "pingtan-2020.txt", "pingtan-2024.txt")
QUESTION = "平潭综合实验区2019年收到了多少件申请？"
MEMORY_TARGET, LATENCY_TARGET_S = 1.10, 1.0


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def server_pid() -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if ppid == os.getpid() and b"ui.py" in cmd:
                return int(entry.name)
    raise RuntimeError("the app is not running")


def memory(store: Path, calls: int, scratch: Path) -> bool:
    import httpx

    with running_app(store, log=scratch / "app.log") as url:
        pid = server_pid()
        local = threading.local()

        def call(_: int) -> None:
            if not hasattr(local, "client"):
                local.client = httpx.Client(base_url=url, timeout=120)
            event = local.client.post("/gradio_api/call/reports", json={"data": []}).json()["event_id"]
            local.client.get(f"/gradio_api/call/reports/{event}").raise_for_status()

        with ThreadPoolExecutor(4) as pool:
            list(pool.map(call, range(1000)))
            first = rss_mib(pid)
            list(pool.map(call, range(calls - 1000)))
            last = rss_mib(pid)
    ok = last <= first * MEMORY_TARGET
    print(f"memory after 1,000 calls {first:.0f} MiB, after {calls:,} {last:.0f} MiB ({last / first:.3f}x)")
    print(f"  target <= {MEMORY_TARGET}x: {'ok' if ok else 'MISSED'}")
    return ok


def bomb(store: Path, scratch: Path) -> bool:
    service = Service(store, Limits(max_cells=10**12))  # the memory budget (2 GiB) is what stops it
    service.ask(QUESTION)
    path = html_spans(scratch / "bomb.html")
    result: list = []
    upload = threading.Thread(target=lambda: result.append(service.read_upload(path)))
    start = time.perf_counter()
    upload.start()
    times = []
    while upload.is_alive():
        t = time.perf_counter()
        service.ask(QUESTION)
        times.append(time.perf_counter() - t)
    upload.join()
    ok = bool(times) and max(times) < LATENCY_TARGET_S
    print(f"bomb upload refused after {time.perf_counter() - start:.1f} s: {result[0][1][:160]!r}")
    if times:
        print(f"  {len(times)} answers meanwhile: max {max(times):.3f} s, mean {sum(times) / len(times):.3f} s")
    print(f"  target < {LATENCY_TARGET_S} s: {'ok' if ok else 'MISSED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=10_000, help="API calls for the memory check (default 10000)")
    parser.add_argument("--skip-memory", action="store_true", help="only the bomb upload")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        store = Store(scratch / "corpus.sqlite")
        ingest([REPO / "corpus" / name for name in REPORTS], store, progress=False)
        ok = bomb(store.path, scratch)
        if not args.skip_memory:
            ok = memory(store.path, args.calls, scratch) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

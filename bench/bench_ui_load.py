"""Load on the app over plain HTTP: concurrent users asking through ``POST /api/ask`` and through Gradio's
queue (``/gradio_api/call/ask``, the path the Ask tab's answers take), against stores of 23 (the corpus),
500 and 5,000 reports (generated from the corpus with ``assistant generate``).

The app runs in its own process (``ui.py``); the users are threads of another process started per run
(``--drive``), each on a keep-alive connection of the standard library's HTTP client, so that the load
generator never shares the server's interpreter and takes as little of the two cores as it can; its CPU time
a request is printed, measured in the same run. Each user asks ``--rounds`` questions one after another; all
users start together.

    .venv/bin/python bench/bench_ui_load.py [--stores 23,500,5000] [--users 20,50] [--rounds 5]
"""

from __future__ import annotations

import argparse
import http.client
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from common import MISSED, corpus_store, generated_store, goal, load_now, machine, median, percentile

from assistant.store.database import Store
from harness.serve import running_app

API_P95_S = 0.150  # /api/ask, 20 users, 5,000 reports
GRADIO_P95_S = 0.400  # the Ask tab through Gradio's queue
CORPUS_QUESTIONS = (
    "How many applications were carried forward?",
    "上年结转了多少件申请？",
    "Which bureau received the most requests in 2023?",
    "2024年共收到多少件申请？",
    "How many requests did individuals make?",
    "行政复议有多少件？",
    "What did the reports say about information processing fees?",
)
REPORT_QUESTIONS = ("How many applications were carried forward?", "存在哪些主要问题？", "行政诉讼有多少件？")


def questions(report_id: str) -> list[tuple[str, str]]:
    return [(q, "") for q in CORPUS_QUESTIONS] + [(q, report_id) for q in REPORT_QUESTIONS]


# ---------------------------------------------------------------- the users (a separate process)
class _User:
    """One user's keep-alive connection, through the standard library's HTTP client: a load generator as
    light as a browser's is on its own machine (httpx cost about 20 ms of CPU a request on these two cores,
    more than the server's own answer)."""

    def __init__(self, url: str):
        address = urlsplit(url)
        self.conn = http.client.HTTPConnection(address.hostname, address.port, timeout=120)

    def send(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if data is not None else {}
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        return response.status, response.read()

    def ask_api(self, question: str, report: str) -> str | None:
        status, body = self.send("POST", "/api/ask", {"question": question, "report": report or None})
        if status != 200 or not json.loads(body).get("answer"):
            return f"HTTP {status}: {body[:120]!r}"
        return None

    def ask_gradio(self, question: str, report: str) -> str | None:
        status, body = self.send("POST", "/gradio_api/call/ask", {"data": [question, report]})
        if status != 200:
            return f"HTTP {status}: {body[:120]!r}"
        _, text = self.send("GET", f"/gradio_api/call/ask/{json.loads(body)['event_id']}")
        if b"event: complete" not in text:
            return f"no answer: {text[:120]!r}"
        return None


def drive(url: str, users: int, rounds: int, mode: str, report_id: str) -> dict:
    asks = questions(report_id)
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(users + 1)

    def user(i: int) -> None:
        client = _User(url)
        one = client.ask_api if mode == "api" else client.ask_gradio
        one(*asks[i % len(asks)])  # each user's connection warm before the clock starts
        start.wait()
        for r in range(rounds):
            question, report = asks[(i + r) % len(asks)]
            t0 = time.perf_counter()
            try:
                error = one(question, report)
            except Exception as exc:  # counted, not raised
                error = f"{type(exc).__name__}: {exc}"
            with lock:
                latencies.append(time.perf_counter() - t0)
                if error:
                    failures.append(f"{question!r}: {error}")
        client.conn.close()

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    start.wait()
    t0, cpu0 = time.perf_counter(), time.process_time()
    for t in threads:
        t.join()
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    return {"latencies": latencies, "failures": failures, "wall": wall, "driver_cpu": cpu / max(1, len(latencies))}


# ---------------------------------------------------------------- the runs
def run(url: str, users: int, rounds: int, mode: str, report_id: str) -> dict:
    cmd = [sys.executable, __file__, "--drive", url, "--users", str(users), "--rounds", str(rounds)]
    out = subprocess.run([*cmd, "--mode", mode, "--report", report_id], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stores", default="23,500,5000", help="store sizes (23: the corpus; others generated)")
    ap.add_argument("--users", default="20,50", help="concurrent users per run")
    ap.add_argument("--rounds", type=int, default=5, help="questions per user per run")
    ap.add_argument("--drive", help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="api", help=argparse.SUPPRESS)
    ap.add_argument("--report", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.drive:
        print(json.dumps(drive(args.drive, int(args.users), args.rounds, args.mode, args.report)))
        return 0
    print(machine())
    results: dict[tuple[int, int, str], dict] = {}
    for size in (int(s) for s in args.stores.split(",")):
        store = corpus_store() if size == 23 else generated_store(size)
        count = Store(store).counts()["reports"]
        report_id = Store(store).reports()[0]["id"]
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            with running_app(store, log=Path(tmp) / "app.log", timeout=900) as url:
                url = url.rstrip("/")
                print(f"store of {count} reports: app up and warm in {time.perf_counter() - t0:.1f} s", flush=True)
                for users in (int(u) for u in args.users.split(",")):
                    for mode in ("api", "gradio"):
                        res = run(url, users, args.rounds, mode, report_id)
                        lat = res["latencies"]
                        p50, p95 = median(lat), percentile(lat, 95)
                        results[(count, users, mode)] = {"p50": p50, "p95": p95, "failures": len(res["failures"])}
                        path = "/api/ask" if mode == "api" else "Gradio queue /ask"
                        print(
                            f"  {path:<18} {users:>2} users x {args.rounds}: p50 {p50 * 1000:7.1f} ms  "
                            f"p95 {p95 * 1000:7.1f} ms  max {max(lat) * 1000:7.1f} ms  "
                            f"{len(lat) / res['wall']:6.1f} answers/s  failures {len(res['failures'])}  "
                            f"load generator {res['driver_cpu'] * 1000:.1f} ms CPU a request  {load_now()}",
                            flush=True,
                        )
                        for f in res["failures"][:3]:
                            print("    failed:", f)
    return report(results)


def report(results: dict[tuple[int, int, str], dict]) -> int:
    sizes = sorted({k[0] for k in results})
    big, small = sizes[-1], sizes[0]
    for users in sorted({k[1] for k in results}):
        for mode in ("api", "gradio"):
            if (big, users, mode) in results and (small, users, mode) in results:
                ratio = results[(big, users, mode)]["p95"] / results[(small, users, mode)]["p95"]
                print(f"ratio p95 {big} / {small} reports, {users} users, {mode}: {ratio:.2f}×")
        if (big, users, "api") in results:
            ratio = results[(big, users, "gradio")]["p95"] / results[(big, users, "api")]["p95"]
            print(f"ratio p95 Gradio queue / /api/ask, {big} reports, {users} users: {ratio:.2f}×")
    api = results.get((big, 20, "api"))
    grad = results.get((big, 20, "gradio"))
    if api and grad:
        print(
            goal(
                f"/api/ask, 20 users, {big} reports",
                f"p95 {api['p95'] * 1000:.0f} ms, {api['failures']} failures",
                f"p95 <= {API_P95_S * 1000:.0f} ms, 0 failures",
                f"Gradio queue p95 {grad['p95'] * 1000:.0f} ms",
                api["p95"] <= API_P95_S and not api["failures"],
            )
        )
        print(
            goal(
                f"Gradio Ask (queue /ask), 20 users, {big} reports",
                f"p95 {grad['p95'] * 1000:.0f} ms, {grad['failures']} failures",
                f"p95 <= {GRADIO_P95_S * 1000:.0f} ms",
                f"/api/ask p95 {api['p95'] * 1000:.0f} ms",
                grad["p95"] <= GRADIO_P95_S and not grad["failures"],
            )
        )
    return 1 if MISSED else 0


if __name__ == "__main__":
    sys.exit(main())

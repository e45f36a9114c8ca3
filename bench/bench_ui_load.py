"""Load check of the app: concurrent questions through the Gradio API, with their latency.

Starts ``ui.py`` on a free local port over the corpus store (``indexes/corpus.sqlite``; when it is
missing or empty, the bundled corpus is ingested into a temporary store), then sends N questions
(default 20, English and Chinese, figures, aggregates and passages) all at once through
``gradio_client`` to the named endpoint ``/ask``, and prints p50/p95/max latency and the failures.
Exits 1 if any question fails or p95 is over the target.

Target: no failure, p95 <= 3 s for 20 concurrent questions ("the answer in a few seconds").

    .venv/bin/python bench/bench_ui_load.py [--n 20] [--store FILE]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.store.database import DEFAULT_STORE, Store  # noqa: E402
from harness.serve import running_app  # noqa: E402

SEED = "000_782cdb5e9cbe54e2.txt"
QUESTIONS = [  # (question, report id or "" for the whole corpus)
    ("How many applications were carried forward?", SEED),
    ("上年结转了多少件申请？", SEED),
    ("How many applications were carried forward?", ""),
    ("上年结转了多少件申请？", ""),
    ("Which bureau received the most requests in 2023?", ""),
    ("2024年平潭综合实验区收到多少件申请？", ""),
    ("How many requests did individuals make?", ""),
    ("行政复议有多少件？", ""),
    ("What did Pingtan say about information processing fees?", ""),
    ("平潭综合实验区2024年存在哪些主要问题？", ""),
    ("What problems does the report mention?", SEED),
    ("存在哪些主要问题？", SEED),
]
TARGET_P95_S = 3.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def store_for_bench(path: Path, scratch: Path) -> Path:
    """The store to serve: the given one if it holds reports, else the bundled corpus ingested afresh."""
    if path.exists() and Store(path).counts()["reports"]:
        return path
    from assistant.store.ingest import ingest

    fresh = Store(scratch / "corpus.sqlite")
    ingest([REPO / "corpus"], fresh, progress=False)
    print(f"(no reports in {path}: ingested the bundled corpus into {fresh.path})")
    return fresh.path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20, help="concurrent questions (default 20)")
    parser.add_argument("--store", default=str(DEFAULT_STORE), help="the corpus store to serve")
    args = parser.parse_args(argv)

    from gradio_client import Client

    with tempfile.TemporaryDirectory() as scratch:
        store = store_for_bench(Path(args.store), Path(scratch))
        start = time.perf_counter()
        with running_app(store, log=Path(scratch) / "app.log") as url:
            print(f"app up at {url} in {time.perf_counter() - start:.1f}s (store {store})")
            client = Client(url, verbose=False, download_files=False)
            client.predict(question="How many applications were carried forward?", report_id=SEED, api_name="/ask")

            def one(i: int) -> tuple[float, str | None]:
                question, report_id = QUESTIONS[i % len(QUESTIONS)]
                t0 = time.perf_counter()
                try:
                    result = client.predict(question=question, report_id=report_id, api_name="/ask")
                    error = None if isinstance(result, dict) and result.get("answer") else f"bad result {result!r}"
                except Exception as exc:  # counted and shown, not raised
                    error = f"{type(exc).__name__}: {exc}"
                return time.perf_counter() - t0, error and f"{question!r}: {error}"

            wall = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.n) as pool:
                results = list(pool.map(one, range(args.n)))
            wall = time.perf_counter() - wall

    latencies = [t for t, _ in results]
    failures = [e for _, e in results if e]
    p50, p95 = statistics.median(latencies), percentile(latencies, 95)
    print(
        f"{args.n} concurrent questions through /ask: p50 {p50:.3f}s  p95 {p95:.3f}s  max {max(latencies):.3f}s  "
        f"wall {wall:.2f}s  failures {len(failures)}"
    )
    met = not failures and p95 <= TARGET_P95_S
    print(f"target: no failure, p95 <= {TARGET_P95_S:.1f}s -> {'OK' if met else 'MISSED'}")
    for f in failures:
        print("  failed:", f)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

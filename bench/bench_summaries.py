"""Summaries per second over the corpus store: in one process (dictionaries loaded) and as a batch on
both cores (start-up included). Builds a temporary store from corpus/ when the default one is empty.

    .venv/bin/python bench/bench_summaries.py [--rounds N] [--store FILE]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.store.database import DEFAULT_STORE, Store  # noqa: E402
from assistant.summarize.batch import Job, run_batch, warm_up  # noqa: E402
from assistant.summarize.core import summarize  # noqa: E402
from assistant.summarize.render import render_summary  # noqa: E402


def _store(path: Path, tmp: Path) -> Store:
    store = Store(path)
    if store.counts()["reports"]:
        return store
    from assistant.store.ingest import ingest

    store = Store(tmp / "corpus.sqlite")
    ingest([ROOT / "corpus"], store, progress=False)
    return store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="passes over the corpus in one process (default 3)")
    ap.add_argument("--store", default=str(DEFAULT_STORE), help="the corpus store")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = _store(Path(args.store), Path(tmp))
        ids = [r["id"] for r in store.reports()]
        reports = [store.report(i) for i in ids]
        t0 = time.perf_counter()
        warm_up()
        load = time.perf_counter() - t0

        t0 = time.perf_counter()
        n = 0
        for _ in range(args.rounds):
            for report in reports:
                for lang in ("en", "zh"):
                    render_summary(summarize(report, lang), "md")
                    n += 1
        one = n / (time.perf_counter() - t0)

        jobs = [Job(i, "en", "html", store=str(store.path)) for i in ids]
        t0 = time.perf_counter()
        result = run_batch(jobs, Path(tmp) / "out", "html", progress=False)
        batch_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "assistant.cli",
                "summarize",
                "--all",
                "--store",
                str(store.path),
                "--out",
                str(Path(tmp) / "cli"),
                "--quiet",
            ],
            cwd=ROOT,
            check=False,
            capture_output=True,
        )
        cli_s = time.perf_counter() - t0
    print(f"corpus: {len(ids)} reports; dictionaries (jieba, POS tags, IDF, CC-CEDICT) load in {load:.2f} s")
    print(f"one process, dictionaries loaded: {one:.1f} summaries/s ({n} summaries, en and zh, markdown)")
    print(
        f"batch, 2 workers, dictionaries loaded: {len(result.written) / batch_s:.1f} summaries/s "
        f"({len(result.written)} written, {len(result.failed)} failed, {batch_s:.2f} s)"
    )
    print(
        f"`assistant summarize --all` from a cold start: {len(ids) / cli_s:.1f} summaries/s ({cli_s:.2f} s, "
        "interpreter and dictionaries included)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

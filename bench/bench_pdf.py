"""PDF ingestion speed (pages/s) and peak memory over corpus/*.pdf.

Run: ``python bench/bench_pdf.py [--rounds N] [PDF ...]``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.read.document import Limits  # noqa: E402
from assistant.read.pdf import read_pdf  # noqa: E402


def bench(paths: list[Path], rounds: int) -> tuple[int, float]:
    """Pages read and seconds taken over all rounds; prints one line per file (last round)."""
    pages = 0
    seconds = 0.0
    for r in range(rounds):
        for path in paths:
            start = time.perf_counter()
            doc = read_pdf(path, Limits())
            took = time.perf_counter() - start
            n = len(doc.page_starts)
            pages += n
            seconds += took
            if r == rounds - 1:
                print(f"{path.name:45} {n:3d} pages {took:6.2f} s {n / took:6.1f} pages/s")
    return pages, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path, help="PDF files (default: corpus/*.pdf)")
    ap.add_argument("--rounds", type=int, default=3, help="times to read every file (default 3)")
    args = ap.parse_args()
    paths = args.pdfs or sorted((ROOT / "corpus").glob("*.pdf"))
    if not paths:
        sys.exit("no PDF files found")
    read_pdf(paths[0], Limits())  # warm-up: imports and font caches
    pages, seconds = bench(paths, args.rounds)
    print(
        f"total: {pages} pages in {seconds:.2f} s = {pages / seconds:.1f} pages/s "
        f"({len(paths)} files x {args.rounds} rounds, one process)"
    )
    tracemalloc.start()
    for path in paths:
        read_pdf(path, Limits())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"peak Python allocations reading the files one after another: {peak / 2**20:.1f} MiB (tracemalloc); "
        f"peak RSS of the process: {rss:.0f} MiB"
    )


if __name__ == "__main__":
    main()

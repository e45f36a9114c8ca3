"""What every bench shares: the machine line, percentiles, the goal lines, and the generated stores."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.extract.report import PARSER_VERSION  # noqa: E402
from assistant.store.database import Store  # noqa: E402

STORES = ROOT / "indexes" / "bench"
SEED_REPORT = "000_782cdb5e9cbe54e2.txt"


def machine() -> str:
    """Load, cores, Python and numpy versions: printed first by every bench."""
    import numpy

    one, five, fifteen = os.getloadavg()
    return (
        f"machine: load {one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min) on {os.cpu_count()} cores · "
        f"Python {platform.python_version()} · numpy {numpy.__version__}"
    )


def load_now() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def median(values: list[float]) -> float:
    return statistics.median(values)


MISSED: list[str] = []  # the goals this process printed as MISS: its exit status says so


def goal(name: str, measured: str, target: str, peer: str, met: bool) -> str:
    """One goal as `measured / goal / peer` with PASS or MISS (a miss is remembered in MISSED)."""
    if not met:
        MISSED.append(name)
    return f"GOAL {name}: {measured} / goal {target} / peer {peer} -> {'PASS' if met else 'MISS'}"


def corpus_store() -> Path:
    """The corpus store `make ingest` writes, or the bundled corpus ingested into indexes/bench/."""
    from assistant import config

    path = config.default_store()
    if path.exists() and Store(path).counts()["reports"]:
        return path
    from assistant.store.ingest import ingest

    path = STORES / "corpus.sqlite"
    if not (path.exists() and Store(path).counts()["reports"]):
        ingest([ROOT / "corpus"], Store(path), progress=False)
    return path


def generated_store(count: int, seed: int = 1) -> Path:
    """A store of ``count`` reports generated from corpus/ (``assistant generate``), made once and kept."""
    path = STORES / f"generated-{count}-s{seed}.sqlite"
    if path.exists() and Store(path).counts()["reports"] == count:
        return path
    from assistant.generate import generate

    print(f"(generating {count} reports into {path}: once, then kept)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        partial = Path(tmp) / "store.sqlite"
        store = Store(partial)
        batch = []
        for g in generate(ROOT / "corpus", count, Path(tmp) / "files", seed):
            batch.append(g.report)
            if len(batch) == 200:
                store.add_all(batch, PARSER_VERSION)
                batch = []
        store.add_all(batch, PARSER_VERSION)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(partial, path)
    return path

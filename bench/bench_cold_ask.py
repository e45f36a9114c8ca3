"""`assistant ask --file SEED "How many applications were carried forward?"` from a cold process.

Each run is a fresh interpreter (bytecode compiled once first, as an installed package has it), over the
corpus store. Peers measured in the same run: a bare interpreter, and the libraries a figure question
does not need (numpy, scipy, jieba, pypinyin) imported alone.

    .venv/bin/python bench/bench_cold_ask.py [--repeats N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import subprocess
import sys
import time

from common import MISSED, ROOT, SEED_REPORT, corpus_store, goal, load_now, machine, median

GOAL_S = 0.5
QUESTION = "How many applications were carried forward?"


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args()
    print(machine())
    compileall.compile_dir(ROOT / "assistant", quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["ASSISTANT_STORE"] = str(corpus_store())
    ask = [sys.executable, "-m", "assistant.cli.main", "ask", "--file", str(ROOT / "corpus" / SEED_REPORT), QUESTION]
    bare = [sys.executable, "-c", "pass"]
    heavy = [sys.executable, "-c", "import numpy, scipy.sparse, jieba, pypinyin"]
    runs: dict[str, list[tuple[float, float]]] = {"ask": [], "bare": [], "heavy": []}
    for _ in range(args.repeats):  # interleaved, so that a burst of load hits all three alike
        runs["ask"].append(timed(ask, env))
        runs["bare"].append(timed(bare, env))
        runs["heavy"].append(timed(heavy, env))
    wall = {k: median([w for w, _ in v]) for k, v in runs.items()}
    cpu = {k: median([c for _, c in v]) for k, v in runs.items()}
    print(
        f"{args.repeats} cold runs each, median wall (CPU): ask {wall['ask']:.3f} s ({cpu['ask']:.3f} s) · "
        f"bare python {wall['bare']:.3f} s ({cpu['bare']:.3f} s) · numpy+scipy+jieba+pypinyin imports alone "
        f"{wall['heavy']:.3f} s ({cpu['heavy']:.3f} s) · best ask wall {min(w for w, _ in runs['ask']):.3f} s · "
        f"{load_now()}"
    )
    print(
        f"ratios: ask / bare python {wall['ask'] / wall['bare']:.1f}× · "
        f"ask / the unused imports alone {wall['ask'] / wall['heavy']:.2f}× (wall)"
    )
    print(
        "(wall time is what a user waits; on a loaded machine it exceeds the CPU time the process needs, "
        "which is what it would take on an idle core)"
    )
    print(
        goal(
            "ask cold (--file SEED, figure question), wall",
            f"{wall['ask']:.3f} s",
            f"<= {GOAL_S} s",
            f"bare python {wall['bare']:.3f} s, unused imports {wall['heavy']:.3f} s",
            wall["ask"] <= GOAL_S,
        )
    )
    print(
        goal(
            "ask cold, CPU time",
            f"{cpu['ask']:.3f} s",
            f"<= {GOAL_S} s",
            f"unused imports {cpu['heavy']:.3f} s",
            cpu["ask"] <= GOAL_S,
        )
    )
    return 1 if MISSED else 0


if __name__ == "__main__":
    sys.exit(main())

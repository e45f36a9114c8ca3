"""Precision and recall of the narrative facts against the hand-read blind sets (totals only).

    python bench/bench_narrative_facts.py [--blind DIR] [--corpus DIR]

The sealed set is scored as a whole: its items are never printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant import config
from assistant.extract.narrative_score import score_file
from assistant.extract.report import parse_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", default="tests/blind")
    parser.add_argument("--corpus", default=str(config.path("corpus")))
    args = parser.parse_args()
    for part in ("dev", "sealed"):
        s = score_file(Path(args.blind) / f"narrative_{part}.json", Path(args.corpus), parse_file)
        print(
            f"{part:6} precision {s.precision:.3f} ({s.matched}/{s.predicted})  "
            f"recall {s.recall:.3f} ({s.matched}/{s.expected})"
        )


if __name__ == "__main__":
    main()

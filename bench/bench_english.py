"""Share of the summaries' report-content points (work items, problems, improvements, other matters)
rendered in English rather than quoted, over every report in corpus/ (goal: at least 80%).

    .venv/bin/python bench/bench_english.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.extract.report import parse_file  # noqa: E402
from assistant.summarize.coverage import coverage  # noqa: E402


def main() -> int:
    manifest = (ROOT / "corpus" / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    names = [line.split("\t")[0] for line in manifest if line and not line.startswith("reference/")]
    files = sorted(ROOT / "corpus" / n for n in names)
    result = coverage(parse_file(p) for p in files)
    print(
        f"English share of report-content points over {len(files)} corpus files: {result.share:.1%} "
        f"({result.rendered} rendered, {result.quoted} quoted)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

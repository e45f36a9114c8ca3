"""Share of the summaries' report-content points (work items, problems, improvements, other matters)
rendered in English rather than quoted, over every file in corpus/ and over the distinct reports (one copy
per agency-year, the one that counts by assistant.domain.canonical); goal: at least 80% for both.

    .venv/bin/python bench/bench_english.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.domain.canonical import Copy, counted  # noqa: E402
from assistant.extract.report import parse_file  # noqa: E402
from assistant.summarize.coverage import coverage  # noqa: E402


def main() -> int:
    manifest = (ROOT / "corpus" / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    names = [line.split("\t")[0] for line in manifest if line and not line.startswith("reference/")]
    reports = [parse_file(p) for p in sorted(ROOT / "corpus" / n for n in names)]
    keep = {c.id for c in counted(Copy.of(r) for r in reports)}
    distinct = [r for r in reports if r.id in keep]
    for label, chosen in ((f"{len(reports)} corpus files", reports), (f"{len(distinct)} distinct reports", distinct)):
        result = coverage(chosen)
        print(
            f"English share of report-content points over {label}: {result.share:.1%} "
            f"({result.rendered} rendered, {result.quoted} quoted)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

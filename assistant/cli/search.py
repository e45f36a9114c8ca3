"""``assistant search QUERY [--year Y] [--region R] [--agency A] [-k N] [--json] [--csv FILE] [--store DB]``.

Wire it with ``add_search_parser(subparsers)``; the handler is set as ``args.func``. The passages
come from the corpus store; the index lives beside it (``indexes/``), or in ``$ASSISTANT_INDEX_DIR``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from typing import TextIO

from assistant import config
from assistant.cli import options
from assistant.cli.options import add_json, add_store
from assistant.present import safe
from assistant.search.bm25 import IndexUnusable
from assistant.search.searcher import Corpus, Hit, store_corpus

CSV_FIELDS = (
    "rank",
    "score",
    "report_id",
    "title",
    "agency",
    "region",
    "year",
    "section",
    "page",
    "start",
    "end",
    "text",
    "highlighted",
)


def from_args(args: argparse.Namespace) -> Corpus:
    """The corpus store named by ``--store`` (default ``indexes/corpus.sqlite``)."""
    return store_corpus(options.store_path(args))


def add_search_parser(
    subparsers: argparse._SubParsersAction, corpus: Callable[[argparse.Namespace], Corpus] = from_args
) -> argparse.ArgumentParser:
    """Add the ``search`` command; ``corpus`` supplies the passages (default: the store)."""
    p = subparsers.add_parser(
        "search",
        help="search passages across every report",
        description="Full-text search (BM25) across every report's passages. The query may be Chinese "
        "(simplified or traditional) or English (mapped to the reports' Chinese terms).",
    )
    p.add_argument("query", metavar="QUERY", help='e.g. "依申请公开 答复 超期" or "information processing fees"')
    p.add_argument("--year", type=int, help="only reports for this year")
    p.add_argument("--region", help="only reports whose region contains this text")
    p.add_argument("--agency", help="only reports whose agency contains this text")
    p.add_argument("-k", type=int, default=10, metavar="N", help="number of passages (default 10)")
    add_json(p, "print the hits as a JSON list")
    p.add_argument("--csv", metavar="FILE", help="write the hits to a CSV file ('-' for standard output)")
    add_store(p)
    p.set_defaults(func=lambda args: run_search(args, corpus))
    return p


def run_search(
    args: argparse.Namespace, corpus: Callable[[argparse.Namespace], Corpus] = from_args, out: TextIO | None = None
) -> int:
    """Handler of ``assistant search``; returns the exit code."""
    out = out or sys.stdout
    if args.k < 1:
        print("search: -k must be at least 1", file=sys.stderr)
        return 2
    refusal = config.overlong(args.query)
    if refusal:
        print(f"search: {refusal}", file=sys.stderr)
        return 2
    try:
        searcher = corpus(args).searcher()
    except IndexUnusable as exc:
        print(f"search: no usable index ({exc})", file=sys.stderr)
        return 2
    if not len(searcher.index):
        print(options.empty_store_message(options.store_path(args)), file=sys.stderr)
        return 2
    hits = searcher.search(args.query, year=args.year, region=args.region, agency=args.agency, k=args.k)
    if args.csv:
        if args.csv == "-":
            write_csv(hits, out)
        else:
            try:
                with open(args.csv, "w", newline="", encoding="utf-8") as fh:
                    write_csv(hits, fh)
            except OSError as exc:
                print(f"search: cannot write the CSV file {args.csv} ({exc.strerror or exc})", file=sys.stderr)
                return 2
    if args.json:
        json.dump([h.to_dict() for h in hits], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.csv != "-":
        print_hits(hits, out, searcher.query_terms(args.query))
    return 0


def write_csv(hits: list[Hit], fh: TextIO) -> None:
    w = csv.DictWriter(fh, fieldnames=CSV_FIELDS, extrasaction="ignore")
    w.writeheader()
    for rank, h in enumerate(hits, 1):
        row = {"rank": rank, **h.to_dict(), "score": f"{h.score:.6f}"}
        w.writerow({k: safe.csv_cell(v) for k, v in row.items()})


def print_hits(hits: list[Hit], out: TextIO, terms: list[str]) -> None:
    if not hits:
        print(f"no passage matches (searched for: {' '.join(terms) or '-'})", file=out)
        return
    for rank, h in enumerate(hits, 1):
        where = " · ".join(
            x
            for x in (
                h.agency,
                h.region,
                str(h.year) if h.year else "",
                h.section,
                f"p.{h.page}" if h.page else "",
                f"chars {h.start}-{h.end}",
            )
            if x
        )
        print(f"{rank}. [{h.score:.2f}] {h.title} ({h.report_id})", file=out)
        print(f"   {where}", file=out)
        print(f"   {' '.join(h.highlighted.split())}", file=out)

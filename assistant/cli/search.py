"""``assistant search QUERY [--year Y] [--region R] [--agency A] [--format F] [-k N] [--json] [--csv FILE]
[--shards DIR [--cluster ADDRESS]]``.

Wire it with ``add_search_parser(subparsers)``; the handler is set as ``args.func``. The passages
come from the corpus store; the index lives beside it (``indexes/``), or in ``$ASSISTANT_INDEX_DIR``;
with ``--shards``, from the shards of a sharded corpus (on the Dask cluster of ``--cluster``).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from assistant import config
from assistant.cli import options
from assistant.cli.options import add_json, add_shards, add_store
from assistant.domain.canonical import FORMAT_PREFERENCE
from assistant.present import safe

if TYPE_CHECKING:
    from assistant.cluster.search import ShardedCorpus
    from assistant.search.searcher import Corpus, Hit, SearchResult

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
    "kind",
    "cell",
    "format",
    "also",
    "matched",
    "complete",
    "text",
    "highlighted",
)


def from_args(args: argparse.Namespace) -> Corpus | ShardedCorpus:
    """The shards of ``--shards``, else the corpus store named by ``--store`` (default ``indexes/corpus.sqlite``)."""
    if getattr(args, "shards", None):
        from assistant.cluster.search import ShardedCorpus

        return ShardedCorpus(args.shards, args.cluster)
    from assistant.search.searcher import store_corpus  # numpy and the index load for a search only

    return store_corpus(options.store_path(args))


def add_search_parser(
    subparsers: argparse._SubParsersAction, corpus: Callable[[argparse.Namespace], Corpus | ShardedCorpus] = from_args
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
    p.add_argument(
        "--format",
        choices=FORMAT_PREFERENCE,
        help="only the copies in this format (by default each agency's year is searched once, in the copy that counts)",
    )
    p.add_argument("-k", type=int, default=10, metavar="N", help="number of passages (default 10)")
    add_json(p, "print the search as JSON: query, filters, warnings, facets and hits")
    p.add_argument("--csv", metavar="FILE", help="write the hits to a CSV file ('-' for standard output)")
    add_store(p)
    add_shards(p)
    p.set_defaults(func=lambda args: run_search(args, corpus))
    return p


def run_search(
    args: argparse.Namespace,
    corpus: Callable[[argparse.Namespace], Corpus | ShardedCorpus] = from_args,
    out: TextIO | None = None,
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
    from assistant.search.bm25 import IndexUnusable

    try:
        searcher = corpus(args).searcher()
    except IndexUnusable as exc:
        print(f"search: no usable index ({exc})", file=sys.stderr)
        return 2
    if not len(searcher.index):
        print(options.empty_store_message(options.store_path(args)), file=sys.stderr)
        return 2
    from assistant.search.searcher import Filters

    filters = Filters(args.year, args.region, args.agency, args.format)
    result = searcher.run(args.query, filters, k=args.k)
    if args.csv:
        if args.csv == "-":
            write_csv(result.hits, out)
        else:
            try:
                with open(args.csv, "w", newline="", encoding="utf-8") as fh:
                    write_csv(result.hits, fh)
            except OSError as exc:
                print(f"search: cannot write the CSV file {args.csv} ({exc.strerror or exc})", file=sys.stderr)
                return 2
    if args.json:
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.csv != "-":
        print_result(result, out)
    return 0


def write_csv(hits: list[Hit], fh: TextIO) -> None:
    """One row per hit; numbers as numbers (the year and offsets as integers), the other copies as 'id:format'."""
    w = csv.DictWriter(fh, fieldnames=CSV_FIELDS, extrasaction="ignore")
    w.writeheader()
    for rank, h in enumerate(hits, 1):
        row = {**h.to_dict(), "rank": rank, "score": f"{h.score:.6f}"}
        row["also"] = " ".join(f"{o.report_id}:{o.format}" for o in h.also)
        row["matched"] = " ".join(h.matched)
        w.writerow({k: safe.csv_cell(v) for k, v in row.items()})


def _where(h: Hit) -> str:
    return " · ".join(
        x
        for x in (
            h.agency,
            h.region,
            str(h.year) if h.year else "",
            h.section,
            f"cell {h.cell}" if h.cell else "",
            f"p.{h.page}" if h.page else "",
            f"chars {h.start}-{h.end}",
            h.also_as,
        )
        if x
    )


def print_result(result: SearchResult, out: TextIO) -> None:
    """The warnings, the hits, then the facets, for a person at a terminal."""
    for w in result.warnings:
        print(f"note: {w.message}", file=out)
    if not result.hits:
        print(f"no passage matches (searched for: {' '.join(result.terms) or '-'})", file=out)
        return
    for rank, h in enumerate(result.hits, 1):
        print(f"{rank}. [{h.score:.2f}] {h.title} ({h.report_id})", file=out)
        print(f"   {_where(h)}", file=out)
        print(f"   {' '.join(h.highlighted.split())}", file=out)
    for facet, values in result.facets.items():
        shown = ", ".join(f"{v} {n}" for v, n in values[:8]) + (" …" if len(values) > 8 else "")
        print(f"{facet}: {shown}", file=out)

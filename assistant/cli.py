"""The `assistant` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import __version__
from .display import as_text, table_views
from .ingest import IngestError, Limits
from .search_cli import add_search_parser
from .store import DEFAULT_STORE, Store
from .summarize.cli import add_parser as add_summarize_parser

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpus"


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(max_bytes=int(args.max_mb * 2**20), max_pages=args.max_pages)


def _add_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-mb", type=float, default=50, help="refuse files larger than this (MiB; default 50)")
    p.add_argument("--max-pages", type=int, default=300, help="refuse PDFs with more pages (default 300)")


def cmd_facts(args: argparse.Namespace) -> int:
    from .parse import parse_file

    try:
        report = parse_file(args.file, _limits(args))
    except IngestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.facts(), ensure_ascii=False, indent=1))
        return 0
    print(report.title)
    print(f"agency 机关: {report.agency} · region 地区: {report.region} · year 年度: {report.year} · "
          f"layout 格式: {report.layout or 'none (before 2019)'} · {report.format}")
    for view in table_views(report):
        print()
        print(as_text(view))
    if report.warnings:
        print("\nwarnings 提示:")
        for w in report.warnings:
            print(f"  - {w}")
    print("\n— missing 未给出 · ? uncertain 存疑 · * derived from the table arithmetic 由勾稽关系推出")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .corpus import ingest

    store = Store(args.store)
    paths = [Path(p) for p in args.paths] or [CORPUS_DIR]
    summary = ingest(paths, store, _limits(args), progress=not args.quiet)
    for path, reason in summary.failed:
        print(f"error: {path}: {reason}", file=sys.stderr)
    counts = store.counts()
    print(f"ingested {len(summary.added)} new or changed, {len(summary.unchanged)} unchanged, "
          f"{len(summary.failed)} failed; the store {store.path} holds {counts['reports']} reports, "
          f"{counts['passages']} passages, {counts['figures']} figures, {counts['warnings']} warnings")
    if not args.quiet:
        print(digest(store))
    return 1 if summary.failed else 0


def digest(store: Store) -> str:
    """A short overview of the corpus: reports by year with their requests received."""
    received = {f["report_id"]: f["value"] for f in store.figures("requests.new_received.total")}
    lines = ["", "year  report                                            requests received"]
    for r in sorted(store.reports(), key=lambda r: (r["year"] or 0, r["id"])):
        value = received.get(r["id"])
        shown = "no standard table" if r["id"] not in received else "not given" if value is None else str(value)
        lines.append(f"{r['year'] or '?':<5} {r['id'][:48]:<49} {shown}")
    return "\n".join(lines)


def cmd_index(args: argparse.Namespace) -> int:
    from .search import store_corpus

    corpus = store_corpus(args.store)
    index = corpus.searcher().index
    print(f"search index {corpus.index_dir / 'bm25.npz'}: {len(index)} passages, {len(index.terms)} terms, "
          f"up to date with the store")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from .parse import parse_file
    from .qa import ask

    store = Store(args.store)
    report = None
    if args.file:
        try:
            report = parse_file(args.file, _limits(args))
        except IngestError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    answer = ask(args.question, report=report, report_id=args.report, store=store)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return 0
    print(answer.answer)
    for i, c in enumerate(answer.citations, 1):
        print(f"  [{i}] {c.title} · {c.label}{' · ' + c.location if c.location else ''}")
        print(f"      {' '.join(c.text.split())[:200]}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .qa import evaluate

    outcomes = evaluate.run(Path(args.file), Store(args.store))
    if args.json:
        print(json.dumps({k: {"right": r, "asked": n} for k, (r, n) in evaluate.accuracy(outcomes).items()}))
    else:
        print(evaluate.report(outcomes))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Read Chinese government information "
                                     "disclosure annual reports (政府信息公开工作年度报告).")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("facts", help="parse one report and print its figures")
    p.add_argument("file", help="a report: TXT, MD, HTML, PDF or DOCX")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    _add_limits(p)
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("ingest", help="parse reports into the corpus store")
    p.add_argument("paths", nargs="*", help="files or folders (default: corpus/)")
    p.add_argument("--store", default=str(DEFAULT_STORE), help="the SQLite corpus store")
    p.add_argument("--quiet", action="store_true", help="no progress bar or digest")
    _add_limits(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("ask", help="answer a question in Chinese or English, with citations")
    p.add_argument("question")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--file", help="a report to ask about, parsed on the spot (not added to the corpus)")
    which.add_argument("--report", help="the id of a report in the corpus (its file name)")
    p.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    p.add_argument("--store", default=str(DEFAULT_STORE), help="the SQLite corpus store")
    _add_limits(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("evaluate", help="score the Q&A against the hand-checked question set")
    p.add_argument("file", nargs="?", default=str(ROOT / "tests" / "qa_eval.json"), help="the question set")
    p.add_argument("--store", default=str(DEFAULT_STORE), help="the SQLite corpus store")
    p.add_argument("--json", action="store_true", help="print the accuracy table as JSON")
    p.set_defaults(func=cmd_evaluate)
    add_search_parser(sub)
    p = sub.add_parser("index", help="build or bring up to date the search index of the corpus store")
    p.add_argument("--store", default=str(DEFAULT_STORE), help="the SQLite corpus store")
    p.set_defaults(func=cmd_index)
    add_summarize_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # the reader went away (`assistant ask … | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())

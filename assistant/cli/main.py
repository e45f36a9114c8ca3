"""The `assistant` command."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

from assistant import __version__, config
from assistant.cli import options
from assistant.cli.cluster import add_cluster
from assistant.cli.generate import add_parser as add_generate_parser
from assistant.cli.options import add_json, add_limits, add_quiet, add_shards, add_store
from assistant.cli.search import add_search_parser
from assistant.cli.summarize import add_parser as add_summarize_parser
from assistant.domain import numbers
from assistant.domain.record import Report
from assistant.present import safe
from assistant.present.terminal import as_text, table_views, width
from assistant.read import IngestError
from assistant.store.database import Store, StoreError


def say(text: str = "") -> None:
    """Print report text to the terminal without its escape sequences or control characters."""
    print(safe.terminal(text))


def cmd_facts(args: argparse.Namespace) -> int:
    from assistant.extract.report import parse_file

    try:
        report = parse_file(args.file, options.limits(args))
    except IngestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.facts(), ensure_ascii=False, indent=1))  # JSON escapes controls
        return 0
    say(report.title)
    say(
        f"agency 机关: {report.agency} · region 地区: {report.region} · year 年度: {report.year} · "
        f"layout 格式: {report.layout or 'none (before 2019)'} · {report.format}"
    )
    for view in table_views(report):
        say()
        say(as_text(view))
    print_narrative(report)
    if report.warnings:
        say("\nwarnings 提示:")
        for w in report.warnings:
            say(f"  - {w}")
    say("\n— missing 未给出 · ? uncertain 存疑 · * derived from the table arithmetic 由勾稽关系推出")
    return 0


_APPROX_ZH = {
    "more_than": "多于 more than ",
    "nearly": "近 nearly ",
    "at_least": "至少 at least ",
    "about": "约 about ",
}


def _pad(text: str, n: int) -> str:
    return text + " " * max(1, n - width(text))


def print_narrative(report: Report) -> None:
    """The quantities the narrative states, then where they agree or not with the tables."""
    if report.narrative_facts:
        say("\n叙述中的数字 · Numbers stated in the narrative")
        for f in report.narrative_facts:
            amount = f"{_APPROX_ZH.get(f.approximate or '', '')}{numbers.exact(f.value)} {f.unit}"
            name = f" ({f.english})" if f.english else ""
            say(f"  {_pad(amount, 22)}{f.measure}{name} · {f.section} · {f.start}–{f.end}")
    if report.narrative_checks:
        say("\n叙述与表格 · Narrative against the tables")
        for c in report.narrative_checks:
            table = "—" if c.table_value is None else numbers.exact(c.table_value)
            verdict = "一致 agrees" if c.agrees else f"不一致 differs: table 表格 {table}"
            say(f"  {_pad(c.measure, 40)}{numbers.exact(c.narrative_value)} vs {c.address}: {verdict}")


def cmd_ingest(args: argparse.Namespace) -> int:
    from assistant.store.ingest import ingest

    if args.shards:
        return cmd_ingest_sharded(args)
    if args.cluster:
        print("error: --cluster ingests into a sharded corpus: give --shards DIR too", file=sys.stderr)
        return 2
    store = Store(options.store_path(args))
    paths = [Path(p) for p in args.paths] or [config.path("corpus")]
    summary = ingest(paths, store, options.limits(args), progress=not args.quiet)
    for path, reason in summary.failed:
        print(safe.terminal(f"error: {path}: {reason}"), file=sys.stderr)
    counts = store.counts()
    total = len(summary.added) + len(summary.unchanged) + len(summary.failed)
    print(
        f"{total} file{'' if total == 1 else 's'}: ingested {len(summary.added)} new or changed, "
        f"{len(summary.unchanged)} unchanged, "
        f"{len(summary.failed)} failed; the store {store.path} holds {counts['reports']} reports, "
        f"{counts['passages']} passages, {counts['figures']} figures, {counts['warnings']} warnings"
    )
    if not args.quiet:
        print(digest(store))
    return 1 if summary.failed else 0


def cmd_ingest_sharded(args: argparse.Namespace) -> int:
    from assistant.cluster.connect import ClusterError, client
    from assistant.cluster.ingest import ingest_sharded
    from assistant.cluster.layout import manifest_path
    from assistant.cluster.manifest import ManifestError

    paths = [Path(p) for p in args.paths] or [config.path("corpus")]
    root = Path(args.shards)
    limits = dataclasses.replace(options.limits(args), ocr_cache=config.ocr_cache(manifest_path(root)))
    try:
        with client(args.cluster or config.get("cluster")) as c:
            summary = ingest_sharded(
                paths,
                root,
                c,
                args.shard_count,
                limits,
                progress=not args.quiet,
                default_count=int(config.number("shard_count")),
            )
    except (ClusterError, ManifestError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path, reason in summary.failed:
        print(safe.terminal(f"error: {path}: {reason}"), file=sys.stderr)
    m = summary.manifest
    total = len(summary.added) + len(summary.unchanged) + len(summary.failed)
    print(
        f"{total} file{'' if total == 1 else 's'}: ingested {len(summary.added)} new or changed, "
        f"{len(summary.unchanged)} unchanged, {len(summary.failed)} failed; the {m['shard_count']} shards in "
        f"{Path(args.shards).resolve()} hold {m['reports']} reports, {m['terms']['doc_count']} passages"
    )
    return 1 if summary.failed else 0


def digest(store: Store) -> str:
    """A short overview of the corpus: reports by year with their requests received, then every agency whose
    carry-over differs from its previous year's carried-forward figure."""
    from assistant.compare.corpus import checks
    from assistant.compare.crossyear import warning

    received = {f["report_id"]: f["value"] for f in store.figures("requests.new_received.total")}
    lines = ["", "year  report                                            requests received"]
    for r in sorted(store.reports(), key=lambda r: (r["year"] or 0, r["id"])):
        value = received.get(r["id"])
        shown = "not given" if value is None else numbers.exact(value)
        shown = shown if r["id"] in received else "no standard table"
        lines.append(f"{r['year'] or '?':<5} {r['id'][:48]:<49} {shown}")
    pairs = checks(store)
    failing = [w for w in map(warning, pairs) if w is not None]
    lines.append("")
    if failing:
        lines.append(f"cross-year check 跨年核对: {len(failing)} of {len(pairs)} consecutive years do not agree")
        lines += [f"  {w.message()}" for w in failing]
    else:
        lines.append(f"cross-year check 跨年核对: all {len(pairs)} pairs of consecutive years agree")
    return "\n".join(lines)


def cmd_index(args: argparse.Namespace) -> int:
    from assistant.search.bm25 import INDEX_FILE
    from assistant.search.searcher import store_corpus

    if options.stored_reports(args) is None:
        return 2
    corpus = store_corpus(options.store_path(args))
    index = corpus.searcher().index
    print(
        f"search index {corpus.index_dir / INDEX_FILE}: {len(index)} passages, {len(index.terms)} terms, "
        f"up to date with the store"
    )
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from assistant.answer import ask
    from assistant.extract.report import parse_file

    path = options.store_path(args)
    searcher = None
    if args.shards:
        from assistant.cluster.aggregates import read_snapshot
        from assistant.cluster.search import open_sharded
        from assistant.search.bm25 import IndexUnusable

        try:
            store, searcher = read_snapshot(args.shards), open_sharded(args.shards, args.cluster)
        except (IndexUnusable, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    elif args.file:
        store = Store(path) if path.exists() else None  # asking about a file creates no store
    else:
        store = options.stored_reports(args)
        if store is None:
            return 2
    report = None
    if args.file:
        try:
            report = parse_file(args.file, options.limits(args))
        except IngestError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    answer = ask(args.question, report=report, report_id=args.report, store=store, searcher=searcher)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return 0
    say(answer.answer)
    for i, c in enumerate(answer.citations, 1):
        say(f"  [{i}] {c.title} · {c.label}{' · ' + c.location if c.location else ''}")
        say(f"      {' '.join(c.text.split())[:200]}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from assistant.answer import blind, evaluate

    questions = [Path(args.blind) / f"qa_{part}.json" for part in blind.PARTS[:2]] if args.blind else []
    questions = questions or [Path(args.file or config.path("eval_set"))]
    absent = [q for q in questions if not q.is_file()]
    if absent:
        print(f"error: {absent[0]}: no such question set", file=sys.stderr)
        return 2
    store = options.stored_reports(args)
    if store is None:
        return 2
    if args.blind:
        folder = Path(args.blind)
        for part in (p for p in blind.PARTS if (folder / f"qa_{p}.json").is_file()):
            outcomes = blind.run(folder / f"qa_{part}.json", store)
            if args.json:
                print(json.dumps({part: blind.table(outcomes)}))
            else:
                print(blind.report(outcomes, part, show_wrong=part.startswith("dev") and args.show_wrong))
        return 0
    outcomes = evaluate.run(questions[0], store)
    if args.json:
        print(json.dumps({k: {"right": r, "asked": n} for k, (r, n) in evaluate.accuracy(outcomes).items()}))
    else:
        print(evaluate.report(outcomes))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from assistant.compare.render import as_text
    from assistant.compare.resolve import CompareError, resolve
    from assistant.compare.summary import compare_reports

    path = options.store_path(args)
    store = Store(path)
    try:
        a, b = resolve(args.reports, store, options.limits(args))
    except CompareError as exc:
        print(options.empty_store_message(path) if not store.counts()["reports"] else f"error: {exc}", file=sys.stderr)
        return 2
    comparison = compare_reports(a, b)
    print(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=1) if args.json else as_text(comparison))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="Read Chinese government information disclosure annual reports (政府信息公开工作年度报告).",
    )
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("facts", help="parse one report and print its figures")
    p.add_argument("file", help="a report: TXT, MD, HTML, PDF or DOCX")
    add_json(p)
    add_limits(p)
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("ingest", help="parse reports into the corpus store")
    p.add_argument("paths", nargs="*", help=f"files or folders (default: {config.get('corpus')}/)")
    add_store(p)
    add_cluster(p, shard_count=True)
    add_quiet(p)
    add_limits(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("ask", help="answer a question in Chinese or English, with citations")
    p.add_argument("question")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--file", help="a report to ask about, parsed on the spot (not added to the corpus)")
    which.add_argument("--report", help="the id of a report in the corpus (its file name)")
    add_json(p, "print the answer as one JSON object")
    add_store(p)
    add_shards(p)
    add_limits(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("evaluate", help="score the Q&A against the hand-checked question set")
    p.add_argument("file", nargs="?", help=f"the question set (default {config.get('eval_set')})")
    p.add_argument(
        "--blind",
        metavar="DIR",
        help="score the blind sets DIR/qa_dev.json, qa_sealed.json and the later rounds by category and language",
    )
    p.add_argument("--show-wrong", action="store_true", help="list the dev part's wrong answers (never the sealed)")
    add_json(p, "print the accuracy table as JSON")
    add_store(p)
    p.set_defaults(func=cmd_evaluate)

    add_search_parser(sub)

    p = sub.add_parser("index", help="build or bring up to date the search index of the corpus store")
    add_store(p)
    p.set_defaults(func=cmd_index)

    add_summarize_parser(sub)
    add_generate_parser(sub)

    p = sub.add_parser("compare", help="compare two reports, or an agency's two years")
    p.add_argument(
        "reports",
        nargs="+",
        metavar="A B",
        help="two report ids or files, or an agency and two years (an agency alone: its latest two years)",
    )
    add_json(p, "print the comparison as one JSON object")
    add_store(p)
    add_limits(p)
    p.set_defaults(func=cmd_compare)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except StoreError as exc:  # a folder, a file that is no database, a damaged store: one line, untouched
        print(f"error: store {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`assistant ask … | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())

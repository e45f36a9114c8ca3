"""The ``assistant summarize`` subcommand (kept light: the summary modules load when it runs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant import config
from assistant.cli import options
from assistant.cli.cluster import add_cluster
from assistant.cli.options import add_limits, add_quiet, add_store
from assistant.present import safe


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``summarize`` on the main parser's subparsers."""
    p = subparsers.add_parser("summarize", help="English (or Chinese) summaries of one report or the corpus")
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="report files or folders parsed on the spot (one file without --out: to stdout)",
    )
    p.add_argument("--report", metavar="ID", help="a report of the corpus store, by id")
    p.add_argument(
        "--all", action="store_true", help="every report of the store, into --out with an index and a corpus digest"
    )
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the summary (default en)")
    p.add_argument("--format", choices=("md", "json", "html"), default="md", help="output format (default md)")
    p.add_argument(
        "--out", metavar="DIR", help="write into this folder (batches default to summaries/ beside the store)"
    )
    add_store(p)
    add_cluster(p)
    add_quiet(p)
    add_limits(p)
    p.set_defaults(func=cmd_summarize)
    return p


def cmd_summarize(args: argparse.Namespace) -> int:
    from assistant.read import IngestError

    chosen = sum([bool(args.files), args.report is not None, args.all])
    if chosen != 1:
        print("error: give FILE, --report ID or --all (exactly one of them)", file=sys.stderr)
        return 2
    limits = options.limits(args)
    single_file = len(args.files) == 1 and not Path(args.files[0]).is_dir() and args.out is None
    if args.report is not None or single_file:
        from assistant.summarize.core import summarize
        from assistant.summarize.render import render_summary

        if args.report is not None:
            store = options.stored_reports(args)
            if store is None:
                return 2
            report = store.report(args.report)
            if report is None:
                print(f"error: no report {args.report!r} in the store {options.store_path(args)}", file=sys.stderr)
                return 2
        else:
            from assistant.extract.report import parse_file

            try:
                report = parse_file(args.files[0], limits)
            except IngestError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
        text = render_summary(summarize(report, args.lang), args.format)
        if args.out is None:
            sys.stdout.write(safe.terminal(text))  # a terminal gets no escape sequences from report text
            return 0
        from assistant.summarize.batch import _file_name

        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        path = out / _file_name(report.id, args.lang, args.format, set())
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
        return 0
    return _batch(args, limits)


def _batch(args: argparse.Namespace, limits) -> int:
    from assistant.summarize.batch import Job, run_batch

    failures: list[dict] = []
    if args.all and args.shards:
        from assistant.cluster.manifest import ManifestError
        from assistant.cluster.summaries import sharded_jobs

        try:
            jobs, failures = sharded_jobs(Path(args.shards), args.lang, args.format)
        except ManifestError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    elif args.all:
        store = options.stored_reports(args)
        if store is None:
            return 2
        jobs = [Job(r["id"], args.lang, args.format, store=str(store.path)) for r in store.reports()]
        failures = [
            {"source": f["path"], "reason": f"not in the store, ingest failed: {f['reason']}"} for f in store.failures()
        ]
    else:
        from assistant.store.ingest import report_files

        jobs = [Job(str(p), args.lang, args.format, limits=limits) for p in report_files(map(Path, args.files))]
    if args.out:
        out = Path(args.out)
    else:
        out = (
            Path(args.shards) / "summaries" if args.shards else config.index_dir(options.store_path(args)) / "summaries"
        )
    if args.shards or args.cluster:
        return _on_cluster(args, jobs, out, failures)
    return _report(run_batch(jobs, out, args.format, progress=not args.quiet, failures=failures), out)


def _on_cluster(args: argparse.Namespace, jobs: list, out: Path, failures: list[dict]) -> int:
    from assistant.cluster.connect import ClusterError, client
    from assistant.cluster.summaries import on_cluster
    from assistant.summarize.batch import run_batch

    try:
        with client(args.cluster or config.get("cluster")) as c:
            result = run_batch(jobs, out, args.format, progress=not args.quiet, failures=failures, run=on_cluster(c))
    except ClusterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _report(result, out)


def _report(result, out: Path) -> int:
    for f in result.failed:
        print(f"error: {f['source']}: {f['reason']}", file=sys.stderr)
    print(
        f"wrote {len(result.written)} summaries to {out} (index {result.index.name}"
        f"{f', digest {result.digest.name}' if result.digest else ''}); {len(result.failed)} failed"
    )
    return 1 if result.failed else 0

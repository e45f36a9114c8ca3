"""``assistant generate --from corpus/ --count N --out DIR [--seed S] [--store DB]``: synthetic reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant import config


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``generate`` on the main parser's subparsers."""
    p = subparsers.add_parser(
        "generate",
        help="make N reports from the real ones (other agencies, places, years; figures varied, identities kept)",
    )
    p.add_argument(
        "--from", dest="source", default=config.get("corpus"), help="folder of real reports (default: the corpus)"
    )
    p.add_argument("--count", type=int, required=True, help="how many reports to make")
    p.add_argument("--out", required=True, help="folder to write them to")
    p.add_argument("--seed", type=int, default=0, help="the same seed makes the same files (default 0)")
    p.add_argument(
        "--store", default=None, help="also write each report, as read back, into this store (saves an ingest)"
    )
    p.set_defaults(func=cmd_generate)
    return p


def cmd_generate(args: argparse.Namespace) -> int:
    from assistant.extract.report import PARSER_VERSION
    from assistant.generate import generate
    from assistant.store.database import Store

    source = Path(args.source)
    if not source.is_dir():
        print(f"error: {source}: not a folder of reports", file=sys.stderr)
        return 2
    store = Store(args.store) if args.store else None
    made, batch = 0, []
    try:
        for g in generate(source, args.count, Path(args.out), args.seed):
            made += 1
            if store is not None:
                batch.append(g.report)
            if len(batch) >= 200:  # one transaction per 200 reports, not one per report
                store.add_all(batch, PARSER_VERSION)
                batch = []
        if store is not None:
            store.add_all(batch, PARSER_VERSION)
    except (ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{made} reports written to {args.out}" + (f" and stored in {store.path}" if store else ""))
    return 0

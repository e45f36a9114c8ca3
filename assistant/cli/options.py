"""The options several commands share, declared once, and the values they give."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant import config
from assistant.read import Limits


def add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        default=None,
        help=f"{config.SETTINGS['store'].help} (default "
        f"{config.SETTINGS['store'].default}, or ${config.SETTINGS['store'].env})",
    )


def add_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-mb",
        type=float,
        default=config.number("max_mb"),
        help=f"{config.SETTINGS['max_mb'].help} (default {config.get('max_mb')})",
    )
    p.add_argument(
        "--max-pages",
        type=int,
        default=int(config.number("max_pages")),
        help=f"{config.SETTINGS['max_pages'].help} (default {config.get('max_pages')})",
    )


def add_json(p: argparse.ArgumentParser, what: str = "print one JSON object") -> None:
    p.add_argument("--json", action="store_true", help=what)


def add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", action="store_true", help="no progress bar or digest")


def limits(args: argparse.Namespace) -> Limits:
    return Limits(max_bytes=int(args.max_mb * 2**20), max_pages=args.max_pages)


def store_path(args: argparse.Namespace) -> Path:
    return Path(args.store) if getattr(args, "store", None) else config.default_store()

"""The options several commands share, declared once, and the values they give."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant import config
from assistant.read import Limits
from assistant.store.database import Store


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
    p.add_argument(
        "--max-ocr-pages",
        type=int,
        default=int(config.number("max_ocr_pages")),
        help=f"{config.SETTINGS['max_ocr_pages'].help} (default {config.get('max_ocr_pages')})",
    )
    p.add_argument(
        "--max-ocr-seconds",
        type=float,
        default=config.number("max_ocr_seconds"),
        help=f"{config.SETTINGS['max_ocr_seconds'].help} (default {config.get('max_ocr_seconds')})",
    )
    p.add_argument(
        "--ocr-engine",
        choices=("rapidocr", "tesseract"),
        default=config.get("ocr_engine"),
        help=f"{config.SETTINGS['ocr_engine'].help} (default {config.get('ocr_engine')})",
    )


def add_json(p: argparse.ArgumentParser, what: str = "print one JSON object") -> None:
    p.add_argument("--json", action="store_true", help=what)


def add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", action="store_true", help="no progress bar or digest")


def limits(args: argparse.Namespace) -> Limits:
    return Limits(
        max_bytes=int(args.max_mb * 2**20),
        max_pages=args.max_pages,
        max_ocr_pages=args.max_ocr_pages,
        max_ocr_seconds=args.max_ocr_seconds,
        ocr_engine=args.ocr_engine,
        ocr_cache=config.ocr_cache(getattr(args, "store", None)),
        progress=not getattr(args, "quiet", False),
    )


def store_path(args: argparse.Namespace) -> Path:
    return Path(args.store) if getattr(args, "store", None) else config.default_store()


def empty_store_message(path: Path) -> str:
    """The one line every command prints when the corpus store holds no report yet."""
    return (
        f"error: the corpus store {path} is empty (no report ingested yet): run `assistant ingest` first "
        f"(it reads {config.get('corpus')}/, or the files and folders you give it)"
    )


def stored_reports(args: argparse.Namespace) -> Store | None:
    """The corpus store of ``--store`` when it holds reports; else None, with the one line saying so on
    stderr. An absent store is not created."""
    path = store_path(args)
    store = Store(path) if path.exists() else None
    if store is None or not store.counts()["reports"]:
        print(empty_store_message(path), file=sys.stderr)
        return None
    return store

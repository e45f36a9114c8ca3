"""The options several commands share, declared once, and the values they give."""

from __future__ import annotations

import argparse
import math
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


def positive(kind: type[int] | type[float]):
    """An argparse type: a finite number above zero (``nan``, ``inf`` and 0 get one clear line)."""

    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value) or value <= 0:
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number above 0")
        return value

    parse.__name__ = kind.__name__
    return parse


_LIMITS = (  # flag, setting, type
    ("--max-mb", "max_mb", float),
    ("--max-pages", "max_pages", int),
    ("--max-ocr-pages", "max_ocr_pages", int),
    ("--max-ocr-seconds", "max_ocr_seconds", float),
    ("--max-memory-mb", "max_memory_mb", float),
    ("--max-seconds", "max_seconds", float),
    ("--max-cells", "max_cells", int),
    ("--max-chars", "max_chars", int),
)


def add_limits(p: argparse.ArgumentParser) -> None:
    for flag, key, kind in _LIMITS:
        p.add_argument(
            flag,
            type=positive(kind),
            default=kind(config.number(key)),
            help=f"{config.SETTINGS[key].help} (default {config.get(key)})",
        )
    p.add_argument(
        "--ocr-engine",
        choices=("rapidocr", "tesseract"),
        default=config.get("ocr_engine"),
        help=f"{config.SETTINGS['ocr_engine'].help} (default {config.get('ocr_engine')})",
    )


def add_shards(p: argparse.ArgumentParser) -> None:
    """``--shards DIR`` and ``--cluster`` of the commands that read a sharded corpus (search, ask)."""
    s = config.SETTINGS["shards"]
    p.add_argument("--shards", metavar="DIR", default=config.get("shards") or None, help=f"{s.help} (or ${s.env})")
    p.add_argument(
        "--cluster",
        metavar="local:N|tcp://HOST:PORT",
        default=None,
        help="search the shards on this Dask cluster, one worker task per shard (default: in this process)",
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
        max_memory=int(args.max_memory_mb * 2**20),
        max_seconds=args.max_seconds,
        max_cells=args.max_cells,
        max_chars=args.max_chars,
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

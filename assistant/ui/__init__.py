"""The Gradio app (``python ui.py``): ask, search, read reports, explore the data, upload a report."""

from __future__ import annotations

import argparse
import logging

from assistant.store import DEFAULT_STORE


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ui.py", description="Serve the Gradio app over the corpus store.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port to listen on (default 7860)")
    p.add_argument("--store", default=str(DEFAULT_STORE),
                   help="the SQLite corpus store (default indexes/corpus.sqlite)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Parse --host/--port/--store and serve the app until interrupted."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from .app import launch

    launch(args.store, args.host, args.port)


__all__ = ["main", "parse_args"]

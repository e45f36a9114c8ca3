"""The Gradio app (``python ui.py``): ask, search, read reports, explore the data, upload a report."""

from __future__ import annotations

import argparse
import logging

from assistant import config


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ui.py", description="Serve the Gradio app over the corpus store.")
    p.add_argument("--host", default=config.get("host"), help=f"address to listen on (default {config.get('host')})")
    p.add_argument(
        "--port",
        type=int,
        default=int(config.get("port")),
        help=f"port to listen on (default {config.get('port')}, or ${config.SETTINGS['port'].env})",
    )
    p.add_argument(
        "--store", default=str(config.default_store()), help=f"the SQLite corpus store (default {config.get('store')})"
    )
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Parse --host/--port/--store and serve the app until interrupted."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from assistant.ui.app import launch

    launch(args.store, args.host, args.port)


__all__ = ["main", "parse_args"]

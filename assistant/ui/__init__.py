"""The Gradio app (``python ui.py``): ask, search, read reports, explore the data, upload a report."""

from __future__ import annotations

import argparse
import logging
import socket
import sys

from assistant import compiled_patterns, config

compiled_patterns.install()  # before the app's modules compile theirs


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


def port_taken(host: str, port: int) -> bool:
    """Whether another program already listens on host:port."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a port just freed (TIME_WAIT) is free
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def busy_message(host: str, port: int) -> str:
    """The one line a second app on a taken port prints."""
    return (
        f"error: port {port} on {host} is already in use (is the app already running?): "
        f"start it on another port with `python ui.py --port {port + 1}` "
        f"(or ${config.SETTINGS['port'].env}={port + 1})"
    )


def main(argv: list[str] | None = None) -> None:
    """Parse --host/--port/--store and serve the app until interrupted; a taken port is one line, status 2."""
    args = parse_args(argv)
    if port_taken(args.host, args.port):  # before the slow start, and instead of gradio's traceback
        print(busy_message(args.host, args.port), file=sys.stderr)
        sys.exit(2)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from assistant.store.database import StoreError
    from assistant.ui.app import launch

    try:
        launch(args.store, args.host, args.port)
    except OSError:  # taken while the app was starting
        if not port_taken(args.host, args.port):
            raise
        print(busy_message(args.host, args.port), file=sys.stderr)
        sys.exit(2)
    except StoreError as exc:  # a folder, a file that is no database, a damaged store: one line
        print(f"error: store {exc}", file=sys.stderr)
        sys.exit(2)


__all__ = ["main", "parse_args"]

"""The options of the commands that run on a Dask cluster (``--cluster``, ``--shards``), declared once."""

from __future__ import annotations

import argparse

from assistant import config
from assistant.cli.options import positive


def add_cluster(p: argparse.ArgumentParser, shard_count: bool = False) -> None:
    setting = config.SETTINGS["cluster"]
    p.add_argument(
        "--shards",
        metavar="DIR",
        help="a sharded corpus folder (manifest.json, shard-000/ …): run on the Dask cluster of --cluster",
    )
    p.add_argument(
        "--cluster",
        default=None,
        metavar="local:N|tcp://HOST:PORT",
        help=f"{setting.help} (default {config.get('cluster')}, or ${setting.env})",
    )
    if shard_count:
        p.add_argument(
            "--shard-count",
            type=positive(int),
            metavar="K",
            help=f"shards of a new corpus (default {config.get('shard_count')}; an existing one keeps its own)",
        )

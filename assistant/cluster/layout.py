"""Where a sharded corpus keeps its parts, and which shard a report belongs to.

A shards folder holds ``manifest.json`` and one folder per shard, ``shard-000`` … Each shard folder has
the same SQLite store as one machine (``corpus.sqlite``), its BM25 index (``bm25.index``) and columnar
copies of its reports, figures and narrative facts (``reports.parquet``, ``figures.parquet``,
``facts.parquet``). A report's shard is a stable hash of its id, so every machine and every run puts it
in the same place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"


def shard_of(report_id: str, shards: int) -> int:
    """The shard of a report: the first 8 bytes of the sha256 of its id, modulo the number of shards."""
    digest = hashlib.sha256(report_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % shards


@dataclass(frozen=True)
class Shard:
    """The files of one shard."""

    root: Path
    number: int

    @property
    def folder(self) -> Path:
        return self.root / f"shard-{self.number:03d}"

    @property
    def store(self) -> Path:
        return self.folder / "corpus.sqlite"

    @property
    def index(self) -> Path:
        return self.folder / "bm25.index"

    @property
    def reports(self) -> Path:
        return self.folder / "reports.parquet"

    @property
    def figures(self) -> Path:
        return self.folder / "figures.parquet"

    @property
    def facts(self) -> Path:
        return self.folder / "facts.parquet"


def shards(root: Path, count: int) -> list[Shard]:
    return [Shard(root, i) for i in range(count)]


def manifest_path(root: Path) -> Path:
    return root / MANIFEST

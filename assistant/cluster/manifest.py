"""The manifest of a sharded corpus (``manifest.json`` in the shards folder) and its term statistics.

``manifest.json``::

    {"format": 1,
     "shard_count": K,                  # reports are in shard shard_of(report id, K)
     "parser_version": "...",           # of the ingest that wrote it
     "reports": n, "failures": n,       # over all shards
     "shards": [{"number": i, "folder": "shard-000", "fingerprint": Store.fingerprint(),
                 "reports": n, "passages": n, "figures": n, "warnings": n, "failures": n,
                 "doc_count": n, "total_length": n}, ...],
     "terms": {"doc_count": N,          # passages indexed over all shards (BM25's documents)
               "total_length": L,       # their tokens over all shards (avgdl = L / N)
               "terms": T,              # distinct terms
               "df": "terms.parquet"}}  # the document frequencies, a file beside the manifest

``terms.parquet`` holds one row per term: ``term`` (string), ``df`` (int64, passages of the whole corpus
holding it), sorted by term. A shard's ``doc_count`` and ``total_length`` are those of its own index.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from assistant.atomic import replace_file
from assistant.cluster.layout import manifest_path

FORMAT = 1
TERMS_FILE = "terms.parquet"


@dataclass
class ShardEntry:
    """What the manifest says of one shard."""

    number: int
    folder: str
    fingerprint: str
    reports: int
    passages: int
    figures: int
    warnings: int
    failures: int
    doc_count: int
    total_length: int


@dataclass
class ShardStats:
    """A finished shard: its manifest entry and its index's document frequency per term."""

    entry: ShardEntry
    df: dict[str, int] = field(default_factory=dict)


class ManifestError(Exception):
    """A manifest that cannot be read, or that disagrees with what was asked: one line for the user."""


def read(root: Path) -> dict | None:
    """The manifest of the shards folder ``root``, or None when there is none yet."""
    path = manifest_path(root)
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ManifestError(f"{path}: not a readable manifest ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or "shard_count" not in manifest:
        raise ManifestError(f"{path}: not a manifest of format {FORMAT}")
    return manifest


def document_frequencies(root: Path) -> dict[str, int]:
    """The corpus-wide document frequency of every term (from ``terms.parquet``)."""
    table = pq.read_table(root / TERMS_FILE)
    return dict(zip(table.column("term").to_pylist(), table.column("df").to_pylist(), strict=True))


def write(root: Path, shard_count: int, parser_version: str, stats: list[ShardStats]) -> dict:
    """Merge the shards' statistics and write ``terms.parquet``, then ``manifest.json`` (last, so a
    manifest never names term statistics that are not there yet)."""
    df: Counter[str] = Counter()
    for s in stats:
        df.update(s.df)
    terms = sorted(df)
    table = pa.table({"term": pa.array(terms, pa.string()), "df": pa.array([df[t] for t in terms], pa.int64())})
    replace_file(root / TERMS_FILE, lambda tmp: pq.write_table(table, tmp))
    entries = sorted((s.entry for s in stats), key=lambda e: e.number)
    manifest = {
        "format": FORMAT,
        "shard_count": shard_count,
        "parser_version": parser_version,
        "reports": sum(e.reports for e in entries),
        "failures": sum(e.failures for e in entries),
        "shards": [asdict(e) for e in entries],
        "terms": {
            "doc_count": sum(e.doc_count for e in entries),
            "total_length": sum(e.total_length for e in entries),
            "terms": len(terms),
            "df": TERMS_FILE,
        },
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    replace_file(manifest_path(root), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return manifest

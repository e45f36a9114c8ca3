"""Corpus questions over a sharded corpus: the same :class:`~assistant.store.cache.Snapshot` one store
gives, its figures and narrative facts read with DuckDB from every shard's Parquet copies, so the
unchanged Q&A engine answers rankings, totals, year changes and lists as it does from one store.

The Parquet files are those :mod:`assistant.cluster.columns` writes (a report's figures in the order
they were stored, its facts by ``seq``). Each shard's store gives what is small and per report
(metadata, warnings, narrative checks) and the report's text and passages when a citation quotes them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.cluster.search import present
from assistant.domain.canonical import Copy
from assistant.domain.record import Report
from assistant.search.bm25 import IndexMissing
from assistant.store.cache import Snapshot, StoredReport
from assistant.store.database import Store, fact_of, figure_of, in_layout_order


def read_snapshot(root: str | Path) -> Snapshot:
    """The corpus in the shards folder ``root`` as one snapshot (reports ordered by agency, year, id)."""
    shards = present(Path(root))
    if not shards:
        raise IndexMissing(f"{root}: no shards (shard-000 …)")
    reports: dict[str, Report] = {}
    fingerprint = hashlib.sha256()
    for shard in shards:
        for name in ("figures", "facts"):
            if not getattr(shard, name).is_file():
                raise IndexMissing(f"{getattr(shard, name)}: missing (the shard's columnar copy of its store)")
        store = Store(shard.store)
        fingerprint.update(f"{shard.number}\x00{store.fingerprint()}\x00".encode())
        for report in store.reports_without_text(columnar=False).values():
            report.__class__ = StoredReport
            report._store = store  # type: ignore[attr-defined]
            reports[report.id] = report
    for row in _rows([s.figures for s in shards], "ORDER BY filename, file_row_number"):
        report = reports.get(row["report_id"])
        if report is not None:
            report.figures[row["address"]] = figure_of(row)
    in_layout_order(reports.values())
    for row in _rows([s.facts for s in shards], "ORDER BY report_id, seq"):
        report = reports.get(row["report_id"])
        if report is not None:
            report.narrative_facts.append(fact_of(row))
    ordered = dict(sorted(reports.items(), key=lambda kv: _order(kv[1])))
    return Snapshot(fingerprint.hexdigest(), ordered, [Copy.of(r) for r in ordered.values()])


def _order(r: Report) -> tuple:
    """The store's ORDER BY agency, year, id (an unknown year first, as SQLite puts NULL)."""
    return r.agency, r.year is not None, r.year or 0, r.id


def _rows(files: list[Path], order: str) -> list[dict]:
    """The rows of these Parquet files as one table, in the given order (DuckDB)."""
    import duckdb

    with duckdb.connect() as db:
        result = db.execute(
            "SELECT * EXCLUDE (filename, file_row_number) FROM "
            f"read_parquet(?, filename = true, file_row_number = true) {order}",
            [[str(f) for f in files]],
        )
        names = [d[0] for d in result.description]
        return [dict(zip(names, r, strict=True)) for r in result.fetchall()]

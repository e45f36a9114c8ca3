"""Columnar copies of a shard's store, for corpus-wide aggregates (DuckDB reads them): one Parquet file each
for the reports, their figures and their narrative facts, rewritten from the store after every ingest.

Numbers are the store's exactly: ``value`` is the stored REAL as float64 (a whole number reads back
whole: ``assistant.domain.numbers.normalize`` gives the int). Missing values are nulls.

``reports.parquet``, one row per report (what ``Store.reports()`` and the canonical-copy rule read):
  report_id, title, agency, region, year (int32), layout, format, source_file, sha256 (strings), and
  figures, uncertain (int32: how many of its figures have a value, how many of those are uncertain).

``figures.parquet``, one row per figure (``Store.figures()``, in its order):
  report_id, agency, region, year, title; address (``table.row.column``) and its parts ``table``, ``row``,
  ``column`` (null for an address outside the report's layout); value (float64, null: not given);
  uncertain, derived, ocr (bool); note, label (as printed), label_zh, label_en; alternatives (the other
  readings, a JSON list, or null); line, page, offset (int32, where it was read); confidence (float64).

``facts.parquet``, one row per number the narrative states (``Report.narrative_facts``, in order):
  report_id, agency, region, year, seq (int32, its place in the report); measure (as printed), english
  (the vocabulary's name, or null), value (float64), unit, approximate (null, more_than, nearly, at_least,
  about), period, section, sentence; start, end (int32: character offsets in the report's text).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from assistant.atomic import replace_file
from assistant.cluster.layout import Shard
from assistant.domain import schema
from assistant.store.database import Store

_TEXT, _INT, _REAL, _BOOL = pa.string(), pa.int32(), pa.float64(), pa.bool_()
_WHERE = (("report_id", _TEXT), ("agency", _TEXT), ("region", _TEXT), ("year", _INT))

REPORTS = pa.schema(
    [
        *_WHERE,
        *((k, _TEXT) for k in ("title", "layout", "format", "source_file", "sha256")),
        ("figures", _INT),
        ("uncertain", _INT),
    ]
)
FIGURES = pa.schema(
    [
        *_WHERE,
        ("title", _TEXT),
        *((k, _TEXT) for k in ("address", "table", "row", "column")),
        ("value", _REAL),
        *((k, _BOOL) for k in ("uncertain", "derived", "ocr")),
        *((k, _TEXT) for k in ("note", "label", "label_zh", "label_en", "alternatives")),
        *((k, _INT) for k in ("line", "page", "offset")),
        ("confidence", _REAL),
    ]
)
FACTS = pa.schema(
    [
        *_WHERE,
        ("seq", _INT),
        *((k, _TEXT) for k in ("measure", "english")),
        ("value", _REAL),
        *((k, _TEXT) for k in ("unit", "approximate", "period", "section", "sentence")),
        ("start", _INT),
        ("end", _INT),
        ("heading", _TEXT),
    ]
)


def _write(rows: list[dict], table_schema: pa.Schema, target: Path) -> None:
    """Write atomically: a reader sees the old file or the new one, never half of one."""
    replace_file(target, lambda tmp: pq.write_table(pa.Table.from_pylist(rows, schema=table_schema), tmp))


def _parts(layout: str | None, address: str) -> dict:
    cell = schema.LAYOUTS.get(layout or "", schema.LEGACY).cells.get(address)
    table, row, column = (cell[0].id, cell[1].id, cell[2].id) if cell else (None, None, None)
    return {"table": table, "row": row, "column": column}


def _float(value: float | int | None) -> float | None:
    return None if value is None else float(value)


def write_columns(shard: Shard) -> dict[str, int]:
    """Rewrite the shard's three Parquet files from its store; the number of rows of each."""
    store = Store(shard.store)
    copies = {c.id: c for c in store.copies()}
    reports = store.reports()
    layouts = {r["id"]: r["layout"] for r in reports}
    report_rows = [
        {
            "report_id": r["id"],
            **{k: r[k] for k in ("agency", "region", "year", "title", "layout", "format", "source_file", "sha256")},
            "figures": copies[r["id"]].figures,
            "uncertain": copies[r["id"]].uncertain,
        }
        for r in reports
    ]
    figure_rows = [
        {
            **{k: f[k] for k in ("report_id", "agency", "region", "year", "title", "address")},
            **_parts(layouts.get(f["report_id"]), f["address"]),
            "value": _float(f["value"]),
            **{k: bool(f[k]) for k in ("uncertain", "derived", "ocr")},
            **{k: f[k] for k in ("note", "label", "label_zh", "label_en", "alternatives", "line", "page", "offset")},
            "confidence": f["confidence"],
        }
        for f in store.figures()
    ]
    meta = {r["id"]: r for r in reports}
    fact_rows = [
        {
            "report_id": report_id,
            **{k: meta[report_id][k] for k in ("agency", "region", "year")},
            "seq": seq,
            **{k: getattr(fact, k) for k in ("measure", "english", "unit", "approximate", "period", "section")},
            "heading": fact.heading,
            "sentence": fact.sentence,
            "value": _float(fact.value),
            "start": fact.start,
            "end": fact.end,
        }
        for report_id, report in store.reports_without_text().items()
        for seq, fact in enumerate(report.narrative_facts)
    ]
    shard.folder.mkdir(parents=True, exist_ok=True)
    _write(report_rows, REPORTS, shard.reports)
    _write(figure_rows, FIGURES, shard.figures)
    _write(fact_rows, FACTS, shard.facts)
    return {"reports": len(report_rows), "figures": len(figure_rows), "facts": len(fact_rows)}

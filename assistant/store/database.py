"""The corpus store: one SQLite file under indexes/ that any SQL tool (or Datasette) can open."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from assistant import config
from assistant.domain import numbers, schema
from assistant.domain.canonical import Copy
from assistant.domain.record import (
    Figure,
    IndexedPassage,
    NarrativeCheck,
    NarrativeFact,
    Passage,
    Report,
    Source,
    Warning,
)

SCHEMA_VERSION = 6  # 2: typed warnings, derived, alternatives; 3: narrative facts; 4: OCR flag, confidence;
# 5: passage kind (text, heading, table row) and a table row's address; 6: a narrative fact's heading

_DDL = """
CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY, title TEXT, agency TEXT, region TEXT, year INTEGER, layout TEXT,
    format TEXT, source_file TEXT, sha256 TEXT, ingested_at TEXT, text TEXT, parser_version TEXT);
CREATE INDEX IF NOT EXISTS reports_sha ON reports(sha256);
CREATE TABLE IF NOT EXISTS passages (
    report_id TEXT REFERENCES reports(id) ON DELETE CASCADE, seq INTEGER, section TEXT,
    text TEXT, start INTEGER, "end" INTEGER, page INTEGER, kind TEXT, address TEXT, PRIMARY KEY (report_id, seq));
CREATE TABLE IF NOT EXISTS figures (
    report_id TEXT REFERENCES reports(id) ON DELETE CASCADE, address TEXT, value REAL,
    uncertain INTEGER, note TEXT, line INTEGER, page INTEGER, "offset" INTEGER, label TEXT,
    label_zh TEXT, label_en TEXT, derived INTEGER, alternatives TEXT, ocr INTEGER, confidence REAL,
    PRIMARY KEY (report_id, address));
CREATE INDEX IF NOT EXISTS figures_address ON figures(address);
CREATE TABLE IF NOT EXISTS warnings (
    report_id TEXT REFERENCES reports(id) ON DELETE CASCADE, seq INTEGER, kind TEXT, message TEXT,
    address TEXT, identity TEXT, numbers TEXT, PRIMARY KEY (report_id, seq));
CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, reason TEXT, at TEXT);
CREATE TABLE IF NOT EXISTS narrative_facts (
    report_id TEXT REFERENCES reports(id) ON DELETE CASCADE, seq INTEGER, value REAL, unit TEXT,
    approximate TEXT, measure TEXT, english TEXT, period TEXT, section TEXT, start INTEGER, "end" INTEGER,
    sentence TEXT, heading TEXT, PRIMARY KEY (report_id, seq));
CREATE TABLE IF NOT EXISTS narrative_checks (
    report_id TEXT REFERENCES reports(id) ON DELETE CASCADE, seq INTEGER, measure TEXT,
    narrative_value REAL, address TEXT, table_value REAL, agrees INTEGER, start INTEGER,
    PRIMARY KEY (report_id, seq));
"""
_KEYS_PER_QUERY = 400  # passages fetched by one query (two bound values each, SQLite allows 32,766)
_TABLES = ("narrative_checks", "narrative_facts", "warnings", "figures", "passages", "reports", "failures")


def _number(v: float | None) -> int | float | None:
    return None if v is None else numbers.normalize(v)


_META = ("id", "title", "agency", "region", "year", "source_file", "format", "sha256", "layout")


# The columns of ``figures`` that make a Figure, in the order _figure takes them.
_FIGURE = ("address", "value", "uncertain", "note", "line", "page", "offset", "label", "derived", "alternatives")
_FIGURE += ("ocr", "confidence")
_FIGURE_SQL = ", ".join(f'"{c}"' for c in _FIGURE)


def figure_of(f) -> Figure:
    """A figure from a row of the ``figures`` table (a mapping of its columns)."""
    return _figure(*(f[c] for c in _FIGURE))


def _figure(address, value, uncertain, note, line, page, offset, label, derived, alternatives, ocr, confidence):
    """A figure from the values of its row, in the order of _FIGURE (a report has some 200: read by position)."""
    if type(value) is float and value.is_integer():
        value = int(value)
    src = Source(offset, line, page, label or "", bool(ocr), confidence)
    return Figure(
        address,
        value,
        src,
        bool(uncertain),
        note or "",
        bool(derived),
        tuple(json.loads(alternatives)) if alternatives else (),
    )


def _passage_of(p) -> Passage:
    """A passage from a row of the ``passages`` table."""
    return Passage(p["section"], p["text"], p["start"], p["end"], p["page"], p["kind"], p["address"])


def fact_of(f) -> NarrativeFact:
    """A narrative fact from a row of the ``narrative_facts`` table (a mapping of its columns)."""
    return NarrativeFact.from_dict({**dict(f), "value": _number(f["value"])})


def in_layout_order(reports: Iterable[Report]) -> None:
    """Order each report's figures as its layout lists them (what a stored report's figures are in)."""
    for report in reports:
        if report.layout in schema.LAYOUTS:
            order = _order(report.layout)
            report.figures = dict(sorted(report.figures.items(), key=lambda kv: order.get(kv[0], 1 << 30)))


def _fill(
    into: Report | dict[str, Report], db: sqlite3.Connection, where: str = "", args: tuple = (), columnar: bool = True
) -> None:
    """Read the figures, warnings and narrative of one report (``where`` selects it) or of every report
    of ``into`` (by id), in stored order; without ``columnar``, not the figures and narrative facts (the
    tables a sharded corpus also keeps as Parquet)."""
    reports = {into.id: into} if isinstance(into, Report) else into
    for report_id, *f in db.execute(f"SELECT report_id, {_FIGURE_SQL} FROM figures {where}", args) if columnar else ():
        report = reports.get(report_id)
        if report is not None:
            report.figures[f[0]] = _figure(*f)
    in_layout_order(reports.values())
    for w in db.execute(
        f"SELECT report_id, kind, message, address, identity, numbers FROM warnings {where} ORDER BY report_id, seq",
        args,
    ):
        if w["report_id"] in reports:
            d = {k: w[k] for k in ("kind", "message", "address", "identity")}
            reports[w["report_id"]].warnings.append(
                Warning.from_dict({**d, "numbers": json.loads(w["numbers"] or "[]")})
            )
    for f in db.execute(f"SELECT * FROM narrative_facts {where} ORDER BY report_id, seq", args) if columnar else ():
        if f["report_id"] in reports:
            reports[f["report_id"]].narrative_facts.append(fact_of(f))
    for c in db.execute(f"SELECT * FROM narrative_checks {where} ORDER BY report_id, seq", args):
        if c["report_id"] in reports:
            reports[c["report_id"]].narrative_checks.append(
                NarrativeCheck(
                    c["measure"],
                    _number(c["narrative_value"]),
                    c["address"],
                    _number(c["table_value"]),
                    bool(c["agrees"]),
                    c["start"],
                )
            )


@cache
def _order(layout: str) -> dict[str, int]:
    return {a: i for i, a in enumerate(schema.LAYOUTS[layout].addresses())}


class StoreError(Exception):
    """A store that cannot be used (a folder, not a database, damaged): names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class Store:
    """Reports, passages, figures and warnings; each report is written in one transaction.

    Opening checks the file (``PRAGMA quick_check``) and raises StoreError on a damaged one. Reading
    never writes: readers open the file read-only, and a store that does not exist yet (or was written
    by another schema version) reads as empty. The schema is created or migrated on the first write.
    """

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else config.default_store()
        self._migrated = False
        if self.path.is_dir():
            raise StoreError(self.path, "is a folder, not a store file (give --store a file name)")
        if self.path.exists():
            self._check()

    def _check(self) -> None:
        """Refuse a file that is not an intact SQLite database, before anything reads or writes it.

        ``quick_check`` reads the whole file (a second at a million passages), so a file that passed it is
        not checked again while it stays as it was: its size, times, inode and SQLite's change counter are
        noted beside it (``<store>.checked``, skipped where the folder is read-only)."""
        mark = self.path.with_name(self.path.name + ".checked")
        stamp = self._stamp()
        try:
            if mark.read_text(encoding="utf-8") == stamp:
                return
        except OSError:
            pass
        try:
            with closing(self._open_read_only()) as db:
                result = [row[0] for row in db.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, f"not a readable corpus store ({exc}); give --store another file") from exc
        if result != ["ok"]:
            raise StoreError(
                self.path,
                f"the store is damaged (quick_check: {result[0]}); it is left untouched: "
                "ingest into a new --store file",
            )
        try:
            mark.write_text(stamp, encoding="utf-8")
        except OSError:
            pass

    def _stamp(self) -> str:
        """What changes whenever the file does: its size, times and inode, and SQLite's change counter."""
        st = self.path.stat()
        with self.path.open("rb") as f:
            counter = f.read(28)[24:28].hex()
        return f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino} {st.st_dev} {counter}"

    def _open_read_only(self) -> sqlite3.Connection:
        db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        db.row_factory = sqlite3.Row
        return db

    def _connect(self) -> sqlite3.Connection:
        """A read-only connection; an empty in-memory store where the file holds no store of this version."""
        if self.path.exists():
            db = self._open_read_only()
            try:
                if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                    return db
            except sqlite3.DatabaseError as exc:
                db.close()
                raise StoreError(self.path, f"not a readable corpus store ({exc})") from exc
            db.close()
        db = sqlite3.connect(":memory:")
        db.executescript(_DDL)
        db.row_factory = sqlite3.Row
        return db

    def _write(self) -> sqlite3.Connection:
        """A connection that writes, the schema created (or re-created for another version) first."""
        if not self._migrated:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.exists():
                self._check()  # never write into a damaged file
            with closing(self._open_writable()) as db, db:
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version != SCHEMA_VERSION:  # written by other code: re-created, and the next ingest re-parses
                    for table in _TABLES:
                        db.execute(f"DROP TABLE IF EXISTS {table}")
                    db.executescript(_DDL)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._migrated = True
        return self._open_writable()

    def _open_writable(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, f"cannot write the store ({exc})") from exc
        db.row_factory = sqlite3.Row
        return db

    # ---------------------------------------------------------------- writing
    def has(self, sha256: str, parser_version: str) -> bool:
        """Whether this file, parsed by this version of the parser, is already stored."""
        with closing(self._connect()) as db:
            return (
                db.execute(
                    "SELECT 1 FROM reports WHERE sha256 = ? AND parser_version = ?", (sha256, parser_version)
                ).fetchone()
                is not None
            )

    def files(self) -> set[tuple[str, str, str]]:
        """The (id, sha256, parser version) of every stored report: what :meth:`has` asks, for all at once."""
        with closing(self._connect()) as db:
            return {(r[0], r[1], r[2]) for r in db.execute("SELECT id, sha256, parser_version FROM reports")}

    def id_for(self, path: Path, sha256: str) -> str:
        """The file name, unless another file of that name is already stored."""
        name = path.name
        with closing(self._connect()) as db:
            row = db.execute("SELECT source_file FROM reports WHERE id = ?", (name,)).fetchone()
        if row is None or Path(row["source_file"]).resolve() == path.resolve():
            return name
        return f"{name}-{sha256[:8]}"

    def add(self, report: Report, parser_version: str = "") -> None:
        """Write (or replace) one report atomically: all of it or nothing."""
        self.add_all([report], parser_version)

    def add_all(self, reports: Iterable[Report], parser_version: str = "") -> None:
        """Write (or replace) several reports in one transaction: all of them or none."""
        with closing(self._write()) as db, db:
            for report in reports:
                self._insert(db, report, parser_version)

    def _insert(self, db: sqlite3.Connection, report: Report, parser_version: str) -> None:
        layout = schema.LAYOUTS.get(report.layout or "", schema.LEGACY)  # no standard layout: legacy.* only
        db.execute("DELETE FROM reports WHERE id = ?", (report.id,))
        db.execute(
            "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                report.id,
                report.title,
                report.agency,
                report.region,
                report.year,
                report.layout,
                report.format,
                report.source_file,
                report.sha256,
                datetime.now(UTC).isoformat(),
                report.text,
                parser_version,
            ),
        )
        db.executemany(
            "INSERT INTO passages VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (report.id, i, p.section, p.text, p.start, p.end, p.page, p.kind, p.address)
                for i, p in enumerate(report.passages)
            ],
        )
        rows = []
        for addr, f in report.figures.items():
            zh, en = schema.figure_label(layout, addr)
            src = f.source or Source(None, None)
            rows.append(
                (
                    report.id,
                    addr,
                    f.value,
                    int(f.uncertain),
                    f.note,
                    src.line,
                    src.page,
                    src.offset,
                    src.label,
                    zh,
                    en,
                    int(f.derived),
                    json.dumps(f.alternatives) if f.alternatives else None,
                    int(src.ocr),
                    src.confidence,
                )
            )
        db.executemany("INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany(
            "INSERT INTO warnings VALUES (?,?,?,?,?,?,?)",
            [
                (report.id, i, str(w.kind), w.message, w.address, w.identity, json.dumps(w.numbers))
                for i, w in enumerate(report.warnings)
            ],
        )
        db.executemany(
            "INSERT INTO narrative_facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (report.id, i, f.value, f.unit, f.approximate, f.measure, f.english, f.period, f.section)
                + (f.start, f.end, f.sentence, f.heading)
                for i, f in enumerate(report.narrative_facts)
            ],
        )
        db.executemany(
            "INSERT INTO narrative_checks VALUES (?,?,?,?,?,?,?,?)",
            [
                (report.id, i, c.measure, c.narrative_value, c.address, c.table_value, int(c.agrees), c.start)
                for i, c in enumerate(report.narrative_checks)
            ],
        )
        db.execute("DELETE FROM failures WHERE path = ?", (report.source_file,))

    def record_failure(self, path: str, reason: str) -> None:
        with closing(self._write()) as db, db:
            db.execute("INSERT OR REPLACE INTO failures VALUES (?,?,?)", (path, reason, datetime.now(UTC).isoformat()))

    def forget_failure(self, path: str) -> None:
        """Drop the failure recorded for this file (it has since been stored, elsewhere)."""
        with closing(self._write()) as db, db:
            db.execute("DELETE FROM failures WHERE path = ?", (path,))

    def remove(self, report_id: str) -> None:
        with closing(self._write()) as db, db:
            db.execute("DELETE FROM reports WHERE id = ?", (report_id,))

    # ---------------------------------------------------------------- reading
    def reports(self) -> list[dict]:
        """Metadata of every stored report, ordered by agency and year."""
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT id, title, agency, region, year, layout, format, source_file, sha256 "
                "FROM reports ORDER BY agency, year, id"
            ).fetchall()
        return [dict(r) for r in rows]

    def report(self, report_id: str) -> Report | None:
        return self.whole_reports([report_id]).get(report_id)

    def whole_reports(self, ids: Sequence[str]) -> dict[str, Report]:
        """These stored reports, whole (text, passages, figures, warnings, narrative), by id, in a handful of
        queries for many at once (what a batch reads of a chunk of its jobs); ids not stored are left out."""
        out: dict[str, Report] = {}
        with closing(self._connect()) as db:
            for i in range(0, len(ids), _KEYS_PER_QUERY):
                batch = tuple(ids[i : i + _KEYS_PER_QUERY])
                where = f"WHERE report_id IN ({','.join('?' * len(batch))})"
                reports = {
                    r["id"]: Report(**{k: r[k] for k in _META}, text=r["text"])
                    for r in db.execute(f"SELECT * FROM reports WHERE id IN ({','.join('?' * len(batch))})", batch)
                }
                for p in db.execute(f"SELECT * FROM passages {where} ORDER BY report_id, seq", batch):
                    reports[p["report_id"]].passages.append(_passage_of(p))
                _fill(reports, db, where, batch)
                out.update(reports)
        return out

    def reports_without_text(self, columnar: bool = True) -> dict[str, Report]:
        """Every stored report with its figures, warnings and narrative, but without its text and passages
        (what the questions read of the whole corpus), in a handful of queries; without ``columnar``, also
        without the figures and narrative facts."""
        with closing(self._connect()) as db:
            out = {
                r["id"]: Report(**{k: r[k] for k in _META})
                for r in db.execute(f"SELECT {', '.join(_META)} FROM reports ORDER BY agency, year, id")
            }
            _fill(out, db, columnar=columnar)
        return out

    def text(self, report_id: str) -> str:
        """A stored report's text ("" when there is no such report)."""
        with closing(self._connect()) as db:
            row = db.execute("SELECT text FROM reports WHERE id = ?", (report_id,)).fetchone()
        return row["text"] if row else ""

    def passages(self, report_id: str) -> list[Passage]:
        with closing(self._connect()) as db:
            rows = db.execute("SELECT * FROM passages WHERE report_id = ? ORDER BY seq", (report_id,))
            return [_passage_of(p) for p in rows]

    def copies(self) -> list[Copy]:
        """What the canonical-copy rule reads of every stored report (see assistant.domain.canonical)."""
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT r.id, r.agency, r.year, r.format, COUNT(f.value), "
                "COALESCE(SUM(f.uncertain * (f.value IS NOT NULL)), 0) "
                "FROM reports r LEFT JOIN figures f ON f.report_id = r.id GROUP BY r.id ORDER BY r.agency, r.year, r.id"
            ).fetchall()
        return [Copy(*r) for r in rows]

    def figures(self, address: str | None = None) -> list[dict]:
        """Figures with their report's metadata, for one address or all (a report's in the order it was stored with)."""
        sql = (
            "SELECT f.*, r.title, r.agency, r.region, r.year FROM figures f JOIN reports r ON r.id = f.report_id"
            + (" WHERE f.address = ?" if address else "")
            + " ORDER BY r.agency, r.year, f.report_id, f.rowid"  # a report's figures as stored
        )
        with closing(self._connect()) as db:
            rows = db.execute(sql, (address,) if address else ()).fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["value"] = _number(d["value"])
            out.append(d)
        return out

    def columns(self, table: str) -> tuple[list[tuple[str, str]], list[tuple]]:
        """The (name, declared type) of a table's columns and its rows in stored order: what a columnar
        copy of the ``figures`` or ``narrative_facts`` table is written from."""
        if table not in ("figures", "narrative_facts"):
            raise ValueError(f"no columnar copy of table {table}")
        with closing(self._connect()) as db:
            names = [(c["name"], c["type"]) for c in db.execute(f"PRAGMA table_info({table})")]
            return names, [tuple(r) for r in db.execute(f"SELECT * FROM {table} ORDER BY rowid")]

    def iter_passages(self) -> Iterator[IndexedPassage]:
        """Every passage with its report's metadata, in a stable order (what the search index reads)."""
        with closing(self._connect()) as db:
            for r in db.execute(
                'SELECT p.report_id, r.title, r.agency, r.region, r.year, p.section, p.page, p.start, p."end", '
                "p.text, p.kind, p.address FROM passages p JOIN reports r ON r.id = p.report_id "
                "ORDER BY p.report_id, p.seq"
            ):
                yield IndexedPassage(*r)

    def passage_texts(self, keys: Sequence[tuple[str, int]]) -> list[str]:
        """The texts of these passages, each named by its report and its position in the report (its
        ``seq``, the order of :meth:`iter_passages`): what the search index reads for the hits it shows."""
        found: dict[tuple[str, int], str] = {}
        wanted = list(dict.fromkeys(keys))
        with closing(self._connect()) as db:
            for i in range(0, len(wanted), _KEYS_PER_QUERY):  # one query per batch, not one per passage
                batch = wanted[i : i + _KEYS_PER_QUERY]
                pairs = ",".join("(?,?)" for _ in batch)
                args = [v for key in batch for v in key]
                for report_id, seq, text in db.execute(
                    f"SELECT p.report_id, p.seq, p.text FROM (VALUES {pairs}) AS k "
                    "JOIN passages p ON p.report_id = k.column1 AND p.seq = k.column2",
                    args,
                ):
                    found[(report_id, seq)] = text
        missing = next((k for k in keys if k not in found), None)
        if missing is not None:
            raise KeyError(f"{self.path}: no passage {missing[1]} in report {missing[0]}")
        return [found[k] for k in keys]

    def failures(self) -> list[dict]:
        with closing(self._connect()) as db:
            return [dict(r) for r in db.execute("SELECT * FROM failures ORDER BY path")]

    def fingerprint(self) -> str:
        """Changes whenever a report is added, replaced (also by a newer parser) or removed."""
        with closing(self._connect()) as db:
            rows = db.execute("SELECT id, sha256, parser_version FROM reports ORDER BY id").fetchall()
        return hashlib.sha256(
            "\n".join(f"{r['id']}\t{r['sha256']}\t{r['parser_version']}" for r in rows).encode()
        ).hexdigest()

    def counts(self) -> dict[str, int]:
        with closing(self._connect()) as db:
            return {
                t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("reports", "passages", "figures", "warnings", "failures")
            }

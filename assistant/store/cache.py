"""What questions and pages read of the whole corpus, held in memory per store: every report's metadata,
figures, warnings and narrative (not its text or passages), and the copies the canonical rule reads.

``snapshot(store)`` returns the store's current snapshot. It is rebuilt when the store's fingerprint
changes (an ingest, an upload that is stored, a removal); checking costs a ``stat`` of the file and the
read of its change counter, so an unchanged store costs no query. A report's text and passages are read
from the store only when something reads them (the line a citation quotes), a few at a time."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from assistant.domain.canonical import Copy, counted
from assistant.domain.record import Passage, Report
from assistant.store.database import Store


class StoredReport(Report):
    """A stored report whose text and passages are read from the store on first use."""

    _store: Store

    @property
    def text(self) -> str:  # type: ignore[override]
        return _text(self._store, self.id, self.sha256)

    @text.setter
    def text(self, value: str) -> None:  # the dataclass's __init__ sets "": the store has the text
        pass

    @property
    def passages(self) -> list[Passage]:  # type: ignore[override]
        return _passages(self._store, self.id, self.sha256)

    @passages.setter
    def passages(self, value: list[Passage]) -> None:
        pass


# Keyed by the snapshot's store object (opening a Store again would check the whole file each time).
@lru_cache(maxsize=256)
def _text(store: Store, report_id: str, sha256: str) -> str:
    return store.text(report_id)


@lru_cache(maxsize=64)
def _passages(store: Store, report_id: str, sha256: str) -> list[Passage]:
    return store.passages(report_id)


@dataclass(eq=False)  # one snapshot is one object: hashed by identity, so results can be cached on it
class Snapshot:
    """The corpus as of one fingerprint of its store."""

    fingerprint: str
    reports: dict[str, Report]  # by id, ordered by agency, year and id
    copies: list[Copy] = field(default_factory=list)
    memo: dict = field(default_factory=dict)  # what stages derive from these reports, by their own keys

    @cached_property
    def counted(self) -> set[str]:
        """Ids of the copies that count, one per agency-year (assistant.domain.canonical)."""
        return {c.id for c in counted(self.copies)}

    @cached_property
    def metadata(self) -> list[dict]:
        """What ``Store.reports()`` returns, from memory."""
        keys = ("id", "title", "agency", "region", "year", "layout", "format", "source_file", "sha256")
        return [{k: getattr(r, k) for k in keys} for r in self.reports.values()]

    @cached_property
    def counts(self) -> dict[str, int]:
        return {
            "reports": len(self.reports),
            "figures": sum(len(r.figures) for r in self.reports.values()),
            "warnings": sum(len(r.warnings) for r in self.reports.values()),
        }


_lock = threading.Lock()
_snapshots: dict[Path, tuple[tuple, Snapshot]] = {}


def _stamp(path: Path) -> tuple:
    """Changes whenever SQLite commits to the file: its change counter (header bytes 24-27), size and
    time, and those of a write-ahead log."""
    try:
        with open(path, "rb") as fh:
            fh.seek(24)
            counter = fh.read(4)
        st = os.stat(path)
    except OSError:
        return ()
    wal = Path(f"{path}-wal")
    wal_st = os.stat(wal) if wal.exists() else None
    return counter, st.st_mtime_ns, st.st_size, wal_st and (wal_st.st_mtime_ns, wal_st.st_size)


@lru_cache(maxsize=64)
def _resolved(path: Path) -> Path:
    return path.resolve()  # a stat of every folder on the way: once per path, not at every question


_pinned: ContextVar[dict[Path, Snapshot] | None] = ContextVar("pinned snapshots", default=None)


@contextmanager
def one_snapshot() -> Iterator[None]:
    """Within the block, each store's snapshot is looked up once: a question reads one state of the
    corpus, and checks the store's file once (not at each of the stages that read the corpus)."""
    token = _pinned.set({})
    try:
        yield
    finally:
        _pinned.reset(token)


def snapshot(store: Store | Snapshot) -> Snapshot:
    """The store's snapshot, rebuilt only when the store changed since the last one (a snapshot made
    otherwise, such as one of a sharded corpus, is its own); within :func:`one_snapshot`, the one
    looked up first."""
    if isinstance(store, Snapshot):
        return store
    path = _resolved(store.path)
    pinned = _pinned.get()
    if pinned is None:
        return _current(store, path)
    if path not in pinned:
        pinned[path] = _current(store, path)
    return pinned[path]


def _current(store: Store, path: Path) -> Snapshot:
    """The snapshot of the store at ``path`` as its file is now."""
    stamp = _stamp(path)
    held = _snapshots.get(path)
    if held and held[0] == stamp and stamp:
        return held[1]
    with _lock:
        held = _snapshots.get(path)
        if held and held[0] == stamp and stamp:
            return held[1]
        fingerprint = store.fingerprint()
        if held is None or held[1].fingerprint != fingerprint:
            reports = store.reports_without_text()
            for report in reports.values():
                report.__class__ = StoredReport
                report._store = store  # type: ignore[attr-defined]
            held = (stamp, Snapshot(fingerprint, reports, [Copy.of(r) for r in reports.values()]))
        else:
            held = (stamp, held[1])
        _snapshots[path] = held
        return held[1]


class PassageTexts:
    """Passage texts by (report id, position), read through ``read`` (``Store.passage_texts``) and the
    most recent ``limit`` kept: a search fetches the texts of its best candidates, and the same words
    bring the same candidates. Made for one fingerprint of the store (a changed store gets a new one)."""

    def __init__(self, read: Callable[[Sequence[tuple[str, int]]], list[str]], limit: int = 20_000):
        self._read, self._limit = read, limit
        self._held: OrderedDict[tuple[str, int], str] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, keys: Sequence[tuple[str, int]]) -> list[str]:
        with self._lock:
            found = {k: self._held[k] for k in keys if k in self._held}
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing:
            found.update(zip(missing, self._read(missing), strict=True))
        with self._lock:
            for k in keys:
                self._held[k] = found[k]
                self._held.move_to_end(k)
            while len(self._held) > self._limit:
                self._held.popitem(last=False)
        return [found[k] for k in keys]

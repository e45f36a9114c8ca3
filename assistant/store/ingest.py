"""Ingest many files into the store: bad files are reported and skipped, the batch goes on."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from assistant.extract.isolated import Job, Parsed, parse_each
from assistant.extract.report import PARSER_VERSION
from assistant.read import FORMATS, IngestError, Limits
from assistant.store.database import Store

SKIP_NAMES = {"readme.md", "readme.txt", "manifest.tsv", "license", "license.txt"}
SKIP_DIRS = {"reference", ".git", "__pycache__"}  # reference material (blank templates), not reports


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def report_files(paths: Iterable[Path], unreadable: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """Files to ingest: named files as given; in folders, every file of a known format.

    Folders that cannot be listed are appended to ``unreadable`` with the reason."""

    def folder_error(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append((str(Path(exc.filename or "").resolve()), f"cannot read the folder ({exc.strerror})"))

    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path, onerror=folder_error):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if name.lower() in SKIP_NAMES or name.startswith("."):
                    continue
                if Path(name).suffix.lower() in FORMATS:
                    yield Path(root) / name


def _fingerprint(path: Path, limits: Limits) -> str:
    """The sha256 of a regular file within the size limit; IngestError names anything else."""
    try:
        info = path.stat()
    except OSError as exc:
        raise IngestError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode) else "special"
        raise IngestError(path, f"not a regular file ({kind}): only regular files are read")
    limits.check_size(path, info.st_size)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        raise IngestError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    return digest.hexdigest()


class Catalog(Protocol):
    """What planning an ingest asks of where reports are stored: one store, or a sharded corpus."""

    def has(self, sha256: str, parser_version: str) -> bool: ...

    def id_for(self, path: Path, sha256: str) -> str: ...


@dataclass
class Plan:
    """The files to parse (each with the id its report gets), and those already decided: unchanged or failed."""

    jobs: list[Job] = field(default_factory=list)
    sha256: dict[Path, str] = field(default_factory=dict)  # of each job's file
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def plan(paths: Iterable[Path], catalog: Catalog, limits: Limits) -> Plan:
    """Fingerprint every file: a file stored already (same bytes, same parser) is unchanged, one that cannot
    be read failed, any other is a job under the id ``catalog`` gives it."""
    out = Plan()
    unreadable: list[tuple[str, str]] = []
    for path in report_files(paths, unreadable):
        path = path.parent.resolve() / path.name  # one file keeps one id whatever the working directory
        try:
            sha = _fingerprint(path, limits)
        except IngestError as exc:
            out.failed.append((str(path), exc.reason))
            continue
        if catalog.has(sha, PARSER_VERSION):
            out.unchanged.append(str(path))
            continue
        out.jobs.append(Job(path, catalog.id_for(path, sha)))
        out.sha256[path] = sha
    out.failed += unreadable
    return out


def keep(parsed: Parsed, store: Store) -> str | None:
    """Write one parsed file's report into ``store``; the reason the file failed (not recorded), or None."""
    if isinstance(parsed.result, IngestError):
        return parsed.result.reason
    try:
        store.add(parsed.result, PARSER_VERSION)
    except (sqlite3.Error, OverflowError) as exc:  # a value the store cannot hold fails this file only
        return f"cannot be stored ({type(exc).__name__}: {exc})"
    return None


def ingest(
    paths: Iterable[Path], store: Store, limits: Limits | None = None, workers: int = 2, progress: bool = True
) -> IngestSummary:
    """Parse new or changed files, each in its own limited process, and write each in its own transaction.

    Every file ends as exactly one of added, unchanged or failed (with the reason, also kept in the store)."""
    limits = limits or Limits()
    planned = plan(paths, store, limits)
    summary = IngestSummary(unchanged=planned.unchanged, failed=planned.failed)
    for path, reason in planned.failed:
        store.record_failure(path, reason)
    if not planned.jobs:
        return summary
    bar = tqdm(total=len(planned.jobs), desc="ingest", unit="file", disable=not progress)
    for parsed in parse_each(planned.jobs, limits, workers):
        bar.update()
        reason = keep(parsed, store)
        if reason is None:
            summary.added.append(parsed.job.report_id)
        else:
            summary.failed.append((str(parsed.job.path), reason))
            store.record_failure(str(parsed.job.path), reason)
    bar.close()
    return summary

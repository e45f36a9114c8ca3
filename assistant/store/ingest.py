"""Ingest many files into the store: bad files are reported and skipped, the batch goes on."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from assistant.extract.isolated import Job, parse_each
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


def ingest(
    paths: Iterable[Path], store: Store, limits: Limits | None = None, workers: int = 2, progress: bool = True
) -> IngestSummary:
    """Parse new or changed files, each in its own limited process, and write each in its own transaction.

    Every file ends as exactly one of added, unchanged or failed (with the reason, also kept in the store)."""
    limits = limits or Limits()
    summary = IngestSummary()

    def fail(path: Path | str, reason: str) -> None:
        summary.failed.append((str(path), reason))
        store.record_failure(str(path), reason)

    unreadable: list[tuple[str, str]] = []
    jobs = []
    for path in report_files(paths, unreadable):
        path = path.parent.resolve() / path.name  # one file keeps one id whatever the working directory
        try:
            sha = _fingerprint(path, limits)
        except IngestError as exc:
            fail(path, exc.reason)
            continue
        if store.has(sha, PARSER_VERSION):
            summary.unchanged.append(str(path))
            continue
        jobs.append(Job(path, store.id_for(path, sha)))
    for folder, reason in unreadable:
        fail(folder, reason)
    if not jobs:
        return summary
    bar = tqdm(total=len(jobs), desc="ingest", unit="file", disable=not progress)
    for parsed in parse_each(jobs, limits, workers):
        job, result = parsed.job, parsed.result
        bar.update()
        if isinstance(result, IngestError):
            fail(job.path, result.reason)
            continue
        try:
            store.add(result, PARSER_VERSION)
        except (sqlite3.Error, OverflowError) as exc:  # a value the store cannot hold fails this file only
            fail(job.path, f"cannot be stored ({type(exc).__name__}: {exc})")
            continue
        summary.added.append(result.id)
    bar.close()
    return summary

"""Ingest many files into the store: bad files are reported and skipped, the batch goes on."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from assistant.domain.record import Report
from assistant.extract.report import PARSER_VERSION, parse_file
from assistant.read import FORMATS, IngestError, Limits
from assistant.store.database import Store

SKIP_NAMES = {"readme.md", "readme.txt", "manifest.tsv", "license", "license.txt"}
SKIP_DIRS = {"reference", ".git", "__pycache__"}  # reference material (blank templates), not reports


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def report_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to ingest: named files as given; in folders, every file of a known format."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if name.lower() in SKIP_NAMES or name.startswith("."):
                    continue
                if Path(name).suffix.lower() in FORMATS:
                    yield Path(root) / name


def _parse(job: tuple[Path, str, Limits]) -> Report | IngestError:
    path, report_id, limits = job
    try:
        return parse_file(path, limits, report_id)
    except IngestError as exc:
        return exc


def ingest(
    paths: Iterable[Path], store: Store, limits: Limits | None = None, workers: int = 2, progress: bool = True
) -> IngestSummary:
    """Parse new or changed files (both cores) and write each to the store in its own transaction."""
    limits = limits or Limits()
    summary = IngestSummary()
    jobs = []
    for path in report_files(paths):
        try:
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            summary.failed.append((str(path), f"cannot read the file ({exc.strerror or exc})"))
            store.record_failure(str(path), summary.failed[-1][1])
            continue
        if store.has(sha, PARSER_VERSION):
            summary.unchanged.append(str(path))
            continue
        jobs.append((path, store.id_for(path, sha), limits))
    if not jobs:
        return summary
    bar = tqdm(total=len(jobs), desc="ingest", unit="file", disable=not progress)
    for path, result in _results(jobs, workers):
        bar.update()
        if isinstance(result, IngestError):
            summary.failed.append((str(path), result.reason))
            store.record_failure(str(path), result.reason)
        else:
            store.add(result, PARSER_VERSION)
            summary.added.append(result.id)
    bar.close()
    return summary


def _results(jobs: list[tuple[Path, str, Limits]], workers: int) -> Iterator[tuple[Path, Report | IngestError]]:
    """Parse in worker processes; if a file kills its worker, the rest are parsed one per process."""
    done: set[Path] = set()
    try:
        with ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs)))) as pool:
            futures = {pool.submit(_parse, job): job[0] for job in jobs}
            for future in as_completed(futures):
                done.add(futures[future])
                yield futures[future], future.result()
    except BrokenProcessPool:
        for job in jobs:
            if job[0] in done:
                continue
            try:
                with ProcessPoolExecutor(max_workers=1) as pool:
                    yield job[0], pool.submit(_parse, job).result()
            except BrokenProcessPool:
                yield job[0], IngestError(job[0], "the parser process crashed on this file (out of memory?)")

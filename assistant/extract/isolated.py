"""parse_file in a separate process per file, under the file's budget: memory, time, and its parent's life.

Each file is parsed in a fresh child of a forkserver (a clean, single-threaded process that has the
parser imported), so a hostile file can take neither the caller's memory nor its time:

- memory: the child's address space may grow by ``Limits.max_memory`` bytes (``RLIMIT_AS``); past it
  the parser gets a MemoryError, which is that file's failure;
- time: a child still running after ``Limits.max_seconds`` is killed, which is that file's failure;
- death: a child that dies (``kill -9``, the kernel's out-of-memory killer) is that file's failure;
- its parent: a child dies with the forkserver, and the forkserver exits when its parent dies, so no
  parser outlives a killed ``ingest`` or app.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from assistant.domain.record import Report
from assistant.read import IngestError, Limits

_PR_SET_PDEATHSIG = 1
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["assistant.extract.report"])


@dataclass(frozen=True)
class Job:
    """One file to parse, with the id its report is stored under."""

    path: Path
    report_id: str


def _die_with_parent() -> None:
    """Be killed when the process that forked this one exits (Linux), and exit now if it already has."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the forkserver's own exit still ends the batch
        pass
    if os.getppid() != parent:
        os._exit(1)


def _limit_memory(extra: int) -> None:
    """Let the address space grow by ``extra`` bytes beyond what this process has mapped now."""
    with open("/proc/self/statm") as fh:
        mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = mapped + extra if hard == resource.RLIM_INFINITY else min(mapped + extra, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _peak() -> int:
    """The most memory (resident set) this process has held, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _child(conn: Connection, job: Job, limits: Limits) -> None:
    from assistant.extract.report import parse_file

    _die_with_parent()
    result: Report | IngestError
    try:
        _limit_memory(limits.max_memory)
    except (OSError, ValueError):  # no /proc: the time limit and the parent's watch still hold
        pass
    try:
        result = parse_file(job.path, limits, job.report_id)
    except IngestError as exc:
        result = exc
    try:
        conn.send((result, _peak()))
    except (MemoryError, OverflowError, ValueError) as exc:  # a result too large to hand back
        why = f"the parsed report is too large to hand back ({type(exc).__name__})"
        conn.send((IngestError(job.path, why), _peak()))
    conn.close()


def _death(job: Job, exitcode: int | None) -> IngestError:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        why = " (the kernel's out-of-memory killer, or someone, killed it)" if name == "SIGKILL" else ""
        return IngestError(job.path, f"the parser process died on this file: killed by {name}{why}")
    return IngestError(job.path, f"the parser process died on this file (exit status {exitcode})")


def _timeout(job: Job, limits: Limits) -> IngestError:
    return IngestError(
        job.path,
        f"parsing took over {limits.max_seconds:g} s, the time limit per file (raise it with --max-seconds)",
    )


@dataclass(frozen=True)
class Parsed:
    """What became of one job: its report or the reason it failed, and the most memory its process held."""

    job: Job
    result: Report | IngestError
    peak: int | None = None  # bytes; None when the process died or was stopped before it could say


@dataclass
class _Running:
    job: Job
    process: multiprocessing.process.BaseProcess
    conn: Connection
    deadline: float


def _start(job: Job, limits: Limits) -> _Running:
    receive, send = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_child, args=(send, job, limits), daemon=True)
    process.start()
    send.close()
    return _Running(job, process, receive, time.monotonic() + limits.max_seconds)


def _finish(run: _Running, limits: Limits) -> Parsed | None:
    """The child's outcome once it has one, or None while it is still parsing in time."""
    if run.conn.poll():
        try:
            result, peak = run.conn.recv()
        except (EOFError, OSError):  # died before or while handing its result back
            run.process.join()
            return Parsed(run.job, _death(run.job, run.process.exitcode))
        run.process.join()
        return Parsed(run.job, result, peak)
    if not run.process.is_alive():
        run.process.join()
        return Parsed(run.job, _death(run.job, run.process.exitcode))
    if time.monotonic() >= run.deadline:
        run.process.kill()
        run.process.join()
        return Parsed(run.job, _timeout(run.job, limits))
    return None


def parse_each(jobs: Iterable[Job], limits: Limits, workers: int = 1) -> Iterator[Parsed]:
    """What became of every job, as each finishes, ``workers`` at a time."""
    pending = deque(jobs)
    running: list[_Running] = []
    try:
        while pending or running:
            while pending and len(running) < max(1, workers):
                running.append(_start(pending.popleft(), limits))
            timeout = max(0.0, min(r.deadline for r in running) - time.monotonic())
            wait([r.conn for r in running] + [r.process.sentinel for r in running], timeout)
            for run in list(running):
                parsed = _finish(run, limits)
                if parsed is not None:
                    running.remove(run)
                    run.conn.close()
                    yield parsed
    finally:  # the caller stopped early (or was interrupted): no parser is left running
        for run in running:
            run.process.kill()
            run.process.join()
            run.conn.close()


def parse_isolated(path: Path | str, limits: Limits | None = None, report_id: str | None = None) -> Report:
    """:func:`assistant.extract.report.parse_file` in its own limited process; raises IngestError."""
    path = Path(path)
    [parsed] = parse_each([Job(path, report_id or path.name)], limits or Limits())
    if isinstance(parsed.result, IngestError):
        raise parsed.result
    return parsed.result

"""Many summaries at once: both cores, a progress bar, failures listed with their reason while the batch
goes on, an index page and the corpus digest. Output is deterministic (input order, no timestamps)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from tqdm import tqdm

from assistant.compare import crossyear
from assistant.domain import numbers, schema
from assistant.domain.canonical import Copy, counted
from assistant.domain.numbers import share
from assistant.read import IngestError, Limits
from assistant.summarize.render import digest_document, index_document, render_summary

DEFAULT_WORKERS = 2
RANKING_SIZE = 10
CHUNK_MAX = 32  # jobs a worker is given at once: their reports are read together
CHUNKS_PER_WORKER = 4  # at least, so that the workers finish together


@dataclass(frozen=True)
class Job:
    """One report to summarize: a stored report id (``store`` set) or a file parsed on the spot."""

    ref: str
    lang: str
    fmt: str
    store: str | None = None
    limits: Limits | None = None


@dataclass
class BatchResult:
    out_dir: Path
    index: Path
    digest: Path | None
    written: list[dict] = field(default_factory=list)  # index entries: id, file, agency_english, year
    failed: list[dict] = field(default_factory=list)  # source, reason


# ---------------------------------------------------------------- one job (runs in a worker)
@cache
def _open_store(path: str):  # -> Store, one per process
    from assistant.store.database import Store

    return Store(path)


def load_report(job: Job, loaded: dict | None = None):  # -> Report
    """The job's report: from ``loaded`` (the reports of its chunk, read together), its store, or its file."""
    from assistant.extract.report import parse_file

    if job.store is not None:
        report = (loaded or {}).get((job.store, job.ref)) or _open_store(job.store).report(job.ref)
        if report is None:
            raise LookupError(f"no report {job.ref!r} in the store {job.store}")
        return report
    return parse_file(job.ref, job.limits)


def digest_record(report, summary) -> dict:  # (Report, Summary) -> dict
    """What the corpus digest needs from one summarized report."""
    f = summary.facts
    req = f.get("requests") or {}
    outcomes = req.get("outcomes") or {}
    appeals = f.get("appeals") or {}
    layout = schema.LAYOUTS.get(report.layout or "")
    missing = [layout.table(t).english for t in f["missing_tables"]] if layout else []

    def total(group: str) -> int | float | None:
        return (appeals.get(group) or {}).get("total")

    from assistant.domain.names import agency_key

    return {
        "id": report.id,
        "agency": agency_key(report.agency),
        "agency_english": summary.agency_english,
        "year": report.year,
        "layout": report.layout,
        "format": report.format,
        "copy": Copy.of(report),
        "received": req.get("received"),
        "handled": req.get("handled"),
        "carried_over": req.get("carried_over"),
        "carried_forward": req.get("carried_forward"),
        "carried_forward_by_column": crossyear.forward_of(report),
        "carried_over_by_column": crossyear.over_of(report),
        "refused": (outcomes.get("denied") or {}).get("count"),
        "review": total("review"),
        "lawsuits": None
        if total("litigation_direct") is None or total("litigation_after_review") is None
        else total("litigation_direct") + total("litigation_after_review"),  # type: ignore[operator]
        "arithmetic": (f.get("arithmetic") or {}).get("status"),
        "failures": (f.get("arithmetic") or {}).get("failures") or [],
        "missing_tables": missing,
        "standard_tables": layout is not None,
    }


def run_chunk(jobs: list[Job]) -> list[dict]:
    """Summarize and render a chunk of jobs (in a worker): the stored reports of the chunk are read from
    each store together, in a few queries, rather than one report at a time."""
    loaded: dict[tuple[str, str], object] = {}
    by_store: dict[str, list[str]] = {}
    for job in jobs:
        if job.store is not None:
            by_store.setdefault(job.store, []).append(job.ref)
    for store, ids in by_store.items():
        try:
            loaded.update(((store, i), r) for i, r in _open_store(store).whole_reports(ids).items())
        except Exception:  # each job then reads its own report, and fails with its own reason
            pass
    return [run_job(job, loaded) for job in jobs]


def run_job(job: Job, loaded: dict | None = None) -> dict:
    """Summarize and render one report; any failure is returned with its reason, never raised."""
    from assistant.summarize.core import summarize

    try:
        report = load_report(job, loaded)
        summary = summarize(report, job.lang)
        return {
            "ok": True,
            "id": report.id,
            "text": render_summary(summary, job.fmt),
            "record": digest_record(report, summary),
        }
    except IngestError as exc:
        return {"ok": False, "source": job.ref, "reason": exc.reason}
    except Exception as exc:  # a bug or a bad record must not end the batch: list it against the report
        return {"ok": False, "source": job.ref, "reason": f"{type(exc).__name__}: {exc}"}


def warm_up() -> None:
    """Load the dictionaries once before the workers fork, so that each does not load them again."""
    from assistant.domain import names
    from assistant.summarize import narrative

    narrative.tokenizer().jieba  # noqa: B018
    names._cedict_places()
    from pypinyin import lazy_pinyin

    lazy_pinyin("政府信息公开")  # place names CC-CEDICT lacks: pypinyin's dictionaries, ~1 s in each worker otherwise


# ---------------------------------------------------------------- the batch
def _file_name(report_id: str, lang: str, fmt: str, taken: set[str]) -> str:
    stem = re.sub(r"[^\w.\-]+", "_", report_id).strip("._") or "report"
    name = f"{stem}.{lang}.{fmt}"
    n = 2
    while name in taken:
        name = f"{stem}-{n}.{lang}.{fmt}"
        n += 1
    taken.add(name)
    return name


# runs every job somewhere: (position of the job, what run_job returned), in any order
Runner = Callable[[list[Job]], Iterable[tuple[int, dict]]]


def worker_died(job: Job, exc: BaseException) -> dict:
    """What a job returns when the process running it died."""
    return {"ok": False, "source": job.ref, "reason": f"the worker failed ({type(exc).__name__}: {exc})"}


def run_here(jobs: list[Job], workers: int = DEFAULT_WORKERS) -> Iterator[tuple[int, dict]]:
    """Run the jobs on this machine, in ``workers`` processes."""
    if workers <= 1 or len(jobs) <= 1:
        for i, job in enumerate(jobs):
            yield i, run_job(job)
        return
    warm_up()
    workers = min(workers, os.cpu_count() or 1, len(jobs))
    size = max(1, min(CHUNK_MAX, len(jobs) // (workers * CHUNKS_PER_WORKER)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run_chunk, jobs[s : s + size]): s for s in range(0, len(jobs), size)}
        for fut in as_completed(futures):
            start = futures[fut]
            chunk = jobs[start : start + size]
            try:
                results = fut.result()
            except Exception as exc:  # the worker itself died
                results = [worker_died(job, exc) for job in chunk]
            for i, result in enumerate(results):
                yield start + i, result


def run_batch(
    jobs: list[Job],
    out_dir: Path | str,
    fmt: str,
    workers: int = DEFAULT_WORKERS,
    progress: bool = True,
    failures: list[dict] | None = None,
    digest: bool = True,
    run: Runner | None = None,
) -> BatchResult:
    """Summarize every job into ``out_dir`` with an index page (and the corpus digest); ``run`` runs the
    jobs (default: :func:`run_here`, ``workers`` processes of this machine)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    results: list[dict | None] = [None] * len(jobs)
    bar = tqdm(total=len(jobs), desc="summarize", unit="report", disable=not progress)
    for i, r in (run or partial(run_here, workers=workers))(jobs):
        results[i] = r
        bar.update()
    bar.close()

    result = BatchResult(out, out / f"index.{fmt}", out / f"digest.{fmt}" if digest else None)
    result.failed = list(failures or [])
    records: list[dict] = []
    taken: set[str] = {result.index.name} | ({result.digest.name} if result.digest else set())
    for r in results:
        assert r is not None
        if not r["ok"]:
            result.failed.append({"source": r["source"], "reason": r["reason"]})
            continue
        name = _file_name(r["id"], jobs[0].lang, fmt, taken)
        (out / name).write_text(r["text"], encoding="utf-8")
        rec = r["record"]
        records.append(rec)
        result.written.append(
            {"id": r["id"], "file": name, "agency_english": rec["agency_english"], "year": rec["year"]}
        )
    if result.digest is not None:
        d = corpus_digest(records, len(result.failed))
        result.digest.write_text(digest_document(d, fmt), encoding="utf-8")
    result.index.write_text(
        index_document(result.written, result.failed, result.digest.name if result.digest else None, fmt),
        encoding="utf-8",
    )
    return result


# ---------------------------------------------------------------- the corpus digest
def _representatives(records: list[dict]) -> list[dict]:
    """One record per agency and year, the copy that counts (see assistant.domain.canonical); copies of a
    report in other formats are left out."""
    keep = {c.id for c in counted(r["copy"] for r in records)}
    return sorted((r for r in records if r["id"] in keep), key=lambda r: (r["agency"], r["year"] or 0, r["id"]))


def _sum(values: list) -> int | float:
    return numbers.total(v for v in values if v is not None)


def corpus_digest(records: list[dict], failed: int = 0) -> dict:
    """Totals, rankings, arithmetic failures, missing tables and cross-year carry-over mismatches."""
    reps = _representatives(records)
    layouts: dict[str, int] = {}
    for r in reps:
        key = r["layout"] or "none (before 2019)"
        layouts[key] = layouts.get(key, 0) + 1
    totals = {
        "files": len(records),
        "failed": failed,
        "reports": len(reps),
        "layouts": dict(sorted(layouts.items())),
        "received": _sum([r["received"] for r in reps]),
        "with_requests": sum(r["received"] is not None for r in reps),
        "refused": _sum([r["refused"] for r in reps]),
        "carried_forward": _sum([r["carried_forward"] for r in reps]),
        "review": _sum([r["review"] for r in reps]),
        "lawsuits": _sum([r["lawsuits"] for r in reps]),
    }

    def brief(r: dict, **extra: object) -> dict:
        return {"id": r["id"], "agency": r["agency"], "agency_english": r["agency_english"], "year": r["year"], **extra}

    by_received = sorted(
        (r for r in reps if r["received"] is not None), key=lambda r: (-r["received"], r["agency"], r["year"] or 0)
    )
    by_refused = sorted(
        (r for r in reps if r["refused"] is not None), key=lambda r: (-r["refused"], r["agency"], r["year"] or 0)
    )
    mismatches = []
    by_key = {(r["agency"], r["year"]): r for r in reps}
    for r in reps:
        prev = by_key.get((r["agency"], (r["year"] or 0) - 1))
        if prev is None:
            continue
        check = crossyear.check_columns(prev["carried_forward_by_column"], r["carried_over_by_column"])
        failing = [c for c in check if c.holds is False]
        if failing:
            total = next(c for c in check if c.column == "total")
            mismatches.append(
                brief(
                    r,
                    carried_over=total.carried_over,
                    previous_carried_forward=total.carried_forward,
                    previous_id=prev["id"],
                    columns=[c.to_dict() for c in failing],
                )
            )
    missing = []
    for r in sorted(records, key=lambda r: r["id"]):
        if not r["standard_tables"]:
            missing.append({"id": r["id"], "missing": "no standard tables (reports before 2019 predate them)"})
        elif r["missing_tables"]:
            missing.append({"id": r["id"], "missing": ", ".join(r["missing_tables"])})
    return {
        "totals": totals,
        "ranking_received": [brief(r, received=r["received"]) for r in by_received[:RANKING_SIZE]],
        "ranking_refused": [
            brief(
                r,
                refused=r["refused"],
                handled=r["handled"],
                share=share(r["refused"], r["handled"]) if r["handled"] else "",
            )
            for r in by_refused[:RANKING_SIZE]
        ],
        "arithmetic_fails": [
            {"id": r["id"], "failures": r["failures"]}
            for r in sorted(records, key=lambda r: r["id"])
            if r["arithmetic"] == "fails"
        ],
        "missing_tables": missing,
        "carried_over_mismatch": mismatches,
    }

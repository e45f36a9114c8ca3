"""OCR for pages without a text layer (scanned PDFs) and for image files.

Each page is rasterised (pypdfium2), straightened, its ruled tables recovered from the image and its
words read by an OCR engine (``engines``); the result (``page.OcrPage``: lines and grids in points)
is handed to the same assembly the PDF text layer goes through. Pages are read on every core, each
page's result is cached by the file's sha256, page number and engine, and a page limit and a time
limit guard the machine.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, TimeoutError, as_completed
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from assistant.atomic import replace_file
from assistant.read.document import IngestError, Limits
from assistant.read.ocr.engines import EngineMissing, get_engine
from assistant.read.ocr.page import OcrPage, read_page_image

CACHE_VERSION = 5  # raise when what a page's OCR result holds changes


@dataclass(frozen=True)
class PageJob:
    """One page to read: from a PDF (rendered at ``dpi``) or one frame of an image file."""

    path: str
    number: int
    dpi: float
    kind: str  # "pdf" or "image"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_image(job: PageJob) -> Image.Image:
    if job.kind == "pdf":
        from assistant.read.ocr.image import render_pdf_page

        return render_pdf_page(job.path, job.number, int(job.dpi))
    with Image.open(job.path) as im:
        im.seek(job.number - 1)
        return im.convert("L")


def _read_job(job: PageJob, engine: str) -> dict:
    return read_page_image(load_image(job), get_engine(engine), job.dpi, job.number).to_dict()


def ocr_pages(path: Path, jobs: list[PageJob], limits: Limits, workers: int | None = None) -> list[OcrPage]:
    """OCR result of each job, in order: from the cache where it is there, else read on a process pool.

    Raises IngestError naming the file when there are more pages than the OCR page limit, when the
    time limit runs out, or when the engine is not installed (the reason says how to install it).
    """
    if len(jobs) > limits.max_ocr_pages:
        raise IngestError(
            path,
            f"{len(jobs)} pages need OCR, over the OCR page limit of {limits.max_ocr_pages} "
            "(raise it with --max-ocr-pages)",
        )
    try:
        get_engine(limits.ocr_engine) if not _all_cached(path, jobs, limits) else None
    except EngineMissing as e:
        raise IngestError(path, str(e)) from e
    cache = _Cache(path, limits)
    results: dict[int, OcrPage] = {}
    todo = []
    for job in jobs:
        hit = cache.get(job.number)
        if hit is not None:
            results[job.number] = hit
        else:
            todo.append(job)
    if todo:
        for number, page in _run(path, todo, limits, workers):
            cache.put(number, page)
            results[number] = page
    return [results[j.number] for j in jobs]


def _all_cached(path: Path, jobs: list[PageJob], limits: Limits) -> bool:
    cache = _Cache(path, limits)
    return cache.folder is not None and all(cache.get(j.number) is not None for j in jobs)


def _run(path: Path, jobs: list[PageJob], limits: Limits, workers: int | None):
    deadline = time.monotonic() + limits.max_ocr_seconds
    n = min(len(jobs), workers or os.cpu_count() or 1)
    bar = _progress(len(jobs), limits.progress, path.name)
    over = IngestError(
        path, f"OCR took longer than the limit of {limits.max_ocr_seconds:g} s (raise it with --max-ocr-seconds)"
    )
    if n <= 1:
        for job in jobs:
            if time.monotonic() > deadline:
                raise over
            yield job.number, OcrPage.from_dict(_read_job(job, limits.ocr_engine))
            bar(1)
        return
    pool = ProcessPoolExecutor(n, initializer=_init_worker)
    try:
        futures = {pool.submit(_read_job, job, limits.ocr_engine): job for job in jobs}
        try:
            for fut in as_completed(futures, timeout=max(0.0, deadline - time.monotonic())):
                yield futures[fut].number, OcrPage.from_dict(fut.result())
                bar(1)
        except TimeoutError:
            raise over from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _init_worker() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def _progress(total: int, show: bool, name: str) -> Callable[[int], None]:
    if not show or total < 2 or multiprocessing.current_process().name != "MainProcess":
        return lambda k: None  # a batch worker leaves the bar to the batch
    from tqdm import tqdm

    bar = tqdm(total=total, desc=f"OCR {name}", unit="page", leave=False)
    return bar.update


class _Cache:
    """OCR results as JSON files named by the file's sha256, the page number and the engine."""

    def __init__(self, path: Path, limits: Limits):
        self.folder = limits.ocr_cache
        self.engine = limits.ocr_engine
        self.digest = sha256(path) if self.folder else ""

    def _file(self, number: int) -> Path:
        assert self.folder is not None
        return Path(self.folder) / f"{self.digest}-p{number}-{self.engine}-v{CACHE_VERSION}.json"

    def get(self, number: int) -> OcrPage | None:
        if not self.folder:
            return None
        try:
            return OcrPage.from_dict(json.loads(self._file(number).read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, number: int, page: OcrPage) -> None:
        if not self.folder:
            return
        text = json.dumps(page.to_dict(), ensure_ascii=False)
        # a read-only cache folder only costs the next run its time
        replace_file(self._file(number), lambda tmp: tmp.write_text(text, "utf-8"), optional=True)


__all__ = ["OcrPage", "PageJob", "ocr_pages", "sha256"]

"""Scanned reports are read by OCR into the same figures as their text-layer originals.

The scans are made here from the real corpus PDFs: the pages that carry the tables are rasterised
(pdftoppm) and put back as image-only pages, at 300 and 150 dpi, and one page turned by 1.5 degrees
with speckle noise. Rasterised files and OCR results are kept in pytest's cache folder, so a second
run does no OCR.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from assistant.extract.report import parse_file
from assistant.read import IngestError, Limits, read_document
from assistant.read.ocr import CACHE_VERSION, engines

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REPORTS = ["huaian-hongze-2024.pdf", "pingtan-2024.rendered.pdf", "shuyang-fagaiju-2023.rendered.pdf"]

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")


@pytest.fixture(scope="session")
def ocr_dir(request, tmp_path_factory) -> Path:
    cache = getattr(request.config, "cache", None)
    return Path(cache.mkdir("ocr")) if cache is not None else tmp_path_factory.mktemp("ocr")


def _table_pages(pdf: Path) -> list[int]:
    """The pages the text-layer figures come from: the only pages worth the OCR time."""
    return sorted({f.source.page for f in parse_file(pdf).figures.values() if f.source and f.source.page})


def _scan_page(pdf: Path, page: int, dpi: int, turn: float = 0.0) -> Image.Image:
    png = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    image = Image.open(io.BytesIO(png)).convert("L")
    if turn:
        image = image.rotate(turn, resample=Image.BICUBIC, fillcolor=255, expand=False)
        rng = np.random.default_rng(7)
        pixels = np.asarray(image).astype(np.int16) + rng.normal(0, 12, (image.height, image.width)).astype(np.int16)
        specks = rng.random((image.height, image.width)) < 0.002
        pixels[specks] = 0
        image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image


def scanned(ocr_dir: Path, name: str, dpi: int, turn_first: float = 0.0) -> Path:
    """The report with its table pages replaced by images of them (cached)."""
    out = ocr_dir / f"{Path(name).stem}-{dpi}dpi{'-turned' if turn_first else ''}.pdf"
    if out.exists():
        return out
    source = CORPUS / name
    pages = _table_pages(source)
    writer = PdfWriter()
    for number, page in enumerate(PdfReader(source).pages, start=1):
        if number not in pages:
            writer.add_page(page)
            continue
        image = _scan_page(source, number, dpi, turn_first if number == pages[0] else 0.0)
        buf = io.BytesIO()
        image.save(buf, format="PDF", resolution=dpi)
        writer.add_page(PdfReader(buf).pages[0])
    tmp = out.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        writer.write(fh)
    tmp.replace(out)
    return out


def _limits(ocr_dir: Path, **kw) -> Limits:
    return Limits(ocr_cache=ocr_dir / "results", **kw)


def _compare(original: Path, scan: Path, limits: Limits):
    want = parse_file(original).figures
    got = parse_file(scan, limits).figures
    wrong = [a for a, f in want.items() if got[a].value != f.value]
    return want, got, wrong


@pytest.mark.parametrize("name", REPORTS)
def test_300dpi_scans_give_the_text_layer_figures(ocr_dir, name):
    want, got, wrong = _compare(CORPUS / name, scanned(ocr_dir, name, 300), _limits(ocr_dir))
    assert wrong == [], [(a, want[a].value, got[a].value) for a in wrong]
    read = [f for f in got.values() if f.source is not None]
    assert read and all(f.source.ocr and 0 <= f.source.confidence <= 1 for f in read)


@pytest.mark.parametrize("name", REPORTS)
def test_150dpi_scans_get_98_percent_and_flag_every_wrong_figure(ocr_dir, name):
    want, got, wrong = _compare(CORPUS / name, scanned(ocr_dir, name, 150), _limits(ocr_dir))
    assert len(wrong) <= 0.02 * len(want), [(a, want[a].value, got[a].value) for a in wrong]
    assert all(got[a].uncertain for a in wrong), [a for a in wrong if not got[a].uncertain]


def test_a_turned_noisy_page_is_straightened_and_read(ocr_dir):
    name = "huaian-hongze-2024.pdf"
    scan = scanned(ocr_dir, name, 300, turn_first=1.5)
    want, got, wrong = _compare(CORPUS / name, scan, _limits(ocr_dir))
    assert len(wrong) <= 0.02 * len(want) and all(got[a].uncertain for a in wrong)
    warnings = read_document(scan, _limits(ocr_dir)).warnings
    assert any("straightened by" in w for w in warnings), warnings


def _row(grid: dict, label: str) -> list[dict]:
    """The cells of the grid row whose label holds ``label``, left to right (none if no such row)."""
    head = next((c for c in grid["cells"] if label in c["text"]), None)
    return sorted((c for c in grid["cells"] if head and c["r0"] == head["r0"]), key=lambda c: c["x0"])


def _edited_cache(ocr_dir: Path, scan: Path, folder: str, edit) -> tuple[Limits, int]:
    """Limits reading a copy of the scan's cached OCR in which ``edit(grid)`` changed cells; and how many."""
    limits = _limits(ocr_dir)
    parse_file(scan, limits)  # fills the cache
    copy = ocr_dir / folder
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(limits.ocr_cache, copy)
    changed = 0
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    for f in copy.glob(f"{digest}-*-v{CACHE_VERSION}.json"):  # this scan's current pages: not other scans' ones
        page = json.loads(f.read_text("utf-8"))
        changed += sum(edit(grid) for grid in page["grids"])
        f.write_text(json.dumps(page, ensure_ascii=False), "utf-8")
    return dataclasses.replace(limits, ocr_cache=copy), changed


def test_a_misread_digit_breaks_an_identity_and_the_arithmetic_picks_the_reading(ocr_dir):
    """95 new requests (page 3 of the Hongze report) misread as 96: 95 + 0 = 95 handled + 0 carried
    forward no longer holds, and of the confusable readings of 96 only 95 restores it."""

    def misread(grid: dict) -> int:
        individual = next((c for c in _row(grid, "本年新收") if c["text"] == "95"), None)  # the first figure
        if individual is not None:
            individual["text"] = "96"
        return individual is not None

    scan = scanned(ocr_dir, "huaian-hongze-2024.pdf", 300)
    limits, changed = _edited_cache(ocr_dir, scan, "misread", misread)
    assert changed == 1
    fig = parse_file(scan, limits).figures["requests.new_received.individual"]
    assert fig.value == 95
    assert "OCR read 96" in fig.note and "chose 95" in fig.note


def test_a_figure_ocr_could_not_read_is_uncertain_and_its_neighbours_keep_their_confidence(ocr_dir):
    """行政规范性文件 of the Hongze report (page 2) reads 3, 0, 8 (issued, repealed, in force); table 2
    has no identity. With the 3 read as nothing, the figure is missing and flagged, and the 0 and the 8
    after it carry their own cells' confidence (set here to 0.51 and 0.52), not one another's."""

    def blank(grid: dict) -> int:
        row = _row(grid, "行政规范性文件")
        if [c["text"] for c in row[1:]] != ["3", "0", "8"]:
            return 0
        row[1]["text"], row[2]["confidence"], row[3]["confidence"] = "", 0.51, 0.52
        return 1

    scan = scanned(ocr_dir, "huaian-hongze-2024.pdf", 300)
    limits, changed = _edited_cache(ocr_dir, scan, "blank", blank)
    assert changed == 1
    figures = parse_file(scan, limits).figures
    issued, repealed, in_force = (
        figures[f"proactive.normative_documents.{c}"] for c in ("issued", "repealed", "in_force")
    )
    assert issued.value is None and issued.uncertain and "OCR read no figure" in issued.note
    assert (repealed.value, repealed.source.confidence) == (0, 0.51)
    assert (in_force.value, in_force.source.confidence) == (8, 0.52)


def test_an_image_file_is_read_as_a_report_page(ocr_dir):
    image = ocr_dir / "hongze-p3.png"
    if not image.exists():
        _scan_page(CORPUS / "huaian-hongze-2024.pdf", 3, 150).save(image, dpi=(150, 150))
    doc = read_document(image, _limits(ocr_dir))
    assert doc.format == "image"
    rows = [line.split("\t") for line in doc.text.splitlines()]
    granted = next(r for r in rows if any(c.endswith("予以公开") for c in r))
    assert granted[-7:] == ["50", "0", "0", "0", "0", "0", "50"]  # as printed on the page
    assert doc.ocr and doc.ocr_pages


def test_a_second_read_takes_the_pages_from_the_cache(ocr_dir, monkeypatch):
    scan = scanned(ocr_dir, "huaian-hongze-2024.pdf", 300)
    first = parse_file(scan, _limits(ocr_dir)).figures

    def no_engine(name="rapidocr"):
        raise AssertionError("OCR ran again")

    monkeypatch.setattr("assistant.read.ocr.get_engine", no_engine)
    again = parse_file(scan, _limits(ocr_dir)).figures
    assert {a: f.value for a, f in again.items()} == {a: f.value for a, f in first.items()}


def test_too_many_pages_to_read_by_ocr_are_refused(ocr_dir):
    scan = scanned(ocr_dir, "pingtan-2024.rendered.pdf", 150)
    with pytest.raises(IngestError, match="over the OCR page limit of 1 .raise it with --max-ocr-pages"):
        read_document(scan, Limits(max_ocr_pages=1))


def test_a_missing_engine_says_how_to_install_it(ocr_dir, monkeypatch):
    engines.get_engine.cache_clear()
    monkeypatch.setattr(engines.shutil, "which", lambda name: None)
    scan = scanned(ocr_dir, "huaian-hongze-2024.pdf", 150)
    with pytest.raises(IngestError, match="apt-get install tesseract-ocr tesseract-ocr-chi-sim"):
        read_document(scan, Limits(ocr_engine="tesseract"))
    engines.get_engine.cache_clear()

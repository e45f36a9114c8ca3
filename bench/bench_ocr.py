"""OCR engines compared on the same scanned pages: pages per second and figure accuracy.

The table pages of each corpus PDF are rendered to images (pypdfium2) at the given dpi and read by
every engine (no cache); the figures are compared with those of the PDF's text layer. Figures that
come out wrong but are flagged uncertain are counted apart. The machine's load is printed beside.

Run: ``python bench/bench_ocr.py [--dpi 150] [--engines rapidocr tesseract] [PDF ...]``.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from assistant.extract.report import parse_file  # noqa: E402
from assistant.read.document import Limits  # noqa: E402
from assistant.read.ocr.image import render_pdf_page  # noqa: E402

DEFAULT = ["huaian-hongze-2024.pdf", "pingtan-2024.rendered.pdf", "shuyang-fagaiju-2023.rendered.pdf"]


def scan(pdf: Path, dpi: int, out: Path) -> int:
    """An image-only PDF of the pages the figures come from; returns how many pages it has."""
    report = parse_file(pdf)
    pages = sorted({f.source.page for f in report.figures.values() if f.source and f.source.page})
    images = [render_pdf_page(str(pdf), p, dpi) for p in pages]
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    out.write_bytes(buf.getvalue())
    return len(pages)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--engines", nargs="+", default=["rapidocr", "tesseract"])
    args = ap.parse_args()
    pdfs = args.pdfs or [ROOT / "corpus" / n for n in DEFAULT]
    Image.MAX_IMAGE_PIXELS = None
    with tempfile.TemporaryDirectory() as tmp:
        scans = []
        for pdf in pdfs:
            out = Path(tmp) / f"{pdf.stem}.pdf"
            scans.append((pdf, out, scan(pdf, args.dpi, out)))
        print(f"{args.dpi} dpi, {sum(n for *_, n in scans)} table pages, {os.cpu_count()} cores")
        for engine in args.engines:
            pages = right = total = flagged = 0
            seconds = 0.0
            load0 = os.getloadavg()[0]
            for pdf, out, n in scans:
                want = parse_file(pdf).figures
                start = time.perf_counter()
                got = parse_file(out, Limits(ocr_engine=engine, max_ocr_seconds=math.inf)).figures
                seconds += time.perf_counter() - start
                pages += n
                for addr, fig in want.items():
                    total += 1
                    if got[addr].value == fig.value:
                        right += 1
                    elif got[addr].uncertain:
                        flagged += 1
            load = (load0 + os.getloadavg()[0]) / 2
            print(
                f"{engine:10s} {pages / seconds:6.3f} pages/s  figures right {right}/{total} "
                f"({100 * right / total:.1f}%)  wrong but flagged {flagged}/{total - right}  "
                f"load average {load:.1f}"
            )


if __name__ == "__main__":
    main()

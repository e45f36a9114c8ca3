"""Hostile files for the chaos tests, built on the fly from the bundled corpus (nothing big is kept on disk)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from conftest import CORPUS

DOCX = CORPUS / "pingtan-2024.rendered.docx"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _rewrite_docx(src: Path, dest: Path, edit) -> Path:
    """A copy of a DOCX package with its word/document.xml passed through ``edit``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    return dest


def docx_grid_before(dest: Path, value: int = 100_000_000) -> Path:
    """The Pingtan 2024 DOCX with every table row claiming ``value`` empty grid columns before it."""
    row = re.compile(r"<w:tr(?=[ >])([^>]*)>")
    return _rewrite_docx(
        DOCX, dest, lambda xml: row.sub(rf'<w:tr\1><w:trPr><w:gridBefore w:val="{value}"/></w:trPr>', xml)
    )


def docx_grid_span(dest: Path, value: int = 100_000_000) -> Path:
    """The Pingtan 2024 DOCX with every table cell spanning ``value`` grid columns."""
    cell = re.compile(r"<w:tc>")
    return _rewrite_docx(DOCX, dest, lambda xml: cell.sub(f'<w:tc><w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr>', xml))


def docx_inflating(dest: Path, megabytes: int = 300) -> Path:
    """A small DOCX whose document.xml inflates to ``megabytes`` MB (empty paragraphs compress ~1000:1)."""
    with zipfile.ZipFile(DOCX) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info, zin.read(info.filename))
        with zout.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><w:document {_W}><w:body>'.encode())
            chunk = b"<w:p/>" * (1 << 17)
            for _ in range(megabytes * 2**20 // len(chunk)):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return dest


def html_spans(dest: Path, rows: int = 600, cells: int = 50) -> Path:
    """An HTML page of one table whose every cell spans 200 rows and 200 columns (about 870 KB)."""
    row = "<tr>" + "<td colspan=200 rowspan=200>1</td>" * cells + "</tr>\n"
    dest.write_text(
        "<html><head><title>2024年政府信息公开工作年度报告</title></head><body><table>\n"
        + row * rows
        + "</table></body></html>",
        encoding="utf-8",
    )
    return dest


def pdf_pages(dest: Path, declared: int, real: int = 1) -> Path:
    """A PDF whose page tree declares ``declared`` pages (its /Count) and holds ``real`` distinct page objects."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + i} 0 R" for i in range(real))
    objects.append(f"<< /Type /Pages /Count {declared} /Kids [{kids}] >>".encode())
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"] * real
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    dest.write_bytes(bytes(out))
    return dest


def oversized_number(dest: Path) -> Path:
    """shanghai-stcsm-2024.md with the normative documents issued this year (13) printed as 10^19."""
    text = (CORPUS / "shanghai-stcsm-2024.md").read_text(encoding="utf-8")
    assert "| 规范性文件 | 13 | 0 | 55 |" in text
    dest.write_text(
        text.replace("| 规范性文件 | 13 | 0 | 55 |", "| 规范性文件 | 10000000000000000000 | 0 | 55 |"), "utf-8"
    )
    return dest


def copy_reports(folder: Path, names: tuple[str, ...]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(CORPUS / name, folder / name)) for name in names]

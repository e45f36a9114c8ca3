"""Format readers: every file becomes the same neutral Document."""

from __future__ import annotations

from pathlib import Path

from assistant.read.chrome import strip_web_chrome
from assistant.read.document import LEGACY_WORD, LEGACY_WORD_ZH, Document, IngestError, Limits

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".doc": "doc",
    ".wps": "doc",
}


def read_document(path: Path | str, limits: Limits | None = None) -> Document:
    """Read any supported file; raise IngestError naming the file and the reason when it cannot be read."""
    path = Path(path)
    limits = limits or Limits()
    doc = _read(path, limits)
    limits.check_chars(path, len(doc.text))
    return doc


def _read(path: Path, limits: Limits) -> Document:
    if not path.exists():
        raise IngestError(path, "no such file", "没有这个文件")
    if not path.is_file():
        raise IngestError(path, "not a file")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(path, "empty file", "文件是空的")
    if size > limits.max_bytes:
        raise IngestError(
            path,
            f"file is {size / 2**20:.1f} MiB, over the {limits.max_bytes / 2**20:.0f} MiB "
            "limit (raise it with --max-mb)",
            f"文件有 {size / 2**20:.1f} MiB，超过 {limits.max_bytes / 2**20:.0f} MiB 的上限",
        )
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        fmt = _sniff(path)
    if fmt == "doc":
        raise IngestError(path, LEGACY_WORD, LEGACY_WORD_ZH)
    if fmt in ("txt", "md"):
        from assistant.read.text import read_text

        return read_text(path, limits, fmt)
    if fmt == "html":
        from assistant.read.html import read_html

        return read_html(path, limits)
    if fmt == "pdf":
        from assistant.read.pdf import read_pdf

        return strip_web_chrome(read_pdf(path, limits))
    if fmt == "image":
        from assistant.read.pdf import read_image

        return read_image(path, limits)
    from assistant.read.docx import read_docx

    return strip_web_chrome(read_docx(path, limits))


def _sniff(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(2048)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if b"<html" in head.lower() or b"<!doctype html" in head.lower():
        return "html"
    return "txt"


__all__ = ["Document", "IngestError", "Limits", "read_document", "FORMATS"]

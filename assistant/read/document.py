"""The neutral document every format reader produces, and the errors they raise."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 300
MAX_OCR_PAGES = 30
MAX_OCR_SECONDS = 600.0
MAX_MEMORY = 2048 * 2**20  # address space one file's parser process may add (RLIMIT_AS)
MAX_SECONDS = 900.0  # wall time one file's parser process may take (OCR included)
MAX_CELLS = 200_000  # table grid slots in one file
MAX_CHARS = 20_000_000  # characters of text in one file
UNZIPPED_FACTOR = 2  # a DOCX package may inflate to this many times the size limit


LEGACY_WORD = "legacy Word/WPS format (.doc/.wps): convert it to DOCX or PDF first"
LEGACY_WORD_ZH = "旧版 Word/WPS 格式（.doc/.wps）：请先另存为 DOCX 或 PDF"


class IngestError(Exception):
    """A file that cannot be read as a report; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str, zh: str = ""):
        self.path = str(path)
        self.reason = reason
        self.zh = zh  # the reason in Chinese, where the reader gives it (the app shows both)
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # crosses process boundaries in batch ingestion
        return IngestError, (self.path, self.reason, self.zh)


@dataclass(frozen=True)
class Limits:
    """Guard rails so one hostile file cannot take the machine."""

    max_bytes: int = MAX_BYTES
    max_pages: int = MAX_PAGES
    max_ocr_pages: int = MAX_OCR_PAGES  # pages without a text layer read by OCR in one file
    max_ocr_seconds: float = MAX_OCR_SECONDS  # wall time OCR may take on one file
    max_memory: int = MAX_MEMORY  # bytes of address space the parser process of one file may add
    max_seconds: float = MAX_SECONDS  # wall time the parser process of one file may take
    max_cells: int = MAX_CELLS  # table grid slots in one file (spans included)
    max_chars: int = MAX_CHARS  # characters of text in one file
    ocr_engine: str = "rapidocr"
    ocr_cache: Path | None = None  # folder of OCR results by file sha256, page and engine
    progress: bool = False  # a progress bar over the pages being read by OCR

    def check_size(self, path: Path, size: int) -> None:
        """Refuse a file over the size limit, naming the flag that raises it."""
        if size > self.max_bytes:
            raise IngestError(
                path,
                f"file is {size / 2**20:.3g} MiB, over the {self.max_bytes / 2**20:.3g} MiB "
                "size limit (raise it with --max-mb)",
                f"文件有 {size / 2**20:.3g} MiB，超过 {self.max_bytes / 2**20:.3g} MiB 的上限",
            )

    def check_cells(self, path: Path, cells: int) -> None:
        """Refuse a file whose tables claim more grid slots than the limit (spans counted)."""
        if cells > self.max_cells:
            raise IngestError(
                path, f"its tables hold over {self.max_cells:,} cells, the cell limit (raise it with --max-cells)"
            )

    def check_chars(self, path: Path, chars: int) -> None:
        """Refuse a file whose text runs over the character limit."""
        if chars > self.max_chars:
            raise IngestError(
                path, f"its text runs over {self.max_chars:,} characters, the text limit (raise it with --max-chars)"
            )

    def check_unzipped(self, path: Path, size: int) -> None:
        """Refuse a package that inflates past the decompressed-size limit (zip bombs)."""
        if size > self.max_bytes * UNZIPPED_FACTOR:
            raise IngestError(
                path,
                f"package inflates to {size:,} bytes, over the decompressed limit of {UNZIPPED_FACTOR}x the "
                f"{self.max_bytes / 2**20:.3g} MiB size limit (raise it with --max-mb)",
            )


@dataclass(frozen=True)
class OcrMark:
    """A piece of the text that OCR read (a table cell or a text line), with the engine's confidence."""

    start: int
    end: int
    confidence: float


@dataclass
class Document:
    """A report as text: paragraphs one per line, each table row one line of tab-separated cells.

    ``text`` is normalized (see :func:`normalize`); every offset in the record points into it.
    """

    path: Path
    format: str  # txt, md, html, pdf, docx
    text: str
    meta: dict[str, str] = field(default_factory=dict)  # title, publisher, date … where the source states them
    page_starts: list[int] = field(default_factory=list)  # offset at which each page starts (PDF)
    warnings: list[str] = field(default_factory=list)
    first_line: int = 1  # line of the source file on which ``text`` begins (a crawler header may precede it)
    ocr: list[OcrMark] = field(default_factory=list)  # pieces read by OCR, in text order
    ocr_pages: dict[int, float] = field(default_factory=dict)  # page read by OCR -> its confidence

    def ocr_at(self, offset: int) -> OcrMark | None:
        """The OCR piece holding that offset, or None where the text came from a text layer."""
        i = bisect.bisect_right([m.start for m in self.ocr], offset) - 1
        if i >= 0 and self.ocr[i].start <= offset < max(self.ocr[i].end, self.ocr[i].start + 1):
            return self.ocr[i]
        return None

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + self.first_line

    def page_of(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)


# Rendered PDFs map some characters to CJK Radicals Supplement code points that NFKC leaves alone
# (⺠ for 民, ⻚ for 页): the standalone characters among them, after Unicode's
# EquivalentUnifiedIdeograph table.
RADICALS = str.maketrans(
    dict(
        zip(
            "\u2e81\u2e84\u2e8a\u2e8c\u2e8d\u2e97\u2e9c\u2e9d\u2ea0\u2ea7\u2ea9\u2eab\u2eac\u2eb6\u2eb7\u2ebc"
            "\u2ebd\u2ec1\u2ec4\u2ec5\u2ec6\u2ec9\u2ecb\u2ed1\u2ed3\u2ed4\u2ed7\u2ed8\u2ed9\u2eda\u2edb\u2edc"
            "\u2edd\u2ee2\u2ee3\u2ee4\u2ee5\u2ee6\u2ee7\u2ee8\u2ee9\u2eea\u2eec\u2eee\u2ef0",
            "厂乙卜小小心日月民牛王目示羊羊肉臼虎西见角贝车長长门雨青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙",
            strict=True,
        )
    )
)


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \u00a0\u3000\u2002\u2003\u2009]+")


def normalize(text: str) -> str:
    """NFKC (full-width digits and brackets, Kangxi and supplementary radicals), LF line ends, no zero-width
    characters.

    Tabs are kept: they separate table cells.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text.translate(RADICALS))
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n"))

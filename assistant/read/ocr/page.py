"""One page image -> text lines and table grids in PDF points, each piece with its OCR confidence."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

import numpy as np
from PIL import Image

from assistant.read.layout import clean_text, glue
from assistant.read.ocr.engines import Engine, Word
from assistant.read.ocr.grid import PixelCell, find_grids
from assistant.read.ocr.image import despeckle, ink, straighten

MAX_CELL_AREA = 400_000  # pixels at 150 dpi: a larger cell is a text box, not one figure to read again
REREAD_BELOW = 0.9  # a cell read with less confidence is read again on its own
_ZEROISH = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "〇": "0"})
_ZERO_MARKS = {"。", ".", "·", "○", "〇", "o", "O", "°"}
ZERO_MARK_CONFIDENCE = 0.5  # a 0 read from a mark is only as sure as the table's arithmetic makes it
_DIGITISH = re.compile(r"[\dOoDQlI|〇,.]+")


@dataclass
class OcrCell:
    r0: int
    r1: int
    x0: float
    x1: float
    text: str
    confidence: float


@dataclass
class OcrGrid:
    cells: list[OcrCell]
    nrows: int
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class OcrLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    confidence: float


@dataclass
class OcrPage:
    """What OCR read on one page; coordinates in points (1/72 inch) like a PDF text layer."""

    number: int
    width: float
    height: float
    engine: str
    angle: float  # degrees the image was turned to straighten it
    lines: list[OcrLine] = field(default_factory=list)
    grids: list[OcrGrid] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        """The page's confidence: the mean over what was read (1.0 for a page without text)."""
        values = [ln.confidence for ln in self.lines] + [c.confidence for g in self.grids for c in g.cells if c.text]
        return float(np.mean(values)) if values else 1.0

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> OcrPage:
        lines = [OcrLine(**ln) for ln in d["lines"]]
        grids = [
            OcrGrid([OcrCell(**c) for c in g["cells"]], *[g[k] for k in ("nrows", "x0", "x1", "top", "bottom")])
            for g in d["grids"]
        ]
        return cls(d["number"], d["width"], d["height"], d["engine"], d["angle"], lines, grids)


def read_page_image(image: Image.Image, engine: Engine, dpi: float, number: int) -> OcrPage:
    """OCR one page image: straighten it, find its ruled tables, read the words and place them."""
    image, angle = straighten(image.convert("L"))
    mask = ink(image)
    grids = find_grids(mask, int(dpi))
    words = engine.words(image)
    pt = 72 / dpi
    taken: set[int] = set()
    out_grids = []
    for grid in grids:
        x0, top, x1, bottom = grid.box
        inside = [i for i, w in enumerate(words) if x0 <= _cx(w) <= x1 and top <= _cy(w) <= bottom]
        taken.update(inside)
        cells = []
        pieces = [p for i in inside for p in _split_at_rules(words[i], grid.xs)]
        for cell in grid.cells:
            mine = [w for w in pieces if _in_box(w, cell.box)]
            text, conf = _cell_text(mine, cell, image, mask, engine, dpi)
            cells.append(OcrCell(cell.r0, cell.r1, grid.xs[cell.c0] * pt, grid.xs[cell.c1] * pt, text, conf))
        out_grids.append(OcrGrid(cells, len(grid.ys) - 1, x0 * pt, x1 * pt, top * pt, bottom * pt))
    lines = _lines([w for i, w in enumerate(words) if i not in taken], pt)
    return OcrPage(number, image.width * pt, image.height * pt, engine.name, angle, lines, out_grids)


def _cx(w: Word) -> float:
    return (w.x0 + w.x1) / 2


def _cy(w: Word) -> float:
    return (w.top + w.bottom) / 2


def _in_box(w: Word, box: tuple[int, int, int, int]) -> bool:
    return box[0] - 3 <= _cx(w) <= box[2] + 3 and box[1] - 3 <= _cy(w) <= box[3] + 3


def _split_at_rules(w: Word, xs: list[float]) -> list[Word]:
    """A word read over a column rule, the rule taken for a bar (``行政规范性文件|62``), cut into the
    pieces on either side of it, each placed by its share of the word's width."""
    parts = [p for p in re.split(r"\s*[|丨]\s*", w.text) if p]
    inner = [x for x in xs if w.x0 + 3 < x < w.x1 - 3]
    if len(parts) < 2 or len(parts) != len(inner) + 1:
        return [w]
    edges = [w.x0, *inner, w.x1]
    return [Word(p, a, w.top, b, w.bottom, w.confidence) for p, a, b in zip(parts, edges, edges[1:], strict=False)]


def _digits(text: str) -> str:
    """A cell that reads as a number with letters OCR confuses with digits (O for 0, l for 1)."""
    compact = text.replace(" ", "")
    if _DIGITISH.fullmatch(compact) and re.search(r"\d", compact.translate(_ZEROISH)):
        return compact.translate(_ZEROISH).replace(",", "")
    return text


def _cell_text(
    words: list[Word], cell: PixelCell, image: Image.Image, mask: np.ndarray, engine: Engine, dpi: float
) -> tuple[str, float]:
    """The cell's text from the page's words; a cell that shows ink but got no word, or a figure read
    with low confidence, is read again on its own crop and the more confident reading kept."""
    text = clean_text(_join(_group(words))) if words else ""
    conf = min((w.confidence for w in words), default=1.0)
    if not re.search(r"\w", text):  # a lone mark (。 . +): read the cell again on its own
        text = "" if text not in _ZERO_MARKS else text
        conf = min(conf, ZERO_MARK_CONFIDENCE)
    x0, top, x1, bottom = cell.box
    region = despeckle(mask[top:bottom, x0:x1], dpi)
    has_ink = region.size and region.sum() >= 12
    if not words and has_ink:  # ink only along the edges is what is left of a rule
        has_ink = region[:, region.mean(axis=0) <= 0.6][region.mean(axis=1) <= 0.6].sum() >= 12
    numeric = bool(text) and _digits(text) != text or bool(re.fullmatch(r"\d+(?:\.\d+)?", text))
    if (
        has_ink
        and (not text or text in _ZERO_MARKS or (numeric and conf < REREAD_BELOW))
        and (x1 - x0) * (bottom - top) < MAX_CELL_AREA * (dpi / 150) ** 2
    ):
        crop = _crop(image, mask, cell.box, dpi)
        if crop is not None:
            again, again_conf = engine.cell(crop)
            again = clean_text(again)
            if text and again and _digits(again) == _digits(text):  # two reads agree
                conf = 1 - (1 - conf) * (1 - again_conf)
            elif again and again_conf > (conf if text else 0.0):
                text, conf = again, again_conf
    if not text:
        return "", 1.0
    if text in _ZERO_MARKS:  # the recogniser takes a lone 0 for a full stop or a circle
        return "0", min(conf, ZERO_MARK_CONFIDENCE)
    return _digits(text), conf


def _crop(image: Image.Image, mask: np.ndarray, box: tuple[int, int, int, int], dpi: float) -> Image.Image | None:
    """The ink of a cell with a white margin (what a line recogniser expects), cut to the strokes: the
    specks of a noisy scan would otherwise stretch the crop to the whole cell, where the figure is too
    small a part for the recogniser to read."""
    x0, top, x1, bottom = box
    region = mask[top:bottom, x0:x1].copy()
    region[region.mean(axis=1) > 0.6, :] = False  # what is left of a rule is no text
    region[:, region.mean(axis=0) > 0.6] = False
    region = despeckle(region, dpi)
    ys, xs = np.nonzero(region)
    if not len(ys):
        return None
    pad = 6
    a, b = max(0, x0 + xs.min() - pad), min(image.width, x0 + xs.max() + pad + 1)
    c, d = max(0, top + ys.min() - pad), min(image.height, top + ys.max() + pad + 1)
    crop = image.crop((a, c, b, d))
    canvas = Image.new("L", (crop.width + 2 * pad, crop.height + 2 * pad), 255)
    canvas.paste(crop, (pad, pad))
    return canvas


def _group(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines, top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=_cy):
        if lines:
            first = lines[-1][0]
            if abs(_cy(w) - _cy(first)) < max(first.bottom - first.top, 1) * 0.5:
                lines[-1].append(w)
                continue
        lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _join(lines: list[list[Word]]) -> str:
    out = ""
    for line in lines:
        text = _line_text(line)
        out = out + glue(out, text) + text if out else text
    return out


def _line_text(line: list[Word]) -> str:
    out = ""
    for w in line:
        t = w.text.strip()
        out = out + (" " if out else "") + t
    return out


def _lines(words: list[Word], pt: float) -> list[OcrLine]:
    out = []
    for line in _group(words):
        text = clean_text(_line_text(line))
        if not text:
            continue
        out.append(
            OcrLine(
                text,
                min(w.x0 for w in line) * pt,
                max(w.x1 for w in line) * pt,
                min(w.top for w in line) * pt,
                max(w.bottom for w in line) * pt,
                float(np.median([w.bottom - w.top for w in line])) * pt * 0.8,
                min(w.confidence for w in line),
            )
        )
    return out

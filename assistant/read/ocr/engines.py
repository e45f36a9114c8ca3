"""OCR engine adapters: each turns a page image into positioned words with a confidence.

Two engines are supported and compared (see bench/bench_ocr.py): RapidOCR (PP-OCRv4 models shipped
inside the ``rapidocr-onnxruntime`` wheel; nothing is downloaded at run time) and Tesseract's
``chi_sim`` through ``pytesseract``. An engine that is not installed raises :class:`EngineMissing`
whose message is the one line that installs it.
"""

from __future__ import annotations

import functools
import shutil
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from PIL import Image

DEFAULT_ENGINE = "rapidocr"


@dataclass(frozen=True)
class Word:
    """One run of text on the image, in pixels, with the engine's confidence (0..1)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


class EngineMissing(Exception):
    """The engine's package or program is not installed; the message says how to install it."""


class Engine(Protocol):
    name: str

    def words(self, image: Image.Image) -> list[Word]:
        """Every word (text line piece) of a page image."""
        ...

    def cell(self, image: Image.Image) -> tuple[str, float]:
        """The text of one small crop (a table cell) read as a single line, and its confidence."""
        ...


class RapidEngine:
    name = "rapidocr"

    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as e:
            raise EngineMissing("OCR engine rapidocr is not installed: pip install rapidocr-onnxruntime") from e
        self._ocr = RapidOCR()

    def words(self, image: Image.Image) -> list[Word]:
        result, _ = self._ocr(np.asarray(image.convert("RGB")))
        out = []
        for box, text, conf in result or []:
            xs = [p[0] for p in box]
            ys = [p[1] for p in box]
            out.append(Word(text, min(xs), min(ys), max(xs), max(ys), float(conf)))
        return out

    def cell(self, image: Image.Image) -> tuple[str, float]:
        result, _ = self._ocr(np.asarray(image.convert("RGB")), use_det=False, use_cls=False)
        if not result:
            return "", 0.0
        text, conf = result[0][0], float(result[0][1])
        return text, conf


class TesseractEngine:
    name = "tesseract"

    def __init__(self) -> None:
        try:
            import pytesseract
        except ImportError as e:
            raise EngineMissing("OCR engine tesseract is not installed: pip install pytesseract") from e
        if shutil.which("tesseract") is None:
            raise EngineMissing(
                "OCR engine tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim"
            )
        if "chi_sim" not in pytesseract.get_languages():
            raise EngineMissing("Tesseract has no Chinese model: apt-get install tesseract-ocr-chi-sim")
        self._t = pytesseract

    def words(self, image: Image.Image) -> list[Word]:
        data = self._t.image_to_data(
            image.convert("L"), lang="chi_sim", config="--psm 11", output_type=self._t.Output.DICT
        )
        out = []
        for i, text in enumerate(data["text"]):
            text = text.strip()
            conf = float(data["conf"][i])
            if not text or conf < 0:
                continue
            x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
            out.append(Word(text, x, y, x + w, y + h, conf / 100))
        return out

    def cell(self, image: Image.Image) -> tuple[str, float]:
        data = self._t.image_to_data(
            image.convert("L"), lang="chi_sim", config="--psm 7", output_type=self._t.Output.DICT
        )
        pieces = [(t.strip(), float(c)) for t, c in zip(data["text"], data["conf"], strict=True) if t.strip()]
        if not pieces:
            return "", 0.0
        return "".join(t for t, _ in pieces), min(c for _, c in pieces) / 100


ENGINES = {"rapidocr": RapidEngine, "tesseract": TesseractEngine}


@functools.cache
def get_engine(name: str = DEFAULT_ENGINE) -> Engine:
    """The engine of that name, loaded once per process; EngineMissing says how to install it."""
    if name not in ENGINES:
        raise EngineMissing(f"unknown OCR engine {name!r}; known: {', '.join(ENGINES)}")
    return ENGINES[name]()

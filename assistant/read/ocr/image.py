"""Page images: rasterising PDF pages, binarising, and straightening a slightly rotated scan."""

from __future__ import annotations

import numpy as np
from PIL import Image

INK = 160  # grey level below which a pixel is ink (light shading of header rows is not)
MAX_SKEW = 3.0  # degrees searched either way
SPECK = 4  # pixels at 150 dpi: a blot of ink smaller than this is noise of the scan, not a stroke


def render_pdf_page(path: str, number: int, dpi: int) -> Image.Image:
    """Page ``number`` (1-based) of a PDF as a greyscale image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[number - 1]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        page.close()
    finally:
        pdf.close()
    return image.convert("L")


def ink(image: Image.Image) -> np.ndarray:
    """Boolean mask of dark pixels."""
    return np.asarray(image.convert("L")) < INK


def despeckle(mask: np.ndarray, dpi: float) -> np.ndarray:
    """The mask without its specks: connected blots of ink smaller than a stroke (scan noise, dust)."""
    from scipy import ndimage

    labels, n = ndimage.label(mask, structure=np.ones((3, 3)))
    if not n:
        return mask
    sizes = np.bincount(labels.ravel())
    keep = sizes >= SPECK * (dpi / 150) ** 2
    keep[0] = False
    return keep[labels]


def skew_angle(image: Image.Image) -> float:
    """The rotation (degrees) that makes text lines and rules horizontal: the angle whose row
    profile of ink is the sharpest, searched on a reduced copy."""
    small = image.convert("L")
    scale = 1000 / max(small.size)
    if scale < 1:
        small = small.resize((int(small.width * scale), int(small.height * scale)))
    best, best_score = 0.0, -1.0
    for coarse in (True, False):
        centre = best
        span = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25) if coarse else np.arange(centre - 0.25, centre + 0.26, 0.05)
        for angle in span:
            rows = (
                (np.asarray(small.rotate(float(angle), resample=Image.BILINEAR, fillcolor=255)) < INK)
                .sum(axis=1)
                .astype(float)
            )
            score = float(np.square(np.diff(rows)).sum())
            if score > best_score:
                best, best_score = float(angle), score
    return round(best, 2)


def straighten(image: Image.Image) -> tuple[Image.Image, float]:
    """The image rotated upright, and the angle it was turned by."""
    angle = skew_angle(image)
    if abs(angle) < 0.1:
        return image, 0.0
    return image.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False), angle

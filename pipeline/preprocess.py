"""Page preprocessing before OCR: each step is a small function from one page image to another.

pipeline.ocr applies these steps in this order; each was kept because it raised word-F1
on the real scans or is needed for seals and turned pages (benchmarks/README.md has
the numbers). The input image is never modified.

- `drop_colour`: red seals and blue/red "CV ĐẾN" stamps vanish while the black
  text under them stays: the brightest channel of a pixel is light under
  coloured ink (red ink keeps R high, blue keeps B high) and dark only where
  black ink is, so it is a greyscale page without the colour.
- `upscale`: pages scanned below 120 dpi lose diacritics and are resampled to
  300 dpi; Tesseract's LSTM reads 150–200 dpi pages as well as or better than
  their upscaled copies. The resolution comes from the page size (A4 short
  side) when the file does not say.
- `despeckle`: scanner dust and toner specks (small dark dots with no other ink
  near them) are whitened; Tesseract reads them as stray "¡", "__", "ˆ" that glue
  the two footer columns together or sit before a signing line. A diacritic, a
  full stop or a bullet dash lies within a few pixels of its letters and stays.
- `measure` + `turn`: one thumbnail gives skew and orientation. A page scanned
  at 90°/270° has text lines running down the page, so its column ink profile is
  banded and its row profile is not. Which way round (and 180°) is left to
  Tesseract OSD, which costs as much as OCR, so it runs only for pages that look
  sideways or whose OCR came back with low confidence (see pipeline.ocr).
- `deskew`: by the angle whose row ink profile is sharpest (searched coarse to
  fine on the thumbnail); only pages tilted by DESKEW_MIN_DEGREES or more are rotated.

Binarisation, denoising (median), background flattening and sharpening were
measured too and left out: each lowered word-F1 on real/scan and real/hard, as
Tesseract's own Otsu binarisation already copes with the shading and speckle.

- `dark_ink`: not a step of every page but a second view of it, for the parts
  the first reading found hard (pipeline.ocr): on a greyscale scan a seal is ink
  of a lighter shade than the text, which `drop_colour` cannot tell by hue.
  The ink's own Otsu threshold splits the two shades; lighter pixels are
  whitened, so the name signed across a seal reads as black text on white.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

TARGET_DPI = 300
# A pixel this colourful (max - min channel) and this bright (max channel) is seal or stamp ink only.
COLOUR_CHROMA = 50
COLOUR_BRIGHTNESS = 150
# Next to coloured ink, pixels at least this bright are its fringe, not black text.
FRINGE_BRIGHTNESS = 110
# Pixels at least this bright are paper, not ink (for `dark_ink`'s two shades of ink).
PAPER_BRIGHTNESS = 200
# Pages below this resolution are upscaled to TARGET_DPI: it raised word-F1 on 100 dpi
# pages, while 150 dpi pages read slightly worse upscaled (real/hard).
UPSCALE_BELOW_DPI = 120
A4_SHORT_SIDE_INCHES = 8.27
# A speck is an ink blot at most this wide and high (inches: 2 px at 150 dpi is 0.013 in) with no
# other ink within SPECK_CLEARANCE; the word space at 11 pt is about 0.04 in, the gap to a
# diacritic or full stop under 0.02 in.
SPECK_SIZE = 0.03
SPECK_CLEARANCE = 0.08
# Thumbnail width for the cheap page analyses (orientation, skew).
THUMB_WIDTH = 800
MAX_SKEW_DEGREES = 5.0
# Pages tilted less than this are left alone: Tesseract's line finder absorbs small skew,
# while resampling softens diacritics at 150–200 dpi (deskewing every page, or from 1°,
# lowered word-F1 on real/scan; deskewing beyond this raised it on real/hard, 0.968 → 0.976).
DESKEW_MIN_DEGREES = 1.5


def drop_colour(image: Image.Image) -> Image.Image:
    """Greyscale page without coloured ink (seals, stamps); black text stays black, also under the ink."""
    if image.mode in ("L", "1"):
        return image.convert("L")
    rgb = np.asarray(image.convert("RGB"))
    if not _has_colour(rgb):  # a grey page stored as RGB (a rendered scan): nothing to remove
        return image.convert("L")
    brightest = cv2.max(cv2.max(rgb[..., 0], rgb[..., 1]), rgb[..., 2])
    coloured = cv2.subtract(brightest, cv2.min(cv2.min(rgb[..., 0], rgb[..., 1]), rgb[..., 2])) >= COLOUR_CHROMA
    # Ink pixels and their greyish JPEG/noise fringe (anything not dark next to coloured
    # pixels) are whitened, so no dotted ring is left for Tesseract to read as "___".
    near_ink = cv2.dilate(coloured.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    whiten = (coloured & (brightest >= COLOUR_BRIGHTNESS)) | (near_ink & (brightest >= FRINGE_BRIGHTNESS))
    return Image.fromarray(np.where(whiten, 255, brightest).astype(np.uint8))


def _has_colour(rgb: np.ndarray) -> bool:
    """Whether any coloured ink shows on a 1-in-8 subsample of the page."""
    sample = rgb[::8, ::8].astype(np.int16)
    return bool(((sample.max(axis=2) - sample.min(axis=2)) >= COLOUR_CHROMA).any())


def page_dpi(image: Image.Image) -> float:
    """Resolution of a scanned page: the file's own dpi when plausible, else from an A4 short side."""
    declared = image.info.get("dpi")
    if declared and 100 <= float(declared[0]) <= 1200:
        return float(declared[0])
    return min(image.size) / A4_SHORT_SIDE_INCHES


def dark_ink(grey: Image.Image) -> Image.Image:
    """The page with only its darkest shade of ink: pixels lighter than the threshold that splits the ink
    (anything not paper) into two shades are whitened (a new image; the input is not modified)."""
    pixels = np.array(grey, dtype=np.uint8)
    ink = pixels[pixels < PAPER_BRIGHTNESS]
    if ink.size == 0:
        return grey
    threshold, _ = cv2.threshold(ink.reshape(-1, 1), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    pixels[pixels >= threshold] = 255
    return Image.fromarray(pixels)


def upscale(image: Image.Image, dpi: float) -> Image.Image:
    """Resample a low-resolution page to TARGET_DPI; pages at or above UPSCALE_BELOW_DPI pass through."""
    if dpi >= UPSCALE_BELOW_DPI:
        return image
    scale = TARGET_DPI / dpi
    return image.resize((round(image.width * scale), round(image.height * scale)), Image.BICUBIC)


def despeckle(grey: Image.Image, dpi: float) -> Image.Image:
    """The page with isolated small specks whitened (a new image; the input is not modified)."""
    pixels = np.array(grey, dtype=np.uint8)
    _, ink = cv2.threshold(pixels, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    x, y, w, h, area = (stats[1:, k] for k in range(5))
    size, reach = SPECK_SIZE * dpi, round(SPECK_CLEARANCE * dpi)
    small = (w <= size) & (h <= size)
    # ink around each blot, from an integral image: a blot alone in its surroundings counts only itself
    total = cv2.integral(ink)
    x0, y0 = np.clip(x - reach, 0, None), np.clip(y - reach, 0, None)
    x1, y1 = np.clip(x + w + reach, None, ink.shape[1]), np.clip(y + h + reach, None, ink.shape[0])
    around = total[y1, x1] - total[y0, x1] - total[y1, x0] + total[y0, x0]
    speck = np.concatenate(([False], small & (around == area)))
    if not speck.any():
        return grey
    pixels[speck[labels]] = 255
    return Image.fromarray(pixels)


def _ink_thumbnail(grey: Image.Image) -> np.ndarray:
    """A small binary image, ink = 1, for page-level measurements."""
    scale = THUMB_WIDTH / max(grey.size)
    small = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))), Image.BILINEAR)
    pixels = np.asarray(small, dtype=np.uint8)
    _, ink = cv2.threshold(pixels, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink.astype(np.float32)


def _sharpest_angle(ink: np.ndarray, refine: bool = True) -> tuple[float, float]:
    """The rotation (degrees) that makes the row ink profile most banded, and that banding.

    Banding is the sum of squared differences between neighbouring rows, over the
    total squared ink: high when text lines and the gaps between them line up.
    Without refine, only the coarse 0.5° search runs (enough to compare directions).
    """
    h, w = ink.shape
    centre = (w / 2, h / 2)
    norm = float(np.square(ink.sum(axis=1)).sum()) or 1.0

    def banding(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, float(angle), 1.0)
        rotated = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST)
        return float(np.square(np.diff(rotated.sum(axis=1))).sum()) / norm

    best = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, 0.5), key=banding)
    for step in (0.1, 0.025) if refine else ():
        best = max(np.arange(best - 5 * step, best + 5 * step + 1e-9, step), key=banding)
    return float(best), banding(best)


@dataclass
class Geometry:
    sideways: bool  # text lines run down the page (turned by 90° or 270°)
    skew: float  # counter-clockwise tilt of the lines in degrees (of the page as it lies)


def measure(grey: Image.Image) -> Geometry:
    """Orientation and skew of a page, from one thumbnail: a few tens of milliseconds."""
    ink = _ink_thumbnail(grey)
    angle, rows = _sharpest_angle(ink)
    columns = _sharpest_angle(np.ascontiguousarray(ink.T), refine=False)[1]
    return Geometry(sideways=columns > 1.5 * rows, skew=-angle)


def turn(image: Image.Image, degrees: int) -> Image.Image:
    """Rotate counter-clockwise by a multiple of 90°."""
    steps = (degrees // 90) % 4
    return image if steps == 0 else image.transpose(
        {1: Image.Transpose.ROTATE_90, 2: Image.Transpose.ROTATE_180, 3: Image.Transpose.ROTATE_270}[steps])


def deskew(grey: Image.Image, skew: float, min_angle: float = DESKEW_MIN_DEGREES) -> Image.Image:
    """Straighten a greyscale page tilted by `skew` degrees when that is at least min_angle."""
    if abs(skew) < min_angle:
        return grey
    return grey.rotate(-skew, resample=Image.BICUBIC, expand=False, fillcolor=255)

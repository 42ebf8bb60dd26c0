"""The shared Tesseract pool: pages of every document in a batch, one Tesseract process per core.

`OcrPool.submit(image, page_number)` returns a Future of the page's `PageText`
(words with boxes and confidences, mean confidence, lines in reading order).
Each job preprocesses its page (pipeline.preprocess), runs Tesseract through
pytesseract's TSV output, and orders the words with pipeline.layout.

Orientation costs nothing on upright pages: a page whose ink profile says its
lines run vertically is turned by Tesseract OSD before OCR, and a page whose OCR
comes back with low confidence (an upside-down page reads at about 45, an
upright one above 85) is checked with OSD and read again turned, keeping the
better reading. OSD costs about as much as OCR itself, so it never runs on
pages that read well.
"""
from __future__ import annotations

import os
import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import pytesseract
from PIL import Image

from models.document import OCR, PageText, Word
from pipeline import preprocess
from pipeline.layout import reading_order
from pipeline.options import Options

# Tesseract is built with OpenMP; several threads per process only fight each other when
# every core already runs its own process.
os.environ["OMP_THREAD_LIMIT"] = "1"

# psm 3: automatic page segmentation without OSD (psm 4 scrambles skewed two-column pages).
PAGE_SEGMENTATION = 3
# Below this mean word confidence a page is checked for being upside down or sideways.
SUSPECT_CONFIDENCE = 60.0
# OSD orientation confidence needed before a page is turned on its word alone.
OSD_MIN_CONFIDENCE = 2.0


@dataclass
class _Reading:
    words: list[Word]
    line_ids: list[tuple[int, int, int]]  # Tesseract's (block, paragraph, line) of each word
    confidence: float
    width: int
    height: int


def _uncompressed(grey: Image.Image) -> Image.Image:
    """The working page marked for hand-over as BMP.

    pytesseract passes images to Tesseract as temporary files, PNG unless the image
    says otherwise; compressing a page as PNG takes about 0.4 s, a third of its OCR
    time, while BMP costs milliseconds. Only preprocessing's own copy is marked.
    """
    grey.format = "BMP"
    return grey


class OcrPool:
    """One Tesseract process per core (options.jobs), shared by every document of a batch."""

    def __init__(self, options: Options):
        self.options = options
        self._executor = ThreadPoolExecutor(max_workers=max(1, options.jobs), thread_name_prefix="ocr")

    def __enter__(self) -> "OcrPool":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._executor.shutdown(wait=True)

    def submit(self, image: Image.Image, page_number: int) -> "Future[PageText]":
        """Queue one page image; the future gives its PageText (the image itself is not modified)."""
        return self._executor.submit(self.read_page, image, page_number)

    def read_page(self, image: Image.Image, page_number: int) -> PageText:
        """OCR one page in the calling thread: preprocess, Tesseract, reading order."""
        grey = preprocess.drop_colour(image)
        scanned_dpi = preprocess.page_dpi(image)
        grey = preprocess.upscale(grey, scanned_dpi)
        dpi = scanned_dpi * grey.width / image.width
        grey = preprocess.despeckle(grey, dpi)
        geometry = preprocess.measure(grey)
        if geometry.sideways:
            grey = preprocess.turn(grey, self._osd_rotation(grey, dpi) or 90)
            geometry = preprocess.measure(grey)
        grey = preprocess.deskew(grey, geometry.skew)
        reading = self._recognise(grey, dpi)
        if reading.confidence < SUSPECT_CONFIDENCE:
            rotation = self._osd_rotation(grey, dpi)
            if rotation:
                turned = preprocess.turn(grey, rotation)
                turned = self._recognise(preprocess.deskew(turned, preprocess.measure(turned).skew), dpi)
                if turned.confidence > reading.confidence:
                    reading = turned
        lines = reading_order(reading.words, reading.width, reading.height, reading.line_ids)
        return PageText(page_number, lines, OCR, float(reading.width), float(reading.height), reading.words,
                        reading.confidence)

    # Tesseract calls

    def _config(self, dpi: float) -> str:
        config = f"--psm {PAGE_SEGMENTATION} --dpi {round(dpi)}"
        if self.options.tessdata_dir:
            config += f' --tessdata-dir "{self.options.tessdata_dir}"'
        return config

    def _recognise(self, grey: Image.Image, dpi: float) -> _Reading:
        data = pytesseract.image_to_data(_uncompressed(grey), lang=self.options.ocr_language, config=self._config(dpi),
                                         output_type=pytesseract.Output.DICT)
        words, line_ids = [], []
        for text, conf, left, top, width, height, block, par, line in zip(
                data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"],
                data["block_num"], data["par_num"], data["line_num"]):
            conf = float(conf)
            if text.strip() and conf >= 0:
                words.append(Word(text.strip(), float(left), float(top), float(left + width), float(top + height),
                                  conf))
                line_ids.append((int(block), int(par), int(line)))
        confidence = sum(w.conf for w in words) / len(words) if words else 0.0
        return _Reading(words, line_ids, confidence, grey.width, grey.height)

    def _osd_rotation(self, grey: Image.Image, dpi: float) -> int:
        """Counter-clockwise degrees that make the page upright by Tesseract OSD; 0 when unsure."""
        try:
            osd = pytesseract.image_to_osd(_uncompressed(grey), config=self._osd_config(dpi))
        except pytesseract.TesseractError:  # too few characters to decide
            return 0
        rotate = re.search(r"Rotate:\s*(\d+)", osd)
        confidence = re.search(r"Orientation confidence:\s*([\d.]+)", osd)
        if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
            return 0
        # OSD's "Rotate" is clockwise; turn() is counter-clockwise.
        return (360 - int(rotate.group(1))) % 360

    def _osd_config(self, dpi: float) -> str:
        """OSD needs osd.traineddata: from tessdata_dir when it has one, else Tesseract's own."""
        config = f"--psm 0 --dpi {round(dpi)}"
        tessdata = self.options.tessdata_dir
        if tessdata and (tessdata / "osd.traineddata").exists():
            config += f' --tessdata-dir "{tessdata}"'
        return config

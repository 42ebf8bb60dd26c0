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

Text under a seal or a signature is often lost to page segmentation, not to
recognition: Tesseract takes the block for a picture and reads no word in it.
Such a block is read again on its own, as it is and from the page's dark ink
only (preprocess.dark_ink: a seal on a greyscale scan is a lighter shade than
the text), and the confident lines of the better reading are kept. A block read
with low confidence (a name or title crossed by a grey seal) is read again from
the dark ink, and that reading replaces it when it is clearly more confident.
"""
from __future__ import annotations

import os
import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import pytesseract
from PIL import Image

from models.document import OCR, PageText, Word
from pipeline import preprocess, tables
from pipeline.layout import placed_lines
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
# A block the page segmenter found but read no word in (text under a seal or a signature, taken for a
# picture) is read again on its own, with a margin, as one uniform block (psm 6) when it is at least this
# big, in inches. Of what that reading finds only lines of real words are kept: a mean confidence of at
# least WORDLESS_LINE_MIN_CONFIDENCE, no word below WORDLESS_WORD_MIN_CONFIDENCE, no one-character token
# (the seal's ring letters and ink come out as single glyphs).
WORDLESS_BLOCK_MIN_INCHES = (1.0, 0.3)
WORDLESS_BLOCK_MARGIN_INCHES = 0.1
WORDLESS_LINE_MIN_CONFIDENCE = 80.0
WORDLESS_WORD_MIN_CONFIDENCE = 70.0
# Sideways, a wordless block is widened by this much more: a name signed across a seal runs past the
# block the segmenter drew around the seal.
WORDLESS_BLOCK_SIDE_INCHES = 1.0
# A block read with a mean confidence below this is read again from the dark ink (psm 3), and that
# reading replaces it when its mean confidence is at least DARK_READING_GAIN higher.
DARK_READING_BELOW_CONFIDENCE = 80.0
DARK_READING_GAIN = 10.0


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


def _words(data: dict) -> tuple[list[Word], list[tuple[int, int, int]]]:
    """The words of a Tesseract TSV reading with their (block, paragraph, line) ids."""
    words, line_ids = [], []
    for text, conf, left, top, width, height, block, par, line in zip(
            data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"],
            data["block_num"], data["par_num"], data["line_num"]):
        conf = float(conf)
        if text.strip() and conf >= 0:
            words.append(Word(text.strip(), float(left), float(top), float(left + width), float(top + height), conf))
            line_ids.append((int(block), int(par), int(line)))
    return words, line_ids


def _confident_lines(words: list[Word], line_ids: list[tuple[int, int, int]]):
    """The words of each line that read as real words (see WORDLESS_LINE_MIN_CONFIDENCE): the whole line, or
    its longest run of such words when seal ink on the same line read as junk ("TH =—=— Đỗ Thị Hồng Nhung")."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word, line in zip(words, line_ids):
        lines.setdefault(line, []).append(word)
    kept_words, kept_ids = [], []
    for line, ws in lines.items():
        run = max(_real_word_runs(ws), key=len, default=[])
        if len(run) < (1 if len(run) == len(ws) else 2) or sum(w.conf for w in run) / len(run) < WORDLESS_LINE_MIN_CONFIDENCE:
            continue
        kept_words += run
        kept_ids += [line] * len(run)
    return kept_words, kept_ids


def _real_word_runs(words: list[Word]) -> list[list[Word]]:
    """The runs of consecutive words each read with confidence and longer than one character."""
    runs, current = [], []
    for w in words:
        if w.conf >= WORDLESS_WORD_MIN_CONFIDENCE and len(w.text) > 1:
            current.append(w)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _blocks(data: dict) -> list[tuple[int, tuple[int, int, int, int]]]:
    """Each block Tesseract's page segmenter found: its number and box (left, top, right, bottom)."""
    return [(block, (left, top, left + width, top + height))
            for level, block, left, top, width, height in zip(
                data["level"], data["block_num"], data["left"], data["top"], data["width"], data["height"])
            if level == 2]


def _wordless_blocks(data: dict, line_ids: list[tuple[int, int, int]], dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) of the blocks big enough to hold text in which Tesseract read no word."""
    read = {block for block, _, _ in line_ids}
    min_width, min_height = (inches * dpi for inches in WORDLESS_BLOCK_MIN_INCHES)
    return [box for block, box in _blocks(data)
            if block not in read and box[2] - box[0] >= min_width and box[3] - box[1] >= min_height]


def _mean_confidence(words: list[Word]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 0.0


def _covered(word: Word, others: list[Word]) -> bool:
    """Whether the centre of `word` lies in the box of one of `others` (the same ink, read before)."""
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return any(o.x0 <= x <= o.x1 and o.top <= y <= o.bottom for o in others)


def _table_rows(grey: Image.Image, dpi: float, words: list[Word], line_ids: list[tuple[int, int, int]]):
    """The words and line ids with each ruled table's words read a row a line (pipeline.tables): the scan's
    rules give the grid, as a PDF's drawn edges do."""
    keys = {id(w): key for w, key in zip(words, line_ids)}
    for grid in tables.find_grids(grey, dpi):
        words = tables.rows_as_words(words, grid.bbox, grid.cells())
    fresh = iter(range(2000, 2000 + len(words)))  # each row a line of its own, apart from Tesseract's
    return words, [keys[id(w)] if id(w) in keys else (next(fresh), 0, 0) for w in words]


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
        lines, columns = placed_lines(reading.words, reading.width, reading.height, reading.line_ids)
        return PageText(page_number, lines, OCR, float(reading.width), float(reading.height), reading.words,
                        reading.confidence, columns=columns)

    # Tesseract calls

    def _config(self, dpi: float) -> str:
        config = f"--psm {PAGE_SEGMENTATION} --dpi {round(dpi)}"
        if self.options.tessdata_dir:
            config += f' --tessdata-dir "{self.options.tessdata_dir}"'
        return config

    def _recognise(self, grey: Image.Image, dpi: float) -> _Reading:
        data = self._data(grey, dpi, PAGE_SEGMENTATION)
        words, line_ids = _words(data)
        dark: Image.Image | None = None  # the page's dark ink, made when a block needs it
        margin, side = round(WORDLESS_BLOCK_MARGIN_INCHES * dpi), round(WORDLESS_BLOCK_SIDE_INCHES * dpi)
        wordless = _wordless_blocks(data, line_ids, dpi)
        for number, (block, box) in enumerate(_blocks(data), start=1):
            block_words = [w for w, (b, _, _) in zip(words, line_ids) if b == block]
            if block_words and _mean_confidence(block_words) >= DARK_READING_BELOW_CONFIDENCE:
                continue
            if not block_words and box not in wordless:
                continue
            dark = dark if dark is not None else preprocess.dark_ink(grey)
            block_id = 1000 + number  # apart from the page's own blocks
            if block_words:  # read with low confidence: the dark ink's reading replaces it if clearly better
                crop = (max(0, box[0] - margin), max(0, box[1] - margin),
                        min(grey.width, box[2] + margin), min(grey.height, box[3] + margin))
                found, found_ids = self._read_crop(dark, crop, dpi, PAGE_SEGMENTATION)
                inside = [(w, i) for w, i in zip(found, found_ids)
                          if box[0] <= (w.x0 + w.x1) / 2 <= box[2] and box[1] <= (w.top + w.bottom) / 2 <= box[3]]
                if _mean_confidence([w for w, _ in inside]) < _mean_confidence(block_words) + DARK_READING_GAIN:
                    continue
                kept = [(w, i) for w, i in zip(words, line_ids) if i[0] != block]
                words = [w for w, _ in kept] + [w for w, _ in inside]
                line_ids = [i for _, i in kept] + [(block_id, part * 1000 + par, line) for _, (part, par, line) in inside]
                continue
            crop = (max(0, box[0] - side), max(0, box[1] - margin),
                    min(grey.width, box[2] + side), min(grey.height, box[3] + margin))
            readings = [_confident_lines(*self._read_crop(page, crop, dpi, 6)) for page in (grey, dark)]
            found, found_ids = max(readings, key=lambda reading: len(reading[0]))
            others = list(words)
            for word, (part, par, line) in zip(found, found_ids):
                if not _covered(word, others):  # the widened crop reaches ink the page reading has
                    words.append(word)
                    line_ids.append((block_id, part * 1000 + par, line))
        words, line_ids = _table_rows(grey, dpi, words, line_ids)
        return _Reading(words, line_ids, _mean_confidence(words), grey.width, grey.height)

    def _read_crop(self, page: Image.Image, crop: tuple[int, int, int, int], dpi: float, segmentation: int):
        """The words (in page coordinates) and line ids of one part of the page, read on its own."""
        left, top = crop[0], crop[1]
        found, found_ids = _words(self._data(page.crop(crop), dpi, segmentation))
        return [Word(w.text, w.x0 + left, w.top + top, w.x1 + left, w.bottom + top, w.conf) for w in found], found_ids

    def _data(self, grey: Image.Image, dpi: float, segmentation: int) -> dict:
        config = self._config(dpi).replace(f"--psm {PAGE_SEGMENTATION}", f"--psm {segmentation}")
        return pytesseract.image_to_data(_uncompressed(grey), lang=self.options.ocr_language, config=config,
                                         output_type=pytesseract.Output.DICT)

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

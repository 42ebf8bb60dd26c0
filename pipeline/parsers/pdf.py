"""PDF: each page from the best reader of its text layer, OCR where no layer can be trusted.

Each page takes one route, named with its reason in `PageText.route` and in the log:

1. its text layer through pdfplumber (words with boxes), legacy TCVN3/VNI layers
   converted and broken font maps repaired, kept when enough of its words read as
   Vietnamese;
2. failing that — pdfplumber raised (a digitally signed PDF's annotations recurse
   past pdfminer's limit) or its layer is unusable (glyphs it cannot map, marks set
   apart from their letters) — the layer through pypdfium2 (PDFium), judged the same way;
3. failing both, OCR. A scan — a page holding nothing but one upright image that
   covers it — is OCR'd from that image as stored, at its own resolution; other
   pages are rendered with pypdfium2 at the resolution of their largest image, at
   most `options.ocr_dpi`. Pages keep their order.

Digital-signature systems used by Vietnamese offices stamp the number ("Số: 25")
and the day of the place–date line into small signature fields after the
document is made; that text lives in the fields' appearance streams, which
pdfplumber does not read, so it is read here and placed where it shows.
"""
from __future__ import annotations

import logging
import threading
import unicodedata
from concurrent.futures import Future
from pathlib import Path
from typing import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import PDFStream, resolve1
from pdfplumber.utils import extract_words, line_to_edge

from models.document import TEXT_LAYER, DocumentText, PageText, Word
from pipeline import legacy, preprocess, tables
from pipeline.errors import InputError
from pipeline.layout import placed_lines
from pipeline.options import Options

# A page is read from its text layer when at least this share of its accented
# words are Vietnamese syllables after decoding...
MIN_VIETNAMESE_RATIO = 0.75
# ...and, when it has many words, at least this share of them carry a diacritic
# (a layer that lost every accent is not Vietnamese worth keeping).
MIN_ACCENTED_SHARE = 0.10
# A page with fewer words than this that also holds a large image is a scan.
FEW_WORDS = 12
LARGE_IMAGE_SHARE = 0.5
# A page that needs OCR and holds nothing but one image covering at least this share of
# it is a scan, OCR'd from that image as stored.
SCAN_IMAGE_SHARE = 0.9
# Signature fields no taller than this many points hold a typed-in fill (a
# number, a day); taller ones are the signature stamp itself, which is dropped.
FILL_FIELD_HEIGHT = 24.0
# The end-of-file marker must lie within this many bytes of the end.
EOF_WINDOW = 4096

# PDFium is not thread-safe, not even across documents, and documents are read concurrently: every use
# of it (here and in pipeline.limits) holds this lock.
PDFIUM_LOCK = threading.Lock()

log = logging.getLogger(__name__)


class PdfParser:
    name = "pdf"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(b"%PDF") or path.suffix.lower() == ".pdf"

    def parse(self, path: Path, options: Options, ocr,
              pages: Callable[[int], range] | None = None) -> DocumentText:
        """The document's pages; with `pages`, only the pages (0-based) it picks given the page count: a
        long PDF is read in page ranges by several reading processes (`pipeline.child_reader`)."""
        check_complete(path)
        read: list[tuple[int, PageText | tuple[Future, str]]] = []
        try:
            pdf = pdfplumber.open(path)
        except Exception as exc:  # pdfminer raises many types on damaged or unusual files
            failure = f"pdfplumber cannot open the file ({_error(exc)})"
            count = _pdfium_page_count(path)
            for index in pages(count) if pages else range(count):
                read.append((index + 1, _page_without_plumber(path, index + 1, options, ocr, failure)))
        else:
            with pdf:
                try:
                    plumber_pages = list(pdf.pages)
                except Exception as exc:
                    raise InputError(path, f"corrupt PDF ({_error(exc)})") from exc
                for index in pages(len(plumber_pages)) if pages else range(len(plumber_pages)):
                    page = plumber_pages[index]
                    try:
                        read.append((index + 1, _read_page(path, page, index + 1, options, ocr)))
                    finally:  # its characters and layout are cached until closed: a long PDF would hold them all
                        page.close()
        if not read:
            raise InputError(path, "PDF has no pages")
        return DocumentText(path, [_resolved(page, number) for number, page in read])


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _read_page(path: Path, page, number: int, options: Options, ocr) -> PageText | tuple[Future, str]:
    """One page by the first route that gives a usable text: pdfplumber, pypdfium2, OCR."""
    try:
        text_page, why = text_layer_page(page, number)
    except Exception as exc:  # e.g. RecursionError through a signed PDF's annotations
        text_page, why = None, f"pdfplumber failed ({_error(exc)})"
    if text_page is not None:
        return _routed(path, text_page, f"text layer (pdfplumber): {why}")
    return _page_without_plumber(path, number, options, ocr, f"pdfplumber: {why}", page)


def _page_without_plumber(path: Path, number: int, options: Options, ocr, failure: str,
                          plumber_page=None) -> PageText | tuple[Future, str]:
    """The page through pypdfium2's text layer, else OCR; `failure` says why pdfplumber's did not serve."""
    text_page, why = pdfium_text_page(path, number)
    if text_page is not None:
        return _routed(path, text_page, f"text layer (pypdfium2): {why}; {failure}")
    route = f"OCR: {failure}; pypdfium2: {why}"
    if ocr is None:
        raise InputError(path, f"page {number} needs OCR but no OCR pool was given")
    log.info("%s page %d: %s", path.name, number, route)
    image = ocr_image(path, number, options.ocr_dpi, plumber_page, as_stored=options.ocr_scans_as_stored)
    return ocr.submit(image, number), route


def _routed(path: Path, page: PageText, route: str) -> PageText:
    page.route = route
    log.info("%s page %d: %s", path.name, page.number, route)
    return page


def check_complete(path: Path) -> None:
    """Refuse a file that is not a PDF or whose end marker is missing (a truncated copy), before any reader opens it."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        if not fh.read(1024).lstrip().startswith(b"%PDF"):
            raise InputError(path, "not a PDF (no %PDF header)")
        fh.seek(max(0, size - EOF_WINDOW))
        if b"%%EOF" not in fh.read():
            raise InputError(path, "truncated PDF (no %%EOF end marker)")


def _resolved(page: PageText | tuple[Future, str], number: int) -> PageText:
    if isinstance(page, tuple):
        future, route = page
        page = future.result()
        page.number, page.route = number, route
    return page


def ocr_image(path: Path, page_number: int, max_dpi: int, page=None, as_stored: bool = True) -> Image.Image:
    """What OCR reads of a pdfplumber page: a scan's own image as stored, else the page rendered.

    A scan's image at its own resolution is the most faithful input and the cheapest:
    rendering a 200 dpi scan at 300 dpi gave Tesseract 2.25 times the pixels and lowered
    word-F1 (benchmarks/README.md). Other pages are rendered at the resolution of their
    largest image, at most `max_dpi` (vector text alone: `max_dpi`). The image's
    info["dpi"] tells preprocessing and Tesseract its real resolution. Not `as_stored`, every page
    is rendered at `max_dpi` (a second reading, `congvan reread`).
    """
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            pdf_page = pdf[page_number - 1]
            # Without pdfplumber's view of the page, `_stored_scan` alone judges it (one image object).
            image = _stored_scan(pdf_page) if as_stored and (page is None or _holds_only_one_image(page)) else None
            if image is None:
                dpi = _render_dpi(page, max_dpi) if page is not None and as_stored else max_dpi
                image = pdf_page.render(scale=dpi / 72, may_draw_forms=True).to_pil().convert("RGB")
                image.info["dpi"] = (dpi, dpi)
            return image
        finally:
            pdf.close()


def _holds_only_one_image(page) -> bool:
    """Whether the page shows one image covering it and nothing else (no text, paths, fields)."""
    return (len(page.images) == 1 and not page.chars and not page.rects and not page.lines and not page.curves
            and not _annotations(page) and _image_share(page) >= SCAN_IMAGE_SHARE)


def _stored_scan(pdf_page) -> Image.Image | None:
    """The page's one image at its own resolution, turned as the page shows; None when placed turned or mirrored."""
    objects = list(pdf_page.get_objects(max_depth=0))
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    stored = objects[0]
    a, b, c, d, _, _ = stored.get_matrix().get()
    if b or c or a <= 0 or d <= 0:
        return None
    image = stored.get_bitmap(render=False).to_pil()
    # Own pixels (an "L" bitmap shares PDFium's buffer); every other mode becomes RGB.
    image = image.copy() if image.mode == "L" else image.convert("RGB")
    dpi = (image.width * 72 / a, image.height * 72 / d)
    rotation = pdf_page.get_rotation()  # clockwise; turn() is counter-clockwise
    if rotation % 180:
        dpi = dpi[::-1]
    image = preprocess.turn(image, -rotation % 360)
    image.info["dpi"] = dpi
    return image


def _render_dpi(page, max_dpi: int) -> int:
    """The resolution of the page's largest image when that covers much of the page, at most max_dpi.

    Images below preprocessing's upscale threshold are rendered at max_dpi directly, so
    vector text on the page is drawn sharp rather than upscaled.
    """
    largest = max(page.images, key=_area, default=None)
    if largest is None or _area(largest) < LARGE_IMAGE_SHARE * float(page.width * page.height):
        return max_dpi
    pixels = largest["srcsize"][0] * largest["srcsize"][1]
    dpi = round(72 * (pixels / (_area(largest) or 1.0)) ** 0.5)  # the same whichever way the image is turned
    return dpi if preprocess.UPSCALE_BELOW_DPI <= dpi < max_dpi else max_dpi


def text_layer_page(page, number: int) -> tuple[PageText | None, str]:
    """The page from pdfplumber's text layer, or None when the layer is missing, too thin or garbled; and why."""
    chars = [dict(c) for c in page.chars]
    raw_text = "".join(c["text"] for c in chars)
    encoding = legacy.detect_encoding(raw_text)
    if encoding == legacy.TCVN3:
        _u_spaces_as_letters(chars)
    raw_words = extract_words(chars, return_chars=True) if chars else []
    words = [
        Word(_nfc(legacy.decode(w["text"], encoding,
                                any(legacy.is_capitals_font(c["fontname"]) for c in w["chars"]))),
             w["x0"], w["top"], w["x1"], w["bottom"])
        for w in raw_words
    ]
    verdict = judge_layer(words, _image_share(page))
    if not verdict.usable:
        return None, verdict.reason
    words += _signature_fill_words(page)
    lines, columns = placed_lines(_table_rows(page, words), float(page.width), float(page.height))
    return PageText(number, lines, TEXT_LAYER, float(page.width), float(page.height), words,
                    columns=columns), verdict.reason


def _table_rows(page, words: list[Word]) -> list[Word]:
    """`words` with each ruled table's words replaced by one word per row (pipeline.tables)."""
    for table in _ruled_tables(page):
        rows = [(row.bbox, [cell for cell in row.cells if cell is not None]) for row in table.rows]
        words = tables.rows_as_words(words, table.bbox, rows)
    return words


_WHITE = ((1,), (1, 1, 1), [1], [1, 1, 1], 1)


def _ruled_tables(page) -> list:
    """pdfplumber's tables over the page's visible rules only: a rectangle filled white and not stroked
    (the background a word processor puts behind highlighted text) rules nothing."""
    if not page.rects and not page.lines:
        return []  # nothing ruled (curves are not read: glyphs and logos drawn as paths are many)
    edges = [e for e in [*page.rect_edges, *map(line_to_edge, page.lines)]
             if e.get("stroke") or e.get("fill") and e.get("non_stroking_color") not in _WHITE]
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    return page.find_tables({"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                             "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal})


def pdfium_text_page(path: Path, number: int) -> tuple[PageText | None, str]:
    """Page `number` from PDFium's reading of the text layer, or None when it is unusable too; and why.

    PDFium maps glyphs to text by more of a font's tables than pdfminer does (a monospace
    font whose accents are glyphs of their own comes out as whole Vietnamese letters), and
    it reads the signed PDFs whose annotations pdfminer cannot resolve.
    """
    with PDFIUM_LOCK:
        try:
            pdf = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError as exc:
            return None, f"cannot open ({exc})"
        try:
            pdf_page = pdf[number - 1]
            width, height = pdf_page.get_size()
            textpage = pdf_page.get_textpage()
            try:
                words = _pdfium_words(textpage, height)
            finally:
                textpage.close()
            share = _pdfium_image_share(pdf_page, width * height)
        finally:
            pdf.close()
    encoding = legacy.detect_encoding(" ".join(w.text for w in words))
    if encoding != legacy.UNICODE:
        words = [Word(_nfc(legacy.decode(w.text, encoding)), w.x0, w.top, w.x1, w.bottom) for w in words]
    verdict = judge_layer(words, share)
    if not verdict.usable:
        return None, verdict.reason
    lines, columns = placed_lines(words, float(width), float(height))
    return PageText(number, lines, TEXT_LAYER, float(width), float(height), words, columns=columns), verdict.reason


# Characters closer than this (in points) belong to one word, as pdfplumber's x_tolerance.
WORD_GAP = 3.0


def _pdfium_words(textpage, page_height: float) -> list[Word]:
    """Words with boxes (top-left origin) from PDFium's characters; its generated spaces and line breaks,
    and gaps wider than WORD_GAP, end a word; a combining mark joins the letter before it."""
    words: list[Word] = []
    text, box = [], None  # the word being read: its characters and [x0, top, x1, bottom]

    def flush() -> None:
        nonlocal text, box
        if text:
            words.append(Word(_nfc("".join(text)), *box))
        text, box = [], None

    raw = textpage.raw
    for i in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(raw, i))
        if char.isspace() or char == "\x00" or pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            flush()
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        top, bottom = page_height - top, page_height - bottom
        if unicodedata.category(char) == "Mn" and text:
            text.append(char)
            continue
        if box is not None and (left - box[2] > WORD_GAP or top >= box[3] or bottom <= box[1]):
            flush()
        text.append(char)
        box = [left, top, right, bottom] if box is None else [
            min(box[0], left), min(box[1], top), max(box[2], right), max(box[3], bottom)]
    flush()
    return words


def _pdfium_image_share(pdf_page, page_area: float) -> float:
    """The share of the page its largest image object covers."""
    largest = 0.0
    for obj in pdf_page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            largest = max(largest, (right - left) * (top - bottom))
    return largest / (page_area or 1.0)


def _pdfium_page_count(path: Path) -> int:
    with PDFIUM_LOCK:
        try:
            pdf = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError as exc:
            raise InputError(path, f"corrupt PDF ({exc})") from exc
        try:
            return len(pdf)
        finally:
            pdf.close()


def _nfc(text: str) -> str:
    """Marks a layer stores apart from their letters composed, before the layer is judged."""
    return unicodedata.normalize("NFC", text)


@dataclass
class LayerVerdict:
    usable: bool
    reason: str


def judge_layer(words: list[Word], image_share: float) -> LayerVerdict:
    """Whether a page's decoded words are a text layer worth keeping, and why (or why not)."""
    if not words:
        return LayerVerdict(False, "no text layer")
    text = " ".join(w.text for w in words)
    unmapped = text.count("(cid:") + text.count("\ufffd")
    if unmapped > max(2, len(words) // 20):
        return LayerVerdict(False, f"{unmapped} glyphs without a character")
    if len(words) < FEW_WORDS and image_share >= LARGE_IMAGE_SHARE:
        return LayerVerdict(False, f"{len(words)} words over an image covering {image_share:.0%} of the page")
    ratio = legacy.vietnamese_ratio(text)
    if ratio is not None and ratio < MIN_VIETNAMESE_RATIO:
        return LayerVerdict(False, f"only {ratio:.0%} of accented words are Vietnamese syllables")
    _, accented = legacy.syllable_score(text)
    alphabetic = sum(1 for w in words if any(ch.isalpha() for ch in w.text))
    if alphabetic >= 4 * FEW_WORDS and accented < MIN_ACCENTED_SHARE * alphabetic:
        return LayerVerdict(False, f"only {accented} of {alphabetic} words carry a diacritic")
    share = f"{ratio:.0%} of accented words Vietnamese" if ratio is not None else "no accented words"
    return LayerVerdict(True, f"{len(words)} words, {share}")


def _image_share(page) -> float:
    """The share of the page its largest image covers."""
    return max((_area(image) for image in page.images), default=0.0) / (float(page.width * page.height) or 1.0)


def _area(image: dict) -> float:
    return float((image["x1"] - image["x0"]) * (image["bottom"] - image["top"]))


def _u_spaces_as_letters(chars: list[dict]) -> None:
    """In a TCVN3 layer, put back the "ư" (code 0xAD) that WinAnsiEncoding reads as a space."""
    if any(len(c["text"]) != 1 for c in chars):
        return
    for i in legacy.tcvn3_u_spaces("".join(c["text"] for c in chars)):
        chars[i]["text"] = "\xad"


def _annotations(page) -> list[dict]:
    """The page's annotation dictionaries, each resolved one level deep.

    pdfplumber's `page.annots` resolves every reference inside them, and a signed PDF's
    widgets point back at their page and parent fields: the resolution recurses until
    Python's limit. Only the keys read here are resolved.
    """
    annots = resolve1(page.page_obj.annots)
    if not isinstance(annots, list):
        return []
    return [data for data in (resolve1(a) for a in annots) if isinstance(data, dict)]


def _signature_fill_words(page) -> list[Word]:
    """Words typed into small signature fields (the number, the day) at the place they show."""
    words: list[Word] = []
    for data in _annotations(page):
        if getattr(resolve1(data.get("Subtype")), "name", None) != "Widget":
            continue
        rect = resolve1(data.get("Rect"))
        if not isinstance(rect, list) or len(rect) != 4:
            continue
        y0, y1 = float(resolve1(rect[1])), float(resolve1(rect[3]))
        if abs(y1 - y0) > FILL_FIELD_HEIGHT:
            continue
        appearances = resolve1(data.get("AP"))
        appearance = resolve1(appearances.get("N")) if isinstance(appearances, dict) else None
        if not isinstance(appearance, PDFStream):
            continue
        words.extend(_appearance_words(page, data, appearance))
    return words


def _appearance_words(page, data: dict, stream: PDFStream) -> list[Word]:
    rect = [float(v) for v in resolve1(data["Rect"])]
    bbox = [float(v) for v in resolve1(stream.attrs.get("BBox", rect))]
    sx = (rect[2] - rect[0]) / ((bbox[2] - bbox[0]) or 1)
    sy = (rect[3] - rect[1]) / ((bbox[3] - bbox[1]) or 1)
    ctm = (sx, 0, 0, sy, rect[0] - bbox[0] * sx, rect[1] - bbox[1] * sy)
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    holder = SimpleNamespace(pageid=0, mediabox=page.page_obj.mediabox, cropbox=page.page_obj.cropbox, rotate=0)
    device.begin_page(holder, (1, 0, 0, 1, 0, 0))
    PDFPageInterpreter(manager, device).render_contents(resolve1(stream.attrs.get("Resources")), [stream], ctm=ctm)
    device.end_page(holder)
    chars = list(_chars(device.get_result()))
    if not chars:
        return []
    page_top = float(page.page_obj.mediabox[3])
    text = legacy.repair_font_map("".join(c.get_text() for c in chars)).strip()
    if not text:
        return []
    return [Word(text, min(c.x0 for c in chars), page_top - max(c.y1 for c in chars),
                 max(c.x1 for c in chars), page_top - min(c.y0 for c in chars))]


def _chars(item):
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)

"""PDF: the text layer through pdfplumber where it can be trusted, OCR where it cannot.

Each page is judged on its own. Its words (with boxes) are decoded — legacy
TCVN3/VNI layers converted, broken font maps repaired — and the page is kept as
a text-layer page when enough of its words then read as Vietnamese. Otherwise
(no text layer, a scanned page with a few stray characters, unmapped glyphs,
text that stays garbled) the page goes to the OCR pool. A scan — a page holding
nothing but one upright image that covers it — is OCR'd from that image as stored,
at its own resolution; other pages are rendered with pypdfium2 at the resolution of
their largest image, at most `options.ocr_dpi`. Pages keep their order.

Digital-signature systems used by Vietnamese offices stamp the number ("Số: 25")
and the day of the place–date line into small signature fields after the
document is made; that text lives in the fields' appearance streams, which
pdfplumber does not read, so it is read here and placed where it shows.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import PDFStream, resolve1
from pdfplumber.utils import extract_words

from models.document import TEXT_LAYER, DocumentText, PageText, Word
from pipeline import legacy, preprocess
from pipeline.errors import InputError
from pipeline.layout import reading_order
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

# PDFium is not thread-safe, not even across documents, and documents are read concurrently.
_PDFIUM = threading.Lock()


class PdfParser:
    name = "pdf"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(b"%PDF") or path.suffix.lower() == ".pdf"

    def parse(self, path: Path, options: Options, ocr) -> DocumentText:
        _check_complete(path)
        pages: list[PageText | Future] = []
        try:
            with pdfplumber.open(path) as pdf:
                for number, page in enumerate(pdf.pages, start=1):
                    text_page = text_layer_page(page, number)
                    if text_page is not None:
                        pages.append(text_page)
                    else:
                        pages.append(_submit_ocr(path, page, options, ocr))
        except InputError:
            raise
        except Exception as exc:  # pdfminer raises many types on damaged files
            raise InputError(path, f"corrupt PDF ({type(exc).__name__}: {exc})") from exc
        if not pages:
            raise InputError(path, "PDF has no pages")
        return DocumentText(path, [_resolved(p, number) for number, p in enumerate(pages, start=1)])


def _check_complete(path: Path) -> None:
    size = path.stat().st_size
    with path.open("rb") as fh:
        if not fh.read(1024).lstrip().startswith(b"%PDF"):
            raise InputError(path, "not a PDF (no %PDF header)")
        fh.seek(max(0, size - EOF_WINDOW))
        if b"%%EOF" not in fh.read():
            raise InputError(path, "truncated PDF (no %%EOF end marker)")


def _resolved(page: PageText | Future, number: int) -> PageText:
    if isinstance(page, Future):
        page = page.result()
        page.number = number
    return page


def _submit_ocr(path: Path, page, options: Options, ocr) -> Future:
    if ocr is None:
        raise InputError(path, f"page {page.page_number} needs OCR but no OCR pool was given")
    return ocr.submit(ocr_image(path, page, options.ocr_dpi), page.page_number)


def ocr_image(path: Path, page, max_dpi: int) -> Image.Image:
    """What OCR reads of a pdfplumber page: a scan's own image as stored, else the page rendered.

    A scan's image at its own resolution is the most faithful input and the cheapest:
    rendering a 200 dpi scan at 300 dpi gave Tesseract 2.25 times the pixels and lowered
    word-F1 (benchmarks/README.md). Other pages are rendered at the resolution of their
    largest image, at most `max_dpi` (vector text alone: `max_dpi`). The image's
    info["dpi"] tells preprocessing and Tesseract its real resolution.
    """
    with _PDFIUM:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            pdf_page = pdf[page.page_number - 1]
            image = _stored_scan(pdf_page) if _holds_only_one_image(page) else None
            if image is None:
                dpi = _render_dpi(page, max_dpi)
                image = pdf_page.render(scale=dpi / 72, may_draw_forms=True).to_pil().convert("RGB")
                image.info["dpi"] = (dpi, dpi)
            return image
        finally:
            pdf.close()


def _holds_only_one_image(page) -> bool:
    """Whether the page shows one image covering it and nothing else (no text, paths, fields)."""
    return (len(page.images) == 1 and not page.chars and not page.rects and not page.lines and not page.curves
            and not page.annots and _image_share(page) >= SCAN_IMAGE_SHARE)


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


def text_layer_page(page, number: int) -> PageText | None:
    """The page from its text layer, or None when the layer is missing, too thin or garbled."""
    chars = [dict(c) for c in page.chars]
    raw_text = "".join(c["text"] for c in chars)
    encoding = legacy.detect_encoding(raw_text)
    if encoding == legacy.TCVN3:
        _u_spaces_as_letters(chars)
    raw_words = extract_words(chars, return_chars=True) if chars else []
    words = [
        Word(legacy.decode(w["text"], encoding, any(legacy.is_capitals_font(c["fontname"]) for c in w["chars"])),
             w["x0"], w["top"], w["x1"], w["bottom"])
        for w in raw_words
    ]
    if not _usable(words, page):
        return None
    words += _signature_fill_words(page)
    lines = reading_order(words, float(page.width), float(page.height))
    return PageText(number, lines, TEXT_LAYER, float(page.width), float(page.height), words)


def _usable(words: list[Word], page) -> bool:
    if not words:
        return False
    text = " ".join(w.text for w in words)
    if text.count("(cid:") > max(2, len(words) // 20) or "\ufffd" in text:
        return False
    if len(words) < FEW_WORDS and _image_share(page) >= LARGE_IMAGE_SHARE:
        return False
    ratio = legacy.vietnamese_ratio(text)
    if ratio is not None and ratio < MIN_VIETNAMESE_RATIO:
        return False
    _, accented = legacy.syllable_score(text)
    alphabetic = sum(1 for w in words if any(ch.isalpha() for ch in w.text))
    return not (alphabetic >= 4 * FEW_WORDS and accented < MIN_ACCENTED_SHARE * alphabetic)


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


def _signature_fill_words(page) -> list[Word]:
    """Words typed into small signature fields (the number, the day) at the place they show."""
    words: list[Word] = []
    for annot in page.annots:
        data = annot.get("data") or {}
        if getattr(resolve1(data.get("Subtype")), "name", None) != "Widget":
            continue
        if annot["bottom"] - annot["top"] > FILL_FIELD_HEIGHT:
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

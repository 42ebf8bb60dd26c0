"""Checks made before a parser opens a file, so that no file can take the run down with it.

A password-protected PDF, a damaged or zip-bomb Word file, a page whose image
would need gigabytes once decoded, a document of thousands of pages: each is
refused here with a `FailureReason`, from what the file declares (page sizes,
image sizes, the sizes a zip says its parts unpack to) — nothing big is decoded
to find out. The limits are settings (`Options.max_page_pixels`, `max_pages`,
`max_unpacked_bytes`).
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.errors import InputError
from pipeline.options import Options
from pipeline.parsers.pdf import PDFIUM_LOCK, check_complete
from pipeline.status import FailureReason


def check(path: Path, kind: str, options: Options) -> None:
    """Raise InputError when the file of this parser kind ("pdf", "docx", "image"…) must not be opened."""
    if kind == "pdf":
        check_pdf(path, options)
    elif kind == "docx":
        check_docx(path, options)
    elif kind == "image":
        check_image(path, options)


def _pixels(path: Path, width: float, height: float, options: Options) -> None:
    pixels = int(width) * int(height)
    if pixels > options.max_page_pixels:
        raise InputError.because(path, FailureReason.PAGE_TOO_LARGE, pixels=pixels, limit=options.max_page_pixels)


def check_pdf(path: Path, options: Options) -> None:
    """Truncated, encrypted, too many pages, a page too large to render or holding an image too large to decode.

    A PDF that PDFium cannot load for another reason is left to the parser (pdfplumber may read it).
    """
    check_complete(path)
    with PDFIUM_LOCK:
        try:
            pdf = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError as exc:
            if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
                raise InputError.because(path, FailureReason.ENCRYPTED_PDF) from exc
            return
        try:
            count = len(pdf)
            if count > options.max_pages:
                raise InputError.because(path, FailureReason.TOO_MANY_PAGES, pages=count, limit=options.max_pages)
            scale = options.ocr_dpi / 72
            for index in range(count):
                page = pdf[index]
                try:
                    width, height = page.get_size()
                    _pixels(path, width * scale, height * scale, options)
                    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
                        _pixels(path, *image.get_px_size(), options)
                finally:
                    page.close()
        finally:
            pdf.close()


def check_docx(path: Path, options: Options) -> None:
    """A zip that opens, whose parts unpack to at most `max_unpacked_bytes` and pass their checksums."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            size = sum(e.file_size for e in entries)
            if size > options.max_unpacked_bytes:
                raise InputError.because(path, FailureReason.UNPACKS_TOO_LARGE, limit=options.max_unpacked_bytes,
                                         size=size)
            if "word/document.xml" not in {e.filename for e in entries}:
                raise InputError.because(path, FailureReason.DAMAGED_WORD, detail="it holds no document text part")
            bad = archive.testzip()  # reads every part (bounded by the sizes just checked)
    except zipfile.BadZipFile as exc:
        raise InputError.because(path, FailureReason.DAMAGED_WORD, detail=f"not a readable zip archive ({exc})") \
            from exc
    except (zlib.error, EOFError, NotImplementedError, OSError) as exc:
        raise InputError.because(path, FailureReason.DAMAGED_WORD, detail=f"its content cannot be unpacked ({exc})") \
            from exc
    if bad is not None:
        raise InputError.because(path, FailureReason.DAMAGED_WORD, detail=f"part {bad} is corrupt")


def check_image(path: Path, options: Options) -> None:
    """Every frame of the image within `max_page_pixels`, at most `max_pages` frames."""
    try:
        with Image.open(path) as image:
            for count, frame in enumerate(ImageSequence.Iterator(image), start=1):
                if count > options.max_pages:
                    raise InputError.because(path, FailureReason.TOO_MANY_PAGES, pages=f"more than {count - 1}",
                                             limit=options.max_pages)
                _pixels(path, *frame.size, options)
    except Image.DecompressionBombError as exc:  # Pillow's own ceiling, above ours unless ours was raised
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise InputError.because(path, FailureReason.PAGE_TOO_LARGE, pixels=found.group(1) if found else "too many",
                                 limit=options.max_page_pixels) from exc
    except UnidentifiedImageError:
        return  # the image parser says it in its words
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError.because(path, FailureReason.DAMAGED_IMAGE, detail=str(exc)) from exc

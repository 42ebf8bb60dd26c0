"""Scanned images: PNG, JPEG and TIFF (every page of a multi-page TIFF), each page through the OCR pool."""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from models.document import DocumentText
from pipeline.errors import InputError
from pipeline.options import Options

_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def _page_image(frame: Image.Image) -> Image.Image:
    """A frame as an 8-bit greyscale or RGB image Tesseract and the preprocessing read, dpi kept."""
    if frame.mode in ("L", "RGB"):
        page = frame.copy()
    elif frame.mode in ("1", "I;16", "I;16B", "I", "F"):
        page = frame.convert("L") if frame.mode == "1" else Image.eval(frame.convert("F"), lambda v: v / 256).convert("L")
    else:  # P, RGBA, LA, CMYK...: flatten onto white
        rgba = frame.convert("RGBA")
        page = Image.new("RGB", rgba.size, "white")
        page.paste(rgba, mask=rgba.getchannel("A"))
    page.info = dict(frame.info)
    return page


class ImageParser:
    name = "image"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(_MAGIC) or path.suffix.lower() in _SUFFIXES

    def parse(self, path: Path, options: Options, ocr) -> DocumentText:
        futures = []
        try:
            with Image.open(path) as image:
                for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                    frame.load()
                    futures.append(ocr.submit(_page_image(frame), number))
        except UnidentifiedImageError as exc:
            raise InputError(path, "not a readable image (unknown or corrupt format)") from exc
        except (OSError, SyntaxError, ValueError) as exc:  # truncated data, bad TIFF tags
            raise InputError(path, f"truncated or corrupt image ({exc})") from exc
        if not futures:
            raise InputError(path, "image has no pages")
        pages = [future.result() for future in futures]
        for page in pages:
            page.route = "OCR: an image file"
        return DocumentText(path, pages)

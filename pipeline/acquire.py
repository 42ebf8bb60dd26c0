"""One entry point from a file to its text: pick the parser, run it, refuse what cannot be read."""
from __future__ import annotations

from pathlib import Path

from models.document import DocumentText
from pipeline.errors import InputError
from pipeline.options import Options
from pipeline.parsers.base import Parser
from pipeline.parsers.pdf import PdfParser
from pipeline.parsers.text import TextParser
from pipeline.parsers.word import DocParser, DocxParser

HEAD_BYTES = 4096
# Parsers that may send pages to OCR, and so need a pool.
OCR_PARSERS = {"pdf", "image"}


def parsers() -> list[Parser]:
    """Every parser, most specific magic first; the image parser joins when its module is present."""
    found: list[Parser] = [PdfParser(), DocxParser(), DocParser()]
    try:
        from pipeline.parsers.image import ImageParser
    except ImportError:
        pass
    else:
        found.append(ImageParser())
    found.append(TextParser())
    return found


def choose_parser(path: Path, head: bytes) -> Parser:
    """The parser for a file: by its magic bytes first, by its suffix second."""
    candidates = parsers()
    by_content = Path(path.stem + ".unknown-suffix")
    for parser in candidates:
        if parser.accepts(by_content, head):
            return parser
    for parser in candidates:
        if parser.accepts(path, head):
            return parser
    raise InputError(path, f"unsupported file type ({path.suffix or 'no suffix'})")


class _PrivateOcrPool:
    """An OcrPool of our own, started at the first page that needs OCR (a text-layer PDF never starts one)."""

    def __init__(self, options: Options):
        self.options = options
        self.pool = None

    def submit(self, image, page_number: int):
        if self.pool is None:
            from pipeline.ocr import OcrPool

            self.pool = OcrPool(self.options).__enter__()
        return self.pool.submit(image, page_number)

    def __enter__(self) -> "_PrivateOcrPool":
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pool is not None:
            self.pool.__exit__(*exc_info)


def read_document(path: Path, options: Options, ocr=None) -> DocumentText:
    """The document's text page by page; InputError for empty, truncated, corrupt, unsupported or textless files."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except FileNotFoundError as exc:
        raise InputError(path, "file not found") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if size == 0:
        raise InputError(path, "empty file (0 bytes)")
    parser = choose_parser(path, head)
    if ocr is None and parser.name in OCR_PARSERS:
        with _PrivateOcrPool(options) as pool:
            document = parser.parse(path, options, pool)
    else:
        document = parser.parse(path, options, ocr)
    if not any(line.strip() for line in document.lines):
        raise InputError(path, "no text found in the document")
    return document

"""One entry point from a file to its text: pick the parser, run it, refuse what cannot be read."""
from __future__ import annotations

import os
import stat
from functools import partial
from pathlib import Path
from typing import Callable

from models.document import DocumentText
from pipeline import limits
from pipeline.errors import InputError
from pipeline.options import Options
from pipeline.parsers.base import Parser
from pipeline.parsers.pdf import PdfParser
from pipeline.parsers.text import TextParser
from pipeline.parsers.word import DocParser, DocxParser
from pipeline.status import FailureReason

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
    raise InputError.because(path, FailureReason.UNSUPPORTED, detail=path.suffix or "no suffix")


# Kinds of file that are not documents, by their stat mode.
_KINDS = ((stat.S_ISLNK, "symlink"), (stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "named pipe"),
          (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"))


def not_regular(mode: int) -> str | None:
    """What a non-regular file is ("symlink", "named pipe"…), or None for a regular file."""
    return next((kind for test, kind in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "special file")


class PrivateOcrPool:
    """An OcrPool of our own, started at the first page that needs OCR (a text-layer PDF never starts one)."""

    def __init__(self, options: Options):
        self.options = options
        self.pool = None

    def submit(self, image, page_number: int):
        if self.pool is None:
            from pipeline.ocr import OcrPool

            self.pool = OcrPool(self.options).__enter__()
        return self.pool.submit(image, page_number)

    def __enter__(self) -> "PrivateOcrPool":
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pool is not None:
            self.pool.__exit__(*exc_info)


def read_document(path: Path, options: Options, ocr=None, follow_symlinks: bool = True) -> DocumentText:
    """The document's text page by page; InputError for any file that cannot be read, with its reason.

    Anything but a regular file is refused without being opened (a named pipe would block); a symlink
    too unless `follow_symlinks` (the inbox never follows one). The limits of `pipeline.limits` are
    checked before the parser opens the file; an error of a parser that is not an InputError is one too
    (a damaged file of its kind), the original kept as its cause. This reads in the calling process;
    files from the inbox are read by `pipeline.child_reader`, in a process with a memory limit.
    """
    try:
        document = open_document(path, options, ocr, follow_symlinks)
    except MemoryError as exc:
        raise InputError.because(path, FailureReason.FAILED, detail="not enough memory to read it") from exc
    return with_text(document)


def open_document(path: Path, options: Options, ocr=None, follow_symlinks: bool = True,
                  pdf_pages: Callable[[int], range] | None = None) -> DocumentText:
    """`read_document` but for its last check (that some text was found), and a MemoryError left as it is;
    of a PDF only the pages `pdf_pages` picks given its page count (`PdfParser.parse`), when given."""
    path = Path(path)
    try:
        info = os.stat(path, follow_symlinks=follow_symlinks)
        kind = not_regular(info.st_mode)
        if kind is not None:
            raise InputError.because(path, FailureReason.NOT_REGULAR, kind=kind)
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except FileNotFoundError as exc:
        raise InputError.because(path, FailureReason.NOT_FOUND) from exc
    except OSError as exc:
        raise InputError.because(path, FailureReason.UNREADABLE, detail=exc.strerror or exc) from exc
    if info.st_size == 0:
        raise InputError.because(path, FailureReason.EMPTY)
    parser = choose_parser(path, head)
    limits.check(path, parser.name, options)
    parse = partial(parser.parse, pages=pdf_pages) if pdf_pages and parser.name == "pdf" else parser.parse
    try:
        if ocr is None and parser.name in OCR_PARSERS:
            with PrivateOcrPool(options) as pool:
                return parse(path, options, pool)
        return parse(path, options, ocr)
    except (InputError, MemoryError):
        raise
    except Exception as exc:
        raise damaged(path, parser.name, exc) from exc


def damaged(path: Path, parser_name: str, exc: BaseException) -> InputError:
    """The InputError for an error a parser of this kind raised on the file (a damaged file of its kind)."""
    reason = _DAMAGED.get(parser_name, FailureReason.FAILED)
    return InputError.because(path, reason, detail=f"{type(exc).__name__}: {exc}".rstrip(": "))


def with_text(document: DocumentText) -> DocumentText:
    """The document, or InputError when no page holds any text."""
    if not any(line.strip() for line in document.lines):
        raise InputError.because(document.source, FailureReason.NO_TEXT)
    return document


_DAMAGED = {"pdf": FailureReason.DAMAGED_PDF, "docx": FailureReason.DAMAGED_WORD, "doc": FailureReason.DAMAGED_WORD,
            "image": FailureReason.DAMAGED_IMAGE}

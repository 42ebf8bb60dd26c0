"""The interface every parser (PDF, Word, plain text, image) implements."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from models.document import DocumentText
from pipeline.options import Options

if TYPE_CHECKING:
    from pipeline.ocr import OcrPool


class Parser(Protocol):
    name: str

    def accepts(self, path: Path, head: bytes) -> bool:
        """Whether this parser reads the file, judged by its first bytes (magic) and then its suffix."""
        ...

    def parse(self, path: Path, options: Options, ocr: "OcrPool") -> DocumentText:
        """The document's text, page by page; raises pipeline.errors.InputError when it cannot."""
        ...

"""Plain text files: UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy Vietnamese 8-bit text."""
from __future__ import annotations

import codecs
from pathlib import Path

from models.document import PLAIN, DocumentText, PageText
from pipeline import legacy
from pipeline.errors import InputError
from pipeline.options import Options


def decode_bytes(data: bytes) -> str:
    """Text from bytes by BOM, then UTF-8, then cp1252 (where TCVN3/VNI files land)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def decode_lines(lines: list[str]) -> list[str]:
    """Lines in Unicode NFC: legacy encodings converted, broken font maps repaired, blank lines dropped."""
    encoding = legacy.detect_encoding("\n".join(lines))
    return [line for line in (" ".join(legacy.decode(raw, encoding).split()) for raw in lines) if line]


class TextParser:
    name = "text"

    def accepts(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() == ".txt"

    def parse(self, path: Path, options: Options, ocr=None) -> DocumentText:
        try:
            text = decode_bytes(path.read_bytes())
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read text file ({exc})") from exc
        lines = decode_lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        return DocumentText(path, [PageText(1, lines, PLAIN, route="plain text file")])

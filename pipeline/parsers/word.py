"""Word files: .docx through python-docx, Word 97 .doc through antiword.

Offices lay the two-column header (issuer | quốc hiệu) and footer (Nơi nhận |
signature) out as borderless two-column tables, or with tabs and spaces. Both
come out the way `pipeline.layout` reads a page: a two-column table as its left
cells' lines (LEFT), then its right cells' lines (RIGHT); tab-aligned text through
`placed_lines` on character positions. Tables of three or more columns are
read row by row, one line per row with its cells joined by " | " (ACROSS). Text in legacy TCVN3/VNI fonts is converted to Unicode.
"""
from __future__ import annotations

import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path

from models.document import ACROSS, LEFT, RIGHT, WORD, DocumentText, PageText
from models.document import Word as PositionedWord
from pipeline import legacy
from pipeline.errors import InputError
from pipeline.layout import placed_lines
from pipeline.options import Options
from pipeline.parsers.text import decode_lines

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 (and other OLE2 compound files)
ZIP_MAGIC = b"PK\x03\x04"
# Line width asked of antiword: wide enough that header rows do not wrap, and
# the scale against which column gaps are measured.
ANTIWORD_LINE_WIDTH = 150
ANTIWORD_TIMEOUT = 60


def _two_column_lines(rows: list[list[list[str]]]) -> list[tuple[str, str]]:
    """A table's lines and where each stood: two columns as left column (LEFT) then right column (RIGHT), wider
    tables row by row (ACROSS).

    Each cell is the list of its lines.
    """
    width = max((len(r) for r in rows), default=0)
    if width == 2:
        return [(line, side) for column, side in ((0, LEFT), (1, RIGHT))
                for row in rows if len(row) > column for line in row[column]]
    return [(" | ".join(" ".join(cell) for cell in row), ACROSS) for row in rows]


# --- .docx -------------------------------------------------------------------

class DocxParser:
    name = "docx"

    def accepts(self, path: Path, head: bytes) -> bool:
        """A zip whose first entries name the word/ part (as Word and LibreOffice write them), or a .docx name."""
        return (head.startswith(ZIP_MAGIC) and b"word/" in head) or path.suffix.lower() == ".docx"

    def parse(self, path: Path, options: Options, ocr=None) -> DocumentText:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(str(path))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise InputError(path, f"corrupt Word document ({exc})") from exc
        body = document.element.body
        encoding = legacy.detect_encoding(" ".join(body.itertext()))
        placed = [(line, column) for line, column in _block_lines(body, encoding) if line]
        return DocumentText(path, [PageText(1, [line for line, _ in placed], WORD, route="Word document (python-docx)",
                                            columns=[column for _, column in placed])])


def _block_lines(container, encoding: str) -> list[tuple[str, str]]:
    """Lines of paragraphs and tables in document order, tables read column by column, and where each stood."""
    from docx.oxml.ns import qn

    lines: list[tuple[str, str]] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            lines.extend((line, ACROSS) for line in _paragraph_lines(child, encoding))
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr in child.iterchildren(qn("w:tr")):
                rows.append([[line for line, _ in _block_lines(tc, encoding)] for tc in tr.iterchildren(qn("w:tc"))])
            lines.extend(_two_column_lines(rows))
    return lines


def _paragraph_lines(p, encoding: str) -> list[str]:
    """A paragraph's text in Unicode, split at manual line breaks; runs in an ABC "H" font read as capitals."""
    from docx.oxml.ns import qn

    parts: list[str] = []
    for run in p.iter(qn("w:r")):
        fonts = run.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        font = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) or "" if fonts is not None else ""
        for node in run.iterchildren():
            if node.tag == qn("w:t"):
                parts.append(legacy.decode(node.text or "", encoding, legacy.is_capitals_font(font)))
            elif node.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
            elif node.tag == qn("w:tab"):
                parts.append("\t")
    return [" ".join(line.split()) for line in "".join(parts).split("\n")]


# --- .doc (Word 97) ------------------------------------------------------------

class DocParser:
    name = "doc"

    def accepts(self, path: Path, head: bytes) -> bool:
        return head.startswith(OLE_MAGIC) or path.suffix.lower() == ".doc"

    def parse(self, path: Path, options: Options, ocr=None) -> DocumentText:
        try:
            run = subprocess.run(
                ["antiword", "-w", str(ANTIWORD_LINE_WIDTH), "-m", "UTF-8.txt", str(path)],
                capture_output=True, timeout=ANTIWORD_TIMEOUT, check=False,
            )
        except FileNotFoundError as exc:
            raise InputError(path, "cannot read .doc: antiword is not installed") from exc
        except subprocess.TimeoutExpired as exc:
            raise InputError(path, "cannot read .doc: antiword timed out") from exc
        if run.returncode != 0:
            reason = run.stderr.decode("utf-8", "replace").strip().splitlines()
            raise InputError(path, f"not a readable Word 97 document ({reason[-1] if reason else 'antiword failed'})")
        text = unicodedata.normalize("NFC", run.stdout.decode("utf-8", "replace"))
        placed = antiword_lines(text)
        return DocumentText(path, [PageText(1, decode_lines([line for line, _ in placed]), WORD,
                                            route="Word 97 document (antiword)",
                                            columns=[column for _, column in placed])])


def antiword_lines(text: str) -> list[tuple[str, str]]:
    """Reading order of antiword's text output, and where each line stood (a line decoding to nothing drops the
    columns: `PageText.placed_columns`).

    antiword prints a table row that fits as "|cell|cell|"; a row whose cells
    hold several paragraphs comes out cell after cell, the cells ended by "|" —
    already in column order, so such a line is only cut at its bars. Other lines
    keep their tab/space alignment and go through `placed_lines` on character
    columns, which takes a tab-aligned two-column header or footer apart.
    """
    out: list[tuple[str, str]] = []
    table: list[list[list[str]]] = []
    aligned: list[str] = []

    def flush() -> None:
        if table:
            out.extend(_two_column_lines(table))
            table.clear()
        if aligned:
            out.extend(_aligned_lines(aligned))
            aligned.clear()

    for raw in text.replace("\f", "\n").split("\n"):
        line = raw.expandtabs(8).rstrip()
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            if aligned:
                flush()
            cells = stripped[1:-1].split("|")
            if table and _continues(table[-1], cells):
                for lines, cell in zip(table[-1], cells):
                    lines.extend([cell.strip()] if cell.strip() else [])
            else:
                table.append([[c.strip()] if c.strip() else [] for c in cells])
        elif "|" in stripped:
            flush()
            out.extend((" ".join(part.split()), ACROSS) for part in stripped.split("|"))
        else:
            if table:
                flush()
            aligned.append(line)
    flush()
    return [(line, column) for line, column in out if line]


def _continues(above: list[list[str]], cells: list[str]) -> bool:
    """Whether a table line only carries on the row above: antiword wraps a cell's text at its column's width
    onto the next line, the row's other cells blank there ("Chỉ tiêu kết nạp năm 2024 (đoàn" / "viên)"). So
    some cell is blank, and each filled one holds a first word that would not have fit after the cell above
    (a row of its own with a blank serial, "| | Tổng cộng | 937 |", is not one)."""
    filled = [(k, c.strip()) for k, c in enumerate(cells) if c.strip()]
    if len(above) != len(cells) or not filled or len(filled) == len(cells):
        return False
    return all(above[k] and len(above[k][-1]) + 1 + len(text.split()[0]) > len(cells[k]) for k, text in filled)


def _aligned_lines(lines: list[str]) -> list[tuple[str, str]]:
    words = []
    for row, line in enumerate(lines):
        for match in re.finditer(r"\S+", line):
            words.append(PositionedWord(match.group(0), match.start(), row, match.end(), row + 0.8))
    return list(zip(*placed_lines(words, ANTIWORD_LINE_WIDTH)))

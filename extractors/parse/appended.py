"""Where one document ends and appended matter begins, in a file's cleaned lines.

A file may hold more than the dispatch: a second document (another quy chế, a
form to fill in) with its own header after the first one's signing block, each
with its quốc hiệu; or an appendix ("PHỤ LỤC", "BIỂU MẪU", "MẪU SỐ 01") headed in
capitals after it, or any heading over "(Kèm theo Quyết định số …)" (the list of those
a quyết định awards). The gold rules annotate the first (main) document only, so
the extractors read the lines up to the end of its signing block.
"""
from __future__ import annotations

import re

from extractors.parse.marks import NOI_NHAN, QUOC_HIEU, authority_match, person_name
from extractors.vntext import fold_same_length

# A second header is looked for past the first lines of the file.
_FIRST_HEADER_LINES = 8
# How far above the second quốc hiệu the first document's signer's name may stand.
_NAME_REACH = 8


def _is_quoc_hieu_line(line: str) -> bool:
    """A line that is the quốc hiệu and little else, in capitals (not a body sentence citing the State)."""
    m = QUOC_HIEU.search(fold_same_length(line))
    return bool(m) and line.isupper() and m.end() - m.start() >= 0.6 * len(line.strip())


# An appendix's heading, in capitals on a line of its own: "PHỤ LỤC", "PHỤ LỤC I", "BIỂU MẪU", "MẪU SỐ 01"
_APPENDIX_HEADING = re.compile(r"^\W*(?:phu luc|bieu mau|mau(?: so)?)(?:\s+(?:[ivx]+|\d{1,2}[a-z]?))?\W*$")


# The line under an attachment's heading that says what it is attached to (Nghị định 30/2020/NĐ-CP, Phụ lục I):
# "(Kèm theo Quyết định số 74/QĐ-LĐLĐ ngày 20/12/2021 của …)", "(Ban hành kèm theo Kế hoạch số …)".
_ATTACHED = re.compile(r"^\W*\(\s*(?:ban hanh\s+)?kem theo\b")


def _is_appendix_heading(line: str) -> bool:
    return line.isupper() and bool(_APPENDIX_HEADING.match(fold_same_length(line)))


def split_appended(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the main document's lines, the appended documents' lines)."""
    signed = False
    for k, line in enumerate(lines):
        if k >= _FIRST_HEADER_LINES and signed and _is_quoc_hieu_line(line):
            return lines[:_cut(lines, k)], lines[_cut(lines, k):]
        if k >= _FIRST_HEADER_LINES and signed and _is_appendix_heading(line):
            return lines[:k], lines[k:]
        if k >= _FIRST_HEADER_LINES and signed and _ATTACHED.match(fold_same_length(line)):
            start = k - 1 if k > 0 and lines[k - 1].isupper() and not authority_match(lines[k - 1]) else k
            return lines[:start], lines[start:]  # "DANH SÁCH …" / "(Kèm theo Quyết định số 74/QĐ-LĐLĐ …)"
        if NOI_NHAN.match(fold_same_length(line)) or authority_match(line):
            signed = True
    return lines, []


def _cut(lines: list[str], k: int) -> int:
    """Where the appended document starts, its quốc hiệu being line `k`: after the signer's name above it,
    else at the run of upper-case lines (its agency names) right above the quốc hiệu."""
    for i in range(k - 1, max(-1, k - 1 - _NAME_REACH), -1):
        if person_name(lines[i]):
            return i + 1
    start = k
    while start > 0 and k - start < 3 and lines[start - 1].isupper() and not authority_match(lines[start - 1]):
        start -= 1
    return start

"""Line cleaning, applied once before every extractor.

The parsers hand over reading-order lines, but text layers and OCR leave marks
that are not part of the dispatch: markdown emphasis, e-signature stamps,
"(Đã ký)", page numbers, running headers repeated on every page, table rules.
Where the layout stage could not take the two header or footer columns apart,
one line still holds both ("UBND HUYỆN X   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
"Nơi nhận:   TM. BAN THƯỜNG VỤ"); such lines are split into their pieces, so
every extractor sees one column's text per line. The pieces are not re-ordered:
the header and footer extractors classify lines, they do not rely on order
across columns. The marks it recognises (quốc hiệu, "Nơi nhận", …) are those
of extractors.parse.marks.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from extractors.lexicon import TITLE_WORDS
from extractors.parse.marks import (AUTHORITY, BODY_OPENER, DANG_CSVN, DATE_WORDS, KINH_GUI, NATIONAL_ORGANISATION, NOI_NHAN,
                                    PLACE_DATE, QUOC_HIEU, TIEU_NGU, authority_match)
from extractors.vntext import fold_same_length, nfc, squash
from models.document import ACROSS, UNPLACED

# --- cleaning ----------------------------------------------------------------------

SIGNED_MARK = re.compile(
    r"\(\s*(?:da\s*ky|ky\s*ten|ky\s*,|ky\s*va|ky\s*so|ky\s*,?\s*ghi|chu\s*ky)[^()]{0,40}\)"
)
# "Đã ký" alone on a line, where the signature was (published copies print it with or without brackets; a
# wrapped sentence's "đã ký" is in lower case)
_SIGNED_ALONE = re.compile(r"^\W*(?:Đã\s*ký|ĐÃ\s*KÝ)\W*$")
_STAMP_LINE = re.compile(r"^\W*(ky\s*boi|thoi\s*gian\s*ky|nguoi\s*ky|signed\s*by)\b")
_STAMP_DETAIL = re.compile(r"^\W*(email|co\s*quan|chuc\s*vu|to\s*chuc)\s*:")
_SIGN_TIMESTAMP = re.compile(r"^\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?\s*([+-]\d{2}:?\d{2})?$")
# a page number: "2", "- 2 -", "2/5" at a page's top or bottom; "Trang 2" anywhere
_PAGE_NUMBER = re.compile(r"^[-–—(\[]*\s*\d{1,3}\s*(?:/\s*\d{1,3})?\s*[-–—)\]]*$")
_PAGE_LABEL = re.compile(r"^(?:trang\s*\d{1,3}(?:\s*/\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—])$")
_GAP = re.compile(r"\s{3,}|\t+|\s*\|\s*")


_STRAY_MARK = re.compile(r"\*{1,2}([a-zà-ỹđ]{1,4})\*{1,2}(?=\W|$)")  # OCR'd seal fragments set in italics: "*son*"
_EMPHASIS = re.compile(r"\*\*|(?<=\S)\*(?=\W|$)|(?:(?<=\s)|^)\*(?=\S)")


def strip_markdown(line: str) -> str:
    """Drop markdown emphasis and stray *xx* marks; keep a "* " bullet."""
    line = _STRAY_MARK.sub("", line)
    bullet = re.match(r"^(\s*)\*+\s+", line.replace("**", "")) if line.lstrip().startswith("*") else None
    body = _EMPHASIS.sub("", line)
    if bullet and not body.lstrip().startswith("*"):
        body = "* " + body.lstrip()
    return body.rstrip()


# OCR's specks before a line's first word: "_Nơi nhận:", "_' trên địa bàn", "_— ~ Chủ tịch …". Only a run
# holding a mark no line starts with (_ ' ` ~ | ›) is junk; a dash inside it was the item's bullet.
_LEAD_JUNK = re.compile(r"^(?=[^\w“\"(]*[_'`~|‘’¦›‹ˆ])[\s_'`~|‘’¦›‹ˆ^¨:.,—–-]+(?=[^\W_])")


def strip_lead_junk(line: str) -> str:
    """The line without OCR junk before its first word (a bullet in the junk is kept as "- "), a bullet read
    twice ("- - Công đoàn …") once, and without specks after its closing mark ("… Phú Lâm; . -")."""
    line = _TRAIL_SPECKS.sub("", _TRAIL_JUNK.sub(r"\1\2", _STRAY_STOP.sub("", _DOUBLE_BULLET.sub("- ", line))))
    m = _LEAD_JUNK.match(line)
    if not m:
        return line
    return ("- " if re.search(r"[-–—]", m.group()) else "") + line[m.end():]


# A list item's bullet read twice; a stray full stop before a line's first word.
_DOUBLE_BULLET = re.compile(r"^\s*[-–—](?:\s*[-–—])+\s*(?=[^\W\d_])")
_STRAY_STOP = re.compile(r"^\s*\.\s+(?=[^\W\d_]|[-–]\s)")
# After a line's closing ";" or ",", specks only ("ˆ _", ". -"); a dash there is the next item's bullet, wrapped
# ("… Việt Hưng; -" / "Ban Giám đốc …"), and stays.
_TRAIL_JUNK = re.compile(r"([;,])[\s._ˆ~'`|¦:]*[._ˆ~'`|¦][\s._ˆ~'`|¦:]*(\s[-–])?$")
# Specks alone after a line's last word ("Yên Bái, ngày 14 tháng ˆ", "ĐOÀN TNCS HỒ CHÍ MINH _"): marks no
# Vietnamese text ends a line with, standing apart from the word.
_TRAIL_SPECKS = re.compile(r"(?<=\w)\s+[ˆ~`¦‹›_|][\sˆ~`¦‹›_|.:]*$")


def _is_noise(line: str) -> bool:
    f = fold_same_length(line.strip())
    if not f:
        return True
    if _PAGE_LABEL.match(f):
        return True
    if not re.search(r"[^\W_]", f):  # rules, underlines, lone punctuation
        return True
    if re.fullmatch(r"[à-ỹ]", line.strip()) and line.strip() not in _LONE_WORDS:  # a marked letter alone: "ẳ"
        return True
    return bool(_STAMP_LINE.match(f) or _SIGNED_ALONE.match(line.strip()))


def _drop_signature_stamps(lines: list[str]) -> list[tuple[int, str]]:
    """Remove e-signature stamp blocks: "Ký bởi: …", "Email: …", "Cơ quan: …", "Thời gian ký: …",
    and a signer-organisation line directly above a bare signing timestamp. The kept lines with their indexes."""
    keep = [True] * len(lines)
    stamp_rows = [i for i, l in enumerate(lines) if _STAMP_LINE.match(fold_same_length(l.strip()))]
    for i in stamp_rows:
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            if _STAMP_DETAIL.match(fold_same_length(lines[j].strip())):
                keep[j] = False
    lines = list(lines)
    for i, l in enumerate(lines):
        if _SIGN_TIMESTAMP.match(l.strip()) and i > 0:
            prev = lines[i - 1].strip()
            # the stamp's organisation line, unless it is part of the signing block itself
            if prev and not authority_match(prev) and not prev.isupper():
                cut = _STAMP_ORG_TAIL.search(prev)
                if cut and re.match(r"^\s*[-–+•]", prev):
                    lines[i - 1] = prev[: cut.start() + 1]  # "- Lãnh đạo Sở. Sở Giáo dục và Đào tạo"
                else:
                    keep[i - 1] = False
    return [(i, l) for i, (l, k) in enumerate(zip(lines, keep)) if k]


# the stamp's organisation name run onto the end of a Nơi nhận item
_STAMP_ORG_TAIL = re.compile(r"[.;]\s+[A-ZĐÀ-Ỹ][^.;]{3,60}$")


# Running headers and footers are looked for in documents of at least this many pages: in two
# pages a repeat is as likely content (two documents in one file signed by the same person).
RUNNING_PAGES = 3


def _running_lines(pages: Sequence[Sequence[str]]) -> set[str]:
    """Lines printed at the top or bottom of most pages, two of them in a row (running headers/footers);
    a line at the foot of pages 1 and 3 only is the same signer closing two documents, and a table's header
    row repeated where the table goes on to the next page is the table's ("TT | Chỉ tiêu | Năm 2025")."""
    if len(pages) < RUNNING_PAGES:
        return set()
    seen: dict[str, list[int]] = {}
    for number, page in enumerate(pages):
        body = [squash(l) for l in page if squash(l)]
        for edge in set(body[:2] + body[-2:]):
            if len(edge) >= 8 and " | " not in edge:
                seen.setdefault(edge, []).append(number)
    need = max(2, (len(pages) + 1) // 2)
    return {line for line, on in seen.items()
            if len(on) >= need and any(b - a == 1 for a, b in zip(on, on[1:]))}


# --- splitting lines that still hold two columns ---------------------------------


def _place_start(text: str, comma: int) -> int:
    """Index where the địa danh before ", ngày" starts: the run of capitalised words
    (with a leading "TP." / "thành phố" / "thị xã") that ends at `comma`."""
    words = list(re.finditer(r"\S+", text[:comma]))
    start = comma
    for w in reversed(words):
        token = w.group()
        if token[:1].isupper() or re.fullmatch(r"(?i)(tp|tx|tt|q|h)\.?", token):
            start = w.start()
            continue
        if fold_same_length(token) in ("thanh", "pho", "thi", "xa", "tran"):
            start = w.start()
            continue
        break
    # a "thành phố"/"thị xã" fragment is part of the place only before a capitalised word
    return start


# "Số:" (or OCR's "Sô", "S6", "Số.") after an agency name in capitals on the same line:
# "LĐLĐ TỈNH HÀ NAM Số:.96/QĐ-LĐLĐ" is two lines of the left column glued together.
_NUMBER_AFTER_AGENCY = re.compile(r"(?<=[A-ZĐÀ-Ỹ])\s+(?=S[ỐốÔôOo06]\s*[:.;]|S[ỐốÔô]\s+[\d/])")


def split_right_column(line: str) -> list[str]:
    """Split a header line where a right-column mark (quốc hiệu, tiêu ngữ, place–date)
    follows left-column text on the same line, or where "Số:" follows an agency name."""
    f = fold_same_length(line)
    cuts = []
    m = _NUMBER_AFTER_AGENCY.search(line)
    if m and line[: m.start()].isupper():
        cuts.append(m.end())
    for pattern in (QUOC_HIEU, DANG_CSVN, TIEU_NGU) + ((NATIONAL_ORGANISATION,) if line.isupper() else ()):
        m = pattern.search(f)
        if m and m.start() > 0 and line[: m.start()].strip():
            cuts.append(m.start())
    m = PLACE_DATE.search(f)
    if m and DATE_WORDS.search(f, m.start()):
        start = _place_start(line, m.start())
        if start > 0 and line[:start].strip():
            cuts.append(start)
    if not cuts:
        return [line]
    cut = min(cuts)
    return [line[:cut].rstrip(" |"), *split_right_column(line[cut:])]


_ITEM_END = re.compile(r"[;.,]\s+")


def _title_tail(line: str) -> int | None:
    """Start of a chức vụ ending a list item ("- Lưu: VT. PHÓ GIÁM ĐỐC", "- Như trên; chủ tịch"),
    printed all upper or all lower case (a Title-case tail is a name, not a chức vụ)."""
    for m in _ITEM_END.finditer(line):
        tail = line[m.end():]
        words = tail.split()
        if (2 <= len(words) <= 8 and (tail.isupper() or tail.islower())
                and TITLE_WORDS.match(fold_same_length(tail))):
            return m.end()
    return None


def split_footer_line(line: str) -> list[str]:
    """Split a footer line holding a Nơi nhận item and a signature-block line."""
    f = fold_same_length(line)
    m = NOI_NHAN.match(f)
    if m and line[m.end():].strip():
        rest = line[m.end():].strip()
        if not rest.startswith(("-", "+", "•")):
            return [line[: m.end()].strip(), *split_footer_line(rest)]
    if _signing_inside(line):
        am = next(m for m in AUTHORITY.finditer(f) if m.start() > 0 and line[m.start():].isupper())
        return [line[: am.start()].rstrip(), *split_footer_line(line[am.start():].strip())]
    t = _title_tail(line)
    if t is not None and line.lstrip().startswith(("-", "+", "•")):
        return [line[:t].rstrip(), line[t:].strip()]
    return [line]


_FIELD_HEAD = re.compile(r"^\W*(?:s[o06]\s*[:.]?\s*\d*|.*,\s*ngay\s*\d*)$")  # "Số:", "Số: 86", "X, ngày"
_FIELD_TAIL = re.compile(r"^(?:\d|/|thang\b)")


def _split_gaps(line: str) -> list[str]:
    """Pieces of a line between wide gaps, table rules or tabs; a field that a gap cut
    ("Số:   86   /CĐVC", "Lào Cai, ngày     tháng 01 năm 2024") is put back together."""
    pieces: list[str] = []
    for p in (p.strip() for p in _GAP.split(line)):
        if not p:
            continue
        if pieces and _FIELD_HEAD.match(fold_same_length(pieces[-1])) and _FIELD_TAIL.match(fold_same_length(p)):
            pieces[-1] = pieces[-1] + " " + p
        else:
            pieces.append(p)
    return pieces


def _signing_inside(line: str) -> bool:
    """A line that holds, after other text, an upper-case signing authority ("… TM. BAN CHẤP HÀNH")."""
    for m in AUTHORITY.finditer(fold_same_length(line)):
        rest = line[m.start():]
        if m.start() > 0 and rest.upper() == rest and len(rest.split()) >= 2:
            return True
    return False


def _two_column_bounds(lines: list[str]) -> tuple[int, int]:
    """(end of the lines where the header's two columns may share a line, start of the footer's), as line
    indices: generous bounds for splitting columns apart; the dispatch's own zones are found on the
    cleaned lines (extractors.parse.zones)."""
    head_end = min(len(lines), 24)
    for i, l in enumerate(lines[:24]):
        f = fold_same_length(squash(l))
        if KINH_GUI.match(f) or (i > 2 and BODY_OPENER.match(f) and len(squash(l)) > 40):
            head_end = i
            break
    foot = len(lines)
    for i in range(len(lines) - 1, max(0, len(lines) - 80) - 1, -1):
        f = fold_same_length(lines[i].strip())
        if NOI_NHAN.match(f) or authority_match(lines[i].strip()) or _signing_inside(lines[i]):
            foot = i
    foot = max(0, foot - 2)
    return min(head_end, foot), foot


# Letters OCR and some fonts give for Vietnamese ones: the Icelandic eth (U+00D0/U+00F0) for Đ/đ.
_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})
# Tesseract may give one Đ twice, once as each ("CĐÐCS", "LĐÐLĐ"): a mixed pair is one letter
# (a printed "ĐĐ", as in "ĐĐBQH", is two of the same code point).
_DOUBLE_READ = re.compile("\u0110\u00d0|\u00d0\u0110|\u0111\u00f0|\u00f0\u0111")


def _lookalikes(line: str) -> str:
    return _DOUBLE_READ.sub(lambda m: m.group().translate(_LOOKALIKES)[0], line).translate(_LOOKALIKES)


def clean_pages(pages: Iterable[Sequence[str]]) -> list[str]:
    """The document's cleaned lines: NFC, no markdown, stamps, page numbers, running
    headers, "(Đã ký)" or blank lines, two-column lines split into their pieces."""
    pages = [list(page) for page in pages]
    return clean_placed(pages, [[UNPLACED] * len(page) for page in pages])[0]


def clean_placed(pages: Sequence[Sequence[str]], columns: Sequence[Sequence[str]]) -> tuple[list[str], list[str]]:
    """`clean_pages`, and the column each cleaned line stood in (`models.document.ACROSS`, LEFT, RIGHT or
    UNPLACED): a line's pieces stand where it stood, a line split into pieces here ACROSS (which piece stood
    where, the parser could not tell)."""
    pages = [[_lookalikes(nfc(l).replace("\u00a0", " ")) for l in p] for p in pages]
    running = _running_lines(pages)
    lines: list[str] = []
    placed: list[str] = []
    for page, page_columns in zip(pages, columns):
        kept = []
        for raw, column in zip(page, page_columns):
            line = strip_lead_junk(strip_markdown(raw).strip().strip("|").rstrip())
            line = _SPACED_THOUSANDS.sub(".", _space_after_enumerator(_enumerator_read(_remove_signed_marks(line))))
            line = _DECIMAL_READ_AS_SEMICOLON.sub(",", _SPECK_AFTER_NUMBER.sub("", _MID_SPECK.sub(" ", line)))
            line = _DOT_BEFORE_DATE.sub("ngày ", _STRAY_MID_STOP.sub(_drop_stray_stop, line))
            line = _SPECK_BEFORE_DAY.sub(", ", line)
            if squash(line) in running or _is_noise(line):
                continue
            kept.append((line, column))
        for edge in (-1, 0):
            if kept and _PAGE_NUMBER.match(kept[edge][0].strip()):
                kept.pop(edge)
        lines.extend(line for line, _ in kept)
        placed.extend(column for _, column in kept)
    kept = [(line, placed[i]) for i, line in _drop_signature_stamps(lines) if not _SIGN_TIMESTAMP.match(line.strip())]
    head_end, foot_start = _two_column_bounds([line for line, _ in kept])
    out: list[tuple[str, str]] = []
    for i, (line, column) in enumerate(kept):
        if i >= foot_start:
            pieces = [q for p in _split_gaps(line) for q in split_footer_line(p)]
        elif i < head_end:
            pieces = [q for p in _split_gaps(line) for q in split_right_column(p)]
        else:
            pieces = [line]
        pieces = [squash(p) for p in pieces if not _is_noise(p)]
        out.extend((p, column if len(pieces) == 1 or column == UNPLACED else ACROSS) for p in pieces)
    out = _rejoin_salutation(out)
    return [line for line, _ in out], [column for _, column in out]


# A heading's enumerator with the space after it lost ("I.CÁC CĂN CỨ", "2.Mục tiêu"): a Roman or Arabic
# numeral, a dot, a capital. "1.000" (a digit follows) and "TP.HCM" (no numeral) are left alone.
_GLUED_ENUMERATOR = re.compile(r"^(\W{0,2}(?:[IVX]{1,5}|\d{1,2})\.)(?=[^\W\d_])")


# OCR's marks on a section's number: a dash before it ("-2. Thời gian", "- III. CHỈ TIÊU": no bullet stands
# before a number) and a Roman "III" read "HI" or "IH" before a heading in capitals ("HI. CHỈ TIÊU").
_DASH_BEFORE_ENUMERATOR = re.compile(r"^\s*[-–—]\s*(?=(?:[IVX]{1,5}|HI|IH|\d{1,2})\.(?![\d.]))")
_MISREAD_THREE = re.compile(r"^(?:HI|IH)(?=\.\s*[A-ZĐÀ-Ỹ]{2,})")


def _enumerator_read(line: str) -> str:
    return _MISREAD_THREE.sub("III", _DASH_BEFORE_ENUMERATOR.sub("", line))


def _space_after_enumerator(line: str) -> str:
    m = _GLUED_ENUMERATOR.match(line)
    return f"{m.group(1)} {line[m.end():]}" if m and line[m.end()].isupper() else line


# OCR's specks standing alone between two words ("ít › nhất"): marks no Vietnamese text uses so ("|" divides
# a table's cells, "'" may be a name's: "H' Nhí").
_MID_SPECK = re.compile(r"(?<=\w)\s+[›‹`~¦ˆ]+\s+(?=\w)")
# ...and a lone marked letter between a number and the word it counts ("1.200 ẳ người lao động", or the count
# wrapped: "ẳ người" opening a line): no such letter is a word but these ("ở" at, "ý kiến", "ô tô", "ổ dịch", "đ")
_LONE_WORDS = "ởýôổđ"
_SPECK_AFTER_NUMBER = re.compile(rf"(?:(?<=\d)\s+|^)(?![{_LONE_WORDS}]\s)[à-ỹ](?=\s+[^\W\d_]{{2}})")
# A full stop standing alone between two words, the next in lower case ("Vòng . sơ khảo"): a speck, no sentence
# ends so; and one glued to "ngày" before its date ("ngày. 14/10/2022").
_STRAY_MID_STOP = re.compile(r"(?<=\w) \. (?=\w)")
_DOT_BEFORE_DATE = re.compile(r"(?<!\w)ngày\.\s+(?=\d{1,2}\s*/\s*\d{1,2})")
# ...and a speck between a place's comma and its "ngày" ("Thuận Châu,:ngày 09 tháng 10 năm 2024")
_SPECK_BEFORE_DAY = re.compile(r",\s*[:;.'`ˆ~]+\s*(?=ngày\s)")


def _drop_stray_stop(m: re.Match[str]) -> str:
    return " " if m.string[m.end()].islower() else m.group()


# A decimal comma OCR read as ";" between digits, before a unit: "giảm ít nhất 1;5%".
_DECIMAL_READ_AS_SEMICOLON = re.compile(r"(?<=\d);(?=\d+\s*%)")
# A thousands dot a text layer set apart from its digits ("1 . 000", printed from plain text with spaces
# around every mark): no other reading has a lone dot between a digit and three digits.
_SPACED_THOUSANDS = re.compile(r"(?<=\d) \. (?=\d{3}\b)")

_KINH_ALONE = re.compile(r"^\W*k[i1]nh\s*$")
_GUI_OPENS = re.compile(r"^\W*g[uo][i1]\b\s*:?")
# How many lines of the other header column may stand between "Kính" and its "gửi:".
_SALUTATION_REACH = 6


def _rejoin_salutation(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"Kính gửi:" split by a two-column header ("Kính" read with the left column, the quốc hiệu and
    date between, then "gửi: …"): one line again, where "gửi" stood, above its addressees."""
    for i, (line, _) in enumerate(lines):
        if _KINH_ALONE.match(fold_same_length(line)):
            for j in range(i + 1, min(len(lines), i + 1 + _SALUTATION_REACH)):
                if _GUI_OPENS.match(fold_same_length(lines[j][0])):
                    joined = (f"{line.strip()} {lines[j][0].strip()}", lines[j][1])
                    return lines[:i] + lines[i + 1: j] + [joined] + lines[j + 1:]
    return lines


def _remove_signed_marks(line: str) -> str:
    """Remove "(Đã ký)", "(ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)" wherever they stand."""
    f = fold_same_length(line)
    spans = [m.span() for m in SIGNED_MARK.finditer(f)]
    for a, b in reversed(spans):
        line = line[:a] + " " + line[b:]
    return line


def clean_lines(lines: Iterable[str]) -> list[str]:
    """`clean_pages` for text that comes as one page."""
    return clean_pages([list(lines)])

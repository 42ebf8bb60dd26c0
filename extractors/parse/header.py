"""The header of a dispatch (Nghị định 30/2020/NĐ-CP, Điều 8 and Phụ lục I):

    left column                          right column
    TÊN CƠ QUAN CHỦ QUẢN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TÊN CƠ QUAN BAN HÀNH                 Độc lập - Tự do - Hạnh phúc
    Số: 25/KH-PGD&ĐT                     Hiệp Hoà, ngày 30 tháng 10 năm 2020
    V/v trích yếu (a công văn)
                    TÊN LOẠI
                    Trích yếu nội dung

The cleaned lines hold each column's pieces on their own lines, but not always
in column order, so every field is found by what its line looks like: the
"Số" line, the place–date line, upper-case agency lines above "Số", a "V/v"
line or a tên loại title line.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from extractors.lexicon import DOCUMENT_KINDS, KIND_QUALIFIERS, VERB_KINDS
from extractors.parse.marks import (BODY_OPENER, DANG_CSVN, DATE_WORDS, KINH_GUI, PLACE_DATE, QUOC_HIEU, TIEU_NGU,
    is_header_mark, opens_body)
from extractors.vntext import fold, fold_same_length, iso_date, squash

HEADER_SPAN = 30  # the header lies within the first lines of page one

# "Số: 25/KH-PGD&ĐT", "Sô: 30 /CĐGD", "S6 01/KH", "Số: /TTr-CĐCS", "Số 45-KH/TU", a lone "Số:".
# "Số" is followed by a colon, the number, the slash or nothing: folded "sơ kết", "số lượng" are words, not it.
# The number may trail dots or an underscore where it was typed into a blank ("Số: 25_ /KH").
# OCR may double the colon's punctuation ("Số:.96") or read a blank number's dash ("Số: — /TTr-CĐCS").
_SO = re.compile(r"^\W{0,3}(?:s[o06]|5[o0])(?![a-z])\s*(?:[:.;][:.,]?|(?=\d|/|$))\s*(?:[—–-]+\s*(?=/))?"
                 r"(?P<num>\d{1,6}[a-z]?)?\s*"
                 r"(?:(?<=\d)_+\s*|(?<!\d)[.…_]+\s*)?(?P<rest>.*)$")
_NUMBER_TAIL = re.compile(r"\s+(\d{1,3})\s*(?=/)")  # the rest of a number OCR split before its "/"
_SYMBOL = re.compile(r"^/\s*(?P<sym>[^\s,;|]+(?:(?:\s*[-–]\s*|(?<=[-–])\s+)[^\s,;|]+)*)")  # ("PĐ- CĐTCT")
# "45-KH/TU", the Party's and Đoàn's number–symbol; OCR reads the hyphen as a colon or dot too ("42:KH/ĐTN")
_PARTY_SYMBOL = re.compile(r"^(?:[-–]|[:.](?=\s*[^\W\d_]))\s*(?P<sym>[^\s,;|/]+/[^\s,;|]+)")
# Nghị định 30's mixed-case abbreviations of a tên loại (Tờ trình, Chương trình, Quy định) read with the
# hyphen before the issuer's abbreviation lost: "TTrCĐCS" is "TTr-CĐCS".
_LOST_HYPHEN = re.compile(r"^(TTr|CTr|QyĐ)(?=[A-ZĐ])")
# "V/v", "V/V", OCR's "V/w", "V.v", the slash read as a letter before a lower-case word ("VWw phúc đáp",
# "Vlv tổ chức"), and the second v lost ("V/ triển khai")
_VV = re.compile(r"^[\W_]{0,3}[vy]\s*(?:(?:[/.|][^\w\s]?|[wl1i](?=[vw]\s+[a-z]))\s*[vwy]\b\s*[:.]?|/(?=\s+[a-z]))\s*")
_VE_VIEC = re.compile(r"^\W{0,2}ve\s+viec\b\s*[:.]?\s*")
_WEB_DATE = re.compile(r"^\W*ngay\s*(?:dang|ban\s*hanh|xuat\s*ban|cap\s*nhat)\s*:?\s*(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})")

# Tên loại (Nghị định 30, Điều 7, and the kinds unions and Party bodies use), folded → as printed.
DOC_TYPES = {key: kind.name for kind in DOCUMENT_KINDS if kind.heads for key in (fold(kind.name), *kind.spellings)}
_VERB_TYPES = {fold(name) for name in VERB_KINDS}
_TYPE_BY_KEY = {key.replace(" ", ""): key for key in DOC_TYPES}
# OCR may join the words of a tên loại ("GIẤYMỜI"): spaces between them are optional.
_TYPE_RE = re.compile(
    r"^\W{0,3}(?P<t>" + "|".join(k.replace(" ", r"\s*") for k in sorted(DOC_TYPES, key=len, reverse=True))
    + r")\b(?:\s+(?P<q>" + "|".join(q.replace(" ", r"\s+") for q in KIND_QUALIFIERS) + r")\b)?(?!\s*(?:so|:))")


def _doc_type(line: str, t: re.Match[str]) -> tuple[str, int]:
    """The tên loại a `_TYPE_RE` match names, capitalised as a word, and where it ends in `line`;
    a qualifier counts when it is printed in capitals like the type."""
    name = DOC_TYPES[_TYPE_BY_KEY[re.sub(r"\s+", "", t.group("t"))]]
    if t.group("q") and _is_upper(line[t.start("q"):t.end("q")]):
        return name + " " + squash(line[t.start("q"):t.end("q")]).lower(), t.end("q")
    return name, t.end("t")

# Words an agency name starts with: a line that starts otherwise continues the line above.
_AGENCY_HEAD = re.compile(
    r"^(uy ban|ubnd|hdnd|ubmt|mat tran|hoi dong|so |phong |ban |cong doan|lien doan|ldld|tong |truong |bo |"
    r"cuc |vu |hoi |dang |dang uy|tinh uy|thanh uy|huyen uy|quan uy|thi uy|chi bo|doan |cdcs|cdn|cd |"
    r"trung tam|vien |cong ty|chi cuc|thanh tra|van phong|dai hoc|hoc vien|tap doan|benh vien|kho bac|"
    r"chi nhanh|ngan hang|lien hiep|hiep hoi|cau lac bo|nha |phan hieu|khoa |bch|ban chap hanh|"
    r"cong an|bo chi huy|hoc vien|dai su quan|toa an|vien kiem sat|kiem toan|bao hiem|cong doan)"
)
# An agency line that ends on a connector, or on "cơ sở" (a "công đoàn cơ sở" is named by the unit
# it belongs to: "CÔNG ĐOÀN CƠ SỞ" / "CÔNG TY TNHH …"), goes on to the next upper-case line.
_CONTINUES = re.compile(r"(\bva|&|-|,|\bco so)$")


@dataclass
class Header:
    number: str | None = None
    symbol: str | None = None
    date: str | None = None
    place: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    doc_type: str | None = None
    subject: str | None = None
    number_at: int | None = None  # the "Số" line's index
    end: int = 0  # the index of the first line after the header and its tên loại–trích yếu block


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _is_upper(text: str) -> bool:
    return _upper_ratio(text) >= 0.8


def find_number(lines: list[str], skip: set[int] = frozenset()) -> tuple[str | None, str | None, int | None]:
    """(number, symbol, line index) of the "Số: N/SYMBOL" line; the symbol may sit on the next line."""
    for i, line in enumerate(lines[:HEADER_SPAN]):
        if i in skip:
            continue
        f = fold_same_length(line)
        m = _SO.match(f)
        if not m:
            continue
        if not m.group("num") and not m.group("rest").strip() and i + 1 < len(lines):
            # "Số" and "25 /KH-SGDĐT" split apart by a wide gap
            joined = line.rstrip() + " " + lines[i + 1].strip()
            joined_m = _SO.match(fold_same_length(joined))
            if joined_m:  # (a bare "50" or "So" before a line of words is no number line's start)
                line, m = joined, joined_m
        rest_at = m.start("rest")
        rest = line[rest_at:].strip()
        number = line[m.start("num"): m.end("num")] if m.group("num") else None
        split = _NUMBER_TAIL.match(line, m.end("num")) if number else None
        if split:  # "Số: 21 7/THPTNTD-VP": OCR broke the number with a space
            number, rest = number + split.group(1), line[split.end():].strip()
        if not rest and i + 1 < len(lines) and lines[i + 1].lstrip().startswith("/"):
            rest = lines[i + 1].strip()
        sym = _SYMBOL.match(rest) or (_PARTY_SYMBOL.match(rest) if number else None)
        if sym:
            symbol = re.sub(r"\s+", "", sym.group("sym")).strip(".:|")
            if "-" not in symbol:  # with a hyphen elsewhere, "CTrPH-HĐTN" is a code the office coined
                symbol = _LOST_HYPHEN.sub(r"\1-", symbol)
            symbol = re.sub(r"[-_]*_[-_]*$", "", symbol)  # the blank's underline OCR read after it ("KH-CĐ-__")
            if any(c.isupper() for c in symbol):
                if number is None and i + 1 < len(lines) and re.fullmatch(r"\d{1,6}", lines[i + 1].strip()):
                    number = lines[i + 1].strip()  # OCR read the number's row below the symbol
                return number, symbol, i
        elif number and not rest and not re.search(r"[.:]\s*$", line) and m.group(0).count(":") <= 1:
            # "Số: 25" whose symbol was lost; only when nothing else follows on the line
            return number, None, i
    return None, None, None


# lower-case words inside a địa danh: "Thành phố Hồ Chí Minh", "thị xã", "thị trấn"
_PLACE_WORDS = frozenset(("pho", "xa", "tran", "thi"))


def _place_head(line: str, whole: bool = False) -> bool:
    """A line holding only the first word(s) of a địa danh cut from its ", ngày …" line
    ("Thái" / "Bình, ngày …", "Thành phố Hồ" / "Chí Minh, ngày …"), or, `whole`, all of it,
    which may end in a number ("Phường 9" / ", ngày …", "Quận 1")."""
    words = line.split()
    return 1 <= len(words) <= 4 and words[0][:1].isupper() and all(
        w.isalpha() and (w[:1].isupper() and w[1:].islower() or fold_same_length(w) in _PLACE_WORDS)
        or (whole and k > 0 and w.isdigit()) for k, w in enumerate(words))


# the year of a place–date line that wrapped onto a line of its own, often to the left margin
# under the other column ("Tân An, ngày 31 tháng 05" … "năm 2024"; "… tháng 9 năm" … "2021")
_WRAPPED_YEAR = re.compile(r"^\W*(?:nam\s*)?(?P<y>(?:19|20)\d\d)\b")
_YEAR_REACH = 3  # lines before or after the place–date line its wrapped year may stand on


# The place–date line with its comma read as a semicolon by OCR ("Thường Nga; ngày 14 …"): a short place only,
# so that a clause of the body ("…; ngày 14 tháng 11 …") is not taken for it. 
_PLACE_DATE_MISREAD = re.compile(r"^[^;,]{2,40}(;)\s*ngay\s*\d")


def _place_date_cut(folded: str) -> int | None:
    """Where the place ends on a place–date line (its comma, or the semicolon OCR read for it), or None."""
    pd = PLACE_DATE.search(folded)
    if pd:
        return pd.start()
    misread = _PLACE_DATE_MISREAD.match(folded)
    return misread.start(1) if misread else None


def find_date_place(lines: list[str]) -> tuple[str | None, str | None, int | None]:
    """(ISO date, place, line index) of the place–date line ("Hiệp Hoà, ngày 30 tháng 10 năm 2020")."""
    for i, line in enumerate(lines[:HEADER_SPAN]):
        f = fold_same_length(line)
        cut = _place_date_cut(f)
        bare = re.match(r"^\W*ngay\s*(\d{1,2}|[\s.…_]+th)", f) and len(line) < 45
        if cut is None and not bare:
            continue
        text, ftext = line, f
        if not DATE_WORDS.search(ftext) and i + 1 < len(lines):  # the line wraps before "tháng … năm"
            text = line + " " + lines[i + 1]
            ftext = fold_same_length(text)
        d = DATE_WORDS.search(ftext)
        if not d:
            d = _date_with_wrapped_year(lines, i) or _date_with_the_titles_year(lines, i)
            if not d:
                continue
            text, ftext = line, f
        date = iso_date(d.group("y"), d.group("m"), d.group("d"))
        place = None
        if cut is not None:
            place = squash(text[:cut]).strip(" |.,-:") or None
            if place and len(place.split()) <= 2 and i > 0 and _place_head(lines[i - 1]):
                place = squash(lines[i - 1]) + " " + place  # the địa danh wrapped: "Thái" / "Bình, ngày …"
            if place is None and line.lstrip().startswith(",") and i > 0 and _place_head(lines[i - 1], whole=True):
                place = squash(lines[i - 1]).strip(" ,")  # wrapped before its comma: "Phường 9" / ", ngày …"
        return date, place, i
    for line in lines[:HEADER_SPAN]:
        m = _WEB_DATE.match(fold_same_length(line))
        if m:
            return iso_date(m.group("y"), m.group("m"), m.group("d")), None, None
    return None, None, None


def _completed(line: str, year: str) -> re.Match[str] | None:
    """The date of a place–date line whose year is missing, with `year` put in its place."""
    f = fold_same_length(line).rstrip(" .,")
    return DATE_WORDS.search(f"{f if f.endswith('nam') else f + ' nam'} {year}")


def _date_with_wrapped_year(lines: list[str], i: int) -> re.Match[str] | None:
    """The date of place–date line `i` completed by a year that wrapped onto a nearby line of its own."""
    for k in [*range(i + 1, i + 1 + _YEAR_REACH), *range(i - 1, i - 1 - _YEAR_REACH, -1)]:
        if 0 <= k < len(lines):
            y = _WRAPPED_YEAR.match(fold_same_length(lines[k]))
            if y:
                return _completed(lines[i], y.group("y"))
    return None


# The period a title names, below the place–date line: "NĂM HỌC 2021 - 2022", "… năm 2024"
_SCHOOL_YEAR = re.compile(r"\bnam hoc\s*((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
_TITLE_YEAR = re.compile(r"\bnam\s+((?:19|20)\d\d)\b")
_TITLE_REACH = 4
_SCHOOL_YEAR_STARTS = 8  # a school year runs from August (or September) to the next summer


def _date_with_the_titles_year(lines: list[str], i: int) -> re.Match[str] | None:
    """The date of place–date line `i` whose year is blank or was lost ("ngày 20 tháng 9 năm"), completed by
    the year of the period its title names: the school year's first year for a month from August, its
    second before; the title's "năm YYYY"."""
    month = re.search(r"thang\s*(\d{1,2})\s*(?:nam)?$", fold_same_length(lines[i]).rstrip(" .,"))
    if not month:
        return None
    for line in lines[i + 1: i + 1 + _TITLE_REACH]:
        title = fold_same_length(line)
        school = _SCHOOL_YEAR.search(title)
        if school:
            return _completed(lines[i], school.group(1 if int(month.group(1)) >= _SCHOOL_YEAR_STARTS else 2))
        year = _TITLE_YEAR.search(title)
        if year:
            return _completed(lines[i], year.group(1))
    return None


# a piece of the quốc hiệu that OCR or a narrow cell cut off: "NGHĨA VIỆT NAM", "VIỆT NAM"
_QH_FRAGMENT = re.compile(r"^(?:(?:xa\s+)?(?:hoi\s+)?(?:chu\s+)?nghia\s+)?viet\s*nam$|^cong\s*hoa(\s+xa(\s+hoi(\s+chu)?)?)?$")


# Marks no agency name holds: what OCR makes of a seal or a signature beside the header ("“UZT").
_NOT_IN_A_NAME = re.compile(r"[“”\"‘’«»<>*#@$%^~]")


def _agency_candidates(lines: list[str], stop: int, skip: set[int]) -> list[str]:
    out = []
    for i, line in enumerate(lines[:stop]):
        if i in skip or is_header_mark(line) or _TYPE_RE.match(fold_same_length(line)):
            continue
        f = fold_same_length(line).strip(" .-|")
        if _QH_FRAGMENT.match(f) or not _is_upper(line) or len(f) < 2 or _NOT_IN_A_NAME.search(line):
            continue
        if DANG_CSVN.search(f) or QUOC_HIEU.search(f) or TIEU_NGU.search(f):
            continue
        out.append(squash(line).strip(" |-"))
    return out


def find_issuer(lines: list[str], stop: int, skip: set[int] = frozenset()) -> tuple[str | None, str | None]:
    """(issuer, parent_issuer): the last agency named above "Số", and the one above it."""
    agencies: list[str] = []
    for line in _agency_candidates(lines, stop, skip):
        f = fold_same_length(line)
        if agencies and (not _AGENCY_HEAD.match(f) or _CONTINUES.search(fold_same_length(agencies[-1]))):
            agencies[-1] = agencies[-1] + " " + line
        else:
            agencies.append(line)
    if not agencies:
        return None, None
    return agencies[-1], (agencies[-2] if len(agencies) > 1 else None)


_CONNECTOR_END = re.compile(r"(\b(va|cua|ve|trong|cho|tai|voi|den|cac|nhung|giai doan|nam|thang|hoc|nhiem ky|"
                            r"tren|theo|nham|de|o|tu)|[,\-–&;:])$")


_NUMBERED = re.compile(r"^\W*(?:[ivx]+|\d+(?:\.\d+)*|[a-d])\s*[./)]\s")  # "1. Mục đích", "I. ", "a) "
_STRONG_OPENER = re.compile(r"^\W*(can cu|hom nay|vao hoi|thi hanh|dieu \d)")


def _is_other_part(line: str, type_ends: bool = True) -> bool:
    """A line of another header part: where a wrapped "V/v" or title ends for sure. A tên loại in
    capitals starts another part unless `type_ends` is False (the first line under a title, which may
    open with a type word: "KẾ HOẠCH" / "PHÁT ĐỘNG ĐỢT THI ĐUA …")."""
    f = fold_same_length(line)
    return bool(KINH_GUI.match(f) or is_header_mark(line) or _SO.match(f) or _NUMBERED.match(f)
                or type_ends and _TYPE_RE.match(f) and _is_upper(line))


def _starts_body(line: str) -> bool:
    """A line the body surely starts with: "Kính gửi", "Căn cứ …", "Thực hiện …", a numbered heading."""
    f = fold_same_length(line)
    return bool(KINH_GUI.match(f) or _NUMBERED.match(f) or opens_body(line))


def _continues(line: str) -> bool:
    """Starts the way a wrapped line of a trích yếu does: lower case, bracket, digit, dash."""
    first = line.lstrip()[:1]
    return first.islower() or first in "(–-[\"“" or first.isdigit()


def _full_width(lines: list[str]) -> int:
    """The length of a full (justified) line of the document's text: its 80th percentile."""
    lengths = sorted(len(l) for l in lines if len(l) > 20)
    return lengths[int(len(lengths) * 0.8)] if lengths else 0


def _open_quote(text: str) -> bool:
    """A quotation or bracket opened and not yet closed: the title runs on to close it."""
    return text.count("“") > text.count("”") or text.count("(") > text.count(")") or text.count('"') % 2 == 1


# The period a title is for, on a short line of its own under it: "Năm học 2019 - 2020", "Giai đoạn
# 2021-2025", "Nhiệm kỳ 2023 - 2028", "Học kỳ II", "Năm 2024"
_TITLE_PERIOD = re.compile(r"^\W*(?:nam hoc|nam|giai doan|nhiem ky|hoc ky|hoc ki|quy|dot)\s+(?:\d|[ivx]+\b)")
_TITLE_PERIOD_WORDS = 8


def _title_period(line: str) -> bool:
    """A line naming the title's period and nothing else (a body sentence "Năm 2023, toàn tỉnh …" goes on)."""
    return (bool(_TITLE_PERIOD.match(fold_same_length(line))) and len(line.split()) <= _TITLE_PERIOD_WORDS
            and not re.search(r"[,;:.!?]\s*\S|[.:;!?]$", line.strip()))


def _follows_subject(parts: list[str], line: str, upper_title: bool, full_width: int,
                     next_line: str = "") -> bool:
    """Whether `line` continues a wrapped title whose lines so far are `parts`.

    A title under the tên loại is centred: its lines are shorter than the body's full lines and
    end without a sentence mark, and it ends where the body (Căn cứ, Thực hiện, Kính gửi, a
    numbered heading) begins. A wrapped line may start with a capital ("… của" / "Trường THPT …").
    """
    prev = parts[-1]
    # a line opening with a tên loại word ends the title, unless the body starts right under it
    # ("… CÁC MỤC TIÊU, NHIỆM VỤ" / "NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIII CỦA ĐẢNG" / "Thực hiện …")
    body_next = bool(next_line) and _starts_body(next_line)
    if _is_other_part(line, type_ends=not body_next) or len(line) > 160 or prev.rstrip().endswith((".", ":", ";")):
        return False
    if _STRONG_OPENER.match(fold_same_length(line)):
        return False  # "Căn cứ …" opens the body even under a quotation OCR left open ("“Tổ chức …")
    if _continues(line) or _open_quote(" ".join(parts)) or _title_period(line):
        return True
    if opens_body(line):
        return False
    if upper_title and _is_upper(line) or _CONNECTOR_END.search(fold_same_length(prev)):
        return True
    if (body_next and bool(full_width) and len(line) <= full_width
            and not re.search(r"[.:;!?]$", line.rstrip()) and (upper_title or not _is_upper(line))):
        # the title block's last line, the body starting right under it; a line in capitals under a
        # mixed-case title is another part (a Quyết định's "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN")
        return True
    # a short, unpunctuated line centred under a mixed-case title: its wrapped remainder
    return (not upper_title and not _is_upper(line) and bool(full_width) and len(line) < 0.8 * full_width
            and not re.search(r"[.:;!?]$", line.rstrip()))


_TITLE_RUN_LINES = 4  # a centred title wraps to at most this many more lines before the body


def _title_runs_to_body(lines: list[str], j: int, upper_title: bool, full_width: int, skip: set[int]) -> int | None:
    """Where the body starts when every line from `j` up to it is title-shaped — no longer than the text's
    full line, no sentence mark at its end, no other header part, no capitals under a mixed-case title —
    so the title's wrapped lines reach the body ("… của Ban Chấp" / "hành" / "Đảng bộ huyện về …" /
    "- 2025," / "định hướng đến năm 2030" / "Căn cứ …"); None otherwise."""
    for k in range(j, min(len(lines), j + _TITLE_RUN_LINES + 1)):
        line = lines[k].strip()
        if k in skip or not line:
            return None
        if _starts_body(line):
            return k if k > j else None
        if (_is_other_part(line) or not full_width or len(line) > full_width or re.search(r"[.:;!?]$", line)
                or not upper_title and _is_upper(line)):
            return None
    return None


def _bare_salutation(line: str) -> bool:
    """"Kính gửi:" alone on its line, its list below or beside it."""
    m = KINH_GUI.match(fold_same_length(line))
    return bool(m) and not line[m.end():].strip()


def _wrapped_word(line: str) -> bool:
    """A line that starts in lower case or with a digit: the rest of a wrapped line ("sinh", "năm 2024")."""
    first = line.lstrip()[:1]
    return bool(first) and (first.islower() or first.isdigit())


def _title_subject(lines: list[str], i: int, doc_type: str, rest: str,
                   skip: set[int]) -> tuple[str, str | None, int]:
    """(doc_type, subject, index of the line after them) for the tên loại title on line `i`,
    `rest` being what follows the tên loại on its own line: the subject is that and the lines under it."""
    parts = [rest] if rest else []
    j = i + 1
    upper_title = bool(rest) and _is_upper(rest)
    full_width = _full_width(lines)
    past_label = False
    while j < len(lines) and len(parts) < 6 and j not in skip:
        nxt = lines[j].strip()
        after = lines[j + 1].strip() if j + 1 < len(lines) and j + 1 not in skip else ""
        if parts and _bare_salutation(nxt) and _wrapped_word(after):
            past_label = True
            j += 1  # "Kính gửi:" read in among the title's lines (a label beside its list): the title goes on
            continue
        if past_label and not _wrapped_word(nxt):
            break  # past the label, only the title's wrapped words; its list starts here
        if parts:
            if not _follows_subject(parts, nxt, upper_title, full_width, after):
                end = _title_runs_to_body(lines, j, upper_title, full_width, skip)
                parts += [lines[k].strip() for k in range(j, end or j)]
                j = end or j
                break
        elif _is_other_part(nxt, type_ends=False) or _STRONG_OPENER.match(fold_same_length(nxt)) or len(nxt) > 200:
            break
        else:
            upper_title = _is_upper(nxt)
        parts.append(nxt)
        j += 1
    subject = squash(" ".join(parts)).rstrip(" .;:").lstrip(" _|~") or None  # (OCR's specks before it)
    return doc_type, subject, j


# A tên loại OCR misread ("KÉẺ HOẠCH" for "KẾ HOẠCH") is matched by its folded, space-free
# letters; the ratio is set so "CÔNG ĐOÀN" (0.80 to "công văn") is not a type.
_MISREAD_TYPE_RATIO = 0.85
_MISREAD_TYPE_WORDS = 4


def _misread_type(line: str) -> str | None:
    """The tên loại a short upper-case line standing alone is, read with an OCR error or two;
    None when no tên loại is that close or two are equally close."""
    if not _is_upper(line) or not 1 <= len(line.split()) <= _MISREAD_TYPE_WORDS:
        return None
    letters = re.sub(r"[^a-z]", "", fold_same_length(line))
    if not letters:
        return None
    scored = sorted(((difflib.SequenceMatcher(None, letters, key).ratio(), key) for key in _TYPE_BY_KEY),
                    reverse=True)
    (best, key), runner_up = scored[0], scored[1][0]
    if best < _MISREAD_TYPE_RATIO or best == runner_up:
        return None
    return DOC_TYPES[_TYPE_BY_KEY[key]]


def find_type_subject(lines: list[str], skip: set[int] = frozenset(),
                      after: int = -1) -> tuple[str | None, str | None, int | None]:
    """(doc_type, subject, index of the line after them) from a "V/v" line or a tên loại title;
    failing those, a tên loại OCR misread on a line of its own between line `after` (the end of
    the header) and the body."""
    limit = min(len(lines), HEADER_SPAN)
    for i in range(limit):
        if i in skip:
            continue
        line, f = lines[i], fold_same_length(lines[i])
        if KINH_GUI.match(f):
            break
        vv = _VV.match(f) or _VE_VIEC.match(f)
        if vv:
            subject, j = _vv_subject(lines, i, vv.end(), skip)
            return "Công văn", subject, j
        t = _TYPE_RE.match(f)
        if t and _is_upper(line[: t.end("t")]) and len(line) < 160:
            doc_type, end = _doc_type(line, t)
            rest = line[end:].strip(" :-–")
            if not re.search(r"\w", rest) or len(rest.split()) == 1 and rest[:1].islower() and len(rest) <= 4:
                rest = ""  # OCR's specks after the tên loại ("THÔNG BÁO.", "THÔNG BÁO sản"): the subject is below
            if _TYPE_BY_KEY[re.sub(r"\s+", "", t.group("t"))] in _VERB_TYPES and rest:
                rest = line[t.start("t"):].strip()
            doc_type, subject, j = _title_subject(lines, i, doc_type, rest, skip)
            if subject is None:  # "TỜ TRÌNH" over the quốc hiệu, its trích yếu on a "V/v" line below
                subject = _vv_below(lines, j, limit, skip)
            return doc_type, subject, j
    for i in range(after + 1, limit if after >= 0 else 0):
        line = lines[i].strip()
        if i in skip or KINH_GUI.match(fold_same_length(line)) or opens_body(line) or len(line) > 90:
            break
        doc_type = _misread_type(line)
        if doc_type:
            return _title_subject(lines, i, doc_type, "", skip)
    return None, None, None


def _vv_subject(lines: list[str], i: int, start: int, skip: set[int]) -> tuple[str | None, int]:
    """The trích yếu of the "V/v" line `i` (its text from `start`) with its wrapped lines, and the line after."""
    line = lines[i]
    parts = [line[start:].strip()]
    j = i + 1
    while j < len(lines) and len(parts) < 8 and j not in skip:
        nxt = lines[j]
        if (_is_other_part(nxt) or _is_upper(nxt) or len(nxt) > 90
                or parts[-1].endswith(".") and not parts[-1].endswith("..")
                or not _continues(nxt) and opens_body(nxt)):
            break
        parts.append(nxt.strip())
        j += 1
    return squash(" ".join(p for p in parts if p)).rstrip(" .;:") or None, j


def _vv_below(lines: list[str], start: int, limit: int, skip: set[int]) -> str | None:
    """The trích yếu of a "V/v" line between `start` and the body, if there is one."""
    for k in range(start, limit):
        f = fold_same_length(lines[k])
        if k in skip:
            continue
        if KINH_GUI.match(f) or opens_body(lines[k]):
            return None
        vv = _VV.match(f)
        if vv:
            return _vv_subject(lines, k, vv.end(), skip)[0]
    return None


# a web page's navigation and post details: "Trang chủ > Tin tức", "Ngày đăng: …", "Lượt xem: 87"
_BREADCRUMB = re.compile(r"\s(?:>|»|›|\||/)\s|^\W*(?:trang chu|home|tin tuc|trang nhat)\b")
_POST_DETAIL = re.compile(r"^\W*(?:ngay\s*(?:dang|dang tin|cap nhat|xuat ban|ban hanh)|luot xem|tac gia|nguon|"
                          r"chia se|in bai|cap nhat)\b")
_TITLE_WORDS = 6  # a post's title has at least this many words; a menu item ("Thi đua - Khen thưởng") fewer


def web_title(lines: list[str]) -> str | None:
    """The title of a web post (no administrative header): its first line of a title's length,
    past the site's navigation (breadcrumb, menu items split at "|") and the post's date and views."""
    for line in lines[:8]:
        text = line.strip()
        f = fold_same_length(text)
        if _BREADCRUMB.search(f) or _POST_DETAIL.match(f) or len(re.findall(r"[^\W\d_]+", text)) < _TITLE_WORDS:
            continue
        if len(text) > 250 or text.endswith((":", ".")):
            return None  # the body began: there is no title line
        return text
    return None


def extract_header(lines: list[str], stamp: set[int]) -> Header:
    """The header's fields; `stamp` holds the lines of the incoming stamp, which no field reads."""
    number, symbol, so_at = find_number(lines, stamp)
    date, place, date_at = find_date_place(lines)
    header_end = max((k for k in (so_at, date_at) if k is not None), default=-1)
    doc_type, subject, type_end = find_type_subject(lines, stamp, header_end)
    stops = [k for k in (so_at,) if k is not None]
    if not stops:
        # without a "Số" line the agency block ends where the title, V/v or body begins
        for i, line in enumerate(lines[:HEADER_SPAN]):
            f = fold_same_length(line)
            if _VV.match(f) or _TYPE_RE.match(f) or KINH_GUI.match(f) or BODY_OPENER.match(f) or len(line) > 90:
                stops.append(i)
                break
    stop = stops[0] if stops else 0
    issuer, parent = find_issuer(lines, stop, stamp)
    if subject is None and doc_type is None and so_at is None and date_at is None and issuer is None:
        subject = web_title(lines)
    return Header(number=number, symbol=symbol, date=date, place=place, issuer=issuer, parent_issuer=parent,
                  doc_type=doc_type, subject=subject, number_at=so_at,
                  end=max(header_end + 1, type_end or 0))

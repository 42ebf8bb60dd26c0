"""The marks by which a dispatch's parts are recognised (Nghị định 30/2020/NĐ-CP): quốc hiệu, tiêu ngữ,
the place–date line, signing authorities, "Nơi nhận", "Kính gửi", body openers, list bullets and the
signer's typed name. Patterns are written for folded (diacritic-blind) text, so that OCR's lost or
wrong diacritics still match; `fold_same_length` keeps offsets so a match cuts the printed text.
"""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import NAME_PREFIXES, OFFICES, SURNAMES, TITLE_FIRST_WORDS, TITLE_WORDS
from extractors.vntext import fold_same_length, squash

QUOC_HIEU = re.compile(r"c[o0]ng\s*h[o0]a\s*x[a]\s*h[o0]i\s*ch[u]\s*ngh[i1]a(\s*v[i1]e[t]\s*n[a]m)?")
DANG_CSVN = re.compile(r"dang\s*c[o0]ng\s*s[a]n\s*v[i1]e[t]\s*n[a]m")  # the Party's header mark
TIEU_NGU = re.compile(r"d[o0]c\s*l[a]p\s*[-–—.,]?\s*t[u]\s*d[o0]\s*[-–—.,]?\s*h[a]nh\s*ph[u]c")
# What OCR leaves in a date's blanks and beside its numbers: dots, dashes, commas, quotes
# ("tháng.12", "thắng,8", "ngày — tháng 6", "ngày …… tháng").
_DATE_JUNK = r"[\s./…_,:;'‘’`\-–—]*"
# ", ngày 30 tháng 10 năm 2020", "ngày12", "ngày   tháng 01 năm 2024", "ngày 18 / tháng 11 năm 2025"
DATE_WORDS = re.compile(
    rf"ng[a]y{_DATE_JUNK}(?P<d>\d{{1,2}})?{_DATE_JUNK}th[a]ng{_DATE_JUNK}(?P<m>\d{{1,2}})?{_DATE_JUNK}"
    r"n[a]m\s*(?P<y>(?:19|20)\d\d)"
)
# the "Địa danh, ngày … tháng … năm …" line: the comma before "ngày" is what sets it apart
PLACE_DATE = re.compile(rf",\s*ng[a]y\s*(?:\d{{1,2}}|{_DATE_JUNK}th[a]ng|{_DATE_JUNK}$)")
# Đoàn's own right-column mark, printed where other bodies print the quốc hiệu: a line of its own
DOAN_MARK = re.compile(r"^\W*doan\s*(?:tncs|thanh\s*nien\s*cong\s*san)\s*ho\s*chi\s*minh\W*$")
# A mass organisation's national name, printed there too: "HỘI CỰU CHIẾN BINH VIỆT NAM", "HỘI NÔNG DÂN VIỆT NAM",
# "MẶT TRẬN TỔ QUỐC VIỆT NAM" (its local bodies' names, on the left, do not end with "Việt Nam"; the quốc
# hiệu's "XÃ HỘI CHỦ NGHĨA VIỆT NAM" is none)
NATIONAL_ORGANISATION = re.compile(r"(?:(?<!xa )\bhoi(?:\s+[a-z]+){1,5}|\bmat\s*tran\s*to\s*quoc)\s+viet\s*nam\W*$")
# "TM.", "TM.BAN", "T/M", "KT.", "K/T", "TL.", "TUQ.", "Q." before the collective or the head's title
AUTHORITY = re.compile(r"(?<![\w/])(?P<a>t\s*/\s*m|t\.\s*m|k\s*/\s*t|t\s*/\s*l|tm|kt|tl|tuq|q(?=\s*\.))(?:\s*[./:,]\s*|\s+)(?=[^\W\d_])")
# OCR's specks before an authority marker ("ˆKT.", "'TM.", "‘KT ."); a bullet or bracket is no speck
# (the spacing modifier letters "ˆ ˇ ˘" count as \w but are specks too)
_AUTHORITY_JUNK = re.compile(r"(?:[^\w/\-–—+•*(\[]|[\u02b0-\u02ff])*")


def authority_match(line: str) -> re.Match[str] | None:
    """The authority marker that opens `line`, past any specks before it; positions are the line's."""
    f = fold_same_length(line)
    junk = _AUTHORITY_JUNK.match(f).end()
    return AUTHORITY.match(" " * junk + f[junk:], junk)


# "Nơi nhận:", also with its first letter misread by OCR ("éWơi nhận:", "Noi nhan"); not "Người nhận"
NOI_NHAN = re.compile(r"^\W*(?:n|[^\W\d_]{1,2}(?=[o0][i1]\s*nh[a]n\s*:))[o0][i1]\s*nh[a]n\s*:?")
KINH_GUI = re.compile(r"^\W*(?:dong\s+)?k[i1]nh\s*g[uo][i1]\b\s*:?")
# Sentence openers of the body (and of a Quyết định's preamble): where header material ends.
BODY_OPENER = re.compile(
    r"^\W*(can cu|thuc hien|theo |thi hanh|nham |huong ung|ve viec thuc hien|hom nay|vao hoi|"
    r"nam (?:19|20)\d\d la|trong (?:nam|thoi gian)|tiep tuc|qua |sau |nhan dip|chao mung|ngay \d|"
    r"(?:[ivx]+|\d+|[a-d])\s*[./)]\s|dieu \d)"
)


def opens_body(line: str) -> bool:
    """Whether a line starts a sentence of the body ("Căn cứ …", "Thực hiện …", "Để …").
    "Để" is told from "Đề" ("Đề nghị …", often a trích yếu) before folding."""
    return bool(BODY_OPENER.match(fold_same_length(line))) or line.lstrip().startswith("Để ")


def _whole(pattern: re.Pattern[str], folded: str) -> bool:
    """Whether `pattern` (anchored at the end) covers the whole line but for marks before it."""
    m = pattern.search(folded)
    return bool(m) and not re.search(r"\w", folded[: m.start()])


def is_header_mark(line: str) -> bool:
    """Quốc hiệu, tiêu ngữ, Đoàn's "ĐOÀN TNCS HỒ CHÍ MINH" or the place–date line: right-column header text."""
    f = fold_same_length(line)
    return bool(QUOC_HIEU.search(f) or DANG_CSVN.search(f) or TIEU_NGU.search(f)
                or ((DOAN_MARK.match(f) or _whole(NATIONAL_ORGANISATION, f)) and line.isupper())
                or (PLACE_DATE.search(f) and DATE_WORDS.search(f)))


# A list item's bullet: "- ", "+ ", "• ", "* " and the symbols word processors print.
BULLET = re.compile(r"^\s*(?:[-+•–—●○▪■□➢➤✓∙·]|\*+)\s*")


# what OCR leaves around a typed name: seal specks read as punctuation ("Nguyễn Thị Thu Hiền :")
_NAME_JUNK = " .,;:'`‘’_-|"
_SYLLABLE = re.compile(r"^[^\W\d_](?:[^\W\d_]{0,6}|['’][^\W\d_]{0,6})$")  # and "H'", "H'Yuh" of Ê Đê, Gia Rai names
_NOT_NAME_WORDS = frozenset("so phong ban truong cong uy hoi lien ngay thang nam noi kinh tong chu pho giam".split())




# A chức vụ of two words or more inside the line ("ĐOÀN BÍ THƯ": the end of a wrapped body and the title): no
# name. The chức vụ of the lexicon, matched as printed.
_OFFICE_FOLDS = frozenset(fold_same_length(o.lower()) for o in OFFICES)
_OFFICE_INSIDE = re.compile(r"\b(?:" + "|".join(re.escape(o.lower()) for o in OFFICES if " " in o) + r")\b")


def _unglued(text: str) -> str:
    """Two words of a name OCR glued together, apart: "Nguyễn Thị/Ngọc Hà", "Nguyễn ThịLan Anh"."""
    out = []
    for k, c in enumerate(text):
        before = text[k - 1] if k else ""
        after = text[k + 1] if k + 1 < len(text) else ""
        if c == "/" and before.isalpha() and after.isalpha():
            c = " "
        elif c.isupper() and before.islower():
            out.append(" ")
        out.append(c)
    return "".join(out)


def person_name(line: str) -> str | None:
    """The họ tên on a signing line, without an academic prefix, or None."""
    text = squash(line).strip(_NAME_JUNK)
    prefix = NAME_PREFIXES.match(fold_same_length(text))  # the same length: its end is the printed text's
    bare = text[prefix.end():] if prefix else text
    if not bare.isupper():
        bare = _unglued(bare)
    if is_person_name(bare):
        return bare
    mended = _L_MISREAD.sub("L", bare)  # "1ê Duy Định": OCR's "1" (or "|", "l") for a family name's L
    return mended if mended != bare and is_person_name(mended) else None


_L_MISREAD = re.compile(r"^[1|l](?=[a-zà-ỹ]{1,4}\s)")


def printed_as_title_word(word: str) -> bool:
    """Whether a word is printed, marks and all, as a chức vụ's first word ("Chủ", "TRƯỞNG"; not "Chu")."""
    return unicodedata.normalize("NFC", word.lower()) in TITLE_FIRST_WORDS


def _spelled_as_title(word: str) -> bool:
    """Whether a first word that folds to a title word is printed as one: "Trưởng", or without the marks
    that would tell ("TRUONG" read by OCR); "Trương" is a family name."""
    return printed_as_title_word(word) or fold_same_length(word.lower()) == unicodedata.normalize("NFC", word.lower())


def is_person_name(line: str) -> bool:
    """A Vietnamese personal name on a line of its own: 2–5 capitalised syllables,
    the first a family name ("Nguyễn Thị Thu Hà", "ĐẶNG ĐÌNH CHUNG")."""
    text = squash(line).strip(_NAME_JUNK)
    words = text.split()
    if not 2 <= len(words) <= 5 or not all(_SYLLABLE.match(w) for w in words):
        return False
    upper = text.isupper()
    if TITLE_WORDS.match(fold_same_length(text)) and _spelled_as_title(words[0]) or _OFFICE_INSIDE.search(text.lower()):
        return False
    if upper and (printed_as_title_word(words[0]) or fold_same_length(text.lower()) in _OFFICE_FOLDS):
        return False  # "CHỦ TIÊN", "TỔNG HỢP", "TRƯỚNG PHÒNG": a chức vụ (misread, or its wrapped end); "CHU",
        # "TỐNG", "TRƯƠNG" name people
    if not upper and not all(part[0].isupper() and part[1:] == part[1:].lower()
                             for w in words for part in re.split(r"['’]", w) if part):  # ("H'Yuh")
        return False
    first = fold_same_length(words[0])
    if first in SURNAMES:
        return True
    # an uncommon family name: accept a title-case name whose words are not office words
    return not upper and len(words) >= 3 and not any(fold_same_length(w) in _NOT_NAME_WORDS for w in words)

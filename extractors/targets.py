"""Quantified goals (chỉ tiêu) a document sets: "Phát triển trên 1.500 đoàn viên", "100% CĐCS ...".

A quantity is a target when the document sets it as a goal:

- in a goal section ("Chỉ tiêu", "Mục tiêu", "... phấn đấu"), every percentage and
  every count of something;
- elsewhere, a percentage unless the sentence reports, describes or spends
  ("đã đạt", "năm qua", "so với", "chiếm", "trích ... kinh phí"), and a count only
  in a sentence that states a goal ("phấn đấu", "chỉ tiêu", "tối thiểu", "ít nhất")
  or a threshold to reach ("đạt từ 95% kế hoạch trở lên": reports give exact
  figures, goals give thresholds);
- in a results section ("Kết quả", "Tình hình", "Đặc điểm"), only in a sentence
  that states a goal.

What is already achieved is never a goal, whatever the words around it: "đã",
"đạt được", or a year before the document's own ("Năm 2016, … hoàn thành 103%
kế hoạch"); "104% chỉ tiêu", "95% kế hoạch" name the base of a figure, not a goal.

One goal per clause: a sentence is cut at commas and semicolons, and only the
first quantity of a clause counts — later ones qualify its subject ("100% CĐCS
khu vực doanh nghiệp (từ 10 lao động trở lên)", "95% doanh nghiệp có từ 25 CNLĐ") —
unless the clause's predicate sets one of its own ("Tỷ lệ … tầm soát ít nhất 4 loại
bệnh … đạt 70%"). Quantities in brackets or quotes (scopes, programme names) are
skipped, and so are dates, times, durations, ages, anniversaries, ordinals, years,
document numbers, copies and ranges ("từ 15 đến 18 tuổi" says who). Money and ages
count only as what a goal reaches ("thu nhập bình quân đạt trên 6.500.000
đồng/người/tháng", "tuổi thọ bình quân đạt 75 tuổi"), never as what is spent.
"""
from __future__ import annotations

import re

from underthesea import pos_tag

from extractors.lexicon import AHEAD_CUES, GOAL_CUES, UNITS
from extractors.parse import GOAL, NEUTRAL, RESULT, Item
from extractors.vntext import fold, fold_same_length, parse_number, squash
from models.record import Target

_NUMBER = re.compile(r"(?<![\w/.,\-–&])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w])")
_MULTIPLIERS = {"trieu": 1e6, "nghin": 1e3, "ngan": 1e3, "ty": 1e9}
_RATIO_DENOMINATORS = {100, 1000, 10000, 100000}
_PER_NOUN = re.compile(r"[^\S\n]*/[^\S\n]*(\d{1,3}(?:\.\d{3})*|\d+)\b")  # "… cán bộ/100 đoàn viên"

# "104% chỉ tiêu", "95% kế hoạch năm", "vượt 6,8% so với mục tiêu đề ra", "4/12 đơn vị hoàn thành chỉ tiêu":
# the base a result is measured against, not a goal cue
_BASE = re.compile(r"(?:\d\s*%\s*|\bso voi\s+)(?:so voi\s+)?(?:chi tieu|ke hoach|muc tieu)"
                   r"|\d\s*/\s*\d+\s+(?:[^\W\d_]+\s+){1,3}hoan thanh(?:\s+vuot)?\s+chi tieu")
_COMPARATOR = r"(?:tu|tren|hon|it nhat|toi thieu|khong (?:qua|vuot qua|duoi|it hon|thap hon|nhieu hon)|toi da|duoi)"
# an attainment verb before the quantity: the clause's own predicate ("… đạt 70%", "nâng … lên 90%")
_ATTAIN = re.compile(rf"\b(?:dat|len)\s+(?:{_COMPARATOR}\s+)?$")
_REACHES = re.compile(rf"\bdat\s+(?:{_COMPARATOR}\s+)?$")  # "đạt 75 tuổi" (but "trẻ lên 6 tuổi" says who)
# A change set against a baseline, which in a section that looks ahead is a goal: "tăng 10% so với năm 2022"
_CHANGE_SET = re.compile(r"\b(?:tang|giam)\s+(?:\w+\s+){0,2}\d[\d.,]*\s*%[^;]{0,20}\bso voi\b")
# A bound or quota set on a count, which makes a goal of it wherever it stands (but in a section of results):
# "ít nhất 01 buổi tọa đàm", "tối thiểu 02 …", "không dưới 80%", "từ 30 sáng kiến trở lên", "mỗi tổ sản xuất có 01 …"
_AT_LEAST = r"(?:it nhat|toi thieu|khong duoi|khong it hon)"
_BOUND = re.compile(rf"\b{_AT_LEAST}\s+\d|\btu\s+\d[\d.,]*\s+(?:\w+\s+){{1,6}}tro len\b"
                    r"|\bmoi\b[^;,.]{1,40}?\bco\s+\d")
# a threshold to reach: "đạt từ 95% … trở lên", "đạt trên 90%", "đạt tối thiểu 90%"
_THRESHOLD = re.compile(rf"\bdat\s+{_COMPARATOR}\s+\d")
# what is already done: "đã", "đạt được" (as printed: folded "da" is also "đa dạng"); a goal word
# later in the sentence starts what is to be done ("…, phấn đấu năm 2024 đạt 85%")
_DONE = re.compile(r"(?<!\w)(?:đã|đạt được|mới đạt|chỉ đạt|mới có)(?!\w)")  # ("mới đạt 71%", "mới có 412/1.386": only so far)
_DONE_PLAIN = re.compile(r"\b(?:da|dat duoc)\b")
# A sentence that reports what is, or was done, even inside a goal section: the figures a plan recalls
# before setting its own ("Nhà trường hiện có 98 cán bộ …", "… toàn huyện đã trao 1.215 suất quà").
# A sentence that gives the state of things as of a date or now ("Tính đến ngày 31/7/2024, …", "Hiện nay Liên đoàn
# Lao động huyện quản lý 142 CĐCS"): results, wherever it stands.
_AS_OF = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?(?:tinh den|hien nay|hien tai)\b")
_REPORTED = re.compile(r"\b(?:hien co|hien nay co|nam qua|vua qua|ket qua|chiem)\b")
# a year the statement is dated by ("Năm 2016, …", "(năm 2024)"), not a base of comparison or a bound
# What stands before a year that dates a statement: nothing (the clause opens with it), a mark, or a word of
# time ("trong năm 2023", "đến hết năm 2024"); a year after a name belongs to the name ("Luật Công đoàn năm
# 2024", "Tháng Công nhân năm 2023").
_DATING_BEFORE = re.compile(r"(?:^|[,;:(]|\b(?:trong|het|cuoi|dau|giua|vao|tinh den|den nay|rieng))\W*$")
_STATED_YEAR = re.compile(r"(?<!so voi )(?<!so voi cung ky )(?<!so voi cuoi )(?<!so voi dau )(?<!tu )(?<!den )"
                          r"(?<!den het )(?<!den cuoi )\bnam\s+((?:19|20)\d\d)\b")
# Sentences that report a result, describe a composition or set a spending rate.
_NOT_A_GOAL = re.compile(
    r"\b(?:da dat|dat duoc|nam qua|vua qua|so voi|so cung ky|ket qua|chiem|trong do|ty trong|"
    r"kinh phi|trich|ngan sach|muc chi|hoc phi|le phi|lai suat|muc dong|muc ho tro|thue)\b"
)

# The word before a number that makes it an ordinal, a date part, a label or a reference.
_NOT_COUNT_BEFORE = {
    "so", "thu", "khoa", "dieu", "khoan", "muc", "chuong", "phan", "ngay", "thang", "nam", "quy",
    "khoi", "lop", "tang", "ky", "dot", "vong", "doan", "cap", "hang", "loai", "bac", "lan",
    "tuan", "gio", "phong", "to", "nhom", "diem", "xa", "phuong", "ap", "thon", "khu", "duong",
    "tuyen", "ban", "mau", "phu", "luc", "tiet", "hang", "cau", "bai", "trang", "nhiem",
}
# Of those, the ones another word folds to, with the one spelling that is the label: "tầng 3", but "tặng
# 300 suất quà" and "tăng 20 đoàn viên" count; "số 3", but "… công đoàn cơ sở 03" counts.
_NOT_COUNT_SPELLED = {"tang": "tầng", "so": "số"}
# A count that scopes who the goal is for, the goal set later in the clause: "công đoàn cơ sở có từ 100
# đoàn viên trở lên phấn đấu đạt bình quân 01 sáng kiến/50 đoàn viên", "… trở lên tổ chức ít nhất 01 …".
_SCOPE_BEFORE = re.compile(r"\bco\s+(?:tu|tren|duoi)\s+$")
# ...and a size, not a goal, before a range: "doanh nghiệp có từ 15 đến 18 lao động", "mỗi tổ từ 3 đến 5 thành viên"
_SIZE_BEFORE = re.compile(r"\b(?:co|gom|khoang|moi\s+\w+(?:\s+\w+)?)\s+tu\s*$")
_GOAL_LATER = re.compile(r"[^,;:]*?\b(?:phan dau|dat|it nhat|toi thieu|khong duoi)\b[^,;:\d]{0,30}\d")
# Units that make a number a time, a duration, an age or a copy count (money: see `_MONEY`).
# Words of time that count events when an event's name follows: "01 buổi tọa đàm", "02 đợt ra quân"
# (alone, "3 buổi", "2 đợt", they measure time or name a phase).
_EVENTS_COUNTED = {"buoi", "dot"}
# A second quantity coordinated with the first under one verb: "thành lập 12 tổ hợp tác và 03 hợp tác xã".
_ALSO = re.compile(r"\bva\s+(?:[^\W\d_]+\s+){0,2}$")  # (and its own verb: "xây mới 05 nhà và sửa chữa 03 nhà")
# ...or, after a share of units, what each is to do at least: "100% công đoàn cơ sở … tổ chức ít nhất 01 hoạt động"
_OWN_BOUND = re.compile(rf"\b{_AT_LEAST}\s*$")
_NOT_A_UNIT = {
    "nam", "thang", "ngay", "tuan", "gio", "phut", "giay", "quy", "buoi", "tuoi", "dot", "ky",
    "hoc ky", "ban", "trang", "km", "m", "cm", "h", "tieng", "lan thu",
    "nhiem ky", "khoa", "the ky", "thu", "so", "dem", "ngay dem", "nam hoc", "khoi",
    "chuong", "dieu", "khoan", "muc", "phan",
}
# Things counted whose first word alone would be a label or a time ("chương 3", "phần II", "khóa XII"):
# "01 chương trình", "300 phần quà", "02 khóa học".
_COUNTED_COMPOUNDS = {"chuong trinh", "phan qua", "phan thuong", "phan viec", "khoa hoc", "khoa tap", "so tiet",
                      "ban tin"}
# Words that end the noun phrase after a number: verbs, prepositions, conjunctions.
_UNIT_STOP = {
    "được", "có", "là", "tại", "cho", "của", "trong", "với", "về", "và", "hoặc", "để", "đạt", "đã",
    "sẽ", "phải", "trên", "dưới", "từ", "đến", "theo", "như", "nhằm", "khi", "mỗi", "mà", "thì",
    "ở", "bằng", "gồm", "do", "cần", "trở lên", "trở xuống", "thực hiện", "tham gia", "xếp loại",
    "đăng ký", "hoàn thành", "duy trì", "tổ chức", "phối hợp", "tiếp tục", "tăng", "giảm", "lên",
    "xuống", "hằng năm", "hàng năm", "mỗi năm", "tốt", "khác", "này", "đó", "nữa", "trở", "nhận",
}
_UNIT_STOP_FOLDED = {fold(w) for w in _UNIT_STOP}
_WAGE_DAYS = {"ngay luong", "ngay cong"}
_TIME_WORDS = {"nam", "thang", "ngay", "tuan", "quy", "nam hoc"}
# money as printed after the number (and its "triệu", "tỷ", "nghìn"): "đồng", "đồng/người/tháng", "VNĐ";
# not the words for people that start with the syllable "đồng" ("05 đồng chí", "đồng nghiệp", "đồng bào", "dòng họ")
_MONEY = re.compile(r"\s*(?:dong(?!\s+(?:chi|nghiep|bao|doi|huong|mon|ho)\b)|vnd|d)\b(?:\s*/\s*[a-z]+)*")
# what a goal earns or reaches in money, as opposed to what is spent, awarded or charged
_EARNED = re.compile(r"\b(?:dat|lam loi|thu nhap|doanh thu|loi nhuan|tiet kiem|nop ngan sach|gia tri|nguon luc)\b")
# money raised for a cause ("Kinh phí vận động Quỹ …", "ủng hộ", "đóng góp"): a goal whatever it is spent on
_RAISED = re.compile(r"\b(?:van dong|huy dong|ung ho|dong gop|thu kinh phi|thu hoi)\b")  # (and dues collected, debts recovered)
# A total to reach ("tổng trị giá không dưới 650 triệu đồng"), where one gift's value ("trị giá 500.000 đồng") is a norm
_TOTAL = re.compile(r"\btong (?:tri gia|gia tri|so tien)\b")
_SPENT = re.compile(r"\b(?:kinh phi|ho tro|chi phi|chi tra|muc chi|khen thuong|tien thuong|duoc thuong|"
                    r"giai (?:nhat|nhi|ba|khuyen khich)|tang qua|qua tang|mua|muc dong|hoc phi|le phi|tri gia)\b")
# "tăng 1,7 lần", "gấp 2 lần": a multiple
_MULTIPLE_BEFORE = re.compile(r"\b(?:tang|gap|tang gap|tang len)\s*$")

_UNIT_BY_FOLD = {fold(u): u for u in UNITS}


def _is_stop(token: str, plain: bool) -> bool:
    """A stop word; in text without diacritics (OCR lost them) compared without diacritics."""
    low = token.lower()
    return low in _UNIT_STOP or (plain and fold(low) in _UNIT_STOP_FOLDED)


def _mask(text: str) -> str:
    """Blank out bracketed and quoted stretches, keeping offsets."""
    def blank(m: re.Match) -> str:
        return " " * len(m.group(0))
    text = re.sub(r"\([^()]*\)", blank, text)
    return re.sub(r"[“\"][^”\"]*[”\"]", blank, text)


# Numerals written as words where a count is set ("có ít nhất một cơ sở y tế"): after a comparator or
# "có"/"đạt", not before a word that makes them no count ("một số", "một trong các"). "năm" (five) is left
# out: it is the word for a year. Matched as printed, since folding makes "sáu" (six) "sau" (after).
_SPELLED = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_SPELLED_COUNT = re.compile(
    rf"(\b(?:ít nhất|tối thiểu|tối đa|không quá|không dưới|có|đạt) )({'|'.join(_SPELLED)})"
    r"(?= (?!(?:trong|số|vài|cách|phần|chút|nửa|mình|lúc|khi|loạt|mặt|bộ phận)\b)\w)", re.I)


def _spelled_as_digits(text: str) -> str:
    """`text` with counts written as words turned into digits of the same length ("một" → "001")."""
    return _SPELLED_COUNT.sub(
        lambda m: m.group(1) + str(_SPELLED[m.group(2).lower()]).rjust(len(m.group(2)), "0"), text)


def _split(text: str, marks: str) -> list[str]:
    parts = re.split(rf"(?<=[{marks}])\s+(?=\S)", text)
    return [p for p in parts if p.strip()]


def _clauses(sentence: str) -> list[str]:
    """The sentence cut at commas and semicolons outside brackets and numbers."""
    masked = _mask(sentence)
    cuts = [m.end() for m in re.finditer(r"[;,](?!\d)\s*", masked)]
    bounds = [0] + cuts + [len(sentence)]
    return [sentence[a:b] for a, b in zip(bounds, bounds[1:]) if sentence[a:b].strip(" ,;")]


def _words_after(text: str, limit: int) -> list[str]:
    """Up to `limit` words of the noun phrase that starts `text`, stopping at verbs and function words."""
    head = re.match(r"\s*([^,;:.()“”\"!?]*)", text).group(1)
    plain = fold(head) == head.lower()
    words: list[str] = []
    for token, tag in pos_tag(" ".join(head.split()[:8])):
        if not re.search(r"\w", token) or _is_stop(token, plain) or len(words) >= limit:
            break
        # After the head noun, a one-syllable verb or adjective ("sự cố mất", "giáo viên dạy")
        # or a time word ("gấp 1,7 lần năm 2020") ends the phrase.
        if words and (fold(token) in _TIME_WORDS or (tag in ("V", "A") and " " not in token)):
            break
        words.append(token)
    return words


def _unit(after: str) -> str | None:
    """The counted noun as printed right after the number ("đoàn viên", "CĐCS", "cuộc giao lưu"), or the name
    in quotes counted there ("15 “Mái ấm Công đoàn”")."""
    quoted = re.match(r"\s*[“\"]([^”\"]{2,40})[”\"]", after)
    if quoted:
        return squash(quoted.group(1))
    return _with_diacritics(" ".join(_words_after(after, 2))) or None


def _with_diacritics(unit: str) -> str:
    """A unit whose diacritics OCR lost ("doan vien", "CDCS") or misread in a unit of two words or more
    ("đoàn viên cồng đoàn"), spelled as the documents print it; a unit not in the vocabulary stays as it is
    (and a one-word unit printed with marks: "hồ" is no "hộ")."""
    if not unit:
        return unit
    marked = fold(unit) != unit.lower()
    words = unit.split()
    for n in range(len(words), 0 if not marked else 1, -1):
        known = _UNIT_BY_FOLD.get(fold(" ".join(words[:n])))
        if known:
            return " ".join([known, *words[n:]])
    return unit


# Comparator words, first match wins: (where, folded pattern, comparator). "before" words end right
# before the number; "after" words ("trở lên") close the quantity they follow, so they are looked for
# only up to the next number ("100% CĐCS có từ 30 đoàn viên trở lên …": the 30 says which CĐCS,
# the 100% has no bound). Negated words come before the words they negate ("không dưới" is >=).
_COMPARATOR_WORDS = [
    ("before", r"\bdat va vuot(?:\s+chi tieu)?", ">="),  # "đạt và vượt chỉ tiêu 5 tỷ đồng": at least
    ("after", r"\bdat va vuot\b", ">="),  # "300 đoàn viên, đạt và vượt chỉ tiêu …"
    ("before", r"\bkhong\s+(?:duoi|it hon|thap hon)", ">="),
    ("before", r"\bkhong\s+(?:qua|vuot qua|nhieu hon|cao hon|lon hon|tren)", "<="),
    ("before", r"\b(?:it nhat|toi thieu)", ">="),
    ("before", r"\btoi da", "<="),
    ("after", r"\btro len\b", ">="),
    ("after", r"\btro xuong\b", "<="),
    ("before", r"\b(?:tren|hon|vuot)", ">"),
    ("before", r"\bduoi", "<"),
]


def _comparator(before: str, after: str) -> str:
    """The comparator of a quantity from the words around it (folded)."""
    near = {"before": before.rstrip(), "after": re.split(r"\d", after[:40], maxsplit=1)[0]}
    for where, pattern, comparator in _COMPARATOR_WORDS:
        if re.search(pattern + (r"\s*$" if where == "before" else ""), near[where]):
            return comparator
    if re.search(r"\btu\s*$", near["before"]) and not re.match(r"\s*\S*\s*(?:den|-|–)", after[:40]):
        return ">="  # "từ 5 CĐCS" (but "từ 15 đến 18" is a range)
    return "="


# A chỉ tiêu table's value cell: a number with a comparator word or sign before it and "%" or "trở lên"
# after it ("2.300", "≥ 90", "Trên 92", "Từ 95% trở lên").
_VALUE_CELL = re.compile(r"^\s*(?P<before>[^\d]{0,20}?)\s*(?P<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
                         r"\s*(?P<pct>%)?\s*(?P<after>tro len|tro xuong)?\s*$")
_SIGNS = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<"}
_CELL_COMPARATOR = re.compile(rf"(?:dat\s+)?{_COMPARATOR}")  # the words of a value cell before its number


def _column(*names: str) -> re.Pattern[str]:
    """A header column named by any of `names` (folded), OCR specks of one or two characters allowed between
    its words ("Chỉ TA tiêu", "Đơn vị KP tính": a seal or a broken rule read as letters)."""
    speck = r"(?:\s+\S{1,2})?\s+"
    return re.compile(r"\b(?:" + "|".join(speck.join(name.split()) for name in names) + r")\b")


# A table header's columns: the one a row's target is read from, results beside it, the unit's.
_GOAL_COLUMN = _column("chi tieu", "ke hoach", "muc tieu", "phan dau", "dang ky", "giao")
_RESULT_COLUMN = _column("ket qua", "thuc hien", "da dat", "uoc dat", "nam truoc")
_UNIT_COLUMN = _column("don vi tinh", "dvt")
_SERIAL_COLUMN = re.compile(r"s?tt|so tt|so thu tu")
_SHARE_COLUMN = _column("ty le", "so voi")  # "Tỷ lệ so với chỉ tiêu (%)": results measured against the goal


# What a header cell may hold of numbers: years, spans of months, dates ("Lao động chưa là đoàn viên (01/01/2024)").
_HEADER_DATES = re.compile(r"\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d\b|\b(?:19|20)\d\d\b|\b\d{1,2} thang\b")


def table_header(text: str) -> list[str] | None:
    """The cells of a table's header row (cells, no number but years, spans of months and dates: "Kết quả 6
    tháng"), else None."""
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) < 2 or any(re.search(r"\d", _HEADER_DATES.sub("", fold(c))) for c in cells):
        return None
    return cells


def _table_row_target(text: str, header: list[str] | None = None) -> Target | None:
    """The target of one row of a chỉ tiêu table (a row a line, cells joined by " | "): "what | value",
    "what | unit | value", or, under a header, the value of the column of goals ("Chỉ tiêu năm 2023",
    "Kế hoạch") beside results ("Kết quả năm 2022"), the unit from a "Đơn vị tính" column. The text is
    "what: value"."""
    cells = [c.strip() for c in text.split(" | ")]
    if not cells[0] or not re.search(r"[^\W\d_]", cells[0]):
        return None
    unit_at, unit_named = None, None
    if header is not None and len(cells) >= 2 and abs(len(header) - len(cells)) <= 1:
        # a row and its header aligned from the right: the body reads a row's serial cell apart ("1 | …"), OCR
        # may read it as a speck ("s ' | …")
        printed = header[len(header) - len(cells):] if len(header) > len(cells) else header
        cells = cells[len(cells) - len(printed):]
        names = [fold(h) for h in printed]
        if len(names) > 2 and _SERIAL_COLUMN.fullmatch(names[0]):
            printed, names, cells = printed[1:], names[1:], cells[1:]  # the serial cell, however OCR read it ("5B")
        if not cells[0] or not re.search(r"[^\W\d_]", cells[0]):
            return None
        goals = [i for i, h in enumerate(names) if i and _GOAL_COLUMN.search(h) and not _UNIT_COLUMN.search(h)
                 and not _SHARE_COLUMN.search(h)]
        value_at = goals[-1] if goals else len(cells) - 1
        if not goals and _RESULT_COLUMN.search(names[value_at]):
            return None  # a table of results
        units = [i for i, h in enumerate(names) if _UNIT_COLUMN.search(h)]
        unit_at = units[0] if units else None
        if unit_at is None and goals:  # the unit in the goal column's name: "Chỉ tiêu vận động (triệu đồng)"
            named = re.search(r"\(([^()]*[^\W\d_][^()]*)\)\s*$", printed[value_at])
            unit_named = named.group(1).strip() if named else None
    elif len(cells) == 2 or len(cells) == 3 and re.search(r"[^\W\d_]|%", cells[1]):
        value_at, unit_at = len(cells) - 1, (1 if len(cells) == 3 else None)  # ("what | unit | value")
    else:
        return None
    what, cell = cells[0], cells[value_at]
    quantity = _cell_quantity(cell)
    if quantity is None:
        # a value with its own unit or words: "30 nhà", "dưới 3,5%", "tối thiểu 2 tỷ đồng", "giảm ít nhất 10%"
        found = [t for t in _quantities(f"{what}: {cell}", True, None) if _in_cell(t.value, cell)]
        return Target(text=f"{what}: {cell}", value=found[0].value, comparator=found[0].comparator,
                      unit=found[0].unit, metric=None) if found else None
    value, comparator, percent = quantity
    unit = "%" if percent else cells[unit_at] if unit_at is not None else unit_named
    if unit:  # specks OCR read in the cell ("triệu ". đồng"): tokens without a letter or digit
        unit = squash(" ".join(w for w in unit.split() if re.search(r"[\w%]", w)))
    if not unit or len(unit) > 40:
        return None
    multiplier = re.match(r"(trieu|nghin|ngan|ty)\s+(dong\b.*)", fold(unit))
    if multiplier:  # a column in "tỷ đồng": the value in đồng, as in running text
        value *= _MULTIPLIERS[multiplier.group(1)]
        unit = unit[len(unit) - len(multiplier.group(2)):]
    if unit != "%" and unit[:1].isupper() and unit[1:2].islower():
        unit = unit[0].lower() + unit[1:]  # "Đoàn viên" in its column is the unit "đoàn viên"
    return Target(text=f"{what}: {cell}", value=value, comparator=comparator, unit=unit, metric=None)


def _cell_quantity(cell: str) -> tuple[float, str, bool] | None:
    """A value cell's number, its comparator (a sign or words: "≥ 90", "Trên 92", "Từ 95% trở lên") and whether
    "%" follows it; None for a cell with other words ("30 nhà", "giảm ít nhất 10%")."""
    m = _VALUE_CELL.match(fold_same_length(cell.lower()))
    before = m.group("before").strip() if m else ""
    value = parse_number(m.group("n")) if m else None
    if value is None or before and before not in _SIGNS and not _CELL_COMPARATOR.fullmatch(before):
        return None
    return value, _SIGNS.get(before) or _comparator(before, m.group("after") or ""), bool(m.group("pct"))


def _aligned_row(text: str, header: list[str], first_value: int) -> tuple[str, dict[int, str]] | None:
    """A table row's name and its cells by header column from `first_value` on. The row is aligned on its name,
    the first cell of three letters or more, against the header's last column before `first_value` that is no
    serial column: a serial cell may be read apart or as a speck, an empty last cell lost."""
    names = [i for i in range(first_value) if not _SERIAL_COLUMN.fullmatch(fold(header[i]))]
    cells = [c.strip() for c in text.split(" | ")]
    named = next((k for k, c in enumerate(cells) if len(re.findall(r"[^\W\d_]", c)) >= 3), None)
    if not names or named is None:
        return None
    shift = named - names[-1]
    return cells[named], {i: cells[i + shift] for i in range(first_value, len(header)) if named < i + shift < len(cells)}


def _bracketed_unit(name: str) -> tuple[str, float] | None:
    """The unit a column's or row's name closes with in brackets, and what a value is multiplied by:
    "(triệu đồng)" đồng, a million each; "(%)"; "(lượt hộ)"."""
    bracket = re.search(r"\(([^()]*[^\W\d_%][^()]*|%)\)\s*$", name)
    if not bracket:
        return None
    inside = squash(bracket.group(1))
    money = re.fullmatch(r"(?:(trieu|nghin|ngan|ty)\s+)?dong", fold(inside))
    if money:
        return "đồng", _MULTIPLIERS[money.group(1)] if money.group(1) else 1
    return (inside if inside == "%" else _UNIT_BY_FOLD.get(fold(inside), inside)), 1


def _measure_columns(header: list[str]) -> dict[int, tuple[str, float]]:
    """The columns named for what they measure, by index: (unit, multiplier). A count names its noun ("Số đoàn
    viên phát triển mới", "Số CĐCS thành lập mới": a lexicon unit, as printed); a sum or share its unit in a
    closing bracket ("Thu kinh phí công đoàn (triệu đồng)": đồng, a million each; "(%)"; "(đoàn viên)")."""
    measured = {}
    for i, name in enumerate(header):
        folded = fold(name)
        bracket = re.search(r"\(([^()]+)\)\s*$", name)
        m = re.match(r"\W*so\s+", folded)
        if bracket:
            unit = _bracketed_unit(name)
            if unit and (unit[0] in ("%", "đồng") or fold(unit[0]) in _UNIT_BY_FOLD):
                measured[i] = unit
        elif m:
            rest = fold(name[m.end():])
            units = [u for u in _UNIT_BY_FOLD if rest == u or rest.startswith(u + " ")]
            if units:
                unit = name[m.end(): m.end() + len(max(units, key=len))]
                measured[i] = (unit[0].lower() + unit[1:] if unit[1:2].islower() else unit, 1)
    return measured


def _count_column_targets(text: str, header: list[str]) -> list[Target]:
    """The targets of one row of a goal section's table with no column of goals, whose columns measure what
    each unit is to reach ("Đơn vị | Số đoàn viên phát triển mới | Số CĐCS thành lập mới", "Đơn vị | Thu kinh
    phí công đoàn (triệu đồng)"): a target per measure column, its unit the one the column names; a cell with
    no number ("-") sets none."""
    measured = _measure_columns(header)
    if not measured or any(_RESULT_COLUMN.search(fold(h)) for h in header):
        return []
    row = _aligned_row(text, header, min(measured))
    if row is None:
        return []
    name, cells = row
    targets = []
    for i, (unit, multiplier) in measured.items():
        m = _VALUE_CELL.match(fold_same_length(cells[i].lower())) if i in cells else None
        value = parse_number(m.group("n")) if m and not m.group("before").strip() else None
        if value is not None:
            printed = f"{cells[i]}%" if unit == "%" else f"{cells[i]} {unit}" if multiplier == 1 else cells[i]
            targets.append(Target(text=f"{name}: {printed}", value=value * multiplier, comparator="=",
                                  unit=unit, metric=None))
    return targets


_YEAR_COLUMN = re.compile(r"(?:nam\s+)?(?:19|20)\d\d")


def _period_column_targets(text: str, header: list[str]) -> list[Target]:
    """The targets of one row of a chỉ tiêu table whose value columns are years ("TT | Chỉ tiêu | Năm 2025 |
    Năm 2026 | Năm 2027"): a target per year, its unit the one the row's name closes with in brackets
    ("Dư nợ ủy thác (tỷ đồng)", "Tỷ lệ nợ quá hạn (%)"), its comparator the cell's words ("Dưới 0,3", "Từ 90 trở
    lên")."""
    years = [i for i, h in enumerate(header) if _YEAR_COLUMN.fullmatch(fold(h))]
    row = _aligned_row(text, header, min(years)) if len(years) >= 2 else None
    unit = _bracketed_unit(row[0]) if row is not None else None
    if unit is None:
        return []
    name, cells = row
    targets = []
    for i in years:
        quantity = _cell_quantity(cells[i]) if i in cells else None
        if quantity is not None:
            value, comparator, _ = quantity
            targets.append(Target(text=f"{name} {header[i]}: {cells[i]}", value=value * unit[1],
                                  comparator=comparator, unit=unit[0], metric=None))
    return targets


def _in_cell(value: float, cell: str) -> bool:
    """Whether a quantity's value was printed in the cell (not in the row's name)."""
    return any(abs(v * k - value) < 1e-6 for n in _NUMBER.findall(cell) if (v := parse_number(n)) is not None
               for k in (1, *_MULTIPLIERS.values()))


# A clause that says the quantity before it is a floor: "…, đạt và vượt chỉ tiêu …", "…, trở lên"
_AT_LEAST_AFTER = re.compile(r"^\W*(?:dat va vuot|tro len)\b")


def _sets_bound(folded: str) -> bool:
    """Whether the text sets a bound to reach ("ít nhất 50 …", "toàn ngành có từ 30 sáng kiến trở lên"), not
    one that scopes what a count before it counts ("41 doanh nghiệp có từ 25 lao động trở lên")."""
    return any(not re.search(r"\d[^,;:]*[^\W\d_]\s+co\s+$", folded[: m.start()]) for m in _BOUND.finditer(folded))


def _last_dat(before_f: str) -> int:
    """Where the last "đạt" before a number starts (len when there is none)."""
    found = [m.start() for m in re.finditer(r"\bdat\b", before_f)]
    return found[-1] if found else len(before_f)


def _said_done(text: str) -> bool:
    low = text.lower()
    return bool(_DONE.search(low) or fold(low) == low and _DONE_PLAIN.search(low))


def _quantities(clause: str, goal: bool, done: bool | None) -> list[Target]:
    """The clause's targets: its first quantity, and any later one its predicate sets ("… đạt 70%").

    `goal`: the clause lies in a goal section or a sentence that states a goal; without it only
    percentages count, and a count ends the clause. `done`: whether the sentence already said
    it reports what was done (None: a goal section, where that is not asked).
    """
    folded, masked = fold_same_length(clause), _spelled_as_digits(_mask(clause))
    found: list[Target] = []
    for m in _NUMBER.finditer(masked):
        raw = m.group(1)
        value = parse_number(raw)
        before_f = folded[: m.start()]
        if value is None or found and not (_ATTAIN.search(before_f) or _ALSO.search(before_f)
                                           or found[-1].unit == "%" and _OWN_BOUND.search(before_f)):
            continue
        after_f = folded[m.end():]
        after = clause[m.end():]
        if _CHANGE_FROM.search(before_f) and _CHANGE_TO.match(after_f):
            continue  # "giảm từ 23 … xuống 18 …": 23 is where it starts, the target is what follows
        last_word = (re.findall(r"\w+", before_f[-12:]) or [""])[-1]
        if done is not None and not _THRESHOLD.match(folded, _last_dat(before_f)) and (
                done or _said_done(clause[: m.start()])):  # (a threshold to reach: "… đã có công đoàn đạt từ 90%")
            break
        metric = None
        if re.match(r"\s*%", after_f):
            per_year = re.match(r"\s*%\s*/\s*nam\b", after_f)
            unit = "%/năm" if per_year else "%"
            rest = after[(per_year or re.match(r"\s*%", after_f)).end():]
            metric = " ".join(_words_after(rest, 4)) or None
        else:
            if not goal and not _REACHES.search(before_f):
                break  # outside a goal, a count is one only as what the predicate reaches ("… đạt 200 triệu đồng")
            unit, value = _counted(clause, m, value, before_f, after_f, last_word)
            if unit is None:
                continue
        found.append(Target(
            text=squash(clause).strip(" ,;.-"),
            value=value,
            comparator=_comparator(before_f, after_f),
            unit=unit,
            metric=metric,
        ))
    return found


def _counted(clause: str, m: re.Match, value: float, before_f: str, after_f: str,
             last_word: str) -> tuple[str | None, float]:
    """(unit, value) of a count, money sum, multiple or ratio at `m`; (None, value) for a number that
    is not a quantity of something (a date part, a year, a time, an ordinal, a range's bound...)."""
    raw = m.group(1)
    after = clause[m.end():]
    multiple = _MULTIPLE_BEFORE.search(before_f) and re.match(r"\s*lan\b", after_f)
    if multiple:
        return "lần", value
    printed_last = (re.findall(r"\w+", clause[: m.start()][-12:]) or [""])[-1].lower()
    label = (last_word in _NOT_COUNT_BEFORE and _NOT_COUNT_SPELLED.get(last_word, printed_last) == printed_last
             and not re.search(r"[:;]\s*$", before_f))  # "Xây dựng nhà “Mái ấm Công đoàn”: 04 nhà": no label
    range_to = re.match(r"\s*(?:[-–]|den)\s*(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?!\s*[/%])", after_f)
    if range_to and re.search(r"\btu\s*$", before_f) and not _SIZE_BEFORE.search(before_f) and not label:
        # a goal set as a range ("trồng mới từ 20.000 đến 25.000 cây xanh"): its lower bound, counting what the
        # upper one counts
        unit = _unit(after[range_to.end():])
        return (unit, value) if unit and fold(unit).split()[0] not in _NOT_A_UNIT else (None, value)
    if label or re.match(r"\s*(?:[-–]|den)\s*\d", after_f) or _range_end(before_f):
        return None, value
    if _SCOPE_BEFORE.search(before_f) and _GOAL_LATER.match(after_f) and not re.search(r"\bphan dau\b", before_f):
        return None, value
    if 1900 <= value <= 2100 and "." not in raw:
        return None, value
    ratio = re.match(r"\s*/\s*(\d{1,3}(?:\.\d{3})*|\d+)\b", after_f)
    if ratio:
        if parse_number(ratio.group(1)) not in _RATIO_DENOMINATORS:
            return None, value
        noun = _unit(after[ratio.end():])
        return "/" + ratio.group(1) + (f" {noun}" if noun else ""), value
    if re.match(r"\s*[/:]|h(?:\d|\b)", after_f) or re.match(r"\s*[-–]\s*[a-z]", after_f):
        return None, value
    multiplier = re.match(r"\s*(trieu|nghin|ngan|ty)\b", after_f)
    if multiplier:  # "55 triệu đồng" is 55000000 đồng, "01 triệu sáng kiến" 1000000 sáng kiến
        value *= _MULTIPLIERS[multiplier.group(1)]
        after, after_f = after[multiplier.end():], after_f[multiplier.end():]
    money = _MONEY.match(after_f)
    if money and money.end() > 0 and re.search(r"[a-z]", money.group()):
        earned = (_RAISED.search(before_f) or _TOTAL.search(before_f)
                  or _EARNED.search(before_f) and not _SPENT.search(before_f))
        return (squash(after[: money.end()]) if earned else None), value
    unit = _unit(after)
    if not unit:
        return None, value
    per = _PER_NOUN.match(after, after.find(unit) + len(unit)) if unit in after else None
    if per and parse_number(per.group(1)) in _RATIO_DENOMINATORS:  # "01 cán bộ/100 đoàn viên": a ratio
        noun = _unit(after[per.end():])
        return f"{unit}/{per.group(1)}" + (f" {noun}" if noun else ""), value
    head = fold(unit)
    first, head_two = head.split()[0], " ".join(head.split()[:2])
    if first in _EVENTS_COUNTED and len(head.split()) > 1:  # "01 buổi tọa đàm", "02 đợt ra quân": events
        return " ".join(_words_after(after, 3)), value
    if head_two in _WAGE_DAYS:  # "01 ngày lương", "02 ngày công": a day's pay or work
        return " ".join(unit.split()[:2]), value
    if first == "km" and len(head.split()) > 1:  # "50 km đường giao thông": road built, not a distance ("cách 5 km")
        return "km", value
    if (head in _NOT_A_UNIT or first in _NOT_A_UNIT or head_two in _NOT_A_UNIT) and head_two not in _COUNTED_COMPOUNDS:
        if first != "tuoi" or not _REACHES.search(before_f):  # "tuổi thọ bình quân đạt 75 tuổi"
            return None, value
        unit = unit.split()[0]
    return unit, value


# A change stated from a baseline to a target: "giảm từ 23 ca sinh … xuống 18", "tăng từ 80% lên 90%",
# "từ 5 giờ còn 3 giờ".
_CHANGE_FROM = re.compile(r"\btu\s*$")
_CHANGE_TO = re.compile(r"[^;]{0,40}?\b(?:xuong|len|con)\s+(?:muc\s+|duoi\s+|tren\s+|toi thieu\s+|it nhat\s+)?\d")


def _range_end(before_f: str) -> bool:
    """Whether the number closes a range "từ 15 đến 18", "15 - 18": bounds of a scope, not a goal."""
    return bool(re.search(r"\btu\s+\d[\d.,]*\s*(?:[-–]|den)\s*$|\d\s*[-–]\s*$", before_f))


def _stated_year(folded_part: str) -> int | None:
    """The year a statement is dated by: "Năm 2016, …", "… lên 89,2% (năm 2024)"; not a year inside
    a longer bracket (a baseline: "(năm 2020 là 80%)") or after "so với", "từ", "đến"."""
    # a bracketed year after a change's starting value dates that value, not the statement ("từ 11,2% (năm
    # 2020) xuống còn dưới 5%")
    folded_part = re.sub(r"(\btu\s+\d[\d.,]*\s*%?\s*)\(\s*nam\s+(?:19|20)\d\d\s*\)", r"\1", folded_part)
    bare = _mask(re.sub(r"\(\s*(nam\s+(?:19|20)\d\d)\s*\)", r", \1 ", folded_part))
    for m in _STATED_YEAR.finditer(bare):
        if _DATING_BEFORE.search(bare[: m.start()]):
            return int(m.group(1))
    return None


_SCHOOL_YEAR = re.compile(r"^\W*nam hoc\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


def _dated_by_school_year(folded_clause: str, year: int | None, school_year: int | None) -> int | None:
    """The year a clause opened by a school year ("Năm học 2022 - 2023, …") is dated by, on the scale of the
    document's `year`: before it when the school year ended before the document's began, else the year itself."""
    m = _SCHOOL_YEAR.match(folded_clause)
    if not m or year is None or school_year is None:
        return None
    return year - 1 if int(m.group(2)) < school_year else year


def _reports(sentence: str) -> bool:
    """Whether a sentence with no goal cue reports what is or was done: it says so ("đã", "hiện có",
    "kết quả") and sets no threshold or bound ("đạt từ 95% trở lên")."""
    folded = fold(sentence)
    return ((_said_done(sentence) or bool(_REPORTED.search(folded)))
            and not _THRESHOLD.search(folded) and not _BOUND.search(folded))


def _goal_cue(folded_sentence: str, in_results: bool) -> bool:
    """Whether a sentence states a goal. In a results section "chỉ tiêu" is what results are
    measured against ("vượt chỉ tiêu được giao"), so there only the other cues count."""
    text = _BASE.sub(" ", folded_sentence)
    return any(c in text for c in GOAL_CUES if not (in_results and c in ("chi tieu", "binh quan moi")))


# A list looking ahead ("Phương hướng, nhiệm vụ 6 tháng cuối năm": 1., 2., …) is a list of goals when this share
# of its items, and this many at least, state one by their own words ("Phấn đấu …", "đạt từ 90% trở lên", "ít
# nhất 01 đội"): its other items' plain counts are goals too ("Giới thiệu 15 đoàn viên ưu tú cho Đảng").
_GOAL_LIST_SHARE, _GOAL_LIST_ITEMS = 0.6, 3


def _goal_lists(body: list[Item]) -> set[int]:
    """The indexes of the items of lists looking ahead whose items mostly state goals."""
    runs: list[list[int]] = []
    for k, item in enumerate(body):
        if item.ahead and item.polarity == NEUTRAL and item.marker not in (None, "bullet") and item.heading is None:
            if runs and runs[-1][-1] == k - 1 and body[runs[-1][0]].marker == item.marker:
                runs[-1].append(k)
                continue
            runs.append([k])
    listed = set()
    for run in runs:
        stating = sum(_states_goal(body[k].text) for k in run)
        if len(run) >= _GOAL_LIST_ITEMS and stating >= _GOAL_LIST_SHARE * len(run):
            listed.update(run)
    return listed


def _states_goal(text: str) -> bool:
    folded = fold(text)
    return (_goal_cue(folded, False) or bool(_THRESHOLD.search(folded)) or _sets_bound(folded)
            or bool(re.search(r"\d\s*%", folded)))


def extract_targets(body: list[Item], year: int | None = None, school_year: int | None = None) -> list[Target]:
    """The quantified goals of the body's items, in reading order. `year` is the year of the document's
    date: a statement dated before the document is a result, not a goal; `school_year` the year the school
    year it is dated in ends: a statement dated by an earlier school year ("Năm học 2022 - 2023, …" in a
    plan of September 2023) is a result too."""
    targets: list[Target] = []
    header = None  # the header row of the table being read
    listed_goals = _goal_lists(body)
    for k, item in enumerate(body):
        if k in listed_goals:
            item = Item(item.text, item.marker, GOAL, item.heading, item.ahead)
        if " | " in item.text:
            header = table_header(item.text) or header
            goal_column = header is not None and any(i and _GOAL_COLUMN.search(fold(h)) for i, h in enumerate(header))
            counted = _count_column_targets(item.text, header) if (
                item.polarity == GOAL and header is not None and not goal_column) else []
            if header is not None and (item.polarity == GOAL or any(_GOAL_COLUMN.search(fold(h)) for h in header)):
                counted = counted or _period_column_targets(item.text, header)  # ("TT | Chỉ tiêu | Năm 2025 | …")
            if counted:
                targets.extend(counted)
                continue
            row = _table_row_target(item.text, header) if item.polarity == GOAL or goal_column else None
            if row is not None:
                targets.append(row)
                continue
            if header is not None and abs(len(item.text.split(" | ")) - len(header)) <= 1:
                continue  # a row of a table with a header: its own columns say what it holds
        else:
            header = None
        stated = None  # the year the item's statements are dated by, so far ("Năm 2021, …. Có 4/12 đơn vị …")
        for sentence in _split(item.text, ".!?"):
            cue = _goal_cue(fold(sentence), item.polarity == RESULT)
            if cue:
                stated = None  # a sentence setting goals is dated by its own words
            if (item.polarity == RESULT or _AS_OF.match(fold(sentence))) and not cue:
                continue  # (a status "as of" a date: "Tính đến ngày 31/7/2024, toàn huyện thu … đạt 54,2%")
            if item.polarity == GOAL and not cue and _reports(sentence):
                continue  # a goal section's recall of what was done, before its own targets
            for part in _split(sentence, ";"):
                folded = fold(part)
                goal = (item.polarity == GOAL or cue or bool(_THRESHOLD.search(folded))
                        or item.polarity != RESULT and _sets_bound(folded))
                if not goal and _NOT_A_GOAL.search(folded) and not (item.ahead and _CHANGE_SET.search(folded)):
                    continue
                done = None if item.polarity == GOAL else False
                clauses = _clauses(part)
                for k, clause in enumerate(clauses):
                    ahead = any(w in fold(clause) for w in AHEAD_CUES)
                    if ahead:  # "…, phấn đấu năm 2024 đạt 85%": what is to be done starts here
                        stated, done = None, (None if done is None else False)
                    stated = _stated_year(fold(clause)) or _dated_by_school_year(fold(clause), year, school_year) or stated
                    if year and stated and stated < year:
                        continue  # dated before the document: a result already achieved
                    found = _quantities(clause, goal, done)
                    if found and k + 1 < len(clauses) and _AT_LEAST_AFTER.match(fold(clauses[k + 1])):
                        found[-1].comparator = ">="  # "phát triển mới 300 đoàn viên, đạt và vượt chỉ tiêu …"
                    targets.extend(found)
                    if done is not None:  # "đã kết nạp 4.120 hội viên, nâng tỷ lệ … lên 89,2%"
                        done = done or _said_done(clause)
    return targets

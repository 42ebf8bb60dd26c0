"""Quantified goals (chỉ tiêu) a document sets: "Phát triển trên 1.500 đoàn viên", "100% CĐCS ...".

A quantity is a target when the document sets it as a goal:

- in a goal section ("Chỉ tiêu", "Mục tiêu", "... phấn đấu"), every percentage and
  every count of something;
- elsewhere, a percentage unless the sentence reports, describes or spends
  ("đã đạt", "năm qua", "so với", "chiếm", "trích ... kinh phí"), and a count only
  in a sentence that states a goal ("phấn đấu", "chỉ tiêu", "tối thiểu", "ít nhất");
- in a results section ("Kết quả", "Tình hình", "Đặc điểm"), only in a sentence
  that states a goal.

One goal per clause: a sentence is cut at commas and semicolons, and only the
first quantity of a clause counts — later ones qualify its subject ("100% CĐCS
khu vực doanh nghiệp (từ 10 lao động trở lên)", "95% doanh nghiệp có từ 25 CNLĐ").
Quantities in brackets or quotes (scopes, programme names) are skipped, and so
are dates, times, durations, anniversaries, ordinals, years, document numbers,
money, copies and ranges.
"""
from __future__ import annotations

import re

from underthesea import pos_tag

from extractors.body import GOAL, RESULT, fold_same_length, items
from extractors.vntext import fold, parse_number, squash
from models.record import Target

_NUMBER = re.compile(r"(?<![\w/.,\-–&])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w])")
_MULTIPLIERS = {"trieu": 1e6, "nghin": 1e3, "ngan": 1e3, "ty": 1e9}
_RATIO_DENOMINATORS = {100, 1000, 10000, 100000}

_GOAL_CUES = ("phan dau", "chi tieu", "muc tieu", "toi thieu", "it nhat")
# Sentences that report a result, describe a composition or set a spending rate.
_NOT_A_GOAL = re.compile(
    r"\b(?:da dat|dat duoc|nam qua|vua qua|so voi|so cung ky|ket qua|chiem|trong do|ty trong|"
    r"kinh phi|trich|ngan sach|muc chi|hoc phi|le phi|lai suat|muc dong|muc ho tro|thue)\b"
)
_PAST = re.compile(r"\bda\b")

# The word before a number that makes it an ordinal, a date part, a label or a reference.
_NOT_COUNT_BEFORE = {
    "so", "thu", "khoa", "dieu", "khoan", "muc", "chuong", "phan", "ngay", "thang", "nam", "quy",
    "khoi", "lop", "tang", "ky", "dot", "vong", "doan", "do", "cap", "hang", "loai", "bac", "lan",
    "tuan", "gio", "phong", "to", "nhom", "diem", "xa", "phuong", "ap", "thon", "khu", "duong",
    "tuyen", "ban", "mau", "phu", "luc", "tiet", "hang", "cau", "bai", "trang", "nhiem",
}
# Units that make a number a time, a duration, an age, a copy count or money.
_NOT_A_UNIT = {
    "nam", "thang", "ngay", "tuan", "gio", "phut", "giay", "quy", "buoi", "tuoi", "dot", "ky",
    "hoc ky", "ban", "trang", "to", "dong", "vnd", "d", "km", "m", "cm", "h", "tieng", "lan thu",
    "nhiem ky", "khoa", "the ky", "thu", "so", "dem", "ngay dem", "nam hoc", "lop", "khoi",
    "chuong", "dieu", "khoan", "muc", "phan",
}
# Words that end the noun phrase after a number: verbs, prepositions, conjunctions.
_UNIT_STOP = {
    "được", "có", "là", "tại", "cho", "của", "trong", "với", "về", "và", "hoặc", "để", "đạt", "đã",
    "sẽ", "phải", "trên", "dưới", "từ", "đến", "theo", "như", "nhằm", "khi", "mỗi", "mà", "thì",
    "ở", "bằng", "gồm", "do", "cần", "trở lên", "trở xuống", "thực hiện", "tham gia", "xếp loại",
    "đăng ký", "hoàn thành", "duy trì", "tổ chức", "phối hợp", "tiếp tục", "tăng", "giảm", "lên",
    "xuống", "hằng năm", "hàng năm", "mỗi năm", "tốt", "khác", "này", "đó", "nữa", "trở", "nhận",
}
_UNIT_STOP_FOLDED = {fold(w) for w in _UNIT_STOP}
_TIME_WORDS = {"nam", "thang", "ngay", "tuan", "quy", "nam hoc"}


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
    """The counted noun as printed right after the number ("đoàn viên", "CĐCS", "cuộc giao lưu")."""
    return " ".join(_words_after(after, 2)) or None


def _comparator(before: str, after: str) -> str:
    """The comparator of a quantity from the words around it (folded)."""
    b = before.rstrip()
    a = after[:40]
    if re.search(r"\btro len\b", a) or re.search(r"\b(?:it nhat|toi thieu)\s*$", b):
        return ">="
    if re.search(r"\b(?:khong qua|khong vuot qua|toi da)\s*$", b) or re.search(r"\btro xuong\b", a):
        return "<="
    if re.search(r"\b(?:tren|hon|vuot)\s*$", b):
        return ">"
    if re.search(r"\bduoi\s*$", b):
        return "<"
    if re.search(r"\btu\s*$", b) and not re.match(r"\s*\S*\s*(?:den|-|–)", a):
        return ">="
    return "="


def _quantity(clause: str, folded: str, masked: str, polarity: int, cue: bool) -> Target | None:
    """The clause's target, from its first quantity, or None."""
    for m in _NUMBER.finditer(masked):
        raw = m.group(1)
        value = parse_number(raw)
        if value is None:
            continue
        after_f = folded[m.end():]
        before_f = folded[: m.start()]
        after = clause[m.end():]
        last_word = (re.findall(r"\w+", before_f[-12:]) or [""])[-1]
        if re.match(r"\s*%", after_f):
            per_year = re.match(r"\s*%\s*/\s*nam\b", after_f)
            unit = "%/năm" if per_year else "%"
            rest = after[(per_year or re.match(r"\s*%", after_f)).end():]
            metric = " ".join(_words_after(rest, 4)) or None
        else:
            if polarity != GOAL and not cue:
                return None
            if last_word in _NOT_COUNT_BEFORE or re.match(r"\s*[-–]\s*\d", after_f):
                continue
            if 1900 <= value <= 2100 and "." not in raw:
                continue
            ratio = re.match(r"\s*/\s*(\d{1,3}(?:\.\d{3})*|\d+)\b", after_f)
            if ratio:
                denominator = parse_number(ratio.group(1))
                if denominator not in _RATIO_DENOMINATORS:
                    continue
                noun = _unit(after[ratio.end():])
                unit = "/" + ratio.group(1) + (f" {noun}" if noun else "")
            else:
                if re.match(r"\s*[/:]|h(?:\d|\b)", after_f) or re.match(r"\s*[-–]\s*[a-z]", after_f):
                    continue
                multiplier = re.match(r"\s*(trieu|nghin|ngan|ty)\b", after_f)
                if multiplier:
                    value *= _MULTIPLIERS[multiplier.group(1)]
                    after = after[multiplier.end():]
                unit = _unit(after)
                if not unit:
                    continue
                head = fold(unit)
                first = head.split()[0]
                if head in _NOT_A_UNIT or first in _NOT_A_UNIT or " ".join(head.split()[:2]) in _NOT_A_UNIT:
                    if first != "lan" or not re.search(r"\b(?:tang|gap)\s*$", before_f):
                        continue
            metric = None
        if polarity != GOAL and not cue and _PAST.search(before_f):
            return None
        return Target(
            text=squash(clause).strip(" ,;.-"),
            value=value,
            comparator=_comparator(before_f, after_f),
            unit=unit,
            metric=metric,
        )
    return None


def extract_targets(lines: list[str]) -> list[Target]:
    """The quantified goals of the document, in reading order."""
    targets: list[Target] = []
    for item in items(lines):
        for sentence in _split(item.text, ".!?"):
            cue = any(c in fold(sentence) for c in _GOAL_CUES)
            if item.polarity == RESULT and not cue:
                continue
            for part in _split(sentence, ";"):
                if item.polarity != GOAL and not cue and _NOT_A_GOAL.search(fold(part)):
                    continue
                for clause in _clauses(part):
                    target = _quantity(clause, fold_same_length(clause), _mask(clause), item.polarity, cue)
                    if target:
                        targets.append(target)
    return targets

"""The signing block (Nghị định 30/2020/NĐ-CP, Điều 8, khoản 7; Phụ lục I):

    TM. BAN THƯỜNG VỤ          ← authority and the collective (body)
    PHÓ CHỦ TỊCH THƯỜNG TRỰC   ← the signer's chức vụ (title)
    (seal, signature)
    Ngô Việt Hà                ← họ tên (name)

"TM." signs for a collective, "KT." for the head (a deputy signs), "TL." and
"TUQ." by delegation, "Q." as acting head; "T/M" is an older spelling of "TM.".
In a nested block ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") the
outermost authority is the one recorded: the document is issued on behalf of
the collective (TM.), which is the body, and the last line is the signer's own
chức vụ (the title); the inner "KT. CHỦ TỊCH" only says how the deputy signs
for its head. Authority and body thus always go together. A block may have no
authority at all (a head signing in their own name: "TRƯỞNG PHÒNG / Phạm Văn
Hà"), and a document may have no signature text at all (everything null).
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from extractors.lexicon import AUTHORITIES, COLLECTIVE_NAMES, COLLECTIVES, OFFICES, SURNAMES, TITLE_WORDS
from extractors.parse.marks import NOI_NHAN, authority_match, is_person_name, person_name, printed_as_title_word
from extractors.vntext import fold_same_length, squash
from models.record import Signatory

_TITLE_PIECES = 3  # a chức vụ broken by OCR into at most this many lines
_OCR_SIMILAR = 0.85  # a chức vụ misread by OCR is at least this similar to the printed one
_OCR_SIMILAR_AFTER_TITLE_WORD = 0.70  # ... or this, in capitals, its first word printed as a chức vụ's is
_LAST_LINES = 3  # a name among the document's last lines closes it even without a title
_NAME_WINDOW = 14  # lines between the title and the typed name (seal, signature, interleaved list)
_TITLE_LINES = 5  # lines of the block (the other column's aside) in which the chức vụ follows its authority

def _authority_at(line: str) -> re.Match[str] | None:
    m = authority_match(line)
    if not m:
        return None
    marker = line[m.start("a"): m.end("a")]
    return m if marker.upper() == marker else None  # the marker is printed in capitals


def _skippable(line: str) -> bool:
    """Lines of the other footer column or of the seal that may sit inside the block."""
    f = fold_same_length(line)
    return bool(re.match(r"^\s*[-–+•](?!\d)", line) or NOI_NHAN.match(f) or re.match(r"^\W*luu\b", f)
                or (line.rstrip().endswith(":") and len(line) <= 30
                    and not (line.isupper() and TITLE_WORDS.match(f.lower()))))  # ("CHỦ TỊCH:", a speck read as ":")


def _list_remainder(line: str) -> bool:
    """The wrapped end of a Nơi nhận item ("(p/h);", "thị xã, thành phố,") between the authority and its title."""
    return line.rstrip().endswith((";", ",")) or bool(re.fullmatch(r"\s*\([^()]{1,30}\)\s*[;.,]?\s*", line))


def _is_title(line: str) -> bool:
    """Whether a line has the shape of a chức vụ line (short, no list item, no name, not a clause)."""
    words = line.split()
    if not words or len(words) > 9 or len(line) > 70 or _skippable(line) or is_person_name(line):
        return False
    return not line.rstrip().endswith((";", ","))


_OFFICE_BY_FOLD = {fold_same_length(o.lower()): o for o in OFFICES}
# The two first words of each chức vụ (folded), to recognise one OCR misread.
_OFFICE_HEADS = sorted({" ".join(key.split()[:2]) for key in _OFFICE_BY_FOLD})
_JUNK_WORDS = 2  # OCR specks of the seal before a chức vụ ("ÁP ẦHÓ GIÁM ĐÓC")


def office_title(line: str) -> str | None:
    """The chức vụ a line names, or None when the line is no chức vụ (a seal's text, token soup).

    The line must start — after at most two short specks of seal noise — with chức vụ words
    (`TITLE_WORDS`), or be one OCR misread ("PRƯỞNG PHÒNG", "ẦHÓ GIÁM ĐÓC"); a whole line that
    is that close to a known chức vụ is given its printed spelling, in the line's case.
    """
    if not _is_title(line):
        return None
    words = squash(line).strip(" |.,:;_-").split()
    for skip in range(min(_JUNK_WORDS, len(words) - 1) + 1):
        if skip and len(re.sub(r"\W", "", words[skip - 1])) > 3:
            break
        text = re.sub(r"^[\W\d_]+", "", " ".join(words[skip:]))  # specks glued before it: "“%ÈHÓ GIÁM ĐÓC"
        if not text:
            continue
        f = fold_same_length(text.lower())
        best = max(_OFFICE_BY_FOLD, key=lambda o: SequenceMatcher(None, f, o).ratio())
        if SequenceMatcher(None, f, best).ratio() >= _OCR_SIMILAR:
            office = _OFFICE_BY_FOLD[best]
            if text.lower() == office.lower():
                return text
            return office if text.isupper() else office.lower()
        if TITLE_WORDS.match(f):
            return text
        head = " ".join(f.split()[:2])
        if text.isupper() and any(SequenceMatcher(None, head, o).ratio() >= _OCR_SIMILAR for o in _OFFICE_HEADS):
            return text
        if text.isupper() and printed_as_title_word(text.split()[0]) and len(text.split()) == len(best.split()) \
                and SequenceMatcher(None, f, best).ratio() >= _OCR_SIMILAR_AFTER_TITLE_WORD:
            return _OFFICE_BY_FOLD[best]  # "CHỦ TIÊN": a chức vụ's first word as printed, the rest misread
    return None


def _title_at(lines: list[str], k: int) -> str | None:
    """The chức vụ starting at line k; OCR may have broken it into one-word fragments ("chủ" / "tịch")."""
    for n in range(1, _TITLE_PIECES + 1):
        pieces = lines[k: k + n]
        if len(pieces) < n or (n > 1 and len(pieces[-1].split()) > 2):
            break
        continued = n > 1 and pieces[-2].rstrip().endswith(",")  # "TRƯỞNG PHÒNG CHÍNH TRỊ," / "TƯ TƯỞNG"
        if _authority_at(pieces[-1]) or is_person_name(pieces[-1]) and not continued:
            break
        title = office_title(squash(" ".join(pieces)))
        if title:
            return title
    return None


# A name a narrow table cell wrapped ("Nguyễn" / "Minh Tường", "Đại" / "tá Hoàng Văn Thịnh") is put back from
# at most this many words a line.
_WRAPPED_NAME_WORDS = 4


def _name_parts(line: str) -> bool:
    """A line that may be part of a wrapped name: a few words of two letters or more (seal specks are one), or
    a family name of one ("Y" / "Ngông Niê Kdăm")."""
    words = line.split()
    return 1 <= len(words) <= _WRAPPED_NAME_WORDS and all(
        len(w) >= 2 or fold_same_length(w.lower()) in SURNAMES for w in words)


def _name_after(lines: list[str], start: int) -> str | None:
    window = lines[start: start + _NAME_WINDOW]
    for k, line in enumerate(window):
        name = person_name(line)
        if name:
            return name
        if k + 1 < len(window) and _name_parts(line) and _name_parts(window[k + 1]):
            name = person_name(f"{line} {window[k + 1]}")
            if name:
                return name
        if len(line) > 90 or _authority_at(line):
            break
    return None


def extract_signatory(footer: list[str]) -> Signatory:
    """The signing block in the footer zone (Nơi nhận and the block, in whichever order they were read)."""
    tail = footer
    marks = [(i, m) for i, line in enumerate(tail) if (m := _authority_at(line))]
    if marks:
        last_i, last_m = marks[-1]
        block = [(last_i, last_m)]
        for i, m in reversed(marks[:-1]):
            # a nested block: authority lines right above, or a "TM." that OCR or the columns
            # separated from the rest of the block by Nơi nhận items
            if block[0][0] - i <= 2 or _marker(m) == "TM." != _marker(block[0][1]) and all(
                    _skippable(line) for line in tail[i + 1: block[0][0]]):
                block.insert(0, (i, m))
        authority = _marker(block[0][1])
        body = None
        for i, m in block:
            rest = squash(tail[i][m.end():]).strip(" :|")
            if _marker(m) == "TM.":
                body = rest or None
                wrapped = tail[i + 1].strip() if i + 1 < len(tail) else ""
                if body and _wrapped_collective(wrapped) and _authority_at(tail[i + 2] if i + 2 < len(tail) else ""):
                    body = f"{body} {squash(wrapped)}"  # "TM. BAN THƯỜNG VỤ HUYỆN" / "ĐOÀN" / "KT. BÍ THƯ"
            elif body is None and rest.isupper() and COLLECTIVES.match(fold_same_length(rest.lower())):
                body = rest  # "TL. BAN THƯỜNG VỤ": the collective a delegate signs for, no chức vụ
        after = squash(tail[last_i][last_m.end():])
        title, looked = None, 0
        for k in range(last_i + 1, min(len(tail), last_i + 1 + _NAME_WINDOW)):
            if _skippable(tail[k]) or _list_remainder(tail[k]) and not tail[k].isupper():
                continue  # Nơi nhận read between the authority and its chức vụ (columns interleaved)
            if not re.search(r"[^\W\d_]", tail[k]):
                continue  # a seal's speck with no letter ("2")
            looked += 1
            if looked > _TITLE_LINES:
                break
            title = _title_at(tail, k)
            if title is None and body is not None and _body_remainder(tail, k):
                body = f"{body} {squash(tail[k])}"  # "TM. BAN THƯỜNG VỤ HUYỆN" / "ĐOÀN" / "BÍ THƯ"
                continue
            if title is None and tail[k].isupper() and not person_name(tail[k]) and not _authority_at(tail[k]):
                continue  # the agency a joint plan's block names ("KT. GIÁM ĐỐC" / "SỞ LAO ĐỘNG …" / "PHÓ GIÁM ĐỐC")
            remainder = _title_remainder(tail, k, title) if title else None
            if remainder is not None:
                title = f"{title} {squash(tail[remainder])}"  # "TRƯỞNG PHÒNG VIỆC LÀM - AN" / "TOÀN LAO ĐỘNG"
            break
        if title is not None and _marker(last_m) == "KT." and fold_same_length(title.lower()) == fold_same_length(
                after.strip(" .:").lower()):
            # "KT. GIÁM ĐỐC" / "ÓGI ÁM ĐÓC": a deputy signs for the head, so a chức vụ read as the head's own
            # lost its "PHÓ" to OCR
            title = f"PHÓ {title}" if title.isupper() else f"Phó {title[:1].lower()}{title[1:]}"
        if title is None and authority == "Q.":
            title = (office_title(after) or after) if after else None  # "Q. CHU TỊCH": acting head, as printed
        elif title is None and len(block) > 1 and _marker(last_m) == "Q." and after:
            title = squash(tail[last_i]).strip(" :|")  # "TL. BAN THƯỜNG VỤ" / "Q. CHÁNH VĂN PHÒNG": acting, as printed
        start = last_i + 1
        name = _name_after(tail, start)
        while name and title and name in title:  # the end of a wrapped chức vụ, not the name
            start = next(k for k in range(start, len(tail)) if person_name(tail[k]) == name) + 1
            name = _name_after(tail, start)
        return Signatory(authority=authority, body=_collective(body), title=title, name=name)
    # no authority: a chức vụ line followed by a typed name
    for i in range(len(tail) - 1, -1, -1):
        title = office_title(tail[i])
        if title:
            name = _name_after(tail, i + 1)
            if name:
                return Signatory(title=title, name=name)
    # the chức vụ lost (under a seal, to OCR): a typed name closing the document
    for line in tail[-_LAST_LINES:]:
        name = person_name(line)
        if name:
            return Signatory(name=name)
    # no typed name (a draft, a copy made before signing): a line that is a chức vụ and nothing else,
    # right above Nơi nhận or among the last lines
    for i in range(len(tail) - 1, -1, -1):
        title = office_title(tail[i])
        closing = i >= len(tail) - _LAST_LINES or (i + 1 < len(tail) and NOI_NHAN.match(fold_same_length(tail[i + 1])))
        if title and closing and fold_same_length(title) == fold_same_length(squash(tail[i]).strip(" .:;,")):
            return Signatory(title=title)
    return Signatory()


_BODY_REMAINDER_WORDS = 3
_TITLE_REMAINDER_WORDS = 4
_LONG_TITLE_WORDS = 4


def _title_remainder(lines: list[str], k: int, title: str) -> int | None:
    """The line that ends a long chức vụ line `k` the signing column wrapped — a few whole words in capitals
    with the typed name right under it, the other column's lines aside — or None."""
    if len(title.split()) < _LONG_TITLE_WORDS or k + 1 < len(lines) and title.endswith(squash(lines[k + 1])):
        return None  # (the title already holds the next line: OCR split it, `_title_at` joined it)
    rest = [j for j in range(k + 1, min(len(lines), k + 1 + _NAME_WINDOW)) if not _skippable(lines[j])
            and not (_list_remainder(lines[j]) and not lines[j].isupper())]
    if len(rest) < 2 or not person_name(lines[rest[1]]):
        return None
    line = lines[rest[0]]
    words = line.split()
    if (line.isupper() and 1 <= len(words) <= _TITLE_REMAINDER_WORDS
            and all(len(w) >= 2 and w.isalpha() for w in words) and not _authority_at(line)):
        return rest[0]
    return None


def _wrapped_collective(line: str) -> bool:
    """A collective's name's wrapped end: a few words in capitals, no chức vụ, no name, no authority."""
    return (line.isupper() and 0 < len(line.split()) <= _BODY_REMAINDER_WORDS and not person_name(line)
            and not _authority_at(line) and office_title(line) is None)


def _body_remainder(lines: list[str], k: int) -> bool:
    """Line `k` ends a collective's name the signing column wrapped: a few words in capitals, no chức vụ
    and no name, with the chức vụ on the next line."""
    return _wrapped_collective(lines[k].strip()) and k + 1 < len(lines) and _title_at(lines, k + 1) is not None


_COLLECTIVE_BY_FOLD = {fold_same_length(c.lower()): c for c in COLLECTIVE_NAMES}
_COLLECTIVE_LENGTH_SLACK = 2  # letters OCR may add or drop in a collective's name


def _collective(body: str | None) -> str | None:
    """The collective as printed; one OCR misread ("BAN THƯƠNG VỤ", "BẠN CHẤP HÃNH", "BAN THƯỜNG vụ") in the
    spelling of the known collective it reads as, when it is in capitals."""
    if not body or sum(c.isupper() for c in body) < sum(c.islower() for c in body):
        return body
    folded = fold_same_length(body.lower())
    best = max(_COLLECTIVE_BY_FOLD, key=lambda c: SequenceMatcher(None, folded, c).ratio())
    if abs(len(folded) - len(best)) > _COLLECTIVE_LENGTH_SLACK or SequenceMatcher(None, folded, best).ratio() < _OCR_SIMILAR:
        return body  # another collective ("BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ")
    known = _COLLECTIVE_BY_FOLD[best]
    # the same letters in another tone placement ("UỶ BAN" for "ỦY BAN") are as printed, not a misreading
    same_marks = sorted(unicodedata.normalize("NFD", body)) == sorted(unicodedata.normalize("NFD", known))
    return body if same_marks else known


def _marker(m: re.Match[str]) -> str:
    key = re.sub(r"[^a-z]", "", m.group("a"))
    return AUTHORITIES[key]

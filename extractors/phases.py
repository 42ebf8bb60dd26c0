"""The phases or waves of a campaign: "Đợt 1", "Đợt thi đua thứ nhất", "Giai đoạn 2", "Vòng 1".

Two shapes:

- a labelled item: an item that starts with the label ("- Đợt 1 (từ tháng 01/2024
  đến 31/7/2024): Thi đua ..."); `text` is what follows the label (and the
  bracketed range when the label is followed by one and a colon);
- an unlabelled list: bullet items after an introduction that announces waves
  and ends with a colon ("... theo từng đợt cụ thể sau:"), each item a phase
  with label null.

A mention in running text ("giai đoạn 2016 – 2020", "các đợt thi đua ngắn ngày")
is not a phase; stages named by their years ("Giai đoạn 2021 – 2023: …") are
phases when there are two or more of them. Dates come from a "từ … đến …" range (or "A – B" in brackets
after the label) as precise as printed; "nay" and "hết năm học …" give null; a
bound that is an event ("đến Đại hội ...") takes the date bracketed after it; a single date right
after the label is both start and end.
"""
from __future__ import annotations

import re

from extractors.parse import Item
from extractors.vntext import DateParts, date_at, fold, fold_same_length, iso_date, squash
from models.record import Phase

_ORDINALS = r"thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)"
_NUMERALS = r"mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi"
_ROUNDS = r"so khao|chung khao|chung ket|ban ket|so loai|loai|cap truong|cap huyen|cap tinh|cap quoc gia"
_LABEL = re.compile(
    rf"^(?:dot|giai doan|vong)(?:\s+thi dua)?\s+(?:\d{{1,2}}|[ivx]{{1,4}}|{_ORDINALS}|{_NUMERALS}|{_ROUNDS})"
    r"(?=\s*[:;.(\-–—,]|\s+(?:tu|bat dau|ke tu|trong|tien hanh|dien ra|vao|du kien)\b|\s*$)"
)
# "Giai đoạn 2021 – 2023:": a stage named by its years, a phase only when the document has two or more
# (one such line is the period the whole document covers)
_SPAN_LABEL = re.compile(r"^giai doan\s+(?:nam\s*)?(?:19|20)\d\d\s*[-–—]\s*(?:nam\s*)?(?:19|20)\d\d\b")
# "theo từng đợt", "thành 2 đợt", "các đợt thi đua", "ba giai đoạn" in the sentence that ends with a colon.
_INTRO = re.compile(rf"\b(?:cac|tung|nhung|\d{{1,2}}|{_NUMERALS})\s+(?:dot|giai doan|vong)\b[^.;]*:\s*$")
# ...unless, after the waves, it names another list ("Các đợt thi đua … phấn đấu đạt các chỉ tiêu sau:")
_OTHER_LIST = re.compile(r"\b(?:chi tieu|noi dung|nhiem vu|muc tieu|yeu cau|giai phap)\b[^.;:]*:\s*$")
# A list of waves has two at least (an opening "… xây dựng Kế hoạch tổ chức các đợt thi đua như sau:" is
# followed by the document's first heading alone).
_WAVES_AT_LEAST = 2


# (its dash OCR may read as stops: "(2024.: 2025)")
_YEAR_SPAN = re.compile(r"(?:nam\s*)?((?:19|20)\d\d)\s*(?:[-–—]|[.:;]{1,2}|den(?:\s+het)?)\s*(?:nam\s*)?((?:19|20)\d\d)\b")


def _bracketed_date(folded: str, pos: int):
    """The first "(năm 2018)"-style bracket holding only a date, in the sentence from `pos`."""
    stop = re.compile(r"[;:]|\.(?!\d)").search(folded, pos)
    for bracket in re.compile(r"\(\s*").finditer(folded, pos, stop.start() if stop else len(folded)):
        date = date_at(folded, bracket.end())
        if date and re.match(r"\s*\)", folded[date.end:]):
            return date
    return None


def _range(text: str, year: int | None = None) -> tuple[str | None, str | None]:
    """(start, end) of the first "từ … đến …" range in the text, or of an opening bracket "(A – B)".

    Bare years joined by a dash ("(2021 - 2023)", "năm 2021 – năm 2023") are a range here, though
    `date_at` leaves such a span alone elsewhere; a bracket holding one period ("(năm 2022)",
    "(tháng 3/2024)") or one date right after the label ("Vòng chung kết: ngày 20/4/2019", "Đợt 3:
    tháng 12/2023") is the phase's whole span: it starts and ends with it. A range may also follow
    the label without "từ" ("Đợt 4: 20/12/2023 - 25/12/2023").
    """
    f = fold_same_length(text)
    quarters = _QUARTERS.match(f)
    if quarters and (quarters.group(3) or year):  # "Đợt 1 (quý I)", "(quý II và quý III)", "quý I/2019"
        first, last = _QUARTER[quarters.group(1)], _QUARTER[quarters.group(2) or quarters.group(1)]
        in_year = int(quarters.group(3) or year)
        return iso_date(in_year, 3 * first - 2), iso_date(in_year, 3 * last)
    deadline = re.match(r"\s*[:.\-–—]?\s*(?:hoan thanh\s+)?(?:truoc|cham nhat|han chot)\s+(?:ngay\s+)?", f)
    if deadline:  # "Vòng sơ khảo: trước ngày 15/10": the phase ends by then
        end = date_at(f, deadline.end())
        return None, _iso(end, year) if end else None
    # "từ …", an opening bracket, or a date right after the label ("Vòng chung kết: ngày 20/4/2019",
    # "sáng ngày 17/11/2018")
    for m in re.finditer(r"\btu\s+|^\s*\(\s*|^\s*[:.\-–—]?\s*"
                         r"(?:(?:(?:tien hanh\s+|du kien\s+)?(?:vao|trong)|dien ra(?:\s+vao)?|du kien|sang|chieu|toi)\s+)?", f):
        pos = m.end()
        years = _YEAR_SPAN.match(f, pos)
        if years:
            return years.group(1), years.group(2)
        if f.startswith("nay", pos):
            start, after = None, pos + 3
        else:
            start = date_at(f, pos) or _day_only(f, pos)
            if start is None:
                continue
            after = start.end
        sep = _RANGE_SEPARATOR.match(f, after)
        if not sep and start is not None and m.group().startswith("tu"):
            sep = _lost_den(f, after, start)
        if not sep:
            if start is not None and start.year is not None:
                bracket = "(" in m.group()
                if bracket and re.match(r"\s*\)", f[after:]) or not bracket and not m.group().startswith("tu"):
                    # "(năm 2022)", "Vòng chung kết: ngày 20/4/2019": the phase spans that one date; days
                    # listed ("ngày 06/11/2023 và ngày 07/11/2023") span from the first to the last
                    return start.iso(), _last_listed(f, start).iso()
                return start.iso(), None  # "từ tháng 01/2022": open-ended
            continue
        end_pos = sep.end()
        end = None
        if not re.match(r"(?:het\s+)?nam hoc|nay\b", f[end_pos:]):
            end = date_at(f, end_pos) or _bracketed_date(f, end_pos)
        if start is not None and start.year is None and end is not None:
            start.year = end.year
        if start is not None and start.day is not None and start.month is None and end is not None:
            start.month = end.month  # "từ ngày 15 đến 20/10/2018": the first day is in the end's month
        return (_iso(start, year) if start else None), (_iso(end, year) if end else None)
    return None, None


# The word or dash between a range's ends, OCR's specks after it ("từ ngày 18/9/2023 đến. ngày 22/9/2023").
_RANGE_SEPARATOR = re.compile(r"\s*(?:den(?:\s+het)?|[-–—])(?:\s*[.,'`_]+(?=\s))?\s*")
# Another date listed after one: "…, ngày 07/11" or "… và ngày 07/11/2023".
_LISTED = re.compile(r"\s*(?:,|va)\s*(?:ngay\s*)?")


def _last_listed(f: str, first: DateParts) -> DateParts:
    """The last of the full dates listed from `first` on, `first` when it stands alone."""
    last = first
    while (joint := _LISTED.match(f, last.end)) and (nxt := date_at(f, joint.end())) and nxt.year is not None:
        last = nxt
    return last


# "(quý I)", "(quý II và quý III)", ": quý IV/2019", "từ quý I đến hết quý II năm 2024": a phase of
# whole quarters, in the document's year unless printed with one
_QUARTERS = re.compile(r"\s*[:(]?\s*(?:tu\s+)?quy\s+(iv|i{1,3})\b"
                       r"(?:\s*(?:va|den(?:\s+het)?|-|–)\s*(?:quy\s+)?(iv|i{1,3})\b)?"
                       r"(?:\s*/\s*|\s+nam\s+)?((?:19|20)\d\d)?")
_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _iso(date: DateParts, year: int | None) -> str | None:
    """A phase's date as ISO; one printed without its year ("trước ngày 15/10") is in the document's year."""
    if date.year is None and year is not None and date.month is not None:
        date.year = year
    return date.iso()


# A range's first day printed alone, its month and year given once with the last day:
# "từ ngày 15 đến 20/10/2018", "từ 15 – 20/10".
_DAY_BEFORE_END = re.compile(r"(?:ngay\s*)?(\d{1,2})(?=\s*(?:den|[-–—])\s*(?:ngay\s*)?\d{1,2}\s*[/.\-]\s*\d)")


def _day_only(f: str, pos: int) -> DateParts | None:
    m = _DAY_BEFORE_END.match(f, pos)
    if m is None or not 1 <= int(m.group(1)) <= 31:
        return None
    return DateParts(int(m.group(1)), None, None, m.end())


def _lost_den(f: str, after: int, start) -> re.Match | None:
    """The gap before a range's end when OCR lost its "đến": "từ tháng 3/2023, tháng 6/2023" is a
    range when a second dated expression follows at once and does not come before the first."""
    gap = re.compile(r"\s*[,;…]?\s*").match(f, after)
    end = date_at(f, gap.end())
    if end is None or end.year is None or start.year is None:
        return None
    if (end.year, end.month or 0, end.day or 0) < (start.year, start.month or 0, start.day or 0):
        return None
    return gap


# The label's words, spelled out: OCR drops or confuses their diacritics ("Dot 1", "Đọt 2").
_LABEL_WORDS = {
    "dot": "Đợt", "giai": "Giai", "doan": "đoạn", "vong": "Vòng", "thi": "thi", "dua": "đua", "thu": "thứ",
    "nhat": "nhất", "tu": "tư", "nam": "năm", "sau": "sáu", "bay": "bảy", "tam": "tám", "chin": "chín",
    "muoi": "mười", "mot": "một", "bon": "bốn", "so": "sơ", "khao": "khảo", "chung": "chung", "ket": "kết",
    "ban": "bán", "loai": "loại", "cap": "cấp", "truong": "trường", "huyen": "huyện", "tinh": "tỉnh",
    "quoc": "quốc", "gia": "gia", "hai": "hai", "ba": "ba",
}


def _spelled(label: str) -> str:
    return " ".join(_LABEL_WORDS.get(fold(w), w) for w in label.split())


# OCR noise at the head of an item: an enumeration read with a comma ("1, Vòng sơ khảo") or specks
# (": Vòng 2 …"), and
# stray quote marks inside the label ("Vòng\" chung khảo")
_OCR_ENUM = re.compile(r"\d{1,2}\s*,\s+(?=\w)|[:;.,'`]+\s*(?=\w)")
_STRAY_QUOTES = re.compile(r"[\"'“”‘’`]")
# a bracketed name after the label, before its colon: "Vòng 2 (bán kết): …"
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*(?=[:.\-–—])")
# a prize list under a round's name ("Vòng sơ khảo: 01 giải Nhất, 02 giải Nhì …"): awards, not a period
_PRIZES = re.compile(r"\b\d+\s+giai\s+(?:nhat|nhi|ba|khuyen khich|dac biet)\b")


def _labelled(text: str, year: int | None = None) -> Phase | None:
    f = _STRAY_QUOTES.sub(" ", fold_same_length(text))
    head = _OCR_ENUM.match(f)
    if head:
        text, f = text[head.end():], f[head.end():]
    m = _LABEL.match(f)
    if m:
        start, end = _range(text[m.end():], year)
        qualifier = _QUALIFIER.match(text, m.end())
        if start is None and end is None and qualifier:  # "Vòng 2 (bán kết): ngày 03/11/2018"
            start, end = _range(text[qualifier.end():], year)
    else:
        m = _SPAN_LABEL.match(f)
        if not m or not re.match(r"\s*:", f[m.end():]):
            return None  # "giai đoạn 2021 - 2025" without a colon names a period, it does not head a stage
        start, end = _YEAR_SPAN.search(f, 0, m.end()).groups()
    if start is None and end is None and _PRIZES.search(f, m.end()):
        return None
    label = _spelled(squash(_STRAY_QUOTES.sub(" ", text[: m.end()])))
    rest = text[m.end():]
    bracket = re.match(r"\s*\([^()]*\)\s*:", rest)
    body = rest[bracket.end():] if bracket else rest
    return Phase(label=label, start=start, end=end, text=squash(body).lstrip(":;.-–— ").strip())


# Inside one sentence, a phase begins after a colon or semicolon: "chia làm hai đợt: Đợt I từ ngày … ; Đợt II …"
_INLINE_START = re.compile(r"[:;]\s*(?=(?:dot|giai doan|vong)\s)")


def _inline_phases(text: str, year: int | None = None) -> list[Phase]:
    """The phases one item lists in a sentence ("…hai đợt: Đợt I từ ngày 16/4 đến ngày 05/5/2018, …; Đợt II
    vào tháng 10/2018, …"): two or more labelled, dated parts, each after a colon or semicolon."""
    f = fold_same_length(text)
    starts = [m.end() for m in _INLINE_START.finditer(f)]
    parts = [text[a:b].rstrip(" ;") for a, b in zip(starts, starts[1:] + [len(text)])]
    phases = [phase for part in parts if (phase := _labelled(part, year)) and (phase.start or phase.end)]
    return phases if len(phases) >= 2 else []


def extract_phases(body: list[Item], year: int | None = None) -> list[Phase]:
    """The campaign's phases in the body's items, in reading order (labelled items, or the items of
    an "các đợt" list)."""
    doc = body
    labelled: list[Phase] = []
    unlabelled: list[Phase] = []
    for i, item in enumerate(doc):
        phase = _labelled(item.text, year)
        if phase:
            if phase.text == "" and i + 1 < len(doc) and not _labelled(doc[i + 1].text):
                phase.text = doc[i + 1].text  # a label on its own line: the phase is the next item
                if phase.start is None and phase.end is None:
                    phase.start, phase.end = _range(phase.text, year)
            same = [j for j, p in enumerate(labelled) if fold(p.label) == fold(phase.label)]
            if not same:
                labelled.append(phase)
            elif labelled[same[0]].start is None and labelled[same[0]].end is None and (phase.start or phase.end):
                labelled[same[0]] = phase  # a label named twice: the phase is the mention with its dates
            continue
        inline = _inline_phases(item.text, year)
        if inline:
            labelled += [p for p in inline if all(fold(p.label) != fold(q.label) for q in labelled)]
            continue
        intro = _INTRO.search(fold(item.text))
        if not intro or _OTHER_LIST.search(intro.group()):
            continue
        wave = []
        for follower in doc[i + 1:]:
            if follower.marker is None or follower.marker != (wave[0].marker if wave else follower.marker):
                break
            wave.append(follower)
        if len(wave) >= _WAVES_AT_LEAST and not any(_labelled(w.text) for w in wave):
            for w in wave:
                start, end = _range(w.text, year) if re.match(r"\s*tu\b", fold(w.text)) else (None, None)
                unlabelled.append(Phase(label=None, start=start, end=end, text=w.text))
    spans = [p for p in labelled if _SPAN_LABEL.match(fold(p.label))]
    if len(spans) < 2:
        labelled = [p for p in labelled if p not in spans]
    return _one_numbering(labelled) + unlabelled


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def _one_numbering(phases: list[Phase]) -> list[Phase]:
    """A document numbers its phases one way: a Roman "I" among "Đợt 2", "Đợt 3" is a "1" OCR misread
    ("Đợt Ï"), and is given the Arabic number."""
    heads = [fold(p.label).rsplit(" ", 1) for p in phases if p.label and " " in p.label]
    arabic = {head for head, number in heads if number.isdigit()}
    for phase in phases:
        head, _, number = fold(phase.label or "").rpartition(" ")
        if head in arabic and number in _ROMAN:
            phase.label = f"{phase.label.rsplit(' ', 1)[0]} {_ROMAN[number]}"
    return phases

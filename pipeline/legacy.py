"""Text in pre-Unicode Vietnamese encodings, and text layers whose font maps lie.

Offices typed for decades in TCVN3 (ABC: .VnTime, .VnArial…) and VNI fonts. A
PDF or Word file made from such a document holds Latin-1 look-alikes ("B¶o
Th¾ng" for "Bảo Thắng", "Baûo Thaéng" in VNI). Python has no codec for either,
so this module carries the mapping tables. Which encoding a text is in is
decided by reading it: the candidate decoding under which most words are well
formed Vietnamese syllables wins, plain Unicode on ties.

A second kind of lie is a broken ToUnicode map in a Unicode font: "ĐỐI TƢỢNG"
(U+01A2 LATIN CAPITAL LETTER OI for Ư), "Ð" (eth) for "Đ". `repair_font_map`
puts those right.
"""
from __future__ import annotations

import re
import unicodedata

UNICODE = "unicode"
TCVN3 = "tcvn3"
VNI = "vni"

# TCVN3 (TCVN 5712:1993, the ABC fonts): one byte per lower-case letter; capitals
# of the plain letters are ASCII and the "H" fonts (.VnTimeH) draw the lower-case
# codes as capitals. Each row: the base letter's five tones, in the order
# grave, hook, tilde, acute, dot below, after the toneless letter.
_TCVN3_ROWS = {
    # unicode letter + its tones:  TCVN3 codes for the same
    "aàảãáạ": "aµ¶·¸¹",
    "ăằẳẵắặ": "¨»¼½¾Æ",
    "âầẩẫấậ": "©ÇÈÉÊË",
    "eèẻẽéẹ": "eÌÎÏÐÑ",
    "êềểễếệ": "ªÒÓÔÕÖ",
    "iìỉĩíị": "i×ØÜÝÞ",
    "oòỏõóọ": "oßáâãä",
    "ôồổỗốộ": "«åæçèé",
    "ơờởỡớợ": "¬êëìíî",
    "uùủũúụ": "uïñòóô",
    "ưừửữứự": "\xadõö÷øù",
    "yỳỷỹýỵ": "yúûüýþ",
}
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§", "đ": "®"}


def _tcvn3_table() -> dict[str, str]:
    table = {}
    for letters, codes in _TCVN3_ROWS.items():
        for letter, code in zip(letters, codes):
            if code != letter:
                table[code] = letter
    for letter, code in _TCVN3_CAPITALS.items():
        table[code] = letter
    return table


TCVN3_TO_UNICODE = _tcvn3_table()

# VNI (VNI-Windows fonts): a base ASCII vowel followed by one Latin-1 character
# for its vowel mark and/or tone; a few letters are single characters.
_VNI_TONES = {"\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0301": "ù", "\u0323": "ï"}  # grave hook tilde acute dot
_VNI_CIRCUMFLEX = {"": "â", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0301": "á", "\u0323": "ä"}
_VNI_BREVE = {"": "ê", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0301": "é", "\u0323": "ë"}
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def _vni_table() -> dict[str, str]:
    """VNI sequence → Unicode letter, lower and upper case."""
    table: dict[str, str] = {}

    def add(vni: str, letter: str) -> None:
        table[vni] = letter
        table[vni.upper()] = letter.upper()

    for single, code in _VNI_SINGLE.items():
        add(code, single)
    for base in "aeouy":
        for tone, code in _VNI_TONES.items():
            if base == "y" and tone == "\u0323":
                continue  # ỵ is the single character î
            add(base + code, unicodedata.normalize("NFC", base + tone))
    for base in "aeo":
        for tone, code in _VNI_CIRCUMFLEX.items():
            add(base + code, unicodedata.normalize("NFC", base + "\u0302" + tone))
    for tone, code in _VNI_BREVE.items():
        add("a" + code, unicodedata.normalize("NFC", "a\u0306" + tone))
    for horned, code in (("ơ", "ô"), ("ư", "ö")):
        for tone, tone_code in _VNI_TONES.items():
            add(code + tone_code, unicodedata.normalize("NFC", horned + tone))
    return table


VNI_TO_UNICODE = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))

# Characters that broken font maps put where Vietnamese letters belong.
_FONT_MAP_REPAIRS = str.maketrans({"Ƣ": "Ư", "ƣ": "ư", "Ð": "Đ", "ð": "đ"})


# "ư" is TCVN3 code 0xAD, which WinAnsiEncoding calls a space: text layers drawn in
# a standard font read "ng\xadêi" (người) as "ng êi". A lone onset consonant
# before such a space, followed by what can only follow "ư", is that letter.
_U_AS_SPACE = re.compile(
    r"(?<![^\W\d_])(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|[bcdghklmnprstvx®])"
    r" (?=[¬êëìíîaiu]|ng|[cnmtp](?![^\W\d_]))"
)


def tcvn3_u_spaces(raw: str) -> list[int]:
    """Positions of spaces in raw TCVN3 text that stand for "ư" (see `_U_AS_SPACE`)."""
    return [m.end(1) for m in _U_AS_SPACE.finditer(raw)]


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """Decode TCVN3 text; `capitals` for text set in an "H" font (.VnTimeH), which shows every letter as a capital."""
    chars = list(text)
    for i in tcvn3_u_spaces(text):
        chars[i] = "\xad"
    out = "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in chars)
    return out.upper() if capitals else out


def vni_to_unicode(text: str) -> str:
    return _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)


def repair_font_map(text: str) -> str:
    """Put right the letters a broken ToUnicode map swaps in ("TƢỢNG" → "TƯỢNG"), in NFC."""
    return unicodedata.normalize("NFC", text).translate(_FONT_MAP_REPAIRS)


def is_capitals_font(fontname: str) -> bool:
    """An ABC "H" font such as .VnTimeH or VnArialH (the subset prefix "ABCDEF+" aside)."""
    name = fontname.split("+", 1)[-1].lstrip(".").split(",")[0].split("-")[0]
    return bool(re.fullmatch(r"Vn[A-Za-z]+H", name))


# --- deciding what a text is ------------------------------------------------

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_TOKEN = re.compile(r"[^\s\d.,;:!?()\[\]\"'“”‘’/\\\-–—_*+=<>%&|…]+")


def _is_syllable(token: str) -> bool:
    """A well-formed Vietnamese syllable, at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return bool(_SYLLABLE.fullmatch(base))


def syllable_score(text: str) -> tuple[int, int]:
    """(well-formed, total) over the words that carry a non-ASCII character.

    Plain-ASCII words ("UBND", "THCS", "ngay") read the same under every
    encoding and say nothing about which one a text is in, so they are left out.
    """
    good = total = 0
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        if token.isascii():
            continue
        total += 1
        good += _is_syllable(token)
    return good, total


def vietnamese_ratio(text: str) -> float | None:
    """Share of non-ASCII words that are Vietnamese syllables; None when there are none."""
    good, total = syllable_score(text)
    return good / total if total else None


def decode(text: str, encoding: str, capitals: bool = False) -> str:
    if encoding == TCVN3:
        return repair_font_map(tcvn3_to_unicode(text, capitals))
    if encoding == VNI:
        return repair_font_map(vni_to_unicode(text))
    return repair_font_map(text)


def detect_encoding(text: str) -> str:
    """UNICODE, TCVN3 or VNI: the decoding under which most words are Vietnamese syllables.

    A legacy decoding must do clearly better than reading the text as it is, so
    genuine Unicode text (where "à", "é", "ô" are also TCVN3/VNI codes) stays as it is.
    """
    best, best_good = UNICODE, syllable_score(decode(text, UNICODE))[0]
    for encoding in (TCVN3, VNI):
        good, total = syllable_score(decode(text, encoding))
        if total and good > best_good * 1.5 + 2:
            best, best_good = encoding, good
    return best

"""Render dispatch text into realistic scan images, for tests and sample inputs.

Usage::

    from tests.scanmaker import Dispatch, ScanStyle, render, save
    dispatch = Dispatch.from_text(Path("seed.txt").read_text())
    pages = render(dispatch, ScanStyle(dpi=200, skew=0.8, seal=True, stamp="blue"))
    save(pages, Path("scan.pdf"), dpi=200)          # or .png / .jpg / .tif (multi-page)

A `Dispatch` lays a document out the way Nghị định 30/2020/NĐ-CP does: a two-column
header (issuer and "Số:" on the left, quốc hiệu and the place–date line on the right,
"V/v" under the number), the body at full width, and a two-column footer ("Nơi nhận"
on the left, the signing block on the right). The page is drawn at 300 dpi in a
serif font with full Vietnamese coverage, then degraded like an office scanner:
seal and "CV ĐẾN" stamp, skew, blur, noise, speckle, downsampling, JPEG
compression, and optionally a quarter-turn rotation.
"""
from __future__ import annotations

import io
import math
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

RENDER_DPI = 300
A4_INCHES = (8.27, 11.69)
_FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu"))
_FONT_FILES = {
    (False, False): ("NotoSerif-Regular.ttf", "DejaVuSerif.ttf"),
    (True, False): ("NotoSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"),
    (False, True): ("NotoSerif-Italic.ttf", "DejaVuSerif-Italic.ttf"),
}
SEAL_RED = (215, 35, 40)
STAMP_BLUE = (30, 60, 200)


@dataclass
class Stamp:
    """The receiving office's "CV ĐẾN" stamp: org on top, then number and date."""

    org: str
    number: str
    date: str  # as written in the box, e.g. "9 / 1 / 2017"


@dataclass
class Dispatch:
    """A dispatch laid out in the regions a scanned page shows."""

    header_left: list[str] = field(default_factory=list)  # parent issuer, issuer, Số:, V/v ...
    header_right: list[str] = field(default_factory=list)  # quốc hiệu, motto, place–date line
    body: list[str] = field(default_factory=list)  # paragraphs; ALL-CAPS short ones are centred titles
    footer_left: list[str] = field(default_factory=list)  # Nơi nhận: and its items
    footer_right: list[str] = field(default_factory=list)  # TM./KT. ..., title, then the name last
    stamp: Stamp | None = None

    @property
    def signatory_name(self) -> str | None:
        return self.footer_right[-1] if self.footer_right else None

    @classmethod
    def from_text(cls, text: str) -> "Dispatch":
        """Lay out a plain transcription (like shared/seeds/text/*.txt) by what each line is."""
        lines = [_clean(line) for line in text.splitlines()]
        stamp, lines = _take_stamp(lines)
        lines = [line for line in lines if line]
        header_end = _header_end(lines)
        footer_start = _footer_start(lines, header_end)
        left, right = [], []
        for line in lines[:header_end]:
            (right if _is_right_header_line(line) else left).append(line)
        foot_left, foot_right = [], []
        for line in lines[footer_start:]:
            (foot_left if _is_recipient_line(line) else foot_right).append(line)
        # A transcription may repeat the signer's name (signature image, then typed): keep one.
        while len(foot_right) > 1 and foot_right[-1] == foot_right[-2]:
            foot_right.pop()
        return cls(left, right, lines[header_end:footer_start], foot_left, foot_right, stamp)


@dataclass
class ScanStyle:
    """How the scanner degrades the page. Defaults give a clean 200 dpi greyscale scan."""

    dpi: int = 200
    skew: float = 0.0  # degrees, counter-clockwise
    rotate: int = 0  # quarter turns of the whole sheet, counter-clockwise: 0, 90, 180, 270
    blur: float = 0.0  # Gaussian radius in output pixels
    noise: float = 0.0  # Gaussian noise sigma, grey levels
    speckle: float = 0.0  # fraction of pixels turned into dark specks
    jpeg_quality: int | None = None  # round-trip through JPEG at this quality
    colour: bool = False  # keep colour (seal and stamp stay red/blue); else greyscale
    seal: bool = False  # red round seal over the signatory's name
    stamp: str | None = None  # "blue" or "red": draw the dispatch's CV ĐẾN stamp by the header
    font_size: float = 13.0  # points
    seed: int = 0


def render(dispatch: Dispatch, style: ScanStyle = ScanStyle()) -> list[Image.Image]:
    """The dispatch as scanned page images (RGB when style.colour, else L), at style.dpi."""
    rng = random.Random(style.seed)
    pages = _Typesetter(style).typeset(dispatch)
    out = []
    for number, (page, seal_at, stamp_at) in enumerate(pages, start=1):
        if style.stamp and dispatch.stamp and stamp_at:
            _draw_stamp(page, dispatch.stamp, stamp_at, _stamp_colour(style.stamp), rng)
        if style.seal and seal_at:
            _draw_seal(page, seal_at, dispatch.header_left[:2], rng)
        out.append(_degrade(page, style, random.Random(style.seed * 1000 + number)))
    return out


def save(pages: list[Image.Image], path: Path, dpi: int = 200) -> Path:
    """Write pages by suffix: .pdf (image-only), .tif/.tiff (multi-page), .png/.jpg (first page only)."""
    suffix = path.suffix.lower()
    first, rest = pages[0], pages[1:]
    if suffix == ".pdf":
        first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest, quality=85)
    elif suffix in (".tif", ".tiff"):
        first.save(path, "TIFF", dpi=(dpi, dpi), save_all=True, append_images=rest, compression="tiff_lzw")
    elif suffix in (".jpg", ".jpeg"):
        first.save(path, "JPEG", dpi=(dpi, dpi), quality=85)
    elif suffix == ".png":
        first.save(path, "PNG", dpi=(dpi, dpi))
    else:
        raise ValueError(f"{path}: unsupported scan format {suffix!r}")
    return path


def make_scan(text: str, path: Path, style: ScanStyle = ScanStyle()) -> Path:
    """Transcription in, scan file out (format by suffix)."""
    return save(render(Dispatch.from_text(text), style), path, dpi=style.dpi)


# --- reading a transcription -------------------------------------------------------------

_DATE_LINE = re.compile(r"ngày\s+\S*\s*tháng\s+\S*\s*năm\s+\d{4}", re.IGNORECASE)
_SIGNING = re.compile(r"^(TM|KT|TL|TUQ|Q)\s*\.", re.IGNORECASE)


def _clean(line: str) -> str:
    return re.sub(r"\*+", "", line).replace("\t", " ").strip()


def _take_stamp(lines: list[str]) -> tuple[Stamp | None, list[str]]:
    """Find "CV Số: n" / "ĐẾN Ngày: d" (with the org on the line before) and lift it out."""
    for i, line in enumerate(lines):
        number = re.match(r"^CV\s+Số\s*:\s*(.*)$", line)
        date = re.match(r"^ĐẾN\s+Ngày\s*:\s*(.*)$", lines[i + 1]) if i + 1 < len(lines) else None
        if number and date:
            has_org = i > 0 and lines[i - 1] and lines[i - 1].isupper()
            org = lines[i - 1] if has_org else ""
            stamp = Stamp(org, number.group(1).strip(), date.group(1).strip())
            return stamp, lines[: i - 1 if has_org else i] + lines[i + 2:]
    return None, lines


def _header_end(lines: list[str]) -> int:
    """Index after the header: the place–date line and the V/v lines that follow it."""
    for i, line in enumerate(lines[:15]):
        if _DATE_LINE.search(line):
            end = i + 1
            if any(l.startswith("V/v") for l in lines[:i]):
                return end
            if end < len(lines) and lines[end].startswith("V/v"):
                end += 1
                while end < len(lines) and lines[end][:1].islower():
                    end += 1
            return end
    return 0


def _footer_start(lines: list[str], header_end: int) -> int:
    tail_from = max(header_end, len(lines) - 25)
    for i in range(tail_from, len(lines)):
        if lines[i].startswith("Nơi nhận") or _SIGNING.match(lines[i]):
            return i
    return len(lines)


def _is_right_header_line(line: str) -> bool:
    return bool(line.startswith("CỘNG HÒA") or line.startswith("CỘNG HOÀ") or line.startswith("Độc lập")
                or _DATE_LINE.search(line))


def _is_recipient_line(line: str) -> bool:
    return line.startswith("Nơi nhận") or line.startswith("-") or line.startswith("+")


# --- typesetting -------------------------------------------------------------------------


def _font(size_pt: float, bold: bool = False, italic: bool = False) -> ImageFont.FreeTypeFont:
    names = _FONT_FILES[(bold, italic)]
    for folder, name in zip(_FONT_DIRS, names):
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), round(size_pt * RENDER_DPI / 72))
    raise FileNotFoundError("no serif font with Vietnamese coverage (install fonts-noto-core or fonts-dejavu)")


def _mm(mm: float) -> int:
    return round(mm / 25.4 * RENDER_DPI)


class _Typesetter:
    """Places the dispatch's lines on A4 pages at RENDER_DPI; remembers where seal and stamp go."""

    def __init__(self, style: ScanStyle):
        self.width = round(A4_INCHES[0] * RENDER_DPI)
        self.height = round(A4_INCHES[1] * RENDER_DPI)
        self.left, self.right, self.top, self.bottom = _mm(30), _mm(18), _mm(18), _mm(20)
        size = style.font_size
        self.regular = _font(size)
        self.bold = _font(size, bold=True)
        self.italic = _font(size, italic=True)
        self.small = _font(size - 1.5)
        self.small_bold = _font(size - 1.5, bold=True)
        self.leading = round(size * 1.45 * RENDER_DPI / 72)
        self.pages: list[tuple[Image.Image, tuple[int, int] | None, tuple[int, int] | None]] = []

    def typeset(self, d: Dispatch) -> list[tuple[Image.Image, tuple[int, int] | None, tuple[int, int] | None]]:
        self._new_page()
        stamp_at = None
        if d.header_left or d.header_right:
            stamp_at = self._header(d.header_left, d.header_right)
        elif d.stamp:
            stamp_at = (self.width - self.right - _mm(70), self.y)
            self.y += _mm(28)
        self.stamp_at = stamp_at
        for paragraph in d.body:
            self._paragraph(paragraph)
        if d.footer_left or d.footer_right:
            self._footer(d.footer_left, d.footer_right)
        self._flush()
        return self.pages

    # pages

    def _new_page(self) -> None:
        self.page = Image.new("RGB", (self.width, self.height), "white")
        self.draw = ImageDraw.Draw(self.page)
        self.y = self.top
        self.seal_at = None
        self.stamp_at = None
        if self.pages:  # page numbers from page 2, centred in the top margin (NĐ 30)
            self._centred(str(len(self.pages) + 1), self.small, 0, self.width, _mm(8))

    def _flush(self) -> None:
        self.pages.append((self.page, self.seal_at, self.stamp_at))

    def _need(self, height: int) -> None:
        if self.y + height > self.height - self.bottom:
            self._flush()
            self._new_page()

    # drawing helpers

    def _centred(self, text: str, font, x0: int, x1: int, y: int) -> None:
        w = self.draw.textlength(text, font=font)
        self.draw.text((x0 + (x1 - x0 - w) / 2, y), text, font=font, fill="black")

    def _wrap(self, text: str, font, width: int) -> list[str]:
        words, lines, current = text.split(), [], ""
        for word in words:
            trial = f"{current} {word}".strip()
            if current and self.draw.textlength(trial, font=font) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        return lines + ([current] if current else [])

    def _column(self, lines: list[str], x0: int, x1: int, y: int, fonts) -> int:
        """Centred lines in [x0, x1); fonts(i, line) picks each line's font. Returns the y after."""
        for i, line in enumerate(lines):
            font = fonts(i, line)
            for part in self._wrap(line, font, x1 - x0):
                self._centred(part, font, x0, x1, y)
                y += self.leading
        return y

    # regions

    def _header(self, left: list[str], right: list[str]) -> tuple[int, int]:
        split = self.left + round((self.width - self.left - self.right) * 0.42)
        issuer_lines = [l for l in left if l.isupper() and not l.startswith("SỐ")]

        def left_font(i, line):
            if line.startswith("V/v") or line[:1].islower():
                return self.small
            if line in issuer_lines:  # cơ quan chủ quản plain, cơ quan ban hành bold
                return self.small_bold if line == issuer_lines[-1] else self.small
            return self.regular

        def right_font(i, line):
            if _DATE_LINE.search(line):
                return self.italic
            return self.bold

        top = self.y
        y_left = self._column(left, self.left - _mm(15), split, top, left_font)
        y_right = self._column(right, split, self.width - self.right + _mm(5), top, right_font)
        stamp_at = (split + _mm(15), y_right + _mm(2))
        self.y = max(y_left, y_right + _mm(30)) + self.leading // 2
        return stamp_at

    def _paragraph(self, text: str) -> None:
        width = self.width - self.left - self.right
        is_title = text.isupper() and len(text) < 90 or (text[:1].isupper() and self.draw.textlength(
            text, font=self.bold) < width * 0.8 and text.upper() == text)
        if is_title:
            for part in self._wrap(text, self.bold, width):
                self._need(self.leading)
                self._centred(part, self.bold, self.left, self.width - self.right, self.y)
                self.y += self.leading
            return
        indent = _mm(10)
        parts = self._wrap(text, self.regular, width - indent)
        for i, part in enumerate(parts):
            self._need(self.leading)
            x = self.left + (indent if i == 0 else 0)
            self.draw.text((x, self.y), part, font=self.regular, fill="black")
            self.y += self.leading
        self.y += self.leading // 4

    def _footer(self, left: list[str], right: list[str]) -> None:
        name = right[-1:] if right else []
        block = right[:-1]
        height = max(len(left), len(block) + 5) * self.leading
        self._need(height)
        self.y += self.leading // 2
        split = self.left + round((self.width - self.left - self.right) * 0.45)
        top = self.y
        y_left = top
        for i, line in enumerate(left):
            font = self.small_bold if i == 0 and line.startswith("Nơi nhận") else self.small
            for part in self._wrap(line, font, split - self.left):
                self.draw.text((self.left, y_left), part, font=font, fill="black")
                y_left += round(self.leading * 0.85)
        y_right = self._column(block, split, self.width - self.right, top, lambda i, l: self.bold)
        y_right += 3 * self.leading  # room for the signature
        name_y = y_right
        y_right = self._column(name, split, self.width - self.right, y_right, lambda i, l: self.bold)
        if name:
            name_width = self.draw.textlength(name[0], font=self.bold)
            centre_x = (split + self.width - self.right) / 2 - name_width * 0.25
            self.seal_at = (round(centre_x), name_y + self.leading // 2 - _mm(8))
        self.y = max(y_left, y_right)


# --- seal and stamp ----------------------------------------------------------------------


def _stamp_colour(name: str) -> tuple[int, int, int]:
    return SEAL_RED if name == "red" else STAMP_BLUE


def _ink_layer(size: tuple[int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    layer = Image.new("L", size, 0)
    return layer, ImageDraw.Draw(layer)


def _apply_ink(page: Image.Image, layer: Image.Image, origin: tuple[int, int], colour, angle: float) -> None:
    """Multiply coloured ink onto the page: black text stays black under it, as with real ink."""
    layer = layer.rotate(angle, resample=Image.BICUBIC, expand=True)
    x, y = origin[0] - layer.width // 2, origin[1] - layer.height // 2
    ink = np.asarray(layer, dtype=np.float32)[..., None] / 255.0 * 0.85
    box = (max(x, 0), max(y, 0), min(x + layer.width, page.width), min(y + layer.height, page.height))
    region = np.asarray(page.crop(box), dtype=np.float32)
    ink = ink[box[1] - y: box[3] - y, box[0] - x: box[2] - x]
    tint = np.array(colour, dtype=np.float32) / 255.0
    mixed = region * (1 - ink + ink * tint)
    page.paste(Image.fromarray(mixed.clip(0, 255).astype(np.uint8)), box[:2])


def _draw_seal(page: Image.Image, centre: tuple[int, int], ring_lines: list[str], rng: random.Random) -> None:
    """A round red seal: double ring, issuer name round the ring, a star in the middle."""
    radius = _mm(19)
    size = 2 * radius + 20
    layer, draw = _ink_layer((size, size))
    c = size // 2
    draw.ellipse((c - radius, c - radius, c + radius, c + radius), outline=255, width=9)
    inner = radius - _mm(7)
    draw.ellipse((c - inner, c - inner, c + inner, c + inner), outline=255, width=4)
    star = [(c + inner * 0.55 * math.cos(math.pi / 2 + k * 4 * math.pi / 5),
             c - inner * 0.55 * math.sin(math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
    draw.polygon(star, fill=255)
    text = " * ".join(ring_lines).upper() or "CƠ QUAN"
    font = _font(9, bold=True)
    ring = radius - _mm(3.5)
    step = 2 * math.pi / max(len(text) + 3, 24)
    for k, ch in enumerate(text[: int(2 * math.pi / step) - 1]):
        theta = math.pi / 2 + math.pi * 0.15 - k * step  # clockwise from upper left
        glyph, gdraw = _ink_layer((60, 60))
        gdraw.text((30, 30), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(math.degrees(theta) - 90, resample=Image.BICUBIC)
        gx, gy = c + ring * math.cos(theta) - 30, c - ring * math.sin(theta) - 30
        layer.paste(255, (round(gx), round(gy)), glyph)
    _apply_ink(page, layer, centre, SEAL_RED, rng.uniform(-20, 20))


def _draw_stamp(page: Image.Image, stamp: Stamp, at: tuple[int, int], colour, rng: random.Random) -> None:
    """A rectangular "CV ĐẾN" stamp: org across the top, then Số: and Ngày: beside a big CV / ĐẾN."""
    width, height = _mm(62), _mm(24)
    layer, draw = _ink_layer((width + 20, height + 20))
    draw.rectangle((10, 10, width + 10, height + 10), outline=255, width=6)
    small, big = _font(8.5, bold=True), _font(12, bold=True)
    org_y = 10 + _mm(1.5)
    draw.text((10 + width // 2, org_y), stamp.org or "VĂN THƯ", font=small, fill=255, anchor="ma")
    row1, row2 = 10 + _mm(9), 10 + _mm(16.5)
    draw.line((10, row1 - _mm(1.5), width + 10, row1 - _mm(1.5)), fill=255, width=4)
    draw.text((10 + _mm(3), row1), "CV", font=big, fill=255)
    draw.text((10 + _mm(3), row2), "ĐẾN", font=big, fill=255)
    draw.text((10 + _mm(20), row1), f"Số: {stamp.number}", font=small, fill=255)
    draw.text((10 + _mm(20), row2), f"Ngày: {stamp.date}", font=small, fill=255)
    centre = (at[0] + width // 2, at[1] + height // 2)
    _apply_ink(page, layer, centre, colour, rng.uniform(-4, 4))


# --- scanner -----------------------------------------------------------------------------


def _degrade(page: Image.Image, style: ScanStyle, rng: random.Random) -> Image.Image:
    image = page if style.colour else page.convert("L")
    fill = "white" if style.colour else 255
    if style.skew:
        image = image.rotate(style.skew, resample=Image.BICUBIC, expand=False, fillcolor=fill)
    scale = style.dpi / RENDER_DPI
    if scale != 1:
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS)
    if style.blur:
        image = image.filter(ImageFilter.GaussianBlur(style.blur))
    if style.noise or style.speckle:
        pixels = np.asarray(image, dtype=np.float32)
        nprng = np.random.default_rng(rng.randrange(2**32))
        if style.noise:
            noise = nprng.normal(0, style.noise, pixels.shape[:2])
            pixels = pixels + (noise[..., None] if pixels.ndim == 3 else noise)
        if style.speckle:
            specks = nprng.random(pixels.shape[:2]) < style.speckle
            darkness = nprng.uniform(0, 90, int(specks.sum()))
            pixels[specks] = darkness[:, None] if pixels.ndim == 3 else darkness
        image = Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
    if style.jpeg_quality:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=style.jpeg_quality)
        image = Image.open(io.BytesIO(buffer.getvalue()))
        image.load()
    if style.rotate:
        image = image.rotate(style.rotate, expand=True)
    return image

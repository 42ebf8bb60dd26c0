#!/usr/bin/env python3
"""Make the bundled sample inputs in pipeline/samples/ from the seed transcriptions.

    .venv/bin/python scripts/make_samples.py [--seeds ../shared/seeds/text]

`congvan ingest` copies these into an inbox that has never been used, so the
first `make run` on a fresh checkout shows real records. Three seeds become
scans (image-only PDF, 150 dpi greyscale JPEG pages, skewed, one with
a seal and one with a "CV ĐẾN" stamp: tests/scanmaker.py), one a Word .docx laid
out as offices do (two-column header and footer tables), one stays plain text.
The output is deterministic; commit it with this script.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.shared import Pt  # noqa: E402

from tests.scanmaker import Dispatch, ScanStyle, render  # noqa: E402

SAMPLES_DIR = ROOT / "pipeline" / "samples"

SCAN_JPEG_QUALITY = 50  # keeps a text page near 150 KiB at 150 dpi
SCANS = {  # seed → (sample name, how it is scanned)
    "001_f9ae15b775fe3bde.txt": ("ke-hoach-thi-dua-cao-bang-2016.pdf", ScanStyle(dpi=150, skew=0.7, blur=0.3, seed=1)),
    "004_4ba55daeb46a4bfd.txt": ("phat-dong-thi-dua-lao-cai-2024.pdf",
                                 ScanStyle(dpi=150, skew=-0.5, seal=True, seed=4)),
    "000_48c082fbcb98e4e7.txt": ("cong-van-thai-nguyen-2017.pdf", ScanStyle(dpi=150, skew=0.4, stamp="blue", seed=7)),
}
WORD = {"003_215ada83c8d0aa07.txt": "cong-van-quang-tri-2021.docx"}
TEXT = {"002_2cd600c8493704a9.txt": "tin-vinh-phuc-2018.txt"}


def _two_columns(document: Document, left: list[str], right: list[str]) -> None:
    """A borderless one-row table, as Word documents lay out the header and the footer."""
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right)):
        cell.text = "\n".join(lines)


def make_scan_pdf(text: str, path: Path, style: ScanStyle) -> Path:
    """An image-only PDF of greyscale JPEG pages, compressed harder than scanmaker.save does for tests."""
    first, *rest = render(Dispatch.from_text(text), style)
    first.save(path, "PDF", resolution=style.dpi, save_all=True, append_images=rest, quality=SCAN_JPEG_QUALITY)
    return path


def make_docx(text: str, path: Path) -> Path:
    dispatch = Dispatch.from_text(text)
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    _two_columns(document, dispatch.header_left, dispatch.header_right)
    for paragraph in dispatch.body:
        document.add_paragraph(paragraph)
    _two_columns(document, dispatch.footer_left, dispatch.footer_right)
    document.core_properties.author = "congvan samples"
    document.save(path)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds" / "text")
    args = ap.parse_args()
    SAMPLES_DIR.mkdir(parents=True, exist_ok=True)
    for seed, (name, style) in SCANS.items():
        make_scan_pdf((args.seeds / seed).read_text(encoding="utf-8"), SAMPLES_DIR / name, style)
    for seed, name in WORD.items():
        make_docx((args.seeds / seed).read_text(encoding="utf-8"), SAMPLES_DIR / name)
    for seed, name in TEXT.items():
        (SAMPLES_DIR / name).write_text((args.seeds / seed).read_text(encoding="utf-8"), encoding="utf-8")
    for path in sorted(SAMPLES_DIR.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()

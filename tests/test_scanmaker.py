"""The scan generator lays seed transcriptions out like real dispatches and saves every format."""
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image

from tests.scanmaker import Dispatch, ScanStyle, render, save

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "text"
if not SEEDS.is_dir():
    SEEDS = Path("/work/shared/seeds/text")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_is_laid_out_in_header_body_and_footer_columns():
    d = Dispatch.from_text(seed("000"))
    assert d.header_left[:3] == ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI NGUYÊN",
                                 "Số: 375 /LĐLĐ"]
    assert d.header_left[3].startswith("V/v phát động thi đua")
    assert d.header_right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Thái Nguyên, ngày 04 tháng 01 năm 2017"]
    assert d.stamp.org == "CÔNG ĐOÀN ĐẠI HỌC THÁI NGUYÊN" and d.stamp.number == "16"
    assert d.body[0].startswith("Kính gửi:")
    assert d.footer_left[0] == "Nơi nhận:" and d.footer_left[-1] == "- Lưu: VP-CSPL son"
    assert d.footer_right == ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Ngô Việt Hà"]
    assert d.signatory_name == "Ngô Việt Hà"
    assert not any("**" in line for line in d.body)


def test_signing_block_before_recipients_is_still_the_footer():
    d = Dispatch.from_text(seed("004"))
    assert d.footer_right == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Đặng Đình Chung"]
    assert d.footer_left[0] == "Nơi nhận:" and "- Lưu VT, VP." in d.footer_left


def test_pages_are_a4_at_the_requested_resolution_and_rotation():
    d = Dispatch.from_text(seed("003"))
    upright = render(d, ScanStyle(dpi=150))
    assert upright[0].mode == "L" and upright[0].size == (1240, 1754)
    turned = render(d, ScanStyle(dpi=150, rotate=90))
    assert turned[0].size == (1754, 1240)
    assert len(upright) == len(turned) >= 2


def test_seal_and_stamp_are_coloured_ink_over_the_text():
    d = Dispatch.from_text(seed("000"))
    plain = np.asarray(render(d, ScanStyle(colour=True))[0], dtype=int)
    stamped = np.asarray(render(d, ScanStyle(colour=True, stamp="blue"))[0], dtype=int)
    blue = (stamped[..., 2] - stamped[..., 0] > 80).sum()
    assert blue > 2000 and (plain[..., 2] - plain[..., 0] > 80).sum() == 0
    last = np.asarray(render(d, ScanStyle(colour=True, seal=True))[-1], dtype=int)
    assert (last[..., 0] - last[..., 2] > 80).sum() > 5000


def test_degradations_change_the_image():
    d = Dispatch.from_text(seed("003"))
    clean = np.asarray(render(d)[0], dtype=int)
    noisy = np.asarray(render(d, ScanStyle(noise=10, speckle=0.002, blur=0.8, skew=1.5, jpeg_quality=50))[0],
                       dtype=int)
    assert clean.shape == noisy.shape and np.abs(clean - noisy).mean() > 3


@pytest.mark.parametrize("suffix", [".pdf", ".tif", ".png", ".jpg"])
def test_saved_formats_read_back(tmp_path, suffix):
    pages = render(Dispatch.from_text(seed("003")), ScanStyle(dpi=100))
    path = save(pages, tmp_path / f"scan{suffix}", dpi=100)
    if suffix == ".pdf":
        with pdfplumber.open(path) as pdf:
            assert len(pdf.pages) == len(pages) and not pdf.pages[0].extract_text().strip()
    else:
        with Image.open(path) as image:
            assert image.size == pages[0].size
            assert getattr(image, "n_frames", 1) == (len(pages) if suffix == ".tif" else 1)

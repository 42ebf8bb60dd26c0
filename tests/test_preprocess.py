"""Each preprocessing step on pages the scan generator renders."""
import numpy as np
import pytest
from PIL import Image

from pipeline import preprocess
from tests.scanmaker import Dispatch, ScanStyle, render

DISPATCH = Dispatch(
    header_left=["LIÊN ĐOÀN LAO ĐỘNG TỈNH", "Số: 12/LĐLĐ"],
    header_right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hà Nội, ngày 02 tháng 3 năm 2021"],
    body=["Nội dung công văn gồm nhiều dòng chữ để đo độ nghiêng của trang giấy khi quét. " * 6] * 4,
    footer_left=["Nơi nhận:", "- Như trên;"],
    footer_right=["CHỦ TỊCH", "Nguyễn Văn An"],
)


@pytest.mark.parametrize("skew", [-2.3, -0.8, 1.2, 2.5])
def test_skew_angle_is_measured(skew):
    page = render(DISPATCH, ScanStyle(dpi=150, skew=skew, noise=6))[0]
    assert preprocess.measure(page).skew == pytest.approx(skew, abs=0.2)


def test_deskew_straightens_tilted_pages_and_leaves_small_tilts():
    tilted = render(DISPATCH, ScanStyle(dpi=150, skew=2.0))[0]
    straightened = preprocess.deskew(tilted, preprocess.measure(tilted).skew)
    assert abs(preprocess.measure(straightened).skew) < 0.3
    slight = render(DISPATCH, ScanStyle(dpi=150, skew=0.4))[0]
    assert preprocess.deskew(slight, preprocess.measure(slight).skew) is slight


@pytest.mark.parametrize("turn,sideways", [(0, False), (90, True), (180, False), (270, True)])
def test_sideways_pages_are_recognised(turn, sideways):
    page = render(DISPATCH, ScanStyle(dpi=150, rotate=turn, skew=1.0, noise=5))[0]
    assert preprocess.measure(page).sideways is sideways


def test_turn_undoes_a_quarter_turn():
    upright = render(DISPATCH, ScanStyle(dpi=100))[0]
    turned = render(DISPATCH, ScanStyle(dpi=100, rotate=90))[0]
    assert np.array_equal(np.asarray(preprocess.turn(turned, 270)), np.asarray(upright))


def test_grey_page_stored_as_rgb_is_just_converted():
    grey = render(DISPATCH, ScanStyle(dpi=100))[0]
    assert np.array_equal(np.asarray(preprocess.drop_colour(grey.convert("RGB"))), np.asarray(grey))


def test_colour_ink_goes_and_black_text_under_it_stays():
    plain = render(DISPATCH, ScanStyle(dpi=150, colour=True))[0]
    sealed = render(DISPATCH, ScanStyle(dpi=150, colour=True, seal=True))[0]
    cleaned = np.asarray(preprocess.drop_colour(sealed), dtype=int)
    reference = np.asarray(plain.convert("L"), dtype=int)
    assert cleaned.shape == reference.shape
    # the seal's ring and star are gone: where the plain page is white the cleaned one is (nearly) white
    assert (cleaned[reference > 250] < 200).mean() < 0.001
    # the black text (also under the seal) is still dark
    text = reference < 80
    assert (cleaned[text] < 128).mean() > 0.97
    assert np.asarray(sealed).tobytes() != cleaned.tobytes()  # the original was not modified
    assert sealed.mode == "RGB"


def test_low_resolution_pages_are_upscaled_and_others_kept():
    low = render(DISPATCH, ScanStyle(dpi=100))[0]
    assert preprocess.page_dpi(low) == pytest.approx(100, abs=1)
    assert preprocess.upscale(low, 100).size == (low.width * 3, low.height * 3)
    usual = render(DISPATCH, ScanStyle(dpi=200))[0]
    assert preprocess.upscale(usual, preprocess.page_dpi(usual)) is usual


def test_declared_resolution_wins_when_plausible():
    image = Image.new("L", (1000, 1400), 255)
    image.info["dpi"] = (150, 150)
    assert preprocess.page_dpi(image) == 150
    image.info["dpi"] = (72, 72)  # a placeholder many programs write
    assert preprocess.page_dpi(image) == pytest.approx(1000 / 8.27)


def test_isolated_specks_go_and_letters_dots_and_bullets_stay():
    page = render(DISPATCH, ScanStyle(dpi=150))[0].convert("L")
    clean = np.asarray(page).copy()
    specked = clean.copy()
    ink = clean < 128
    rng = np.random.default_rng(3)
    placed = 0
    while placed < 40:  # 1–3 px specks on blank paper, at least 0.1 inch from any ink
        y, x = rng.integers(20, page.height - 20), rng.integers(20, page.width - 20)
        if not ink[y - 15: y + 18, x - 15: x + 18].any():
            size = int(rng.integers(1, 4))
            specked[y: y + size, x: x + size] = 0
            ink[y - 15: y + 18, x - 15: x + 18] = True  # keep specks apart from each other too
            placed += 1
    result = np.asarray(preprocess.despeckle(Image.fromarray(specked), 150))
    assert (result < 128).sum() == (clean < 128).sum()  # every speck gone, no dot of a letter taken
    assert (result[clean < 128] < 128).all()

"""OCR through the shared pool on scans the tests render: seal over the name, stamp, quarter turns, TIFF pages."""
from pathlib import Path

import pytest
from PIL import Image

from pipeline.acquire import read_document
from pipeline.errors import InputError
from pipeline.ocr import OcrPool
from pipeline.options import Options
from tests.scanmaker import Dispatch, ScanStyle, render, save

SEEDS = Path("/work/shared/seeds/text")
if not SEEDS.is_dir():
    SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "text"


@pytest.fixture(scope="module")
def dispatch() -> Dispatch:
    return Dispatch.from_text(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pool():
    with OcrPool(Options(jobs=2)) as shared:
        yield shared


def squashed(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def test_signatory_under_a_red_seal_is_read(dispatch, pool):
    last = render(dispatch, ScanStyle(colour=True, seal=True, skew=0.7, noise=5, jpeg_quality=70))[-1]
    page = pool.submit(last, 4).result()
    assert "Ngô Việt Hà" in page.lines
    assert "PHÓ CHỦ TỊCH THƯỜNG TRỰC" in page.lines
    assert page.method == "ocr" and page.confidence > 80
    assert all(w.conf is not None and w.x1 > w.x0 for w in page.words)


@pytest.mark.parametrize("turn", [90, 180])
def test_turned_page_with_stamp_reads_upright_header_first(dispatch, pool, turn):
    first = render(dispatch, ScanStyle(colour=True, stamp="red", rotate=turn, skew=0.5, noise=4))[0]
    page = pool.submit(first, 1).result()
    text = squashed(page.lines)
    assert page.lines[0].startswith("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM")
    for line in ("Số: 375 /LĐLĐ", "Độc lập - Tự do - Hạnh phúc", "Thái Nguyên, ngày 04 tháng 01 năm 2017",
                 "Kính gửi: - Liên đoàn Lao động các huyện, thành phố, thị xã"):
        assert line in text
    assert page.width < page.height  # words are in the upright page's coordinates
    # the left header column is read before the right one
    assert text.index("Số: 375") < text.index("Độc lập")


def test_multipage_tiff_goes_through_the_shared_pool(dispatch, pool, tmp_path):
    pages = render(dispatch, ScanStyle(dpi=150, skew=-1.8, blur=0.5, noise=6))
    path = save([pages[0], pages[-1]], tmp_path / "scan.tif", dpi=150)
    document = read_document(path, Options(jobs=2), pool)
    assert [p.number for p in document.pages] == [1, 2]
    assert document.lines[0].startswith("TỔNG LIÊN ĐOÀN")
    assert "Ngô Việt Hà" in document.pages[1].lines


def test_truncated_image_is_refused_with_its_name(dispatch, pool, tmp_path):
    path = save(render(dispatch, ScanStyle(dpi=100))[:1], tmp_path / "cut.jpg", dpi=100)
    path.write_bytes(path.read_bytes()[:4000])
    with pytest.raises(InputError, match=r"^cut\.jpg: truncated or corrupt image"):
        read_document(path, Options(jobs=1), pool)


def test_title_under_a_grey_seal_is_read_again_on_its_own():
    """Real scan 13: the page segmenter takes the seal over "TRƯỞNG PHÒNG" for a picture and reads no word in
    that block; the block read again on its own gives the title back, and the seal's ink stays out."""
    from conftest import shared

    doc = read_document(shared("real", "scan", "13.pdf"), Options(jobs=1))
    footer = doc.pages[-1].lines[-3:]
    assert footer == ["- Lưu: VT.", "TRƯỞNG PHÒNG", "Phạm Văn Hà"], footer


def test_only_wordless_blocks_big_enough_for_text_are_read_again():
    from pipeline.ocr import _confident_lines, _wordless_blocks
    from models.document import Word

    data = {"level": [2, 2, 2, 5], "block_num": [1, 2, 3, 1], "left": [0, 100, 100, 0], "top": [0, 500, 900, 0],
            "width": [800, 400, 40, 50], "height": [60, 200, 20, 20]}
    # block 1 holds a word; block 3 is too small at 200 dpi (1.0 × 0.3 inches = 200 × 60 px)
    assert _wordless_blocks(data, [(1, 1, 1)], dpi=200) == [(100, 500, 500, 700)]
    words = [Word("TRƯỞNG", 0, 0, 1, 1, 76), Word("PHÒNG", 0, 0, 1, 1, 96), Word("6IÁ0", 0, 0, 1, 1, 61),
             Word("DỤC", 0, 0, 1, 1, 74), Word("PHÙNG", 0, 0, 1, 1, 93), Word("ằ", 0, 0, 1, 1, 85)]
    kept, ids = _confident_lines(words, [(1, 1, 1), (1, 1, 1), (1, 1, 2), (1, 1, 2), (1, 1, 3), (1, 1, 3)])
    assert [w.text for w in kept] == ["TRƯỞNG", "PHÒNG"] and ids == [(1, 1, 1), (1, 1, 1)]
    # seal ink read as junk on the name's line: the run of real words is kept, a lone word among junk is not
    words = [Word("TH", 0, 0, 1, 1, 49), Word("=—=—-", 0, 0, 1, 1, 5), Word("Đỗ", 0, 0, 1, 1, 94),
             Word("Thị", 0, 0, 1, 1, 96), Word("Hồng", 0, 0, 1, 1, 93), Word("Nhung", 0, 0, 1, 1, 89),
             Word("ẵ", 0, 0, 1, 1, 20), Word("xơ", 0, 0, 1, 1, 90), Word("§", 0, 0, 1, 1, 10)]
    kept, ids = _confident_lines(words, [(1, 1, 1)] * 6 + [(1, 1, 2)] * 3)
    assert [w.text for w in kept] == ["Đỗ", "Thị", "Hồng", "Nhung"] and ids == [(1, 1, 1)] * 4


@pytest.mark.parametrize("seed", [0, 3, 4])  # the seeds signed by a named person
@pytest.mark.parametrize("dpi,skew", [(200, 0.6), (150, -1.0)])
def test_name_signed_across_a_grey_seal_is_read_from_the_dark_ink(pool, seed, dpi, skew):
    """On a greyscale scan the seal is a lighter shade of ink than the text, and no hue tells them apart: the
    block holding seal and name is read again from the page's darkest ink, and the name comes back."""
    import json

    source = sorted(SEEDS.glob("*.txt"))[seed]
    name = json.loads((SEEDS.parent / "gold" / f"{source.stem}.json").read_text(encoding="utf-8"))["signatory"]["name"]
    last = render(Dispatch.from_text(source.read_text(encoding="utf-8")),
                  ScanStyle(dpi=dpi, colour=False, seal=True, skew=skew, noise=4, jpeg_quality=60))[-1]
    page = pool.submit(last, 1).result()
    assert name in page.lines, page.lines[-8:]


def _page_with_tables() -> Image.Image:
    """An A4 page at 300 dpi: a header laid out as a two-column ruled table, a paragraph, and a chỉ tiêu
    table of four columns whose rows hold results beside next year's targets."""
    from PIL import ImageDraw
    from tests.scanmaker import RENDER_DPI, _font

    page = Image.new("RGB", (round(8.27 * RENDER_DPI), round(11.69 * RENDER_DPI)), "white")
    draw = ImageDraw.Draw(page)
    font, bold = _font(12), _font(12, bold=True)

    def table(top: int, columns: list[int], rows: list[list[str]], height: int = 110) -> None:
        for r, row in enumerate(rows):
            y = top + r * height
            for c, text in enumerate(row):
                draw.text((columns[c] + 18, y + 30), text, fill="black", font=bold if r == 0 else font)
        for x in columns:
            draw.line([(x, top), (x, top + len(rows) * height)], fill="black", width=3)
        for r in range(len(rows) + 1):
            draw.line([(columns[0], top + r * height), (columns[-1], top + r * height)], fill="black", width=3)

    table(200, [250, 1200, 2230], [["UBND XÃ TÂN LẬP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                                   ["Số: 12/KH-UBND", "Tân Lập, ngày 02 tháng 3 năm 2023"]])
    draw.text((250, 600), "Ủy ban nhân dân xã đề ra các chỉ tiêu năm 2023 như sau:", fill="black", font=font)
    table(800, [250, 380, 1180, 1700, 2230], [
        ["TT", "Nội dung", "Kết quả năm 2022", "Chỉ tiêu năm 2023"],
        ["1", "Nhà Đại đoàn kết xây mới", "24 nhà", "30 nhà"],
        ["2", "Tỷ lệ hộ nghèo toàn xã", "4,12%", "dưới 3,5%"],
        ["3", "Hộ nghèo được hỗ trợ sinh kế", "96 hộ", "từ 100 hộ trở lên"]])
    return page


@pytest.mark.parametrize("style", [ScanStyle(dpi=200, skew=0.8, blur=0.5, noise=4, jpeg_quality=60),
                                   ScanStyle(dpi=150, skew=-1.1, blur=0.7, noise=5, jpeg_quality=40)])
def test_a_ruled_table_on_a_scan_is_read_a_row_a_line_and_a_ruled_header_as_columns(pool, style):
    """A scan's rules give the grid, as a PDF's drawn edges do: each row of a table of three columns or more
    is one line, its cells joined by " | " (OCR's reading of the rules as "|" left out); a header laid out
    as a two-column ruled table is still read column by column."""
    import random

    from tests.scanmaker import _degrade

    lines = pool.submit(_degrade(_page_with_tables(), style, random.Random(7)), 1).result().lines
    rows = [line for line in lines if line.count(" | ") == 3]
    spaceless = [["".join(cell.split()) for cell in row.split(" | ")[1:]] for row in rows]  # (a blur joins words)
    assert spaceless == [["".join(cell.split()) for cell in row] for row in [
        ["Nội dung", "Kết quả năm 2022", "Chỉ tiêu năm 2023"], ["Nhà Đại đoàn kết xây mới", "24 nhà", "30 nhà"],
        ["Tỷ lệ hộ nghèo toàn xã", "4,12%", "dưới 3,5%"], ["Hộ nghèo được hỗ trợ sinh kế", "96 hộ", "từ 100 hộ trở lên"]]]
    assert "UBND XÃ TÂN LẬP" in lines and not any("CỘNG HÒA" in line and " | " in line for line in lines)

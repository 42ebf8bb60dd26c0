"""Reading order from positioned words: two-column header/footer regions, body lines, page numbers, stamps."""
from __future__ import annotations

from models.document import Word
from pipeline.layout import reading_order

PAGE_W, PAGE_H = 595.0, 842.0
CHAR_W, LINE_H = 6.0, 13.0


def line(text: str, x: float, top: float) -> list[Word]:
    """Words of one printed line starting at x, one character CHAR_W wide, single spaces."""
    words = []
    for token in text.split():
        words.append(Word(token, x, top, x + CHAR_W * len(token), top + LINE_H))
        x += CHAR_W * (len(token) + 1)
    return words


def page(*lines: tuple[str, float, float]) -> list[Word]:
    return [w for text, x, top in lines for w in line(text, x, top)]


HEADER = [
    ("UBND HUYỆN HIỆP HOÀ", 90, 56),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 57),
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 70, 71),
    ("Độc lập - Tự do - Hạnh phúc", 340, 72),
    ("Số: 458 /PGD&ĐT", 100, 107),
    ("Hiệp Hoà, ngày 12 tháng 10 năm 2020", 310, 108),
    ("V/v triệu tập đại biểu dự Hội nghị", 72, 122),
    ("tập huấn công tác thi đua", 80, 136),
    ("Kính gửi: Hiệu trưởng các trường Mầm non, Tiểu học", 110, 180),
    ("Thực hiện Công văn số 1198/SGDĐT-VP ngày 12 tháng 10 năm 2020 của Sở GD&ĐT", 60, 210),
]


def test_header_columns_come_out_left_then_right():
    lines = reading_order(page(*HEADER), PAGE_W, PAGE_H)
    assert lines == [
        "UBND HUYỆN HIỆP HOÀ",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 458 /PGD&ĐT",
        "V/v triệu tập đại biểu dự Hội nghị",
        "tập huấn công tác thi đua",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hiệp Hoà, ngày 12 tháng 10 năm 2020",
        "Kính gửi: Hiệu trưởng các trường Mầm non, Tiểu học",
        "Thực hiện Công văn số 1198/SGDĐT-VP ngày 12 tháng 10 năm 2020 của Sở GD&ĐT",
    ]


def test_order_of_words_in_the_input_does_not_matter():
    words = page(*HEADER)
    assert reading_order(list(reversed(words)), PAGE_W, PAGE_H) == reading_order(words, PAGE_W, PAGE_H)


def test_footer_recipients_then_signature_and_centred_title_ends_region():
    words = page(
        ("KẾ HOẠCH", 270, 40),  # a centred title right above: not part of any column
        ("Phòng GD&ĐT yêu cầu các đơn vị triển khai thực hiện nghiêm túc nội dung trên./.", 60, 400),
        ("Nơi nhận:", 60, 420),
        ("KT. GIÁM ĐỐC", 360, 421),
        ("- Như kính gửi;", 60, 434),
        ("PHÓ GIÁM ĐỐC", 358, 436),
        ("- Lưu: VT.", 60, 448),
        ("Nguyễn Văn Thêm", 356, 530),
    )
    assert reading_order(words, PAGE_W, PAGE_H) == [
        "KẾ HOẠCH",
        "Phòng GD&ĐT yêu cầu các đơn vị triển khai thực hiện nghiêm túc nội dung trên./.",
        "Nơi nhận:",
        "- Như kính gửi;",
        "- Lưu: VT.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn Thêm",
    ]


def test_justified_body_line_is_not_split():
    words = line("Căn cứ Chỉ thị số 05/CT-UBND ngày 05/10/2020", 60, 300)
    stretched = [Word(w.text, w.x0 + i * 9, w.top, w.x1 + i * 9, w.bottom) for i, w in enumerate(words)]  # wide spaces
    stretched += line("của Chủ tịch UBND huyện về triển khai nhiệm vụ năm học", 60, 315)
    assert reading_order(stretched, PAGE_W, PAGE_H) == [
        "Căn cứ Chỉ thị số 05/CT-UBND ngày 05/10/2020",
        "của Chủ tịch UBND huyện về triển khai nhiệm vụ năm học",
    ]


def test_page_numbers_at_top_or_bottom_are_dropped_but_numbers_in_the_body_kept():
    words = page(
        ("- 2 -", 290, 30),
        ("Đợt 1: từ tháng 01 đến tháng 7 năm 2024.", 60, 100),
        ("15", 290, 120),  # a number alone in the middle of the page stays
        ("Trang 2", 280, 800),
    )
    assert reading_order(words, PAGE_W, PAGE_H) == ["Đợt 1: từ tháng 01 đến tháng 7 năm 2024.", "15"]


def test_signature_stamp_text_is_dropped():
    words = page(
        ("TRƯỞNG PHÒNG", 360, 400),
        ("Ký bởi: Phòng Giáo dục và Đào tạo", 350, 420),
        ("Email: pgd@example.vn", 350, 434),
        ("Thời gian ký: 12.10.2020 10:20:31 +07:00", 350, 448),
        ("Phạm Văn Hà", 370, 480),
    )
    assert reading_order(words, PAGE_W, PAGE_H) == ["TRƯỞNG PHÒNG", "Phạm Văn Hà"]


def test_columns_on_offset_baselines_still_pair_up():
    # the right column set 5 points lower than the left: rows overlap only partly
    words = page(
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 70, 60),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 320, 66),
        ("Số: 12/SGDĐT-VP", 80, 76),
        ("Độc lập - Tự do - Hạnh phúc", 350, 82),
    )
    assert reading_order(words, PAGE_W, PAGE_H) == [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 12/SGDĐT-VP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]


def test_text_is_nfc():
    decomposed = "Ho\u0300a"  # "Hòa" in NFD, as some text layers give it
    assert reading_order([Word(decomposed, 60, 100, 90, 113)], PAGE_W, PAGE_H) == ["Hòa"]


def tilted(lines: list[tuple[str, float, float]], slope: float) -> tuple[list[Word], list[int]]:
    """Words of printed lines on a page tilted by `slope` (dy/dx), with the OCR line of each word."""
    words, ids = [], []
    for number, (text, x, top) in enumerate(lines):
        for w in line(text, x, top):
            shift = slope * (w.x0 + w.x1) / 2
            words.append(Word(w.text, w.x0, w.top + shift, w.x1, w.bottom + shift))
            ids.append(number)
    return words, ids


def test_ocr_lines_on_a_tilted_page_keep_together_and_columns_come_apart():
    # 2° of residual skew: the right column sits a full line lower than the left one at the same row.
    words, ids = tilted(HEADER, 0.035)
    assert reading_order(words, PAGE_W, PAGE_H, ids) == reading_order(page(*HEADER), PAGE_W, PAGE_H)


def test_an_ocr_line_spanning_both_columns_is_split_at_the_column_gap():
    # Tesseract often returns "- Bộ LĐTBXH (b/c);      PHÓ GIÁM ĐỐC" as one line.
    rows = [("Nơi nhận:", 60, 600), ("KT. GIÁM ĐỐC", 380, 600),
            ("- Bộ LĐTBXH (b/c);", 60, 615), ("PHÓ GIÁM ĐỐC", 380, 615),
            ("- Lưu: VT, LĐ-VL.", 60, 630), ("Võ Thị Kim Liên", 375, 636)]
    words = page(*rows)
    ids = [i // 2 for i, (text, _, _) in enumerate(rows) for _ in text.split()]  # one OCR line per printed row
    assert reading_order(words, PAGE_W, PAGE_H, ids) == [
        "Nơi nhận:", "- Bộ LĐTBXH (b/c);", "- Lưu: VT, LĐ-VL.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Võ Thị Kim Liên"]


def centred(text: str, top: float) -> tuple[str, float, float]:
    return text, PAGE_W / 2 - CHAR_W * len(text) / 2, top


def test_a_kinh_gui_label_beside_its_items_does_not_pull_the_centred_title_into_a_column():
    """"Kính gửi:" at the left and its items indented beside it make two segments; the region they open must
    not grow up over the centred tên loại and trích yếu, which lie all on the items' side of its gap."""
    words = page(
        ("HỘI LHPN HUYỆN BẮC HÀ", 70, 56), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 320, 57),
        ("Số: 86/BC-HPN", 100, 75), ("Bắc Hà, ngày 15 tháng 12 năm 2020", 330, 76),
        centred("BÁO CÁO TỔNG KẾT CÔNG TÁC HỘI NĂM 2020", 120),
        centred("và phương hướng, nhiệm vụ năm 2021", 135),
        ("Kính gửi:", 60, 170), ("- Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh;", 140, 170),
        ("- Ban Thường vụ Huyện ủy Bắc Hà.", 140, 185),
        ("Thực hiện Công văn số 512/HPN-VP ngày 16/11/2020 của Ban Thường vụ Hội Liên hiệp", 60, 215),
    )
    assert reading_order(words, PAGE_W, PAGE_H) == [
        "HỘI LHPN HUYỆN BẮC HÀ", "Số: 86/BC-HPN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Bắc Hà, ngày 15 tháng 12 năm 2020", "BÁO CÁO TỔNG KẾT CÔNG TÁC HỘI NĂM 2020",
        "và phương hướng, nhiệm vụ năm 2021",
        "Kính gửi:", "- Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh;", "- Ban Thường vụ Huyện ủy Bắc Hà.",
        "Thực hiện Công văn số 512/HPN-VP ngày 16/11/2020 của Ban Thường vụ Hội Liên hiệp"]

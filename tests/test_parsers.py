"""Parsers on real and generated inputs: reading order of header and footer, legacy text layers, bad files."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared
from models.document import ACROSS, LEFT, RIGHT, TEXT_LAYER, WORD
from pipeline import legacy
from pipeline.acquire import choose_parser, read_document
from pipeline.errors import InputError
from pipeline.options import Options

OPTIONS = Options()


def before(lines: list[str], *starts: str) -> None:
    """Each line starting with starts[i] comes before the first one starting with starts[i+1]."""
    positions = []
    for start in starts:
        found = [i for i, line in enumerate(lines) if line.startswith(start)]
        assert found, f"no line starting with {start!r} in {lines[:40]}"
        positions.append(found[0])
    assert positions == sorted(positions), list(zip(starts, positions))


# --- real born-digital PDFs ------------------------------------------------------

HEADERS = {  # left column first, then right column, for each of the six
    "02": ("LIÊN ĐOÀN LAO ĐỘNG THÁI BÌNH", "CÔNG ĐOÀN NGÀNH GIÁO DỤC", "Số: 30 /CĐGD", "V/v triển khai",
           "CỘNG HOÀ XÃ HỘI", "Độc lập", "Thái Bình, ngày 27 tháng 4 năm 2018", "Kính gửi:"),
    "04": ("LĐLĐ HUYỆN CÙ LAO DUNG", "CĐCS THCS AN THẠNH NAM", "Số 01/KH-CĐCS",
           "CỘNG HÒA XÃ HỘI", "Độc lập", "An Thạnh Nam, ngày 16 tháng 9 năm 2019", "KẾ HOẠCH HOẠT ĐỘNG"),
    "06": ("LIÊN ĐOÀN LAO ĐỘNG THÁI BÌNH", "Số: 09 /GTT-CĐN", "CỘNG HOÀ XÃ HỘI", "Thái Bình, ngày 05 tháng 03 năm 2018",
           "GIẤY TRIỆU TẬP", "Kính gửi:"),
    "13": ("UBND HUYỆN HIỆP HOÀ", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 25 /KH-PGD&ĐT",
           "CỘNG HÒA XÃ HỘI", "Độc lập", "Hiệp Hoà, ngày 30 tháng 10 năm 2020", "KẾ HOẠCH"),
    "18": ("UBND HUYỆN HIỆP HOÀ", "Số: 458 /PGD&ĐT", "V/v triệu tập", "Website; Nghị định 30/2020/NĐ-CP.",
           "CỘNG HÒA XÃ HỘI", "Hiệp Hoà, ngày 12 tháng 10 năm 2020", "Kính gửi:"),
    "24": ("UBND TỈNH BẮC GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số 25 /KH-SGDĐT",
           "CỘNG HOÀ XÃ HỘI", "Bắc Giang, ngày 27 tháng 3 năm 2020", "KẾ HOẠCH"),
}
FOOTERS = {  # Nơi nhận list, then the signature block, ending the document
    "02": ("Nơi nhận:", "- Lưu: VPCĐN.", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Hoàng Văn Thiệp"),
    "04": ("Duyệt của Chi bộ", "TM. BAN CHẤP HÀNH", "Chủ tịch", "Huỳnh Minh Tính"),
    "06": ("Nơi nhận", "- Lưu VP - CĐN", "TM. Ban thường vụ", "chủ tịch", "Phạm Đồng Huynh"),
    "13": ("Nơi nhận:", "- Lưu: VT.", "TRƯỞNG PHÒNG", "Phạm Văn Hà"),
    "18": ("Nơi nhận:", "- Như kính gửi.", "TRƯỞNG PHÒNG", "Phạm Văn Hà"),
    "24": ("Nơi nhận:", "- Lãnh đạo Sở GD&ĐT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thêm"),
}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_digital_pdf_reading_order(name):
    doc = read_document(shared("real", "digital", f"{name}.pdf"), OPTIONS)
    assert set(doc.methods) == {TEXT_LAYER}
    first_page = doc.pages[0].lines
    before(first_page, *HEADERS[name])
    tail = doc.lines[-25:]
    before(tail, *FOOTERS[name])
    assert doc.lines[-1] == FOOTERS[name][-1] or FOOTERS[name][-1] in doc.lines[-2:]


def test_digital_pdf_drops_page_numbers_and_keeps_body_lines_whole():
    doc = read_document(shared("real", "digital", "02.pdf"), OPTIONS)
    assert doc.pages[1].lines[-1] == "Hoàng Văn Thiệp"  # the page number "2" below it is gone
    assert "Thực hiện Công văn số 934/TLĐ ngày 27/4/2018 của Liên đoàn Lao" in doc.pages[0].lines
    doc = read_document(shared("real", "digital", "04.pdf"), OPTIONS)
    assert not any(line.startswith("Trang ") for line in doc.lines)


def test_signature_field_fills_are_read_and_stamp_dropped():
    doc = read_document(shared("real", "digital", "24.pdf"), OPTIONS)
    assert not any("2020.03.27 14:26:14" in line for line in doc.lines)  # the e-signature stamp's own text


# --- real Word 97 files ------------------------------------------------------------

DOC_HEADERS = {
    "02": ("LIÊN ĐOÀN LAO ĐỘNG THÁI BÌNH", "Số: 30 /CĐGD", "V/v triển khai", "CỘNG HOÀ XÃ HỘI", "Độc lập",
           "Thái Bình, ngày 27 tháng 4 năm 2018", "Kính gửi:"),
    "04": ("LĐLĐ HUYỆN CÙ LAO DUNG", "CĐCS THCS AN THẠNH NAM", "Số 01/KH-CĐCS", "CỘNG HÒA XÃ HỘI", "Độc lập",
           "An Thạnh Nam, ngày 16 tháng 9 năm 2019", "KẾ HOẠCH HOẠT ĐỘNG"),
    "06": ("LIÊN ĐOÀN LAO ĐỘNG THÁI BÌNH", "CÔNG ĐOÀN NGÀNH GIÁO DỤC", "Số: 09 /GTT-CĐN", "CỘNG HOÀ XÃ HỘI",
           "Độc lập", "Thái Bình, ngày 05 tháng 03 năm 2018", "GIẤY TRIỆU TẬP"),
}


@pytest.mark.parametrize("name", sorted(DOC_HEADERS))
def test_word97_reading_order(name):
    doc = read_document(shared("real", "office", f"{name}.doc"), OPTIONS)
    assert doc.methods == [WORD]
    before(doc.lines, *DOC_HEADERS[name])
    before(doc.lines[-12:], *FOOTERS[name])


# --- .docx written here ----------------------------------------------------------------

def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    header = document.add_table(rows=3, cols=2)
    for row, (left, right) in enumerate([
        ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Số: 112/KH-LĐLĐ", "Độc lập - Tự do - Hạnh phúc"),
        ("", "Lào Cai, ngày 15 tháng 02 năm 2024"),
    ]):
        header.cell(row, 0).text = left
        header.cell(row, 1).text = right
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Phát động thi đua lao động giỏi năm 2024")
    document.add_paragraph("Phấn đấu 100% công đoàn cơ sở tổ chức phát động thi đua.")
    footer = document.add_table(rows=1, cols=2)
    footer.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    footer.cell(0, 1).text = "TM. BAN THƯỜNG VỤ"
    footer.cell(0, 1).add_paragraph("CHỦ TỊCH")
    footer.cell(0, 1).add_paragraph("Nguyễn Văn An")
    document.save(path)
    return path


def test_word97_table_cells_antiword_wrapped_are_joined_back():
    """antiword wraps a cell at its column's width onto a line of its own, the row's other cells blank; a
    row of its own with a blank serial cell ("Tổng cộng") stays a row."""
    from pipeline.parsers.word import antiword_lines

    w = 20
    cell = lambda text: f"{text:<{w}}"
    text = "\n".join("|" + "|".join(cell(c) for c in row) + "|" for row in [
        ["TT", "Bộ phận", "Chưa là đoàn viên", "Chỉ tiêu năm 2024"],
        ["", "", "(01/01/2024)", "(đoàn viên)"],
        ["1", "Xưởng May 1", "142", "120"],
        ["", "Tổng cộng", "937", "800"]])
    assert [line for line, _ in antiword_lines(text)] == ["TT | Bộ phận | Chưa là đoàn viên (01/01/2024) | Chỉ tiêu năm 2024 (đoàn viên)",
                                    "1 | Xưởng May 1 | 142 | 120", " | Tổng cộng | 937 | 800"]

def test_docx_tables_read_column_by_column(tmp_path):
    doc = read_document(_docx(tmp_path / "kehoach.docx"), OPTIONS)
    assert doc.lines == [
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI", "Số: 112/KH-LĐLĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 15 tháng 02 năm 2024",
        "KẾ HOẠCH", "Phát động thi đua lao động giỏi năm 2024",
        "Phấn đấu 100% công đoàn cơ sở tổ chức phát động thi đua.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
        "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn An",
    ]
    # where each line stood: a two-column table's cells are its columns, paragraphs run across
    assert doc.pages[0].columns == [LEFT] * 2 + [RIGHT] * 3 + [ACROSS] * 3 + [LEFT] * 3 + [RIGHT] * 3


def test_docx_found_by_content_whatever_its_name(tmp_path):
    misnamed = _docx(tmp_path / "kehoach.docx").rename(tmp_path / "kehoach.bin")
    assert choose_parser(misnamed, misnamed.read_bytes()[:4096]).name == "docx"


# --- generated PDFs with lying text layers ----------------------------------------------

LINES = [
    "Căn cứ quyết định số 25 của ủy ban nhân dân tỉnh về việc phát động",
    "phong trào thi đua người lao động giỏi, đối tượng được khen thưởng",
    "gồm các đoàn viên công đoàn có thành tích xuất sắc trong năm học",
]


def _tcvn3(text: str) -> str:
    codes = {letter: code for code, letter in legacy.TCVN3_TO_UNICODE.items()}
    return "".join(codes.get(ch, ch) for ch in text)


def _pdf(path: Path, lines: list[str], font: str = "Helvetica") -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.setFont(font, 12)
    for i, text in enumerate(lines):
        pdf.drawString(72, 760 - 18 * i, text)
    pdf.save()
    return path


def test_tcvn3_text_layer_comes_out_as_unicode(tmp_path):
    path = _pdf(tmp_path / "tcvn3.pdf", [_tcvn3(line) for line in LINES])
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert "®" in pdf.pages[0].extract_text()  # the layer really holds TCVN3 codes
    doc = read_document(path, OPTIONS)
    assert doc.methods == [TEXT_LAYER]
    assert doc.lines == LINES


def test_broken_font_map_text_layer_is_repaired(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    broken = ["II. ĐỐI TƢỢNG THI ĐUA", "Toàn thể ngƣời lao động trong các đơn vị trực thuộc"]
    doc = read_document(_pdf(tmp_path / "tuong.pdf", broken, "DejaVuSerif"), OPTIONS)
    assert doc.lines == ["II. ĐỐI TƯỢNG THI ĐUA", "Toàn thể người lao động trong các đơn vị trực thuộc"]


# --- plain text ----------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_plain_text_encodings(tmp_path, encoding):
    path = tmp_path / "cv.txt"
    path.write_bytes("Số: 375 /LĐLĐ\r\n\r\nThái Nguyên, ngày 04 tháng 01 năm 2017\n".encode(encoding))
    assert read_document(path, OPTIONS).lines == ["Số: 375 /LĐLĐ", "Thái Nguyên, ngày 04 tháng 01 năm 2017"]


def test_plain_text_nfd_becomes_nfc(tmp_path):
    import unicodedata

    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "Phát động thi đua"), encoding="utf-8")
    assert read_document(path, OPTIONS).lines == ["Phát động thi đua"]


# --- bad input -------------------------------------------------------------------------------

def _one_line_naming(exc: pytest.ExceptionInfo, name: str) -> str:
    message = str(exc.value)
    assert "\n" not in message and name in message
    return message


def test_zero_byte_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(InputError) as exc:
        read_document(path, OPTIONS)
    assert "empty" in _one_line_naming(exc, "empty.pdf")


def test_truncated_pdf(tmp_path):
    data = shared("real", "digital", "13.pdf").read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as exc:
        read_document(path, OPTIONS)
    assert "truncated" in _one_line_naming(exc, "half.pdf")


def test_unsupported_type(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 60 + b"xl/workbook.xml")
    with pytest.raises(InputError) as exc:
        read_document(path, OPTIONS)
    assert "unsupported" in _one_line_naming(exc, "table.xlsx")


def test_text_file_without_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\t\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_document(path, OPTIONS)
    assert "no text" in _one_line_naming(exc, "blank.txt")


def test_corrupt_doc(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(InputError) as exc:
        read_document(path, OPTIONS)
    _one_line_naming(exc, "broken.doc")


# --- scanned PDFs go to OCR ---------------------------------------------------------------------

SEEDS = Path("/work/shared/seeds/text")
if not SEEDS.is_dir():
    SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "text"


@pytest.fixture(scope="module")
def seed_dispatch():
    """A seed dispatch to render into scans."""
    from tests.scanmaker import Dispatch

    return Dispatch.from_text(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("dpi, mode", [(150, "L"), (200, "RGB"), (200, "1")])
def test_scanned_pdf_is_ocred_from_its_embedded_image_at_its_own_resolution(seed_dispatch, tmp_path, dpi, mode):
    import pdfplumber

    from pipeline.parsers.pdf import ocr_image
    from tests.scanmaker import ScanStyle, render

    scan = render(seed_dispatch, ScanStyle(dpi=dpi, colour=mode == "RGB", stamp="red", skew=0.4, noise=3))[0]
    scan = scan.convert(mode)
    path = tmp_path / "scan.pdf"
    # Pillow stores L and RGB pages as JPEG, "1" pages as CCITT G4
    scan.save(path, "PDF", resolution=dpi, **({} if mode == "1" else {"quality": 85}))
    with pdfplumber.open(path) as pdf:
        image = ocr_image(path, 1, OPTIONS.ocr_dpi, pdf.pages[0])
    assert image.size == scan.size
    assert [round(v) for v in image.info["dpi"]] == [dpi, dpi]

    document = read_document(path, Options(jobs=1))
    page = document.pages[0]
    assert page.method == "ocr"
    assert (page.width, page.height) == scan.size  # word boxes in the embedded image's pixels
    assert all(0 <= w.x0 < w.x1 <= page.width and 0 <= w.top < w.bottom <= page.height for w in page.words)
    text = " ".join(" ".join(page.lines).split())
    assert page.lines[0].startswith("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM")
    for line in ("Số: 375", "Độc lập - Tự do - Hạnh phúc", "Thái Nguyên, ngày 04 tháng 01 năm 2017"):
        assert line in text


def test_page_with_two_images_is_rendered_at_their_resolution_capped(seed_dispatch, tmp_path):
    """Two 200 dpi strips make no single scan image: the page is rendered, at 200 dpi unless capped lower."""
    import pdfplumber
    import pypdfium2

    from pipeline.parsers.pdf import ocr_image
    from tests.scanmaker import ScanStyle, render

    scan = render(seed_dispatch, ScanStyle(dpi=200))[0]
    halves = [scan.crop((0, 0, scan.width, scan.height // 2)), scan.crop((0, scan.height // 2, scan.width, scan.height))]
    width_pt, height_pt = scan.width * 72 / 200, scan.height * 72 / 200
    pdf = pypdfium2.PdfDocument.new()
    page = pdf.new_page(width_pt, height_pt)
    for index, half in enumerate(halves):
        jpeg = tmp_path / f"half{index}.jpg"
        half.save(jpeg, quality=90)
        strip = pypdfium2.PdfImage.new(pdf)
        strip.load_jpeg(jpeg, inline=True)
        strip.set_matrix(pypdfium2.PdfMatrix().scale(width_pt, half.height * 72 / 200)
                         .translate(0, height_pt / 2 if index == 0 else 0))
        page.insert_obj(strip)
    page.gen_content()
    path = tmp_path / "strips.pdf"
    pdf.save(path)
    pdf.close()

    with pdfplumber.open(path) as document:
        assert len(document.pages[0].images) == 2
        rendered = ocr_image(path, 1, 300, document.pages[0])
        capped = ocr_image(path, 1, 150, document.pages[0])
    assert abs(rendered.width - scan.width) <= 2 and rendered.info["dpi"] == (200, 200)
    assert abs(capped.width - width_pt * 150 / 72) <= 2 and capped.info["dpi"] == (150, 150)


def test_image_only_pages_have_no_usable_text_layer():
    import pdfplumber

    from pipeline.parsers.pdf import ocr_image, text_layer_page

    with pdfplumber.open(shared("real", "scan", "06.pdf")) as pdf:
        assert text_layer_page(pdf.pages[0], 1) == (None, "no text layer")
    with pdfplumber.open(shared("real", "digital", "06.pdf")) as pdf:
        page = pdf.pages[0]
        assert text_layer_page(page, 1)[0].lines[0] == "LIÊN ĐOÀN LAO ĐỘNG THÁI BÌNH"
        # a page of vector text that needed OCR would be rendered at the cap
        assert abs(ocr_image(shared("real", "digital", "06.pdf"), 1, 150, page).width - float(page.width) * 150 / 72) <= 2

@pytest.mark.parametrize("name", ["14.pdf", "27.pdf"])
def test_signed_pdfs_are_read_from_their_text_layer(name):
    """Signed PDFs whose widgets point back at their page made pdfminer recurse past its limit."""
    document = read_document(shared("real", "digital", name), Options(jobs=1))
    assert document.methods == ["text-layer"] * len(document.pages)
    assert all(page.route.startswith("text layer (pdfplumber)") for page in document.pages)
    assert "Độc lập - Tự do - Hạnh phúc" in document.text


def test_a_layer_pdfplumber_cannot_map_is_read_by_pypdfium2():
    """Marks drawn as glyphs of their own (a monospace font) leave pdfminer with "(cid:N)"; PDFium maps them."""
    document = read_document(shared("real", "textpdf", "15.pdf"), Options(jobs=1))
    assert set(document.methods) == {"text-layer"}
    first = document.pages[0]
    assert first.route.startswith("text layer (pypdfium2)") and "glyphs without a character" in first.route
    assert "ỦY BAN NHÂN DÂN" in first.lines[0] and "(cid:" not in document.text
    assert "Đắk Lắk, ngày 18" in document.text


def test_a_pdf_pdfplumber_cannot_open_is_read_by_pypdfium2(monkeypatch):
    import pdfplumber

    def refuse(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pdfplumber, "open", refuse)
    document = read_document(shared("real", "digital", "13.pdf"), Options(jobs=1))
    assert set(document.methods) == {"text-layer"}
    assert all("pdfplumber cannot open the file (RecursionError" in p.route for p in document.pages)
    text = " ".join(document.text.split())
    # the number "25" is typed into a signature field, which PDFium's text page does not hold
    assert "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO Số: /KH-PGD&ĐT" in text and "Hiệp Hoà, ngày" in text


SCHEDULE = [("TT", "Đợt thi đua", "Thời gian"),
            ("1", "Đợt 1: thi đua chào mừng kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước",
             "Từ 01/3/2025 đến 31/5/2025"),
            ("2", "Đợt 2: thi đua chào mừng kỷ niệm 96 năm Ngày thành lập Công đoàn Việt Nam",
             "Từ 01/6/2025 đến 31/8/2025")]
TARGETS = [("TT", "Chỉ tiêu", "Năm 2025"), ("1", "Tỷ lệ người lao động gia nhập công đoàn", "từ 98% trở lên"),
           ("2", "Tai nạn lao động nghiêm trọng", "0 vụ")]


def _ruled_table_pdf(path: Path) -> Path:
    """A kế hoạch body with two ruled three-column tables (cells wrapping), in a Vietnamese font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    style = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=11, leading=14)
    text = "Căn cứ Kế hoạch số 12/KH-CĐKCN, Ban Chấp hành đăng ký các chỉ tiêu sau:"

    def table(rows):
        t = Table([[Paragraph(c, style) for c in row] for row in rows], colWidths=[30, 280, 140])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        return t

    story = [Paragraph("I. CHỈ TIÊU NĂM 2025", style), Paragraph(text, style), table(TARGETS),
             Paragraph("II. THỜI GIAN THỰC HIỆN", style), table(SCHEDULE)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_a_ruled_table_in_a_pdf_is_read_row_by_row_with_its_cells_apart(tmp_path):
    lines = read_document(_ruled_table_pdf(tmp_path / "kehoach.pdf"), OPTIONS).lines
    assert lines[:2] == ["I. CHỈ TIÊU NĂM 2025",
                         "Căn cứ Kế hoạch số 12/KH-CĐKCN, Ban Chấp hành đăng ký các chỉ tiêu sau:"]
    assert lines[2:] == [" | ".join(row) for row in TARGETS] + ["II. THỜI GIAN THỰC HIỆN"] + [
        " | ".join(row) for row in SCHEDULE]


def test_rules_drawn_under_or_around_running_text_are_no_table():
    """17.pdf shades and rules phrases of its running text: pdfplumber finds grids there, with text in one
    cell a row; the lines stay as printed."""
    lines = read_document(shared("real", "digital", "17.pdf"), OPTIONS).lines
    assert any(line.endswith("sung một số điều của Luật Thi đua, khen thưởng năm 2013; Thông tư") for line in lines)
    assert not any(" | " in line for line in lines)


def test_a_table_of_phases_and_one_of_targets_give_their_phases_and_targets(tmp_path):
    from extractors import extract_record

    record = extract_record(read_document(_ruled_table_pdf(tmp_path / "kehoach.pdf"), OPTIONS))
    assert [(p.label, p.start, p.end) for p in record.phases] == [
        ("Đợt 1", "2025-03-01", "2025-05-31"), ("Đợt 2", "2025-06-01", "2025-08-31")]
    assert [(t.value, t.comparator, t.unit) for t in record.targets] == [(98, ">=", "%"), (0, "=", "vụ")]


def test_docx_tables_of_three_columns_read_row_by_row_with_cells_apart(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("II. THỜI GIAN THỰC HIỆN")
    table = document.add_table(rows=len(SCHEDULE), cols=3)
    for r, row in enumerate(SCHEDULE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(tmp_path / "lich.docx")
    assert read_document(tmp_path / "lich.docx", OPTIONS).lines == ["II. THỜI GIAN THỰC HIỆN"] + [
        " | ".join(row) for row in SCHEDULE]


def test_a_header_and_footer_drawn_as_ruled_tables_are_read_as_columns(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    style = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=11, leading=14)

    def table(rows):
        t = Table([[Paragraph(c, style) for c in row] for row in rows], colWidths=[220, 230])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        return t

    header = table([("LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI<br/>CÔNG ĐOÀN GIÁO DỤC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                    ("Số: 112/KH-CĐGD", "Độc lập - Tự do - Hạnh phúc"),
                    ("", "Lào Cai, ngày 15 tháng 02 năm 2024")])
    footer = table([("Nơi nhận:", "TM. BAN THƯỜNG VỤ"), ("- Như trên;", "CHỦ TỊCH"), ("- Lưu: VT.", "Nguyễn Văn An")])
    body = [Paragraph("KẾ HOẠCH", style), Paragraph("Phát động thi đua năm 2024", style),
            Paragraph("Phấn đấu 100% công đoàn cơ sở tổ chức phát động thi đua.", style)]
    SimpleDocTemplate(str(tmp_path / "kh.pdf"), pagesize=A4).build([header, *body, footer])
    from extractors import extract_record

    lines = read_document(tmp_path / "kh.pdf", OPTIONS).lines
    assert not any(" | " in line for line in lines)
    record = extract_record(read_document(tmp_path / "kh.pdf", OPTIONS))
    assert (record.issuer, record.parent_issuer, record.number, record.date) == (
        "CÔNG ĐOÀN GIÁO DỤC", "LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI", "112", "2024-02-15")
    assert (record.signatory.authority, record.signatory.title, record.signatory.name) == (
        "TM.", "CHỦ TỊCH", "Nguyễn Văn An")

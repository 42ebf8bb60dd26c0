"""A file holding more than one document, running lines, and names a narrow cell wrapped: made documents."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import extractors
import extractors.parse.dispatch
import extractors.parse.header
from extractors import extract_record
from extractors.parse import parse_lines
from extractors.parse.appended import split_appended
from extractors.parse.clean import clean_lines, clean_pages
from models.document import PLAIN, DocumentText, PageText

FIRST = """LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ GIANG
CÔNG ĐOÀN VIÊN CHỨC TỈNH
Số: 41/KH-CĐVC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang, ngày 12 tháng 3 năm 2023
KẾ HOẠCH
Tổ chức Hội thi cán bộ công đoàn giỏi năm 2023
Thực hiện chương trình công tác năm 2023, Ban Thường vụ Công đoàn Viên chức tỉnh xây dựng kế hoạch như sau:
1. Phấn đấu 100% công đoàn cơ sở cử thí sinh tham gia hội thi.
2. Thời gian tổ chức hội thi trong tháng 5 năm 2023.
Nơi nhận:
- Các CĐCS trực thuộc;
- Lưu: VT.
TM. BAN THƯỜNG VỤ
CHỦ TỊCH
Vương Thị Hạnh"""

SECOND = """LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ GIANG
CÔNG ĐOÀN VIÊN CHỨC TỈNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang, ngày 12 tháng 3 năm 2023
THỂ LỆ
Hội thi cán bộ công đoàn giỏi năm 2023
Điều 1. Đối tượng dự thi là cán bộ công đoàn cơ sở đang công tác.
Điều 2. Mỗi đơn vị phấn đấu có trên 80% đoàn viên tham gia cổ vũ.
TM. BAN THƯỜNG VỤ
PHÓ CHỦ TỊCH
Lê Văn Hùng"""


def document(*pages: str) -> DocumentText:
    return DocumentText(Path("made.txt"), [PageText(n, text.splitlines(), PLAIN) for n, text in enumerate(pages, 1)])


def test_a_second_document_after_the_signing_block_is_appended_matter():
    main, appended = split_appended(clean_pages([FIRST.splitlines(), SECOND.splitlines()]))
    assert main[-1] == "Vương Thị Hạnh" and appended[0] == "LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ GIANG"
    record = extract_record(document(FIRST, SECOND))
    assert record.signatory.name == "Vương Thị Hạnh" and record.signatory.title == "CHỦ TỊCH"
    assert [t.value for t in record.targets] == [100]  # the thể lệ's 80% belongs to the appended document


def test_a_quoc_hieu_cited_in_the_body_does_not_cut_the_document():
    body = FIRST.replace("2. Thời gian", "Căn cứ Hiến pháp nước CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM năm 2013;\n2. Thời gian")
    main, appended = split_appended(clean_pages([body.splitlines()]))
    assert appended == [] and main[-1] == "Vương Thị Hạnh"


def test_one_file_with_the_same_signer_closing_two_documents_keeps_both_signatures():
    """Pages 1 and 3 end with the same name: not a running footer (it is not on two pages in a row)."""
    third = SECOND.replace("PHÓ CHỦ TỊCH\nLê Văn Hùng", "CHỦ TỊCH\nVương Thị Hạnh")
    middle = "Điều 3. Hồ sơ dự thi gửi về Công đoàn Viên chức tỉnh trước ngày 20/4/2023.\nĐiều 4. Ban tổ chức chấm thi."
    record = extract_record(document(FIRST, middle, third))
    assert record.signatory.name == "Vương Thị Hạnh"


def test_a_running_footer_on_every_page_is_dropped():
    footer = "Công đoàn Viên chức tỉnh Hà Giang - Kế hoạch hội thi 2023"
    head, tail = FIRST.split("Nơi nhận:")
    pages = [head + "\n" + footer, "3. Các đơn vị đăng ký trước ngày 15/4/2023.\n" + footer,
             "Nơi nhận:" + tail + "\n" + footer]
    lines = clean_pages([p.splitlines() for p in pages])
    assert footer not in lines and "Vương Thị Hạnh" in lines


def test_a_name_wrapped_by_a_narrow_signing_cell():
    record = extract_record(document(FIRST.replace("Vương Thị Hạnh", "Nguyễn\nMinh Tường")))
    assert record.signatory.name == "Nguyễn Minh Tường"


def test_kinh_gui_split_by_the_two_column_header_is_one_salutation():
    """"Kính" fell into the left column's last line, "gửi:" came after the quốc hiệu and the date."""
    text = FIRST.replace("Số: 41/KH-CĐVC\n", "Số: 41/CV-CĐVC\nV/v cử cán bộ dự hội thi\nKính\n").replace(
        "KẾ HOẠCH\nTổ chức Hội thi cán bộ công đoàn giỏi năm 2023\n",
        "gửi:\n- Công đoàn cơ sở các trường học;\n- Công đoàn các bệnh viện trực thuộc.\n")
    record = extract_record(document(text))
    assert record.addressees == ["Công đoàn cơ sở các trường học", "Công đoàn các bệnh viện trực thuộc"]
    assert record.subject == "cử cán bộ dự hội thi" and record.date == "2023-03-12"


def test_a_place_wrapped_before_its_comma_and_a_title_with_no_name():
    """A school's draft plan: "Phường 9" on its own line above ", ngày …"; the chức vụ printed,
    no name typed yet, right above Nơi nhận."""
    text = FIRST.replace("Hà Giang, ngày", "Phường 9\n, ngày").replace(
        "Nơi nhận:", "PHÓ HIỆU TRƯỞNG\nNơi nhận:").replace("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nVương Thị Hạnh", "")
    record = extract_record(document(text))
    assert (record.place, record.date) == ("Phường 9", "2023-03-12")
    assert (record.signatory.title, record.signatory.name, record.signatory.authority) == ("PHÓ HIỆU TRƯỞNG", None, None)


def test_a_d_stroke_ocr_read_twice_is_one_letter():
    text = FIRST.replace("Số: 41/KH-CĐVC", "Số: 41/KH-CĐ\u00d0VC").replace(
        "Thực hiện chương trình", "Căn cứ Công văn số 342/L\u0110\u00d0LĐ ngày 29/5/2022 của LĐLĐ tỉnh; thực hiện chương trình")
    record = extract_record(document(text))
    assert record.symbol == "KH-CĐVC" and [r.number for r in record.references] == ["342/LĐLĐ"]
    assert extract_record(document(text.replace("Các CĐCS", "Văn phòng ĐĐBQH"))).recipients[0].name == "Văn phòng ĐĐBQH trực thuộc"


def test_seal_noise_beside_the_agency_block_is_not_part_of_the_issuer():
    text = FIRST.replace("CÔNG ĐOÀN VIÊN CHỨC TỈNH\n", "CÔNG ĐOÀN VIÊN CHỨC TỈNH\n“UZT\n")
    record = extract_record(document(text))
    assert (record.issuer, record.parent_issuer) == ("CÔNG ĐOÀN VIÊN CHỨC TỈNH", "LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ GIANG")


def test_the_zones_of_a_dispatch_each_hold_their_part():
    dispatch = parse_lines(clean_pages([FIRST.splitlines()]))
    assert dispatch.salutation == []
    footer = dispatch.lines[slice(*dispatch.zones.footer)]
    assert footer[0] == "Nơi nhận:" and footer[-1] == "Vương Thị Hạnh"
    texts = [item.text for item in dispatch.body]
    assert texts[0].startswith("Thực hiện chương trình công tác")  # after the title block
    assert not any("Số: 41" in t or "Nơi nhận" in t or "Lưu" in t for t in texts)
    assert texts[-1] == "Thời gian tổ chức hội thi trong tháng 5 năm 2023."


HEAD_SIGNS_ABOVE_THE_LIST = """SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LẠNG SƠN
Số: 87/SGDĐT-VP
V/v báo cáo số liệu đoàn viên
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lạng Sơn, ngày 3 tháng 4 năm 2024
Kính gửi:
- Các phòng giáo dục và đào tạo;
- Các trường trung học phổ thông.
Sở đề nghị các đơn vị báo cáo số liệu đoàn viên trước ngày 15/4/2024.
Phấn đấu 95% đoàn viên được tập huấn.
GIÁM ĐỐC
Hoàng Văn Minh
Nơi nhận:
- Như trên;
- Lưu: VT."""


def test_a_head_signing_above_the_list_with_no_authority_is_in_the_footer_not_the_body():
    dispatch = parse_lines(clean_pages([HEAD_SIGNS_ABOVE_THE_LIST.splitlines()]))
    assert dispatch.salutation[0] == "Kính gửi:"
    footer = dispatch.lines[slice(*dispatch.zones.footer)]
    assert footer[:3] == ["GIÁM ĐỐC", "Hoàng Văn Minh", "Nơi nhận:"]
    assert [item.text for item in dispatch.body][-1] == "Phấn đấu 95% đoàn viên được tập huấn."
    record = extract_record(document(HEAD_SIGNS_ABOVE_THE_LIST))
    assert (record.signatory.title, record.signatory.name) == ("GIÁM ĐỐC", "Hoàng Văn Minh")
    assert record.addressees == ["Các phòng giáo dục và đào tạo", "Các trường trung học phổ thông"]
    assert [r.name for r in record.recipients] == ["Như trên"]
    assert [t.value for t in record.targets] == [95]


FIELD_MODULES = ["addressees", "phases", "recipients", "references", "signatory", "targets", "theme"]
# what an extractor may read: the representation, the lexicon, the text helpers, the record's types
ALLOWED = {"extractors.parse", "extractors.parse.marks", "extractors.lexicon", "extractors.vntext", "models.record"}


@pytest.mark.parametrize("module", FIELD_MODULES)
def test_each_extractor_imports_only_the_representation_the_lexicon_and_the_text_helpers(module):
    tree = ast.parse((Path(extractors.__file__).parent / f"{module}.py").read_text())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert {m for m in imported if m.startswith(("extractors", "models"))} <= ALLOWED


def test_the_stamp_the_number_and_date_lines_and_the_items_are_found_once_per_document(monkeypatch):
    calls: Counter[str] = Counter()

    def counted(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)
        monkeypatch.setattr(module, name, wrapper)

    for name in ("find_received", "items"):
        counted(extractors.parse.dispatch, name)
    for name in ("find_number", "find_date_place"):
        counted(extractors.parse.header, name)
    record = extract_record(document(HEAD_SIGNS_ABOVE_THE_LIST))
    assert record.number == "87" and record.date == "2024-04-03"
    assert calls == {"find_received": 1, "items": 1, "find_number": 1, "find_date_place": 1}


@pytest.mark.parametrize("heading", ["PHỤ LỤC", "PHỤ LỤC I", "BIỂU MẪU", "MẪU SỐ 01"])
def test_an_appendix_after_the_signing_block_is_appended_matter(heading):
    appendix = (f"{heading}\nBẢNG ĐĂNG KÝ CHỈ TIÊU THI ĐUA NĂM 2023\n(Kèm theo Kế hoạch số 41/KH-CĐVC ngày 12/3/2023)\n"
                + "\n".join(f"{i} | Công đoàn cơ sở trường số {i} | {i * 3} đoàn viên mới" for i in range(1, 70)))
    dispatch = parse_lines(clean_pages([FIRST.splitlines(), appendix.splitlines()]))
    assert dispatch.lines[-1] == "Vương Thị Hạnh" and dispatch.appended[0] == heading
    record = extract_record(document(FIRST, appendix))
    assert (record.signatory.authority, record.signatory.title, record.signatory.name) == (
        "TM.", "CHỦ TỊCH", "Vương Thị Hạnh")
    assert [r.name for r in record.recipients] == ["Các CĐCS trực thuộc"]


def test_an_appendix_named_in_the_body_before_the_signature_stays_in_the_body():
    text = FIRST.replace("2. Thời gian", "PHỤ LỤC\n2. Thời gian")
    assert parse_lines(clean_pages([text.splitlines()])).appended == []


INTERLEAVED = """TRƯỜNG TIỂU HỌC QUẢNG TÂN
Số: 18/TTr-THQT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Tân, ngày 22 tháng 8 năm 2023
TỜ TRÌNH
Về việc đề nghị hỗ trợ kinh phí sửa chữa phòng học, nhà vệ
Kính gửi:
sinh
chuẩn bị cho năm học 2023 - 2024
- Ủy ban nhân dân huyện Đầm Hà;
- Phòng Giáo dục và Đào tạo huyện Đầm Hà.
Căn cứ Kế hoạch số 145/KH-UBND ngày 10 tháng 7 năm 2023 của Ủy ban nhân dân huyện Đầm Hà,"""


def test_a_salutation_label_ocr_read_in_among_the_titles_lines():
    """"Kính gửi:" printed as a label beside its list: OCR may read it between the title's lines."""
    dispatch = parse_lines(clean_pages([INTERLEAVED.splitlines()]))
    assert dispatch.header.subject == ("Về việc đề nghị hỗ trợ kinh phí sửa chữa phòng học, nhà vệ sinh chuẩn bị "
                                       "cho năm học 2023 - 2024")
    record = extract_record(document(INTERLEAVED))
    assert record.addressees == ["Ủy ban nhân dân huyện Đầm Hà", "Phòng Giáo dục và Đào tạo huyện Đầm Hà"]


def test_a_list_attached_under_its_kem_theo_line_is_appended_matter():
    """A quyết định's list of those awarded, headed in capitals over "(Kèm theo Quyết định số …)", is set apart:
    its names are no signer and its rows no body."""
    text = """LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN DŨNG
Số: 74/QĐ-LĐLĐ
Yên Dũng, ngày 20 tháng 12 năm 2021
QUYẾT ĐỊNH
Về việc khen thưởng tập thể, cá nhân đạt danh hiệu Lao động giỏi năm 2021
Điều 1. Tặng Giấy khen cho 08 tập thể và 15 cá nhân có tên trong danh sách kèm theo.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. BAN THƯỜNG VỤ
CHỦ TỊCH
Thân Văn Khải
DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG
(Kèm theo Quyết định số 74/QĐ-LĐLĐ ngày 20/12/2021 của Ban Thường vụ)
TT | Họ và tên | Chức vụ, đơn vị
1 | Nguyễn Văn Định | Chủ tịch Công đoàn xã Tiến Dũng
2 | Vũ Thị Thanh | Giáo viên, Trường Mầm non Lão Hộ"""
    dispatch = parse_lines(clean_lines(text.splitlines()))
    assert dispatch.appended[:2] == ["DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
                                     "(Kèm theo Quyết định số 74/QĐ-LĐLĐ ngày 20/12/2021 của Ban Thường vụ)"]
    record = extract_record(document(text))
    assert (record.signatory.authority, record.signatory.title, record.signatory.name) == ("TM.", "CHỦ TỊCH", "Thân Văn Khải")

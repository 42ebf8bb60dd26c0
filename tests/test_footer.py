"""Signatory, recipients, addressees and the incoming stamp on hand-written snippets."""
from __future__ import annotations

import pytest

from extractors.parse import parse_lines
from extractors.addressees import extract_addressees
from extractors.parse.clean import clean_lines, clean_pages
from extractors.parse.marks import is_person_name
from extractors.recipients import extract_recipients, purpose_of
from extractors.signatory import extract_signatory
from models.record import Recipient, Signatory

BODY = "Đề nghị các đơn vị triển khai thực hiện nghiêm túc, báo cáo kết quả về cơ quan thường trực đúng thời hạn./."


def lines_of(text: str) -> list[str]:
    return clean_lines(text.splitlines())


def sig(text: str) -> Signatory:
    return extract_signatory(parse_lines(lines_of(BODY + "\n" + text)).signing_part)


def test_the_year_a_wrapped_place_date_line_left_below_kinh_gui_names_no_one():
    assert extract_addressees(["Kính gửi:", "năm 2024", "- Ủy ban nhân dân các xã, phường;",
                               "- Trung tâm Văn hóa thị xã."]) == ["Ủy ban nhân dân các xã, phường", "Trung tâm Văn hóa thị xã"]


def test_a_bullet_wrapped_to_a_lines_end_opens_the_next_item():
    assert extract_addressees(["Kính gửi: - Ban Chấp hành CĐCS Công ty TNHH Điện tử Việt Hưng; -",
                               "Ban Giám đốc Công ty TNHH Điện tử Việt Hưng."]) == [
        "Ban Chấp hành CĐCS Công ty TNHH Điện tử Việt Hưng", "Ban Giám đốc Công ty TNHH Điện tử Việt Hưng"]


@pytest.mark.parametrize("read, clean", [("- - Công đoàn cơ sở Công ty", "- Công đoàn cơ sở Công ty"),
                                         ("Sơn, Hải An, Phú Lâm; . -", "Sơn, Hải An, Phú Lâm; -"),
                                         ("Công nghệ cao; ˆ _", "Công nghệ cao;"), (". Công nghệ cao;", "Công nghệ cao;"),
                                         ("thực hiện./.", "thực hiện./."), ("- Như trên;", "- Như trên;"),
                                         ("- -Phòng Giáo dục", "- Phòng Giáo dục"), (". - Ban Thường vụ", "- Ban Thường vụ"),
                                         ("› nhất 01 đồng chí nữ", "nhất 01 đồng chí nữ")])
def test_ocr_specks_around_a_list_item(read, clean):
    from extractors.parse.clean import strip_lead_junk

    assert strip_lead_junk(read) == clean


def test_an_ocr_speck_on_its_own_line_in_the_kinh_gui_list_names_no_one():
    assert extract_addressees(["Kính gửi:", "- Các công đoàn cơ sở trực thuộc;", "_",
                               "- Các đồng chí Ủy viên Ban Chấp hành."]) == [
        "Các công đoàn cơ sở trực thuộc", "Các đồng chí Ủy viên Ban Chấp hành"]


@pytest.mark.parametrize("first", ["Kính gửi: - - Ban Chấp hành các công đoàn cơ sở trực thuộc;",
                                   "Kính gửi: _ - Ban Chấp hành các công đoàn cơ sở trực thuộc;",
                                   "Kính gửi:. - Ban Chấp hành các công đoàn cơ sở trực thuộc;"])
def test_specks_after_kinh_gui_and_an_item_whose_bullet_ocr_lost(first):
    assert extract_addressees(parse_lines([first, "Ban Chỉ đạo phát triển đoàn viên Công đoàn Khu", "Công nghệ cao;",
                               "- Tổ tư vấn pháp luật cho người lao động; l",
                               "- Giáo viên chủ nhiệm các lớp khối 10; 11, 12 và Đoàn trường;",
                               "Ban đại diện Cha mẹ học sinh trường.",
                               "Căn cứ Luật Công đoàn số 50/2024/QH15 ngày 27/11/2024 của Quốc hội, Ban Thường vụ đề nghị:"
                                           ]).salutation) == [
        "Ban Chấp hành các công đoàn cơ sở trực thuộc", "Ban Chỉ đạo phát triển đoàn viên Công đoàn Khu Công nghệ cao",
        "Tổ tư vấn pháp luật cho người lao động", "Giáo viên chủ nhiệm các lớp khối 10; 11, 12 và Đoàn trường",
        "Ban đại diện Cha mẹ học sinh trường"]


# --- signatory -------------------------------------------------------------------


def test_tm_collective_title_and_name():
    s = sig("TM. BAN CHẤP HÀNH\nPHÓ CHỦ TỊCH\n(Đã ký)\nLò Văn Sơn\n")
    assert s == Signatory("TM.", "BAN CHẤP HÀNH", "PHÓ CHỦ TỊCH", "Lò Văn Sơn")


@pytest.mark.parametrize("signed", ["Đã ký", "ĐÃ KÝ", "(Đã ký)"])
def test_signed_alone_on_a_line_is_no_part_of_the_list_left_open_above_it(signed):
    """Published copies print "Đã ký" where the signature was, with or without brackets: the Nơi nhận list's
    last item, left open (no ";"), does not take it in."""
    lines = lines_of(f"{BODY}\nNơi nhận:\n- Như trên;\n- Thường trực LĐLĐ tỉnh\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n"
                     f"{signed}\nNguyễn Văn Hùng")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Như trên", None),
                                                                      Recipient("Thường trực LĐLĐ tỉnh", None)]
    assert sig("\n".join(lines[1:])) == Signatory("TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn Hùng")
    assert lines_of("Các đơn vị\nđã ký\nkết giao ước thi đua") == ["Các đơn vị", "đã ký", "kết giao ước thi đua"]


@pytest.mark.parametrize("marker, authority", [("ˆKT.", "KT."), ("'TM.", "TM."), ("‘KT .", "KT."), ("°TL.", "TL.")])
def test_ocr_specks_before_the_authority_marker(marker, authority):
    s = sig(f"{marker} GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n")
    assert (s.authority, s.title, s.name) == (authority, "PHÓ GIÁM ĐỐC", "Trần Văn Bình")


def test_tm_without_space_and_t_slash_m():
    assert sig("TM.BAN THƯỜNG VỤ\nCHỦ TỊCH\nVi Thị Hằng\n") == Signatory("TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH", "Vi Thị Hằng")
    assert sig("T/M BAN CHẤP HÀNH\nCHỦ TỊCH\nTrịnh Minh Quân\n") == Signatory(
        "TM.", "BAN CHẤP HÀNH", "CHỦ TỊCH", "Trịnh Minh Quân")


def test_kt_deputy_signs_for_the_head():
    assert sig("KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nĐinh Thị Thu Trang\n") == Signatory(
        "KT.", None, "PHÓ HIỆU TRƯỞNG", "Đinh Thị Thu Trang")


@pytest.mark.parametrize("marker, title", [("TL.", "CHÁNH VĂN PHÒNG"), ("TUQ.", "TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ")])
def test_delegated_signatures(marker, title):
    assert sig(f"{marker} GIÁM ĐỐC\n{title}\nMai Xuân Bách\n") == Signatory(marker, None, title, "Mai Xuân Bách")


def test_acting_head_q():
    assert sig("Q. GIÁM ĐỐC\nLương Đức Toàn\n") == Signatory("Q.", None, "GIÁM ĐỐC", "Lương Đức Toàn")


def test_nested_block_outermost_authority_goes_with_its_body():
    s = sig("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHà Quang Minh\n")
    assert s == Signatory("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Hà Quang Minh")
    s = sig("T/M BAN CHẤP HÀNH\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC\nLê Thị Hoa\n")
    assert s == Signatory("TM.", "BAN CHẤP HÀNH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Thị Hoa")
    # a single KT. block has no collective: no body
    assert sig("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nVũ Văn Nam\n") == Signatory("KT.", None, "PHÓ GIÁM ĐỐC", "Vũ Văn Nam")


def test_lower_case_block_kept_as_printed():
    assert sig("TM. Ban chấp hành\nchủ tịch\n(đã ký)\nTô Thị Nga\n") == Signatory(
        "TM.", "Ban chấp hành", "chủ tịch", "Tô Thị Nga")


def test_title_and_name_without_authority():
    assert sig("HIỆU TRƯỞNG\n\n\nNông Văn Khải\n") == Signatory(None, None, "HIỆU TRƯỞNG", "Nông Văn Khải")


def test_name_printed_twice_counts_once():
    assert sig("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nKhổng Minh Đức\n\nKhổng Minh Đức\n").name == "Khổng Minh Đức"


def test_no_signature_text_gives_all_null():
    assert sig("Tác giả: Minh Châu - Nguồn: Công đoàn tỉnh\nXem tất cả »\n") == Signatory()


def test_signature_block_before_the_recipient_list():
    s = sig("TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nDương Thị Hoa\n")
    assert s == Signatory("TM.", "BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Dương Thị Hoa")


def test_interleaved_footer_with_wide_gaps():
    text = ("Nơi nhận:                                 KT. CHỦ TỊCH\n"
            "- Thường trực Tỉnh ủy (b/c);              PHÓ CHỦ TỊCH\n"
            "- Các sở, ngành (t/h);\n"
            "- Lưu: VT, KGVX.\n"
            "                                           Âu Văn Phúc\n")
    lines = lines_of(BODY + "\n" + text)
    assert extract_signatory(parse_lines(lines).signing_part) == Signatory("KT.", None, "PHÓ CHỦ TỊCH", "Âu Văn Phúc")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Thường trực Tỉnh ủy", "báo cáo"),
                                         Recipient("Các sở, ngành", "thực hiện")]


def test_interleaved_footer_on_single_spaced_lines():
    text = "Nơi nhận: TM. BAN CHẤP HÀNH\n- Như trên; CHỦ TỊCH\n- Lưu: VP. PHÓ CHỦ TỊCH THƯỜNG TRỰC\nPhan Văn Lộc\n"
    lines = lines_of(BODY + "\n" + text)
    s = extract_signatory(parse_lines(lines).signing_part)
    assert (s.authority, s.body, s.name) == ("TM.", "BAN CHẤP HÀNH", "Phan Văn Lộc")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Như trên", None)]


def test_e_signature_stamp_is_not_the_name():
    text = ("GIÁM ĐỐC\nKý bởi: Sở Giáo dục và Đào tạo\nEmail: sgddt@tinh.gov.vn\nCơ quan: Tỉnh Bình Phước\n"
            "Thời gian ký: 12.05.2023 09:14:22 +07:00\nLê Thị Kim Oanh\n")
    assert sig(text) == Signatory(None, None, "GIÁM ĐỐC", "Lê Thị Kim Oanh")


@pytest.mark.parametrize("marker", ["TL.", "TUQ."])
def test_a_delegate_signing_for_a_collective_names_it_as_the_body(marker):
    s = sig(f"{marker} BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nVõ Thị Kim Loan\n")
    assert s == Signatory(marker, "BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Võ Thị Kim Loan")
    assert sig(f"{marker} CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nVõ Thị Kim Loan\n").body is None  # a head, not a collective


@pytest.mark.parametrize("title_lines, title", [
    ("TRƯỞNG PHÒNG CHÍNH TRỊ,\nTƯ TƯỞNG", "TRƯỞNG PHÒNG CHÍNH TRỊ, TƯ TƯỞNG"),  # the end looks like a name
    ("PHÓ TRƯỞNG CÔNG AN\nHUYỆN", "PHÓ TRƯỞNG CÔNG AN HUYỆN"),
    ("TRƯỞNG PHÒNG NÔNG NGHIỆP\nVÀ PTNT", "TRƯỞNG PHÒNG NÔNG NGHIỆP VÀ PTNT"),
])
def test_a_chuc_vu_the_signing_column_wrapped_is_one_title(title_lines, title):
    s = sig(f"TUQ. GIÁM ĐỐC\n{title_lines}\nNguyễn Thị Hoài Thương\n")
    assert s == Signatory("TUQ.", None, title, "Nguyễn Thị Hoài Thương")


def test_a_wrapped_chuc_vu_read_across_the_other_column():
    footer = ["Nơi nhận:", "TUQ. CHỦ TỊCH", "- TT Huyện ủy, TT HĐND huyện (b/c);", "TRƯỞNG PHÒNG NÔNG NGHIỆP",
              "- CT, các PCT UBND huyện;", "- Như kính gửi (t/h);", "- Lưu: VT, NN.", "VÀ PTNT", "Nguyễn Đình Khoa"]
    assert extract_signatory(footer) == Signatory("TUQ.", None, "TRƯỞNG PHÒNG NÔNG NGHIỆP VÀ PTNT", "Nguyễn Đình Khoa")


def test_a_chuc_vu_with_a_speck_read_as_a_colon_is_still_the_title():
    assert extract_signatory(["Lưu: VT, VP.", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH:", "1", "Phan Thị Hồng Nhung"]) == Signatory(
        "TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH", "Phan Thị Hồng Nhung")


def test_a_joint_plans_block_names_its_agency_between_the_authority_and_the_title():
    footer = ["- Lưu: VT SLĐTBXH, VT LĐLĐ.", "KT. GIÁM ĐỐC", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI", "PHÓ",
              "GIÁM ĐỐC", "Nguyễn Thị Hồng Phương Thảo"]
    assert extract_signatory(footer) == Signatory("KT.", None, "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hồng Phương Thảo")


def test_an_acting_title_under_a_delegation_is_the_title_as_printed():
    assert sig("TL. BAN THƯỜNG VỤ\nQ. CHÁNH VĂN PHÒNG\nĐỗ Thị Thu Trang\n") == Signatory(
        "TL.", "BAN THƯỜNG VỤ", "Q. CHÁNH VĂN PHÒNG", "Đỗ Thị Thu Trang")


@pytest.mark.parametrize("read, body", [("BAN THƯƠNG VỤ", "BAN THƯỜNG VỤ"), ("BẠN CHẤP HÃNH", "BAN CHẤP HÀNH"),
                                        ("BAN THƯỜNG vụ", "BAN THƯỜNG VỤ"), ("UỶ BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"),
                                        ("BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ", "BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ")])
def test_a_collective_ocr_misread_is_given_its_spelling(read, body):
    assert sig(f"TM. {read}\nCHỦ TỊCH\nMai Xuân Thưởng\n").body == body


@pytest.mark.parametrize("printed, name", [("Thượng tá Lò Văn Thiết", "Lò Văn Thiết"),
                                           ("Đại úy Phạm Văn Nam", "Phạm Văn Nam"),
                                           ("ThS. Lê Thanh Tùng", "Lê Thanh Tùng"),
                                           ("BSCKI. Phạm Thị Lan", "Phạm Thị Lan"),
                                           ("BSCKII. Nguyễn Văn Hùng", "Nguyễn Văn Hùng"),
                                           ("ThS.BS. Lê Thị Mai", "Lê Thị Mai"),
                                           ("Trương Công Định", "Trương Công Định")])
def test_a_rank_or_degree_before_the_name_is_not_part_of_it(printed, name):
    assert sig(f"Q. HIỆU TRƯỞNG\n{printed}\n") == Signatory("Q.", None, "HIỆU TRƯỞNG", name)


@pytest.mark.parametrize("line, ok", [
    ("Nguyễn Thị Thu Hà", True), ("Lò Văn Sơn", True), ("ĐẶNG ĐÌNH CHUNG", True), ("Y Bhiăm Niê Kdăm", True),
    ("Sở Giáo dục và Đào tạo", False), ("CHỦ TỊCH", False), ("(Đã ký)", False), ("Hà Nội, ngày 5", False),
    ("Phạm Văn", True), ("Nguyễn", False), ("Ban Chấp Hành Công Đoàn", False),
    # a family name that folds like a title word, told apart by its tone marks
    ("Trương Công Định", True), ("Chu Văn An", True), ("Trưởng Phòng", False), ("Chủ Tịch", False),
    ("H' Nhí Niê", True), ("Y Bhiăm Niê", True), ("Rơ Châm H'Yuh", True),
])
def test_person_names(line, ok):
    assert is_person_name(line) is ok


# --- recipients ------------------------------------------------------------------


@pytest.mark.parametrize("words, purpose", [
    ("T/h", "thực hiện"), ("b/c", "báo cáo"), ("c/đ", "chỉ đạo"), ("đ/b", "để biết"), ("p/h", "phối hợp"),
    ("t/d", "theo dõi"), ("báo cáo", "báo cáo"), ("để báo cáo", "báo cáo"), ("để b/c", "báo cáo"),
    ("để biết", "để biết"), ("thực hiện", "thực hiện"), ("b/c, t/h", "báo cáo, thực hiện"), ("02 bản", None),
])
def test_purpose_codes(words, purpose):
    assert purpose_of(words) == purpose


@pytest.mark.parametrize("words, purpose", [
    ("b/e", "báo cáo"), ("tlh", "thực hiện"), ("p/n", "phối hợp"), ("t/c", None), ("p/b", None),
])
def test_purpose_code_misread_by_ocr_only_when_one_code_is_nearest(words, purpose):
    assert purpose_of(words) == purpose


def test_ocr_misread_code_in_a_recipient_item():
    assert extract_recipients(parse_lines(lines_of("Nơi nhận:\n- Sở Nội vụ (b/e);\n- Lưu: VT.\n")).recipients_part) == [
        Recipient("Sở Nội vụ", "báo cáo")]


def test_recipients_with_codes_and_archive_line():
    lines = lines_of(BODY + """
Nơi nhận:
- Như kính gửi (T/h);
- Ban Tuyên giáo Huyện ủy (b/c);
- Đảng ủy, UBND xã; (b/c)
- Các tổ công đoàn (đ/b);
- Website trường;
- Lưu: VT, CĐ.
""")
    assert extract_recipients(parse_lines(lines).recipients_part) == [
        Recipient("Như kính gửi", "thực hiện"), Recipient("Ban Tuyên giáo Huyện ủy", "báo cáo"),
        Recipient("Đảng ủy, UBND xã", "báo cáo"), Recipient("Các tổ công đoàn", "để biết"),
        Recipient("Website trường", None)]


def test_recipients_archive_first_and_electronic_copies():
    lines = lines_of(BODY + """
Nơi nhận:
- Lưu: VT, TCCB.
Bản điện tử:
- Bộ Nội vụ (để báo cáo);
- Các huyện, thị xã (để thực hiện);
- Giám đốc, các PGĐ Sở.
""")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Bộ Nội vụ", "báo cáo"),
                                         Recipient("Các huyện, thị xã", "thực hiện"),
                                         Recipient("Giám đốc, các PGĐ Sở", None)]


def test_recipient_item_wrapped_over_two_lines():
    lines = lines_of(BODY + "\nNơi nhận:\n- Các đồng chí Ủy viên Ban Chấp hành\nCông đoàn ngành (để biết);\n- Lưu VT\n")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Các đồng chí Ủy viên Ban Chấp hành Công đoàn ngành", "để biết")]


def test_recipients_after_the_signature_block():
    lines = lines_of(BODY + "\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nNơi nhận:\n- Tỉnh đoàn (b/c);\n- Lưu VT.\nCù Thị Lan\n")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Tỉnh đoàn", "báo cáo")]


def test_no_recipient_list():
    assert extract_recipients(parse_lines(lines_of(BODY + "\nCHỦ TỊCH\nHoàng Văn Nam\n")).recipients_part) == []


# --- addressees ------------------------------------------------------------------


def test_single_addressee_on_the_kinh_gui_line():
    assert extract_addressees(parse_lines(lines_of("Kính gửi: Ủy ban nhân dân các xã, thị trấn\nThực hiện Kế hoạch số 5/KH-UBND,")).salutation) == [
        "Ủy ban nhân dân các xã, thị trấn"]


def test_bulleted_addressees_first_on_the_kinh_gui_line():
    text = "Kính gửi: - Ban Giám hiệu các trường;\n- Công đoàn cơ sở trực thuộc;\n- Các tổ chuyên môn.\nCăn cứ Hướng dẫn số 9,"
    assert extract_addressees(parse_lines(lines_of(text)).salutation) == ["Ban Giám hiệu các trường", "Công đoàn cơ sở trực thuộc",
                                                  "Các tổ chuyên môn"]


def test_kinh_gui_without_colon_and_bullets_below():
    text = "Kính gửi\n- Các phòng chuyên môn thuộc Sở\n- Các đơn vị sự nghiệp trực thuộc\nĐể chuẩn bị tổ chức hội nghị,"
    assert extract_addressees(parse_lines(lines_of(text)).salutation) == ["Các phòng chuyên môn thuộc Sở", "Các đơn vị sự nghiệp trực thuộc"]


def test_addressee_wrapped_over_two_lines():
    text = "Kính gửi: Các công đoàn cơ sở trường học\nTrực thuộc Công đoàn Giáo dục huyện Lục Nam.\nThực hiện Công văn số 3,"
    assert extract_addressees(parse_lines(lines_of(text)).salutation) == ["Các công đoàn cơ sở trường học Trực thuộc Công đoàn Giáo dục huyện Lục Nam"]


def test_addressees_separated_by_semicolons():
    text = "Kính gởi: Phòng Nội vụ; Phòng Tài chính - Kế hoạch; Văn phòng HĐND và UBND huyện.\nTheo đề nghị của"
    assert extract_addressees(parse_lines(lines_of(text)).salutation) == ["Phòng Nội vụ", "Phòng Tài chính - Kế hoạch",
                                                  "Văn phòng HĐND và UBND huyện"]


def test_addressee_wrapped_with_a_comma():
    text = "Kính gửi: Hiệu trưởng các trường Mầm non, Tiểu học,\nTHCS trên địa bàn huyện.\nThực hiện Công văn số 118,"
    assert extract_addressees(parse_lines(lines_of(text)).salutation) == ["Hiệu trưởng các trường Mầm non, Tiểu học, THCS trên địa bàn huyện"]


def test_no_kinh_gui():
    assert extract_addressees(parse_lines(lines_of("KẾ HOẠCH\nTổ chức hội thi\nCăn cứ Kế hoạch năm học,")).salutation) == []


# --- incoming stamp ---------------------------------------------------------------


def test_stamp_in_three_rows():
    r = parse_lines(lines_of("BỆNH VIỆN ĐA KHOA TỈNH\nCÔNG VĂN ĐẾN\nSố: 305\nNgày: 04/11/2020\nChuyển: P.TCCB\n")).received
    assert (r.org, r.number, r.date) == ("BỆNH VIỆN ĐA KHOA TỈNH", "305", "2020-11-04")


def test_stamp_with_columns_split_by_a_tab():
    r = parse_lines(lines_of("TRƯỜNG CAO ĐẲNG Y TẾ\nCV\tSố: 88\nĐẾN\tNgày: 2 / 12 / 2018\n")).received
    assert (r.org, r.number, r.date) == ("TRƯỜNG CAO ĐẲNG Y TẾ", "88", "2018-12-02")


def test_no_stamp():
    assert parse_lines(lines_of("SỞ TÀI CHÍNH\nSố: 12/STC-NS\nĐến nay các đơn vị chưa gửi báo cáo.\n")).received is None


# --- cleaning ---------------------------------------------------------------------


def test_cleaning_drops_marks_page_numbers_and_running_headers():
    pages = [["**KẾ HOẠCH**", "Nội dung trang một *son*", "- 1 -"],
             ["Công đoàn ngành Giáo dục tỉnh", "Nội dung trang hai", "(ký tên, đóng dấu)", "Trang 2"],
             ["Công đoàn ngành Giáo dục tỉnh", "Nội dung trang ba", "3"]]
    assert clean_pages(pages) == ["KẾ HOẠCH", "Nội dung trang một", "Nội dung trang hai", "Nội dung trang ba"]


def test_ocr_damage_in_the_recipient_list():
    lines = lines_of(BODY + """
Nơi nhận:
- Sở Tài chính (phôi hợp);
- UBND các xã (thực hiện)À\\
Các trường học trên địa bàn.
-
KT. TRƯỞNG PHÒNG
ñ Á Ồ
Bùi Thị Lệ
""")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Sở Tài chính", "phối hợp"), Recipient("UBND các xã", "thực hiện"),
                                         Recipient("Các trường học trên địa bàn", None)]
    assert extract_signatory(parse_lines(lines).signing_part) == Signatory("KT.", None, None, "Bùi Thị Lệ")


def test_title_lost_under_the_seal_keeps_the_closing_name():
    lines = lines_of(BODY + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTriệu Văn Hùng\n")
    assert extract_signatory(parse_lines(lines).signing_part) == Signatory(None, None, None, "Triệu Văn Hùng")


def test_ocr_comma_after_the_authority_and_academic_prefix():
    assert sig("TM, BAN GIÁM HIỆU\nHIỆU TRƯỞNG\nThS. Lục Văn Hải\n") == Signatory(
        "TM.", "BAN GIÁM HIỆU", "HIỆU TRƯỞNG", "Lục Văn Hải")


def test_flattened_footer_rows_are_taken_apart():
    lines = lines_of(BODY + """
Xác nhận của Ban giám hiệu TM. BAN CHẤP HÀNH
PHÓ CHỦ TỊCH
Nơi nhận : TM. Ban thường vụ
- Như trên; phó chủ tịch
- Phòng Nội vụ. Sở Văn hóa và Thể thao
2023.08.14 10:02:51 +07:00
- Lưu VP
Hầu Thị Mai
""")
    assert extract_signatory(parse_lines(lines).signing_part) == Signatory("TM.", "Ban thường vụ", "phó chủ tịch", "Hầu Thị Mai")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Như trên", None), Recipient("Phòng Nội vụ", None)]


def test_chuc_vu_broken_or_misread_by_ocr():
    s = sig("Nơi nhận:\n- Như trên;\n- Lưu VT.\nTM. Ban chấp hành\nphó chủ\ntịch\nNguyễn Văn Bình\n")
    assert s == Signatory("TM.", "Ban chấp hành", "phó chủ tịch", "Nguyễn Văn Bình")
    s = sig("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nHIỆU TRƯỞNC\nLê Thị Minh Thu\n")
    assert s == Signatory(None, None, "HIỆU TRƯỞNG", "Lê Thị Minh Thu")  # given its printed spelling
    # an upper-case line that is no chức vụ (a seal's text) is not taken for one
    assert sig("Nơi nhận:\n- Lưu: VT.\nTHÀNH PHỐ HẢI DƯƠNG\nLê Thị Minh Thu\n") == Signatory(name="Lê Thị Minh Thu")


def test_noi_nhan_with_its_first_letter_misread():
    lines = lines_of(BODY + """
éWơi nhận:
- Như trên;
- Sở Nội vụ (báo cáo);
- Lưu: VT.
GIÁM ĐỐC
Trần Văn Tâm
""")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Như trên", None), Recipient("Sở Nội vụ", "báo cáo")]


def test_seal_noise_is_no_title_and_a_misread_title_is_recovered():
    assert sig("KT. GIÁM ĐỐC\nÁP ẦHÓ GIÁM ĐÓC\nTrần Quốc Việt\n") == Signatory(
        "KT.", None, "PHÓ GIÁM ĐỐC", "Trần Quốc Việt")
    assert sig("KT. CHỦ TỊCH\nÁ Ễ\nLâm Văn Tư\n") == Signatory("KT.", None, None, "Lâm Văn Tư")
    assert sig("TM. BAN THƯỜNG VỤ\nĐOÀN KẾT - SÁNG TẠO\nLâm Văn Tư\n") == Signatory(
        "TM.", "BAN THƯỜNG VỤ", None, "Lâm Văn Tư")
    # a chức vụ outside the known list still counts when it starts with chức vụ words
    assert sig("TL. GIÁM ĐỐC\nTRƯỞNG PHÒNG KẾ HOẠCH - TÀI CHÍNH\nMa Văn Cường\n").title == (
        "TRƯỞNG PHÒNG KẾ HOẠCH - TÀI CHÍNH")


def test_nested_block_whose_lines_the_recipient_list_separates():
    lines = lines_of(BODY + """
Nơi nhận:
ro TM. ỦY BAN NHÂN DÂN:
- Thường trực Huyện ủy (b/c);
- Các phòng, ban liên quan;
- Lưu: VP.
KT. CHỦ TỊCH |
PHÓ
CHỦ TỊCH
Hoàng Văn Lâm
""")
    assert extract_signatory(parse_lines(lines).signing_part) == Signatory("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Hoàng Văn Lâm")
    assert extract_recipients(parse_lines(lines).recipients_part) == [Recipient("Thường trực Huyện ủy", "báo cáo"),
                                         Recipient("Các phòng, ban liên quan", None)]


def test_purpose_bracket_ends_the_item_whatever_ocr_left_after_it():
    lines = lines_of(BODY + """
_Nơi nhận:
- Phòng Văn hóa - Thông tin (thực hiện) vỏ DÀCđ
- Các trường học trực thuộc (p/h); cm
- Đoàn Thanh niên (trừ chi đoàn khối) thuộc xã;
_— ~ Ban Thường vụ Huyện đoàn (b/c);
- Lưu: VT.
TRƯỞNG PHÒNG
Vi Văn Thịnh
""")
    assert extract_recipients(parse_lines(lines).recipients_part) == [
        Recipient("Phòng Văn hóa - Thông tin", "thực hiện"), Recipient("Các trường học trực thuộc", "phối hợp"),
        Recipient("Đoàn Thanh niên (trừ chi đoàn khối) thuộc xã", None), Recipient("Ban Thường vụ Huyện đoàn", "báo cáo"),
    ]


def test_ocr_specks_before_the_kinh_gui_items_and_their_wrapped_lines():
    lines = lines_of("""Kínhgửi: - Hiệu trưởng các trường tiểu học, THCS
_' trên địa bàn huyện;
_— ~ Chủ tịch Công đoàn các trường học.
""" + BODY)
    assert extract_addressees(parse_lines(lines).salutation) == ["Hiệu trưởng các trường tiểu học, THCS trên địa bàn huyện",
                                         "Chủ tịch Công đoàn các trường học"]


def test_seal_specks_after_the_name_and_wrapped_list_items_before_the_title():
    s = sig("Nơi nhận:\nKT. GIÁM ĐỐC\n- Bộ LĐTBXH (b/c);\n- UBND các huyện, thị xã, thành phố\n(p/h);\n"
            "- Lưu: VT.\nPHÓ GIÁM ĐỐC\nVõ Thị Kim Liên :\n")
    assert s == Signatory(authority="KT.", title="PHÓ GIÁM ĐỐC", name="Võ Thị Kim Liên")


def addressees(text: str) -> list[str]:
    return extract_addressees(parse_lines(lines_of(text)).salutation)


def test_a_bulleted_addressee_wrapped_onto_lines_that_start_with_a_capital():
    text = """Kính gửi:
- Các Phó Hiệu trưởng;
- Giáo viên chủ nhiệm các lớp khối 10, 11, 12 và
Ban Chấp hành Đoàn trường Trung học phổ thông
Nguyễn Thị Diệu;
- Công đoàn ngành, Công đoàn Tổng Công ty trực thuộc
Liên đoàn Lao động Thành phố;
- Ban đại diện Cha mẹ học sinh trường.
Thực hiện Công văn số 3125/SGDĐT-CTTT ngày 26/9/2022 của Sở Giáo dục và Đào tạo,"""
    assert addressees(text) == [
        "Các Phó Hiệu trưởng",
        "Giáo viên chủ nhiệm các lớp khối 10, 11, 12 và Ban Chấp hành Đoàn trường Trung học phổ thông Nguyễn Thị Diệu",
        "Công đoàn ngành, Công đoàn Tổng Công ty trực thuộc Liên đoàn Lao động Thành phố",
        "Ban đại diện Cha mẹ học sinh trường"]


def test_the_body_after_a_bulleted_list_left_open_is_not_an_addressee():
    text = """Kính gửi:
- Các công đoàn cơ sở trực thuộc
- Các ban chuyên môn
Ban Thường vụ Liên đoàn Lao động huyện đề nghị các đơn vị báo cáo kết quả
tổ chức Tháng Công nhân năm 2024 về Liên đoàn Lao động huyện trước ngày 30/5/2024."""
    assert addressees(text) == ["Các công đoàn cơ sở trực thuộc", "Các ban chuyên môn"]


def test_a_collectives_name_the_signing_column_wrapped_before_the_title():
    s = sig("Nơi nhận:\n- Như trên;\n- Lưu VP.\nTM. BAN THƯỜNG VỤ HUYỆN\nĐOÀN\nBÍ THƯ\nLê Thị Thu Hiền")
    assert s == Signatory("TM.", "BAN THƯỜNG VỤ HUYỆN ĐOÀN", "BÍ THƯ", "Lê Thị Thu Hiền")


@pytest.mark.parametrize("line", ["ĐOÀN BÍ THƯ", "HỒ CHỦ TỊCH", "Đoàn Giám đốc"])
def test_a_line_holding_a_chuc_vu_is_no_name(line):
    assert not is_person_name(line)


def test_a_dash_inside_an_addressees_name_is_no_bullet():
    text = """Kính gửi: - Ban Quản lý các khu công nghiệp tỉnh;
- Phòng Lao động - Thương binh và Xã hội các
huyện, thành phố;
- Các doanh nghiệp có tên trong danh sách kèm
theo.
Thực hiện Kế hoạch số 89/KH-UBND ngày 14/3/2024 của Ủy ban nhân dân tỉnh về giải quyết việc làm,"""
    assert addressees(text) == ["Ban Quản lý các khu công nghiệp tỉnh",
                                "Phòng Lao động - Thương binh và Xã hội các huyện, thành phố",
                                "Các doanh nghiệp có tên trong danh sách kèm theo"]


def test_the_last_bulleted_addressee_wrapped_onto_a_capitalised_line_that_closes_it():
    text = """Kính gửi: - Các đảng bộ cơ sở, chi bộ cơ sở trực thuộc;
- Đoàn Thanh niên Khối, Công đoàn Viên chức tỉnh,
Hội Cựu chiến binh Khối.
Căn cứ Nghị quyết số 15-NQ/TU ngày 21/4/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số,"""
    assert addressees(text) == ["Các đảng bộ cơ sở, chi bộ cơ sở trực thuộc",
                                "Đoàn Thanh niên Khối, Công đoàn Viên chức tỉnh, Hội Cựu chiến binh Khối"]


def test_a_long_chuc_vu_the_signing_column_wrapped_above_the_name():
    s = sig("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTUQ. GIÁM ĐỐC\nTRƯỞNG PHÒNG VIỆC LÀM - AN\nTOÀN LAO ĐỘNG\n"
            "Ngô Thị Phương Thảo")
    assert s == Signatory("TUQ.", None, "TRƯỞNG PHÒNG VIỆC LÀM - AN TOÀN LAO ĐỘNG", "Ngô Thị Phương Thảo")


def test_a_short_chuc_vu_keeps_the_seals_words_out():
    s = sig("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nUBND HUYỆN\nNguyễn Văn An")
    assert s == Signatory("KT.", None, "PHÓ CHỦ TỊCH", "Nguyễn Văn An")


def test_k_slash_t_is_kt_as_t_slash_m_is_tm():
    s = sig("Nơi nhận:\n- Như trên,\n- Lưu VP.\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nNguyễn Thị Ngọc Hà")
    assert s == Signatory("KT.", None, "PHÓ TRƯỞNG BAN", "Nguyễn Thị Ngọc Hà")


def test_a_signers_rank_wrapped_apart_from_the_name():
    s = sig("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nĐại\ntá Hoàng Văn Thịnh")
    assert s == Signatory("TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH", "Hoàng Văn Thịnh")


@pytest.mark.parametrize("title_read", ["CHỦ TIÊN", "CHỦ Ủ TỊCH"])
def test_a_chuc_vu_ocr_misread_in_capitals_is_the_title_not_a_name(title_read):
    """'CHỦ' printed with its marks is the chức vụ's first word; the family name is 'CHU'."""
    s = sig(f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. HỌI ĐỒNG QUÁN TRỊ\n{title_read}\nPhạm Văn Lục")
    assert s == Signatory("TM.", "HỘI ĐỒNG QUẢN TRỊ", "CHỦ TỊCH", "Phạm Văn Lục")
    assert is_person_name("CHU VĂN AN") and not is_person_name("TỔNG HỢP")


def test_the_chuc_vu_found_below_a_whole_noi_nhan_list_read_between_it_and_its_authority():
    text = """Nơi nhận:
KT. CHỦ TỊCH
- UBND huyện Bảo Thắng (b/c);
- Phòng Nội vụ huyện (b/c);
- TT Đảng ủy, TT HĐND xã (b/c);
- UBMTTQ và các đoàn thể xã (p/h);
- Trưởng các thôn (t/h);
- Lưu: VT, VHXH.
PHÓ CHỦ TỊCH
Hoàng Văn Tiến"""
    assert sig(text) == Signatory("KT.", None, "PHÓ CHỦ TỊCH", "Hoàng Văn Tiến")


@pytest.mark.parametrize("read, name", [("Nguyễn Thị/Ngọc Hà", "Nguyễn Thị Ngọc Hà"), ("Nguyễn ThịLan Anh", "Nguyễn Thị Lan Anh"),
                                        ("ThS. Lê Thanh Tùng", "Lê Thanh Tùng"), ("ĐẶNG ĐÌNH CHUNG", "ĐẶNG ĐÌNH CHUNG"),
                                        ("1ê Duy Định", "Lê Duy Định"), ("lương Thị Hoa", "Lương Thị Hoa")])
def test_two_words_of_a_name_ocr_glued_together_come_apart_and_a_family_names_l_read_1(read, name):
    s = sig(f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n{read}")
    assert s == Signatory("KT.", None, "PHÓ TRƯỞNG BAN", name)


@pytest.mark.parametrize("block, expected", [
    ("T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nMa Thị Nguyệt", Signatory("TL.", "BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Ma Thị Nguyệt")),
    ("CHỦ TỊCH\nSiu Hương", Signatory(None, None, "CHỦ TỊCH", "Siu Hương")),  # a Jrai family name
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nKsor H'Bla", Signatory("KT.", None, "PHÓ CHỦ TỊCH", "Ksor H'Bla")),
    ("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nThập Thị Bích Liên", Signatory("TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH", "Thập Thị Bích Liên")),
    ("CHỦ TỊCH\nSùng A Chứ", Signatory(None, None, "CHỦ TỊCH", "Sùng A Chứ")),  # Chăm and H'Mông family names
])
def test_t_slash_l_and_the_family_names_of_the_central_highlands_and_the_mountains(block, expected):
    assert sig(f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\n{block}") == expected


def test_a_chuc_vu_misread_in_capitals_is_not_a_name_and_a_deputy_signs_under_kt():
    """"TRƯỚNG PHÒNG" (OCR's mark on TRƯỞNG) is the chức vụ; under "KT. GIÁM ĐỐC" the signer is a deputy, so a
    chức vụ read as the head's own ("ÓGI ÁM ĐÓC") lost its "PHÓ"."""
    assert sig("Nơi nhận:\n- Như kính gửi.\nTRƯỚNG PHÒNG\nPhạm Văn Hà") == Signatory(None, None, "TRƯỞNG PHÒNG", "Phạm Văn Hà")
    assert sig("Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nÓGI ÁM ĐÓC\nNguyễn Văn Thêm") == Signatory(
        "KT.", None, "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thêm")
    assert is_person_name("Trương Phòng") and not is_person_name("TRƯỚNG PHÒNG")


@pytest.mark.parametrize("name_lines, name", [("Y\nNgông Niê Kdăm", "Y Ngông Niê Kdăm"), ("K' Brơi", "K' Brơi")])
def test_ede_and_kho_names_a_one_letter_family_name_wrapped(name_lines, name):
    assert sig(f"Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{name_lines}") == Signatory(
        "KT.", None, "PHÓ CHỦ TỊCH", name)


def test_seal_specks_before_and_glued_to_a_deputys_chuc_vu():
    """A seal's speck with no letter ("2") before the chức vụ, and specks glued to it ("+92 “%ÈHÓ GIÁM ĐÓC": a
    "+" before a digit is no bullet), leave it readable: under "KT. GIÁM ĐỐC" it is PHÓ GIÁM ĐỐC."""
    assert sig("Nơi nhận:\n- Lưu: VT.\nKT. GIAM ĐÓC\n2\n+92 “%ÈHÓ GIÁM ĐÓC\n/ sở\nNguyễn Văn Thêm") == Signatory(
        "KT.", None, "PHÓ GIÁM ĐỐC", "Nguyễn Văn Thêm")


def test_an_acting_heads_chuc_vu_whose_mark_ocr_lost_is_spelled_as_printed():
    assert sig("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nQ. CHU TỊCH\nHoàng Văn Thắm") == Signatory(
        "Q.", None, "CHỦ TỊCH", "Hoàng Văn Thắm")


def test_a_collective_wrapped_above_a_nested_authority():
    """"TM. BAN THƯỜNG VỤ HUYỆN" / "ĐOÀN" / "KT. BÍ THƯ" / "PHÓ BÍ THƯ": the collective's wrapped end is its own."""
    assert sig("Nơi nhận:\n- Như trên;\n- Lưu: VP.\nTM. BAN THƯỜNG VỤ HUYỆN\nĐOÀN\nKT. BÍ THƯ\nPHÓ BÍ THƯ\nY Thanh Hoa") == (
        Signatory("TM.", "BAN THƯỜNG VỤ HUYỆN ĐOÀN", "PHÓ BÍ THƯ", "Y Thanh Hoa"))

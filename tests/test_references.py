"""References: kind, whole N/SYMBOL and date of each cited document, once each."""
from extractors.parse import parse_lines
from extractors.references import extract_references
from models.record import Reference


def references_of(lines: list[str]):
    dispatch = parse_lines(lines)
    return extract_references(dispatch.citing_lines, dispatch.own_number)



def refs(text: str) -> list[Reference]:
    return references_of(text.splitlines())


def test_kinds_numbers_and_dates_in_both_date_forms():
    text = """Số: 708/LĐLĐ-CTCS
Quảng Trị, ngày 22 tháng 02 năm 2021
Thực hiện Kế hoạch số 06/KH-TLĐ, ngày 22/2/2016 của Tổng Liên đoàn Lao động Việt Nam;
theo tinh thần chỉ thị số 22-CT/TW ngày 23 tháng 01 năm 2018 của Ban Bí thư,
Nghị định 30/2020/NĐ-CP của Chính phủ và Chỉ thị 22/CT-TW; thực hiện lại Kế hoạch số 06/KH-TLĐ."""
    assert refs(text) == [
        Reference("Kế hoạch", "06/KH-TLĐ", "2016-02-22"),
        Reference("Chỉ thị", "22-CT/TW", "2018-01-23"),
        Reference("Nghị định", "30/2020/NĐ-CP", None),
        Reference("Chỉ thị", "22/CT-TW", None),
    ]


def test_kind_from_the_symbol_or_the_sentence_when_not_printed_before_the_number():
    text = """Thực hiện Kế hoạch Chuyên đề: Đẩy mạnh phòng, chống bạo hành trẻ
trong các cơ sở giáo dục mầm non (số 157/KH-BGDĐT ngày 13/3/2020) của Bộ;
thực hiện tốt chỉ thị 40/CT.TW và quyết định số 09/QĐTTg của Thủ tướng;
theo 63-CTr/TU ngày 08/8/2014 và văn bản 1198/SGDĐT-VP ngày 12 tháng 10 năm 2020."""
    assert refs(text) == [
        Reference("Kế hoạch", "157/KH-BGDĐT", "2020-03-13"),
        Reference("Chỉ thị", "40/CT.TW", None),
        Reference("Quyết định", "09/QĐTTg", None),
        Reference("Chương trình hành động", "63-CTr/TU", "2014-08-08"),
        Reference("Văn bản", "1198/SGDĐT-VP", "2020-10-12"),
    ]


def test_a_cong_van_symbol_names_only_its_issuer():
    text = "Thực hiện 934/TLĐ ngày 27/4/2018 của Liên đoàn Lao động tỉnh về việc khen thưởng."
    assert refs(text) == [Reference("Công văn", "934/TLĐ", "2018-04-27")]


def test_the_documents_own_number_is_not_a_reference_even_on_its_own_line():
    text = """CÔNG ĐOÀN NGÀNH GIÁO DỤC
Số:
09 /GTT-CĐN
Thái Bình, ngày 05 tháng 03 năm 2018
Căn cứ Hướng dẫn số 45/HD-LĐLĐ ngày 10/01/2024; Luật số 06/2022/QH15 ngày 15/6/2022."""
    assert refs(text) == [
        Reference("Hướng dẫn", "45/HD-LĐLĐ", "2024-01-10"),
        Reference("Luật", "06/2022/QH15", "2022-06-15"),
    ]


def test_dates_phone_numbers_classes_diseases_and_section_marks_are_not_references():
    text = """Từ ngày 15/5/2016 đến 30/4; liên hệ 0208.3855.123; Covid-19; học sinh lớp 9/2;
xem tại mục 2/KH; chào mừng (28/7/1929-28/7/2024); nộp về Phòng GD&ĐT1."""
    assert refs(text) == []


def test_the_documents_own_number_printed_without_colon_or_party_style():
    text = """HUYỆN ỦY TÂN PHÚ
Số 112-KH/HU
Tân Phú, ngày 02 tháng 3 năm 2021
Thực hiện Kế hoạch 45-KH/TU ngày 10/02/2021 của Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành Kế hoạch 112-KH/HU."""
    assert refs(text) == [Reference("Kế hoạch", "45-KH/TU", "2021-02-10")]


def test_symbol_wrapped_after_its_hyphen_and_an_eth_read_for_d_with_stroke():
    from extractors.parse.clean import clean_lines

    text = """Căn cứ Nghị định số 30/2020/NĐ-
CP ngày 05/3/2020 của Chính phủ về công tác văn thư; Quyết định số 1254/QÐ-UBND
ngày 12/6/2021 của UBND tỉnh và Công văn số 215/UBND- VX về việc triển khai."""
    assert references_of(clean_lines(text.splitlines())) == [
        Reference("Nghị định", "30/2020/NĐ-CP", "2020-03-05"),
        Reference("Quyết định", "1254/QĐ-UBND", "2021-06-12"),
        Reference("Công văn", "215/UBND-VX", None),
    ]


def test_numbers_with_a_year_part_and_an_issuer_with_d_and_ocr_lost_slashes():
    text = """Căn cứ Nghị quyết số 12/2019/NQ-HĐND ngày 11/7/2019 của Hội đồng nhân dân tỉnh;
Quyết định số 23/2021/QĐ-TTg ngày 07/7/2021 của Thủ tướng Chính phủ;
Chế độ bồi dưỡng thực hiện theo Nghị tuyết SỐ 082020NQ
HĐND ngày 10/7/2020 của Hội đồng nhân dân tỉnh; có số 2023 học sinh dự thi."""
    assert refs(text) == [
        Reference("Nghị quyết", "12/2019/NQ-HĐND", "2019-07-11"),
        Reference("Quyết định", "23/2021/QĐ-TTg", "2021-07-07"),
        Reference("Nghị quyết", "08/2020/NQ-HĐND", "2020-07-10"),
    ]

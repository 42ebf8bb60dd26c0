"""Header fields on hand-written snippets in the ways real dispatches vary."""
from __future__ import annotations

import pytest

from extractors.parse import parse_lines
from extractors.parse.clean import clean_lines


def header(text: str):
    return parse_lines(clean_lines(text.splitlines())).header


def test_two_column_header_read_column_by_column():
    h = header("""
UBND TỈNH NINH BÌNH
SỞ NỘI VỤ
Số: 1207/SNV-TĐKT
V/v hướng dẫn đăng ký thi đua
năm 2022
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ninh Bình, ngày 14 tháng 01 năm 2022
Kính gửi: Các sở, ban, ngành tỉnh
""")
    assert (h.number, h.symbol, h.date, h.place) == ("1207", "SNV-TĐKT", "2022-01-14", "Ninh Bình")
    assert (h.issuer, h.parent_issuer) == ("SỞ NỘI VỤ", "UBND TỈNH NINH BÌNH")
    assert (h.doc_type, h.subject) == ("Công văn", "hướng dẫn đăng ký thi đua năm 2022")


def test_interleaved_lines_are_split_at_quoc_hieu_and_place_date():
    h = header("""
UBND HUYỆN TÂN YÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHÒNG VĂN HÓA VÀ THÔNG TIN Độc lập - Tự do - Hạnh phúc
Số: 58 /KH-VHTT Tân Yên, ngày 03 tháng 5 năm 2023
KẾ HOẠCH
Tổ chức Ngày hội văn hóa các dân tộc huyện Tân Yên năm 2023
Căn cứ Kế hoạch số 12/KH-UBND ngày 10/02/2023 của UBND huyện,
""")
    assert (h.number, h.symbol, h.date, h.place) == ("58", "KH-VHTT", "2023-05-03", "Tân Yên")
    assert (h.issuer, h.parent_issuer) == ("PHÒNG VĂN HÓA VÀ THÔNG TIN", "UBND HUYỆN TÂN YÊN")
    assert h.doc_type == "Kế hoạch"
    assert h.subject == "Tổ chức Ngày hội văn hóa các dân tộc huyện Tân Yên năm 2023"


def test_wide_gaps_of_a_text_layer_separate_the_columns():
    h = header("""
  LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ GIANG          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
     CÔNG ĐOÀN VIÊN CHỨC TỈNH                      Độc lập - Tự do - Hạnh phúc
        Số:   86   /CĐVC                        Hà Giang, ngày 21 tháng 9 năm 2021
 V/v tổ chức các hoạt động chào
 mừng ngày Phụ nữ Việt Nam 20/10
          Kính gửi: Các công đoàn cơ sở trực thuộc
""")
    assert (h.number, h.symbol, h.date, h.place) == ("86", "CĐVC", "2021-09-21", "Hà Giang")
    assert (h.issuer, h.parent_issuer) == ("CÔNG ĐOÀN VIÊN CHỨC TỈNH", "LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ GIANG")
    assert h.subject == "tổ chức các hoạt động chào mừng ngày Phụ nữ Việt Nam 20/10"


@pytest.mark.parametrize("so_line, number, symbol", [
    ("Số: 07/TB-LĐLĐ", "07", "TB-LĐLĐ"),            # leading zero kept
    ("Số: /TTr-CĐCS", None, "TTr-CĐCS"),             # number left blank
    ("Số:        /QĐ-UBND", None, "QĐ-UBND"),
    ("Số: ....../KH-ĐTN", None, "KH-ĐTN"),
    ("Số: 15 /QĐ - UBND", "15", "QĐ-UBND"),          # spaces in the symbol removed
    ("Số 112/BC-SGDĐT", "112", "BC-SGDĐT"),          # no colon
    ("Sô: 42/CV-CĐ", "42", "CV-CĐ"),                 # OCR'd diacritics
    ("S6: 9/BC-UBND", "9", "BC-UBND"),
    ("Số:305/UBND-VX", "305", "UBND-VX"),
    ("Số 45-KH/ĐU", "45", "KH/ĐU"),                  # Party numbering
    ("Số:.96/QĐ-LĐLĐ", "96", "QĐ-LĐLĐ"),             # OCR doubled the colon's punctuation
    ("Số: 42:KH/ĐTN", "42", "KH/ĐTN"),               # Đoàn numbering, its hyphen read as a colon
    ("Số: — /TTr-CĐCS", None, "TTr-CĐCS"),           # a blank number's dash
    ("Số: /TTrCĐCS", None, "TTr-CĐCS"),              # hyphen after a mixed-case tên loại lost
    ("Số: 1.520/SGDĐT", None, None),                 # a dot before digits is not a lost hyphen
])
def test_number_and_symbol_variants(so_line, number, symbol):
    h = header(f"ỦY BAN NHÂN DÂN XÃ PHÚ LƯƠNG\n{so_line}\nPhú Lương, ngày 2 tháng 3 năm 2021\n")
    assert (h.number, h.symbol) == (number, symbol)


def test_symbol_on_the_line_below_the_number():
    h = header("HỘI NÔNG DÂN TỈNH\nBAN THƯỜNG VỤ\nSố: 112\n/KH-HND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")
    assert (h.number, h.symbol) == ("112", "KH-HND")
    assert (h.issuer, h.parent_issuer) == ("BAN THƯỜNG VỤ", "HỘI NÔNG DÂN TỈNH")


def test_no_so_line_gives_nulls():
    h = header("THÔNG BÁO\nLịch tiếp công dân tháng 6\nTheo kế hoạch, lịch tiếp công dân như sau:\n")
    assert (h.number, h.symbol, h.date) == (None, None, None)
    assert (h.doc_type, h.subject) == ("Thông báo", "Lịch tiếp công dân tháng 6")


@pytest.mark.parametrize("line, date, place", [
    ("Hà Nội, ngày12 tháng 6 năm 2022", "2022-06-12", "Hà Nội"),
    ("Lào Cai, ngày     tháng 01 năm 2024", "2024-01", "Lào Cai"),
    ("Cần Thơ, ngày … tháng … năm 2019", "2019", "Cần Thơ"),
    ("Sơn La, ngày 18 / tháng 11 năm 2025", "2025-11-18", "Sơn La"),
    ("TP. Hồ Chí Minh, ngày 2 tháng 8 năm 2023", "2023-08-02", "TP. Hồ Chí Minh"),
    ("Buôn Ma Thuột, ngảy 5 thang 3 nam 2019", "2019-03-05", "Buôn Ma Thuột"),
    ("Vĩnh Yên, ngày 09 tháng 12 năm 2016", "2016-12-09", "Vĩnh Yên"),
    ("Hà Nam, ngày 28 tháng.12 năm 2020", "2020-12-28", "Hà Nam"),      # OCR specks beside the numbers
    ("Quảng Ngãi, ngày 12 thắng,8 năm 2021", "2021-08-12", "Quảng Ngãi"),
    ("Văn Lâm, ngày — tháng 6 năm 2024", "2024-06", "Văn Lâm"),        # the blank day read as a dash
])
def test_place_date_variants(line, date, place):
    h = header(f"SỞ Y TẾ\nSố: 3/SYT\n{line}\n")
    assert (h.date, h.place) == (date, place)


def test_place_date_wrapped_over_two_lines():
    h = header("TRƯỜNG THCS KIM ĐỒNG\nSố: 14/KH-THCS\nĐà Nẵng, ngày 15\ntháng 4 năm 2021\n")
    assert (h.date, h.place) == ("2021-04-15", "Đà Nẵng")


def test_issue_date_never_comes_from_the_body():
    h = header("""
Số: 708/LĐLĐ-TC
V/v báo cáo quyết toán
Kính gửi: Các công đoàn cơ sở
Thực hiện Công văn số 21/TLĐ ngày 18/02/2021 của Tổng Liên đoàn, thời gian: 8h00 ngày 5 tháng 3 năm 2021.
""")
    assert h.date is None and h.place is None


def test_web_post_date_and_title():
    h = header("""
Hưởng ứng Tháng hành động vì an toàn thực phẩm năm 2019
Ngày đăng: 03/07/2019 - Lượt xem: 87
Sáng ngày 2/7, Ban Thường vụ Công đoàn ngành Y tế tổ chức lễ phát động.
""")
    assert h.date == "2019-07-03"
    assert h.subject == "Hưởng ứng Tháng hành động vì an toàn thực phẩm năm 2019"
    assert h.doc_type is None and h.number is None


@pytest.mark.parametrize("agency_lines, issuer, parent", [
    (["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"], "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", None),
    (["UBND TỈNH THANH HÓA", "SỞ GIÁO DỤC VÀ", "ĐÀO TẠO"], "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "UBND TỈNH THANH HÓA"),
    (["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG", "TỈNH BẮC KẠN"],
     "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC KẠN", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"),
    (["CÔNG ĐOÀN GIÁO DỤC HUYỆN ĐÔNG ANH"], "CÔNG ĐOÀN GIÁO DỤC HUYỆN ĐÔNG ANH", None),
    (["LĐLĐ HUYỆN MỸ XUYÊN", "CĐCS TRƯỜNG TH MỸ HƯƠNG A"], "CĐCS TRƯỜNG TH MỸ HƯƠNG A", "LĐLĐ HUYỆN MỸ XUYÊN"),
])
def test_issuer_and_parent(agency_lines, issuer, parent):
    text = "\n".join(agency_lines) + "\nSố: 19/CV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\n"
    h = header(text)
    assert (h.issuer, h.parent_issuer) == (issuer, parent)


def test_party_header():
    h = header("""
ĐẢNG BỘ TỈNH BÌNH ĐỊNH ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY KHỐI DOANH NGHIỆP
Số 45-KH/ĐU Quy Nhơn, ngày 10 tháng 3 năm 2020
KẾ HOẠCH
Tổng kết 10 năm thực hiện Chỉ thị số 03-CT/TW
Thực hiện Kế hoạch số 112-KH/TU,
""")
    assert (h.number, h.symbol, h.date, h.place) == ("45", "KH/ĐU", "2020-03-10", "Quy Nhơn")
    assert (h.issuer, h.parent_issuer) == ("ĐẢNG ỦY KHỐI DOANH NGHIỆP", "ĐẢNG BỘ TỈNH BÌNH ĐỊNH")
    assert h.subject == "Tổng kết 10 năm thực hiện Chỉ thị số 03-CT/TW"


@pytest.mark.parametrize("title_lines, doc_type, subject", [
    (["QUYẾT ĐỊNH", "Về việc khen thưởng thành tích năm học 2021-2022",
      "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN"], "Quyết định", "Về việc khen thưởng thành tích năm học 2021-2022"),
    (["TỜ TRÌNH", "Đề nghị tặng Bằng khen cho tập thể", "và cá nhân có thành tích xuất sắc"],
     "Tờ trình", "Đề nghị tặng Bằng khen cho tập thể và cá nhân có thành tích xuất sắc"),
    (["GIẤY MỜI"], "Giấy mời", None),
    (["BÁO CÁO", "Kết quả thực hiện phong trào thi đua", "6 tháng đầu năm 2022"],
     "Báo cáo", "Kết quả thực hiện phong trào thi đua 6 tháng đầu năm 2022"),
    (["LỜI PHÁT ĐỘNG", "Thi đua lập thành tích chào mừng Đại hội"], "Lời phát động",
     "Thi đua lập thành tích chào mừng Đại hội"),
    (["PHÁT ĐỘNG THI ĐUA CAO ĐIỂM", "chào mừng 50 năm giải phóng miền Nam"], "Phát động",
     "PHÁT ĐỘNG THI ĐUA CAO ĐIỂM chào mừng 50 năm giải phóng miền Nam"),
    (["KẾ HOẠCH TỔ CHỨC HỘI KHỎE PHÙ ĐỔNG", "CẤP TRƯỜNG NĂM HỌC 2022 - 2023"], "Kế hoạch",
     "TỔ CHỨC HỘI KHỎE PHÙ ĐỔNG CẤP TRƯỜNG NĂM HỌC 2022 - 2023"),
    (["GIẤY TRIỆU TẬP", "Dự Hội nghị Ban Chấp hành mở rộng"], "Giấy triệu tập", "Dự Hội nghị Ban Chấp hành mở rộng"),
    (["HƯỚNG DẪN", "Tổ chức Đại hội công đoàn cơ sở", "nhiệm kỳ 2023 - 2028"], "Hướng dẫn",
     "Tổ chức Đại hội công đoàn cơ sở nhiệm kỳ 2023 - 2028"),
    (["QUY CHẾ", "Làm việc của Ban Chấp hành Công đoàn"], "Quy chế", "Làm việc của Ban Chấp hành Công đoàn"),
])
def test_ten_loai_and_trich_yeu(title_lines, doc_type, subject):
    text = ("CÔNG ĐOÀN NGÀNH Y TẾ\nSố: 5/CĐYT\nHải Phòng, ngày 1 tháng 6 năm 2022\n"
            + "\n".join(title_lines) + "\nCăn cứ Điều lệ Công đoàn Việt Nam;\n")
    h = header(text)
    assert (h.doc_type, h.subject) == (doc_type, subject)


def test_phat_dong_title_over_several_lines_ends_at_the_body():
    h = header("""
Số: /PĐTĐ-CĐN
Yên Bái, ngày tháng 02 năm 2025
PHÁT ĐỘNG THI ĐUA
trong đoàn viên, người lao động ngành Giao thông
năm 2025
Năm 2025 là năm có nhiều sự kiện trọng đại của đất nước, Ban Thường vụ phát động thi đua.
""")
    assert h.doc_type == "Phát động"
    assert h.subject == "PHÁT ĐỘNG THI ĐUA trong đoàn viên, người lao động ngành Giao thông năm 2025"
    assert (h.number, h.symbol, h.date) == (None, "PĐTĐ-CĐN", "2025-02")


@pytest.mark.parametrize("vv", ["V/v: tăng cường", "V/v tăng cường", "V/V tăng cường", "v/v tăng cường"])
def test_vv_with_or_without_colon(vv):
    h = header(f"SỞ TƯ PHÁP\nSố: 77/STP-VP\n{vv} công tác\nphổ biến pháp luật\nKính gửi: UBND các huyện\n")
    assert (h.doc_type, h.subject) == ("Công văn", "tăng cường công tác phổ biến pháp luật")


def test_vv_continuation_starting_with_a_capital():
    h = header("""
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 301/PGDĐT
V/v triển khai Cuộc thi
Đại sứ văn hóa đọc năm 2022
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
""")
    assert h.subject == "triển khai Cuộc thi Đại sứ văn hóa đọc năm 2022"


def test_received_stamp_is_not_the_document_number():
    lines = clean_lines("""
TRƯỜNG ĐẠI HỌC NÔNG LÂM
CV ĐẾN Số: 21
Ngày: 12/3/2019
SỞ KHOA HỌC VÀ CÔNG NGHỆ
V/v góp ý dự thảo
Kính gửi: Các trường đại học
""".splitlines())
    h = parse_lines(lines).header
    assert (h.number, h.symbol) == (None, None)
    assert h.issuer == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    r = parse_lines(lines).received
    assert (r.org, r.number, r.date) == ("TRƯỜNG ĐẠI HỌC NÔNG LÂM", "21", "2019-03-12")


def test_ocr_scrambles_of_a_scanned_header():
    h = header("""
HỘI LIÊN HIỆP PHỤ NỮ TỈNH
BAN THƯỜNG VỤ HUYỆN
Sô /KH-HPN
17
V/w
tổ chức tọa đàm kỷ niệm
ngày Phụ nữ Việt Nam 20/10
CỘNG HOÀ XÃ HỘI CHỦ
NGHĨA VIỆT NAM
Độc lập —_Ý - Tự do - Hạnh phúc
Tuyên
Quang, ngảy 9 tháng 10 năm 2019
Kính gửi: Hội LHPN các xã, thị trấn
""")
    assert (h.number, h.symbol, h.date, h.place) == ("17", "KH-HPN", "2019-10-09", "Tuyên Quang")
    assert (h.issuer, h.parent_issuer) == ("BAN THƯỜNG VỤ HUYỆN", "HỘI LIÊN HIỆP PHỤ NỮ TỈNH")
    assert (h.doc_type, h.subject) == ("Công văn", "tổ chức tọa đàm kỷ niệm ngày Phụ nữ Việt Nam 20/10")


def test_issuer_wrapped_by_ocr_and_quoc_hieu_fragment_ignored():
    h = header("SỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nVIỆT NAM\nSố: 240/SLĐTBXH-VP\n")
    assert (h.issuer, h.parent_issuer) == ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", None)


def test_subject_stops_at_a_numbered_heading():
    h = header("Số: 3/KH-CĐ\nKẾ HOẠCH\nTổ chức Tháng Công nhân năm 2024\n1. Mục đích, yêu cầu\n- Tuyên truyền sâu rộng\n")
    assert h.subject == "Tổ chức Tháng Công nhân năm 2024"


def test_title_line_starting_with_so_ket_is_not_the_number_line():
    h = header("""
PHÒNG GD&ĐT HUYỆN YÊN THẾ
Số: 112/BC-PGDĐT
Yên Thế, ngày 20 tháng 01 năm 2022
BÁO CÁO
Kết quả thực hiện nhiệm vụ học kỳ I và
sơ kết phong trào thi đua năm học 2021-2022
Căn cứ Kế hoạch số 30/KH-PGDĐT ngày 15/9/2021;
""")
    assert (h.number, h.symbol) == ("112", "BC-PGDĐT")
    assert h.subject == "Kết quả thực hiện nhiệm vụ học kỳ I và sơ kết phong trào thi đua năm học 2021-2022"
    assert header("CÔNG ĐOÀN TRƯỜNG THCS AN LẠC\nSơ kết hoạt động quý I\nSố 15-KH/CĐ\n").number == "15"


def test_web_post_title_after_breadcrumb_and_menu():
    h = header("""
Trang chủ > Tin tức > Hoạt động công đoàn
Công đoàn Viên chức tỉnh tổ chức Hội nghị tổng kết phong trào thi đua năm 2023
Ngày đăng: 12/01/2024 | Lượt xem: 310
Chiều ngày 10/01, Ban Thường vụ Công đoàn Viên chức tỉnh tổ chức hội nghị.
""")
    assert h.date == "2024-01-12"
    assert h.subject == "Công đoàn Viên chức tỉnh tổ chức Hội nghị tổng kết phong trào thi đua năm 2023"
    h = header("""
Trang chủ | Tin tức | Thi đua - Khen thưởng
Ngày đăng: 12/01/2024
Sáng nay, Ban Thường vụ tổ chức hội nghị tại hội trường số 2 với hơn 100 đại biểu tham dự.
""")
    assert h.subject is None


def test_number_typed_into_a_blank_keeps_its_underscore_out():
    h = header("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 31_ /KH-PGDĐT\nVĩnh Tường, ngày 02 tháng 11 năm 2021\n")
    assert (h.number, h.symbol, h.issuer) == ("31", "KH-PGDĐT", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")


@pytest.mark.parametrize("line, symbol", [("Số:      /KH-CĐ-__", "KH-CĐ"), ("Số: 15 /TB-LĐLĐ_", "TB-LĐLĐ")])
def test_the_blanks_underline_ocr_read_after_the_symbol_is_no_part_of_it(line, symbol):
    from extractors.parse.header import find_number

    assert find_number([line])[1] == symbol


def test_ocr_misreads_in_a_scanned_header_vv_a_stray_quote_and_a_speck():
    assert header("UBND THỊ XÃ NGHI SƠN\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 186/VHTT-TT\n-_V/@w tổ chức các hoạt động "
                  "tuyên truyền\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNghi Sơn, ngày 26 tháng 7 năm 2024\nKính gửi: Các xã\n"
                  ).subject == "tổ chức các hoạt động tuyên truyền"
    h = header("LĐLĐ QUẬN LONG BIÊN\nSố: 125 /CV-LĐLĐ\nVWw phúc đáp Công văn số 14/CĐCS-VH\nngày 08/3/2023 của CĐCS Công ty\n"
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLong Biên, ngày 20 tháng 3 năm 2023\nKính gửi: Ban Chấp hành CĐCS\n")
    assert h.subject == "phúc đáp Công văn số 14/CĐCS-VH ngày 08/3/2023 của CĐCS Công ty"
    h = header("LĐLĐ QUẬN NGŨ HÀNH SƠN\nSố: 148/LĐLĐ-VP\nV/ triển khai vận động Quỹ “Mái ấm Công đoàn”\n"
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNgũ Hành Sơn, ngày 05 tháng 11 năm 2018\nKính gửi: Các CĐCS\n")
    assert h.subject == "triển khai vận động Quỹ “Mái ấm Công đoàn”"  # the second v lost
    h = header("CĐCS AGRIBANK CHI NHÁNH TỈNH ĐẮK LẮK\nSố: 03/KH-CĐCS\nBuôn Ma Thuột, ngày 15 tháng 01 năm 2018\nKẾ HOẠCH\n"
               "_ “Tổ chức phong trào thi đua “Tăng trưởng tín dụng xanh, huy động\nvốn dân cư” năm 2018\n"
               "Cặn cứ:Chương trình công tác số 01/CTr-CĐNHNo ngày 05/01/2018 của Ban Thường vụ Công đoàn Ngân hàng\n")
    assert h.subject == "“Tổ chức phong trào thi đua “Tăng trưởng tín dụng xanh, huy động vốn dân cư” năm 2018"


@pytest.mark.parametrize("line, symbol", [("Số: 07/TTrCĐCS", "TTr-CĐCS"), ("Số: 12/CTrPH-HĐTN-TTYT", "CTrPH-HĐTN-TTYT")])
def test_a_lost_hyphen_after_the_type_code_only_when_the_symbol_has_none(line, symbol):
    from extractors.parse.header import find_number

    assert find_number([line])[1] == symbol


def test_wrapped_title_line_starting_with_a_capital_continues_the_title():
    h = header("""
HỘI LHPN HUYỆN ĐÔNG ANH
HỘI LHPN XÃ VIỆT HÙNG
Số: 17/TTr-HPN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Việt Hùng, ngày 04 tháng 8 năm 2022
TỜ TRÌNH
Về việc đề nghị khen thưởng tập thể Chi hội Phụ nữ
Thôn Lỗ Khê, nhiệm kỳ 2021 - 2026
Kính gửi: Ban Thường vụ Hội LHPN huyện Đông Anh.
Năm 2022, Chi hội Phụ nữ thôn Lỗ Khê đã vận động hội viên tham gia tích cực các phong
trào thi đua do Hội cấp trên phát động, đạt nhiều kết quả nổi bật trong công tác hội.
""")
    assert h.subject == "Về việc đề nghị khen thưởng tập thể Chi hội Phụ nữ Thôn Lỗ Khê, nhiệm kỳ 2021 - 2026"


@pytest.mark.parametrize("wrapped", [
    ["thực hiện Nghị quyết số 09-NQ/HU ngày 30/5/2022 của Ban Chấp", "hành",
     "Đảng bộ huyện về chuyển đổi số huyện Châu Thành giai đoạn 2022", "- 2025,", "định hướng đến năm 2030"],
    ["triển khai Chỉ thị số 05-CT/TW của Bộ Chính trị", "Trong cán bộ, đảng viên và Nhân dân xã Tân Lập"],
])
def test_a_centred_title_wrapped_in_a_narrow_box_runs_to_the_body(wrapped):
    h = header("ĐẢNG BỘ HUYỆN CHÂU THÀNH\nĐẢNG ỦY XÃ AN HIỆP\n*\nSố 15-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
               "An Hiệp, ngày 22 tháng 7 năm 2022\nKẾ HOẠCH\n" + "\n".join(wrapped) + "\n"
               "Căn cứ Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách\n"
               "chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư, Đảng ủy xã xây dựng kế hoạch như sau:\n")
    assert h.subject == " ".join(wrapped)


def test_a_title_stops_before_a_body_paragraph_that_reaches_the_body_opener():
    h = header("UBND XÃ TÂN LẬP\nSố: 12/KH-UBND\nTân Lập, ngày 02 tháng 3 năm 2021\nKẾ HOẠCH\n"
               "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2021\n"
               "Năm 2020, toàn xã có 12 khu dân cư được công nhận văn hóa.\n"
               "Căn cứ Kế hoạch số 45/KH-MTTQ của Ban Thường trực Ủy ban MTTQ huyện về tổ chức ngày hội,\n")
    assert h.subject == "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2021"


def test_title_with_an_open_quotation_runs_to_its_close_and_stops_at_the_body():
    h = header("""
HUYỆN ĐOÀN TIÊN DU
Số: 31-KH/HĐTN
ĐOÀN TNCS HỒ CHÍ MINH
Tiên Du, ngày 02 tháng 3 năm 2021
KẾ HOẠCH
Tổ chức Liên hoan “Thanh niên Tiên Du với làn điệu
Dân ca Quan họ” năm 2021
Tổ chức Đoàn các xã xây dựng đội văn nghệ tham gia liên hoan theo nội dung sau đây,
bảo đảm đúng thời gian và thành phần do Ban Tổ chức quy định tại kế hoạch này.
""")
    assert h.subject == "Tổ chức Liên hoan “Thanh niên Tiên Du với làn điệu Dân ca Quan họ” năm 2021"


def test_multi_word_type_names_and_type_words_joined_by_ocr():
    h = header("""
ĐẢNG BỘ TỈNH HÀ NAM
HUYỆN ỦY KIM BẢNG
Số 45-CTr/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Kim Bảng, ngày 10 tháng 6 năm 2021
CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX
Căn cứ Nghị quyết Đại hội Đảng bộ tỉnh Hà Nam lần thứ XX,
""")
    assert (h.doc_type, h.subject) == ("Chương trình hành động", "thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX")
    h = header("""
LĐLĐ HUYỆN YÊN DŨNG
Số: 08/GM-LĐLĐ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Yên Dũng, ngày 05 tháng 4 năm 2023
GIẤYMỜI
_
Dự Hội nghị tập huấn nghiệp vụ công tác công đoàn năm 2023
Kính gửi: Chủ tịch Công đoàn cơ sở trực thuộc.
""")
    assert (h.doc_type, h.subject) == ("Giấy mời", "Dự Hội nghị tập huấn nghiệp vụ công tác công đoàn năm 2023")
    # a plain "CHƯƠNG TRÌNH" with its title in lower case keeps the title's words in the subject
    h = header("""
CÔNG ĐOÀN NGÀNH GIÁO DỤC
Số: 12/CTr-CĐN
CHƯƠNG TRÌNH
Hành động vì người lao động năm 2024
Thực hiện Kế hoạch của Liên đoàn Lao động tỉnh,
""")
    assert (h.doc_type, h.subject) == ("Chương trình", "Hành động vì người lao động năm 2024")


def test_agency_and_number_glued_on_one_line_come_apart():
    h = header("TỔNG LĐLĐ VIỆT NAM\nLĐLĐ TỈNH HÀ NAM Số:.96/QĐ-LĐLĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Hà Nam, ngày 28 tháng 12 năm 2020\n")
    assert (h.issuer, h.parent_issuer, h.number, h.symbol) == ("LĐLĐ TỈNH HÀ NAM", "TỔNG LĐLĐ VIỆT NAM", "96", "QĐ-LĐLĐ")


def test_doan_mark_of_the_right_column_is_not_the_issuer():
    # OCR lost the "Số" line's symbol, so nothing stops the agency block before the right column's mark
    h = header("TỈNH ĐOÀN PHÚ THỌ\nBCH ĐOÀN HUYỆN TAM NÔNG\n***\nĐOÀN TNCS HỒ CHÍ MINH\n"
               "Tam Nông, ngày 01 tháng 3 năm 2023\nKẾ HOẠCH\nTổ chức Hội thi năm 2023\n")
    assert (h.issuer, h.parent_issuer) == ("BCH ĐOÀN HUYỆN TAM NÔNG", "TỈNH ĐOÀN PHÚ THỌ")


def test_title_misread_by_ocr_is_the_nearest_ten_loai():
    h = header("""
UBND HUYỆN LỤC NAM
PHÒNG VĂN HÓA VÀ THÔNG TIN
Số: 14 /KH-VHTT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lục Nam, ngày 02 tháng 3 năm 2021
KÉẺ HOẠCH
Tổ chức giải bóng chuyền hơi năm 2021
Căn cứ Kế hoạch số 5/KH-UBND ngày 10/02/2021 của UBND huyện,
""")
    assert (h.doc_type, h.subject) == ("Kế hoạch", "Tổ chức giải bóng chuyền hơi năm 2021")
    assert h.issuer == "PHÒNG VĂN HÓA VÀ THÔNG TIN"


def test_heading_near_no_ten_loai_is_not_a_title():
    h = header("""
CÔNG ĐOÀN GIÁO DỤC VIỆT NAM
CÔNG ĐOÀN
Số: 7 /CĐGD
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 3 năm 2021
KẾT QUẢ
hội thi năm 2021
""")
    assert (h.doc_type, h.subject) == (None, None)


def test_cong_doan_co_so_is_named_by_its_unit_on_the_next_line():
    h = header("""
LĐLĐ HUYỆN YÊN MỸ
CÔNG ĐOÀN CƠ SỞ
CÔNG TY CỔ PHẦN NHỰA HƯNG YÊN
Số: 12 /KH-CĐCS
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Yên Mỹ, ngày 05 tháng 4 năm 2024
KẾ HOẠCH
Tổ chức Tháng Công nhân năm 2024
""")
    assert (h.issuer, h.parent_issuer) == ("CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN NHỰA HƯNG YÊN", "LĐLĐ HUYỆN YÊN MỸ")


@pytest.mark.parametrize("text", [
    # a tab-set header whose right column ran past the margin: the year wrapped to the left margin
    "CÔNG ĐOÀN CƠ SỞ TRƯỜNG MẦM NON HOA SEN\nSố: 12/TTr-CĐCS\nnăm 2023\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nVĩnh Long, ngày 14 tháng 08\nTỜ TRÌNH\n",
    # the year under the other column's stamp text, before the place–date line
    "LĐLĐ HUYỆN CHÂU THÀNH\nCĐCS TRƯỜNG TH AN HIỆP\nMật\n2023 khẩn\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Vĩnh Long, ngày 14 tháng 8 năm\nQUY CHẾ\n",
])
def test_place_date_whose_year_wrapped_onto_a_line_of_its_own(text):
    h = header(text)
    assert (h.date, h.place) == ("2023-08-14", "Vĩnh Long")


def test_place_wrapped_after_three_words():
    h = header("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nSố: 88/KH-UBND\nThành phố Đà\nNẵng, ngày 2 tháng 3 năm 2024\n"
               "KẾ HOẠCH\nPhòng chống thiên tai năm 2024\nCăn cứ Luật Phòng, chống thiên tai;\n")
    assert (h.date, h.place) == ("2024-03-02", "Thành phố Đà Nẵng")


def test_ten_loai_above_the_quoc_hieu_with_its_trich_yeu_on_a_vv_line():
    h = header("""
LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIA LÂM
CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH AN PHÚ
Số: 03/TTr-CĐCS
TỜ TRÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lâm, ngày 5 tháng 6 năm 2023
V/v đề nghị phê duyệt kết quả bầu cử bổ sung
Ban Chấp hành nhiệm kỳ 2023 - 2028
Kính gửi: Ban Thường vụ Liên đoàn Lao động huyện
""")
    assert (h.doc_type, h.subject) == ("Tờ trình", "đề nghị phê duyệt kết quả bầu cử bổ sung Ban Chấp hành nhiệm kỳ 2023 - 2028")


def test_ve_viec_in_the_left_column_is_a_cong_van_trich_yeu():
    h = header("""
SỞ GIÁO DỤC VÀ ĐÀO TẠO NAM ĐỊNH
Số: 211/SGDĐT-VP
Về việc tăng cường công tác phòng cháy
chữa cháy trong trường học
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Nam Định, ngày 9 tháng 2 năm 2022
Kính gửi: Các đơn vị trực thuộc
""")
    assert (h.doc_type, h.subject) == ("Công văn", "tăng cường công tác phòng cháy chữa cháy trong trường học")


def test_old_spelling_qui_names_the_same_ten_loai():
    h = header("CĐCS TRƯỜNG THCS NGỌC HỒI\nQUI ĐỊNH\nVề việc sử dụng quỹ phúc lợi\nI. PHẠM VI ÁP DỤNG\n")
    assert (h.doc_type, h.subject) == ("Quy định", "Về việc sử dụng quỹ phúc lợi")


def test_title_under_a_ten_loai_may_open_and_go_on_with_type_words():
    h = header("""
ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
Số: 77/KH-UBND
Quảng Nam, ngày 3 tháng 4 năm 2025
KẾ HOẠCH
PHÁT ĐỘNG THI ĐUA HOÀN THÀNH CÁC NHIỆM VỤ TRỌNG TÂM
NĂM 2025 THEO TINH THẦN
NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XXII
Thực hiện Kế hoạch số 12/KH-UBND ngày 2/1/2025 của Ủy ban nhân dân tỉnh về thi đua;
""")
    assert h.doc_type == "Kế hoạch"
    assert h.subject == ("PHÁT ĐỘNG THI ĐUA HOÀN THÀNH CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2025 THEO TINH THẦN "
                         "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XXII")


@pytest.mark.parametrize("title, tail, subject", [
    ("Triển khai Tháng hành động vì an toàn thực phẩm",
     "Năm 2024 trên địa bàn huyện (từ ngày 15/4 – 15/5/2024)",
     "Triển khai Tháng hành động vì an toàn thực phẩm Năm 2024 trên địa bàn huyện (từ ngày 15/4 – 15/5/2024)"),
    ("TỔ CHỨC NGÀY HỘI ĐỌC SÁCH", "Năm học 2024 - 2025", "TỔ CHỨC NGÀY HỘI ĐỌC SÁCH Năm học 2024 - 2025"),
])
def test_title_line_right_above_the_body_ends_the_title(title, tail, subject):
    text = (f"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 9/KH-PGDĐT\nHuế, ngày 1 tháng 4 năm 2024\nKẾ HOẠCH\n{title}\n{tail}\n"
            "Căn cứ Kế hoạch số 5/KH-UBND ngày 20/3/2024 của Ủy ban nhân dân huyện về công tác năm 2024,\n")
    assert header(text).subject == subject


SCHOOL_PLAN = """PHÒNG GD-ĐT THÀNH PHỐ BẮC GIANG
TRƯỜNG TIỂU HỌC LÊ LỢI
Số: {number}/KH-THLL
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Giang, ngày 10 tháng 9 năm 2021
KẾ HOẠCH {title_rest}
{period}
{first}
Căn cứ Công văn số 27/PGDĐT ngày 06/9/2021 của Phòng Giáo dục và Đào tạo;
"""


@pytest.mark.parametrize("blank", ["_", "…", "...", "___", " "])
def test_a_number_left_blank_for_the_clerk_keeps_the_symbol_and_the_issuer_stops_above_it(blank):
    h = header(SCHOOL_PLAN.format(number=blank, title_rest="CÔNG TÁC CHỦ NHIỆM", period="Năm học 2021 - 2022",
                                  first="I. CĂN CỨ XÂY DỰNG KẾ HOẠCH"))
    assert (h.number, h.symbol, h.issuer) == (None, "KH-THLL", "TRƯỜNG TIỂU HỌC LÊ LỢI")


@pytest.mark.parametrize("period", ["Năm học 2021 - 2022", "Giai đoạn 2021-2025", "Nhiệm kỳ 2023 - 2028",
                                    "Học kỳ II", "Năm 2024"])
@pytest.mark.parametrize("first", ["I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "I.CĂN CỨ XÂY DỰNG KẾ HOẠCH",
                                   "1.CĂN CỨ XÂY DỰNG KẾ HOẠCH"])
def test_the_period_under_a_title_in_capitals_is_part_of_the_subject_and_a_glued_heading_is_not(period, first):
    h = header(SCHOOL_PLAN.format(number="45", title_rest="CÔNG TÁC CHỦ NHIỆM", period=period, first=first))
    assert (h.doc_type, h.subject) == ("Kế hoạch", f"CÔNG TÁC CHỦ NHIỆM {period}")


def test_a_body_sentence_opening_with_a_year_is_not_the_titles_period():
    h = header(SCHOOL_PLAN.format(number="45", title_rest="CÔNG TÁC CHỦ NHIỆM",
                                  period="Năm 2021, nhà trường có 25 lớp với 900 học sinh.", first=""))
    assert h.subject == "CÔNG TÁC CHỦ NHIỆM"


def test_a_number_ocr_broke_with_a_space_is_joined():
    h = header(SCHOOL_PLAN.format(number="21 7", title_rest="CÔNG TÁC CHỦ NHIỆM", period="Năm học 2021 - 2022",
                                  first="I. CĂN CỨ XÂY DỰNG KẾ HOẠCH"))
    assert (h.number, h.symbol, h.issuer) == ("217", "KH-THLL", "TRƯỜNG TIỂU HỌC LÊ LỢI")


@pytest.mark.parametrize("date_line, title, date", [
    ("Tân Thành, ngày 20 tháng 9 năm", "NĂM HỌC 2021 - 2022", "2021-09-20"),
    ("Tân Thành, ngày 12 tháng 01 năm", "NĂM HỌC 2021 - 2022", "2022-01-12"),
    ("Tân Thành, ngày 05 tháng 3 năm", "Tổ chức Hội thi cán bộ công đoàn giỏi năm 2023", "2023-03-05"),
    ("Tân Thành, ngày 05 tháng 3", "Tổ chức Hội thi cán bộ công đoàn giỏi năm 2023", "2023-03-05"),
])
def test_a_year_left_blank_or_lost_comes_from_the_period_the_title_names(date_line, title, date):
    h = header(f"""CĐCS THCS TÂN THÀNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{date_line}
KẾ HOẠCH
{title}
I. MỤC ĐÍCH, YÊU CẦU""")
    assert (h.date, h.place) == (date, "Tân Thành")


def test_a_date_with_no_year_and_no_period_in_the_title_stays_unknown():
    h = header("""CĐCS THCS TÂN THÀNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Thành, ngày 20 tháng 9 năm
QUY CHẾ CHI TIÊU NỘI BỘ
I. CHI THĂM HỎI""")
    assert h.date is None


def test_a_place_date_comma_ocr_read_as_a_semicolon():
    h = header("""UBND XÃ THƯỜNG NGA
Số: 12/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thường Nga; ngày 14 tháng 11 năm 2024
THÔNG BÁO
Về việc tổ chức ra quân tổng vệ sinh môi trường""")
    assert (h.date, h.place) == ("2024-11-14", "Thường Nga")


def test_a_clause_of_the_body_with_a_semicolon_before_a_date_is_no_place_date_line():
    h = header("""UBND XÃ THƯỜNG NGA
Số: 12/TB-UBND
THÔNG BÁO
Về việc tổ chức ra quân tổng vệ sinh môi trường
Thực hiện Kế hoạch số 215/KH-UBND của Ủy ban nhân dân huyện Can Lộc; ngày 14 tháng 11 năm 2024 Ủy ban""")
    assert (h.date, h.place) == (None, None)


@pytest.mark.parametrize("mark", ["HỘI CỰU CHIẾN BINH VIỆT NAM", "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM",
                                  "MẶT TRẬN TỔ QUỐC VIỆT NAM"])
def test_a_mass_organisations_national_name_in_the_right_column_is_no_agency(mark):
    h = header(f"""HỘI CCB HUYỆN CHÂU THÀNH A {mark}
HỘI CCB XÃ TÂN PHÚ THẠNH
Số: 09/BC-CCB
Tân Phú Thạnh, ngày 08 tháng 12 năm 2023
BÁO CÁO
Kết quả công tác Hội năm 2023""")
    assert (h.issuer, h.parent_issuer) == ("HỘI CCB XÃ TÂN PHÚ THẠNH", "HỘI CCB HUYỆN CHÂU THÀNH A")


def test_a_local_bodys_name_ending_in_a_place_is_an_agency():
    h = header("""HỘI NÔNG DÂN TỈNH HƯNG YÊN
HỘI NÔNG DÂN HUYỆN PHÙ CỪ
Số: 27-KH/HNDH
Phù Cừ, ngày 15 tháng 3 năm 2021
KẾ HOẠCH
Phát triển tổ hợp tác năm 2021""")
    assert (h.issuer, h.parent_issuer) == ("HỘI NÔNG DÂN HUYỆN PHÙ CỪ", "HỘI NÔNG DÂN TỈNH HƯNG YÊN")


def test_specks_ocr_left_after_the_ten_loai_do_not_end_the_title():
    h = header("""UBND XÃ THƯỜNG NGA
Số: 12/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thường Nga, ngày 14 tháng 11 năm 2024
THÔNG BÁO.
Về việc tổ chức ra quân tổng vệ sinh môi trường
Thực hiện Kế hoạch số 215/KH-UBND ngày 02/10/2024 của Ủy ban nhân dân huyện Can Lộc,""")
    assert (h.doc_type, h.subject) == ("Thông báo", "Về việc tổ chức ra quân tổng vệ sinh môi trường")


def test_a_bare_50_or_so_before_a_line_of_words_is_not_a_number_line():
    """A cell "50" (or OCR's "So") at a line's end, the next line words: no number line there, no crash."""
    from extractors.parse.header import find_number

    assert find_number(["CÔNG ĐOÀN NGÀNH", "50", "Tỷ lệ diện tích", "Số: 12/KH-CĐN"]) == ("12", "KH-CĐN", 3)
    assert find_number(["UBND XÃ", "50", "đoàn viên"]) == (None, None, None)


def test_a_space_after_the_symbols_hyphen():
    from extractors.parse.header import find_number

    assert find_number(["Số: 45/PĐ- CĐTCT"]) == ("45", "PĐ-CĐTCT", 0)


def test_a_speck_after_a_wrapped_place_date_lines_last_word_does_not_cut_the_date():
    """OCR's specks alone after a line's last word ("… ngày 14 tháng ˆ", "ĐOÀN TNCS HỒ CHÍ MINH _") are dropped:
    the place–date line wrapped there is read whole again."""
    h = header("BCH ĐOÀN TỈNH YÊN BÁI\nSố: 58-HD/TĐTN-PT\nĐOÀN TNCS HỒ CHÍ MINH _\n"
               "Thành phố Yên Bái, ngày 14 tháng ˆ\n5 năm 2021\nHƯỚNG DẪN\nTổ chức Chiến dịch Thanh niên tình nguyện hè")
    assert (h.place, h.date) == ("Thành phố Yên Bái", "2021-05-14")
    assert clean_lines(["Đơn vị ‹Phòng› Tổ chức", "Tổng cộng |"]) == ["Đơn vị ‹Phòng› Tổ chức", "Tổng cộng"]


def test_a_thu_keu_goi_with_its_number_left_blank():
    """An appeal ("THƯ KÊU GỌI") is a tên loại with its trích yếu wrapped under it; "Số:      /TKG-LĐLĐ" has no
    number yet."""
    h = header("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG BÌNH\nSố:      /TKG-LĐLĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Độc lập - Tự do - Hạnh phúc\nĐồng Hới, ngày 20 tháng 10 năm 2016\nTHƯ KÊU GỌI\n"
               "Ủng hộ đoàn viên, người lao động bị thiệt hại do\nđợt mưa lũ lịch sử tháng 10 năm 2016\n"
               "Kính gửi: Các cấp công đoàn trong tỉnh.\nTừ ngày 13/10 đến ngày 19/10/2016, trên địa bàn tỉnh xảy ra lũ.")
    assert (h.number, h.symbol, h.doc_type) == (None, "TKG-LĐLĐ", "Thư kêu gọi")
    assert h.subject == "Ủng hộ đoàn viên, người lao động bị thiệt hại do đợt mưa lũ lịch sử tháng 10 năm 2016"


def test_a_speck_word_after_the_ten_loai_is_no_subject():
    """OCR's speck read as a short lower-case word after the tên loại ("THÔNG BÁO sản") is no trích yếu: the
    subject is the lines under it."""
    h = header("LIÊN ĐOÀN LAO ĐỘNG TỈNH PHÚ YÊN\nSố: 72/TB-LĐLĐ\nTuy Hòa, ngày 16 tháng 5 năm 2023\nTHÔNG BÁO sản\n"
               "Kết quả Hội nghị tổng kết phong trào thi đua\nKính gửi: Các công đoàn cấp trên trực tiếp cơ sở.")
    assert (h.doc_type, h.subject) == ("Thông báo", "Kết quả Hội nghị tổng kết phong trào thi đua")


def test_a_speck_between_the_places_comma_and_its_ngay():
    h = header("ỦY BAN NHÂN DÂN\nHUYỆN THUẬN CHÂU\nSố: 2146/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Độc lập - Tự do - Hạnh phúc\nThuận Châu,:ngày 09 tháng 10 năm 2024\nQUYẾT ĐỊNH\nVề việc thành lập Ban Chỉ đạo")
    assert (h.place, h.date) == ("Thuận Châu", "2024-10-09")

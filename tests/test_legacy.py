"""TCVN3 and VNI text to Unicode, detection of which a text is in, and broken font-map repair."""
from __future__ import annotations

from pipeline import legacy


def test_tcvn3_known_strings():
    # as a .VnTime document's bytes read through Latin-1
    assert legacy.tcvn3_to_unicode("B¶o Th¾ng") == "Bảo Thắng"
    assert legacy.tcvn3_to_unicode("Hµ Néi, ngµy 05 th¸ng 3 n¨m 2018") == "Hà Nội, ngày 05 tháng 3 năm 2018"
    assert legacy.tcvn3_to_unicode("ng\xadêi lao ®éng") == "người lao động"
    assert legacy.tcvn3_to_unicode("§oµn Thanh niªn") == "Đoàn Thanh niên"


def test_tcvn3_capitals_font():
    # an .VnTimeH font draws the lower-case codes as capitals
    assert legacy.tcvn3_to_unicode("céng hoµ x· héi chñ nghÜa viÖt nam", capitals=True) == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert legacy.is_capitals_font("ABCDEF+.VnTimeH")
    assert legacy.is_capitals_font("VnArialH,Bold")
    assert not legacy.is_capitals_font(".VnTime")
    assert not legacy.is_capitals_font("TimesNewRomanPS-BoldMT")


def test_tcvn3_u_read_as_space_is_put_back():
    # WinAnsiEncoding reads 0xAD (ư) as a space
    assert legacy.tcvn3_to_unicode("ng êi lao ®éng ®­îc khen th ëng") == "người lao động được khen thưởng"
    # a real space between whole syllables stays
    assert legacy.tcvn3_to_unicode("c¸c ®oµn viªn") == "các đoàn viên"


def test_vni_known_strings():
    assert legacy.vni_to_unicode("Vieät Nam") == "Việt Nam"
    assert legacy.vni_to_unicode("Coâng ñoaøn ngaønh Giaùo duïc") == "Công đoàn ngành Giáo dục"
    assert legacy.vni_to_unicode("ÑOÁI TÖÔÏNG") == "ĐỐI TƯỢNG"
    assert legacy.vni_to_unicode("ngöôøi lao ñoäng") == "người lao động"


def test_detection_picks_the_encoding_that_reads_as_vietnamese():
    unicode_text = "Căn cứ Quyết định số 25 của Ủy ban nhân dân tỉnh về việc phát động phong trào thi đua"
    tcvn3_text = "C¨n cø QuyÕt ®Þnh sè 25 cña Uû ban nh©n d©n tØnh vÒ viÖc ph¸t ®éng phong trµo thi ®ua"
    vni_text = "Caên cöù Quyeát ñònh soá 25 cuûa UÛy ban nhaân daân tænh veà vieäc phaùt ñoäng phong traøo thi ñua"
    assert legacy.detect_encoding(unicode_text) == legacy.UNICODE
    assert legacy.detect_encoding(tcvn3_text) == legacy.TCVN3
    assert legacy.detect_encoding(vni_text) == legacy.VNI
    assert legacy.decode(tcvn3_text, legacy.TCVN3) == "Căn cứ Quyết định số 25 của Uỷ ban nhân dân tỉnh về việc phát động phong trào thi đua"
    assert legacy.decode(vni_text, legacy.VNI) == unicode_text


def test_unicode_text_with_latin1_letters_is_left_alone():
    # "à", "ó", "ê" are TCVN3 codes too; genuine Unicode must not be "converted"
    text = "Hòa Bình, Điện Biên, Hà Giang: các đơn vị đã hoàn thành"
    assert legacy.detect_encoding(text) == legacy.UNICODE
    assert legacy.decode(text, legacy.detect_encoding(text)) == text


def test_broken_font_map_repair():
    assert legacy.repair_font_map("ĐỐI TƢỢNG, ngƣời lao động") == "ĐỐI TƯỢNG, người lao động"
    assert legacy.repair_font_map("ÐOÀN THANH NIÊN") == "ĐOÀN THANH NIÊN"
    assert legacy.repair_font_map("Ho\u0300a") == "Hòa"


def test_vietnamese_ratio_separates_good_from_garbled():
    assert legacy.vietnamese_ratio("Phát động phong trào thi đua năm học 2020 - 2021") == 1.0
    assert legacy.vietnamese_ratio("Ph¸t ®éng phong trµo thi ®ua") < 0.5
    assert legacy.vietnamese_ratio("UBND THCS 2020") is None

"""Phases: labelled waves and "các đợt" lists, with partial-date ranges."""
from extractors.parse import parse_lines
from extractors.parse.clean import clean_lines
from extractors.phases import extract_phases
from models.record import Phase


def phases(text: str) -> list[tuple]:
    return [(p.label, p.start, p.end) for p in extract_phases(parse_lines(text.splitlines()).body)]


def test_labelled_waves_with_bracketed_ranges_and_text_after_the_colon():
    text = """* Các cấp Công đoàn tập trung thực hiện theo 2 đợt sau:
- Đợt 1 (từ tháng 01/2024 đến 31/7/2024): Thi đua chào mừng kỷ niệm 95 năm
Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024).
- Đợt 2 (Từ 01/8/2024 đến 31/12/2024): Thi đua hoàn thành vượt mức chỉ tiêu năm 2024."""
    assert extract_phases(parse_lines(text.splitlines()).body) == [
        Phase("Đợt 1", "2024-01", "2024-07-31",
              "Thi đua chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)."),
        Phase("Đợt 2", "2024-08-01", "2024-12-31", "Thi đua hoàn thành vượt mức chỉ tiêu năm 2024."),
    ]


def test_ordinal_labels_from_now_and_to_the_end_of_a_school_year():
    text = """Phong trào thi đua năm học 2020-2021 được chia làm 2 đợt chính:
- Đợt thi đua thứ nhất: Từ nay đến hết tháng 01/2021, trọng tâm là thi đua chào mừng
ngày Nhà giáo Việt Nam 20/11.
- Đợt thi đua thứ hai: Từ tháng 02/2021 đến hết năm học 2020-2021, trọng tâm là
kỷ niệm ngày thành lập Đảng 3/2.
- Công tác sơ kết, tổng kết gắn với sơ kết học kỳ 1 và tổng kết năm học."""
    assert phases(text) == [("Đợt thi đua thứ nhất", None, "2021-01"), ("Đợt thi đua thứ hai", "2021-02", None)]


def test_years_and_an_event_bound_dated_in_brackets():
    text = """1. Phong trào thi đua giai đoạn (2016-2020) được tổ chức thành 2 đợt cụ thể như sau:
- Đợt 1: Từ năm 2016 đến Đại hội Công đoàn tỉnh lần thứ XVI, tiến tới Đại hội XII (năm 2018).
- Đợt 2: Từ năm 2018 đến tháng 12/2020."""
    assert phases(text) == [("Đợt 1", "2016", "2018"), ("Đợt 2", "2018", "2020-12")]


def test_stages_rounds_zero_padded_labels_and_borrowed_years():
    text = """Cuộc thi được tổ chức thành 3 giai đoạn:
- Giai đoạn 1 (từ ngày 15/3/2023 đến ngày 30/4/2023): Thi cấp cơ sở.
- Giai đoạn 2: Từ tháng 5 đến tháng 6/2023, thi cấp huyện.
- Giai đoạn 3: Tổng kết, trao giải.
Vòng 1: Thi trắc nghiệm trực tuyến từ ngày 01/6/2022 đến ngày 30/6/2022.
Đợt 01: từ 01/01/2019 đến 30/6/2019;
- Dot 2: Tu thang 6/2021 den het thang 12/2021.
- Đọt thi dua thu ba: từ tháng 01/2022."""
    assert phases(text) == [
        ("Giai đoạn 1", "2023-03-15", "2023-04-30"),
        ("Giai đoạn 2", "2023-05", "2023-06"),
        ("Giai đoạn 3", None, None),
        ("Vòng 1", "2022-06-01", "2022-06-30"),
        ("Đợt 01", "2019-01-01", "2019-06-30"),
        ("Đợt 2", "2021-06", "2021-12"),
        ("Đợt thi đua thứ ba", "2022-01", None),
    ]


def test_an_unlabelled_list_of_waves():
    text = """Các cấp công đoàn cần phát động thi đua theo từng đợt cụ thể sau:
- Phát động thi đua chào mừng 88 năm ngày thành lập Công đoàn Việt Nam (28/7/1929 — 28/7/2017).
- Thi đua từ 01/3 đến 30/4/2024 chào mừng ngày giải phóng miền Nam;
Trong quá trình tổ chức thực hiện, thường xuyên báo cáo kết quả."""
    assert extract_phases(parse_lines(text.splitlines()).body) == [
        Phase(None, None, None,
              "Phát động thi đua chào mừng 88 năm ngày thành lập Công đoàn Việt Nam (28/7/1929 — 28/7/2017)."),
        Phase(None, None, None, "Thi đua từ 01/3 đến 30/4/2024 chào mừng ngày giải phóng miền Nam;"),
    ]


def test_mentions_of_periods_and_waves_are_not_phases():
    text = """KẾ HOẠCH
Phát động phong trào thi đua giai đoạn 2016 – 2020
Xây dựng kế hoạch giai đoạn 2016 - 2020 với những nội dung chủ yếu như sau:
I. MỤC ĐÍCH
1. Lồng ghép các phong trào vào các đợt thi đua ngắn ngày, thi thợ giỏi.
2. Sơ kết đợt 1 vào tháng 6/2022.
4. Thời gian thực hiện: Từ tháng 4 đến tháng 12 năm 2020."""
    assert extract_phases(parse_lines(text.splitlines()).body) == []


def test_stages_dated_by_bare_years_in_brackets_or_in_the_label():
    text = """III. LỘ TRÌNH
1. Giai đoạn 1 (2022 - 2023): xây dựng mô hình điểm tại 03 xã.
2. Giai đoạn 2 (năm 2024 – năm 2025): nhân rộng mô hình ra toàn huyện.
3. Giai đoạn 3 (năm 2026): tổng kết, đánh giá.
- Giai đoạn 2016–2020: củng cố tổ chức;
- Giai đoạn 2021 - 2025: nâng cao chất lượng hoạt động."""
    assert phases(text) == [
        ("Giai đoạn 1", "2022", "2023"),
        ("Giai đoạn 2", "2024", "2025"),
        ("Giai đoạn 3", "2026", "2026"),
        ("Giai đoạn 2016–2020", "2016", "2020"),
        ("Giai đoạn 2021 - 2025", "2021", "2025"),
    ]
    # one stage named by its years is the period the document covers, not a phase
    assert phases("Giai đoạn 2021 - 2025: phấn đấu 100% xã đạt chuẩn nông thôn mới.") == []


def test_a_phase_on_one_date_starts_and_ends_on_it():
    text = """Hội thi được tổ chức qua hai vòng:
- Vòng sơ khảo: từ ngày 02/10/2023 đến ngày 20/10/2023, thi viết tại các chi đoàn.
- Vòng chung khảo: ngày 05/11/2023 tại Hội trường Huyện ủy, thi thuyết trình.
- Đợt 3: tháng 12/2023, tổng kết và trao giải.
- Giai đoạn 4: 20/12/2023 - 25/12/2023 nhận xét, rút kinh nghiệm.
- Giai đoạn 5 (tháng 01/2024 trở đi): duy trì sinh hoạt câu lạc bộ."""
    assert phases(text) == [
        ("Vòng sơ khảo", "2023-10-02", "2023-10-20"),
        ("Vòng chung khảo", "2023-11-05", "2023-11-05"),
        ("Đợt 3", "2023-12", "2023-12"),
        ("Giai đoạn 4", "2023-12-20", "2023-12-25"),
        ("Giai đoạn 5", "2024-01", None),
    ]


def test_a_prize_list_under_the_round_names_is_not_the_rounds():
    # OCR read "1." as "1," and put a quote into the second label
    text = """III. THỜI GIAN, NỘI DUNG CÁC VÒNG THI
1, Vòng sơ khảo: từ ngày 15/3/2023 đến ngày 31/3/2023, thi trắc nghiệm trực tuyến.
2. Vòng" chung khảo: ngày 15/4/2023, tại Hội trường Trung tâm Văn hóa huyện.
IV. CƠ CẤU GIẢI THƯỞNG
- Vòng sơ khảo: 01 giải Nhất, 02 giải Nhì, 03 giải Ba cho cá nhân có kết quả cao nhất.
- Vòng chung khảo: 01 giải Nhất (1.500.000 đồng), 02 giải Nhì."""
    assert phases(text) == [("Vòng sơ khảo", "2023-03-15", "2023-03-31"), ("Vòng chung khảo", "2023-04-15", "2023-04-15")]
    # the prize list first, the dated rounds later: the dated mention is the phase
    awards_first = "\n".join(text.splitlines()[3:] + text.splitlines()[:3])
    assert phases(awards_first) == [("Vòng sơ khảo", "2023-03-15", "2023-03-31"),
                                    ("Vòng chung khảo", "2023-04-15", "2023-04-15")]


def test_a_label_repeated_without_dates_keeps_the_dated_mention():
    text = """- Đợt 1: Thi đua chào mừng Đại hội Công đoàn các cấp.
- Đợt 2: Thi đua chào mừng Tháng Công nhân.
3. Thời gian
- Đợt 1: từ tháng 3/2023 đến tháng 6/2023.
- Đợt 2: từ tháng 7/2023 đến tháng 11/2023."""
    assert phases(text) == [("Đợt 1", "2023-03", "2023-06"), ("Đợt 2", "2023-07", "2023-11")]


def test_a_range_whose_den_ocr_lost():
    text = """- Đợt 1: Từ tháng 3/2023, ngày 30/6/2023, thi đua chào mừng Đại hội.
- Đợt 2: Từ tháng 7/2023 tháng 11/2023 thi đua lập thành tích.
- Đợt 3: Từ ngày 01/12/2023, ngày 15/11/2023 là hạn đăng ký."""
    assert phases(text) == [("Đợt 1", "2023-03", "2023-06-30"), ("Đợt 2", "2023-07", "2023-11"),
                            ("Đợt 3", "2023-12-01", None)]


def test_a_first_day_printed_alone_takes_the_month_and_year_of_the_last():
    text = """3. Thời gian tổ chức hội thi
- Vòng 1: từ ngày 15 đến 20/10/2018 tại các trường.
- Vòng 2: từ 01 – 05/11/2018 tại Phòng Giáo dục và Đào tạo."""
    assert phases(text) == [("Vòng 1", "2018-10-15", "2018-10-20"), ("Vòng 2", "2018-11-01", "2018-11-05")]


def test_a_round_named_in_brackets_before_its_colon_and_a_day_in_the_morning_span_that_day():
    text = """Vòng 1: từ ngày 15 đến 20/10/2018, thi trắc nghiệm theo khối.
Vòng 2 (bán kết): ngày 03/11/2018, thi trực tiếp tại hội trường.
Vòng 3 (chung kết): sáng ngày 17/11/2018, thi sân khấu hóa tại sân trường."""
    assert phases(text) == [("Vòng 1", "2018-10-15", "2018-10-20"), ("Vòng 2", "2018-11-03", "2018-11-03"),
                            ("Vòng 3", "2018-11-17", "2018-11-17")]


def test_a_label_whose_colon_ocr_read_as_a_semicolon_or_with_a_speck_before_it():
    text = """Vòng 1; từ ngày 15 đến 20/10/2018, thi trắc nghiệm theo khối.
: Vòng 2 (bán kết): ngày 03/11/2018, thi trực tiếp tại hội trường."""
    found = extract_phases(parse_lines(clean_lines(text.splitlines())).body)
    assert [(p.label, p.start, p.end) for p in found] == [("Vòng 1", "2018-10-15", "2018-10-20"), ("Vòng 2", "2018-11-03", "2018-11-03")]


def test_waves_listed_inside_one_sentence_after_a_colon_and_semicolons():
    text = ("2. Thời gian tiêm phòng chia làm hai đợt: Đợt I từ ngày 16/4/2018 đến ngày 05/5/2018, tiêm vắc xin "
            "cho trâu, bò; Đợt II tiến hành trong tháng 10/2018, tiêm bổ sung cho gia súc mới phát sinh.\n"
            "3. Hội thi gồm các vòng: Vòng 1 từ ngày 02/3/2021 đến ngày 10/3/2021; Vòng 2 diễn ra vào ngày 26/3/2021.")
    assert phases(text) == [("Đợt I", "2018-04-16", "2018-05-05"), ("Đợt II", "2018-10", "2018-10"),
                            ("Vòng 1", "2021-03-02", "2021-03-10"), ("Vòng 2", "2021-03-26", "2021-03-26")]


def test_a_wave_named_once_inside_a_sentence_is_no_list_of_phases():
    text = ("Kết quả thi đua: Đợt 1 năm 2021 có 12 tập thể được khen thưởng; đợt 2 sẽ sơ kết sau.\n"
            "Các đơn vị báo cáo kết quả trước ngày 30/6/2021; Đợt 1 từ ngày 01/4/2021 được khen cùng đợt 2.")
    assert phases(text) == []


def test_a_phase_with_only_a_deadline_ends_then_in_the_documents_year():
    from extractors.phases import _range

    assert _range(": trước ngày 15/10, các khối tổ chức thi trắc nghiệm", 2016) == (None, "2016-10-15")
    assert _range(": hoàn thành trước ngày 31/10/2023; các đơn vị chọn thí sinh") == (None, "2023-10-31")
    assert _range("từ ngày 01 tháng 8 đến hết ngày 31 tháng 12 năm 2020, thi đua nước rút") == ("2020-08-01",
                                                                                               "2020-12-31")


def test_a_roman_one_among_arabic_numbers_is_an_ocr_misread_one():
    text = ("Đợt Ï: từ ngày 01/4 đến ngày 30/4/2022, rà soát, lập danh sách.\n"
            "Đợt 2: từ ngày 01/6 đến ngày 30/6/2022, cao điểm hưởng ứng Tháng hành động.")
    assert phases(text) == [("Đợt 1", "2022-04-01", "2022-04-30"), ("Đợt 2", "2022-06-01", "2022-06-30")]
    roman = "Đợt I: từ ngày 01/4 đến ngày 30/4/2022, rà soát.\nĐợt II: từ ngày 01/6 đến ngày 30/6/2022, cao điểm."
    assert [label for label, _, _ in phases(roman)] == ["Đợt I", "Đợt II"]


def test_waves_by_quarter_and_a_round_expected_in_a_month():
    text = ("Đợt 1 (quý I): thi đua nước rút huy động vốn dịp Tết.\n"
            "Đợt 2 (quý II và quý III): thi đua tăng trưởng dư nợ cho vay.\n"
            "Đợt 3 (quý IV/2019): thi đua về đích.\n"
            "Vòng chung khảo dự kiến tháng 11/2024: thí sinh trình bày trực tiếp bài giảng.")
    from extractors.parse import parse_lines
    assert [(p.label, p.start, p.end) for p in extract_phases(parse_lines(text.splitlines()).body, 2018)] == [
        ("Đợt 1", "2018-01", "2018-03"), ("Đợt 2", "2018-04", "2018-09"), ("Đợt 3", "2019-10", "2019-12"),
        ("Vòng chung khảo", "2024-11", "2024-11")]


def test_a_range_of_quarters_and_days_listed_with_va():
    text = """Kế hoạch được triển khai thành các đợt:
- Đợt 1: từ quý I đến hết quý II năm 2024, thi đua chào mừng Tháng Công nhân.
- Đợt 2: quý III và quý IV năm 2024, thi đua chào mừng Đại hội.
- Đợt 3: ngày 06/11/2023 và ngày 07/11/2023, tại Trạm Y tế xã; khám bổ sung.
- Đợt 4: ngày 20/11/2023, tại Nhà văn hóa, và ngày ấy kết thúc.
- Đợt 5: từ ngày 18/12/2023 đến. ngày 22/12/2023, tại Trạm Y tế xã (a speck OCR read after "đến")."""
    assert phases(text) == [("Đợt 1", "2024-01", "2024-06"), ("Đợt 2", "2024-07", "2024-12"),
                            ("Đợt 3", "2023-11-06", "2023-11-07"), ("Đợt 4", "2023-11-20", "2023-11-20"),
                            ("Đợt 5", "2023-12-18", "2023-12-22")]


def test_ocr_specks_in_a_rounds_label_and_after_ngay():
    text = """Hội thi gồm hai vòng:
- Vòng . sơ khảo (từ ngày 12/9/2022 đến ngày 23/9/2022): thi trắc nghiệm trực tuyến.
- Vòng chung kết (ngày. 14/10/2022): thi sân khấu tại Hội trường."""
    assert [(p.label, p.start, p.end) for p in extract_phases(parse_lines(clean_lines(text.splitlines())).body)] == [
        ("Vòng sơ khảo", "2022-09-12", "2022-09-23"), ("Vòng chung kết", "2022-10-14", "2022-10-14")]


def test_a_sentence_naming_the_waves_before_another_list_announces_no_waves():
    """The opening "… xây dựng Kế hoạch tổ chức các đợt thi đua như sau:" is followed by the document's first
    heading alone; "Các đợt thi đua … phấn đấu đạt các chỉ tiêu sau:" by targets. Neither list is of waves."""
    text = """Ban Thường vụ Hội Nông dân tỉnh xây dựng Kế hoạch tổ chức các đợt thi đua cao điểm như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Tạo khí thế thi đua sôi nổi trong cán bộ, hội viên.
II. CHỈ TIÊU THI ĐUA
Các đợt thi đua cao điểm năm 2023 phấn đấu đạt các chỉ tiêu sau:
- Kết nạp mới từ 2.500 hội viên trở lên.
- Thành lập mới 20 chi hội nghề nghiệp.
III. CÁC ĐỢT THI ĐUA
Các đợt thi đua được tổ chức theo từng đợt sau:
- Từ ngày 15/3/2023 đến ngày 30/4/2023, thi đua chào mừng đại hội cấp cơ sở.
- Từ ngày 01/5/2023 đến ngày 15/7/2023, thi đua chào mừng đại hội cấp huyện."""
    assert phases(text) == [(None, "2023-03-15", "2023-04-30"), (None, "2023-05-01", "2023-07-15")]


def test_stages_named_by_years_whose_dash_ocr_read_as_stops():
    text = """III. CÁC GIAI ĐOẠN
- Giai đoạn 1 (2021 - 2023): phát động phong trào ở các cấp, các ngành.
- Giai đoạn 2 (2024.: 2025): nhân rộng các mô hình giảm nghèo hiệu quả."""
    assert phases(text) == [("Giai đoạn 1", "2021", "2023"), ("Giai đoạn 2", "2024", "2025")]

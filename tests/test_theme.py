"""Theme: the chủ đề thi đua when the document states one."""
import pytest

from extractors.parse import parse_lines
from extractors.theme import extract_theme


@pytest.mark.parametrize("text, theme", [
    ("1. Chủ đề thi đua:\n\"Tận dụng cơ hội, vượt mọi khó khăn, nỗ lực phấn đấu\".\n2. Nội dung thi đua:",
     "Tận dụng cơ hội, vượt mọi khó khăn, nỗ lực phấn đấu"),
    ("1. Chủ đề thi đua\n“Đổi mới, sáng tạo, thi đua đưa Nghị quyết\nvào cuộc sống”.\n2. Nội dung",
     "Đổi mới, sáng tạo, thi đua đưa Nghị quyết vào cuộc sống"),
    ("I. Chủ đề thi đua: “Đoàn kết, sáng tạo, hiệu quả”.", "Đoàn kết, sáng tạo, hiệu quả"),
    ("II. CHỦ ĐỀ THI ĐUA\nChung sức xây dựng nông thôn mới\nIII. NỘI DUNG", "Chung sức xây dựng nông thôn mới"),
    ("LĐLĐ tỉnh phát động thi đua với chủ đề thi đua là: \"Tri ân người lao động\".", "Tri ân người lao động"),
    ("Chu de thi dua nam 2022: “Doan ket, doi moi”", "Doan ket, doi moi"),
    ("2. Chủ đề Tháng hành động vì bình đẳng giới năm 2021:\n“Chung tay vì phụ nữ và trẻ em”.",
     "Chung tay vì phụ nữ và trẻ em"),
    ("a) Chủ đề của Hội thi: \"Nhà giáo sáng tạo\"; thời gian: tháng 11.", "Nhà giáo sáng tạo"),
    # GOLD.md: the chủ đề of the campaign or of the year, a school year's too
    ("1. Chủ đề năm học 2023 - 2024: “Đoàn kết, kỷ cương, chất lượng”.", "Đoàn kết, kỷ cương, chất lượng"),
    ("- CBGV thực hiện tốt chủ đề năm học “Thầy mẫu mực; Trò chăm ngoan”; Phát huy phong trào thi đua.",
     "Thầy mẫu mực; Trò chăm ngoan"),
    # a heading with no colon, its quote wrapped onto the lines below
    ("a) Chủ đề Tháng hành động\nnăm 2025\n“Bình đẳng giới và an\ntoàn cho phụ nữ”.\nb) Thời gian: tháng 11.",
     "Bình đẳng giới và an toàn cho phụ nữ"),
])
def test_theme_stated(text, theme):
    assert extract_theme(parse_lines(text.splitlines()).body) == theme


@pytest.mark.parametrize("text", [
    "Các đợt thi đua phải gắn với thực hiện chủ đề năm học “Kỷ cương - Nề nếp; Chủ động - Sáng tạo”.",
    "gắn với chủ đề hoạt động công đoàn năm 2021: “Nâng cao chất lượng đội ngũ cán bộ công đoàn cơ sở”.",
    "cụ thể hóa chủ đề thi đua năm 2024 gắn với phong trào thi đua “Lao động giỏi, Lao động sáng tạo”.",
    "Đẩy mạnh phong trào thi đua “Dạy tốt – Học tốt” trong toàn trường.",
    "Chủ đề sinh hoạt tháng 3: tuyên truyền về Ngày Quốc tế Phụ nữ.",
])
def test_no_campaign_theme(text):
    assert extract_theme(parse_lines(text.splitlines()).body) is None


@pytest.mark.parametrize("text, theme", [
    ("1. Thời gian: Tháng hành động được tổ chức từ ngày 01/5/2016 đến ngày 31/5/2016 với chủ đề "
     "“Tăng cường công tác an toàn, vệ sinh lao động”.", "Tăng cường công tác an toàn, vệ sinh lao động"),
    ("Hội thi năm nay có chủ đề: “Tuổi trẻ sáng tạo vì cộng đồng”.", "Tuổi trẻ sáng tạo vì cộng đồng"),
    ("Chủ đề thi đua năm 2024 là: “Đoàn kết, kỷ cương, sáng tạo”.", "Đoàn kết, kỷ cương, sáng tạo"),
    # OCR took a wrapped line for a new paragraph: the open quote runs on
    ("1. Cuộc thi được phát động với chủ đề “Xây dựng văn hóa an toàn\n\n"
     "trong doanh nghiệp”. 2. Đối tượng: đoàn viên.", "Xây dựng văn hóa an toàn trong doanh nghiệp"),
])
def test_theme_quoted_in_running_text(text, theme):
    assert extract_theme(parse_lines(text.splitlines()).body) == theme


@pytest.mark.parametrize("text", [
    "Thực hiện Chương trình công tác Đoàn năm 2021; hưởng ứng Năm An toàn giao thông 2021 với chủ đề "
    "“Xây dựng văn hóa giao thông”, Tỉnh đoàn ban hành kế hoạch như sau:",
    "Các hoạt động phải gắn với chủ đề “Năm Dân vận khéo” của Tỉnh ủy.",
    "Căn cứ Kế hoạch của Tổng Liên đoàn về Tháng Công nhân với chủ đề “Công nhân đoàn kết”.",
])
def test_another_programmes_theme_is_not_the_documents(text):
    assert extract_theme(parse_lines(text.splitlines()).body) is None


@pytest.mark.parametrize("text, theme", [
    ("Căn cứ Kế hoạch số 215-KH/TĐTN ngày 18/01/2024 của Tỉnh đoàn; căn cứ Chương trình công tác Đoàn năm 2024, "
     "Ban Thường vụ Huyện đoàn xây dựng Kế hoạch Tháng Thanh niên năm 2024 với chủ đề “Tuổi trẻ tiên phong "
     "chuyển đổi số” như sau:", "Tuổi trẻ tiên phong chuyển đổi số"),
    ("Thực hiện Kế hoạch số 68/KH-LĐLĐ của Liên đoàn Lao động tỉnh với chủ đề “An toàn là trên hết”, "
     "Công đoàn ngành đề nghị các đơn vị thực hiện tốt.", None),
])
def test_the_documents_own_clause_after_its_preamble_states_its_own_theme(text, theme):
    assert extract_theme(parse_lines([text]).body) == theme


def test_a_chu_de_hoat_dong_chosen_in_a_sentence():
    text = "Năm 2020, Hội chọn chủ đề hoạt động “Học tập suốt đời vì sự phát triển của quê hương”. Phấn đấu phát triển."
    assert extract_theme(parse_lines([text]).body) == "Học tập suốt đời vì sự phát triển của quê hương"

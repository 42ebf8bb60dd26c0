"""Build the office-made held-out set: ten new dispatches written the way offices write them.

    .venv/bin/python tests/make_office_set.py          # rebuilds tests/data/office_made/files/

Each document is typeset as a Word file with python-docx (header and footer as borderless
two-column tables, a serif font at 12-14 pt, justified body with first-line indents), then
LibreOffice exports it to Word 97 (.doc) and PDF, and the PDF is rendered at 300 dpi and
degraded into a scan (skew <= 1.2 deg, blur, shading, speckles, 200 dpi, JPEG 60) and a bad scan
(skew <= 2.5 deg, more blur and noise, 150 dpi, JPEG 40) as ../shared/real/README.md describes.
Everything random is seeded by the document's name, so a rebuild gives the same pages.

The generator is run by hand (LibreOffice is not a test dependency); the tests read the
committed files under tests/data/office_made/files/ and the gold records under gold/, which
were written by hand from the documents below.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image, ImageFilter

OUT = Path(__file__).parent / "data" / "office_made" / "files"
FONT = "DejaVu Serif Condensed"  # no Times/Liberation on this machine; the condensed cut is closest in width
LO_PROFILE = "file:///tmp/lo_profile_office_made"
FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)


@dataclass
class Dispatch:
    """One document: header columns, title, Kính gửi, body (light markup) and footer columns."""

    name: str
    header_left: list[str]  # markup: "*" bold, "_" bold underlined, plain otherwise
    header_right: list[str]
    title: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    body: str = ""
    recipients: list[str] = field(default_factory=list)
    signing: list[str] = field(default_factory=list)  # "" = blank line; last line is the name
    left_width: float = 7.0  # cm
    font_size: float = 13.5


QH = ["*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "_Độc lập - Tự do - Hạnh phúc", ""]

DISPATCHES = [
    Dispatch(
        name="01",
        header_left=["LĐLĐ TỈNH NGHỆ AN", "_CÔNG ĐOÀN NGÀNH Y TẾ", "", "Số: 45/KH-CĐYT"],
        header_right=QH + ["/Nghệ An, ngày 10 tháng 02 năm 2022"],
        title=["KẾ HOẠCH", "Thực hiện nhiệm vụ công tác Công đoàn năm 2022"],
        body="""
Căn cứ Nghị quyết Đại hội Công đoàn ngành Y tế Nghệ An lần thứ VI, nhiệm kỳ 2018 - 2023;
Căn cứ Kế hoạch số 12/KH-LĐLĐ ngày 20/01/2022 của Liên đoàn Lao động tỉnh Nghệ An về thực hiện nhiệm vụ công tác công đoàn năm 2022, Ban Thường vụ Công đoàn ngành Y tế xây dựng kế hoạch thực hiện nhiệm vụ năm 2022 như sau:
## I. MỤC ĐÍCH, YÊU CẦU
- Tiếp tục đổi mới nội dung, phương thức hoạt động, hướng mạnh về cơ sở; chăm lo đời sống, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động trong bối cảnh phòng, chống dịch COVID-19.
- Các chỉ tiêu phải được cụ thể hóa trong chương trình công tác của từng công đoàn cơ sở (CĐCS), gắn với nhiệm vụ chuyên môn của đơn vị.
## II. CHỈ TIÊU CHỦ YẾU
1. Phát triển mới ít nhất 300 đoàn viên công đoàn.
2. 100% CĐCS có từ 30 đoàn viên trở lên thành lập Ban Nữ công quần chúng.
3. Trên 85% CĐCS được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên; không có CĐCS xếp loại không hoàn thành nhiệm vụ.
4. Giới thiệu 120 đoàn viên ưu tú cho Đảng xem xét, kết nạp.
5. Thu kinh phí công đoàn, đoàn phí công đoàn đạt tối thiểu 95% kế hoạch được giao.
6. Hỗ trợ xây dựng, sửa chữa 05 nhà “Mái ấm Công đoàn” cho đoàn viên có hoàn cảnh khó khăn về nhà ở, mức hỗ trợ 50 triệu đồng/nhà.
7. 100% CĐCS phối hợp tổ chức Hội nghị cán bộ, công chức, viên chức năm 2022 trước ngày 31/3/2022.
8. Giảm tỷ lệ CĐCS xếp loại trung bình xuống dưới 5%.
## III. NHIỆM VỤ VÀ GIẢI PHÁP
### 1. Công tác tuyên truyền, giáo dục
- Tuyên truyền, phổ biến Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị gắn với phong trào thi đua “Cán bộ y tế làm theo lời Bác”.
- Biểu dương kịp thời những tấm gương đoàn viên tiêu biểu trên tuyến đầu phòng, chống dịch.
### 2. Chăm lo đời sống, bảo vệ quyền lợi của đoàn viên
- Phối hợp với thủ trưởng đơn vị thực hiện đầy đủ chế độ phụ cấp chống dịch cho cán bộ y tế theo Nghị quyết số 16/NQ-CP ngày 08/02/2021 của Chính phủ.
- Thăm hỏi, hỗ trợ đoàn viên bị nhiễm COVID-19 trong khi làm nhiệm vụ, mức chi 500.000 đồng/người.
### 3. Phát triển đoàn viên, xây dựng tổ chức công đoàn vững mạnh
- Rà soát số lao động chưa gia nhập công đoàn tại các bệnh viện tư nhân, phòng khám đa khoa; hướng dẫn thành lập CĐCS tại các đơn vị có từ 05 lao động trở lên.
- Bồi dưỡng nghiệp vụ cho cán bộ công đoàn cơ sở mới được bầu, nhất là chủ tịch CĐCS khu vực ngoài công lập.
## IV. TỔ CHỨC THỰC HIỆN
1. Ban Thường vụ Công đoàn ngành phân công các đồng chí Ủy viên Ban Thường vụ phụ trách từng cụm thi đua, theo dõi, đôn đốc việc thực hiện kế hoạch.
2. Các CĐCS căn cứ kế hoạch này xây dựng chương trình công tác năm 2022, gửi về Công đoàn ngành trước ngày 28/02/2022; báo cáo sơ kết 6 tháng trước ngày 15/6/2022 và tổng kết năm trước ngày 10/12/2022.
Trên đây là Kế hoạch thực hiện nhiệm vụ công tác Công đoàn năm 2022 của Công đoàn ngành Y tế Nghệ An./.
""",
        recipients=["- LĐLĐ tỉnh (b/c);", "- Công đoàn Y tế Việt Nam (b/c);", "- Sở Y tế (p/h);",
                    "- Các CĐCS trực thuộc (t/h);", "- Lưu: VT, VP."],
        signing=["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "", "", "Hoàng Thị Minh Nguyệt"],
    ),
    Dispatch(
        name="02",
        header_left=["UBND HUYỆN ĐỨC THỌ", "_PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "", "Số: 312/PGDĐT-TCCB",
                     "~V/v hướng dẫn tổ chức Hội nghị", "~cán bộ, công chức, viên chức và",
                     "~người lao động năm học 2023 - 2024"],
        header_right=QH + ["/Đức Thọ, ngày 05 tháng 10 năm 2023"],
        addressees=["Hiệu trưởng các trường Mầm non, Tiểu học, THCS trên địa bàn huyện;",
                    "Chủ tịch Công đoàn cơ sở các trường học."],
        body="""
Thực hiện Thông tư số 11/2020/TT-BGDĐT ngày 19/5/2020 của Bộ Giáo dục và Đào tạo hướng dẫn thực hiện dân chủ trong hoạt động của cơ sở giáo dục công lập; Công văn số 2145/SGDĐT-TCCB ngày 25/9/2023 của Sở Giáo dục và Đào tạo Hà Tĩnh về việc tổ chức Hội nghị cán bộ, công chức, viên chức năm học 2023 - 2024, Phòng Giáo dục và Đào tạo hướng dẫn các đơn vị tổ chức Hội nghị như sau:
## 1. Thời gian tổ chức
Các đơn vị hoàn thành việc tổ chức Hội nghị trước ngày 31/10/2023. Lịch tổ chức cụ thể đăng ký về Phòng GD&ĐT (qua bộ phận Tổ chức cán bộ) trước ngày 12/10/2023 để bố trí cán bộ dự.
## 2. Nội dung Hội nghị
- Kiểm điểm việc thực hiện nghị quyết Hội nghị năm học 2022 - 2023; thảo luận, biểu quyết các chỉ tiêu, nhiệm vụ năm học 2023 - 2024.
- Sửa đổi, bổ sung quy chế chi tiêu nội bộ, quy chế thực hiện dân chủ ở cơ sở; cập nhật mức lương cơ sở theo Nghị định số 24/2023/NĐ-CP ngày 14/5/2023 của Chính phủ.
- Khen thưởng tập thể, cá nhân có thành tích xuất sắc năm học 2022 - 2023; ký kết giao ước thi đua giữa các tổ chuyên môn.
## 3. Thành phần
Toàn thể cán bộ, giáo viên, nhân viên trong đơn vị. Đơn vị có từ 100 người trở lên thì tổ chức Hội nghị đại biểu; số đại biểu không dưới 50% tổng số người lao động.
## 4. Hồ sơ báo cáo
Sau Hội nghị, các đơn vị gửi về Phòng GD&ĐT 01 bộ hồ sơ gồm: biên bản, nghị quyết Hội nghị và các quy chế đã sửa đổi, hạn cuối ngày 10/11/2023.
Nhận được công văn này, đề nghị Hiệu trưởng, Chủ tịch Công đoàn cơ sở các trường nghiêm túc triển khai thực hiện. Trong quá trình thực hiện nếu có vướng mắc, liên hệ đồng chí Lê Văn Tâm, chuyên viên phòng, số điện thoại 0912.345.678 để được hướng dẫn./.
""",
        recipients=["- Như trên;", "- UBND huyện (b/c);", "- Công đoàn Giáo dục huyện (p/h);",
                    "- Lãnh đạo Phòng;", "- Lưu: VT, TCCB."],
        signing=["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "", "", "", "Phan Thị Lan Anh"],
    ),
    Dispatch(
        name="03",
        header_left=["LĐLĐ THÀNH PHỐ HẢI PHÒNG", "*LIÊN ĐOÀN LAO ĐỘNG", "_QUẬN NGÔ QUYỀN", "",
                     "Số: 09/PĐ-LĐLĐ"],
        header_right=QH + ["", "/Ngô Quyền, ngày 06 tháng 3 năm 2023"],
        title=["PHÁT ĐỘNG THI ĐUA", "=lập thành tích chào mừng Đại hội Công đoàn quận Ngô Quyền",
               "=lần thứ XX, nhiệm kỳ 2023 - 2028"],
        body="""
Năm 2023 là năm diễn ra Đại hội Công đoàn các cấp tiến tới Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023 - 2028. Thực hiện Kế hoạch số 35/KH-LĐLĐ ngày 16/02/2023 của Liên đoàn Lao động thành phố Hải Phòng về tổ chức phong trào thi đua chào mừng Đại hội Công đoàn các cấp, Ban Chấp hành Liên đoàn Lao động quận Ngô Quyền phát động phong trào thi đua trong cán bộ, đoàn viên, người lao động và các cấp công đoàn trong quận với các nội dung sau:
## 1. Chủ đề thi đua
“Đoàn kết, đổi mới, sáng tạo - Chăm lo thiết thực vì đoàn viên, người lao động”.
## 2. Nội dung thi đua
2.1. Thi đua tổ chức thành công Đại hội CĐCS và Đại hội Công đoàn quận lần thứ XX; 100% CĐCS hoàn thành Đại hội đúng thời gian, đảm bảo nguyên tắc, điều lệ.
2.2. Thi đua phát triển đoàn viên, thành lập CĐCS: phấn đấu phát triển mới ít nhất 450 đoàn viên, thành lập mới từ 05 CĐCS trở lên tại các doanh nghiệp ngoài khu vực nhà nước.
2.3. Thi đua “Lao động giỏi, Lao động sáng tạo”: mỗi CĐCS có ít nhất 01 sáng kiến, giải pháp được cấp có thẩm quyền công nhận; 90% CĐCS doanh nghiệp ký kết thỏa ước lao động tập thể.
2.4. Thi đua chăm lo đời sống đoàn viên: tổ chức “Tháng Công nhân” năm 2023 thiết thực, hiệu quả; vận động ủng hộ Quỹ “Mái ấm Công đoàn” đạt 200 triệu đồng.
## 3. Thời gian thi đua
Phong trào thi đua được chia làm hai đợt:
- Đợt 1: Từ tháng 3/2023 đến ngày 30/6/2023, thi đua chào mừng Đại hội CĐCS, kỷ niệm Ngày Quốc tế Lao động 01/5 và Tháng Công nhân năm 2023.
- Đợt 2: Từ ngày 01/7/2023 đến hết tháng 11/2023, thi đua lập thành tích chào mừng Đại hội Công đoàn quận lần thứ XX và kỷ niệm 94 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2023).
## 4. Khen thưởng
Kết thúc phong trào, Liên đoàn Lao động quận xét tặng Giấy khen cho 15 tập thể và 30 cá nhân có thành tích xuất sắc; đề nghị Liên đoàn Lao động thành phố tặng Bằng khen cho các tập thể, cá nhân tiêu biểu.
Ban Chấp hành Liên đoàn Lao động quận Ngô Quyền kêu gọi cán bộ, đoàn viên, người lao động và các cấp công đoàn trong quận hăng hái thi đua, lập thành tích chào mừng Đại hội Công đoàn các cấp./.
""",
        recipients=["- LĐLĐ thành phố (b/c);", "- Thường trực Quận ủy (b/c);", "- UBND quận (p/h);",
                    "- Các CĐCS trực thuộc (t/h);", "- Lưu: VT."],
        signing=["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "(Đã ký)", "", "Vũ Thị Thu Trang"],
    ),
    Dispatch(
        name="04",
        header_left=["CĐ GIÁO DỤC HUYỆN KRÔNG PẮC", "_CĐCS TRƯỜNG TH KIM ĐỒNG", "", "Số: 07/BC-CĐCS"],
        header_right=QH + ["/Krông Pắc, ngày 26 tháng 5 năm 2017"],
        title=["BÁO CÁO", "Tổng kết hoạt động Công đoàn năm học 2016 - 2017",
               "và phương hướng nhiệm vụ năm học 2017 - 2018"],
        body="""
## A. KẾT QUẢ HOẠT ĐỘNG NĂM HỌC 2016 - 2017
## I. Đặc điểm tình hình
Tổng số cán bộ, giáo viên, nhân viên: 32 người, trong đó đoàn viên công đoàn 32, nữ 27. Nhà trường có 18 lớp với 512 học sinh.
## II. Kết quả thực hiện các nhiệm vụ
### 1. Công tác chăm lo đời sống, bảo vệ quyền lợi
- 100% đoàn viên được hưởng đầy đủ, kịp thời các chế độ, chính sách theo quy định.
- Thăm hỏi 12 lượt đoàn viên ốm đau với tổng số tiền 3,6 triệu đồng.
### 2. Công tác thi đua
- Có 28/32 đồng chí đạt danh hiệu Lao động tiên tiến, 04 đồng chí đạt Chiến sĩ thi đua cơ sở.
- 05 sáng kiến kinh nghiệm được Hội đồng khoa học huyện công nhận.
- Tập thể nhà trường đạt danh hiệu Tập thể Lao động tiên tiến.
### 3. Công tác phát triển đoàn viên
- Kết nạp mới 02 đoàn viên; giới thiệu 01 đoàn viên ưu tú cho chi bộ, đã được kết nạp Đảng.
## III. Đánh giá chung
Công đoàn cơ sở hoàn thành tốt nhiệm vụ năm học; tuy nhiên việc tổ chức các hoạt động văn hóa, thể thao còn ít, chưa thu hút đông đảo đoàn viên tham gia.
## B. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM HỌC 2017 - 2018
## I. Nhiệm vụ trọng tâm
Tiếp tục thực hiện cuộc vận động “Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo” gắn với phong trào thi đua “Đổi mới, sáng tạo trong dạy và học”; thực hiện tốt Nghị quyết Đại hội XI Công đoàn Việt Nam.
## II. Chỉ tiêu phấn đấu
- 100% đoàn viên chấp hành tốt chủ trương của Đảng, chính sách pháp luật của Nhà nước, không có đoàn viên vi phạm kỷ luật.
- Phấn đấu có 90% đoàn viên đạt danh hiệu Lao động tiên tiến, trong đó có ít nhất 05 đồng chí đạt Chiến sĩ thi đua cơ sở.
- Có từ 04 sáng kiến kinh nghiệm trở lên được công nhận cấp huyện.
- 100% nữ đoàn viên đạt danh hiệu “Giỏi việc trường, đảm việc nhà”.
- Giới thiệu 02 đoàn viên ưu tú cho chi bộ bồi dưỡng, xem xét kết nạp Đảng.
- Công đoàn cơ sở đạt danh hiệu vững mạnh xuất sắc.
## III. Giải pháp thực hiện
- Phối hợp với chuyên môn tổ chức tốt Hội nghị cán bộ, công chức, viên chức đầu năm học trước ngày 30/9/2017.
- Duy trì sinh hoạt Ban Chấp hành định kỳ mỗi tháng 01 lần.
Trên đây là báo cáo tổng kết hoạt động Công đoàn năm học 2016 - 2017 và phương hướng nhiệm vụ năm học 2017 - 2018 của Công đoàn cơ sở Trường Tiểu học Kim Đồng./.
""",
        recipients=["- CĐGD huyện (b/c);", "- Chi bộ, BGH nhà trường (b/c);", "- Lưu: CĐCS."],
        signing=["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "", "Nguyễn Thị Thu Hiền"],
    ),
    Dispatch(
        name="05",
        header_left=["UBND TỈNH QUẢNG NGÃI", "*SỞ LAO ĐỘNG - THƯƠNG BINH", "_VÀ XÃ HỘI", "",
                     "Số: 1520/TB-SLĐTBXH"],
        header_right=QH + ["", "/Quảng Ngãi, ngày 12 tháng 8 năm 2021"],
        title=["THÔNG BÁO", "Về việc tiếp nhận hồ sơ đề nghị hỗ trợ người lao động",
               "gặp khó khăn do đại dịch COVID-19"],
        body="""
Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ về một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19; Quyết định số 23/2021/QĐ-TTg ngày 07/7/2021 của Thủ tướng Chính phủ quy định việc thực hiện một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19 và Kế hoạch số 105/KH-UBND ngày 20/7/2021 của UBND tỉnh Quảng Ngãi, Sở Lao động - Thương binh và Xã hội thông báo như sau:
## 1. Đối tượng và mức hỗ trợ
- Người lao động tạm hoãn thực hiện hợp đồng lao động, nghỉ việc không hưởng lương từ 15 ngày liên tục trở lên: mức hỗ trợ 1.855.000 đồng/người đối với trường hợp từ 15 ngày đến dưới 01 tháng; 3.710.000 đồng/người đối với trường hợp từ 01 tháng trở lên.
- Người lao động ngừng việc từ 14 ngày trở lên trong thời gian thực hiện hợp đồng lao động: mức hỗ trợ 1 triệu đồng/người.
## 2. Thời gian và địa điểm tiếp nhận hồ sơ
- Thời gian: từ ngày 15/8/2021 đến hết ngày 31/12/2021 (trong giờ hành chính các ngày làm việc).
- Địa điểm: Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi, số 54 đường Hùng Vương, thành phố Quảng Ngãi.
## 3. Hồ sơ đề nghị
- Văn bản đề nghị của người sử dụng lao động theo Mẫu số 01 ban hành kèm theo Quyết định số 23/2021/QĐ-TTg;
- Danh sách người lao động đề nghị hỗ trợ có xác nhận của cơ quan bảo hiểm xã hội.
Sở Lao động - Thương binh và Xã hội thông báo để các doanh nghiệp, người lao động trên địa bàn tỉnh biết, thực hiện. Mọi thông tin chi tiết xin liên hệ Phòng Lao động - Việc làm, điện thoại 0255.3822.417./.
""",
        recipients=["- Bộ LĐTBXH (b/c);", "- UBND tỉnh (b/c);", "- LĐLĐ tỉnh (p/h);",
                    "- UBND các huyện, thị xã, thành phố (p/h);", "- Cổng thông tin điện tử Sở (đăng tải);",
                    "- Lưu: VT, LĐ-VL."],
        signing=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Võ Thị Kim Liên"],
    ),
    Dispatch(
        name="06",
        header_left=["TỔNG LĐLĐ VIỆT NAM", "_LĐLĐ TỈNH HÀ NAM", "", "Số: 96/QĐ-LĐLĐ"],
        header_right=QH + ["/Hà Nam, ngày 28 tháng 12 năm 2020"],
        title=["QUYẾT ĐỊNH", "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc",
               "trong phong trào thi đua “Xanh - Sạch - Đẹp, bảo đảm an toàn",
               "vệ sinh lao động” năm 2020", "", "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ NAM"],
        body="""
Căn cứ Luật Công đoàn năm 2012; Điều lệ Công đoàn Việt Nam;
Căn cứ Quy chế khen thưởng của Liên đoàn Lao động tỉnh ban hành kèm theo Quyết định số 45/QĐ-LĐLĐ ngày 12/3/2019 của Ban Thường vụ Liên đoàn Lao động tỉnh;
Xét đề nghị của Ban Chính sách - Pháp luật Liên đoàn Lao động tỉnh,
!QUYẾT ĐỊNH:
Điều 1. Tặng Giấy khen của Ban Thường vụ Liên đoàn Lao động tỉnh cho 08 tập thể và 15 cá nhân đã có thành tích xuất sắc trong phong trào thi đua “Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động” năm 2020 (có danh sách kèm theo).
Điều 2. Mỗi tập thể được thưởng 600.000 đồng, mỗi cá nhân được thưởng 300.000 đồng, trích từ nguồn kinh phí khen thưởng của Liên đoàn Lao động tỉnh.
Điều 3. Văn phòng, Ban Chính sách - Pháp luật, Ban Tài chính Liên đoàn Lao động tỉnh và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành./.
""",
        recipients=["- Như Điều 3;", "- Thường trực LĐLĐ tỉnh;", "- Lưu: VT, CSPL."],
        signing=["TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "(Đã ký)", "", "Trần Văn Thịnh"],
    ),
    Dispatch(
        name="07",
        header_left=["LĐLĐ HUYỆN VĂN LÂM", "*CÔNG ĐOÀN CƠ SỞ", "_CÔNG TY TNHH MAY PHỐ NỐI", "",
                     "Số:        /TTr-CĐCS"],
        header_right=QH + ["", "/Văn Lâm, ngày       tháng 6 năm 2024"],
        title=["TỜ TRÌNH", "Về việc đề nghị hỗ trợ kinh phí tổ chức “Tháng Công nhân” năm 2024"],
        addressees=["Ban Thường vụ Liên đoàn Lao động huyện Văn Lâm."],
        body="""
Căn cứ Kế hoạch số 15/KH-LĐLĐ ngày 05/3/2024 của Liên đoàn Lao động huyện Văn Lâm về tổ chức “Tháng Công nhân” và “Tháng hành động về an toàn, vệ sinh lao động” năm 2024;
Công đoàn cơ sở Công ty TNHH May Phố Nối hiện có 1.250 đoàn viên, trong đó nữ chiếm 82%; nhiều đoàn viên là lao động ngoại tỉnh, thuê trọ, thu nhập thấp. Để chăm lo thiết thực cho đoàn viên, người lao động nhân dịp “Tháng Công nhân”, Ban Chấp hành Công đoàn cơ sở kính trình Ban Thường vụ Liên đoàn Lao động huyện xem xét hỗ trợ kinh phí tổ chức các hoạt động sau:
1. Tổ chức “Bữa cơm công đoàn” cho 1.250 đoàn viên, người lao động, dự kiến kinh phí 62,5 triệu đồng.
2. Thăm hỏi, tặng quà 40 đoàn viên có hoàn cảnh đặc biệt khó khăn, mỗi suất quà trị giá 500.000 đồng.
3. Tổ chức giải bóng đá nam, kéo co nữ chào mừng “Tháng Công nhân”.
Tổng kinh phí đề nghị hỗ trợ: 45.000.000 đồng (Bằng chữ: Bốn mươi lăm triệu đồng chẵn); phần còn lại do Công đoàn cơ sở và Công ty đối ứng.
Ban Chấp hành Công đoàn cơ sở Công ty TNHH May Phố Nối kính trình Ban Thường vụ Liên đoàn Lao động huyện xem xét, quyết định./.
""",
        recipients=["- Như kính gửi;", "- Ban Giám đốc Công ty (để biết);", "- Lưu: BCH CĐCS."],
        signing=["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "", "Đỗ Văn Quyết"],
    ),
    Dispatch(
        name="08",
        header_left=["UBND TỈNH ĐỒNG NAI", "_SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", "Số: 58/GTT-SGDĐT"],
        header_right=QH + ["/Đồng Nai, ngày 10 tháng 01 năm 2025"],
        title=["GIẤY TRIỆU TẬP", "Cán bộ, giáo viên làm nhiệm vụ chấm thi chọn học sinh giỏi",
               "cấp tỉnh lớp 12 năm học 2024 - 2025"],
        addressees=["Hiệu trưởng các trường THPT, phổ thông nhiều cấp học;",
                    "Giám đốc Trung tâm GDNN-GDTX các huyện, thành phố."],
        body="""
Căn cứ Quyết định số 15/QĐ-SGDĐT ngày 08/01/2025 của Giám đốc Sở Giáo dục và Đào tạo về việc thành lập Hội đồng chấm thi chọn học sinh giỏi cấp tỉnh lớp 12 năm học 2024 - 2025;
Sở Giáo dục và Đào tạo triệu tập các ông (bà) có tên trong danh sách kèm theo về làm nhiệm vụ chấm thi, cụ thể như sau:
1. Thời gian: 07 giờ 30 phút, thứ Bảy, ngày 18/01/2025 (làm việc trong 05 ngày, từ ngày 18/01/2025 đến hết ngày 22/01/2025).
2. Địa điểm: Trường THPT chuyên Lương Thế Vinh, số 02 đường Nguyễn Văn Trị, phường Thanh Bình, thành phố Biên Hòa.
3. Yêu cầu:
- Cán bộ, giáo viên được triệu tập mang theo Căn cước công dân, bút chấm màu đỏ; có mặt đúng giờ, không được cử người thay thế.
- Thủ trưởng các đơn vị tạo điều kiện để cán bộ, giáo viên tham gia đầy đủ thời gian chấm thi.
Chế độ bồi dưỡng chấm thi thực hiện theo Nghị quyết số 12/2019/NQ-HĐND ngày 11/7/2019 của Hội đồng nhân dân tỉnh Đồng Nai./.
""",
        recipients=["- Như trên;", "- Giám đốc, các PGĐ Sở;", "- Lưu: VT, QLCL."],
        signing=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Nguyễn Thị Mỹ Hạnh"],
    ),
    Dispatch(
        name="09",
        header_left=["TỈNH ĐOÀN PHÚ THỌ", "*BCH ĐOÀN HUYỆN TAM NÔNG", "***", "Số: 42-KH/ĐTN"],
        header_right=["_ĐOÀN TNCS HỒ CHÍ MINH", "", "", "/Tam Nông, ngày 01 tháng 3 năm 2023"],
        title=["KẾ HOẠCH", "Tổ chức Hội thi “Thanh niên Tam Nông với pháp luật” năm 2023"],
        body="""
Thực hiện Chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2023; nhằm nâng cao nhận thức, ý thức chấp hành pháp luật cho đoàn viên, thanh niên, Ban Thường vụ Huyện đoàn Tam Nông xây dựng Kế hoạch tổ chức Hội thi “Thanh niên Tam Nông với pháp luật” năm 2023, cụ thể như sau:
## I. MỤC ĐÍCH, YÊU CẦU
- Tuyên truyền, phổ biến Luật Thanh niên năm 2020, Luật Phòng, chống ma túy, Luật Giao thông đường bộ đến đoàn viên, thanh niên.
- Phấn đấu 100% cơ sở Đoàn tổ chức cho đoàn viên tham gia Hội thi; có ít nhất 1.200 lượt đoàn viên, thanh niên dự thi vòng sơ khảo.
## II. ĐỐI TƯỢNG, HÌNH THỨC
Đoàn viên, thanh niên từ 16 đến 30 tuổi đang sinh hoạt tại các cơ sở Đoàn trực thuộc Huyện đoàn. Mỗi cơ sở Đoàn thành lập 01 đội thi gồm 03 thành viên tham dự vòng chung khảo.
## III. THỜI GIAN, NỘI DUNG CÁC VÒNG THI
1. Vòng sơ khảo: từ ngày 15/3/2023 đến ngày 31/3/2023. Thí sinh làm bài thi trắc nghiệm trực tuyến gồm 30 câu hỏi, thời gian làm bài 20 phút.
2. Vòng chung khảo: ngày 15/4/2023, tại Hội trường Trung tâm Văn hóa huyện, gồm các phần thi: chào hỏi, kiến thức, xử lý tình huống.
## IV. CƠ CẤU GIẢI THƯỞNG
- Vòng sơ khảo: 01 giải Nhất, 02 giải Nhì, 03 giải Ba cho cá nhân có kết quả cao nhất.
- Vòng chung khảo: 01 giải Nhất (1.500.000 đồng), 02 giải Nhì (1.000.000 đồng/giải), 03 giải Ba (700.000 đồng/giải) và 04 giải Khuyến khích.
## V. TỔ CHỨC THỰC HIỆN
1. Ban Thường vụ Huyện đoàn: giao Ban Tuyên giáo Huyện đoàn xây dựng đề thi, thể lệ; phối hợp với Phòng Tư pháp huyện tổ chức Hội thi.
2. Các cơ sở Đoàn: tuyên truyền, vận động đoàn viên tham gia; đăng ký đội thi về Huyện đoàn (qua Ban Tuyên giáo) trước ngày 05/4/2023.
""",
        recipients=["- BTV Tỉnh đoàn (b/c);", "- TT Huyện ủy (b/c);", "- Phòng Tư pháp huyện (p/h);",
                    "- Các cơ sở Đoàn (t/h);", "- Lưu: VP."],
        signing=["TM. BAN THƯỜNG VỤ HUYỆN ĐOÀN", "BÍ THƯ", "", "", "", "Hà Minh Tuấn"],
    ),
    Dispatch(
        name="10",
        header_left=["*ỦY BAN NHÂN DÂN", "_HUYỆN CAM LÂM", "", "Số: 1875/UBND-LĐTBXH",
                     "~V/v triển khai Tháng hành động về", "~an toàn, vệ sinh lao động năm 2016"],
        header_right=QH + ["/Cam Lâm, ngày 20 tháng 4 năm 2016"],
        addressees=["Các cơ quan, ban, ngành thuộc huyện;", "UBND các xã, thị trấn;",
                    "Các doanh nghiệp đóng trên địa bàn huyện."],
        body="""
Thực hiện Công văn số 1120/UBND-KGVX ngày 08/4/2016 của UBND tỉnh Khánh Hòa về việc tổ chức Tháng hành động về an toàn, vệ sinh lao động năm 2016, Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị, địa phương thực hiện tốt các nội dung sau:
1. Thời gian: Tháng hành động được tổ chức từ ngày 01/5/2016 đến ngày 31/5/2016 với chủ đề “Tăng cường công tác an toàn, vệ sinh lao động trong các ngành nghề có nguy cơ cao về tai nạn lao động và bệnh nghề nghiệp”.
2. Chỉ tiêu: Phấn đấu giảm ít nhất 5% số vụ tai nạn lao động chết người so với năm 2015; tần suất tai nạn lao động không quá 1,5 vụ/1.000 lao động; 100% doanh nghiệp thuộc ngành nghề có nguy cơ cao tổ chức huấn luyện an toàn, vệ sinh lao động cho người lao động; trên 70% doanh nghiệp trên địa bàn tổ chức khám sức khỏe định kỳ cho người lao động.
3. Nhiệm vụ cụ thể
a) Phòng Lao động - Thương binh và Xã hội: chủ trì, phối hợp với Liên đoàn Lao động huyện tổ chức Lễ phát động Tháng hành động cấp huyện; kiểm tra việc thực hiện pháp luật về an toàn, vệ sinh lao động tại ít nhất 15 doanh nghiệp.
b) Liên đoàn Lao động huyện: chỉ đạo CĐCS phối hợp với người sử dụng lao động tổ chức các hoạt động hưởng ứng Tháng hành động; vận động ủng hộ Quỹ Bảo trợ nạn nhân tai nạn lao động.
c) UBND các xã, thị trấn: tuyên truyền trên hệ thống truyền thanh cơ sở; treo băng rôn, khẩu hiệu tại trung tâm xã, thị trấn.
d) Các doanh nghiệp: rà soát, đánh giá nguy cơ rủi ro; tổ chức huấn luyện, khám sức khỏe định kỳ cho người lao động.
Các cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện về UBND huyện (qua Phòng Lao động - Thương binh và Xã hội) trước ngày 10/6/2016 để tổng hợp, báo cáo UBND tỉnh./.
""",
        recipients=["- Như trên;", "- UBND tỉnh (b/c);", "- Sở LĐTBXH tỉnh (b/c);",
                    "- TT Huyện ủy, TT HĐND huyện (b/c);", "- CT, các PCT UBND huyện;", "- Lưu: VT, LĐTBXH."],
        signing=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Nguyễn Văn Mạnh"],
    ),
]


# ---------------------------------------------------------------- Word typesetting

def _font(run, size: float, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _para(container, text: str, size: float, align=WD_ALIGN_PARAGRAPH.JUSTIFY, bold=False, italic=False,
          underline=False, first_indent: float | None = None, left_indent: float | None = None,
          after: float = 3.0):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.1
    if first_indent is not None:
        fmt.first_line_indent = Cm(first_indent)
    if left_indent is not None:
        fmt.left_indent = Cm(left_indent)
    if text:
        _font(p.add_run(text), size, bold, italic, underline)
    return p


def _column_line(cell, line: str, size: float, first: bool) -> None:
    """One header/footer column line; prefix "*" bold, "_" bold underlined, "/" italic, "~" small."""
    bold = underline = italic = False
    if line.startswith("*"):
        line, bold = line[1:], True
    elif line.startswith("_"):
        line, bold, underline = line[1:], True, True
    elif line.startswith("/"):
        line, italic = line[1:], True
    elif line.startswith("~"):
        line, size = line[1:], size - 1
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    if line:
        _font(p.add_run(line), size, bold, italic, underline)


def _two_columns(doc, left_width: float, right_width: float):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    props = table._tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(round((left_width + right_width) * 567)))
    total.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    for old in props.findall(qn("w:tblW")):
        props.remove(old)
    props.append(total)
    props.append(layout)
    for cell, width in zip(table.rows[0].cells, (left_width, right_width)):
        cell.width = Cm(width)
    for col, width in zip(table.columns, (left_width, right_width)):
        col.width = Cm(width)
    return table.rows[0].cells


def build_docx(d: Dispatch, path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    text_width = 21.0 - 3.0 - 1.5
    size = d.font_size

    left, right = _two_columns(doc, d.left_width, text_width - d.left_width)
    for i, line in enumerate(d.header_left):
        number_or_subject = line.startswith(("Số", "~"))
        _column_line(left, line, 12.5 if number_or_subject else 11.5, i == 0)
    for i, line in enumerate(d.header_right):
        _column_line(right, line, 12.5 if i else 11.0, i == 0)
    _para(doc, "", size, after=6)

    for i, line in enumerate(d.title):
        if line.startswith("="):
            line = line[1:]
        _para(doc, line, 14.5 if i == 0 else 14, WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=0)
    if d.title:
        _para(doc, "", size, after=4)

    if len(d.addressees) == 1:
        _para(doc, f"Kính gửi: {d.addressees[0]}", 14, WD_ALIGN_PARAGRAPH.CENTER, after=8)
    elif d.addressees:
        for i, item in enumerate(d.addressees):
            lead = "Kính gửi:\t" if i == 0 else ""
            p = _para(doc, f"{lead}- {item}", 14, WD_ALIGN_PARAGRAPH.LEFT, left_indent=4.0, after=2)
            p.paragraph_format.first_line_indent = Cm(-2.5 if i == 0 else 0)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(4.0))
        p.paragraph_format.space_after = Pt(8)

    for raw in d.body.strip().splitlines():
        line = raw.strip()
        if line.startswith("## "):
            _para(doc, line[3:], size, bold=True, first_indent=1.0)
        elif line.startswith("### "):
            _para(doc, line[4:], size, bold=True, italic=True, first_indent=1.0)
        elif line.startswith("!"):
            _para(doc, line[1:], 14, WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=6)
        else:
            _para(doc, line, size, first_indent=1.0)
    _para(doc, "", size)

    left, right = _two_columns(doc, 7.2, text_width - 7.2)
    p = left.paragraphs[0]
    _font(p.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for item in d.recipients:
        q = left.add_paragraph()
        q.paragraph_format.space_after = Pt(0)
        _font(q.add_run(item), 11)
    for i, line in enumerate(d.signing):
        is_name = i == len(d.signing) - 1
        italic = line.startswith("(")
        p = right.paragraphs[0] if i == 0 else right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        if line:
            _font(p.add_run(line), 13, bold=not italic, italic=italic)
        if is_name:
            p.paragraph_format.space_before = Pt(24)

    doc.core_properties.author = "Văn thư"
    doc.core_properties.title = d.title[0] if d.title else "Công văn"
    buf = io.BytesIO()
    doc.save(buf)
    _rezip_fixed_time(buf.getvalue(), path)


def _rezip_fixed_time(blob: bytes, path: Path) -> None:
    """python-docx stamps zip members with the current time; fix it so a rebuild is byte-identical."""
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)


def convert(paths: list[Path], target: str, outdir: Path) -> None:
    """LibreOffice headless conversion with a private profile (so a running office is not disturbed)."""
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", target,
           "--outdir", str(outdir), *map(str, paths)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


# ---------------------------------------------------------------- scanner

@dataclass(frozen=True)
class Scanner:
    max_skew: float
    blur: float  # Gaussian radius at 300 dpi
    noise: float  # grey-level sigma
    specks: int  # dark specks per page
    ink: float  # how dark the darkest ink comes out (1 = black)
    shade: float  # depth of the uneven-lighting gradient, grey levels
    dpi: int
    quality: int


SCAN = Scanner(max_skew=1.2, blur=0.8, noise=4.0, specks=150, ink=0.95, shade=14.0, dpi=200, quality=60)
HARD = Scanner(max_skew=2.5, blur=1.1, noise=12.0, specks=400, ink=0.9, shade=20.0, dpi=150, quality=40)


def degrade(page: Image.Image, s: Scanner, rng: np.random.Generator) -> Image.Image:
    """A 300 dpi greyscale page as an office scanner returns it at s.dpi."""
    angle = float(rng.uniform(-s.max_skew, s.max_skew))
    img = page.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(s.blur))
    a = np.asarray(img, dtype=np.float32)
    a = 255.0 - (255.0 - a) * s.ink
    h, w = a.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = rng.uniform(-1, 1, size=2)
    light = s.shade * (gx * xx / w + gy * yy / h + 0.5 * np.sin(np.pi * xx / w))
    a = a - np.abs(light) - 6.0  # paper is never pure white
    for _ in range(s.specks):
        y, x = int(rng.integers(0, h)), int(rng.integers(0, w))
        r = int(rng.integers(1, 4))
        a[max(0, y - r):y + r, max(0, x - r):x + r] *= rng.uniform(0.2, 0.7)
    a += rng.normal(0, s.noise, size=a.shape).astype(np.float32)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    return out.resize((round(w * s.dpi / 300), round(h * s.dpi / 300)), Image.LANCZOS)


def scan_pdf(pdf: Path, out: Path, s: Scanner, seed: int) -> None:
    rng = np.random.default_rng(seed)
    pages = []
    document = pdfium.PdfDocument(str(pdf))
    for page in document:
        image = page.render(scale=300 / 72, grayscale=True).to_pil().convert("L")
        pages.append(degrade(image, s, rng))
    document.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(out, "PDF", resolution=s.dpi, save_all=True, append_images=pages[1:], quality=s.quality,
                  optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    docx_dir = OUT / "docx"
    docx_dir.mkdir(exist_ok=True)
    docx_paths = []
    for d in DISPATCHES:
        path = docx_dir / f"{d.name}.docx"
        build_docx(d, path)
        docx_paths.append(path)
    convert(docx_paths, "doc:MS Word 97", OUT / "doc")
    convert(docx_paths, "pdf:writer_pdf_Export", OUT / "pdf")
    for d in DISPATCHES:
        seed = zlib.crc32(d.name.encode())
        pdf = OUT / "pdf" / f"{d.name}.pdf"
        scan_pdf(pdf, OUT / "scan" / f"{d.name}.pdf", SCAN, seed)
        scan_pdf(pdf, OUT / "hard" / f"{d.name}.pdf", HARD, seed + 1)
    shutil.rmtree(Path(LO_PROFILE.removeprefix("file://")), ignore_errors=True)
    for form in ("docx", "doc", "pdf", "scan", "hard"):
        files = sorted((OUT / form).iterdir())
        size = sum(f.stat().st_size for f in files)
        print(f"{form:5} {len(files):2} files {size / 1e6:5.2f} MB")


if __name__ == "__main__":
    main()

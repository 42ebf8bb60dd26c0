"""A born-digital PDF of any number of pages: a real dispatch's text, set in DejaVu Serif, page after page.

`write_long_pdf(path, pages)` is what `benchmarks/large_pdf_benchmark.py` and the tests of long documents read.
"""
from __future__ import annotations

from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
HEADER = ["LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Số: 708/LĐLĐ-CTCS", "Quảng Trị, ngày 22 tháng 02 năm 2021",
          "KẾ HOẠCH", "Tổ chức phong trào thi đua lao động giỏi, lao động sáng tạo năm 2021"]
BODY = ["Phát triển trên 1.500 đoàn viên công đoàn trong các doanh nghiệp ngoài nhà nước trên địa bàn tỉnh;",
        "100% công đoàn cơ sở khu vực hành chính sự nghiệp phối hợp tổ chức Hội nghị cán bộ công chức;",
        "Thu kinh phí công đoàn doanh nghiệp đã có tổ chức công đoàn đạt trên 95% so với kế hoạch được giao;",
        "Các cấp công đoàn tăng cường công tác tuyên truyền, vận động người lao động hưởng ứng phong trào;",
        "Tổ chức sơ kết, tổng kết, khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc."]


def write_long_pdf(path: Path, pages: int) -> Path:
    """`pages` A4 pages of Vietnamese text with a text layer (the header on the first, a numbered body after)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT)))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number in range(1, pages + 1):
        pdf.setFont("DejaVuSerif", 11)
        y = height - 60
        lines = HEADER if number == 1 else []
        lines = lines + [f"{number}.{n} {BODY[(number + n) % len(BODY)]}" for n in range(1, 31)]
        for line in lines:
            pdf.drawString(50, y, line[:95])
            y -= 22
            if y < 60:
                break
        pdf.drawString(width / 2, 30, f"- {number} -")
        pdf.showPage()
    pdf.save()
    return path

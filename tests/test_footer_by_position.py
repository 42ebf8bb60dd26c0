"""The footer's two parts found by position: where the parser saw "Nơi nhận:" in the left column of a two-column
region, the list reads its column and the signing block the other (Nghị định 30/2020/NĐ-CP, Phụ lục I: Nơi nhận
left, the signing block right). Plain text has no positions: both read the whole footer and step over the other
part's lines, which a seal's ring read as words (a scan with an OCR text layer) or a line the list does not
recognise as a signing line defeats."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import document
from extractors import extract_record
from extractors.parse import parse_dispatch
from models.document import ACROSS, LEFT, RIGHT
from models.record import Recipient, Signatory
from pipeline.acquire import read_document
from pipeline.options import Options
from pipeline.store import LedgerEntry, Store, now

HEADER = [("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          ("Số: 71/LĐLĐ-TC", "Độc lập - Tự do - Hạnh phúc"),
          ("V/v tổ chức hội nghị người lao động", "Quảng Trị, ngày 5 tháng 3 năm 2024")]
BODY = ["Kính gửi: Các công đoàn cơ sở trực thuộc",
        "Ban Thường vụ Liên đoàn Lao động tỉnh đề nghị các công đoàn cơ sở tổ chức hội nghị",
        "người lao động năm 2024 trước ngày 30/3/2024, phấn đấu 100% đơn vị tổ chức hội nghị./."]
# The list's last item is left open (no ";" or "."), as offices often leave it; the seal's ring, read as words,
# lies in the signing block between the chức vụ and the name.
FOOTER = [("Nơi nhận:", "TM. BAN THƯỜNG VỤ"), ("- Như trên;", "CHỦ TỊCH"),
          ("- Thường trực Tỉnh ủy", "liên đoàn lao động tỉnh"), ("", ""), ("", "Nguyễn Văn Hùng")]
RECIPIENTS = [Recipient("Như trên", None), Recipient("Thường trực Tỉnh ủy", None)]
SIGNATORY = Signatory("TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn Hùng")


def _pdf(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("DejaVuSerif", 10)
    y = 780
    for left, right in HEADER:
        pdf.drawString(60, y, left)
        pdf.drawString(330, y, right)
        y -= 16
    y -= 20
    for text in BODY:
        pdf.drawString(60, y, text)
        y -= 16
    y -= 20
    for left, right in FOOTER:
        if left:
            pdf.drawString(60, y, left)
        if right:
            pdf.drawString(370, y, right)
        y -= 16
    pdf.save()
    return path


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    header = document.add_table(rows=len(HEADER), cols=2)
    for row, (left, right) in enumerate(HEADER):
        header.cell(row, 0).text, header.cell(row, 1).text = left, right
    for text in BODY:
        document.add_paragraph(text)
    footer = document.add_table(rows=1, cols=2)
    footer.cell(0, 0).text = "\n".join(left for left, _ in FOOTER if left)
    footer.cell(0, 1).text = "\n".join(right for _, right in FOOTER if right)
    document.save(path)
    return path


@pytest.fixture
def options(tmp_path: Path) -> Options:
    return Options(inbox=tmp_path / "raw", processed=tmp_path / "processed")


@pytest.mark.parametrize("make", [_pdf, _docx], ids=["pdf", "docx"])
def test_the_list_and_the_signing_block_each_read_their_column(tmp_path, options, make):
    doc = read_document(make(tmp_path / f"cv.{make.__name__[1:]}"), options)
    page = doc.pages[0]
    assert [c for line, c in zip(page.lines, page.columns) if line in ("Nơi nhận:", "TM. BAN THƯỜNG VỤ")] == [
        LEFT, RIGHT]
    assert page.columns[page.lines.index(BODY[1])] == ACROSS
    dispatch = parse_dispatch(doc)
    assert "liên đoàn lao động tỉnh" not in dispatch.recipients_part
    assert "- Thường trực Tỉnh ủy" not in dispatch.signing_part
    record = extract_record(doc)
    assert record.recipients == RECIPIENTS
    assert record.signatory == SIGNATORY


def test_plain_text_has_no_positions_and_both_parts_are_the_whole_footer():
    text = "\n".join([*(l for l, _ in HEADER), *(r for _, r in HEADER), *BODY,
                      *(l for l, _ in FOOTER if l), *(r for _, r in FOOTER if r)])
    dispatch = parse_dispatch(document(text))
    assert dispatch.recipients_part == dispatch.signing_part == dispatch.lines[slice(*dispatch.zones.footer)]
    assert extract_record(document(text)).signatory == SIGNATORY


def test_a_stored_document_keeps_where_its_lines_stood_and_reads_again_the_same(tmp_path, options, database):
    """`congvan reprocess` re-extracts from the stored pages: the columns are stored with their text."""
    doc = read_document(_pdf(tmp_path / "cv.pdf"), options)
    record = extract_record(doc)
    with Store(database) as store:
        doc_id = store.add_document(record, doc, LedgerEntry(sha256="d" * 64, file_name="cv.pdf", status="ingested",
                                                             started_at=now()), 70)
        stored = store.document_text(doc_id)
    assert stored.pages[0].lines == doc.pages[0].lines and stored.pages[0].columns == doc.pages[0].columns
    assert extract_record(stored) == record

"""`congvan review` says why a record needs review and what to do; `congvan reread` reads it again, sharper."""
from __future__ import annotations

from conftest import shared
from extractors import extract_record
from models.document import OCR, DocumentText, PageText
from pipeline.cli import main
from pipeline.store import LedgerEntry, Store, now
from tests.scanmaker import make_scan

SEED = "003_215ada83c8d0aa07.txt"


def test_review_says_why_and_how_and_reread_replaces_a_poor_reading(options, database, capsys):
    options.database = database
    options.archive_dir.mkdir(parents=True)
    scan = make_scan(shared("seeds", "text", SEED).read_text(encoding="utf-8"), options.archive_dir / "cv.pdf")
    poor = DocumentText(scan, [PageText(1, ["C0NG VAN", "S6: 7O8/LDLD"], OCR, confidence=41.0,
                                        route="OCR: pdfplumber: no text layer; pypdfium2: no text layer")])
    with Store(database) as store:
        doc_id = store.add_document(extract_record(poor), poor, LedgerEntry(
            sha256="ef" * 32, file_name="cv.pdf", status="ingested", started_at=now(), stored_as=str(scan),
            extractor_version="0.0.1"), options.review_confidence)
    where = ["--processed", str(options.processed), "--database", str(database)]

    assert main(["review", *where]) == 0
    out = capsys.readouterr().out
    assert f"record {doc_id}: " in out and "why: OCR read p.1 (41%) below 70%" in out
    assert "p.1: ocr, 41%: OCR: pdfplumber: no text layer; pypdfium2: no text layer" in out
    assert f"original: {scan}" in out and f"congvan reread {doc_id} --dpi 400" in out
    assert f"congvan reprocess {doc_id}" in out

    assert main(["reread", str(doc_id), "--dpi", "300", *where]) == 0
    out = capsys.readouterr().out
    assert f"record {doc_id} ({scan}): p.1 41% → " in out and "new reading kept" in out and "number" in out
    with Store(database) as store:
        page = store.document_text(doc_id).pages[0]
        record = store.record(doc_id)
        flagged = store.for_review(options.review_confidence)
        log = store.query("SELECT from_version, changed FROM reprocessing WHERE document_id = :id", {"id": doc_id})
        found = store.search(["708"], 5)
    assert page.confidence > 70 and "708" in page.text and page.route.startswith("OCR")
    assert record.number == "708" and record.symbol == "LĐLĐ-CTCS"
    assert flagged == [] and [r["from_version"] for r in log] == ["0.0.1"] and "number" in log[0]["changed"]
    assert [hit["id"] for hit in found] == [doc_id]

    # Read again the same way, no page reads better: the stored reading stays.
    assert main(["reread", str(doc_id), "--dpi", "300", *where]) == 0
    assert "stored reading kept" in capsys.readouterr().out
    assert main(["reread", "999", *where]) == 1
    assert "record 999: no such record" in capsys.readouterr().err

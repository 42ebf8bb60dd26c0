"""The index, on SQLite and on PostgreSQL: a record goes in and comes back whole; pages, review marks, ledger, export."""
from __future__ import annotations

import unicodedata

import pandas as pd

from conftest import document
from models.record import Phase, Received, Recipient, Record, Reference, Signatory, Target
from pipeline.export import export_tables
from pipeline.store import INGESTED, QUARANTINED, TABLES, LedgerEntry, Store, now

QUANG_TRI = Record(
    number="708", symbol="LĐLĐ-CTCS", date="2021-02-22", place="Quảng Trị",
    issuer="Liên đoàn Lao động tỉnh Quảng Trị", parent_issuer="Tổng Liên đoàn Lao động Việt Nam",
    doc_type="Công văn", subject="đăng ký nội dung thi đua năm 2021",
    addressees=["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị"],
    phases=[Phase("Đợt 1", "2021-01", "2021-06-30", "Đợt 1: từ tháng 01 đến 30/6/2021")],
    targets=[Target("Phát triển trên 1.500 đoàn viên", 1500, ">", "đoàn viên", "phát triển đoàn viên"),
             Target("Thu kinh phí công đoàn đạt trên 95%", 95, ">", "%"),
             Target("thành lập 20 CĐCS khu vực doanh nghiệp", 20, "=", "CĐCS")],
    signatory=Signatory("TM.", "BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Nguyễn Thị Thu Hà"),
    recipients=[Recipient("Như trên", None), Recipient("Thường trực, các ban LĐLĐ tỉnh", "để biết")],
    references=[Reference("Công văn", "01/MTTQ-KTĐ", "2021-02-18")],
    received=Received("Công đoàn Viên chức tỉnh", "16", "2021-02-25"),
    theme="Tận dụng cơ hội, vượt mọi khó khăn",
)
QUANG_TRI_TEXT = ("Số: 708/LĐLĐ-CTCS\nQuảng Trị, ngày 22 tháng 02 năm 2021\nV/v đăng ký nội dung thi đua năm 2021\n"
                  "\fPhát triển trên 1.500 đoàn viên.\nThu kinh phí công đoàn đạt trên 95%.")


def entry(sha: str, name: str, status: str = INGESTED) -> LedgerEntry:
    return LedgerEntry(sha256=sha, file_name=name, status=status, started_at=now(), extractor_version="test")


def test_record_comes_back_whole(database):
    with Store(database) as store:
        doc_id = store.add_document(QUANG_TRI, document(QUANG_TRI_TEXT), entry("a" * 64, "708.pdf"), 70.0)
        assert store.record(doc_id).to_dict() == QUANG_TRI.to_dict()
    with Store(database) as reopened:  # on disk, not only in memory
        assert reopened.record(doc_id).to_dict() == QUANG_TRI.to_dict()
        assert reopened.document_count() == 1


def test_empty_record_keeps_nulls_and_empty_lists(database):
    with Store(database) as store:
        doc_id = store.add_document(Record(), document("chỉ một dòng"), entry("b" * 64, "x.txt"), 70.0)
        back = store.record(doc_id).to_dict()
    assert back == Record().to_dict()
    assert back["received"] is None and back["targets"] == []


def test_pages_methods_confidence_and_review_mark(database):
    scanned = document("trang một\ftrang hai\ftrang ba", "scan.pdf", confidences=[91.0, 55.5, 88.0])
    clean = document("trang một\ftrang hai", "clean.pdf", confidences=[91.0, 80.0])
    with Store(database) as store:
        low = store.add_document(Record(subject="một"), scanned, entry("c" * 64, "scan.pdf"), 70.0)
        high = store.add_document(Record(subject="hai"), clean, entry("d" * 64, "clean.pdf"), 70.0)
        docs = store.read_table("documents").set_index("id")
        pages = store.read_table("pages")
        review = store.for_review(70.0)
    assert docs.loc[low, "needs_review"] == 1 and docs.loc[high, "needs_review"] == 0
    assert docs.loc[low, "page_count"] == 3 and docs.loc[low, "text_methods"] == "ocr"
    assert abs(docs.loc[low, "ocr_confidence"] - (91.0 + 55.5 + 88.0) / 3) < 1e-9
    assert list(pages[pages.document_id == low].sort_values("number").text) == ["trang một", "trang hai", "trang ba"]
    assert [d["id"] for d in review] == [low]
    assert [(p["number"], p["confidence"]) for p in review[0]["low_pages"]] == [(2, 55.5)]


def test_ledger_knows_ingested_content_only(database):
    with Store(database) as store:
        store.add_document(Record(), document("x"), entry("e" * 64, "good.pdf"), 70.0)
        store.log(LedgerEntry(sha256="f" * 64, file_name="bad.pdf", status=QUARANTINED, started_at=now(),
                              error="truncated PDF"))
        assert store.is_ingested("e" * 64)
        assert not store.is_ingested("f" * 64)  # a quarantined file may be dropped again and retried
        ledger = store.ledger()
    assert [(r["file_name"], r["status"]) for r in ledger] == [("good.pdf", INGESTED), ("bad.pdf", QUARANTINED)]
    assert ledger[0]["document_id"] is not None and ledger[0]["store_seconds"] >= 0
    assert ledger[1]["error"] == "truncated PDF"


def test_nfd_text_is_found_by_folded_words(database):
    nfd = unicodedata.normalize("NFD", "Phát động thi đua")
    with Store(database) as store:
        doc_id = store.add_document(Record(subject=nfd), document(nfd), entry("1" * 64, "nfd.pdf"), 70.0)
        assert store.search(["phat", "dong"], 5)[0]["id"] == doc_id


def test_export_writes_every_table_as_parquet_and_csv(database, tmp_path):
    with Store(database) as store:
        store.add_document(QUANG_TRI, document(QUANG_TRI_TEXT), entry("a" * 64, "708.pdf"), 70.0)
        written = export_tables(store, tmp_path / "exports")
    for table in TABLES:
        assert tmp_path / "exports" / f"{table}.parquet" in written
        assert tmp_path / "exports" / f"{table}.csv" in written
    targets = pd.read_parquet(tmp_path / "exports" / "targets.parquet")
    assert sorted(targets.value) == [20, 95, 1500]
    csv = pd.read_csv(tmp_path / "exports" / "targets.csv", encoding="utf-8-sig")
    assert "Phát triển trên 1.500 đoàn viên" in set(csv.text)
    assert len(pd.read_csv(tmp_path / "exports" / "doc_references.csv", encoding="utf-8-sig")) == 1

"""Search and targets over a hand-built index, on both engines: blind to diacritics, đ, case, NFC/NFD and tone placement."""
from __future__ import annotations

import io
import unicodedata

import pytest

from conftest import document
from models.record import Record, Target
from pipeline.search import print_review, print_search, print_targets, query_words, snippet
from pipeline.store import INGESTED, LedgerEntry, Store, now

DOCS = {
    "cao-bang": (Record(number="12", symbol="KH-LĐLĐ", date="2016-05-10", issuer="Liên đoàn Lao động tỉnh Cao Bằng",
                        doc_type="Kế hoạch", subject="Phát động phong trào thi đua yêu nước giai đoạn 2016 – 2020",
                        targets=[Target("Phấn đấu 100% CĐCS đăng ký thi đua", 100, "=", "%")]),
                 "Ban Thường vụ LĐLĐ tỉnh Cao Bằng phát động thi đua trong CNVCLĐ giai đoạn 2016 – 2020."),
    "hoa-binh": (Record(number="7", symbol="CV-CĐ", date="2019-03-01", issuer="Công đoàn ngành Giáo dục Hòa Bình",
                        subject="hướng dẫn văn hoá công sở",
                        targets=[Target("Kết nạp ít nhất 200 đoàn viên mới", 200, ">=", "đoàn viên")]),
                 "Thực hiện văn hoá công sở; thi đua lao động giỏi; động viên phát huy sáng kiến."),
    "quang-tri": (Record(number="708", symbol="LĐLĐ-CTCS", date="2021-02-22", issuer="Liên đoàn Lao động tỉnh Quảng Trị",
                         subject="đăng ký nội dung thi đua năm 2021",
                         targets=[Target("Phát triển trên 1.500 đoàn viên", 1500, ">", "đoàn viên"),
                                  Target("Thu kinh phí công đoàn doanh nghiệp đạt trên 95%", 95, ">", "%")]),
                  "Thu kinh phí công đoàn doanh nghiệp đã có tổ chức công đoàn đạt trên 95%."),
}


@pytest.fixture
def store(database):
    with Store(database) as s:
        for i, (name, (record, body)) in enumerate(DOCS.items()):
            s.add_document(record, document(f"{record.subject}\n{body}", f"{name}.pdf"),
                           LedgerEntry(sha256=str(i) * 64, file_name=f"{name}.pdf", status=INGESTED,
                                       started_at=now()), 70.0)
        yield s


def names(hits):
    return [h["source_name"] for h in hits]


@pytest.mark.parametrize("query", ["phat dong thi dua", "PHÁT ĐỘNG THI ĐUA", "Phát động thi đua",
                                   unicodedata.normalize("NFD", "phát động thi đua")])
def test_search_is_blind_to_diacritics_case_and_normal_form(store, query):
    assert names(store.search(query_words(query), 10))[0] == "cao-bang.pdf"


def test_old_and_new_tone_placement_are_equal(store):
    both = [names(store.search(query_words(q), 10)) for q in ("văn hoá công sở", "văn hóa công sở")]
    assert both[0] == both[1] == ["hoa-binh.pdf"]
    assert names(store.search(query_words("Hoà Bình"), 10)) == []  # the subject and body do not name it


def test_phrase_matches_come_before_scattered_words(store):
    # "thi dua" + "dong": hoa-binh has the words apart ("động viên"), cao-bang has "động thi đua" together.
    assert names(store.search(query_words("dong thi dua"), 10)) == ["cao-bang.pdf", "hoa-binh.pdf"]
    assert names(store.search(query_words("dong thi dua"), 1)) == ["cao-bang.pdf"]


def test_snippet_keeps_diacritics_around_the_match():
    text = "Mở đầu dài dòng. " * 10 + "Ban Thường vụ phát động   thi đua\ntrong CNVCLĐ." + " Kết thúc." * 10
    cut = snippet(text, query_words("phat dong thi dua"), width=60)
    assert "phát động thi đua trong" in cut
    assert cut.startswith("… ") and cut.endswith(" …") and len(cut) < 90


def test_print_search_shows_directive_subject_and_snippet(store):
    out = io.StringIO()
    assert print_search(store, "phat dong thi dua", 1, out) == 1
    text = out.getvalue()
    assert "12/KH-LĐLĐ · 2016-05-10 · Liên đoàn Lao động tỉnh Cao Bằng" in text
    assert "Kế hoạch: Phát động phong trào thi đua yêu nước" in text
    assert "phát động thi đua trong CNVCLĐ" in text


def test_targets_by_unit_words_year_and_issuer(store):
    percent = store.targets(unit="%")
    assert [(t["number"], t["symbol"], t["value"]) for t in percent] == [("708", "LĐLĐ-CTCS", 95), ("12", "KH-LĐLĐ", 100)]
    assert {t["text"] for t in store.targets(unit="doan vien")} == {"Phát triển trên 1.500 đoàn viên",
                                                                   "Kết nạp ít nhất 200 đoàn viên mới"}
    assert [t["value"] for t in store.targets(words="kinh phi")] == [95]
    assert [t["value"] for t in store.targets(since=2019)] == [1500, 95, 200]
    assert [t["value"] for t in store.targets(issuer="hoa binh")] == [200]
    assert store.targets(unit="%", since=2022) == []


def test_print_targets_groups_under_the_directive(store):
    out = io.StringIO()
    print_targets(store, out, unit="%")
    text = out.getvalue()
    assert "708/LĐLĐ-CTCS · 2021-02-22 · Liên đoàn Lao động tỉnh Quảng Trị" in text
    assert "> 95 %" in text and "Thu kinh phí công đoàn doanh nghiệp đạt trên 95%" in text
    assert text.index("708/LĐLĐ-CTCS") < text.index("12/KH-LĐLĐ")


def test_print_review_lists_low_pages(database, tmp_path):
    with Store(database) as store:
        store.add_document(Record(number="3", symbol="TB"), document("a\fb", "s.pdf", confidences=[40.0, 90.0]),
                           LedgerEntry(sha256="9" * 64, file_name="s.pdf", status=INGESTED, started_at=now()), 70.0)
        out = io.StringIO()
        assert print_review(store, 70.0, tmp_path, out) == 1
    text = out.getvalue()
    assert "3/TB" in text and "why: OCR read p.1 (40%) below 70%\n" in text  # p.2 read well: not a reason
    assert "p.1: ocr, 40%: " in text and "p.2: ocr, 90%: " in text  # how every page was read


TIERED = {  # name: (subject, body, date)
    "body-phrase-new": ("kế hoạch năm", "Ban Thường vụ phát động thi đua toàn tỉnh.", "2024-01-01"),
    "subject-phrase-old": ("Phát động thi đua", "nội dung", "2010-01-01"),
    "subject-words": ("thi đua và phát động", "nội dung", "2023-01-01"),
    "across": ("về việc phát động", "thi đua năm nay", "2025-01-01"),  # the phrase only across subject and text
    "body-phrase-old": ("công văn", "phát động thi đua", "2012-01-01"),
    "no-date": ("công văn", "phát động thi đua", None),
}


def test_tiers_phrase_in_subject_then_phrase_then_words_newest_first(database):
    with Store(database) as s:
        for i, (name, (subject, body, date)) in enumerate(TIERED.items()):
            s.add_document(Record(subject=subject, date=date), document(body, f"{name}.pdf"),
                           LedgerEntry(sha256=str(i) * 64, file_name=f"{name}.pdf", status=INGESTED,
                                       started_at=now()), 70.0)
        assert names(s.search(query_words("phát động thi đua"), 10)) == [
            "subject-phrase-old.pdf", "body-phrase-new.pdf", "body-phrase-old.pdf", "no-date.pdf",
            "subject-words.pdf", "across.pdf"]
        assert names(s.search(query_words("phát động thi đua"), 2)) == ["subject-phrase-old.pdf",
                                                                       "body-phrase-new.pdf"]


def test_both_engines_give_the_same_answers(tmp_path, postgres_database):
    answers = []
    for target in (tmp_path / "i.sqlite", postgres_database):
        with Store(target) as s:
            for i, (name, (record, body)) in enumerate(DOCS.items()):
                s.add_document(record, document(f"{record.subject}\n{body}", f"{name}.pdf"),
                               LedgerEntry(sha256=str(i) * 64, file_name=f"{name}.pdf", status=INGESTED,
                                           started_at=now()), 70.0)
            out = io.StringIO()
            for query in ("phat dong thi dua", "thi dua", "cong doan", "doan vien", "van hoa", "2016 2020"):
                print_search(s, query, 2, out)
            for unit in ("%", "đoàn viên"):
                print_targets(s, out, unit=unit)
            answers.append(out.getvalue())
    assert answers[0] == answers[1] and "12/KH-LĐLĐ" in answers[0]

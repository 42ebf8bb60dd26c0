"""The web app through FastAPI's test client, on an index ingested from the seeds and ../shared/real, on
SQLite and on PostgreSQL (CONGVAN_TEST_POSTGRES_URL; see scripts/test_postgres.sh)."""
from __future__ import annotations

import io
import random
import string

import pandas as pd
import pytest
from sqlalchemy.exc import DBAPIError

from conftest import postgres_url
from tests.webindex import SCRIPT_SUBJECT, build


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def index(request):
    if request.param == "postgresql":
        postgres_url()  # skipped without a server
    return build(request.param)


@pytest.fixture(scope="module")
def client(index):
    from fastapi.testclient import TestClient

    from pipeline.web import create_app

    with TestClient(create_app(index.database_target, index.inbox, index.processed)) as c:
        yield c


def _ids_by_source(index) -> dict[str, int]:
    from pipeline.store import Store

    with Store(index.database_target, read_only=True) as store:
        return {r["source_name"]: r["id"] for r in store.query("SELECT id, source_name FROM documents")}


def test_search_is_blind_to_diacritics_and_finds_the_cao_bang_and_lao_cai_seeds(client, index):
    ids = _ids_by_source(index)
    for q in ("phat dong thi dua", "PHÁT ĐỘNG THI ĐUA", "phát động thi đua"):
        body = client.get("/api/search", params={"q": q}).json()
        found = {r["id"] for r in body["results"]}
        assert {ids["001_f9ae15b775fe3bde.txt"], ids["004_4ba55daeb46a4bfd.txt"]} <= found, q
        assert body["total"] >= len(body["results"]) >= 5
    first = body["results"][0]
    assert set(first) == {"id", "number", "symbol", "date", "issuer", "doc_type", "subject", "snippet"}


def test_search_page_marks_the_matched_words(client):
    html = client.get("/", params={"q": "phat dong thi dua"}).text
    assert "<mark>Phát</mark> <mark>động</mark>" in html or "<mark>phát</mark> <mark>động</mark>" in html
    assert "Lào Cai" in html and "Cao Bằng" in html


def test_a_dispatch_received_twice_is_one_result_with_its_copies(client, index):
    ids = _ids_by_source(index)
    body = client.get("/api/search", params={"q": "giấy triệu tập hội nghị ban chấp hành"}).json()
    copies = {ids["digital-06.pdf"], ids["office-06.doc"], ids["scan-06.pdf"]}
    assert len(copies & {r["id"] for r in body["results"]}) == 1
    html = client.get("/", params={"q": "giấy triệu tập hội nghị ban chấp hành"}).text
    for name in ("digital-06.pdf", "office-06.doc", "scan-06.pdf"):
        assert name in html


def test_facets_filters_sort_and_paging(client, index):
    all_ = client.get("/api/search", params={"q": "cong doan"}).json()
    in_2018 = client.get("/api/search", params={"q": "cong doan", "year": "2018"}).json()
    assert 0 < in_2018["total"] < all_["total"]
    assert all(r["date"].startswith("2018") for r in in_2018["results"])
    typed = client.get("/api/search", params={"q": "cong doan", "type": "Kế hoạch"}).json()
    assert typed["total"] and all(r["doc_type"] == "Kế hoạch" for r in typed["results"])
    html = client.get("/", params={"q": "cong doan"}).text
    assert 'class="facet-year"' in html and 'class="facet-issuer"' in html and "Có chỉ tiêu" in html
    by_date = client.get("/api/search", params={"q": "cong doan", "sort": "date"}).json()["results"]
    dates = [r["date"] for r in by_date if r["date"]]
    assert dates == sorted(dates, reverse=True)
    from pipeline.queries import PER_PAGE, SearchFilters, search
    from pipeline.store import Store

    with Store(index.database_target, read_only=True) as store:
        first = search(store, "", SearchFilters(), page=1, per_page=5)
        second = search(store, "", SearchFilters(), page=2, per_page=5)
    assert first.total > 5 and not {r["id"] for r in first.results} & {r["id"] for r in second.results}
    assert PER_PAGE >= 5


def test_targets_by_unit_include_the_708_target_above_95_percent(client):
    body = client.get("/api/targets", params={"unit": "%"}).json()
    hit = [r for r in body["results"] if r["number"] == "708" and r["symbol"] == "LĐLĐ-CTCS" and r["value"] == 95]
    assert hit and hit[0]["comparator"] == ">" and "trên 95%" in hit[0]["text"]
    assert set(hit[0]) == {"document_id", "number", "symbol", "date", "issuer", "text", "value", "comparator",
                           "unit", "metric"}
    assert body["total"] == len(body["results"]) and all(r["unit"] == "%" for r in body["results"])
    html = client.get("/targets", params={"unit": "%"}).text
    assert "trên 95%" in html and "708/LĐLĐ-CTCS" in html and "<svg" in html


def test_target_filters_narrow_the_rows(client):
    every = client.get("/api/targets").json()["total"]
    since = client.get("/api/targets", params={"since": "2021"}).json()["results"]
    assert 0 < len(since) < every and all(r["date"] >= "2021" for r in since)
    ranged = client.get("/api/targets", params={"unit": "%", "min": "90", "max": "100", "until": "2021"}).json()
    assert ranged["results"] and all(90 <= r["value"] <= 100 and r["date"] < "2022" for r in ranged["results"])
    more = client.get("/api/targets", params={"comparator": ">"}).json()["results"]
    assert more and all(r["comparator"] == ">" for r in more)
    issuer = client.get("/api/targets", params={"issuer": "ho chi minh"}).json()["results"]
    assert issuer and all("HỒ CHÍ MINH" in r["issuer"] for r in issuer)
    words = client.get("/api/targets", params={"words": "kinh phi"}).json()["results"]
    assert any("kinh phí" in r["text"] for r in words)


def test_csv_and_xlsx_hold_exactly_the_filtered_rows_with_vietnamese_intact(client):
    params = {"unit": "%", "since": "2020"}
    api = client.get("/api/targets", params=params).json()
    csv = client.get("/targets.csv", params=params)
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    frame = pd.read_csv(io.BytesIO(csv.content), encoding="utf-8-sig", dtype={"number": str})
    assert len(frame) == api["total"]
    assert list(frame["text"]) == [r["text"] for r in api["results"]]
    assert "Thu kinh phí công đoàn doanh nghiệp đã có tổ chức công đoàn đạt trên 95%" in set(frame["text"])
    xlsx = client.get("/targets.xlsx", params=params)
    sheet = pd.read_excel(io.BytesIO(xlsx.content), dtype={"number": str})
    assert list(sheet["text"]) == list(frame["text"]) and "issuer" in sheet and "subject" in sheet
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx.content))["targets"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:L{len(frame) + 1}"


def test_document_page_shows_every_part_and_serves_its_original(client, index):
    ids = _ids_by_source(index)
    doc_id = ids["003_215ada83c8d0aa07.txt"]
    html = client.get(f"/documents/{doc_id}").text
    for text in ("708/LĐLĐ-CTCS", "trên 95%", "Trang 1", "Kính gửi", "Người ký", "Nơi nhận"):
        assert text in html
    original = client.get(f"/documents/{doc_id}/original")
    assert original.status_code == 200
    assert original.content == (index.processed / "archive" / "003_215ada83c8d0aa07.txt").read_bytes()
    scan = client.get(f"/documents/{ids['scan-06.pdf']}").text
    assert "độ tin cậy OCR" in scan and "OCR: " in scan  # each page's route, as the parser named it
    digital = client.get(f"/documents/{ids['digital-14.pdf']}").text  # a signed PDF, read from its text layer
    assert "text layer (pdfplumber)" in digital or "text layer (pypdfium2)" in digital
    campaign = client.get(f"/documents/{ids['digital-13.pdf']}").text
    assert 'id="phases"' in campaign


def test_api_document_is_the_extracted_record_with_its_id(client, index):
    ids = _ids_by_source(index)
    body = client.get(f"/api/documents/{ids['003_215ada83c8d0aa07.txt']}").json()
    assert body["id"] == ids["003_215ada83c8d0aa07.txt"]
    for key in ("number", "symbol", "date", "issuer", "subject", "addressees", "phases", "targets", "signatory",
                "recipients", "references", "received", "theme"):
        assert key in body
    assert body["number"] == "708" and any(t["value"] == 95 for t in body["targets"])
    assert client.get("/api/documents/999999").status_code == 404


def test_inbox_lists_waiting_and_quarantined_files_and_the_last_runs(client, index):
    from pipeline.store import Store

    html = client.get("/inbox").text
    assert "waiting-đợi.txt" in html
    assert "empty.pdf" in html and "empty file (0 bytes)" in html
    with Store(index.database_target, read_only=True) as store:
        ingested = store.query("SELECT count(*) AS n FROM ingestion_ledger WHERE status = 'ingested' "
                               "AND file_name != 'xss.txt'")[0]["n"]  # the hand-made record came in apart
        pages_ocr = store.query("SELECT sum(pages_ocr) AS n FROM ingestion_ledger")[0]["n"]
    runs = html.split('id="runs"')[1].split("</table>")[0]
    assert runs.count("<tr>") == 2  # the header and the one run of the inputs
    assert f"<td>{ingested}</td><td>0</td><td>1</td><td>{pages_ocr}</td>" in runs and ingested > 20 and pages_ocr


def test_a_script_in_a_subject_is_shown_as_text(client):
    for url in ("/?q=kiem+tra+thoat", "/targets?unit=%25&words=nghieng"):
        html = client.get(url).text
        assert "<script>" not in html and "&lt;script&gt;" in html and "<b>thử</b>" not in html
        assert "&lt;b&gt;thử&lt;/b&gt;" in html
    ids = [r["id"] for r in client.get("/api/search", params={"q": "thoat ky tu"}).json()["results"]]
    html = client.get(f"/documents/{ids[0]}").text
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert client.get(f"/api/documents/{ids[0]}").json()["subject"] == SCRIPT_SUBJECT


@pytest.mark.parametrize("path", ["/documents/../../etc/passwd", "/documents/..%2F..%2Fetc%2Fpasswd",
                                  "/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd/original", "/documents/-1",
                                  "/documents/1.5/original", "/documents/etc/passwd", "/api/documents/..%2fx",
                                  "/documents/99999999/original", "/documents/" + "9" * 40])
def test_paths_that_are_not_a_document_id_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text


def test_bad_parameters_get_a_readable_4xx(client):
    cases = [("/", {"q": "a" * 10_000}), ("/api/search", {"q": "x" * 10_000}), ("/", {"page": "abc"}),
             ("/api/search", {"page": "0"}), ("/api/search", {"sort": "'; DROP TABLE documents; --"}),
             ("/api/targets", {"min": "nan"}), ("/api/targets", {"since": "99999"}),
             ("/api/targets", {"comparator": "!="}), ("/targets", {"max": "1e999"}), ("/", {"year": "20x1"})]
    for path, params in cases:
        response = client.get(path, params=params)
        assert 400 <= response.status_code < 500, (path, params)
        assert "must" in response.text or "too long" in response.text


def _fuzz_queries(n: int) -> list[str]:
    rng = random.Random(8)
    pieces = ['"', "*", "NEAR(", ")", "AND", "OR", "NOT", "^", ":", "'", ";", "--", "/*", "%", "_", "\\", "\x00",
              "\x07", "\u200b", "\ufeff", "😀", "👩‍👩‍👧", "phát", "động", "thi", "đua", "DROP TABLE documents",
              "subject:", "body:", "{", "}", "[", "]", "+", "-", "đ", "ĐOÀN", "\u0301", "a\u0323", "x" * 300,
              "1=1", "' OR '1'='1", "<script>", "\n", "\t", " ", "ﬁ", "İ", "ß", "\ud7ff", "0x00", "NULL"]
    queries = ["", " ", '"', "*", "NEAR(a b)", "a" * 10_000, "😀" * 50]
    while len(queries) < n:
        k = rng.randint(1, 6)
        parts = [rng.choice(pieces) if rng.random() < .8 else "".join(rng.choices(string.printable, k=5))
                 for _ in range(k)]
        queries.append(rng.choice(["", " "]).join(parts))
    return queries[:n]


def test_two_hundred_fuzzed_queries_never_give_a_500(client):
    params = ["q", "year", "issuer", "type", "page", "sort", "has_targets"]
    target_params = ["words", "unit", "since", "until", "issuer", "comparator", "min", "max"]
    rng = random.Random(88)
    for i, q in enumerate(_fuzz_queries(200)):
        for path, names in (("/", params), ("/api/search", params), ("/api/targets", target_params),
                            ("/targets", target_params)):
            name = names[0] if i % 2 == 0 else rng.choice(names)
            response = client.get(path, params={name: q})
            assert response.status_code < 500, (path, name, q)
            assert response.status_code == 200 or response.status_code in (400, 404), (path, name, q)


def test_the_web_process_cannot_write_the_index(index):
    from pipeline.store import Store

    with Store(index.database_target, read_only=True) as store:
        with pytest.raises(DBAPIError, match="readonly|read-only"):  # the driver's error, as SQLAlchemy raises it
            store.query("DELETE FROM documents")
        assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] > 20


def test_a_read_only_store_cannot_write_on_either_engine(database):
    from pipeline.store import Store

    with Store(database) as store:  # created at the head
        assert store.query("SELECT count(*) AS n FROM documents") == [{"n": 0}]
    with Store(database, read_only=True) as store:
        with pytest.raises(DBAPIError):
            store.query("DELETE FROM documents")
        assert store.query("SELECT count(*) AS n FROM documents WHERE id > ?", [0]) == [{"n": 0}]
        assert store.query("SELECT fold(?) AS f", ["Đoàn"]) == [{"f": "doan"}]


def test_the_openapi_page_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/targets", "/api/documents/{doc_id}"} <= set(spec["paths"])
    docs = client.get("/docs")  # rendered here: nothing loaded from a CDN (congvan runs offline)
    assert docs.status_code == 200 and "GET /api/targets" in docs.text and "<code>unit</code>" in docs.text
    assert "cdn" not in docs.text.lower() and "<script" not in docs.text.lower()
    assert client.get("/redoc").status_code == 404


def test_congvan_targets_writes_csv_json_and_xlsx_and_export_writes_xlsx(index, tmp_path, capsys):
    import json

    from openpyxl import load_workbook

    from pipeline.cli import main

    where = ["--processed", str(index.processed)]
    if index.database is not None:
        where += ["--database", index.database]
    assert main(["targets", *where, "--unit", "%", "--format", "csv", "--out", str(tmp_path / "t.csv")]) == 0
    assert main(["targets", *where, "--unit", "%", "--format", "xlsx", "--out", str(tmp_path / "t.xlsx")]) == 0
    capsys.readouterr()
    assert main(["targets", *where, "--unit", "%", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    csv = pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig", dtype={"number": str})
    xlsx = pd.read_excel(tmp_path / "t.xlsx", dtype={"number": str})
    assert len(rows) == len(csv) == len(xlsx) > 50
    assert list(csv["text"]) == list(xlsx["text"]) == [r["text"] for r in rows]
    assert any(r["number"] == "708" and r["value"] == 95 and r["comparator"] == ">" for r in rows)
    assert main(["export", *where, "--out", str(tmp_path / "exports")]) == 0
    book = load_workbook(tmp_path / "exports" / "congvan.xlsx", read_only=False)
    assert {"documents", "targets", "ingestion_ledger"} <= set(book.sheetnames)
    assert book["targets"].freeze_panes == "A2" and book["targets"].auto_filter.ref
    cells = {c.value for row in book["targets"].iter_rows() for c in row}
    assert "Thu kinh phí công đoàn doanh nghiệp đã có tổ chức công đoàn đạt trên 95%" in cells


def test_sqlite_and_postgresql_give_the_same_answers():
    """Search (every sort, filters, paging, facets), targets (every filter), a document and the inbox: the same
    on both engines, for the same inputs ingested into each."""
    postgres_url()
    from pipeline import queries
    from pipeline.queries import SearchFilters, TargetFilters
    from pipeline.store import Store

    searches = [("phat dong thi dua", SearchFilters(), "relevance", 1), ("cong doan", SearchFilters(), "date", 1),
                ("cong doan", SearchFilters(), "relevance", 2), ("cong doan", SearchFilters(year="2018"), "date", 1),
                ("cong doan", SearchFilters(year="2018"), "relevance", 1), ("thi dua", SearchFilters(year="2021"), "relevance", 1),
                ("cong doan", SearchFilters(year="2018", has_targets=True), "relevance", 1),
                ("cong doan", SearchFilters(doc_type="Kế hoạch", has_targets=True), "relevance", 1),
                ("hoà bình", SearchFilters(has_phases=False), "relevance", 1), ("", SearchFilters(), "date", 2),
                ("", SearchFilters(issuer="LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ"), "date", 1), ('"*" NEAR(', None, "date", 1)]
    target_filters = [TargetFilters(), TargetFilters(unit="%"), TargetFilters(words="kinh phi", since=2020),
                      TargetFilters(issuer="ho chi minh", comparator=">"),
                      TargetFilters(unit="đoàn viên", min_value=100, max_value=5000, until=2021),
                      TargetFilters(words="100%_")]
    answers = []
    for engine in ("sqlite", "postgresql"):
        index = build(engine)
        with Store(index.database_target, read_only=True) as store:
            source = {r["id"]: r["source_name"] for r in store.query("SELECT id, source_name FROM documents")}
            found = []
            for text, filters, sort, page in searches:
                result = queries.search(store, text, filters, sort=sort, page=page, per_page=5)
                found.append((result.total, result.total_is_lower_bound, result.matches, result.pages, result.facets,
                              [(r["number"], r["date"], r["snippet"], r["subject_marked"],
                                sorted(source[c["id"]] for c in r["copies"])) for r in result.results]))
            for filters in target_filters:
                total, at_least, rows = queries.targets(store, filters, limit=40)
                found.append((total, at_least, [{**r, "document_id": source[r["document_id"]]} for r in rows]))
            ids = {name: i for i, name in source.items()}
            doc = queries.document(store, ids["003_215ada83c8d0aa07.txt"])
            found.append(({k: v for k, v in doc.items() if k not in ("id", "ingested_at", "ledger", "copies")
                           and not k.endswith("_folded")},
                          [{k: v for k, v in t.items() if k not in ("id", "document_id")} for t in doc["targets"]]))
            inbox = queries.inbox(store, index.inbox, index.processed)
            found.append(([(d["files"], d["ingested"], d["duplicate"], d["quarantined"], d["pages_ocr"])
                           for d in inbox["days"]], [q["file_name"] for q in inbox["quarantined"]]))
        answers.append(found)
    assert all(a[0] for a in answers[0][:3]) and len(answers[0]) == len(answers[1])
    for sqlite_answer, postgresql_answer in zip(*answers):
        assert sqlite_answer == postgresql_answer


def test_facets_count_the_best_candidates_and_paging_stops_there(index, monkeypatch):
    from pipeline import queries
    from pipeline.store import Store

    with Store(index.database_target, read_only=True) as store:
        full = queries.search(store, "cong doan")
        monkeypatch.setattr(queries, "CANDIDATES", 3)
        capped = queries.search(store, "cong doan")
    assert not full.capped and capped.capped and capped.total == full.matches == capped.matches > 3
    assert capped.pages == 1 and len(capped.results) <= 3
    assert sum(n for _, n in capped.facets["year"]) <= 3 < sum(n for _, n in full.facets["year"])
    assert [r["id"] for r in capped.results] == [r["id"] for r in full.results][:len(capped.results)]


def test_walking_the_documents_gives_the_same_answers(index, monkeypatch):
    """Past WALK_FROM matches (or target rows) the documents are walked newest first instead of sorting the
    matches; made to walk here by lowering WALK_FROM, every answer must stay the same."""
    from pipeline import queries
    from pipeline.queries import SearchFilters, TargetFilters
    from pipeline.store import Store

    searches = [("cong doan", SearchFilters(), "date"), ("cong doan", SearchFilters(year="2018"), "date"),
                ("cong doan", SearchFilters(year="2018"), "relevance"),
                ("cong doan", SearchFilters(doc_type="Kế hoạch"), "relevance"), ("thi dua", SearchFilters(), "relevance")]
    target_filters = [TargetFilters(unit="%"), TargetFilters(unit="%", words="kinh phi", since=2020)]

    def answers(store: Store) -> list:
        found = [(r.total, r.matches, r.facets, [(x["id"], x["snippet"]) for x in r.results])
                 for r in (queries.search(store, q, f, sort=s, per_page=100) for q, f, s in searches)]
        return found + [queries.targets(store, f, limit=30) for f in target_filters]

    with Store(index.database_target, read_only=True) as store:
        sorted_ = answers(store)
        monkeypatch.setattr(queries, "WALK_FROM", 0)
        monkeypatch.setattr(queries, "FEW_IN_YEAR", -1)  # within a year too (PostgreSQL)
        walked = answers(store)
    assert all(a[0] for a in sorted_)
    assert sorted_ == walked


def test_counts_past_the_count_limit_are_lower_bounds(client, index, monkeypatch):
    """Matches and targets are counted up to COUNT_LIMIT; past it `total` is COUNT_LIMIT with
    `total_is_lower_bound`, the page says "Hơn", and the rows shown stay the same."""
    from pipeline import queries

    search, targets = {"q": "cong doan"}, {"unit": "%"}
    exact = client.get("/api/search", params=search).json(), client.get("/api/targets", params=targets).json()
    assert all(e["total"] > 3 and e["total_is_lower_bound"] is False for e in exact)
    monkeypatch.setattr(queries, "CANDIDATES", 2)  # as in use, fewer candidates than counted
    monkeypatch.setattr(queries, "COUNT_LIMIT", 3)
    monkeypatch.setattr(queries, "WALK_FROM", 3)
    counted = client.get("/api/search", params=search).json(), client.get("/api/targets", params=targets).json()
    assert all(c["total"] == 3 and c["total_is_lower_bound"] is True for c in counted)
    assert [r["id"] for r in counted[0]["results"]] == [r["id"] for r in exact[0]["results"]][:2]
    assert counted[1]["results"] == exact[1]["results"]
    assert "Hơn 3 văn bản khớp với «cong doan»" in client.get("/", params=search).text

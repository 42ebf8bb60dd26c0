"""Search and targets of the web app on an index of 100,000 synthetic directives, against bare full-text queries.

Builds (once; kept with --keep) an index through `pipeline.store.Store`'s schema: synthetic dispatches of
varied issuers, years, types, subjects and bodies of ~250 Vietnamese words, three targets and some phases
each, and their folded FTS5 rows. Then times, per kind of query, the calls the web pages make
(`pipeline.queries.search` — ranked candidates, facets, copies grouped, snippets and highlights — and
`pipeline.queries.targets` with the first page of rows), and as the baseline a bare FTS5 query on the same
index (`SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT 20`). Prints p50
and p95 in milliseconds (wall, and the CPU p95 of the process), warm cache, one connection opened
read-only as the web app opens it.

Kinds: a rare word (in ~0.01% of documents), a common phrase (~30%), a word in every document.

With `--postgres URL` the same rows are copied into that PostgreSQL database (its schema `congvan_bench`,
made anew when it does not hold them) and timed there too, beside SQLite; its baseline is the bare tsquery
(`… WHERE tsv @@ to_tsquery(…) ORDER BY ts_rank(…) DESC LIMIT 20`).

    .venv/bin/python benchmarks/web_benchmark.py [--documents 100000] [--runs 40] [--index PATH] [--keep]
        [--postgres postgresql://user:password@host/db]
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.vntext import fold  # noqa: E402
from pipeline import queries  # noqa: E402
from models.record import Target  # noqa: E402
from pipeline.store import Store, folded_target, fulltext  # noqa: E402

ISSUERS = ["Liên đoàn Lao động tỉnh " + p for p in ("Thái Nguyên", "Cao Bằng", "Lào Cai", "Quảng Trị", "Vĩnh Phúc",
                                                    "Hà Giang", "Bắc Giang", "Đắk Lắk", "Cà Mau", "Long An")]
ISSUERS += ["Sở Giáo dục và Đào tạo tỉnh " + p for p in ("Gia Lai", "Phú Thọ", "Bắc Giang", "Thái Bình")]
ISSUERS += ["Ủy ban nhân dân tỉnh " + p for p in ("Đắk Lắk", "Quảng Ninh", "Nghệ An", "Hà Tĩnh")]
TYPES = ["Công văn", "Kế hoạch", "Phát động", "Hướng dẫn", "Tờ trình", "Giấy triệu tập", "Quy chế"]
WORDS = ("công tác đoàn viên người lao động tổ chức thực hiện nhiệm vụ năm học kế hoạch cơ sở cấp trên "
         "triển khai báo cáo kết quả đánh giá chất lượng giáo dục đào tạo hội nghị cán bộ công chức viên chức "
         "phong trào nâng cao hiệu quả tuyên truyền vận động xây dựng phát triển kinh tế xã hội an toàn vệ sinh "
         "lao động bảo hiểm chính sách pháp luật tài chính kinh phí khen thưởng kỷ luật trường học học sinh "
         "giáo viên phụ huynh thành phố tỉnh huyện xã phường đơn vị doanh nghiệp hợp tác sản xuất").split()
UNITS = ["%", "đoàn viên", "công đoàn cơ sở", "lớp", "người", "triệu đồng"]
RARE = "kiểm ngư"  # in ~0.01% of documents (as a phrase)
COMMON = "phát động thi đua"  # in ~30%
EVERY = "công"  # in every document


def build(path: Path, n: int, seed: int = 100) -> None:
    rng = random.Random(seed)
    Store(path).close()  # the schema at the head
    with closing(sqlite3.connect(path, isolation_level=None)) as db:  # the benchmark writes in bulk, on SQLite
        db.execute("PRAGMA synchronous = OFF")
        db.execute("BEGIN")
        for i in range(1, n + 1):
            issuer, doc_type = rng.choice(ISSUERS), rng.choice(TYPES)
            year = rng.randint(2010, 2025)
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            subject_words = rng.sample(WORDS, 8)
            if rng.random() < 0.3:
                subject_words[:0] = COMMON.split()
            if i % 10_000 == 0:
                subject_words += RARE.split()
            subject = " ".join(subject_words).capitalize()
            body_words = [rng.choice(WORDS) for _ in range(250)] + ["công"]
            body = f"{issuer.upper()}\nSố: {i}/{doc_type[:2].upper()}\n{doc_type.upper()}\n{subject}\n" + \
                " ".join(body_words)
            db.execute(
                """INSERT INTO documents (id, sha256, source_name, number, symbol, date, place, issuer, doc_type,
                       subject, body, page_count, text_methods, needs_review, extractor_version, ingested_at,
                       issuer_folded)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'text-layer', 0, 'bench', '2026-01-01', ?)""",
                (i, f"{i:064x}", f"doc-{i}.pdf", str(i % 900 + 1), f"KH-{i % 7}", date, "Hà Nội", issuer, doc_type,
                 subject, body, fold(issuer)))
            goals = [Target(f"đạt trên {v} {u} kinh phí", v, rng.choice(queries.COMPARATORS), u, None)
                     for v, u in ((rng.randint(1, 100), rng.choice(UNITS)) for _ in range(3))]
            db.executemany("INSERT INTO targets (document_id, position, text, value, comparator, unit, metric, "
                           "folded, unit_folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [(i, k, t.text, t.value, t.comparator, t.unit, t.metric, *folded_target(t).values())
                            for k, t in enumerate(goals)])
            if rng.random() < 0.3:
                db.execute("INSERT INTO phases VALUES (?, 0, 'Đợt 1', ?, NULL, 'đợt thi đua')", (i, date))
            db.execute("INSERT INTO documents_fts (rowid, subject, body) VALUES (?, ?, ?)",
                       (i, fold(subject), fold(body)))
            if i % 10_000 == 0:
                db.execute("COMMIT")
                db.execute("BEGIN")
                print(f"  {i} documents", file=sys.stderr)
        db.execute("COMMIT")
        db.execute("ANALYZE")
        db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')")


COPIED = {"documents": None, "targets": None, "phases": None}  # the tables build() fills (all their columns)


def copy_to_postgres(path: Path, url: str) -> str:
    """The rows of the SQLite index at `path` in the schema `congvan_bench` of the PostgreSQL database at
    `url` (made anew unless it holds as many documents already); returns the URL of that schema."""
    from sqlalchemy import text

    from pipeline.store.engine import database_url, make_engine

    target = database_url(url).update_query_dict({"options": "-csearch_path=congvan_bench"})
    target = target.render_as_string(hide_password=False)
    with closing(sqlite3.connect(path)) as source:
        count = source.execute("SELECT count(*) FROM documents").fetchone()[0]
        admin = make_engine(url)
        with admin.begin() as conn:
            conn.execute(text("CREATE SCHEMA IF NOT EXISTS congvan_bench"))
        admin.dispose()
        with Store(target) as store:
            if store.document_count() == count:
                return target
        admin = make_engine(url)
        with admin.begin() as conn:
            conn.execute(text("DROP SCHEMA congvan_bench CASCADE"))
            conn.execute(text("CREATE SCHEMA congvan_bench"))
        admin.dispose()
        Store(target).close()  # the schema at the head
        engine = make_engine(target)
        with engine.begin() as conn:
            cursor = conn.connection.dbapi_connection.cursor()
            for table in COPIED:
                columns = [c[1] for c in source.execute(f"PRAGMA table_info({table})")]
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in source.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                        copy.write_row(row)
                print(f"  {table} copied", file=sys.stderr)
            with cursor.copy("COPY documents_fts (document_id, subject, body) FROM STDIN") as copy:
                for doc_id, subject, body in source.execute("SELECT id, subject, body FROM documents"):
                    copy.write_row((doc_id, fulltext.words_of(subject or ""), fulltext.words_of(body)))
            print("  documents_fts copied", file=sys.stderr)
            for table in ("documents", "targets"):
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))")
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        engine.dispose()
    return target


def bare_query(dialect: str, words: list[str]) -> tuple[str, list[str]]:
    """The baseline: the engine's own full-text query of every word, ranked, first 20."""
    every = fulltext.matching_sql(dialect, words, 4)[1]
    if dialect == "sqlite":
        return "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT 20", [every]
    return ("SELECT document_id FROM documents_fts WHERE tsv @@ to_tsquery('simple', ?) "
            "ORDER BY ts_rank(tsv, to_tsquery('simple', ?)) DESC LIMIT 20", [every, every])


def timed(fn, runs: int) -> tuple[float, float, float]:
    """(p50, p95) of the wall time and p95 of this process's CPU time, in ms: on a shared machine the CPU time
    shows the work done, the wall time also the waiting for a core."""
    fn()  # warm
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    wall.sort()
    cpu.sort()
    p95 = min(runs - 1, int(round(0.95 * runs)) - 1)
    return statistics.median(wall), wall[p95], cpu[p95]


def report(store: Store, runs: int) -> None:
    """Time each kind of query on `store` and print the table."""
    count = store.query("SELECT count(*) AS n FROM documents")[0]["n"]
    kinds = {"rare word": RARE, "common phrase": COMMON, "word in every document": EVERY}
    rows = []
    for kind, text in kinds.items():
        words = queries.words_of(text)
        every = fulltext.matching_sql(store.dialect, words, 4)
        matches = store.query(f"SELECT count(*) AS n FROM ({every[0]}) m", [every[1]])[0]["n"]
        bare, bare_params = bare_query(store.dialect, words)
        base = timed(lambda: store.query(bare, bare_params), runs)
        rel = timed(lambda: queries.search(store, text), runs)
        by_date = timed(lambda: queries.search(store, text, sort="date"), runs)
        filtered = timed(lambda: queries.search(store, text, queries.SearchFilters(year="2020")), runs)
        rows.append((kind, f'"{text}"', matches, base, rel, by_date, filtered))
    target_cases = {"all, first page": queries.TargetFilters(),
                    "unit %": queries.TargetFilters(unit="%"),
                    "words + unit + years": queries.TargetFilters(words="kinh phi", unit="%", since=2020, until=2022),
                    "issuer + value range": queries.TargetFilters(issuer="lao cai", min_value=90, max_value=100)}
    target_rows = [(name, timed(lambda: queries.targets(store, f, limit=100), runs))
                   for name, f in target_cases.items()]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{store.dialect}: {count} documents, {runs} runs per query, warm cache, {os.cpu_count()} cores, "
          f"load average {load:.1f}; milliseconds: wall p50 / wall p95 (CPU p95 of this process)\n")
    print(f"{'search: kind':<24} {'query':<22} {'matches':>8}  {'bare full-text':>22}  {'search':>22}  "
          f"{'search by date':>22}  {'search + year':>22}")
    for kind, text, matches, *times in rows:
        cells = "  ".join(f"{p50:6.1f} / {p95:6.1f} ({cpu:6.1f})" for p50, p95, cpu in times)
        print(f"{kind:<24} {text:<22} {matches:>8}  {cells}")
    print(f"\n{'targets (count + first 100 rows)':<40} {'wall p50 / p95 (CPU p95)':>24}")
    for name, (p50, p95, cpu) in target_rows:
        print(f"{name:<40} {p50:6.1f} / {p95:6.1f} ({cpu:6.1f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--index", type=Path, help="index file (built when missing)")
    ap.add_argument("--keep", action="store_true", help="keep the index built in a temporary folder")
    ap.add_argument("--postgres", help="a PostgreSQL URL: time the same rows there too")
    args = ap.parse_args()
    path = args.index or Path(tempfile.mkdtemp(prefix="congvan-bench-")) / "congvan.sqlite"
    if not path.exists():
        started = time.perf_counter()
        print(f"building {args.documents} synthetic directives in {path} …", file=sys.stderr)
        build(path, args.documents)
        print(f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    Store(path).close()  # as the next ingest would: the schema's indexes made if missing
    targets = [path]
    if args.postgres:
        started = time.perf_counter()
        targets.append(copy_to_postgres(path, args.postgres))
        print(f"PostgreSQL ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for target in targets:
        with Store(target, read_only=True) as store:
            report(store, args.runs)
    if args.index is None and not args.keep:
        path.unlink()
        for extra in path.parent.iterdir():
            extra.unlink()
        path.parent.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())

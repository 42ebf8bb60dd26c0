"""Search latency of the index on SQLite and on PostgreSQL, on the same synthetic directives (not a test).

    .venv/bin/python benchmarks/store_benchmark.py --documents 100000 \\
        --postgres postgresql://congvan:PASSWORD@127.0.0.1/congvan_bench

Builds one index per engine from the same N synthetic directives (a seeded random
draw of the words of ../shared/seeds/text and ../shared/real/digital, weighted by
their frequency there: a subject of 6–14 words, a text of 120–400, two targets, an
issuer, a date in 2010–2025), written through `Store.add_documents` in batches of
1,000; then times `Store.search` (limit 20) on the same queries on each — phrases
of 2–4 consecutive words cut from the generated texts, and "phat dong thi dua" —
and `Store.targets(unit="%")`, `Store.targets(words=…)`. Prints load rate and
p50/p95 in milliseconds. The PostgreSQL database given must be empty or hold only
an earlier run of this benchmark (its tables are dropped first).
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import text

from models.document import PLAIN, DocumentText, PageText
from models.record import Record, Target
from pipeline.search import query_words
from pipeline.store import INGESTED, LedgerEntry, Store, now
from pipeline.store.engine import make_engine

ROOT = Path(__file__).resolve().parents[1]
ISSUERS = ["Liên đoàn Lao động tỉnh Quảng Trị", "Công đoàn ngành Giáo dục Hòa Bình", "Sở Giáo dục và Đào tạo Gia Lai",
           "Liên đoàn Lao động tỉnh Cao Bằng", "Phòng Giáo dục và Đào tạo Hiệp Hòa", "Công đoàn Viên chức tỉnh"]
UNITS = ["%", "đoàn viên", "CĐCS", "người", "triệu đồng"]


def vocabulary(shared: Path) -> Counter:
    words: Counter = Counter()
    for path in [*shared.glob("seeds/text/*.txt"), *shared.glob("real/gold/*.json")]:
        words.update(re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8")))
    return words


def directives(n: int, words: Counter, seed: int = 10):
    rng = random.Random(seed)
    vocab, weights = list(words), list(words.values())
    for i in range(n):
        subject = " ".join(rng.choices(vocab, weights, k=rng.randint(6, 14)))
        body = " ".join(rng.choices(vocab, weights, k=rng.randint(120, 400)))
        unit = rng.choice(UNITS)
        record = Record(number=str(i), symbol="KH-LĐLĐ", date=f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-01",
                        issuer=rng.choice(ISSUERS), doc_type="Kế hoạch", subject=subject,
                        targets=[Target(f"phấn đấu {rng.randint(1, 100)} {unit} {rng.choice(vocab)}",
                                        float(rng.randint(1, 100)), ">=", unit) for _ in range(2)])
        doc = DocumentText(source=Path(f"{i}.pdf"), pages=[PageText(number=1, lines=[subject, body], method=PLAIN)])
        entry = LedgerEntry(sha256=f"{i:064x}", file_name=f"{i}.pdf", status=INGESTED, started_at=now(),
                            extractor_version="bench")
        yield record, doc, entry, body


def load(target, n: int, words: Counter, write: bool = True) -> tuple[float, list[str]]:
    """Write the directives; returns the seconds taken and a sample of bodies to cut queries from."""
    bodies, batch = [], []
    started = time.perf_counter()
    if not write:  # the index holds them already: only the bodies, drawn again from the same seed
        for _, _, _, body in directives(500, words):
            bodies.append(body)
        return 0.0, bodies
    with Store(target) as store:
        for record, doc, entry, body in directives(n, words):
            batch.append((record, doc, entry))
            if len(bodies) < 500:
                bodies.append(body)
            if len(batch) == 1000:
                store.add_documents(batch, 70.0)
                batch = []
        if batch:
            store.add_documents(batch, 70.0)
    return time.perf_counter() - started, bodies


def queries(bodies: list[str], count: int) -> list[list[str]]:
    rng = random.Random(7)
    out = [query_words("phat dong thi dua")]
    while len(out) < count:
        tokens = query_words(rng.choice(bodies))
        k = rng.randint(2, 4)
        start = rng.randrange(0, len(tokens) - k)
        out.append(tokens[start:start + k])
    return out


def timed(call, repeat: int = 1) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentiles(ms: list[float]) -> str:
    q = statistics.quantiles(ms, n=20)
    return f"p50 {statistics.median(ms):8.2f}   p95 {q[18]:8.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--postgres", help="an empty PostgreSQL database's URL; without it, SQLite only")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--postgres-only", action="store_true", help="time the PostgreSQL database as it is, "
                                                                 "written by an earlier run with the same --documents")
    args = ap.parse_args()
    words = vocabulary(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        targets = {} if args.postgres_only else {"sqlite": Path(tmp) / "bench.sqlite"}
        if args.postgres and args.postgres_only:
            targets["postgresql"] = args.postgres
        elif args.postgres:
            engine = make_engine(args.postgres)
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            engine.dispose()
            targets["postgresql"] = args.postgres
        print(f"{args.documents} synthetic directives, {len(words)} distinct words; {args.queries} search queries")
        results = {}
        for engine_name, target in targets.items():
            seconds, bodies = load(target, args.documents, words, write=not args.postgres_only)
            if engine_name == "postgresql":  # fresh planner statistics, as autovacuum would gather in time
                engine = make_engine(target)
                with engine.begin() as conn:
                    conn.execute(text("ANALYZE"))
                engine.dispose()
            with Store(target) as store:
                qs = queries(bodies, args.queries)
                for q in qs[:5]:  # warm the caches
                    store.search(q, 20)
                search_ms = [t for q in qs for t in timed(lambda q=q: store.search(q, 20))]
                hits = sum(len(store.search(q, 20)) for q in qs)
                unit_ms = timed(lambda: store.targets(unit="%"), 10)
                words_ms = timed(lambda: store.targets(words="phan dau"), 10)
            results[engine_name] = (seconds, search_ms, unit_ms, words_ms, hits)
        for engine_name, (seconds, search_ms, unit_ms, words_ms, hits) in results.items():
            if seconds:
                print(f"\n{engine_name}: loaded in {seconds:.0f} s ({args.documents / seconds:.0f} directives/s)")
            else:
                print(f"\n{engine_name}: as written before")
            print(f"  search (limit 20, {hits / len(search_ms):.1f} hits/query)  {percentiles(search_ms)}  ms")
            print(f"  targets --unit %                 {percentiles(unit_ms)}  ms")
            print(f"  targets --words 'phan dau'       {percentiles(words_ms)}  ms")
        if len(results) == 2:
            p = {e: statistics.quantiles(r[1], n=20) for e, r in results.items()}
            print(f"\nsearch p50 PostgreSQL/SQLite: {statistics.median(results['postgresql'][1]) / statistics.median(results['sqlite'][1]):.2f}"
                  f"   p95: {p['postgresql'][18] / p['sqlite'][18]:.2f}")


if __name__ == "__main__":
    main()

"""Reprocessing throughput: records re-extracted per second per core, from stored page text (no OCR).

Builds a temporary index of --records records (default 3000) from the real
born-digital and Word documents and the seed texts of ../shared (each read once,
then stored again and again under distinct contents), then runs what `congvan
reprocess --all` runs — `pipeline.reprocess.reprocess` over every record, in one
process on one core — and prints records per second. Issue 9's goal: at least
20 records/s per core (100,000 records in under an hour on two cores).

    .venv/bin/python benchmarks/reprocess_benchmark.py [--records 3000] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import EXTRACTOR_VERSION, extract_record  # noqa: E402
from pipeline.acquire import read_document  # noqa: E402
from pipeline.errors import InputError  # noqa: E402
from pipeline.options import Options  # noqa: E402
from pipeline.reprocess import reprocess  # noqa: E402
from pipeline.store import LedgerEntry, Store, now  # noqa: E402


def documents(shared: Path, options: Options) -> list:
    files = (sorted((shared / "seeds" / "text").glob("*.txt")) + sorted((shared / "real" / "digital").glob("*.pdf"))
             + sorted((shared / "real" / "textpdf").glob("*.pdf")) + sorted((shared / "real" / "office").glob("*.doc*")))
    docs = []
    for path in files:
        try:
            docs.append(read_document(path, options))
        except InputError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=3000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    options = Options(jobs=1)
    docs = documents(args.shared, options)
    records = [extract_record(doc) for doc in docs]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        for n in range(args.records):
            doc, record = docs[n % len(docs)], records[n % len(docs)]
            entry = LedgerEntry(sha256=hashlib.sha256(b"%d" % n).hexdigest(), file_name=doc.source.name,
                                status="ingested", started_at=now(), extractor_version="0.0.0")
            store.add_document(record, doc, entry, options.review_confidence)
        ids = [doc_id for doc_id, _ in store.document_versions()]
        cpu, wall = time.process_time(), time.perf_counter()
        report = reprocess(store, ids)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    pages = sum(len(d.pages) for d in docs) / len(docs)
    print(f"{report.done} records ({len(docs)} distinct documents, {pages:.1f} pages each on average) re-extracted "
          f"with extractors {EXTRACTOR_VERSION} in {wall:.1f} s on one core ({cpu:.1f} s CPU)")
    print(f"{report.done / cpu:.1f} records/s per core by CPU time, {report.done / wall:.1f} by wall time "
          f"(the two differ when the machine is shared); goal: 20; {len(report.changes)} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

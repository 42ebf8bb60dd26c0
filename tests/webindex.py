"""One index for the web tests on each engine, built once per test session from real inputs.

The seeds' texts, the born-digital PDFs, Word files and text-PDFs of ../shared/real, one scan (06, whose
born-digital copy is also there: the same dispatch twice), an empty file (quarantined), a file left waiting
in the inbox, and one hand-made record whose subject holds `<script>`.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from conftest import document, new_postgres_schema, shared
from models.record import Record, Target
from pipeline.options import Options

SCRIPT_SUBJECT = '<script>alert("x")</script> về việc kiểm tra & "thoát" ký tự'
_built: dict[str, Options] = {}


def inputs() -> list[Path]:
    files = sorted(shared("seeds", "text").glob("*.txt"))
    real = shared("real")
    files += sorted((real / "digital").glob("*.pdf")) + sorted((real / "office").glob("*.doc"))
    files += sorted((real / "textpdf").glob("*.pdf")) + [real / "scan" / "06.pdf"]
    return files


def build(engine: str = "sqlite") -> Options:
    """Ingest the inputs (through the consumer, without Prefect) into a fresh folder and an index on `engine`
    ("sqlite": a file in that folder; "postgresql": a schema of the test server); the same one per session."""
    if engine in _built:
        return _built[engine]
    from pipeline import consumer
    from pipeline.claims import Claims
    from pipeline.ocr import OcrPool
    from pipeline.store import INGESTED, LedgerEntry, Store, now

    root = Path(tempfile.mkdtemp(prefix="congvan-web-"))
    atexit.register(shutil.rmtree, root, True)
    database = None
    if engine == "postgresql":
        database, drop = new_postgres_schema()
        atexit.register(drop)
    options = Options(inbox=root / "raw", processed=root / "processed", database=database, jobs=2,
                      settle_seconds=0)
    options.inbox.mkdir(parents=True)
    for path in inputs():
        folder = path.parent.name
        name = path.name if folder == "text" else f"{folder}-{path.name}"
        shutil.copy2(path, options.inbox / name)
    (options.inbox / "empty.pdf").write_bytes(b"")
    with Store(options.database_target) as store, OcrPool(options) as pool, Claims(options) as claims:
        started_at = now()
        batch = consumer.plan(options, store, claims)
        outcomes = [consumer.ingest_file(item, options, store, pool) for item in batch.new]
        consumer.record_run(store, started_at, outcomes)
        record = Record(number="99", symbol="TEST-XSS", date="2022-03-04", issuer="Cơ quan <b>thử</b>",
                        doc_type="Công văn", subject=SCRIPT_SUBJECT,
                        targets=[Target("đạt trên 50% <i>nghiêng</i>", 50, ">", "%", None)])
        doc = document(f"V/v {SCRIPT_SUBJECT}\nnội dung thử nghiệm", source="xss.txt")
        store.add_document(record, doc, LedgerEntry(sha256="0" * 64, file_name="xss.txt", status=INGESTED,
                                                    started_at=now()), options.review_confidence)
    (options.inbox / "waiting-đợi.txt").write_text("Chưa nhập", encoding="utf-8")
    _built[engine] = options
    return options

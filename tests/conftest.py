"""Shared fixtures: paths to the shared data, documents built by hand, the index on each engine, a Prefect server."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Callable

import pytest

from models.document import OCR, PLAIN, DocumentText, PageText
from pipeline.options import Options

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Prefect must not write into the user's home nor phone home, in tests as in the CLI.
os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect" / "test"))
Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


def shared(*parts: str) -> Path:
    """A path in ../shared; the test is skipped when the shared data is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared data must sit beside the checkout")
    return path


def document(text: str, source: str = "doc.txt", confidences: list[float | None] | None = None) -> DocumentText:
    """A DocumentText of one page per form feed; pages with a confidence count as OCR'd."""
    pages = []
    for number, page_text in enumerate(text.split("\f"), start=1):
        conf = confidences[number - 1] if confidences else None
        pages.append(PageText(number=number, lines=page_text.splitlines(), method=OCR if conf is not None else PLAIN,
                              confidence=conf))
    return DocumentText(source=Path(source), pages=pages)


@pytest.fixture
def options(tmp_path: Path) -> Options:
    """Options whose inbox, processed folder and index are in a fresh temporary folder."""
    return Options(inbox=tmp_path / "raw", processed=tmp_path / "processed", jobs=2, settle_seconds=0)


POSTGRES_URL_VARIABLE = "CONGVAN_TEST_POSTGRES_URL"


def postgres_url() -> str:
    """The test server's URL; the test is skipped without one, but fails in CI (CI=true), where it must be set."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {POSTGRES_URL_VARIABLE} is not set: the PostgreSQL tests must run in CI "
                        "(`make test` sets it with scripts/test_postgres.sh)")
        pytest.skip(f"{POSTGRES_URL_VARIABLE} not set: no PostgreSQL to test on (see scripts/test_postgres.sh)")
    return url


def new_postgres_schema() -> tuple[str, Callable[[], None]]:
    """A fresh schema of the test server: (a URL whose search_path is that schema, a function dropping it)."""
    from sqlalchemy import text

    from pipeline.store.engine import database_url, make_engine

    url = postgres_url()
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    target = database_url(url).update_query_dict({"options": f"-csearch_path={name}"})

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()

    return target.render_as_string(hide_password=False), drop


@pytest.fixture
def postgres_database():
    """A PostgreSQL target of its own: a fresh schema of the test server (its search_path in the URL), dropped after."""
    target, drop = new_postgres_schema()
    try:
        yield target
    finally:
        drop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path: Path):
    """The index's target on each engine: an SQLite file in tmp_path, then a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        return tmp_path / "index.sqlite"
    return request.getfixturevalue("postgres_database")


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server (and database) for every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


COMPARATORS = {"=", ">", ">=", "<", "<="}


def assert_complete_gold(name: str, gold: dict, keys: set[str]) -> None:
    """A gold record of a made test set holds `keys`, is NFC, and its targets are well-formed."""
    import json
    import unicodedata

    assert keys <= set(gold), f"{name}: missing {sorted(keys - set(gold))}"
    text = json.dumps(gold, ensure_ascii=False)
    assert unicodedata.normalize("NFC", text) == text, f"{name}: gold not NFC"
    for target in gold["targets"] + gold.get("optional_targets", []):
        assert isinstance(target["value"], (int, float)) and target["comparator"] in COMPARATORS


def extract_files(files: dict[str, Path], options: Options, ocr: bool = False) -> dict[str, dict]:
    """Each file's extracted record by name, read as `congvan extract` reads it (one shared OCR pool for scans)."""
    from extractors import extract_record
    from pipeline.acquire import read_document

    if not ocr:
        return {name: extract_record(read_document(path, options)).to_dict() for name, path in files.items()}
    from pipeline.ocr import OcrPool

    with OcrPool(options) as pool:
        return {name: extract_record(read_document(path, options, pool)).to_dict() for name, path in files.items()}


def score_files(title: str, files: dict[str, Path], golds: dict[str, dict], options: Options,
                ocr: bool = False) -> dict:
    """Extract every file, score the lot against its gold records, print the table; returns the report."""
    from pipeline.evaluate import report_table, score_records

    report = score_records({name: golds[name] for name in files}, extract_files(files, options, ocr))
    print(f"\n===== {title} ({len(files)} documents)\n" + report_table(report, verbose=True))
    return report

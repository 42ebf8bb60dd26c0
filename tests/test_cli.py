"""`congvan` as a user runs it: extract, ingest, search, targets, review, export."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, shared
from pipeline.cli import main

SCHEMA_KEYS = ["number", "symbol", "date", "place", "issuer", "parent_issuer", "doc_type", "subject", "addressees",
               "phases", "targets", "signatory", "recipients", "references", "received", "theme"]


def congvan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=ROOT, capture_output=True, text=True)


def test_extract_prints_the_schema_keys_as_json():
    run = congvan("extract", str(shared("seeds", "text", "003_215ada83c8d0aa07.txt")))
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert list(record) == SCHEMA_KEYS
    assert (record["number"], record["symbol"], record["date"]) == ("708", "LĐLĐ-CTCS", "2021-02-22")
    assert "Quảng Trị" in run.stdout  # not \u-escaped
    assert run.stderr == f"{shared('seeds', 'text', '003_215ada83c8d0aa07.txt')}: page 1: plain text file\n"


@pytest.mark.parametrize("name, data, problem", [("empty.pdf", b"", "empty file"),
                                                 ("missing.doc", None, "file not found")])
def test_extract_refuses_bad_input_in_one_line(tmp_path, name, data, problem):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    run = congvan("extract", str(path))
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and run.stderr.startswith(f"congvan: {path}: ") and problem in run.stderr


@pytest.mark.usefixtures("prefect_server")
def test_ingest_then_query_the_index(tmp_path, capsys):
    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    inbox.mkdir()
    for path in shared("seeds", "text").glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    (inbox / "empty.docx").write_bytes(b"")
    where = ["--processed", str(processed)]

    assert main(["ingest", "--inbox", str(inbox), "--settle-seconds", "0", *where]) == 3  # 3: a file quarantined
    out, err = capsys.readouterr()
    assert "5 ingested, 0 skipped (already ingested), 1 quarantined; 0 page(s) OCR'd" in out
    assert f"congvan: {inbox / 'empty.docx'}: empty file" in err

    assert main(["search", "phat dong thi dua", *where]) == 0
    out = capsys.readouterr().out
    assert "001_f9ae15b775fe3bde.txt" in out and "004_4ba55daeb46a4bfd.txt" in out  # Cao Bằng and Lào Cai
    assert "phát động" in out.lower()

    assert main(["targets", "--unit", "%", *where]) == 0
    out = capsys.readouterr().out
    block = out[out.index("708/LĐLĐ-CTCS"):]
    assert "> 95 %" in block and "đạt trên 95%" in block

    assert main(["targets", "--unit", "đoàn viên", "--since", "2021", *where]) == 0
    out = capsys.readouterr().out
    goals = [line for line in out.splitlines() if line.startswith("  - ")]
    assert "> 1.500 đoàn viên" in out and goals and all("đoàn viên" in line for line in goals)

    assert main(["review", *where]) == 0
    assert capsys.readouterr().out.startswith("0 record(s) need review")

    assert main(["export", *where]) == 0
    written = capsys.readouterr().out.split()
    assert str(processed / "exports" / "targets.parquet") in written
    assert str(processed / "exports" / "ingestion_ledger.csv") in written


def test_query_before_any_ingest_says_what_to_do(tmp_path):
    run = congvan("search", "thi đua", "--processed", str(tmp_path))
    assert run.returncode == 1 and "run `congvan ingest` first" in run.stderr


@pytest.mark.usefixtures("prefect_server")
def test_ingest_search_and_targets_answer_the_same_on_postgresql(tmp_path, capsys, postgres_database):
    answers = []
    for engine, database in (("sqlite", str(tmp_path / "sqlite" / "index.sqlite")), ("postgresql", postgres_database)):
        inbox = tmp_path / engine / "raw"
        inbox.mkdir(parents=True)
        for path in shared("seeds", "text").glob("*.txt"):
            shutil.copy(path, inbox / path.name)
        where = ["--processed", str(tmp_path / engine / "processed"), "--database", database]
        assert main(["ingest", "--inbox", str(inbox), *where]) == 0
        assert "5 ingested" in capsys.readouterr().out
        assert main(["search", "phat dong thi dua", *where]) == 0
        assert main(["targets", "--unit", "%", *where]) == 0
        assert main(["targets", "--words", "doan vien", "--since", "2020", *where]) == 0
        answers.append(capsys.readouterr().out)
    assert answers[0] == answers[1]
    assert "document(s) match" in answers[0] and "target(s)" in answers[0]

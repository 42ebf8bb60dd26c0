"""Failures staff can act on: `congvan failures`, `congvan retry`, ingest's exit status, a Failed Prefect task;
and `congvan watch` taking a file written slowly once it is whole."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time

import pytest

import badfiles
from conftest import ROOT, shared
from pipeline.cli import EXIT_QUARANTINED, main
from pipeline.store import Store

SEED = "003_215ada83c8d0aa07.txt"


@pytest.mark.usefixtures("prefect_server")
def test_failures_are_listed_then_retried_after_a_fix(tmp_path, capsys):
    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    inbox.mkdir()
    (inbox / "good.txt").write_bytes(shared("seeds", "text", SEED).read_bytes())
    badfiles.damaged_docx(inbox)
    badfiles.encrypted_pdf(inbox)
    where = ["--inbox", str(inbox), "--processed", str(processed), "--settle-seconds", "0"]

    assert main(["ingest", *where]) == EXIT_QUARANTINED
    capsys.readouterr()
    assert main(["failures", "--processed", str(processed)]) == 0
    out = capsys.readouterr().out
    assert "2 file(s) in quarantine" in out
    assert "damaged.docx\n  reason: damaged Word file: " in out
    assert "encrypted.pdf\n  reason: encrypted PDF: a password is needed to open it" in out
    assert f"size: {(processed / 'quarantine' / 'damaged.docx').stat().st_size} bytes" in out

    # The Prefect task of a quarantined file failed, with the reason as its message.
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        runs = {r.name: r for r in client.read_task_runs() if r.name.startswith("ingest ")}
    assert runs["ingest encrypted.pdf"].state.is_failed()
    assert runs["ingest encrypted.pdf"].state.message == "encrypted PDF: a password is needed to open it"
    assert runs["ingest good.txt"].state.is_completed()

    # A clerk gets a good copy of the Word file and puts it in place of the damaged one.
    fixed = next(badfiles.SAMPLES.glob("*.docx")).read_bytes()
    (processed / "quarantine" / "damaged.docx").write_bytes(fixed)
    assert main(["retry", "damaged.docx", "not-there.pdf", *where[:4]]) == 1  # one name unknown
    out, err = capsys.readouterr()
    assert "back to the inbox: " in out and "1 ingested" in out and "not-there.pdf: not in quarantine" in err
    assert sorted(p.name for p in (processed / "quarantine").iterdir()) == ["encrypted.pdf", "encrypted.pdf.reason.txt"]
    assert (processed / "archive" / "damaged.docx").read_bytes() == fixed

    assert main(["retry", "--all", *where[:4]]) == EXIT_QUARANTINED  # still encrypted: back with a fresh reason
    capsys.readouterr()
    assert sorted(p.name for p in (processed / "quarantine").iterdir()) == ["encrypted.pdf", "encrypted.pdf.reason.txt"]
    with Store(processed / "congvan.sqlite") as store:
        assert store.document_count() == 2


def test_watch_takes_a_slowly_written_file_once_whole(tmp_path):
    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    inbox.mkdir()
    data = shared("seeds", "text", SEED).read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": str(tmp_path / "prefect"), "CONGVAN_JOBS": "1"}
    watch = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "watch", "--poll", "--settle-seconds", "2",
                              "--inbox", str(inbox), "--processed", str(processed)], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1)
        with (inbox / "slow.txt").open("wb") as out:  # 1 KB every half second, as a slow scanner writes
            for start in range(0, len(data), 1024):
                out.write(data[start:start + 1024])
                out.flush()
                time.sleep(0.5)
        deadline = time.monotonic() + 180
        while not (processed / "archive" / "slow.txt").exists() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(3)  # were it taken twice, the second would come now
    finally:
        watch.send_signal(signal.SIGINT)
        out, err = watch.communicate(timeout=60)
    assert "Traceback" not in err, err
    assert (processed / "archive" / "slow.txt").read_bytes() == data
    with Store(processed / "congvan.sqlite") as store:
        ledger = store.ledger()
        assert store.document_count() == 1
    assert [(r["file_name"], r["status"], r["sha256"]) for r in ledger] == [
        ("slow.txt", "ingested", hashlib.sha256(data).hexdigest())]
    assert "1 ingested" in out and os.listdir(inbox) == []

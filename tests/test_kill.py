"""kill -9 at random moments loses nothing and stores nothing twice: during ingest and during reprocess."""
from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT, document, shared
from extractors import EXTRACTOR_VERSION, extract_record
from flows.deploy import scheduled_options
from pipeline.options import Options
from pipeline.store import LedgerEntry, Store, now

SEED = "003_215ada83c8d0aa07.txt"
# Issue 9: 20 kills of each kind of run, in a test bounded in time. A trial is not started once the kind's
# budget is spent (the machine may be shared and slow); fewer than MIN_TRIALS fails the test.
TRIALS = 20
MIN_TRIALS = 8
REPROCESS_BUDGET_SECONDS = 60
INGEST_BUDGET_SECONDS = 90


def cli(*args: str, cwd, env_extra: dict | None = None, output: bool = True) -> subprocess.Popen:
    """`congvan ARGS` in a session of its own (so that kill() takes its Prefect server child with it)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env_extra or {})}
    pipe = subprocess.PIPE if output else subprocess.DEVNULL
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, env=env, stdout=pipe,
                            stderr=pipe, text=True, start_new_session=True)


def kill(run: subprocess.Popen) -> None:
    """kill -9 the run and whatever it started."""
    try:
        os.killpg(run.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    run.wait(timeout=60)


def trials(budget_seconds: float, record_property):
    """Trial numbers, up to TRIALS, while the time budget lasts; how many ran is recorded (and printed)."""
    started, ran = time.monotonic(), 0
    for trial in range(TRIALS):
        if trial and time.monotonic() - started > budget_seconds:
            break
        yield trial
        ran += 1
    record_property("kill_trials", ran)
    print(f"{ran} kill trial(s) in {time.monotonic() - started:.0f} s")
    assert ran >= MIN_TRIALS, f"only {ran} kill trial(s) fitted in {budget_seconds} s"


def test_reprocess_killed_at_random_moments_leaves_every_record_whole(tmp_path, record_property):
    database = tmp_path / "processed" / "congvan.sqlite"
    text = shared("seeds", "text", SEED).read_text(encoding="utf-8")
    doc = document(text)
    record = extract_record(doc)
    with Store(database) as store:
        for n in range(300):
            store.add_document(record, doc, LedgerEntry(sha256=f"{n:064d}", file_name=f"{n}.txt", status="ingested",
                                                        started_at=now(), extractor_version="0.0.1"), 70)
    rng = random.Random(9)
    for _ in trials(REPROCESS_BUDGET_SECONDS, record_property):
        run = cli("reprocess", "--all", "--processed", str(tmp_path / "processed"), cwd=tmp_path, output=False)
        time.sleep(rng.uniform(0.5, 4.0))  # starting takes about a second; 300 records take several
        kill(run)
        db = sqlite3.connect(database)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 300
        # A record is old or new, never half: every one holds its targets exactly once.
        per_doc = db.execute("SELECT count(*) FROM targets GROUP BY document_id").fetchall()
        assert {n for (n,) in per_doc} == {len(record.targets)} and len(per_doc) == 300
        db.close()
    db = sqlite3.connect(database)
    behind = db.execute("SELECT count(*) FROM documents WHERE extractor_version <> ?",
                        (EXTRACTOR_VERSION,)).fetchone()[0]
    db.close()
    assert behind > 0  # the kills left work undone: the next run finishes it
    finish = cli("reprocess", "--before-version", EXTRACTOR_VERSION, "--processed", str(tmp_path / "processed"),
                 cwd=tmp_path)
    out, err = finish.communicate(timeout=600)
    assert finish.returncode == 0, err
    assert f"{behind} record(s) re-extracted" in out
    with Store(database) as store:
        assert {v for _, v in store.document_versions()} == {EXTRACTOR_VERSION}


def _contents(batch: int, seed: str) -> dict[str, bytes]:
    return {f"cv-{batch}-{n}.txt": seed.replace("708", str(1000 * (batch + 1) + n)).encode() for n in range(6)}


@pytest.mark.usefixtures("prefect_server")
def test_ingest_killed_at_random_moments_loses_nothing_and_the_next_run_finishes(tmp_path, record_property):
    from prefect.settings import PREFECT_API_URL

    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    inbox.mkdir()
    seed = shared("seeds", "text", SEED).read_text(encoding="utf-8")
    contents: dict[str, bytes] = {}
    where = ["--inbox", str(inbox), "--processed", str(processed)]
    env = {"PREFECT_API_URL": PREFECT_API_URL.value(), "CONGVAN_JOBS": "2", "CONGVAN_SETTLE_SECONDS": "0"}
    claims = inbox / ".congvan-claims"
    rng = random.Random(3)
    killed_holding_claims = 0
    for trial in trials(INGEST_BUDGET_SECONDS, record_property):
        if not any(not name.startswith(".") for name in os.listdir(inbox)):  # give each run work to be killed in
            batch = _contents(trial, seed)
            for name, data in batch.items():
                (inbox / name).write_bytes(data)
            contents.update(batch)
        run = cli("ingest", *where, cwd=tmp_path, output=False, env_extra=env)
        deadline = time.monotonic() + 60  # kill once the run holds claims (it is reading), at a random moment
        while time.monotonic() < deadline and run.poll() is None:
            if any(claims.glob("*/*")):
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 1.0))
        killed_holding_claims += run.poll() is None and any(claims.glob("*/*"))
        kill(run)
        # Nothing lost: every content is waiting (in the inbox or a claim) or archived; none stored twice.
        waiting = {hashlib.sha256(p.read_bytes()).hexdigest() for p in [*inbox.glob("*.txt"), *claims.glob("*/*")]}
        archive = processed / "archive"
        archived = ({hashlib.sha256(p.read_bytes()).hexdigest() for p in archive.iterdir()}
                    if archive.is_dir() else set())
        assert {hashlib.sha256(d).hexdigest() for d in contents.values()} <= waiting | archived
        if (processed / "congvan.sqlite").exists():
            db = sqlite3.connect(processed / "congvan.sqlite")
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("SELECT count(*) = count(DISTINCT sha256) FROM documents").fetchone()[0] == 1
            db.close()
    print(f"{killed_holding_claims} run(s) killed while holding claims")
    assert killed_holding_claims >= MIN_TRIALS // 2  # most kills land while files are claimed, not before
    final = cli("ingest", *where, cwd=tmp_path, env_extra=env)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 0 and "Traceback" not in err, err
    with Store(processed / "congvan.sqlite") as store:
        docs = store.read_table("documents")
        ledger = store.ledger()
    assert sorted(docs.sha256) == sorted(hashlib.sha256(d).hexdigest() for d in contents.values())
    assert docs.sha256.is_unique
    archived = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (processed / "archive").iterdir()}
    assert archived == set(docs.sha256)  # every content in the archive (a copy twice at most)
    assert all((processed / r["stored_as"]).exists() for r in ledger)
    assert sorted(os.listdir(inbox)) == []


def test_scheduled_runs_get_every_setting_as_their_parameter(tmp_path):
    options = Options(inbox=tmp_path / "raw", processed=tmp_path / "processed", jobs=3, settle_seconds=7,
                      cron="30 22 * * 1-5", timezone="UTC", max_pages=50)
    values = scheduled_options(options)
    back = Options.from_dict(values)
    assert back == options and back.inbox.is_absolute() and values["cron"] == "30 22 * * 1-5"
    import json

    assert json.loads(json.dumps(values)) == values


def test_a_database_url_stays_a_url_in_the_scheduled_runs_parameter(tmp_path):
    url = "postgresql://congvan:secret@dbhost/congvan"
    options = Options(inbox=tmp_path / "raw", processed=tmp_path / "processed", database=url)
    values = scheduled_options(options)
    assert values["database"] == url
    back = Options.from_dict(values)
    assert back == options and back.database_target == url
    path = Options.from_dict(scheduled_options(Options(processed=tmp_path, database=tmp_path / "i.sqlite")))
    assert path.database == tmp_path / "i.sqlite"

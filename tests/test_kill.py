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

from conftest import ROOT, document, shared
from extractors import EXTRACTOR_VERSION, extract_record
from flows.deploy import scheduled_options
from pipeline.options import Options
from pipeline.store import LedgerEntry, Store, now

SEED = "003_215ada83c8d0aa07.txt"


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


def test_reprocess_killed_at_random_moments_leaves_every_record_whole(tmp_path):
    database = tmp_path / "processed" / "congvan.sqlite"
    text = shared("seeds", "text", SEED).read_text(encoding="utf-8")
    doc = document(text)
    record = extract_record(doc)
    with Store(database) as store:
        for n in range(300):
            store.add_document(record, doc, LedgerEntry(sha256=f"{n:064d}", file_name=f"{n}.txt", status="ingested",
                                                        started_at=now(), extractor_version="0.0.1"), 70)
    rng = random.Random(9)
    for _ in range(5):
        run = cli("reprocess", "--before-version", EXTRACTOR_VERSION, "--processed", str(tmp_path / "processed"),
                  cwd=tmp_path, output=False)
        time.sleep(rng.uniform(1.0, 6.0))
        kill(run)
        db = sqlite3.connect(database)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 300
        # A record is old or new, never half: every one holds its targets exactly once.
        per_doc = db.execute("SELECT count(*) FROM targets GROUP BY document_id").fetchall()
        assert {n for (n,) in per_doc} == {len(record.targets)} and len(per_doc) == 300
        db.close()
    finish = cli("reprocess", "--before-version", EXTRACTOR_VERSION, "--processed", str(tmp_path / "processed"),
                 cwd=tmp_path)
    out, err = finish.communicate(timeout=600)
    assert finish.returncode == 0, err
    with Store(database) as store:
        assert {v for _, v in store.document_versions()} == {EXTRACTOR_VERSION}


def test_ingest_killed_mid_run_loses_nothing_and_the_next_run_finishes(tmp_path):
    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    inbox.mkdir()
    seed = shared("seeds", "text", SEED).read_text(encoding="utf-8")
    contents = {f"cv-{n}.txt": seed.replace("708", str(900 + n)).encode() for n in range(12)}
    for name, data in contents.items():
        (inbox / name).write_bytes(data)
        os.utime(inbox / name, (time.time() - 60,) * 2)
    where = ["--inbox", str(inbox), "--processed", str(processed)]
    env = {"PREFECT_HOME": str(tmp_path / "prefect"), "CONGVAN_JOBS": "2"}
    rng = random.Random(3)
    for trial in range(2):
        run = cli("ingest", *where, cwd=tmp_path, output=False,
                  env_extra={**env, "PREFECT_HOME": str(tmp_path / f"prefect-{trial}")})
        deadline = time.monotonic() + 120  # kill once the run holds claims (it is reading), at a random moment
        while time.monotonic() < deadline and run.poll() is None:
            claims = inbox / ".congvan-claims"
            if claims.is_dir() and any(any(d.iterdir()) for d in claims.iterdir() if d.is_dir()):
                break
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 1.5))
        kill(run)
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
    assert all(os.path.exists(r["stored_as"]) for r in ledger)
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

"""One claim per file: runs at the same time never read one file twice nor store one content twice;
a file still being written waits; claims of runs that are gone come back to the inbox."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time

import pytest

from conftest import ROOT, document, shared
from extractors import extract_record
from pipeline import consumer
from pipeline.claims import HOST, Claims
from pipeline.consumer import Settling, settled_files
from pipeline.store import AlreadyStored, LedgerEntry, Store, now


def test_a_claim_is_taken_once(options):
    options.inbox.mkdir(parents=True)
    (options.inbox / "a.txt").write_text("một")
    with Claims(options) as first, Claims(options) as second:
        held = first.claim(options.inbox / "a.txt")
        assert held is not None and held.read_text() == "một" and held.parent == first.dir
        assert second.claim(options.inbox / "a.txt") is None


def test_claims_of_a_dead_run_come_back_at_once_and_of_another_machine_after_expiry(options):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    mine = options.claims_dir / f"{HOST}-{int(dead.stdout)}-deadbeef"
    theirs = options.claims_dir / "other-host-123-cafecafe"
    for folder, name in ((mine, "killed.txt"), (theirs, "remote.txt")):
        folder.mkdir(parents=True)
        (folder / name).write_text(name)
    with Claims(options):
        pass
    assert (options.inbox / "killed.txt").read_text() == "killed.txt" and not mine.exists()
    assert (theirs / "remote.txt").exists()  # the other machine's run may be alive
    old = time.time() - options.claim_expiry_seconds - 10
    os.utime(theirs, (old, old))
    with Claims(options):
        pass
    assert (options.inbox / "remote.txt").read_text() == "remote.txt" and not options.claims_dir.exists()


def test_a_file_is_taken_once_its_size_and_time_stay_still(options, tmp_path):
    options.inbox.mkdir(parents=True)
    path = options.inbox / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 part one")
    settling = Settling(1.0)
    assert settling.split([path]) == ([], [path])  # just written
    time.sleep(0.6)
    with path.open("ab") as f:
        f.write(b" part two")  # still being copied: the clock starts again
    time.sleep(0.6)
    assert settling.split([path]) == ([], [path])
    time.sleep(1.1)
    assert settling.split([path]) == ([path], [])
    old = time.time() - 60
    os.utime(path, (old, old))
    assert Settling(5.0).split([path]) == ([path], [])  # lying there for a minute: ready at once

    options.settle_seconds = 0.5
    young = options.inbox / "young.txt"
    young.write_text("vừa chép xong")
    started = time.monotonic()
    ready, waiting = settled_files(options)
    assert ready == [path, young] and waiting == [] and time.monotonic() - started >= 0.5


def test_one_content_is_stored_once(database):
    doc = document("CÔNG VĂN\nSố: 12/UBND\nV/v thử")
    with Store(database) as store:
        entry = lambda: LedgerEntry(sha256="ab" * 32, file_name="a.txt", status="ingested", started_at=now())
        store.add_document(extract_record(doc), doc, entry(), 70)
        with pytest.raises(AlreadyStored):
            store.add_document(extract_record(doc), doc, entry(), 70)
        assert store.document_count() == 1 and len(store.ledger()) == 1


def test_two_stores_adding_one_content_at_once_store_it_once(database):
    """Two Stores (as two runs have) on one index, each adding the same content from its own thread."""
    from concurrent.futures import ThreadPoolExecutor

    doc = document("CÔNG VĂN\nSố: 13/UBND\nV/v cùng lúc")
    with Store(database) as first, Store(database) as second:
        def add(store):
            entry = LedgerEntry(sha256="cd" * 32, file_name="b.txt", status="ingested", started_at=now())
            try:
                return store.add_document(extract_record(doc), doc, entry, 70)
            except AlreadyStored:
                return None

        for _ in range(5):
            with ThreadPoolExecutor(2) as pool:
                results = list(pool.map(add, [first, second]))
        assert sum(r is not None for r in results) <= 1
        assert first.query("SELECT count(*) AS n FROM documents") == [{"n": 1}]
        assert len(second.ledger()) == 1


def test_two_ingests_at_once_store_each_content_once(tmp_path):
    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    inbox.mkdir()
    seed = shared("seeds", "text", "003_215ada83c8d0aa07.txt").read_text(encoding="utf-8")
    for n in range(10):
        (inbox / f"cv-{n}.txt").write_text(seed.replace("708", str(800 + n)), encoding="utf-8")
    (inbox / "copy-of-cv-3.txt").write_text(seed.replace("708", "803"), encoding="utf-8")
    old = time.time() - 60
    for path in inbox.iterdir():
        os.utime(path, (old, old))
    runs = []
    for n in range(2):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": str(tmp_path / f"prefect-{n}"),
               "CONGVAN_JOBS": "2"}
        runs.append(subprocess.Popen([sys.executable, "-m", "pipeline.cli", "ingest", "--inbox", str(inbox),
                                      "--processed", str(processed)], cwd=tmp_path, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err, err
    with Store(processed / "congvan.sqlite") as store:
        docs = store.read_table("documents")
        ledger = store.ledger()
    assert len(docs) == 10 and docs.sha256.is_unique
    assert sorted(docs.number) == [str(800 + n) for n in range(10)]
    assert sorted(r["status"] for r in ledger) == ["duplicate"] + ["ingested"] * 10
    assert all((processed / r["stored_as"]).exists() for r in ledger)
    assert sorted(p.name for p in (processed / "archive").iterdir()) == sorted(
        [f"cv-{n}.txt" for n in range(10)] + ["copy-of-cv-3.txt"])
    assert os.listdir(inbox) == []


@pytest.mark.usefixtures("prefect_server")
def test_two_ingests_and_a_watch_at_once_store_each_of_20_contents_once(tmp_path):
    from prefect.settings import PREFECT_API_URL

    from concurrency import run_round

    assert run_round(tmp_path, PREFECT_API_URL.value(), files=20) == []


@pytest.mark.usefixtures("prefect_server")
def test_one_ctrl_c_stops_the_watch_even_during_an_ingest_and_nothing_is_lost(tmp_path):
    """A Ctrl-C landing inside an ingest's Prefect flow run may be taken by that run; the watch still stops."""
    import signal

    from prefect.settings import PREFECT_API_URL

    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    inbox.mkdir()
    scans = sorted((ROOT / "tests" / "data" / "heldout" / "files").glob("*.scan.pdf"))[:2]
    for scan in scans:
        (inbox / scan.name).write_bytes(scan.read_bytes())
        os.utime(inbox / scan.name, (time.time() - 60, time.time() - 60))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_API_URL": PREFECT_API_URL.value()}
    where = ["--inbox", str(inbox), "--processed", str(processed), "--settle-seconds", "1"]
    watch = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "watch", *where], env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not any((inbox / ".congvan-claims").glob("*/*")):
        time.sleep(0.1)
    assert any((inbox / ".congvan-claims").glob("*/*")), "the watch never began an ingest"
    watch.send_signal(signal.SIGINT)  # once, while the run reads its claimed files
    try:
        _out, err = watch.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(watch.pid, signal.SIGKILL)
        watch.communicate()
        pytest.fail("the watch went on after one Ctrl-C")
    assert "Traceback" not in err
    # nothing lost: what the interrupted run did not store, the next run does
    ingest = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", *where], env=env, text=True,
                            capture_output=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    with Store(processed / "congvan.sqlite") as store:
        stored = sorted(store.read_table("documents").sha256)
    assert stored == sorted(hashlib.sha256(scan.read_bytes()).hexdigest() for scan in scans)
    assert sorted(p.name for p in (processed / "archive").iterdir()) == [scan.name for scan in scans]


def test_the_watch_stops_when_an_ingest_takes_the_ctrl_c_as_its_own(tmp_path, monkeypatch):
    """Prefect may end a flow run on the KeyboardInterrupt and return: the watch must not go on watching."""
    import signal

    from pipeline import cli

    inbox = tmp_path / "raw"
    inbox.mkdir()
    (inbox / "cv.txt").write_text("Kính gửi: các công đoàn cơ sở")
    os.utime(inbox / "cv.txt", (time.time() - 60, time.time() - 60))
    runs = []

    def ingest_taking_the_interrupt(options, settling=None, quiet_when_empty=False):
        runs.append(options.inbox)
        assert len(runs) == 1, "the watch went on after Ctrl-C"
        try:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C pressed while the run is reading
            time.sleep(1)
        except KeyboardInterrupt:
            pass  # ... and taken by the flow run, which ends
        return 0

    monkeypatch.setattr(cli, "_ingest", ingest_taking_the_interrupt)
    monkeypatch.setattr(cli, "_prefect_env", lambda quiet: None)
    args = cli.parser().parse_args(["watch", "--inbox", str(inbox), "--processed", str(tmp_path / "processed"),
                                    "--settle-seconds", "0.1"])
    assert cli.cmd_watch(args) == 0
    assert runs == [inbox] and signal.getsignal(signal.SIGINT) is signal.default_int_handler

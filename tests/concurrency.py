"""Issue 9's check of runs at once: two `congvan ingest` and one `congvan watch` started together on one inbox.

`run_round` fills an inbox with files of distinct contents, starts the three
runs at the same moment, lets both ingests end, waits until the inbox and every
claim folder are empty, stops the watch with Ctrl-C (SIGINT), and returns what
it found wrong — an empty list when every content was stored once, no run
printed a traceback or failed, every file is in the archive and every ledger row
points at a file that exists. `tests/test_claims.py` runs one round;
`scripts/concurrent_runs.py` runs ten.
"""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "text" / "003_215ada83c8d0aa07.txt"


def _start(command: list[str], folder: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", *command], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def run_round(folder: Path, prefect_api_url: str, files: int = 20, timeout: float = 240) -> list[str]:
    """One round in `folder` (made empty); the problems found."""
    inbox, processed = folder / "raw", folder / "processed"
    inbox.mkdir(parents=True)
    seed = SEED.read_text(encoding="utf-8")
    contents = {f"cv-{n:02d}.txt": seed.replace("708", str(5000 + n)).encode() for n in range(files)}
    old = time.time() - 60
    for name, data in contents.items():
        (inbox / name).write_bytes(data)
        os.utime(inbox / name, (old, old))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_API_URL": prefect_api_url, "CONGVAN_JOBS": "2"}
    where = ["--inbox", str(inbox), "--processed", str(processed), "--settle-seconds", "1"]
    runs = {"ingest 1": _start(["ingest", *where], folder, env), "ingest 2": _start(["ingest", *where], folder, env),
            "watch": _start(["watch", *where], folder, env)}
    problems, outputs = [], {}
    deadline = time.monotonic() + timeout
    for name in ("ingest 1", "ingest 2"):
        try:
            outputs[name] = runs[name].communicate(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(runs[name].pid, signal.SIGKILL)
            outputs[name] = runs[name].communicate()
            problems.append(f"{name} did not end in {timeout:.0f} s")
    claims = inbox / ".congvan-claims"
    while time.monotonic() < deadline and (any(inbox.glob("*.txt")) or any(claims.glob("*/*"))):
        time.sleep(0.2)
    runs["watch"].send_signal(signal.SIGINT)  # one Ctrl-C stops it, even one landing inside an ingest's flow run
    try:
        outputs["watch"] = runs["watch"].communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(runs["watch"].pid, signal.SIGKILL)
        outputs["watch"] = runs["watch"].communicate()
        problems.append("watch did not stop on Ctrl-C")
    for name, run in runs.items():
        err = outputs[name][1]
        if "Traceback" in err or "Segmentation" in err:
            problems.append(f"{name} printed: {err.strip()[-400:]}")
        if run.returncode != 0:  # the watch too: Ctrl-C ends it with 0 when nothing was quarantined
            problems.append(f"{name} exited with status {run.returncode}")
    db = sqlite3.connect(processed / "congvan.sqlite")
    stored = [sha for (sha,) in db.execute("SELECT sha256 FROM documents")]
    ledger = [path for (path,) in db.execute("SELECT stored_as FROM ingestion_ledger")]
    db.close()
    expected = {hashlib.sha256(data).hexdigest() for data in contents.values()}
    if len(stored) != files or set(stored) != expected:
        problems.append(f"{len(stored)} record(s), {len(set(stored))} content(s) of {files}")
    archived = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (processed / "archive").iterdir()}
    if archived != expected:
        problems.append(f"{len(expected - archived)} content(s) missing from the archive")
    missing = [path for path in ledger if not (processed / path).exists()]
    if missing:
        problems.append(f"ledger rows pointing at no file: {missing}")
    left = [p.name for p in inbox.iterdir() if p.name != ".congvan-claims"] + [p.name for p in claims.glob("*/*")]
    if left:
        problems.append(f"left in the inbox: {left}")
    return problems

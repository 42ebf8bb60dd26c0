"""Peak memory of one `congvan ingest` over issue 9's batch: good files beside every kind of bad one.

The inbox gets good files — the seed texts, born-digital PDFs, Word files and
scans from ../shared, the bundled samples — and the bad ones issue 9 names: a
Latin-1 file name, a 250-byte name, a symlink to a file outside the inbox, a
dangling symlink, an encrypted PDF, a damaged .docx, a zip-bomb .docx, a PDF
page showing a 30000×30000 image, and a PDF whose page content inflates to
400 MB (the bad files of `tests/badfiles.py`). One `congvan ingest` runs over it
in a session of its own; every 50 ms the resident memory of every process of
that session (the run, its Prefect server, its reading processes, Tesseract) is
summed (proportional set sizes: a page two processes share counts once). The
highest sum is printed with the run's outcome, and a bound above it: the sum of
each live process's own peak (VmHWM), which no moment between samples exceeds.
Issue 9's goal: under 1.5 GB. The outcome itself is asserted by
tests/test_inbox_safety.py.

    .venv/bin/python benchmarks/inbox_memory_benchmark.py [--shared ../shared] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import badfiles  # noqa: E402
from pipeline.names import fit  # noqa: E402

def fill_inbox(inbox: Path, outside: Path, shared: Path) -> list[str]:
    """Good and bad files into `inbox`; returns the good files' names."""
    real = shared / "real"
    good = [*sorted((shared / "seeds" / "text").glob("*.txt"))[:3], *sorted((real / "digital").glob("*.pdf"))[:3],
            *sorted((real / "office").glob("*.doc"))[:2], *sorted((real / "scan").glob("*.pdf"))[:1],
            *sorted((ROOT / "pipeline" / "samples").glob("*.docx"))]
    names = []
    for n, path in enumerate(good):
        name = f"{n:02d}-{path.name}"
        shutil.copy2(path, inbox / name)
        names.append(name)
    seed = (shared / "seeds" / "text").glob("*.txt").__next__().read_bytes()
    latin1 = os.fsdecode(b"c\xf4ng v\xe3n c\xfc.txt")
    (inbox / latin1).write_bytes(seed + "\nBản sao số 1".encode())
    long_name = fit("Kế hoạch phát động thi đua năm 2024 của Liên đoàn Lao động tỉnh " * 6 + ".txt",
                    250)
    (inbox / long_name).write_bytes(seed + "\nBản sao số 2".encode())
    names += [latin1, long_name]
    secret = outside / "secret.txt"
    secret.write_text("Bí mật: không được đọc.", encoding="utf-8")
    (inbox / "link-out.txt").symlink_to(secret)
    (inbox / "dangling.pdf").symlink_to(outside / "nowhere.pdf")
    for make in badfiles.BAD_FILES:
        make(inbox)
    old = time.time() - 60
    for entry in inbox.iterdir():
        os.utime(entry, (old, old), follow_symlinks=False)
    return names


def session_rss(session: int) -> dict[str, int]:
    """Bytes resident in the processes of the session `session`, by process ("PID NAME"): each one's
    proportional set size, so that pages two processes share (a fork before it runs Tesseract) count once."""
    resident = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            name, rest = Path(f"/proc/{pid}/stat").read_text().split(" (", 1)[1].rsplit(")", 1)
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        if int(rest.split()[3]) != session:  # after the name: state ppid pgrp session
            continue
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        pss = next((line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")), "0")
        resident[f"{pid} {name}"] = int(pss) * 1024
    return resident


def high_water_marks(processes) -> int:
    """The sum of the highest resident size each of these processes ("PID NAME") has had (VmHWM): a bound
    above what they held at once, that no moment between two samples can exceed."""
    total = 0
    for process in processes:
        try:
            status = Path(f"/proc/{process.split()[0]}/status").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--keep", type=Path, help="work in this folder (kept) instead of a temporary one")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="congvan-memory-"))
    inbox, processed, outside = work / "raw", work / "processed", work / "outside"
    for folder in (inbox, outside):
        folder.mkdir(parents=True)
    good = fill_inbox(inbox, outside, args.shared)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": str(work / "prefect")}
    started = time.perf_counter()
    run = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "ingest", "--inbox", str(inbox),
                            "--processed", str(processed)], cwd=work, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True)
    peak, largest, bound = 0, {}, 0
    while run.poll() is None:
        now = session_rss(run.pid)
        bound = max(bound, high_water_marks(now))
        if sum(now.values()) > peak:
            peak, largest = sum(now.values()), now
        time.sleep(0.05)
    out, err = run.communicate()
    seconds = time.perf_counter() - started
    print(err.strip())
    print(out.strip())
    print(f"\n{len(good)} good file(s), {len(os.listdir(inbox)) if inbox.exists() else 0} left in the inbox; "
          f"exit status {run.returncode}; {seconds:.0f} s")
    print(f"peak resident memory of the run (every process of its session, summed): {peak / 2**20:.0f} MB")
    print(f"bound above it (each live process's own peak, summed, at the worst sample): {bound / 2**20:.0f} MB")
    for process, size in sorted(largest.items(), key=lambda item: -item[1]):
        print(f"  {size / 2**20:6.0f} MB  {process}")
    if args.keep is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())

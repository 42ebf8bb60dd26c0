"""Issue 9's check, repeated: two `congvan ingest` and one `congvan watch` started together on 20 files, ten times.

Starts one Prefect server for all rounds (as a site with `congvan serve` has), then
runs `tests/concurrency.py`'s round ten times, each in a fresh folder, and prints
each round's time and problems (none expected: 20 records, each content once, no
traceback, every file in the archive, every ledger row pointing at a file that exists).

    .venv/bin/python scripts/concurrent_runs.py [--rounds 10] [--files 20]
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from concurrency import run_round  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--files", type=int, default=20)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="congvan-concurrent-"))
    port = free_port()
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port",
                               str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    api = f"http://127.0.0.1:{port}/api"
    failed = 0
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{api}/health", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    print("the Prefect server did not start", file=sys.stderr)
                    return 1
                time.sleep(1)
        for number in range(1, args.rounds + 1):
            started = time.perf_counter()
            problems = run_round(work / f"round-{number}", api, files=args.files)
            failed += bool(problems)
            print(f"round {number}: {time.perf_counter() - started:.0f} s, "
                  f"{'; '.join(problems) if problems else f'{args.files} records, each content once, all archived'}",
                  flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.rounds - failed} of {args.rounds} round(s) without a problem")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

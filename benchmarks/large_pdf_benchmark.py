"""A long born-digital PDF against a short one: wall time and peak memory of `congvan extract` on each.

Writes a --pages page PDF (default 300) and a --baseline page one (default 10) with
`long_pdf.write_long_pdf` (a real dispatch's text, about 600 words a page, with a
text layer), then runs `congvan extract` in a session of its own, one run after the
other: on the short one, on the long one with CONGVAN_JOBS=1 (one reading process),
and on the long one with CONGVAN_JOBS set to the cores (one reading process per core,
a page range each: `pipeline.child_reader.page_ranges`). It prints each run's wall
time, seconds per page and peak memory (the proportional set sizes of every process
of the session, summed, sampled every 50 ms: the command and its reading processes).
Not a test: numbers to read.

    .venv/bin/python benchmarks/large_pdf_benchmark.py [--pages 300] [--baseline 10]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from inbox_memory_benchmark import session_rss  # noqa: E402
from long_pdf import write_long_pdf  # noqa: E402


def extract_run(path: Path, jobs: int) -> tuple[float, float, int]:
    """(seconds, peak MB, exit status) of `congvan extract PATH` in a session of its own; the peak is of the
    memory of every process of the session (the command, its forkserver, its reading process) summed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CONGVAN_MAX_PAGES": os.environ.get("CONGVAN_MAX_PAGES", "1000"),
           "CONGVAN_JOBS": str(jobs)}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", str(path)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    peak = 0
    while child.poll() is None:
        peak = max(peak, sum(session_rss(child.pid).values()))
        time.sleep(0.05)
    return time.perf_counter() - started, peak / 2**20, child.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--baseline", type=int, default=10)
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'pages':>6} {'jobs':>4} {'seconds':>8} {'s/page':>7} {'peak MB':>8}  exit")
        for pages, jobs in ((args.baseline, cores), (args.pages, 1), (args.pages, cores)):
            path = Path(folder) / f"long-{pages}.pdf"
            if not path.exists():
                write_long_pdf(path, pages)
            seconds, peak, code = extract_run(path, jobs)
            print(f"{pages:>6} {jobs:>4} {seconds:>8.1f} {seconds / pages:>7.3f} {peak:>8.0f}  {code}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

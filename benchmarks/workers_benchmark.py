"""Ingest throughput with one Dask worker and with two, on the same files, as files/s and their ratio.

Each side ingests a fresh copy of the same inbox into a fresh index, with a
`dask.distributed` LocalCluster of that many worker processes (one thread, so
one Tesseract, each) named by `Options.dask_address`, as CONGVAN_DASK_ADDRESS
does. The clock runs over the flow run alone: the Prefect server (a temporary
one, started once), the cluster and each worker's imports are ready before it
starts. Default files: the real scans of ../shared (OCR, where more workers
pay), which `--kinds` changes. The machine may be shared: each side runs
`--rounds` times, alternating, and its best round counts.

    .venv/bin/python benchmarks/workers_benchmark.py [--shared ../shared] [--kinds scan] [--limit N] [--rounds 1]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _warm() -> None:
    """Import what a task needs (underthesea, pdfplumber, the extractors) in a worker before the clock starts."""
    import extractors  # noqa: F401
    import flows.ingest  # noqa: F401
    import pipeline.acquire  # noqa: F401


def ingest_with_workers(files: list[Path], workers: int) -> tuple[int, float]:
    """(files ingested, seconds) for one run over a fresh inbox and index on a cluster of `workers`."""
    from distributed import Client, LocalCluster

    from flows.ingest import run_ingest
    from pipeline.options import Options
    from pipeline.status import Status

    with tempfile.TemporaryDirectory() as tmp, \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(_warm)
        inbox = Path(tmp) / "raw"
        inbox.mkdir()
        for path in files:
            shutil.copy(path, inbox / f"{path.parent.name}-{path.name}")
        options = Options(inbox=inbox, processed=Path(tmp) / "processed", jobs=1, settle_seconds=0,
                          dask_address=cluster.scheduler_address)
        started = time.perf_counter()
        summary = run_ingest(options)
        seconds = time.perf_counter() - started
        return summary.count(Status.INGESTED), seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--kinds", nargs="+", default=["scan"], help="folders of shared/real to take files from")
    ap.add_argument("--limit", type=int, default=None, help="the first N files only")
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    files = [p for kind in args.kinds for p in sorted((args.shared / "real" / kind).iterdir()) if p.is_file()]
    files = files[:args.limit]
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="prefect-"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    print(f"{len(files)} files ({', '.join(args.kinds)}), {os.cpu_count()} cores on this machine, load average "
          f"{os.getloadavg()[0]:.1f} before the runs")
    best: dict[int, float] = {}
    with prefect_test_harness(server_startup_timeout=90):
        for round_number in range(1, args.rounds + 1):
            for workers in (1, 2):
                ingested, seconds = ingest_with_workers(files, workers)
                print(f"  round {round_number}, {workers} worker(s): {ingested} ingested in {seconds:6.1f} s = "
                      f"{ingested / seconds:5.3f} files/s", flush=True)
                if ingested != len(files):
                    print(f"  {len(files) - ingested} file(s) not ingested: the run is not comparable")
                    return 1
                best[workers] = min(best.get(workers, seconds), seconds)
    one, two = len(files) / best[1], len(files) / best[2]
    print(f"load average {os.getloadavg()[0]:.1f} after the runs")
    print(f"best: 1 worker {one:5.3f} files/s, 2 workers {two:5.3f} files/s; ratio 2/1 = {two / one:4.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

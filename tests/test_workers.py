"""Two Prefect workers, two runs of the deployment, one inbox of 20 files: 20 records, none twice, on each engine."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import pytest

from conftest import ROOT, shared
from flows.deploy import deploy
from pipeline.store import INGESTED, Store

pytestmark = pytest.mark.usefixtures("prefect_server")

FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def _inbox(folder, count: int) -> None:
    """`count` text dispatches of distinct content (the seeds, each with a line of its own)."""
    seeds = sorted(shared("seeds", "text").glob("*.txt"))
    folder.mkdir(parents=True)
    for i in range(count):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"cv-{i:02d}.txt").write_text(f"{text}\nBản sao số {i}.\n", encoding="utf-8")


def work_until_final(pool: str, settings: dict[str, str], runs: list, limit: int = 1, timeout: float = 300) -> list:
    """Two Prefect workers on `pool`, with `settings` in their environment, until every one of `runs` is final
    (or `timeout` seconds); the runs as they ended."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_WORKER_QUERY_SECONDS": "2", **settings}
    workers = [subprocess.Popen([sys.executable, "-m", "prefect", "worker", "start", "--pool", pool, "--limit",
                                 str(limit), "--name", f"worker-{n}"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL) for n in range(2)]
    try:
        deadline = time.monotonic() + timeout
        with get_client(sync_client=True) as client:
            while True:
                finished = [client.read_flow_run(run.id) for run in runs]
                if time.monotonic() > deadline or all(
                        run.state is not None and run.state.type.value in FINAL for run in finished):
                    return finished
                time.sleep(2)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)


def test_two_workers_ingest_one_inbox_every_file_once(tmp_path, database):
    from prefect.deployments import run_deployment

    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    _inbox(inbox, 20)
    Store(database).close()  # the index exists before the runs: they do not seed samples
    name, pool = f"two-{uuid.uuid4().hex[:8]}", f"pool-{uuid.uuid4().hex[:8]}"
    deploy(name=name, pool=pool)
    runs = [run_deployment(f"ingest-inbox/{name}", timeout=0) for _ in range(2)]
    first, second = work_until_final(pool, {"CONGVAN_INBOX": str(inbox), "CONGVAN_PROCESSED": str(processed),
                                            "CONGVAN_DATABASE": str(database), "CONGVAN_JOBS": "2"}, runs)
    assert [first.state.type.value, second.state.type.value] == ["COMPLETED", "COMPLETED"]
    with Store(database) as store:
        ingested = [r for r in store.ledger() if r["status"] == INGESTED]
        assert store.document_count() == 20
    assert sorted(r["file_name"] for r in ingested) == [f"cv-{i:02d}.txt" for i in range(20)]
    assert len({r["sha256"] for r in ingested}) == 20
    assert sorted(p.name for p in (processed / "archive").iterdir()) == [f"cv-{i:02d}.txt" for i in range(20)]
    assert list(inbox.iterdir()) == []

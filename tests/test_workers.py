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


def test_two_workers_ingest_one_inbox_every_file_once(tmp_path, database):
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    inbox, processed = tmp_path / "raw", tmp_path / "processed"
    _inbox(inbox, 20)
    Store(database).close()  # the index exists before the runs: they do not seed samples
    name, pool = f"two-{uuid.uuid4().hex[:8]}", f"pool-{uuid.uuid4().hex[:8]}"
    deploy(name=name, pool=pool)
    runs = [run_deployment(f"ingest-inbox/{name}", timeout=0) for _ in range(2)]
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "CONGVAN_INBOX": str(inbox),
           "CONGVAN_PROCESSED": str(processed), "CONGVAN_DATABASE": str(database), "CONGVAN_JOBS": "2",
           "PREFECT_WORKER_QUERY_SECONDS": "2"}
    workers = [subprocess.Popen([sys.executable, "-m", "prefect", "worker", "start", "--pool", pool, "--limit", "1",
                                 "--name", f"worker-{n}"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL) for n in range(2)]
    try:
        deadline = time.monotonic() + 300
        with get_client(sync_client=True) as client:
            while time.monotonic() < deadline:
                states = [client.read_flow_run(r.id).state for r in runs]
                if all(s is not None and s.type.value in FINAL for s in states):
                    break
                time.sleep(2)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)
    assert [s.type.value for s in states] == ["COMPLETED", "COMPLETED"]
    with Store(database) as store:
        ingested = [r for r in store.ledger() if r["status"] == INGESTED]
        assert store.document_count() == 20
    assert sorted(r["file_name"] for r in ingested) == [f"cv-{i:02d}.txt" for i in range(20)]
    assert len({r["sha256"] for r in ingested}) == 20
    assert sorted(p.name for p in (processed / "archive").iterdir()) == [f"cv-{i:02d}.txt" for i in range(20)]
    assert list(inbox.iterdir()) == []

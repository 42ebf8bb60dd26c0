"""The schedule never piles up late runs, while runs started by hand go beside it (a live Prefect server)."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from flows.deploy import deploy
from flows.schedule import Collapsed
from pipeline.status import Status
from pipeline.store import Store
from test_workers import _inbox, work_until_final

pytestmark = pytest.mark.usefixtures("prefect_server")


def test_late_scheduled_runs_collapse_into_one_and_a_run_by_hand_goes_beside_it(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment

    inbox, processed, database = tmp_path / "raw", tmp_path / "processed", tmp_path / "index.sqlite"
    _inbox(inbox, 12)
    Store(database).close()
    name, pool = f"late-{uuid.uuid4().hex[:8]}", f"pool-{uuid.uuid4().hex[:8]}"
    deployment_id = deploy(cron="* * * * *", timezone="UTC", name=name, pool=pool)
    now = datetime.now(timezone.utc)
    with get_client(sync_client=True) as client:  # the workers were down past three schedule times
        client.request("POST", "/deployments/{id}/schedule", path_params={"id": deployment_id},
                       json={"start_time": (now - timedelta(seconds=190)).isoformat(),
                             "end_time": (now - timedelta(seconds=10)).isoformat(), "max_runs": 3}
                       ).raise_for_status()
        late = [run for run in client.read_flow_runs() if run.deployment_id == deployment_id and run.auto_scheduled]
    assert len(late) == 3
    by_hand = run_deployment(f"ingest-inbox/{name}", timeout=0)
    runs = work_until_final(pool, {"CONGVAN_INBOX": str(inbox), "CONGVAN_PROCESSED": str(processed),
                                   "CONGVAN_DATABASE": str(database), "CONGVAN_JOBS": "1"}, late + [by_hand], limit=4)
    *scheduled, manual = runs
    assert manual.state.type.value == "COMPLETED"
    assert sorted(run.state.type.value for run in scheduled) == ["CANCELLED", "CANCELLED", "COMPLETED"]
    reasons = {f"collapsed: {reason.value}" for reason in Collapsed}
    assert all(run.state.message in reasons for run in scheduled if run.state.type.value == "CANCELLED")
    with Store(database) as store:
        ingested = [row for row in store.ledger() if row["status"] == Status.INGESTED]
        assert store.document_count() == 12
    assert sorted(row["file_name"] for row in ingested) == [f"cv-{i:02d}.txt" for i in range(12)]
    assert sorted(p.name for p in (processed / "archive").iterdir()) == [f"cv-{i:02d}.txt" for i in range(12)]

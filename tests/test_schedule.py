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
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
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
        late = [run for run in client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(
            any_=[deployment_id]))) if run.auto_scheduled]  # (a whole test session's runs are more than one page)
    assert len(late) == 3
    by_hand = run_deployment(f"ingest-inbox/{name}", timeout=0)
    runs = work_until_final(pool, {"CONGVAN_INBOX": str(inbox), "CONGVAN_PROCESSED": str(processed),
                                   "CONGVAN_DATABASE": str(database), "CONGVAN_JOBS": "1"}, late + [by_hand], limit=4)
    *scheduled, manual = runs
    assert manual.state.type.value == "COMPLETED"
    states = sorted(run.state.type.value for run in scheduled)  # all three cancelled: a cron time came meanwhile
    assert states in (["CANCELLED", "CANCELLED", "COMPLETED"], ["CANCELLED"] * 3), states
    reasons = {f"collapsed: {reason.value}" for reason in Collapsed}
    assert all(run.state.message in reasons for run in scheduled if run.state.type.value == "CANCELLED")
    with Store(database) as store:
        ingested = [row for row in store.ledger() if row["status"] == Status.INGESTED]
        assert store.document_count() == 12
    assert sorted(row["file_name"] for row in ingested) == [f"cv-{i:02d}.txt" for i in range(12)]
    assert sorted(p.name for p in (processed / "archive").iterdir()) == [f"cv-{i:02d}.txt" for i in range(12)]


def test_congvan_serve_runs_one_scheduled_run_at_a_time_and_collapses_late_ones(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
    from prefect.exceptions import ObjectNotFound
    from prefect.settings import PREFECT_API_URL

    from test_cli import ROOT
    from test_workers import FINAL

    inbox, processed, database = tmp_path / "raw", tmp_path / "processed", tmp_path / "index.sqlite"
    _inbox(inbox, 12)
    Store(database).close()
    name = f"served-{uuid.uuid4().hex[:8]}"
    serving = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "serve", "--name", name, "--cron", "* * * * *", "--timezone", "UTC",
         "--inbox", str(inbox), "--processed", str(processed), "--database", str(database), "--jobs", "1"],
        cwd=ROOT, env={**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_RUNNER_POLL_FREQUENCY": "2"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180  # a fresh machine imports everything slowly the first time
        with get_client(sync_client=True) as client:
            while True:  # until `serve` has registered its deployment
                assert serving.poll() is None and time.monotonic() < deadline
                try:
                    deployment_id = client.read_deployment_by_name(f"ingest-inbox/{name}").id
                    break
                except ObjectNotFound:
                    time.sleep(0.5)
            now = datetime.now(timezone.utc)  # `serve` was down past three schedule times
            client.request("POST", "/deployments/{id}/schedule", path_params={"id": deployment_id},
                           json={"start_time": (now - timedelta(seconds=190)).isoformat(),
                                 "end_time": (now - timedelta(seconds=10)).isoformat(), "max_runs": 3}
                           ).raise_for_status()
            of_deployment = DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))  # (a whole test session's
            late = client.read_flow_runs(deployment_filter=of_deployment)  # runs are more than one page)
            assert len(late) == 3 and all(run.auto_scheduled for run in late)
            deadline = time.monotonic() + 300
            while True:  # until the late runs ended, and whichever run went ahead (one of them, or a cron time come meanwhile)
                runs = [client.read_flow_run(run.id) for run in late]
                started = [run for run in client.read_flow_runs(deployment_filter=of_deployment)
                           if run.auto_scheduled and run.start_time is not None]
                ended = all(run.state.type.value in FINAL for run in runs + started)
                if (ended and any(run.state.type.value == "COMPLETED" for run in started)) or time.monotonic() > deadline:
                    break
                time.sleep(1)
    finally:
        serving.send_signal(signal.SIGINT)
        serving.wait(timeout=30)
    states = sorted(run.state.type.value for run in runs)
    assert states in (["CANCELLED", "CANCELLED", "COMPLETED"], ["CANCELLED"] * 3), states  # all three: a cron run came due
    reasons = {f"collapsed: {reason.value}" for reason in Collapsed}
    assert all(run.state.message in reasons for run in runs if run.state.type.value == "CANCELLED")
    went_ahead = sorted((run for run in started if run.state.type.value == "COMPLETED"), key=lambda run: run.start_time)
    assert went_ahead and all(first.end_time <= then.start_time for first, then in zip(went_ahead, went_ahead[1:]))
    with Store(database) as store:
        ingested = [row for row in store.ledger() if row["status"] == Status.INGESTED]
        assert store.document_count() == 12
    assert sorted(row["file_name"] for row in ingested) == [f"cv-{i:02d}.txt" for i in range(12)]
    assert sorted(p.name for p in (processed / "archive").iterdir()) == [f"cv-{i:02d}.txt" for i in range(12)]

"""`congvan deploy`: the nightly deployment registered with a process work pool, for Prefect workers."""
from __future__ import annotations

import pytest

from flows.deploy import deploy

pytestmark = pytest.mark.usefixtures("prefect_server")


def test_deploy_registers_the_flow_by_module_with_the_work_pool_and_schedule():
    from prefect.client.orchestration import get_client

    deployment_id = deploy(cron="30 22 * * 1-5", timezone="Asia/Ho_Chi_Minh", name="test-nightly",
                           pool="congvan-test")
    assert deploy(cron="30 22 * * 1-5", name="test-nightly", pool="congvan-test") == deployment_id  # again: same
    with get_client(sync_client=True) as client:
        pool = client.read_work_pool("congvan-test")
        deployment = client.read_deployment(deployment_id)
    assert pool.type == "process"
    assert deployment.work_pool_name == "congvan-test"
    assert deployment.entrypoint == "flows.ingest.ingest_inbox"  # a module: workers need no checkout path
    assert [s.schedule.cron for s in deployment.schedules] == ["30 22 * * 1-5"]
    assert deployment.schedules[0].schedule.timezone == "Asia/Ho_Chi_Minh"
    assert deployment.global_concurrency_limit is None  # runs share the inbox by claims; the flow holds back the schedule


def test_congvan_deploy_clears_the_concurrency_limit_of_1_an_older_deploy_left():
    import os
    import subprocess
    import sys

    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    from flows.deploy import ensure_work_pool
    from flows.ingest import ingest_inbox
    from test_cli import ROOT

    ensure_work_pool("congvan-old")
    old = ingest_inbox.to_deployment(name="old-nightly", work_pool_name="congvan-old", concurrency_limit=1,
                                     enforce_parameter_schema=False)  # what `congvan deploy` registered before
    deployment_id = old.apply(work_pool_name="congvan-old")
    with get_client(sync_client=True) as client:
        assert client.read_deployment(deployment_id).global_concurrency_limit.limit == 1
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "deploy", "--name", "old-nightly", "--pool",
                           "congvan-old", "--cron", "0 2 * * *"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}, timeout=240)
    assert done.returncode == 0, done.stderr
    assert str(deployment_id) in done.stdout
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment(deployment_id)
    assert deployment.global_concurrency_limit is None  # runs share the inbox by claims; the flow holds back the schedule

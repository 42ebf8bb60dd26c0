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

"""Scheduled runs never pile up: one at a time per deployment, and late ones collapse into the newest.

Claims make any number of runs on one inbox safe, so the deployment has no
concurrency limit: runs started by hand (`prefect deployment run`, the UI) go
at once, on as many workers as take them, and share a backlog. Only the runs
the schedule made are held back. A scheduled run ends at once, Cancelled with
the reason, when

- a later scheduled run of its deployment is already due (the workers were
  down, or busy, past several schedule times: the newest takes the files), or
- another scheduled run of its deployment is going: it holds the deployment's
  schedule slot, a Prefect global concurrency limit of 1 (its lease lapses if
  that run's machine dies).
"""
from __future__ import annotations

from contextlib import ExitStack, contextmanager
from datetime import datetime, timezone
from enum import Enum
from typing import Iterator

from prefect import get_run_logger
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (DeploymentFilter, DeploymentFilterId, FlowRunFilter,
                                            FlowRunFilterExpectedStartTime)
from prefect.client.schemas.objects import FlowRun
from prefect.concurrency.sync import concurrency
from prefect.context import FlowRunContext
from prefect.exceptions import ObjectAlreadyExists

# How long a scheduled run waits for the slot before it counts as taken (a free slot answers at once).
SLOT_WAIT_SECONDS = 5.0


class Collapsed(Enum):
    """Why a scheduled run ended without reading anything."""

    NEWER_RUN_DUE = "a later scheduled run of this deployment is already due: it takes the files"
    SLOT_TAKEN = "another scheduled run of this deployment is going: the files are its, or the next run's"


def slot_name(run: FlowRun) -> str:
    """The name of the schedule slot of the run's deployment."""
    return f"congvan-schedule-{run.deployment_id}"


def _newer_run_due(run: FlowRun) -> bool:
    """True when a run of the same deployment was scheduled after `run` and its time has come."""
    with get_client(sync_client=True) as client:
        later = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[run.deployment_id])),
            flow_run_filter=FlowRunFilter(expected_start_time=FlowRunFilterExpectedStartTime(
                after_=run.expected_start_time, before_=datetime.now(timezone.utc))))
    return any(other.auto_scheduled and other.id != run.id and other.expected_start_time > run.expected_start_time
               for other in later)


def _ensure_slot(name: str) -> None:
    with get_client(sync_client=True) as client:
        try:
            client.upsert_global_concurrency_limit_by_name(name, limit=1)
        except ObjectAlreadyExists:  # another run created it meanwhile
            pass


@contextmanager
def scheduled_turn() -> Iterator[Collapsed | None]:
    """For the flow's whole run: None when it goes ahead (holding the schedule slot if the schedule made it),
    else why it collapses. Runs started by hand, and runs outside a deployment, always go ahead."""
    context = FlowRunContext.get()
    run = context.flow_run if context else None
    if run is None or run.deployment_id is None or not run.auto_scheduled:
        get_run_logger().info("not a scheduled run: it goes ahead, sharing the inbox with any other run")
        yield None
        return
    if _newer_run_due(run):
        get_run_logger().warning("scheduled run collapsed: %s", Collapsed.NEWER_RUN_DUE.value)
        yield Collapsed.NEWER_RUN_DUE
        return
    name = slot_name(run)
    _ensure_slot(name)
    with ExitStack() as slot:
        try:
            slot.enter_context(concurrency(name, occupy=1, timeout_seconds=SLOT_WAIT_SECONDS, strict=True))
        except TimeoutError:
            get_run_logger().warning("scheduled run collapsed: %s", Collapsed.SLOT_TAKEN.value)
            yield Collapsed.SLOT_TAKEN
            return
        get_run_logger().info("scheduled run goes ahead: it holds the schedule slot %s", name)
        yield None

"""The nightly deployment of the ingest flow: `congvan serve` on one machine, `congvan deploy` for workers.

Both need a Prefect server that stays up: `prefect server start`, and
PREFECT_API_URL pointing at it (http://127.0.0.1:4200/api) — see the README.

- `serve`: `flow.serve` registers the deployment and runs its scheduled runs in
  this process until it is stopped. Scheduled runs are given every setting
  explicitly, as the deployment's `options` parameter (folders made absolute);
  nothing goes through os.environ.
- `deploy`: registers the deployment with a work pool (`congvan`, of type
  process, created if missing); `prefect worker start --pool congvan` on any
  machine with congvan installed runs its flow runs. The flow is found by module
  (`flows.ingest.ingest_inbox`), not by a path, so workers need no checkout at a
  given place; a run is given no `options` and takes its settings (CONGVAN_*)
  from its worker's environment.

Neither limits how many runs go at once: runs share the inbox by their claims,
so runs started by hand (on several workers) split a backlog between them. The
schedule alone is held back, by the flow itself (`flows.schedule`): at most one
scheduled run at a time, and late scheduled runs collapse into the newest.
"""
from __future__ import annotations

from uuid import UUID

from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import WorkPoolCreate
from prefect.deployments.runner import EntrypointType
from prefect.exceptions import ObjectNotFound
from prefect.schedules import Cron

from flows.ingest import ingest_inbox
from pipeline.options import Options

DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
WORK_POOL = "congvan"


def scheduled_options(options: Options) -> dict:
    """The parameter a scheduled run is given: every setting, folders absolute (a database URL as it is)."""
    values = options.to_dict()
    for name in ("inbox", "processed", "database", "tessdata_dir"):
        path = getattr(options, name)
        if isinstance(path, str):  # a database URL
            continue
        values[name] = str(path.resolve()) if path is not None else None
    return values


def serve(options: Options, name: str = "nightly") -> None:
    """Serve `ingest_inbox` on the cron schedule of `options` until interrupted."""
    ingest_inbox.serve(
        name=name, schedules=[Cron(options.cron, timezone=options.timezone)],
        parameters={"options": scheduled_options(options)},
        enforce_parameter_schema=False,
        description=f"Ingest {options.inbox.resolve()} on {options.cron} ({options.timezone})")


def ensure_work_pool(name: str = WORK_POOL) -> None:
    """Create the process work pool `name` unless the server has it already."""
    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(name)
        except ObjectNotFound:
            client.create_work_pool(WorkPoolCreate(name=name, type="process"))


def deploy(cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE, name: str = "nightly",
           pool: str = WORK_POOL) -> UUID:
    """Register `ingest_inbox` on a cron schedule with the work pool `pool`; returns the deployment's id."""
    ensure_work_pool(pool)
    deployment = ingest_inbox.to_deployment(
        name=name, schedules=[Cron(cron, timezone=timezone)], work_pool_name=pool,
        entrypoint_type=EntrypointType.MODULE_PATH, enforce_parameter_schema=False,
        description=f"Ingest each worker's CONGVAN_INBOX at {cron} ({timezone}), one scheduled run at a time")
    return deployment.apply(work_pool_name=pool)

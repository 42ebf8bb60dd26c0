"""`congvan serve`: the nightly deployment of the ingest flow.

`flow.serve` registers the deployment with a Prefect server and runs its
scheduled runs in this process until it is stopped. It needs a server that
stays up: `prefect server start` in another terminal, and PREFECT_API_URL
pointing at it (http://127.0.0.1:4200/api) — see the README.

Scheduled runs are given every setting explicitly, as the deployment's
`options` parameter (folders made absolute); nothing goes through os.environ.
One run at a time: the deployment's concurrency limit is 1 and a run that
would start while another is going is cancelled (the files it would have
taken are the running one's, or the next run's).
"""
from __future__ import annotations

from prefect.schedules import Cron

from flows.ingest import ingest_inbox
from pipeline.options import Options


def scheduled_options(options: Options) -> dict:
    """The parameter a scheduled run is given: every setting, folders absolute."""
    values = options.to_dict()
    for name in ("inbox", "processed", "database", "tessdata_dir"):
        path = getattr(options, name)
        values[name] = str(path.resolve()) if path is not None else None
    return values


def serve(options: Options, name: str = "nightly") -> None:
    """Serve `ingest_inbox` on the cron schedule of `options` until interrupted."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    ingest_inbox.serve(
        name=name, schedules=[Cron(options.cron, timezone=options.timezone)],
        parameters={"options": scheduled_options(options)},
        enforce_parameter_schema=False,
        global_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
        description=f"Ingest {options.inbox.resolve()} on {options.cron} ({options.timezone})")

"""`congvan serve`: the nightly deployment of the ingest flow.

`flow.serve` registers the deployment with a Prefect server and runs its
scheduled runs in this process until it is stopped. It needs a server that
stays up: `prefect server start` in another terminal, and PREFECT_API_URL
pointing at it (http://127.0.0.1:4200/api) — see the README.
"""
from __future__ import annotations

import os

from prefect.schedules import Cron

from flows.ingest import ingest_inbox
from pipeline.options import Options

DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"


def serve(options: Options, cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE,
          name: str = "nightly") -> None:
    """Serve `ingest_inbox` on a cron schedule until interrupted.

    Scheduled runs build their `Options` from the environment, so the folders
    chosen here are handed to them as absolute CONGVAN_* variables.
    """
    os.environ["CONGVAN_INBOX"] = str(options.inbox.resolve())
    os.environ["CONGVAN_PROCESSED"] = str(options.processed.resolve())
    os.environ["CONGVAN_JOBS"] = str(options.jobs)
    ingest_inbox.serve(name=name, schedules=[Cron(cron, timezone=timezone)],
                       description=f"Ingest {options.inbox.resolve()} every day at {cron} ({timezone})")

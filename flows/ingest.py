"""The Prefect flow that ingests the inbox: `congvan ingest` and `congvan watch` run it, `congvan serve` nightly.

Thin on purpose: what happens to a file is `pipeline.consumer`. The flow takes
the settled files of the inbox into a claim folder of its own (so that runs at
the same time never read one file twice), archives content already ingested
without reading it, quarantines what is not a regular file, and runs one task
per new file on a thread pool of `options.jobs` workers. Their pages all go to
one shared `OcrPool` (one Tesseract process per core), which is started only
when there is something new to read. A quarantined file is a Failed task whose
state message is the reason.
"""
from __future__ import annotations

import time
from typing import Callable

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import consumer
from pipeline.claims import Claims, take_back_expired
from pipeline.consumer import InboxFile, Outcome, Progress, Settling, Summary
from pipeline.names import shown
from pipeline.ocr import OcrPool
from pipeline.options import Options
from pipeline.status import Status
from pipeline.store import Store, now


def _settled(outcome: Outcome):
    """The task's end: the outcome, or a Failed state carrying it when the file was quarantined."""
    if outcome.status == Status.QUARANTINED:
        get_run_logger().warning("quarantined %s: %s", shown(outcome.path), outcome.error)
        return Failed(message=outcome.error, data=outcome)
    return outcome


@task(name="ingest-file", cache_policy=NO_CACHE, task_run_name="ingest {item.label}")
def ingest_file(item: InboxFile, options: Options, store: Store, ocr: OcrPool | None):
    return _settled(consumer.ingest_file(item, options, store, ocr))


def _read(files: list[InboxFile], options: Options, store: Store, report: Callable[[Outcome], None]) -> None:
    if not files:
        return
    needs_ocr = any(item.kind is None for item in files)
    with (OcrPool(options) if needs_ocr else _NoPool()) as ocr:
        for future in as_completed([ingest_file.submit(item, options, store, ocr) for item in files]):
            report(future.result(raise_on_failure=False))


class _NoPool:
    def __enter__(self):
        return None

    def __exit__(self, *exc: object) -> None:
        return None


# Scheduled runs are given their options as a parameter (`Options.to_dict`); `run_ingest` sets the pool per run.
@flow(name="ingest-inbox", validate_parameters=False, task_runner=ThreadPoolTaskRunner(max_workers=Options().jobs))
def ingest_inbox(options: Options | dict | None = None, progress: Progress | None = None,
                 settling: Settling | None = None) -> Summary:
    """Ingest every settled file waiting in the inbox; returns what happened to each.

    `settling`: the settle rule's memory of a `watch` (else this run waits, once, for young files).
    """
    if isinstance(options, dict):
        options = Options.from_dict(options)
    options = options or Options()
    started, started_at = time.perf_counter(), now()
    summary = Summary()

    def report(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if progress:
            progress.done(outcome)

    with Claims(options) as claims, Store(options.database_target) as store:
        batch = consumer.plan(options, store, claims, settling)
        summary.unsettled = batch.unsettled
        if progress:
            progress.start(len(batch.new) + len(batch.duplicates) + len(batch.repeats) + len(batch.odd))
        for item in batch.duplicates:
            report(consumer.archive_duplicate(item, options, store))
        _read(batch.odd + batch.new, options, store, report)
        # A repeat waits for the first file of its content: archived if that one was ingested, else read itself.
        unread = [item for item in batch.repeats if not store.is_ingested(item.sha256)]
        for item in batch.repeats:
            if item not in unread:
                report(consumer.archive_duplicate(item, options, store))
        _read(unread, options, store, report)
        consumer.record_run(store, started_at, summary.outcomes)
    summary.seconds = time.perf_counter() - started
    get_run_logger().info(summary.line())
    return summary


def run_ingest(options: Options, progress: Progress | None = None, settling: Settling | None = None) -> Summary:
    """Run the flow once, reading `options.jobs` documents at a time; `seconds` is the whole run's wall time.

    When nothing waits in the inbox, the flow is not started at all: it would do nothing, and starting
    Prefect's temporary server alone takes several seconds. Files a killed run had claimed come back first.
    """
    started = time.perf_counter()
    take_back_expired(options)
    if not consumer.inbox_files(options):
        return Summary(seconds=time.perf_counter() - started)
    runner = ThreadPoolTaskRunner(max_workers=max(1, options.jobs))
    summary = ingest_inbox.with_options(task_runner=runner)(options, progress, settling)
    summary.seconds = time.perf_counter() - started
    return summary

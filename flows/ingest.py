"""The Prefect flow that ingests the inbox: `congvan ingest` runs it once, `congvan serve` nightly.

Thin on purpose: what happens to a file is `pipeline.consumer`. The flow hashes
the inbox, archives content already ingested without reading it, and runs one
task per new file on a thread pool of `options.jobs` workers. Their pages all
go to one shared `OcrPool` (one Tesseract process per core), which is started
only when there is something new to read — a run over an empty or
already-ingested inbox does no OCR.
"""
from __future__ import annotations

import time
from typing import Callable

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import consumer
from pipeline.consumer import InboxFile, Outcome, Progress, Summary
from pipeline.ocr import OcrPool
from pipeline.options import Options
from pipeline.store import QUARANTINED, Store


@task(name="ingest-file", cache_policy=NO_CACHE, task_run_name="ingest {item.path.name}")
def ingest_file(item: InboxFile, options: Options, store: Store, ocr: OcrPool) -> Outcome:
    outcome = consumer.ingest_file(item, options, store, ocr)
    if outcome.status == QUARANTINED:
        get_run_logger().warning("quarantined %s: %s", item.path, outcome.error)
    return outcome


def _read(files: list[InboxFile], options: Options, store: Store, report: Callable[[Outcome], None]) -> None:
    if not files:
        return
    with OcrPool(options) as ocr:
        for future in as_completed([ingest_file.submit(item, options, store, ocr) for item in files]):
            report(future.result())


# Scheduled runs read CONGVAN_JOBS documents at a time (default: cores); `run_ingest` sets it per run.
@flow(name="ingest-inbox", validate_parameters=False, task_runner=ThreadPoolTaskRunner(max_workers=Options().jobs))
def ingest_inbox(options: Options | None = None, progress: Progress | None = None) -> Summary:
    """Ingest every file waiting in the inbox; returns what happened to each."""
    options = options or Options()
    started = time.perf_counter()
    summary = Summary(samples_added=consumer.seed_samples(options))

    def report(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if progress:
            progress.done(outcome)

    with Store(options.database_target) as store:
        batch = consumer.plan(options, store)
        if progress:
            progress.start(len(batch.new) + len(batch.duplicates) + len(batch.repeats))
        for item in batch.duplicates:
            report(consumer.archive_duplicate(item, options, store))
        _read(batch.new, options, store, report)
        # A repeat waits for the first file of its content: archived if that one was ingested, else read itself.
        unread = [item for item in batch.repeats if not store.is_ingested(item.sha256)]
        for item in batch.repeats:
            if item not in unread:
                report(consumer.archive_duplicate(item, options, store))
        _read(unread, options, store, report)
    summary.seconds = time.perf_counter() - started
    get_run_logger().info(summary.line())
    return summary


def run_ingest(options: Options, progress: Progress | None = None) -> Summary:
    """Run the flow once, reading `options.jobs` documents at a time; `seconds` is the whole run's wall time.

    When nothing waits in the inbox (and it has been used before), the flow is not started at all:
    it would do nothing, and starting Prefect's temporary server alone takes several seconds.
    """
    started = time.perf_counter()
    if not consumer.inbox_files(options) and not consumer.never_used(options):
        return Summary(seconds=time.perf_counter() - started)
    runner = ThreadPoolTaskRunner(max_workers=max(1, options.jobs))
    summary = ingest_inbox.with_options(task_runner=runner)(options, progress)
    summary.seconds = time.perf_counter() - started
    return summary

"""The Prefect flow that ingests the inbox: `congvan ingest` and `congvan watch` run it, `congvan serve` nightly.

Thin on purpose: what happens to a file is `pipeline.consumer`. The flow takes
the settled files of the inbox into a claim folder of its own (so that runs at
the same time never read one file twice) as it goes, a few more than it reads at
once, so that several runs share a backlog; it archives content already
ingested without reading it, quarantines what is not a regular file, and runs
one task per new file: on `options.jobs` threads of its process, or on the Dask
cluster at `options.dask_address` (CONGVAN_DASK_ADDRESS). A task is given plain
values (the claimed file, the options) and uses the index and the OCR pool of
the process it runs in (`pipeline.process_cache`: one Tesseract per core). A
quarantined file is a Failed task whose state message is the reason.
"""
from __future__ import annotations

import logging
import queue
import time

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Cancelled, Failed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.schedule import scheduled_turn
from pipeline import consumer, process_cache
from pipeline.claims import Claims, take_back_expired
from pipeline.consumer import InboxFile, Outcome, Progress, Settling, Summary
from pipeline.names import shown
from pipeline.options import Options
from pipeline.status import Status
from pipeline.store import Store, describe, is_url, now

log = logging.getLogger(__name__)


def _settled(outcome: Outcome):
    """The task's end: the outcome, or a Failed state carrying it when the file was quarantined."""
    if outcome.status == Status.QUARANTINED:
        get_run_logger().warning("quarantined %s: %s", shown(outcome.path), outcome.error)
        return Failed(message=outcome.error, data=outcome)
    return outcome


@task(name="ingest-file", cache_policy=NO_CACHE, task_run_name="ingest {item.label}")
def ingest_file(item: InboxFile, options: Options):
    """Read, extract and store one claimed file, in whatever process runs the task (a thread of the flow's
    process, or a Dask worker): it is given plain values and uses its own process's index and OCR pool."""
    ocr = process_cache.ocr_pool(options) if item.kind is None else None
    return _settled(consumer.ingest_file(item, options, process_cache.store(options.database_target), ocr))


def task_runner(options: Options) -> TaskRunner:
    """Where the per-file tasks run: on the Dask cluster at `options.dask_address`, else on `options.jobs`
    threads of this process."""
    if options.dask_address:
        from prefect_dask import DaskTaskRunner

        get_run_logger().info("per-file tasks on the Dask cluster at %s: CONGVAN_DASK_ADDRESS is set",
                              options.dask_address)
        return DaskTaskRunner(address=options.dask_address)
    get_run_logger().info("per-file tasks on %d thread(s) of this process: CONGVAN_DASK_ADDRESS is not set",
                          options.jobs)
    return ThreadPoolTaskRunner(max_workers=max(1, options.jobs))


def slots(runner: TaskRunner, options: Options) -> int:
    """How many files the runner reads at once: the Dask cluster's threads, or the thread pool's size."""
    client = getattr(runner, "client", None)  # a DaskTaskRunner's, once started
    if client is not None:
        return max(1, sum(client.nthreads().values()))
    return max(1, options.jobs)


class _Reading:
    """The files a run has handed to its task runner, and their outcomes as they finish (in any order)."""

    def __init__(self, runner: TaskRunner, options: Options):
        self.runner, self.options = runner, options
        self.items: dict[object, InboxFile] = {}
        self._finished: queue.SimpleQueue = queue.SimpleQueue()

    def __len__(self) -> int:
        return len(self.items)

    def contents(self) -> set[str]:
        return {item.sha256 for item in self.items.values() if item.sha256}

    def submit(self, item: InboxFile) -> None:
        future = self.runner.submit(ingest_file, parameters={"item": item, "options": self.options})
        self.items[future] = item
        future.add_done_callback(self._finished.put)

    def next_outcome(self) -> Outcome:
        """The outcome of the next file to finish (waiting for it)."""
        future = self._finished.get()
        del self.items[future]
        return future.result(raise_on_failure=False)


# Scheduled runs are given their options as a parameter (`Options.to_dict`); a deployment's runs on workers
# take them from the worker's environment.
@flow(name="ingest-inbox", validate_parameters=False)
def ingest_inbox(options: Options | dict | None = None, progress: Progress | None = None,
                 settling: Settling | None = None) -> Summary:
    """Ingest every settled file waiting in the inbox; returns what happened to each.

    Files are claimed as the run goes, a few more than it reads at once, so that runs sharing the inbox
    (workers on other machines, a manual run beside the nightly one) each take a part of a backlog.
    `settling`: the settle rule's memory of a `watch` (else this run waits, once, for young files).
    A run the schedule made may instead end at once, Cancelled, when it would pile up (`flows.schedule`).
    """
    if isinstance(options, dict):
        options = Options.from_dict(options)
    options = options or Options()
    with scheduled_turn() as collapsed:
        if collapsed is not None:
            return Cancelled(message=f"collapsed: {collapsed.value}")
        return _ingest_inbox(options, progress, settling)


def _ingest_inbox(options: Options, progress: Progress | None, settling: Settling | None) -> Summary:
    started, started_at = time.perf_counter(), now()
    summary = Summary()

    def report(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if progress:
            progress.done(outcome)

    with Claims(options) as claims, process_cache.held(), task_runner(options) as runner:
        store = process_cache.store(options.database_target)
        at_once = slots(runner, options)
        reading = _Reading(runner, options)
        repeats: list[InboxFile] = []
        more, first = True, True
        while more or len(reading):
            if more and len(reading) <= at_once:  # claim more while the runner still has work queued
                wanted = 2 * at_once - len(reading)
                batch = consumer.plan(options, store, claims, settling, limit=wanted)
                settling = settling or Settling(options.settle_seconds)  # after the first wait, no waiting
                more = len(batch.new) + len(batch.odd) >= wanted
                summary.unsettled = batch.unsettled
                if first and progress:
                    progress.start(len(batch.new) + len(batch.duplicates) + len(batch.repeats) + len(batch.odd)
                                   + len(consumer.inbox_files(options)))
                first = False
                for item in batch.duplicates:
                    report(consumer.archive_duplicate(item, options, store))
                in_flight = reading.contents()
                repeats += batch.repeats + [item for item in batch.new if item.sha256 in in_flight]
                for item in batch.odd + [item for item in batch.new if item.sha256 not in in_flight]:
                    reading.submit(item)
                continue
            report(reading.next_outcome())
        # A repeat waits for the first file of its content: archived if that one was ingested, else read itself.
        for item in repeats:
            if store.is_ingested(item.sha256):
                report(consumer.archive_duplicate(item, options, store))
            else:
                reading.submit(item)
        while len(reading):
            report(reading.next_outcome())
        consumer.record_run(store, started_at, summary.outcomes)
    summary.seconds = time.perf_counter() - started
    get_run_logger().info(summary.line())
    return summary


def run_ingest(options: Options, progress: Progress | None = None, settling: Settling | None = None) -> Summary:
    """Run the flow once, reading `options.jobs` documents at a time (or on the Dask cluster of
    `options.dask_address`); `seconds` is the whole run's wall time.

    When nothing waits in the inbox, the flow is not started at all: it would do nothing, and starting
    Prefect's temporary server alone takes several seconds. An index on a database server is still created
    (or upgraded) then, so that `congvan search` on any machine works before the first file comes; an SQLite
    file is made by the first file (a never-used checkout stays never used: `make run` seeds the samples).
    Files a killed run had claimed come back first.
    """
    started = time.perf_counter()
    take_back_expired(options)
    if not consumer.inbox_files(options):
        if is_url(options.database_target):
            log.info("nothing to read; the index on %s is created or upgraded: it is on a database server",
                     describe(options.database_target))
            Store(options.database_target).close()
        return Summary(seconds=time.perf_counter() - started)
    summary = ingest_inbox(options, progress, settling)
    summary.seconds = time.perf_counter() - started
    return summary

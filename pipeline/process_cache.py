"""The index and the OCR pool of this process, opened on first use and kept for the files that follow.

A per-file task is given plain values (the claimed file, the options, the index's
path or URL): a live `Store` or `OcrPool` cannot cross to a worker process or
another machine. Whatever process runs the task opens its own here, once: a Dask
worker keeps them for its life; the flow's own process (the thread runner's
tasks) while any run `holds` them, and closes them when the last run ends.

The OCR pool of a Dask worker runs one Tesseract per thread of the worker (a
`dask worker` has one thread per core by default), whatever `options.jobs` the
flow's machine has; anywhere else, `options.jobs`.
"""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from pipeline.options import Options
from pipeline.store import Store
from pipeline.store.engine import Target, describe

if TYPE_CHECKING:
    from pipeline.ocr import OcrPool



def _log() -> logging.Logger | logging.LoggerAdapter:
    """The task run's logger (Prefect's console and UI) when called in one, else this module's."""
    from prefect import get_run_logger
    from prefect.exceptions import MissingContextError

    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger(__name__)


_lock = threading.Lock()
_stores: dict[str, Store] = {}
_pools: dict[tuple[str, str | None, int], "OcrPool"] = {}
_holders = 0


def store(target: Target) -> Store:
    """This process's Store on `target` (a path or a URL), opened (and the schema upgraded) once."""
    key = str(target)
    with _lock:
        if key not in _stores:
            _log().info("opening the index %s in this process", describe(target))
            _stores[key] = Store(target)
        return _stores[key]


def dask_worker_threads() -> int | None:
    """The number of threads of the Dask worker running this code; None outside a Dask worker."""
    try:
        from distributed import get_worker
    except ImportError:
        return None
    try:
        return get_worker().state.nthreads
    except ValueError:  # not in a worker
        return None


def ocr_pool(options: Options) -> "OcrPool":
    """This process's OCR pool for the language and models of `options`, started once."""
    from pipeline.ocr import OcrPool

    threads = dask_worker_threads()
    size = threads if threads is not None else max(1, options.jobs)
    key = (options.ocr_language, str(options.tessdata_dir) if options.tessdata_dir else None, size)
    with _lock:
        if key not in _pools:
            why = (f"this Dask worker has {threads} thread(s)" if threads is not None
                   else f"options.jobs is {options.jobs}, outside a Dask worker")
            _log().info("OCR pool of %d Tesseract process(es) in this process: %s", size, why)
            sized = Options(**{**vars(options), "jobs": size})
            _pools[key] = OcrPool(sized)
        return _pools[key]


@contextmanager
def held() -> Iterator[None]:
    """Keep this process's index and OCR pool open for a run; the last run to end closes them."""
    global _holders
    with _lock:
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            closing = (list(_stores.values()) + list(_pools.values())) if _holders == 0 else []
            if _holders == 0:
                _stores.clear()
                _pools.clear()
        for resource in closing:
            resource.close()

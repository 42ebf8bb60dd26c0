"""Files from the inbox are read in a process of their own, whose memory is limited.

The limits of `pipeline.limits` refuse what a file declares (pages, pixels,
unpacked sizes); this bounds what reading it costs whatever it declares. The
reading process (forked from a `forkserver` that has the parsers imported) sets
`RLIMIT_DATA` to `Options.max_memory_bytes` and runs `acquire.open_document`. An
allocation over the limit is a MemoryError there, or, inside PDFium, the end of
that process: either way the file gets a reason (`TOO_MUCH_MEMORY`,
`READER_CRASHED`) and the run goes on, its memory untouched.

OCR stays with the caller's pool (one Tesseract process per core for the whole
batch): each page image the reading process would OCR is sent back as soon as
it is made, and OCR'd here while the reading goes on.
"""
from __future__ import annotations

import logging
import multiprocessing
import resource
import signal
import traceback
from concurrent.futures import Future
from contextlib import nullcontext
from pathlib import Path

from models.document import OCR, DocumentText, PageText
from pipeline import acquire
from pipeline.errors import InputError
from pipeline.options import Options
from pipeline.status import FailureReason

log = logging.getLogger(__name__)

# What the forkserver imports once, so that each reading process starts with the parsers loaded.
PRELOAD = ["pipeline.acquire", "pipeline.parsers.pdf", "pipeline.parsers.word", "pipeline.parsers.image"]


class ReaderError(Exception):
    """The reading process's own traceback, kept as the cause of the InputError it reported."""


class _PagesToCaller:
    """The OCR pool as the reading process sees it: each page image goes to the caller at once; the page
    stays an empty OCR page here, filled in by the caller."""

    def __init__(self, connection):
        self.connection = connection

    def submit(self, image, page_number: int) -> Future:
        self.connection.send(("page", page_number, image))
        future: Future = Future()
        future.set_result(PageText(page_number, [], OCR))
        return future


def _read(connection, path: Path, options: Options, follow_symlinks: bool) -> None:
    """The reading process: open the document within the memory limit, send back what came of it."""
    resource.setrlimit(resource.RLIMIT_DATA, (options.max_memory_bytes, options.max_memory_bytes))
    try:
        document = acquire.open_document(path, options, _PagesToCaller(connection), follow_symlinks)
        connection.send(("document", document))
    except MemoryError:
        connection.send(("memory",))
    except InputError as exc:
        cause = "".join(traceback.format_exception(exc.__cause__)) if exc.__cause__ is not None else None
        connection.send(("refused", exc.problem, exc.reason, cause))
    except Exception as exc:  # a bug of a parser: the file's problem is told, not the process's death
        connection.send(("refused", acquire.damaged(path, "", exc).problem, FailureReason.FAILED,
                         traceback.format_exc()))
    finally:
        connection.close()


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def read_document_in_child(path: Path, options: Options, ocr=None, follow_symlinks: bool = True) -> DocumentText:
    """`acquire.read_document`, the file read in a process of its own within `options.max_memory_bytes`.

    A daemonic process (a Dask worker started without `distributed.worker.daemon: False`) may start no
    process: there the file is read in this process, without the memory limit, and the route says so."""
    path = Path(path)
    if multiprocessing.current_process().daemon:
        log.warning("%s: read in this process, without the memory limit: a daemonic process (a Dask worker "
                    "without DASK_DISTRIBUTED__WORKER__DAEMON=False) cannot start a reading process", path.name)
        with acquire.PrivateOcrPool(options) if ocr is None else nullcontext(ocr) as pool:
            return acquire.with_text(acquire.open_document(path, options, pool, follow_symlinks))
    context = _context()
    receiving, sending = context.Pipe(duplex=False)
    reader = context.Process(target=_read, args=(sending, path, options, follow_symlinks), daemon=True,
                             name=f"congvan-read-{path.name}")
    reader.start()
    sending.close()
    try:
        with acquire.PrivateOcrPool(options) if ocr is None else nullcontext(ocr) as pool:
            ocr_pages: dict[int, Future] = {}
            try:
                document = _received(receiving, reader, path, options, pool, ocr_pages)
            except BaseException:  # the file is refused (or the run stopped): its pages are not OCR'd for nothing
                for future in ocr_pages.values():
                    future.cancel()
                raise
    finally:
        receiving.close()
        if reader.is_alive():
            reader.kill()
            reader.join()
    return acquire.with_text(document)


def _received(receiving, reader, path: Path, options: Options, pool, ocr_pages: dict[int, Future]) -> DocumentText:
    """What the reading process sends: page images (OCR'd in `pool` as they come), then the document, with its
    OCR'd pages filled in; InputError when it refused the file or died."""
    while True:
        try:
            message = receiving.recv()
        except EOFError:  # it died without a word: killed by the kernel, or PDFium aborted
            reader.join()
            raise InputError.because(path, FailureReason.READER_CRASHED, detail=_death(reader.exitcode),
                                     limit=options.max_memory_bytes) from None
        if message[0] != "page":
            break
        _, number, image = message
        ocr_pages[number] = pool.submit(image, number)
    reader.join()
    if message[0] == "memory":
        raise InputError.because(path, FailureReason.TOO_MUCH_MEMORY, limit=options.max_memory_bytes)
    if message[0] == "refused":
        _, problem, reason, cause = message
        raise InputError(path, problem, reason=reason) from (ReaderError(cause) if cause else None)
    document: DocumentText = message[1]
    for index, page in enumerate(document.pages):
        if page.number in ocr_pages and page.method == OCR and not page.lines:
            try:
                read = ocr_pages.pop(page.number).result()
            except Exception as exc:  # Tesseract failed on the page
                raise acquire.damaged(path, "", exc) from exc
            read.number, read.route = page.number, page.route
            document.pages[index] = read
    return document


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"stopped by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"stopped by signal {-exitcode}"
    return f"exit status {exitcode}"

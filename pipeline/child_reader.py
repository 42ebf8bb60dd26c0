"""Files from the inbox are read in a process of their own, whose memory is limited.

The limits of `pipeline.limits` refuse what a file declares (pages, pixels,
unpacked sizes); this bounds what reading it costs whatever it declares. The
reading process (forked from a `forkserver` that has the parsers imported) sets
`RLIMIT_DATA` to `Options.max_memory_bytes` and runs `acquire.open_document`. An
allocation over the limit is a MemoryError there, or, inside PDFium, the end of
that process: either way the file gets a reason (`TOO_MUCH_MEMORY`,
`READER_CRASHED`) and the run goes on, its memory untouched.

A PDF of LONG_PDF_PAGES pages or more is read by several reading processes at
once, one per core (at most `Options.jobs`), each a contiguous page range: the
first plans the ranges once it knows the page count, the caller starts one more
process per further range, and joins their pages in order. The decision and its
reason are logged per file (`page_ranges`). pdfplumber's character objects are
pure Python, so a long born-digital PDF was bound to one core; pypdfium2's text
layer, the other fast route, reads other lines on about half the born-digital
pages (core score 0.999 → 0.912 on real/digital), so it stays a fallback.

OCR stays with the caller's pool (one Tesseract process per core for the whole
batch): each page image the reading process would OCR is sent back as soon as
it is made, and OCR'd here while the reading goes on.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import signal
import traceback
from concurrent.futures import Future
from contextlib import nullcontext
from multiprocessing import connection
from pathlib import Path

from models.document import OCR, DocumentText, PageText
from pipeline import acquire
from pipeline.errors import InputError
from pipeline.options import Options
from pipeline.status import FailureReason

log = logging.getLogger(__name__)

# What the forkserver imports once, so that each reading process starts with the parsers loaded.
PRELOAD = ["pipeline.acquire", "pipeline.parsers.pdf", "pipeline.parsers.word", "pipeline.parsers.image"]
# A PDF of this many pages or more is read in page ranges, by as many reading processes at once as there
# are cores (at most `Options.jobs`); a shorter one gains less than starting another reading process costs.
LONG_PDF_PAGES = 40


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


def _read(connection, path: Path, options: Options, follow_symlinks: bool, readers: int,
          pages: range | None) -> None:
    """The reading process: open the document within the memory limit, send back what came of it. The first
    reading process of a file (`pages` None) plans a PDF's page ranges and reads the first; the others read the
    range they are given."""
    resource.setrlimit(resource.RLIMIT_DATA, (options.max_memory_bytes, options.max_memory_bytes))

    def planned(count: int) -> range:
        ranges, reason = page_ranges(count, readers)
        connection.send(("ranges", ranges, reason))
        return ranges[0]

    try:
        document = acquire.open_document(path, options, _PagesToCaller(connection), follow_symlinks,
                                         pdf_pages=planned if pages is None else lambda count: pages)
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


def page_ranges(count: int, readers: int) -> tuple[list[range], str]:
    """The 0-based page ranges a PDF of `count` pages is read in, one reading process each, and why: one
    range per reader (contiguous, near-equal) for a long PDF, else the whole."""
    if count < LONG_PDF_PAGES:
        return [range(count)], f"one reading process: {count} page(s), fewer than {LONG_PDF_PAGES}"
    if readers < 2:
        return [range(count)], "one reading process: one core (or --jobs 1)"
    size = -(-count // readers)
    return ([range(start, min(start + size, count)) for start in range(0, count, size)],
            f"{readers} reading processes at once, a page range each: {count} pages, {LONG_PDF_PAGES} or more, "
            f"read faster on {readers} cores than in one process (pdfplumber's characters cost about 0.2 s a page)")


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


class _Readers:
    """The reading processes of one file: the first, then one per further page range it plans."""

    def __init__(self, path: Path, options: Options, follow_symlinks: bool):
        self.path, self.options, self.follow_symlinks = path, options, follow_symlinks
        self.count = max(1, min(options.jobs, os.cpu_count() or 1))
        self.context = _context()
        self.running: dict = {}  # receiving connection -> process

    def start(self, pages: range | None) -> None:
        receiving, sending = self.context.Pipe(duplex=False)
        reader = self.context.Process(
            target=_read, args=(sending, self.path, self.options, self.follow_symlinks, self.count, pages),
            daemon=True, name=f"congvan-read-{self.path.name}")
        reader.start()
        sending.close()
        self.running[receiving] = reader

    def done(self, receiving) -> None:
        reader = self.running.pop(receiving)
        receiving.close()
        reader.join()

    def stop(self) -> None:
        for receiving, reader in self.running.items():
            receiving.close()
            if reader.is_alive():
                reader.kill()
            reader.join()
        self.running.clear()


def read_document_in_child(path: Path, options: Options, ocr=None, follow_symlinks: bool = True) -> DocumentText:
    """`acquire.read_document`, the file read in a process of its own within `options.max_memory_bytes` (a
    long PDF in several, a page range each: `page_ranges`).

    A daemonic process (a Dask worker started without `distributed.worker.daemon: False`) may start no
    process: there the file is read in this process, without the memory limit, and a warning says so."""
    path = Path(path)
    if multiprocessing.current_process().daemon:
        log.warning("%s: read in this process, without the memory limit: a daemonic process (a Dask worker "
                    "without DASK_DISTRIBUTED__WORKER__DAEMON=False) cannot start a reading process", path.name)
        return acquire.read_document(path, options, ocr, follow_symlinks)
    readers = _Readers(path, options, follow_symlinks)
    readers.start(None)
    try:
        with acquire.PrivateOcrPool(options) if ocr is None else nullcontext(ocr) as pool:
            ocr_pages: dict[int, Future] = {}
            try:
                document = _received(readers, path, options, pool, ocr_pages)
            except BaseException:  # the file is refused (or the run stopped): its pages are not OCR'd for nothing
                for future in ocr_pages.values():
                    future.cancel()
                raise
    finally:
        readers.stop()
    return acquire.with_text(document)


def _received(readers: _Readers, path: Path, options: Options, pool, ocr_pages: dict[int, Future]) -> DocumentText:
    """What the reading processes send: page images (OCR'd in `pool` as they come), a PDF's page ranges (a
    reading process started for each further one), then each its document; the whole document, its OCR'd
    pages filled in. InputError when one refused the file or died."""
    parts: list[DocumentText] = []
    while readers.running:
        for receiving in connection.wait(list(readers.running)):
            try:
                message = receiving.recv()
            except EOFError:  # it died without a word: killed by the kernel, or PDFium aborted
                reader = readers.running[receiving]
                reader.join()
                raise InputError.because(path, FailureReason.READER_CRASHED, detail=_death(reader.exitcode),
                                         limit=options.max_memory_bytes) from None
            if message[0] == "page":
                _, number, image = message
                ocr_pages[number] = pool.submit(image, number)
                continue
            if message[0] == "ranges":
                _, ranges, reason = message
                log.info("%s: %s", path.name, reason)
                for pages in ranges[1:]:
                    readers.start(pages)
                continue
            readers.done(receiving)
            if message[0] == "memory":
                raise InputError.because(path, FailureReason.TOO_MUCH_MEMORY, limit=options.max_memory_bytes)
            if message[0] == "refused":
                _, problem, reason, cause = message
                raise InputError(path, problem, reason=reason) from (ReaderError(cause) if cause else None)
            parts.append(message[1])
    document = DocumentText(path, sorted((page for part in parts for page in part.pages),
                                         key=lambda page: page.number))
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

"""The inbox: every file dropped in `options.inbox` is indexed once, and nothing is ever lost.

A file is taken once it has settled (its size and modification time still for
`options.settle_seconds`; hidden and temporary names such as `.part`, `.tmp`,
`~$…` are never taken), and only by one run: it is claimed first, by a rename
into the run's claim folder (`pipeline.claims`). A file whose content (sha256)
is already in the index is not read again: it is archived as a duplicate. Any
other file is read, extracted and stored, then moved, untouched, to
`processed/archive/`. A file that fails — and anything in the inbox that is not
a regular file, a symlink above all, which is never followed — moves to
`processed/quarantine/` with `<name>.reason.txt` beside it, and the batch goes
on. Names are kept (shortened when too long); a name already taken gets "-1",
"-2"… before its suffix.

The flow (`flows/ingest.py`) decides what runs concurrently; this module holds
what happens to one file.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from extractors import EXTRACTOR_VERSION, extract_record
from models.document import OCR, DocumentText
from models.record import Record
from pipeline.acquire import not_regular
from pipeline.child_reader import read_document_in_child
from pipeline.claims import Claims
from pipeline.errors import InputError
from pipeline.names import REASON_SUFFIX, ledger_location, place, shown
from pipeline.options import Options
from pipeline.status import FailureReason, Status
from pipeline.store import AlreadyStored, LedgerEntry, Store, index_exists, now

if TYPE_CHECKING:
    from pipeline.ocr import OcrPool

SAMPLES_DIR = Path(__file__).parent / "samples"
# Names a copy, a download or an editor writes while it works; the file comes under its real name once done.
TEMPORARY_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".swp")

# Extraction is pure Python, bound by the GIL, and underthesea loads its models lazily in a way that is not
# thread-safe: documents are read (and OCR'd) concurrently but extracted one at a time.
_extract_lock = threading.Lock()


@dataclass
class InboxFile:
    path: Path  # where it is now: in the run's claim folder once claimed
    sha256: str
    hash_seconds: float
    name: str = ""  # its name in the inbox (the bytes the filesystem holds, as os.fsdecode gives them)
    kind: str | None = None  # not a regular file: "symlink", "named pipe"…

    def __post_init__(self) -> None:
        self.name = self.name or self.path.name

    @property
    def label(self) -> str:
        """Its name as shown (safe for a terminal, the index and Prefect's API)."""
        return shown(self.name)


@dataclass
class Outcome:
    """What happened to one file."""

    path: Path  # where it was in the inbox
    status: Status
    stored_as: Path
    error: str | None = None
    document_id: int | None = None
    pages_ocr: int = 0


@dataclass
class Plan:
    new: list[InboxFile]  # content not yet ingested; the first file of each content
    duplicates: list[InboxFile]  # content already ingested
    repeats: list[InboxFile]  # same content as a file of `new`: decided once that one is done
    odd: list[InboxFile] = field(default_factory=list)  # not regular files: quarantined unread
    unsettled: int = 0  # files still being written, left for a later run


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    samples_added: int = 0
    unsettled: int = 0

    def count(self, status: Status) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def pages_ocr(self) -> int:
        return sum(o.pages_ocr for o in self.outcomes)

    def line(self) -> str:
        line = (f"{self.count(Status.INGESTED)} ingested, {self.count(Status.DUPLICATE)} skipped (already ingested), "
                f"{self.count(Status.QUARANTINED)} quarantined; {self.pages_ocr} page(s) OCR'd; {self.seconds:.1f} s")
        if self.unsettled:
            line += f"; {self.unsettled} file(s) still being written, left for the next run"
        return line


@runtime_checkable  # Prefect builds a validator from the flow's signature, which needs isinstance
class Progress(Protocol):
    """Told the number of files to read, then each file's outcome as it comes."""

    def start(self, total: int) -> None: ...

    def done(self, outcome: Outcome) -> None: ...


def extract(doc: DocumentText) -> Record:
    """`extract_record`, one document at a time whatever the thread (see `_extract_lock`)."""
    with _extract_lock:
        return extract_record(doc)


def sha256_file(path: Path) -> str:
    """The content's sha256, read without following a symlink."""
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_document_name(name: str) -> bool:
    """False for hidden names (.gitkeep, the claim folder), Office lock files (~$…) and names of files being written."""
    return not (name.startswith((".", "~$")) or name.lower().endswith(TEMPORARY_SUFFIXES))


def inbox_files(options: Options) -> list[Path]:
    """Everything waiting in the inbox that may be a document: not hidden, not temporary, not a folder.

    Symlinks are listed (they are quarantined, never followed), dangling ones too.
    """
    if not options.inbox.is_dir():
        return []
    found = []
    with os.scandir(options.inbox) as entries:
        for entry in entries:
            if is_document_name(entry.name) and not entry.is_dir(follow_symlinks=False):
                found.append(Path(entry.path))
    return sorted(found)


class Settling:
    """The settle rule: a file is ready once its size and mtime have not changed for `settle_seconds`.

    A file is credited with the age of its mtime when first seen (a file lying in the inbox for an hour
    is ready at once); from then on its size and mtime must stay as they were. `watch` keeps one Settling
    across its checks; a single run waits, once, for the files that are still young.
    """

    def __init__(self, settle_seconds: float):
        self.settle_seconds = settle_seconds
        self._seen: dict[Path, tuple[tuple[int, int], float]] = {}

    def split(self, paths: list[Path]) -> tuple[list[Path], list[Path]]:
        """(ready, still settling) of `paths` now."""
        ready, young = [], []
        clock, wall = time.monotonic(), time.time()
        for path in paths:
            try:
                info = os.lstat(path)
            except FileNotFoundError:
                continue
            signature = (info.st_size, info.st_mtime_ns)
            seen = self._seen.get(path)
            if seen is None or seen[0] != signature:
                seen = (signature, clock - max(0.0, wall - info.st_mtime))
                self._seen[path] = seen
            (ready if clock - seen[1] >= self.settle_seconds else young).append(path)
        for path in set(self._seen) - set(paths):
            del self._seen[path]
        return ready, young

    def wait_time(self, paths: list[Path]) -> float:
        """Seconds until the youngest of `paths` could be ready."""
        clock = time.monotonic()
        return max((self.settle_seconds - (clock - self._seen[p][1]) for p in paths if p in self._seen), default=0.0)


def settled_files(options: Options, wait: bool = True) -> tuple[list[Path], list[Path]]:
    """(ready, still being written) among the inbox files; with `wait`, waits once for the young ones to settle."""
    settling = Settling(options.settle_seconds)
    ready, young = settling.split(inbox_files(options))
    if young and wait:
        time.sleep(max(0.0, settling.wait_time(young)) + 0.05)
        more, young = settling.split(young)
        ready += more
    return sorted(ready), young


def never_used(options: Options) -> bool:
    """True for an inbox never used: no index yet and nothing waiting."""
    return not inbox_files(options) and not index_exists(options.database_target)


def seed_samples(options: Options) -> int:
    """Copy the bundled sample inputs into an inbox that has never been used; returns how many.

    This is what makes the first `make run` on a fresh checkout show real records (`congvan ingest
    --samples-if-new`); no flow run does it, so a production inbox never receives them.
    """
    if not never_used(options):
        return 0
    options.inbox.mkdir(parents=True, exist_ok=True)
    samples = sorted(p for p in SAMPLES_DIR.iterdir() if p.is_file() and not p.name.startswith("."))
    for sample in samples:
        shutil.copy2(sample, options.inbox / sample.name)
    return len(samples)


def plan(options: Options, store: Store, claims: Claims, settling: Settling | None = None,
         limit: int | None = None) -> Plan:
    """Claim the settled files of the inbox and sort them: new content, already ingested, repeated in this
    batch, or not a regular file. A file another run claimed first is left to it.

    With `settling` (kept by `watch` across its checks), what is settled is judged by it, without waiting.
    With `limit`, claiming stops once that many files are to be read (new or odd), so that runs sharing
    the inbox each take a part of it as they go; the rest stays in the inbox for the next call.
    """
    if settling is None:
        paths, young = settled_files(options)
    else:
        paths, young = settling.split(inbox_files(options))
    result = Plan([], [], [], unsettled=len(young))
    seen: set[str] = set()
    for path in paths:
        if limit is not None and len(result.new) + len(result.odd) >= limit:
            break
        held = claims.claim(path)
        if held is None:
            continue
        started = time.perf_counter()
        kind = not_regular(os.lstat(held).st_mode)
        if kind is not None:
            result.odd.append(InboxFile(held, "", 0.0, name=path.name, kind=kind))
            continue
        item = InboxFile(held, sha256_file(held), 0.0, name=path.name)
        item.hash_seconds = time.perf_counter() - started
        if store.is_ingested(item.sha256):
            result.duplicates.append(item)
        elif item.sha256 in seen:
            result.repeats.append(item)
        else:
            seen.add(item.sha256)
            result.new.append(item)
    return result


def _inbox_path(item: InboxFile, options: Options) -> Path:
    return options.inbox / item.name


def ingest_file(item: InboxFile, options: Options, store: Store, ocr: OcrPool | None) -> Outcome:
    """Read, extract and store one claimed file, then archive it; on any failure, quarantine it."""
    started_at, started = now(), time.perf_counter()
    if item.kind is not None:
        return quarantine(item, FailureReason.NOT_REGULAR.say(kind=item.kind), options, store, started_at)
    try:
        doc = read_document_in_child(item.path, options, ocr, follow_symlinks=False)
        read_done = time.perf_counter()
        record = extract(doc)
        extract_done = time.perf_counter()
    except InputError as exc:
        cause = exc.__cause__ if exc.reason is FailureReason.FAILED else None
        return quarantine(item, exc.problem, options, store, started_at,
                          detail="".join(traceback.format_exception(cause)) if cause else None)
    except Exception as exc:  # a bug must not stop the batch nor lose the file
        return quarantine(item, FailureReason.FAILED.say(detail=f"{type(exc).__name__}: {exc}"), options, store,
                          started_at, detail=traceback.format_exc())
    # The original is linked into the archive first, stored next, and only then leaves the claim folder:
    # a run killed at any moment leaves the file claimed (taken back, then found ingested) and loses nothing.
    dest = place(item.path, options.archive_dir, item.name, keep_source=True)
    entry = LedgerEntry(
        sha256=item.sha256, file_name=shown(item.name), status=Status.INGESTED, started_at=started_at,
        stored_as=ledger_location(dest, options.processed), pages_ocr=sum(p.method == OCR for p in doc.pages),
        hash_seconds=item.hash_seconds, read_seconds=read_done - started,
        extract_seconds=extract_done - read_done, extractor_version=EXTRACTOR_VERSION)
    try:
        doc_id = store.add_document(record, doc, entry, options.review_confidence)
    except AlreadyStored:  # another run stored the same content (under another name) meanwhile
        os.unlink(dest)
        return archive_duplicate(item, options, store)
    except Exception as exc:
        os.unlink(dest)
        return quarantine(item, FailureReason.FAILED.say(detail=f"{type(exc).__name__}: {exc}"), options, store,
                          started_at, detail=traceback.format_exc())
    os.unlink(item.path)
    return Outcome(_inbox_path(item, options), Status.INGESTED, dest, document_id=doc_id, pages_ocr=entry.pages_ocr)


def archive_duplicate(item: InboxFile, options: Options, store: Store) -> Outcome:
    """Archive a file whose content is already ingested, and record that in the ledger."""
    started_at = now()
    dest = place(item.path, options.archive_dir, item.name, keep_source=True)
    store.log(LedgerEntry(sha256=item.sha256, file_name=shown(item.name), status=Status.DUPLICATE,
                          started_at=started_at, stored_as=ledger_location(dest, options.processed),
                          hash_seconds=item.hash_seconds))
    os.unlink(item.path)
    return Outcome(_inbox_path(item, options), Status.DUPLICATE, dest)


def quarantine(item: InboxFile, reason: str, options: Options, store: Store, started_at: str,
               detail: str | None = None) -> Outcome:
    """Move a failed file to quarantine with a reason file beside it, and record it in the ledger."""
    dest = place(item.path, options.quarantine_dir, item.name, keep_source=True)
    size = os.lstat(dest).st_size
    lines = [f"file: {shown(item.name)}", f"sha256: {item.sha256}", f"size: {size}", f"quarantined: {now()}",
             f"reason: {reason}"]
    if detail:
        lines += ["", detail]
    (dest.parent / f"{dest.name}{REASON_SUFFIX}").write_text("\n".join(lines) + "\n", encoding="utf-8",
                                                             errors="backslashreplace")
    store.log(LedgerEntry(sha256=item.sha256, file_name=shown(item.name), status=Status.QUARANTINED,
                          started_at=started_at, stored_as=ledger_location(dest, options.processed), error=reason,
                          hash_seconds=item.hash_seconds, extractor_version=EXTRACTOR_VERSION))
    os.unlink(item.path)
    return Outcome(_inbox_path(item, options), Status.QUARANTINED, dest, error=reason)


def record_run(store: Store, started_at: str, outcomes: list[Outcome]) -> None:
    """Note one run, started at `started_at` and finished now, with what came of its files (the inbox page
    lists the runs)."""
    store.add_run(started_at, sum(o.status == Status.INGESTED for o in outcomes),
                  sum(o.status == Status.DUPLICATE for o in outcomes),
                  sum(o.status == Status.QUARANTINED for o in outcomes), sum(o.pages_ocr for o in outcomes))

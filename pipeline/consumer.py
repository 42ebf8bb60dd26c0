"""The inbox: every file dropped in `options.inbox` is indexed once, and nothing is ever lost.

A file whose content (sha256) is already in the ledger as ingested is not read
again: it is archived as a duplicate. Any other file is read, extracted and
stored, then moved, untouched, to `processed/archive/`. A file that fails moves
to `processed/quarantine/` with `<name>.reason.txt` beside it, and the batch
goes on. Names are kept; a name already taken gets "-1", "-2"… before its suffix.

The flow (`flows/ingest.py`) decides what runs concurrently; this module holds
what happens to one file.
"""
from __future__ import annotations

import hashlib
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
from pipeline.acquire import read_document
from pipeline.errors import InputError
from pipeline.options import Options
from pipeline.store import DUPLICATE, INGESTED, QUARANTINED, LedgerEntry, Store, index_exists, now

if TYPE_CHECKING:
    from pipeline.ocr import OcrPool

SAMPLES_DIR = Path(__file__).parent / "samples"

# Extraction is pure Python, bound by the GIL, and underthesea loads its models lazily in a way that is not
# thread-safe: documents are read (and OCR'd) concurrently but extracted one at a time.
_extract_lock = threading.Lock()


@dataclass
class InboxFile:
    path: Path
    sha256: str
    hash_seconds: float


@dataclass
class Outcome:
    """What happened to one file."""

    path: Path  # where it was in the inbox
    status: str  # INGESTED, DUPLICATE or QUARANTINED
    stored_as: Path
    error: str | None = None
    document_id: int | None = None
    pages_ocr: int = 0


@dataclass
class Plan:
    new: list[InboxFile]  # content not yet ingested; the first file of each content
    duplicates: list[InboxFile]  # content already ingested
    repeats: list[InboxFile]  # same content as a file of `new`: decided once that one is done


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    samples_added: int = 0

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def pages_ocr(self) -> int:
        return sum(o.pages_ocr for o in self.outcomes)

    def line(self) -> str:
        return (f"{self.count(INGESTED)} ingested, {self.count(DUPLICATE)} skipped (already ingested), "
                f"{self.count(QUARANTINED)} quarantined; {self.pages_ocr} page(s) OCR'd; {self.seconds:.1f} s")


@runtime_checkable  # Prefect builds a validator from the flow's signature, which needs isinstance
class Progress(Protocol):
    """Told the number of files to read, then each file's outcome as it comes."""

    def start(self, total: int) -> None: ...

    def done(self, outcome: Outcome) -> None: ...


def extract(doc: DocumentText) -> Record:
    """`extract_record`, one document at a time whatever the thread (see `_extract_lock`)."""
    with _extract_lock:
        return extract_record(doc)


def problem_of(exc: InputError) -> str:
    """The problem an InputError names, without the file name it starts with (callers name the file)."""
    message = str(exc)
    prefix = f"{exc.path.name}: " if exc.path is not None else ""
    return message[len(prefix):] if prefix and message.startswith(prefix) else message


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inbox_files(options: Options) -> list[Path]:
    """The files waiting in the inbox (hidden files such as .gitkeep are not documents)."""
    if not options.inbox.is_dir():
        return []
    return sorted(p for p in options.inbox.iterdir() if p.is_file() and not p.name.startswith("."))


def never_used(options: Options) -> bool:
    """True for an inbox never used: no index yet and nothing waiting."""
    return not inbox_files(options) and not index_exists(options.database_target)


def seed_samples(options: Options) -> int:
    """Copy the bundled sample inputs into an inbox that has never been used; returns how many.

    This is what makes the first `make run` on a fresh checkout show real records.
    """
    if not never_used(options):
        return 0
    options.inbox.mkdir(parents=True, exist_ok=True)
    samples = sorted(p for p in SAMPLES_DIR.iterdir() if p.is_file() and not p.name.startswith("."))
    for sample in samples:
        shutil.copy2(sample, options.inbox / sample.name)
    return len(samples)


def plan(options: Options, store: Store) -> Plan:
    """Hash every waiting file and sort it: new content, already ingested, or repeated in this batch."""
    result = Plan([], [], [])
    seen: set[str] = set()
    for path in inbox_files(options):
        started = time.perf_counter()
        item = InboxFile(path, sha256_file(path), 0.0)
        item.hash_seconds = time.perf_counter() - started
        if store.is_ingested(item.sha256):
            result.duplicates.append(item)
        elif item.sha256 in seen:
            result.repeats.append(item)
        else:
            seen.add(item.sha256)
            result.new.append(item)
    return result


_claim_lock = threading.Lock()
_claimed: set[Path] = set()  # destinations chosen by a thread of this batch but not yet moved to


def _claim(directory: Path, name: str) -> Path:
    """A free path for `name` in `directory`: the name itself, or "<stem>-N<suffix>" if that is taken."""
    directory.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    with _claim_lock:
        dest, n = directory / name, 0
        while dest.exists() or dest in _claimed:
            n += 1
            dest = directory / f"{stem}-{n}{suffix}"
        _claimed.add(dest)
    return dest


def _release(dest: Path) -> None:
    with _claim_lock:
        _claimed.discard(dest)


def _move(src: Path, directory: Path) -> Path:
    """Move a file, untouched, into `directory` (see `_claim` for its name there)."""
    dest = _claim(directory, src.name)
    try:
        shutil.move(str(src), str(dest))
    finally:
        _release(dest)
    return dest


def ingest_file(item: InboxFile, options: Options, store: Store, ocr: OcrPool | None) -> Outcome:
    """Read, extract and store one file, then archive it; on any failure, quarantine it."""
    started_at, started = now(), time.perf_counter()
    try:
        doc = read_document(item.path, options, ocr)
        read_done = time.perf_counter()
        record = extract(doc)
        extract_done = time.perf_counter()
    except InputError as exc:
        return quarantine(item, problem_of(exc), options, store, started_at)
    except Exception as exc:  # a bug must not stop the batch nor lose the file
        return quarantine(item, f"{type(exc).__name__}: {exc}", options, store, started_at,
                          detail=traceback.format_exc())
    dest = _claim(options.archive_dir, item.path.name)
    try:
        entry = LedgerEntry(
            sha256=item.sha256, file_name=item.path.name, status=INGESTED, started_at=started_at,
            stored_as=str(dest), pages_ocr=sum(p.method == OCR for p in doc.pages),
            hash_seconds=item.hash_seconds, read_seconds=read_done - started,
            extract_seconds=extract_done - read_done, extractor_version=EXTRACTOR_VERSION)
        # Stored before the move: should the move fail, the next run finds the content ingested and archives it.
        doc_id = store.add_document(record, doc, entry, options.review_confidence)
        shutil.move(str(item.path), str(dest))
    except Exception as exc:
        return quarantine(item, f"{type(exc).__name__}: {exc}", options, store, started_at,
                          detail=traceback.format_exc())
    finally:
        _release(dest)
    return Outcome(item.path, INGESTED, dest, document_id=doc_id, pages_ocr=entry.pages_ocr)


def archive_duplicate(item: InboxFile, options: Options, store: Store) -> Outcome:
    """Archive a file whose content is already ingested, and record that in the ledger."""
    started_at = now()
    dest = _move(item.path, options.archive_dir)
    store.log(LedgerEntry(sha256=item.sha256, file_name=item.path.name, status=DUPLICATE, started_at=started_at,
                          stored_as=str(dest), hash_seconds=item.hash_seconds))
    return Outcome(item.path, DUPLICATE, dest)


def quarantine(item: InboxFile, reason: str, options: Options, store: Store, started_at: str,
               detail: str | None = None) -> Outcome:
    """Move a failed file to quarantine with a reason file beside it, and record it in the ledger."""
    dest = _move(item.path, options.quarantine_dir)
    lines = [f"file: {item.path.name}", f"sha256: {item.sha256}", f"quarantined: {now()}", f"reason: {reason}"]
    if detail:
        lines += ["", detail]
    (dest.parent / f"{dest.name}.reason.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store.log(LedgerEntry(sha256=item.sha256, file_name=item.path.name, status=QUARANTINED, started_at=started_at,
                          stored_as=str(dest), error=reason, hash_seconds=item.hash_seconds,
                          extractor_version=EXTRACTOR_VERSION))
    return Outcome(item.path, QUARANTINED, dest, error=reason)

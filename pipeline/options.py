"""Every setting of a run, in one object (as OCRmyPDF does).

Defaults suit one machine; each can be set from the environment (CONGVAN_*) or
the command line. Paths are relative to the working directory unless absolute.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env_path(name: str, default: str) -> Path:
    return Path(os.environ.get(name, default))


def database_target(value: str | Path | None) -> Path | str | None:
    """A database setting as given: a URL ("postgresql://…") stays a string, anything else is a path."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and "://" in value:
        return value
    return Path(value)


def _env(name: str, default, kind=str):
    """A setting from the environment variable `name`, else `default`, as `kind`."""
    return field(default_factory=lambda: kind(os.environ[name]) if os.environ.get(name) else default)


@dataclass
class Options:
    inbox: Path = field(default_factory=lambda: _env_path("CONGVAN_INBOX", "data/raw"))
    processed: Path = field(default_factory=lambda: _env_path("CONGVAN_PROCESSED", "data/processed"))
    # The index: an SQLite file (default: processed / "congvan.sqlite") or a PostgreSQL URL
    # ("postgresql://user:password@host/congvan"), from CONGVAN_DATABASE or --database.
    database: Path | str | None = field(default_factory=lambda: database_target(os.environ.get("CONGVAN_DATABASE")))
    ocr_language: str = field(default_factory=lambda: os.environ.get("CONGVAN_OCR_LANG", "vie"))
    tessdata_dir: Path | None = field(
        default_factory=lambda: Path(os.environ["CONGVAN_TESSDATA"]) if os.environ.get("CONGVAN_TESSDATA") else None)
    jobs: int = field(default_factory=lambda: int(os.environ.get("CONGVAN_JOBS", os.cpu_count() or 1)))
    ocr_dpi: int = 300  # the most a page rendered for OCR gets; a scanned page is read at its own resolution
    # A scanned page is OCR'd from its image as stored (its own resolution); False renders it at ocr_dpi instead
    # (`congvan reread`: a second reading of a record that read poorly).
    ocr_scans_as_stored: bool = True
    review_confidence: float = 70.0  # a page OCR'd below this mean confidence marks its record for review
    # Limits: a file over one is quarantined with the reason, never opened by its parser (pipeline/limits.py).
    max_page_pixels: int = _env("CONGVAN_MAX_PAGE_PIXELS", 80_000_000, int)  # a page rendered, or an image on it
    max_pages: int = _env("CONGVAN_MAX_PAGES", 1000, int)  # pages of one document (read page by page)
    max_unpacked_bytes: int = _env("CONGVAN_MAX_UNPACKED_BYTES", 256 * 1024 * 1024, int)  # a .docx unpacked
    # The memory (data: heap and private mappings) of the process that reads one file (pipeline/child_reader.py).
    max_memory_bytes: int = _env("CONGVAN_MAX_MEMORY_BYTES", 1024 * 1024 * 1024, int)
    # A file is taken once its size and modification time have stayed still this long (a copy in progress is not).
    settle_seconds: float = _env("CONGVAN_SETTLE_SECONDS", 5.0, float)
    # A claim (a file a run took from the inbox) of a run on another machine is taken back after this long
    # without a sign of life; a run of this machine that is gone is taken back at once.
    claim_expiry_seconds: float = _env("CONGVAN_CLAIM_EXPIRY_SECONDS", 3600.0, float)
    # The Dask scheduler ("tcp://host:8786") whose workers read the files of a run; unset: threads of the run's process.
    dask_address: str | None = _env("CONGVAN_DASK_ADDRESS", None)
    cron: str = _env("CONGVAN_CRON", "0 2 * * *")  # the nightly schedule of `congvan serve`
    timezone: str = _env("CONGVAN_TIMEZONE", "Asia/Ho_Chi_Minh")

    def to_dict(self) -> dict:
        """Every setting as JSON values (what a scheduled run is given as its parameter)."""
        return {name: str(value) if isinstance(value, Path) else value for name, value in vars(self).items()}

    @classmethod
    def from_dict(cls, values: dict) -> "Options":
        paths = {"inbox", "processed", "tessdata_dir"}
        return cls(**{name: database_target(value) if name == "database"
                      else Path(value) if name in paths and value is not None else value
                      for name, value in values.items()})

    @property
    def claims_dir(self) -> Path:
        """Where runs put the files they took (a hidden folder of the inbox: renames into it are atomic)."""
        return self.inbox / ".congvan-claims"

    @property
    def database_target(self) -> Path | str:
        """Where the index is: a path, or a URL; what `Store` is opened on."""
        return database_target(self.database) or self.processed / "congvan.sqlite"

    @property
    def database_path(self) -> Path:
        """The index's SQLite file; an error when the index is on a server (use `database_target`)."""
        target = self.database_target
        if isinstance(target, str):
            raise ValueError(f"the index is on a database server, not in a file: {target.split('://')[0]}://…")
        return target

    @property
    def archive_dir(self) -> Path:
        return self.processed / "archive"

    @property
    def quarantine_dir(self) -> Path:
        return self.processed / "quarantine"

    @property
    def exports_dir(self) -> Path:
        return self.processed / "exports"

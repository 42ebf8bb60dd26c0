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
    review_confidence: float = 70.0  # a page OCR'd below this mean confidence marks its record for review

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

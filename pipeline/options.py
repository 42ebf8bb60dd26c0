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


@dataclass
class Options:
    inbox: Path = field(default_factory=lambda: _env_path("CONGVAN_INBOX", "data/raw"))
    processed: Path = field(default_factory=lambda: _env_path("CONGVAN_PROCESSED", "data/processed"))
    database: Path | None = field(  # default: processed / "congvan.sqlite"
        default_factory=lambda: Path(os.environ["CONGVAN_DATABASE"]) if os.environ.get("CONGVAN_DATABASE") else None)
    ocr_language: str = field(default_factory=lambda: os.environ.get("CONGVAN_OCR_LANG", "vie"))
    tessdata_dir: Path | None = field(
        default_factory=lambda: Path(os.environ["CONGVAN_TESSDATA"]) if os.environ.get("CONGVAN_TESSDATA") else None)
    jobs: int = field(default_factory=lambda: int(os.environ.get("CONGVAN_JOBS", os.cpu_count() or 1)))
    ocr_dpi: int = 300  # the most a page rendered for OCR gets; a scanned page is read at its own resolution
    review_confidence: float = 70.0  # a page OCR'd below this mean confidence marks its record for review

    @property
    def database_path(self) -> Path:
        return self.database or self.processed / "congvan.sqlite"

    @property
    def archive_dir(self) -> Path:
        return self.processed / "archive"

    @property
    def quarantine_dir(self) -> Path:
        return self.processed / "quarantine"

    @property
    def exports_dir(self) -> Path:
        return self.processed / "exports"

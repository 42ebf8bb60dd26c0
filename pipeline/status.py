"""What can happen to a file of the inbox, and why a file cannot be read — as enums, never strings parsed back.

`Status` is what the ledger records (its values are the ledger's strings).
`FailureReason` names every problem in words a clerk understands; its `say`
fills in the details (`FailureReason.PAGE_TOO_LARGE.say(pixels=…, limit=…)`).
"""
from __future__ import annotations

from enum import Enum, StrEnum


class Status(StrEnum):
    INGESTED = "ingested"
    DUPLICATE = "duplicate"  # same content as a file already ingested: archived, not read again
    QUARANTINED = "quarantined"


class FailureReason(Enum):
    """Why a file was quarantined (or `congvan extract` refused it); each value is a template."""

    EMPTY = "empty file (0 bytes)"
    NOT_FOUND = "file not found"
    UNREADABLE = "cannot read file ({detail})"
    NOT_REGULAR = "not a regular file ({kind}): not read"
    UNSUPPORTED = "unsupported file type ({detail})"
    NOT_PDF = "not a PDF (no %PDF header)"
    TRUNCATED_PDF = "truncated PDF (no %%EOF end marker)"
    ENCRYPTED_PDF = "encrypted PDF: a password is needed to open it"
    DAMAGED_PDF = "damaged PDF: {detail}"
    DAMAGED_WORD = "damaged Word file: {detail}"
    DAMAGED_IMAGE = "damaged image: {detail}"
    TOO_MANY_PAGES = "too many pages: {pages} (limit {limit})"
    PAGE_TOO_LARGE = "page too large: {pixels} pixels (limit {limit})"
    UNPACKS_TOO_LARGE = "unpacks to more than {limit} bytes ({size} bytes)"
    NO_TEXT = "no text found in the document"
    TOO_MUCH_MEMORY = "too big to read: it needs more memory than the limit ({limit} bytes)"
    READER_CRASHED = "the reader crashed on it ({detail}): a damaged file, or one needing more memory than the limit " \
                     "({limit} bytes)"
    FAILED = "could not be read: {detail}"  # anything else (a bug): the detail is the error itself

    def say(self, **details: object) -> str:
        return self.value.format(**details)

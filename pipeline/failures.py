"""The quarantine as staff act on it: what failed and why (`congvan failures`), and putting files back
through the inbox (`congvan retry`).

The quarantine folder is the list: each file with `NAME.reason.txt` beside it
(written by `pipeline.consumer.quarantine`). A retried file goes back into the
inbox under its original name and its entry — the file and its reason — leaves
the quarantine; should it fail again, it comes back with a fresh reason.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.consumer import is_document_name
from pipeline.names import REASON_SUFFIX, place, shown
from pipeline.options import Options


@dataclass
class Failure:
    path: Path  # in the quarantine
    name: str  # its original name in the inbox, as shown
    reason: str
    quarantined: str  # ISO time
    size: int

    @property
    def reason_file(self) -> Path:
        return self.path.parent / f"{self.path.name}{REASON_SUFFIX}"


def _fields(reason_file: Path) -> dict[str, str]:
    try:
        text = reason_file.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return {}
    fields = {}
    for line in text.split("\n\n", 1)[0].splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            fields[key] = value
    return fields


def failures(options: Options) -> list[Failure]:
    """Every quarantined file, oldest first."""
    folder = options.quarantine_dir
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.name.endswith(REASON_SUFFIX) or not is_document_name(path.name):
            continue
        fields = _fields(path.parent / f"{path.name}{REASON_SUFFIX}")
        info = os.lstat(path)
        found.append(Failure(path, fields.get("file", shown(path.name)), fields.get("reason", "(no reason recorded)"),
                             fields.get("quarantined", ""), info.st_size))
    return sorted(found, key=lambda f: (f.quarantined, f.name))


def select(found: list[Failure], names: list[str]) -> tuple[list[Failure], list[str]]:
    """The failures named (by their name in the quarantine or their original name), and the names not found."""
    chosen, unknown = [], []
    for name in names:
        base = Path(name).name
        match = [f for f in found if base in (f.path.name, shown(f.path.name), f.name)]
        if match:
            chosen += [f for f in match if f not in chosen]
        else:
            unknown.append(name)
    return chosen, unknown


def put_back(failure: Failure, options: Options) -> Path:
    """Move a quarantined file back into the inbox (its original name when that can be written back) and
    clear its quarantine entry; returns its path in the inbox."""
    name = failure.name if "\\" not in failure.name and failure.name == shown(failure.name) else failure.path.name
    dest = place(failure.path, options.inbox, name)
    failure.reason_file.unlink(missing_ok=True)
    return dest

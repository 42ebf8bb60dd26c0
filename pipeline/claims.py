"""One claim per file: a run takes a file from the inbox by renaming it into a folder of its own.

A rename inside one filesystem is atomic, so of any number of runs — `ingest`,
`watch`, the nightly run, on this machine or on others sharing the folder —
exactly one gets each file; the others find it gone and leave it. The claim
folders are hidden sub-folders of the inbox (`.congvan-claims/HOST-PID-RANDOM/`),
so the rename never crosses filesystems, whatever `processed` is.

A run keeps its folder's modification time fresh while it lives. A claim left
by a run that is gone — killed, or its machine down — is taken back into the
inbox: at once when the run was on this machine and its process is dead, after
`Options.claim_expiry_seconds` without a sign of life otherwise.
"""
from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from pathlib import Path

from pipeline.names import place
from pipeline.options import Options

HOST = socket.gethostname()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Claims:
    """The claim folder of one run; use as a context manager (it takes back expired claims on entry)."""

    def __init__(self, options: Options):
        self.options = options
        self.root = options.claims_dir
        self.dir = self.root / f"{HOST}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None
        self.returned: list[Path] = []  # files of runs that were gone, put back into the inbox on entry

    def __enter__(self) -> "Claims":
        self.dir.mkdir(parents=True, exist_ok=True)
        self.returned = self.take_back_expired()
        interval = max(1.0, min(60.0, self.options.claim_expiry_seconds / 4))
        self._beat = threading.Thread(target=self._heartbeat, args=(interval,), daemon=True, name="claims-heartbeat")
        self._beat.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._beat is not None:
            self._beat.join()
        self.give_back()
        for folder in (self.dir, self.root):  # the root too when no other run has a folder in it
            try:
                folder.rmdir()
            except OSError:
                pass

    def _heartbeat(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                os.utime(self.dir)
            except OSError:
                pass

    def claim(self, path: Path) -> Path | None:
        """Take `path` (a name in the inbox; a symlink is taken as the link) for this run: its claimed path,
        or None when another run took it first."""
        dest = self.dir / path.name
        try:
            os.rename(path, dest)
        except FileNotFoundError:
            return None
        return dest

    def give_back(self) -> list[Path]:
        """Put whatever this run still holds back into the inbox (a run interrupted by an exception)."""
        return self._return_all(self.dir)

    def take_back_expired(self) -> list[Path]:
        """Put the files of runs that are gone back into the inbox; returns where they are now."""
        if not self.root.is_dir():
            return []
        returned = []
        for folder in self.root.iterdir():
            if folder == self.dir or not folder.is_dir() or not self._expired(folder):
                continue
            returned += self._return_all(folder)
            try:
                folder.rmdir()
            except OSError:  # another run is emptying it too, or a file came in meanwhile: next time
                pass
        return returned

    def _expired(self, folder: Path) -> bool:
        host, _, rest = folder.name.rpartition("-")[0].rpartition("-")
        if host == HOST and rest.isdigit() and not _alive(int(rest)):
            return True
        try:
            age = time.time() - folder.stat().st_mtime
        except FileNotFoundError:
            return False
        return age > self.options.claim_expiry_seconds

    def _return_all(self, folder: Path) -> list[Path]:
        """Every file of `folder` back into the inbox, each first claimed by this run (so one run returns it)."""
        returned = []
        try:
            entries = list(folder.iterdir())
        except FileNotFoundError:
            return []
        for entry in entries:
            held = entry if folder == self.dir else self.claim(entry)
            if held is not None:
                returned.append(place(held, self.options.inbox))
        return returned


def take_back_expired(options: Options) -> list[Path]:
    """Put the claims of runs that are gone back into the inbox, outside any run (before looking at the inbox)."""
    if not options.claims_dir.is_dir():
        return []
    with Claims(options) as claims:
        return claims.returned

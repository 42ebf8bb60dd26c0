"""File names as the filesystem holds them, shown and stored safely, placed without clobbering.

A name read from the disk is whatever bytes the filesystem holds: Python hands
bytes that are not UTF-8 (Latin-1 names from old Windows shares) over as
surrogate escapes, which open() takes back but no terminal, SQLite or UTF-8
file can hold. `shown` is the one form a name is printed and stored in; the
file itself keeps its bytes. `place` moves (or links) a file into a folder
under a free name, atomically: two runs never pick the same name, and a name
too long for the folder beside its ".reason.txt" is shortened first.
"""
from __future__ import annotations

import errno
import os
import shutil
import unicodedata
from pathlib import Path

NAME_MAX = 255  # bytes in one name, on every filesystem congvan runs on
REASON_SUFFIX = ".reason.txt"
# Room kept in a placed name for a "-NNNN" counter and the ".reason.txt" beside it.
_ROOM = len(REASON_SUFFIX) + 5


def shown(name: str | Path) -> str:
    """`name` as text for people and the index: NFC, undecodable bytes as \\xNN escapes."""
    text = os.fsencode(str(name)).decode("utf-8", "backslashreplace")
    return unicodedata.normalize("NFC", text)


def ledger_location(dest: Path, processed: Path) -> str:
    """How the ledger names where a file was put: relative to the processed folder (archive or quarantine),
    so a machine that mounts that folder at another path finds it too."""
    try:
        return shown(dest.relative_to(processed))
    except ValueError:
        return shown(dest)


def located(stored_as: str, processed: Path) -> Path:
    """Where a ledger's `stored_as` lies on this machine (a whole path, as older rows hold, as it is)."""
    path = Path(stored_as)
    return path if path.is_absolute() else processed / path


def _bytes(text: str) -> int:
    return len(os.fsencode(text))


def fit(name: str, limit: int = NAME_MAX - _ROOM) -> str:
    """`name` with its stem cut (on a character) so that it holds at most `limit` bytes; its suffix kept."""
    if _bytes(name) <= limit:
        return name
    stem, suffix = Path(name).stem, Path(name).suffix
    if _bytes(suffix) > limit // 2:
        stem, suffix = name, ""
    kept, size = [], _bytes(suffix)
    for char in stem:
        size += _bytes(char)
        if size > limit:
            break
        kept.append(char)
    return "".join(kept) + suffix


def _candidates(name: str):
    name = fit(name)
    stem, suffix = Path(name).stem, Path(name).suffix
    yield name
    n = 1
    while True:
        yield f"{stem}-{n}{suffix}"
        n += 1


def place(src: Path, directory: Path, name: str | None = None, keep_source: bool = False) -> Path:
    """Put `src` (a file or a symlink, never followed) into `directory` under a free name; returns the new path.

    The name is `name` (default: src's), else "<stem>-N<suffix>". The new entry appears whole and at once:
    a hard link on one filesystem, a copy to an exclusively created file across filesystems. `src` is
    removed afterwards unless `keep_source`.
    """
    directory.mkdir(parents=True, exist_ok=True)
    for candidate in _candidates(name or src.name):
        dest = directory / candidate
        try:
            os.link(src, dest, follow_symlinks=False)
            break
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP):
                raise
        if _copy_exclusive(src, dest):
            break
    if not keep_source:
        os.unlink(src)
    return dest


def _copy_exclusive(src: Path, dest: Path) -> bool:
    """Copy src to dest, which must not exist yet (False if it does); a symlink is copied as a symlink."""
    try:
        if src.is_symlink():
            os.symlink(os.readlink(src), dest)
            return True
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as out, open(src, "rb") as data:
        shutil.copyfileobj(data, out, 1 << 20)
    shutil.copystat(src, dest)
    return True

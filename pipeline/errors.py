"""The one error the pipeline raises for input it cannot read."""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file that cannot be read as a document; its message is one line naming the file and the problem.

    `InputError(path, "truncated PDF")` reads "name.pdf: truncated PDF"; a single
    argument is taken as the whole message.
    """

    def __init__(self, path_or_message: Path | str, problem: str | None = None):
        if problem is None:
            self.path = None
            message = str(path_or_message)
        else:
            self.path = Path(path_or_message)
            message = f"{self.path.name}: {problem}"
        super().__init__(" ".join(message.split()))

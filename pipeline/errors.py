"""The one error the pipeline raises for input it cannot read."""
from __future__ import annotations

from pathlib import Path

from pipeline.status import FailureReason


class InputError(Exception):
    """A file that cannot be read as a document; its message is one line naming the file and the problem.

    `InputError(path, "truncated PDF")` reads "name.pdf: truncated PDF"; a single
    argument is taken as the whole message. `InputError.because(path, FailureReason.X, **details)`
    also keeps the reason as an enum in `reason` (None for the free-worded ones).
    """

    def __init__(self, path_or_message: Path | str, problem: str | None = None,
                 reason: FailureReason | None = None):
        if problem is None:
            self.path = None
            message = str(path_or_message)
        else:
            self.path = Path(path_or_message)
            message = f"{self.path.name}: {problem}"
        self.reason = reason
        self.problem = " ".join((problem or message).split())  # what is wrong, without the file's name
        super().__init__(" ".join(message.split()))

    @classmethod
    def because(cls, path: Path | str, reason: FailureReason, **details: object) -> "InputError":
        return cls(path, reason.say(**details), reason=reason)

"""Errors that end a run: InputError (exit 2, one line naming the file and line or key) and
InternalError (exit 3: a bug met while reading one input, named in the message)."""
import stat
from pathlib import Path


class InputError(Exception):
    """Bad input: a missing path, an unreadable or undecodable article, a bad config value."""


class InternalError(Exception):
    """A bug in factlint met while processing one input; str() names the input and the error.
    The original exception is the __cause__ (its traceback is shown under --debug)."""


def read_utf8(path: Path, what: str) -> str:
    """The text of a file the user named, or an InputError saying which file and why."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO would block the read for ever
            raise InputError(f"{path}: {what} is not a regular file")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: {what} is not UTF-8 text (byte {exc.start})") from None

"""Choosing and writing output formats; the exit code.

Options are checked before any analysis (`plan_outputs`). A run replaces its report set as a
whole: every report is rendered, then written to a temporary file beside its target, then all
are renamed into place with Ctrl-C held back for those few microseconds, so an interrupted run
leaves the old set or the new one, never a mix. Reports get the mode a new file normally gets
(0666 less the umask: 0644 under the usual 022), not mkstemp's private 0600.
"""
from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, NamedTuple

from .errors import InputError
from .models import SEVERITY_RANK, Report
from .report import render_json_bytes, render_markdown, render_text

DEFAULT_DIR = Path("reports")
LOCATED = {"sarif", "junit", "gitlab", "github", "html"}  # formats that link to files
HELD_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class Output(NamedTuple):
    """One report to produce: its format, its file (None: standard output only), and whether
    it is also printed on standard output."""

    name: str
    render: Callable[..., str | bytes]
    path: Path | None
    echo: bool


def formats(core_only: bool = False) -> dict[str, tuple]:
    """Format name -> (render function, file extension; "" = standard output by default).
    `core_only`: the three formats of report.py, without importing the CI and HTML ones."""
    table = {"text": (render_text, ".txt"), "markdown": (render_markdown, ".md"),
             "json": (render_json_bytes, ".json")}  # (bytes: written as they are)
    if core_only:
        return table
    from .formats import FORMATS

    return {**table, **FORMATS}


def plan_outputs(fmt: str, output: Path | None, stdout: bool = False) -> list[Output]:
    """What `--format`, `--output` and `--stdout` ask for; InputError when they cannot be met."""
    names = [n.strip().lower() for n in fmt.split(",") if n.strip()]
    core = formats(core_only=True)
    table = core if names and all(n in core for n in names) else formats()
    unknown = [n for n in names if n not in table]
    if unknown or not names:
        raise InputError(f"--format: unknown format {', '.join(unknown) or repr(fmt)} (choose from {', '.join(table)})")
    if output is not None and len(names) > 1:
        raise InputError("--output: give one format with --output, or let factlint name the files")
    if output is not None and output.is_dir():
        raise InputError(f"--output {output}: is a folder; name a file")
    plan = []
    for name in dict.fromkeys(names):
        render, ext = table[name]
        if stdout or (output is None and not ext):
            plan.append(Output(name, render, None, True))
        else:
            path = output or DEFAULT_DIR / f"factlint{ext}"
            _check_writable(path)
            plan.append(Output(name, render, path, name == "text" and output is None))
    return plan


def _check_writable(path: Path) -> None:
    """The report's folder, or the nearest one that exists above it, takes new files."""
    folder = path.parent.absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{path}: cannot write report (folder {folder} is not writable)")


def write_outputs(report: Report, plan: list[Output], base: str = "") -> list[Path]:
    """Render every planned report, write the files as one set, then print what goes to the
    terminal. `base` is the folder article paths are relative to, for formats that point CI at
    files."""
    texts = [(o, o.render(report, base=base) if o.name in LOCATED else o.render(report)) for o in plan]
    files = {o.path: text for o, text in texts if o.path is not None}
    write_set(files)
    for o, text in texts:
        if o.echo:
            sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
    return list(files)


def write_set(files: dict[Path, str | bytes], what: str = "report") -> None:
    """Write every file to a temporary file beside it, then rename them all into place."""
    staged: list[tuple[Path, Path]] = []
    mode = _new_file_mode()
    try:
        for path, text in files.items():
            staged.append((_stage(path, text, mode, what), path))
        with _interrupts_held():
            for tmp, path in staged:
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    raise _cannot_write(path, exc, what) from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)  # left over only when something failed


def _stage(path: Path, text: str | bytes, mode: int, what: str) -> Path:
    """A temporary file beside `path` holding `text` (UTF-8 bytes are written as they are), with
    the final file's mode."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(path, exc, what) from None
    try:
        # a name that is not valid Unicode (typed on the command line) must not stop the report
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as raw:
                raw.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as fh:
                fh.write(text)
        os.chmod(tmp, mode)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc, what) from None
        raise
    return Path(tmp)


def _cannot_write(path: Path, exc: OSError, what: str) -> InputError:
    return InputError(f"{path}: cannot write {what} ({exc.strerror or exc})")


def _new_file_mode() -> int:
    """0666 less the process umask: what open() gives a new file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def _interrupts_held():
    """Ctrl-C, SIGTERM and SIGHUP wait until the block ends (POSIX main thread; elsewhere the
    block simply runs)."""
    held = {getattr(signal, s) for s in HELD_SIGNALS if hasattr(signal, s)}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on not in SEVERITY_RANK:
        raise InputError(f"--fail-on: expected info, warning or error, got {fail_on!r}")
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings) else 0

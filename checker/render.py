"""Choosing and writing output formats; the exit code. Files are written atomically."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import InputError
from .models import SEVERITY_RANK, Report
from .report import render_json, render_markdown, render_text

DEFAULT_DIR = Path("reports")
LOCATED = {"sarif", "junit", "gitlab", "github", "html"}  # formats that link to files


def formats() -> dict[str, tuple]:
    """Format name -> (render function, file extension)."""
    table = {"text": (render_text, ".txt"), "markdown": (render_markdown, ".md"),
             "json": (render_json, ".json")}
    try:
        from .formats import FORMATS
    except ImportError:
        return table
    return {**table, **FORMATS}


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(report: Report, fmt: str, output: Path | None, stdout: bool = False,
                  base: str = "") -> list[Path]:
    """Render every requested format; text goes to the terminal as well as to its file.

    `base` is the folder article paths are relative to, for formats that point CI at files."""
    table = formats()
    names = [n.strip().lower() for n in fmt.split(",") if n.strip()]
    unknown = [n for n in names if n not in table]
    if unknown or not names:
        raise InputError(f"--format: unknown format {', '.join(unknown) or fmt!r} (choose from {', '.join(table)})")
    if output is not None and len(names) > 1:
        raise InputError("--output: give one format with --output, or let factlint name the files")
    written = []
    for name in names:
        render, ext = table[name]
        text = render(report, base=base) if name in LOCATED else render(report)
        if stdout or name == "github":
            sys.stdout.write(text)
            if name == "github" or stdout:
                continue
        if name == "text" and output is None:
            sys.stdout.write(text)
        path = output or DEFAULT_DIR / f"factlint{ext}"
        try:
            write_atomic(path, text)
        except OSError as exc:
            raise InputError(f"{path}: cannot write report ({exc.strerror})") from None
        written.append(path)
    return written


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on not in SEVERITY_RANK:
        raise InputError(f"--fail-on: expected info, warning or error, got {fail_on!r}")
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings) else 0

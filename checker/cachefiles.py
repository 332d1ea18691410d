"""Files of the on-disk cache: where it lives, reading and atomic writing of one entry.

The cache is `.factlint_cache/` in the project root (see `default_cache_dir`), else the user's
cache folder. Its users (runner.py: extracted articles; rules.py: validated rules) keep one
sub-folder each. Nothing here ever fails a run: an unreadable entry is a miss, a folder that
cannot be written is skipped.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

CACHE_NAME = ".factlint_cache"
PROJECT_MARKERS = ("factlint.toml", "pyproject.toml", ".git")  # what makes a folder a project root
CACHE_README = "# Created by factlint: its cache (extracted articles, validated rules). Safe to delete.\n*\n"


def default_cache_dir(paths: list[Path]) -> Path:
    """`.factlint_cache/` in the project root: the nearest folder above the first checked path
    holding factlint.toml, pyproject.toml or .git; else the user's cache folder. Never simply
    the folder the command runs from."""
    first = Path(paths[0]).resolve() if paths else Path.cwd()
    folder = first if first.is_dir() else first.parent
    for d in (folder, *folder.parents):
        if any((d / m).exists() for m in PROJECT_MARKERS):
            return d / CACHE_NAME
    return user_cache_dir() / "factlint"


def user_cache_dir() -> Path:
    """The platform's per-user cache folder."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    if sys.platform == "darwin":
        return home / "Library" / "Caches"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")


def prepare(cache_dir: Path) -> None:
    """A new cache folder says what it is and keeps itself out of git (`*` in its .gitignore)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        ignore = cache_dir / ".gitignore"
        if not ignore.exists():
            ignore.write_text(CACHE_README, encoding="utf-8")
    except OSError:
        pass  # an unwritable cache is skipped entry by entry


def read(path: str | Path) -> bytes | None | bool:
    """The entry's bytes; None when there is no entry; False when it cannot be read. (Unbuffered,
    from a path string: a warm run reads an entry per article, and Path.read_bytes and joining
    Paths cost as much again as the reading.)"""
    try:
        with open(path, "rb", buffering=0) as fh:
            return fh.readall()
    except FileNotFoundError:
        return None
    except OSError:
        return False


def write(path: str | Path, text: str | bytes | bytearray) -> bool:
    """Write the entry (text as UTF-8) through a temporary file renamed into place; False when
    it cannot be."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


def keep_newest(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the `keep` most recently written or touched files of `folder` matching
    `pattern` (a cache whose files are not content-addressed, and would otherwise only grow)."""
    try:
        files = sorted(((f.stat().st_mtime, f) for f in folder.glob(pattern)), reverse=True)
        for _, old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another run pruning at once, or an unwritable folder: next time


def touch(path: str | Path) -> None:
    """Mark an entry as used now (see keep_newest)."""
    try:
        os.utime(path)
    except OSError:
        pass

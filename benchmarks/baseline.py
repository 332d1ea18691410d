"""A previous version of factlint beside the current one, for side-by-side benchmark figures.

The tree of a git revision is exported to a folder (`git archive`, no checkout touched); a child
process runs it with PYTHONPATH pointing there, on the same interpreter and dependencies, from a
working directory outside the repository. Its seeds/ and pyproject.toml come along, so its cache
is its own (`<folder>/.factlint_cache`).
"""
from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def export(rev: str, dest: Path) -> Path | None:
    """The tree of `rev` under `dest` (created); None when git cannot give it."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", rev], capture_output=True)
    if archive.returncode:
        return None
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def short(rev: str) -> str:
    """`rev` as a short commit id (itself when git does not know it)."""
    out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", rev], capture_output=True, text=True)
    return out.stdout.strip() or rev

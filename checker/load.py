"""Load stage: article files in, `Article` models out.

Reads every .txt/.md file under the given paths (recursively, sorted), front matter, scraped
" date 2026-02-04" prefixes and `sources.toml` manifests. Problems with one file become warnings
naming the file; only "nothing left to check" is an InputError (exit 2).
"""
from __future__ import annotations

import json
import os
import re
import tomllib
from datetime import date
from pathlib import Path

from .errors import InputError
from .models import Article

SUFFIXES = {".txt", ".md"}
MANIFEST = "sources.toml"
META_KEYS = ("title", "outlet", "url", "date")
SCRAPED_DATE = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+")


def collect(paths: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """(file, path relative to the checked folder) for every article file, sorted."""
    found: dict[str, Path] = {}
    warnings: list[str] = []
    roots = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{raw}: no such file or directory")
        roots.append(p if p.is_dir() else p.parent)
    base = Path(os.path.commonpath([str(r.resolve()) for r in roots])) if roots else Path(".")
    for raw in paths:
        p = Path(raw)
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                       and not any(part.startswith(".") for part in f.relative_to(p).parts)) \
            if p.is_dir() else [p]
        for f in files:
            rel = f.resolve().relative_to(base).as_posix()
            found.setdefault(rel, f)
    return sorted(((f, rel) for rel, f in found.items()), key=lambda t: t[1]), warnings


def _manifest(folder: Path, cache: dict[Path, dict]) -> dict:
    if folder not in cache:
        path = folder / MANIFEST
        data: dict = {}
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise InputError(f"{path}: invalid manifest: {exc}") from None
        cache[folder] = data
    return cache[folder]


def _iso(value: object) -> str | None:
    """An ISO date string, or None for "unknown", "~2024-09-11" and other non-dates."""
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    m = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})\s*", value)
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def _front_matter(text: str) -> tuple[dict, int, int]:
    """Front matter between two `---` lines: (metadata with the title's line, body offset,
    body line)."""
    if not text.startswith("---"):
        return {}, 0, 1
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, 0, 1
    meta: dict = {}
    title_line = 0
    offset = len(lines[0]) + 1
    for i, line in enumerate(lines[1:], start=2):
        offset += len(line) + 1
        if line.strip() == "---":
            if title_line:
                meta["title_line"] = title_line
            return meta, min(offset, len(text)), i + 1
        key, sep, val = line.partition(":")
        if sep and key.strip():
            val = val.strip()
            if len(val) >= 2 and val[0] == val[-1] and val[0] in "\"'":
                try:
                    val = json.loads(val) if val[0] == '"' else val[1:-1]
                except json.JSONDecodeError:
                    val = val[1:-1]
            meta[key.strip().lower()] = val
            if key.strip().lower() == "title":
                title_line = i
    return {}, 0, 1  # no closing line: not front matter


def read_article(file: Path, rel: str, manifest: dict) -> tuple[Article | None, str | None]:
    """The article, or None and a warning naming the file."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, f"{rel}: cannot read ({exc.strerror})"
    if b"\x00" in raw:
        return None, f"{rel}: binary file skipped"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, f"{rel}:{line}: invalid UTF-8 (byte {exc.start}); file skipped"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, f"{rel}: empty file skipped"
    meta, offset, body_line = _front_matter(text)
    body = text[offset:]
    m = SCRAPED_DATE.match(body)
    if m:  # blank the prefix out so offsets still point into the file
        meta.setdefault("date", m.group(1))
        body = " " * m.end() + body[m.end():]
    listed = manifest.get(file.name, {}) if isinstance(manifest.get(file.name), dict) else {}
    info = {k: meta.get(k) or listed.get(k) for k in META_KEYS}
    outlet = info["outlet"] if isinstance(info["outlet"], str) else None
    return Article(
        path=rel, text=body, body_line=body_line,
        title=info["title"] if isinstance(info["title"], str) else None,
        title_line=meta.get("title_line") if meta.get("title") else None,
        outlet=None if outlet and outlet.lower().startswith("unknown") and "(" not in outlet else outlet,
        url=info["url"] if isinstance(info["url"], str) else None,
        date=_iso(info["date"]),
    ), None


def load(paths: list[str]) -> tuple[list[Article], list[str]]:
    """All articles under `paths`, plus warnings for the files that were skipped."""
    files, warnings = collect(paths)
    manifests: dict[Path, dict] = {}
    articles = []
    for file, rel in files:
        article, warning = read_article(file, rel, _manifest(file.parent, manifests))
        if warning:
            warnings.append(warning)
        if article:
            articles.append(article)
    if not articles:
        detail = f" ({'; '.join(warnings)})" if warnings else ""
        raise InputError(f"{', '.join(paths)}: no readable .txt or .md articles{detail}")
    return articles, warnings

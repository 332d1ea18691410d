"""Load stage: article files in, `Article` models out.

Reads every .txt/.md file under the given paths (recursively, sorted), front matter, scraped
" date 2026-02-04" prefixes and `sources.toml` manifests. Nothing is lost without a word: a file
left out, a byte replaced, front matter or a date that cannot be read is an `InputWarning`
naming the file and line. Only a path that cannot be checked at all (missing, a FIFO, a device)
or "nothing left to check" is an InputError (exit 2).
"""
from __future__ import annotations

import codecs
import json
import os
import re
import stat
import tomllib
from datetime import date
from pathlib import Path
from typing import NamedTuple

from .errors import InputError
from .models import Article, InputWarning

SUFFIXES = {".txt", ".md"}
MANIFEST = "sources.toml"
META_KEYS = ("title", "outlet", "url", "date")
SCRAPED_DATE = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+")
ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][^\n]*)?\s*")  # a time may follow
# Byte-order marks, longest first: UTF-32 LE's starts with UTF-16 LE's.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
REPLACEMENT = "\ufffd"
FILE_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
              (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


class ArticleFile(NamedTuple):
    file: Path
    rel: str  # relative to the checked folder, "/"-separated


class Collected(NamedTuple):
    files: list[ArticleFile]  # sorted by rel
    warnings: list[InputWarning]
    base: Path  # the folder every rel is relative to


class Loaded(NamedTuple):
    articles: list[Article]
    warnings: list[InputWarning]


def _kind(mode: int) -> str:
    return next((name for test, name in FILE_KINDS if test(mode)), "not a regular file")


def check_paths(paths: list[str]) -> None:
    """Refuse at once a path that cannot be checked: missing, or neither a regular file nor a
    folder (reading a FIFO would wait for ever)."""
    for raw in paths:
        p = Path(raw)
        try:
            mode = p.stat().st_mode
        except FileNotFoundError:
            what = "dangling symbolic link" if p.is_symlink() else "no such file or directory"
            raise InputError(f"{raw}: {what}") from None
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            raise InputError(f"{raw}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise InputError(f"{raw}: {_kind(mode)}, not a file or folder of articles")


def display_path(path: str) -> str:
    """A path as reports show it: bytes that are not UTF-8 in a file name become \\xNN text,
    so every report can be encoded."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _rel(path: Path, base: Path) -> str:
    """Path relative to the checked folder; a symbolic link keeps its own name."""
    return display_path((path.parent.resolve() / path.name).relative_to(base).as_posix())


def _walk(folder: Path, base: Path, warnings: list[InputWarning], own: frozenset[Path] = frozenset()) -> list[Path]:
    """Article files under `folder` (hidden names skipped). What cannot be read is a warning:
    a dangling link, a FIFO or device, a linked folder (not followed), an unreadable folder; so
    is what factlint writes itself (`own`: its reports folder and report files), never read back."""
    def warn(path: str, message: str) -> None:
        warnings.append(InputWarning(path=_rel(Path(path), base), message=message, skipped=True))

    found: list[Path] = []
    for top, dirs, names in os.walk(folder, onerror=lambda e: warn(e.filename, f"folder not read ({e.strerror})")):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in list(dirs):
            if os.path.islink(os.path.join(top, d)):
                warn(os.path.join(top, d), "symbolic link to a folder, not followed")
            elif Path(top, d).resolve() in own:
                dirs.remove(d)
                warn(os.path.join(top, d), "factlint's reports folder, not read as articles")
        for name in sorted(names):
            path = Path(top, name)
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                continue
            if path.resolve() in own:
                warn(str(path), "factlint's own report, not read as an article")
                continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                broken = isinstance(exc, FileNotFoundError) and path.is_symlink()
                warn(str(path), "dangling symbolic link skipped" if broken
                     else f"cannot read ({exc.strerror or exc}); skipped")
                continue
            if stat.S_ISREG(mode):
                found.append(path)
            else:
                warn(str(path), f"{_kind(mode)}, skipped")
    return found


def collect(paths: list[str], own: frozenset[Path] = frozenset()) -> Collected:
    """Every article file under `paths`, sorted, with warnings for what had to be left out
    (`own`: resolved paths factlint writes its reports to)."""
    check_paths(paths)
    roots = [p if p.is_dir() else p.parent for p in map(Path, paths)]
    base = Path(os.path.commonpath([str(r.resolve()) for r in roots])) if roots else Path(".")
    found: dict[str, Path] = {}
    warnings: list[InputWarning] = []
    for raw in paths:
        p = Path(raw)
        for f in (_walk(p, base, warnings, own) if p.is_dir() else [p]):
            found.setdefault(_rel(f, base), f)
    files = [ArticleFile(f, rel) for rel, f in sorted(found.items())]
    return Collected(files, sorted(warnings, key=lambda w: w.path), base)


# --- one file -------------------------------------------------------------------------------------

class Decoded(NamedTuple):
    text: str | None  # None: binary
    problem: InputWarning | None  # bytes that were replaced


def decode(raw: bytes, rel: str) -> Decoded:
    """Text of an article: UTF-8, or UTF-16/32 with a byte-order mark. A byte that does not
    decode becomes U+FFFD with a warning naming its line and offset; NUL bytes without a mark
    mean a binary file."""
    codec = next((c for bom, c in BOMS if raw.startswith(bom)), None)
    if codec is None and b"\x00" in raw:
        return Decoded(None, None)
    codec = codec or "utf-8"
    try:
        return Decoded(raw.decode(codec), None)
    except UnicodeDecodeError as exc:
        start = exc.start
    text = raw.decode(codec, errors="replace")
    line = raw[:start].decode(codec, errors="replace").count("\n") + 1
    more = text.count(REPLACEMENT) - 1 - (raw.count(REPLACEMENT.encode()) if codec == "utf-8" else 0)
    message = (f"byte 0x{raw[start]:02X} at offset {start} is not {codec.upper().removesuffix('-SIG')}; "
               f"replaced with U+FFFD" + (f" ({more} more further on)" if more > 0 else ""))
    return Decoded(text, InputWarning(path=rel, line=line, message=message))


class FrontMatter(NamedTuple):
    meta: dict
    lines: dict[str, int]  # line of each key, for warnings and the title's position
    offset: int  # where the body starts in the text
    body_line: int
    problems: list[InputWarning]
    columns: dict[str, int] = {}  # 1-based column where each value starts (inside its quotes)


def _front_matter(text: str, rel: str) -> FrontMatter:
    """Front matter between two `---` lines; a block that is never closed or a line that is not
    `key: value` is a warning."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return FrontMatter({}, {}, 0, 1, [])
    meta: dict = {}
    where: dict[str, int] = {}
    columns: dict[str, int] = {}
    problems: list[InputWarning] = []
    offset = len(lines[0]) + 1
    for i, line in enumerate(lines[1:], start=2):
        offset += len(line) + 1
        if line.strip() == "---":
            return FrontMatter(meta, where, min(offset, len(text)), i + 1, problems, columns)
        key, sep, val = line.partition(":")
        if sep and key.strip() and not key[0].isspace():
            meta[key.strip().lower()] = _unquote(val.strip())
            where[key.strip().lower()] = i
            lead = len(key) + 1 + len(val) - len(val.lstrip())
            columns[key.strip().lower()] = lead + 1 + (val.strip()[:1] in "\"'")
        elif line.strip() and not line[0].isspace() and not line.lstrip().startswith(("#", "-")):
            problems.append(InputWarning(path=rel, line=i, message="front matter line is not 'key: value'; ignored"))
    unclosed = InputWarning(path=rel, line=1, message="front matter opened with '---' is never closed; read as article text")
    return FrontMatter({}, {}, 0, 1, [unclosed])


def _unquote(val: str) -> str:
    if len(val) >= 2 and val[0] == val[-1] and val[0] in "\"'":
        try:
            return json.loads(val) if val[0] == '"' else val[1:-1]
        except json.JSONDecodeError:
            return val[1:-1]
    return val


def _iso(value: object) -> tuple[str | None, str | None]:
    """(ISO date, problem): "unknown" or nothing is no problem; "2025-13-45" or "yesterday" is."""
    if value is None or (isinstance(value, str) and (not value.strip() or value.strip().lower().startswith("unknown"))):
        return None, None
    if isinstance(value, date):  # TOML dates and datetimes
        return getattr(value, "date", lambda: value)().isoformat(), None
    m = ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if not m:
        return None, f"date {_shown(value)} is not an ISO date (YYYY-MM-DD); ignored"
    try:
        return date(*map(int, m.groups())).isoformat(), None
    except ValueError:
        return None, f"date {_shown(value)} is not a real date; ignored"


def _shown(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:39] + "…")


class Manifest(NamedTuple):
    """A folder's sources.toml: per file name, what is known of the article."""

    entries: dict
    text: str
    rel: str  # its path in warnings

    def line_of(self, name: str) -> int | None:
        """Line of the table for `name` (for warnings)."""
        for i, line in enumerate(self.text.splitlines(), start=1):
            if line.lstrip().startswith("[") and name in line:
                return i
        return None


def _manifest(folder: Path, base: Path, cache: dict[Path, Manifest]) -> Manifest:
    if folder not in cache:
        path = folder / MANIFEST
        entries, text = {}, ""
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8-sig")
                entries = tomllib.loads(text)
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise InputError(f"{path}: invalid manifest: {exc}") from None
        try:
            rel = path.resolve().relative_to(base).as_posix()
        except ValueError:
            rel = str(path)
        cache[folder] = Manifest(entries, text, rel)
    return cache[folder]


def _metadata(rel: str, name: str, fm: FrontMatter, manifest: Manifest, problems: list[InputWarning]) -> dict:
    """title, outlet, url, date from front matter, else the manifest; a value that cannot be
    used (not text, not a date) is a warning at the line that gave it."""
    listed = manifest.entries.get(name)
    listed = listed if isinstance(listed, dict) else {}
    info: dict = {}
    for key in META_KEYS:
        from_file = bool(fm.meta.get(key))
        value = fm.meta[key] if from_file else listed.get(key)
        if key == "date":
            value, problem = _iso(value)
        else:
            problem = None if value is None or isinstance(value, str) else f"{key} is not text; ignored"
            value = value if isinstance(value, str) else None
        if problem:
            problems.append(InputWarning(path=rel, line=fm.lines.get(key), message=problem) if from_file
                            else InputWarning(path=manifest.rel, line=manifest.line_of(name), message=problem))
        info[key] = value
    return info


# The first line of a text or Markdown report (report.py): a report written elsewhere with
# --output by an earlier run is never an article of the next one.
OWN_REPORT_RE = re.compile(r"(?:factlint: [\d,]+ articles?, [\d,]+ claims?: |# factlint report\n)")


def read_article(file: Path, rel: str, manifest: Manifest) -> tuple[Article | None, list[InputWarning]]:
    """The article (None when the file is skipped) and the warnings about it."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [InputWarning(path=rel, message=f"cannot read ({exc.strerror or exc}); skipped", skipped=True)]
    decoded = decode(raw, rel)
    if decoded.text is None:
        return None, [InputWarning(path=rel, message="binary file skipped (NUL bytes; UTF-16/32 text needs a "
                                   "byte-order mark)", skipped=True)]
    problems = [decoded.problem] if decoded.problem else []
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, problems + [InputWarning(path=rel, message="empty file skipped", skipped=True)]
    if not text.replace(REPLACEMENT, "").strip():
        return None, problems + [InputWarning(path=rel, message="nothing but bytes that do not decode; skipped",
                                              skipped=True)]
    if OWN_REPORT_RE.match(text):
        return None, problems + [InputWarning(path=rel, message="factlint's own report, not read as an article",
                                              skipped=True)]
    fm = _front_matter(text, rel)
    problems += fm.problems
    body = text[fm.offset:]
    m = SCRAPED_DATE.match(body)
    if m:  # blank the prefix out so offsets still point into the file
        fm.meta.setdefault("date", m.group(1))
        fm.lines.setdefault("date", fm.body_line)
        body = " " * m.end() + body[m.end():]
    info = _metadata(rel, file.name, fm, manifest, problems)
    outlet = info["outlet"]
    return Article(
        path=rel, text=body, body_line=fm.body_line, title=info["title"],
        title_line=fm.lines.get("title") if info["title"] else None,
        title_column=fm.columns.get("title", 1) if info["title"] else 1,
        outlet=None if outlet and outlet.lower().startswith("unknown") and "(" not in outlet else outlet,
        url=info["url"], date=info["date"],
    ), problems


def load_inputs(paths: list[str], own: frozenset[Path] = frozenset()) -> Loaded:
    """All articles under `paths`, and a warning for every file skipped or only partly read
    (`own`: resolved paths factlint writes its reports to, which folders walked skip)."""
    collected = collect(paths, own)
    manifests: dict[Path, Manifest] = {}
    articles: list[Article] = []
    warnings = list(collected.warnings)
    for file, rel in collected.files:
        article, problems = read_article(file, rel, _manifest(file.parent, collected.base, manifests))
        warnings += problems
        if article:
            articles.append(article)
    if not articles:
        detail = f" ({'; '.join(map(str, warnings))})" if warnings else ""
        raise InputError(f"{', '.join(paths)}: no readable .txt or .md articles{detail}")
    return Loaded(articles, warnings)


def load(paths: list[str]) -> tuple[list[Article], list[str]]:
    """All articles under `paths`, plus a one-line warning for every input problem."""
    articles, warnings = load_inputs(paths)
    return articles, [str(w) for w in warnings]

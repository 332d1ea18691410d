"""Speed for big runs: parallel and cached per-article extraction, and `--changed` filtering.

`extract_all` runs `pipeline.extract_article` over every article, reading what it can from a
content-addressed cache and sending the rest to worker processes. The result is the same list,
in the same order, as the serial run, whatever the number of jobs or the state of the cache:
extraction is a pure function of the article, the rules and the extraction code, and those are
exactly what the cache key covers.

Cache: one JSON file per key (`Extracted.model_dump_json`) under `<cache>/extract-v2/`, written
atomically, where <cache> is `.factlint_cache/` in the project root (see `default_cache_dir`) or
the user's cache folder. The key is sha256 of the article (path, text, body line, title, date ...),
`RuleSet.version()` and a code version (checker.__version__ and the source of the extraction
modules). An unreadable or corrupt entry is a miss and is rewritten; a cache folder that cannot
be written is skipped. Nothing here ever fails a run; a bug met while extracting one article
is an InternalError naming it.
"""
from __future__ import annotations

import gc
import hashlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, TextIO

from . import cachefiles
from .cachefiles import default_cache_dir, user_cache_dir  # noqa: F401 - where the CLI finds them
from .claims import CachedClaims
from .errors import InputError, InternalError
from .models import Article, Claim, Descriptor, Report
from .pipeline import Extracted, extract_article, gc_paused
from .rules import RuleSet

CACHE_FORMAT = "extract-v2"  # sub-folder; bump when the layout of an entry changes
# Modules whose source decides what extract_article returns; a package counts with every module
# in it, so a file added to checker/extract/ or checker/describe/ is covered without being named.
CODE_FILES = ("extract", "describe", "sentences.py", "models.py", "pipeline.py", "words.py", "text.py", "entities.py")
# Below this many articles per worker a process pool costs more than it saves.
MIN_ARTICLES_PER_WORKER = 8


@dataclass
class Stats:
    """What one `extract_all` call did (for tests and benchmarks)."""

    articles: int = 0
    hits: int = 0  # read from the cache
    extracted: int = 0  # computed (misses)
    written: int = 0  # cache entries written
    corrupt: int = 0  # cache entries that could not be used (rewritten)
    workers: int = 1  # processes that extracted (1 = in-process)
    keys: list[str] = field(default_factory=list)  # each article's cache key, in order (none without a cache)


def default_jobs() -> int:
    """CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@lru_cache(maxsize=1)
def code_version() -> str:
    """checker.__version__ plus a hash of the extraction code: a code change empties the cache."""
    from . import __version__

    return code_hash(Path(__file__).resolve().parent, __version__)


@lru_cache(maxsize=1)
def package_version() -> str:
    """checker.__version__ plus a hash of every module: what the claims cache depends on."""
    from . import __version__

    return code_hash(Path(__file__).resolve().parent, __version__, (".",))


def code_hash(here: Path, version: str, names: tuple[str, ...] = CODE_FILES) -> str:
    """A hash of the modules `names` under `here` (every module of a package, found by itself)."""
    h = hashlib.sha256(version.encode())
    for name in names:
        path = here / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            rel = f.relative_to(here).as_posix()
            try:
                h.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
            except OSError:
                h.update(rel.encode() + b"\0missing\0")
    return h.hexdigest()[:16]


def cache_key(article: Article, rules_version: str, code: str | None = None) -> str:
    h = hashlib.sha256()
    for part in (code or code_version(), rules_version, article.model_dump_json()):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _entry(cache_dir: Path, key: str) -> str:
    return f"{cache_dir}/{CACHE_FORMAT}/{key[:2]}/{key}.json"  # a string: see cachefiles.read


def _read(path: str) -> Extracted | None | bool:
    """The cached value; None when there is no entry; False when the entry is unusable."""
    data = cachefiles.read(path)
    if data is None or data is False:
        return data
    try:
        return Extracted.model_validate_json(data)
    except ValueError:  # pydantic ValidationError is a ValueError; so is bad UTF-8 / JSON
        return False


class ClaimCache:
    """The claims stage's store (claims.ClaimStore): each article's claims (claims.CachedClaims,
    which also says what else they depend on, so that they are used only while that holds).

    One file per run's inputs, `<cache>/claims-v1/<hash>.jsonl`, read once and written once (a
    file per article cost more to create than its claims to work out): a line per article, its
    extraction key, a tab and its entry. The hash covers the checked paths and every module's
    source. An article's line is kept while its entry holds and written again when it does not;
    the file is rewritten only when a line changed. The KEEP most recently used files are kept (a
file holds a whole run's claims, and temporary folders checked once would otherwise pile up).
An unreadable file or line is a miss."""

    FORMAT = "claims-v1"
    KEEP = 8  # claims files kept, the most recently used: one per set of paths checked

    def __init__(self, cache_dir: Path, keys: list[str], run: str):
        """`keys`: each article's extraction key, in order (Stats.keys); `run`: what was checked
        (the paths), so that two folders checked by turns keep a file each."""
        name = hashlib.sha256(f"{package_version()}\0{run}".encode()).hexdigest()
        self.path = f"{cache_dir}/{self.FORMAT}/{name}.jsonl"
        self.keys = keys
        self._data = b""  # the file as read: its lines are sliced out only when used
        self._spans: dict[str, tuple[int, int]] | None = None  # key -> its entry's span in _data
        self._lines: list[tuple[int, int] | bytes | None] = [None] * len(keys)  # per article: kept span, or new entry
        self.entries_read = self.written = 0  # for tests and benchmarks

    def _file(self) -> dict[str, tuple[int, int]]:
        if self._spans is None:
            data = cachefiles.read(self.path)
            self._data = data if isinstance(data, bytes) else b""
            self._spans = {}
            start = 0
            while start < len(self._data):
                end = self._data.find(b"\n", start)
                end = len(self._data) if end < 0 else end
                tab = self._data.find(b"\t", start, end)
                if tab > start:
                    self._spans[self._data[start:tab].decode("ascii", "replace")] = (tab + 1, end)
                start = end + 1
        return self._spans

    def read(self, n: int, descriptors: list[list[Descriptor]]) -> CachedClaims | None:
        span = self._file().get(self.keys[n - 1]) if 0 < n <= len(self.keys) else None
        if span is None:
            return None
        try:
            entry = CachedClaims.model_validate_json(self._data[span[0]:span[1]],
                                                     context={"descriptors": [d for ds in descriptors for d in ds]})
        except ValueError:  # pydantic ValidationError is a ValueError; so is bad UTF-8 / JSON
            return None
        self._lines[n - 1] = span  # kept unless written again: the claims stage checks that it holds
        self.entries_read += 1
        return entry

    def write(self, n: int, entry: CachedClaims, descriptors: list[list[Descriptor]]) -> None:
        if 0 < n <= len(self.keys):
            self._lines[n - 1] = _entry_json(entry, {id(d): k for k, d in enumerate(d for ds in descriptors for d in ds)})
            self.written += 1

    def save(self) -> None:
        """Write the file, when a line changed or an article left the run (else mark it used);
        keep the KEEP most recently used files; then let go of the file."""
        if self.written or sum(line is not None for line in self._lines) != len(self._file()):
            out = bytearray()
            for key, line in zip(self.keys, self._lines):
                if line is not None:
                    out += key.encode("ascii") + b"\t"
                    out += self._data[line[0]:line[1]] if isinstance(line, tuple) else line
                    out += b"\n"
            cachefiles.write(self.path, out)
        elif self._data:
            cachefiles.touch(self.path)
        cachefiles.keep_newest(Path(self.path).parent, "*.jsonl", self.KEEP)
        self._data, self._lines = b"", [None] * len(self.keys)


def _entry_json(entry: CachedClaims, numbers: dict[int, int]) -> bytes:
    """The entry's JSON line. A claim's descriptor that is one the extraction stage built (most
    are) is written as its number among the article's (`numbers`, by id), which reading turns
    back into that object (Claim's validator): a third of the reading, and no second copy of
    it in memory. None is left out (every field that may be None has None as its default, which
    a test keeps so): half the time of leaving defaults out."""
    to_json = Claim.__pydantic_serializer__.to_json  # bytes, without model_dump_json's checks: 20% faster
    claims = []
    for c in entry.claims:
        k = numbers.get(id(c.descriptor))
        claims.append(to_json(c, exclude_none=True) if k is None else
                      b'{"descriptor":%d,' % k + to_json(c, exclude=_DESCRIPTOR, exclude_none=True)[1:])
    head = CachedClaims.__pydantic_serializer__.to_json(entry, exclude=_CLAIMS, exclude_none=True)
    return head[:-1] + b',"claims":[' + b",".join(claims) + b"]}"


_DESCRIPTOR, _CLAIMS = {"descriptor"}, {"claims"}


# --- worker processes ---------------------------------------------------------------------------

_WORKER_RULES: RuleSet | None = None


def _init_worker(rules: RuleSet) -> None:
    """Runs once per worker: the rules are loaded (inherited or unpickled) once per process."""
    global _WORKER_RULES
    _WORKER_RULES = rules
    # What the fork inherited is never garbage here: keep the collector off it (no copy-on-write
    # of the parent's heap), and on for what this worker allocates.
    gc.freeze()
    gc.enable()


def _extract_chunk(articles: list[Article]) -> list[Extracted]:
    assert _WORKER_RULES is not None
    return [_extract_one(a, _WORKER_RULES) for a in articles]


def _extract_one(article: Article, rules: RuleSet) -> Extracted:
    """extract_article, with a bug turned into an InternalError that names the article."""
    try:
        return extract_article(article, rules)
    except Exception as exc:  # noqa: BLE001 - any bug here is reported as one line, exit 3
        raise InternalError(f"{article.path}: {type(exc).__name__}: {exc}") from exc


def _pool_context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


# --- progress -------------------------------------------------------------------------------------

class Progress:
    """`\\r[#####.....] 1234/10000 articles` on a terminal; nothing otherwise."""

    WIDTH = 30

    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None):
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self._last = 0.0
        self._shown = False

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        filled = self.WIDTH * self.done // self.total
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total} articles")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            width = self.WIDTH + 2 * len(str(self.total)) + 14
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()
            self._shown = False


# --- the stage ---------------------------------------------------------------------------------

def extract_all(articles: list[Article], rules: RuleSet, jobs: int = 1, cache_dir: Path | None = None,
                progress: bool = False, stats: Stats | None = None) -> list[Extracted]:
    """`extract_article` for every article, in order: cached, then in `jobs` processes."""
    stats = stats if stats is not None else Stats()
    stats.articles = len(articles)
    with gc_paused():
        return _extract_all(articles, rules, jobs, cache_dir, progress, stats)


def _extract_all(articles, rules, jobs, cache_dir, progress, stats) -> list[Extracted]:
    out: list[Extracted | None] = [None] * len(articles)
    keys: list[str] = []
    bar = Progress(len(articles), progress)
    if cache_dir is not None:
        cachefiles.prepare(cache_dir)
        rv, code = rules.version(), code_version()
        keys = stats.keys = [cache_key(a, rv, code) for a in articles]
        for i, key in enumerate(keys):
            got = _read(_entry(cache_dir, key))
            if got is False:
                stats.corrupt += 1
            elif got is not None:
                out[i] = got
                stats.hits += 1
        bar.advance(stats.hits)
    todo = [i for i, e in enumerate(out) if e is None]
    stats.extracted = len(todo)

    def done(i: int, ex: Extracted) -> None:
        out[i] = ex
        # defaults left out: a quarter smaller, and read back 20% faster (validation fills them in)
        if keys and cachefiles.write(_entry(cache_dir, keys[i]), ex.model_dump_json(exclude_defaults=True)):
            stats.written += 1

    workers = min(max(1, jobs), len(todo) // MIN_ARTICLES_PER_WORKER)
    try:
        if workers <= 1:
            stats.workers = 1
            for i in todo:
                done(i, _extract_one(articles[i], rules))
                bar.advance(1)
        else:
            stats.workers = workers
            _extract_parallel(articles, todo, rules, workers, done, bar)
    finally:
        bar.close()
    return out  # type: ignore[return-value]


def _extract_parallel(articles, todo, rules, workers, done, bar) -> None:
    from concurrent.futures import ProcessPoolExecutor

    # Small chunks keep workers busy to the end; big enough that pickling is not the cost.
    size = max(1, min(64, len(todo) // (workers * 8)))
    chunks = [todo[k:k + size] for k in range(0, len(todo), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(),
                             initializer=_init_worker, initargs=(rules,)) as pool:
        results = pool.map(_extract_chunk, [[articles[i] for i in c] for c in chunks])
        for chunk, extracted in zip(chunks, results):  # map yields in submission order
            for i, ex in zip(chunk, extracted):
                done(i, ex)
            bar.advance(len(chunk))


# --- --changed / --since -------------------------------------------------------------------------

def only_changed(report: Report, changed: Iterable[str]) -> Report:
    """Keep the findings that involve at least one changed article (paths as in the report).

    Articles and claims stay: the changed articles were compared with the whole corpus."""
    changed = set(changed)
    findings = [f for f in report.findings if any(c.article in changed for c in f.claims)]
    return report.model_copy(update={"findings": findings})


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise InputError("--since: git is not installed") from None
    except subprocess.TimeoutExpired:
        raise InputError("--since: git did not answer in time") from None


def _one_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[0] if lines else "unknown error"


def git_changed(paths: list[Path], rev: str) -> set[Path]:
    """Files under `paths` changed since `rev` (committed or not), plus untracked files."""
    first = Path(paths[0]) if paths else Path(".")
    cwd = (first if first.is_dir() else first.parent).resolve()
    top = _git(cwd, "rev-parse", "--show-toplevel")
    if top.returncode:
        raise InputError(f"--since: {cwd}: not in a git repository ({_one_line(top.stderr)})")
    root = Path(top.stdout.strip())
    if rev.startswith("-") or _git(cwd, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode:
        raise InputError(f"--since: unknown git revision {rev!r}")
    specs = [str(Path(p).resolve()) for p in paths] or [str(cwd)]
    diff = _git(cwd, "diff", "--name-only", "--no-renames", "-z", rev, "--", *specs)
    if diff.returncode:
        raise InputError(f"--since: git diff {rev}: {_one_line(diff.stderr)}")
    new = _git(cwd, "ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--", *specs)
    if new.returncode:
        raise InputError(f"--since: git ls-files: {_one_line(new.stderr)}")
    names = [n for n in (diff.stdout + new.stdout).split("\0") if n]
    return {(root / n).resolve() for n in names}


def changed_articles(paths: list[Path], changed: Iterable[Path] = (), since: str | None = None) -> set[str]:
    """Report paths (relative to the checked folder) of the changed articles among `paths`.

    `changed` may name files or folders (everything under them); `since` adds the files git
    sees as changed since that revision, and untracked files."""
    from .load import collect

    changed = list(changed)
    missing = [str(p) for p in changed if not Path(p).exists()]
    if missing:
        raise InputError(f"--changed {missing[0]}: no such file or directory")
    targets = {Path(p).resolve() for p in changed}
    if since is not None:
        targets |= git_changed(list(paths), since)
    out = set()
    for file, rel in collect([str(p) for p in paths]).files:
        f = file.resolve()
        if f in targets or any(d in targets for d in f.parents):
            out.add(rel)
    return out

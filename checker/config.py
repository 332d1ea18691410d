"""Project configuration and the policy applied to a report after the pipeline.

Configuration lives in a ``factlint.toml`` (keys at the top level) or in the ``[tool.factlint]``
table of a ``pyproject.toml``. It is found by walking up from each checked path; the first folder
holding a ``factlint.toml``, or a ``pyproject.toml`` with a ``[tool.factlint]`` table, wins
(``factlint.toml`` first when a folder has both). ``--config FILE`` forces one file.

Keys (``-`` and ``_`` are interchangeable):

===================  ==========================================================================
``rules``            extra rules folders, relative to the config file (bundled rules first)
``select``           checks to run: codes (``FL101``), code prefixes (``FL1``), names, groups,
                     ``ALL``; default all
``ignore``           checks not to report (same selectors); wins over ``select``
``severity``         table selector -> ``error`` | ``warning`` | ``info``
``fail-on``          lowest severity that makes ``check`` exit 1 (default ``error``)
``min-severity``     lowest severity shown in the report (default ``info``)
``baseline``         baseline file applied by ``check`` (relative to the config file)
``per-path``         array of tables ``{glob, ignore, severity}``
===================  ==========================================================================

Every bad value raises :class:`checker.errors.InputError` with ``file:line: key: what``.
"""
from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import InputError, read_utf8
from .models import SEVERITY_RANK, Finding, Report

SEVERITIES = ("info", "warning", "error")
KEYS = ("rules", "select", "ignore", "severity", "fail-on", "min-severity", "baseline", "per-path")
PER_PATH_KEYS = ("glob", "ignore", "severity")
DEFAULT_SOURCE = "default"
CLI_SOURCE = "command line"


# --- globs ------------------------------------------------------------------------------------

class GlobError(ValueError):
    pass


def compile_glob(pattern: str) -> re.Pattern[str]:
    """Translate a path glob to a regex over "/"-separated relative paths.

    ``*`` and ``?`` never cross ``/``; ``**`` (a whole component) spans any number of folders;
    ``[abc]``/``[!abc]`` are classes. A glob without ``/`` matches a file name at any depth
    (``*.md``); a glob ending in ``/`` matches everything under that folder.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise GlobError("empty glob")
    if "\x00" in pattern or "\n" in pattern:
        raise GlobError("glob contains a control character")
    pat = pattern.replace("\\", "/")
    if pat.startswith("/") or re.match(r"^[A-Za-z]:/", pat):
        raise GlobError("glob must be relative (no leading '/')")
    if any(part == ".." for part in pat.split("/")):
        raise GlobError("glob must not contain '..'")
    if pat.startswith("./"):
        pat = pat[2:]
    if pat.endswith("/"):
        pat += "**"
    if "/" not in pat:
        pat = "**/" + pat
    parts = pat.split("/")
    out: list[str] = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]*/)*")
            continue
        if "**" in part:
            raise GlobError("'**' must be a whole path component (as in 'a/**/b')")
        if part == "":
            raise GlobError("empty path component ('//')")
        rx = ""
        j = 0
        while j < len(part):
            ch = part[j]
            if ch == "*":
                rx += "[^/]*"
            elif ch == "?":
                rx += "[^/]"
            elif ch == "[":
                k = j + 1
                if k < len(part) and part[k] in "!^":
                    k += 1
                if k < len(part) and part[k] == "]":
                    k += 1
                while k < len(part) and part[k] != "]":
                    k += 1
                if k >= len(part):
                    raise GlobError("unclosed '[' in glob")
                body = part[j + 1 : k]
                neg = body[:1] in ("!", "^")
                if neg:
                    body = body[1:]
                body = body.replace("\\", "\\\\").replace("^", "\\^")
                rx += f"[{'^' if neg else ''}{body}]" if body else "(?!)"
                j = k
            elif ch == "]":
                raise GlobError("unmatched ']' in glob")
            else:
                rx += re.escape(ch)
            j += 1
        out.append(rx + ("" if last else "/"))
    try:
        return re.compile("^" + "".join(out) + "$")
    except re.error as exc:  # e.g. a reversed range [z-a]
        raise GlobError(f"invalid glob ({exc.msg})") from None


# --- the configuration ------------------------------------------------------------------------

@dataclass
class PerPath:
    glob: str
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    source: str = ""
    regex: re.Pattern[str] | None = None

    def matches(self, candidates: Iterable[str]) -> bool:
        rx = self.regex or compile_glob(self.glob)
        return any(rx.match(c) for c in candidates)


@dataclass
class Config:
    file: str | None = None  # the config file used, if any
    rules: list[str] = field(default_factory=list)  # extra rules folders, resolved
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    min_severity: str = "info"
    baseline: str | None = None
    per_path: list[PerPath] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # key -> "file:line" / default / CLI
    roots: list[str] = field(default_factory=list)  # checked folders (to match per-path globs)
    extra_rules: list[str] = field(default_factory=list)  # --rules folders (after config ones)

    @property
    def rule_dirs(self) -> tuple[str, ...]:
        return tuple(self.rules) + tuple(self.extra_rules)

    @property
    def root(self) -> Path | None:
        return Path(self.file).parent if self.file else None

    def source_of(self, key: str) -> str:
        return self.sources.get(key, DEFAULT_SOURCE)

    def with_overrides(
        self,
        *,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: str | None = None,
        min_severity: str | None = None,
        baseline: Path | str | None = None,
        rules: Iterable[Path | str] | None = None,
    ) -> "Config":
        """A copy with command-line values on top (None = not given on the command line)."""
        import copy

        new = copy.deepcopy(self)
        if select:
            new.select = _flat_selectors(select)
            new.sources["select"] = CLI_SOURCE
        if ignore:
            new.ignore = list(new.ignore) + _flat_selectors(ignore)
            new.sources["ignore"] = CLI_SOURCE if not self.ignore else f"{self.source_of('ignore')} + {CLI_SOURCE}"
        for key, val in (("fail-on", fail_on), ("min-severity", min_severity)):
            if val is None:
                continue
            low = str(val).strip().lower()
            if low not in SEVERITIES:
                raise InputError(
                    f"--{key}: {val!r} is not a severity (use info, warning or error)"
                )
            setattr(new, key.replace("-", "_"), low)
            new.sources[key] = CLI_SOURCE
        if baseline is not None:
            new.baseline = str(baseline)
            new.sources["baseline"] = CLI_SOURCE
        if rules:
            new.extra_rules = [str(r) for r in rules]
        return new


def _flat_selectors(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(s for s in re.split(r"[,\s]+", str(v)) if s)
    return out


# --- reading a config file --------------------------------------------------------------------

def _key_line(text: str, key: str, table: str | None = None) -> int:
    """Line of `key = ...` (or a [table.key] header) in a config file; 1 when not found."""
    lines = text.splitlines()
    variants = {key, key.replace("-", "_"), key.replace("_", "-")}
    alt = "|".join(re.escape(v) for v in sorted(variants))
    assign = re.compile(rf'^\s*(?:"|\')?(?:{alt})(?:"|\')?\s*[=.]')
    header = re.compile(rf"^\s*\[\[?\s*(?:tool\s*\.\s*factlint\s*\.\s*)?(?:{alt})\s*[\].]")
    start = 0
    if table:
        dotted = r"\s*\.\s*".join(re.escape(part) for part in table.split("."))
        tab = re.compile(r"^\s*\[\s*" + dotted + r"\s*\]")
        for i, line in enumerate(lines):
            if tab.match(line):
                start = i
                break
    for i in range(start, len(lines)):
        if assign.match(lines[i]) or header.match(lines[i]):
            return i + 1
    return 1


def _norm_key(k: str) -> str:
    return k.replace("_", "-")


def _closest(word: str, choices: Iterable[str]) -> str:
    near = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {near[0]!r}?)" if near else ""


def _str_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: must be a list of strings")
    return _flat_selectors(value)


def _severity_table(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InputError(f"{where}: must be a table of CODE = \"error\" | \"warning\" | \"info\"")
    out: dict[str, str] = {}
    for k, v in value.items():
        if not isinstance(v, str) or v.strip().lower() not in SEVERITIES:
            raise InputError(f"{where}.{k}: {v!r} is not a severity (use info, warning or error)")
        out[k] = v.strip().lower()
    return out


def _one_line(fn):
    """Keep InputError messages on one line (keys may contain newlines when quoted)."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            msg = str(exc)
            if "\n" in msg or "\r" in msg:
                raise InputError(msg.replace("\r", "\\r").replace("\n", "\\n")) from None
            raise

    return wrapper


@_one_line
def load_config_file(path: Path | str) -> Config:
    """Parse one factlint.toml or pyproject.toml (syntax and types; codes are checked later)."""
    path = Path(path)
    text = read_utf8(path, "config")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        if m:
            raise InputError(f"{path}:{m.group(1)}: invalid TOML: {msg[: m.start()].strip()}") from None
        raise InputError(f"{path}: invalid TOML: {msg}") from None
    except RecursionError:
        raise InputError(f"{path}: invalid TOML: nested too deeply") from None
    prefix = ""
    if path.name == "pyproject.toml" or "tool" in doc and "factlint" in (doc.get("tool") or {}):
        tool = doc.get("tool", {})
        table = tool.get("factlint", {}) if isinstance(tool, dict) else {}
        prefix = "tool.factlint."
        if not isinstance(table, dict):
            raise InputError(f"{path}:{_key_line(text, 'factlint')}: tool.factlint: must be a table")
        extra = [k for k in doc if k != "tool"] if path.name != "pyproject.toml" else []
        if extra:
            raise InputError(f"{path}:{_key_line(text, extra[0])}: {extra[0]}: unknown key")
    else:
        table = doc
    return _config_from_table(path, text, table, prefix)


def _config_from_table(path: Path, text: str, table: dict, prefix: str) -> Config:
    cfg = Config(file=str(path))
    base = path.parent
    tname = prefix.rstrip(".") or None

    def where(key: str) -> str:
        return f"{path}:{_key_line(text, key, tname)}: {prefix}{key}"

    for raw_key, value in table.items():
        key = _norm_key(raw_key)
        if key not in KEYS:
            raise InputError(
                f"{path}:{_key_line(text, raw_key, tname)}: {prefix}{raw_key}: unknown key"
                f"{_closest(key, KEYS)} (known: {', '.join(KEYS)})"
            )
        w = where(raw_key)
        src = f"{path}:{_key_line(text, raw_key, tname)}"
        if key == "rules":
            dirs = _str_list(value, w) if not isinstance(value, str) else [value]
            resolved = []
            for d in dirs:
                p = Path(d).expanduser()
                p = p if p.is_absolute() else base / p
                if not p.is_dir():
                    raise InputError(f"{w}: rules folder {d!r} not found (looked in {p})")
                resolved.append(str(p))
            cfg.rules = resolved
        elif key == "select":
            cfg.select = _str_list(value, w)
        elif key == "ignore":
            cfg.ignore = _str_list(value, w)
        elif key == "severity":
            cfg.severity = _severity_table(value, w)
        elif key in ("fail-on", "min-severity"):
            if not isinstance(value, str) or value.strip().lower() not in SEVERITIES:
                raise InputError(f"{w}: {value!r} is not a severity (use info, warning or error)")
            setattr(cfg, key.replace("-", "_"), value.strip().lower())
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise InputError(f"{w}: must be a file name")
            p = Path(value).expanduser()
            cfg.baseline = str(p if p.is_absolute() else base / p)
        elif key == "per-path":
            if isinstance(value, dict):
                value = [value]
            if not isinstance(value, list):
                raise InputError(f"{w}: must be an array of tables ([[{prefix}per-path]])")
            for i, item in enumerate(value):
                iw = f"{w}[{i}]"
                if not isinstance(item, dict):
                    raise InputError(f"{iw}: must be a table with glob, ignore, severity")
                norm = {_norm_key(k): v for k, v in item.items()}
                for k in norm:
                    if k not in PER_PATH_KEYS:
                        raise InputError(
                            f"{iw}.{k}: unknown key{_closest(k, PER_PATH_KEYS)} "
                            f"(known: {', '.join(PER_PATH_KEYS)})"
                        )
                glob = norm.get("glob")
                if not isinstance(glob, str):
                    raise InputError(f"{iw}.glob: missing or not a string")
                try:
                    rx = compile_glob(glob)
                except GlobError as exc:
                    raise InputError(f"{iw}.glob: bad glob {glob!r}: {exc}") from None
                pp = PerPath(
                    glob=glob,
                    ignore=_str_list(norm.get("ignore", []), f"{iw}.ignore"),
                    severity=_severity_table(norm.get("severity", {}), f"{iw}.severity"),
                    source=f"{src}[{i}]",
                    regex=rx,
                )
                cfg.per_path.append(pp)
        cfg.sources[key] = src
    return cfg


def _has_factlint_table(pyproject: Path) -> bool:
    try:
        doc = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        # A broken pyproject is only our business if it mentions us.
        try:
            return "tool.factlint" in pyproject.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    tool = doc.get("tool")
    return isinstance(tool, dict) and "factlint" in tool


def find_config_file(paths: Iterable[str | Path]) -> Path | None:
    """Walk up from each path; the first factlint.toml or pyproject.toml[tool.factlint] wins."""
    for p in paths:
        start = Path(p).expanduser()
        try:
            start = start.resolve()
        except OSError:
            continue
        folder = start if start.is_dir() else start.parent
        for d in (folder, *folder.parents):
            cand = d / "factlint.toml"
            if cand.is_file():
                return cand
            py = d / "pyproject.toml"
            if py.is_file() and _has_factlint_table(py):
                return py
    return None


def discover_config(
    paths: list[str], forced: Path | None = None, extra_rules: Iterable[str | Path] = (),
    validate: bool = True,
) -> Config:
    """The configuration for checking `paths` (`forced` = --config), validated against the rules.

    Unknown check codes/names/groups are reported against the effective rules (bundled, the
    config's `rules` folders, then `extra_rules`); a bad rule file raises RuleError.
    """
    if forced is not None:
        fp = Path(forced)
        if not fp.is_file():
            raise InputError(f"{fp}: config file not found (--config)")
        cfg = load_config_file(fp)
    else:
        found = find_config_file(paths or ["."])
        cfg = load_config_file(found) if found else Config()
    cfg.extra_rules = [str(r) for r in extra_rules]
    cfg.roots = [
        str(Path(p).resolve() if Path(p).is_dir() else Path(p).resolve().parent)
        for p in paths
        if Path(p).exists()
    ]
    if validate:
        from .rules import load_rules

        check_config(cfg, load_rules(cfg.rule_dirs))
    return cfg


# --- selectors --------------------------------------------------------------------------------

def _selector_codes(sel: str, checks: dict[str, tuple[str, str]]) -> set[str]:
    s = sel.strip()
    low = s.lower()
    if low == "all":
        return set(checks)
    if re.fullmatch(r"fl\d{0,3}", low):
        return {c for c in checks if c.lower().startswith(low)}
    return {c for c, (name, group) in checks.items() if name.lower() == low or group.lower() == low}


def _specificity(sel: str, checks: dict[str, tuple[str, str]]) -> int:
    low = sel.strip().lower()
    if low == "all":
        return 0
    if any(group.lower() == low for _, group in checks.values()):
        return 1
    if re.fullmatch(r"fl\d{0,2}", low):
        return 2
    return 3  # a code or a name


def _check_table(rules) -> dict[str, tuple[str, str]]:
    return {code: (c.name, c.group) for code, c in rules.checks.items()}


@_one_line
def check_config(cfg: Config, rules) -> None:
    """Every selector in the config must name at least one known check."""
    checks = _check_table(rules)
    known = ", ".join(sorted(checks)) or "none"
    names = sorted({*checks, *(n for n, _ in checks.values()), *(g for _, g in checks.values())})

    def verify(sel: str, key: str, src: str) -> None:
        if not _selector_codes(sel, checks):
            raise InputError(
                f"{src}: {key}: unknown check {sel!r}{_closest(sel, names)} (known: {known})"
            )

    for key in ("select", "ignore"):
        for sel in getattr(cfg, key) or []:
            verify(sel, key, _src(cfg, key))
    for sel in cfg.severity:
        verify(sel, f"severity.{sel}", _src(cfg, "severity"))
    for i, pp in enumerate(cfg.per_path):
        for sel in pp.ignore:
            verify(sel, f"per-path[{i}].ignore", pp.source or _src(cfg, "per-path"))
        for sel in pp.severity:
            verify(sel, f"per-path[{i}].severity.{sel}", pp.source or _src(cfg, "per-path"))


def _src(cfg: Config, key: str) -> str:
    s = cfg.source_of(key)
    return s if s not in (DEFAULT_SOURCE,) else (cfg.file or "config")


def _codes_of(selectors: Iterable[str], checks) -> set[str]:
    out: set[str] = set()
    for s in selectors:
        out |= _selector_codes(s, checks)
    return out


def _severity_map(table: dict[str, str], checks) -> dict[str, str]:
    out: dict[str, str] = {}
    for sel in sorted(table, key=lambda s: _specificity(s, checks)):
        for code in _selector_codes(sel, checks):
            out[code] = table[sel]
    return out


def enabled_codes(cfg: Config, checks: dict[str, tuple[str, str]]) -> set[str]:
    selected = _codes_of(cfg.select, checks) if cfg.select is not None else set(checks)
    return selected - _codes_of(cfg.ignore, checks)


# --- applying the policy ----------------------------------------------------------------------

def _article_candidates(article: str, cfg: Config) -> list[str]:
    """The article path as reported, and (when known) relative to the config file's folder.

    Report paths are relative to the common folder of the checked paths (checker/load.py).
    """
    norm = article.replace("\\", "/")
    cands = [norm[2:] if norm.startswith("./") else norm]
    root = cfg.root
    if root is not None and cfg.roots:
        try:
            base = os.path.commonpath(cfg.roots)
            rel = os.path.relpath(Path(base) / norm, root.resolve())
        except ValueError:
            return cands
        rel = rel.replace(os.sep, "/")
        if not rel.startswith("../") and rel not in cands:
            cands.append(rel)
    return cands


def _text_and_base(value: Any) -> tuple[str, int]:
    if isinstance(value, str):
        return value, 1
    text = getattr(value, "text", None)
    if not isinstance(text, str):
        return "", 1
    return text, int(getattr(value, "body_line", 1) or 1)


def apply_policy(
    report: Report,
    config: Config,
    articles_text: dict[str, Any] | None = None,
    baseline: Path | None = None,
    *,
    rules=None,
    apply_min_severity: bool = True,
) -> Report:
    """Config, inline suppressions and the baseline applied to a pipeline report.

    Order: fingerprints -> select/ignore -> severity overrides (global, then per-path) ->
    per-path ignores -> inline suppressions -> baseline -> min-severity (what is shown).

    `articles_text` maps an article path (as in the report) to the article body: either an
    `Article` (its `text` and `body_line` are used, so comment lines match claim lines) or the
    whole file text as a string. `baseline` overrides `config.baseline`. `rules` defaults to the
    rules named by the config.
    """
    if rules is None:
        from .rules import load_rules

        rules = load_rules(config.rule_dirs)
    checks = _check_table(rules)
    enabled = enabled_codes(config, checks)
    warnings = list(report.warnings)
    findings = _selected(report.findings, config, checks, enabled)
    if articles_text:
        findings = _unsuppressed(findings, articles_text, checks, enabled, warnings)
    bpath = baseline if baseline is not None else (Path(config.baseline) if config.baseline else None)
    if bpath is not None:
        findings = _not_in_baseline(findings, report, Path(bpath), checks, enabled, warnings)
    if apply_min_severity:
        floor = SEVERITY_RANK.get(config.min_severity, 0)
        findings = [f for f in findings if SEVERITY_RANK.get(f.severity, 0) >= floor]
    return report.model_copy(update={"findings": findings, "warnings": warnings})


def _selected(findings: list[Finding], config: Config, checks, enabled) -> list[Finding]:
    """Fingerprinted findings of enabled checks, with the severity the config gives them
    (global, then per-path), less those a per-path entry ignores."""
    from .baseline import finding_fingerprint

    sev_global = _severity_map(config.severity, checks)
    out: list[Finding] = []
    for f in findings:
        f = f.model_copy(update={"fingerprint": f.fingerprint or finding_fingerprint(f)})
        if f.rule in checks and f.rule not in enabled:
            continue
        sev = sev_global.get(f.rule, f.severity)
        articles = sorted({c.article for c in f.claims})
        dropped = False
        for pp in config.per_path if articles else []:
            if not all(pp.matches(_article_candidates(a, config)) for a in articles):
                continue
            if f.rule in _codes_of(pp.ignore, checks):
                dropped = True
                break
            sev = _severity_map(pp.severity, checks).get(f.rule, sev)
        if not dropped:
            out.append(f if sev == f.severity else f.model_copy(update={"severity": sev}))
    return out


def _unsuppressed(findings: list[Finding], articles_text: dict[str, Any], checks, enabled,
                  warnings: list) -> list[Finding]:
    """Findings no inline `factlint: ignore` comment covers; unknown and unused comments warn."""
    from .suppress import parse_suppressions, resolve_codes

    sups = []
    for path in sorted(articles_text):
        text, base = _text_and_base(articles_text[path])
        if "factlint" not in text:
            continue
        found, warns = parse_suppressions(path, text, base)
        warnings.extend(warns)
        for s in found:
            codes, unknown = resolve_codes(s, checks)
            if unknown:
                warnings.append(f"{s.where()}: suppression not applied: unknown check "
                                f"{', '.join(repr(u) for u in unknown)}")
                continue
            s.resolved = codes
            sups.append(s)
    kept = []
    for f in findings:
        hit = False
        for s in sups:
            if f.rule in s.resolved and any(c.article == s.article and s.covers_line(c.line) for c in f.claims):
                s.used = hit = True
        if not hit:
            kept.append(f)
    for s in sups:
        if not s.used and s.resolved & enabled:
            kind = "ignore-file" if s.whole_file else "ignore"
            warnings.append(f"{s.where()}: unused suppression '{kind} {','.join(s.codes)}': "
                            "no such finding any more; remove the comment")
    return kept


def _not_in_baseline(findings: list[Finding], report: Report, path: Path, checks, enabled,
                     warnings: list) -> list[Finding]:
    """Findings the baseline has not accepted; its entries no longer found warn as stale."""
    from .baseline import load_baseline

    bl = load_baseline(path)
    seen = {f.fingerprint for f in findings if f.fingerprint in bl.entries}
    kept = [f for f in findings if f.fingerprint not in bl.entries]
    checked = {a.path for a in report.articles} | {c.article for c in report.claims}
    for fp, e in sorted(bl.entries.items(), key=lambda kv: (kv[1].rule, kv[1].fact, kv[0])):
        if fp in seen or (e.rule in checks and e.rule not in enabled):
            continue
        if checked and e.articles and not set(e.articles) <= checked:
            continue  # about articles not checked this time
        warnings.append(f"{bl.path}: stale baseline entry {e.rule} {e.fact!r} "
                        f"({', '.join(e.articles)}; {fp[:12]}): no longer found; "
                        "regenerate with 'factlint baseline'")
    return kept


# --- printing ---------------------------------------------------------------------------------

def describe_config(cfg: Config) -> str:
    """The effective configuration, one key per line, with the file each value came from."""

    def show(v: Any) -> str:
        if v is None:
            return "(none)"
        if isinstance(v, list):
            return "[" + ", ".join(v) + "]"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{k} = {val}" for k, val in v.items()) + "}"
        return str(v)

    lines = [f"config file: {cfg.file or '(none found; defaults)'}"]
    rows = [
        ("rules", cfg.rules + [f"{r} (--rules)" for r in cfg.extra_rules] or None),
        ("select", cfg.select if cfg.select is not None else ["ALL"]),
        ("ignore", cfg.ignore),
        ("severity", cfg.severity),
        ("fail-on", cfg.fail_on),
        ("min-severity", cfg.min_severity),
        ("baseline", cfg.baseline),
    ]
    width = max(len(k) for k, _ in rows)
    for key, val in rows:
        lines.append(f"{key.ljust(width)} = {show(val)}    # {cfg.source_of(key)}")
    for i, pp in enumerate(cfg.per_path):
        lines.append(
            f"per-path[{i}] glob = {pp.glob!r} ignore = {show(pp.ignore)} "
            f"severity = {show(pp.severity)}    # {pp.source}"
        )
    return "\n".join(lines)


__all__ = [
    "Config",
    "PerPath",
    "apply_policy",
    "check_config",
    "compile_glob",
    "describe_config",
    "discover_config",
    "enabled_codes",
    "find_config_file",
    "load_config_file",
]


# --- helpers for the command line -------------------------------------------------------------

def prepare(
    paths: list[str],
    config_path: Path | None = None,
    rules_dirs: Iterable[str | Path] = (),
    cache_dir: Path | None = None,
    **overrides: Any,
):
    """(config, rules) for a command: discover the config, apply command-line overrides, load
    and validate the rules (validated rules cached in `cache_dir`). Raises InputError (config)
    or RuleError (rule files)."""
    from .rules import load_rules

    cfg = discover_config(paths, config_path, extra_rules=rules_dirs, validate=False)
    cfg = cfg.with_overrides(**overrides)
    rules = load_rules(cfg.rule_dirs, cache_dir=cache_dir)
    check_config(cfg, rules)
    return cfg, rules


def articles_for_suppressions(paths: list[str]) -> dict[str, Any] | None:
    """Article bodies keyed by report path, for inline suppressions (None if loading fails)."""
    try:
        from .load import load
    except ImportError:
        return None
    try:
        articles, _ = load([str(p) for p in paths])
    except InputError:
        return None
    return {a.path: a for a in articles}


def describe_rules(rules, section: str | None = None) -> str:
    """Effective rules and lexicons: section, key, a short summary and the file it came from."""
    from .rules import SECTIONS

    rows: list[tuple[str, str, str, str]] = []
    for sec in SECTIONS:
        if section and sec != section:
            continue
        for key, entry in getattr(rules, sec).items():
            data = entry.model_dump(exclude={"source", "examples", "rationale", "message"})
            if sec == "checks":
                brief = f"{data['name']} [{data['severity']}, {data['group']}] {data['summary']}"
            else:
                first = next(iter(data.values()), "")
                brief = ", ".join(map(str, first[:4])) + (" ..." if len(first) > 4 else "") \
                    if isinstance(first, list) else str(first)
            rows.append((sec, key, brief, _short_source(entry.source)))
    if not rows:
        return "(no rules)"
    w1 = max(len(r[0]) for r in rows)
    w2 = min(max(len(r[1]) for r in rows), 32)
    return "\n".join(
        f"{sec.ljust(w1)}  {key.ljust(w2)}  {brief[:70]:<70}  {src}" for sec, key, brief, src in rows
    )


def _short_source(src: str) -> str:
    try:
        return os.path.relpath(src)
    except ValueError:
        return src


def explain_check(rules, selector: str) -> str:
    """A check's documentation with its examples; InputError if no check matches."""
    checks = _check_table(rules)
    codes = sorted(_selector_codes(selector, checks)) if selector.lower() != "all" else []
    if not codes:
        names = sorted({*checks, *(n for n, _ in checks.values())})
        raise InputError(f"explain: unknown check {selector!r}{_closest(selector, names)}")
    out: list[str] = []
    for code in codes:
        c = rules.checks[code]
        out += [f"{code} {c.name} ({c.severity}, group {c.group})", "", c.summary, ""]
        if c.rationale:
            out += ["Why:", *["  " + ln for ln in c.rationale.strip().splitlines()], ""]
        out += [f"Message: {c.message}", f"Defined in: {_short_source(c.source)}", ""]
        for i, ex in enumerate(c.examples, 1):
            kind = str(ex.get("kind", "?"))
            verdict = "reported" if kind == "fail" else "not reported" if kind == "pass" else kind
            out.append(f"Example {i} ({kind}: {verdict})")
            arts = ex.get("articles") or {}
            if isinstance(arts, dict):
                for name, text in arts.items():
                    body = str(text).strip().splitlines() or [""]
                    out.append(f"  {name}: {body[0]}")
                    out += [f"  {' ' * len(str(name))}  {ln}" for ln in body[1:]]
            out.append("")
        out.append(f"Suppress one: <!-- factlint: ignore {code} -- reason -->")
        out.append("")
    return "\n".join(out).rstrip() + "\n"

"""Command line: a thin layer over the library. It picks inputs, output formats and the exit code.

Exit codes: 0 no finding at or above --fail-on, 1 otherwise, 2 usage or input error (one line
naming the file), 3 internal error (a bug: one line; the traceback with --debug).
"""
from __future__ import annotations

import functools
import gc
import os
import sys
import traceback
from pathlib import Path
from typing import NoReturn, Optional

import typer

from .errors import InputError, InternalError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="factlint: find where news articles disagree about the same fact.",
    pretty_exceptions_enable=False,
)
_state = {"debug": False}
# C0 and C1 control characters, shown escaped so a file name cannot split a line or drive the terminal
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)]}


def one_line(text: str) -> str:
    """`text` as one printable line: control characters escaped, undecodable bytes shown as \\udcXX."""
    return text.translate(_CONTROLS).encode("utf-8", "backslashreplace").decode("utf-8")


def fail(message: str) -> NoReturn:
    """One line on stderr and exit code 2: how every input or usage error ends."""
    typer.echo(f"factlint: error: {one_line(message)}", err=True)
    raise typer.Exit(2)


def warn(message: str) -> None:
    typer.echo(f"factlint: warning: {one_line(message)}", err=True)


def internal_error(exc: BaseException) -> NoReturn:
    """A bug: one line on stderr (the traceback before it with --debug) and exit code 3."""
    if _state["debug"]:
        traceback.print_exception(exc, file=sys.stderr)
    what = str(exc) if isinstance(exc, InternalError) else f"{type(exc).__name__}: {exc}"
    hint = "" if _state["debug"] else "; run with --debug for the traceback"
    typer.echo(f"factlint: internal error: {one_line(what)[:400]} (a bug in factlint{hint})", err=True)
    raise typer.Exit(3)


def guarded(command):
    """No exception leaves a command as a traceback: bad input is exit 2, a bug exit 3."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, BrokenPipeError):
            raise
        except KeyboardInterrupt:  # not exit 1, which means "findings"
            typer.echo("factlint: interrupted", err=True)
            raise typer.Exit(130) from None
        except InputError as exc:
            fail(str(exc))
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            internal_error(exc)
    return run


@app.callback()
def _options(
    debug: bool = typer.Option(False, "--debug", help="On an internal error (exit 3), print the traceback too. "
                                                      "May follow the command."),
) -> None:
    _state["debug"] = debug


@app.command()
@guarded
def check(
    paths: list[Path] = typer.Argument(..., help="Article files or folders (.txt, .md)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, markdown, json, html, sarif, junit, gitlab, github (comma-separated for several)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Report file (default: reports/factlint.<ext>; github: standard output)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="info, warning or error: lowest severity that fails the run (default: config, else error)."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable); overrides bundled rules."),
    stdout: bool = typer.Option(False, "--stdout", help="Print the report instead of writing a file."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of discovering one."),
    baseline_path: Optional[Path] = typer.Option(None, "--baseline", help="Skip findings recorded in this baseline file."),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", help="info, warning or error: lowest severity shown."),
    select: list[str] = typer.Option([], "--select", help="Only these checks: code, prefix, name or group (repeatable)."),
    ignore: list[str] = typer.Option([], "--ignore", help="Skip these checks (repeatable)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Extraction processes (default: CPU count; 1 = in-process)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the extraction cache (.factlint_cache/ in the project root, else the user cache folder)."),
    changed: list[Path] = typer.Option([], "--changed", help="Only report findings involving this article (repeatable); still compared with every article."),
    since: Optional[str] = typer.Option(None, "--since", help="Only report findings involving articles changed since this git revision (or untracked)."),
) -> None:
    """Check articles for discrepancies between sources."""
    from .baseline import load_baseline
    from .cachefiles import default_cache_dir
    from .config import apply_policy
    from .load import check_paths
    from .render import DEFAULT_DIR, exit_code, plan_outputs, write_outputs
    from .runner import changed_articles, only_changed

    # every option and path is checked before the analysis starts
    plan = plan_outputs(fmt, output, stdout)
    check_paths([str(p) for p in paths])
    cache = None if no_cache else default_cache_dir(paths)
    cfg, rules = _policy(paths, config_path, rules_dirs, cache_dir=cache, fail_on=fail_on,
                         min_severity=min_severity, baseline=baseline_path, select=select or None,
                         ignore=ignore or None)
    if cfg.baseline:
        load_baseline(Path(cfg.baseline))  # read again when applied; a bad one stops the run here
    only = changed_articles(paths, changed, since) if changed or since is not None else None
    own = frozenset([DEFAULT_DIR.resolve(), *(o.path.resolve() for o in plan if o.path is not None)])
    articles, report = _analyse(paths, rules, jobs, cache, own)
    if only is not None:
        report = only_changed(report, only)
    report = apply_policy(report, cfg, {a.path: a for a in articles}, rules=rules)
    for line in report.warnings:
        warn(line)
    code = exit_code(report, cfg.fail_on)
    write_outputs(report, plan, base=_article_base(paths))
    raise typer.Exit(code)


def _analyse(paths: list[Path], rules, jobs: int | None, cache: Path | None, own: frozenset[Path] = frozenset()):
    """(articles, report) for `paths`: load (never `own`, the reports factlint writes), extract
    (cached in `cache`, in parallel), analyse."""
    from .load import load_inputs
    from .pipeline import analyse
    from .runner import ClaimCache, Stats, default_jobs, extract_all

    articles, warnings = load_inputs([str(p) for p in paths], own)
    stats = Stats()
    extracted = extract_all(articles, rules, jobs or default_jobs(), cache, progress=sys.stderr.isatty(), stats=stats)
    gc.freeze()  # what the run holds to the end is no garbage: no full collection scans it again
    gc.enable()  # the analysis makes short-lived objects too (off at start-up: see main)
    store = ClaimCache(cache, stats.keys, "\0".join(str(p.resolve()) for p in paths)) if cache is not None else None
    report = analyse(articles, rules, warnings, extracted=extracted, claim_store=store)
    gc.freeze()
    return articles, report


def _article_base(paths: list[Path]) -> str:
    """Folder the article paths are relative to, as typed, so CI formats get repository paths."""
    if len(paths) != 1:
        return ""
    from .load import display_path

    d = paths[0] if paths[0].is_dir() else paths[0].parent
    s = display_path(d.as_posix())
    return "" if s in (".", "") else s


# --- issue 4: rules, explain, config, baseline ------------------------------------------------

def _policy(paths: list[Path], config_path: Optional[Path], rules_dirs: list[Path], cache_dir: Optional[Path] = None,
            **overrides):
    """(config, rules) for a command, or exit 2 with one line."""
    from .config import prepare
    from .rules import RuleError

    try:
        return prepare([str(p) for p in paths], config_path, [str(d) for d in rules_dirs], cache_dir=cache_dir,
                       **overrides)
    except (InputError, RuleError) as exc:
        fail(str(exc))


@app.command("rules")
@guarded
def rules_cmd(
    section: Optional[str] = typer.Argument(None, help="Only this section (metrics, entities, hedges, checks, ...)."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
) -> None:
    """List the effective rules and lexicons, with the file each entry came from."""
    from .config import describe_rules
    from .rules import SECTIONS

    if section and section not in SECTIONS:
        fail(f"rules: unknown section {section!r} (known: {', '.join(SECTIONS)})")
    _, rules = _policy([Path(".")], config_path, rules_dirs)
    typer.echo(describe_rules(rules, section))


@app.command()
@guarded
def explain(
    code: str = typer.Argument(..., help="Check code (FL101) or name."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
) -> None:
    """Print a check's documentation with its pass/fail examples."""
    from .config import explain_check

    _, rules = _policy([Path(".")], config_path, rules_dirs)
    typer.echo(explain_check(rules, code), nl=False)


@app.command("config")
@guarded
def config_cmd(
    paths: list[Path] = typer.Argument(None, help="Paths you would check (default: here)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable)."),
) -> None:
    """Print the effective configuration and the file each value came from."""
    from .config import describe_config

    cfg, _ = _policy(list(paths or [Path(".")]), config_path, rules_dirs)
    typer.echo(describe_config(cfg))


@app.command()
@guarded
def baseline(
    paths: list[Path] = typer.Argument(..., help="Article files or folders."),
    output: Path = typer.Option(..., "--output", "-o", help="Baseline file to write (JSON)."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
) -> None:
    """Accept today's findings: write them to a baseline that `check --baseline` skips."""
    from .baseline import write_baseline
    from .config import apply_policy, articles_for_suppressions
    from .pipeline import run

    cfg, rules = _policy(paths, config_path, rules_dirs)
    cfg.baseline = None  # a new baseline records every current finding
    report = run([str(p) for p in paths], rules)
    report = apply_policy(report, cfg, articles_for_suppressions([str(p) for p in paths]),
                          rules=rules, apply_min_severity=False)
    for line in report.warnings:
        warn(line)
    n = write_baseline(output, report.findings, rules.version())
    typer.echo(f"factlint: wrote {n} baseline entr{'y' if n == 1 else 'ies'} to {output}")


# --- issue 3: extract --------------------------------------------------------------------------

@app.command()
@guarded
def extract(
    paths: list[Path] = typer.Argument(..., help="Text files, or - for standard input."),
    lines: bool = typer.Option(False, "--lines", help="One text per line: one result per input line."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or jsonl."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable)."),
) -> None:
    """Print every numeric mention found (kind, text, span, value, unit, hedge, interval)."""
    import json

    from .extract import extract_mentions, format_table, mention_dict

    if fmt not in ("table", "json", "jsonl"):
        fail(f"extract: unknown format {fmt!r} (table, json, jsonl)")
    from .rules import RuleError, load_rules

    try:
        rules = load_rules(tuple(str(d) for d in rules_dirs))
    except RuleError as exc:
        fail(str(exc))
    results: list[tuple[str, int, list]] = []
    for path in paths:
        text, where = _extract_input(path)
        items = text.split("\n")
        if items and items[-1] == "" and text.endswith("\n"):
            items.pop()
        for i, line in enumerate(items, 1):
            try:
                results.append((where, i, extract_mentions(line, rules)))
            except Exception as exc:  # noqa: BLE001 - name the line that met the bug
                raise InternalError(f"{where}:{i}: {type(exc).__name__}: {exc}") from exc
    if fmt == "jsonl":
        for where, i, ms in results:
            obj = {"line": i, "mentions": [mention_dict(m) for m in ms]}
            if not lines or len(paths) > 1:
                obj = {"path": where, **obj}
            typer.echo(json.dumps(obj, ensure_ascii=False))
    elif fmt == "json":
        typer.echo(json.dumps([{"path": w, "line": i, "mentions": [mention_dict(m) for m in ms]}
                               for w, i, ms in results if ms or lines], ensure_ascii=False, indent=1))
    else:
        typer.echo(format_table([(w, i, m) for w, i, ms in results for m in ms]))


def _extract_input(path: Path) -> tuple[str, str]:
    """(text, name) of one `extract` input: a file, or - for standard input; decoded as articles
    are (UTF-8, or UTF-16/32 with a byte-order mark; a bad byte replaced with a warning)."""
    from .load import check_paths, decode

    if str(path) == "-":
        raw, where = sys.stdin.buffer.read(), "-"
    else:
        check_paths([str(path)])
        if path.is_dir():
            raise InputError(f"{path}: is a folder; extract reads files")
        try:
            raw, where = path.read_bytes(), str(path)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    decoded = decode(raw, where)
    if decoded.text is None:
        raise InputError(f"{where}: binary file (NUL bytes; UTF-16/32 text needs a byte-order mark)")
    if decoded.problem:
        warn(str(decoded.problem))
    return decoded.text, where


def main(argv: list[str] | None = None) -> None:
    """The `factlint` command. `--debug` may stand anywhere before a `--`."""
    args = list(sys.argv[1:] if argv is None else argv)
    end = args.index("--") if "--" in args else len(args)
    if "--debug" in args[:end]:
        args = ["--debug"] + [a for i, a in enumerate(args) if a != "--debug" or i > end]
    for stream in (sys.stdout, sys.stderr):  # a report never dies on a console that is not UTF-8
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    collecting = gc.isenabled()
    # Start-up (imports, rules, articles, extraction) builds what lives to the end of the process:
    # no cyclic collection scans it; `check` turns the collector on for its analysis (_analyse).
    gc.disable()
    try:
        app(args=args, prog_name="factlint")
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `factlint check ... --stdout | head`: the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - outside any command (argument parsing)
        try:
            internal_error(exc)
        except typer.Exit as done:
            sys.exit(done.exit_code)
    finally:
        if collecting:
            gc.enable()

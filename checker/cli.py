"""Command line: a thin layer over the library. It picks inputs, output formats and the exit code.

Exit codes: 0 no finding at or above --fail-on, 1 otherwise, 2 usage or input error.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="factlint: find where news articles disagree about the same fact.",
    pretty_exceptions_enable=False,
)


def fail(message: str) -> None:
    """One line on stderr and exit code 2: how every input or usage error ends."""
    typer.echo(f"factlint: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def check(
    paths: list[Path] = typer.Argument(..., help="Article files or folders (.txt, .md)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, markdown, json, html, sarif, junit, gitlab, github (comma-separated for several)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Report file (default: reports/factlint.<ext>)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="info, warning or error: lowest severity that fails the run (default: config, else error)."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable); overrides bundled rules."),
    stdout: bool = typer.Option(False, "--stdout", help="Print the report instead of writing a file."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of discovering one."),
    baseline_path: Optional[Path] = typer.Option(None, "--baseline", help="Skip findings recorded in this baseline file."),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", help="info, warning or error: lowest severity shown."),
    select: list[str] = typer.Option([], "--select", help="Only these checks: code, prefix, name or group (repeatable)."),
    ignore: list[str] = typer.Option([], "--ignore", help="Skip these checks (repeatable)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Extraction processes (default: CPU count; 1 = in-process)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the extraction cache (.factlint_cache/)."),
    changed: list[Path] = typer.Option([], "--changed", help="Only report findings involving this article (repeatable); still compared with every article."),
    since: Optional[str] = typer.Option(None, "--since", help="Only report findings involving articles changed since this git revision (or untracked)."),
) -> None:
    """Check articles for discrepancies between sources."""
    from .config import apply_policy
    from .load import load
    from .pipeline import analyse
    from .render import exit_code, write_outputs
    from .runner import CACHE_DIR, changed_articles, default_jobs, extract_all, only_changed

    cfg, rules = _policy(paths, config_path, rules_dirs, fail_on=fail_on, min_severity=min_severity,
                         baseline=baseline_path, select=select or None, ignore=ignore or None)
    try:
        articles, warnings = load([str(p) for p in paths])
        extracted = extract_all(articles, rules, jobs or default_jobs(), None if no_cache else CACHE_DIR,
                                progress=sys.stderr.isatty())
        report = analyse(articles, rules, warnings, extracted=extracted)
        if changed or since is not None:
            report = only_changed(report, changed_articles(paths, changed, since))
        report = apply_policy(report, cfg, {a.path: a for a in articles}, rules=rules)
        for line in report.warnings:
            typer.echo(f"factlint: warning: {line}", err=True)
        code = exit_code(report, cfg.fail_on)
        write_outputs(report, fmt, output, stdout=stdout, base=_article_base(paths))
    except InputError as exc:
        fail(str(exc))
    raise typer.Exit(code)


def _article_base(paths: list[Path]) -> str:
    """Folder the article paths are relative to, as typed, so CI formats get repository paths."""
    if len(paths) != 1:
        return ""
    d = paths[0] if paths[0].is_dir() else paths[0].parent
    s = d.as_posix()
    return "" if s in (".", "") else s


# --- issue 4: rules, explain, config, baseline ------------------------------------------------

def _policy(paths: list[Path], config_path: Optional[Path], rules_dirs: list[Path], **overrides):
    """(config, rules) for a command, or exit 2 with one line."""
    from .config import prepare
    from .rules import RuleError

    try:
        return prepare([str(p) for p in paths], config_path, [str(d) for d in rules_dirs], **overrides)
    except (InputError, RuleError) as exc:
        fail(str(exc))


@app.command("rules")
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
def explain(
    code: str = typer.Argument(..., help="Check code (FL101) or name."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
) -> None:
    """Print a check's documentation with its pass/fail examples."""
    from .config import explain_check

    _, rules = _policy([Path(".")], config_path, rules_dirs)
    try:
        typer.echo(explain_check(rules, code), nl=False)
    except InputError as exc:
        fail(str(exc))


@app.command("config")
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
    try:
        report = run([str(p) for p in paths], rules)
        report = apply_policy(report, cfg, articles_for_suppressions([str(p) for p in paths]),
                              rules=rules, apply_min_severity=False)
        for line in report.warnings:
            typer.echo(f"factlint: warning: {line}", err=True)
        n = write_baseline(output, report.findings, rules.version())
    except InputError as exc:
        fail(str(exc))
    typer.echo(f"factlint: wrote {n} baseline entr{'y' if n == 1 else 'ies'} to {output}")


# --- issue 3: extract --------------------------------------------------------------------------

@app.command()
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
        if str(path) == "-":
            text, where = sys.stdin.read(), "-"
        else:
            try:
                text, where = path.read_text(encoding="utf-8"), str(path)
            except (OSError, UnicodeDecodeError) as exc:
                fail(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")
        items = text.split("\n")
        if items and items[-1] == "" and text.endswith("\n"):
            items.pop()
        for i, line in enumerate(items, 1):
            results.append((where, i, extract_mentions(line, rules)))
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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

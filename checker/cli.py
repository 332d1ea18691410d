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
) -> None:
    """Check articles for discrepancies between sources."""
    from .config import apply_policy
    from .load import load
    from .pipeline import analyse
    from .render import exit_code, write_outputs

    cfg, rules = _policy(paths, config_path, rules_dirs, fail_on=fail_on, min_severity=min_severity,
                         baseline=baseline_path, select=select or None, ignore=ignore or None)
    try:
        articles, warnings = load([str(p) for p in paths])
        report = analyse(articles, rules, warnings)
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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

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
    fmt: str = typer.Option("text", "--format", "-f", help="text, markdown, json (comma-separated for several)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Report file (default: reports/factlint.<ext>)."),
    fail_on: str = typer.Option("error", "--fail-on", help="info, warning or error: lowest severity that fails the run."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rules folder (repeatable); overrides bundled rules."),
    stdout: bool = typer.Option(False, "--stdout", help="Print the report instead of writing a file."),
) -> None:
    """Check articles for discrepancies between sources."""
    from .pipeline import run
    from .render import exit_code, write_outputs

    try:
        rules = _rules(rules_dirs)
        report = run([str(p) for p in paths], rules)
        for line in report.warnings:
            typer.echo(f"factlint: warning: {line}", err=True)
        write_outputs(report, fmt, output, stdout=stdout)
    except InputError as exc:
        fail(str(exc))
    raise typer.Exit(exit_code(report, fail_on))


def _rules(dirs: list[Path]):
    from .rules import RuleError, load_rules

    try:
        return load_rules(tuple(str(d) for d in dirs))
    except RuleError as exc:
        fail(str(exc))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

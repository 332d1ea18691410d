"""GitHub Actions: workflow-command annotations, plus the Markdown report in the step summary.

One annotation per finding, on the outlier claim's file, line and column, and one warning per
input problem (a skipped file, a replaced byte) on that file. GitHub shows only about
ten annotations of each level per step, so the full Markdown report also goes to the file named by
$GITHUB_STEP_SUMMARY when it is set.

Escaping follows the runner's own rules (actions/toolkit `command.ts`): in the message, `%`, CR and
LF become %25, %0D, %0A (other line breaks such as U+2028 count as LF, other control characters
become U+FFFD); in property values `:` and `,` are escaped as well (%3A, %2C), so an
article path or fact label holding `::` or `,` cannot end the property list early, and a message
holding a newline cannot start a new command.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..models import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
SUMMARY_LIMIT = 1024 * 1024 - 4096  # GitHub refuses step summaries over 1 MiB


# other characters that some log readers treat as line breaks, and C0 controls the log shows raw
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def escape_data(s: str) -> str:
    s = _CONTROLS.sub("\ufffd", _LINE_BREAKS.sub("\n", s))
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, *, base: str = "") -> str:
    from . import finding_summary, input_warnings, join_path, primary_claim

    lines: list[str] = []
    for f in report.findings:
        c = primary_claim(f)
        props: list[tuple[str, str]] = []
        if c is not None:
            props.append(("file", join_path(base, c.article)))
            props.append(("line", str(max(1, c.line))))
            props.append(("col", str(max(1, c.column))))
            if c.text and "\n" not in c.text:
                props.append(("endColumn", str(max(1, c.column) + len(c.text))))
        props.append(("title", f"{f.rule} {f.name}: {f.fact}"))
        lines.append(_command(LEVELS[f.severity], props, finding_summary(f, base)))
    for w in input_warnings(report):  # a skipped file is flagged on that file
        props = [("file", join_path(base, w.path))] if w.path else []
        props += [("line", str(w.line))] if w.path and w.line else []
        props.append(("title", "factlint: file skipped" if w.skipped else "factlint: input warning"))
        lines.append(_command("warning", props, str(w)))
    return "\n".join(lines) + ("\n" if lines else "")


def _command(level: str, props: list[tuple[str, str]], message: str) -> str:
    """One workflow command: `::level k=v,k=v::message`, escaped as the runner reads it."""
    prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{level} {prop_text}::{escape_data(message)}"


def write_step_summary(report: Report, env: dict[str, str] | None = None) -> bool:
    """Append the Markdown report to $GITHUB_STEP_SUMMARY; False when not set or no renderer."""
    env = os.environ if env is None else env
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    try:
        from ..report import render_markdown  # the lead's Markdown renderer
    except ImportError:
        return False
    text = render_markdown(report)
    data = text.encode("utf-8")
    if len(data) > SUMMARY_LIMIT:
        cut = data[:SUMMARY_LIMIT].decode("utf-8", "ignore")
        text = cut.rsplit("\n", 1)[0] + "\n\n*(report truncated: GitHub step summaries are limited to 1 MiB)*\n"
    with Path(target).open("a", encoding="utf-8") as fh:
        fh.write(text if text.endswith("\n") else text + "\n")
    return True

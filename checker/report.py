"""Report stage: the three core renderings of a Report (text, Markdown, JSON).

Article text is untrusted: terminal output drops control characters (no escape sequences reach
the terminal), Markdown escapes everything that could become markup or HTML, JSON is JSON.
"""
from __future__ import annotations

import json
import re
from collections import Counter

from .models import Claim, Finding, Report
from .values import interval_text

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # emphasis, code, links, table cells, strike-through


def safe(text: str) -> str:
    return CONTROL.sub("", text)


def md(text: str) -> str:
    """Escape untrusted text for a Markdown table cell: no markup, no link, no raw HTML."""
    text = safe(text).replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MD_SPECIAL.sub(r"\\\1", text)


def scope_text(c: Claim) -> str:
    parts = [c.aggregation]
    if c.period:
        parts.append(c.period)
    if c.modality != "actual":
        parts.append(c.modality)
    return ", ".join(parts)


def summary_counts(report: Report) -> Counter:
    return Counter(f.severity for f in report.findings)


def _outlets(report: Report) -> dict[str, str]:
    """"outlet, date" per article path (one lookup per claim, not a scan of every article)."""
    return {a.path: ", ".join(x for x in (a.outlet, a.date) if x) for a in report.articles}


def render_text(report: Report) -> str:
    counts = summary_counts(report)
    lines = [f"factlint: {len(report.articles)} articles, {len(report.claims)} claims, "
             f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes", ""]
    if report.warnings:  # files skipped or only partly read come first: the check did not see them
        lines += ["input warnings:"] + [f"  {safe(w)}" for w in report.warnings] + [""]
    for f in report.findings:
        lines.append(f"{f.id} {f.severity.upper()} {f.rule} {f.name}: {safe(f.fact)}")
        lines.append(f"  {safe(f.message)}")
        for c in f.claims:
            mark = "*" if c.id in f.outliers else ("=" if c.id in f.majority else " ")
            lines.append(f"  {mark} {c.article}:{c.line}:{c.column}  {safe(c.text)!s:<28} "
                         f"{interval_text(c):<28} {scope_text(c)}")
            lines.append(f"      \u201c{safe(_clip(c.quote))}\u201d")
        lines.append("")
    cov = report.coverage
    lines.append(f"coverage: {cov.numbers_found} numbers found, {cov.parsed} parsed, "
                 f"{cov.unparsed} not understood, {cov.with_metric} attached to a metric, "
                 f"{cov.matched} in findings")
    lines.append("legend: * outlier, = majority")
    return "\n".join(lines) + "\n"


def _clip(text: str, n: int = 220) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def render_markdown(report: Report) -> str:
    counts = summary_counts(report)
    out = ["# factlint report", "",
           f"{len(report.articles)} articles · {len(report.claims)} claims · "
           f"**{counts['error']} errors** · **{counts['warning']} warnings** · {counts['info']} notes", ""]
    if report.warnings:
        out += ["## Input warnings", ""] + [f"- {md(w)}" for w in report.warnings] + [""]
    by_fact: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_fact.setdefault(f.fact.split(" (")[0], []).append(f)
    outlets = _outlets(report)
    for metric, findings in by_fact.items():
        out += [f"## {md(metric)}", ""]
        for f in findings:
            out += [f"### {f.id} · {f.severity} · `{f.rule}` {f.name}", "",
                    f"**Fact:** {md(f.fact)}", "", f"**Verdict:** {md(f.message)}", ""]
            if f.majority:
                maj = sorted({c.text for c in f.claims if c.id in f.majority})
                out += [f"**Majority:** {md(', '.join(maj))}", ""]
            out += ["| | source | value | parsed interval | scope | sentence |",
                    "|---|---|---|---|---|---|"]
            for c in f.claims:
                role = f.role(c)
                src = f"{md(c.article)}:{c.line}" + (f"<br>{md(outlets[c.article])}" if outlets.get(c.article) else "")
                out.append(f"| {role} | {src} | **{md(c.text)}** | {md(interval_text(c))} | "
                           f"{md(scope_text(c))} | {md(c.quote)} |")
            out.append("")
    cov = report.coverage
    out += ["## Coverage", "",
            f"{cov.numbers_found} numbers found · {cov.parsed} parsed · {cov.unparsed} not understood · "
            f"{cov.with_metric} attached to a metric · {cov.matched} in findings", ""]
    return "\n".join(out)


def report_dict(report: Report) -> dict:
    return report.model_dump(mode="json")


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

"""CI-native output formats and the HTML report, all rendered from one `Report`.

Each renderer is a pure function ``render_X(report, *, base="") -> str``. ``base`` is an optional
path prefix (the checked folder, relative to the repository root) put in front of every article
path, because CI systems (GitHub annotations, code scanning, GitLab Code Quality) want paths
relative to the repository, while the report keeps them relative to the checked folder.

``FORMATS`` maps a format name to ``(render function, default file extension)``. An empty
extension means the format is meant for standard output (``github``: workflow commands).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from ..models import Claim, Finding, InputWarning, Report

SEVERITY_ORDER = ("error", "warning", "info")


# --- helpers shared by the renderers ----------------------------------------------------------

def finding_fingerprint(f: Finding) -> str:
    """The finding's stable fingerprint, or one computed from rule, fact and (article, value)."""
    if f.fingerprint:
        return f.fingerprint
    pairs = sorted((c.article, _value_key(c.value)) for c in f.claims)
    raw = "\x1f".join([f.rule, f.fact] + [f"{a}\x1e{v}" for a, v in pairs])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _value_key(v: float | str | None) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v)


def primary_claim(f: Finding) -> Claim | None:
    """The claim a finding is reported on: the first outlier, else the first claim."""
    by_id = {c.id: c for c in f.claims}
    for cid in f.outliers:
        if cid in by_id:
            return by_id[cid]
    return f.claims[0] if f.claims else None


def other_claims(f: Finding) -> list[Claim]:
    p = primary_claim(f)
    return [c for c in f.claims if p is None or c.id != p.id]


def join_path(base: str, path: str) -> str:
    base = base.replace("\\", "/").strip()
    if not base or base in (".", "./"):
        return path
    return base.rstrip("/") + "/" + path.lstrip("/")


def rule_meta(report_or_findings: Report | list[Finding]) -> dict[str, dict[str, str]]:
    """Per rule code used by the findings: name, severity, summary, message, rationale.

    Comes from the bundled check rules when available; otherwise from the findings themselves.
    """
    findings = (
        report_or_findings.findings if isinstance(report_or_findings, Report) else report_or_findings
    )
    checks: dict[str, Any] = {}
    try:
        from ..rules import load_rules

        checks = dict(load_rules().checks)
    except Exception:  # no rules folder yet, or a bad rule file: render with what we have
        checks = {}
    out: dict[str, dict[str, str]] = {}
    for f in findings:
        if f.rule in out:
            continue
        c = checks.get(f.rule)
        if c is not None:
            out[f.rule] = {
                "name": c.name or f.name,
                "severity": c.severity,
                "summary": c.summary or f.name,
                "message": c.message or "",
                "rationale": c.rationale or "",
            }
        else:
            out[f.rule] = {
                "name": f.name,
                "severity": f.severity,
                "summary": f.name.replace("-", " ").capitalize(),
                "message": "",
                "rationale": "",
            }
    return dict(sorted(out.items()))


def claim_fact_label(c: Claim) -> str:
    parts = [c.metric or "unknown metric"]
    if c.subject:
        parts.append("–".join(c.subject))
    if c.period:
        parts.append(c.period)
    if c.aggregation and c.aggregation != "flow":
        parts.append(c.aggregation)
    if c.modality and c.modality != "actual":
        parts.append(c.modality)
    return " · ".join(parts)


def location(c: Claim, base: str = "") -> str:
    return f"{join_path(base, c.article)}:{c.line}:{c.column}"


def finding_summary(f: Finding, base: str = "") -> str:
    """A plain-text description of a finding with every source, for CI messages: the verdict,
    the reading behind it, how sure the match is, then one line per claim."""
    from .. import present

    lines = [present.verdict(f)] + present.details(f)
    lines += [x for x in (present.majority(f), present.sureness(f)) if x]
    for r in present.rows(f):
        lines.append(f"- {location(r.claim, base)} [{present.ROLE_WORDS[r.role]}] \u201c{r.says}\u201d means "
                     f"{r.means}; measures {r.measures}; {r.when}; {present.about_phrase(r.claim)}: {r.claim.quote.strip()}")
    return "\n".join(lines)


def input_warnings(report: Report) -> list[InputWarning]:
    """Every warning of the report, in its order, with the file and line where the load stage
    knew them; other warnings (policy, suppressions) come without a file."""
    located = {str(w): w for w in report.input_warnings}
    return [located.get(w) or InputWarning(path="", message=w) for w in report.warnings]


def severity_counts(report: Report) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITY_ORDER}
    for f in report.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def tool_version() -> str:
    try:
        from importlib.metadata import version

        return version("factlint")
    except Exception:
        from .. import __version__

        return __version__


# --- the registry -----------------------------------------------------------------------------

from .github import render_github, write_step_summary  # noqa: E402
from .gitlab import render_gitlab  # noqa: E402
from .html import render_html  # noqa: E402
from .junit import render_junit  # noqa: E402
from .sarif import render_sarif  # noqa: E402


def _github_output(report: Report, **kw: Any) -> str:
    """Annotations for stdout; also appends the Markdown report to $GITHUB_STEP_SUMMARY."""
    write_step_summary(report)
    return render_github(report, **kw)


FORMATS: dict[str, tuple[Callable[..., str], str]] = {
    "sarif": (render_sarif, ".sarif"),
    "junit": (render_junit, ".xml"),
    "gitlab": (render_gitlab, ".gitlab.json"),
    "github": (_github_output, ""),
    "html": (render_html, ".html"),
}

__all__ = [
    "FORMATS",
    "finding_fingerprint",
    "primary_claim",
    "render_github",
    "render_gitlab",
    "render_html",
    "render_junit",
    "render_sarif",
    "write_step_summary",
]

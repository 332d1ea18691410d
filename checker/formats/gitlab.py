"""GitLab Code Quality report (a subset of the Code Climate issue format).

GitLab needs, per issue: description, check_name, fingerprint, severity and location.path with
location.lines.begin. It compares fingerprints between the base and the head pipeline to tell new
issues from fixed ones, and drops issues whose fingerprint repeats, so fingerprints are the stable
finding fingerprint, made unique within the report when two findings share one.
"""
from __future__ import annotations

import hashlib
import json

from ..models import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def gitlab_issues(report: Report, *, base: str = "") -> list[dict]:
    from .. import present
    from . import finding_fingerprint, finding_summary, join_path, other_claims, primary_claim

    issues = []
    seen: set[str] = set()
    for f in report.findings:
        fp = finding_fingerprint(f)
        n = 1
        unique = fp
        while unique in seen:
            n += 1
            unique = hashlib.sha256(f"{fp}#{n}".encode()).hexdigest()[:32]
        seen.add(unique)
        c = primary_claim(f)
        issue: dict = {
            "type": "issue",
            "check_name": f"{f.rule} {f.name}",
            "description": f"{f.fact}: {present.verdict(f)}",
            "content": {"body": finding_summary(f, base)},
            "categories": ["Bug Risk"] if f.severity == "error" else ["Clarity"],
            "severity": SEVERITIES[f.severity],
            "fingerprint": unique,
            "location": {
                "path": join_path(base, c.article) if c else ".",
                "lines": {"begin": max(1, c.line) if c else 1},
            },
        }
        others = [
            {"path": join_path(base, o.article), "lines": {"begin": max(1, o.line)}}
            for o in other_claims(f)
        ]
        if others:
            issue["other_locations"] = others
        issues.append(issue)
    return issues + _warning_issues(report, base)


def _warning_issues(report: Report, base: str) -> list[dict]:
    """An input problem (a skipped file, a replaced byte) as an info issue on that file."""
    from . import input_warnings, join_path

    out = []
    for w in input_warnings(report):
        text = str(w)
        out.append({
            "type": "issue",
            "check_name": "factlint input warning",
            "description": text,
            "categories": ["Bug Risk"],
            "severity": "info",
            "fingerprint": hashlib.sha256(f"input\x1f{text}".encode()).hexdigest()[:32],
            "location": {"path": join_path(base, w.path) if w.path else ".", "lines": {"begin": w.line or 1}},
        })
    return out


def render_gitlab(report: Report, *, base: str = "") -> str:
    return json.dumps(gitlab_issues(report, base=base), indent=2, ensure_ascii=False) + "\n"

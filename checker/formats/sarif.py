"""SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers).

One run; the tool driver lists every rule the findings use; one result per finding with the primary
location on the outlier claim and a related location for every other source; partialFingerprints
carry the stable fingerprint so a finding keeps its identity across runs.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from ..models import Claim, Finding, InputWarning, Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
FINGERPRINT_KEY = "factlint/v1"


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")


def _text(s: str) -> str:
    """Plain text for a SARIF message: brackets escaped so article text cannot form links."""
    return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _physical(c: Claim, base: str) -> dict:
    from . import join_path

    line = max(1, c.line)
    col = max(1, c.column)
    region: dict = {"startLine": line, "startColumn": col}
    if c.text and "\n" not in c.text:
        region["endColumn"] = col + len(c.text)
        region["snippet"] = {"text": c.text}
    loc: dict = {
        "artifactLocation": {"uri": _uri(join_path(base, c.article))},
        "region": region,
    }
    if c.quote:
        loc["contextRegion"] = {"startLine": line, "snippet": {"text": c.quote}}
    return loc


def _result(f: Finding, rule_index: dict[str, int], base: str) -> dict:
    from .. import present
    from . import finding_fingerprint, other_claims, primary_claim

    primary = primary_claim(f)
    lines = [present.verdict(f)] + present.details(f) + [present.majority(f), present.sureness(f)]
    result: dict = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": _text(" ".join(x.rstrip(".") + "." for x in lines if x))},
        "partialFingerprints": {FINGERPRINT_KEY: finding_fingerprint(f)},
        "properties": {
            "findingId": f.id,
            "fact": f.fact,
            "severity": f.severity,
            "majority": list(f.majority),
            "outliers": list(f.outliers),
            "confidence": f.confidence,
            "matches": [m.model_dump(mode="json") for m in f.matches],
        },
    }
    if primary is not None:
        result["locations"] = [
            {
                "physicalLocation": _physical(primary, base),
                "message": {"text": _text(_claim_note(f, primary))},
            }
        ]
    related = [{"id": i, "physicalLocation": _physical(c, base), "message": {"text": _text(_claim_note(f, c))}}
               for i, c in enumerate(other_claims(f), start=1)]
    if related:
        result["relatedLocations"] = related
    return result


def _claim_note(f: Finding, c: Claim) -> str:
    """'outlier: "exceeding US$3 billion" means over 3 billion USD; in 2025; about Laos and
    Vietnam; measures trade'."""
    from .. import present
    from ..values import interval_words

    return (f"{present.ROLE_WORDS[f.role(c)]}: \u201c{c.text}\u201d means {interval_words(c)}; "
            f"{present.when(c)}; {present.about_phrase(c)}; measures {present.measures(c)}")


def _notification(w: InputWarning, base: str) -> dict:
    """An input problem, on its file (and line) when it has one."""
    from . import join_path

    note: dict = {"level": "warning", "message": {"text": _text(str(w))}}
    if w.path:
        region = {"region": {"startLine": w.line}} if w.line else {}
        note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": _uri(join_path(base, w.path))}, **region}}]
    return note


def sarif_log(report: Report, *, base: str = "") -> dict:
    from . import input_warnings, join_path, rule_meta, tool_version

    meta = rule_meta(report)
    rules = []
    rule_index: dict[str, int] = {}
    for i, (code, m) in enumerate(meta.items()):
        rule_index[code] = i
        help_text = m["summary"] + (f"\n\n{m['rationale']}" if m["rationale"] else "")
        rules.append(
            {
                "id": code,
                "name": m["name"],
                "shortDescription": {"text": m["summary"]},
                "fullDescription": {"text": m["rationale"] or m["summary"]},
                "help": {"text": help_text, "markdown": help_text},
                "defaultConfiguration": {"level": LEVELS.get(m["severity"], "warning")},
                "properties": {
                    "tags": ["factlint", "fact-check"],
                    "precision": "medium",
                    "problem.severity": PROBLEM_SEVERITY.get(m["severity"], "warning"),
                },
            }
        )
    run: dict = {
        "tool": {
            "driver": {
                "name": report.tool or "factlint",
                "version": tool_version(),
                "semanticVersion": tool_version(),
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": [
            {"location": {"uri": _uri(join_path(base, a.path))}, "roles": ["analysisTarget"]}
            for a in report.articles
        ],
        "results": [_result(f, rule_index, base) for f in report.findings],
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [_notification(w, base) for w in input_warnings(report)],
            }
        ],
        "properties": {"coverage": report.coverage.model_dump()},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, *, base: str = "") -> str:
    return json.dumps(sarif_log(report, base=base), indent=2, ensure_ascii=False) + "\n"

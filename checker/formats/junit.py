"""JUnit XML: one test case per fact group, a failure for each finding about it.

CI systems that know nothing else (Jenkins, GitLab test reports, Azure Pipelines, CircleCI) show
JUnit. A fact with an error or warning finding is a failing test; an info finding (a related but
different fact, worth a look) is recorded in the case's system-out and does not fail it. Matched
facts without findings are passing cases, so the suite also shows what was checked.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..models import Claim, Finding, Report

# characters XML 1.0 cannot carry at all, even escaped
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(s: str) -> str:
    return _INVALID_XML.sub("\ufffd", s)


def _fact_key(c: Claim) -> tuple:
    return (c.metric, tuple(c.subject), c.period, c.aggregation, c.modality)


def fact_groups(report: Report) -> list[tuple[str, list[Finding], list[Claim]]]:
    """(fact label, findings, claims) per fact: every finding's fact, then matched facts without one."""
    from . import claim_fact_label

    groups: dict[str, tuple[list[Finding], list[Claim]]] = {}
    in_findings: set[str] = set()
    in_group: dict[str, set[str]] = {}  # claim ids per group: a set, not a scan of the group
    for f in report.findings:
        g = groups.setdefault(f.fact, ([], []))
        g[0].append(f)
        seen = in_group.setdefault(f.fact, set())
        for c in f.claims:
            in_findings.add(c.id)
            if c.id not in seen:
                seen.add(c.id)
                g[1].append(c)
    by_key: dict[tuple, list[Claim]] = {}
    for c in report.claims:
        if c.metric is None or c.id in in_findings:
            continue
        by_key.setdefault(_fact_key(c), []).append(c)
    for claims in by_key.values():
        label = claim_fact_label(claims[0])
        if len({c.article for c in claims}) < 2 or label in groups:
            continue  # stated by one source only: nothing was compared
        groups[label] = ([], claims)
    return [(label, fs, cs) for label, (fs, cs) in groups.items()]


def render_junit(report: Report, *, base: str = "") -> str:
    from .. import present
    from . import finding_summary, join_path, location, primary_claim

    suites = ET.Element("testsuites", name=report.tool or "factlint")
    suite = ET.SubElement(suites, "testsuite", name=f"{report.tool or 'factlint'} facts")
    props = ET.SubElement(suite, "properties")
    for k, v in report.coverage.model_dump().items():
        ET.SubElement(props, "property", name=f"coverage.{k}", value=str(v))
    tests = failures = 0
    for label, findings, claims in fact_groups(report):
        tests += 1
        first = claims[0] if claims else None
        metric = (first.metric if first else None) or "fact"
        case = ET.SubElement(
            suite,
            "testcase",
            name=_x(label),
            classname=_x(f"factlint.{metric}"),
            time="0",
        )
        if first is not None:
            anchor = primary_claim(findings[0]) if findings else first
            if anchor is not None:
                case.set("file", _x(join_path(base, anchor.article)))
                case.set("line", str(anchor.line))
        failing = [f for f in findings if f.severity in ("error", "warning")]
        for f in failing:
            el = ET.SubElement(
                case,
                "failure",
                message=_x(f"[{f.severity}] {f.rule} {f.name}: {present.verdict(f)}"),
                type=_x(f.rule),
            )
            el.text = _x(finding_summary(f, base))
        if failing:
            failures += 1
        notes = [f for f in findings if f.severity not in ("error", "warning")]
        out = [f"[{f.severity}] {f.rule} {f.name}\n{finding_summary(f, base)}" for f in notes]
        if not findings:
            out.append(
                "Sources agree:\n"
                + "\n".join(f"- {location(c, base)} {c.text}: {c.quote.strip()}" for c in claims)
            )
        if out:
            ET.SubElement(case, "system-out").text = _x("\n\n".join(out))
    if tests == 0:
        tests = 1
        ET.SubElement(suite, "testcase", name="no comparable facts", classname="factlint", time="0")
    if report.warnings:
        ET.SubElement(suite, "system-err").text = _x("\n".join(report.warnings))
    for el in (suite, suites):
        el.set("tests", str(tests))
        el.set("failures", str(failures))
        el.set("errors", "0")
        el.set("skipped", "0")
        el.set("time", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"

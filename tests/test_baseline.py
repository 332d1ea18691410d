"""Baselines: stable fingerprints, file round trip, stale entries, bad files."""
from __future__ import annotations

import json

import pytest

from checker.baseline import (
    BASELINE_VERSION, baseline_json, finding_fingerprint, load_baseline, write_baseline,
)
from checker.config import Config, apply_policy
from checker.errors import InputError
from checker.models import ArticleInfo, Claim, Coverage, Finding, Report

def claim(article, value, line=1, quote="q", subject=("Laos", "Vietnam"), period="2025",
          unit="USD", metric="trade"):
    return Claim(id=f"{article}:{line}", article=article, kind="amount", metric=metric,
                 subject=list(subject), period=period, value=value, unit=unit, text=str(value),
                 quote=quote, line=line, column=3)


def finding(claims, rule="FL101", fid="F1", message="m"):
    return Finding(id=fid, rule=rule, name="value-conflict", severity="error", message=message,
                   fact="trade, Laos-Vietnam, 2025", claims=claims)


def report(findings, articles=("a.md", "b.md")):
    return Report(articles=[ArticleInfo(path=a) for a in articles],
                  claims=[c for f in findings for c in f.claims], findings=findings,
                  coverage=Coverage())


BASE = [claim("a.md", 2.98e9), claim("b.md", 2.2e9)]


def test_fingerprint_ignores_lines_quotes_columns_ids_and_message():
    moved = [claim("a.md", 2.98e9, line=40, quote="other words"), claim("b.md", 2.2e9, line=2)]
    fp = finding_fingerprint(finding(BASE))
    assert fp == finding_fingerprint(finding(list(reversed(moved)), fid="F9", message="x"))
    assert len(fp) == 64


def test_fingerprint_ignores_subject_order_and_repeated_mentions():
    swapped = [claim("a.md", 2.98e9, subject=("Vietnam", "Laos")), claim("b.md", 2.2e9),
               claim("b.md", 2.2e9, line=9)]
    assert finding_fingerprint(finding(BASE)) == finding_fingerprint(finding(swapped))


@pytest.mark.parametrize(
    "change",
    [
        lambda: [claim("a.md", 2.98e9), claim("b.md", 2.3e9)],  # value changed
        lambda: [claim("a.md", 2.98e9), claim("c.md", 2.2e9)],  # other article
        lambda: [claim("a.md", 2.98e9), claim("b.md", 2.2e9, unit="EUR")],
        lambda: [claim("a.md", 2.98e9, period="2024"), claim("b.md", 2.2e9, period="2024")],
        lambda: [claim("a.md", 2.98e9, metric="investment"),
                 claim("b.md", 2.2e9, metric="investment")],
        lambda: BASE + [claim("c.md", 5e9)],  # a new source joins
    ],
)
def test_fingerprint_changes_with_values_and_fact(change):
    assert finding_fingerprint(finding(BASE)) != finding_fingerprint(finding(change()))


def test_fingerprint_changes_with_rule():
    assert finding_fingerprint(finding(BASE)) != finding_fingerprint(finding(BASE, rule="FL102"))


def test_write_is_sorted_atomic_and_round_trips(tmp_path):
    f1 = finding(BASE)
    f2 = finding([claim("a.md", 5e9), claim("c.md", 6e9)], rule="FL102", fid="F2")
    out = tmp_path / "sub" / "baseline.json"
    n = write_baseline(out, [f2, f1, f1], rules_version="abc")
    assert n == 2
    doc = json.loads(out.read_text())
    assert doc["version"] == BASELINE_VERSION and doc["tool"] == "factlint"
    assert doc["rules_version"] == "abc"
    assert [e["rule"] for e in doc["entries"]] == ["FL101", "FL102"]
    assert doc["entries"][0]["articles"] == ["a.md", "b.md"]
    assert list(tmp_path.joinpath("sub").iterdir()) == [out]  # no temp file left behind
    bl = load_baseline(out)
    assert set(bl.entries) == {finding_fingerprint(f1), finding_fingerprint(f2)}
    # deterministic output
    assert baseline_json([f1, f2], "abc") == baseline_json([f2, f1], "abc") == out.read_text()


def test_check_with_baseline_drops_accepted_findings_and_fills_fingerprint(tmp_path, rules):
    f1 = finding(BASE)
    bl = tmp_path / "bl.json"
    write_baseline(bl, [f1])
    # the article was edited elsewhere: lines and quotes moved
    edited = finding([claim("a.md", 2.98e9, line=30, quote="new"), claim("b.md", 2.2e9)])
    out = apply_policy(report([edited]), Config(), baseline=bl, rules=rules)
    assert out.findings == [] and out.warnings == []
    # a changed value revives it
    changed = finding([claim("a.md", 2.97e9), claim("b.md", 2.2e9)])
    out = apply_policy(report([changed]), Config(), baseline=bl, rules=rules)
    assert len(out.findings) == 1 and out.findings[0].fingerprint == finding_fingerprint(changed)
    assert len(out.warnings) == 1 and "stale baseline entry FL101" in out.warnings[0]
    assert out.warnings[0].startswith(str(bl))


def test_baseline_from_config(tmp_path, rules):
    bl = tmp_path / "bl.json"
    write_baseline(bl, [finding(BASE)])
    out = apply_policy(report([finding(BASE)]), Config(baseline=str(bl)), rules=rules)
    assert out.findings == []


def test_stale_entries_only_for_checked_articles(tmp_path, rules):
    bl = tmp_path / "bl.json"
    write_baseline(bl, [finding(BASE)])
    out = apply_policy(report([], articles=("z.md",)), Config(), baseline=bl, rules=rules)
    assert out.warnings == []
    out = apply_policy(report([], articles=("a.md", "b.md")), Config(), baseline=bl, rules=rules)
    assert len(out.warnings) == 1


def test_stale_not_reported_for_ignored_rule(tmp_path, rules):
    bl = tmp_path / "bl.json"
    write_baseline(bl, [finding(BASE)])
    out = apply_policy(report([]), Config(ignore=["FL101"]), baseline=bl, rules=rules)
    assert out.warnings == []


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("{not json", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"entries": []}', "version: missing"),
        ('{"version": 99, "entries": []}', "version: baseline format 99 is not supported"),
        ('{"version": "1", "entries": []}', "version: baseline format '1'"),
        ('{"version": true, "entries": []}', "version"),
        ('{"version": 1, "tool": "ruff", "entries": []}', "tool:"),
        ('{"version": 1, "entries": {}}', "entries: must be a list"),
        ('{"version": 1, "entries": [3]}', "entries[0]: must be an object"),
        ('{"version": 1, "entries": [{"rule": "FL101"}]}', "entries[0].fingerprint"),
        ('{"version": 1, "entries": [{"fingerprint": "x", "articles": "a"}]}',
         "entries[0].articles"),
    ],
)
def test_bad_baseline_is_input_error_naming_file(tmp_path, content, fragment):
    p = tmp_path / "bl.json"
    p.write_text(content)
    with pytest.raises(InputError) as exc:
        load_baseline(p)
    msg = str(exc.value)
    assert msg.startswith(str(p)) and fragment in msg and "\n" not in msg


def test_missing_and_binary_baseline(tmp_path):
    with pytest.raises(InputError, match="cannot read baseline"):
        load_baseline(tmp_path / "nope.json")
    p = tmp_path / "bin.json"
    p.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(InputError, match="not UTF-8"):
        load_baseline(p)

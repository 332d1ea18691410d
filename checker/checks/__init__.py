"""The checks. Each is a unit with a stable code: its name, default severity, documentation,
message template and pass/fail examples live in rules/checks.toml (editors can change them);
its logic lives in one class here. `REGISTRY` lists them; a check code in the rules without
logic, or logic without a rule entry, is an error at load time (see `verify`).

Severity: a check's severity in the rules is what a finding gets when every claim pair behind
it is surely one fact (aligned sentences, or measure, subject and time all read from the text).
When one of them was inferred (the subject or the date taken from the article, the measure from
the clause's topic), an error becomes a warning: the editor is asked to look, not told.
"""
from __future__ import annotations

from ..models import Finding
from .base import Check, Context
from .consistency import ConversionMismatch, FallingTotal, GrowthMismatch, RateMismatch, WeekdayMismatch
from .related import RelatedScope
from .values import SnapshotDrift, ValueConflict, ValueTension

REGISTRY: dict[str, Check] = {c.code: c for c in (
    ValueConflict(), ValueTension(), SnapshotDrift(), GrowthMismatch(), FallingTotal(),
    ConversionMismatch(), WeekdayMismatch(), RateMismatch(), RelatedScope())}


def run_checks(ctx: Context) -> list[Finding]:
    """Every check's findings, in code order (the report sorts them for reading)."""
    out: list[Finding] = []
    for code in sorted(REGISTRY):
        ctx.cache["findings"] = out  # FL301 lists only what no earlier check reported
        out = out + REGISTRY[code].run(ctx)
    return out


def verify(rule_codes: set[str]) -> list[str]:
    """Problems between the registry and the rules' check entries (empty when they agree)."""
    problems = [f"check {c} has logic but no entry in the rules" for c in sorted(set(REGISTRY) - rule_codes)]
    problems += [f"check {c} is in the rules but no logic implements it" for c in sorted(rule_codes - set(REGISTRY))]
    return problems


__all__ = ["REGISTRY", "Check", "Context", "run_checks", "verify"]

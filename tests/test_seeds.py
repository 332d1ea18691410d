"""Golden tests on the bundled seed story (what the issue's "done means" asks of it)."""
import json
from pathlib import Path

import pytest

from checker.pipeline import run
from checker.report import render_json
from checker.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "seeds_findings.json"


@pytest.fixture(scope="module")
def report():
    return run([str(ROOT / "seeds")], load_rules())


def summary(report) -> list[dict]:
    return [{"rule": f.rule, "severity": f.severity, "fact": f.fact,
             "claims": sorted(f"{c.article[:3]} {c.text}" for c in f.claims),
             "outliers": sorted(c.text for c in f.claims if c.id in f.outliers)}
            for f in report.findings]


def test_matches_golden_summary(report):
    assert summary(report) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_trade_2025_conflict_names_the_outlier(report):
    (f,) = [f for f in report.findings if f.rule == "FL101" and "2025" in f.fact]
    by_id = {c.id: c for c in f.claims}
    assert [by_id[i].text for i in f.outliers] == ["exceeding US$3 billion"]
    assert sorted(by_id[i].text for i in f.majority) == ["2.98 billion USD", "nearly 3 billion USD"]


def test_investment_figures_reported_with_their_scopes(report):
    inv = [f for f in report.findings if f.fact.startswith("investment")]
    texts = {c.text for f in inv for c in f.claims}
    assert {"surpassed 5.6 billion USD", "over $5.8 billion", "6.21 billion USD"} <= texts
    assert any(f.severity == "warning" and f.rule == "FL103" for f in inv)


def test_no_false_conflicts(report):
    flagged = {c.text for f in report.findings if f.severity != "info" for c in f.claims}
    for text in ("nearly US$2.5 billion", "$5 billion", "5 billion USD", "$10 billion", "USD 3 million",
                 "32.7%", "47th", "48th"):
        assert text not in flagged


def test_deterministic(report):
    again = run([str(ROOT / "seeds")], load_rules())
    assert render_json(again) == render_json(report)

"""Every check's pass/fail examples, run as tests (the way sqlfluff runs its YAML cases).

An example in a rules file (rules/checks.toml or a project rules folder)::

    [[checks.FL101.examples]]
    kind = "fail"      # the checker must report FL101 on these articles ("pass": must not)
    articles = { "a.md" = "Trade reached US$2.98 billion in 2025.", "b.md" = "..." }

Project rules folders can be included with FACTLINT_EXTRA_RULES=dir1:dir2 (os.pathsep).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.rules import RuleError, load_rules

EXTRA = tuple(d for d in os.environ.get("FACTLINT_EXTRA_RULES", "").split(os.pathsep) if d)


def _rules():
    try:
        return load_rules(EXTRA), None
    except RuleError as exc:  # reported by test_rules_load, not as a collection error
        return None, str(exc)


RULES, LOAD_ERROR = _rules()
CHECKS = RULES.checks if RULES else {}
CASES = [
    pytest.param(code, i, ex, id=f"{code}-{i}-{ex.get('kind', '?') if isinstance(ex, dict) else '?'}")
    for code, check in sorted(CHECKS.items())
    for i, ex in enumerate(check.examples, start=1)
]


def test_rules_load():
    assert LOAD_ERROR is None, LOAD_ERROR


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_examples_are_well_formed(code):
    check = CHECKS[code]
    kinds = []
    for i, ex in enumerate(check.examples, start=1):
        where = f"{check.source}: checks.{code}.examples[{i}]"
        assert isinstance(ex, dict), f"{where}: must be a table"
        assert set(ex) <= {"kind", "articles", "note"}, f"{where}: unknown keys {set(ex) - {'kind', 'articles', 'note'}}"
        assert ex.get("kind") in ("pass", "fail"), f"{where}.kind: must be 'pass' or 'fail'"
        arts = ex.get("articles")
        assert isinstance(arts, dict) and arts, f"{where}.articles: a table of file name -> text"
        for name, text in arts.items():
            assert isinstance(text, str), f"{where}.articles.{name}: must be text"
            assert Path(name).suffix in (".md", ".txt"), f"{where}.articles.{name}: .md or .txt"
            assert "/" not in name and ".." not in name, f"{where}.articles.{name}: plain file name"
        kinds.append(ex["kind"])
    assert "fail" in kinds and "pass" in kinds, (
        f"{check.source}: checks.{code}: needs at least one 'fail' and one 'pass' example"
    )


@pytest.mark.parametrize("code, index, example", CASES)
def test_check_example(code, index, example, tmp_path):
    try:
        from checker.pipeline import run
    except ImportError as exc:
        pytest.skip(f"pipeline not available yet: {exc}")
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in example["articles"].items():
        (folder / name).write_text(text, encoding="utf-8")
    report = run([str(folder)], RULES)
    hits = [f for f in report.findings if f.rule == code]
    summary = "\n".join(f"  {f.rule} {f.severity} {f.fact}: {f.message}" for f in report.findings)
    where = f"{CHECKS[code].source}: checks.{code}.examples[{index}]"
    if example["kind"] == "fail":
        assert hits, f"{where}: expected a {code} finding; got:\n{summary or '  (no findings)'}"
    else:
        assert not hits, f"{where}: expected no {code} finding; got:\n{summary}"

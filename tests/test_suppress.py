"""Inline suppressions: parsing and how apply_policy uses them."""
from __future__ import annotations


import pytest

from checker.config import Config, apply_policy
from checker.models import Article, Claim, Coverage, Finding, Report
from checker.suppress import parse_suppressions

def claim(article: str, line: int, value: float = 1.0, cid: str | None = None) -> Claim:
    return Claim(
        id=cid or f"{article}:{line}", article=article, kind="amount", metric="trade",
        subject=["Laos", "Vietnam"], period="2025", value=value, unit="USD",
        text=str(value), quote="q", line=line, column=1,
    )


def finding(rule: str, claims: list[Claim], severity: str = "error") -> Finding:
    return Finding(id=f"F-{rule}", rule=rule, name="n", severity=severity, message="m",
                   fact="trade Laos-Vietnam 2025", claims=claims)


def report(findings: list[Finding]) -> Report:
    return Report(articles=[], claims=[c for f in findings for c in f.claims],
                  findings=findings, coverage=Coverage())


TEXT = """Trade news
<!-- factlint: ignore FL101 -- the ministry confirmed 1.7 billion -->
Trade reached US$1.7 billion
in 2025. Investment rose to 5 billion.

Another paragraph with 3.
"""


def test_parse_next_sentence_spans_wrapped_lines():
    sups, warns = parse_suppressions("a.md", TEXT)
    assert warns == []
    (s,) = sups
    assert (s.line, s.first_line, s.last_line) == (2, 3, 4)
    assert s.codes == ["FL101"] and s.reason == "the ministry confirmed 1.7 billion"
    assert not s.whole_file


def test_parse_body_line_offsets_lines():
    (s,), _ = parse_suppressions("a.md", TEXT, body_line=10)
    assert (s.line, s.first_line, s.last_line) == (11, 12, 13)


def test_same_line_and_stacked_comments():
    text = ("<!-- factlint: ignore FL101 -- a -->\n<!-- factlint: ignore FL102 -- b -->\n"
            "Only this. Not this.\n<!-- factlint: ignore FL101 -- c --> Inline one. Next.\n")
    sups, warns = parse_suppressions("a.md", text)
    assert warns == []
    assert [(s.first_line, s.last_line) for s in sups] == [(3, 3), (3, 3), (4, 4)]


def test_sentence_stops_at_paragraph_end():
    text = "<!-- factlint: ignore FL101 -- r -->\nNo full stop here\n\nLater 5.\n"
    (s,), _ = parse_suppressions("a.md", text)
    assert (s.first_line, s.last_line) == (2, 2)


def test_decimal_point_is_not_a_sentence_end():
    text = "<!-- factlint: ignore FL101 -- r -->\nTrade was 2.98\nbillion. Next 3.\n"
    (s,), _ = parse_suppressions("a.md", text)
    assert (s.first_line, s.last_line) == (2, 3)


def test_ignore_file_and_several_codes():
    text = "<!-- factlint: ignore-file FL101, value-tension -- reprint of a wire story -->\nx\n"
    (s,), warns = parse_suppressions("a.md", text)
    assert s.whole_file and s.codes == ["FL101", "value-tension"] and not warns
    assert s.covers_line(999)


@pytest.mark.parametrize(
    "comment, fragment",
    [
        ("<!-- factlint: ignore FL101 -->", "a reason is required"),
        ("<!-- factlint: ignore FL101 --   -->", "a reason is required"),
        ("<!-- factlint: ignore -- because -->", "no check code"),
        ("<!-- factlint: ignroe FL101 -- because -->", "unknown directive"),
        ("<!-- factlint: ignore FL101 -- because -->\n\n", "no sentence follows"),
    ],
)
def test_malformed_suppressions_are_warnings_not_applied(comment, fragment):
    sups, warns = parse_suppressions("a.md", "Intro.\n" + comment)
    assert sups == []
    assert len(warns) == 1 and fragment in warns[0] and warns[0].startswith("a.md:2:")


def test_other_comments_are_ignored():
    sups, warns = parse_suppressions("a.md", "<!-- just a note -->\nText 5.\n")
    assert sups == [] and warns == []


def test_apply_suppresses_covered_claim_and_reports_unused(rules):
    f1 = finding("FL101", [claim("a.md", 3), claim("b.md", 7)])
    f2 = finding("FL102", [claim("a.md", 6), claim("b.md", 9)], "warning")
    text = TEXT + "<!-- factlint: ignore FL102 -- both tallies are official -->\nUnrelated 9.\n"
    out = apply_policy(report([f1, f2]), Config(), {"a.md": text}, rules=rules)
    assert [f.rule for f in out.findings] == ["FL102"]
    assert len(out.warnings) == 1 and "unused suppression" in out.warnings[0]
    assert out.warnings[0].startswith("a.md:7:")


def test_apply_suppression_only_in_its_article(rules):
    f1 = finding("FL101", [claim("a.md", 3), claim("b.md", 3)])
    out = apply_policy(report([f1]), Config(), {"b.md": "x\n\ny\n" + "\n" * 3, "a.md": "no comment"},
                       rules=rules)
    assert len(out.findings) == 1
    out = apply_policy(report([f1]), Config(), {"b.md": TEXT}, rules=rules)
    assert out.findings == []


def test_apply_with_article_models_uses_body_line(rules):
    art = Article(path="a.md", text=TEXT, body_line=5)
    f_hit = finding("FL101", [claim("a.md", 7), claim("b.md", 1)])
    out = apply_policy(report([f_hit]), Config(), {"a.md": art}, rules=rules)
    assert out.findings == []
    f_miss = finding("FL101", [claim("a.md", 3), claim("b.md", 1)])
    out = apply_policy(report([f_miss]), Config(), {"a.md": art}, rules=rules)
    assert len(out.findings) == 1 and any("unused" in w for w in out.warnings)


def test_apply_by_name_group_and_all(rules):
    f1 = finding("FL101", [claim("a.md", 2)])
    f2 = finding("FL201", [claim("a.md", 2)], "info")
    for sel, left in [("value-conflict", ["FL201"]), ("notes", ["FL101"]), ("all", [])]:
        text = f"<!-- factlint: ignore-file {sel} -- reviewed -->\nx\n"
        out = apply_policy(report([f1, f2]), Config(), {"a.md": text}, rules=rules)
        assert [f.rule for f in out.findings] == left, sel


def test_unknown_code_in_suppression_is_a_warning(rules):
    f1 = finding("FL101", [claim("a.md", 2)])
    text = "<!-- factlint: ignore-file FL999 -- reviewed -->\nx\n"
    out = apply_policy(report([f1]), Config(), {"a.md": text}, rules=rules)
    assert len(out.findings) == 1
    assert out.warnings == ["a.md:1: suppression not applied: unknown check 'FL999'"]


def test_missing_reason_not_applied(rules):
    f1 = finding("FL101", [claim("a.md", 2)])
    out = apply_policy(report([f1]), Config(), {"a.md": "<!-- factlint: ignore FL101 -->\nx 5.\n"},
                       rules=rules)
    assert len(out.findings) == 1 and "reason is required" in out.warnings[0]


def test_unused_not_reported_for_disabled_check(rules):
    text = "<!-- factlint: ignore-file FL101 -- reviewed -->\nx\n"
    out = apply_policy(report([]), Config(ignore=["FL101"]), {"a.md": text}, rules=rules)
    assert out.warnings == []

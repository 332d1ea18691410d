"""Configuration: discovery, parsing, validation and the policy applied to reports."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checker.config import (
    Config, PerPath, apply_policy, check_config, compile_glob, describe_config, discover_config,
    find_config_file, load_config_file,
)
from checker.errors import InputError
from checker.models import Claim, Coverage, Finding, Report

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip())
    return path


def claim(article, line=1, value=1.0):
    return Claim(id=f"{article}:{line}", article=article, kind="amount", metric="trade",
                 subject=["Laos", "Vietnam"], period="2025", value=value, unit="USD",
                 text="1", quote="q", line=line, column=1)


def finding(rule, articles, severity="error"):
    return Finding(id=f"F-{rule}-{'-'.join(articles)}", rule=rule, name="n", severity=severity,
                   message="m", fact="trade", claims=[claim(a) for a in articles])


def report(findings):
    return Report(articles=[], claims=[], findings=findings, coverage=Coverage())


ALL = [finding("FL101", ["a.md", "b.md"]), finding("FL102", ["a.md", "c.md"], "warning"),
       finding("FL201", ["b.md", "c.md"], "info")]


def rules_of(out):
    return [(f.rule, f.severity) for f in out.findings]


# --- parsing -------------------------------------------------------------------------------

def test_factlint_toml_all_keys(tmp_path):
    (tmp_path / "myrules").mkdir()
    p = write(tmp_path / "factlint.toml", """
        rules = ["myrules"]
        select = ["values", "FL201"]
        ignore = ["value-tension"]
        fail-on = "warning"
        min_severity = "warning"
        baseline = "factlint-baseline.json"

        [severity]
        FL201 = "warning"

        [[per-path]]
        glob = "wire/**"
        ignore = ["FL101"]
        severity = { FL102 = "info" }
    """)
    cfg = load_config_file(p)
    assert cfg.rules == [str(tmp_path / "myrules")]
    assert cfg.select == ["values", "FL201"] and cfg.ignore == ["value-tension"]
    assert cfg.fail_on == "warning" and cfg.min_severity == "warning"
    assert cfg.baseline == str(tmp_path / "factlint-baseline.json")
    assert cfg.severity == {"FL201": "warning"}
    (pp,) = cfg.per_path
    assert pp.glob == "wire/**" and pp.ignore == ["FL101"] and pp.severity == {"FL102": "info"}
    assert cfg.sources["select"] == f"{p}:2"
    assert cfg.sources["min-severity"] == f"{p}:5"
    assert cfg.sources["severity"] == f"{p}:8"
    assert pp.source.startswith(f"{p}:11")


def test_pyproject_table(tmp_path):
    p = write(tmp_path / "pyproject.toml", """
        [project]
        name = "x"

        [tool.factlint]
        ignore = ["FL201"]

        [[tool.factlint.per-path]]
        glob = "*.md"
        ignore = ["FL102"]
    """)
    cfg = load_config_file(p)
    assert cfg.ignore == ["FL201"] and cfg.per_path[0].glob == "*.md"
    assert cfg.sources["ignore"] == f"{p}:5"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ('selct = ["FL101"]\n', "selct: unknown key (did you mean 'select'?)"),
        ('select = 3\n', "select: must be a list of strings"),
        ('select = [1, 2]\n', "select: must be a list of strings"),
        ('fail-on = "fatal"\n', "fail-on: 'fatal' is not a severity"),
        ('min-severity = 2\n', "min-severity: 2 is not a severity"),
        ('[severity]\nFL101 = "loud"\n', "severity.FL101: 'loud' is not a severity"),
        ('severity = ["FL101"]\n', "severity: must be a table"),
        ('baseline = 3\n', "baseline: must be a file name"),
        ('rules = ["no-such-folder"]\n', "rules: rules folder 'no-such-folder' not found"),
        ('per-path = 3\n', "per-path: must be an array of tables"),
        ('[[per-path]]\nignore = ["FL101"]\n', "per-path[0].glob: missing"),
        ('[[per-path]]\nglob = "a/[b"\n', "per-path[0].glob: bad glob 'a/[b': unclosed '['"),
        ('[[per-path]]\nglob = "/abs/*.md"\n', "must be relative"),
        ('[[per-path]]\nglob = "a/**b/c"\n', "'**' must be a whole path component"),
        ('[[per-path]]\nglob = "../x"\n', "must not contain '..'"),
        ('[[per-path]]\nglob = ""\n', "empty glob"),
        ('[[per-path]]\nglob = "a/[z-a]"\n', "invalid glob"),
        ('[[per-path]]\nglob = "*.md"\nignroe = []\n', "per-path[0].ignroe: unknown key"),
        ('select = [\n', "invalid TOML"),
    ],
)
def test_bad_values_are_one_line_input_errors(tmp_path, text, fragment):
    p = tmp_path / "factlint.toml"
    p.write_text(text)
    with pytest.raises(InputError) as exc:
        load_config_file(p)
    msg = str(exc.value)
    assert msg.startswith(f"{p}:"), msg
    assert fragment in msg, msg
    assert "\n" not in msg


def test_error_names_the_line(tmp_path):
    p = write(tmp_path / "factlint.toml", """
        select = ["FL101"]

        fail-on = "loud"
    """)
    with pytest.raises(InputError, match=r"factlint\.toml:3: fail-on"):
        load_config_file(p)


def test_pyproject_error_names_table_key(tmp_path):
    p = write(tmp_path / "pyproject.toml", """
        [tool.factlint]
        bogus = 1
    """)
    with pytest.raises(InputError, match=r"pyproject\.toml:2: tool\.factlint\.bogus: unknown key"):
        load_config_file(p)


# --- discovery -----------------------------------------------------------------------------

def test_discovery_walks_up_and_skips_unrelated_pyproject(tmp_path):
    write(tmp_path / "factlint.toml", 'ignore = ["FL201"]\n')
    write(tmp_path / "news" / "pyproject.toml", '[project]\nname = "x"\n')
    art = write(tmp_path / "news" / "story" / "a.md", "text\n")
    assert find_config_file([art]) == (tmp_path / "factlint.toml").resolve()
    assert find_config_file([art.parent]) == (tmp_path / "factlint.toml").resolve()


def test_nearest_wins_and_factlint_toml_before_pyproject(tmp_path):
    write(tmp_path / "factlint.toml", 'ignore = ["FL201"]\n')
    write(tmp_path / "news" / "pyproject.toml", '[tool.factlint]\nignore = ["FL101"]\n')
    art = write(tmp_path / "news" / "a.md", "x\n")
    assert find_config_file([art]).name == "pyproject.toml"
    write(tmp_path / "news" / "factlint.toml", 'ignore = ["FL102"]\n')
    assert find_config_file([art]) == (tmp_path / "news" / "factlint.toml").resolve()


def test_discover_forced_and_missing(tmp_path, rules_dir):
    forced = write(tmp_path / "elsewhere" / "cfg.toml", 'ignore = ["FL102"]\n')
    write(tmp_path / "factlint.toml", 'ignore = ["FL201"]\n')
    art = write(tmp_path / "a.md", "x\n")
    cfg = discover_config([str(art)], forced, validate=False)
    assert cfg.ignore == ["FL102"] and cfg.file == str(forced)
    with pytest.raises(InputError, match="config file not found"):
        discover_config([str(art)], tmp_path / "nope.toml", validate=False)


def test_discover_without_config_gives_defaults(tmp_path):
    art = write(tmp_path / "a.md", "x\n")
    cfg = discover_config([str(art)], None, validate=False)
    # (a factlint.toml above tmp_path would be found; there is none in a fresh tmp dir)
    if cfg.file is None:
        assert cfg.fail_on == "error" and cfg.select is None and cfg.per_path == []


def test_discover_validates_codes_against_project_rules(tmp_path, rules_dir):
    write(tmp_path / "factlint.toml", f'rules = ["{rules_dir.as_posix()}"]\nignore = ["FL102"]\n')
    art = write(tmp_path / "a.md", "x\n")
    cfg = discover_config([str(art)], None)
    assert cfg.ignore == ["FL102"] and cfg.rule_dirs == (str(rules_dir),)
    write(tmp_path / "factlint.toml", f'rules = ["{rules_dir.as_posix()}"]\nignore = ["FL109"]\n')
    with pytest.raises(InputError, match=r"factlint\.toml:2: ignore: unknown check 'FL109'"):
        discover_config([str(art)], None)


# --- code validation ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "cfg, fragment",
    [
        (Config(select=["FL999"]), "select: unknown check 'FL999'"),
        (Config(ignore=["value-confict"]), "did you mean 'value-conflict'?"),
        (Config(severity={"FL777": "info"}), "severity.FL777: unknown check"),
        (Config(per_path=[PerPath("*.md", ignore=["nope"])]), "per-path[0].ignore: unknown"),
        (Config(per_path=[PerPath("*.md", severity={"FL3": "info"})]), "per-path[0].severity.FL3"),
    ],
)
def test_unknown_codes(rules, cfg, fragment):
    cfg.file = "factlint.toml"
    with pytest.raises(InputError) as exc:
        check_config(cfg, rules)
    assert fragment in str(exc.value) and str(exc.value).startswith("factlint.toml")


def test_known_selectors_pass(rules):
    check_config(Config(select=["ALL", "values", "FL1", "FL201", "related-fact"]), rules)


# --- policy --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "cfg, expected",
    [
        (Config(), [("FL101", "error"), ("FL102", "warning"), ("FL201", "info")]),
        (Config(select=["FL101"]), [("FL101", "error")]),
        (Config(select=["values"]), [("FL101", "error"), ("FL102", "warning")]),
        (Config(select=["FL1"], ignore=["value-conflict"]), [("FL102", "warning")]),
        (Config(ignore=["notes", "FL101"]), [("FL102", "warning")]),
        (Config(severity={"FL201": "error", "values": "info", "FL102": "error"}),
         [("FL101", "info"), ("FL102", "error"), ("FL201", "error")]),
        (Config(min_severity="warning"), [("FL101", "error"), ("FL102", "warning")]),
        (Config(min_severity="error", severity={"FL201": "error"}),
         [("FL101", "error"), ("FL201", "error")]),
    ],
)
def test_select_ignore_severity_min(rules, cfg, expected):
    assert rules_of(apply_policy(report(ALL), cfg, rules=rules)) == expected


def test_per_path_applies_when_every_article_matches(rules):
    cfg = Config(per_path=[PerPath("c.md", ignore=["FL102"]),
                           PerPath("*.md", severity={"FL201": "warning"}),
                           PerPath("b.md", ignore=["values"])])
    # FL101 (a, b): b.md matches but a.md does not -> kept.  FL102 (a, c): not all c.md -> kept
    out = apply_policy(report(ALL), cfg, rules=rules)
    assert rules_of(out) == [("FL101", "error"), ("FL102", "warning"), ("FL201", "warning")]
    cfg = Config(per_path=[PerPath("wire/**", ignore=["FL101"])])
    wire = [finding("FL101", ["wire/x.md", "wire/y/z.md"]), finding("FL101", ["wire/x.md", "a.md"])]
    assert [f.claims[1].article for f in apply_policy(report(wire), cfg, rules=rules).findings] \
        == ["a.md"]


def test_per_path_glob_relative_to_config_folder(tmp_path, rules):
    write(tmp_path / "factlint.toml", '[[per-path]]\nglob = "stories/wire/*.md"\nignore = ["FL101"]\n')
    story = tmp_path / "stories"
    write(story / "wire" / "a.md", "x\n")
    write(story / "wire" / "b.md", "x\n")
    cfg = discover_config([str(story)], None, validate=False)
    out = apply_policy(report([finding("FL101", ["wire/a.md", "wire/b.md"])]), cfg, rules=rules)
    assert out.findings == []


def test_fingerprint_is_filled(rules):
    out = apply_policy(report(ALL), Config(), rules=rules)
    assert all(len(f.fingerprint) == 64 for f in out.findings)


def test_unknown_finding_codes_pass_through(rules):
    out = apply_policy(report([finding("FL999", ["a.md"])]), Config(select=["FL101"]), rules=rules)
    assert [f.rule for f in out.findings] == ["FL999"]


def test_apply_policy_does_not_mutate_input(rules):
    rep = report(ALL)
    apply_policy(rep, Config(ignore=["FL101"]), rules=rules)
    assert len(rep.findings) == 3 and all(f.fingerprint == "" for f in rep.findings)


# --- globs ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "glob, path, hit",
    [
        ("*.md", "a.md", True),
        ("*.md", "x/y/a.md", True),
        ("*.md", "a.txt", False),
        ("wire/*.md", "wire/a.md", True),
        ("wire/*.md", "wire/x/a.md", False),
        ("wire/**/*.md", "wire/x/y/a.md", True),
        ("wire/**/*.md", "wire/a.md", True),
        ("wire/", "wire/x/a.md", True),
        ("wire/**", "wire/a.md", True),
        ("wire/**", "other/wire/a.md", False),
        ("a?.md", "ab.md", True),
        ("[ab].md", "b.md", True),
        ("[!ab].md", "b.md", False),
        ("./wire/*.md", "wire/a.md", True),
    ],
)
def test_glob(glob, path, hit):
    assert bool(compile_glob(glob).match(path)) is hit


# --- overrides and printing ---------------------------------------------------------------

def test_cli_overrides_and_describe(tmp_path):
    p = write(tmp_path / "factlint.toml", 'ignore = ["FL201"]\nfail-on = "warning"\n')
    cfg = load_config_file(p)
    new = cfg.with_overrides(fail_on="info", ignore=["FL101,FL102"], min_severity=None,
                             baseline="bl.json", rules=["extra"])
    assert cfg.fail_on == "warning" and new.fail_on == "info"
    assert new.ignore == ["FL201", "FL101", "FL102"]
    assert new.baseline == "bl.json" and new.rule_dirs == ("extra",)
    text = describe_config(new)
    assert f"config file: {p}" in text
    assert "fail-on      = info    # command line" in text
    assert "min-severity = info    # default" in text
    assert "extra (--rules)" in text
    with pytest.raises(InputError, match="--fail-on: 'fatal'"):
        cfg.with_overrides(fail_on="fatal")


# --- commands (no pipeline needed) ------------------------------------------------------------

def _cli(args):
    from typer.testing import CliRunner

    from checker.cli import app

    return CliRunner().invoke(app, args)


def test_cli_config_shows_sources(tmp_path, rules_dir):
    p = write(tmp_path / "factlint.toml", f"""
        rules = ["{rules_dir.as_posix()}"]
        ignore = ["related-fact"]
    """)
    res = _cli(["config", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert f"config file: {p.resolve()}" in res.output
    assert f"ignore       = [related-fact]    # {p.resolve()}:2" in res.output


def test_cli_config_unknown_code_exit_2(tmp_path):
    write(tmp_path / "factlint.toml", 'select = ["FL999"]\n')
    res = _cli(["config", str(tmp_path)])
    assert res.exit_code == 2
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and "factlint.toml:1: select: unknown check 'FL999'" in lines[0]


def test_cli_rules_and_explain(tmp_path, rules_dir):
    res = _cli(["rules", "checks", "--rules", str(rules_dir)])
    assert res.exit_code == 0, res.output
    assert "FL201" in res.output and "checks.toml" in res.output
    res = _cli(["explain", "related-fact", "--rules", str(rules_dir)])
    assert res.exit_code == 0 and res.output.startswith("FL201 related-fact (info, group notes)")
    res = _cli(["explain", "FL999", "--rules", str(rules_dir)])
    assert res.exit_code == 2 and "unknown check 'FL999'" in res.output
    res = _cli(["rules", "metricz"])
    assert res.exit_code == 2 and "unknown section 'metricz'" in res.output


def test_cli_bad_rules_folder_exit_2(tmp_path):
    bad = tmp_path / "r"
    write(bad / "x.toml", "[hedges.nearly]\nphrases = ['nearly']\ndirection = 'below'\nwidth = 3\n")
    res = _cli(["rules", "--rules", str(bad)])
    assert res.exit_code == 2
    assert "x.toml:4: hedges.nearly.width" in res.output and len(res.output.strip().splitlines()) == 1

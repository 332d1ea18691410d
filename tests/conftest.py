"""Shared fixtures: a minimal rules folder with three checks, for policy tests that must not
depend on the bundled checks."""
import pytest

from checker.rules import load_rules

MINI_CHECKS = """
[checks.FL101]
name = "value-conflict"
severity = "error"
summary = "s"
message = "m"
group = "values"

[checks.FL102]
name = "value-tension"
severity = "warning"
summary = "s"
message = "m"
group = "values"

[checks.FL201]
name = "related-fact"
severity = "info"
summary = "s"
message = "m"
group = "notes"
"""


@pytest.fixture(scope="session")
def rules_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("mini_rules")
    (d / "checks.toml").write_text(MINI_CHECKS)
    return d


@pytest.fixture(scope="session")
def rules(rules_dir):
    return load_rules((str(rules_dir),), include_bundled=False)

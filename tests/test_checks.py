"""The check registry: every check code in the rules has logic, and every logic has its entry."""
from checker.checks import REGISTRY, verify
from checker.rules import load_rules


def test_registry_and_rules_agree():
    assert verify(set(load_rules().checks)) == []


def test_a_missing_entry_is_named():
    codes = set(load_rules().checks) - {"FL106"}
    assert verify(codes) == ["check FL106 has logic but no entry in the rules"]


def test_every_check_has_a_code_and_a_default_name():
    assert all(code == c.code and c.default_name for code, c in REGISTRY.items())

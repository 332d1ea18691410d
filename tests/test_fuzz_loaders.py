"""Fuzz the rule and config loaders: random, truncated and mutated files never give a traceback.

The only exceptions allowed are RuleError (rule files) and InputError (config, baselines), each
one line naming the file.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.baseline import load_baseline
from checker.config import check_config, load_config_file
from checker.errors import InputError
from checker.rules import RuleError, load_rules

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

VALID_RULES = '''
[hedges.nearly]
phrases = ["nearly", "almost", "just under"]
direction = "below"
width = 0.05

[scales.billion]
words = ["billion", "bn"]
factor = 1e9

[number_words.three]
words = ["three"]
value = 3

[currencies.USD]
symbols = ["$", "US$"]
codes = ["USD"]
names = ["dollars"]

[units."km/h"]
symbol = "km/h"
aliases = ["kph", "kilometres per hour"]
dimension = "speed"
to_base = 1.0

[metrics.trade]
phrases = ["trade", "trade turnover"]
kinds = ["amount"]
aggregation = "flow"

[entities."Thongloun Sisoulith"]
aliases = ["Thongloun"]
kind = "person"
titles = ["President"]

[scope.cumulative]
phrases = ["accumulated", "so far"]
sets = "aggregation"
value = "stock"

[tolerances.trade]
metric = "trade"
relative = 0.01

[checks.FL101]
name = "value-conflict"
severity = "error"
summary = "Two sources give values for one fact that cannot both be right."
message = "{fact}: {outlier} vs {majority}"
rationale = "Intervals cannot overlap."
group = "values"
examples = [{kind = "pass", articles = {"a.md" = "x", "b.md" = "y"}}]
'''

VALID_CONFIG = '''
rules = []
select = ["FL101", "values"]
ignore = ["value-conflict"]
fail-on = "warning"
min-severity = "info"
baseline = "bl.json"

[severity]
FL101 = "warning"

[[per-path]]
glob = "wire/**/*.md"
ignore = ["FL101"]
severity = {FL101 = "info"}
'''

TOML_CHARS = st.sampled_from(list('[]{}="\'.,#\n =-_:0123456789abcdefFLxyz\\\t') + ["\x00", "é", "\U0001F600", "nan", "inf", "true", "[[", "]]", '"""'])
toml_like = st.lists(TOML_CHARS, max_size=200).map("".join)


def mutate(base: str):
    return st.tuples(
        st.integers(0, len(base)), st.integers(0, 20), toml_like.map(lambda s: s[:20])
    ).map(lambda t: base[: t[0]] + t[2] + base[t[0] + t[1]:])


rule_texts = st.one_of(
    st.text(max_size=300),
    toml_like,
    st.integers(0, len(VALID_RULES)).map(lambda n: VALID_RULES[:n]),
    mutate(VALID_RULES),
)
config_texts = st.one_of(
    st.text(max_size=300),
    toml_like,
    st.integers(0, len(VALID_CONFIG)).map(lambda n: VALID_CONFIG[:n]),
    mutate(VALID_CONFIG),
)

# Structured TOML: right syntax, random shapes and values.
scalars = st.one_of(
    st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.text(max_size=8),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text("abcFL01_-", min_size=1, max_size=6),
                                                 inner, max_size=3)), max_leaves=8)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if v != v:
            return "nan"
        if v in (float("inf"), float("-inf")):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').encode("unicode_escape").decode()\
            .replace('\\\\"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return "{" + ", ".join(f'"{k}" = {toml_value(x)}' for k, x in v.items()) + "}"


SECTION_NAMES = ["hedges", "scales", "number_words", "currencies", "units", "metrics",
                 "entities", "scope", "checks", "tolerances", "bogus"]
FIELDS = ["phrases", "direction", "width", "words", "factor", "value", "kind", "symbols", "codes",
          "names", "symbol", "aliases", "dimension", "to_base", "kinds", "aggregation", "running",
          "nouns", "label", "titles", "sets", "name", "severity", "summary", "message",
          "rationale", "group", "examples", "metric", "unit", "relative", "position", "x"]

structured_rules = st.lists(
    st.tuples(st.sampled_from(SECTION_NAMES), st.sampled_from(["a", "FL101", "FL1", "trade", "b c"]),
              st.dictionaries(st.sampled_from(FIELDS), values, max_size=6)),
    max_size=4,
).map(lambda items: "\n".join(
    f'[{s}."{k}"]\n' + "\n".join(f"{f} = {toml_value(v)}" for f, v in body.items())
    for s, k, body in items))

CONFIG_KEYS = ["rules", "select", "ignore", "severity", "fail-on", "min-severity", "baseline",
               "per-path", "selct", "fail_on"]
structured_config = st.dictionaries(st.sampled_from(CONFIG_KEYS), values, max_size=5).map(
    lambda d: "\n".join(f'"{k}" = {toml_value(v)}' for k, v in d.items()))


def _load_rules_text(text: str | bytes) -> None:
    d = Path(tempfile.mkdtemp(prefix="fuzzrules"))
    try:
        f = d / "fuzz.toml"
        f.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        try:
            load_rules((str(d),), include_bundled=False)
        except RuleError as exc:
            msg = str(exc)
            assert "\n" not in msg and "\r" not in msg, msg
            assert msg.startswith(str(d)), msg
    finally:
        shutil.rmtree(d, ignore_errors=True)


def _load_config_text(text: str | bytes, name: str = "factlint.toml") -> None:
    d = Path(tempfile.mkdtemp(prefix="fuzzcfg"))
    try:
        f = d / name
        f.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        try:
            cfg = load_config_file(f)
            check_config(cfg, RULES)
        except InputError as exc:
            msg = str(exc)
            assert "\n" not in msg and "\r" not in msg, msg
            assert msg.startswith(str(f)) or msg.startswith("--"), msg
    finally:
        shutil.rmtree(d, ignore_errors=True)


_RULES_DIR = Path(tempfile.mkdtemp(prefix="fuzzbase"))
(_RULES_DIR / "checks.toml").write_text(VALID_RULES)
RULES = load_rules((str(_RULES_DIR),), include_bundled=False)


def test_valid_samples_load():
    assert "FL101" in RULES.checks and "nearly" in RULES.hedges
    d = Path(tempfile.mkdtemp())
    (d / "factlint.toml").write_text(VALID_CONFIG)
    cfg = load_config_file(d / "factlint.toml")
    check_config(cfg, RULES)
    assert cfg.per_path[0].ignore == ["FL101"]


@FAST
@given(rule_texts)
def test_fuzz_rule_text(text):
    _load_rules_text(text)


@FAST
@given(structured_rules)
def test_fuzz_rule_structure(text):
    _load_rules_text(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_rule_bytes(data):
    _load_rules_text(data)


@FAST
@given(config_texts)
def test_fuzz_config_text(text):
    _load_config_text(text)


@FAST
@given(structured_config)
def test_fuzz_config_structure(text):
    _load_config_text(text)


@settings(max_examples=80, deadline=None)
@given(st.one_of(config_texts, structured_config))
def test_fuzz_pyproject(text):
    _load_config_text("[tool.factlint]\n" + text, "pyproject.toml")


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=200), st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["version", "entries", "fingerprint",
                                                             "rule", "articles", "values", "tool"]),
                                            inner, max_size=4)), max_leaves=10).map(
    lambda v: __import__("json").dumps(v))))
def test_fuzz_baseline(text):
    d = Path(tempfile.mkdtemp(prefix="fuzzbl"))
    try:
        f = d / "bl.json"
        f.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_baseline(f)
        except InputError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(str(f))
    finally:
        shutil.rmtree(d, ignore_errors=True)


def test_deeply_nested_toml():
    _load_rules_text("x = " + "[" * 5000 + "]" * 5000)
    _load_config_text("x = " + "[" * 5000 + "]" * 5000)


def test_messages_stay_one_line_with_newlines_in_keys():
    for text in ('[metrics."a\\nb"]\nphrases = 3\n',
                 '[checks."FL1\\n"]\nname="x"\nseverity="error"\nsummary="s"\nmessage="m"\n',
                 '[tolerances.x]\nmetric = "no\\nsuch"\n'):
        _load_rules_text(text)
    _load_config_text('[severity]\n"FL1\\n01" = "loud"\n')
    _load_config_text('"sel\\nect" = 1\n')

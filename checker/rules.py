"""Rule and lexicon data: TOML files under `rules/`, validated at load time.

Every file is a set of top-level tables named after a section (`[hedges.nearly]`,
`[metrics.trade]` ...). Files are read in order (bundled folder first, then each project folder);
an entry with the same section and key replaces the earlier one, so a newsroom can extend or
override the bundled rules without copying them. Each entry remembers the file it came from.

A bad file raises RuleError with "file:line: what is wrong", which the CLI prints as one line
with exit code 2.
"""
from __future__ import annotations

import re
import tomllib
from functools import cached_property, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


def _bundled_rules() -> Path:
    """The rules that ship with factlint: inside the installed package (a wheel: pip, pipx,
    pre-commit), else rules/ beside the package in a checkout (editable install, the repo)."""
    packaged = Path(str(files(__package__) / "bundled_rules"))
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "rules"


BUNDLED_RULES = _bundled_rules()


class RuleError(Exception):
    """A rule file that cannot be used; str() is the one-line message."""


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str = ""  # file the entry came from (set by the loader)


# --- extraction lexicon ---------------------------------------------------------------------

class HedgeRule(Entry):
    """A hedge phrase and the interval it puts around the printed value."""

    phrases: list[str]
    direction: Literal["below", "above", "about", "at_least", "at_most"]
    width: float = Field(ge=0, le=1)  # relative width of the interval on the open side(s)
    position: Literal["before", "after"] = "before"
    # a hedge toward a round figure ("just over", "nearly") reaches at least this share of the
    # figure's printed step: "just over three years" holds 3.2 with 0.25 (see extract/hedges.py)
    round_step: float = Field(default=0.0, ge=0, le=1)


class ScaleRule(Entry):
    words: list[str]
    factor: float = Field(gt=0)
    case_sensitive: bool = False  # "M" for million must not match "m" (metres) in some contexts
    # any: full word after digits or words; digits: abbreviation right after digits ("3bn");
    # currency: only when a currency is stated too ("$5m")
    attach: Literal["any", "digits", "currency"] = "any"
    code_prefixes: list[str] = []  # "M" + ISO code = this scale ("MUSD")


class NumberWordRule(Entry):
    words: list[str]
    value: float
    # multiplier: a word that is a multiplier on its own ("doubled", "halved", "twice")
    kind: Literal["unit", "teen", "ten", "magnitude", "fraction", "ordinal", "quantifier", "multiplier"] = "unit"


class CurrencyRule(Entry):
    """A currency; the table key is its ISO 4217 code (the unit mentions carry)."""

    symbols: list[str] = []  # "$", "US$", "€" (matched as written)
    codes: list[str] = []  # "USD" (any case)
    names: list[str] = []  # "dollar", "dollars", "US dollars" (any case)
    names_after: list[str] = []  # names that are words too: currency only after a number ("won")
    subunits: list[str] = []  # "cents": a hundredth of the unit
    minor: list[str] = []  # the hundredth on its own names this currency ("148p", "45 cents")


class UnitRule(Entry):
    symbol: str  # canonical symbol shown in reports
    aliases: list[str]
    dimension: str  # speed, length, area, mass, energy, power, temperature, magnitude, count
    to_base: float = 1.0  # factor to the dimension's base unit, for conversion in compare
    offset: float = 0.0  # added after the factor (°F -> °C: to_base 5/9, offset -160/9)
    kind: Literal["quantity", "percent", "percentage_point", "multiplier"] = "quantity"
    case_sensitive: bool = False
    glued_only: bool = False  # alias only counts right after the digits ("2.5x")
    before: list[str] = []  # words that name the unit before the number ("magnitude 7.1")
    per_hour: str = ""  # a length: the speed symbol "... per hour" makes of it ("km" -> "km/h")


class DateWordRule(Entry):
    """A month (value 1-12) or weekday (value 1-7, Monday first) name, matched as written."""

    words: list[str]
    value: int = Field(ge=1, le=12)
    kind: Literal["month", "weekday"] = "month"


class RelativeDateRule(Entry):
    """Words that name a date relative to the article's date ("yesterday" = day -1); with
    `counted`, the words follow a count that multiplies the offset ("three days ago")."""

    words: list[str]
    unit: Literal["day", "week", "month", "year", "season"]
    offset: int
    counted: bool = False


class LexiconRule(Entry):
    """A word list the extractor consults by name (year context, identifier prefixes...)."""

    words: list[str]


# --- claim attachment ---------------------------------------------------------------------

class MetricRule(Entry):
    """A fact metric: the phrases that name it and how its values behave."""

    phrases: list[str]
    kinds: list[str] = ["amount"]  # mention kinds the metric takes: amount, count, percent, ...
    aggregation: Literal["flow", "stock", "change", "rank", "count", "property"] = "flow"
    running: bool = False  # a running count (death toll): snapshots change over time
    monotone: bool = False  # its stock only ever grows (deaths, accumulated investment)
    nouns: list[str] = []  # counted nouns that name this metric on their own ("projects")
    verbs: list[str] = []  # verbs that name it when what they count is people ("drew 38,000 people")
    units: list[str] = []  # unit symbols that name this metric on their own ("7.9-magnitude")
    sum_of: list[str] = []  # metrics whose values in one sentence add up to this one
    parties: int = Field(default=1, ge=1, le=2)  # 2: a relation between two countries (trade)
    directional: bool = False  # the order of the two sides matters (exports from A to B)
    label: str = ""

    @field_validator("phrases")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        if not v or any(not p.strip() for p in v):
            raise ValueError("phrases must be a non-empty list of non-empty strings")
        return v


class EntityRule(Entry):
    """A named entity; the table key is its canonical name ("Vietnam", "World Bank")."""

    aliases: list[str] = []  # other names and spellings; case and diacritics are folded
    demonyms: list[str] = []  # adjective / people forms ("Vietnamese", "Lao"), folded too
    codes: list[str] = []  # abbreviations matched exactly as written ("US", "DRC", "WHO")
    kind: Literal["country", "place", "person", "organisation", "event"] = "country"
    titles: list[str] = []  # titles the person is named with ("General Secretary")

    @field_validator("aliases", "demonyms", "titles")
    @classmethod
    def _names(cls, v: list[str]) -> list[str]:
        if any(not any(ch.isalpha() for ch in name) for name in v):
            raise ValueError("every name must contain a letter")
        return v

    @field_validator("codes")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        for code in v:
            # All lower case, "us" would be the pronoun: a code must say it is one.
            if not code or code != code.strip() or " " in code or not any(ch.isupper() for ch in code):
                raise ValueError(f"code {code!r} must be one word with a capital letter")
        return v


class ScopeRule(Entry):
    """Words that set a claim's aggregation, modality or period."""

    phrases: list[str]
    sets: Literal["aggregation", "modality", "period"]
    value: str  # stock, target, forecast, estimate, ytd, ...


class CheckRule(Entry):
    """A check with a stable code; its examples run as tests."""

    name: str
    severity: Literal["error", "warning", "info"]
    summary: str
    message: str
    rationale: str = ""
    group: str = "values"
    examples: list[dict[str, Any]] = []


class MatchingRule(Entry):
    """How claim pairs are scored as one fact (rules/matching.toml)."""

    threshold: float = Field(ge=0, le=1)
    min_measure: float = Field(ge=0, le=1)
    align_threshold: float = Field(ge=0, le=1)
    same_article_margin: float = Field(default=0.1, ge=0, le=1)
    sure_measure: float = Field(default=0.8, ge=0, le=1)
    same_state_days: int = Field(default=7, ge=0)
    weights: dict[Literal["measure", "subject", "time", "context"], float]
    roles: dict[str, float]


class ToleranceRule(Entry):
    """Extra relative slack for a metric or unit before intervals are said not to overlap."""

    metric: str | None = None
    unit: str | None = None
    relative: float = Field(default=0.0, ge=0, le=1)


SECTIONS: dict[str, type[Entry]] = {
    "hedges": HedgeRule,
    "scales": ScaleRule,
    "number_words": NumberWordRule,
    "currencies": CurrencyRule,
    "units": UnitRule,
    "date_words": DateWordRule,
    "relative_dates": RelativeDateRule,
    "lexicon": LexiconRule,
    "grammar": LexiconRule,
    "metrics": MetricRule,
    "entities": EntityRule,
    "scope": ScopeRule,
    "checks": CheckRule,
    "tolerances": ToleranceRule,
    "matching": MatchingRule,
}


class RuleSet(BaseModel):
    model_config = ConfigDict(frozen=True)
    hedges: dict[str, HedgeRule] = {}
    scales: dict[str, ScaleRule] = {}
    number_words: dict[str, NumberWordRule] = {}
    currencies: dict[str, CurrencyRule] = {}
    units: dict[str, UnitRule] = {}
    date_words: dict[str, DateWordRule] = {}
    relative_dates: dict[str, RelativeDateRule] = {}
    lexicon: dict[str, LexiconRule] = {}
    grammar: dict[str, LexiconRule] = {}  # closed word classes (rules/grammar.toml)
    metrics: dict[str, MetricRule] = {}
    entities: dict[str, EntityRule] = {}
    scope: dict[str, ScopeRule] = {}
    checks: dict[str, CheckRule] = {}
    tolerances: dict[str, ToleranceRule] = {}
    matching: dict[str, MatchingRule] = {}
    files: list[str] = []

    def unit(self, symbol: str) -> "UnitRule | None":
        """The unit written with this canonical symbol ("km/h"), if the rules know it."""
        return next((u for u in self.units.values() if u.symbol == symbol), None)

    def tolerance(self, name: str, default: float) -> float:
        """A named setting of rules/tolerances.toml ("snapshot_gap", "exchange_rate")."""
        rule = self.tolerances.get(name)
        return rule.relative if rule is not None else default

    def version(self) -> str:
        """A hash of the effective rules, for caches and baselines (computed once: the rules
        are frozen, and every stage keys its compiled lexicons on it)."""
        return self._version

    @cached_property
    def _version(self) -> str:
        import hashlib

        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]


def _line_of(text: str, section: str, key: str, field: str | None = None) -> int:
    """Best line for an error about section.key(.field): the table header, then the field."""
    lines = text.splitlines()
    qkey = re.escape(key)
    header = re.compile(rf'^\s*\[\s*{re.escape(section)}\s*\.\s*("?){qkey}\1\s*[\].]')
    inline = re.compile(rf'^\s*("?){qkey}\1\s*=')
    start = 0
    for i, line in enumerate(lines):
        if header.match(line):
            start = i + 1
            break
    else:
        in_section = False
        for i, line in enumerate(lines):
            if re.match(rf"^\s*\[\s*{re.escape(section)}\s*\]", line):
                in_section = True
            elif line.lstrip().startswith("["):
                in_section = False
            elif in_section and inline.match(line):
                return i + 1
        return 1
    if field:
        for j in range(start, len(lines)):
            if lines[j].lstrip().startswith("[") and j > start - 1:
                break
            if re.match(rf"^\s*{re.escape(field)}\s*=", lines[j]):
                return j + 1
    return start


def _read_toml(path: Path) -> tuple[str, dict]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise RuleError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib messages end with "(at line N, column M)"; lead with the location instead.
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        if m:
            msg = msg[: m.start()].strip()
            raise RuleError(f"{path}:{m.group(1)}: invalid TOML: {msg}") from None
        raise RuleError(f"{path}: invalid TOML: {msg}") from None
    except RecursionError:
        raise RuleError(f"{path}: invalid TOML: nested too deeply") from None


def _extended(earlier: Entry | None, body: dict, where: Callable[[], str]) -> dict:
    """`extends = true`: add to an earlier entry instead of replacing it (lists are appended,
    other fields given here replace the earlier ones)."""
    body = dict(body)
    if not body.pop("extends", False):
        return body
    if earlier is None:
        raise RuleError(f"{where()}: extends = true but there is no earlier entry to extend")
    base = earlier.model_dump(exclude={"source"})
    for k, v in body.items():
        if isinstance(v, list) and isinstance(base.get(k), list):
            base[k] = base[k] + [x for x in v if x not in base[k]]
        else:
            base[k] = v
    return base


def _validate_file(path: Path, text: str, data: dict,
                   earlier: dict[str, dict[str, Entry]] | None = None) -> dict[str, dict[str, Entry]]:
    out: dict[str, dict[str, Entry]] = {}
    for section, table in data.items():
        model = SECTIONS.get(section)
        if model is None:
            line = _find_top(text, section)
            known = ", ".join(sorted(SECTIONS))
            raise RuleError(f"{path}:{line}: unknown section [{section}] (known: {known})")
        if not isinstance(table, dict):
            raise RuleError(f"{path}:{_find_top(text, section)}: [{section}] must be a table")
        for key, body in table.items():
            if not isinstance(body, dict):
                line = _line_of(text, section, key)
                raise RuleError(f"{path}:{line}: {section}.{key} must be a table")
            # The line is only looked up for an error: scanning the file per entry is slow.
            body = _extended((earlier or {}).get(section, {}).get(key), body,
                             lambda: f"{path}:{_line_of(text, section, key)}: {section}.{key}")
            try:
                entry = model.model_validate({**body, "source": str(path)})
            except ValidationError as exc:
                err = exc.errors()[0]
                field = ".".join(str(p) for p in err["loc"])
                line = _line_of(text, section, key, str(err["loc"][0]) if err["loc"] else None)
                where = f"{section}.{key}" + (f".{field}" if field else "")
                raise RuleError(f"{path}:{line}: {where}: {err['msg']}") from None
            out.setdefault(section, {})[key] = entry
    return out


def _find_top(text: str, section: str) -> int:
    for i, line in enumerate(text.splitlines()):
        if re.match(rf"^\s*\[\s*{re.escape(section)}\s*[\].]", line) or re.match(
            rf"^\s*{re.escape(section)}\s*=", line
        ):
            return i + 1
    return 1


def load_rules(extra_dirs: tuple[str, ...] = (), include_bundled: bool = True,
               cache_dir: Path | None = None) -> RuleSet:
    """Bundled rules, then each extra folder in order; later entries override earlier ones.
    With `cache_dir`, rules validated once are read back from there while no rule file (and
    no line of this module) has changed."""
    try:
        return _load(tuple(str(d) for d in extra_dirs), include_bundled, cache_dir)
    except RuleError as exc:
        msg = str(exc)
        if "\n" in msg or "\r" in msg:  # e.g. a quoted key with a newline: keep it one line
            raise RuleError(msg.replace("\r", "\\r").replace("\n", "\\n")) from None
        raise


@lru_cache(maxsize=8)
def _load(extra_dirs: tuple[str, ...], include_bundled: bool, cache_dir: Path | None = None) -> RuleSet:
    dirs = ([BUNDLED_RULES] if include_bundled else []) + [Path(d) for d in extra_dirs]
    entry = _cache_entry(cache_dir, dirs) if cache_dir is not None else None
    cached = _read_cached(entry) if entry is not None else None
    if cached is not None:
        return cached
    merged: dict[str, dict[str, Entry]] = {s: {} for s in SECTIONS}
    files: list[str] = []
    for d in dirs:
        if not d.is_dir():
            raise RuleError(f"{d}: rules folder not found")
        for path in sorted(d.glob("*.toml")):
            text, data = _read_toml(path)
            for section, entries in _validate_file(path, text, data, merged).items():
                merged[section].update(entries)
            files.append(str(path))
    _check_references(merged)
    rules = RuleSet(**merged, files=files)
    if entry is not None:
        _write_cached(entry, rules)
    return rules


# --- cache of validated rules ------------------------------------------------------------------
# Parsing and validating every TOML file is a good part of a small run's start-up. The entry is
# the RuleSet as JSON, keyed by this module's source, the pydantic version, and every rule file's
# path and bytes: a change to any of them is a miss. Read back, the JSON is validated again.

RULES_CACHE = "rules-v1"  # sub-folder of the cache; bump when the layout of an entry changes


def _cache_entry(cache_dir: Path, dirs: list[Path]) -> Path | None:
    """Where the rules read from `dirs` are cached; None when a folder or file cannot be read
    (the loader then reports it)."""
    import hashlib

    import pydantic

    h = hashlib.sha256(pydantic.VERSION.encode() + b"\0")
    try:
        h.update(Path(__file__).read_bytes())
        for d in dirs:
            h.update(b"\0dir\0" + str(d).encode("utf-8", "surrogateescape"))
            for path in sorted(d.glob("*.toml")):
                h.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes())
    except OSError:
        return None
    return cache_dir / RULES_CACHE / f"{h.hexdigest()}.json"


def _read_cached(entry: Path) -> RuleSet | None:
    from . import cachefiles

    data = cachefiles.read(entry)
    if not data:
        return None
    try:
        return RuleSet.model_validate_json(data)
    except ValueError:  # corrupt or foreign: validated afresh and rewritten
        return None


def _write_cached(entry: Path, rules: RuleSet) -> None:
    """Cache the rules when their JSON reads back as the very same rules (a TOML date inside a
    check's example would come back as text: such rules are not cached)."""
    from . import cachefiles

    text = rules.model_dump_json()
    try:
        same = RuleSet.model_validate_json(text) == rules
    except ValueError:
        same = False
    if same:
        cachefiles.prepare(entry.parent.parent)
        cachefiles.write(entry, text)


def _where(source: str, section: str, key: str, field: str | None = None) -> str:
    """"file:line" for an entry found wrong after merging (line of its table or field)."""
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return source
    return f"{source}:{_line_of(text, section, key, field)}"


def _check_references(merged: dict[str, dict[str, Entry]]) -> None:
    for key, tol in merged["tolerances"].items():
        assert isinstance(tol, ToleranceRule)
        if tol.metric and tol.metric not in merged["metrics"]:
            where = _where(tol.source, "tolerances", key, "metric")
            raise RuleError(f"{where}: tolerances.{key}.metric: unknown metric {tol.metric!r}")
    for code in merged["checks"]:
        if not re.fullmatch(r"FL\d{3}", code):
            where = _where(merged["checks"][code].source, "checks", code)
            raise RuleError(f"{where}: checks.{code}: a check code is FL and three digits")

"""The extraction lexicon: every word table the passes consult, built once per RuleSet.

Nothing here is English: the words come from rules/numbers.toml, units.toml, hedges.toml and
extract.toml; this module only indexes them (lower-cased where matching ignores case).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..rules import HedgeRule, RelativeDateRule, RuleSet, UnitRule


class WordKind(NamedTuple):
    """What a single word means to the number grammar."""

    kind: str  # unit, teen, ten, mag, hundred, fraction, ordinal, quantifier, article, neg, point,
    #            glued_unit, glued_ordinal, fracden
    value: float


class Scale(NamedTuple):
    factor: float
    attach: str  # any, digits, currency


class ScaledCode(NamedTuple):
    code: str  # ISO 4217
    factor: float


@dataclass
class Lexicon:
    rules: RuleSet
    words: dict[str, WordKind]  # lower number word -> meaning
    quantifiers: dict[str, float]  # lower plural -> base ("hundreds" -> 100)
    tens: dict[str, float]  # lower "twenty" -> 20 (glued compounds: "twentyfifth")
    scale_any: dict[str, float]
    scale_abbr: dict[str, Scale]  # exact case
    scale_abbr_ci: dict[str, Scale]  # lower
    months: dict[str, int]
    full_months: frozenset[str]  # the longest spelling of each month ("January", "May")
    weekdays: dict[str, str]  # as written -> canonical lower name ("Mondays" -> "monday")
    cur_symbols: dict[str, str]
    cur_symbols_ci: dict[str, str]  # lower symbols holding "$" ("us$") -> code
    cur_codes: dict[str, str]  # lower -> code
    cur_names: dict[str, str]  # lower -> code
    cur_names_after: dict[str, str]  # lower -> code, only after a number ("won")
    cur_scaled: dict[str, ScaledCode]  # lower "musd" -> (USD, 1e6)
    cur_minor: dict[str, str]  # "pence" -> GBP, "p" -> GBP (one letter: as written)
    subunits: dict[str, frozenset[str]]
    units: dict[str, UnitRule]  # alias as written
    units_ci: dict[str, UnitRule]  # lower alias
    hedge_before: dict[str, HedgeRule]
    hedge_after: dict[str, HedgeRule]
    relative: dict[str, RelativeDateRule] = field(default_factory=dict)  # lower phrase -> rule
    unit_rules: dict[str, UnitRule] = field(default_factory=dict)  # canonical symbol -> first rule
    lists: dict[str, frozenset[str]] = field(default_factory=dict)

    lowered: dict[str, frozenset[str]] = field(default_factory=dict)
    hint_words: dict[str, frozenset[str]] = field(default_factory=dict)
    kinds: dict[str, WordKind] = field(default_factory=dict)  # every word word_kind reads
    compiled: Any = None  # its Patterns, once compiled (patterns.patterns)

    def __post_init__(self) -> None:
        self.lowered = {k: frozenset(w.lower() for w in v) for k, v in self.lists.items()}
        self.kinds = _word_kinds(self)
        self.hint_words = {name: frozenset(_hint_words(self, name)) for name in HINTS}

    def hints(self, name: str) -> frozenset[str]:
        """Words one of which a text must hold for a pass to look for `name` (months, weekdays,
        periods, relative dates, identifiers, streets): lower case for the passes that read
        in any case."""
        return self.hint_words[name]

    def unit_rule(self, symbol: str) -> UnitRule | None:
        return self.unit_rules.get(symbol) if symbol else None

    def lst(self, name: str) -> frozenset[str]:
        """A named word list from [lexicon.NAME] (empty when the rules do not define it)."""
        return self.lists.get(name, EMPTY)

    def lower(self, name: str) -> frozenset[str]:
        """The same list lower-cased, for case-insensitive look-ups."""
        return self.lowered.get(name, EMPTY)

    def word_kind(self, w: str) -> WordKind | None:
        """The meaning of one number word, or None when it is not part of a number."""
        return self.kinds.get(w.lower())

    def number_words(self) -> set[str]:
        """Every whole word `word_kind` reads (glued compounds, plural fractions, "threefold"),
        except "point", which only continues a number."""
        folds = {w + s for w, k in self.words.items() if k.kind in ("unit", "teen", "ten")
                 for s in self.lower("multiplier_suffix")}
        return {w for w, k in self.kinds.items() if k.kind != "point"} | folds

    def symbol(self, tok: str) -> str | None:
        """The currency a symbol stands for ("US$" -> USD); "$" symbols in any case."""
        code = self.cur_symbols.get(tok)
        if code is None and "$" in tok:
            code = self.cur_symbols_ci.get(tok.lower())
        return code

    def currency_word(self, tok: str) -> ScaledCode | None:
        """The currency (and scale, for "MUSD") an ISO code or a currency name stands for."""
        low = tok.lower()
        if low in self.cur_scaled:
            return self.cur_scaled[low]
        code = self.cur_codes.get(low) or self.cur_names.get(low) or self.cur_names_after.get(low)
        return ScaledCode(code, 1.0) if code else None


_LETTERS = re.compile(r"[A-Za-z]+")
EMPTY: frozenset[str] = frozenset()
HINTS = ("months", "weekdays", "identifiers", "streets", "periods", "relative", "relative_counted")


def _word_kinds(lx: Lexicon) -> dict[str, WordKind]:
    """Number words, then vague quantifiers, glued compounds ("twentyfifth") and plural
    fractions ("thirds"), the earlier winning."""
    kinds = dict(lx.words)
    for w, q in lx.quantifiers.items():
        kinds.setdefault(w, WordKind("quantifier", q))
    for tens, tv in lx.tens.items():
        for w, k in lx.words.items():
            if k.kind in ("unit", "ordinal") and k.value < 10:
                kinds.setdefault(tens + w, WordKind("glued_" + k.kind, tv + k.value))
    for w, k in lx.words.items():
        if k.kind == "ordinal" and 3 <= k.value <= 100:
            kinds.setdefault(w + "s", WordKind("fracden", k.value))
    return kinds


def _hint_words(lx: Lexicon, name: str) -> set[str]:
    """The letter runs any text holding a `name` expression holds (see Lexicon.hints)."""
    if name == "months":
        return {m.group() for w in lx.months for m in _LETTERS.finditer(w)}
    if name == "weekdays":
        return set(lx.weekdays)
    if name == "identifiers":  # the first word of each prefix, as written
        return {m.group() for p in lx.lst("identifier_prefix") if (m := _LETTERS.search(p))}
    if name == "streets":
        return set(lx.lst("street_types"))
    if name == "periods":
        return {w.lower() for key in ("period_first", "quarter_words", "half_words", "fiscal_words",
                                      "quarter_abbrev", "half_abbrev", "fiscal_abbrev") for w in lx.lst(key)}
    if name in ("relative", "relative_counted"):  # every phrase ends with one of these
        counted = name == "relative_counted"
        return {w.split()[-1].lower() for r in lx.rules.relative_dates.values() if r.counted == counted
                for w in r.words}
    raise KeyError(name)


_CACHE: dict[int, tuple[RuleSet, Lexicon]] = {}


def lexicon(rules: RuleSet) -> Lexicon:
    """The lexicon of `rules`, built once (cached on the RuleSet's identity)."""
    hit = _CACHE.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    lx = _build(rules)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[id(rules)] = (rules, lx)
    return lx


def _number_words(rules: RuleSet) -> tuple[dict[str, WordKind], dict[str, float], dict[str, float]]:
    words: dict[str, WordKind] = {}
    quantifiers: dict[str, float] = {}
    for nw in rules.number_words.values():
        for w in nw.words:
            if nw.kind == "quantifier":
                quantifiers.setdefault(w.lower(), nw.value)
            else:
                words[w.lower()] = WordKind(nw.kind, nw.value)
    for sc in rules.scales.values():
        if sc.attach == "any":
            for w in sc.words:
                words.setdefault(w.lower(), WordKind("hundred" if sc.factor == 100 else "mag", sc.factor))
    for lw in _lists(rules).get("number_article", ()):
        words.setdefault(lw.lower(), WordKind("article", 0))
    for lw in _lists(rules).get("number_negative", ()):
        words.setdefault(lw.lower(), WordKind("neg", 0))
    for lw in _lists(rules).get("decimal_point", ()):
        words.setdefault(lw.lower(), WordKind("point", 0))
    tens = {w: k.value for w, k in words.items() if k.kind == "ten"}
    return words, quantifiers, tens


def _scales(rules: RuleSet) -> tuple[dict[str, float], dict[str, Scale], dict[str, Scale], dict[str, float]]:
    scale_any: dict[str, float] = {}
    abbr: dict[str, Scale] = {}
    abbr_ci: dict[str, Scale] = {}
    code_prefix: dict[str, float] = {}
    for sc in rules.scales.values():
        for w in sc.words:
            if sc.attach == "any":
                scale_any[w.lower()] = sc.factor
            elif sc.case_sensitive:
                abbr[w] = Scale(sc.factor, sc.attach)
            else:
                abbr_ci[w.lower()] = Scale(sc.factor, sc.attach)
        for p in sc.code_prefixes:
            code_prefix[p.lower()] = sc.factor
    return scale_any, abbr, abbr_ci, code_prefix


def _lists(rules: RuleSet) -> dict[str, frozenset[str]]:
    return {k: frozenset(v.words) for k, v in rules.lexicon.items()}


def _dates(rules: RuleSet) -> tuple[dict[str, int], frozenset[str], dict[str, str]]:
    months: dict[str, int] = {}
    full: set[str] = set()
    weekdays: dict[str, str] = {}
    for key, dw in rules.date_words.items():
        for w in dw.words:
            if dw.kind == "month":
                months[w] = dw.value
            else:
                weekdays[w] = key.lower()
        if dw.kind == "month" and dw.words:
            full.add(max(dw.words, key=len))
    return months, frozenset(full), weekdays


def _currencies(lx: dict, rules: RuleSet, code_prefix: dict[str, float]) -> None:
    sym: dict[str, str] = {}
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    scaled: dict[str, ScaledCode] = {}
    subunits: dict[str, frozenset[str]] = {}
    minor: dict[str, str] = {}
    after: dict[str, str] = {}
    for code, cr in rules.currencies.items():
        for w in cr.minor:
            minor.setdefault(w if len(w) == 1 else w.lower(), code)
        for s in cr.symbols:
            sym[s] = code
        for c in cr.codes:
            codes[c.lower()] = code
            for p, f in code_prefix.items():
                scaled[p + c.lower()] = ScaledCode(code, f)
        for n in cr.names:
            names[n.lower()] = code
        for n in cr.names_after:
            after[n.lower()] = code
        subunits[code] = frozenset(s.lower() for s in cr.subunits)
    sym_ci: dict[str, str] = {}
    for s, code in sym.items():  # first symbol wins, as written order
        if "$" in s:
            sym_ci.setdefault(s.lower(), code)
    lx.update(cur_symbols=sym, cur_symbols_ci=sym_ci, cur_codes=codes, cur_names=names,
              cur_scaled=scaled, subunits=subunits, cur_minor=minor, cur_names_after=after)


def _build(rules: RuleSet) -> Lexicon:
    words, quantifiers, tens = _number_words(rules)
    scale_any, abbr, abbr_ci, code_prefix = _scales(rules)
    months, full_months, weekdays = _dates(rules)
    units: dict[str, UnitRule] = {}
    units_ci: dict[str, UnitRule] = {}
    for u in rules.units.values():
        for a in u.aliases:
            if u.case_sensitive:
                units[a] = u
            else:
                units_ci[a.lower()] = u
    hedge_before: dict[str, HedgeRule] = {}
    hedge_after: dict[str, HedgeRule] = {}
    for h in rules.hedges.values():
        for p in h.phrases:
            (hedge_before if h.position == "before" else hedge_after)[p.lower()] = h
    cur: dict = {}
    _currencies(cur, rules, code_prefix)
    relative = {w.lower(): r for r in rules.relative_dates.values() for w in r.words}
    unit_rules: dict[str, UnitRule] = {}
    for u in rules.units.values():
        unit_rules.setdefault(u.symbol, u)
    return Lexicon(rules=rules, words=words, quantifiers=quantifiers, tens=tens, scale_any=scale_any,
                   scale_abbr=abbr, scale_abbr_ci=abbr_ci, months=months, full_months=full_months,
                   weekdays=weekdays, units=units, units_ci=units_ci, hedge_before=hedge_before,
                   hedge_after=hedge_after, relative=relative, unit_rules=unit_rules, lists=_lists(rules),
                   **cur)

"""Regular expressions of the extraction passes, compiled once per RuleSet from its lexicon.

Word alternatives are written as tries (fast in `re`, longest match first). Patterns named
`*_rev` run on the reversed text before a number, so "what stands before" is a forward match.
"""
from __future__ import annotations

import re
from typing import Any

from .lexicon import Lexicon

MONEY_MARKS = "$€£¥"  # characters that open an amount: a digit after them is money, not a year

MAX_DIGITS = 30  # a longer digit group is no quantity (and would not fit a float)
# Every repetition is bounded, so reading one number costs the same however long the run of
# digits, commas or spaced groups around it ("100 101 102 ..." is not one number).
DIGITS = (
    r"\d{1,3}(?:,\d{3}){1,8}(?:\.\d{1,%(d)d})?(?![\d,])"  # 1,234,567.89
    r"|\d{1,3}(?:[\u202f\u2009\u00a0 ]\d{3}){1,4}(?:[.,]\d{1,%(d)d})?(?![\d]|[\u202f\u2009\u00a0 ]\d)"  # 40 000
    r"|\d{1,%(d)d}(?:[.,]\d{1,%(d)d}){0,8}"  # 1234, 2.98, 1.111,11, 12,34,567.89, 22,24,26
    r"|\.\d{1,%(d)d}"  # .25
) % {"d": MAX_DIGITS}


def trie(words, spaces: bool = False) -> str:
    """An alternation matching any of `words`, longest first, written as a trie. With
    `spaces`, a space in a phrase matches any run of white space."""
    root: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            esc = r"\s+" if spaces and ch == " " else re.escape(ch)
            alts.append(esc + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(root) or "(?!)"


def rev(words) -> str:
    """A trie of the reversed words, for matching on reversed text."""
    return trie([w[::-1] for w in words])


def ci(words, spaces: bool = False) -> str:
    return "(?i:" + trie(words, spaces) + ")"


class Patterns:
    """Every compiled pattern, as attributes (built by `patterns`)."""

    skip_gates: list[tuple[str, re.Pattern[str] | str]]  # (name, gate) of the skip alternatives
    skip_combined: dict[tuple[str, ...], re.Pattern[str]]  # alternations compiled so far

    def __init__(self, **kw: re.Pattern[str]) -> None:
        self.__dict__.update(kw)

    def __getattr__(self, name: str) -> re.Pattern[str]:  # for type checkers
        raise AttributeError(name)


def patterns(lx: Lexicon) -> Patterns:
    """The patterns of a lexicon, compiled once (kept on the lexicon)."""
    if lx.compiled is None:
        p = Patterns(**_numbers(lx), **_affixes(lx), **_hedges(lx), **_skip(lx), **_dates(lx), **_periods(lx),
                     **_relative(lx))
        p.skip_gates = [(name, gate if gate.isalpha() else _c(gate)) for name, _, gate in skip_alternatives(lx)]
        p.skip_combined = {}
        lx.compiled = p
    return lx.compiled


def _c(rx: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rx, flags)


def _numbers(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    conj = ci(lx.lst("and"))
    spellings = {v for w in lx.number_words() for v in (w, w.capitalize(), w.upper())}
    return {
        # where a number may start: a digit (not inside a digit group), or a whole number word in
        # lower case, capitalised or in capitals (the lookbehinds come after the character, so
        # that `re` can scan for the character fast)
        "anchor": _c(r"(?P<dig>\.(?=\d)(?<![\w\x00.]\.)|\d(?<![\d\x00]\d))|(?P<w>(?<![A-Za-z])"
                     + trie(sorted(spellings)) + r"(?![A-Za-z]))"),
        "token": _c(r"(?P<sep>\s*(?:[-–—‑]|,|&)\s*|\s+" + conj + r"\s+|\s+)?"
                    r"(?:(?P<num>" + DIGITS + r")|(?P<word>[A-Za-z]+))"),
        "letters": _c(r"[A-Za-z]+"),
        "letters_digits": _c(r"[A-Za-z]+\d+"),
        "lead_digits": _c(r"\d+"),
        "digit_run": _c(r"\d+(?:[.,]\d+)*"),
        "any_digit": _c(r"\d"),
        "quant_of": _c(r"\s+" + ci(lx.lst("of")) + r"\s+(?:(?P<q>[A-Za-z]+)\s+" + ci(lx.lst("of")) + r"\s+)?"),
        "and_a_half": _c(r"\s+" + ci(lx.lst("and_a_half"), spaces=True) + r"\b"),
        "scale_word": _c(r"\s+(?P<s>" + ci(list(lx.scale_any)) + r")(?![A-Za-z])"),
        "sci": _c(r"\s*[×x*]\s*10\s*\^?\s*(?P<e>[-−]?\d{1,3})(?!\d)"),
        "fraction": _c(r"/(\d{1,4})(?![\d/]|[A-Za-z])"),
        "word_after": _c(r"\s+([A-Za-z][A-Za-z'-]*\.?)"),
        "word_before": _c(r"([A-Za-z][A-Za-z'-]*\.?)\s+$"),
        "noun": _c(r"(?:-|[ \t\n]+)([A-Za-z][A-Za-z'’-]*)"),
        "hyphen_word": _c(r"-([A-Za-z]+)"),
        "plus_or_rev": _c(r"\s*(?i:" + rev(lx.lst("plus_or")) + r")(?![A-Za-z])"),
        "glued_unit": _c(r"[A-Za-z]{2,6}(?![\w])"),
    }


def _affixes(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    sym_cs = [s for s in lx.cur_symbols if "$" not in s]
    sym_ci = sorted({s.lower() for s in lx.cur_symbols if "$" in s})
    sym = "(?:" + trie(sym_cs) + "|(?i:" + trie(sym_ci) + "))"
    sym_rev = "(?:" + rev(sym_cs) + "|(?i:" + rev(sym_ci) + "))"
    codes_names = list(lx.cur_codes) + list(lx.cur_names) + list(lx.cur_scaled)
    marks = re.escape(MONEY_MARKS)
    return {
        "scale_abbr": _c(r"(?P<sp>[ \t]{0,2})(?P<s>" + trie(list(lx.scale_abbr)) + r")(?![A-Za-z0-9])"),
        "scale_abbr_ci": _c(r"(?P<sp>[ \t]{0,2})(?P<s>" + ci(list(lx.scale_abbr_ci)) + r")(?![A-Za-z0-9])"),
        "cur_sym_after": _c(r"(?P<sp>\s{0,2})(?P<c>" + sym + r")(?![A-Za-z])(?!\s?\.?\d)"),
        "minor_after": _c(r"(?:(?P<sp>[ \t]?)(?P<w>" + ci([w for w in lx.cur_minor if len(w) > 1], spaces=True)
                          + r")|(?P<g>" + trie([w for w in lx.cur_minor if len(w) == 1]) + r"))(?![A-Za-z])"),
        "cur_word_after": _c(r"(?P<sp>[ \t\n]{0,2}|-)(?P<c>" + ci(codes_names + list(lx.cur_names_after))
                             + r")(?![A-Za-z])"),
        # a symbol that ends (reversed: starts) with a letter must start a word ("us $" in "minus $")
        "cur_sym_rev": _c(r"(?P<sp>\s{0,2})(?P<c>" + sym_rev + r")(?:(?<=[A-Za-z])(?![A-Za-z])|(?<![A-Za-z]))"),
        "cur_word_rev": _c(r"(?P<sp>\s{0,2})(?P<c>(?i:" + rev(codes_names) + r"))(?![A-Za-z])"),
        "unit_cs": _c(r"(?P<sp>[ \t\n]{0,2}|-)(?P<u>" + trie(list(lx.units)) + r")(?![A-Za-z0-9²³])"),
        "unit_ci": _c(r"(?P<sp>[ \t\n]{0,2}|-)(?P<u>" + ci(list(lx.units_ci)) + r")(?![A-Za-z0-9²³])"),
        "unit_before_rev": _c(r"[\s-]*(?P<u>(?i:" + rev(_unit_prefixes(lx)) + r"))"),
        "speed_per": _c(r"\s*" + ci(sorted(lx.lst("speed_per"))) + r"(?![A-Za-z])"),
        "ordinal_rev": _c(r"(?P<sp>\s{0,2})(?P<o>" + rev(sorted(lx.lst("ordinal_prefix"))) + r")(?![A-Za-z])"),
        "ord_suffix": _c(trie(lx.lst("ordinal_suffix")) + r"(?![A-Za-z])"),
        "superlative": _c(r"-(?:[a-z]+" + trie(lx.lst("superlative_ending")) + "|"
                          + trie(lx.lst("ordinal_compound")) + r")\b"),
        "times": _c(r"\s+" + ci(lx.lst("times")) + r"(?![A-Za-z])"),
        # "18- to 24-year-olds": a hyphen left hanging before "to" belongs to the range
        "range_sep": _c(r"\s*(?:(?:-\s+)?" + ci(lx.lst("range_to")) + r"\b|[-–—~])\s*(?=[\d" + marks + r".]|[A-Za-z])"),
        "ratio_sep": _c(r"\s+" + ci(lx.lst("ratio_sep"), spaces=True) + r"\s+(?=[\dA-Za-z])"),
        "between_and": _c(r"\s+" + trie(lx.lst("and")) + r"\s+"),
        "percent_of": _c(r"(?<![A-Za-z])" + ci(lx.lst("percent_of")) + r"\s+" + ci(lx.lst("of")) + r"\s+"),
        "age_after": _c(r"(?:-|\s+)" + ci(lx.lst("age_after"), spaces=True) + r"(?![A-Za-z])"),
        "age_before_rev": _c(r"\s+(?:" + rev(lx.lower("age_before")) + r")(?![A-Za-z])", re.I),
        "apposition_rev": _c(r"\s*,\s*(?:(?i:" + rev(lx.lower("age_apposition_before")) + r")|[a-z]+[A-Z])(?![A-Za-z])"),
        "article_after": _c(r"\s+" + ci(lx.lst("number_article")) + r"(?=\s)"),
        "of_after": _c(r"\s+" + ci(lx.lst("of")) + r"\s+[A-Za-z]"),
        "twin_open": _c(r"\s*\(\s*"),
        "twin_close": _c(r"\s*\)"),
        "twin_or": _c(r",\s+or\s+"),
        "sub_sep": _c(r"(\s+" + trie(lx.lst("and")) + r"\s+|\s+)"),
        "sub_word": _c(r"\s*([A-Za-z]+)(?![A-Za-z])"),
        "sub_not_before": _c(r"\s*[A-Za-z]"),
        "sub_more_less": _c(r"\s+" + trie(lx.lst("subunit_not_before")) + r"\b"),
        "sub_digit": _c(r"\s*\d"),
        "sub_dash_digit": _c(r"\s*[-–]|\s*\d"),
    }


def _unit_prefixes(lx: Lexicon) -> list[str]:
    return sorted({w for u in lx.rules.units.values() for w in u.before})


def _hedges(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    marks = re.escape(MONEY_MARKS)
    return {
        "hedge_rev": _c(r"(?P<art>\s*(?:(?i:" + rev(lx.lst("hedge_article")) + r")\s+)?)(?P<h>(?i:"
                        + rev(list(lx.hedge_before)) + r"))(?:(?<=[A-Za-z.])(?![A-Za-z])|(?<![A-Za-z.]))"),
        "hedge_after": _c(r"(?P<sp>\s*)(?P<h>" + ci(list(lx.hedge_after)) + r")(?![A-Za-z])(?!\s*(?:"
                          + ci(lx.lst("hedge_after_not_before")) + r"\s*)?[-\d" + marks + "])"),
        "or_equal": _c(r"\s+" + ci(sorted(lx.lst("or_equal"))) + r"(?![A-Za-z])(?!\s*(?:"
                       + ci(lx.lst("or_equal_not_before")) + r"\s*)?[-\d" + marks + "])"),
    }


SKIP_REACH = 48  # characters from where a skipped identifier starts to its first digit


def skip_alternatives(lx: Lexicon) -> list[tuple[str, str, str]]:
    """(name, pattern, gate) of what the skip pass masks, in priority order. Each holds a digit
    within SKIP_REACH characters of its start; the gate is a cheap pattern any match needs, or
    the name of the Lexicon.hints words one of which it needs, so that a sentence is scanned
    only for what it may hold."""
    clock = r"(?:" + trie(lx.lst("clock_am") | lx.lst("clock_pm")) + r")(?:(?<=\.)|(?!\w))"
    marks = re.escape(MONEY_MARKS)
    return [
        ("phone", r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(\d{1,4}\))?(?:[\s.-]?\d{1,5}){2,5}(?![\w])"
                  r"|\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,5}(?!\d)"
                  r"|(?<![\w,.])0\d{2,3}[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\w])"
                  r"|(?<![\w,.])\d{3}-\d{3}-\d{4}(?!\d)", r"\+\d|\)\s?\d|\d[\s.-]\d\d\d"),
        ("ident", r"(?<![A-Za-z])(?:" + trie(lx.lst("identifier_prefix")) + r")\s*(?:" + trie(lx.lst("number_abbrev"))
                  + r"\.?\s*)?#?\d[\w./-]*(?:-[A-Z][\w-]*)?(?:[ .-]\d{2,4}(?![\d,]))*", "identifiers"),
        ("code", r"(?<![\w/])\d+(?:/\d+)*/[A-ZĐ][\w-]*", r"\d/[A-ZĐ]"),
        ("address", r"(?<![\w.,$])\d{1,5}[A-Z]?\s+(?:[A-Z][a-z]+\s+){0,3}(?:" + trie(lx.lst("street_types"))
                    + r")\b\.?", "streets"),
        ("model", r"(?<![\w.])[A-Z]{2,}\.\d{1,3}(?![\w]|[.,]\d)", r"[A-Z]\.\d"),
        ("glued", r"(?<![\w" + marks + r".])(?=[a-z]*[A-Z])[A-Za-z]+-\d+[A-Za-z\d-]*(?![\w])"
                  r"|(?<![\w" + marks + r".])[A-Za-z]+\d+[A-Za-z\d]*(?:[.+/]\d+[A-Za-z\d]*)*(?![\w])", r"[A-Za-z]-?\d"),
        ("elapsed", r"(?<![\w.:])\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d+)?(?![\d:])", r":\d\d:"),  # "2:00:35": a race time
        ("time", r"(?<![\w.:])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*" + clock
                 + r"|(?<![\w.:,])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])", r"\d\s*" + clock + r"|\d:\d"),
    ]


def _skip(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    return {
        "url_hint": _c(r"://|www\.|@"),
        "url": _c(r"(?<![\w.+-])(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+)"),
        "clock": _c(r"(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?\s*(?P<s>\S*)"),
    }


def skip_pattern(lx: Lexicon, names: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the named skip alternatives (in priority order), compiled once."""
    done = patterns(lx).skip_combined
    if names not in done:
        done[names] = _c("|".join(f"(?P<{n}>{src})" for n, src, _ in skip_alternatives(lx) if n in names))
    return done[names]


def _dates(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    month = trie(sorted(lx.months))
    day = r"(?:[0-3]?\d)" + "(?:" + trie(lx.lst("day_suffix")) + r")?(?!\d)"
    sep = r"\s*(?:[-–—]|" + trie(lx.lst("date_range_sep")) + r")\s*"
    year = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
    of = trie(lx.lst("of"))
    marks = re.escape(MONEY_MARKS)
    return {
        "d_iso": _c(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])"),
        "d_num": _c(r"(?<![\d/.])(?P<a>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\d/.])"),
        "d_mdy": _c(r"(?<![A-Za-z])(?P<m>" + month + r")(?![A-Za-z])\.?\s*(?P<d1>" + day + r")"
                    r"(?:" + sep + r"(?:(?P<m2>" + month + r")(?![A-Za-z])\.?\s*)?(?P<d2>" + day + r"))?"
                    r"(?:,?\s+(?P<y>" + year + r")(?![\d]))?"),
        "d_dmy": _c(r"(?<![\d.,])(?P<d1>" + day + r")(?:" + sep + r"(?P<d2>" + day + r"))?\s*(?:" + of + r"\s+)?"
                    r"(?P<m>" + month + r")(?![A-Za-z])(?:,?\s+(?P<y>" + year + r")(?!\d))?"),
        "d_my": _c(r"(?<![A-Za-z])(?P<m>" + month + r")(?![A-Za-z])(?:\s*(?:[-–—]|" + trie(lx.lst("month_range_sep"))
                   + r")\s*(?P<m2>" + month + r")(?![A-Za-z]))?,?\s+(?P<y>" + year + r")(?!\d)"),
        "d_yrange": _c(r"(?<![\w" + marks + r".,])(?P<y1>" + year + r")\s*(?:[-–—/]|" + trie(lx.lst("year_range_sep"))
                       + r")\s*(?P<y2>" + year + r"|\d{2})(?![\w%]|[.,]\d)"),
        "d_decade": _c(r"(?<![\w$])(?P<y>1[0-9]\d0|20\d0)[’']?s(?![A-Za-z])"),
        "d_year": _c(r"(?<![\w" + marks + r".,])(?P<y>\d{4})(?![\w%]|[.,]\d)"),
        "d_month": _c(r"(?<![A-Za-z])(?P<m>" + month + r")(?![A-Za-z])"),
        "four_digits": _c(r"\d\d\d\d"),
        "d_weekday": _c(r"(?<![A-Za-z])(?P<w>" + trie(sorted(lx.weekdays)) + r")(?![A-Za-z])"),
        "leading_int": _c(r"\d+"),
    }


YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"


def _ordinal_words(lx: Lexicon, top: int) -> str:
    return ci([w for w, k in lx.words.items() if k.kind == "ordinal" and 1 <= k.value <= top])


def _periods(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    """"the first ten months of 2025", "Q3 2025", "the third quarter of 2025", "H1", "the first
    half of 2024", "fiscal 2026", "FY2025-26", "January to October"."""
    small = ci([w for w, k in lx.words.items() if k.kind in ("unit", "teen") and 2 <= k.value <= 12])
    the_year = r"(?P<ty>" + ci(lx.lst("period_the_year"), spaces=True) + r")"
    of = ci(lx.lst("of"))
    year_tail = r"(?:\s+(?:" + of + r"\s+)?(?:(?P<y>" + YEAR + r")(?!\d)|" + the_year + r"))?"
    fiscal = r"(?P<fiscal>" + ci(lx.lst("fiscal_words")) + r"[\s-]+)?"
    fy = trie(lx.lst("fiscal_abbrev"))
    month = trie(sorted(lx.months))
    return {
        "p_first_months": _c(r"(?<![A-Za-z])" + ci(lx.lst("period_first")) + r"\s+(?P<n>\d{1,2}|" + small
                             + r")\s+" + ci(lx.lst("period_months")) + r"(?![A-Za-z])" + year_tail),
        "p_quarter": _c(r"(?<![A-Za-z])" + fiscal + r"(?:(?P<ord>" + _ordinal_words(lx, 4) + r")[\s-]+"
                        + ci(lx.lst("quarter_words")) + r"|" + trie(lx.lst("quarter_abbrev")) + r"(?P<q>[1-4]))"
                        r"(?![A-Za-z0-9])" + year_tail + r"(?:\s*(?P<fy>" + fy + r")\s?(?P<fyy>\d{4}|\d{2})(?!\d))?"),
        "p_half": _c(r"(?<![A-Za-z])(?:(?P<ord>" + _ordinal_words(lx, 2) + r")[\s-]+" + ci(lx.lst("half_words"))
                     + r"|" + trie(lx.lst("half_abbrev")) + r"(?P<h>[12]))(?![A-Za-z0-9])" + year_tail),
        "p_fiscal_year": _c(r"(?<![A-Za-z])(?:" + ci(lx.lst("fiscal_words")) + r"(?:\s+" + ci(lx.lst("year_word"))
                            + r")?\s+(?P<y>" + YEAR + r")|" + fy + r"\s?(?P<yy>\d{4}|\d{2}))(?:[-/](?P<y2>\d{4}|\d{2}))?"
                            r"(?![\d\w])"),
        "p_month_range": _c(r"(?<![A-Za-z])(?P<m>" + month + r")(?![A-Za-z])\s*(?:[-–—]|(?P<sep>"
                            + trie(lx.lst("month_range_sep") | lx.lst("and")) + r"))\s*(?P<m2>" + month + r")(?![A-Za-z])"),
    }


def _relative(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    """"yesterday", "last year", "three days ago", "last Thursday"."""
    plain = [w for r in lx.rules.relative_dates.values() if not r.counted for w in r.words]
    counted = [w for r in lx.rules.relative_dates.values() if r.counted for w in r.words]
    mods = lx.lst("relative_previous") | lx.lst("relative_next") | lx.lst("relative_this")
    return {
        "r_plain": _c(r"(?<![A-Za-z])(?P<p>" + ci(plain, spaces=True) + r")(?![A-Za-z])"),
        "r_counted": _c(r"(?<![A-Za-z\d.,])(?P<n>\d{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?)\s+(?P<p>" + ci(counted, spaces=True)
                        + r")(?![A-Za-z])"),
        "r_weekday": _c(r"(?<![A-Za-z])(?P<mod>" + ci(mods, spaces=True) + r")\s+(?P<w>" + trie(sorted(lx.weekdays))
                        + r")(?![A-Za-z])"),
    }

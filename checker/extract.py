"""Extraction stage (issue 3): read every numeric mention out of one sentence or line.

    extract_mentions(text, rules) -> list[Mention]

Offsets are character offsets into `text`; mentions come sorted by start and never overlap.

How it works, in three passes over the text (each pass masks what it consumed, so a later pass
cannot read the same characters again):

1. skip   URLs, e-mail addresses, phone numbers, identifiers ("Resolution 143", "143/NQ-CP",
          "COVID-19", "G7") are masked without a mention; clock times ("9 a.m.") become `time`.
2. dates  full dates, day and month ranges, months with years, year ranges, decades, weekdays and
          four-digit years the context reads as years.
3. numbers  every remaining digit sequence or spelled-out number is parsed ("2.98", "three
          billion", "one and a half", "4 thousand 3 hundred and 21"), then grown outwards:
          currency before/after, scale abbreviations ("bn", "k", "m" with a currency), percent,
          units, ordinals, multipliers, two-sided ranges, hedges before/after, a restatement in
          parentheses (the twin) and the counted noun.

Every word list, scale, currency, unit and hedge width is rule data (rules/numbers.toml,
rules/hedges.toml, rules/units.toml); this module only holds the grammar that combines them.
Regexes are compiled once per RuleSet (cached on the RuleSet's identity).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from .models import Mention
from .rules import RuleSet
from .text import trie_regex

# --------------------------------------------------------------------------------------------
# compiled lexicon
# --------------------------------------------------------------------------------------------


_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"  # 1,234,567.89
    r"|\d{1,3}(?:[\u202f\u2009\u00a0 ]\d{3})+(?:[.,]\d+)?(?![\d])"  # 1 234 567 / 40 000
    r"|\d+(?:[.,]\d+)*"  # 1234, 2.98, 1.111,11, 12,34,567.89, 22,24,26
    r"|\.\d+"  # .25
)
_ORD_SUFFIX = r"(?:st|nd|rd|th|d)(?![A-Za-z])"


AND_RE = re.compile(r"\s+and\s+")


def _longest(sym, word):
    """("sym" | "word", match) for the longer of a currency symbol and a currency word match."""
    if word and (sym is None or word.end() > sym.end()):
        return ("word", word)
    return ("sym", sym) if sym else None


@dataclass
class _Lex:
    rules: RuleSet
    words: dict[str, tuple[str, float]]  # lower word -> (kind, value)
    scale_any: dict[str, float]
    scale_abbr: dict[str, tuple[float, str]]  # exact-case (or lower) word -> (factor, attach)
    scale_abbr_ci: dict[str, tuple[float, str]]
    months: dict[str, int]
    weekdays: dict[str, int]
    lex: dict[str, set[str]]
    cur_symbols: dict[str, str]
    cur_codes: dict[str, str]  # lower -> code
    cur_names: dict[str, str]  # lower -> code
    cur_scaled: dict[str, tuple[str, float]]  # lower "musd" -> (USD, 1e6)
    subunits: dict[str, set[str]]
    units: dict[str, Any]  # alias (as written / lower) -> UnitRule
    units_ci: dict[str, Any]
    hedge_before: dict[str, Any]
    hedge_after: dict[str, Any]
    re: dict[str, re.Pattern[str]] = field(default_factory=dict)


_CACHE: dict[int, tuple[RuleSet, _Lex]] = {}


def _lexicon(rules: RuleSet) -> _Lex:
    hit = _CACHE.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    lx = _build_lexicon(rules)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[id(rules)] = (rules, lx)
    return lx


def _build_lexicon(rules: RuleSet) -> _Lex:
    words: dict[str, tuple[str, float]] = {}
    for nw in rules.number_words.values():
        for w in nw.words:
            key = w.lower()
            if nw.kind == "quantifier":
                words.setdefault("quant:" + key, ("quantifier", nw.value))
                continue
            words[key] = (nw.kind, nw.value)
    scale_any: dict[str, float] = {}
    scale_abbr: dict[str, tuple[float, str]] = {}
    scale_abbr_ci: dict[str, tuple[float, str]] = {}
    code_prefix_scale: dict[str, float] = {}
    for sc in rules.scales.values():
        for w in sc.words:
            if sc.attach == "any":
                scale_any[w.lower()] = sc.factor
            elif sc.case_sensitive:
                scale_abbr[w] = (sc.factor, sc.attach)
            else:
                scale_abbr_ci[w.lower()] = (sc.factor, sc.attach)
        for p in sc.code_prefixes:
            code_prefix_scale[p.lower()] = sc.factor
    for w, f in scale_any.items():
        if w not in words:
            words[w] = ("hundred" if f == 100 else "mag", f)
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for dw in rules.date_words.values():
        for w in dw.words:
            (months if dw.kind == "month" else weekdays)[w] = dw.value
    lex = {k: set(v.words) for k, v in rules.lexicon.items()}
    cur_symbols: dict[str, str] = {}
    cur_codes: dict[str, str] = {}
    cur_names: dict[str, str] = {}
    cur_scaled: dict[str, tuple[str, float]] = {}
    subunits: dict[str, set[str]] = {}
    for code, cr in rules.currencies.items():
        for s in cr.symbols:
            cur_symbols[s] = code
        for c in cr.codes:
            cur_codes[c.lower()] = code
            for p, f in code_prefix_scale.items():
                cur_scaled[p + c.lower()] = (code, f)
        for n in cr.names:
            cur_names[n.lower()] = code
        subunits[code] = {s.lower() for s in cr.subunits}
    units: dict[str, Any] = {}
    units_ci: dict[str, Any] = {}
    for u in rules.units.values():
        for a in u.aliases:
            if u.case_sensitive:
                units[a] = u
            else:
                units_ci[a.lower()] = u
    hedge_before: dict[str, Any] = {}
    hedge_after: dict[str, Any] = {}
    for h in rules.hedges.values():
        for p in h.phrases:
            (hedge_before if h.position == "before" else hedge_after)[p.lower()] = h
    lx = _Lex(rules, words, scale_any, scale_abbr, scale_abbr_ci, months, weekdays, lex,
              cur_symbols, cur_codes, cur_names, cur_scaled, subunits, units, units_ci,
              hedge_before, hedge_after)
    _compile(lx)
    return lx


def _symbol(lx: _Lex, tok: str) -> str | None:
    c = lx.cur_symbols.get(tok)
    if c is None and "$" in tok:
        low = tok.lower()
        c = next((v for k, v in lx.cur_symbols.items() if k.lower() == low), None)
    return c


def _rev(words: list[str]) -> str:
    return trie_regex([w[::-1] for w in words])


def _compile(lx: _Lex) -> None:
    R = lx.re
    L = lx.lex
    word_keys = [w for w in lx.words if not w.startswith("quant:")]
    quant = [w[6:] for w in lx.words if w.startswith("quant:")]
    numword = trie_regex(sorted(set(word_keys + quant + ["a", "an", "minus", "negative"])))
    R["anchor"] = re.compile(
        r"(?P<dig>(?<![\w\x00.])\.\d|(?<![\d\x00])\d)|(?P<w>(?<![A-Za-z])(?i:" + numword + r")(?=[^A-Za-z]|$|fold|[a-z]))"
    )
    R["token"] = re.compile(
        r"(?P<sep>\s*(?:[-–—‑]|,|&)\s*|\s+(?i:and)\s+|\s+)?"
        r"(?:(?P<num>" + _DIGITS + r")|(?P<word>[A-Za-z]+))"
    )
    R["digits"] = re.compile(_DIGITS)
    # scales written as abbreviations right after digits
    R["scale_abbr"] = re.compile(
        r"(?P<sp>[ \t]{0,2})(?P<s>" + trie_regex(list(lx.scale_abbr)) + r")(?![A-Za-z0-9])"
    )
    R["scale_abbr_ci"] = re.compile(
        r"(?P<sp>[ \t]{0,2})(?P<s>(?i:" + trie_regex(list(lx.scale_abbr_ci)) + r"))(?![A-Za-z0-9])"
    )
    R["scale_word"] = re.compile(
        r"\s+(?P<s>(?i:" + trie_regex(list(lx.scale_any)) + r"))(?![A-Za-z])"
    )
    # currency after the number
    sym_cs = [s for s in lx.cur_symbols if "$" not in s]
    sym_ci = sorted({s.lower() for s in lx.cur_symbols if "$" in s})
    sym_alt = "(?:" + trie_regex(sym_cs) + "|(?i:" + trie_regex(sym_ci) + "))"
    sym_alt_rev = "(?:" + _rev(sym_cs) + "|(?i:" + _rev(sym_ci) + "))"
    R["cur_sym_after"] = re.compile(r"(?P<sp>\s{0,2})(?P<c>" + sym_alt + r")(?![A-Za-z])(?!\s?[\d.]\d*)")
    codes_names = list(lx.cur_codes) + list(lx.cur_names) + list(lx.cur_scaled)
    R["cur_word_after"] = re.compile(
        r"(?P<sp>[ \t\n]{0,2}|-)(?P<c>(?i:" + trie_regex(codes_names) + r"))(?![A-Za-z])"
    )
    # currency before the number (matched on the reversed text)
    R["cur_sym_before"] = re.compile(r"(?P<sp>\s{0,2})(?P<c>" + sym_alt_rev + r")")
    R["cur_word_before"] = re.compile(
        r"(?P<sp>\s{0,2})(?P<c>(?i:" + _rev(codes_names) + r"))(?![A-Za-z])"
    )
    # units / percent / multiplier after the number
    R["unit_cs"] = re.compile(r"(?P<sp>[ \t\n]{0,2}|-)(?P<u>" + trie_regex(list(lx.units)) + r")(?![A-Za-z0-9²³])")
    R["unit_ci"] = re.compile(
        r"(?P<sp>[ \t\n]{0,2}|-)(?P<u>(?i:" + trie_regex(list(lx.units_ci)) + r"))(?![A-Za-z0-9²³])"
    )
    R["speed_per"] = re.compile(r"\s*(?i:" + trie_regex(sorted(L.get("speed_per", set()))) + r")(?![A-Za-z])")
    R["magnitude_before"] = re.compile(r"(?i:edutingam)[\s-]*$"[::-1][::-1])  # placeholder, see _magnitude_before
    # hedges
    R["hedge_before"] = re.compile(
        r"(?P<art>\s*(?:(?i:eht|na|a)\s+)?)(?P<h>(?i:" + _rev(list(lx.hedge_before)) + r"))(?:(?<=[A-Za-z.])(?![A-Za-z])|(?<![A-Za-z.]))"
    )
    R["hedge_after"] = re.compile(
        r"(?P<sp>\s*)(?P<h>(?i:" + trie_regex(list(lx.hedge_after)) + r"))(?![A-Za-z])(?!\s*(?:(?i:than|to)\s*)?[-\d$€£¥])"
    )
    R["or_equal"] = re.compile(r"\s+(?i:" + trie_regex(sorted(L.get("or_equal", set()))) + r")(?![A-Za-z])(?!\s*(?:(?i:to)\s*)?[-\d$€£¥])")
    R["ordinal_before"] = re.compile(r"(?P<sp>\s{0,2})(?P<o>" + _rev(sorted(L.get("ordinal_prefix", set()))) + r")(?![A-Za-z])")
    R["range_sep"] = re.compile(r"\s*(?:[-–—~]|(?i:to|through)\b)\s*(?=[\d$€£¥.]|[A-Za-z])")
    R["ord_suffix"] = re.compile(_ORD_SUFFIX)
    R["superl"] = re.compile(r"-(?:[a-z]+est|most|largest|biggest|highest|lowest|ranked|placed)\b")
    R["times"] = re.compile(r"\s+(?i:times)(?![A-Za-z])")
    R["noun"] = re.compile(r"(?:-|[ \t\n]+)([A-Za-z][A-Za-z'’-]*)")
    R["word_after"] = re.compile(r"\s+([A-Za-z][A-Za-z'-]*\.?)")
    R["word_before"] = re.compile(r"([A-Za-z][A-Za-z'-]*\.?)\s+$")
    R["sci"] = re.compile(r"\s*[×x*]\s*10\s*\^?\s*(?P<e>[-−]?\d+)")
    R["time_after"] = re.compile(
        r"\s*(?:" + trie_regex(sorted(L.get("time_suffix", set()))) + r")(?![A-Za-z])"
    )
    # pass 1: skip
    idp = sorted(L.get("identifier_prefix", set()), key=len, reverse=True)
    R["skip"] = re.compile(
        r"(?P<url>https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+)"
        r"|(?P<phone>(?<![\w+])\+\d{1,3}(?:[\s.-]?\(\d{1,4}\))?(?:[\s.-]?\d{1,5}){2,5}(?![\w])"
        r"|\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,5}(?!\d)"
        r"|(?<![\w,.])0\d{2,3}[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\w])"
        r"|(?<![\w,.])\d{3}-\d{3}-\d{4}(?!\d))"
        r"|(?P<ident>(?<![A-Za-z])(?:" + "|".join(re.escape(p) for p in idp) + r")\s*(?:No\.?\s*)?#?\d[\w./-]*(?:-[A-Z][\w-]*)?(?:[ .-]\d{2,4}(?![\d,]))*)"
        r"|(?P<code>(?<![\w/])\d+(?:/\d+)*/[A-ZĐ][\w-]*)"
        r"|(?P<glued>(?<![\w$€£¥.])[A-Za-z]*[A-Z][A-Za-z]*-\d+[A-Za-z\d-]*(?![\w])"
        r"|(?<![\w$€£¥.])[A-Za-z]+\d+[A-Za-z\d]*(?:[.+/]\d+[A-Za-z\d]*)*(?![\w]))"
        r"|(?P<time>(?<![\w.:])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*"
        r"(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b|[AP]M\b|[AP]\.M\.)|(?<![\w.:,])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]))"
    )
    month = trie_regex(sorted(lx.months))
    day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    sep = r"\s*(?:[-–—]|to|and|through|until|till)\s*"
    year = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
    R["d_iso"] = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")
    R["d_num"] = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\d/.])")
    R["d_mdy"] = re.compile(
        r"(?<![A-Za-z])(?P<m>" + month + r")(?![A-Za-z])\.?\s*(?P<d1>" + day + r")"
        r"(?:" + sep + r"(?:(?P<m2>" + month + r")(?![A-Za-z])\.?\s*)?(?P<d2>" + day + r"))?"
        r"(?:,?\s+(?P<y>" + year + r")(?![\d]))?"
    )
    R["d_dmy"] = re.compile(
        r"(?<![\d.,])(?P<d1>" + day + r")(?:" + sep + r"(?P<d2>" + day + r"))?\s*(?:of\s+)?"
        r"(?P<m>" + month + r")(?![A-Za-z])(?:,?\s+(?P<y>" + year + r")(?!\d))?"
    )
    R["d_my"] = re.compile(
        r"(?<![A-Za-z])(?P<m>" + month + r")(?![A-Za-z])(?:\s*(?:[-–—]|to|through|until)\s*(?P<m2>" + month
        + r")(?![A-Za-z]))?,?\s+(?P<y>" + year + r")(?!\d)"
    )
    R["d_month"] = re.compile(r"(?<![A-Za-z])(?P<m>" + month + r")(?![A-Za-z])")
    R["d_yrange"] = re.compile(
        r"(?<![\w$€£¥.,])(?P<y1>" + year + r")\s*(?:[-–—/]|to|until|through|and)\s*(?P<y2>" + year + r"|\d{2})(?![\w%]|[.,]\d)"
    )
    R["d_decade"] = re.compile(r"(?<![\w$])(?P<y>1[0-9]\d0|20\d0)[’']?s(?![A-Za-z])")
    R["d_year"] = re.compile(r"(?<![\w$€£¥.,])(?P<y>\d{4})(?![\w%]|[.,]\d)")
    R["d_weekday"] = re.compile(r"(?<![A-Za-z])(?P<w>" + trie_regex(sorted(lx.weekdays)) + r")(?![A-Za-z])")


# --------------------------------------------------------------------------------------------
# number cores
# --------------------------------------------------------------------------------------------


@dataclass
class _Core:
    start: int
    end: int
    value: float
    r: float = 0.0  # half-width of the rounding interval (0 = exact)
    words: bool = False  # spelled out (at least partly)
    scaled: bool = False  # a scale word/abbreviation multiplied it
    ordinal: bool = False
    fraction: bool = False
    quantifier: bool = False
    high: float | None = None  # quantifiers: upper end
    digits_only: bool = True
    ends_digits: bool = True
    decimals: int = 0
    first_word: str = ""
    ntok: int = 1
    lead: float | None = None  # value of the first digit token as written (for range scales)


def _digit_value(s: str) -> tuple[float, int] | list[tuple[int, int]] | None:
    """Value and number of decimals of a digit token; a list of (offset, len) if it is a list."""
    s2 = s.replace("\u202f", "").replace("\u2009", "").replace("\u00a0", "")
    if " " in s2:
        s2 = s2.replace(" ", "")
    if "," not in s2:
        if s2.count(".") <= 1:
            dec = len(s2.split(".")[1]) if "." in s2 else 0
            return float(s2), dec
        groups = s2.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return float("".join(groups)), 0
        return None  # 192.168.1.2: several numbers
    if "." not in s2:
        groups = s2.split(",")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            return float("".join(groups)), 0
        if len(groups) == 2 and len(groups[1]) <= 2:
            return float(groups[0] + "." + groups[1]), len(groups[1])  # decimal comma "5,00"
        if len(groups) >= 3 and len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1]) and len(groups[0]) <= 2:
            return float("".join(groups)), 0  # Indian grouping 12,34,567
        return None
    # both separators
    if s2.rfind(",") < s2.rfind("."):
        int_part, dec = s2.rsplit(".", 1)
        groups = int_part.split(",")
        if all(len(g) == 3 for g in groups[1:]) or (
            len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1])
        ):
            return float("".join(groups) + "." + dec), len(dec)
        return None
    int_part, dec = s2.rsplit(",", 1)  # European 1.111,11
    groups = int_part.split(".")
    if all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups) + "." + dec), len(dec)
    return None


class _Ctx:
    def __init__(self, lx: _Lex, text: str) -> None:
        self.lx = lx
        self.text = text
        self.n = len(text)
        self.taken = bytearray(self.n)
        self.out: list[Mention] = []
        self.masked = text

    # -- helpers --------------------------------------------------------------------------
    def take(self, a: int, b: int) -> None:
        self.taken[a:b] = b"\x01" * (b - a)

    def remask(self) -> None:
        t = self.text
        if not any(self.taken):
            self.masked = t
            return
        parts = []
        i = 0
        n = self.n
        tk = self.taken
        while i < n:
            j = tk.find(b"\x01", i)
            if j < 0:
                parts.append(t[i:])
                break
            parts.append(t[i:j])
            k = tk.find(b"\x00", j)
            if k < 0:
                k = n
            parts.append("\x00" * (k - j))
            i = k
        self.masked = "".join(parts)

    def free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def before_rev(self, pos: int, span: int = 48) -> str:
        return self.masked[max(0, pos - span):pos][::-1]

    def word_before(self, pos: int) -> str:
        m = self.lx.re["word_before"].search(self.masked, max(0, pos - 30), pos)
        return m.group(1) if m and m.end() == pos else ""

    def word_after(self, pos: int) -> str:
        m = self.lx.re["word_after"].match(self.masked, pos)
        return m.group(1) if m else ""

    # -- pass 1 -----------------------------------------------------------------------------
    def pass_skip(self) -> None:
        lx = self.lx
        for m in lx.re["skip"].finditer(self.text):
            g = m.lastgroup
            a, b = m.span()
            if g == "glued":
                tok = m.group()
                letters = re.match(r"[A-Za-z]+", tok).group()  # type: ignore[union-attr]
                low = letters.lower()
                if low in lx.cur_codes or letters in lx.cur_symbols or low in lx.cur_scaled or letters in lx.lex.get("ordinal_prefix", ()):
                    continue
                if "-" not in tok and low in ("no", "nos", "fy"):
                    continue
            if g == "time":
                mm = re.match(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])?", m.group(), re.I)
                h = int(mm.group(1))  # type: ignore[union-attr]
                mi = int(mm.group(2) or 0)  # type: ignore[union-attr]
                ap = (mm.group(3) or "").lower()  # type: ignore[union-attr]
                if ap == "p" and h < 12:
                    h += 12
                if ap == "a" and h == 12:
                    h = 0
                self.out.append(Mention(kind="time", text=m.group(), start=a, end=b, value=f"{h:02d}:{mi:02d}"))
            self.take(a, b)
        self.remask()

    # -- pass 2 -----------------------------------------------------------------------------
    def add_date(self, a: int, b: int, value: str, gran: str, low: str | None = None,
                 high: str | None = None, kind: str = "date") -> None:
        self.out.append(Mention(kind=kind, text=self.text[a:b], start=a, end=b, value=value,
                                low=low if low is not None else value,
                                high=high if high is not None else value, granularity=gran))
        self.take(a, b)

    def pass_dates(self) -> None:
        lx = self.lx
        R = lx.re
        M = lx.months
        masked = self.masked
        if not any(c.isdigit() for c in masked) and not any(w in masked for w in lx.weekdays):
            return

        def mon(s: str | None) -> int:
            return M.get(s or "", 0) or M.get((s or "").rstrip("."), 0)

        def dd(s: str | None) -> int:
            return int(re.match(r"\d+", s).group()) if s else 0  # type: ignore[union-attr]

        def iso(y: str | None, m: int, d: int = 0) -> str:
            yy = y if y else "-"
            if d:
                return f"{yy}-{m:02d}-{d:02d}"
            return f"{yy}-{m:02d}" if y else f"--{m:02d}"

        for m in R["d_iso"].finditer(masked):
            mo, d = int(m["m"]), int(m["d"])
            if 1 <= mo <= 12 and 1 <= d <= 31:
                self.add_date(m.start(), m.end(), f"{m['y']}-{mo:02d}-{d:02d}", "day")
        for m in R["d_num"].finditer(masked):
            a, b = int(m["a"]), int(m["b"])
            y = m["y"]
            if len(y) == 2:
                y = ("20" if int(y) < 50 else "19") + y
            if m["s"] == "/" and a <= 12 and b <= 31 and not (b <= 12 and "dmy" in lx.lex.get("numeric_date_order", set())):
                mo, d = a, b
            elif b <= 12 and a <= 31:
                mo, d = b, a
            else:
                continue
            if self.free(m.start(), m.end()):
                self.add_date(m.start(), m.end(), f"{y}-{mo:02d}-{d:02d}", "day")
        self.remask()
        for name in ("d_mdy", "d_dmy"):
            self.remask()
            for m in R[name].finditer(self.masked):
                if not self.free(m.start(), m.end()):
                    continue
                mo = mon(m["m"])
                d1, d2 = dd(m["d1"]), dd(m["d2"])
                if not (1 <= d1 <= 31):
                    continue
                if d2 and not (d1 < d2 <= 31) and not (name == "d_mdy" and m["m2"]):
                    # "Sept. 7 and 5 Feb": not a range; keep the first (mdy) or last (dmy) date
                    if name == "d_mdy":
                        self.add_date(m.start(), m.end("d1"), iso(None, mo, d1), "day")
                    elif 1 <= d2 <= 31:
                        self.add_date(m.start("d2"), m.end(), iso(m["y"], mo, d2), "day")
                    continue
                y = m["y"]
                end = m.end()
                if name == "d_mdy" and not y and m["m"] == "May" and d1 > 31:
                    continue
                if d2:
                    mo2 = mon(m["m2"]) if name == "d_mdy" and m["m2"] else mo
                    if name == "d_dmy" and d2 <= d1:
                        continue
                    lo, hi = iso(y, mo, d1), iso(y, mo2, d2)
                    self.add_date(m.start(), end, lo, "day", lo, hi)
                else:
                    v = iso(y, mo, d1)
                    self.add_date(m.start(), end, v, "day")
        self.remask()
        for m in R["d_my"].finditer(self.masked):
            if not self.free(m.start(), m.end()):
                continue
            y = m["y"]
            mo = mon(m["m"])
            if m["m2"]:
                lo, hi = iso(y, mo), iso(y, mon(m["m2"]))
                self.add_date(m.start(), m.end(), lo, "month", lo, hi)
            else:
                self.add_date(m.start(), m.end(), iso(y, mo), "month")
        self.remask()
        for m in R["d_yrange"].finditer(self.masked):
            if not self.free(m.start(), m.end()):
                continue
            y1, y2s = m["y1"], m["y2"]
            y2 = y2s if len(y2s) == 4 else y1[:2] + y2s
            if not (int(y1) < int(y2) <= int(y1) + 100):
                continue
            if " and " in m.group() and self.word_before(m.start()).lower() != "between":
                continue
            if self._count_follows(m.end()):
                continue
            self.add_date(m.start(), m.end(), y1, "year", y1, y2)
        for m in R["d_decade"].finditer(self.masked):
            if self.free(m.start(), m.end()):
                self.add_date(m.start(), m.end(), m["y"], "decade", m["y"], str(int(m["y"]) + 9))
        self.remask()
        lo_y, hi_y = 1800, 2100
        yr = sorted(lx.lex.get("year_range", set()))
        if len(yr) == 2:
            lo_y, hi_y = int(yr[0]), int(yr[1])
        ctx = lx.lex.get("year_context", set())
        for m in R["d_year"].finditer(self.masked):
            y = int(m["y"])
            if not (lo_y <= y <= hi_y):
                continue
            a, b = m.span()
            if a > 0 and self.masked[a - 1] == "-" and not (a > 1 and self.masked[a - 2].isalpha()):
                continue
            prev = self.word_before(a)
            if self._currency_or_hedge_before(a):
                continue
            if prev not in ctx and prev.lower() not in ctx and self._count_follows(b):
                continue
            if prev.lower() in ("no.", "no", "number", "#"):
                continue
            self.add_date(a, b, str(y), "year")
        for m in R["d_month"].finditer(self.masked):
            prev = self.word_before(m.start()).lower()
            if prev in ("in", "since", "by", "until", "till", "last", "next", "early", "late", "mid",
                        "from", "to", "during", "this", "of", "before", "after", "through", "end"):
                if m["m"] == "May" or m["m"].endswith(".") or len(m["m"]) > 3 or m["m"] in ("Sept",):
                    self.add_date(m.start(), m.end(), iso(None, mon(m["m"])), "month")
        for m in R["d_weekday"].finditer(self.masked):
            w = m["w"]
            name = w.rstrip("s").lower() if w.endswith("s") and not w.endswith("ss") else w.lower()
            self.add_date(m.start(), m.end(), name, "weekday", kind="weekday")
        self.remask()

    def _count_follows(self, pos: int) -> bool:
        """A number followed by a scale, percent, currency, unit or counted noun."""
        lx = self.lx
        R = lx.re
        t = self.masked
        if pos < self.n and t[pos] in "%$€£¥":
            return True
        for key in ("unit_cs", "unit_ci", "cur_word_after", "scale_abbr"):
            m = R[key].match(t, pos)
            if m and (m.group("sp") if "sp" in m.groupdict() else ""):
                return True
            if m and key != "scale_abbr":
                return True
        if R["scale_word"].match(t, pos):
            return True
        w = self.word_after(pos)
        if not w:
            return False
        lw = w.lower()
        if lw in lx.lex.get("counted_noun_irregular", set()):
            return True
        if w[0].islower() and lw.endswith("s") and lw not in lx.lex.get("counted_noun_stop", set()) and len(lw) > 3 and not lw.endswith("ss"):
            return True
        return False

    def _currency_or_hedge_before(self, pos: int) -> bool:
        R = self.lx.re
        rev = self.before_rev(pos)
        if R["cur_sym_before"].match(rev) or R["cur_word_before"].match(rev):
            return True
        m = R["hedge_before"].match(rev)
        return bool(m)

    # -- pass 3 -----------------------------------------------------------------------------
    def pass_numbers(self) -> None:
        R = self.lx.re
        anchor = R["anchor"]
        pos = 0
        t = self.masked
        while True:
            m = anchor.search(t, pos)
            if not m:
                break
            p = m.start()
            if m.group("w") is not None:
                wend = p + len(m.group("w"))
                # the anchor regex stops at a known prefix; the whole word must be known
                full = re.match(r"[A-Za-z]+", t[p:]).group()  # type: ignore[union-attr]
                if self._word_kind(full) is None and not full.lower().endswith("fold"):
                    pos = p + len(full)
                    continue
                del wend
            res = self.build(p, allow_twin=True)
            if res is None:
                pos = p + 1
                while pos < self.n and (t[pos].isalnum()):
                    pos += 1
                if m.group("dig") is not None and pos < self.n + 1 and t[pos - 1].isalpha():
                    # "5G", "3D", "06F6": an identifier glued to letters, not a quantity
                    self.take(p, pos)
                    self.remask()
                    t = self.masked
                continue
            mention, a, b, extra = res
            self.out.append(mention)
            self.take(a, b)
            for ea, eb in extra:
                self.take(ea, eb)
            self.remask()
            t = self.masked
            pos = max(b, max((e[1] for e in extra), default=b))

    # -- word classification --------------------------------------------------------------
    def _word_kind(self, w: str) -> tuple[str, float] | None:
        lw = w.lower()
        k = self.lx.words.get(lw)
        if k is not None:
            return k
        if lw in ("a", "an", "minus", "negative"):
            return ("article" if lw in ("a", "an") else "neg", 0)
        if lw in ("point",):
            return ("point", 0)
        q = self.lx.words.get("quant:" + lw)
        if q is not None:
            return q
        # glued compounds: "twentyfifth", "fortysecond"
        for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
            if lw.startswith(tens) and len(lw) > len(tens):
                rest = self.lx.words.get(lw[len(tens):])
                if rest and rest[0] in ("unit", "ordinal") and rest[1] < 10:
                    return ("glued_" + rest[0], self.lx.words[tens][1] + rest[1])
        # plural fractions: "thirds", "fifths"
        if lw.endswith("s"):
            o = self.lx.words.get(lw[:-1])
            if o and o[0] == "ordinal" and 3 <= o[1] <= 100:
                return ("fracden", o[1])
        return None

    def parse_core(self, p: int) -> _Core | None:
        """Parse digits and/or number words starting at p; the longest valid number."""
        R = self.lx.re
        t = self.masked
        tokre = R["token"]
        toks: list[tuple[str, float, int, int, str, str]] = []  # kind, value, start, end, sep, text
        q = p
        first = True
        while len(toks) < 24:
            m = tokre.match(t, q)
            if not m:
                break
            sep = m.group("sep") or ""
            if first and sep:
                break
            if not first and not sep and m.group("word") is not None and toks and toks[-1][0] != "digits":
                break
            if m.group("num") is not None:
                s = m.group("num")
                if not first and toks and toks[-1][0] == "digits":
                    break
                toks.append(("digits", 0.0, m.start("num"), m.end("num"), sep, s))
            else:
                w = m.group("word")
                if not first and not sep:
                    break  # glued letters after digits: handled by the caller
                k = self._word_kind(w)
                if k is None and first and w.lower().endswith("fold"):
                    # "threefold": read the number, the caller reads "fold"
                    k = self._word_kind(w[:-4])
                    if k is not None and k[0] in ("unit", "teen", "ten"):
                        toks.append((k[0], k[1], m.start("word"), m.end("word") - 4, sep, w[:-4]))
                    break
                if k is None:
                    if w.lower() == "point" and toks:
                        toks.append(("point", 0, m.start("word"), m.end("word"), sep, w))
                        q = m.end()
                        continue
                    break
                toks.append((k[0], k[1], m.start("word"), m.end("word"), sep, w))
            q = m.end()
            first = False
        if not toks:
            return None
        return self._interpret(toks)

    def _interpret(self, toks: list[tuple[str, float, int, int, str, str]]) -> _Core | None:
        """Longest valid number from the token list (grammar of spelled-out numbers)."""
        lx = self.lx
        i = 0
        n = len(toks)
        kind0 = toks[0][0]
        start = toks[0][2]
        neg = False
        if kind0 == "neg":
            if n < 2:
                return None
            neg = True
            i = 1
        # quantifiers: "hundreds of", "tens of thousands of"
        if toks[i][0] == "quantifier" or (toks[i][0] in ("mag", "hundred") and toks[i][5].lower().endswith("s")
                                          and lx.words.get("quant:" + toks[i][5].lower())):
            base = lx.words.get("quant:" + toks[i][5].lower(), ("quantifier", toks[i][1]))[1]
            j = i + 1
            mult = 1.0
            end = toks[i][3]
            rest = self.masked[end:end + 4].lower()
            m = re.match(r"\s+of\s+(?:(?P<q>[a-z]+)\s+of\s+)?", self.masked[end:end + 30], re.I)
            if m:
                if m.group("q"):
                    q2 = lx.words.get("quant:" + m.group("q").lower())
                    if q2:
                        mult = q2[1]
                        end = end + m.start("q") + len(m.group("q"))
                lo = 2 * base * mult
                return _Core(start, end, lo, words=True, quantifier=True, high=10 * base * mult - 1,
                             digits_only=False, ends_digits=False, first_word=toks[0][5].lower())
            del rest
            if toks[i][0] == "quantifier":
                return None
        total = 0.0
        group: float | None = None
        group_hundred = False
        last_mag: float | None = None
        last_kind = ""
        end = start
        r = 0.0
        decimals = 0
        words = False
        digits_only = True
        scaled = False
        ordinal = False
        fraction = False
        frac_pending: float | None = None
        started_digits = toks[i][0] == "digits"
        lead: float | None = None
        consumed = i
        good_end = None
        good_val = None
        good_state: tuple = ()

        def commit(k: int) -> None:
            nonlocal good_end, good_val, good_state, consumed
            consumed = k + 1
            good_end = toks[k][3]
            good_val = total + (group or 0.0)
            good_state = (r, decimals, words, digits_only, scaled, ordinal, fraction, last_kind)

        k = i
        while k < n:
            kind, val, a, b, sep, s = toks[k]
            sep_s = sep.strip().lower()
            if k > i and sep_s == "," and (started_digits or (kind != "mag" and last_kind not in ("mag",))):
                break
            if kind == "digits":
                if k > i and (last_kind not in ("mag",) and not (last_kind == "hundred" and sep_s == "and")):
                    break
                if k > i and last_kind == "mag":
                    # digits after a magnitude continue the number only before hundred/mag
                    nxt = toks[k + 1] if k + 1 < n else None
                    if not (sep_s == "and" or (nxt and not nxt[4].strip(", ") and (
                            nxt[0] == "hundred" or (nxt[0] == "mag" and nxt[1] < (last_mag or math.inf))))):
                        break
                dv = _digit_value(s)
                if dv is None or isinstance(dv, list):
                    if k == i:
                        # "22,24,26" / "192.168.1.2": a list; read the first item only
                        g = re.match(r"\d+", s).group()  # type: ignore[union-attr]
                        return _Core(a, a + len(g), float(g), first_word=g, lead=float(g))
                    break
                v, dec = dv
                if lead is None:
                    lead = v
                if group is not None:
                    nxt = toks[k + 1] if k + 1 < n else None
                    if group_hundred and 0 < v < 100 and dec == 0 and not (nxt and nxt[0] == "hundred"):
                        group += v
                    else:
                        break
                else:
                    group = v
                decimals = dec
                r = 0.5 * 10 ** (-dec) if dec else 0.0
                last_kind = "digits"
                commit(k)
                # "1 point 1"
                k += 1
                continue
            digits_only = False if kind not in ("point",) else digits_only
            if kind in ("unit", "teen", "ten", "glued_unit"):
                if kind == "unit" and val == 0 and k > i and sep_s == "and":
                    break
                if group is None:
                    group = val
                    if kind == "ten" and k + 1 < n and toks[k + 1][0] == "unit" and toks[k + 1][4].strip() in ("", "-", "–", "—", "‑") and toks[k + 1][1] > 0:
                        pass
                elif last_kind == "ten" and kind == "unit" and val > 0 and sep_s in ("", "-", "–", "—", "‑"):
                    group += val
                elif last_kind == "hundred" and group is not None and group % 100 == 0:
                    # "three hundred and two", but not "3 hundred and 2 hundred"
                    nxt = toks[k + 1] if k + 1 < n else None
                    if nxt and nxt[0] == "hundred":
                        break
                    if nxt and nxt[0] == "unit" and kind == "ten" and nxt[1] > 0 and nxt[4].strip() in ("", "-", "–", "—", "‑"):
                        group += val + nxt[1]
                        words = True
                        last_kind = "unit"
                        commit(k + 1)
                        k += 2
                        continue
                    group += val
                elif last_kind == "mag" and group is None:
                    group = val
                else:
                    break
                words = True
                last_kind = "ten" if kind == "ten" else "unit"
                r = 0.0
                decimals = 0
                commit(k)
                k += 1
                continue
            if kind == "article":
                if k != i:
                    break
                nxt = toks[k + 1] if k + 1 < n else None
                if not nxt or nxt[0] not in ("hundred", "mag", "fraction") or nxt[5].lower().endswith("s"):
                    cw = self.lx.re["cur_word_after"].match(self.masked, b)
                    if cw and cw.group("sp") and cw.group("c").lower() in self.lx.cur_names:
                        group = 1.0  # "a dollar"
                        last_kind = "unit"
                        words = True
                        commit(k)
                        break
                    return None
                group = 1.0
                last_kind = "unit"
                words = True
                k += 1
                continue
            if kind == "hundred":
                if group is None and k == i and k + 1 < n and toks[k + 1][0] == "mag":
                    group = 1.0  # "hundred thousand"
                if group is None or group_hundred or (group >= 100 and not started_digits) or last_kind == "mag":
                    if group is None and k == i:
                        return None
                    break
                if last_kind == "digits" and decimals == 0 and group >= 100 and k - i > 1:
                    break
                group *= 100
                group_hundred = True
                r = r * 100
                words = True
                scaled = True
                last_kind = "hundred"
                commit(k)
                k += 1
                continue
            if kind == "mag":
                if group is None and last_kind != "mag":
                    if frac_pending is not None:
                        group = frac_pending
                    else:
                        return None if k == i else None
                if last_kind == "mag":
                    # "three lakh crore", "three thousand millions"
                    if sep_s:
                        break
                    total = total * val if group is None else (total + group) * val
                    group = None
                    last_mag = (last_mag or 1) * val
                    r *= val
                    commit(k)
                    k += 1
                    continue
                g = group or 0.0
                if last_mag is not None and val >= last_mag:
                    if total and not group:
                        break
                    # "two hundred and two thousand" handled in-group; larger mag after smaller: stop
                    break
                total += g * val
                group = None
                group_hundred = False
                r = (r if r else (0.5 if not decimals else r)) * val
                if words and not started_digits and last_kind != "digits":
                    r = 0.5 * val
                last_mag = val
                scaled = True
                words = words or True
                last_kind = "mag"
                commit(k)
                k += 1
                continue
            if kind == "point":
                # "two point five", "1 point 1"
                if group is None or k + 1 >= n:
                    break
                digs = ""
                j = k + 1
                while j < n and toks[j][0] in ("unit", "digits", "teen", "ten") and (j == k + 1 or toks[j][0] == "unit"):
                    if toks[j][0] == "digits":
                        if j != k + 1:
                            break
                        digs += toks[j][5]
                        j += 1
                        break
                    if toks[j][0] == "ten" and j + 1 < n and toks[j + 1][0] == "unit" and toks[j + 1][1] > 0:
                        digs += str(int(toks[j][1] + toks[j + 1][1]))
                        j += 2
                        break
                    digs += str(int(toks[j][1]))
                    j += 1
                    if toks[j - 1][0] in ("teen", "ten"):
                        break
                if not digs or not digs.isdigit():
                    break
                group = group + float("0." + digs)
                decimals = len(digs)
                r = 0.5 * 10 ** (-decimals)
                last_kind = "digits"
                words = True
                commit(j - 1)
                k = j
                continue
            if kind in ("ordinal", "glued_ordinal"):
                if kind == "glued_ordinal":
                    if group is not None:
                        break
                    group = val
                elif val < 10 and last_kind == "ten" and sep_s in ("", "-", "–", "—", "‑", " "):
                    group = (group or 0) + val
                elif val >= 100 and val not in (100,) and group is not None:
                    total = (total + group) * val if last_mag is None or val < last_mag else total + group * val
                    group = None
                elif val == 100 and group is not None and not group_hundred:
                    group *= 100
                elif group is None and (last_kind in ("", "mag")) and k == i:
                    group = val
                elif group is None and last_kind == "mag":
                    group = val
                elif last_kind == "hundred" and val < 100:
                    group += val
                elif last_kind == "unit" and group is not None and group < 20 and val >= 3 and k - i == 1:
                    # "one sixth": a fraction
                    group = group / val
                    fraction = True
                    words = True
                    last_kind = "fraction"
                    r = 0.0
                    commit(k)
                    k += 1
                    break
                elif last_kind == "unit" and val < 10 and group is not None and group_hundred:
                    group += val
                else:
                    break
                ordinal = True
                words = True
                last_kind = "ordinal"
                r = 0.0
                commit(k)
                k += 1
                break
            if kind == "fracden":
                if group is not None and last_kind == "unit" and group < 100 and not group_hundred:
                    group = group / val
                    fraction = True
                    words = True
                    last_kind = "fraction"
                    commit(k)
                    k += 1
                    continue
                break
            if kind == "fraction":
                # "half a dozen", "one and a half", "three quarters billion", "a quarter million"
                lw = s.lower()
                if group is None and last_kind in ("", "unit") and k == i:
                    nxt = toks[k + 1] if k + 1 < n else None
                    if nxt and nxt[0] == "article" and k + 2 < n and toks[k + 2][0] == "mag":
                        group = val * toks[k + 2][1]
                        words = True
                        last_kind = "unit"
                        commit(k + 2)
                        k += 3
                        break
                    if nxt and nxt[0] == "mag" and not nxt[4].strip(", "):
                        frac_pending = val
                        group = val
                        words = True
                        last_kind = "unit"
                        k += 1
                        continue
                    if lw in ("half",):
                        group = val
                        words = True
                        last_kind = "fraction"
                        fraction = True
                        commit(k)
                        k += 1
                        break
                    return None
                if group is not None and last_kind == "unit" and lw.endswith("s") and not group_hundred:
                    # "three quarters", "three halves"
                    group = group * val
                    fraction = True
                    words = True
                    last_kind = "unit"
                    commit(k)
                    k += 1
                    continue
                if group is not None and sep_s == "and" and last_kind in ("unit", "digits", "ten") and k >= 1:
                    pass
                if toks[k - 1][0] == "article" and k >= 2 and toks[k - 1][4].strip().lower() == "and" and group is not None:
                    # "one and a half": article token carried the "and"
                    group += val
                    fraction = True
                    commit(k)
                    k += 1
                    continue
                if group is not None and last_kind == "unit" and k == i + 1 and toks[i][0] == "article":
                    group = val  # "a quarter", "a half"
                    fraction = True
                    commit(k)
                    k += 1
                    continue
                break
            if kind == "article":
                break
            if kind == "quantifier":
                break
            break
        # "one and a half": the loop above sees "and" on the article; handle it here
        if good_end is None:
            return None
        (r, decimals, words, digits_only, scaled, ordinal, fraction, last_kind) = good_state
        value = good_val or 0.0
        end = good_end
        # "one and a half" / "two and a half million"
        m = re.match(r"\s+and\s+a\s+half\b", self.masked[end:end + 14], re.I)
        if m and not ordinal and not fraction:
            value += 0.5 if value == int(value) else 0
            end += m.end()
            words = True
            m2 = self.lx.re["scale_word"].match(self.masked, end)
            if m2:
                f = self.lx.scale_any[m2.group("s").lower()]
                value *= f
                r = 0.05 * f
                scaled = True
                end = m2.end()
        if neg:
            value = -value
        ends_digits = last_kind == "digits"
        return _Core(start, end, value, r=r, words=words, scaled=scaled, ordinal=ordinal,
                     fraction=fraction, digits_only=digits_only and not words,
                     ends_digits=ends_digits, decimals=decimals,
                     first_word=toks[0][5].lower(), ntok=consumed, lead=lead)

    # -- building one mention -------------------------------------------------------------
    def build(self, p: int, allow_twin: bool = True, in_range: bool = False) -> tuple[Mention, int, int, list[tuple[int, int]]] | None:
        lx = self.lx
        R = lx.re
        t = self.masked
        core = self.parse_core(p)
        if core is None:
            return None
        start, end = core.start, core.end
        value = core.value
        r = core.r
        extra: list[tuple[int, int]] = []
        # glued letters in front of digits ("G7", "A321"): an identifier, unless a currency
        if core.digits_only and start > 0 and t[start - 1].isalpha():
            j = start
            while j > 0 and t[j - 1].isalpha():
                j -= 1
            pre = t[j:start]
            if not (pre.lower() in lx.cur_codes or pre in lx.cur_symbols or pre.lower() in lx.cur_scaled):
                return None
        if core.first_word in ("a", "an") and not core.scaled and not core.fraction:
            pass
        # scientific notation 2.48×10−5
        if core.digits_only:
            sm = R["sci"].match(t, end)
            if sm:
                e = int(sm.group("e").replace("−", "-"))
                value = value * 10 ** e
                r = r * 10 ** e
                end = sm.end()
        # digit fractions "1/2", "20/100" (dates and codes were read before)
        if core.digits_only and core.decimals == 0 and value == int(value):
            fm = _FRACTION.match(t, end)
            if fm and 0 < value < int(fm.group(1)) <= 1000:
                value = value / int(fm.group(1))
                end = fm.end()
        # negative sign
        if value >= 0 and core.digits_only:
            k = start - 1
            if k >= 0 and t[k] in "-−":
                kk = k - 1
                if kk < 0 or t[kk] in " \t\n(<=>[":
                    # "5 -10" is a range, not a negative number
                    if not (kk > 0 and t[kk] == " " and t[kk - 1].isdigit()):
                        value, start = -value, k
            elif k >= 1 and t[k] == " " and t[k - 1] in "-−" and (k - 1 == 0 or t[k - 2] in "<=>("):
                value, start = -value, k - 1
        # currency before
        currency = None
        cur_scale = 1.0
        rev = self.before_rev(start, 24)
        best = _longest(R["cur_sym_before"].match(rev), R["cur_word_before"].match(rev))
        if best:
            typ, mm = best
            tok = mm.group("c")[::-1]
            before_tok = start - mm.end()
            # the token must start at a word boundary
            if before_tok == 0 or not (t[before_tok - 1].isalpha() and typ == "word") and not (typ == "sym" and tok.isalpha() and t[before_tok - 1].isalpha()):
                if typ == "sym":
                    currency = _symbol(lx, tok)
                else:
                    low = tok.lower()
                    if low in lx.cur_scaled:
                        currency, cur_scale = lx.cur_scaled[low]
                    else:
                        currency = lx.cur_codes.get(low) or lx.cur_names.get(low)
                if currency:
                    start = before_tok
                    # "US$ 1MM" / "u.s $100"
        # "No. 12", "#1"
        ordinal = core.ordinal
        if not currency and core.digits_only:
            om = R["ordinal_before"].match(self.before_rev(start, 12))
            if om:
                ob = start - om.end()
                if ob == 0 or not t[ob - 1].isalpha():
                    if om.group("o")[::-1] != "No" or t[start - 1] in " ." and True:
                        ordinal = True
                        start = ob
        # abbreviated scales ("3bn", "$5m", "10k")
        scaled = core.scaled
        if core.ends_digits and not ordinal:
            best_s = None
            for key, table in (("scale_abbr", lx.scale_abbr), ("scale_abbr_ci", lx.scale_abbr_ci)):
                sm = R[key].match(t, end)
                if sm:
                    w = sm.group("s")
                    f, attach = table.get(w) or table.get(w.lower())  # type: ignore[misc]
                    if attach == "currency" and not currency:
                        # "$5m"; "5m USD" too
                        cw2 = R["cur_word_after"].match(t, sm.end())
                        if not cw2:
                            continue
                    if w in ("G",) and (abs(value) < 10 and core.decimals == 0) and not currency:
                        continue  # "5G", "4G": network generations
                    if best_s is None or sm.end() > best_s[0].end():
                        best_s = (sm, f)
            if best_s:
                sm, f = best_s
                value *= f
                r = (r if r else 0.5) * f
                end = sm.end()
                scaled = True
        value *= cur_scale
        if cur_scale != 1.0:
            r = (r if r else 0.5) * cur_scale
            scaled = True
        # two-sided range: "2-3 billion", "2–3 years", "between 20 and 30", "6-8.7%"
        low_v: float | None = None
        high_v: float | None = None
        if not in_range and not ordinal and not core.quantifier:
            wb = self.word_before(start).lower()
            rs = None
            if wb == "between":
                rs = AND_RE.match(t, end)
            elif wb != "from":
                rs = R["range_sep"].match(t, end)
                if rs and rs.group().strip() in ("-", "–", "—", "~") and (core.words != (t[rs.end():rs.end() + 1].isalpha())):
                    rs = None
            if rs:
                # second number: may carry its own currency symbol
                q = rs.end()
                sub = self.build(q, allow_twin=False, in_range=True)
                if sub is not None:
                    m2 = sub[0]
                    v2 = m2.value if isinstance(m2.value, (int, float)) else None
                    if v2 is not None and m2.kind not in ("ordinal", "date") and (m2.unit in ("", currency or "") or not currency or m2.unit == currency):
                        v1 = value
                        f2 = 1.0
                        if not scaled and m2.granularity and m2.granularity.startswith("x"):
                            f2 = float(m2.granularity[1:])
                        v1 = v1 * f2
                        if v2 > v1:
                            low_v, high_v = v1, v2
                            value = v1
                            r = 0.0
                            end = sub[2]
                            extra.extend(sub[3])
                            self._range_sub = m2
                        else:
                            low_v = None
        sub_m: Mention | None = getattr(self, "_range_sub", None) if low_v is not None else None
        self._range_sub = None
        # currency after ("3 billion USD", "10$", "20 euros", "75 USD million")
        unit = ""
        kind = "count"
        if sub_m is not None and sub_m.unit:
            unit = sub_m.unit
            kind = sub_m.kind
            currency = currency or (unit if sub_m.kind == "amount" else None)
        if not ordinal and sub_m is None:
            pick = _longest(R["cur_sym_after"].match(t, end), R["cur_word_after"].match(t, end))
            if pick:
                typ, mm = pick
                tok = mm.group("c")
                if typ == "sym":
                    c2 = _symbol(lx, tok)
                    s2 = 1.0
                else:
                    low = tok.lower()
                    if low in lx.cur_scaled:
                        c2, s2 = lx.cur_scaled[low]
                    else:
                        c2, s2 = lx.cur_codes.get(low) or lx.cur_names.get(low), 1.0
                if mm.group("sp") == "-" and typ == "word" and not core.words:
                    c2 = None  # "10-dollar bill" is fine, but "3-Eur" rare; keep it simple
                if c2 and (currency is None or currency == c2):
                    currency = c2
                    end = mm.end()
                    if s2 != 1.0:
                        value *= s2
                        r = (r if r else 0.5) * s2
                        scaled = True
                    # "75 USD million"
                    sw = R["scale_word"].match(t, end)
                    if sw and not scaled:
                        f = lx.scale_any[sw.group("s").lower()]
                        if f >= 1000:
                            value *= f
                            r = (r if r else 0.5) * f
                            scaled = True
                            end = sw.end()
            # sub-units: "20 dollars 43 cents", "$20 and 43c", "US$3 and fourteen"
            if currency and not scaled and value == int(value) and core.decimals == 0 and not core.fraction:
                end, value = self._subunits(end, value, currency)
        if currency:
            kind = "amount"
            unit = currency
        # percent, units, multipliers
        if not currency and not ordinal and sub_m is None:
            um = R["unit_cs"].match(t, end)
            uc = R["unit_ci"].match(t, end)
            pick_u = None
            for mm, table, cs in ((um, lx.units, True), (uc, lx.units_ci, False)):
                if mm is None:
                    continue
                alias = mm.group("u")
                rule = table[alias] if cs else table[alias.lower()]
                sp = mm.group("sp")
                if rule.glued_only and sp not in ("",) and not alias.startswith("-"):
                    continue
                if sp == "-" and rule.kind == "multiplier" and alias != "-fold":
                    continue
                if sp == "-" and alias.startswith("-"):
                    continue
                if alias in ("x", "X") and end < self.n and (t[mm.end():mm.end() + 1].isdigit()):
                    continue
                if sp == "-" and rule.kind not in ("quantity",):
                    continue
                if pick_u is None or mm.end() > pick_u[0].end():
                    pick_u = (mm, rule)
            if pick_u:
                mm, rule = pick_u
                if rule.kind == "quantity" and core.words and not core.scaled and mm.group("u") in ("m", "t", "mi", "c", "ft"):
                    pick_u = None
            if pick_u:
                mm, rule = pick_u
                kind = "quantity" if rule.kind == "quantity" else rule.kind
                unit = rule.symbol
                if rule.to_base != 1.0 and rule.kind == "percentage_point":
                    value *= rule.to_base
                    r *= rule.to_base
                end = mm.end()
                if rule.dimension == "length":
                    sp = R["speed_per"].match(t, end)
                    if sp:
                        unit = {"km": "km/h", "mi": "mph", "m": "m/s"}.get(unit, unit + "/h")
                        end = sp.end()
            elif not core.ordinal:
                tm = R["times"].match(t, end)
                if tm:
                    nxt = self.word_after(tm.end()).lower()
                    prv = self.word_before(start).lower()
                    lead = lx.lex.get("multiplier_lead", set())
                    if nxt in lx.lex.get("multiplier_follow", set()) or prv in lead or value != int(value):
                        kind, unit = "multiplier", "x"
                        end = tm.end()
            if not unit and start >= 10:
                # "magnitude 7.1", "a magnitude-6.1 quake"
                mb = re.search(r"(?i:magnitude)[\s-]*$", t[max(0, start - 12):start])
                if mb:
                    kind, unit = "quantity", "magnitude"
        # ordinals
        if not currency and not unit:
            if core.ends_digits and not core.words:
                om = R["ord_suffix"].match(t, end)
                if om and value == int(value) and value >= 0:
                    sfx = om.group()
                    if sfx != "d" or value % 10 in (2, 3):
                        ordinal = True
                        end = om.end()
            if ordinal:
                kind, unit = "ordinal", "ordinal"
                sm2 = R["superl"].match(t, end)
                if sm2:
                    end = sm2.end()
        if kind == "count" and core.ordinal:
            kind, unit = "ordinal", "ordinal"
        if kind == "count" and not unit:
            # "percent of 10" (no number before the percent word)
            pm = _PERCENT_OF.search(t, max(0, start - 24), start)
            if pm and pm.end() == start:
                j = pm.start() - 1
                while j >= 0 and t[j] == " ":
                    j -= 1
                if j < 0 or not (t[j].isdigit() or t[j] == "\x00"):
                    kind, unit, start = "percent", "percent", pm.start()
            # "two-way trade", "one-sided": an adjective, not a count
            cm2 = _HYPHEN_WORD.match(t, end)
            if cm2 and cm2.group(1).lower() in lx.lex.get("not_counted_compound", set()):
                return None
        # glued letters after digits that are not a known suffix: an identifier ("3D", "06F6")
        if end < self.n and (t[end].isalnum() or t[end] == "_") and core.ends_digits and t[end - 1].isalnum():
            return None
        if end < self.n and t[end] == "-" and end + 1 < self.n and t[end + 1].isdigit() and kind == "count" and core.digits_only and not in_range:
            # "0912-345" leftovers, "1-2-3": leave as counts unless clearly a code
            pass
        # pronoun "one", bare articles, vague "half"
        if kind == "count" and not core.scaled and core.words:
            fw = core.first_word
            wb = self.word_before(start).lower()
            wa = self.word_after(end).lower()
            if fw == "one" and core.ntok == 1 and (wb in lx.lex.get("pronoun_one", set()) or wa in lx.lex.get("pronoun_one_follow", set())):
                return None
            if fw in ("a", "an") and value == 1:
                return None
            if core.fraction and fw == "half" and core.ntok == 1 and (
                    (wa != "of" and wb not in ("than", "about", "around", "nearly", "almost", "over", "least"))
                    or lx.words.get(wb, ("",))[0] == "ordinal" or wb in ("the", "this", "that", "other", "latter")):
                return None  # "the first half of 2025" is a period, not 0.5
        if kind == "ordinal" and core.words and core.first_word == "second":
            wb = self.word_before(start).lower()
            if wb in ("a", "per", "every", "each", "one", "split") or self._prev_is_number(start):
                return None
        # hedges before (maybe across a currency symbol and an article)
        hedge = None
        width = 0.0
        rule_h = None
        hm = R["hedge_before"].match(self.before_rev(start))
        if hm:
            hs = start - hm.end()
            phrase = hm.group("h")[::-1].lower()
            if hs == 0 or not t[hs - 1].isalpha() or not phrase[:1].isalpha():
                rule_h = lx.hedge_before.get(phrase)
                if rule_h is not None:
                    if hm.group("art").strip() and phrase in ("some", "about", "around", "under", "over"):
                        rule_h = None
                if rule_h is not None:
                    hedge, width = rule_h.direction, rule_h.width
                    start = hs
        ha = R["hedge_after"].match(t, end)
        if ha and not (ha.group("h") in ("+",) and ha.group("sp")):
            h2 = lx.hedge_after.get(ha.group("h").lower())
            ok = h2 is not None
            if ok and ha.group("h").lower() in ("max", "maximum", "at most", "at the most", "odd", "plus") and not ha.group("sp") == " ":
                ok = ha.group("h").lower() in ("odd", "plus") and t[end:end + 1] == "-"
            if ok and h2 is not None:
                if hedge is None or hedge in ("about",):
                    hedge, width = h2.direction, h2.width
                end = ha.end()
        if hedge in ("below", "above"):
            oe = R["or_equal"].match(t, end)
            if oe:
                hedge = "at_most" if hedge == "below" else "at_least"
                rule_at = next((h for h in lx.rules.hedges.values() if h.direction == hedge and h.position == "before"), None)
                width = rule_at.width if rule_at else width
                end = oe.end()
        # interval
        low: float | None
        high: float | None
        if low_v is not None and high_v is not None:
            low, high = low_v, high_v
        elif core.quantifier:
            low, high = value, core.high
        elif hedge == "below":
            low, high = value * (1 - width), value
        elif hedge == "above":
            low, high = value, value * (1 + width)
        elif hedge == "about":
            low, high = value * (1 - width), value * (1 + width)
        elif hedge == "at_least":
            low, high = value, value * (1 + width)
        elif hedge == "at_most":
            low, high = value * (1 - width), value
        else:
            low, high = value - r, value + r
        if low is not None and high is not None and low > high:
            low, high = high, low
        # noun
        noun = None
        if kind in ("count", "quantity", "ordinal"):
            noun = self._noun(end)
        gran = None
        if in_range and scaled and not core.scaled:
            gran = None
        if in_range and scaled and core.lead:
            # tell the caller which scale applied to this end of a range
            fac = value / core.lead
            gran = f"x{fac:g}" if fac != 1.0 else None
        mention_end = end
        twin = None
        if allow_twin:
            tw = re.compile(r"\s*\(\s*").match(t, end)
            if tw and tw.end() < self.n:
                q = tw.end()
                am = R["anchor"].match(t, q)
                sub = None
                if am or (t[q] in "$€£¥" or t[q:q + 3].isalpha()):
                    # a restatement may start with a hedge or a currency symbol
                    sub = self._twin_at(q)
                if sub is not None:
                    m2, a2, b2, ex2 = sub
                    close = re.compile(r"\s*\)").match(t, b2)
                    if close and _restates(kind, value, m2):
                        twin = m2
                        extra.append((end, close.end()))
                        extra.extend(ex2)
                        after = close.end()
                        sp = R["speed_per"].match(t, after)
                        if sp and kind == "quantity":
                            conv = {"km": "km/h", "mi": "mph", "m": "m/s"}
                            unit = conv.get(unit, unit)
                            twin = twin.model_copy(update={"unit": conv.get(twin.unit, twin.unit)})
                            extra.append((after, sp.end()))
        v_out: float = value
        low_out = _clean(low)
        high_out = _clean(high)
        mention = Mention(kind=kind, text=self.text[start:mention_end], start=start, end=mention_end,
                          value=_clean(v_out), unit=unit, hedge=hedge, low=low_out, high=high_out,
                          noun=noun, granularity=gran, twin=twin)
        return mention, start, mention_end, extra

    def _twin_at(self, q: int) -> tuple[Mention, int, int, list[tuple[int, int]]] | None:
        t = self.masked
        # find the first number anchor within a few characters (after a hedge / currency)
        m = self.lx.re["anchor"].search(t, q, min(self.n, q + 40))
        if not m:
            return None
        sub = self.build(m.start(), allow_twin=False)
        if sub is None:
            return None
        if sub[1] != q:
            return None
        return sub

    def _prev_is_number(self, pos: int) -> bool:
        j = pos - 1
        while j >= 0 and self.masked[j] == " ":
            j -= 1
        return j >= 0 and self.masked[j].isdigit()

    def _subunits(self, end: int, value: float, currency: str) -> tuple[int, float]:
        t = self.masked
        m = re.compile(r"(\s+and\s+|\s+)").match(t, end)
        if not m:
            return end, value
        q = m.end()
        core = self.parse_core(q)
        if core is None or core.scaled or core.ordinal or core.fraction or core.decimals or not (0 < core.value < 100):
            return end, value
        e2 = core.end
        subs = self.lx.subunits.get(currency, set()) | {"cents", "cent", "c"}
        sm = re.compile(r"\s*([A-Za-z]+)(?![A-Za-z])").match(t, e2)
        has_word = bool(sm and sm.group(1).lower() in subs)
        has_and = "and" in m.group()
        if has_word:
            e2 = sm.end()  # type: ignore[union-attr]
        else:
            nxt = t[e2:e2 + 12]
            if re.match(r"\s*[A-Za-z]", nxt) and not re.match(r"\s+(?:more|less)\b", nxt):
                return end, value
            if re.match(r"\s*\d", nxt):
                return end, value
            if not has_and and not core.words and len(t[core.start:core.end]) != 2:
                return end, value
            if has_and and re.match(r"\s*[-–]|\s*\d", nxt):
                return end, value
        return e2, value + core.value / 100

    def _noun(self, end: int) -> str | None:
        lx = self.lx
        m = lx.re["noun"].match(self.masked, end)
        if not m:
            return None
        w = m.group(1)
        lw = w.lower().strip("-'’")
        stop = lx.lex.get("counted_noun_stop", set())
        if lw in ("more", "other", "additional", "new", "further", "extra", "fewer", "less"):
            m = lx.re["noun"].match(self.masked, m.end())
            if not m:
                return None
            w = m.group(1)
            lw = w.lower().strip("-'’")
        if lw in stop or not lw or w[0].isupper() and not m.group().startswith("-"):
            return None
        if m.group().startswith("-"):
            return lw
        if lw.endswith("s") or lw in lx.lex.get("counted_noun_irregular", set()):
            return lw
        m2 = lx.re["noun"].match(self.masked, m.end())
        if m2 and not m2.group().startswith("-"):
            w2 = m2.group(1).lower()
            if w2.endswith("s") and w2 not in stop and len(w2) > 3:
                return w2
        return lw

    def run(self) -> list[Mention]:
        t = self.text
        if not t:
            return []
        has_digit = any(c.isdigit() for c in t)
        if has_digit:
            self.pass_skip()
        self.pass_dates()
        self.pass_numbers()
        self.out.sort(key=lambda m: m.start)
        # unparsed: digit runs that no pass explained
        rest = self.masked
        if has_digit:
            for m in re.finditer(r"\d+(?:[.,]\d+)*", rest):
                self.out.append(Mention(kind="unparsed", text=m.group(), start=m.start(), end=m.end()))
            self.out.sort(key=lambda m: m.start)
        return self.out


_FRACTION = re.compile(r"/(\d{1,4})(?![\d/]|[A-Za-z])")
_PERCENT_OF = re.compile(r"(?i)(?<![A-Za-z])(?:per\s?cents?|percents?|percentage)\s+of\s+")
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)")


def _restates(kind: str, value: float, m2: Mention) -> bool:
    """Is the parenthesised mention a restatement of the one before it?"""
    if kind != m2.kind:
        return False
    if kind in ("amount", "quantity"):
        return True
    return isinstance(m2.value, float) and abs(m2.value - value) <= 1e-9 * max(1.0, abs(value))


def _clean(v: float | None) -> float | None:
    if v is None:
        return None
    if isinstance(v, float) and math.isfinite(v):
        rv = round(v, 10)
        if rv == 0:
            return 0.0
        # tidy binary noise: 2.15e9 not 2.1500000000000004e9
        return float(f"{rv:.12g}")
    return v


def extract_mentions(text: str, rules: RuleSet) -> list[Mention]:
    """Every numeric mention in `text` (one sentence or line), sorted by start, no overlaps."""
    return _Ctx(_lexicon(rules), text).run()


# --------------------------------------------------------------------------------------------
# output helpers for `factlint extract`
# --------------------------------------------------------------------------------------------

def mention_dict(m: Mention) -> dict[str, Any]:
    """The JSON form of a mention (issue 3 contract); the twin is nested the same way."""
    d: dict[str, Any] = {
        "kind": m.kind, "text": m.text, "start": m.start, "end": m.end, "value": m.value,
        "unit": m.unit, "hedge": m.hedge, "low": m.low, "high": m.high,
    }
    if m.noun:
        d["noun"] = m.noun
    if m.granularity:
        d["granularity"] = m.granularity
    if m.twin is not None:
        d["twin"] = mention_dict(m.twin)
    return d


def _fmt_value(v: float | str | None) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.6g}" if abs(v) < 1e6 or v != int(v) else f"{v:,.0f}"
    return str(v)


def format_table(rows: list[tuple[str, int, Mention]]) -> str:
    """A plain-text table: where, kind, surface, span, value, unit, hedge, interval."""
    head = ("where", "kind", "text", "span", "value", "unit", "hedge", "interval")
    body = []
    for where, line, m in rows:
        for mm, prefix in ((m, ""), (m.twin, "  = ")) if m.twin is not None else ((m, ""),):
            assert mm is not None
            body.append((
                f"{where}:{line}" if not prefix else "", prefix + mm.kind,
                mm.text.replace("\n", "⏎"), f"{mm.start}-{mm.end}", _fmt_value(mm.value),
                mm.unit or "-", mm.hedge or "-",
                f"[{_fmt_value(mm.low)}, {_fmt_value(mm.high)}]" if mm.low is not None else "-",
            ))
    if not body:
        return "no mentions"
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    out = ["  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    for r in body:
        out.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(out)

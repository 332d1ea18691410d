"""Affixes: what grows a number into a quantity, before and after it.

Before: a sign, a currency symbol or code ("US$", "VND", "MUSD"), an ordinal mark ("No. 12").
After: scientific notation, a digit fraction ("3/4"), a scale abbreviation ("3bn", "$5m", "10k"),
a currency ("20 euros", "75 USD million", "$20 and 43 cents"), a unit, percent or multiplier
("149 km/h", "32.7%", "2.5x", "seven times higher"), an ordinal suffix ("47th").
Each step reads and updates the `Reading`; a step returning False says "not a quantity".
"""
from __future__ import annotations

import re

from ..rules import UnitRule
from .cursor import Cursor
from .grammar import is_whole, parse_core
from .lexicon import ScaledCode
from .nouns import count_follows
from .reading import Reading


def glued_identifier(cur: Cursor, rd: Reading) -> bool:
    """"G7", "A321": letters glued before digits name something, unless they are a currency."""
    t, start = cur.masked, rd.start
    if not (rd.core.digits_only and start > 0 and t[start - 1].isalpha()):
        return True
    j = start
    while j > 0 and t[j - 1].isalpha():
        j -= 1
    pre = t[j:start]
    lx = cur.lx
    return pre.lower() in lx.cur_codes or pre in lx.cur_symbols or pre.lower() in lx.cur_scaled


def notation(cur: Cursor, rd: Reading) -> None:
    """Scientific notation ("2.48×10−5") and digit fractions ("1/2", "20/100")."""
    if not rd.core.digits_only:
        return
    t = cur.masked
    sm = cur.pt.sci.match(t, rd.end)
    e = int(sm.group("e").replace("−", "-")) if sm else 0
    if sm and abs(e) <= 300:
        rd.value *= 10.0 ** e
        rd.r *= 10.0 ** e
        rd.end = sm.end()
    if rd.core.decimals == 0 and is_whole(rd.value):
        fm = cur.pt.fraction.match(t, rd.end)
        if fm and 0 < rd.value < int(fm.group(1)) <= 1000:
            rd.value /= int(fm.group(1))
            rd.end = fm.end()


def sign(cur: Cursor, rd: Reading) -> None:
    """"-9.5", "(- 3)", "$-50.8bn"; but "5 -10" is a range, not a negative number."""
    if rd.value < 0 or not rd.core.digits_only:
        return
    t, k = cur.masked, rd.start - 1
    if k >= 0 and t[k] in "-−":
        kk = k - 1
        if ((kk < 0 or t[kk] in " \t\n(<=>[") and not (kk > 0 and t[kk] == " " and t[kk - 1].isdigit())
                or _glued_symbol_before(cur, k)):
            rd.value, rd.start = -rd.value, k
    elif k >= 1 and t[k] == " " and t[k - 1] in "-−" and (k - 1 == 0 or t[k - 2] in "<=>("):
        rd.value, rd.start = -rd.value, k - 1


def _glued_symbol_before(cur: Cursor, pos: int) -> bool:
    """A currency symbol right before `pos` ("$-50.8bn")."""
    m = cur.pt.cur_sym_rev.match(cur.before_rev(pos, 8))
    return bool(m and not m.group("sp"))


def sign_before_currency(cur: Cursor, rd: Reading) -> None:
    """"-$50.8bn", "minus $5 million": a sign before the currency symbol."""
    if not rd.currency or rd.value < 0:
        return
    t, s = cur.masked, rd.start
    if s > 0 and t[s - 1] in "-−" and (s == 1 or t[s - 2] in " (\t"):
        rd.value, rd.start = -rd.value, s - 1
        return
    m = cur.pt.word_before.search(cur.masked, max(0, s - 30), s)
    if m and m.end() == s and m.group(1).lower() in cur.lx.lower("number_negative"):
        rd.value, rd.start = -rd.value, m.start(1)


def _longest(sym: re.Match | None, word: re.Match | None) -> tuple[str, re.Match] | None:
    """("sym" | "word", match) for the longer of a currency symbol and a currency word match."""
    if word and (sym is None or word.end() > sym.end()):
        return ("word", word)
    return ("sym", sym) if sym else None


def _currency(cur: Cursor, typ: str, tok: str) -> ScaledCode | None:
    if typ == "sym":
        code = cur.lx.symbol(tok)
        return ScaledCode(code, 1.0) if code else None
    return cur.lx.currency_word(tok)


def currency_before(cur: Cursor, rd: Reading) -> None:
    """"US$3 billion", "VND40 trillion", "USD 3 million", "MUSD 5"."""
    t, pt = cur.masked, cur.pt
    rev = cur.before_rev(rd.start, 24)
    best = _longest(pt.cur_sym_rev.match(rev), pt.cur_word_rev.match(rev))
    if not best:
        return
    typ, mm = best
    tok = mm.group("c")[::-1]
    b = rd.start - mm.end()
    # the token must start at a word boundary
    if b > 0 and t[b - 1].isalpha() and (typ == "word" or tok.isalpha()):
        return
    got = _currency(cur, typ, tok)
    if got:
        rd.currency, rd.cur_scale, rd.start = got.code, got.factor, b


def ordinal_prefix(cur: Cursor, rd: Reading) -> None:
    """"No. 12", "#1", "Wharf No.3": the number is a rank."""
    if rd.currency or not rd.core.digits_only:
        return
    t = cur.masked
    om = cur.pt.ordinal_rev.match(cur.before_rev(rd.start, 12))
    if not om:
        return
    ob = rd.start - om.end()
    if ob > 0 and t[ob - 1].isalpha():
        return
    if om.group("o")[::-1] in cur.lx.lst("number_abbrev") and t[rd.start - 1] not in " .":
        return
    rd.ordinal, rd.start = True, ob


def scale_abbreviation(cur: Cursor, rd: Reading) -> None:
    """"3bn", "3 bn", "10k", "$5m" (m is a million only with a currency: "5m" alone is metres)."""
    if not rd.core.ends_digits or rd.ordinal:
        return
    lx, pt, t = cur.lx, cur.pt, cur.masked
    best = None
    for rx, table, cs in ((pt.scale_abbr, lx.scale_abbr, True), (pt.scale_abbr_ci, lx.scale_abbr_ci, False)):
        sm = rx.match(t, rd.end)
        if not sm:
            continue
        w = sm.group("s")
        sc = table[w if cs else w.lower()]
        if sc.attach == "currency" and not rd.currency and not _counted_after(cur, sm.end()):
            continue  # "5m" is five metres; "5m USD", "1.2m tons", "5m doses" are millions
        if (w in lx.lst("scale_not_small") and abs(rd.value) < 10 and rd.core.decimals == 0
                and not rd.currency):
            continue  # "5G", "4G": network generations
        if best is None or sm.end() > best[0].end():
            best = (sm, sc.factor)
    if best:
        rd.scale(best[1])
        rd.end = best[0].end()


def _counted_after(cur: Cursor, pos: int) -> bool:
    """After "5m": a currency, a unit ("1.2m tons") or a counted noun that is no race."""
    after = cur.word_after(pos).lower().rstrip(".")
    if after in cur.lx.lower("million_m_before"):
        return True
    return count_follows(cur, pos) and after not in cur.lx.lower("metre_events")


def apply_code_scale(rd: Reading) -> None:
    rd.value *= rd.cur_scale
    if rd.cur_scale != 1.0:
        rd.r = (rd.r if rd.r else 0.5) * rd.cur_scale
        rd.scaled = True


def currency_after(cur: Cursor, rd: Reading) -> None:
    """"3 billion USD", "10$", "20 euros", "75 USD million", "10-dollar bill"."""
    lx, pt, t = cur.lx, cur.pt, cur.masked
    pick = _longest(pt.cur_sym_after.match(t, rd.end), pt.cur_word_after.match(t, rd.end))
    if pick:
        typ, mm = pick
        got = _currency(cur, typ, mm.group("c"))
        if mm.group("sp") == "-" and typ == "word" and not rd.core.words:
            got = None
        if got and _weight_not_money(cur, rd, mm):
            got = None  # "weighs 330 pounds": the unit pass reads pounds
        if got and (rd.currency is None or rd.currency == got.code):
            rd.currency = got.code
            rd.end = mm.end()
            if got.factor != 1.0:
                rd.scale(got.factor)
            sw = pt.scale_word.match(t, rd.end)
            if sw and not rd.scaled and lx.scale_any[sw.group("s").lower()] >= 1000:
                rd.scale(lx.scale_any[sw.group("s").lower()])
                rd.end = sw.end()
    if rd.currency and not rd.scaled and is_whole(rd.value) and rd.core.decimals == 0 and not rd.core.fraction:
        _subunits(cur, rd, rd.currency)
    if not rd.currency:
        _minor(cur, rd)


def _minor(cur: Cursor, rd: Reading) -> None:
    """"148p", "45 cents": the hundredth of a currency on its own."""
    m = cur.pt.minor_after.match(cur.masked, rd.end)
    if m:
        code = cur.lx.cur_minor[m["g"] or m["w"].lower()]
        rd.currency, rd.value, rd.r, rd.end = code, rd.value * 0.01, rd.r * 0.01, m.end()


def _weight_not_money(cur: Cursor, rd: Reading, mm: re.Match) -> bool:
    """"pounds" is a weight after a weight word ("weighs 330 pounds") or before "of" + a noun
    ("200 pounds of cocaine", unscaled)."""
    lx = cur.lx
    if mm.group("c").lower() not in lx.lower("weight_or_money"):
        return False
    before = cur.masked[max(0, rd.start - 48):rd.start].lower()
    if any(w in before.split() for w in lx.lower("weight_context")):
        return True
    return not rd.scaled and cur.pt.of_after.match(cur.masked, mm.end()) is not None


def _subunits(cur: Cursor, rd: Reading, currency: str) -> None:
    """"20 dollars 43 cents", "$20 and 43c", "US$3 and fourteen"."""
    pt, t = cur.pt, cur.masked
    m = pt.sub_sep.match(t, rd.end)
    if not m:
        return
    core = parse_core(cur, m.end())
    if core is None or core.scaled or core.ordinal or core.fraction or core.decimals or not (0 < core.value < 100):
        return
    e2 = core.end
    subs = cur.lx.subunits.get(currency, frozenset()) | cur.lx.lower("subunit_default")
    sm = pt.sub_word.match(t, e2)
    has_and = m.group().strip() != ""
    if sm and sm.group(1).lower() in subs:
        e2 = sm.end()
    else:
        nxt = t[e2:e2 + 12]
        if pt.sub_not_before.match(nxt) and not pt.sub_more_less.match(nxt):
            return
        if pt.sub_digit.match(nxt):
            return
        if not has_and and not core.words and len(t[core.start:core.end]) != 2:
            return
        if has_and and pt.sub_dash_digit.match(nxt):
            return
    rd.end, rd.value = e2, rd.value + core.value / 100


def _unit_at(cur: Cursor, pos: int) -> tuple[re.Match, UnitRule] | None:
    """The longest unit written at `pos`."""
    lx, pt, t = cur.lx, cur.pt, cur.masked
    pick = None
    for rx, table, cs in ((pt.unit_cs, lx.units, True), (pt.unit_ci, lx.units_ci, False)):
        mm = rx.match(t, pos)
        if mm is None:
            continue
        rule = table[mm.group("u") if cs else mm.group("u").lower()]
        if _unit_fits(cur, mm, rule) and (pick is None or mm.end() > pick[0].end()):
            pick = (mm, rule)
    return pick


def unit(cur: Cursor, rd: Reading) -> None:
    """Percent, percentage points, physical units, multipliers ("2.5x", "-fold"); a fraction
    takes the unit after an article ("half a percentage point")."""
    lx, pt, t = cur.lx, cur.pt, cur.masked
    pick = _unit_at(cur, rd.end)
    article = pt.article_after.match(t, rd.end) if rd.core.fraction and pick is None else None
    if article:
        pick = _unit_at(cur, article.end())
    if pick and pick[1].kind == "quantity" and rd.core.words and not rd.core.scaled \
            and pick[0].group("u") in lx.lst("unit_not_after_words"):
        pick = None  # "one m", "two t": not metres or tonnes
    if pick:
        mm, rule = pick
        rd.kind, rd.unit, rd.end = rule.kind, rule.symbol, mm.end()
        if rule.kind in ("percent", "percentage_point") and not rd.r and rd.value and float(rd.value).is_integer():
            rd.r = 0.5  # a share or a rate is continuous: "54 percent" is any value that rounds to 54
        if rule.to_base != 1.0 and rule.kind == "percentage_point":
            rd.value *= rule.to_base
            rd.r *= rule.to_base
        if rule.dimension == "length":
            sp = pt.speed_per.match(t, rd.end)
            if sp:
                rd.unit, rd.end = speed_symbol(rule), sp.end()
    elif not rd.core.ordinal:
        _times(cur, rd)
    if not rd.unit:
        _unit_before(cur, rd)


def speed_symbol(rule: UnitRule) -> str:
    """"149km ... per hour": the speed unit a length becomes."""
    return rule.per_hour or rule.symbol + "/h"


def _unit_fits(cur: Cursor, mm: re.Match, rule: UnitRule) -> bool:
    alias, sp = mm.group("u"), mm.group("sp")
    if rule.glued_only and sp != "" and not alias.startswith("-"):
        return False  # "2.5x", not "2.5 x"
    if sp == "-" and (alias.startswith("-") or rule.kind != "quantity"):
        return False
    if rule.kind == "multiplier" and alias.lower() in cur.lx.lower("times_sign") and cur.masked[mm.end():mm.end() + 1].isdigit():
        return False  # "3x4": dimensions, not a multiplier
    return True


def _times(cur: Cursor, rd: Reading) -> None:
    """"seven times higher", "increased three times" are multipliers; "called 3 times" is not."""
    tm = cur.pt.times.match(cur.masked, rd.end)
    if not tm or rd.scaled:
        return  # "500m times" counts occasions: no multiplier is that large
    lx = cur.lx
    nxt = cur.word_after(tm.end()).lower()
    prv = cur.word_before(rd.start).lower()
    if nxt in lx.lst("multiplier_follow") or prv in lx.lst("multiplier_lead") or not is_whole(rd.value):
        rd.kind, rd.unit, rd.end = "multiplier", "x", tm.end()


def _unit_before(cur: Cursor, rd: Reading) -> None:
    """"magnitude 7.1", "a magnitude-6.1 quake": a unit written before the number."""
    mb = cur.pt.unit_before_rev.match(cur.before_rev(rd.start, 12))
    if mb:
        word = mb.group("u")[::-1].lower()
        rule = next(u for u in cur.lx.rules.units.values() if word in (w.lower() for w in u.before))
        rd.kind, rd.unit = rule.kind, rule.symbol


def ordinal_suffix(cur: Cursor, rd: Reading) -> None:
    """"47th", "22d", "3rd-largest"."""
    t = cur.masked
    if rd.core.ends_digits and not rd.core.words:
        om = cur.pt.ord_suffix.match(t, rd.end)
        if om and is_whole(rd.value) and rd.value >= 0:
            if om.group() not in cur.lx.lst("ordinal_suffix_after_2_3") or rd.value % 10 in (2, 3):
                rd.ordinal = True
                rd.end = om.end()
    if rd.ordinal:
        rd.kind, rd.unit = "ordinal", "ordinal"
        sm = cur.pt.superlative.match(t, rd.end)
        if sm:
            rd.end = sm.end()


def multiplier_word(cur: Cursor, rd: Reading) -> bool:
    """"doubled", "halved": a multiplier; "twice", "double" only before a comparison ("twice
    the rate", "double the total"), else "twice" is a count ("arrested twice") and "double" no
    number at all ("a double murder": False)."""
    lx = cur.lx
    comparison = cur.word_after(rd.end, raw=True).lower() in lx.lst("multiplier_follow")
    if rd.core.first_word in lx.lower("multiplier_adjective") and not comparison:
        return False
    if rd.core.first_word not in lx.lower("multiplier_adverb") or comparison:
        rd.kind, rd.unit = "multiplier", "x"
    return True


def age(cur: Cursor, rd: Reading) -> None:
    """"a 34-year-old", "30 years old", "aged 16", "a six-month-old", "The senator, 72,": ages.
    An age in years has no unit (as a count has none); other ages keep theirs."""
    pt, t = cur.pt, cur.masked
    rule = cur.lx.unit_rule(rd.unit)
    if rd.kind not in ("count", "quantity") or (rule is not None and rule.dimension != "duration"):
        return
    after = pt.age_after.match(t, rd.end) if rule is not None else None
    before = pt.age_before_rev.match(cur.before_rev(rd.start, 16))
    if not (after or before or (rule is None and _apposition(cur, rd))):
        return
    if after:
        rd.end = after.end()
    rd.kind = "age"
    if rd.unit in cur.lx.lst("age_default_unit"):
        rd.unit = ""


def _apposition(cur: Cursor, rd: Reading) -> bool:
    """A whole number 1-119 alone between commas after a person ("Smith, 45, said")."""
    t = cur.masked
    if not (rd.core.digits_only and rd.value.is_integer() and 1 <= rd.value < 120):
        return False
    if not t[rd.end:rd.end + 1] == ",":
        return False
    return cur.pt.apposition_rev.match(cur.before_rev(rd.start, 24)) is not None

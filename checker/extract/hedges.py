"""Hedges: the words around a number that widen it into an interval ("nearly", "more than",
"about", "500 or more", "at least"); widths and directions are rule data (rules/hedges.toml)."""
from __future__ import annotations

from .cursor import Cursor
from .reading import Reading


def hedge_before(cur: Cursor, rd: Reading) -> None:
    """"nearly 3 billion", "more than $2 billion", "an estimated $1.6 billion"."""
    lx, t = cur.lx, cur.masked
    hm = cur.pt.hedge_rev.match(cur.before_rev(rd.start))
    if not hm:
        return
    hs = rd.start - hm.end()
    phrase = hm.group("h")[::-1].lower()
    if hs > 0 and t[hs - 1].isalpha() and phrase[:1].isalpha():
        return  # inside a word
    rule = lx.hedge_before.get(phrase)
    if rule is None or (hm.group("art").strip() and phrase in lx.lower("hedge_no_article")):
        return  # "the some", "an about": not hedges
    if phrase in lx.lower("hedge_not_before_duration") and _duration(cur, rd.unit):
        return  # "spend $2bn over five years"
    if phrase.startswith("up ") and cur.word_before(hs).lower() in lx.lower("hedge_after_motion"):
        return  # "the toll went up to 1,700": where it went, not a ceiling
    if phrase.isalpha() and t[rd.end:rd.end + 1] in ("-", "–") and t[rd.end + 1:rd.end + 2].isdigit():
        return  # "the bill passed 52-48": a vote, not a floor
    rd.hedge, rd.width, rd.start, rd.step_share = rule.direction, rule.width, hs, rule.round_step


def _duration(cur: Cursor, unit: str) -> bool:
    rule = cur.lx.unit_rule(unit)
    return rule is not None and rule.dimension == "duration"


def hedge_after(cur: Cursor, rd: Reading) -> None:
    """"500 or more", "20-odd", "5 max"; then "or equal (to)" makes a strict bound inclusive."""
    lx, t = cur.lx, cur.masked
    ha = cur.pt.hedge_after.match(t, rd.end)
    if ha and not (ha.group("h") in lx.lst("hedge_after_glued") and ha.group("sp")):
        h = ha.group("h").lower()
        rule = lx.hedge_after.get(h)
        if rule is not None and h in lx.lower("hedge_after_spaced") and ha.group("sp") != " ":
            if not (h in lx.lower("hedge_after_hyphen") and t[rd.end:rd.end + 1] == "-"):
                rule = None
        if rule is not None:
            if rd.hedge is None or rd.hedge == "about":
                rd.hedge, rd.width, rd.step_share = rule.direction, rule.width, rule.round_step
            rd.end = ha.end()
    if rd.hedge in ("below", "above"):
        oe = cur.pt.or_equal.match(t, rd.end)
        if oe:
            rd.hedge = "at_most" if rd.hedge == "below" else "at_least"
            rule_at = next((h for h in lx.rules.hedges.values() if h.direction == rd.hedge and h.position == "before"), None)
            rd.width = rule_at.width if rule_at else rd.width
            rd.end = oe.end()


def interval(rd: Reading) -> tuple[float | None, float | None]:
    """The values the reading allows: its range, its quantifier span, its hedge, or its rounding."""
    if rd.low is not None and rd.high is not None:
        return ordered(rd.low, rd.high)
    if rd.core.quantifier:
        return rd.value, rd.core.high
    return around(rd.value, rd.r, rd.hedge, rd.width, rd.step_share)


def around(v: float, r: float, hedge: str | None, w: float, share: float = 0.0) -> tuple[float, float]:
    """The interval a hedge (or, without one, the rounding half-width r) puts around v; `share`:
    the share of the printed step a hedge toward a round figure reaches at least (`printed_step`)."""
    if hedge == "below":  # (a negative figure keeps its relative width: "nearly -3 degrees")
        low = v * (1 - w)
        return ordered(min(low, v - printed_step(v, r) * share) if v > 0 else low, v)
    if hedge == "above":
        high = v * (1 + w)
        return ordered(v, max(high, v + printed_step(v, r) * share) if v > 0 else high)
    if hedge == "at_most":
        return ordered(v * (1 - w), v)
    if hedge == "at_least":
        return ordered(v, v * (1 + w))
    if hedge == "about":
        return ordered(v * (1 - w), v * (1 + w))
    return v - r, v + r


def printed_step(v: float, r: float) -> float:
    """The step of a figure as printed: twice its rounding, else that of its last digit ("three",
    "300": 1, 100). A hedge toward a round figure ("just over", "nearly": `round_step` 0.25 in
    rules/hedges.toml) means a value nearer to it than to halfway to the next step, so it reaches
    at least a quarter of the step whatever its relative width: "just over three years" holds
    3.2 years (not 3.4), "nearly 3 billion" 2.75 billion (not 2.6); "just over 27 percent" keeps
    its 3 percent (27.81). A floor ("over", "passes") says only the direction."""
    if r:
        return 2 * r
    if v != int(v) or v == 0:
        return 0.0
    n, step = int(abs(v)), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


def ordered(a: float, b: float | None) -> tuple[float, float | None]:
    return (b, a) if b is not None and a > b else (a, b)

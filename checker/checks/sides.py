"""The words of a value finding (FL101-103): who says what, in plain English.

A finding's claims fall into sides: each distinct reading outside the majority, then the
majority ("Southeast Asia Information Port puts it above 3 billion USD; the other two put it
under 3 billion USD"). With no majority, every distinct reading is a side of its own. Then one
sentence says why the sides cannot (or can only just) both hold, using the ends that face each
other ("No figure can be both under 3 billion USD and over 3 billion USD.").
"""
from __future__ import annotations

from typing import NamedTuple

from ..compare import CONFLICT
from ..models import Claim
from ..prose import COUNT_WORDS, join, time_words
from ..values import Figure, Span, amount, date_words

Figures = dict[str, Figure]  # claim id -> its interval and words, worked out once per finding

HEDGED = {"above": "above {}", "at_least": "at {} or more", "below": "just under {}",
          "at_most": "at no more than {}", "about": "at about {}", None: "at {}"}


class Hull(NamedTuple):
    """The smallest span holding every reading of a side."""

    lo: float
    hi: float | None  # None: no upper end
    lo_open: bool
    hi_open: bool
    dates: bool = False
    clock: bool = False

    def say(self, v: float, unit: str) -> str:
        """An end with its unit, or as a date or a time of day."""
        return Span(v, v, False, False, self.dates, self.clock).label(v) if self.dates else amount(v, unit)


class Side(NamedTuple):
    who: str  # "Southeast Asia Information Port", "the other two"
    claims: list[Claim]

    @property
    def verb(self) -> str:
        """"puts" for one article, "put" for several."""
        return "put" if len({c.article for c in self.claims}) > 1 else "puts"


def sides(name, majority: list[Claim], outliers: list[Claim], figs: Figures) -> list[Side]:
    """Each distinct reading outside the majority, then the majority; `name(claims)` names the
    articles of a side."""
    out: list[Side] = []
    groups = _by_reading(outliers, figs)
    for claims in groups:
        out.append(Side(name(claims), claims))
    if majority:
        n = len({c.article for c in majority})
        apart = not {c.article for c in majority} & {c.article for c in outliers}
        who = f"the other {COUNT_WORDS[n] if n < len(COUNT_WORDS) else n}" if n > 1 and apart else name(majority)
        out.append(Side(who, majority))
    return out


def _by_reading(claims: list[Claim], figs: Figures) -> list[list[Claim]]:
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        groups.setdefault((figs[c.id].notation, c.unit), []).append(c)
    return list(groups.values())


def side_phrase(side: Side, others: list[Claim], dated: bool, figs: Figures) -> str:
    """"the other two put it under 3 billion USD", "VnExpress puts it at 276 (as of 1 May 2025)"."""
    when = f" ({join(sorted({time_words(c.when) for c in side.claims}), 'or')})" if dated else ""
    return f"{side.who} {side.verb} it {reading(side.claims, others, figs)}{when}"


def reading(claims: list[Claim], others: list[Claim], figs: Figures) -> str:
    """One side's figure in words: its hedged value when it has one reading, else where its
    readings lie against the other side's ("under 3 billion USD")."""
    first = claims[0]
    if len(_by_reading(claims, figs)) == 1:
        if first.kind == "time":
            return HEDGED.get(first.hedge, "at {}").format(first.value)
        if isinstance(first.value, str):
            return ("on " if len(first.value) == 10 else "in ") + date_words(first.value)
        return HEDGED.get(first.hedge, "at {}").format(amount(first.value, first.unit))
    mine, theirs = hull(claims, figs), hull(others, figs)
    unit = _unit(claims + others)
    if mine is None or theirs is None or unit is None:
        return "at " + join([f"\u201c{c.text}\u201d" for c in claims], "or")
    if mine.hi is not None and theirs.lo >= mine.hi:
        return ("under " if mine.hi_open else "at most ") + mine.say(mine.hi, unit)
    if theirs.hi is not None and mine.lo >= theirs.hi:
        return ("above " if mine.lo_open else "at ") + mine.say(mine.lo, unit) + ("" if mine.lo_open else " or more")
    if mine.hi is None:
        return f"at {mine.say(mine.lo, unit)} or more"
    return f"between {mine.say(mine.lo, '')} and {mine.say(mine.hi, unit)}"


def why(worst: int, a: list[Claim], b: list[Claim], figs: Figures) -> str:
    """Why two sides cannot both hold (a conflict) or only just can (a tension)."""
    ha, hb = hull(a, figs), hull(b, figs)
    unit = _unit(a + b)
    if ha is None or hb is None or unit is None:
        return "Read with their hedges and rounding, no single figure fits both." if worst == CONFLICT else \
            "Read with their hedges and rounding, the figures only just fit together."
    low, high = (ha, hb) if ha.lo <= hb.lo else (hb, ha)
    if worst == CONFLICT:
        if low.hi is None or low.hi > high.lo:
            return "Read with their hedges and rounding, no single figure fits both."
        noun = "date" if low.dates else "figure"
        return f"No {noun} can be both {_upper_end(low, unit)} and {_lower_end(high, unit)}."
    top = min(x for x in (low.hi, high.hi) if x is not None) if (low.hi, high.hi) != (None, None) else None
    if top is None or top < high.lo:
        return "Both can hold only if a round figure is read loosely, as an approximation of the other."
    if top == high.lo:
        return f"Both can hold only if the figure is exactly {high.say(top, unit)}."
    return (f"Both can hold only if the figure is between {high.say(high.lo, '')} and {high.say(top, unit)}, "
            "where the two readings barely meet.")


def hull(claims: list[Claim], figs: Figures) -> Hull | None:
    spans = [s for c in claims if (s := figs[c.id].span) is not None and s.lo is not None]
    if not spans or len(spans) < len(claims) or len({s.dates for s in spans}) > 1:
        return None
    lo = min(spans, key=lambda s: (s.lo, not s.lo_open))
    bounded = [s for s in spans if s.hi is not None]
    if len(bounded) < len(spans):
        return Hull(lo.lo, None, lo.lo_open, False, lo.dates, lo.clock)
    hi = max(bounded, key=lambda s: (s.hi, not s.hi_open))
    return Hull(lo.lo, hi.hi, lo.lo_open, hi.hi_open, lo.dates, lo.clock)


def _upper_end(h: Hull, unit: str) -> str:
    if h.hi == h.lo:
        return h.say(h.hi, unit)
    return ("under " if h.hi_open else "at most ") + h.say(h.hi, unit)


def _lower_end(h: Hull, unit: str) -> str:
    if h.hi == h.lo:
        return h.say(h.lo, unit)
    return ("over " if h.lo_open else "at least ") + h.say(h.lo, unit)


def _unit(claims: list[Claim]) -> str | None:
    """The one unit of the claims (dates have none), or None when they mix units."""
    units = {c.unit for c in claims}
    return units.pop() if len(units) == 1 else None

"""Compare stage: the value algebra of hedges and rounding, and clusters of agreeing claims.

Every value is an interval (rounding and hedges, from the extract stage). Two claims agree when
one's printed value lies inside the other's interval; they are in tension when their intervals
only overlap at an edge or only once round numbers are read loosely ("2,000" for 1,929); they
conflict when the intervals cannot overlap. A group of claims about one fact is split into
mutually agreeing clusters; the one held by the most articles is the majority.
"""
from __future__ import annotations

import math
from typing import NamedTuple

from .models import Claim
from .rules import RuleSet
from .values import clock_span, days_of

AGREE, TENSION, CONFLICT = 0, 1, 2
RELATION_NAMES = {AGREE: "agree", TENSION: "tension", CONFLICT: "conflict"}


class Interval(NamedTuple):
    """(A named tuple: the value groups key their readings by intervals, tens of thousands of
    times a run, and a tuple is built, hashed and compared in C.)"""

    lo: float
    hi: float
    lo_open: bool
    hi_open: bool
    nominal: float
    loose: tuple[float, float]  # round numbers read generously ("2,000" ~ 1,500..2,500)
    hedged: bool = False
    core: "Interval | None" = None  # "about 2.2 billion" read as printed, without its hedge


def _core(v: float, r: float, slack: float) -> Interval:
    """The figure as printed, hedge aside: its rounding, or round numbers read loosely."""
    lo, hi = (v - r, v + r) if r else _loose(v, v, v, None)
    lo, hi = lo - abs(lo) * slack, hi + abs(hi) * slack
    return Interval(lo, hi, False, hi > lo, v, (lo, hi))


def interval(c: Claim, rules: RuleSet, currency: str | None) -> Interval | None:
    """The claim's interval in the group's unit, or None when it cannot be converted."""
    if c.kind == "date":
        return _date_interval(c)
    if c.kind == "time":  # minutes since midnight
        minutes = clock_span(c)
        return Interval(minutes[0], minutes[1], False, False, sum(minutes) / 2, minutes) if minutes else None
    value, lo, hi, hedge, unit = c.value, c.low, c.high, c.hedge, c.unit
    if c.kind == "amount" and currency and unit != currency:
        twin = c.twin
        if not (twin and twin.unit == currency and isinstance(twin.value, (int, float))):
            return None  # a currency converts only through a rate the article itself states
        value, lo, hi, hedge, r = twin.value, twin.low, twin.high, twin.hedge, twin.rounding
    else:
        r = c.rounding
    if not isinstance(value, (int, float)):
        return None
    factor, shift = _conversion(c, rules)
    v = float(value) * factor + shift
    lo_f = float(lo) * factor + shift if isinstance(lo, (int, float)) else v
    hi_f = float(hi) * factor + shift if isinstance(hi, (int, float)) else (
        math.inf if hi is None and hedge in ("above", "at_least") else v)
    lo_f, hi_f = min(lo_f, hi_f), max(lo_f, hi_f)
    # "at least 19" is anything from 19 up, "up to 149" anything to 149 (DESIGN.md); headlines
    # round, so their "more than 100" is a floor too, whatever the story says after
    if hedge == "at_least" or (c.headline and hedge == "above"):
        hi_f = math.inf
    if hedge == "at_most":
        lo_f = min(lo_f, 0.0)
    slack = _slack(c, rules)
    if slack:
        lo_f = lo_f - abs(lo_f) * slack if math.isfinite(lo_f) else lo_f
        hi_f = hi_f + abs(hi_f) * slack if math.isfinite(hi_f) else hi_f
    rounding = hedge is None and hi_f > lo_f
    return Interval(lo_f, hi_f, hedge == "above", hedge == "below" or rounding, v,
                    _loose(v, lo_f, hi_f, hedge), hedged=hedge is not None,
                    core=_core(v, abs(r * factor), slack) if hedge == "about" else None)


def _conversion(c: Claim, rules: RuleSet) -> tuple[float, float]:
    """(factor, shift) to the dimension's base unit; a multiple is read as a percent change
    ("1.5 times" = +50%) so that it compares with percentages."""
    if c.kind == "multiplier":
        return 100.0, -100.0
    if c.kind in ("share", "ratio"):
        return 100.0, 0.0  # a fraction ("one in four") as a percent
    if c.kind == "quantity":
        u = rules.unit(c.unit)
        return (u.to_base, u.offset) if u else (1.0, 0.0)
    return 1.0, 0.0


def _date_interval(c: Claim) -> Interval | None:
    """A day as one day number, a month or a year as the closed span of its days."""
    days = days_of(c.value)
    return Interval(days[0], days[1], False, False, days[0], days) if days else None


def _slack(c: Claim, rules: RuleSet) -> float:
    return max((t.relative for t in rules.tolerances.values()
                if (t.metric and t.metric == c.metric) or (t.unit and t.unit == c.unit)), default=0.0)


def _loose(v: float, lo: float, hi: float, hedge: str | None) -> tuple[float, float]:
    if hedge is None and lo == hi and v == int(v) and v != 0:
        n, zeros = int(abs(v)), 0
        while n % 10 == 0:
            n //= 10
            zeros += 1
        if zeros:
            half = 10 ** zeros / 2
            return v - half, v + half
    return lo, hi


def relation(a: Interval, b: Interval) -> int:
    if a.hi < b.lo or b.hi < a.lo:
        loose_overlap = a.loose[1] >= b.loose[0] and b.loose[1] >= a.loose[0]
        return TENSION if loose_overlap else CONFLICT
    if a.hi == b.lo or b.hi == a.lo:  # touching: one shared point at most
        if a.lo == b.lo and a.hi == b.hi:
            return AGREE
        left, right = (a, b) if a.hi == b.lo else (b, a)
        if left.hi_open and right.lo_open:
            return CONFLICT
        if not (left.hi_open or right.lo_open) and (left.lo == left.hi or right.lo == right.hi):
            return AGREE  # "5" and "at least five": the one value lies inside the other's range
        return TENSION
    if (a.core or b.core) and relation(a.core or a, b.core or b) != AGREE:
        return TENSION  # they agree only thanks to a wide hedge: "an estimated 2.2 billion" vs 2.25
    if _inside(a.nominal, b) or _inside(b.nominal, a):
        return AGREE
    if (a.hedged or b.hedged) and _overlap(a, b) >= 0.25 * min(a.hi - a.lo, b.hi - b.lo):
        return AGREE  # "more than 230,000" and "nearly 235,000": a hedge only bounds the value
    return TENSION


def _overlap(a: Interval, b: Interval) -> float:
    return min(a.hi, b.hi) - max(a.lo, b.lo)


def _inside(x: float, i: Interval) -> bool:
    above_lo = x > i.lo if i.lo_open else x >= i.lo
    below_hi = x < i.hi if i.hi_open else x <= i.hi
    return above_lo and below_hi


SEEDS = 8  # distinct readings tried as the seed of each cluster


def clusters(n: int, articles: list[list[str]], comparable, relate, kinds: list | None = None,
             candidates: list[set[int]] | None = None) -> list[list[int]]:
    """Greedy partition of readings (indices) into mutually agreeing clusters, heaviest first.

    Readings that cannot be compared count as agreeing: neither contradicts the other. Each round
    tries a few seeds (the most agreeable readings) and keeps the heaviest cluster: the one held
    by the most distinct articles, so reprints in one article count once. `articles` lists the
    article of every claim of each reading; `relate(i, j)` their relation. `kinds` (optional)
    gives each reading a hashable kind such that `relate` depends on the kinds alone: then it is
    asked once per pair of kinds, and `comparable` only for pairs of kinds that do not agree.
    `candidates` (optional) gives each reading the readings it may be comparable with: no other
    pair is."""
    agree = _agreement(n, comparable, relate, kinds if kinds is not None else list(range(n)),
                       candidates if candidates is not None else [set(range(n))] * n)
    left = list(range(n))
    out: list[list[int]] = []
    while left:
        left_bits = _bits(left)
        order = sorted(left, key=lambda k: (-(agree[k] & left_bits).bit_count(), k))
        best: list[int] = []
        heaviest = weight(best, articles)
        for seed in order[:SEEDS]:
            cl, cl_bits = [seed], 1 << seed
            for j in order:
                if j != seed and agree[j] & cl_bits == cl_bits:
                    cl.append(j)
                    cl_bits |= 1 << j
            if (w := weight(cl, articles)) > heaviest:
                best, heaviest = sorted(cl), w
        out.append(best)
        taken = set(best)
        left = [i for i in left if i not in taken]
    return out


def _bits(indices) -> int:
    out = 0
    for i in indices:
        out |= 1 << i
    return out


def _agreement(n: int, comparable, relate, kinds: list, candidates: list[set[int]]) -> list[int]:
    """Row i as a bit set: bit j is set when reading i agrees with j (itself, not comparable, or
    AGREE). Bit sets keep a thousand reprints of one figure from costing a million Python steps,
    and only candidate pairs are asked whether they are comparable."""
    everyone = (1 << n) - 1
    rows = [everyone] * n
    number: dict = {}
    kind = [number.setdefault(k, len(number)) for k in kinds]  # (a pair of numbers hashes faster)
    related: dict[tuple[int, int], bool] = {}  # per pair of kinds: do they fail to agree?
    for i, js in enumerate(candidates):
        for j in js:
            if i == j:
                continue
            pair = (kind[i], kind[j])
            differ = related.get(pair)
            if differ is None:
                differ = related[pair] = relate(i, j) != AGREE
            if differ and comparable(i, j):
                rows[i] &= ~(1 << j)
    return rows


def weight(cluster: list[int], articles: list[list[str]]) -> tuple[int, int]:
    """(distinct articles, claims): one article repeating a figure does not outvote another."""
    return len({a for i in cluster for a in articles[i]}), sum(len(articles[i]) for i in cluster)


def currency_of(claims: list[Claim]) -> str | None:
    units = [c.unit for c in claims if c.kind == "amount"]
    return max(sorted(set(units)), key=units.count) if units else None

"""Compare stage: turn each group of same-fact claims into findings.

Every value is an interval (rounding and hedges, from the extract stage). Two claims agree when
one's printed value lies inside the other's interval; they are in tension when their intervals
only overlap at an edge or only once round numbers are read loosely ("2,000" for 1,929); they
conflict when the intervals cannot overlap. A group is split into mutually agreeing clusters; the
largest is the majority, the rest are outliers.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .match import Group, SharedText, as_of
from .models import Claim, Finding
from .rules import RuleSet
from .values import interval_text

AGREE, TENSION, CONFLICT = 0, 1, 2


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float
    lo_open: bool
    hi_open: bool
    nominal: float
    loose: tuple[float, float]  # round numbers read generously ("2,000" ~ 1,500..2,500)
    hedged: bool = False


def interval(c: Claim, rules: RuleSet, currency: str | None) -> Interval | None:
    """The claim's interval in the group's unit, or None when it cannot be converted."""
    value, lo, hi, hedge, unit = c.value, c.low, c.high, c.hedge, c.unit
    if c.kind == "amount" and currency and unit != currency:
        twin = c.twin
        if not (twin and twin.unit == currency and isinstance(twin.value, (int, float))):
            return None  # a currency converts only through a rate the article itself states
        value, lo, hi, hedge = twin.value, twin.low, twin.high, twin.hedge
    factor = 1.0
    if c.kind == "quantity":
        u = rules.unit(unit)
        factor = u.to_base if u else 1.0
    v = float(value) * factor
    lo_f = float(lo) * factor if isinstance(lo, (int, float)) else v
    hi_f = float(hi) * factor if isinstance(hi, (int, float)) else (math.inf if hi is None and hedge in ("above", "at_least") else v)
    slack = _slack(c, rules)
    lo_f, hi_f = lo_f - abs(lo_f) * slack, hi_f + abs(hi_f) * slack
    rounding = hedge is None and hi_f > lo_f
    return Interval(lo_f, hi_f, hedge == "above", hedge == "below" or rounding, v,
                    _loose(v, lo_f, hi_f, hedge), hedged=hedge is not None)


def _slack(c: Claim, rules: RuleSet) -> float:
    base = (c.metric or "").split(".")[0]
    return max((t.relative for t in rules.tolerances.values()
                if (t.metric and t.metric == base) or (t.unit and t.unit == c.unit)), default=0.0)


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
        return CONFLICT if (left.hi_open and right.lo_open) else TENSION
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


def clusters(items: list[tuple[Claim, Interval]], comparable) -> list[list[int]]:
    """Greedy partition into mutually agreeing clusters, largest (most articles) first.

    Claims that cannot be compared count as agreeing: neither contradicts the other. Each round
    tries a few seeds (the most agreeable distinct readings) and keeps the heaviest cluster, so
    the cost stays quadratic in the group size even when a story is reprinted many times."""
    n = len(items)
    agree = [[not comparable(items[i][0], items[j][0]) or relation(items[i][1], items[j][1]) == AGREE
              for j in range(n)] for i in range(n)]
    left = list(range(n))
    out: list[list[int]] = []
    while left:
        order = sorted(left, key=lambda k: (-sum(agree[k][x] for x in left), k))
        seeds = list({_reading(items[k][1]): k for k in reversed(order)}.values())[::-1][:SEEDS]
        best: list[int] = []
        for seed in seeds:
            cl = [seed]
            for j in order:
                if j != seed and all(agree[j][x] for x in cl):
                    cl.append(j)
            if _weight(cl, items) > _weight(best, items):
                best = sorted(cl)
        out.append(best)
        taken = set(best)
        left = [i for i in left if i not in taken]
    return out


def _reading(i: Interval) -> tuple:
    return (i.lo, i.hi, i.lo_open, i.hi_open)


def _weight(cluster: list[int], items) -> tuple[int, int]:
    return len({items[i][0].article for i in cluster}), len(cluster)


def _same_sentence(a: Claim, b: Claim) -> bool:
    """Values in one sentence are items of a list ("191,000 ha of rice ..., 16,200 ha of fruit
    trees"), never two readings of one fact: a sentence is not compared with itself."""
    return a.article == b.article and a.line == b.line and a.quote == b.quote


def _currency(claims: list[Claim]) -> str | None:
    units = [c.unit for c in claims if c.kind == "amount"]
    return max(sorted(set(units)), key=units.count) if units else None


def describe(c: Claim) -> str:
    return f"\"{c.text}\" ({c.article}:{c.line})"


def label(g: Group, rules: RuleSet) -> str:
    metric, subject, _ = g.block
    base, _, change = metric.partition(".")
    rule = rules.metrics.get(base)
    name = (rule.label if rule and rule.label else base.replace("_", " "))
    if change:
        name = f"growth of {name}"
    subj = "–".join(subject) if subject else "unspecified subject"
    period, aggregation, modality = g.key
    scope = period if period != "stock" else _as_of_label(g.claims)
    extra = "" if modality == "actual" else f", {modality}"
    return f"{name} ({subj}, {scope}{extra})"


def _as_of_label(claims: list[Claim]) -> str:
    dates = sorted({as_of(c) or "date unknown" for c in claims})
    return "as of " + " / ".join(dates)


def comparability(g: Group, shared: SharedText):
    """Which pairs of a group may contradict each other."""
    def comparable(a: Claim, b: Claim) -> bool:
        if _same_sentence(a, b):
            return False
        if g.snapshot and (as_of(a) is None or as_of(b) is None or as_of(a) != as_of(b)):
            return shared.shares(a.article, b.article)
        return True
    return comparable


def _one_text(claims: list[Claim], shared: SharedText) -> bool:
    """Do all these claims come from one article or from copies of one text?"""
    articles = sorted({c.article for c in claims})
    return all(shared.shares(a, b) for i, a in enumerate(articles) for b in articles[i + 1:])


def compare_group(g: Group, rules: RuleSet, shared: SharedText) -> Finding | None:
    if g.key[2] != "actual" and g.key[0] == "unknown period":
        return None  # targets without a horizon ("$5 billion", "in the longer term $10 billion")
    currency = _currency(g.claims)
    items = [(c, i) for c in g.claims if (i := interval(c, rules, currency)) is not None]
    if len(items) < 2:
        return None
    comparable = comparability(g, shared)
    parts = clusters(items, comparable)
    if len(parts) < 2:
        return None
    major = parts[0]
    worst = AGREE
    pairs = []
    for other in parts[1:]:
        for j in other:
            rel = max((relation(items[i][1], items[j][1]) for i in major
                       if comparable(items[i][0], items[j][0])), default=AGREE)
            worst = max(worst, rel)
            pairs.append(j)
    if worst == AGREE:
        return None
    claims = [c for c, _ in items]
    majority = [items[i][0] for i in major]
    outliers = [items[j][0] for j in pairs]
    if _weight(parts[0], items) == _weight(parts[1], items):  # a tie: nobody holds the majority
        majority, outliers = [], majority + outliers
    code, name, severity = _verdict(g, worst, majority, outliers, rules, _one_text(claims, shared))
    return Finding(
        id="", rule=code, name=name, severity=severity,
        message=_message(g, worst, majority, outliers),
        fact=label(g, rules), claims=claims,
        majority=[c.id for c in majority], outliers=[c.id for c in outliers])


def _verdict(g: Group, worst: int, majority: list[Claim], outliers: list[Claim], rules: RuleSet,
             one_text: bool):
    """Stocks read at different or unknown dates, and tallies from independent sources (which
    may be hours apart even on one day), are snapshot drift; the rest conflict or tension."""
    dates = {as_of(c) for c in majority + outliers}
    drift = (g.key[0] == "stock" and len(dates) > 1) or (g.snapshot and not one_text)
    code = "FL103" if drift else ("FL101" if worst == CONFLICT else "FL102")
    check = rules.checks.get(code)
    default = {"FL101": ("value-conflict", "error"), "FL102": ("value-tension", "warning"),
               "FL103": ("snapshot-drift", "warning")}[code]
    return code, check.name if check else default[0], check.severity if check else default[1]


def _message(g: Group, worst: int, majority: list[Claim], outliers: list[Claim]) -> str:
    claims = majority + outliers
    why = ("their intervals cannot overlap" if worst == CONFLICT else
           "their intervals overlap only at an edge, or only if a round number is read loosely")
    shown = "; ".join(f"\"{c.text}\" {interval_text(c)}" for c in claims)
    if majority:
        n = len({c.article for c in majority})
        agree = " (they agree with each other)" if len(majority) > 1 else ""
        head = (f"{_list(outliers)} {'cannot be reconciled' if worst == CONFLICT else 'is in tension'} "
                f"with the majority, {len(majority)} claim{'s' if len(majority) > 1 else ''} in {n} "
                f"article{'s' if n > 1 else ''}{agree}: {_list(majority)}")
    else:
        head = f"No majority: {_list(outliers)} {'disagree' if worst == CONFLICT else 'are in tension'}"
    same = {c.article for c in outliers} & ({c.article for c in majority} or {c.article for c in outliers[1:]})
    notes = [f"Intervals: {shown}; {why}."]
    if any(c.article == d.article and c.id != d.id for c in claims for d in claims) and same:
        notes.append(f"The same article states more than one value ({', '.join(sorted(same))}).")
    if g.key[0] == "stock":
        dates = "; ".join(f"\"{c.text}\" {as_of(c) or 'date unknown'}" for c in claims)
        notes.append(f"As of: {dates}. When the dates differ or are unknown, one may be a later "
                     "figure rather than an error.")
    return f"{head}. " + " ".join(notes)


def _list(claims: list[Claim]) -> str:
    return ", ".join(describe(c) for c in claims)


def related(groups: list[Group], rules: RuleSet) -> Finding | None:
    """Claims on the same metric and subject but a different period, aggregation or modality."""
    real = {}
    for g in groups:
        real.setdefault(g.key, []).extend(g.claims)
    if len(real) < 2:
        return None
    claims = [c for g in groups for c in g.claims]
    if len({c.article for c in claims}) < 2:
        return None
    scopes = []
    for key, members in real.items():
        period, aggregation, modality = key
        when = period if period != "stock" else _as_of_label(members)
        tag = f"{aggregation}, {when}" + ("" if modality == "actual" else f", {modality}")
        values = ", ".join(sorted({c.text for c in members}))
        scopes.append(f"[{tag}]: {values}")
    g0 = groups[0]
    metric, subject, _ = g0.block
    check = rules.checks.get("FL301")
    name = label(Group(g0.block, ("", "", "actual"), claims), rules).split(" (")[0]
    subj = "–".join(subject) if subject else "unspecified subject"
    return Finding(
        id="", rule="FL301", name=check.name if check else "related-scope",
        severity=check.severity if check else "info",
        message=f"{name} for {subj} is reported with different scopes, which are not compared: " + "; ".join(scopes) + ".",
        fact=f"{name} ({subj}, several scopes)", claims=claims)


def _previous(period: str | None) -> str | None:
    """The same period a year earlier: "2025" -> "2024", "2025-01/2025-10" -> "2024-01/2024-10"."""
    if not period or not re.fullmatch(r"\d{4}(?:-\d\d)?(?:/\d{4}(?:-\d\d)?)?", period):
        return None
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) - 1), period)


def growth_checks(claims: list[Claim], rules: RuleSet) -> list[Finding]:
    """A stated growth rate against the two levels the same article gives for it.

    "2.25 billion in 2024 ... 2.98 billion in 2025, up 32.7%": the levels allow growth between
    2.975/2.255 - 1 and 2.985/2.245 - 1, i.e. 31.9% to 33.0%, so 32.7% is consistent."""
    levels: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.metric and "." not in c.metric and c.aggregation == "flow" and c.modality == "actual" \
                and isinstance(c.low, (int, float)) and isinstance(c.high, (int, float)):
            levels.setdefault((c.article, c.metric, tuple(c.subject), c.period), []).append(c)
    out = []
    for g in claims:
        if not (g.metric and g.metric.endswith(".growth") and g.unit == "percent"
                and isinstance(g.low, (int, float)) and isinstance(g.high, (int, float))):
            continue
        base = g.metric.split(".")[0]
        now = levels.get((g.article, base, tuple(g.subject), g.period), [])
        before = levels.get((g.article, base, tuple(g.subject), _previous(g.period)), [])
        if len(now) != 1 or len(before) != 1 or before[0].low <= 0:
            continue
        cur, prev = now[0], before[0]
        lo, hi = (cur.low / prev.high - 1) * 100, (cur.high / prev.low - 1) * 100
        if g.high < lo or g.low > hi:
            check = rules.checks.get("FL104")
            out.append(Finding(
                id="", rule="FL104", name=check.name if check else "growth-mismatch",
                severity=check.severity if check else "warning",
                message=(f"{describe(g)} does not follow from {describe(prev)} and {describe(cur)}: "
                         f"those levels allow growth between {lo:.1f}% and {hi:.1f}% once rounding is "
                         f"taken into account, the article states {interval_text(g)}."),
                fact=f"growth of {base} ({'–'.join(g.subject)}, {g.period})",
                claims=[prev, cur, g], outliers=[g.id]))
    return out


def trend(groups: list[Group], rules: RuleSet) -> Finding | None:
    """A cumulative total or a tally should not fall between an earlier and a later date."""
    rule = rules.metrics.get(groups[0].block[0])
    if not (rule and rule.monotone):
        return None
    dated: dict[str, list[Claim]] = {}
    for g in groups:
        if g.key[0] == "stock" and g.key[2] == "actual":
            for c in g.claims:
                if as_of(c) and not as_of(c).startswith("--") and isinstance(c.low, (int, float)):
                    dated.setdefault(as_of(c), []).append(c)
    days = sorted(dated)
    for earlier, later in zip(days, days[1:]):
        if later.startswith(earlier):
            continue  # "2025-10" and "2025-10-15": which came first is unknown
        before, after = dated[earlier], dated[later]
        if max(_top(c) for c in after) < min(c.low for c in before):
            check = rules.checks.get("FL105")
            g = groups[0]
            return Finding(
                id="", rule="FL105", name=check.name if check else "falling-total",
                severity=check.severity if check else "warning",
                message=(f"{_list(after)} as of {later} is lower than {_list(before)} as of {earlier}; "
                         "a cumulative total or running tally should not fall."),
                fact=label(Group(g.block, ("stock", "stock", "actual"), before + after), rules),
                claims=before + after, majority=[], outliers=[c.id for c in after])
    return None


def _top(c: Claim) -> float:
    return math.inf if c.high is None else float(c.high)


def compare(blocks: list[list[Group]], rules: RuleSet, shared: SharedText | None = None) -> list[Finding]:
    shared = shared or SharedText()
    findings = []
    for groups in blocks:
        for g in groups:
            f = compare_group(g, rules, shared)
            if f:
                findings.append(f)
        findings += [f for f in (trend(groups, rules), related(groups, rules)) if f]
    return findings

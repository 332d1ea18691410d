"""FL101 value-conflict, FL102 value-tension, FL103 snapshot-drift: claims of one fact whose
values disagree. The three share one comparison of each group (`outcomes`): the group is split
into agreeing clusters, the cluster held by the most articles is the majority, and each other
claim is compared with the majority claims it was matched to. What differs between the checks
is which outcomes they report."""
from __future__ import annotations

from dataclasses import dataclass

from ..compare import AGREE, CONFLICT, TENSION, Interval, clusters, currency_of, interval, relation, weight
from ..match import Group
from ..models import Claim, Finding, Match
from ..when import same_time
from .base import Check, Context, articles, fact_label, how_read, quoted, sources, what
from .sides import Side, side_phrase, sides, why

TALLY_DRIFT = "drift"


@dataclass
class Outcome:
    """One group compared."""

    group: Group
    claims: list[Claim]
    majority: list[Claim]
    outliers: list[Claim]
    worst: int  # the worst relation between an outlier and the majority claims it was matched to
    matches: list[Match]  # the matched pairs that disagree
    drift: bool  # running counts whose as-of times differ or are unknown


def outcomes(ctx: Context) -> list[Outcome]:
    if "values" not in ctx.cache:
        ctx.cache["values"] = [o for g in ctx.groups if (o := compare_group(ctx, g))]
    return ctx.cache["values"]


@dataclass
class Reading:
    """Claims of one group with one key and one interval: a thousand reprints of one figure
    are one reading, compared once."""

    claims: list[Claim]
    interval: Interval


SAMPLE = 4  # members of each reading tried when asking whether two readings were matched


def readings(ctx: Context, g: Group) -> list[Reading]:
    currency = currency_of(g.claims)
    out: dict[tuple, Reading] = {}
    for c in g.claims:
        i = interval(c, ctx.rules, currency)
        if i is not None:
            out.setdefault((g.keys[c.id], i), Reading([], i)).claims.append(c)
    return list(out.values())


def compare_group(ctx: Context, g: Group) -> Outcome | None:
    if len({c.article for c in g.claims}) == 1 and not any(c.headline for c in g.claims):
        return None  # one article's sentences state two facts, unless a headline restates one
    rs = readings(ctx, g)
    if len(rs) < 2:
        return None
    pair_ok = _comparability(ctx, g)

    def comparable(x: int, y: int) -> Match | None:
        return next((m for a in rs[x].claims[:SAMPLE] for b in rs[y].claims[:SAMPLE] if (m := pair_ok(a, b))), None)

    arts = [[c.article for c in r.claims] for r in rs]
    parts = clusters([r.interval for r in rs], arts, lambda x, y: comparable(x, y) is not None)
    if len(parts) < 2:
        return None
    worst, bad, outliers, support = AGREE, [], [], set()
    for j in (j for other in parts[1:] for j in other):
        rels = [(relation(rs[i].interval, rs[j].interval), i, m) for i in parts[0] if (m := comparable(i, j))]
        disagree = [(r, i, m) for r, i, m in rels if r != AGREE]
        if disagree:
            worst = max([worst] + [r for r, _, _ in disagree])
            bad += [m for _, _, m in disagree]
            support |= {i for _, i, _ in disagree}
            outliers.append(j)
    if worst == AGREE:
        return None
    by_id = {c.id: c for r in rs for c in r.claims}
    drift = any(_at_other_times(by_id[m.a], by_id[m.b]) for m in bad)
    majority = [c for i in sorted(support) for c in rs[i].claims]
    out = [c for j in outliers for c in rs[j].claims]
    if weight(parts[0], arts) == weight(parts[1], arts):  # a tie: nobody holds the majority
        majority, out = [], majority + out
    return Outcome(g, majority + out, majority, out, worst, _unique(bad), drift)


def _comparability(ctx: Context, g: Group):
    """Which claim pairs of a group may contradict each other (the match, or None)."""
    gap = ctx.rules.tolerances["snapshot_gap"].relative if "snapshot_gap" in ctx.rules.tolerances else 0.10

    def pair_ok(a: Claim, b: Claim) -> Match | None:
        m = g.match(a, b)
        if m is None or m.aligned:
            return m  # aligned: one sentence in two articles, another number there is another reading
        if (a.tally or b.tally) and (a.when.kind == "none" or b.when.kind == "none") and a.article != b.article:
            # A running count with no date is compared, when close enough to be the same bulletin,
            # with a reprint of its own text, or with a dated count when it is not itself stated
            # as a moving figure ("rose to", "so far"): independent snapshots may be days apart.
            undated = [c for c in (a, b) if c.when.kind == "none"]
            settled = len(undated) == 1 and not (undated[0].moving and _running(ctx, undated[0]))
            return m if (settled or ctx.shares(a.article, b.article)) and _close(a, b, gap) else None
        return m
    return pair_ok


def _running(ctx: Context, c: Claim) -> bool:
    """A count that moves by the hour (rules: `running`), like a death toll."""
    rule = ctx.rules.metrics.get(c.metric or "")
    return bool(rule and rule.running)


def _close(a: Claim, b: Claim, gap: float) -> bool:
    lo, hi = sorted((abs(float(a.value)), abs(float(b.value))))
    return hi == 0 or (hi - lo) / hi <= gap


def _at_other_times(a: Claim, b: Claim) -> bool:
    """Stocks and running counts read at different or unknown times: one may be a later figure."""
    if not (a.tally or b.tally or "stock" in (a.aggregation, b.aggregation)):
        return False
    return not same_time(a.when, b.when)


def _unique(matches: list[Match]) -> list[Match]:
    seen, out = set(), []
    for m in matches:
        if (m.a, m.b) not in seen:
            seen.add((m.a, m.b))
            out.append(m)
    return out


class _ValuesCheck(Check):
    def wanted(self, o: Outcome) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self, ctx: Context) -> list[Finding]:
        return [self.build(ctx, o) for o in outcomes(ctx) if self.wanted(o)]

    def build(self, ctx: Context, o: Outcome) -> Finding:
        parts = _sides(ctx, o)
        fields = self.fields(ctx, o, parts)
        reference = parts[-1].claims
        details = [f"How each figure reads: {how_read(o.claims)}."]
        details += list(dict.fromkeys(why(o.worst, p.claims, reference) for p in parts[:-1]))
        if o.drift:
            details.append("These totals change over time and the dates differ or are not given: one may be "
                           "a later figure rather than an error.")
        return self.finding(ctx, fact=fact_label(ctx, o.claims), claims=o.claims, fields=fields,
                            details=details, majority=o.majority, outliers=o.outliers,
                            matches=o.matches, sure=all(m.sure for m in o.matches))

    def fields(self, ctx: Context, o: Outcome, parts: list[Side]) -> dict[str, str]:
        """Template fields: {articles} "Three articles", {all} "all"/"both", {what} the fact in
        words, {sides} who puts it where; {fact}, {outliers}, {majority} as before."""
        n = max(len({c.article for c in o.claims}), len(parts))  # one article may hold two figures
        return {
            "articles": articles(o.claims, capital=True),
            "give": "gives" if len({c.article for c in o.claims}) == 1 else "give",
            "all": "both" if n == 2 else "all",
            "what": what(ctx, o.claims, timed=not o.drift),
            "sides": "; ".join(side_phrase(p, _others(o.claims, p), o.drift) for p in parts),
            "fact": fact_label(ctx, o.claims),
            "outliers": f"{sources(ctx, o.outliers)} ({quoted(o.outliers)})",
            "majority": (f"{sources(ctx, o.majority)} ({quoted(o.majority)}, {articles(o.majority)})"
                         if o.majority else "no majority"),
        }


def _sides(ctx: Context, o: Outcome) -> list[Side]:
    """The readings outside the majority, then the majority; with no majority, every reading."""
    def name(claims: list[Claim]) -> str:
        return sources(ctx, claims)
    return sides(name, o.majority, o.outliers) if o.majority else sides(name, [], o.claims)


def _others(claims: list[Claim], side: Side) -> list[Claim]:
    mine = {c.id for c in side.claims}
    return [c for c in claims if c.id not in mine]


class ValueConflict(_ValuesCheck):
    code, default_name, default_severity = "FL101", "value-conflict", "error"

    def wanted(self, o: Outcome) -> bool:
        return o.worst == CONFLICT and not o.drift


class ValueTension(_ValuesCheck):
    code, default_name, default_severity = "FL102", "value-tension", "warning"

    def wanted(self, o: Outcome) -> bool:
        return o.worst == TENSION and not o.drift


class SnapshotDrift(_ValuesCheck):
    code, default_name, default_severity = "FL103", "snapshot-drift", "warning"

    def wanted(self, o: Outcome) -> bool:
        return o.drift


__all__ = ["ValueConflict", "ValueTension", "SnapshotDrift", "Interval", "outcomes"]

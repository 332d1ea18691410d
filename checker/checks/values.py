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
from .base import Check, Context, fact_label, intervals, plural, quoted, sources

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


def compare_group(ctx: Context, g: Group) -> Outcome | None:
    currency = currency_of(g.claims)
    items = [(c, i) for c in g.claims if (i := interval(c, ctx.rules, currency)) is not None]
    if len(items) < 2:
        return None

    gap = ctx.rules.tolerances["snapshot_gap"].relative if "snapshot_gap" in ctx.rules.tolerances else 0.10

    def comparable(a: Claim, b: Claim) -> bool:
        if g.match(a, b) is None:
            return False
        if (a.tally or b.tally) and (a.when.kind == "none" or b.when.kind == "none") and a.article != b.article:
            # A running count with no date is compared, when close enough to be the same bulletin,
            # with a reprint of its own text, or with a dated count when it is not itself stated
            # as a moving figure ("rose to", "so far"): independent snapshots may be days apart.
            undated = [c for c in (a, b) if c.when.kind == "none"]
            settled = len(undated) == 1 and not (undated[0].moving and _running(ctx, undated[0]))
            return (settled or ctx.shares(a.article, b.article)) and _close(a, b, gap)
        return True

    parts = clusters(items, comparable)
    if len(parts) < 2:
        return None
    major = parts[0]
    worst, bad, outliers, drift = AGREE, [], [], False
    for other in parts[1:]:
        for j in other:
            cj, ij = items[j]
            rels = [(relation(items[i][1], ij), items[i][0]) for i in major if comparable(items[i][0], cj)]
            disagree = [(r, ci) for r, ci in rels if r != AGREE]
            if disagree:
                worst = max(worst, max(r for r, _ in disagree))
                bad += [g.match(ci, cj) for _, ci in disagree]
                drift = drift or any(_at_other_times(ci, cj) for _, ci in disagree)
                outliers.append(cj)
    if worst == AGREE:
        return None
    # Shown: the outliers and the majority claims each was matched to, nothing else of the group.
    involved = {m.a for m in bad} | {m.b for m in bad}
    majority = [items[i][0] for i in major if items[i][0].id in involved]
    if weight(parts[0], items) == weight(parts[1], items):  # a tie: nobody holds the majority
        majority, outliers = [], majority + outliers
    claims = [c for c, _ in items if c.id in involved]
    return Outcome(g, claims, majority, outliers, worst, _unique(bad), drift)


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
        fields = self.fields(ctx, o)
        details = [f"As printed: {intervals(o.claims)}."]
        if o.drift:
            dates = "; ".join(f"\u201c{c.text}\u201d {c.when.label or 'date unknown'}" for c in o.claims)
            details.append(f"As of: {dates}. These totals change over time and the dates differ or "
                           "are unknown: one may be a later figure rather than an error.")
        details.append("Matched because: " + "; ".join(dict.fromkeys(e for m in o.matches for e in m.evidence[:2])) + ".")
        return self.finding(ctx, fact=fact_label(ctx, o.claims), claims=o.claims, fields=fields,
                            details=details, majority=o.majority, outliers=o.outliers,
                            matches=o.matches, sure=all(m.sure for m in o.matches))

    def fields(self, ctx: Context, o: Outcome) -> dict[str, str]:
        arts = {c.article for c in o.majority}
        return {
            "fact": fact_label(ctx, o.claims),
            "outliers": f"{sources(ctx, o.outliers)} ({quoted(o.outliers)})",
            "majority": (f"{sources(ctx, o.majority)} ({quoted(o.majority)}, "
                         f"{plural(len(arts), 'article')})") if o.majority else "no majority",
            "sources": plural(len({c.article for c in o.claims}), "source"),
        }


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

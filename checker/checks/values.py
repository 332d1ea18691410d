"""FL101 value-conflict, FL102 value-tension, FL103 snapshot-drift: claims of one fact whose
values disagree. The three share one comparison of each group (`outcomes`): the group is split
into agreeing clusters, the cluster held by the most articles is the majority, and each other
claim is compared with the majority claims it was matched to. What differs between the checks
is which outcomes they report."""
from __future__ import annotations

from dataclasses import dataclass

from ..compare import AGREE, CONFLICT, TENSION, Interval, clusters, currency_of, interval, relation, weight
from ..match import Group, Link
from ..models import Claim, Finding, Match
from ..values import figures
from ..when import same_time
from .base import Check, Context, articles, fact_label, how_read, quoted, running, sources, tolerance, what
from .sides import Figures, Side, side_phrase, sides, why

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
        ctx.cache["values"] = [o for g in ctx.groups for o in compare_group(ctx, g)]
    return ctx.cache["values"]


@dataclass
class Reading:
    """Claims of one group with one key and one interval: a thousand reprints of one figure
    are one reading, compared once."""

    claims: list[Claim]
    interval: Interval  # in the group's unit
    own: Interval | None  # in its own unit (a currency the group does not mostly use)
    measured: Interval | None = None  # a whole measurement read as rounded to it (see `relation`)

    def relation(self, other: "Reading") -> int:
        """One sentence's "VND40 trillion" against another's "VND40 billion": in their own
        currency when both print it, whatever the group's; two ranges that quote other ends
        are in tension even where they overlap. Measurements in two units are compared as
        measured, each holding what rounds to it: one outlet's conversion of the other's figure
        is rounded ("a 61-metre rocket", "the 200-foot rocket")."""
        a, b = self.claims[0], other.claims[0]
        same_unit = a.unit == b.unit and self.own is not None and other.own is not None
        if same_unit:
            rel = relation(self.own, other.own)
        elif self.measured and other.measured:
            rel = relation(self.measured, other.measured)
        else:
            rel = relation(self.interval, other.interval)
        if rel == AGREE and a.is_range and b.is_range and (a.low, a.high) != (b.low, b.high):
            return TENSION
        return rel

    def kind(self) -> tuple:
        """What `relation` reads: readings of one kind relate alike to every other reading."""
        a = self.claims[0]
        return a.unit, self.interval, self.own, self.measured, a.is_range, a.low, a.high


SAMPLE = 4  # members of each reading tried when asking whether two readings were matched


def readings(ctx: Context, g: Group) -> list[Reading]:
    currency = currency_of(g.claims)
    out: dict[tuple, Reading] = {}
    for c in g.claims:
        i = interval(c, ctx.rules, currency)
        if i is not None:
            own = interval(c, ctx.rules, c.unit) if c.kind == "amount" and c.unit != currency else i
            shown = interval(_measured(c), ctx.rules, None) if c.kind == "quantity" else None
            key = (g.keys[c.id], i, own, shown, c.is_range)
            r = out.get(key)
            if r is None:  # (most claims are reprints of a reading already made)
                r = out[key] = Reading([], i, own, shown)
            r.claims.append(c)
    return list(out.values())


def _measured(c: Claim) -> Claim:
    """A whole measurement printed without a hedge or a range holds what rounds to it ("61
    metres" is 60.5 to 61.5 metres; "200 feet" 199.5 to 200.5: its zeros are read as printed)."""
    if c.hedge is not None or c.low != c.high or not isinstance(c.value, (int, float)) or c.value != int(c.value):
        return c
    return c.model_copy(update={"low": c.value - 0.5, "high": c.value + 0.5})


def compare_group(ctx: Context, g: Group) -> list[Outcome]:
    """The disagreements of one group, one outcome per set of readings that disagree with each
    other (a story's two separate disputes about one measure are two findings)."""
    if len({c.article for c in g.claims}) == 1 and not any(c.headline for c in g.claims):
        return []  # one article's sentences state two facts, unless a headline restates one
    rs = readings(ctx, g)
    if len(rs) < 2:
        return []
    pair_ok = _comparability(ctx, g)
    asked: dict[tuple[int, int], Link | None] = {}  # clusters and the disputes below ask the same pairs

    samples = [r.claims[:SAMPLE] for r in rs]

    def comparable(x: int, y: int) -> Link | None:
        """(Loops, not a generator: a large group asks this a million times.)"""
        key = (x, y)
        if key in asked:
            return asked[key]
        found = None
        for a in samples[x]:
            for b in samples[y]:
                found = pair_ok(a, b)
                if found is not None:
                    asked[key] = found
                    return found
        asked[key] = found
        return found

    arts = [[c.article for c in r.claims] for r in rs]
    near = g.linkable(samples)
    parts = clusters(len(rs), arts, lambda x, y: comparable(x, y) is not None, lambda x, y: rs[x].relation(rs[y]),
                     kinds=[r.kind() for r in rs], candidates=near)
    if len(parts) < 2:
        return []
    edges = [(i, j, rel, m) for j in (j for other in parts[1:] for j in other) for i in parts[0]
             if i in near[j] and (rel := rs[i].relation(rs[j])) != AGREE and (m := comparable(i, j))]
    tie = weight(parts[0], arts) == weight(parts[1], arts)  # nobody holds the majority
    return [_outcome(g, rs, part, tie) for part in _disputes(edges)]


def _disputes(edges: list[tuple[int, int, int, Link]]) -> list[list[tuple[int, int, int, Link]]]:
    """Disagreeing pairs joined into disputes: pairs that share a reading are one dispute."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _, _ in edges:
        parent[find(i)] = find(-1 - j)  # majority reading i is node i, outlier j is node -1-j
    out: dict[int, list] = {}
    for e in edges:
        out.setdefault(find(e[0]), []).append(e)
    return list(out.values())


def _outcome(g: Group, rs: list[Reading], dispute: list[tuple[int, int, int, Link]], tie: bool) -> Outcome:
    majority = [c for i in sorted({e[0] for e in dispute}) for c in rs[i].claims]
    outliers = [c for j in sorted({e[1] for e in dispute}) for c in rs[j].claims]
    by_id = {c.id: c for c in majority + outliers}  # each link joins a claim of each side
    matches = [link.model() for link in _unique([e[3] for e in dispute])]
    drift = any(_at_other_times(by_id[m.a], by_id[m.b]) for m in matches)
    if tie:
        majority, outliers = [], majority + outliers
    return Outcome(g, majority + outliers, majority, outliers, max(e[2] for e in dispute), matches, drift)


def _comparability(ctx: Context, g: Group):
    """Which claim pairs of a group may contradict each other (why they are one fact, or None)."""
    gap = tolerance(ctx, "snapshot_gap", 0.10)

    def pair_ok(a: Claim, b: Claim) -> Link | None:
        m = g.link(a, b)
        if m is None or m.aligned:
            return m  # aligned: one sentence in two articles, another number there is another reading
        if _vague(a) or _vague(b):
            return None  # "thousands of people": too loose to contradict another source's count
        if (a.tally or b.tally) and (a.when.kind == "none" or b.when.kind == "none") and a.article != b.article:
            # A running count with no date is compared, when close enough to be the same bulletin,
            # with a reprint of its own text, with an article that prints another moving figure
            # alike, or with a dated count when it is not itself stated as a moving figure ("rose
            # to", "so far"): independent snapshots may be days apart.
            if not _close(a, b, gap):
                return None
            undated = [c for c in (a, b) if c.when.kind == "none"]
            if not any(c.moving and running(ctx, c) for c in undated) or ctx.shares(a.article, b.article):
                return m
            why = ctx.same_bulletin(a.article, b.article, g)
            return m._replace(evidence=(*m.evidence, why)) if why else None
        return m
    return pair_ok


def _vague(c: Claim) -> bool:
    """"thousands", "dozens", "tens of thousands": a count in words that spans a decade."""
    return (c.kind == "count" and c.hedge is None and not any(ch.isdigit() for ch in c.text)
            and isinstance(c.low, (int, float)) and isinstance(c.high, (int, float)) and c.high >= 4 * c.low > 0)


def _close(a: Claim, b: Claim, gap: float) -> bool:
    lo, hi = sorted((abs(float(a.value)), abs(float(b.value))))
    return hi == 0 or (hi - lo) / hi <= gap


def _at_other_times(a: Claim, b: Claim) -> bool:
    """Stocks and running counts read at different or unknown times: one may be a later figure."""
    if not (a.tally or b.tally or "stock" in (a.aggregation, b.aggregation)):
        return False
    return not same_time(a.when, b.when)


def _unique(matches: list[Link]) -> list[Link]:
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
        figs = figures(o.claims)  # every side and reading reads them
        parts = _sides(ctx, o, figs)
        fields = self.fields(ctx, o, parts, figs)
        reference = parts[-1].claims
        details = [f"How each figure reads: {how_read(o.claims, lambda c: figs[c.id].words)}."]
        details += list(dict.fromkeys(why(o.worst, p.claims, reference, figs) for p in parts[:-1]))
        if o.drift:
            details.append("These totals change over time and the dates differ or are not given: one may be "
                           "a later figure rather than an error.")
        return self.finding(ctx, fact=fields["fact"], claims=o.claims, fields=fields,
                            details=details, majority=o.majority, outliers=o.outliers,
                            matches=o.matches, sure=all(m.sure for m in o.matches))

    def fields(self, ctx: Context, o: Outcome, parts: list[Side], figs: Figures) -> dict[str, str]:
        """Template fields: {articles} "Three articles", {all} "all"/"both", {what} the fact in
        words, {sides} who puts it where; {fact}, {outliers}, {majority} as before."""
        n = max(len({c.article for c in o.claims}), len(parts))  # one article may hold two figures
        return {
            "articles": articles(o.claims, capital=True),
            "give": "gives" if len({c.article for c in o.claims}) == 1 else "give",
            "all": "both" if n == 2 else "all",
            "what": what(ctx, o.claims, timed=not o.drift),
            "sides": "; ".join(side_phrase(p, _others(o.claims, p), o.drift, figs) for p in parts),
            "fact": fact_label(ctx, o.claims),
            "outliers": f"{sources(ctx, o.outliers)} ({quoted(o.outliers)})",
            "majority": (f"{sources(ctx, o.majority)} ({quoted(o.majority)}, {articles(o.majority)})"
                         if o.majority else "no majority"),
        }


def _sides(ctx: Context, o: Outcome, figs: Figures) -> list[Side]:
    """The readings outside the majority, then the majority; with no majority, every reading."""
    def name(claims: list[Claim]) -> str:
        return sources(ctx, claims)
    return sides(name, o.majority, o.outliers, figs) if o.majority else sides(name, [], o.claims, figs)


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

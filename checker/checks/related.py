"""FL301 related-scope: one measure and subject reported for a different period, as-of time,
aggregation or modality. Not a discrepancy, but where editors get confused, so the figures are
listed side by side (collapsed in reports) instead of left unsaid. Claims already in a value
finding are not listed again."""
from __future__ import annotations

from collections import defaultdict

from ..models import Claim, Finding
from ..prose import join, time_words
from .base import Check, Context, fact_label, measure_name, subject_label, what

# how an editor names a figure's scope (the model's aggregation and modality values)
AGGREGATION_WORDS = {"flow": "over a period", "stock": "a total", "change": "a change", "rank": "a rank",
                     "property": "a property", "mean": "an average", "peak": "a peak"}
MODALITY_WORDS = {"target": "a target", "forecast": "a forecast", "estimate": "an estimate"}


class RelatedScope(Check):
    code, default_name, default_severity = "FL301", "related-scope", "info"

    def run(self, ctx: Context) -> list[Finding]:
        in_errors = {c.id for f in ctx.cache.get("findings", []) if f.severity == "error" for c in f.claims}
        out = []
        for claims, reasons in _components(ctx):
            claims = [c for c in claims if c.id not in in_errors]  # an error already shows them
            if len({c.article for c in claims}) < 2:
                continue
            out.append(self.build(ctx, claims, reasons))
        return out

    def build(self, ctx: Context, claims: list[Claim], reasons: list[str]) -> Finding:
        scopes: dict[str, list[str]] = defaultdict(list)
        for c in claims:
            scopes[scope_words(c)].append(f"\u201c{c.text}\u201d")
        listed = "; ".join(f"{join(sorted(set(v)))} ({tag})" for tag, v in sorted(scopes.items()))
        fields = {"what": what(ctx, claims, timed=False), "scopes": listed,
                  "metric": measure_name(ctx, claims), "subject": subject_label(claims)}
        details = [f"Related because: {'; '.join(reasons[:4])}."] if reasons else []
        return self.finding(ctx, fact=fact_label(ctx, claims).split(" (")[0] + f" ({subject_label(claims)}, several scopes)",
                            claims=claims, fields=fields, details=details)


def scope_words(c: Claim) -> str:
    """"a total, as of 1 December 2025", "a target, no date given": what kind of figure, when."""
    kind = MODALITY_WORDS.get(c.modality) or AGGREGATION_WORDS.get(c.aggregation, c.aggregation)
    return f"{kind}, {time_words(c.when)}"


def _components(ctx: Context) -> list[tuple[list[Claim], list[str]]]:
    """Related pairs joined into sets of claims (a claim in two pairs joins them)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_id: dict[str, Claim] = {}
    reasons: dict[str, list[str]] = defaultdict(list)
    for r in ctx.related:
        first = r.claims[0].id
        root = find(first)  # stays the root: only other roots are hung under it
        for c in r.claims:
            by_id[c.id] = c
            if c.id != first:
                parent[find(c.id)] = root
        reasons[first] += r.reasons
    comps: dict[str, list[Claim]] = defaultdict(list)
    for cid in sorted(by_id):
        comps[find(cid)].append(by_id[cid])
    why: dict[str, set[str]] = defaultdict(set)  # root -> the reasons of its pairs (held by each pair's first claim)
    for first, said in reasons.items():
        why[find(first)].update(said)
    return [(cs, sorted(why[root])) for root, cs in sorted(comps.items())]

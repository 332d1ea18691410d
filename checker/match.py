"""Match stage: group claims that state the same fact.

Claims are blocked by (metric, subject, dimension): only claims in one block are ever compared,
which keeps matching near-linear. Inside a block they are partitioned by period (flows),
aggregation and modality; partitions of one block are "related but differently scoped".
Running tallies (death tolls) are further split into snapshots.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .models import Claim
from .rules import RuleSet

SHINGLE = 7  # words: two articles sharing a run this long reprint one text

COMPARABLE = {"amount", "count", "percent", "percentage_point", "multiplier", "quantity", "ordinal"}


@dataclass
class Group:
    """Claims about one fact (same key); `block` names the metric and subject it shares."""

    block: tuple[str, tuple[str, ...], str]
    key: tuple[str, str, str]  # (period or "stock", aggregation, modality class)
    claims: list[Claim]
    snapshot: bool = False  # a running-tally snapshot inferred from values, dates unknown


@dataclass
class SharedText:
    """Which articles reprint the same agency text (share a run of SHINGLE words).

    Syndicated copies describe one bulletin, so their running tallies are the same snapshot even
    when no date is printed; independent articles without dates may be hours apart."""

    index: dict[str, set[int]] = field(default_factory=dict)  # article -> hashed word runs
    known: dict[tuple[str, str], bool] = field(default_factory=dict)  # answers so far

    @classmethod
    def build(cls, texts: dict[str, list[str]]) -> "SharedText":
        index = {}
        for article, sentences in texts.items():
            runs: set[int] = set()
            for text in sentences:
                words = re.findall(r"[a-z]+", text.lower())
                runs.update(hash(" ".join(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1))
            index[article] = runs
        return cls(index)

    def shares(self, a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self.known:
            self.known[key] = not self.index.get(a, set()).isdisjoint(self.index.get(b, set()))
        return self.known[key]


def dimension(claim: Claim, rules: RuleSet) -> str:
    if claim.kind == "amount":
        return "money"
    if claim.kind == "quantity":
        unit = rules.unit(claim.unit)
        return unit.dimension if unit else claim.unit
    return claim.kind


def modality_class(modality: str) -> str:
    """Estimates are readings of the actual figure; targets and forecasts are other facts."""
    return "actual" if modality in ("actual", "estimate") else modality


def blocks(claims: list[Claim], rules: RuleSet) -> dict[tuple, list[Claim]]:
    out: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.metric and c.kind in COMPARABLE and isinstance(c.value, (int, float)):
            out[(c.metric, tuple(c.subject), dimension(c, rules))].append(c)
    return dict(sorted(out.items()))


def partition(block: list[Claim]) -> dict[tuple[str, str, str], list[Claim]]:
    parts: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in block:
        period = c.period or "unknown period"
        if c.aggregation in ("stock", "count", "rank"):
            period = "stock"
        elif c.aggregation == "property":
            period = "any time"  # a magnitude, a village's size: not tied to a date
        parts[(period, c.aggregation, modality_class(c.modality))].append(c)
    return dict(sorted(parts.items()))


def as_of(c: Claim) -> str | None:
    if c.period and c.period.startswith("as of "):
        return c.period[6:]
    return None


def _gap(a: Claim, b: Claim) -> float:
    lo = min(float(a.value), float(b.value))
    hi = max(float(a.value), float(b.value))
    return (hi - lo) / hi if hi else 0.0


def _chain(claims: list[Claim], gap: float) -> list[list[Claim]]:
    """Claims sorted by value, cut wherever neighbours are more than `gap` apart."""
    runs: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (float(c.value), c.id)):
        if runs and _gap(runs[-1][-1], c) <= gap:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def snapshots(claims: list[Claim], gap: float) -> list[list[Claim]]:
    """Split a running tally into likely snapshots.

    Claims of one as-of date whose values lie within `gap` (relative) of each other are one
    snapshot (one day can carry several bulletins); an undated claim joins the dated snapshot
    with the nearest value within `gap`, else undated claims chain into snapshots of their own."""
    dated = [run for day in sorted({as_of(c) for c in claims if as_of(c)})
             for run in _chain([c for c in claims if as_of(c) == day], gap)]
    loose: list[Claim] = []
    for c in sorted((c for c in claims if not as_of(c)), key=lambda c: (float(c.value), c.id)):
        best = min(((min(_gap(c, d) for d in run), i) for i, run in enumerate(dated)), default=None)
        if best and best[0] <= gap:
            dated[best[1]].append(c)
        else:
            loose.append(c)
    return dated + _chain(loose, gap)


def group(claims: list[Claim], rules: RuleSet) -> list[list[Group]]:
    """Per block, its groups; each group holds the claims of one fact key."""
    tol = rules.tolerances.get("snapshot_gap")
    gap = tol.relative if tol else 0.10
    out = []
    for bkey, block in blocks(claims, rules).items():
        groups = []
        metric = rules.metrics.get(bkey[0].split(".")[0])
        for pkey, members in partition(block).items():
            if metric and metric.running and pkey[0] == "stock" and "." not in bkey[0]:
                for snap in snapshots(members, gap):
                    groups.append(Group(bkey, pkey, snap, snapshot=True))
            elif pkey[0] == "stock":  # one group per as-of date; undated figures join the nearest
                groups += [Group(bkey, pkey, snap) for snap in snapshots(members, math.inf)]
            else:
                groups.append(Group(bkey, pkey, members))
        out.append(groups)
    return out

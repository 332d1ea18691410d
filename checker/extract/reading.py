"""One number being read: the core and everything the affix passes add to it."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import Mention
from ..rules import HedgeRule
from .cursor import Span
from .grammar import Core


@dataclass
class Reading:
    core: Core
    start: int
    end: int
    value: float
    r: float  # half-width of the rounding interval
    extra: list[Span] = field(default_factory=list)  # spans read outside [start, end) (twin, range end)
    ordinal: bool = False
    scaled: bool = False
    currency: str | None = None
    cur_scale: float = 1.0  # scale of a prefixed code ("MUSD")
    kind: str = "count"
    unit: str = ""
    unit_text: str | None = None  # a unit the rules do not know, as written
    range_end: "Built | None" = None  # the second number of a two-sided range
    unit_from: Mention | None = None  # "from 5 to 7 per cent": the mention whose unit 5 takes
    low: float | None = None
    high: float | None = None
    hedge: str | None = None
    hedge_rule: HedgeRule | None = None
    width: float = 0.0
    step_share: float = 0.0  # the hedge's round_step

    @classmethod
    def of(cls, core: Core) -> "Reading":
        return cls(core=core, start=core.start, end=core.end, value=core.value, r=core.r,
                   ordinal=core.ordinal, scaled=core.scaled)

    def scale(self, factor: float) -> None:
        """Multiply by a scale word or abbreviation; an unrounded value rounds at the scale."""
        self.value *= factor
        self.r = (self.r if self.r else 0.5) * factor
        self.scaled = True


class Built(NamedTuple):
    """A finished mention, the span it covers, and the spans its twin / range end covered."""

    mention: Mention
    start: int
    end: int
    extra: list[Span]
    scale: float = 1.0  # the scale applied to its first digit group (for the range before it)


def clean(v: float | None) -> float | None:
    """Tidy binary noise: 2.15e9, not 2.1500000000000004e9."""
    if v is None or not (isinstance(v, float) and math.isfinite(v)):
        return v
    if v.is_integer() and abs(v) < 1e12:
        return v + 0.0  # whole numbers this small carry no noise (+ 0.0 turns -0.0 into 0.0)
    rv = round(v, 10)
    return 0.0 if rv == 0 else float(f"{rv:.12g}")

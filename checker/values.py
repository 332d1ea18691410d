"""How values and intervals are written in reports and messages."""
from __future__ import annotations

from .models import Claim


def number(v: float | str | None) -> str:
    if v is None:
        return "∞"
    if isinstance(v, str):
        return v
    for scale, word in ((1e12, " tn"), (1e9, " bn"), (1e6, " mn")):
        if abs(v) >= scale:
            return f"{v / scale:.6g}{word}"
    return f"{v:.6g}" if v != int(v) else f"{int(v):,}"


def interval_text(c: Claim) -> str:
    lo = c.low if c.low is not None else c.value
    if lo == c.high or (c.high is None and c.hedge not in ("above", "at_least")):
        return f"= {number(c.value)}"
    left = "(" if c.hedge == "above" else "["
    right = ")" if c.hedge == "below" or c.hedge is None or c.high is None else "]"
    return f"{left}{number(lo)}, {number(c.high)}{right}"

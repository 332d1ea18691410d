"""Twins: a value restated in parentheses in another unit or currency is one claim with two
readings ("VND40 trillion ($1.6 billion)", "149 km/h (92 mph)")."""
from __future__ import annotations

from typing import Callable

from ..models import Mention
from .affixes import speed_symbol
from .cursor import Cursor, Span
from .hedges import around
from .patterns import MONEY_MARKS
from .reading import Built, Reading, clean

TWIN_REACH = 40  # characters between "(" and the restated number (a hedge, a currency)


def read_twin(cur: Cursor, rd: Reading, build: Callable[..., Built | None]) -> Mention | None:
    """The parenthesised restatement right after the reading, if any; its spans join rd.extra."""
    t, pt = cur.masked, cur.pt
    tw = pt.twin_open.match(t, rd.end)
    if not tw:
        return _or_twin(cur, rd, build)
    if tw.end() >= cur.n:
        return None
    q = tw.end()
    if not (pt.anchor.match(t, q) or t[q] in MONEY_MARKS or t[q:q + 3].isalpha()):
        return None
    sub = _number_at(cur, q, build)
    if sub is None:
        return None
    close = pt.twin_close.match(t, sub.end)
    if not close or not _restates(rd, sub.mention):
        return None
    twin = _shared_hedge(rd, sub.mention)
    rd.extra.append(Span(rd.end, close.end()))
    rd.extra.extend(sub.extra)
    sp = pt.speed_per.match(t, close.end())
    if sp and rd.kind == "quantity":  # "149km (92 miles) per hour"
        rd.unit = _per_hour(cur, rd.unit)
        twin = twin.model_copy(update={"unit": _per_hour(cur, twin.unit)})
        rd.extra.append(Span(close.end(), sp.end()))
    return twin


def _or_twin(cur: Cursor, rd: Reading, build: Callable[..., Built | None]) -> Mention | None:
    """"36,000 acres, or roughly 48 square miles", "$5 billion, or about 4.6 billion euros": a
    restatement after ", or" in another unit of the same dimension (or another currency)."""
    tw = cur.pt.twin_or.match(cur.masked, rd.end)
    if not tw or rd.kind not in ("amount", "quantity"):
        return None
    sub = _number_at(cur, tw.end(), build)
    if sub is None or sub.mention.kind != rd.kind or sub.mention.unit == rd.unit:
        return None
    if rd.kind == "quantity":
        a, b = cur.lx.unit_rule(rd.unit), cur.lx.unit_rule(sub.mention.unit)
        if a is None or b is None or a.dimension != b.dimension:
            return None  # "12 miles, or 30 minutes": another measure
    rd.extra.append(Span(rd.end, sub.end))
    rd.extra.extend(sub.extra)
    return _shared_hedge(rd, sub.mention)


def _number_at(cur: Cursor, q: int, build: Callable[..., Built | None]) -> Built | None:
    """The value whose mention starts at q (a hedge or a currency may come before its digits)."""
    m = cur.pt.anchor.search(cur.masked, q, min(cur.n, q + TWIN_REACH))
    sub = build(cur, m.start(), allow_twin=False) if m else None
    return sub if sub is not None and sub.start == q else None


def _shared_hedge(rd: Reading, twin: Mention) -> Mention:
    """"up to 130 km/h (80 mph)": the restatement is hedged as the value it restates."""
    if twin.hedge is not None or rd.hedge is None or not isinstance(twin.value, float) or twin.is_range:
        return twin
    r = (twin.high - twin.low) / 2 if isinstance(twin.low, float) and isinstance(twin.high, float) else 0.0
    low, high = around(twin.value, r, rd.hedge, rd.width, rd.step_share)
    return twin.model_copy(update={"hedge": rd.hedge, "low": clean(low), "high": clean(high)})


def _per_hour(cur: Cursor, symbol: str) -> str:
    rule = cur.lx.unit_rule(symbol)
    return speed_symbol(rule) if rule is not None and rule.dimension == "length" else symbol


def _restates(rd: Reading, m2: Mention) -> bool:
    """Is the parenthesised mention a restatement of the one before it?"""
    if rd.kind != m2.kind:
        return False
    if rd.kind in ("amount", "quantity"):
        return True
    return isinstance(m2.value, float) and abs(m2.value - rd.value) <= 1e-9 * max(1.0, abs(rd.value))

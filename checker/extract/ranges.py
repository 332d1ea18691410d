"""Two-sided ranges: "2-3 billion", "2–3 years", "between 20 and 30", "6-8.7%" are one interval."""
from __future__ import annotations

from typing import Callable

from .cursor import Cursor
from .reading import Built, Reading


CURRENCY_REACH = 8  # characters of a currency symbol or code before a range's second number


def second_number(cur: Cursor, q: int, build: Callable[..., Built | None]) -> Built | None:
    """The number that starts at `q`, maybe behind its own currency ("$62 and $68")."""
    m = cur.pt.anchor.search(cur.masked, q, min(cur.n, q + CURRENCY_REACH))
    if m is None:
        return None
    sub = build(cur, m.start(), allow_twin=False, in_range=True)
    return sub if sub is not None and sub.start == q else None


def read_ratio(cur: Cursor, rd: Reading, build: Callable[..., Built | None]) -> bool:
    """"one in four", "2 in 5", "one out of every eight": a ratio, its value a fraction (0.25)."""
    if rd.ordinal or rd.core.quantifier or rd.core.fraction or rd.core.multiplier or rd.currency:
        return False
    m = cur.pt.ratio_sep.match(cur.masked, rd.end)
    if not m:
        return False
    sub = second_number(cur, m.end(), build)
    if sub is None:
        return False
    whole = sub.mention
    if whole.kind != "count" or not isinstance(whole.value, float) or not 0 < rd.value <= whole.value:
        return False  # "3 in 10 minutes", "5 in 2" are no ratios
    rd.kind, rd.value, rd.r = "ratio", rd.value / whole.value, 0.0
    rd.end = sub.end
    rd.extra.extend(sub.extra)
    return True


def read_range(cur: Cursor, rd: Reading, build: Callable[..., Built | None]) -> None:
    """Read the second end of a range after the number, if there is one; the reading takes the
    interval, and the unit of the second end when it has one."""
    if rd.ordinal or rd.core.quantifier or rd.core.fraction or rd.core.multiplier:
        return
    lx, pt, t = cur.lx, cur.pt, cur.masked
    wb = cur.word_before(rd.start).lower()
    changes = wb in lx.lower("range_from")  # "rose from 5 to 7 per cent": two values, one unit
    if wb in lx.lower("range_start"):
        rs = pt.between_and.match(t, rd.end)
    else:
        rs = pt.range_sep.match(t, rd.end)
        if rs and rs.group().strip() in ("-", "–", "—", "~") and rd.core.words != t[rs.end():rs.end() + 1].isalpha():
            return  # "5-ten": digits and words do not make a range
    sub = second_number(cur, rs.end(), build) if rs else None
    if sub is None:
        return
    m2 = sub.mention
    v2 = m2.value if isinstance(m2.value, (int, float)) else None
    if v2 is None or m2.kind in ("ordinal", "date") or (rd.currency and m2.unit not in ("", rd.currency)):
        return
    scale = sub.scale if not rd.scaled else 1.0
    v1 = rd.value * scale
    if changes:
        if scale != 1.0:
            rd.scale(scale)
        rd.unit_from = m2  # the first value takes the unit the second one is written with
    elif v2 > v1:
        rd.low, rd.high, rd.value, rd.r = v1, v2, v1, 0.0
        rd.end = sub.end
        rd.extra.extend(sub.extra)
        rd.range_end = sub

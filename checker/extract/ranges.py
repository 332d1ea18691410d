"""Two-sided ranges: "2-3 billion", "2–3 years", "between 20 and 30", "6-8.7%" are one interval."""
from __future__ import annotations

from typing import Callable

from .cursor import Cursor
from .reading import Built, Reading


def read_range(cur: Cursor, rd: Reading, build: Callable[..., Built | None]) -> None:
    """Read the second end of a range after the number, if there is one; the reading takes the
    interval, and the unit of the second end when it has one."""
    if rd.ordinal or rd.core.quantifier:
        return
    lx, pt, t = cur.lx, cur.pt, cur.masked
    wb = cur.word_before(rd.start).lower()
    if wb in lx.lower("range_start"):
        rs = pt.between_and.match(t, rd.end)
    elif wb in lx.lower("range_from"):
        return  # "from 5% to 7%": two values
    else:
        rs = pt.range_sep.match(t, rd.end)
        if rs and rs.group().strip() in ("-", "–", "—", "~") and rd.core.words != t[rs.end():rs.end() + 1].isalpha():
            return  # "5-ten": digits and words do not make a range
    if not rs:
        return
    sub = build(cur, rs.end(), allow_twin=False, in_range=True)
    if sub is None:
        return
    m2 = sub.mention
    v2 = m2.value if isinstance(m2.value, (int, float)) else None
    if v2 is None or m2.kind in ("ordinal", "date") or (rd.currency and m2.unit not in ("", rd.currency)):
        return
    v1 = rd.value * (sub.scale if not rd.scaled else 1.0)
    if v2 > v1:
        rd.low, rd.high, rd.value, rd.r = v1, v2, v1, 0.0
        rd.end = sub.end
        rd.extra.extend(sub.extra)
        rd.range_end = sub

"""The counted noun: what a count counts ("329 people", "a two-day visit", "276 new projects")."""
from __future__ import annotations

from .cursor import Cursor
from .patterns import MONEY_MARKS


def counted_noun(cur: Cursor, end: int) -> str | None:
    lx, rx, t = cur.lx, cur.pt.noun, cur.masked
    m = rx.match(t, end)
    if not m:
        return None
    lw = m.group(1).lower().strip("-'’")
    if lw in lx.lower("noun_skip"):  # "seven more bodies"
        m = rx.match(t, m.end())
        if not m:
            return None
        lw = m.group(1).lower().strip("-'’")
    stop = lx.lst("counted_noun_stop")
    glued = m.group().startswith("-")
    if lw in stop or not lw or (m.group(1)[0].isupper() and not glued):
        return None
    if glued or lw.endswith("s") or lw in lx.lst("counted_noun_irregular"):
        return lw
    m2 = rx.match(t, m.end())  # "two motorbike taxis"
    if m2 and not m2.group().startswith("-"):
        w2 = m2.group(1).lower()
        if w2.endswith("s") and w2 not in stop and len(w2) > 3:
            return w2
    return lw


def count_follows(cur: Cursor, pos: int) -> bool:
    """A number at `pos` is followed by a scale, percent, currency, unit or counted noun."""
    lx, pt, t = cur.lx, cur.pt, cur.masked
    if pos < cur.n and t[pos] in "%" + MONEY_MARKS:
        return True
    for rx in (pt.unit_cs, pt.unit_ci, pt.cur_word_after):
        if rx.match(t, pos):
            return True
    sm = pt.scale_abbr.match(t, pos)
    if (sm and sm.group("sp")) or pt.scale_word.match(t, pos):
        return True
    w = cur.word_after(pos)
    if not w:
        return False
    lw = w.lower()
    if lw in lx.lst("counted_noun_irregular"):
        return True
    return (w[0].islower() and lw.endswith("s") and lw not in lx.lst("counted_noun_stop")
            and len(lw) > 3 and not lw.endswith("ss"))

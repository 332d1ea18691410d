"""Pass 1, skip: what holds digits but is not a quantity.

URLs, e-mail addresses, phone numbers, identifiers ("Resolution 143", "143/NQ-CP", "COVID-19",
"G7") are masked without a mention; clock times ("9 a.m.", "14:30") become `time` mentions
with an "HH:MM" value.
"""
from __future__ import annotations

import re

from ..models import Mention
from .cursor import Cursor
from .patterns import SKIP_REACH, skip_pattern


def pass_skip(cur: Cursor) -> None:
    pt = cur.pt
    if pt.url_hint.search(cur.masked):
        for m in pt.url.finditer(cur.masked):
            cur.take(m.start(), m.end())
        cur.commit()
    first = pt.any_digit.search(cur.masked)
    if first is None:
        return
    t = cur.masked
    names = tuple(name for name, gate in pt.skip_gates
                  if (cur.words & cur.lx.hints(gate) if isinstance(gate, str) else gate.search(t)))
    if not names:
        return
    for m in skip_pattern(cur.lx, names).finditer(t, max(0, first.start() - SKIP_REACH)):
        group = m.lastgroup
        if group == "glued" and _money_or_number_prefix(cur, m.group()):
            continue
        if group == "time":
            cur.emit(Mention(kind="time", text=m.group(), start=m.start(), end=m.end(),
                             value=_clock(cur, m.group())))
        cur.take(m.start(), m.end())
    cur.commit()


def _money_or_number_prefix(cur: Cursor, tok: str) -> bool:
    """"USD3", "Rs20", "No3", "FY2025", "Q3": letters glued to digits that later passes read
    (but "H1N1" is a name)."""
    lx = cur.lx
    letters = cur.pt.letters.match(tok).group()  # type: ignore[union-attr]
    low = letters.lower()
    if (low in lx.cur_codes or letters in lx.cur_symbols or low in lx.cur_scaled
            or letters in lx.lst("ordinal_prefix")):
        return True
    return low in lx.lower("glued_prefix_ok") and cur.pt.letters_digits.fullmatch(tok) is not None


def _clock(cur: Cursor, text: str) -> str:
    """"9 a.m." -> "09:00", "3.30pm" -> "15:30", "12 a.m." -> "00:00"."""
    m = cur.pt.clock.match(text)
    assert m is not None
    h, mi = int(m["h"]), int(m["m"] or 0)
    suffix = re.sub(r"\s+", "", text[m.start("s"):]).lower()
    if suffix in cur.lx.lower("clock_pm") and h < 12:
        h += 12
    if suffix in cur.lx.lower("clock_am") and h == 12:
        h = 0
    return f"{h:02d}:{mi:02d}"

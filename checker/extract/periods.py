"""Calendar periods in the dates pass: spans of months written as words or abbreviations.

Each becomes a `date` mention whose `value` is its first month and whose `low` / `high` are its
first and last months (ISO, "--MM" when the year is not written), so that a later stage needs
no month table of its own:
- "the first ten months of 2025": 2025-01 .. 2025-10, granularity `month`;
- "January to October", "between April and June" (no year): --01 .. --10, `month`;
- "the third quarter of 2025", "Q3 2025", "Q2", "third-quarter": 2025-07 .. 2025-09 (--07 ..
  --09 without a year), `quarter` (a game's third quarter reads the same: a time either way);
- "the first half of 2024", "H1 2025": 2024-01 .. 2024-06, `half` (same rule);
- fiscal periods stay apart from calendar ones, since fiscal years differ by organisation:
  "fiscal 2026", "FY2025-26" (value "FY2026", granularity `fiscal_year`), "fiscal Q2", "Q2
  FY2025" (value "FY2025-Q2" or "FY-Q2", granularity `fiscal_quarter`), "the second half of
  the fiscal year" (value "FY-H2", granularity `fiscal_half`).
"""
from __future__ import annotations

from .cursor import Cursor
from .datemarks import add, count_at, iso, month_no


def pass_periods(cur: Cursor) -> None:
    if cur.lower_words & cur.lx.hints("periods"):
        _first_months(cur)
        _quarters(cur)
        _halves(cur)
        _fiscal_years(cur)
        cur.commit()


def _first_months(cur: Cursor) -> None:
    for m in cur.pt.p_first_months.finditer(cur.masked):
        n = count_at(cur, m.start("n"), m.end("n"))
        if 1 <= n <= 12 and cur.free(m.start(), m.end()):
            y = m["y"]
            add(cur, m.start(), m.end(), iso(y, 1), "month", iso(y, 1), iso(y, n))


def _ordinal(cur: Cursor, word: str | None) -> int:
    k = cur.lx.words.get((word or "").lower())
    return int(k.value) if k is not None and k.kind == "ordinal" else 0


def _quarters(cur: Cursor) -> None:
    for m in cur.pt.p_quarter.finditer(cur.masked):
        q = int(m["q"]) if m["q"] else _ordinal(cur, m["ord"])
        if not (1 <= q <= 4) or not cur.free(m.start(), m.end()):
            continue
        if m["fiscal"] or m["fy"]:
            fy = _full_year(m["fyy"]) if m["fyy"] else (m["y"] or "")
            add(cur, m.start(), m.end(), f"FY{fy}-Q{q}", "fiscal_quarter")
        else:  # "third-quarter revenue": the quarter of the year in force (the claims stage says which)
            y = m["y"]
            add(cur, m.start(), m.end(), iso(y, 3 * q - 2), "quarter", iso(y, 3 * q - 2), iso(y, 3 * q))


def _halves(cur: Cursor) -> None:
    for m in cur.pt.p_half.finditer(cur.masked):
        h = int(m["h"]) if m["h"] else _ordinal(cur, m["ord"])
        if not (1 <= h <= 2) or not (m["h"] or m["y"] or m["ty"]) or not cur.free(m.start(), m.end()):
            continue
        if _fiscal(cur, m["ty"]):
            add(cur, m.start(), m.end(), f"FY-H{h}", "fiscal_half")
            continue
        y = m["y"]
        add(cur, m.start(), m.end(), iso(y, 6 * h - 5), "half", iso(y, 6 * h - 5), iso(y, 6 * h))


def _fiscal(cur: Cursor, the_year: str | None) -> bool:
    """"the second half of the fiscal year": a fiscal period."""
    words = set((the_year or "").lower().split())
    return bool(words & cur.lx.lower("fiscal_words"))


def _full_year(y: str) -> str:
    return y if len(y) == 4 else "20" + y


def _fiscal_years(cur: Cursor) -> None:
    """"fiscal 2026", "FY26", "FY2025-26" (a fiscal year is named after the year it ends in)."""
    for m in cur.pt.p_fiscal_year.finditer(cur.masked):
        if not cur.free(m.start(), m.end()):
            continue
        first = m["y"] or _full_year(m["yy"])
        last = m["y2"] if not m["y2"] or len(m["y2"]) == 4 else first[:2] + m["y2"]
        add(cur, m.start(), m.end(), f"FY{last or first}", "fiscal_year")


def month_ranges(cur: Cursor) -> None:
    """"January to October", "between April and June": months without a year."""
    ands = cur.lx.lst("and")
    for m in cur.pt.p_month_range.finditer(cur.masked):
        if not cur.free(m.start(), m.end()):
            continue
        if m["sep"] in ands and cur.word_before(m.start()).lower() not in cur.lx.lower("range_start"):
            continue  # "May and June" may be two months; "between May and June" is one span
        a, b = month_no(cur, m["m"]), month_no(cur, m["m2"])
        add(cur, m.start(), m.end(), iso(None, a), "month", iso(None, a), iso(None, b))

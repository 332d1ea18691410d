"""Pass 2, dates: calendar expressions become `date` (and `weekday`) mentions.

Values are ISO strings; a missing year is written with a leading "--" ("--04-24", "--04"):
- full dates and day ranges ("December 2–3, 2025", "5 Feb 2026", "2025-04-24", "4/24/2025"):
  granularity `day`, a range carries its ends in `low` / `high`;
- months with a year and month ranges ("September 2024", "January–October 2025"): `month`;
- year ranges ("2021–2025"), decades ("the 1990s"), four-digit years the context reads as years
  ("in 2025"): `year` / `decade`;
- a month on its own after a preposition ("in September"): `month` without a year;
- weekdays ("on Monday"): kind `weekday`, value the weekday's name in lower case.
"""
from __future__ import annotations

from .cursor import Cursor
from .datemarks import add, iso, month_no
from .nouns import count_follows
from .periods import month_ranges, pass_periods
from .relative import pass_relative


def pass_dates(cur: Cursor) -> None:
    pt, masked = cur.pt, cur.masked
    digits = pt.any_digit.search(masked) is not None
    weekdays = bool(cur.words & cur.lx.hints("weekdays"))  # the cheap tests spare whole scans
    months = bool(cur.words & cur.lx.hints("months"))
    years = digits and pt.four_digits.search(masked) is not None
    if digits:
        _numeric(cur, masked)
    pass_periods(cur)
    for name in ("d_mdy", "d_dmy"):
        cur.commit()
        if months and digits:
            _day_month(cur, name)
    cur.commit()
    if months and years:
        _month_year(cur)
    if months:
        cur.commit()
        month_ranges(cur)
    cur.commit()
    if years:
        _year_ranges(cur)
        _decades(cur)
    cur.commit()
    pass_relative(cur, weekdays)
    if years:
        _years(cur)
    if months:
        _bare_months(cur)
    if weekdays:
        _weekdays(cur)
    cur.commit()


def _day_no(cur: Cursor, s: str | None) -> int:
    return int(cur.pt.leading_int.match(s).group()) if s else 0  # type: ignore[union-attr]


def _numeric(cur: Cursor, masked: str) -> None:
    """ISO dates and numeric dates ("4/24/2025", "24.04.25")."""
    if "-" in masked:
        _iso(cur, masked)
    if "/" in masked or "." in masked:
        _slashed(cur, masked)


def _iso(cur: Cursor, masked: str) -> None:
    for m in cur.pt.d_iso.finditer(masked):
        mo, d = int(m["m"]), int(m["d"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            add(cur, m.start(), m.end(), f"{m['y']}-{mo:02d}-{d:02d}", "day")


def _slashed(cur: Cursor, masked: str) -> None:
    dmy = "dmy" in cur.lx.lst("numeric_date_order")
    for m in cur.pt.d_num.finditer(masked):
        a, b = int(m["a"]), int(m["b"])
        y = m["y"]
        if len(y) == 2:
            y = ("20" if int(y) < 50 else "19") + y
        if m["s"] == "/" and a <= 12 and b <= 31 and not (b <= 12 and dmy):
            mo, d = a, b
        elif b <= 12 and a <= 31:
            mo, d = b, a
        else:
            continue
        if cur.free(m.start(), m.end()):
            add(cur, m.start(), m.end(), f"{y}-{mo:02d}-{d:02d}", "day")


def _day_month(cur: Cursor, name: str) -> None:
    """"December 2–3, 2025" (mdy) and "2-3 December 2025" (dmy)."""
    mdy = name == "d_mdy"
    for m in getattr(cur.pt, name).finditer(cur.masked):
        if not cur.free(m.start(), m.end()):
            continue
        mo = month_no(cur, m["m"])
        d1, d2 = _day_no(cur, m["d1"]), _day_no(cur, m["d2"])
        if not (1 <= d1 <= 31):
            continue
        if d2 and not (d1 < d2 <= 31) and not (mdy and m["m2"]):
            # "Sept. 7 and 5 Feb": not a range; keep the first (mdy) or last (dmy) date
            if mdy:
                add(cur, m.start(), m.end("d1"), iso(None, mo, d1), "day")
            elif 1 <= d2 <= 31:
                add(cur, m.start("d2"), m.end(), iso(m["y"], mo, d2), "day")
            continue
        y = m["y"]
        if not d2:
            add(cur, m.start(), m.end(), iso(y, mo, d1), "day")
            continue
        mo2 = month_no(cur, m["m2"]) if mdy and m["m2"] else mo
        if not mdy and d2 <= d1:
            continue
        lo, hi = iso(y, mo, d1), iso(y, mo2, d2)
        add(cur, m.start(), m.end(), lo, "day", lo, hi)


def _month_year(cur: Cursor) -> None:
    """"September 2024", "January–October 2025"."""
    for m in cur.pt.d_my.finditer(cur.masked):
        if not cur.free(m.start(), m.end()):
            continue
        y = m["y"]
        mo = month_no(cur, m["m"])
        if m["m2"]:
            lo, hi = iso(y, mo), iso(y, month_no(cur, m["m2"]))
            add(cur, m.start(), m.end(), lo, "month", lo, hi)
        else:
            add(cur, m.start(), m.end(), iso(y, mo), "month")


def _year_ranges(cur: Cursor) -> None:
    """"2021–2025", "2024/25", "between 2020 and 2022" (not "2020 and 2022 projects")."""
    ands = cur.lx.lst("and")
    for m in cur.pt.d_yrange.finditer(cur.masked):
        if not cur.free(m.start(), m.end()):
            continue
        y1, y2s = m["y1"], m["y2"]
        y2 = y2s if len(y2s) == 4 else y1[:2] + y2s
        if not (int(y1) < int(y2) <= int(y1) + 100):
            continue
        if (any(f" {w} " in m.group() for w in ands)
                and cur.word_before(m.start()).lower() not in cur.lx.lower("range_start")):
            continue
        if count_follows(cur, m.end()):
            continue
        add(cur, m.start(), m.end(), y1, "year", y1, y2)


def _decades(cur: Cursor) -> None:
    for m in cur.pt.d_decade.finditer(cur.masked):
        if cur.free(m.start(), m.end()):
            add(cur, m.start(), m.end(), m["y"], "decade", m["y"], str(int(m["y"]) + 9))


def _years(cur: Cursor) -> None:
    """A four-digit integer in the year range, unless money, a hedge or a counted noun says it
    is an amount ("2,000 people" never gets here; "2025 people" does)."""
    lx = cur.lx
    lo_y, hi_y = 1800, 2100
    yr = sorted(lx.lst("year_range"))
    if len(yr) == 2:
        lo_y, hi_y = int(yr[0]), int(yr[1])
    ctx = lx.lst("year_context")
    t = cur.masked
    for m in cur.pt.d_year.finditer(t):
        y = int(m["y"])
        a, b = m.span()
        prev = cur.word_before(a)
        if not (lo_y <= y <= hi_y or (1000 <= y < lo_y and prev.lower() in lx.lower("year_context_early"))):
            continue  # "since 1783" is a year; "1783 people" and "about 1783" are not
        if a > 0 and t[a - 1] == "-" and not (a > 1 and t[a - 2].isalpha()):
            continue
        if _currency_or_hedge_before(cur, a):
            continue
        if prev not in ctx and prev.lower() not in ctx and count_follows(cur, b):
            continue
        if prev.lower() in lx.lower("ordinal_prefix"):
            continue
        add(cur, a, b, str(y), "year")


def _bare_months(cur: Cursor) -> None:
    """"in September", "the warmest September": a month name alone. Names that are also common
    words ("May", "March") need a preposition before them; a three-letter abbreviation without
    its dot is too ambiguous on its own."""
    lx = cur.lx
    ctx = lx.lower("month_context")
    for m in cur.pt.d_month.finditer(cur.masked):
        w = m["m"]
        if not (w in lx.full_months or w.endswith(".") or len(w) > 3):
            continue
        if w in lx.lst("month_ambiguous") or not (w in lx.full_months or w.endswith(".")):
            if cur.word_before(m.start()).lower() not in ctx:
                continue
        add(cur, m.start(), m.end(), iso(None, month_no(cur, w)), "month")


def _weekdays(cur: Cursor) -> None:
    for m in cur.pt.d_weekday.finditer(cur.masked):
        name = cur.lx.weekdays[m["w"]]
        add(cur, m.start(), m.end(), name, "weekday", kind="weekday")


def _currency_or_hedge_before(cur: Cursor, pos: int) -> bool:
    rev = cur.before_rev(pos)
    pt = cur.pt
    return bool(pt.cur_sym_rev.match(rev) or pt.cur_word_rev.match(rev) or pt.hedge_rev.match(rev))

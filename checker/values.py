"""How values and their intervals are written in every report and message: one place, so a
number, a date or an interval reads the same in the text, Markdown, HTML and CI formats.

A claim's interval is what its words allow: "2.98 billion" is anything that rounds to it, at
least 2.975 and under 2.985 billion; "nearly 3 billion" at least 2.85 and under 3 billion;
"exceeding 3 billion" over 3 billion, with no upper end. The ends are open or closed the way
the compare stage reads them (checker/compare.py), so what is printed is what was compared.
"""
from __future__ import annotations

import calendar
import math
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from .models import Claim

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
UNIT_WORDS = {"percent": "%", "percentage_point": " percentage points"}


def number(v: float | str | None) -> str:
    """A number as an editor reads it: 2980000000.0 -> "2.98 billion", 1929.0 -> "1,929"."""
    if v is None:
        return "?"
    if isinstance(v, str):
        return date_words(v)
    if isinstance(v, bool) or not math.isfinite(v):
        return str(v)
    factor, word = scale(v)
    if word:
        return f"{v / factor:.6g} {word}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:.6g}"


def scale(v: float) -> tuple[float, str]:
    """The scale word for numbers of this size: (1e9, "billion"), ..., (1.0, "")."""
    return next(((f, w) for f, w in SCALES if abs(v) >= f), (1.0, ""))


def amount(v: float | str | None, unit: str) -> str:
    """A number with its unit: "2.98 billion USD", "12%", "149 km/h", "329"."""
    text = number(v)
    if unit in UNIT_WORDS:
        return text + UNIT_WORDS[unit]
    return f"{text} {unit}".rstrip()


MONTHS = tuple(calendar.month_name)  # (read once: each lookup formats a date in the locale)


@lru_cache(maxsize=4096)
def date_words(iso: str) -> str:
    """"2025-12-01" -> "1 December 2025", "2025-10" -> "October 2025"; other text unchanged."""
    parts = iso.split("-")
    if not all(p.isdigit() for p in parts) or len(parts) not in (2, 3) or len(parts[0]) != 4:
        return iso
    month = int(parts[1])
    if not 1 <= month <= 12:
        return iso
    words = f"{MONTHS[month]} {parts[0]}"
    return f"{int(parts[2])} {words}" if len(parts) == 3 else words


class Span(NamedTuple):
    """A claim's interval: None is an end without bound; dates are day numbers (ordinals)."""

    lo: float | None
    hi: float | None
    lo_open: bool
    hi_open: bool
    dates: bool = False  # a calendar span (dates, times of day): labelled, with no unit
    clock: bool = False  # times of day: minutes since midnight

    @property
    def point(self) -> bool:
        return self.lo is not None and self.lo == self.hi

    def label(self, v: float) -> str:
        """An end written as a number, a date for date spans, "13:38" for times of day."""
        if self.clock:
            return f"{int(v) // 60 % 24:02d}:{int(v) % 60:02d}"
        return date_words(date.fromordinal(int(v)).isoformat()) if self.dates else number(v)


CLOCK_SLACK = 15  # minutes either side of a time of day printed with "about" ("around 1:39 PM")


def clock_minutes(v: object) -> int | None:
    """"13:38" -> 818; None for anything else."""
    if not (isinstance(v, str) and len(v) == 5 and v[2] == ":" and v[:2].isdigit() and v[3:].isdigit()):
        return None
    return int(v[:2]) * 60 + int(v[3:])


def clock_span(c: Claim) -> tuple[int, int] | None:
    """A time of day as minutes: the minute printed, a quarter of an hour either side of it
    when hedged with "about"."""
    m = clock_minutes(c.value)
    if m is None:
        return None
    slack = CLOCK_SLACK if c.hedge == "about" else 0
    return m - slack, m + slack


def span(c: Claim) -> Span | None:
    """The claim's interval as the compare stage reads its hedge and rounding (no group
    slack, no currency conversion); None when the claim is not a number, a date or a time."""
    if c.kind == "time":
        minutes = clock_span(c)
        return Span(minutes[0], minutes[1], False, False, True, True) if minutes else None
    if c.kind == "date" or isinstance(c.value, str):
        return _date_span(c.value)
    if not isinstance(c.value, (int, float)) or isinstance(c.value, bool):
        return None
    v = float(c.value)
    lo = float(c.low) if isinstance(c.low, (int, float)) else v
    if isinstance(c.high, (int, float)):
        hi: float | None = float(c.high)
    else:
        hi = None if c.hedge in ("above", "at_least") else v
    if hi is not None and hi < lo:
        lo, hi = hi, lo
    rounding = c.hedge is None and hi is not None and hi > lo
    return Span(lo, hi, c.hedge == "above", c.hedge == "below" or rounding)


def _date_span(v: object) -> Span | None:
    """A day, a month or a year as the closed span of its days."""
    days = days_of(v)
    return Span(days[0], days[1], False, False, True) if days else None


def long_gone(end_year: int | None, year: int | None) -> bool:
    """Did a period end more than a year before the year of an article?"""
    return end_year is not None and year is not None and end_year < year - 1


def years_apart(a: int | None, b: int | None) -> bool:
    """Are two articles' years more than one apart? Each article's "now" is then another time:
    a figure or an event date it gives with no time of its own is not the other's."""
    return long_gone(a, b) or long_gone(b, a)


def days_of(v: object) -> tuple[int, int] | None:
    """The first and last day numbers (date ordinals) of an ISO day, month or year."""
    if not isinstance(v, str):
        return None
    try:
        if len(v) == 10:
            d = date.fromisoformat(v).toordinal()
            return d, d
        if len(v) == 7:
            y, m = int(v[:4]), int(v[5:7])
            return date(y, m, 1).toordinal(), date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
        if len(v) == 4:
            return date(int(v), 1, 1).toordinal(), date(int(v), 12, 31).toordinal()
    except ValueError:
        return None
    return None


class Figure(NamedTuple):
    """A claim's interval and its notation and words, worked out once for a finding that reads
    them for every side and every reading of its claims."""

    span: Span | None
    notation: str  # `interval_text`
    words: str  # `interval_words`


def figures(claims: list[Claim]) -> dict[str, Figure]:
    """Claim id -> its figure. Reprints of one figure share it: `_notation` and `_words` read
    the span, the unit, the text and the value as a string, and nothing else."""
    made: dict[tuple, Figure] = {}
    out: dict[str, Figure] = {}
    for c in claims:
        s = span(c)
        key = (s, c.unit, c.text, str(c.value))
        got = made.get(key)
        if got is None:
            got = made[key] = Figure(s, _notation(c, s), _words(c, s))
        out[c.id] = got
    return out


def interval_text(c: Claim) -> str:
    """The interval in notation, half-open where it is: "[2.975 billion, 2.985 billion) USD",
    "(3 billion, ∞) USD", "= 276". The one notation every format prints."""
    return _notation(c, span(c))


def _notation(c: Claim, s: Span | None) -> str:
    if s is None:
        return ""
    unit = "" if s.dates else _unit_suffix(c.unit)
    if s.point:
        return f"= {s.label(s.lo)}{unit}"
    left = "(−∞" if s.lo is None else ("(" if s.lo_open else "[") + s.label(s.lo)
    right = "∞)" if s.hi is None else s.label(s.hi) + (")" if s.hi_open else "]")
    return f"{left}, {right}{unit}"


def interval_words(c: Claim) -> str:
    """The interval in plain words: "at least 2.975 billion and under 2.985 billion USD",
    "over 3 billion USD", "exactly 276", "on 24 April 2025"."""
    return _words(c, span(c))


def _words(c: Claim, s: Span | None) -> str:
    if s is None:
        return c.text
    if s.clock:
        return f"at {s.label(s.lo)}" if s.point else f"between {s.label(s.lo)} and {s.label(s.hi)}"
    if s.dates:
        return ("on " if len(str(c.value)) == 10 else "in ") + date_words(str(c.value))
    unit = _unit_suffix(c.unit)
    if s.point:
        return f"exactly {number(s.lo)}{unit}"
    lower = None if s.lo is None or (s.lo == 0 and not s.lo_open) else s.lo  # "up to 149": no floor worth saying
    if s.hi is None:
        return f"over {number(s.lo)}{unit}" if s.lo_open else f"{number(s.lo)}{unit} or more"
    if lower is not None and not (s.lo_open or s.hi_open):
        return f"between {number(lower)} and {number(s.hi)}{unit}"
    parts = [("over " if s.lo_open else "at least ") + number(lower)] if lower is not None else []
    parts.append(("under " if s.hi_open else "at most ") + number(s.hi))
    return " and ".join(parts) + unit


def _unit_suffix(unit: str) -> str:
    return amount(0, unit)[1:] if unit else ""  # "0 USD" -> " USD", "0%" -> "%"

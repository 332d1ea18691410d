"""When a value holds: periods for flows, instants for stocks and running counts.

Time expressions come from the extractor's date mentions (ISO values, "--04-24" when the year
is not printed, weekdays) and from a few structural patterns over them (month ranges, "the
first ten months of 2025", quarters, halves, "last year"). They are resolved against the
article: a bare month or day takes the year of the article's date, or of the last year named
before it in the article; a weekday is the latest such day on or before the article's date.

A claim takes the time expression that follows it in its clause, else the nearest one before
it; a year that is the base of a comparison ("up 50% from 2024") is never a claim's period.
Without one, a claim holds as of its article's date, and says so (origin "article").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .models import Mention, TimeScope

MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
MONTH_RANGE_RE = re.compile(
    rf"\b(?:from\s+)?({MONTH})\.?\s*(?:to|-|through|until|and|till)\s*({MONTH})\b\.?,?"
    r"(?:\s*(?:of\s+)?((?:19|20)\d\d))?")
FIRST_MONTHS_RE = re.compile(
    r"\b(?:first|past|last|opening)\s+(\w+)\s+months\s+(?:of\s+(?:the\s+year\s+)?)?((?:19|20)\d\d)?")
HALF_RE = re.compile(r"\b(?:(first|second)\s+half\s+(?:of\s+)?|h([12])\s*)((?:19|20)\d\d)")
QUARTER_RE = re.compile(
    r"\b(fiscal\s+|fy\s*)?(?:(first|second|third|fourth)[\s-]+quarter\s+(?:of\s+)?(fiscal\s+|fy\s*)?|"
    r"q([1-4])\s*(fiscal\s+|fy\s*)?)((?:19|20)\d\d)")
FISCAL_YEAR_RE = re.compile(r"\b(?:fiscal(?:\s+year)?\s+|fy\s*)((?:19|20)\d\d)")
YEAR_SPAN_RE = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-–]|to)\s*((?:19|20)\d\d)\b")
SPAN_AHEAD_RE = re.compile(
    r"\b(?:over|within|in|for|during)\s+the\s+(?:next|coming|following)\s+"
    r"(?:(\w+)(?:\s+(?:to|or|-)\s+(\w+))?\s+)?(years?|months?|decades?)\b")
VAGUE_HORIZON_RE = re.compile(
    r"\b(?:in|over)\s+the\s+(?:near|foreseeable|coming|medium|long|longer|short)"
    r"(?:[\s-]+term)?(?:\s+(?:future|period|years|run))?\b")
RELATIVE_RE = re.compile(r"\b(last year|previous year|past year|this year|the year before|"
                         r"yesterday|today|tonight|this morning|this week|last week)\b")
BASE_BEFORE_RE = re.compile(
    r"(?:from|compared\s+(?:to|with)|than(?:\s+in)?|since|over|versus|vs\.?|against)\s*"
    r"(?:the\s+same\s+period\s+(?:of|in)\s+|a\s+year\s+earlier\s+in\s+|in\s+)?$")
CHANGE_NEAR_RE = re.compile(r"%|per\s*cent|percent|times|fold|\b(?:up|down|increase\w*|ris\w+|"
                            r"grow\w*|surg\w+|jump\w*|fell|drop\w*|declin\w+|higher|lower)\b")
ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4}
NUMBER_WORDS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split())}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}


@dataclass(frozen=True)
class TimeRef:
    """One time expression of a sentence, resolved as far as the article allows."""

    start: int
    end: int
    kind: str  # period (a span of time) or instant (a day)
    lo: str  # ISO prefix
    hi: str
    text: str
    base: bool = False  # the base of a comparison ("up 50% from 2024"), not a claim's time
    fiscal: bool = False

    def scope(self, origin: str = "sentence") -> TimeScope:
        return TimeScope(kind=self.kind, start=self.lo or None, end=self.hi or None, origin=origin,
                         text=self.text, fiscal=self.fiscal)


def _month(word: str) -> int:
    return (["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .index("sep" if word.startswith("sep") else word[:3]) + 1)


def _year_of(last_month: int, year: int | None, today: str | None) -> int | None:
    """Months printed without a year: the year in force, or the one before when the article
    was published before those months ended ("January to October" read in February)."""
    if not year:
        return None
    if today and len(today) >= 7 and int(today[:4]) == year and last_month > int(today[5:7]):
        return year - 1
    return year


def same_time(a: TimeScope, b: TimeScope) -> bool | None:
    """Do two time scopes name the same time? None when one of them names none. A weekday
    without a date ("by Thursday", in an undated article) meets a date on that weekday."""
    if a.kind == "none" or b.kind == "none":
        return None
    if a.start and b.start:
        return (a.start, a.end) == (b.start, b.end)
    if a.kind == b.kind == "instant":
        days = [_weekday_name(t) for t in (a, b)]
        return None if None in days else days[0] == days[1]
    return (a.kind, a.text) == (b.kind, b.text)


def _weekday_name(t: TimeScope) -> str | None:
    if t.start and len(t.start) == 10:
        return list(WEEKDAYS)[date.fromisoformat(t.start).weekday()]
    word = t.text.strip().lower()
    return word if word in WEEKDAYS else None


def weekday_date(name: str, today: str | None) -> str | None:
    """The latest `name` day on or before the article's date (news speaks of the past week)."""
    if not today or name not in WEEKDAYS:
        return None
    d = date.fromisoformat(today[:10])
    return (d - timedelta(days=(d.weekday() - WEEKDAYS[name]) % 7)).isoformat()


class Reader:
    """Collects the time expressions of one sentence."""

    def __init__(self, folded: str, year: int | None, today: str | None) -> None:
        self.folded = folded
        self.year = year
        self.today = today
        self.out: list[TimeRef] = []

    def add(self, a: int, b: int, kind: str, lo: str, hi: str, fiscal: bool = False) -> None:
        if any(a < r.end and r.start < b for r in self.out):
            return
        self.out.append(TimeRef(a, b, kind, lo, hi, self.folded[a:b], self._is_base(a), fiscal))

    def _is_base(self, a: int) -> bool:
        before = self.folded[max(0, a - 45):a]
        return bool(BASE_BEFORE_RE.search(before)) and (
            not before.rstrip().endswith("from") or bool(CHANGE_NEAR_RE.search(before)))

    def patterns(self) -> None:
        f = self.folded
        for m in MONTH_RANGE_RE.finditer(f):
            a, b = _month(m.group(1)), _month(m.group(2))
            y = int(m.group(3)) if m.group(3) else _year_of(b, self.year, self.today)
            if y and a < b:
                self.add(m.start(), m.end(), "period", f"{y}-{a:02d}", f"{y}-{b:02d}")
        for m in FIRST_MONTHS_RE.finditer(f):
            n = NUMBER_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 0)
            y = int(m.group(2)) if m.group(2) else _year_of(n, self.year, self.today)
            if 0 < n <= 12 and y:
                self.add(m.start(), m.end(), "period", f"{y}-01", f"{y}-{n:02d}")
        for m in HALF_RE.finditer(f):
            first = m.group(1) == "first" or m.group(2) == "1"
            y = m.group(3)
            self.add(m.start(), m.end(), "period", f"{y}-{'01' if first else '07'}", f"{y}-{'06' if first else '12'}")
        for m in QUARTER_RE.finditer(f):
            q = ORDER.get(m.group(2) or "", 0) or int(m.group(4))
            fiscal = any(m.group(k) for k in (1, 3, 5))
            y = m.group(6)
            self.add(m.start(), m.end(), "period", f"{y}-Q{q}" if fiscal else f"{y}-{3 * q - 2:02d}",
                     f"{y}-Q{q}" if fiscal else f"{y}-{3 * q:02d}", fiscal)
        for m in FISCAL_YEAR_RE.finditer(f):
            self.add(m.start(), m.end(), "period", m.group(1), m.group(1), fiscal=True)
        for m in YEAR_SPAN_RE.finditer(f):
            if m.group(1) < m.group(2):
                self.add(m.start(), m.end(), "period", m.group(1), m.group(2))
        if self.year:
            for m in RELATIVE_RE.finditer(f):
                self._relative(m)
            for m in SPAN_AHEAD_RE.finditer(f):
                self._ahead(m)
        for m in VAGUE_HORIZON_RE.finditer(f):  # a horizon, stated but without dates
            self.add(m.start(), m.end(), "horizon", "", "")

    def _relative(self, m: re.Match) -> None:
        word = m.group(1)
        if word.endswith("year") or word == "the year before":
            y = self.year if word == "this year" else self.year - 1
            self.add(m.start(), m.end(), "period", str(y), str(y))
        elif self.today and word in ("yesterday", "today", "tonight", "this morning"):
            d = date.fromisoformat(self.today[:10]) - timedelta(days=1 if word == "yesterday" else 0)
            self.add(m.start(), m.end(), "instant", d.isoformat(), d.isoformat())

    def _ahead(self, m: re.Match) -> None:
        """"over the next two to three years": from the article's year to that many years on."""
        n = NUMBER_WORDS.get(m.group(2) or m.group(1) or "", 0) or (
            int(m.group(2) or m.group(1)) if (m.group(2) or m.group(1) or "").isdigit() else 0)
        unit = m.group(3)
        years = n if unit.startswith("year") else 10 * n if unit.startswith("decade") else 0
        if years:
            self.add(m.start(), m.end(), "period", str(self.year), str(self.year + years))
        else:
            self.add(m.start(), m.end(), "horizon", "", "")

    def mentions(self, mentions: list[Mention]) -> None:
        for m in mentions:
            if m.kind == "weekday" and isinstance(m.value, str) and not self._weekday_of_date(m):
                day = weekday_date(m.value.lower(), self.today)
                # undated article: the weekday itself, to meet other "Thursday"s and dated Thursdays
                self.add(m.start, m.end, "instant", day or "", day or "")
            elif m.kind == "date" and isinstance(m.value, str):
                self._date(m)

    def _weekday_of_date(self, m: Mention) -> bool:
        """"Tuesday, 5 November 2025": the weekday names the date that follows it."""
        return bool(re.match(r"[\s,(]*\d|[\s,(]*(?:" + MONTH + ")", self.folded[m.end:m.end + 6]))

    def _date(self, m: Mention) -> None:
        lo = str(m.low) if isinstance(m.low, str) else str(m.value)
        hi = str(m.high) if isinstance(m.high, str) else str(m.value)
        if lo.startswith("--"):
            month = int(lo[2:4]) if len(lo) >= 4 and lo[2:4].isdigit() else 12
            y = _year_of(month, self.year, self.today)
            if not y:
                return
            lo, hi = f"{y}{lo[1:]}", f"{y}{hi[1:]}" if hi.startswith("--") else hi
        kind = "instant" if len(lo) == 10 and lo == hi else "period"
        self.add(m.start, m.end, kind, lo, hi)


def time_refs(folded: str, mentions: list[Mention], year: int | None, today: str | None) -> list[TimeRef]:
    """Time expressions in a sentence, sorted by position."""
    r = Reader(folded, year, today)
    r.patterns()
    r.mentions(mentions)
    return sorted(r.out, key=lambda t: t.start)


SNAPSHOT_BEFORE_RE = re.compile(r"(?:as\s+of|by|until|through|till)\s*$")
OPENING = 30  # characters: a dateline or an opening "On Thursday," sets the time of the sentence


def ref_for(refs: list[TimeRef], start: int, end: int, next_value: int, clause_end: int,
            folded: str = "", tally: bool = False, today: str | None = None) -> TimeRef | None:
    """The time expression of a value at [start, end): the first after it in its clause (before
    the next value), else the nearest before it. Bases of comparisons are skipped. A running
    count takes an earlier date only from the sentence's opening or an "as of"/"by" phrase:
    "the quake that struck on March 28 has killed 1,644" gives the quake's date, not the toll's."""
    usable = [r for r in refs if not r.base]
    after = [r for r in usable if end <= r.start < min(next_value, clause_end)]
    if after:
        return after[0]
    before = [r for r in usable if r.end <= start and (not tally or _sets_snapshot(r, folded, today))]
    return before[-1] if before else None


def _sets_snapshot(r: TimeRef, folded: str, today: str | None) -> bool:
    """May a time named before a running count be its as-of time? The sentence's opening, an
    "as of"/"by" phrase, or a past year or month ("floods in 2011 and 2015 killed more than
    100"); a day named in passing is the event's ("struck on March 28"), not the count's."""
    if r.start < OPENING or SNAPSHOT_BEFORE_RE.search(folded[:r.start]):
        return True
    return r.kind == "period" and bool(today) and r.hi < today[:len(r.hi)] and r.hi[:4] != today[:4]


def last_year_named(refs: list[TimeRef]) -> int | None:
    years = [int(r.hi[:4]) for r in refs if not r.base and r.kind == "period" and r.hi[:4].isdigit()]
    return years[-1] if years else None

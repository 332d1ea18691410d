"""When a value holds: periods for flows, instants for stocks and running counts.

Time expressions are the extractor's date mentions (dates and periods with ISO values, "--04-24"
when the year is not printed, fiscal periods "FY2025-Q2", weekdays, relative dates such as
"day-1" or "year-1"), resolved here against the article: a bare month or day takes the year of
the article's date (or the year before, when those months had not come yet), or of the last year
named before it in an undated article; a weekday is the latest such day on or before the
article's date; "over the next two to three years" is a horizon from the article's year. Words
for stated but dateless horizons ("in the coming period") are rule data (scope, `horizon`).

A claim takes the time expression that follows it in its clause, else the nearest one before
it; a time that is the base of a comparison ("up 50% from 2024") is never a claim's time. A
clause opened by a gap of time ("on Friday, a day after the storm came ashore with winds of ...")
is that far from the time named before it, or has no time when the gap is not counted ("hours after").
Without one, a claim holds as of its article's date, and says so (origin "article").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

from .models import Mention, TimeScope
from .values import days_of
from .text import WORD_RE
from .words import Grammar

WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
SEASON_WORDS = {-1: "before", 0: "of", 1: "after"}
RELATIVE_VALUE_RE = re.compile(r"([a-z]+)([+-]\d+)")
DURATION_YEARS = {"year": 1, "decade": 10}  # "over the next two to three years": a horizon in years


@dataclass(frozen=True)
class TimeRef:
    """One time expression of a sentence, resolved as far as the article allows."""

    start: int
    end: int
    kind: str  # period (a span of time), instant (a day) or horizon (stated, without dates)
    lo: str  # ISO prefix ("" when unknown: a weekday in an undated article)
    hi: str
    text: str
    base: bool = False  # the base of a comparison ("up 50% from 2024"), not a claim's time
    fiscal: bool = False
    marker: int = -1  # where the comparison word of a base stands ("from", "than")
    reported: bool = False  # a day something was said on ("the company said on Thursday")
    record: bool = False  # the span a superlative holds over ("the hottest June since 1961"), no figure's time

    def scope(self, origin: str = "sentence") -> TimeScope:
        return TimeScope(kind=self.kind, start=self.lo or None, end=self.hi or None, origin=origin,
                         text=self.text, fiscal=self.fiscal)


def _year_of(month: int, year: int | None, today: str | None) -> int | None:
    """Months printed without a year: the year in force, or the one before when the article
    was published before those months ended ("January to October" read in February)."""
    if not year:
        return None
    if today and len(today) >= 7 and int(today[:4]) == year and month > int(today[5:7]):
        return year - 1
    return year


AHEAD_DAYS = 62  # a day named without a year is at most this far after the article's date


def year_of_day(month_day: str, year: int | None, today: str | None) -> int | None:
    """A day printed without a year ("--12-01"): the latest year that puts it no more than two
    months after the article's date. "Due to be sworn in on December 1" read on November 10 is
    three weeks ahead; "the quake struck on March 28" read in November was eight months back."""
    if not today or len(today) < 10:
        return year
    d = date.fromisoformat(today[:10])
    for y in (d.year + 1, d.year, d.year - 1):
        try:
            if (date(y, int(month_day[2:4]), int(month_day[5:7])) - d).days <= AHEAD_DAYS:
                return y
        except ValueError:  # 29 February in another year
            continue
    return year


def weekday_date(name: str, today: str | None, offset: int = -1) -> str | None:
    """The latest `name` day on or before the article's date (news speaks of the past week);
    with offset +1, the first one after it."""
    if not today or name not in WEEKDAYS:
        return None
    d = date.fromisoformat(today[:10])
    back = (d.weekday() - WEEKDAYS[name]) % 7
    day = d - timedelta(days=back) if offset <= 0 else d + timedelta(days=(WEEKDAYS[name] - d.weekday()) % 7 or 7)
    return day.isoformat()


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
    return (a.kind, a.label) == (b.kind, b.label)  # "in its opening weekend" = "over the opening weekend"


def _weekday_name(t: TimeScope) -> str | None:
    if t.start and len(t.start) == 10:
        return list(WEEKDAYS)[date.fromisoformat(t.start).weekday()]
    word = t.text.strip().lower()
    return word if word in WEEKDAYS else None


class Reader:
    """Collects and resolves the time expressions of one sentence."""

    def __init__(self, folded: str, year: int | None, today: str | None, g: Grammar) -> None:
        self.folded = folded
        self.year = year
        self.today = today
        self.g = g
        self.out: list[TimeRef] = []

    def add(self, a: int, b: int, kind: str, lo: str, hi: str, fiscal: bool = False) -> None:
        if lo and self.today and SINCE_RE.search(self.folded[max(0, a - 45):a]):
            kind, hi = "period", self.today  # "since 2021", "since the outbreak began on Feb. 10": until now
        if not any(a < r.end and r.start < b for r in self.out):
            marker = self._base_marker(a)
            self.out.append(TimeRef(a, b, kind, lo, hi, self.folded[a:b], marker >= 0, fiscal, marker,
                                    kind == "instant" and self._reported(a),
                                    bool(RECORD_SINCE_RE.search(self.folded[max(0, a - 100):a]))))

    def _reported(self, a: int) -> bool:
        """"said on Thursday", "announced Monday": the day of a statement, not of what it states."""
        words = WORD_RE.findall(self.folded[max(0, a - 20):a])[-2:]
        return any(self.g.is_("reporting_verbs", w) for w in words)

    def _base_marker(self, a: int) -> int:
        """"up 50% from 2024", "compared with 2023", "than in 2022": where the comparison word of
        a base of comparison stands, or -1 when the time at `a` is no such base."""
        # (most times follow no comparison word: only the last four words are read for one)
        words = list(MARKER_WORD_RE.finditer(self.folded, max(0, a - 45), a))
        tail = [w.group() for w in words[-4:]]
        marker = next((i for i in range(len(tail) - 1, -1, -1) if self.g.is_("comparison_markers", tail[i])), None)
        if marker is None or any(not (self.g.closed(w) or self.g.is_("time_words", w)) for w in tail[marker + 1:]):
            return -1
        # "from" also opens a period ("from January to October"): a base only near a change
        if tail[marker] == "from" and not any(self.g.is_("change_verbs", w) or self.g.is_("change_nouns", w)
                                              or w in ("%", "percent", "times") for w in (x.group() for x in words)):
            return -1
        return words[len(words) - len(tail) + marker].start()

    def mention(self, m: Mention, names_a_date: bool) -> None:
        value = m.value if isinstance(m.value, str) else None
        if value is None:
            return
        if m.kind == "weekday" and not names_a_date:
            day = weekday_date(value.lower(), self.today)
            self.add(m.start, m.end, "instant", day or "", day or "")  # undated: the weekday itself
        elif m.kind == "date":
            self._date(m)
        elif m.kind == "relative_date":
            self._relative(m, value)

    def _date(self, m: Mention) -> None:
        lo = str(m.low) if isinstance(m.low, str) else str(m.value)
        hi = str(m.high) if isinstance(m.high, str) else str(m.value)
        fiscal = lo.startswith("FY")
        if lo.startswith("--"):
            last = int(hi[2:4]) if len(hi) >= 4 and hi[2:4].isdigit() else 12
            y = year_of_day(lo, self.year, self.today) if len(lo) == 7 and lo == hi else _year_of(last, self.year, self.today)
            if not y:
                return
            lo, hi = f"{y}{lo[1:]}", f"{y}{hi[1:]}" if hi.startswith("--") else hi
        kind = "instant" if len(lo) == 10 and lo == hi else "period"
        self.add(m.start, m.end, kind, lo, hi, fiscal)

    def _relative(self, m: Mention, value: str) -> None:
        """"day-1" (yesterday), "year-1" (last year), "thursday-1" (last Thursday)."""
        hit = RELATIVE_VALUE_RE.fullmatch(value)
        if not hit or not self.today:
            return
        unit, n = hit.group(1), int(hit.group(2))
        d = date.fromisoformat(self.today[:10])
        if unit in WEEKDAYS:
            day = weekday_date(unit, self.today, n)
            self.add(m.start, m.end, "instant", day, day)
        elif unit == "day":
            day = (d + timedelta(days=n)).isoformat()
            self.add(m.start, m.end, "instant", day, day)
        elif unit == "month":
            y, mo = divmod(d.year * 12 + d.month - 1 + n, 12)
            self.add(m.start, m.end, "period", f"{y}-{mo + 1:02d}", f"{y}-{mo + 1:02d}")
        elif unit == "year":
            self.add(m.start, m.end, "period", str(d.year + n), str(d.year + n))
        elif unit == "week":
            monday = d - timedelta(days=d.weekday()) + timedelta(weeks=n)
            self.add(m.start, m.end, "period", monday.isoformat(), (monday + timedelta(days=6)).isoformat())
        elif unit == "season":  # no calendar span: named by the article's month, so only the same season meets
            name = f"season {SEASON_WORDS.get(n, f'{n:+d} from')} {self.today[:7]}"
            self.add(m.start, m.end, "period", name, name)

    def ahead(self, m: Mention) -> None:
        """"over the next two to three years": from the article's year that many years on."""
        unit = (m.unit or "").rstrip("s")
        before = re.findall(r"[a-z]+", self.folded[max(0, m.start - 30):m.start])[-2:]
        if unit not in DURATION_YEARS or not self.year or not before or before[-1] not in ("next", "coming", "following"):
            return
        top = m.high if isinstance(m.high, (int, float)) else m.value
        if isinstance(top, (int, float)):
            self.add(m.start, m.end, "period", str(self.year), str(self.year + int(top * DURATION_YEARS[unit])))


def time_refs(folded: str, mentions: list[Mention], year: int | None, today: str | None, g: Grammar,
              horizons: list[tuple[int, int, str]] = ()) -> list[TimeRef]:
    """Time expressions in a sentence, sorted by position; `horizons`: spans of stated but
    dateless times with their kind: horizons ("in the coming period"), occasions ("on debut")."""
    r = Reader(folded, year, today, g)
    for k, m in enumerate(mentions):
        if m.kind == "quantity":
            r.ahead(m)
        else:  # "Tuesday, 5 November 2025": the weekday names the date that follows it
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            r.mention(m, nxt is not None and nxt.kind == "date" and 0 <= nxt.start - m.end <= 3)
    for a, b, kind in horizons:
        r.add(a, b, kind, "", "")
    return sorted(r.out, key=lambda t: t.start)


MARKER_WORD_RE = re.compile(r"[a-z%]+")  # the words a comparison marker is looked for in
SINCE_RE = re.compile(r"\bsince\b[^,;.:()]{0,40}$")
# "the hottest June in Spain since records began in 1961", "its worst quarter since 2009", "the
# ground's largest attendance since 2003": the span of a record (a superlative's), not the period
# of a figure in the sentence
RECORD_SINCE_RE = re.compile(
    r"\b(?:the|its|their|his|her)\s+(?:[a-z]+['’]s\s+)?(?:(?!(?:inter|for|harv|prot|requ|cont|conqu|w|t|qu|n|ch|gu|cr|arr|unr|inqu)est\b)"
    r"[a-z]{2,}est|worst|best|most\s+[a-z]+|least\s+[a-z]+)\b[^,;.:()]{0,60}\bsince\b[^,;.:()]{0,40}$")
SNAPSHOT_BEFORE_RE = re.compile(r"(?:as\s+of|by|until|through|till)\s*$")
# "since 1999, when a quake killed 2,800", "in the first round, when turnout was 58 percent": the
# time a "when" clause follows is the time of its figures (even the span of a record)
WHEN_CLAUSE_RE = re.compile(r"\s*,?\s*when\b")
# a day printed right after a figure dates it; a "with" clause after it goes on with that bulletin
DATED_FIGURE_RE = re.compile(r"\d\s+(?:on\s+|by\s+|as\s+of\s+)?$")
WITH_CLAUSE_RE = re.compile(r"\s*,\s*with\b")
NAMING_PERIOD = 30  # characters: "third-quarter revenue of" names the period of the figure after it
OPENING = 30  # characters: a dateline or an opening "On Thursday," sets the time of the sentence


def ref_for(refs: list[TimeRef], start: int, end: int, next_value: int, clause_end: int,
            folded: str = "", tally: bool = False, today: str | None = None) -> TimeRef | None:
    """The time expression of a value at [start, end): the first after it in its clause (before
    the next value), else the nearest before it. Bases of comparisons are skipped. A running
    count takes an earlier date only from the sentence's opening or an "as of"/"by" phrase:
    "the quake that struck on March 28 has killed 1,644" gives the quake's date, not the toll's."""
    # a base's time is the time of the baseline value itself ("from 1,872 on March 5"); a flow
    # is not of the day someone spoke about it ("revenue was $4.8 billion, the company said on
    # Thursday"), a running count is as of then
    usable = [r for r in refs if (not r.base or r.marker <= start < r.start) and (tally or not r.reported)
              and (not r.record or (r.end <= start and WHEN_CLAUSE_RE.match(folded, r.end)))]
    after = [r for r in usable if end <= r.start < min(next_value, clause_end)]
    near = [r for r in usable if r.kind == "period" and 0 <= start - r.end <= NAMING_PERIOD]
    if after and after[0].kind == "instant" and near and not tally:
        return near[-1]  # "third-quarter revenue of $4.82 billion on Thursday": the day it was reported
    if after:
        return after[0]
    before = [r for r in usable if r.end <= start and (not tally or _sets_snapshot(r, folded, today))]
    if not before:
        return None
    gap = _gap_clause(folded, before[-1].end, start)
    return _when_clause_time(before[-1], folded) if gap is None else _shifted(before[-1], gap)


def _when_clause_time(r: TimeRef, folded: str) -> TimeRef:
    """"since 1999, when a quake killed 2,800": the figures of the "when" clause are of 1999,
    not of the span from 1999 until now."""
    if r.lo and r.hi != r.lo and WHEN_CLAUSE_RE.match(folded, r.end) and SINCE_RE.search(folded[max(0, r.start - 45):r.start]):
        return replace(r, hi=r.lo)
    return r


GAP_COUNTS = {"a": 1, "an": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10}
GAP_DAYS = {"day": 1, "week": 7}
# "rose to five on Friday, a day after the storm came ashore with winds of 120 mph": a clause
# opened by a gap of time before or after the time named before it (the word after "after" opens
# the clause; "the day before, ..." is an adverb, not a clause)
GAP_CLAUSE_RE = re.compile(r"\b(?:(?P<n>an?|one|the|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                           r"(?P<unit>hour|day|week|month|year)s?\s+(?P<dir>after|before)\s+[a-z]")
CLAUSE_BREAK_AFTER_GAP_RE = re.compile(r"[,;:()]")


class Gap(NamedTuple):
    """A clause's distance in time from the time named before it: -2 days for "two days after"."""

    count: int | None  # None: "hours after", "days before" (how many is not said)
    unit: str
    text: str


def _gap_clause(folded: str, ref_end: int, start: int) -> Gap | None:
    """The gap phrase between a time and a value at `start`, when the value is inside the clause
    the phrase opens (no break between them); None when there is none."""
    hits = list(GAP_CLAUSE_RE.finditer(folded, ref_end, start))
    if not hits or CLAUSE_BREAK_AFTER_GAP_RE.search(folded, hits[-1].end(), start):
        return None
    h = hits[-1]
    n = h.group("n")
    count = int(n) if n and n.isdigit() else GAP_COUNTS.get(n or "")
    sign = -1 if h.group("dir") == "after" else 1
    return Gap(None if count is None else sign * count, h.group("unit"), h.group()[:-1].strip())


def _shifted(r: TimeRef, gap: Gap) -> TimeRef | None:
    """The time named before a gap clause, moved by the gap: "on Friday, a day after ..." is
    Thursday. None (not the time named) when the gap cannot be counted in that time's units."""
    if gap.count is None:
        return None
    if gap.unit in GAP_DAYS and len(r.lo) == len(r.hi) == 10:
        move = timedelta(days=gap.count * GAP_DAYS[gap.unit])
        lo, hi = (date.fromisoformat(x) + move for x in (r.lo, r.hi))
        return replace(r, lo=lo.isoformat(), hi=hi.isoformat(), text=f"{gap.text} {r.text}")
    if gap.unit == "year" and len(r.lo) == len(r.hi) == 4 and r.lo.isdigit() and r.hi.isdigit():
        return replace(r, lo=str(int(r.lo) + gap.count), hi=str(int(r.hi) + gap.count), text=f"{gap.text} {r.text}")
    return None


def _sets_snapshot(r: TimeRef, folded: str, today: str | None) -> bool:
    """May a time named before a running count be its as-of time? The sentence's opening, an
    "as of"/"by" phrase, or a past year or month ("floods in 2011 and 2015 killed more than
    100"); a day named in passing is the event's ("struck on March 28"), not the count's."""
    if r.start < OPENING or SNAPSHOT_BEFORE_RE.search(folded[:r.start]) or WHEN_CLAUSE_RE.match(folded, r.end):
        return True
    if DATED_FIGURE_RE.search(folded[:r.start]) and WITH_CLAUSE_RE.match(folded, r.end):
        return True  # "rose to 389 on Wednesday, with more than 1,700 injured": one bulletin's counts
    return r.kind == "period" and bool(today) and r.hi < today[:len(r.hi)] and r.hi[:4] != today[:4]


def last_year_named(refs: list[TimeRef]) -> int | None:
    years = [int(r.hi[:4]) for r in refs if not r.base and not r.record and r.kind == "period" and r.hi[:4].isdigit()]
    return years[-1] if years else None


def frames_later_figures(t: TimeScope) -> bool:
    """May a period go on framing the figures of the next sentences? A calendar span of one year
    at most: a five-year plan is not the period of the next figure, and "since January" (which
    runs to the article's day, a finer prefix than its start) is the span of one change."""
    return (t.kind == "period" and bool(t.start and t.end) and t.start[:4] == t.end[:4]
            and len(t.start) == len(t.end))


def last_period_named(refs: list[TimeRef]) -> TimeScope | None:
    """The last period a sentence names outside a base of comparison, if it may frame later figures."""
    for r in reversed(refs):
        if r.kind == "period" and not r.base and not r.record:
            scope = r.scope()
            return scope if frames_later_figures(scope) else None
    return None


def late_in(t: TimeScope, today: str | None, share: float) -> bool:
    """Is `today` inside the period `t` with less than `share` of its days left ("expected to
    reach $3 billion this year", said in December)?"""
    first, last = days_of(t.start), days_of(t.end or t.start)
    now = days_of(today)
    if t.kind != "period" or not first or not last or not now or now[0] != now[1]:
        return False
    return first[0] <= now[0] <= last[1] and last[1] - now[0] + 1 <= share * (last[1] - first[0] + 1)

"""Dates of one event across sources: "held talks with Scholz in Berlin on May 6" and
"a meeting with ... Olaf Scholz on May 7, 2025" date the same meeting.

Two dates are the date of one event when both give a day (a year or a month is enough for a
birth or a founding: `year_events`), name at least two of the same people, organisations or named
events (one is enough for an event that happens to one person or thing once: a swearing-in, a
resignation, a death, a storm's landfall; `solo_events` in rules/grammar.toml; two places part
two landfalls), and the clause around each date names an event of the same kind (read by the
describe stage from rules/grammar.toml `event_words`: "talks", "met" are meetings). A weekday in
a dated article ("made landfall on Wednesday") is the day the claims stage read it as. That is
weaker evidence than aligned sentences: such a match is never sure, so a conflict it finds is a
warning.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Iterator

from .entities import EntityMention, Found
from .models import Article, Claim
from .rules import RuleSet
from .text import fold
from .values import years_apart
from .when import WEEKDAYS
from .words import Grammar, grammar

DAY_RE = re.compile(r"\d{4}-\d\d-\d\d")
TIME_RE = re.compile(r"\d\d:\d\d")
SOME_DATE_RE = re.compile(r"\d{4}(?:-\d\d){0,2}")
PARTICIPANT_KINDS = frozenset({"person", "organisation", "event"})
SOLO_KINDS = PARTICIPANT_KINDS | {"name"}  # a name of unknown kind ("Olsen") is enough for one person's event
PLACE_KINDS = frozenset({"country", "place"})
MIN_SHARED = 2  # one shared name is a person's busy week, not one event (but see solo_events)


@dataclass(frozen=True)
class EventDate:
    claim: Claim
    kinds: frozenset[str]  # kinds of event the date's clause names
    names: dict[str, EntityMention]  # who or what took part: folded name -> as the sentence names it
    places: frozenset[str]  # countries and places the sentence names ("landfall in Cuba")


@dataclass(frozen=True)
class EventPair:
    a: Claim
    b: Claim
    evidence: str


def main_events(claims: list[Claim], articles: list[Article], titles: dict[str, set[str]]) -> dict[str, str]:
    """Article -> the one named event it is about: the one its title names, else the one its
    figures' sentences name most ("Keller Canyon Fire"); none when two are tied. `titles`: the
    events each title names (`titled_events`)."""
    out: dict[str, str] = {}
    named: dict[str, Counter] = defaultdict(Counter)
    for c in claims:
        named[c.article].update(set(c.events))
    for a in articles:
        titled = titles.get(a.path)
        top = named[a.path].most_common(2) if not titled else [(n, 1) for n in titled]
        if len(top) == 1 or (len(top) == 2 and top[0][1] > top[1][1]):
            out[a.path] = top[0][0]
    return out


def titled_events(articles: list[Article], found: Found) -> dict[str, set[str]]:
    """Article -> the named events its title names ("Pine Ridge Fire grows to 18,400 acres")."""
    return {a.path: {e.name for e in found(a.title) if e.kind == "event"} for a in articles if a.title}


def event_pairs(claims: list[Claim], rules: RuleSet, main: dict[str, str] | None = None,
                found: Found | None = None, years: dict[str, int] | None = None) -> list[EventPair]:
    """Pairs of day dates from two articles that date one event. `main`: the event each article
    is about, the one whose start or landfall a clause that names no event dates ("the blaze
    started on Sunday, Aug. 3"; rules/grammar.toml `story_events`). `years`: the year of each
    dated article: talks, a visit or a match between the same parties in articles more than a
    year apart are two occasions (a birth or a founding, `year_events`, happens once)."""
    years = years or {}
    found = found or Found(rules)  # a reprinted sentence is read once
    g = grammar(rules)
    solo, once = g.classes["solo_events"], g.classes["year_events"]
    dated = [e for c in claims if (e := _event_date(c, g, found, main or {})) is not None]
    blocks = _blocks(dated, solo)
    articles = [e.claim.article for e in dated]  # (read once per date, not once per pair)
    dated_years = [years.get(a) for a in articles]
    seen: set[tuple[int, int]] = set()
    out: list[EventPair] = []
    for (_, kind, _), group in blocks.items():
        mixed = kind in once  # (in other blocks `_later` leaves no pair `years_apart`)
        for i, later in _later(group, dated_years, mixed):
            x, article = dated[i], articles[i]
            for j in later:
                if articles[j] == article or (i, j) in seen:
                    continue
                seen.add((i, j))
                y = dated[j]
                kinds = x.kinds & y.kinds
                if mixed and not kinds <= once and years_apart(dated_years[i], dated_years[j]):
                    continue
                # a time of day given in another zone; a storm's landfall in Cuba and its landfall in Florida
                if not same_clock(x.claim, y.claim) or x.places and y.places and not x.places & y.places:
                    continue
                lone = kinds <= solo
                shared = sorted(n for n in x.names.keys() & y.names.keys()
                                if lone or {x.names[n].kind, y.names[n].kind} <= PARTICIPANT_KINDS)
                if len(shared) >= (1 if lone else MIN_SHARED):
                    who = " and ".join(x.names[n].name for n in shared[:3])
                    out.append(EventPair(x.claim, y.claim, f"one event ({', '.join(sorted(kinds))}) with {who}"))
    return out


def _later(group: list[int], years: list[int | None], once: bool) -> Iterator[tuple[int, list[int]]]:
    """Each position of a block with the later positions to pair it with, in order: all of them
    for an event that happens once (`year_events`), else those of articles at most a year apart
    or undated (`years_apart`: never one occasion), never visited at all. (A pair skipped here is
    skipped by `years_apart` in every block: its verdict depends on the pair alone.)"""
    if once:
        for k, i in enumerate(group):
            yield i, group[k + 1:]
        return
    by_year: dict[int | None, list[int]] = defaultdict(list)
    for i in group:
        by_year[years[i]].append(i)
    for k, i in enumerate(group):
        year = years[i]
        if year is None:
            yield i, group[k + 1:]
            continue
        runs = [ps[bisect_right(ps, i):] for y in (None, year - 1, year, year + 1) if (ps := by_year.get(y))]
        yield i, runs[0] if len(runs) == 1 else sorted(j for run in runs for j in run)


def _blocks(dated: list[EventDate], solo: frozenset[str]) -> dict[tuple, list[int]]:
    """Dates that may be of one event, by what they must share: a kind of event and date or time
    (a date meets dates, a time of day times), and the name a solo event needs or the two
    participants any other needs; a busy name alone would pair thousands of dates of other events.
    Positions in `dated`, ascending."""
    out: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(dated):
        clock = e.claim.kind
        taking = sorted(n for n, m in e.names.items() if m.kind in PARTICIPANT_KINDS)
        for kind in e.kinds:
            if kind in solo:
                for name in e.names:
                    out[(name, kind, clock)].append(i)
            else:
                for two in combinations(taking, MIN_SHARED):
                    out[(two, kind, clock)].append(i)
    return out


def _event_date(c: Claim, g: Grammar, found: Found, main: dict[str, str]) -> EventDate | None:
    kinds = frozenset(c.descriptor.lemmas("event"))
    # a day printed, or a weekday read against the article's date ("made landfall on Wednesday");
    # a birth or a founding ("founded in 1998") is dated by a year or a month too
    printed = any(ch.isdigit() for ch in c.text) or c.text.lower() in WEEKDAYS
    once = bool(kinds) and kinds <= g.classes["year_events"]
    shape = TIME_RE if c.kind == "time" else SOME_DATE_RE if once else DAY_RE
    if c.kind not in ("date", "time") or not kinds or not isinstance(c.value, str) or not printed \
            or not shape.fullmatch(c.value):
        return None
    named = found(c.quote)
    names = {fold(e.name): e for e in named if e.kind in SOLO_KINDS}
    places = frozenset(fold(e.name) for e in named if e.kind in PLACE_KINDS)
    for t in c.descriptor.terms:  # a name that opens the sentence, read by the describe stage
        if t.role == "participant" and t.lemma not in names:
            names[t.lemma] = EntityMention(0, len(t.text), t.text, t.text, "name", "proper_noun", None)
    if kinds <= g.classes["story_events"] and c.article in main \
            and not any(e.kind == "event" for e in names.values()):
        event = main[c.article]  # "since it broke out on Monday, Aug. 4": the article's own event
        names[fold(event)] = EntityMention(0, 0, event, event, "event", "article", None)
    return EventDate(c, kinds, names, places) if names else None


def same_clock(a: Claim, b: Claim) -> bool:
    """Two dates, or two times of day read on one clock: the same zone, or "local time" and no
    zone said ("4:15 p.m. local time" / "4:15 PM"; never "local time" and "IST")."""
    if a.kind != b.kind:
        return False
    return a.kind != "time" or a.unit == b.unit or {a.unit, b.unit} == {"local", ""}

"""Relative dates in the dates pass: what needs the article's date to be placed.

They are emitted unresolved as mentions of kind `relative_date` whose value is "<unit><offset>"
from the article's date, unit day, week, month or year: "yesterday" day-1, "today" day+0, "next
week" week+1, "last month" month-1, "this year" year+0, "three days ago" day-3, "a decade ago"
year-10; or "<weekday><offset>" for a weekday before or after it: "last Thursday" thursday-1,
"next Sunday" sunday+1, "this Friday" friday+0. Granularity: the unit (a weekday: day).
The phrases are rule data (rules/dates.toml: relative_dates, lexicon.relative_*).
"""
from __future__ import annotations

from .cursor import Cursor
from .datemarks import add, count_at


def pass_relative(cur: Cursor, weekdays: bool) -> None:
    """Relative dates; `weekdays`: the text names a weekday ("last Thursday")."""
    if weekdays:
        for m in cur.pt.r_weekday.finditer(cur.masked):
            if cur.free(m.start(), m.end()):
                add(cur, m.start(), m.end(), f"{cur.lx.weekdays[m['w']]}{_direction(cur, m['mod']):+d}", "day",
                    kind="relative_date")
    if cur.lower_words & cur.lx.hints("relative_counted"):
        _counted(cur)
    if cur.lower_words & cur.lx.hints("relative"):
        _plain(cur)
    cur.commit()


def _counted(cur: Cursor) -> None:
    """"three days ago", "a decade earlier"."""
    rules = cur.lx.relative
    for m in cur.pt.r_counted.finditer(cur.masked):
        n = count_at(cur, m.start("n"), m.end("n"))
        if n and cur.free(m.start(), m.end()):
            rule = rules[_norm(m["p"])]
            add(cur, m.start(), m.end(), f"{rule.unit}{rule.offset * n:+d}", rule.unit, kind="relative_date")


def _plain(cur: Cursor) -> None:
    """"yesterday", "last year", "the previous month"."""
    rules = cur.lx.relative
    for m in cur.pt.r_plain.finditer(cur.masked):
        if cur.free(m.start(), m.end()):
            rule = rules[_norm(m["p"])]
            add(cur, m.start(), m.end(), f"{rule.unit}{rule.offset:+d}", rule.unit, kind="relative_date")


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _direction(cur: Cursor, mod: str) -> int:
    low = _norm(mod)
    if low in cur.lx.lower("relative_previous"):
        return -1
    return 1 if low in cur.lx.lower("relative_next") else 0

"""Relative dates in the dates pass: what needs the article's date to be placed.

They are emitted unresolved as mentions of kind `relative_date` whose value is "<unit><offset>"
from the article's date, unit day, week, month or year: "yesterday" day-1, "today" day+0, "next
week" week+1, "last month" month-1, "this year" year+0, "three days ago" day-3, "a decade ago"
year-10; or "<weekday><offset>" for a weekday before or after it: "last Thursday" thursday-1,
"next Sunday" sunday+1, "this Friday" friday+0. Granularity: the unit (a weekday: day).
The phrases are rule data (rules/dates.toml: relative_dates, lexicon.relative_*).
"""
from __future__ import annotations

from ..models import Mention
from .cursor import Cursor
from .grammar import parse_core


def pass_relative(cur: Cursor, weekdays: bool) -> None:
    """Relative dates; `weekdays`: the text names a weekday ("last Thursday")."""
    if weekdays:
        for m in cur.pt.r_weekday.finditer(cur.masked):
            if cur.free(m.start(), m.end()):
                _add(cur, m.start(), m.end(), f"{cur.lx.weekdays[m['w']]}{_direction(cur, m['mod']):+d}", "day")
    if cur.lower_words & cur.lx.hints("relative_counted"):
        _counted(cur)
    if cur.lower_words & cur.lx.hints("relative"):
        _plain(cur)
    cur.commit()


def _counted(cur: Cursor) -> None:
    """"three days ago", "a decade earlier"."""
    rules = cur.lx.relative
    for m in cur.pt.r_counted.finditer(cur.masked):
        n = _count(cur, m.start("n"), m.end("n"))
        if n and cur.free(m.start(), m.end()):
            rule = rules[_norm(m["p"])]
            _add(cur, m.start(), m.end(), f"{rule.unit}{rule.offset * n:+d}", rule.unit)


def _plain(cur: Cursor) -> None:
    """"yesterday", "last year", "the previous month"."""
    rules = cur.lx.relative
    for m in cur.pt.r_plain.finditer(cur.masked):
        if cur.free(m.start(), m.end()):
            rule = rules[_norm(m["p"])]
            _add(cur, m.start(), m.end(), f"{rule.unit}{rule.offset:+d}", rule.unit)


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _count(cur: Cursor, a: int, b: int) -> int:
    """The count before "days ago": a small whole number in digits or words, else 0 ("1.2
    million years ago" is a quantity, not a date)."""
    core = parse_core(cur, a)
    if core is None or core.end != b or core.scaled or not float(core.value).is_integer():
        return 0
    return int(core.value) if 0 < core.value <= 1000 else 0


def _direction(cur: Cursor, mod: str) -> int:
    low = _norm(mod)
    if low in cur.lx.lower("relative_previous"):
        return -1
    return 1 if low in cur.lx.lower("relative_next") else 0


def _add(cur: Cursor, a: int, b: int, value: str, gran: str) -> None:
    cur.emit(Mention(kind="relative_date", text=cur.text[a:b], start=a, end=b, value=value,
                     low=value, high=value, granularity=gran))
    cur.take(a, b)

"""The English of reports: counts, lists, source names, times and links, written one way for
every format (the checks' verdicts and the renderers both use these)."""
from __future__ import annotations

import calendar
import re
from pathlib import PurePosixPath
from urllib.parse import quote, urlsplit

from .models import TimeScope
from .values import date_words

COUNT_WORDS = "no one two three four five six seven eight nine ten eleven twelve".split()
# a manifest's way of saying the outlet is not known: "unknown", "unknown (byline: ...)"
UNKNOWN = re.compile(r"\s*unknown\s*(\(.*\))?\s*$", re.I)
ORIGIN_WORDS = {"article": "from the article's date", "context": "from an earlier sentence"}
SUBJECT_ORIGIN_WORDS = {"article": "from the rest of the article", "context": "from an earlier sentence"}


def count(n: int, word: str, capital: bool = False) -> str:
    """"three articles", "one article", "14 articles"."""
    text = COUNT_WORDS[n] if 0 <= n < len(COUNT_WORDS) else f"{n:,}"
    text = text[0].upper() + text[1:] if capital else text
    return f"{text} {word}" + ("" if n == 1 else "s")


def plural(n: int, word: str, many: str = "") -> str:
    """"1 error", "2 errors", "3 quantities" (digits, for tallies)."""
    return f"{n:,} " + (word if n == 1 else many or word + "s")


def join(items: list[str], last: str = "and") -> str:
    """"A", "A and B", "A, B and C" (duplicates dropped, order kept)."""
    items = list(dict.fromkeys(i for i in items if i))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def known(outlet: str | None) -> str | None:
    """The outlet, or None when it is empty or says it is unknown."""
    return None if not outlet or UNKNOWN.match(outlet) else outlet.strip()


def source_name(path: str, outlet: str | None = None, title: str | None = None) -> str:
    """How a report names an article: its outlet, else its title, else its file name."""
    return known(outlet) or (title or "").strip() or PurePosixPath(path).name or path


def link(url: str | None) -> str | None:
    """An article's URL, when it is a plain http(s) address, with every character that could
    end a Markdown link or an HTML attribute percent-encoded; None otherwise (never a
    `javascript:` or `data:` address from untrusted front matter)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&*+,;=%-._~")


def time_words(when: TimeScope) -> str:
    """"in 2025", "from January to October 2025", "as of 1 December 2025", "no date given"."""
    if when.kind == "horizon":
        return when.text or "over an unstated horizon"
    if when.kind == "none" or not when.start:
        return f"on {_weekday(when.text)}" if when.kind == "instant" and when.text else "no date given"
    fiscal = "fiscal " if when.fiscal else ""
    start, end = when.start, when.end or when.start
    if start == end:
        span = f"{fiscal}{date_words(start)}"
        prep = "on" if len(start) == 10 else "in"
    else:
        span, prep = f"{fiscal}{_range(start, end)}", "from"
    return f"as of {span}" if when.kind == "instant" else f"{prep} {span}"


def _weekday(text: str) -> str:
    """"monday" -> "Monday" (a weekday the extractor wrote in lower case)."""
    days = {d.lower(): d for d in calendar.day_name}
    return days.get(text.lower(), text)


def _range(start: str, end: str) -> str:
    """"January to October 2025" (one year named once), "2024 to 2025"."""
    a, b = date_words(start), date_words(end)
    year = start[:4]
    if len(start) == len(end) > 4 and end[:4] == year and a.endswith(year):
        a = a[: -len(year)].strip()
    return f"{a} to {b}"


def time_origin(when: TimeScope) -> str:
    """Where the time came from, when it was not stated with the figure."""
    return ORIGIN_WORDS.get(when.origin, "")


def subject_origin(origin: str) -> str:
    return SUBJECT_ORIGIN_WORDS.get(origin, "")

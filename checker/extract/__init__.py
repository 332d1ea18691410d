"""Extraction stage: read every numeric mention out of one sentence or line.

    extract_mentions(text, rules) -> list[Mention]

Offsets are character offsets into `text`; mentions come sorted by start and never overlap.

The passes share one text cursor (cursor.py); each pass masks what it consumed, so a later pass
can neither read the same characters again nor mistake them for context:

1. skip (skip.py)      URLs, e-mail addresses, phone numbers, identifiers ("Resolution 143",
                       "COVID-19", "G7") are masked; clock times become `time` mentions.
2. dates (dates.py)    dates, day and month ranges, months, years, decades, weekdays.
3. numbers (numbers.py) every remaining digit group or number word: the grammar (tokens.py,
                       grammar.py) reads the number, then its affixes (affixes.py: sign,
                       currency, scale, unit, ordinal), a two-sided range (ranges.py), hedges
                       (hedges.py), a restatement in parentheses (twins.py) and the counted noun
                       (nouns.py).
Digits that no pass explained are listed as `unparsed`.

Every word list, scale, currency, unit and hedge width is rule data (rules/numbers.toml,
units.toml, hedges.toml, extract.toml) indexed by lexicon.py; patterns.py compiles the regular
expressions once per RuleSet. `factlint extract` prints mentions with table.py.
"""
from __future__ import annotations

from ..models import Mention
from ..rules import RuleSet
from .cursor import Cursor
from .dates import pass_dates
from .lexicon import lexicon
from .limits import cut_notice, mask_long_tokens, readable_length
from .numbers import pass_numbers, unparsed
from .skip import pass_skip
from .table import format_table, mention_dict

__all__ = ["extract_mentions", "format_table", "mention_dict", "limit_notes"]


def extract_mentions(text: str, rules: RuleSet) -> list[Mention]:
    """Every numeric mention in `text` (one sentence or line), sorted by start, no overlaps.
    What a size limit kept from being read is a `limit` mention (see limits.py)."""
    if not text:
        return []
    cut = readable_length(text)
    cur = Cursor(lexicon(rules), text[:cut])
    if cut < len(text):
        cur.emit(cut_notice(text, cut))
    mask_long_tokens(cur)
    has_digit = cur.pt.any_digit.search(cur.masked) is not None
    if has_digit:
        pass_skip(cur)
    pass_dates(cur)
    pass_numbers(cur)
    if has_digit:
        unparsed(cur)
    cur.out.sort(key=lambda m: m.start)
    return cur.out


def limit_notes(mentions: list[Mention]) -> list[str]:
    """The messages of the `limit` mentions: what a size limit kept from being read."""
    return [str(m.value) for m in mentions if m.kind == "limit"]

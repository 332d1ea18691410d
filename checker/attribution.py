"""Attribution: who a figure is credited to in its clause ("organisers said 60,000 marched",
"around 15,000 people marched, police said", "according to the health ministry").

An article that credits one measure to two sources ("police put the crowd at 15,000, while
organisers said 60,000") reports a dispute, not a contradiction: each source's figure is then a
fact of its own, in that article and in every other one. Attribution alone never splits facts:
two outlets quoting two agencies on one death toll still disagree."""
from __future__ import annotations

import re

from .text import CLAUSE_BREAK_RE
from .words import Grammar

WORD_RE = re.compile(r"[a-z][a-z'’-]*")
CLAUSE_RE = re.compile(CLAUSE_BREAK_RE.pattern + r"|\.\s")  # a full stop too: quotes hold several sentences
ACCORDING_RE = re.compile(r"according\s+to\s+(?:the\s+|a\s+|an\s+)?((?:[a-z'’-]+\s+){0,2}[a-z'’-]+)")


_CREDITS: dict[tuple[int, str], list[tuple[int, str]]] = {}  # the values of one clause ask alike
_CREDITS_MAX = 4096


_ANSWERS: dict[tuple[int, str, int, int], str | None] = {}  # a reprinted sentence asks again


def attribution(folded: str, start: int, end: int, g: Grammar) -> str | None:
    """The source a value at [start, end) is credited to in its clause, if any, as written
    (folded): this stage runs on every check, and the lemmatiser is loaded only on a cold one."""
    key = (id(g), folded, start, end)
    if key not in _ANSWERS:
        if len(_ANSWERS) >= _CREDITS_MAX * 4:
            _ANSWERS.clear()
        _ANSWERS[key] = _attribution(folded, start, end, g)
    return _ANSWERS[key]


def _attribution(folded: str, start: int, end: int, g: Grammar) -> str | None:
    lo = max((m.end() for m in CLAUSE_RE.finditer(folded, 0, start)), default=0)
    hi = min((m.start() for m in CLAUSE_RE.finditer(folded, end)), default=len(folded))
    found = [(abs(at - (start - lo)), source) for at, source in _credits(folded[lo:hi], g)]
    return min(found)[1] if found else None


def _credits(clause: str, g: Grammar) -> list[tuple[int, str]]:
    key = (id(g), clause)
    if key not in _CREDITS:
        if len(_CREDITS) >= _CREDITS_MAX:
            _CREDITS.clear()
        _CREDITS[key] = _read_credits(clause, g)
    return _CREDITS[key]


def _read_credits(clause: str, g: Grammar) -> list[tuple[int, str]]:
    """(where, source) of every source a clause names."""
    out: list[tuple[int, str]] = []
    for m in ACCORDING_RE.finditer(clause):
        words = [w for w in WORD_RE.findall(m.group(1)) if not g.closed(w)]
        if words:
            out.append((m.start(), words[-1]))
    words = list(WORD_RE.finditer(clause))
    for k, w in enumerate(words):
        if w.group() == "according" or not g.is_("reporting_verbs", w.group()):
            continue
        source = _subject(clause, words, k, g)
        if source:
            out.append((w.start(), source))
    return out


def _subject(clause: str, words: list[re.Match], k: int, g: Grammar) -> str | None:
    """"organisers said": the noun before the verb; ", said police": the one after it."""
    opens = k == 0 or "," in clause[words[k - 1].end():words[k].start()]
    before = "" if opens else words[k - 1].group()
    if before and not g.closed(before) and not g.is_("reporting_verbs", before):
        return before
    after = words[k + 1].group() if k + 1 < len(words) else ""
    if opens and after and not g.closed(after) and words[k + 1].start() - words[k].end() <= 2:
        return after
    return None

"""The text cursor every pass works on: the sentence, what earlier passes consumed, what was read.

A pass `take`s the characters it explains; `commit` then masks them (NUL characters) in
`masked`, so a later pass can neither read them again nor see them as context. Matching runs on
`masked`; mentions keep offsets into the original `text`.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..models import Mention
from .lexicon import Lexicon
from .patterns import Patterns, patterns

MASK = "\x00"
WORD = re.compile(r"[A-Za-z]+")


class Span(NamedTuple):
    """A half-open character range [a, b) of the text."""

    a: int
    b: int


class Cursor:
    def __init__(self, lx: Lexicon, text: str) -> None:
        self.lx = lx
        self.pt: Patterns = patterns(lx)
        self.text = text
        self.n = len(text)
        self.masked = text
        self.taken = bytearray(self.n)
        self.pending: list[Span] = []
        self.out: list[Mention] = []
        self.words = frozenset(WORD.findall(text))  # for cheap "may this text hold ..." tests
        self._lower_words: frozenset[str] | None = None

    @property
    def lower_words(self) -> frozenset[str]:
        if self._lower_words is None:
            self._lower_words = frozenset(WORD.findall(self.text.lower()))
        return self._lower_words

    def take(self, a: int, b: int) -> None:
        """Mark [a, b) as explained; it is masked at the next `commit`."""
        if b > a:
            self.taken[a:b] = b"\x01" * (b - a)
            self.pending.append(Span(a, b))

    def commit(self) -> None:
        """Mask everything taken since the last commit."""
        if not self.pending:
            return
        parts = []
        last = 0
        t = self.masked
        for a, b in sorted(self.pending):
            if b <= last:
                continue
            a = max(a, last)
            parts.append(t[last:a])
            parts.append(MASK * (b - a))
            last = b
        parts.append(t[last:])
        self.masked = "".join(parts)
        self.pending.clear()

    def free(self, a: int, b: int) -> bool:
        return self.taken.find(1, a, b) < 0

    def emit(self, m: Mention) -> None:
        self.out.append(m)

    def before_rev(self, pos: int, span: int = 48) -> str:
        """The masked text before `pos`, reversed (for patterns that read leftwards)."""
        return self.masked[max(0, pos - span):pos][::-1]

    def word_before(self, pos: int, raw: bool = False) -> str:
        """The word ending right before `pos` (separated by white space), or "". `raw` reads the
        text as written, including what earlier passes took."""
        m = self.pt.word_before.search(self.text if raw else self.masked, max(0, pos - 30), pos)
        return m.group(1) if m and m.end() == pos else ""

    def word_after(self, pos: int, raw: bool = False) -> str:
        m = self.pt.word_after.match(self.text if raw else self.masked, pos)
        return m.group(1) if m else ""

    def prev_is_number(self, pos: int) -> bool:
        """A digit right before `pos`, across spaces."""
        j = pos - 1
        while j >= 0 and self.masked[j] == " ":
            j -= 1
        return j >= 0 and self.masked[j].isdigit()

"""Bounds on what one text may cost, and the `limit` mentions that say where a bound cut.

Extraction is linear in the input because no text and no token is read past a fixed size:

- MAX_TEXT: of a sentence (or `factlint extract` line) longer than this, only the first
  MAX_TEXT characters are read (cut at a space when one is near); news sentences are a few
  hundred characters, so a longer one is a table, a list or pasted data.
- MAX_TOKEN: a run of non-space characters longer than this (base64, a hash, a digit run of
  thousands) is masked whole.
- MAX_DIGITS (in patterns.DIGITS): a digit group longer than this is no quantity; it is listed
  as `unparsed`.

Each cut is reported as a zero-width mention of kind `limit` at the first character not read,
its `value` a one-line message ("token of 200,000 characters not read"), so that the pipeline
can turn it into a report warning (with the file and line of the sentence).
"""
from __future__ import annotations

import re

from ..models import Mention
from .cursor import Cursor

MAX_TEXT = 5_000
MAX_TOKEN = 500
LONG_TOKEN = re.compile(r"\S{%d,}" % (MAX_TOKEN + 1))
SPACE_BEFORE_CUT = re.compile(r"\s\S*$")


def limit(at: int, message: str) -> Mention:
    return Mention(kind="limit", text="", start=at, end=at, value=message)


def readable_length(text: str) -> int:
    """How much of `text` is read: all of it, or up to MAX_TEXT (at a space when one is near,
    so that no number is cut in two)."""
    if len(text) <= MAX_TEXT:
        return len(text)
    m = SPACE_BEFORE_CUT.search(text, MAX_TEXT - 100, MAX_TEXT)
    return m.start() + 1 if m else MAX_TEXT


def cut_notice(text: str, cut: int) -> Mention:
    return limit(cut, f"text of {len(text):,} characters: only the first {cut:,} were read")


def mask_long_tokens(cur: Cursor) -> None:
    """Mask every token longer than MAX_TOKEN, with a `limit` mention for each."""
    if cur.n <= MAX_TOKEN:
        return
    for m in LONG_TOKEN.finditer(cur.text):
        cur.take(m.start(), m.end())
        cur.emit(limit(m.start(), f"token of {m.end() - m.start():,} characters not read"))
    cur.commit()

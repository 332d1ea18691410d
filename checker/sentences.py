"""Sentence splitting with exact positions.

Paragraphs are split on blank lines; inside a paragraph a line break ends a sentence only where
the line looks finished (terminal punctuation, or a heading-like line followed by a capital),
so hard-wrapped wire copy ("with 35\\nfamilies") stays whole. Sentences are split on . ! ?
except after abbreviations ("No. 3", "Dec. 2", "U.S.") and inside numbers ("US$3.5").
"""
from __future__ import annotations

import re

from .models import Article, Sentence

# Abbreviations after which a period does not end a sentence (lower case, without the dot).
ABBREVIATIONS = frozenset(
    "no nos mr mrs ms dr prof st gen lt col sgt capt gov sen rep jan feb mar apr jun jul aug sep "
    "sept oct nov dec u.s u.k u.n e.g i.e etc vs approx est inc ltd co corp dept a.m p.m".split()
)
# A line ending with one of these words was wrapped mid-sentence.
FUNCTION_WORDS = frozenset(
    "the a an of to in on at by for from with and or but as that which who where when than "
    "into onto over under about after before while since until he she it they we his her its "
    "their our is are was were be been has have had will would could should may might said".split()
)
TERMINAL = re.compile(r"[.!?…:;\"”’)]\s*$")
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\u00C0-\u024F])")
COMMENT = re.compile(r"<!--.*?-->", re.S)
NEWLINE = re.compile(r"\n")


def _joins(line: str, nxt: str) -> bool:
    """True when `line` was wrapped and continues on `nxt`."""
    stripped = line.rstrip()
    if not stripped or TERMINAL.search(stripped):
        return False
    first = nxt.lstrip()[:1]
    if first and (first.islower() or first.isdigit() or first in ",;%"):
        return True
    last_word = stripped.split()[-1].lower().strip(",")
    return last_word in FUNCTION_WORDS


ABBREVIATION_REACH = 40  # characters before a period that can belong to an abbreviation


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at `dot` part of an abbreviation or initial?"""
    m = re.search(r"([A-Za-z.]+)\.$", text[max(0, dot - ABBREVIATION_REACH): dot + 1])  # not the whole prefix
    if not m:
        return False
    word = m.group(1).lower()
    return word in ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word) is not None


def _units(body: str) -> list[tuple[int, int]]:
    """Spans of text that hold whole sentences: wrapped lines joined, paragraphs apart."""
    spans: list[tuple[int, int]] = []
    lines = body.split("\n")
    pos = 0
    start = None
    for i, line in enumerate(lines):
        end = pos + len(line)
        if line.strip():
            if start is None:
                start = pos
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if not (nxt.strip() and _joins(line, nxt)):
                spans.append((start, end))
                start = None
        pos = end + 1
    return spans


def split(article: Article) -> list[Sentence]:
    """Every sentence of the article, with its line and column in the file."""
    body = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), article.text)
    line_starts = [0] + [m.end() for m in NEWLINE.finditer(body)]  # one step per line, not per character
    sentences: list[Sentence] = []
    first_content = True
    for ustart, uend in _units(body):
        chunk = body[ustart:uend]
        pieces, last = [], 0
        for m in BOUNDARY.finditer(chunk):
            dot = m.start() - 1
            while dot > 0 and chunk[dot] not in ".!?":
                dot -= 1
            if chunk[dot] == "." and _is_abbreviation(chunk, dot):
                continue
            pieces.append((last, m.start()))
            last = m.end()
        pieces.append((last, len(chunk)))
        for a, b in pieces:
            raw = chunk[a:b]
            lead = len(raw) - len(raw.lstrip())
            text = raw.strip()
            if not text:
                continue
            start = ustart + a + lead
            line = _line_index(line_starts, start)
            sentences.append(Sentence(
                article=article.path, index=len(sentences), text=text.replace("\n", " "),
                start=start, line=article.body_line + line,
                column=start - line_starts[line] + 1,
                headline=first_content and _headline_like(text, article.title),
            ))
            first_content = False
    return sentences


def title_sentence(article: Article, sentences: list[Sentence]) -> Sentence | None:
    """The front-matter title as a headline sentence, when the body does not repeat it."""
    title = (article.title or "").strip()
    if not title or title.startswith("("):
        return None
    if sentences and sentences[0].text.strip().lower() == title.lower():
        return None
    return Sentence(article=article.path, index=-1, text=title, start=-1,
                    line=article.title_line or 1, column=article.title_column, headline=True)


def _headline_like(text: str, title: str | None) -> bool:
    if title and text.strip().lower() == title.strip().lower():
        return True
    return len(text) < 160 and not TERMINAL.search(text)


def _line_index(line_starts: list[int], offset: int) -> int:
    lo, hi = 0, len(line_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo

"""Text folding shared by the stages: lower case, no diacritics, plain quotes and dashes.

Folding is one character in, one character out, so offsets found in folded text are offsets in
the original ("Việt Nam" -> "viet nam", "Đà Nẵng" -> "da nang").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = {"đ": "d", "Đ": "d", "ø": "o", "ł": "l", "ß": "s", "’": "'", "‘": "'", "“": '"',
            "”": '"', "–": "-", "—": "-", "‑": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFKD", ch)
    kept = [c for c in base if not unicodedata.combining(c)]
    out = (kept[0] if kept else ch).lower()
    return out if len(out) == 1 else ch.lower()[:1] or ch


class _FoldTable(dict):
    """str.translate table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        self[code] = _fold_char(chr(code))
        return self[code]


_TABLE = _FoldTable()


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _fold_match(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())]


POSSESSIVE_RE = re.compile(r"['’]s$")  # "Microsoft's", "Vietnam’s"
WORD_RE = re.compile(r"[a-z]+")  # a word of folded text
# Where a clause ends inside a sentence: a semicolon or colon, or a comma before a word that opens
# another clause ("..., while organisers said", "..., so revenue has now risen").
CLAUSE_BREAK_RE = re.compile(r"[;:]|,\s+(?:so|while|whereas|but|and|whose|which|who)\b")


def without_possessive(word: str) -> str:
    return POSSESSIVE_RE.sub("", word)


@lru_cache(maxsize=8192)  # a sentence is folded by each stage that reads it, and reprinted
def fold(text: str) -> str:
    """Same length as `text`: lower case without diacritics."""
    if text.isascii():
        return text.lower()
    # Only the non-ASCII characters go through the table (str.translate looks every character
    # up, several times slower); the folded ones are lower case already, so lower() keeps them.
    return _NON_ASCII_RE.sub(_fold_match, text).lower()


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """One regex matching any of the (folded) phrases on word boundaries, longest first."""
    alts = sorted({fold(p).strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts) or r"(?!x)x"
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


def trie_regex(words: list[str], space: str = re.escape(" ")) -> str:
    """An alternation matching any of `words`, longest first, written as a trie (fast in `re`).
    `space` is the pattern a space in a word stands for (r"\\s+" to allow any run of spaces)."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            alts.append((space if ch == " " else re.escape(ch)) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie) or "(?!)"


def words_of(text: str) -> list[str]:
    """The words of a text, folded."""
    return WORD_RE.findall(fold(text))

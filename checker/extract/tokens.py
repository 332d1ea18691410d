"""Number tokens: the digit groups and number words a number is spelled with.

`read_tokens` reads, from one position, the run of tokens that may form one number ("4 thousand
3 hundred and 21", "twenty-one", "2.98", "a quarter"); the grammar decides how many of them
do. `digit_value` reads one digit group, whatever its separators.
"""
from __future__ import annotations

from typing import NamedTuple

from .cursor import Cursor

MAX_TOKENS = 24  # one number is never spelled with more words than this


class Token(NamedTuple):
    kind: str  # digits, or a WordKind kind (unit, teen, ten, mag, hundred, fraction, ...)
    value: float  # 0 for digits (see digit_value)
    start: int
    end: int
    sep: str  # separator before the token as written ("", " ", "-", " and ", ", ")
    text: str

    @property
    def sep_word(self) -> str:
        """The separator without spaces, lower-cased ("", "-", ",", "and")."""
        return self.sep.strip().lower()


class DigitValue(NamedTuple):
    value: float
    decimals: int


def read_tokens(cur: Cursor, p: int) -> list[Token]:
    """The tokens of the number starting at `p` (maybe more than the number uses)."""
    lx, rx, t = cur.lx, cur.pt.token, cur.masked
    suffix = tuple(lx.lower("multiplier_suffix"))
    toks: list[Token] = []
    q = p
    while len(toks) < MAX_TOKENS:
        m = rx.match(t, q)
        if not m:
            break
        sep = m.group("sep") or ""
        if not toks and sep:
            break
        if m.group("num") is not None:
            if toks and toks[-1].kind == "digits":
                break
            toks.append(Token("digits", 0.0, m.start("num"), m.end("num"), sep, m.group("num")))
        else:
            w = m.group("word")
            if toks and not sep:
                break  # letters glued to a number: the caller decides what they are
            k = lx.word_kind(w)
            if k is None and not toks and w.lower().endswith(suffix):
                # "threefold": read the number, the affixes read "fold"
                stem = next(w[:-len(s)] for s in suffix if w.lower().endswith(s))
                k = lx.word_kind(stem)
                if k is not None and k.kind in ("unit", "teen", "ten"):
                    toks.append(Token(k.kind, k.value, m.start("word"), m.start("word") + len(stem), sep, stem))
                break
            if k is None:
                break
            toks.append(Token(k.kind, k.value, m.start("word"), m.end("word"), sep, w))
        q = m.end()
    return toks


def digit_value(s: str) -> DigitValue | None:
    """Value and decimals of a digit group: "1,234.5", "1.234,5", "12,34,567", "40 000", "5,00".
    None when the group is a list of numbers ("22,24,26", "192.168.1.2")."""
    s2 = s.replace("\u202f", "").replace("\u2009", "").replace("\u00a0", "").replace(" ", "")
    if "," not in s2:
        if s2.count(".") <= 1:
            return DigitValue(float(s2), len(s2.split(".")[1]) if "." in s2 else 0)
        groups = s2.split(".")
        return DigitValue(float("".join(groups)), 0) if all(len(g) == 3 for g in groups[1:]) else None
    if "." not in s2:
        return _commas_only(s2.split(","))
    if s2.rfind(",") < s2.rfind("."):
        int_part, dec = s2.rsplit(".", 1)
        groups = int_part.split(",")
        if not all(g.isdigit() for g in groups):
            return None  # "1.000,000.5": two kinds of separator twice
        if all(len(g) == 3 for g in groups[1:]) or (
                len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1])):
            return DigitValue(float("".join(groups) + "." + dec), len(dec))
        return None
    int_part, dec = s2.rsplit(",", 1)  # European 1.111,11
    groups = int_part.split(".")
    if all(len(g) == 3 and g.isdigit() for g in groups[1:]) and groups[0].isdigit():  # not "0.0,0,0"
        return DigitValue(float("".join(groups) + "." + dec), len(dec))
    return None


def _commas_only(groups: list[str]) -> DigitValue | None:
    if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
        return DigitValue(float("".join(groups)), 0)
    if len(groups) == 2 and len(groups[1]) <= 2:
        return DigitValue(float(groups[0] + "." + groups[1]), len(groups[1]))  # decimal comma "5,00"
    if len(groups) >= 3 and len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1]) and len(groups[0]) <= 2:
        return DigitValue(float("".join(groups)), 0)  # Indian grouping 12,34,567
    return None

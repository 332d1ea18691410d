"""The number grammar: the longest number a run of tokens spells.

Digits and words combine in groups below a thousand ("three hundred and two", "21",
"twenty-one"), multiplied by magnitudes ("4 thousand 3 hundred and 21", "2.5 million", "three
lakh crore"); fractions ("two thirds", "half a dozen", "one and a half"), decimals in words
("two point five"), ordinals ("twenty-fifth") and vague quantifiers ("hundreds of", "tens of
thousands of": an interval) end a number.

The grammar is a table from token kind to a step function. Each step reads one token into the
`_State` and says whether the number goes on (the index of the next token), stops before this
token (STOP: the longest number read so far stands), or cannot be a number at all (FAIL).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from .cursor import Cursor
from .tokens import Token, digit_value, read_tokens

STOP = -1
FAIL = -2
MAX_MAGNITUDE = 1e30  # larger values are no news quantity (and near float overflow)
JOINERS = ("", "-", "–", "—", "‑")  # "twenty-one", "twenty one"


@dataclass
class Core:
    """A number as spelled, before any affix: its value and how it was written."""

    start: int
    end: int
    value: float
    r: float = 0.0  # half-width of the rounding interval (0 = exact)
    words: bool = False  # spelled out (at least partly)
    scaled: bool = False  # a scale word multiplied it
    ordinal: bool = False
    fraction: bool = False
    quantifier: bool = False
    multiplier: bool = False  # a multiplier word ("doubled", "twice")
    high: float | None = None  # quantifiers: upper end
    digits_only: bool = True
    ends_digits: bool = True
    decimals: int = 0
    first_word: str = ""
    ntok: int = 1
    lead: float | None = None  # the first digit group's value as written (range scales)


@dataclass
class _Good:
    """The longest number read so far."""

    end: int
    value: float
    r: float
    decimals: int
    words: bool
    digits_only: bool
    scaled: bool
    ordinal: bool
    fraction: bool
    last_kind: str


@dataclass
class _State:
    cur: Cursor
    toks: list[Token]
    i: int  # index of the first token of the number proper (after a sign word)
    total: float = 0.0
    group: float | None = None  # the group below the last magnitude
    group_hundred: bool = False
    last_mag: float | None = None
    last_kind: str = ""
    r: float = 0.0
    decimals: int = 0
    words: bool = False
    digits_only: bool = True
    scaled: bool = False
    ordinal: bool = False
    fraction: bool = False
    multiplier: bool = False
    frac_pending: float | None = None
    lead: float | None = None
    consumed: int = 0
    good: _Good | None = None
    started_digits: bool = field(default=False)

    def tok(self, k: int) -> Token | None:
        return self.toks[k] if k < len(self.toks) else None

    def commit(self, k: int) -> None:
        self.consumed = k + 1
        self.good = _Good(self.toks[k].end, self.total + (self.group or 0.0), self.r, self.decimals,
                          self.words, self.digits_only, self.scaled, self.ordinal, self.fraction,
                          self.last_kind)


def parse_core(cur: Cursor, p: int) -> Core | None:
    """The longest number starting at `p`, digits and/or words, or None."""
    toks = read_tokens(cur, p)
    if not toks:
        return None
    neg = toks[0].kind == "neg"
    if neg and len(toks) < 2:
        return None
    if neg and cur.pt.plus_or_rev.match(cur.before_rev(p, 16)):
        return None  # "plus or minus 3": the number is read without the sign
    st = _State(cur, toks, 1 if neg else 0)
    st.started_digits = toks[st.i].kind == "digits"
    st.consumed = st.i
    quant = _quantifier(st)
    if quant is not None:
        return quant or None
    k = st.i
    while k < len(toks):
        tok = toks[k]
        if k > st.i and tok.sep_word == "," and (st.started_digits or (tok.kind != "mag" and st.last_kind != "mag")):
            break
        if tok.kind != "digits" and tok.kind != "point":
            st.digits_only = False
        k = STEPS.get(tok.kind, _stop)(st, k, tok)
        if k == FAIL:
            return None
        if isinstance(k, Core):
            return k
        if k == STOP:
            break
    return _finish(st, neg)


def is_whole(v: float) -> bool:
    """A finite whole number (never raises, whatever the value)."""
    return float(v).is_integer()


def _finish(st: _State, neg: bool) -> Core | None:
    g = st.good
    if g is None or not abs(g.value) <= MAX_MAGNITUDE:
        return None
    cur = st.cur
    value, end, words, r, scaled = g.value, g.end, g.words, g.r, g.scaled
    m = cur.pt.and_a_half.match(cur.masked[end:end + 14])
    if m and not g.ordinal and not g.fraction:  # "one and a half", "two and a half million"
        value += 0.5 if is_whole(value) else 0
        end += m.end()
        words = True
        m2 = cur.pt.scale_word.match(cur.masked, end)
        if m2:
            f = cur.lx.scale_any[m2.group("s").lower()]
            value, r, scaled, end = value * f, 0.05 * f, True, m2.end()
    return Core(st.toks[0].start, end, -value if neg else value, r=r, words=words, scaled=scaled,
                ordinal=g.ordinal, fraction=g.fraction, multiplier=st.multiplier,
                digits_only=g.digits_only and not words,
                ends_digits=g.last_kind == "digits", decimals=g.decimals,
                first_word=st.toks[0].text.lower(), ntok=st.consumed, lead=st.lead)


def _quantifier(st: _State) -> Core | bool | None:
    """"hundreds of", "tens of thousands of": [2, 10) times the unit. None: not a quantifier;
    False: a quantifier word without its "of" (no number)."""
    lx, cur = st.cur.lx, st.cur
    t0 = st.toks[st.i]
    low = t0.text.lower()
    if not (t0.kind == "quantifier" or (t0.kind in ("mag", "hundred") and low.endswith("s") and low in lx.quantifiers)):
        return None
    base = lx.quantifiers.get(low, t0.value)
    end = t0.end
    m = cur.pt.quant_of.match(cur.masked[end:end + 30])
    if not m:
        return None if t0.kind != "quantifier" else False
    mult = 1.0
    if m.group("q") and m.group("q").lower() in lx.quantifiers:
        mult = lx.quantifiers[m.group("q").lower()]
        end = end + m.start("q") + len(m.group("q"))
    return Core(st.toks[0].start, end, 2 * base * mult, words=True, quantifier=True,
                high=10 * base * mult - 1, digits_only=False, ends_digits=False,
                first_word=st.toks[0].text.lower())


# --- steps -----------------------------------------------------------------------------------

def _stop(st: _State, k: int, tok: Token) -> int:
    return STOP


def _digits(st: _State, k: int, tok: Token) -> int | Core:
    sep = tok.sep_word
    and_words = st.cur.lx.lower("and")
    if k > st.i and st.last_kind != "mag" and not (st.last_kind == "hundred" and sep in and_words):
        return STOP
    if k > st.i and st.last_kind == "mag":
        # digits after a magnitude continue the number only before hundred/mag ("3 million 200
        # thousand"); "$2.2 billion and 45 people" is a list of two numbers
        nxt = st.tok(k + 1)
        if not (nxt and not nxt.sep.strip(", ") and (
                nxt.kind == "hundred" or (nxt.kind == "mag" and nxt.value < (st.last_mag or math.inf)))):
            return STOP
    dv = digit_value(tok.text)
    if dv is not None and dv.decimals and "," in tok.text and k == st.i and _in_list(st.cur, tok.start):
        dv = None  # "22,24,26,31": the "26,31" left of a list is two numbers, not 26.31
    if dv is None:
        if k == st.i:  # "22,24,26" / "192.168.1.2": a list; read the first item only
            g = st.cur.pt.leading_int.match(tok.text).group()  # type: ignore[union-attr]
            return Core(tok.start, tok.start + len(g), float(g), first_word=g, lead=float(g))
        return STOP
    if st.lead is None:
        st.lead = dv.value
    if st.group is None:
        st.group = dv.value
    else:
        nxt = st.tok(k + 1)
        if not (st.group_hundred and 0 < dv.value < 100 and dv.decimals == 0 and not (nxt and nxt.kind == "hundred")):
            return STOP
        st.group += dv.value
    st.decimals = dv.decimals
    st.r = 0.5 * 10 ** (-dv.decimals) if dv.decimals else 0.0
    st.last_kind = "digits"
    st.commit(k)
    return k + 1


def _compound_modifier(st: _State, k: int, tok: Token) -> bool:
    """"$5 billion two-way trade", "12 million three-bedroom homes": a number word hyphened to
    a noun after a magnitude starts a compound, not the end of the number."""
    after = st.cur.text[tok.end:tok.end + 2]
    nxt = st.tok(k + 1)
    return len(after) == 2 and after[0] in "-‑" and after[1].isalpha() and (nxt is None or nxt.start > tok.end + 1)


def _in_list(cur: Cursor, start: int) -> bool:
    """A comma and a number (or what a pass took) right before `start`."""
    t = cur.masked
    return start >= 2 and t[start - 1] == "," and (t[start - 2].isdigit() or t[start - 2] == "\x00")


def _small(st: _State, k: int, tok: Token) -> int:
    """unit (0-9), teen, ten, and glued "twentyone"-style units."""
    sep = tok.sep_word
    if tok.kind == "unit" and tok.value == 0 and k > st.i and sep in st.cur.lx.lower("and"):
        return STOP
    if st.last_kind == "mag" and _compound_modifier(st, k, tok):
        return STOP
    if st.group is None:
        st.group = tok.value
    elif st.last_kind == "ten" and tok.kind == "unit" and tok.value > 0 and sep in JOINERS:
        st.group += tok.value
    elif st.last_kind == "hundred" and st.group % 100 == 0:
        # "three hundred and two", but not "3 hundred and 2 hundred"
        nxt = st.tok(k + 1)
        if nxt and nxt.kind == "hundred":
            return STOP
        if nxt and nxt.kind == "unit" and tok.kind == "ten" and nxt.value > 0 and nxt.sep.strip() in JOINERS:
            st.group += tok.value + nxt.value
            st.words, st.last_kind = True, "unit"
            st.commit(k + 1)
            return k + 2
        st.group += tok.value
    else:
        return STOP
    st.words = True
    st.last_kind = "ten" if tok.kind == "ten" else "unit"
    st.r, st.decimals = 0.0, 0
    st.commit(k)
    return k + 1


def _article(st: _State, k: int, tok: Token) -> int:
    """"a hundred", "a quarter"; "a dollar" is one dollar; "a third of" is a share; "a" before
    anything else is no number."""
    if k != st.i:
        return STOP
    nxt = st.tok(k + 1)
    st.group, st.last_kind, st.words = 1.0, "unit", True
    if nxt and nxt.kind in ("hundred", "mag", "fraction") and not nxt.text.lower().endswith("s"):
        return k + 1
    if nxt and nxt.kind == "ordinal" and 3 <= nxt.value <= 100 and _share_context(st, tok, nxt):
        st.group, st.fraction, st.last_kind = 1 / nxt.value, True, "fraction"
        st.commit(k + 1)
        return STOP
    cur = st.cur
    cw = cur.pt.cur_word_after.match(cur.masked, tok.end)
    if cw and cw.group("sp") and cw.group("c").lower() in cur.lx.cur_names:
        st.commit(k)
        return STOP
    return FAIL


def _share_context(st: _State, first: Token, last: Token) -> bool:
    """"a third of the votes", "rose by a fifth": the ordinal word is a fraction, not a rank
    ("a third term")."""
    cur = st.cur
    lx = cur.lx
    return (cur.word_after(last.end).lower() in lx.lower("share_after")
            or cur.word_before(first.start).lower() in lx.lower("share_before"))


def _multiplier(st: _State, k: int, tok: Token) -> int:
    """"doubled", "halved", "twice": a multiplier word stands alone."""
    if k != st.i:
        return STOP
    st.group, st.words, st.multiplier, st.last_kind = tok.value, True, True, "multiplier"
    st.commit(k)
    return STOP


def _hundred(st: _State, k: int, tok: Token) -> int:
    nxt = st.tok(k + 1)
    if st.group is None and k == st.i and nxt and nxt.kind == "mag":
        st.group = 1.0  # "hundred thousand"
    if st.group is None or st.group_hundred or (st.group >= 100 and not st.started_digits) or st.last_kind == "mag":
        return FAIL if st.group is None and k == st.i else STOP
    if st.last_kind == "digits" and st.decimals == 0 and st.group >= 100 and k - st.i > 1:
        return STOP
    st.group *= 100
    st.group_hundred = True
    st.r *= 100
    st.words = st.scaled = True
    st.last_kind = "hundred"
    st.commit(k)
    return k + 1


def _mag(st: _State, k: int, tok: Token) -> int:
    """thousand, million, lakh, crore ...: closes the group below it."""
    if st.group is None and st.last_kind != "mag":
        if st.frac_pending is None:
            return FAIL
        st.group = st.frac_pending
    if st.last_kind == "mag":  # "three lakh crore", "three thousand millions"
        if tok.sep_word:
            return STOP
        st.total = st.total * tok.value if st.group is None else (st.total + st.group) * tok.value
        st.group = None
        st.last_mag = (st.last_mag or 1) * tok.value
        st.r *= tok.value
        st.commit(k)
        return k + 1
    if st.last_mag is not None and tok.value >= st.last_mag:
        return STOP
    if st.lead is None:
        st.lead = st.group  # "five thousand": a range before it shares the thousand
    st.total += (st.group or 0.0) * tok.value
    st.group = None
    st.group_hundred = False
    st.r = (st.r if st.r else (0.5 if not st.decimals else st.r)) * tok.value
    if st.words and not st.started_digits and st.last_kind != "digits":
        st.r = 0.5 * tok.value
    st.last_mag = tok.value
    st.scaled = st.words = True
    st.last_kind = "mag"
    st.commit(k)
    return k + 1


def _point(st: _State, k: int, tok: Token) -> int:
    """"two point five", "1 point 1"."""
    if st.group is None or k + 1 >= len(st.toks):
        return STOP
    digs, j = _decimal_digits(st.toks, k + 1)
    if not digs or not digs.isdigit():
        return STOP
    st.group += float("0." + digs)
    st.decimals = len(digs)
    st.r = 0.5 * 10 ** (-st.decimals)
    st.last_kind = "digits"
    st.words = True
    st.commit(j - 1)
    return j


def _decimal_digits(toks: list[Token], j: int) -> tuple[str, int]:
    """The digits after "point", spelled one by one ("five four") or as one number."""
    first = j
    digs = ""
    n = len(toks)
    while j < n and toks[j].kind in ("unit", "digits", "teen", "ten") and (j == first or toks[j].kind == "unit"):
        t = toks[j]
        if t.kind == "digits":
            if j != first:
                break
            return digs + t.text, j + 1
        if t.kind == "ten" and j + 1 < n and toks[j + 1].kind == "unit" and toks[j + 1].value > 0:
            return digs + str(int(t.value + toks[j + 1].value)), j + 2
        digs += str(int(t.value))
        j += 1
        if t.kind in ("teen", "ten"):
            break
    return digs, j


def _ordinal(st: _State, k: int, tok: Token) -> int:
    """An ordinal word ends the number: "twenty-fifth", "one hundred fifth", "the first"; after a
    small unit it is a fraction ("one sixth")."""
    v = tok.value
    g = st.group
    if tok.kind == "glued_ordinal":
        if g is not None:
            return STOP
        st.group = v
    elif v < 10 and st.last_kind == "ten" and tok.sep_word in JOINERS:
        st.group = (g or 0) + v
    elif v >= 100 and v != 100 and g is not None:
        st.total = (st.total + g) * v if st.last_mag is None or v < st.last_mag else st.total + g * v
        st.group = None
    elif v == 100 and g is not None and not st.group_hundred:
        st.group = g * 100
    elif g is None and st.last_kind in ("", "mag"):
        st.group = v
    elif st.last_kind == "hundred" and v < 100:
        st.group = g + v  # type: ignore[operator]
    elif st.last_kind == "unit" and g is not None and g < 20 and v >= 3 and k - st.i == 1:
        st.group = g / v
        st.fraction = st.words = True
        st.last_kind = "fraction"
        st.r = 0.0
        st.commit(k)
        return STOP
    elif st.last_kind == "unit" and v < 10 and g is not None and st.group_hundred:
        st.group = g + v
    else:
        return STOP
    st.ordinal = st.words = True
    st.last_kind = "ordinal"
    st.r = 0.0
    st.commit(k)
    return STOP


def _fracden(st: _State, k: int, tok: Token) -> int:
    """"two thirds", "three fifths"."""
    if st.group is not None and st.last_kind == "unit" and st.group < 100 and not st.group_hundred:
        st.group /= tok.value
        st.fraction = st.words = True
        st.last_kind = "fraction"
        st.commit(k)
        return k + 1
    return STOP


def _fraction(st: _State, k: int, tok: Token) -> int:
    """"half a dozen", "a quarter million", "three quarters", "one and a half", "a half"."""
    lw = tok.text.lower()
    if st.group is None and st.last_kind in ("", "unit") and k == st.i:
        return _leading_fraction(st, k, tok)
    if st.group is not None and st.last_kind == "unit" and lw.endswith("s") and not st.group_hundred:
        nxt = st.tok(k + 1)
        if (lw in st.cur.lx.lower("fraction_also_period") and not (nxt and nxt.kind == "mag")
                and not _share_context(st, tok, tok)):
            return STOP  # "the next two quarters": periods, read as a unit
        st.group *= tok.value  # "three quarters"
        st.fraction = st.words = True
        st.last_kind = "unit"
        st.commit(k)
        return k + 1
    prev = st.toks[k - 1]
    if prev.kind == "article" and k >= 2 and prev.sep_word in st.cur.lx.lower("and") and st.group is not None:
        st.group += tok.value  # the article carried the "and" of "one and a half"
    elif st.group is not None and st.last_kind == "unit" and k == st.i + 1 and st.toks[st.i].kind == "article":
        st.group = tok.value  # "a quarter", "a half"
    else:
        return STOP
    st.fraction = True
    st.commit(k)
    return k + 1


def _leading_fraction(st: _State, k: int, tok: Token) -> int:
    nxt = st.tok(k + 1)
    after = st.tok(k + 2)
    if nxt and nxt.kind == "article" and after and after.kind == "mag":
        st.group = tok.value * after.value  # "half a dozen", "half a million"
        st.words, st.last_kind = True, "unit"
        st.commit(k + 2)
        return STOP
    if nxt and nxt.kind == "mag" and not nxt.sep.strip(", "):
        st.frac_pending = st.group = tok.value  # "quarter million"
        st.words, st.last_kind = True, "unit"
        return k + 1
    if tok.text.lower() in st.cur.lx.lower("fraction_alone"):
        st.group = tok.value
        st.words = st.fraction = True
        st.last_kind = "fraction"
        st.commit(k)
        return STOP
    return FAIL


STEPS: dict[str, Callable[[_State, int, Token], int]] = {
    "digits": _digits,  # type: ignore[dict-item]
    "unit": _small, "teen": _small, "ten": _small, "glued_unit": _small,
    "article": _article,
    "hundred": _hundred,
    "mag": _mag,
    "point": _point,
    "ordinal": _ordinal, "glued_ordinal": _ordinal,
    "fracden": _fracden,
    "fraction": _fraction,
    "multiplier": _multiplier,  # type: ignore[dict-item]
}

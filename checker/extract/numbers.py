"""Pass 3, numbers: every remaining digit group or number word grows into one mention.

`build` reads the number (grammar), then its affixes in a fixed order: the order matters, since
each step sees what the earlier ones decided (a currency before the number rules out an ordinal
mark; a range end's unit becomes the range's unit; a hedge widens the final value).
"""
from __future__ import annotations

from ..models import Mention
from . import affixes
from .checks import settle_kind
from .cursor import Cursor
from .grammar import parse_core
from .hedges import hedge_after, hedge_before, interval
from .nouns import counted_noun
from .ranges import read_range, read_ratio
from .reading import Built, Reading, clean
from .twins import read_twin

NOUN_KINDS = ("count", "quantity", "ordinal")


def pass_numbers(cur: Cursor) -> None:
    anchor = cur.pt.anchor
    pos = 0
    while True:
        m = anchor.search(cur.masked, pos)
        if not m:
            break
        p = m.start()
        got = build(cur, p)
        if got is None:
            pos = _skip_token(cur, p, m.group("dig") is not None)
            continue
        cur.emit(got.mention)
        cur.take(got.start, got.end)
        for span in got.extra:
            cur.take(*span)
        cur.commit()
        pos = max([got.end] + [e.b for e in got.extra])


def _skip_token(cur: Cursor, p: int, digits: bool) -> int:
    """Past a token that is no number; digits glued to letters ("5G", "06F6") are masked."""
    t = cur.masked
    pos = p + 1
    while pos < cur.n and t[pos].isalnum():
        pos += 1
    if digits and t[pos - 1].isalpha():
        cur.take(p, pos)
        cur.commit()
    return pos


def build(cur: Cursor, p: int, allow_twin: bool = True, in_range: bool = False) -> Built | None:
    """The mention of the number starting at `p`, or None when it is not a quantity."""
    core = parse_core(cur, p)
    if core is None:
        return None
    rd = Reading.of(core)
    if not affixes.glued_identifier(cur, rd):
        return None
    affixes.notation(cur, rd)
    affixes.sign(cur, rd)
    affixes.currency_before(cur, rd)
    affixes.sign_before_currency(cur, rd)
    affixes.ordinal_prefix(cur, rd)
    affixes.scale_abbreviation(cur, rd)
    affixes.apply_code_scale(rd)
    if (in_range or not read_ratio(cur, rd, build)) and not _read_on(cur, rd, in_range):
        return None
    if not abs(rd.value) < 1e300 or not settle_kind(cur, rd):
        return None  # no quantity is that large; its interval would not be finite
    if not in_range:  # the second end of a range or ratio: its hedges are the whole one's
        hedge_before(cur, rd)
        hedge_after(cur, rd)
    return _finish(cur, rd, allow_twin, in_range)


def _read_on(cur: Cursor, rd: Reading, in_range: bool) -> bool:
    """The range the number opens (unless it is one's second end), then its affixes after."""
    if not in_range:
        read_range(cur, rd, build)
    return _after(cur, rd)


def _after(cur: Cursor, rd: Reading) -> bool:
    """Currency, unit or ordinal suffix after the number (or taken from the range's end);
    False when what follows says it is no number ("a double murder")."""
    if rd.core.multiplier:
        return affixes.multiplier_word(cur, rd)
    sub = rd.range_end.mention if rd.range_end is not None else None
    if sub is not None and (sub.unit or sub.kind != "count"):  # "18- to 24-year-olds": ages
        rd.unit, rd.kind = sub.unit, sub.kind
        rd.currency = rd.currency or (sub.unit if sub.kind == "amount" else None)
    if not rd.ordinal and sub is None:
        affixes.currency_after(cur, rd)
    if rd.currency:
        rd.kind, rd.unit = "amount", rd.currency
    if not rd.currency and not rd.ordinal and sub is None:
        affixes.unit(cur, rd)
    if not rd.currency and not rd.unit:
        affixes.ordinal_suffix(cur, rd)
    if not rd.currency and not rd.unit and rd.unit_from is not None and rd.unit_from.unit:
        rd.kind, rd.unit = rd.unit_from.kind, rd.unit_from.unit
        rd.currency = rd.unit if rd.kind == "amount" else None
    affixes.age(cur, rd)
    if rd.kind == "count" and rd.core.fraction and rd.value <= 1:
        rd.kind = "share"  # "two-thirds of", "a quarter", "half the": a part of a whole
    return True


def _finish(cur: Cursor, rd: Reading, allow_twin: bool, in_range: bool) -> Built:
    low, high = interval(rd)
    noun = counted_noun(cur, rd.end) if rd.kind in NOUN_KINDS else None
    end = rd.end
    twin = read_twin(cur, rd, build) if allow_twin else None
    scale = 1.0
    if in_range and rd.scaled and rd.core.lead:
        scale = rd.value / rd.core.lead  # the scale the range's first end shares ("5 to 7 billion")
    mention = Mention(kind=rd.kind, text=cur.text[rd.start:end], start=rd.start, end=end,
                      value=clean(rd.value), unit=rd.unit, hedge=rd.hedge, low=clean(low),  # type: ignore[arg-type]
                      high=clean(high), noun=noun, twin=twin, is_range=rd.range_end is not None,
                      unit_text=rd.unit_text, rounding=clean(rd.r) or 0.0)
    return Built(mention, rd.start, end, rd.extra, scale)


def unparsed(cur: Cursor) -> None:
    """Digits no pass explained are listed as `unparsed` (never silently dropped)."""
    for m in cur.pt.digit_run.finditer(cur.masked):
        cur.emit(Mention(kind="unparsed", text=m.group(), start=m.start(), end=m.end()))

"""What a number read so far turns out not to be: a pronoun, an article, an adjective, an
identifier glued to letters, "the first half", "a second"."""
from __future__ import annotations

from .cursor import MASK, Cursor
from .lexicon import WordKind
from .reading import Reading


def settle_kind(cur: Cursor, rd: Reading) -> bool:
    """Last decisions on a plain count; False when the number is not a quantity at all."""
    t = cur.masked
    if rd.kind == "count" and rd.core.ordinal:
        rd.kind = rd.unit = "ordinal"
    if rd.kind == "count" and not rd.unit:
        _percent_of(cur, rd)
        cm = cur.pt.hyphen_word.match(t, rd.end)
        if cm and cm.group(1).lower() in cur.lx.lst("not_counted_compound"):
            return False  # "two-way trade", "one-sided"
    if rd.end < cur.n and (t[rd.end].isalnum() or t[rd.end] == "_") and rd.core.ends_digits and t[rd.end - 1].isalnum():
        if not _unknown_unit(cur, rd):
            return False  # glued letters after digits that are no known suffix: "3D", "06F6"
    if rd.kind in ("count", "share") and not rd.core.scaled and rd.core.words and not _words_count(cur, rd):
        return False
    if rd.kind == "ordinal" and rd.core.words and rd.core.first_word in cur.lx.lower("ordinal_also_noun"):
        wb = cur.word_before(rd.start).lower()
        if wb in cur.lx.lower("second_time_before") or cur.prev_is_number(rd.start):
            return False  # "a second", "per second", "1 minute 30 second"
    return True


def _unknown_unit(cur: Cursor, rd: Reading) -> bool:
    """"12kWp", "3Mt": letters glued after a count that look like a unit (two to six letters,
    some in lower case) keep the number, with the unit as written; "3D", "4WD" do not."""
    m = cur.pt.glued_unit.match(cur.masked, rd.end)
    if rd.kind != "count" or not m or m.group().isupper() or not rd.core.digits_only:
        return False
    rd.kind, rd.unit_text, rd.end = "quantity", m.group(), m.end()
    return True


def _percent_of(cur: Cursor, rd: Reading) -> None:
    """"percent of 10" with no number before the percent word: a percent."""
    t = cur.masked
    pm = cur.pt.percent_of.search(t, max(0, rd.start - 24), rd.start)
    if not pm or pm.end() != rd.start:
        return
    j = pm.start() - 1
    while j >= 0 and t[j] == " ":
        j -= 1
    if j < 0 or not (t[j].isdigit() or t[j] == MASK):
        rd.kind, rd.unit, rd.start = "percent", "percent", pm.start()


def _words_count(cur: Cursor, rd: Reading) -> bool:
    """A spelled-out count: not the pronoun "one", a bare article, or a vague "half"."""
    lx, core = cur.lx, rd.core
    fw = core.first_word
    wb = cur.word_before(rd.start).lower()
    wa = cur.word_after(rd.end).lower()
    if (lx.words.get(fw) == WordKind("unit", 1) and core.ntok == 1
            and (wb in lx.lst("pronoun_one") or wa in lx.lst("pronoun_one_follow"))):
        return False
    if fw in lx.lower("number_article") and rd.value == 1:
        return False
    if core.fraction and fw in lx.lower("fraction_alone") and core.ntok == 1:
        raw = cur.word_before(rd.start, raw=True).lower()
        if ((wa not in lx.lower("share_after") and wb not in lx.lower("share_before"))
                or lx.words.get(raw, WordKind("", 0)).kind == "ordinal" or raw in lx.lower("half_period_before")):
            return False  # "the first half of 2025" is a period, not 0.5
    return True

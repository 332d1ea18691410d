"""Sentences as items: words with their lemma and whether they are a name, punctuation, and one
slot per mention."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..models import Mention, Term
from ..text import without_possessive
from ..words import Grammar, Token, in_dictionary

HARD_STOPS = frozenset(";:()[]{}\"“”!?—–|")
MAX_PHRASE = 4  # open-class words read into one noun phrase
RELATIVE = frozenset({"that", "which", "who"})
SLOT_KINDS_IN_NAMES = {"count", "ordinal"}  # "under age 18", "the first quake": kept as terms


@dataclass(frozen=True)
class Item:
    """A word, a punctuation mark, or a slot where a mention sits."""

    kind: str  # word, punct, slot
    start: int
    end: int
    text: str
    low: str
    lemma: str = ""
    slot: int = -1  # index of the mention, for slots
    proper: bool = False  # capitalised inside a sentence that is not in title case: a name
    known: bool = False  # a name the rules know (a country, an organisation)

    @property
    def unknown_name(self) -> bool:
        """A name no rule knows: a person, a company ("Olsen", "Kestrel Micro")."""
        return self.proper and not self.known


def title_case(toks: list[Token]) -> bool:
    """"Death Toll Rises To 274": capitals that say nothing about names."""
    long = [t for t in toks if t.is_word and len(t.text) > 3]
    return len(long) >= 3 and sum(t.capitalised for t in long) >= 0.6 * len(long)


_FIRSTS: dict[frozenset[str], frozenset[str]] = {}


def _first_words(known: frozenset[str]) -> frozenset[str]:
    """The first words of the known names of several words (worked out once per name set)."""
    if known not in _FIRSTS:  # (a frozenset keeps its hash: the lookup is cheap)
        _FIRSTS[known] = frozenset(n.split()[0] for n in known if " " in n)
    return _FIRSTS[known]


def _in_known_phrases(toks: list[Token], known: frozenset[str]) -> set[int]:
    """Indices of tokens inside a known name of two or three words ("Việt Nam", "Air India")."""
    out: set[int] = set()
    firsts = _first_words(known)
    for n in range(len(toks) - 1):
        if toks[n].low not in firsts or not toks[n].capitalised:
            continue  # a name starts with a capital, and with one of the names' first words
        for size in (3, 2):
            words = toks[n:n + size]
            if len(words) == size and all(t.is_word for t in words) \
                    and " ".join(without_possessive(t.low) for t in words) in known:
                out.update(range(n, n + size))
                break
    return out


def items_of(toks: list[Token], mentions: list[Mention], g: Grammar, known: frozenset[str] = frozenset(),
             first_name: bool = False) -> list[Item]:
    """Tokens with every mention replaced by one slot (tokens a mention overlaps are dropped).
    `known`: names the rules know (countries, organisations), a name in any case; `first_name`:
    the first word is a name (its article writes it capitalised inside sentences)."""
    closing = {t.start for t in toks if t.text in ")]"}
    spans = sorted((m.start, _end(m, closing), i) for i, m in enumerate(mentions))
    titled = title_case(toks)
    in_names = _in_known_phrases(toks, known)
    first = next((t.start for t in toks if t.is_word), -1)
    out: list[Item] = []
    k = 0
    for n, t in enumerate(toks):
        while k < len(spans) and spans[k][1] <= t.start:
            a, b, i = spans[k]
            out.append(Item("slot", a, b, mentions[i].text, "#", slot=i))
            k += 1
        if k < len(spans) and spans[k][0] < t.end:
            continue  # inside (or overlapping) the next mention
        kind = "word" if t.is_word else "punct"
        name = without_possessive(t.low) in known or n in in_names
        proper = kind == "word" and t.capitalised and (
            name or (len(t.low) > 2 and not in_dictionary(t.low))  # "Olsen, 47, is due to ..."
            or not titled and (t.start != first or first_name or t.text.isupper() or t.text.endswith(("'s", "’s"))
                               or (n + 1 < len(toks) and toks[n + 1].is_word and toks[n + 1].capitalised)))
        out.append(Item(kind, t.start, t.end, t.text, t.low, g.lemma(t.low) if kind == "word" else t.low,
                        proper=proper, known=name))
    for a, b, i in spans[k:]:
        out.append(Item("slot", a, b, mentions[i].text, "#", slot=i))
    return out


def _end(m: Mention, closing: set[int]) -> int:
    """Where a mention's slot ends: after the restatement in parentheses, so that what follows
    it still reads as its measure ("10 million rupees ($115,937) in compensation")."""
    if m.twin is None or m.twin.end < m.end:
        return m.end
    return m.twin.end + 1 if m.twin.end in closing else m.twin.end


class Chunk(NamedTuple):
    terms: list[Term]
    prep: str | None  # the preposition that introduces it, None for a head noun phrase
    start: int = -1  # index of the item right before the phrase (where reading stopped)



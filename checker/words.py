"""Words of a sentence: tokens with offsets, lemmas and closed word classes.

The descriptor stage reads what a number measures from the words around it. It needs three
things of every word: where it is, its lemma ("grossed" -> "gross", "fatalities" ->
"fatality"), and whether it belongs to one of the closed classes listed in
rules/grammar.toml (determiners, prepositions, auxiliaries...). Everything else is open-class:
the words a descriptor is made of, whatever the story.

Lemmas come from simplemma (MIT, ships its own dictionaries, no download), loaded on first use:
the per-article stage that calls it is cached by content, so warm runs never load it; a cold one
loads the dictionary factlint ships decoded (checker/data, made by tools/make_lemmas.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .models import Term
from .rules import RuleSet
from .text import fold

# A word (letters, inner apostrophes and hyphens), a number, or one punctuation mark.
TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\w\s]")

CLASSES = ("determiners", "prepositions", "auxiliaries", "conjunctions", "pronouns",
           "generic_heads", "people", "change_nouns", "change_verbs", "level_verbs",
           "time_words", "reporting_verbs", "irregular", "rank_nouns", "comparison_markers",
           "event_words", "resultative_verbs", "solo_events", "margin_verbs", "gap_words", "lead_words",
           "whole_owners", "span_words", "expectation_markers",
           "expectation_verbs", "place_prepositions",
           "future_markers", "year_events", "story_events", "raising_verbs", "damage_verbs",
           "measure_synonyms", "statistic_words", "irregular_plurals", "rival_sources", "particles", "part_nouns", "directive_verbs", "placement_verbs", "compound_prepositions", "state_participles", "ability_modals",
           "unchanged_pasts", "kind_nouns")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    low: str  # folded (lower case, no diacritics)

    @property
    def is_word(self) -> bool:
        return self.low[:1].isalpha()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str) -> list[Token]:
    low = fold(text)
    return [Token(m.start(), m.end(), m.group(), low[m.start():m.end()]) for m in TOKEN_RE.finditer(text)]


SHIPPED_LEMMAS = Path(__file__).parent / "data" / "lemmas_en.bin"


@lru_cache(maxsize=1)
def _lemmatizer():
    """simplemma (imported lazily), on the English dictionary factlint ships decoded when it is the
    installed simplemma's own (tools/make_lemmas.py: 0.04 s to load instead of 0.1 s to decode),
    else on simplemma's loader: the lemmas are simplemma's either way."""
    import simplemma

    table = _shipped_table(simplemma.__version__)
    if table is None:
        return simplemma
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries.dictionary_factory import (CachingDictionaryFactory,
                                                                      MappingStrToByteString)
    from simplemma.utils import normalize_token

    class Shipped(CachingDictionaryFactory):
        def _get_dictionary_uncached(self, lang: str):
            if lang != "en":
                raise ValueError(f"Unsupported language: {lang}")
            return MappingStrToByteString(table)

    factory = Shipped()
    lookup = DictionaryLookupStrategy(factory)

    class Lemmas:  # the two calls factlint makes, as simplemma's module functions answer them
        lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))

        @classmethod
        def lemmatize(cls, word: str, lang: str) -> str:
            return cls.lemmatizer.lemmatize(word, lang)

        @staticmethod
        def is_known(word: str, lang: str) -> bool:
            return lookup.get_lemma(normalize_token(word), lang) is not None

    return Lemmas


def _shipped_table(version: str) -> dict[bytes, bytes] | None:
    """The shipped decoded dictionary, when it was made from this simplemma version."""
    import marshal
    import zlib

    try:
        made_with, table = marshal.loads(zlib.decompress(SHIPPED_LEMMAS.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        return None
    return table if made_with == version and isinstance(table, dict) else None


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Dictionary form of one folded word; hyphenated words by their last part."""
    if not word[:1].isalpha():
        return word
    head, sep, last = word.rpartition("-")
    if sep:
        return f"{head}-{lemma(last)}"
    return _lemmatizer().lemmatize(word, lang="en").lower()


@lru_cache(maxsize=65536)
def in_dictionary(word: str) -> bool:
    """Is the folded word an English word the lemmatiser's dictionary knows? A capitalised word
    it does not know ("Olsen", "Nordhaven") is most likely a name, wherever it stands."""
    return bool(_lemmatizer().is_known(word, lang="en"))


ABILITY = "capacity"  # what a verb after "can" measures ("can carry", "can seat": as "its capacity of")
PART, WHOLE = "part", "whole"  # the instances of a partitive ("14 of the city's 21 wards": 14, 21)

# Classes of common nouns: a capitalised one at the start of a sentence is not a name.
COMMON_CLASSES = ("people", "generic_heads", "part_nouns", "whole_owners", "statistic_words", "change_nouns")


@dataclass(frozen=True)
class Grammar:
    """The closed word classes of rules/grammar.toml, as sets of folded words and lemmas."""

    classes: dict[str, frozenset[str]]
    irregular: dict[str, str]  # "rose" -> "rise": forms the dictionary reads as another word
    events: dict[str, str]  # "talks" -> "meeting": words that name what happened on a date, by kind
    synonyms: dict[str, str]  # "house" -> "home": lemmas that name one thing in a measure
    sides: dict[str, str]  # "police" -> "official", "organisers" -> "organiser": who counts a crowd

    def lemma(self, word: str) -> str:
        return self.irregular.get(word) or lemma(word)

    def synonym(self, lemma: str) -> str:
        """One lemma for lemmas that name one thing in a measure ("house" -> "home")."""
        return self.synonyms.get(lemma, lemma)

    def measure_word(self, word: str) -> str:
        """A word's lemma as a measure reads it."""
        return self.synonym(self.lemma(word))

    def rivals(self, a: str, b: str) -> bool:
        """Two sources on opposite sides of a count ("police" and "organisers"): each gives its own."""
        sa, sb = self.sides.get(a), self.sides.get(b)
        return sa is not None and sb is not None and sa != sb

    def side(self, t: Term) -> str | None:
        """The side of a count a word names when it is a source ("Police", "organisers"), else None."""
        return self.sides.get(fold(t.text)) or self.sides.get(t.lemma)

    def is_(self, cls: str, word: str) -> bool:
        return word in self.classes.get(cls, frozenset())

    def common_noun(self, word: str, lemma: str) -> bool:
        """Is a word whose capital says nothing (it opens the sentence, or the line is in title
        case) a common noun rather than a name? It is when the lemmatiser inflects it ("Officers",
        "Authorities": a name takes no plural) or the grammar lists it ("Police", a source side);
        a dictionary word it neither inflects nor lists ("Chelsea", "Smith") may be a name."""
        return lemma != word or word in self.sides or any(word in self.classes[c] for c in COMMON_CLASSES)

    def closed(self, word: str) -> bool:
        """A function word: never part of what a number measures."""
        return any(word in self.classes[c] for c in
                   ("determiners", "prepositions", "auxiliaries", "conjunctions", "pronouns"))


_GRAMMARS: dict[str, Grammar] = {}


def grammar(rules: RuleSet) -> Grammar:
    key = rules.version()
    if key not in _GRAMMARS:
        classes = {}
        for name in CLASSES:
            entry = rules.grammar.get(name)
            classes[name] = frozenset(fold(w) for w in (entry.words if entry else []))
        place = rules.lexicon.get("name_place_words")  # "Harris County": shared with the entity finder
        classes["place_words"] = frozenset(fold(w) for w in (place.words if place else []))
        irregular, events, synonyms, sides = (dict(w.split("=", 1) for w in classes[c] if "=" in w)
                                              for c in ("irregular", "event_words", "measure_synonyms", "rival_sources"))
        _GRAMMARS[key] = Grammar(classes, irregular, events, synonyms, sides)
    return _GRAMMARS[key]

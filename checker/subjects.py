"""Subjects: who or where a sentence's figures are about.

Countries, organisations, events, people and other names come from the entity finder
(entities.py); sub-national places are also learned from the whole corpus ("Lao Cai province",
"the hamlet of Lang Nu") so that "Lao Cai" alone is a place, and referred back to ("the
village"). Names that only attribute a figure ("the USGS said", "according to MRTV") are its
source, not its subject. A sentence that names nothing keeps the previous sentence's place,
else the article's main subject. Each subject says where it came from: the sentence itself, the
context (an earlier sentence, or the two sides of a two-party measure), or the article.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from .entities import EntityMention, Found
from .models import Article, Sentence, TimeScope
from .rules import RuleSet
from .text import fold
from .words import grammar

PLACE_WORDS = {"hamlet": 0, "village": 0, "commune": 1, "ward": 1, "district": 2, "town": 2,
               "city": 3, "province": 3, "prefecture": 3, "state": 4, "region": 4}
NAME = r"(?<![\w'’-])[^\W\d_][\w'’-]*"  # one word of a name; capitalisation is checked in code
PLACE_WORD_RE = re.compile(r"(?i:hamlet|village|commune|district|province|city|cities)")
PLACE_KINDS = r"(?i:hamlet|village|commune|district|province|city)"
PLACE_RE = re.compile(rf"((?:{NAME}\s+){{0,3}}{NAME})\s+({PLACE_KINDS})\b")
PLACE_OF_RE = re.compile(rf"\b({PLACE_KINDS})\s+of\s+({NAME}(?:\s+{NAME}){{0,2}})")
PLACE_LIST_RE = re.compile(
    rf"((?:{NAME}(?:\s+{NAME}){{0,2}},\s+)+{NAME}(?:\s+{NAME}){{0,2}}\s+and\s+{NAME}(?:\s+{NAME}){{0,2}})"
    r"\s+(provinces|districts|cities|villages)\b")
THERE_RE = re.compile(r"\b(?:there|the same (?:village|hamlet|province|district))\b")
COREF_RE = re.compile(r"\bthe\s+(hamlet|village|commune|district|province|city)\b", re.I)
NOT_NAMES = {"the", "in", "a", "an", "this", "that", "its", "their", "northern", "southern",
             "eastern", "western", "central", "mountainous", "remote", "entire", "whole", "of",
             "border", "neighbouring", "neighboring"}
NAME_JOINERS = {"of", "de", "del", "da", "do", "dos", "das", "la", "le", "van", "von", "upon", "and"}
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "sept", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "oct", "nov", "dec"}
NOT_PLACE_NAMES = NOT_NAMES | CALENDAR  # capitalised words that end a place's name, read backwards
@dataclass
class Entities:
    """What the claims stage needs of the rules' entities (compiled once per RuleSet), and what
    one run found of them."""

    rules: RuleSet
    name_of: dict[str, str]  # folded alias -> canonical name (keeps countries out of places)
    reporting: frozenset[str]  # verbs that attribute a figure to a source ("said", "reported")
    found: Found  # text -> every entity it names
    seen: dict[str, list[EntityMention]] = field(default_factory=dict)  # text -> its entities

    def find(self, text: str) -> list[EntityMention]:
        """Entities the text names about its figures: not those that only attribute them."""
        got = self.seen.get(text)
        if got is None:  # each sentence is read for counts, defaults and subjects
            got = self.seen[text] = [e for e in self.found(text) if not _attributed(text, e, self.reporting)]
        return got


_ENTITIES: dict[str, tuple[dict[str, str], frozenset[str]]] = {}


def entities(rules: RuleSet, found: Found | None = None) -> Entities:
    """The entities of one run: `found`, what the extraction stage read of its sentences."""
    key = rules.version()
    if key not in _ENTITIES:
        name_of: dict[str, str] = {}
        for name, e in rules.entities.items():
            for alias in [name, *e.aliases, *e.demonyms]:
                name_of[fold(alias)] = name
        _ENTITIES[key] = (name_of, grammar(rules).classes["reporting_verbs"])
    name_of, reporting = _ENTITIES[key]
    return Entities(rules, name_of, reporting, found or Found(rules))


ATTRIBUTION_BEFORE = re.compile(r"(?:according\s+to|per|citing|quoted\s+by)\s+(?:the\s+)?$", re.I)
ATTRIBUTION_WINDOW = 4  # words between a name and the verb that makes it a source
AFTER_WORD_RE = re.compile(r"[\w'’-]+")


def _attributed(text: str, e: EntityMention, reporting: frozenset[str]) -> bool:
    """"The US Geological Survey said...", "..., according to MRTV": a source, not a subject."""
    if ATTRIBUTION_BEFORE.search(text[max(0, e.start - 20):e.start]):
        return True
    if e.kind == "country":
        return False  # "Vietnam said": still the country the figures are about (no words read)
    after = AFTER_WORD_RE.findall(text, e.end, e.end + 60)[:ATTRIBUTION_WINDOW]
    return any(fold(w) in reporting for w in after)


# --- places learned from the text ---------------------------------------------------------

@dataclass
class Places:
    """Sub-national places named as such in the corpus ("Lao Cai province", "hamlet of Lang Nu").

    Learned from every article, they are the one thing an article's claims depend on beyond the
    article itself. Every answer about a text goes through `find` (levels and display names are
    asked only of the names it found), so `log` can record which texts an article asked about,
    and `answers` tells whether another run's places answer them alike (the claims cache)."""

    level: dict[str, int]  # folded name -> 0 hamlet/village .. 4 region
    display: dict[str, str]  # folded name -> name as first written
    regex: re.Pattern[str] | None
    seen: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # folded text -> find's answer
    # (text, kinds) -> (the folded text, _named's answer): a sentence is asked for its countries
    # by the country counts and by its subject, and reprinted (do not change the list)
    named: dict[tuple[str, tuple[str, ...]], tuple[str, list[tuple[int, str]]]] = field(default_factory=dict)
    log: set[str] | None = None  # while a set: every folded text asked about is added to it

    def find(self, folded: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of the places a folded text names; a sentence is searched once
        however often it is read (subjects, country counts) or reprinted. Do not change the list."""
        if self.log is not None:
            self.log.add(folded)
        got = self.seen.get(folded)
        if got is None:
            if len(self.seen) > 4096:
                self.seen.clear()
            got = self.seen[folded] = [(m.start(), m.end(), re.sub(r"\s+", " ", m.group()))
                                       for m in self.regex.finditer(folded)] if self.regex else []
        return got

    def answers(self, texts: list[str]) -> str:
        """A digest of what these places say of the folded texts: where each names a place, and
        that place's level and display name. Equal digests, equal answers."""
        h = hashlib.blake2b(digest_size=16)
        for text in texts:
            h.update(repr([(a, b, name, self.level.get(name), self.display.get(name))
                           for a, b, name in self.find(text)]).encode() + b"\0")
        return h.hexdigest()

    def mask(self, folded: str) -> str:
        """Blank out place names so "Lao Cai" is not read as the country Laos."""
        for a, b, _ in self.find(folded):
            folded = folded[:a] + " " * (b - a) + folded[b:]
        return folded


def learn_places(texts: list[str], known: dict[str, str]) -> Places:
    """Places from body sentences; `known` (folded alias -> entity) keeps countries out."""
    level: dict[str, int] = {}
    display: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        name = re.split(r"['’]s\s+", name)[-1]  # "Viet Nam's Thanh Hoa" -> "Thanh Hoa"
        words = name.split()
        # the name is the capitalised words just before the place word ("Officials in Valdera
        # province": Valdera), unless a word that joins a name cuts them ("Bay of Islands")
        k = len(words)
        while k and words[k - 1][0].isupper() and words[k - 1].lower() not in NOT_PLACE_NAMES:
            k -= 1
        joined = k >= 2 and words[k - 1].lower() in NAME_JOINERS and words[k - 2][0].isupper()
        words = [] if joined else words[k:]
        if not words:
            return
        key = fold(" ".join(words))
        if key in known:
            return
        lvl = PLACE_WORDS[kind.lower().removesuffix("s").replace("citie", "city")]
        level[key] = min(lvl, level.get(key, 9))
        display.setdefault(key, " ".join(words))

    for text in dict.fromkeys(texts):  # a reprinted sentence adds nothing: first-seen order kept
        if not PLACE_WORD_RE.search(text):
            continue  # most sentences name no place type: skip the costly patterns
        for m in PLACE_RE.finditer(text):
            add(m.group(1), m.group(2))
        for m in PLACE_OF_RE.finditer(text):
            add(m.group(2).strip(), m.group(1))
        for m in PLACE_LIST_RE.finditer(text):
            for name in re.split(r",\s*|\s+and\s+", m.group(1)):
                add(name.strip(), "city" if m.group(2) == "cities" else m.group(2)[:-1])
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(level, key=lambda p: (-len(p), p)))
    regex = re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])") if body else None
    return Places(level, display, regex)


# --- subjects -----------------------------------------------------------------------------

@dataclass
class ArticleContext:
    article: Article
    default_subject: list[str]
    year: int | None
    places: Places
    partners: list[str]  # the article's countries, most named first: the sides of "bilateral"
    carried: list[str] = field(default_factory=list)  # place subject carried to the next sentences
    order: list[str] = field(default_factory=list)  # countries of the sentence, as written
    last_place: dict[str, str] = field(default_factory=dict)  # "village" -> "lang nu"
    period: TimeScope | None = None  # the period an earlier sentence last named (see claims.when)
    # a dated article's date as an instant, the time of its figures that state none (see claims.when):
    # built once per article, not per claim (it is frozen)
    now: TimeScope | None = None


def _named(ents: Entities, places: Places, text: str, kinds: tuple[str, ...]) -> list[tuple[int, str]]:
    """(position, name) of the entities of these kinds a text names, outside learned places
    ("Lao Cai" is a province, not Laos)."""
    kept = places.named.get((text, kinds))
    if kept is not None:
        if places.log is not None:
            places.log.add(kept[0])
        return kept[1]
    folded = fold(text)
    spans = places.find(folded)
    got = [(e.start, e.name) for e in ents.find(text) if e.kind in kinds
           and not any(a < e.end and e.start < b for a, b, _ in spans)]
    places.named[(text, kinds)] = (folded, got)
    return got


def country_counts(ents: Entities, sentences: list[Sentence], places: Places) -> Counter:
    return Counter(c for s in sentences for _, c in _named(ents, places, s.text, ("country",)))


def default_subject(ents: Entities, article: Article, counts: Counter, places: Places) -> list[str]:
    """The countries an article is about: those its title names, else the most frequent ones."""
    if article.title:
        named = sorted({c for _, c in _named(ents, places, article.title, ("country",))})
        if named:
            return named
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    if top < 2:
        return []  # countries named once each are named in passing (a film's markets, a player's
        # birthplace): none of them is what the article is about
    return sorted(c for c, n in counts.items() if n >= max(2, top * 0.3))


def two_sided(subject: list[str], ctx: ArticleContext, directional: bool) -> list[str]:
    """Subject of a metric between two countries. Named with one side ("bilateral trade",
    "Vietnam's minister said"), it gets the article's other main country; a directional metric
    (exports) keeps the order the sentence names them in ("Vietnam's exports to Laos")."""
    if directional and sorted(ctx.order) == subject:
        subject = ctx.order
    if len(subject) != 1 or subject[0] not in ctx.partners:
        return subject
    other = next((c for c in ctx.partners if c != subject[0]), None)
    if not other:
        return subject
    return subject + [other] if directional else sorted(subject + [other])


class Subject(NamedTuple):
    names: list[str]
    origin: str  # sentence, context, article, none
    events: list[str] = []  # named events ("Typhoon Yagi"): which one, when a story has several


def sentence_subject(ents: Entities, ctx: ArticleContext, s: Sentence, folded: str) -> Subject:
    """Who or where a sentence's figures are about.

    The most specific place named wins, unless the sentence also names a country and the place
    is not written with its type ("Los Pinos hamlet" wins over "Panamanian"; "struck Mexico,
    made landfall in Oaxaca, leaving 16 dead" is national). "the village" refers back to
    the last village named; a sentence that names nothing keeps the previous sentence's place.
    `folded`: fold(s.text)."""
    ctx.order = []
    found = ctx.places.find(folded)
    countries = _named(ents, ctx.places, s.text, ("country",))
    events = sorted({n for _, n in _named(ents, ctx.places, s.text, ("event",))})
    if found and countries and not _typed_place(s.text, folded, found):
        found = []  # "struck Mexico, made landfall in Oaxaca, leaving 16 dead" is national
    if not found and not countries:
        for m in COREF_RE.finditer(s.text):
            name = ctx.last_place.get(m.group(1).lower())
            if name:
                found = [(m.start(), m.end(), name)]
                break
    if found:
        top = min(ctx.places.level.get(name, 0) for _, _, name in found)
        subject = sorted({ctx.places.display.get(name, name) for _, _, name in found
                          if ctx.places.level.get(name, 0) == top})
        _remember_kinds(ctx, s.text, found)
        ctx.carried = subject
        return Subject(subject, "sentence", events)
    if countries:
        ctx.carried = []
        ctx.order = list(dict.fromkeys(c for _, c in countries))
        return Subject(sorted(ctx.order), "sentence", events)
    for kinds in (("organisation",), ("person",)):
        named = _named(ents, ctx.places, s.text, kinds)
        if named:  # "Apple reported...", "Smith scored 31 points"
            ctx.carried = []
            return Subject(sorted({n for _, n in named}), "sentence", events)
    if ctx.carried and (not _names_something(s.text) or THERE_RE.search(folded)):
        return Subject(ctx.carried, "context", events)
    ctx.carried = []
    return Subject(ctx.default_subject, "article" if ctx.default_subject else "none", events)


ITEM_KINDS = ("organisation", "person", "name")  # who a list gives figures to (countries and places
# keep the sentence's subject: "Vietnam's exports to Laos ... and its imports from Laos" is one pair's)
COORDINATOR_RE = re.compile(r",|;|\b(?:and|while|whereas|but)\b")


def item_subjects(ents: Entities, ctx: ArticleContext, text: str, spans: list[tuple[int, int]]) -> list[str | None]:
    """"The Greens won 22 seats and the Liberals 17", "the Greens (22 seats) and Liberals (17)":
    in a list of figures of one kind, each figure is the figure of the name nearest before it in
    its own item (the words after the figure before it, from the first "and" or comma on: "$100
    million in North America and $62 million" gives the second figure no name). Only a list
    that opens with a name and gives at least two figures one, in a sentence that names no
    country or place; a figure whose item names nobody keeps the sentence's subject (None)."""
    if len(spans) < 2 or ctx.places.find(fold(text)) or _named(ents, ctx.places, text, ("country",)):
        return [None] * len(spans)
    named = _named(ents, ctx.places, text, ITEM_KINDS)
    out: list[str | None] = []
    prev = 0
    for n, (start, end) in enumerate(spans):
        lo = prev
        if n:
            joint = COORDINATOR_RE.search(text, prev, start)
            lo = joint.end() if joint else start
        out.append(next((name for pos, name in reversed(named) if lo <= pos < start), None))
        prev = end
    if out[0] is None or sum(1 for x in out if x) < 2:
        return [None] * len(spans)
    return out


@lru_cache(maxsize=4096)
def _typed_names(text: str) -> tuple[tuple[str, str], ...]:
    """(kind, name) of every place written with its type ("Lang Nu hamlet", "village of X"):
    the two patterns are costly, and both questions below ask them of one sentence."""
    return tuple([(m.group(2), m.group(1)) for m in PLACE_RE.finditer(text)]
                 + [(m.group(1), m.group(2)) for m in PLACE_OF_RE.finditer(text)])


def _typed_place(text: str, folded: str, found) -> bool:
    """Is a place written with its type ("Los Pinos hamlet", "In Panama Oeste Province",
    "village of X")?"""
    typed = [fold(name) for _, name in _typed_names(text)]
    return any(t.strip().endswith(place) for t in typed for _, _, place in found)


def _remember_kinds(ctx: ArticleContext, text: str, found) -> None:
    """Which place "the village" / "the province" will refer to next."""
    for kind, name in _typed_names(text):
        key = fold(name.strip())
        for _, _, place in found:
            if key.endswith(place):
                ctx.last_place[kind.lower()] = place


def _names_something(text: str) -> bool:
    """Does the sentence name a proper noun (after its first word)? Then it opens a new topic."""
    words = re.findall(r"[\w'’-]+", text)[1:]
    return any(w[:1].isupper() and w.lower() not in CALENDAR and len(w) > 1 for w in words)



def build_context(ents: Entities, article: Article, sentences: list[Sentence], places: Places) -> ArticleContext:
    year = int(article.date[:4]) if article.date else None
    counts = country_counts(ents, sentences, places)
    partners = [c for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:2]
    now = TimeScope(kind="instant", start=article.date, end=article.date, origin="article") if article.date else None
    return ArticleContext(article=article, default_subject=default_subject(ents, article, counts, places),
                          year=year, places=places, partners=partners, now=now)

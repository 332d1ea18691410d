"""Match stage: which claims state the same fact, weighed as evidence.

Claims with the same key (dimension, measure words, subject, time, modality) are one fact
without further ado. Other pairs are candidates when they share a dimension and a word of what
they measure, or sit in aligned sentences (align.py); each candidate pair is scored from its
evidence (measure, subject, time, context; weights and threshold in rules/matching.toml) and is
the same fact at or above the threshold. Pairs whose measure and subject agree but whose period,
as-of time, aggregation or modality differ are *related*: reported as such, never compared.

Groups are the connected parts of the same-fact graph; inside a group only claims joined by an
edge (or sharing a key) are compared, so a chain A~B~C never compares A with C by accident.
Work is done per distinct key, not per claim: a fact reprinted by thousands of articles costs
a handful of keys.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import combinations, product
from typing import Iterator, NamedTuple

from rapidfuzz import fuzz

from .align import Aligned
from .entities import Found
from .events import event_pairs, main_events, same_clock, titled_events
from .models import Article, Claim, Descriptor, Match, TimeScope
from .rules import MatchingRule, RuleSet
from .subjects import ITEM_KINDS, Entities, entities
from .text import without_possessive, words_of
from .values import clock_minutes, days_of, long_gone, years_apart
from .when import same_time
from .words import ABILITY, Grammar, grammar

COMPARABLE = {"amount", "count", "percent", "percentage_point", "multiplier", "quantity", "ordinal", "share",
              "ratio", "age"}
OWNER_KINDS = ("country", "organisation")  # entity kinds that say whose a figure is
STRONG_ROLES = ("x-of-n", "n-of-x", "n-in-x", "counted", "predicate", "subject", "statistic")
# what happened to the counted, where (a narrower set, or a place no rule knows: "in Oregon"),
# which statistic (an average, a peak): part of the measure
QUALIFIER_ROLES = ("predicate", "qualifier", "statistic", "where")
SAME, RELATED, DIFFERENT = "same", "related", "different"
GENERIC_WEIGHT = 0.2
SAME_ARTICLE_CONTEXT = 0.5  # a headline and a body sentence this alike may restate one fact


class Key(NamedTuple):
    """Claims with one key state one fact, whatever their wording elsewhere."""

    dimension: str
    measure: tuple[str, ...]  # concept, or the sorted strong words
    entity: tuple[str, ...]
    subject: tuple[str, ...]
    when: str
    modality: str
    aggregation: str


def modality_class(c: Claim) -> str:
    """Estimates are readings of the actual figure, and so is a forecast made in the last days of
    its period; targets and other forecasts are other facts."""
    return "actual" if c.modality in ("actual", "estimate") or c.late_forecast else c.modality


def _measure_key(d: Descriptor) -> tuple[str, ...]:
    """The measure part of a key: the concept and what narrows it, or the sorted strong words."""
    if d.concept:
        return (d.concept,) + tuple(sorted(qualifiers(d)))
    return tuple(sorted((d.lemmas(*STRONG_ROLES, "modifier", "qualifier", "where") or d.lemmas())
                        | per_unit(d) | instances(d)))


DATE_RE = re.compile(r"\d{4}(?:-\d\d){0,2}")
INSIDE_NAME_RE = re.compile(r"(?<=[\w,;)] )[A-Z][\w'’-]+")  # a capitalised word that does not open the sentence
CALENDAR_KINDS = frozenset({"date", "time"})  # matched by event or alignment, never by measure words
READ_ORIGINS = ("sentence", "context")  # times read from the text, not taken from the article's date
BEFORE_EVENT_RE = re.compile(r"(?:before|prior to)\b")  # a time stated as before an event (scope before_event)


def comparable(c: Claim) -> bool:
    """Values that may contradict another source's: numbers with a measure, and dates (which
    only aligned sentences match: "founded in 1998" / "founded in 1999")."""
    if c.kind == "date":
        return isinstance(c.value, str) and bool(DATE_RE.fullmatch(c.value)) and c.descriptor.rule != "time"
    if c.kind == "time":  # a time of day is a fact of the event its clause names ("crashed at 1:39 p.m.")
        return clock_minutes(c.value) is not None and bool(c.descriptor.event)
    return c.kind in COMPARABLE and isinstance(c.value, (int, float)) and bool(c.dimension) \
        and c.descriptor.rule not in ("reference", "time", "name")


NOUN_RULES = frozenset({"x-of-n", "n-of-x", "n-in-x", "counted-noun", "entity"})  # a noun names the measure


class Features(NamedTuple):
    """The word sets and weights of one descriptor that pair scoring compares."""

    weights: dict[str, float]
    total: float  # sum of the weights
    entities: set[str]
    said: tuple[set[str], ...]  # per QUALIFIER_ROLES
    counted_things: set[str]  # counted words other than "people", "others"
    counts_people: bool
    instances: set[str]
    named: set[str]
    per: set[str]  # per_unit
    owners: set[str]  # whose figure the phrase says it is ("Kestrel Micro reported revenue", "Olsen, 47")
    qualifiers: set[str]  # words that narrow the set or the statistic ("people on board", "core inflation")
    words: set[str]  # every lemma
    compound: tuple[str, frozenset[str]]  # the head's noun and the words before it, generic ones aside
    measure_key: tuple[str, ...]  # Key.measure
    entity_key: tuple[str, ...]  # Key.entity of a figure no disputed source is credited with
    sides: frozenset[str]  # the sides of the sources its verb's subject names ("Police detained": official)


class Verdict(NamedTuple):
    """Immutable: the verdicts without evidence, most of them, are shared (APART, VETOED)."""

    relation: str  # same, related, different
    score: float = 0.0
    evidence: tuple[str, ...] = ()
    sure: bool = False
    veto: bool = False  # known to be two facts (different subjects, measures or scopes): never one group


APART = Verdict(DIFFERENT)
VETOED = Verdict(DIFFERENT, veto=True)


class TimeClass(NamedTuple):
    """What `Scorer.scope` reads of a side's time once both sides state one (see `Scorer.apart`)."""

    slot: tuple | None  # one time, as `same_time` compares it; None when it names none to compare
    modality: str  # modality_class
    aggregation: str
    kind: str  # TimeScope.kind
    origin: str  # TimeScope.origin
    end_year: int | None  # the year its time ends, when it says
    year: int | None  # the year of its article's date
    tally: bool
    moving: bool  # stated as moving, or a metric the rules call running
    day: int | None  # the first day of its time (a date ordinal)


def _slot(t: TimeScope) -> tuple | None:
    """Two times with other slots are never one time (`same_time` is False); None: a time that
    may meet another in more ways (none stated, a weekday without a date)."""
    if t.kind == "none" or (t.kind == "instant" and not t.start):
        return None
    return (0, t.start, t.end or "") if t.start else (1, t.kind, t.label or "")


class Side(NamedTuple):
    """What pair scoring reads of one claim besides its fields, worked out once per claim: a
    key's first claim meets hundreds of others in one candidate block."""

    claim: Claim
    features: Features
    modality: str  # modality_class
    size: float | None  # a positive number's value, else None: what a scale slip compares
    subjects: frozenset[str]
    kinds: frozenset[str]  # entity kinds of the subjects ("name" when not a known entity)
    label: str  # when.label, or "time not stated"
    events: frozenset[str]  # the named events its sentence names, else the one its article's title names
    time: TimeClass


class Scorer:
    """Scores a pair of claims as one fact."""

    def __init__(self, rule: MatchingRule, g: Grammar, kinds: dict[str, str] | None = None,
                 running: frozenset[str] = frozenset()) -> None:
        self.rule = rule
        self.g = g
        self.running = running  # metrics whose figures move by the hour (tolls): rules `running`
        self.kinds = kinds or {}  # entity name -> country, organisation, event; "name" otherwise
        self._features: dict[int, tuple[Descriptor, Features]] = {}  # by id: descriptors are not hashable
        self._contents: dict[tuple, Features] = {}
        self._measures: dict[tuple[int, int], tuple[float | None, str]] = {}
        self._sides: dict[int, Side] = {}  # by claim id(): a side holds its claim, so the id stays its own
        self.named: dict[str, set[str]] = {}  # article -> the subjects its figures are about
        self.texts: dict[str, str] = {}  # article -> its text
        self.years: dict[str, int] = {}  # article -> the year of its date, when dated
        self._said: dict[str, set[str]] = {}  # sentence -> its folded words
        self._words: dict[str, set[str]] = {}
        self.disputes: set[frozenset[str]] = set()  # sources one article credits one measure to
        self.main: dict[str, str] = {}  # article -> the one named event its title names (set before any side)
        self.names: Entities | None = None  # the names a sentence gives figures to (set before any side)
        self.subjects: frozenset[str] = frozenset()  # the subjects the story's sentences name

    def pair(self, a: Claim, b: Claim, aligned: float | None = None) -> Verdict:
        return self.score(self.side(a), self.side(b), aligned)

    def side(self, c: Claim) -> Side:
        got = self._sides.get(id(c))
        if got is None:
            subjects = frozenset(c.subject)
            events = frozenset(c.events) or frozenset([self.main[c.article]] if c.article in self.main else ())
            got = self._sides[id(c)] = Side(c, self.features(c.descriptor), modality_class(c), _size(c.value), subjects,
                                            frozenset(self.kind_of(x) for x in subjects), c.when.label or "time not stated",
                                            events, self.time_class(c))
        return got

    def time_class(self, c: Claim) -> TimeClass:
        t = c.when
        day = days_of(t.start)
        return TimeClass(_slot(t), modality_class(c), c.aggregation, t.kind, t.origin,
                         t.end_year, self.years.get(c.article), c.tally,
                         c.moving or c.metric in self.running, day[0] if day else None)

    def score(self, sa: Side, sb: Side, aligned: float | None = None) -> Verdict:
        """`pair` of two claims' sides (see `side`)."""
        a, b = sa.claim, sb.claim
        if a.dimension != b.dimension:
            return APART
        fa, fb = sa.features, sb.features
        # (cached per descriptor pair: cheaper than the subject, asked first; the cache is read
        # here, not through `_measure`, as tens of thousands of pairs ask it)
        measure, why = self._measures.get((id(fa), id(fb))) or self._measure(a.descriptor, b.descriptor, fa, fb)
        if measure is None:
            return VETOED
        subject, swhy = self._subject(sa, sb)
        if subject is None:
            return VETOED
        measure = measure or 0.0
        slip = (sa.size is not None and sb.size is not None and a.article != b.article
                and sa.modality == sb.modality and scale_slip(sa.size, sb.size, a.text, b.text))
        if aligned is None and not slip and (measure < self.rule.min_measure or (
                measure < self.rule.sure_measure and self._one_narrower(a, b, fa, fb))):
            return APART  # a set narrowed on one side only needs a close measure
        scope = "" if slip else self.scope(sa, sb)
        if scope:
            return Verdict(RELATED, measure, (why, scope), veto=True)
        if aligned is None and not _may_restate(a, b):
            return APART  # one article's: no use scoring it further
        time, twhy = self.time(a, b)
        context = fuzz.token_set_ratio(a.quote, b.quote) / 100
        w = self.rule.weights
        score = (w["measure"] * measure + w["subject"] * (subject or 0.0) + w["time"] * time
                 + w["context"] * context)
        evidence = [why, swhy, twhy, f"sentences {context:.2f} alike"]
        if aligned is not None:
            score = max(score, aligned)
            evidence.insert(0, f"aligned sentences ({aligned:.2f} alike word for word)")
        if slip:
            score = max(score, self.rule.threshold)
            evidence.insert(0, f"the same digits with another scale (\u201c{a.text}\u201d, \u201c{b.text}\u201d): a scale slip")
        need = self.rule.threshold + (self.rule.same_article_margin if a.article == b.article else 0.0)
        if score < need:
            return Verdict(DIFFERENT, score)
        sure = aligned is not None or (measure >= self.rule.sure_measure and _read(a) and _read(b))
        return Verdict(SAME, round(score, 3), tuple(e for e in evidence if e), sure)

    def measure(self, a: Descriptor, b: Descriptor) -> tuple[float | None, str]:
        """How alike two measures are, 0..1; None when they are known to differ. Worked out once
        per pair of distinct descriptors: reprints and retold stories meet the same pairs again
        and again (45,000 pairs of 1,000 generated articles hold 1,000 distinct ones)."""
        return self._measure(a, b, self.features(a), self.features(b))

    def _measure(self, a: Descriptor, b: Descriptor, fa: Features, fb: Features) -> tuple[float | None, str]:
        key = (id(fa), id(fb))  # in order: the sum below is not symmetric to the last bit
        got = self._measures.get(key)
        if got is None:
            got = self._measures[key] = _measure(a, b, fa, fb)
        return got

    def features(self, d: Descriptor) -> Features:
        """What `measure` reads of a descriptor, worked out once per descriptor and shared by
        descriptors of the same content."""
        got = self._features.get(id(d))
        if got is None or got[0] is not d:
            content = (d.concept, d.rule, tuple((t.lemma, t.role, t.text) for t in d.terms))
            f = self._contents.get(content)
            if f is None:
                weights = self.weights(d)
                counted, entities, named = d.lemmas("counted"), d.lemmas("entity"), named_subjects(d)
                # the sources its verb's subject names are whose count it is, as names are
                sides = frozenset(filter(None, (self.g.side(t) for t in d.terms if t.role == "subject")))
                f = self._contents[content] = Features(
                    weights, sum(weights.values()), entities, tuple(_said(d, role) for role in QUALIFIER_ROLES),
                    counted - self.g.classes["people"], bool(counted & self.g.classes["people"]),
                    instances(d), named, per_unit(d), {without_possessive(x) for x in d.lemmas("owner")},
                    d.lemmas("qualifier", "statistic", "where"), d.lemmas(), self.compound(d),
                    _measure_key(d), tuple(sorted(entities | named | {f"{x} side" for x in sides})), sides)
            got = self._features[id(d)] = (d, f)
        return got[1]

    def key(self, c: Claim, disputed: frozenset[str] = frozenset()) -> Key:
        """The claim's fact key. `disputed`: sources some article credits one measure to beside
        another: a figure credited to one of them is that source's ("police said 15,000")."""
        if c.kind in CALENDAR_KINDS:  # a date or a time is one fact with another only through aligned sentences or events
            return Key(c.kind, (c.id,), (), tuple(c.subject), "", modality_class(c), c.aggregation)
        f = self.features(c.descriptor)
        entity = tuple(sorted(f.entities | f.named | {f"according to {c.attribution}"})) \
            if c.attribution in disputed else f.entity_key
        return Key(c.dimension, f.measure_key, entity, tuple(c.subject), c.when.label or "", modality_class(c),
                   c.aggregation)

    def weights(self, d: Descriptor) -> dict[str, float]:
        """Each word's weight (by the frame that found it); a concept stands for its words."""
        out: dict[str, float] = {}
        for t in d.terms:
            if t.role in ("concept", "instance", "owner", "per", "where"):
                continue  # the concept stands for its words; instance, owner and per only tell facts apart
            w = self.rule.roles.get(t.role, 0.3)
            if d.rule in NOUN_RULES and (t.role == "verb" or t.role == "predicate" and d.concept):
                # "signed a five-year contract", "a crowd of 41,208 watched": the noun says what
                w = self.rule.roles.get("verb_beside_noun", w)
            elif t.role == "subject" and self.g.side(t):  # "Police detained 23 demonstrators": who counted, not what
                w = self.rule.roles.get("source", w)
            if t.role != "statistic" and (self.g.is_("people", t.lemma) or self.g.is_("generic_heads", t.lemma)):
                w = min(w, GENERIC_WEIGHT)  # "people", "total": say little about what is measured
            if w > out.get(t.lemma, 0.0):
                out[t.lemma] = w
        if d.concept:
            out[d.concept] = 1.0
        return out

    def compound(self, d: Descriptor) -> tuple[str, frozenset[str]]:
        """"wheat output": the noun a head ends with and what it is said to be of (not "total")."""
        if len(d.head) < 2:
            return "", frozenset()
        g = self.g
        return d.head[-1], frozenset(w for w in d.head[:-1] if not (
            g.is_("generic_heads", w) or g.is_("statistic_words", w) or g.is_("people", w)))

    @classmethod
    def for_rules(cls, rules: RuleSet) -> "Scorer":
        return cls(rules.matching["default"], grammar(rules), {n: e.kind for n, e in rules.entities.items()},
                   frozenset(n for n, m in rules.metrics.items() if m.running))

    def kind_of(self, name: str) -> str:
        return self.kinds.get(name, "name")

    def subject(self, a: Claim, b: Claim) -> tuple[float | None, str]:
        return self._subject(self.side(a), self.side(b))

    def _subject(self, side_a: Side, side_b: Side) -> tuple[float | None, str]:
        a, b = side_a.claim, side_b.claim
        ea, eb = side_a.events, side_b.events
        if ea and eb and not ea & eb:
            # "Typhoon Yagi" and "Typhoon Shanshan": two events, two facts; a figure that names no
            # event is of the one its article is about ("the 2018 Cedar Fire burned 42,000 acres" is
            # not the figure of an article about the Pine Ridge Fire that says "the fire has burned")
            return None, ""
        oa, ob = side_a.features.owners, side_b.features.owners
        if (oa or ob) and (_entities_differ(oa, ob) or self._owner_unnamed_in(oa, ob, b)
                           or self._owner_unnamed_in(ob, oa, a)):
            return None, ""  # "Kestrel Micro reported revenue", "Nordhaven's revenue": two owners' figures
        if a.attribution and b.attribution and frozenset((a.attribution, b.attribution)) in self.disputes:
            return None, ""  # "police said 15,000", "organisers said 60,000": each source's figure
        if a.subject == b.subject and a.subject:  # the usual case, without building sets
            return (1.0 if a.subject_origin == b.subject_origin == "sentence" else 0.8), _about(tuple(a.subject))
        sa, sb = side_a.subjects, side_b.subjects
        if not sa or not sb:
            if self._others_named(side_a, b) or self._others_named(side_b, a):
                return None, ""  # "the Greens and the Liberals, won 39 seats" is not the Homeland Party's
            both = side_a.features.named & side_b.features.named
            if both:  # "Olsen took 52.4 percent", "Olsen, who won 54.2 percent": the verb's own subject
                return 0.8, f"both about {', '.join(sorted(both))}"
            if self._named_only_in_one(side_a, b) or self._named_only_in_one(side_b, a):
                return None, ""  # "Zambia's count rose to 302" and a figure of an article that never names Zambia
            return 0.5, ""
        if sa == sb:
            return (1.0 if a.subject_origin == b.subject_origin == "sentence" else 0.8), _about(tuple(sorted(sa)))
        if sa & sb:
            return 0.6, f"about {', '.join(sorted(sa & sb))}"
        if side_a.kinds & side_b.kinds:
            return None, ""  # "113 deaths in Myanmar", "350 in Vietnam": two facts
        return 0.5, ""  # a country and a city in it, perhaps: unknown, not a veto

    def _one_narrower(self, a: Claim, b: Claim, fa: Features, fb: Features) -> bool:
        """"all 180 people on the ferry have died" and "the death toll rose to 204": one side counts
        a narrower set (a qualifier the other's sentence does not say: "$99.9 million in North
        America" and "takings for the film in North America" say the same place)."""
        qa = fa.qualifiers - fb.words - self._quote_words(b)
        qb = fb.qualifiers - fa.words - self._quote_words(a)
        return bool(qa) != bool(qb)

    def _quote_words(self, c: Claim) -> set[str]:
        got = self._said.get(c.quote)
        if got is None:
            got = self._said[c.quote] = set(words_of(c.quote))
        return got

    def _owner_unnamed_in(self, oa: set[str], ob: set[str], b: Claim) -> bool:
        """a's phrase names whose figure it is ("Kestrel Micro reported revenue"); b's names
        nobody, in an article whose figures never name that owner: b is its own story's figure."""
        if not oa or ob:
            return False
        words = self._words.get(b.article)
        if words is None:
            words = self._words[b.article] = set(words_of(self.texts[b.article]))
        return not oa & words

    def _named_only_in_one(self, side_a: Side, b: Claim) -> bool:
        """a's sentence names the country or organisation whose figure it is; b names nobody, in
        an article whose figures are never about it. (Places named in passing, "near Morgan
        City", do not count: they say where, not whose.)"""
        a = side_a.claim
        return (a.subject_origin == "sentence" and not b.subject and b.article in self.named
                and any(self.kind_of(x) in OWNER_KINDS for x in a.subject)
                and not self.named[b.article] & side_a.subjects)

    def _others_named(self, side_a: Side, b: Claim) -> bool:
        """a is the figure of a subject its sentence names; b names none, but its sentence names
        others whose figures the story gives ("Brekke's partners, the Greens and the Liberals,
        won 39 seats" against "the Homeland Party took 31 seats"): b is theirs, not a's."""
        if side_a.claim.subject_origin != "sentence" or b.subject or self.names is None:
            return False
        named = {e.name for e in self.names.find(b.quote) if e.kind in ITEM_KINDS}
        return bool(named & self.subjects - side_a.subjects)

    def scope(self, sa: Side, sb: Side) -> str:
        """Why two claims on one measure are related rather than one fact ("" when they are not)."""
        a, b = sa.claim, sb.claim
        ta, tb = a.when, b.when
        if sa.modality != sb.modality:
            return f"{a.modality} vs {b.modality}"
        if a.aggregation != b.aggregation:
            return f"{a.aggregation} vs {b.aggregation}"  # a flow over a period is not a stock at a date
        if sa.modality != "actual" and (ta.kind == "none") != (tb.kind == "none"):
            return _differ(sa, sb)  # a target's horizon, stated on one side only
        if (ta.kind == "none") != (tb.kind == "none") and self._apart_from_undated(a, b):
            return _differ(sa, sb)
        same = same_time(ta, tb)
        if same is None or same:
            return ""
        return _differ(sa, sb) if self._times_apart(sa.time, sb.time) else ""

    def apart(self, x: TimeClass, y: TimeClass) -> bool:
        """Does `scope` part every pair of sides of these time classes (so that no such pair is
        ever one fact, a scale slip aside)? Only for two times that are never one time."""
        if x.slot is None or y.slot is None or x.slot[0] != y.slot[0] or x.slot == y.slot:
            return False  # (a date and an occasion: `same_time` compares their labels)
        return x.modality != y.modality or x.aggregation != y.aggregation or self._times_apart(x, y)

    def _times_apart(self, x: TimeClass, y: TimeClass) -> bool:
        """Two times that are not one time: are they two scopes, or too weak to part two figures?"""
        # read from the text on both sides, one of them in its own sentence: two periods carried
        # from earlier sentences ("The $250 million production", "cost about $200 million") are too
        # weak to part two figures
        explicit = (x.origin == "sentence" and y.origin in READ_ORIGINS
                    or y.origin == "sentence" and x.origin in READ_ORIGINS)
        # a year long gone read in one sentence is history to a figure dated only by its article
        # ("since 1999, when a magnitude 7.1 quake killed 2,800" and today's quake); a rank stands
        # until it changes ("became its third-largest partner in 2024")
        history = x.aggregation != "rank" and (
            x.origin == "sentence" and y.origin == "article" and long_gone(x.end_year, y.year)
            or y.origin == "sentence" and x.origin == "article" and long_gone(y.end_year, x.year))
        # each dated only by its article, and the articles more than a year apart: two "nows" (a
        # figure that states no time is of its article's date, and a year-old article's is history)
        stale = x.origin == y.origin == "article" and years_apart(x.year, y.year)
        return explicit or history or stale or self._snapshots(x, y) or "horizon" in (x.kind, y.kind)

    def _snapshots(self, x: TimeClass, y: TimeClass) -> bool:
        """Are two states at different times two snapshots? Running counts and moving figures are;
        a state that does not move by the day, dated only by articles a few days apart, is not."""
        if not (x.tally or y.tally):
            return False
        if x.origin != "article" or y.origin != "article" or x.moving or y.moving:
            return True
        return x.day is None or y.day is None or abs(x.day - y.day) > self.rule.same_state_days

    def _apart_from_undated(self, a: Claim, b: Claim) -> bool:
        """One of the two states no time: is the other's time one an undated figure is never of?"""
        stated, undated = (b.when, a) if a.when.kind == "none" else (a.when, b)
        read = stated.origin == "sentence" and stated.kind == "period"
        # "floods in 2011 and 2015 killed more than 100": another time than an undated toll
        return (read and (a.tally or b.tally)
                # "up from 55.8 percent in the 2021 runoff" is history to an undated figure
                or read and self._history(stated, undated)
                # "held 87 seats before the election": not the result the story reports
                or bool(BEFORE_EVENT_RE.match(stated.text or "")))

    def _history(self, stated: TimeScope, dated: Claim) -> bool:
        """Did the stated period end more than a year before the year of the article whose figure
        gives no time? That figure is of its article's time, not of a period long gone."""
        return long_gone(stated.end_year, self.years.get(dated.article))

    def time(self, a: Claim, b: Claim) -> tuple[float, str]:
        same = same_time(a.when, b.when)
        if not same:
            return 0.5, ""
        both = a.when.origin == b.when.origin == "sentence"
        inferred = "from an earlier sentence" if "context" in (a.when.origin, b.when.origin) else "from the article date"
        return (1.0 if both else 0.7), f"{a.when.label}" + ("" if both else f" ({inferred})")


@lru_cache(maxsize=4096)
def _about(subject: tuple[str, ...]) -> str:
    return f"both about {', '.join(sorted(set(subject)))}"


def _differ(sa: Side, sb: Side) -> str:
    return f"{sa.label} vs {sb.label}"


def _may_restate(a: Claim, b: Claim) -> bool:
    """May two claims of one article state one fact? Never from one sentence (values of a
    sentence are items of a list); across sentences only a headline and a body sentence alike
    enough to restate it."""
    if a.article != b.article:
        return True
    if a.sentence == b.sentence:
        return False
    return (a.headline or b.headline) and fuzz.token_set_ratio(a.quote, b.quote) >= 100 * SAME_ARTICLE_CONTEXT


def _size(value: float | str | None) -> float | None:
    """A positive number, or None: what `scale_slip` compares (read once per claim, in `Side`)."""
    return value if isinstance(value, (int, float)) and value > 0 else None


def scale_slip(x: float, y: float, tx: str, ty: str) -> bool:
    """"$5 million" where others print "US$5 billion": the same digits, a thousandfold apart
    (x, y: two positive values; tx, ty: their texts)."""
    ratio = x / y if x >= y else y / x
    if ratio < 999:  # (most pairs: no power of 1,000 is this close)
        return False
    thousands = round(math.log(ratio, 1000)) if ratio > 1 else 0
    return thousands >= 1 and abs(ratio - 1000 ** thousands) < 1e-6 * ratio and _digits(tx) == _digits(ty)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit()).strip("0")


def _measure(a: Descriptor, b: Descriptor, fa: Features, fb: Features) -> tuple[float | None, str]:
    """Scorer.measure's answer and the words it rests on, from the two descriptors' features."""
    if (a.concept and b.concept and a.concept != b.concept) or _entities_differ(fa.entities, fb.entities) \
            or _predicates_differ(a, b, fa, fb) or _counted_differ(fa, fb) \
            or fa.instances != fb.instances or _named_subjects_differ(fa.named, fb.named) \
            or fa.per != fb.per or _compounds_differ(a, b, fa, fb) \
            or (fa.sides and fb.sides and not fa.sides & fb.sides) \
            or (ABILITY in fa.words) != (ABILITY in fb.words):  # "can carry up to 1,200", "was carrying 850"
        return None, ""
    wa, wb = fa.weights, fb.weights
    total = fa.total + fb.total
    both = wa.keys() & wb.keys()
    common = sum(min(wa[k], wb[k]) for k in both)
    sim = 2 * common / total if total else 0.0
    shared = ", ".join(sorted(k.replace("_", " ") for k in both))
    return sim, (f"measures {sim:.2f} alike ({shared})" if shared else "")


def _compounds_differ(a: Descriptor, b: Descriptor, fa: Features, fb: Features) -> bool:
    """"wheat output" and "rice output": one noun of two things (one lexicon concept may be said
    in other words: "bilateral trade", "two-way trade")."""
    (na, ma), (nb, mb) = fa.compound, fb.compound
    return na == nb != "" and bool(ma) and bool(mb) and not ma & mb and not (a.concept and a.concept == b.concept)


def _predicates_differ(a: Descriptor, b: Descriptor, fa: Features, fb: Features) -> bool:
    """"hospitals destroyed" and "hospitals damaged", "people on board" and "people on the
    ground" are two counts."""
    for role, pa, pb in zip(QUALIFIER_ROLES, fa.said, fb.said):
        # (a predicate may only name the shared concept: "killed" and "died" are one count;
        # where, or which statistic, parts two figures of one concept too)
        if pa and pb and not pa & pb and not (role == "predicate" and a.concept and a.concept == b.concept):
            return True
    return False


def _said(d: Descriptor, role: str) -> set[str]:
    """The words in a role, counting a predicate that named the concept ("left 310 dead and
    missing" still says what happened to them when the lexicon knows the phrase)."""
    words = d.lemmas(role)
    if role == "predicate" and d.rule == "predicate" and d.concept:
        words |= d.lemmas("concept")
    return words


def qualifiers(d: Descriptor) -> set[str]:
    """Predicate and modifier words that the concept does not already say, which one of a
    series the value is about when not the first, and what it is a figure for each one of."""
    return {t.lemma for t in d.terms if t.role in QUALIFIER_ROLES} | instances(d) | per_unit(d)


def per_unit(d: Descriptor) -> set[str]:
    """"per share": a figure for each one of something, never a total."""
    return {f"per {w}" for w in d.lemmas("per")}


def instances(d: Descriptor) -> set[str]:
    """Which one of a series ("#2"); none when the sentence does not say. "The first round" is
    not the unmarked one: a story about a runoff calls the runoff simply "the vote"."""
    return d.lemmas("instance")


def _read(c: Claim) -> bool:
    """Measure, subject and time all read from the text, not inferred (an outcome forecast, however
    plain, is never sure: it may simply have missed)."""
    d = c.descriptor
    return (d.rule != "none" and c.subject_origin in READ_ORIGINS
            and c.when.origin in READ_ORIGINS and not c.late_forecast)


def _counted_differ(a: Features, b: Features) -> bool:
    """"17 million people" and "57 townships": counts of two kinds of thing; "10 cabin crew"
    and "12 crew": a narrower set than the other's ("people" and "others" count whoever the
    rest of the sentence says)."""
    ca, cb = a.counted_things, b.counted_things
    if ca and cb:
        return not ca & cb or ca < cb or cb < ca
    kinds = {a.counts_people, b.counts_people}
    return kinds == {True, False} and bool(ca or cb)


def _named_subjects_differ(na: set[str], nb: set[str]) -> bool:
    """"Smith won 52.3% of the vote" and "Jones won 46.1%", "Chelsea paid €75m" and "Arsenal
    paid €65m", "Police put the crowd at 15,000" and "Organisers said 60,000": the verb's
    subject is a name (or a capitalised noun) on both sides, and they are not the same."""
    return bool(na and nb and not na & nb)


def named_subjects(d: Descriptor) -> set[str]:
    """Whose figure it is, when the grammar says: a capitalised subject of the verb, or an owner
    ("Microsoft's revenue")."""
    return {without_possessive(t.lemma) for t in d.terms if t.whose}


def _entities_differ(ea: set[str], eb: set[str]) -> bool:
    """"a 6.4 magnitude aftershock" and "a 7.7 magnitude earthquake" measure two things."""
    if not ea or not eb:
        return False
    return not any(x == y or x.endswith(y) or y.endswith(x) for x in ea for y in eb)


# --- groups ------------------------------------------------------------------------------------

@dataclass
class Group:
    """Claims joined by same-fact edges; `edges` holds the verdict of every scored key pair."""

    claims: list[Claim]
    keys: dict[str, int]  # claim id -> its key's number (see `match`)
    facts: list[Key]  # key number -> key
    edges: dict[tuple[int, int], Verdict]  # by key numbers
    aligned: dict[tuple[str, str], float]
    generic_words: frozenset[str] = frozenset()  # "people", "total": words that prove nothing alone
    copies: dict[tuple[str, str], list[Claim]] = field(default_factory=dict)  # (claim id, article) -> its reprints there
    guests: frozenset[str] = frozenset()  # undated claims whose own group is another: compared with members only
    near: dict[int, set[int]] = field(default_factory=dict)  # key -> the keys of its same-fact edges
    partners: dict[str, set[str]] = field(default_factory=dict)  # claim id -> the claims aligned with it
    _told: dict[int, bool] = field(default_factory=dict, repr=False)  # `_telling`, by key

    def generic(self, k: int) -> bool:
        """A key that says only "people" or "total": sharing it proves nothing."""
        return all(w in self.generic_words for w in self.facts[k].measure)

    def _telling(self, k: int) -> bool:
        """Does sharing key k make two claims one fact (a measure, not only generic words)?
        Asked of a million claim pairs in a large corpus: once per key."""
        got = self._told.get(k)
        if got is None:
            got = self._told[k] = bool(self.facts[k].measure) and not self.generic(k)
        return got

    def linkable(self, units: list[list[Claim]]) -> list[set[int]]:
        """Units of claims of one key each (a reading): for each, the other units a claim of
        which may `link` with one of its claims; no claims of two other units ever do. A big
        group's edges are few next to its claim pairs: a date matched by event across hundreds
        of articles."""
        by_key: dict[int, list[int]] = defaultdict(list)
        unit_of: dict[str, int] = {}
        for i, unit in enumerate(units):
            by_key[self.keys[unit[0].id]].append(i)
            unit_of.update((c.id, i) for c in unit)
        out: list[set[int]] = [set() for _ in units]
        for k, mine in by_key.items():
            theirs = [j for n in (k, *self.near.get(k, ())) for j in by_key.get(n, ())]
            for i in mine:
                out[i].update(theirs)
        for i, unit in enumerate(units):
            for c in unit:
                for other in self.partners.get(c.id, ()):
                    j = unit_of.get(other)
                    if j is not None:
                        out[i].add(j)
                        out[j].add(i)
        for i, js in enumerate(out):
            js.discard(i)
        return out

    def match(self, a: Claim, b: Claim) -> Match | None:
        """Why a and b are one fact, or None when they were never matched directly."""
        link = self.link(a, b)
        return link.model() if link else None

    def link(self, a: Claim, b: Claim) -> "Link | None":
        """`match` as a plain value: the checks ask it of thousands of pairs and report a few."""
        if a.id in self.guests and b.id in self.guests:
            return None  # compared in their own group
        pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if pair in self.aligned:
            sim = self.aligned[pair]
            return Link(a.id, b.id, round(sim, 3), (f"aligned sentences ({sim:.2f} alike word for word)",), True, True)
        if not _may_restate(a, b):
            return None
        reprints = self.copies.get((b.id, a.article))  # (most claims have none: no generator per pair)
        if reprints and not all(_may_restate(a, c) for c in reprints):
            return None  # a reprint of b in a's article stands for b: two facts there are two facts here
        ka, kb = self.keys[a.id], self.keys[b.id]
        if ka == kb and self._telling(ka):
            return Link(a.id, b.id, 1.0, SAME_KEY, _read(a) and _read(b))
        v = self.edges.get((ka, kb)) or self.edges.get((kb, ka))
        if v is None or v.relation != SAME:
            return None
        return Link(a.id, b.id, v.score, v.evidence, v.sure)


SAME_KEY = ("same measure, subject and time",)


class Link(NamedTuple):
    """Why two claims are one fact (`Group.link`); `model` is the Match a report carries."""

    a: str  # claim ids
    b: str
    score: float
    evidence: tuple[str, ...]
    sure: bool = False
    aligned: bool = False

    def model(self) -> Match:
        return Match(a=self.a, b=self.b, score=self.score, aligned=self.aligned, sure=self.sure,
                     evidence=list(self.evidence))


@dataclass
class Related:
    """Claims on one measure and subject with different scopes: listed, never compared. Every
    claim of a key is in one Related at most."""

    claims: list[Claim]
    reasons: list[str]


def match(claims: list[Claim], aligned: list[Aligned], rules: RuleSet,
          articles: list[Article], found: Found | None = None,
          usable: list[Claim] | None = None) -> tuple[list[Group], list[Related]]:
    """`articles`: their texts say which owners an article names, their titles its main event;
    `found`: the entities the extraction stage found in their sentences; `usable`: the
    comparable claims, when the caller has them."""
    scorer = Scorer.for_rules(rules)
    scorer.texts = {a.path: a.text for a in articles}
    scorer.years = {a.path: int(a.date[:4]) for a in articles if a.date and a.date[:4].isdigit()}
    for c in claims:
        scorer.named.setdefault(c.article, set()).update(c.subject)
    usable = usable if usable is not None else [c for c in claims if comparable(c)]
    scorer.disputes = disputes(usable, scorer.g)
    found = found or Found(rules)
    titles = titled_events(articles, found)
    scorer.names = entities(rules, found)
    scorer.subjects = frozenset(x for c in claims if c.subject_origin == "sentence" for x in c.subject)
    scorer.main = {path: next(iter(named)) for path, named in titles.items() if len(named) == 1}
    disputed = frozenset(s for pair in scorer.disputes for s in pair)
    of_claim = {c.id: scorer.key(c, disputed) for c in usable}
    # Keys are numbered in their sorted order and handled by number from here on: tens of
    # thousands of key pairs are hashed and sorted, and a number does both faster than a tuple
    # of tuples, in the same order.
    facts = sorted(set(of_claim.values()))
    number = {k: n for n, k in enumerate(facts)}
    keys = {cid: number[k] for cid, k in of_claim.items()}
    members: dict[int, list[Claim]] = defaultdict(list)
    for c in usable:
        members[keys[c.id]].append(c)
    by_id = {c.id: c for c in usable}
    # aligned sentences about different named subjects ("Arsenal paid €65m", "Chelsea paid
    # €75m") or measures known to differ ("left 310 dead", "left 4,800 homeless") are two facts
    # however alike their words
    aligning = {cid: _aligning(by_id[cid]) for cid in {x for a in aligned for x in (a.a, a.b)} if cid in by_id}
    pairs = {(a.a, a.b) if a.a < a.b else (a.b, a.a): a.similarity for a in aligned
             if a.a in aligning and a.b in aligning and _may_align(scorer, aligning[a.a], aligning[a.b])}
    edges: dict[tuple[int, int], Verdict] = {}
    # a key is scored by its first claim (dates are matched only through aligned sentences)
    sides = {k: scorer.side(cs[0]) for k, cs in members.items() if facts[k].dimension not in CALENDAR_KINDS}
    times = Times([s.time for s in sides.values()], scorer.apart)
    cells = _cells(members, facts, sides, times)
    for ka, kb in _candidates(cells, times, scorer.rule.same_state_days):
        edges[(ka, kb)] = scorer.score(sides[ka], sides[kb])
    g = scorer.g
    generic = g.classes["people"] | g.classes["generic_heads"]
    edges.update(_generic_keys(scorer, members, facts, generic))
    for (x, y), sim in pairs.items():
        ka, kb = keys[x], keys[y]
        if ka != kb and ((ka, kb) not in edges or edges[(ka, kb)].relation != SAME):
            v = scorer.pair(by_id[x], by_id[y], aligned=sim)
            if v.relation == SAME:
                edges[(ka, kb)] = v
    dates = [c for c in usable if c.kind in CALENDAR_KINDS]
    for e in event_pairs(dates, rules, main_events(claims, articles, titles), found, scorer.years):
        if scorer.subject(e.a, e.b)[0] is not None:  # two countries' elections are two events
            edges[(keys[e.a.id], keys[e.b.id])] = Verdict(SAME, scorer.rule.threshold, (e.evidence,))
    copies: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for x, y in pairs:
        copies[(x, by_id[y].article)].append(by_id[y])
        copies[(y, by_id[x].article)].append(by_id[x])
    return _groups(members, keys, facts, edges, cells, times.apart, pairs, generic, dict(copies)), \
        _related(members, edges)


def _generic_keys(scorer: Scorer, members: dict[int, list[Claim]], facts: list[Key],
                  generic: frozenset[str]) -> dict[tuple[int, int], Verdict]:
    """A key whose measure words are all generic ("Shares fell 12 percent", "The stock dropped
    21%": share) proves nothing by itself (Group.link), so two articles' claims of it are scored
    as a pair, first claim against the first of another article, like two keys."""
    out = {}
    for k, cs in members.items():
        if facts[k].dimension in CALENDAR_KINDS or not all(w in generic for w in facts[k].measure):
            continue
        other = next((c for c in cs if c.article != cs[0].article), None)
        if other is not None:
            v = scorer.pair(cs[0], other)
            if v.relation == SAME:
                out[(k, k)] = v
    return out


def disputes(claims: list[Claim], g: Grammar) -> set[frozenset[str]]:
    """Pairs of sources one sentence credits figures of one dimension to ("police estimated the
    crowd at 15,000, while organisers said 60,000"), and sources on opposite sides of a count
    (`rival_sources`) wherever the articles credit figures to them."""
    credited: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for c in claims:
        if c.attribution:
            credited[(c.article, c.sentence, c.dimension)].add(c.attribution)
    out = {frozenset((x, y)) for sources in credited.values() for x in sources for y in sources if x < y}
    sided = sorted({c.attribution for c in claims if c.attribution in g.sides})
    return out | {frozenset((x, y)) for x in sided for y in sided if g.rivals(x, y)}


class Aligning(NamedTuple):
    """What `_may_align` reads of a claim besides the scorer, worked out once per claim: a claim
    meets dozens of aligned sentences (reprints) and most pairs are told apart by these alone."""

    claim: Claim
    heads: frozenset[str]  # the words of its descriptor's head
    names: frozenset[str]  # the capitalised words inside its sentence (`_inside_names`)


def _aligning(c: Claim) -> Aligning:
    return Aligning(c, frozenset(c.descriptor.head), _inside_names(c.quote))


def _may_align(scorer: Scorer, x: Aligning, y: Aligning) -> bool:
    a, b = x.claim, y.claim
    if "time" in (a.kind, b.kind) and not same_clock(a, b):
        return False  # two times in two zones ("local time", "IST") are not one reading
    # both name what they measure, each with a word the other does not ("profit" / "revenue",
    # "wheat output" / "rice output"; not "trade" / "total trade"), or each sentence names
    # someone or something the other does not ("The Senate passed" / "The House passed")
    if _each_has_own(x.heads, y.heads) or _each_has_own(x.names, y.names):
        return False
    return scorer.subject(a, b)[0] is not None and scorer.measure(a.descriptor, b.descriptor)[0] is not None


def _each_has_own(xs: frozenset[str], ys: frozenset[str]) -> bool:
    """Does each set hold a word the other does not?"""
    return not (xs <= ys or ys <= xs)


@lru_cache(maxsize=8192)
def _inside_names(quote: str) -> frozenset[str]:
    """(A sentence reprinted by many articles is read once.)"""
    return frozenset(INSIDE_NAME_RE.findall(quote))


class Cell(NamedTuple):
    """What a key's candidate pairs are blocked by: its dimension and measure words, its subject
    (see `_apart_by_subject`) and its time (see `_pairs_in_time`)."""

    dimension: str
    words: frozenset[str]  # a concept, else the strong measure words
    subjects: frozenset[str]
    kinds: frozenset[str]  # Side.kinds
    time: int  # the number of its time class (`Times`)
    digits: str  # of its first figure as printed: a scale slip keeps them ("$5 million", "$5 billion")
    size: float | None  # Side.size


def _cells(members: dict[int, list[Claim]], facts: list[Key], sides: dict[int, Side], times: "Times") -> dict[int, Cell]:
    """The cell of every key that candidate pairs are made of (not dates: matched by event or alignment)."""
    out = {}
    for n, side in sides.items():
        d = members[n][0].descriptor
        words = {d.concept} if d.concept else (d.lemmas(*STRONG_ROLES) or d.lemmas())
        out[n] = Cell(facts[n].dimension, frozenset(words), side.subjects, side.kinds, times.number[side.time],
                      _digits(side.claim.text), side.size)
    return out


def _apart_by_subject(a: Cell, b: Cell) -> bool:
    """Two keys of one block about different subjects of one kind ("113 deaths in Myanmar",
    "350 in Vietnam"): `Scorer._subject` vetoes them whatever else they say, so they are never
    scored; the veto is kept all the same (`Vetoes`)."""
    return (bool(a.subjects) and bool(b.subjects) and a.subjects.isdisjoint(b.subjects)
            and not a.kinds.isdisjoint(b.kinds))


def _never_one(a: Cell, b: Cell, apart) -> bool:
    """Are two keys known to be two facts without scoring them: keys of one block (a dimension
    and a measure word shared) about other subjects of one kind, or at times `Scorer.apart`
    parts (unless a scale slip: one fact at any time)?"""
    if a.dimension != b.dimension or a.words.isdisjoint(b.words):
        return False
    return _apart_by_subject(a, b) or not _may_slip(a, b) and apart(a.time, b.time)


def _may_slip(a: Cell, b: Cell) -> bool:
    """The same digits a power of 1,000 apart, or so near one that `scale_slip` must decide."""
    return (a.size is not None and b.size is not None and a.digits == b.digits
            and max(a.size, b.size) >= 999 * min(a.size, b.size))


# Pairs of time classes that are apart are all scored (for their relation: FL301) when a block's
# subject has at most ALL_TIMES of them; past that, only NEAR classes either side in time order.
ALL_TIMES = 24
NEAR = 2


class Times:
    """The time classes of the keys, numbered in time order (a `Cell` holds its number): pairs
    are blocked per pair of numbers, and `Scorer.apart` is asked once per pair of numbers (a
    class is a tuple of ten fields, slow to hash a million times)."""

    def __init__(self, classes: list[TimeClass], apart) -> None:
        self.classes = sorted(set(classes), key=_time_order)
        self.number = {t: i for i, t in enumerate(self.classes)}
        self._apart = apart
        self._asked: dict[tuple[int, int], bool] = {}

    def apart(self, x: int, y: int) -> bool:
        got = self._asked.get((x, y))
        if got is None:
            got = self._asked[(x, y)] = self._apart(self.classes[x], self.classes[y])
        return got


def _candidates(cells: dict[int, Cell], times: Times, span: int) -> Iterator[tuple[int, int]]:
    """Pairs of key numbers (lower first) sharing a dimension and a measure word, other than
    pairs known to be two facts (`_never_one`): blocking keeps this near-linear however many
    countries and dates a corpus reports one measure for. `span`: the days a state dated only by
    its article may last (`same_state_days`)."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, cell in cells.items():
        for w in cell.words:
            index[(cell.dimension, w)].append(n)
    # a pair meets again in a later block only when both of its keys are in several blocks
    blocks = Counter(n for ns in index.values() for n in ns)
    seen: set[tuple[int, int]] = set()
    for ns in index.values():
        by_subject: dict[tuple[frozenset[str], frozenset[str]], list[int]] = defaultdict(list)
        for n in ns:
            by_subject[(cells[n].subjects, cells[n].kinds)].append(n)
        parts = list(by_subject.values())
        for i, xs in enumerate(parts):
            for ys in parts[i:]:
                if ys is not xs and _apart_by_subject(cells[xs[0]], cells[ys[0]]):
                    continue
                for x, y in _pairs_in_time(xs, ys, cells, times, span):
                    x, y = (x, y) if x < y else (y, x)
                    if blocks[x] > 1 and blocks[y] > 1:
                        if (x, y) in seen:
                            continue
                        seen.add((x, y))
                    yield x, y


def _pairs_in_time(xs: list[int], ys: list[int], cells: dict[int, Cell], times: Times,
                   span: int) -> Iterator[tuple[int, int]]:
    """The pairs of two lists of keys (one list: its pairs) worth scoring: all but those of two
    time classes `apart` (a running count at two dates, a target and an outcome) more than NEAR
    classes from each other in time order, when there are more than ALL_TIMES classes. Those are
    never one fact, so only their relation is lost: a series of snapshots is still one related
    set, through its neighbours. (A possible scale slip is scored whatever its times.) Each
    class meets only the classes that may not be apart from it (`TimeIndex`), so a measure
    reported at a thousand dates is not a million class pairs."""
    one = ys is xs
    by_x = _by_time(xs, cells)
    by_y = by_x if one else _by_time(ys, cells)
    index = TimeIndex(by_x.keys() | by_y.keys(), times, span)
    slips = _slips(xs if one else xs + ys, cells)
    theirs = None if one else set(ys)
    for tx, kx in by_x.items():
        met = index.partners(tx, by_y)
        for ty in met:
            if one and ty < tx:  # (numbers are in time order)
                continue
            yield from (combinations(kx, 2) if one and ty == tx else product(kx, by_y[ty]))
        yield from ((x, y) for x in kx for y in slips.get(x, ()) if cells[y].time not in met and (
            y in theirs if theirs is not None else cells[y].time > tx))


def _slips(keys: list[int], cells: dict[int, Cell]) -> dict[int, list[int]]:
    """Key -> the keys whose first figure has its digits at another power of 1,000 (`scale_slip`
    decides): one fact at any time, so paired whatever their times."""
    sizes: dict[str, dict[float, list[int]]] = defaultdict(lambda: defaultdict(list))
    for k in keys:
        if cells[k].size is not None:
            sizes[cells[k].digits][cells[k].size].append(k)
    out: dict[int, list[int]] = {}
    for by_size in sizes.values():
        for a, b in combinations(by_size, 2):
            if _may_slip(cells[by_size[a][0]], cells[by_size[b][0]]):
                for x in by_size[a]:
                    out.setdefault(x, []).extend(by_size[b])
                for y in by_size[b]:
                    out.setdefault(y, []).extend(by_size[a])
    return out


class TimeIndex:
    """The time classes (`Times` numbers) of some keys, found by what may keep two of them from
    being `apart`: no time to compare, another kind of time, the same time, or, for figures of
    one modality and aggregation, times too weak to part them or days a state may last
    (`Scorer._times_apart`). `partners` are those classes and a class's NEAR neighbours (every
    class, up to ALL_TIMES classes)."""

    def __init__(self, numbers, times: Times, span: int) -> None:
        self.times = times
        self.span = span  # same_state_days
        self.ordered = sorted(numbers)
        self.order = {t: i for i, t in enumerate(self.ordered)}
        classes = times.classes
        self.open = [t for t in self.ordered if classes[t].slot is None]
        self.by_slot: dict[tuple, list[int]] = defaultdict(list)
        self.by_kind: dict[int, list[int]] = defaultdict(list)  # slot kind: a date, a labelled time
        # by (slot kind, modality, aggregation): figures that are no running count, and figures
        # dated by their article's day (by day, with their order)
        self.calm: dict[tuple, list[int]] = defaultdict(list)
        self.calm_years: dict[tuple, list[int]] = defaultdict(list)  # by (state, `_article_year`)
        self.daily: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        for i, n in enumerate(self.ordered):
            t = classes[n]
            if t.slot is None:
                continue
            self.by_slot[t.slot].append(n)
            self.by_kind[t.slot[0]].append(n)
            state = (t.slot[0], t.modality, t.aggregation)
            if not t.tally:
                self.calm[state].append(n)
                self.calm_years[(state, _article_year(t))].append(n)
            if _dated_by_article(t):
                self.daily[state].append((t.day, i))
        for days in self.daily.values():
            days.sort()

    def partners(self, n: int, among: dict[int, list[int]]) -> set[int]:
        """The classes of `among` not `apart` from class n, and its neighbours in time order."""
        t = self.times.classes[n]
        if t.slot is None or len(self.ordered) <= ALL_TIMES:
            return set(among)  # a time that names none meets every time
        at = self.order[n]
        maybe = self.open + self.by_slot[t.slot] + self._same_state(t)
        for kind, ns in self.by_kind.items():
            if kind != t.slot[0]:
                maybe += ns  # a date and an occasion: `same_time` compares their labels
        apart = self.times.apart
        return {u for u in self.ordered[max(0, at - NEAR):at + NEAR + 1] if u in among} \
            | {u for u in maybe if u in among and not apart(n, u)}

    def _same_state(self, t: TimeClass) -> list[int]:
        """Classes of t's modality and aggregation at another time that may not be apart from
        it: when either is a running count, only two dated by their articles within `span` days
        (`Scorer._snapshots`); two figures that are no running count, whatever their times (weak
        times and the history rule decide)."""
        state = (t.slot[0], t.modality, t.aggregation)
        year = _article_year(t)
        if t.tally:
            out = []
        elif year is None:
            out = list(self.calm[state])
        else:  # dated by an article: never one time with one of an article more than a year apart
            out = [u for y in (None, year - 1, year, year + 1) for u in self.calm_years[(state, y)]]
        if _dated_by_article(t):
            days = self.daily[state]
            lo = bisect_left(days, (t.day - self.span, -1))
            hi = bisect_right(days, (t.day + self.span, len(self.ordered)))
            out += [self.ordered[i] for _, i in days[lo:hi]]
        return out


def _article_year(t: TimeClass) -> int | None:
    """The year of the article a time is taken from (`Scorer._times_apart`: stale), else None."""
    return t.year if t.origin == "article" else None


def _dated_by_article(t: TimeClass) -> bool:
    """A time taken from the article's day for a figure not stated as moving."""
    return t.origin == "article" and not t.moving and t.day is not None


def _by_time(keys: list[int], cells: dict[int, Cell]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    for k in keys:
        out[cells[k].time].append(k)
    return out


def _time_order(t: TimeClass) -> tuple:
    return (t.slot is not None, repr(t.slot), repr(t))


class Vetoes:
    """Which keys are known to be other facts than which: the vetoed pairs scored, and the pairs
    known without scoring (`_never_one`), asked per part of the same-fact graph through the
    distinct cells it holds."""

    def __init__(self, vetoed: list[tuple[int, int]], cells: dict[int, Cell], apart) -> None:
        """`vetoed`: the key pairs scored as other facts (`Verdict.veto`)."""
        self.cells = cells
        self.apart = apart
        self.vetoed: dict[int, set[int]] = defaultdict(set)  # key -> the keys scored as another fact
        for x, y in vetoed:
            self.vetoed[x].add(y)
            self.vetoed[y].add(x)
        # id of a part -> (the part, kept so that its id is never another's; its cells)
        self.held: dict[int, tuple[set[int], set[Cell]]] = {}
        # (id and size of each part) -> (the parts, the answer): parts only grow, so their ids
        # and sizes say they are unchanged
        self.asked: dict[tuple[int, int, int, int], tuple[set[int], set[int], bool]] = {}

    def cells_of(self, part: set[int]) -> set[Cell]:
        got = self.held.get(id(part))
        if got is None:
            got = self.held[id(part)] = (part, {self.cells[k] for k in part if k in self.cells})
        return got[1]

    def between(self, small: set[int], big: set[int]) -> bool:
        """Is a key of `small` known to be another fact than a key of `big`? (Asked again for
        every edge between two parts kept apart: answered once while neither has grown.)"""
        asked = (id(small), len(small), id(big), len(big))
        got = self.asked.get(asked)
        if got is None:
            got = self.asked[asked] = (small, big, self._between(small, big))  # (kept: ids stay theirs)
        return got[2]

    def _between(self, small: set[int], big: set[int]) -> bool:
        if any(x in self.vetoed and not self.vetoed[x].isdisjoint(big) for x in small):
            return True
        theirs = self.cells_of(big)
        return any(_never_one(a, b, self.apart) for a in self.cells_of(small) for b in theirs)

    def join(self, small: set[int], big: set[int]) -> None:
        """`small` is joined into `big` (after `between` said they may be)."""
        self.cells_of(big).update(self.cells_of(small))
        big |= small


def _groups(members, keys, facts, edges, cells, apart, aligned, generic: frozenset[str], copies) -> list[Group]:
    """Same-fact edges joined strongest first; two parts are never joined when any of their
    keys is known to be another fact (so a chain A~B~C cannot put A and C in one group)."""
    comp = {k: {k} for k in members}
    same, vetoed = [], []  # (one pass over the edges: hundreds of thousands at 10,000 articles)
    for p, v in edges.items():
        if v.relation == SAME:
            same.append((-v.score, p))
        if v.veto:
            vetoed.append(p)
    same.sort()  # strongest first
    vetoes = Vetoes(vetoed, cells, apart)
    for _, (ka, kb) in same:
        ca, cb = comp[ka], comp[kb]
        small, big = (ca, cb) if len(ca) <= len(cb) else (cb, ca)  # not every pair: near-linear
        if ca is cb or vetoes.between(small, big):
            continue
        vetoes.join(small, big)
        for k in small:
            comp[k] = big
    joins = _undated_joins(comp, facts, [p for _, p in same], vetoes)
    near: dict[int, set[int]] = defaultdict(set)
    for _, (ka, kb) in same:
        near[ka].add(kb)
        near[kb].add(ka)
    partners: dict[str, set[str]] = defaultdict(set)
    for x, y in aligned:
        partners[x].add(y)
        partners[y].add(x)
    out, seen = [], set()
    for k in members:
        ks = comp[k]
        if id(ks) in seen:
            continue
        seen.add(id(ks))
        guests = joins.get(id(ks), set())
        claims = sorted((c for x in ks | guests for c in members[x]), key=lambda c: c.id)
        if len(claims) > 1:
            out.append(Group(claims, keys, facts, edges, aligned, generic, copies,
                             frozenset(c.id for x in guests for c in members[x]), near, partners))
    return sorted(out, key=lambda g: g.claims[0].id)


def _undated_joins(comp, facts, same: list[tuple[int, int]], vetoes: Vetoes) -> dict[int, set[int]]:
    """A figure with no date that is one fact with snapshots of two dates (which are never
    joined) is compared with each of them, not only with the one it matched best. `same`: the
    same-fact key pairs."""
    out: dict[int, set[int]] = defaultdict(set)
    for ka, kb in same:
        for k, other in ((ka, kb), (kb, ka)):
            if not facts[k].when and comp[k] is not comp[other] and not vetoes.between({k}, comp[other]):
                out[id(comp[other])].add(k)
    return out


def _related(members, edges) -> list[Related]:
    """Related key pairs joined into sets (a key in two pairs joins them), each with the reasons
    of its pairs: a running count at 175 dates is one set, not 15,000 pairs for FL301 to join."""
    linked: dict[int, set[int]] = defaultdict(set)
    reasons: dict[int, set[str]] = defaultdict(set)  # by the pair's first key
    for (ka, kb), v in edges.items():
        if v.relation == RELATED:
            linked[ka].add(kb)
            linked[kb].add(ka)
            reasons[ka].update(v.evidence)  # ("" dropped once per set below, not per pair)
    out, seen = [], set()
    for k in sorted(linked):
        if k in seen:
            continue
        part, todo = [], [k]
        seen.add(k)
        while todo:  # the keys reachable from k
            x = todo.pop()
            part.append(x)
            todo += [y for y in linked[x] if y not in seen]
            seen.update(linked[x])
        part.sort()
        out.append(Related([c for x in part for c in members[x]], sorted(set().union(*(reasons[x] for x in part)) - {""})))
    return out

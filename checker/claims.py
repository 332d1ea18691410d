"""Claims stage: each value mention becomes a claim with the key of the fact it states.

A fact key is what is measured (the mention's descriptor, built by describe.py from the grammar
around it, with the metric lexicon as synonyms and extra semantics), about whom (subjects.py),
when (when.py: a period for flows, an as-of instant for stocks and running counts), how it
aggregates (flow, stock, change, rank, property) and its modality (actual, estimate, target,
forecast). Scope words come from rules/scope.toml; the code holds only the closed set of
behaviours: the nearest scope phrase acts, a change takes the level it changes, a sum of parts
("292 dead, with 38 missing") states its total too.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from .attribution import attribution
from .describe import EXPECTED, VALUE_KINDS, claim_kind
from .entities import Found
from .models import Article, Claim, Descriptor, Frozen, Mention, Sentence, Term, TimeScope
from .rules import RuleSet
from .subjects import (ArticleContext, Entities, Places, Subject, build_context, entities, item_subjects, learn_places,
                       sentence_subject, two_sided)
from .text import CLAUSE_BREAK_RE, WORD_RE, fold, phrase_regex, words_of
from .values import long_gone
from .when import (TimeRef, frames_later_figures, last_period_named, last_year_named, late_in, ref_for, time_refs,
                   weekday_date, year_of_day)
from .words import ABILITY, Grammar, grammar, lemma

CLAUSE_END_RE = re.compile(r"[;:(]|,\s+(?:while|but|and|which|bringing|with|whereas)\b|\.\s")


@dataclass
class Scope:
    """rules/scope.toml compiled: (regex, sets, value) per entry."""

    entries: list[tuple[re.Pattern[str], str, str]]


_SCOPES: dict[str, Scope] = {}


def scope_rules(rules: RuleSet) -> Scope:
    key = rules.version()
    if key not in _SCOPES:
        _SCOPES[key] = Scope([(phrase_regex(s.phrases), s.sets, s.value) for s in rules.scope.values()])
    return _SCOPES[key]


def extract_claims(articles: list[Article], sentences: list[list[Sentence]], mentions: list[list[list[Mention]]],
                   descriptors: list[list[list[Descriptor]]], rules: RuleSet, found: Found | None = None,
                   store: ClaimStore | None = None) -> list[Claim]:
    """Corpus stage: places are learned from every article, then each mention becomes a claim.
    `found`: the entities the extraction stage found in the sentences; `store`: where each
    article's claims are kept between runs (read when they still hold, else written)."""
    ents = entities(rules, found)
    places = learn_places([s.text for ss in sentences for s in ss if not s.headline], ents.name_of)
    reader = SentenceReader(rules, ents, scope_rules(rules))
    out: list[Claim] = []
    for n, article in enumerate(articles, start=1):
        kept = _kept(store, n, sentences[n - 1], descriptors[n - 1], places)
        if kept is not None:
            out += kept.claims
            continue
        asked: set[str] | None = set() if store is not None else None
        claims = _article_claims(reader, places, n, article, sentences[n - 1], mentions[n - 1], descriptors[n - 1], asked)
        if store is not None:
            store.write(n, _entry(n, claims, asked, sentences[n - 1], places), descriptors[n - 1])
        out += claims
    if store is not None:
        store.save()
    return _headlines_take_their_body_times(_ages_of_whom_the_story_means(out, articles))


class CachedClaims(Frozen):
    """One article's claims, with what they depend on beyond the article (its extraction and
    the rules): its place in the run, which numbers the claims' ids, and what the places learned
    from the whole corpus said of the texts it asked about (see subjects.Places)."""

    n: int
    asked: list[int | str]  # those texts: a sentence's index, or the folded text
    places: str  # Places.answers of them
    claims: list[Claim]


class ClaimStore(Protocol):
    """Where each article's claims are kept between runs (runner.ClaimCache). `descriptors`:
    the article's, per sentence, as the extraction stage built them (the claims hold most of
    them as they are)."""

    def read(self, n: int, descriptors: list[list[Descriptor]]) -> CachedClaims | None: ...

    def write(self, n: int, entry: CachedClaims, descriptors: list[list[Descriptor]]) -> None: ...

    def save(self) -> None: ...  # after the last article


def _kept(store: ClaimStore | None, n: int, sentences: list[Sentence], descriptors: list[list[Descriptor]],
          places: Places) -> CachedClaims | None:
    """The article's claims from an earlier run, when they still hold: the article has the same
    place in the run, and this corpus's places answer what it asked about alike."""
    entry = store.read(n, descriptors) if store is not None else None
    if entry is None or entry.n != n or any(isinstance(q, int) and not 0 <= q < len(sentences) for q in entry.asked):
        return None
    texts = [fold(sentences[q].text) if isinstance(q, int) else q for q in entry.asked]
    return entry if places.answers(texts) == entry.places else None


def _article_claims(reader: SentenceReader, places: Places, n: int, article: Article, sentences: list[Sentence],
                    mentions: list[list[Mention]], descriptors: list[list[Descriptor]],
                    asked: set[str] | None) -> list[Claim]:
    """The claims of the n-th article, ids a{n}c1, a{n}c2 ...; the texts it asks the places
    about are added to `asked` (when a set)."""
    counter = itertools.count(1)
    next_id = lambda: f"a{n}c{next(counter)}"  # noqa: E731
    places.log = asked
    try:
        ctx = build_context(reader.ents, article, sentences, places)
        year = ctx.year
        out: list[Claim] = []
        for k, (s, ms, ds) in enumerate(zip(sentences, mentions, descriptors)):
            folded = fold(s.text)
            refs = time_refs(folded, ms, year, article.date, reader.g, reader.horizons(folded))
            out += reader.claims(ctx, s, k, folded, ms, ds, refs, next_id)
            if not s.headline and not article.date:  # undated: a bare month takes the last year named
                year = last_year_named(refs) or year
    finally:
        places.log = None
    return out


def _entry(n: int, claims: list[Claim], asked: set[str], sentences: list[Sentence], places: Places) -> CachedClaims:
    """What the store keeps of the n-th article: a text asked about that is one of its sentences
    is kept as the sentence's index."""
    index: dict[str, int] = {}
    for k, s in enumerate(sentences):
        index.setdefault(fold(s.text), k)
    texts = sorted(asked)
    return CachedClaims(n=n, asked=[index.get(t, t) for t in texts], places=places.answers(texts), claims=claims)


def _headlines_take_their_body_times(claims: list[Claim]) -> list[Claim]:
    """"Death Toll Hits 3,145" over "... rose to 3,145 by Thursday": a headline figure with no time
    of its own restates the body's figure of the same value and measure, at the body's time."""
    def key(c: Claim) -> tuple:
        return c.article, c.dimension, c.value, c.descriptor.concept, c.modality, c.aggregation

    body: dict[tuple, TimeScope] = {}
    for c in claims:
        if not c.headline and c.when.kind != "none" and c.descriptor.concept:
            body.setdefault(key(c), c.when)
    out = []
    for c in claims:
        when = body.get(key(c)) if c.headline and c.when.kind == "none" and c.descriptor.concept else None
        out.append(c if when is None else c.model_copy(update={
            "when": when.model_copy(update={"origin": "context"}), "period": when.label,
            "scope_notes": c.scope_notes + ["the time of the body sentence it restates"]}))
    return out


class SentenceReader:
    """Turns the mentions of one sentence into claims."""

    def __init__(self, rules: RuleSet, ents: Entities, scope: Scope) -> None:
        self.rules = rules
        self.ents = ents
        self.scope = scope
        self.g = grammar(rules)
        self.late_share = rules.tolerance("late_forecast", 0.1)
        # Reprinted sentences and the several questions asked of one value (aggregation,
        # modality, "as of" nearby) search the same text again: answers kept for this run.
        self._horizons: dict[str, list[tuple[int, int, str]]] = {}
        self._hits: dict[tuple, list[tuple[int, str, str]]] = {}

    def horizons(self, folded: str) -> list[tuple[int, int, str]]:
        """Spans of times stated without dates: horizons ("in the coming period") and
        occasions ("on debut", "on opening night"), with their kind."""
        got = self._horizons.get(folded)
        if got is None:
            got = self._horizons[folded] = [(h.start(), h.end(), DATELESS[value]) for rx, sets, value in self.scope.entries
                                            if value in DATELESS for h in rx.finditer(folded)]
        return got

    def claims(self, ctx: ArticleContext, s: Sentence, index: int, folded: str, mentions: list[Mention],
               descriptors: list[Descriptor], refs: list[TimeRef], next_id) -> list[Claim]:
        """`folded`: fold(s.text), which the caller has read the sentence's times in."""
        subject = sentence_subject(self.ents, ctx, s, folded)
        values = [m for m in mentions if m.kind in VALUE_KINDS]
        out: list[Claim] = []
        levels: list[tuple[int, Claim, bool]] = []  # (position, level, the base of a comparison)
        last_end = 0
        items = self._items(ctx, s.text, values, refs)
        for m, d in zip(mentions, descriptors):
            if m.kind == "limit":
                continue  # a size limit: reported as a warning, not a claim
            if m.kind in VALUE_KINDS and any(r.start <= m.start and m.end <= r.end for r in refs):
                d = Descriptor(rule="time")  # "the fourth quarter", "the first ten months": part of a time
            own = items.get(m.start)
            whose = subject if own is None else Subject([own], "sentence", subject.events)
            c = self.claim(ctx, s, index, folded, m, d, whose, refs, values, levels, next_id)
            if m.kind == "weekday" and (day := _event_day(m, d, mentions, ctx.article, folded, self.g)):
                c = _as_day(c, day, d, subject, ctx.article)
            if c.kind in ("amount", "count", "quantity") and not d.change and (c.metric or d.head):
                # ("compared with $1.1 billion, or $1.68 a share": a restatement of a base is one)
                restated = bool(levels) and RESTATEMENT_RE.fullmatch(folded, last_end, m.start) is not None
                levels.append((m.start, c, _is_base(folded, m) or restated and levels[-1][2]))
            last_end = m.end
            out.append(c)
        _carry_period(ctx, refs, levels, bool(values))
        return _periods_are_not_facts(out) + _sums(self.rules, out, next_id)

    def _items(self, ctx: ArticleContext, text: str, values: list[Mention], refs: list[TimeRef]) -> dict[int, str]:
        """Start of a value -> the name its own item of a list gives it (see `item_subjects`),
        for each kind of value apart ("22 seats and the Liberals 17"; not a time's figures)."""
        out: dict[int, str] = {}
        if len(values) < 2:
            return out  # a list needs two figures of one kind (most sentences have one)
        figures = [m for m in values if not any(r.start <= m.start and m.end <= r.end for r in refs)]
        for kind in dict.fromkeys(m.kind for m in figures):
            same = [m for m in figures if m.kind == kind]
            names = item_subjects(self.ents, ctx, text, [(m.start, m.end) for m in same])
            out.update((m.start, name) for m, name in zip(same, names) if name)
        return out

    def claim(self, ctx, s, index, folded, m, d, subject, refs, values, levels, next_id) -> Claim:
        kind = claim_kind(m)
        base = {"id": next_id(), "article": s.article, "kind": kind, "text": m.text, "quote": s.text,
                "line": s.line, "column": s.column + m.start,
                "headline": s.headline, "twin": m.twin, "unit": m.unit, "hedge": m.hedge,
                "low": m.low, "high": m.high, "sentence": index, "is_range": m.is_range, "rounding": m.rounding,
                "attribution": attribution(folded, m.start, m.end, self.g),
                "value": _resolve_date(m.value, ctx.article) if isinstance(m.value, str) else m.value,
                "when": NO_TIME}
        # (each claim is one dict validated once: model_validate, not Claim(**...), which unpacks
        # it into keywords and packs them again)
        if m.kind == "date":
            return Claim.model_validate({**base, "descriptor": d, "dimension": "date", "subject": subject.names,
                                         "subject_origin": subject.origin})
        if m.kind == "time":  # the zone it is given in ("4:15 p.m. local time", "11:50 IST") as its unit
            zone = ZONE_RE.match(s.text, m.end)
            about = "about" if ABOUT_BEFORE_RE.search(s.text, 0, m.start) else None  # "at around 1:39 PM"
            return Claim.model_validate({**base, "unit": zone.group(1).lower() if zone else "", "hedge": about,
                                         "descriptor": d, "dimension": "time", "subject": subject.names,
                                         "subject_origin": subject.origin})
        if m.kind not in VALUE_KINDS:
            return Claim.model_validate(base)
        notes: list[str] = []
        modality, phrase = self.modality(folded, m)
        expected = d.rule.startswith(EXPECTED) and EXPECTED_AFTER_RE.match(folded, m.end)
        if expected:  # "ahead of the $4.71 billion analysts had expected": a forecast of that figure
            modality, phrase = "forecast", expected.group().strip()
        notes += [phrase] if phrase else []
        if d.change:
            d, when, notes = self._change_of(d, m, levels, notes)
        else:
            level = [c for pos, c, base in levels if not base and pos < m.start]
            when = level[-1].when if expected and level else None
        rule = self.rules.metrics.get(d.concept) if d.concept else None
        aggregation = self.aggregation(folded, m, d, rule, kind, notes, values)
        actual = modality in ("actual", "estimate")
        moving = actual and (d.moving or self._near(folded, m, "period", "asof", 40))
        tally = actual and (bool(rule and rule.running) or moving or aggregation == "stock")
        if when is None:
            when = self.when(ctx, m, refs, values, folded, aggregation, tally, modality)
            when = self._base_before(folded, m, levels, when)
        late = modality == "forecast" and late_in(when, ctx.article.date, self.late_share)
        names, origin, events = subject
        own = sorted({e.name for n in d.names for e in self.ents.find(n) if e.kind in ("country", "organisation")})
        if own:  # "169 Indian nationals": the measure names its own subject
            names, origin = own, "sentence"
        elif kind == "age" and (whose := d.lemmas("owner")) and not any(fold(n) in whose for x in names for n in x.split()):
            names, origin = [], "none"  # "Holt, 49, founded a French rocket maker": Holt's age, not France's
        if rule and rule.parties == 2:
            # "bilateral trade": the two sides the article is about, named in its text
            sided = two_sided(names, ctx, rule.directional)
            origin = "context" if len(sided) == 2 and origin == "article" or sided != names else origin
            names = sided
        high = base["high"]
        if m.hedge in ("above", "at_least") and self._near(folded, m, "period", "threshold", 45):
            high = None  # "passed the $2 billion mark": a floor, not an estimate
            notes.append("threshold")
        exact = {}
        if m.hedge == "at_most" and ABILITY in d.lemmas("qualifier"):
            # "can carry up to 4,800 kilograms": the most it can do is its capacity, said exactly
            exact = {"hedge": None, "low": m.value}
            notes.append(ABILITY)
        return Claim.model_validate({
            **base, "high": high, **exact, "metric": d.concept, "metric_phrase": d.concept_phrase or d.text or None,
            "subject": names, "subject_origin": origin, "events": events, "period": when.label, "when": when,
            "aggregation": aggregation, "modality": modality, "scope_notes": notes, "descriptor": d,
            "dimension": self.dimension(kind, m, d), "tally": tally and aggregation != "change",
            "moving": moving and aggregation != "change", "late_forecast": late})

    def _base_before(self, folded: str, m: Mention, levels, when: TimeScope) -> TimeScope:
        """"net income fell to $412m in the quarter from $665m": a base of a change that names no
        time of its own is of a time before the figure it changed into, never of that figure's."""
        level = [c for pos, c, base in levels if not base and pos < m.start and c.kind == claim_kind(m)]
        if not level or level[-1].when != when or when.kind == "none" or not _is_base(folded, m):
            return when
        clause = CLAUSE_BREAK_RE.split(folded[:m.start])[-1]
        if not any(self.g.is_("change_verbs", lemma(w)) for w in WORD_RE.findall(clause)):
            return when
        return TimeScope(kind="period", origin=when.origin, text=f"before {when.text or when.label}")

    # --- parts of the key -----------------------------------------------------------------

    def dimension(self, kind: str, m: Mention, d: Descriptor) -> str:
        if d.change and kind in ("percent", "multiplier"):
            return "change"
        if kind == "multiplier":
            return "change"
        if kind == "amount":
            return "money"
        if kind == "quantity":
            unit = self.rules.unit(m.unit)
            return unit.dimension if unit else m.unit
        rule = self.rules.metrics.get(d.concept) if kind == "count" and d.concept else None
        if rule and rule.units and (unit := self.rules.unit(rule.units[0])) is not None:
            return unit.dimension  # "a magnitude of 6.8" is the quake's magnitude, not a count
        # "a third of voters" and "33% of voters" are one dimension: shares of a whole
        return {"percentage_point": "pp", "ordinal": "rank", "share": "percent", "ratio": "percent"}.get(kind, kind)

    def aggregation(self, folded: str, m: Mention, d: Descriptor, rule, kind: str, notes: list[str],
                    values: list[Mention]) -> str:
        if d.change:
            return "change"
        if kind == "ordinal":
            return "rank"
        nxt = min((v.start for v in values if v.start >= m.end), default=None)
        hits = self._scope(folded, m, "aggregation", 60, nxt=nxt)
        if hits and hits[0][1] == "mean" and hits[0][0] < 40:
            notes.append(hits[0][2])  # "an average temperature of 23.6C": not a reading (46.4C on Saturday)
            return "mean"
        peak = [p for dist, v, p in hits if v == "peak" and dist < 40]
        if peak:  # "peaked at 1.1 million": the highest it reached, not its level at a time
            notes.append(peak[0])
            return "peak"
        if any(v == "stock" for _, v, _ in hits):
            notes += [p for _, v, p in hits if v == "stock"][:1]
            return "stock"
        if rule:
            return rule.aggregation
        if d.moving or self._near(folded, m, "period", "asof", 40):
            return "stock"  # "currently has 274 stores", "rose to 3,145": a level at a time
        if kind in ("percent", "share") and PRESENT_STATE_RE.search(folded, max(0, m.start - 20), m.start):
            return "stock"  # "is 62 percent contained", "unemployment is 4.1%": the state now
        if kind in ("percent", "share") and PAST_STATE_RE.search(folded, max(0, m.start - 20), m.start) \
                and (nxt := NEXT_WORD_RE.match(folded, m.end)) and self.g.is_("state_participles", nxt.group(1)):
            return "stock"  # "was 15 percent contained": a state then (not "turnout was 61%")
        return "flow"

    def when(self, ctx: ArticleContext, m: Mention, refs: list[TimeRef], values: list[Mention],
             folded: str, aggregation: str, tally: bool, modality: str) -> TimeScope:
        if m.kind == "age":  # "Lenz, 61, had governed since 2015": a person's age now, whatever the clause's time
            refs = [r for r in refs if r.kind == "instant" and not r.reported]
        span = m.kind == "quantity" and (unit := self.rules.unit(m.unit)) is not None and unit.dimension == "duration"
        if span:  # "a four-year contract until June 2029": the date ends the span, it is not its time
            refs = [r for r in refs if not SPAN_END_RE.search(folded, max(0, r.start - 12), r.start)]
        ref = _own_time(m, refs, values, folded, tally, ctx.article.date)
        # (a running count "in 2025" or "since February" is as of now, but "as of April 2025" is
        # April's, and a base's time is the base's: "up from 356 a week earlier"; a flow that grew, "sales rose to $3.1 billion in the second quarter", is
        # still of its period)
        today = ctx.article.date or ""
        if ref is not None and (ref.base or not (tally and aggregation != "flow" and ref.kind == "period"
                                                 and (ref.lo == ref.hi == today[:4] or ref.hi == today))):
            return ref.scope("sentence")
        if span:
            return NO_TIME  # a length is not a flow of the period the article reports
        if aggregation in ("flow", "mean") and not tally:
            # "...for the July-September period. Revenue came in at $4.8 billion": a figure
            # without its period is read in the one the article last named
            # (a forecast only when it was made for a period now reported: "analysts had expected")
            carried = modality in ("actual", "estimate") or modality == "forecast" and PAST_EXPECTATION_RE.search(folded)
            return ctx.period if carried and ctx.period else NO_TIME
        return ctx.now if ctx.now is not None else NO_TIME

    def modality(self, folded: str, m: Mention) -> tuple[str, str | None]:
        hits = self._scope(folded, m, "modality", 90, after=False)
        if not hits:
            return "actual", None
        # a baseline right before the value ("from US$2.2 billion") is actual, whatever came earlier
        close_actual = [h for h in hits if h[1] == "actual" and h[0] <= 25]
        if close_actual:
            return "actual", close_actual[0][2]
        _, value, phrase = hits[0]
        return value, phrase

    def _scope(self, folded: str, m: Mention, sets: str, window: int, after: bool = True, nxt: int | None = None):
        """Scope words of one kind acting on the mention: (distance, value, phrase), nearest first.
        `nxt`: where the next figure starts; words after the mention nearer to it are its ("9,400
        patients treated for a median of just over three years": the median is the time's)."""
        key = (folded, m.start, m.end, sets, window, after, nxt)
        got = self._hits.get(key)
        if got is None:
            got = self._hits[key] = self._scope_hits(folded, m, sets, window, after, nxt)
        return got

    def _scope_hits(self, folded: str, m: Mention, sets: str, window: int, after: bool, nxt: int | None):
        lo = max(0, m.start - window)
        stop = CLAUSE_BREAK_RE.search(folded, m.end)  # words after the value act within its clause
        # (an aggregation reaches past the verb: "300,000 customers lost power at the peak of the storm")
        reach = AGGREGATION_REACH if sets == "aggregation" else SCOPE_REACH
        hi = min(len(folded), m.end + reach, stop.start() if stop else len(folded))
        out = []
        for rx, s, value in self.scope.entries:
            if s != sets:
                continue
            for h in rx.finditer(folded, lo, hi):
                if self._qualifies_reporting(folded, h.end()):
                    continue  # "reports now suggest that 242 died": "now" is when it was said
                if h.end() <= m.start:
                    out.append((m.start - h.end(), value, h.group()))
                elif h.start() >= m.end and after and (nxt is None or nxt - h.end() >= h.start() - m.end):
                    out.append((h.start() - m.end + 5, value, h.group()))
        return sorted(out)

    def _qualifies_reporting(self, folded: str, at: int) -> bool:
        """Does a reporting verb follow right after `at`?"""
        nxt = NEXT_WORD_RE.match(folded, at)
        return nxt is not None and self.g.is_("reporting_verbs", nxt.group(1))

    def _near(self, folded: str, m: Mention, sets: str, value: str, within: int) -> bool:
        return any(v == value and dist < within for dist, v, _ in self._scope(folded, m, sets, 70))

    def _change_of(self, d: Descriptor, m: Mention, levels: list[tuple[int, Claim, bool]], notes: list[str]):
        """A change takes what its level measures, and the level's time ("2.98 billion in 2025,
        up 32.7%"); alone, it keeps its own words."""
        current = [(pos, c) for pos, c, base in levels if not base] or [(pos, c) for pos, c, _ in levels]
        before = [c for pos, c in current if pos < m.start]
        base = before[-1] if before else (current[0][1] if current else None)
        if base is None:
            return d, None, notes
        merged = base.descriptor.model_copy(update={
            "change": True, "terms": base.descriptor.terms + [t for t in d.terms if t not in base.descriptor.terms],
            "rule": f"change of {base.descriptor.rule}"})
        return merged, base.when, notes + [f"change of {base.text}"]


DATELESS = {"horizon": "horizon", "occasion": "period"}  # scope value -> kind of time it states
# the time of a claim the sentence gives none: one instance for all (it is frozen and holds only
# strings and a flag), not one built per claim
NO_TIME = TimeScope()
NEXT_WORD_RE = re.compile(r"\s+([a-z]+)")
PAIRED_RE = re.compile(r"\s+[a-z-]+\s+(?:in|from|out\s+of|per)\s+")
PRESENT_STATE_RE = re.compile(r"\b(?:is|are|remains|remain)\s+(?:(?:now|still|currently|only|just)\s+)?$")
PAST_STATE_RE = re.compile(r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:(?:only|just|still)\s+)?$")
SCOPE_REACH = 25  # characters after a value that its scope words may stand in
AGGREGATION_REACH = 40
RESTATEMENT_RE = re.compile(r",?\s+or\s+(?:about\s+|roughly\s+)?")  # "$1.34 billion, or $2.05 a share"
BASE_RE = re.compile(r"(?:from|than|compared\s+(?:to|with)|versus|vs\.?)\s*$")


def _carry_period(ctx: ArticleContext, refs: list[TimeRef], levels: list[tuple[int, Claim, bool]],
                  has_values: bool) -> None:
    """The period that goes on framing the article's figures after this sentence: the one its
    own figures were stated for (not a base's: "up from $280 million in the same period of
    2024"), or, in a sentence without figures, the last it names ("record sales for the
    July-September period")."""
    stated = [c.when for _, c, base in levels if not base and c.aggregation == "flow" and c.when.origin == "sentence"]
    if has_values:
        scope = next((w for w in reversed(stated) if frames_later_figures(w)), None)
    else:
        scope = last_period_named(refs)
    # history ("the previous record was set in August 2021") is a digression: the next sentences
    # are back in the article's own time, not in that year
    if scope is not None and not long_gone(scope.end_year, ctx.year):
        ctx.period = scope.model_copy(update={"origin": "context"})


# "the $4.71 billion analysts had expected": an expectation named after the figure, with no
# comma between ("$4.82 billion, as analysts had expected" is the actual figure)
EXPECTED_AFTER_RE = re.compile(r"\s+(?!as\b|than\b)(?:that\s+)?(?:[a-z]+\s+){1,3}(?:had\s+|have\s+|has\s+)?"
                               r"(?:expected|forecast|projected|predicted|estimated)\b")
PAST_EXPECTATION_RE = re.compile(r"\bhad\s+(?:been\s+)?(?:expected|forecast|projected|predicted|estimated)\b")
SPAN_END_RE = re.compile(r"\b(?:until|till|through|to)\s+$")
ABOUT_BEFORE_RE = re.compile(r"\b(?:around|about|approximately|roughly|circa)\s+$", re.I)
ZONE_RE = re.compile(r"\s*\(?((?:local)(?= time)|[A-Z]{2,4}T|IST|UTC|GMT|ET|PT|CT|MT)\b")


def _ages_of_whom_the_story_means(claims: list[Claim], articles: list[Article]) -> list[Claim]:
    """"The 49-year-old economist": the age of someone named before. Of the people
    the story gives an age by name ("Olsen, 47"), it is the one the article names most; when no
    one is named more than the others it stays nobody's, and is compared with nothing, like "a
    34-year-old man". Someone the sentence itself names ("... reported by the Reyes campaign") is
    another person."""
    owned = {t.lemma: t.text for c in claims if c.kind == "age" for t in c.descriptor.terms if t.role == "owner"}
    texts = {a.path: a.text for a in articles}
    words: dict[str, Counter] = {}  # counted only for articles that refer back to someone
    out = []
    for c in claims:
        if c.kind == "age" and c.descriptor.rule == "age" and not c.descriptor.lemmas("owner"):
            named = []
            if c.descriptor.anaphor and owned:
                if c.article not in words:
                    words[c.article] = Counter(words_of(texts[c.article]))
                count, here = words[c.article], set(words_of(c.quote))
                named = sorted(((count[o], o) for o in owned if count[o] and o not in here), reverse=True)
            if named and (len(named) == 1 or named[0][0] > named[1][0]):
                who = named[0][1]
                terms = c.descriptor.terms + [Term(lemma=who, role="owner", text=owned[who])]
                c = c.model_copy(update={"descriptor": c.descriptor.model_copy(update={"terms": terms}),
                                         "scope_notes": c.scope_notes + [f"read as {owned[who]}'s: the person the article names most"]})
            else:
                c = c.model_copy(update={"descriptor": Descriptor(rule="none")})
        out.append(c)
    return out


def _is_base(folded: str, m: Mention) -> bool:
    """"rose to £714 million from £648 million": the level after "from" is the base."""
    return bool(BASE_RE.search(folded[max(0, m.start - 20):m.start]))


def _own_time(m: Mention, refs: list[TimeRef], values: list[Mention], folded: str, tally: bool,
              today: str | None) -> TimeRef | None:
    """The time the sentence states for the value (see `ref_for`); a sentence that states no
    time (most) has none, so where its clause and the next figure end is not looked for."""
    if not refs:
        return None
    # "58 goals in 112 games since 2021": a figure "in" another shares its time
    # ("$1.1 billion, or $1.68 a share, a year earlier": the time after a restatement is both's)
    nxt = min((v.start for v in values if v.start > m.start and v.kind == m.kind
               and not PAIRED_RE.fullmatch(folded, m.end, v.start)
               and not RESTATEMENT_RE.fullmatch(folded, m.end, v.start)), default=len(folded))
    return ref_for(refs, m.start, m.end, nxt, _clause_end(folded, m.end), folded, tally, today)


def _clause_end(folded: str, pos: int) -> int:
    m = CLAUSE_END_RE.search(folded, pos)
    return m.start() if m else len(folded)


def _periods_are_not_facts(claims: list[Claim]) -> list[Claim]:
    """"Revenue of $94.9 billion in the fourth quarter": the quarter is when the revenue holds,
    not a date to compare of its own ("founded in 1998" is one). A person's age in the sentence
    does not make its date a period ("Olsen, 47, is due to be sworn in on December 1"), and a day
    that dates an event stays one ("made landfall on Sept. 16 with 120-mph winds")."""
    if not any(c.kind == "date" for c in claims):
        return claims  # (most sentences: no date, so the times their figures use are not gathered)
    used = {c.when.text for c in claims if c.kind not in ("date", "age") and c.when.origin == "sentence"}
    return [c.model_copy(update={"descriptor": Descriptor(rule="time")})
            if c.kind == "date" and fold(c.text) in used and not c.descriptor.lemmas("event") else c for c in claims]


FUTURE_REACH = 60  # characters before a weekday in which "will", "is due to" make it a coming day


def _event_day(m: Mention, d: Descriptor, mentions: list[Mention], article: Article, folded: str,
               g: Grammar) -> str | None:
    """"Delia made landfall on Wednesday": in a dated article, a weekday that dates an event
    (and names no date of its own: "Tuesday, Sept. 16") is the latest such day; "is expected to
    make landfall on Wednesday", the next one."""
    if not d.lemmas("event") or any(n.kind == "date" and 0 <= n.start - m.end <= 3 for n in mentions):
        return None
    before = folded[max(0, m.start - FUTURE_REACH):m.start]
    clause = CLAUSE_BREAK_RE.split(before)[-1]
    coming = any(g.is_("future_markers", w) for w in WORD_RE.findall(clause))
    return weekday_date(str(m.value), article.date, 1 if coming else -1)


def _as_day(c: Claim, day: str, d: Descriptor, subject: Subject, article: Article) -> Claim:
    """A weekday claim as the date it was read as, saying how."""
    which = "next one after" if day > (article.date or "") else "last one on or before"
    return c.model_copy(update={"kind": "date", "value": day, "low": day, "high": day, "dimension": "date",
                                "descriptor": d, "subject": subject.names, "subject_origin": subject.origin,
                                "scope_notes": [f"{c.text} read as the {which} the article's date"]})


def _resolve_date(value: str, article: Article) -> str:
    """A date printed without its year takes the year the time stage would give it."""
    if not (value.startswith("--") and article.date):
        return value
    year = year_of_day(value, int(article.date[:4]), article.date) if len(value) == 7 else int(article.date[:4])
    return f"{year}{value[1:]}"


_SUM_RULES: dict[str, list] = {}


def _sum_rules(rules: RuleSet) -> list:
    """(name, rule) of the metrics that are sums of others (asked of every sentence)."""
    key = rules.version()
    if key not in _SUM_RULES:
        _SUM_RULES[key] = [(name, rule) for name, rule in rules.metrics.items() if rule.sum_of]
    return _SUM_RULES[key]


def _sums(rules: RuleSet, claims: list[Claim], next_id) -> list[Claim]:
    """'292 dead, with 38 missing' also states 330 dead and missing (metrics with sum_of)."""
    if not any(c.metric for c in claims):
        return []  # no part of any sum (most sentences: asked before the rules are looked up)
    out = []
    for name, rule in _sum_rules(rules):
        parts = []
        for part in rule.sum_of:
            found = [c for c in claims if c.metric == part and c.hedge is None and isinstance(c.value, float)
                     and c.modality == "actual" and c.aggregation != "change"]
            if len(found) != 1:
                break
            parts.append(found[0])
        else:
            if any(c.metric == name for c in claims) or len({tuple(p.subject) for p in parts}) != 1:
                continue
            first = parts[0]
            out.append(first.model_copy(update=dict(
                id=next_id(), metric=name, metric_phrase=" + ".join(p.metric_phrase or "" for p in parts),
                value=sum(p.value for p in parts), low=sum(p.low for p in parts),
                high=sum(p.high for p in parts), rounding=sum(p.rounding for p in parts), text=" + ".join(p.text for p in parts),
                descriptor=first.descriptor.model_copy(update={"concept": name, "head": [name], "rule": "sum"}),
                scope_notes=[f"sum of {' and '.join(rule.sum_of)}"])))
    return out

"""The metric lexicon as normalisation: words that name one measure ("deaths", "died", "death
toll"), matched on lemmas, and the names the rules know."""
from __future__ import annotations

from dataclasses import dataclass

from ..models import Descriptor, Mention
from ..text import fold
from ..words import grammar


@dataclass(frozen=True)
class Concepts:
    """rules/metrics.toml compiled for descriptors: lemma sequences -> metric names."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]  # the metrics a phrase names, in rule order (one per kind)
    units: dict[str, str]  # unit symbol -> metric ("magnitude")
    longest: int
    compounds: dict[str, tuple[tuple[str, ...], ...]]  # a noun -> the longer phrases it ends, sorted
    kinds: dict[str, list[str]]  # metric -> the kinds of figure it names
    tallies: frozenset[str]  # running metrics: counts of what happened to people or things
    people_verbs: dict[str, str]  # verb lemma -> the metric it names of a count of people (`verbs`)
    people: frozenset[str]  # nouns that only say "people" (grammar.toml)


_CONCEPTS: dict[str, Concepts] = {}

# Roles searched for a metric phrase, in order, after the head.
CONCEPT_ROLES = ("x-of-n", "n-of-x", "n-in-x", "counted", "predicate", "subject", "verb", "topic")


def concepts(rules) -> Concepts:
    key = rules.version()
    if key not in _CONCEPTS:
        g = grammar(rules)
        phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for name, rule in rules.metrics.items():
            for p in [*rule.phrases, *rule.nouns]:
                seq = tuple(g.measure_word(w) for w in fold(p).split())
                # (frames keep no conjunctions: "left 350 dead and missing" reads (dead, miss); a
                # phrase may name one metric per kind of figure: "turnout" of voters, of a march)
                for words in (seq, tuple(w for w in seq if not g.is_("conjunctions", w))):
                    if name not in phrases.get(words, ()):
                        phrases[words] = phrases.get(words, ()) + (name,)
        units = {u: name for name, rule in rules.metrics.items() for u in rule.units}
        compounds: dict[str, set[tuple[str, ...]]] = {}
        for name, rule in rules.metrics.items():  # "trade turnover"; not "dead and missing", a pair
            for p in rule.phrases:
                seq = tuple(g.measure_word(w) for w in fold(p).split())
                if len(seq) > 1 and not any(g.is_("conjunctions", w) for w in seq):
                    compounds.setdefault(seq[-1], set()).add(seq)
        _CONCEPTS[key] = Concepts(phrases, units, max((len(p) for p in phrases), default=1),
                                  {w: tuple(sorted(seqs)) for w, seqs in compounds.items()},
                                  {name: rule.kinds for name, rule in rules.metrics.items()},
                                  frozenset(name for name, rule in rules.metrics.items() if rule.running),
                                  {g.measure_word(fold(v)): name for name, rule in rules.metrics.items() for v in rule.verbs},
                                  g.classes["people"])
    return _CONCEPTS[key]


def concept_of(d: Descriptor, m: Mention, c: Concepts, kinds: dict[str, list[str]]) -> tuple[str | None, str]:
    """(metric, the words that named it): a unit that names a metric, else the longest metric
    phrase in the head, else in the other frames' words, strongest frame first."""
    if m.unit in c.units:
        return c.units[m.unit], m.unit
    kind = claim_kind(m)
    sequences = [d.head]
    if d.rule == "frame" or kind == "quantity":  # "the quake killed 22", "scorched 21,500 hectares of forest"
        sequences.append([t.lemma for t in d.terms if t.role == "verb"])
    if d.rule in ("topic", "none", "predicate") or not d.head:
        sequences += [[t.lemma for t in d.terms if t.role == r] for r in CONCEPT_ROLES]
    for seq in sequences:
        hit = longest_phrase(seq, c, kind, kinds)
        if hit:
            return hit
    verbs = [t.lemma for t in d.terms if t.role == "verb"]
    if d.rule == "counted-noun":
        # a counted noun that names no metric: its verb names a tally when it says what happened
        # to those counted ("detained 124 demonstrators", "has sickened 212 guests"); a state's
        # verb does not ("employs 2,300 teachers" is "has 2,300 teachers")
        hit = longest_phrase(verbs, c, kind, kinds)
        if hit and hit[0] in c.tallies:
            return hit
    if d.rule in ("counted-noun", "frame") and d.lemmas("counted") & c.people:
        # "drew about 38,000 people", "attracted 12,000 people": a crowd (not "drew 2-2")
        named = next((v for v in verbs if v in c.people_verbs and kind in kinds.get(c.people_verbs[v], ())), None)
        if named:
            return c.people_verbs[named], named
    return None, ""


def longest_phrase(seq: list[str], c: Concepts, kind: str, kinds: dict[str, list[str]], last: bool = False):
    """The longest metric phrase in `seq` (the last one when `last`, else the first)."""
    starts = range(len(seq) - 1, -1, -1) if last else range(len(seq))
    for n in range(min(c.longest, len(seq)), 0, -1):
        for a in starts:
            names = c.phrases.get(tuple(seq[a:a + n])) if a + n <= len(seq) else None
            if names:
                for name in names:
                    if kind in kinds.get(name, ()):
                        return name, " ".join(seq[a:a + n])
    return None


def claim_kind(m: Mention) -> str:
    """A count with a unit ("20 km") is a quantity."""
    if m.kind == "count" and m.unit and m.unit not in ("", "ordinal"):
        return "quantity"
    return m.kind


_KNOWN: dict[str, frozenset[str]] = {}


def known_names(rules) -> frozenset[str]:
    """Names the rules know (countries, organisations, demonyms), folded; those of two or
    three words too ("viet nam")."""
    key = rules.version()
    if key not in _KNOWN:
        words = {fold(a) for name, e in rules.entities.items() for a in [name, *e.aliases]}
        _KNOWN[key] = frozenset(w for w in words if w.count(" ") < 3)
    return _KNOWN[key]



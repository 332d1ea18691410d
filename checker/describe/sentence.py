"""The per-article stage: descriptors for every mention of every sentence, with what the
frames alone cannot say (changes, references, ranks, pronouns)."""
from __future__ import annotations

import itertools
import re

from ..models import Descriptor, Mention, Term
from ..text import fold
from ..words import WHOLE, Grammar, grammar, tokens
from .concepts import longest_phrase, claim_kind, concept_of, concepts, known_names
from .frames import RATE_KINDS, Reader, comparison_at, describe
from .items import Item, items_of


VALUE_KINDS = frozenset({"amount", "count", "percent", "percentage_point", "multiplier", "quantity", "ordinal",
                         "share", "ratio", "age"})
INCREMENT_WORDS = frozenset({"more", "additional", "further", "new", "extra"})
CHANGE_AFTER = frozenset({"year-on-year", "on-year", "yoy", "year-over-year", "annually"})


def describe_article(texts: list[str], mentions: list[list[Mention]], rules,
                     sentence=None) -> list[list[Descriptor]]:
    """Descriptors sentence by sentence; a pronoun's measure ("In 2025, it reached $3 billion")
    is the last measure the article named before it, with or without a number. `sentence`
    stands in for describe_sentence (the pipeline's reads a reprinted sentence once)."""
    out: list[list[Descriptor]] = []
    last: Descriptor | None = None
    names = article_names(texts, grammar(rules))
    for text, ms in zip(texts, mentions):
        ds, named = (sentence or describe_sentence)(text, ms, rules, opens_with_name(text, names))
        ds = [_antecedent(d, last) if d.anaphor and last is not None and not d.concept else d for d in ds]
        levels = [d for m, d in zip(ms, ds) if claim_kind(m) in ("amount", "count", "quantity") and d.concept]
        last = levels[-1] if levels else named or last
        out.append(ds)
    return out


def _antecedent(d: Descriptor, last: Descriptor) -> Descriptor:
    return d.model_copy(update={"terms": last.terms + [t for t in d.terms if t.role == "verb"], "head": last.head,
                                "text": last.text, "concept": last.concept, "concept_phrase": last.concept_phrase,
                                "rule": f"{last.rule} (pronoun)"})


NAME_INSIDE_RE = re.compile(r"(?<=[\w,;:)] )([A-Z][a-z]+)(?:'s|’s)?\b")  # capitalised, not opening a sentence
FIRST_WORD_RE = re.compile(r"\W*([A-Za-z]+)")
LOWER_WORD_RE = re.compile(r"\b[a-z]+\b")


def article_names(texts: list[str], g: Grammar) -> frozenset[str]:
    """Words the article writes capitalised inside its sentences and never in lower case ("...
    said James"; not "Trade", which "the Ministry of Industry and Trade" capitalises but "two-way
    trade" does not): names here, even where a sentence opens with them."""
    capitalised = {w.lower() for t in texts for w in NAME_INSIDE_RE.findall(t)}
    if not capitalised:
        return frozenset()
    lower = set(LOWER_WORD_RE.findall(" ".join(texts)))
    return frozenset(w for w in capitalised - lower if not g.closed(w) and not g.is_("time_words", w))


def opens_with_name(text: str, names: frozenset[str]) -> bool:
    m = FIRST_WORD_RE.match(text)
    return m is not None and m.group(1)[:1].isupper() and m.group(1).lower() in names


def describe_sentence(text: str, mentions: list[Mention], rules,
                      first_name: bool = False) -> tuple[list[Descriptor], Descriptor | None]:
    """One descriptor per mention (an empty one for dates and other non-values), and the last
    measure the sentence names in words (for a pronoun in the next one). `first_name`: the
    article writes the sentence's first word as a name elsewhere ("James finished with 38 points")."""
    g = grammar(rules)
    items = items_of(tokens(text), mentions, g, known_names(rules), first_name)
    c = concepts(rules)
    words = [x.lemma for x in items if x.kind == "word"]
    hit = longest_phrase(words, c, "amount", {n: ["amount"] for n in c.kinds}, last=True)
    named = Descriptor(head=hit[1].split(), concept=hit[0], concept_phrase=hit[1], rule="named") if hit else None
    out = [Descriptor() for _ in mentions]
    for i, it in enumerate(items):
        if it.kind != "slot":
            continue
        m = mentions[it.slot]
        if m.kind == "age":
            out[it.slot] = _age(items, i, g)
        elif m.kind in VALUE_KINDS:
            out[it.slot] = _describe_value(text, items, i, m, g, mentions, rules)
        elif m.kind in ("date", "weekday", "time"):  # "founded in 1998": what happened then, for reports and events
            d = describe(items, i, g, mentions)
            out[it.slot] = d.model_copy(update={"terms": d.terms + _events(items, i, g) + _opening_name(items)})
    _bases_take_their_measure(items, mentions, out, g)
    _differences_take_their_measure(items, mentions, out, g)
    return out, named


def _differences_take_their_measure(items: list[Item], mentions: list[Mention], out: list[Descriptor],
                                    g: Grammar) -> None:
    """"trade reached $3 billion, a figure 1.5 times higher than in 2024", "turnout was 61%, 4
    points higher than in 2019": a difference that names no measure of its own is the change
    of the last level its sentence gave."""
    level: Descriptor | None = None
    for i, it in enumerate(items):
        if it.kind != "slot" or mentions[it.slot].kind not in VALUE_KINDS:
            continue
        d = out[it.slot]
        if not d.change:
            level = d if d.head else level
        elif level is not None and not d.concept and comparison_at(items, i + 1) and (
                d.rule in ("topic", "none") or all(g.is_("generic_heads", t.lemma) for t in d.terms)):
            out[it.slot] = level.model_copy(update={"change": True, "moving": False})


EXPECTED = "expected of"  # a descriptor rule's prefix: the expectation of the figure before it
BASE_MARKERS = ("from", "than", "compared")  # not "against": "52% against 48% for Reyes" is another subject's


def _bases_take_their_measure(items: list[Item], mentions: list[Mention], out: list[Descriptor], g: Grammar) -> None:
    """"revenue of $4.82 billion, up 14 percent from $4.23 billion": the base of a change
    measures what the changed figure measures (whose, what, per what); its time is its own."""
    level: dict[str, Descriptor] = {}  # claim kind -> the last total of that kind met so far
    for i, it in enumerate(items):
        if it.kind != "slot" or mentions[it.slot].kind not in VALUE_KINDS:
            continue
        kind, d = claim_kind(mentions[it.slot]), out[it.slot]
        before = [x.low for x in items[max(0, i - 3):i] if x.kind == "word"]
        marker = next((w for w in reversed(before) if w in BASE_MARKERS
                       or g.is_("expectation_markers", w) and _expected_after(items, i, g)), None)
        prev = level.get(kind)
        if prev is not None and marker and (marker != "from" or _change_before(items, i, g)):
            own = [t.as_role("owner") for t in d.terms  # "fewer than Ida's 26": another's figure
                   if t.role == "owner" or (t.role == "subject" and t.text[:1].isupper())]
            terms = [t for t in prev.terms if t.role != "owner"] + own if own else prev.terms
            rule = f"{EXPECTED} {prev.rule}" if g.is_("expectation_markers", marker) else prev.rule
            out[it.slot] = prev.model_copy(update={"change": False, "moving": False, "terms": terms, "rule": rule})
        elif not d.change and not (i > 0 and items[i - 1].low == "or") and WHOLE not in d.lemmas("instance"):
            # (", or $1.37 a share": a restatement, and "58 of the 200 seats, up from 49": the
            # whole of a part, are not the figure a base refers to)
            level[kind] = d


EXPECTED_REACH = 5  # words after an expected figure to the verb that says so


def _expected_after(items: list[Item], i: int, g: Grammar) -> bool:
    """"the $4.71 billion analysts had expected": an expectation verb follows, within its clause."""
    for x in items[i + 1:i + 1 + EXPECTED_REACH]:
        if x.kind != "word":
            return False
        if g.is_("expectation_verbs", x.low):
            return True
    return False


def _change_before(items: list[Item], i: int, g: Grammar) -> bool:
    """"up 14 percent from", "rose to $612 million, ..., from": a change in the clause before."""
    for x in reversed(items[max(0, i - 12):i]):
        if x.kind == "word" and (x.low in ("up", "down") or g.is_("change_verbs", x.lemma)):
            return True
    return False


def _describe_value(text: str, items: list[Item], i: int, m: Mention, g: Grammar, mentions: list[Mention],
                    rules) -> Descriptor:
    if _reference(items, i, m, g):
        return Descriptor(rule="reference")
    if m.kind == "ordinal" and not _rank(items, i, m, g):
        return Descriptor(rule="name")  # "the 48th meeting": one of a series, not a rank
    if m.kind == "quantity" and (record := _record_span(items, i, m, g, rules)) is not None:
        return record
    c = concepts(rules)
    kinds = c.kinds
    d = describe(items, i, g, mentions)
    concept, phrase = concept_of(d, m, c, kinds)
    if concept is None and d.rule == "frame":  # "The toll from the landslide that ... has reached"
        topic = [t for t in Reader(items, g, mentions).topic(i) if t.lemma not in d.lemmas()]
        hit = longest_phrase([t.lemma for t in topic], c, claim_kind(m), kinds)
        if hit:
            d = d.model_copy(update={"terms": d.terms + topic})
            concept, phrase = hit
    if concept is None and (d.rule in ("topic", "none") or all(g.is_("generic_heads", x) for x in d.head)):
        # "targeting an annual value of $40 million": the measure named earlier in the sentence
        words = [x.lemma for x in items[:i] if x.kind == "word"][-12:]
        hit = longest_phrase(words, c, claim_kind(m), kinds, last=True)
        concept, phrase = hit if hit else (None, "")
    if concept:
        concept = _sentence_sense(concept, phrase, items, c, claim_kind(m), kinds)
    change, moving = _motion(items, i, d, g, m.kind in RATE_KINDS, m.kind == "quantity")
    if concept:  # words the concept stands for ("died", "fatalities" for deaths) say nothing more
        named = set(phrase.split())
        if rules.metrics[concept].aggregation == "property":
            d = _property_owner(d, named, lambda: Reader(items, g, mentions).topic(i, nouns_only=True), c.phrases)
        d = d.model_copy(update={"terms": [t.as_role("concept") if t.lemma in named or concept in c.phrases.get((t.lemma,), ())
                                           else t for t in d.terms]})
    instance = _instance(text, items, i, mentions, g) or _occasion_of_series(text, items, i, mentions, g)
    if instance is not None:
        d = d.model_copy(update={"terms": d.terms + [instance]})
    return d.model_copy(update={"concept": concept, "concept_phrase": phrase, "change": change, "moving": moving})


CLAUSE_BREAKS = frozenset(",;:—–")


def _sentence_sense(concept: str, phrase: str, items: list[Item], c, kind: str, kinds: dict) -> str:
    """A noun two concepts use ("turnover": a company's revenue, or "trade turnover") is read as
    the concept whose longer phrase it ends, when its sentence says the rest of that phrase
    ("growth in bilateral trade, with turnover reaching $2.2 billion")."""
    if " " in phrase:
        return concept
    words = {x.lemma for x in items if x.kind == "word"}
    for seq in c.compounds.get(phrase, ()):
        for name in c.phrases[seq]:
            if name != concept and kind in kinds.get(name, ()) and set(seq[:-1]) <= words:
                return name
    return concept


def _property_owner(d: Descriptor, named: set[str], topic, phrases: dict) -> Descriptor:
    """Whose property a value is, as "a 7.0-magnitude aftershock" says it: the verb's subject when
    the verb names the property ("an aftershock measuring 7.0"); the clause's topic weighs in when
    an of-phrase names it ("The tremor, with a magnitude of 6.1, shook the valley")."""
    if any(t.role == "entity" for t in d.terms):
        return d
    if any(t.role == "verb" and t.lemma in named for t in d.terms):
        return d.model_copy(update={"terms": [t.as_role("entity") if t.role == "subject" else t for t in d.terms]})
    if d.rule != "x-of-n":
        return d
    # (as a topic, which weighs but never parts: "the storm" and "the typhoon" may be one)
    owner = [t for t in topic() if t.role == "topic" and t.lemma not in named
             and (t.lemma,) not in phrases and t.lemma not in d.lemmas()]
    return d.model_copy(update={"terms": d.terms + owner}) if owner else d


def _age(items: list[Item], i: int, g: Grammar) -> Descriptor:
    """Whose age: "Olsen, 47,", "Ingrid Olsen (47)", "23-year-old Tomás Evangelista". "The
    49-year-old economist" names nobody here: the claims stage looks for whom the story means
    (`anaphor`); "a 34-year-old man" is nobody the story has named."""
    k = i
    while k > 2 and items[k - 1].low in RELATIVE_AGE_WORDS:
        k -= 1  # "Lenz, who is 61,": the name before the relative clause
    run = _name_before(items, k, g) if k > 1 and items[k - 1].text in ",(" else []
    if not run and k == 2 and items[1].text == "," and items[0].kind == "word" and items[0].text[:1].isupper() \
            and not items[0].known and not g.closed(items[0].low):
        run = items[:1]  # "Holt, 49, said": an age after it makes the sentence's first word a name
    if not run and "year" in items[i].text.lower():
        k = i + 1
        while k < len(items) and items[k].kind == "word" and items[k].unknown_name:
            k += 1
        run = items[i + 1:k]
    terms = [Term(lemma="age", role="concept", text=items[i].text)]
    if run:
        terms.append(Term(lemma=fold(run[-1].text), role="owner", text=" ".join(x.text for x in run)))
    # "the 24-year-old" refers back to someone; "a 34-year-old man" brings in someone new
    definite = not run and i > 0 and items[i - 1].low == "the"
    return Descriptor(head=["age"], terms=terms, rule="age", text=items[i].text, concept="age", concept_phrase="age",
                      anaphor=definite)


RELATIVE_AGE_WORDS = frozenset({"who", "is", "was", "turns", "turned"})
SPAN_OPENERS = ("in", "over", "for")
SPAN_REACH = 12  # words back from the span to its superlative


def _record_span(items: list[Item], i: int, m: Mention, g: Grammar, rules) -> Descriptor | None:
    """"the strongest cyclone in the Bay of Bengal over the past two decades": how long a record has
    stood is a fact about what the superlative ranks ("strongest storm"), whatever the topic;
    "the most destructive storm ... in 70 years" is another record."""
    unit = rules.unit(m.unit)
    if unit is None or unit.dimension != "duration":
        return None
    k = i - 1
    while k >= 0 and items[k].kind == "word" and g.is_("span_words", items[k].low):
        k -= 1
    if k == i - 1 or items[k + 1].low not in SPAN_OPENERS:
        return None
    for j in range(k, max(-1, k - SPAN_REACH), -1):
        it = items[j]
        if it.kind != "word" or it.text in CLAUSE_BREAKS or g.is_("conjunctions", it.low):
            return None
        s = _superlative(items, j)
        if s is not None:
            sup, nxt = items[s], items[s + 1] if s + 1 < len(items) else None
            terms = [Term(lemma=sup.lemma, role="counted", text=sup.text)]
            if nxt is not None and nxt.kind == "word" and not g.closed(nxt.low):
                terms.append(Term(lemma=nxt.lemma, role="entity", text=nxt.text))
            place = [Term(lemma=fold(x.text), role="qualifier", text=x.text) for x in items[s + 1:k + 1]
                     if x.kind == "word" and x.proper]
            return Descriptor(head=[t.lemma for t in terms], terms=terms + place, rule="record",
                              text=" ".join(x.text for x in items[j:i]))
    return None


def _superlative(items: list[Item], j: int) -> int | None:
    """Where the word ranked by stands: "strongest", "worst"; "most destructive": after "most"."""
    it = items[j]
    if it.low in ("most", "least") and j + 1 < len(items) and items[j + 1].kind == "word":
        return j + 1
    if it.lemma != it.low and (it.low.endswith("est") or it.low in ("worst", "best")):
        return j
    return None


def _name_before(items: list[Item], i: int, g: Grammar) -> list[Item]:
    """The name right before "N," or "(N)": capitalised words no rule knows as a place or an
    organisation, not after a place preposition ("a street cleaner in Barcelona, 51")."""
    k = i - 2
    while k >= 0 and items[k].kind == "word" and items[k].unknown_name:
        k -= 1
    if k == i - 2 or (k >= 0 and g.is_("place_prepositions", items[k].low)):
        return []
    return items[k + 1:i - 1]


def _opening_name(items: list[Item]) -> list[Term]:
    """"Olsen will be sworn in on December 11": a name that opens the sentence (a word no
    dictionary knows), which the entity finder cannot tell from an ordinary first word."""
    first = items[0] if items else None
    if first is None or first.kind != "word" or not first.proper or first.known:
        return []
    return [Term(lemma=first.low, role="participant", text=first.text)]


def _events(items: list[Item], i: int, g: Grammar) -> list[Term]:
    """"held talks with Sisoulith on April 24": the kinds of event named in a date's clause
    (rules/grammar.toml `event_words`), which tell the dates of one event across sources."""
    lo, hi = i, i + 1
    while lo > 0:
        if items[lo - 1].text in CLAUSE_BREAKS:
            inside = _inside_clause(items, lo - 1, i)
            if inside < 0:
                break
            lo = inside
        lo -= 1
    while hi < len(items) and items[hi].text not in CLAUSE_BREAKS:
        hi += 1
    kinds = dict.fromkeys(g.events[it.low] for it in items[lo:hi] if it.kind == "word" and it.low in g.events)
    return [Term(lemma=k, role="event", text=k) for k in kinds]


def _inside_clause(items: list[Item], k: int, i: int) -> int:
    """Where the clause of the date at i goes on when a comma at k is inside it, else -1: "on
    Tuesday, Sept. 16" (after a weekday), "near Morgan City, Louisiana, on Wednesday" (around a
    place named in apposition: the clause goes on before its opening comma)."""
    if k == i - 1 and k > 0 and items[k - 1].kind == "slot":
        return k
    j = k - 1
    while j >= 0 and items[j].kind == "word" and items[j].proper:
        j -= 1
    apposed = k - j > 1 and j >= 1 and items[j].text == "," and items[j - 1].kind == "word" and items[j - 1].proper
    return j if apposed else -1


NEXT_WORD_RE = re.compile(r"[\s-]*(\w+)")
INSTANCE_GAP = 2  # words between the ordinal and its verb: "the second (aftershock) was 6.6"
OBJECT_GAP = 4  # words between that verb and the value: "the second had a magnitude of 6.5"


def _instance(text: str, items: list[Item], i: int, mentions: list[Mention], g: Grammar) -> Term | None:
    """"the magnitude of the first tremor was 5.9 and the second was 5.1": which one of a series
    the value is about, when an ordinal is the subject of the verb that gives the value."""
    verb = next((k for k in range(i - 1, max(-1, i - 2 - OBJECT_GAP), -1)
                 if items[k].kind != "word" or g.is_("auxiliaries", items[k].low)
                 or g.is_("level_verbs", items[k].lemma)), -1)
    if verb < 1 or items[verb].kind != "word":
        return None
    for k in range(verb - 1, max(-1, verb - 2 - INSTANCE_GAP), -1):
        it = items[k]
        if it.kind == "slot":
            m = mentions[it.slot]
            if m.kind == "ordinal" and isinstance(m.value, (int, float)) and not _rank(items, k, m, g) \
                    and not _period(text, m, g):
                return Term(lemma=f"#{int(m.value)}", role="instance", text=m.text)
            return None
        if it.kind != "word" or it.proper:
            return None
    return None


SERIES_PREPOSITIONS = frozenset({"in", "during", "after"})


def _occasion_of_series(text: str, items: list[Item], i: int, mentions: list[Mention], g: Grammar) -> Term | None:
    """"won 48.2 percent in the first round", "In the second round, Reyes won 53.1 percent": the
    ordinal of the occasion the clause names (later in the clause, or opening the sentence)."""
    end = next((k for k in range(i + 1, len(items)) if items[k].kind == "punct"), len(items))
    start = next((k for k in range(i - 1, -1, -1) if items[k].kind == "punct"), -1)
    # ("Lenz won 36.8% in the first round, when turnout was 58 percent": the time "when" refers to)
    when = [start - 4] if start >= 4 and start + 1 < i and items[start + 1].low == "when" else []
    for k in [*range(i + 1, end), *when, *([0] if i > 0 else [])]:  # the clause's own phrase first
        if items[k].low not in SERIES_PREPOSITIONS or k + 3 >= len(items) or items[k + 1].low != "the":
            continue
        slot, noun = items[k + 2], items[k + 3]
        if slot.kind == "slot" and noun.kind == "word":
            m = mentions[slot.slot]
            if m.kind == "ordinal" and isinstance(m.value, (int, float)) and not _rank(items, k + 2, m, g) \
                    and not _period(text, m, g):
                return Term(lemma=f"#{int(m.value)}", role="instance", text=f"{m.text} {noun.text}")
    return None


def _rank(items: list[Item], i: int, m: Mention, g: Grammar) -> bool:
    """"third-largest", "finished in second place": an ordinal that ranks."""
    nxt = items[i + 1] if i + 1 < len(items) else None
    words = [m.text.lower().rsplit("-", 1)[-1]] + ([nxt.low] if nxt is not None and nxt.kind == "word" else [])
    return any(w.endswith("est") or g.is_("rank_nouns", w) for w in words)


def _period(text: str, m: Mention, g: Grammar) -> bool:
    """"the third quarter", "third-quarter revenue", "the second half": a time, not one of a series."""
    nxt = NEXT_WORD_RE.match(text, m.end)
    return nxt is not None and g.is_("time_words", nxt.group(1).lower())


REFERENCE_MAX = 12  # "the two countries", "the three leaders": who, not how many


def _reference(items: list[Item], i: int, m: Mention, g: Grammar) -> bool:
    """A small count after a definite determiner refers to known things; it measures nothing."""
    before = items[i - 1] if i > 0 else None
    return (m.kind == "count" and isinstance(m.value, (int, float)) and m.value <= REFERENCE_MAX
            and before is not None and before.kind == "word" and g.is_("determiners", before.low)
            and before.low not in ("a", "an", "another", "each", "every", "no", "all", "any"))


def _margin_verb_before(items: list[Item], by: int, g: Grammar) -> bool:
    """A verb of change or margin among the few words before "by", in the same clause."""
    for it in items[max(0, by - 5):by][::-1]:
        if it.kind != "word":
            return False
        if g.is_("change_verbs", it.lemma) or g.is_("margin_verbs", it.lemma):
            return True
    return False


def _gap(items: list[Item], i: int, g: Grammar, measured: bool) -> bool:
    """"nine points clear of", "14 seconds ahead", "12 votes short of": a gap to another figure."""
    nxt = items[i + 1:i + 4]
    words = len(list(itertools.takewhile(lambda x: x.kind == "word", nxt)))
    if words and (g.is_("gap_words", nxt[0].low) or measured and g.is_("lead_words", nxt[0].low)):
        return True
    return words == 3 and not g.closed(nxt[0].low) and g.is_("gap_words", nxt[1].low) and nxt[2].low == "of"


def _motion(items: list[Item], i: int, d: Descriptor, g: Grammar, rate: bool,
            measured: bool) -> tuple[bool, bool]:
    """(the value is a change, the value is a level reached by a change)."""
    before = items[i - 1] if i > 0 and items[i - 1].kind == "word" else None
    after = items[i + 1] if i + 1 < len(items) and items[i + 1].kind == "word" else None
    verb = next((t.lemma for t in d.terms if t.role == "verb"), "")
    moved = g.is_("change_verbs", verb)
    if before and before.low in ("up", "down"):
        return True, False
    if before and before.low == "by" and (moved or _margin_verb_before(items, i - 1, g)):
        return True, False  # "rose by 5%", "won the runoff by almost 20,000 votes"
    if after and (after.low in INCREMENT_WORDS or after.low in CHANGE_AFTER) or _gap(items, i, g, measured):
        return True, False
    if any(g.is_("change_nouns", t.lemma) for t in d.terms if t.role in ("counted", "entity", "x-of-n")):
        return True, False
    if before and before.low in ("to", "at") and moved:
        return False, True
    if rate and comparison_at(items, i + 1):  # "12% higher than a year earlier", "1.5 times more than"
        return True, False
    # "surged 38%": a rate right after a verb of change is the change itself ("took 52% of the
    # vote" is a share of something)
    share = after is not None and after.low == "of"
    return rate and moved and not share and (before is None or not g.is_("prepositions", before.low)), False


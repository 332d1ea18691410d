"""Frames: what a number measures, read from the grammar around it, in any story.

A measure descriptor is built from the open-class words near a number, found by a small set of
frames that do not depend on the topic (the closed word classes come from rules/grammar.toml):

  counted-noun   "411 seats", "24 assists", "six fatalities occurred"
  predicate      "3,408 have been injured", "139 remain missing", "4,589 people were injured"
  x-of-n         "revenue of $30.04 billion", "a fee of €103m", "a magnitude of 7.7"
  n-of-x         "36% of the vote", "thousands of buildings"
  n-in-x         "$870 million in crop losses", "$5 million in aid"
  frame          "the death toll rose to 3,145", "turnout was 60%", "the film grossed $99.9m"
  topic          the clause's first noun phrase when nothing closer names the measure

Each frame contributes terms (lemmas) with a role; the strongest frame gives the descriptor's
head. Proper nouns are subjects, not measures, and time words set when, not what: neither is a
term. A noun after a number-with-unit is the thing measured ("a 6.4 magnitude aftershock"):
its entity, which tells one event from another.
"""
from __future__ import annotations

from ..models import Descriptor, Mention, Term
from ..text import POSSESSIVE_RE, without_possessive
from ..words import ABILITY, PART, WHOLE, Grammar
from .items import HARD_STOPS, MAX_PHRASE, RELATIVE, SLOT_KINDS_IN_NAMES, Chunk, Item

class Reader:
    """Reads the frames around one slot of a sentence's items."""

    def __init__(self, items: list[Item], g: Grammar, mentions: list[Mention]) -> None:
        self.items = items
        self.g = g
        self.mentions = mentions
        self.names: list[str] = []  # names read inside the measure's own phrases ("169 Indian nationals")
        self.anaphor = False  # the frame's subject is a pronoun
        self.agent = False  # ... that does what the verb says (so the clause's topic is not the measure)
        self.relative: list[Term] = []  # words of a relative clause met while reading a phrase

    # --- word classes ---------------------------------------------------------------------

    def closed(self, it: Item) -> bool:
        return it.kind == "word" and (self.g.closed(it.low) or self.g.closed(it.lemma))

    def open_word(self, it: Item) -> bool:
        """A word that can describe a measure: open class, not a name, not a time word."""
        return (it.kind == "word" and not self.closed(it) and not it.proper
                and not self.g.is_("time_words", it.low) and not self.reporting(it)
                and len(it.low) > 1 and not it.low.endswith(("'s", "’s", "s'")))  # "the club's": whose

    def reporting(self, it: Item) -> bool:
        """"said", "reported": attribution, not what is measured; nor is "forecast" or "projected",
        which say how the figure is known (its modality), not what it is of."""
        return it.kind == "word" and (self.g.is_("reporting_verbs", it.low) or self.g.is_("expectation_verbs", it.low))

    def stop(self, it: Item) -> bool:
        return it.kind == "punct" and (it.text in HARD_STOPS or it.text == ".")

    def term(self, it: Item, role: str) -> Term:
        text = it.text if it.kind != "slot" else self.mentions[it.slot].text
        lemma = self.g.synonym(it.lemma) if it.kind == "word" else text.lower()
        if role == "subject" and it.kind == "word" and not it.proper and self.g.common_noun(it.low, it.lemma):
            # "Police arrested 214", "Officers detained 124": the capital only opens the sentence,
            # and a capitalised subject says whose figure it is (Term.whose)
            text = text[:1].lower() + text[1:]
        return Term(lemma=lemma, role=role, text=text)

    # --- right of the number --------------------------------------------------------------

    def participle(self, it: Item) -> bool:
        """"damaged", "died", "struck": a verb form that ends a counted noun phrase. A word the
        lemmatiser changes is a verb form unless it is a plural ("cases", "children"), an -ing form
        ("missing" is a state) or a degree of an adjective ("larger")."""
        if it.kind != "word" or it.lemma == it.low:
            return False
        return it.low.endswith("ed") or not (it.low.endswith(("s", "ing", "er", "est"))
                                             or self.g.is_("irregular_plurals", it.low))

    def verb_after_subject(self, it: Item) -> bool:
        """Does the word after a counted phrase start its predicate ("were", "died", "quit")?"""
        return it.kind == "word" and (self.g.is_("auxiliaries", it.low) or self.participle(it)
                                      or self.g.is_("unchanged_pasts", it.low))

    def attributive(self, j: int) -> bool:
        """"1,872 suspected cholera cases", "two stolen cars": a participle that qualifies the noun
        after it (a past tense such as "struck" or "fell" is the clause's verb)."""
        nxt = self.items[j + 1] if j + 1 < len(self.items) else None
        return nxt is not None and self.items[j].low.endswith(("ed", "en")) and self.open_word(nxt) and not self.participle(nxt) \
            and not self.g.is_("prepositions", nxt.low)

    def phrase_right(self, j: int, role: str, limit: int = MAX_PHRASE,
                     time_words: bool = False, until_verb: bool = False) -> tuple[list[Term], int]:
        """Open-class words from j on, up to a closed word, a name, punctuation or (in a
        counted noun phrase, or `until_verb`) a verb form."""
        out: list[Term] = []
        while j < len(self.items) and len(out) < limit:
            it = self.items[j]
            if it.kind == "slot" and self.mentions[it.slot].kind in SLOT_KINDS_IN_NAMES and out:
                out.append(self.term(it, role))
            elif time_words and it.kind == "word" and self.g.is_("time_words", it.low):
                out.append(self.term(it, role))
            elif it.proper and role in ("counted", "n-of-x", "n-in-x") and j + 1 < len(self.items) \
                    and self.open_word(self.items[j + 1]):
                self.names.append(it.text)  # "169 Indian nationals": whose, not what
            elif not self.open_word(it) or (role in ("counted", "entity") and out and self.participle(it)) \
                    or (until_verb and out and self.verb_after_subject(it)) or self.compound_preposition(j):
                break
            else:
                out.append(self.term(it, role))
            j += 1
        return out, j

    def compound_preposition(self, j: int) -> bool:
        """"ahead of the storm", "in favour of": a preposition made of words, not a phrase's word."""
        items = self.items
        return j + 1 < len(items) and items[j + 1].low == "of" and self.g.is_("compound_prepositions", items[j].low)

    def skip(self, j: int, cls: tuple[str, ...]) -> int:
        while j < len(self.items) and self.items[j].kind == "word" and any(
                self.g.is_(c, self.items[j].low) for c in cls):
            j += 1
        return j

    def skip_list(self, j: int) -> int:
        """Past the other items of a list: "three schools[ and one clinic] were destroyed"."""
        items = self.items
        while j + 1 < len(items) and (items[j].low in ("and", "plus", "or") or items[j].text == ",") \
                and items[j + 1].kind == "slot":
            _, j = self.phrase_right(j + 2, "counted")
        return j

    def right(self, i: int) -> list[Term]:
        items = self.items
        m = self.mentions[items[i].slot]
        j = i + 1
        if j >= len(items):
            return []
        first = items[j]
        if first.kind != "word":
            if first.text == "-" and j + 1 < len(items):  # "a 30-storey building", "a 72-hour window"
                return self.phrase_right(j + 1, "entity", 2, time_words=True)[0]
            return []
        if first.low == "for" and m.kind in ("percent", "count", "share") and j + 1 < len(items):
            names = self.names_from(self.skip(j + 1, ("determiners",)), len(items))
            if names:  # "199,025 for Daniel Reyes", "47.6 percent for Reyes": whose figure
                return names
        if first.low in ("of", "in") and m.kind in ("amount", "percent", "count", "quantity"):
            k = self.skip(j + 1, ("determiners",))
            if k < len(items) and items[k].proper:  # "141 in Vietnam alone": where, not what
                self.names.append(items[k].text)
                # a place no rule knows narrows the set ("4,000 acres in Oregon"); a typed one
                # ("in Lake County") is the subject stage's
                untyped = first.low == "in" and not items[k].known and not self.typed_place(k)
                return [t.as_role("where") for t in self.names_from(j, len(items))] if untyped else []
            if first.low == "in" and (m.kind != "amount" or k > j + 1):
                return []  # "$5 million in aid" names the money; "61% in the capital" says where
            while k + 1 < len(items) and items[k].kind == "word" and POSSESSIVE_RE.search(items[k].low) \
                    and items[k + 1].kind == "slot":
                k += 1  # "nine of the country's 29 districts"
            if first.low == "of" and k < len(items) and items[k].kind == "slot":
                # "17 of the 19 people on the boat": a part of a counted whole, and which whole
                whole, k = self.phrase_right(k + 1, "counted")
                where, k = self.skip_phrase(k, always=True)
                return [t.as_role("qualifier") for t in whole + where + self.after_counted([], k)]
            terms, k = self.phrase_right(k, f"n-{first.low}-x")
            if first.low == "of":
                # "33 of the deceased are students", "191,000 ha of rice were submerged": what
                # sets the part apart, or what happened to it
                terms += self.after_counted([], k)
            return terms
        if self.participle(first) and self.attributive(j):  # "1,872 suspected cholera cases"
            terms, k = self.phrase_right(j + 1, "counted")  # (suspected, confirmed: a narrower set)
            if self.counts(terms[-1]):
                return self.after_counted([self.term(first, "qualifier")] + terms, k)
            # "61 required hospital treatment": a verb, and its object says what happened to them
            return [self.term(first, "verb")] + [t.as_role("predicate") for t in terms]
        if self.g.is_("auxiliaries", first.low) or self.participle(first):
            return self.predicate(j)
        if self.g.is_("people", first.low):  # "1,929 others injured", "12 more remain missing"
            if i > 0 and self.g.is_("resultative_verbs", items[i - 1].lemma):
                return [self.term(first, "counted")] + self.complement(j + 1)
            return self.after_counted([self.term(first, "counted")], j + 1)
        if first.low == "without" and m.kind == "count":  # "280,000 without power": the state they are in
            return self.object_of(j)
        if self.closed(first) or comparison_at(items, j):  # "12% higher than": how it compares, not what
            return []
        role = "entity" if m.unit and m.kind in ("quantity", "amount") else "counted"
        terms, j = self.phrase_right(j, role)
        if terms and role == "counted":
            terms = self.after_counted(terms, j)
        return terms

    def counts(self, t: Term) -> bool:
        """Can a noun be what a number counts: a plural ("cases", "children") or a word for people?"""
        low = t.text.lower()
        return self.g.lemma(low) != low or self.g.is_("irregular_plurals", low) or self.g.is_("people", low)

    def skip_phrase(self, j: int, always: bool = False) -> tuple[list[Term], int]:
        """A short prepositional phrase after a counted noun, read as qualifiers, when a
        predicate follows it (or `always`); else nothing is consumed."""
        items, g = self.items, self.g
        if not (j < len(items) and items[j].kind == "word" and g.is_("prepositions", items[j].low)
                and items[j].low not in ("of", "than", "as", "to")):
            return [], j
        k = self.skip(j + 1, ("determiners",))
        if k < len(items) and items[k].kind == "slot":
            k += 1  # "across 57 townships"
        words, k = self.phrase_right(k, "qualifier", 3, until_verb=True)  # "on the drug | quit the trial"
        while k < len(items) and items[k].proper:
            k += 1
        if always or k < len(items) and self.verb_after_subject(items[k]):
            return words, k
        return [], j

    def predicate(self, j: int) -> list[Term]:
        """"have been injured", "remain missing", "were completely destroyed", "died"."""
        j = self.skip(self.past_raising(j), ("auxiliaries",))
        while j < len(self.items) and self.items[j].kind == "word" and self.items[j].low.endswith("ly"):
            j += 1  # "completely", "severely"
        if j < len(self.items) and self.items[j].kind == "word" and self.g.is_("prepositions", self.items[j].low):
            j = self.skip(j + 1, ("determiners",))  # "were in need of aid", "are under water"
        terms, k = self.phrase_right(j, "predicate", 2)
        if len(terms) == 1 and k + 1 < len(self.items) and self.items[k].low in POSSESSIVE_DETERMINERS \
                and self.open_word(self.items[k + 1]):
            terms.append(self.term(self.items[k + 1], "predicate"))  # "lost their homes", "to leave their homes"
        return terms

    def past_raising(self, j: int) -> int:
        """"are believed (so far) to have escaped", "are feared to be trapped": what is said of
        them is the verb after "to" (rules/grammar.toml `raising_verbs`)."""
        items = self.items
        raising = next((k for k in range(j, min(j + 3, len(items)))
                        if items[k].kind == "word" and (self.g.is_("raising_verbs", items[k].low)
                                                        or self.g.is_("directive_verbs", items[k].low))), None)
        if raising is not None:
            for k in range(raising + 1, min(raising + 4, len(items))):
                if items[k].low == "to":
                    return k + 1
        return j

    def complement(self, j: int) -> list[Term]:
        """"(left 87 people) dead and missing", "(left 5,000) homeless": the state the verb
        left them in, which is what is counted."""
        items = self.items
        terms, j = self.phrase_right(j, "predicate", 2)
        while terms and j + 1 < len(items) and items[j].low in ("and", "or") and self.open_word(items[j + 1]):
            more, j = self.phrase_right(j + 1, "predicate", 2)
            terms += more
        return terms

    def after_counted(self, terms: list[Term], j: int) -> list[Term]:
        items, g = self.items, self.g
        if j < len(items) and items[j].low == "of" and all(g.is_("generic_heads", t.lemma) for t in terms):
            return self.phrase_right(self.skip(j + 1, ("determiners",)), "n-of-x")[0]
        if j + 1 < len(items) and items[j].low in ("and", "or") and self.open_word(items[j + 1]) \
                and not (j + 2 < len(items) and items[j + 2].kind == "slot"):
            # "242 passengers and crew"; not "killed 214 people and injured 1,100": a word with a
            # figure of its own after it is the next clause's verb
            more, j = self.phrase_right(j + 1, "counted")
            terms = terms + more
        j = self.skip_list(j)
        j += j < len(items) and items[j].low in ("there", "here")  # "46 residents there escaped"
        # "people on board have died"; "95% effective against severe disease", "unemployment among
        # young people": against and among always say which set, whatever follows
        mods, j = self.skip_phrase(j, always=j < len(items) and items[j].low in ("against", "among"))
        terms = terms + mods
        if j < len(items) and self.verb_after_subject(items[j]):
            return terms + self.predicate(j)  # "4,589 people were injured"
        if j + 1 < len(items) and items[j].low == "to" and g.is_("directive_verbs", self.verb_before(j)):
            return terms + self.predicate(j + 1)  # "ordered 80,000 residents to evacuate"
        if j + 1 < len(items) and items[j].kind == "word" and g.is_("prepositions", items[j].low) \
                and g.is_("placement_verbs", self.verb_before(j)):
            # "placed 11 regions under a red alert": where they were put is what sets them apart
            return terms + self.object_of(j)
        return terms

    def object_of(self, prep: int) -> list[Term]:
        """The words of the phrase the preposition at `prep` opens, as what is said of the counted
        ("without power", "under a red alert")."""
        return self.phrase_right(self.skip(prep + 1, ("determiners",)), "predicate", 2)[0]

    def verb_before(self, end: int) -> str:
        """The word before the counted phrase ending at `end` (determiners skipped), folded; ""
        when there is none."""
        k = end - 1
        while k >= 0 and self.items[k].kind != "slot":
            k -= 1
        k -= 1
        while k >= 0 and self.items[k].kind == "word" and self.g.is_("determiners", self.items[k].low):
            k -= 1
        return self.items[k].low if k >= 0 and self.items[k].kind == "word" else ""

    # --- left of the number ---------------------------------------------------------------

    def left(self, i: int) -> list[Term]:
        """x-of-n, or a frame: [subject noun phrase] [auxiliaries] [verb] [preposition] N."""
        g, items = self.g, self.items
        j = i - 1
        while j >= 0 and items[j].kind == "word" and g.is_("determiners", items[j].low) \
                and not g.is_("conjunctions", items[j].low):
            j -= 1  # "the start of a 48-hour ceasefire"
        if j < 0 or items[j].kind != "word" or g.is_("conjunctions", items[j].low) \
                or self.reporting(items[j]):
            return []  # "the ministry said that 197 people died": the frame is the reporter's
        if self.verb_in_mention(i):  # "the death toll passes 150": the hedge is the verb
            chunks = self.chunks_left(j)
            head = chunks[-1].terms if chunks and chunks[-1].prep is None else []
            return [t.as_role("subject") for t in head]
        prep = items[j].low if g.is_("prepositions", items[j].low) else None
        if prep == "of" and j > 0 and g.is_("compound_prepositions", items[j - 1].low) \
                and (j < 2 or g.closed(items[j - 2].low) or g.is_("prepositions", items[j - 2].low)):
            return []  # "in front of 41,000 fans": a preposition of words names no measure
        if prep == "in" and j > 0 and self.participle(items[j - 1]) and self.mentions[items[i].slot].kind == "amount":
            return self.verb_frame(j - 1, [])  # "took in $48 million", "poured in $3 billion": a verb's particle
        if prep == "in" and self.share_of_group(i):
            return self.verb_frame(j - 1, [])  # "an event occurred in 6.8 percent of patients": what happened to them
        if prep in PLACE_PREPOSITIONS:
            return []  # "cases were confirmed in nine of the 29 districts": where, not what
        if prep:
            j -= 1
            if prep == "to" and j >= 1 and items[j].kind == "slot" and items[j - 1].low == "from":
                j -= 2  # "the lead grew from 212 to 240 votes": both ends are the frame's
                j -= j >= 0 and items[j].text == ","  # "grew, from 212 to 240"
            elif prep == "to" and j >= 0 and items[j].kind == "slot" and self.mentions[items[j].slot].kind in RATE_KINDS:
                # "as revenue climbed 9 percent to $8.7 billion": the level the change reached is in its frame
                return Reader(items, g, self.mentions).left(j)
            elif prep != "of" and j >= 0 and items[j].kind == "slot":
                return []  # "6.21 billion USD across 276 projects": the frame is the other number's
        if prep == "of" or (prep is None and self.noun_before_hedge(i, j)):
            # "revenue of $30 billion"; "winds in excess of 149 km/h" (the hedge is the "of")
            chunks = self.chunks_left(j)
            # (a phrase a preposition opens holds no verb: "with a total registered capital of")
            verb = self.verb_in_phrase(chunks[0].start + 1, j) if chunks and prep == "of" and chunks[0].prep is None else -1
            if verb >= 0:  # "The storm packed maximum sustained winds of", "its cloud unit ... posted revenue of"
                return self.verb_and_object(verb, j, i)
            head = chunks[0].terms if chunks else []
            whose = self.name_before_verb(chunks[0].start) if chunks else []
            return _of_head(head, g) + whose
        obj = self.object_of_change(j) if prep in ("to", "by", "from", "at") else []
        if obj:
            return obj
        verb = self.verb_of_named_object(j) if prep in ("to", "for") else -1
        if verb >= 0:  # "The court sentenced Marten to 12 years", "banned Ruiz for six matches"
            return self.named_object_frame(verb, j)
        terms: list[Term] = []
        if prep is None and self.object_before(j):
            # "The Senate passed the bill 52-48", "beat the Celtics 112-104": verb, object, figure
            terms.append(self.term(items[j], "qualifier"))
            j -= 2
        return self.verb_frame(j, terms)

    def share_of_group(self, i: int) -> bool:
        """Is the figure at i a share of a group ("6.8 percent of patients")? What happened "in" it is
        the measure, not a place."""
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        return self.mentions[self.items[i].slot].kind in ("percent", "share") and nxt is not None and nxt.low == "of"

    def verb_in_phrase(self, first: int, last: int) -> int:
        """The leftmost past-tense verb inside the words first..last before an of-phrase, when a
        subject (a word, a name, or a clause ended by a comma) comes right before it: "the unit
        posted revenue of", not "Suspected cases of" opening a sentence; -1 when none."""
        for k in range(max(first, 1), last):
            it, before = self.items[k], self.items[k - 1]
            if self.participle(it) and (before.text == "," or before.proper or self.open_word(before)):
                return k
        return -1

    def verb_and_object(self, verb: int, last: int, i: int) -> list[Term]:
        """The object phrase before "of" says what is measured; the verb is the frame's, and its
        subject (or, past a clause between them, the sentence's topic) says whose."""
        g, items = self.g, self.items
        head = [self.term(items[k], "x-of-n") for k in range(verb + 1, last + 1) if self.open_word(items[k])]
        terms = _of_head(head, g) + [self.term(items[verb], "verb")]
        who = self.subject_phrase(verb - 1) if items[verb - 1].text != "," else self.topic(i)
        if any(g.is_("part_nouns", t.lemma) for t in who):  # "its cloud unit": a part's figure, narrower
            who = [t if t.role == "owner" else t.as_role("qualifier") for t in who]
        return terms + who

    def verb_frame(self, j: int, terms: list[Term]) -> list[Term]:
        """[subject noun phrase] [auxiliaries] verb [particle], read leftwards from j."""
        g, items = self.g, self.items
        if j >= 1 and items[j].kind == "word" and g.is_("particles", items[j].low) and self.participle(items[j - 1]):
            j -= 1  # "blasted off with $162 million", "paid out $12 million"
        while j >= 0 and items[j].kind == "word" and g.is_("auxiliaries", items[j].low) \
                and not g.is_("level_verbs", items[j].lemma):
            j -= 1
        if j >= 0 and self.open_word(items[j]):
            terms.append(self.term(items[j], "verb"))
            j -= 1
        elif j >= 0 and items[j].kind == "word" and g.is_("level_verbs", items[j].lemma):
            j -= 1  # "turnout was 60%": the copula names nothing
        while j >= 0 and items[j].kind == "word" and g.is_("auxiliaries", items[j].low):
            if g.is_("ability_modals", items[j].low) and terms:  # "can carry up to 4,800 kg": what it can do
                terms.append(Term(lemma=ABILITY, role="qualifier", text=items[j].text))
            j -= 1
        named = self.apposed_name(j)
        if named is not None:
            return terms + [named]
        if j >= 0 and items[j].low in ("it", "this", "they", "these", "which"):
            if terms and not (g.is_("change_verbs", terms[0].lemma) or g.is_("level_verbs", terms[0].lemma)):
                self.agent = True  # "it will provide ₹1 crore": the pronoun gives, the verb says what
                return terms
            self.anaphor = True  # "In 2025, it came to roughly USD 4 billion", "it rose to 3,145"
        return terms + self.subject_phrase(j)

    def verb_of_named_object(self, j: int) -> int:
        """Where the verb stands when the words ending at j are a name right after a verb form
        ("sentenced Marten", "jailed Ana Ruiz"); -1 when they are not."""
        k = j
        while k >= 0 and self.items[k].kind == "word" and self.items[k].proper:
            k -= 1
        if k == j or k < 0 or not self.open_word(self.items[k]) or not self.participle(self.items[k]):
            return -1
        return k

    def named_object_frame(self, verb: int, j: int) -> list[Term]:
        """"The court sentenced Marten to 12 years": the figure is the named object's, as it is
        the subject's in "Marten was jailed for 21 years" (an entity: whose property it is, told
        apart from another's); the verb's subject only did it (a modifier)."""
        terms = self.verb_frame(verb, [])
        whose = self.term(self.items[j], "entity")  # (a surname stands for the whole name)
        return [t.as_role("modifier") if t.role == "subject" else t for t in terms] + [whose]

    def object_before(self, j: int) -> bool:
        """Is the word at j the object of the verb before its determiner ("passed the bill")?"""
        items, g = self.items, self.g
        return (j >= 2 and items[j].kind == "word" and (self.open_word(items[j]) or items[j].proper)
                and items[j - 1].kind == "word" and g.is_("determiners", items[j - 1].low)
                and items[j - 2].kind == "word" and self.open_word(items[j - 2]))

    def list_owners(self, i: int) -> list[Term]:
        """"LeBron James finished with 38 points and 11 rebounds": a later figure of a list is
        the figure of whoever the list's first figure is (as owners: they tell facts apart)."""
        items = self.items
        k = i - 1
        while k >= 1 and i - k <= LIST_GAP and self.in_list_phrase(items[k]):
            k -= 1  # "revenue of $1.9 billion and a profit of $200 million"
        if k < 1 or items[k].low not in ("and", ",", "-", "–"):  # (a score: "52-48", "112–104")
            return []
        joint = k = k - 1
        while k >= 0 and joint - k < LIST_GAP and self.in_list_phrase(items[k]):
            k -= 1  # "11 rebounds, 7 assists", "58 percent of possession and 17 shots"
        if k < 0 or items[k].kind != "slot":
            return []
        before = Reader(items, self.g, self.mentions)
        return [t.as_role("owner") for t in before.left(k) + before.list_owners(k) if t.whose]

    def in_list_phrase(self, it: Item) -> bool:
        """A word of a list item's phrase: "(a profit) of", "(58 percent) of possession"."""
        return it.kind == "word" and (self.open_word(it) or it.low == "of" or self.g.is_("determiners", it.low))

    def subject_phrase(self, j: int) -> list[Term]:
        """The verb's subject ending at j, as subject terms, the phrases around it as modifiers."""
        g = self.g
        chunks = self.chunks_left(j)
        head = chunks[-1].terms if chunks and chunks[-1].prep is None else []
        if chunks and chunks[0].prep == "with" and j + 1 < len(self.items) and self.items[j + 1].low.endswith("ing"):
            head = chunks[0].terms  # "with turnover reaching $2.2 billion": the noun after "with" does it
        elif head and len(chunks) > 1 and chunks[-2].prep == "of" and chunks[-2].terms \
                and all(g.is_("generic_heads", t.lemma) for t in head):
            head = chunks[-2].terms  # "the number of deaths blamed on Delia rose to nine"
        mods = [t for c in chunks if c.terms is not head for t in self.modifiers(c)]
        if all(g.is_("generic_heads", t.lemma) or g.is_("people", t.lemma) for t in head):
            head = head + self.relative  # "the number of people [who died]": the clause says what
        else:
            mods += [t.as_role("modifier") for t in self.relative]
        return [_keep_qualifier(t, "subject") for t in head] + mods

    def modifiers(self, c: Chunk) -> list[Term]:
        """A phrase around a subject modifies it; "from cardiovascular causes" says which of them."""
        kinds = self.kinds_named(c.terms) if c.prep in ("from", "of") else None
        return [t.as_role("modifier") for t in c.terms] if kinds is None else kinds

    def kinds_named(self, terms: list[Term]) -> list[Term] | None:
        """The words before a noun of kind, as qualifiers ("from cardiovascular causes"; none for
        "from any cause": the closed word narrows nothing); None when the phrase ends in another noun."""
        if not terms or not self.g.is_("kind_nouns", terms[-1].lemma):
            return None
        return [t.as_role("qualifier") for t in terms[:-1]]

    def per_unit(self, i: int) -> list[Term]:
        """"$1.37 a share", "$10 per person", "earnings per share of $1.37": a figure for each
        one of something, never a total. Time words ("$5 billion a year") make a rate of a flow,
        not a per-unit figure."""
        items = self.items
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is not None and nxt.low in ("a", "an", "per") and i + 2 < len(items) and self.open_word(items[i + 2]):
            return [self.term(items[i + 2], "per")]
        k = i - 1
        while k >= 1 and k > i - 8:
            if items[k].kind == "slot":  # "per share of $1.37 compared with $1.12": the base's too
                if not (items[k + 1].kind == "word" and self.g.is_("comparison_markers", items[k + 1].low)):
                    break
            elif items[k].kind != "word" or self.g.is_("conjunctions", items[k].low):
                break
            elif items[k - 1].low == "per" and self.open_word(items[k]):
                return [self.term(items[k], "per")]  # "earnings per share of", "revenue per user was"
            k -= 1
        return []

    def name_before_verb(self, j: int) -> list[Term]:
        """"Kestrel Micro reported revenue of $1.9 billion": the name right before the verb that
        governs "revenue of" is whose figure it is."""
        items = self.items
        if not (j >= 1 and items[j].kind == "word" and items[j].lemma != items[j].low):
            return []  # no inflected verb right before the phrase
        return self.names_ending_at(j - 1)

    def names_ending_at(self, k: int) -> list[Term]:
        """Every word of the unknown name that ends at k ("Daniel Reyes"), as owners."""
        out: list[Term] = []
        while k >= 0 and self.name_word(k):
            out.insert(0, self.term(self.items[k], "owner"))
            k -= 1
        return out

    def names_from(self, k: int, stop: int) -> list[Term]:
        """The unknown name at k, or right after it, before `stop` ("for Daniel Reyes", "rival
        Kestrel Micro"), as owners; after a place preposition it says where, which narrows the
        set ("two [died] in Mississippi", "landfall near Morgan City"), not whose."""
        it = self.items[k] if k < stop else None
        where = it is not None and self.g.is_("place_prepositions", it.low)
        while k + 1 < stop and self.name_word(k + 1):
            k += 1
        names = self.names_ending_at(k) if k < stop else []
        nxt = self.items[k + 1] if names and k + 1 < stop else None
        if nxt is not None and nxt.text[:1].isdigit() and (nxt.kind != "slot" or self.mentions[nxt.slot].kind == "count"):
            # "District 4", "Terminal 2": the number is part of the name
            names[-1] = Term(lemma=f"{names[-1].lemma} {nxt.text.lower()}", role=names[-1].role,
                             text=f"{names[-1].text} {nxt.text}")
        return [t.as_role("qualifier") for t in names] if where else names

    def typed_place(self, k: int) -> bool:
        """Is the name at k written with a word after it that says it is a place ("Lake
        County"; not "District 4", a numbered place)?"""
        run = []
        while k < len(self.items) and self.name_word(k):
            run.append(self.items[k].low)
            k += 1
        after = self.items[k].low if k < len(self.items) else ""
        return any(self.g.is_("place_words", w) for w in run[1:] + [after])

    def name_word(self, k: int) -> bool:
        return self.items[k].unknown_name

    def apposed_name(self, j: int) -> Term | None:
        """"Olsen, who won 54.2 percent", "Olsen, a former commissioner, took 52.4 percent": the
        name before a relative clause or an apposition is the verb's subject. A name is a
        capitalised word the lemmatiser leaves alone ("Officials, who..." is a plural noun)."""
        items = self.items
        if j >= 1 and items[j].low in ("who", "which") and items[j - 1].text == ",":
            k = j - 2
        elif j >= 0 and items[j].text == ",":
            k = next((x for x in range(j - 1, max(-1, j - 12), -1) if items[x].text == ","), -1) - 1
        else:
            return None
        if k < 0 or (k > 0 and items[k - 1].kind == "word" and not self.g.is_("conjunctions", items[k - 1].low)):
            return None  # the name must open its clause
        it = items[k]
        if it.kind != "word" or not it.text[:1].isupper() or it.known or it.lemma != it.low or self.closed(it):
            return None
        return self.term(it, "subject")

    def whole_before(self, i: int) -> list[Term]:
        """"Out of the 64 passengers aboard, 61 fatalities": the whole the number is a part
        of, stated in an opening phrase that ends right before it, qualifies it."""
        items = self.items
        if i < 4 or items[i - 1].text != ",":
            return []
        for k in range(i - 2, max(2, i - 8), -1):
            if items[k].kind != "slot":
                continue
            j = k - 1 - (items[k - 1].kind == "word" and self.g.is_("determiners", items[k - 1].low))
            if j >= 1 and items[j].low == "of" and items[j - 1].low == "out":
                return self.phrase_right(k + 1, "qualifier", 3)[0]
            return []
        return []

    def whole_of_part(self, i: int) -> list[Term]:
        """"14 of the city's 21 wards": 21 is the whole a part is counted in, never a count of
        the wards someone won or put on alert (a part is marked too: `describe`)."""
        items = self.items
        k = i - 1
        while k > 0 and items[k].kind == "word" and (self.g.is_("determiners", items[k].low)
                                                    or POSSESSIVE_RE.search(items[k].low)):
            k -= 1  # "the", "the country's"
        if k > 0 and items[k].low == "of" and items[k - 1].kind == "slot":
            return [Term(lemma=WHOLE, role="instance", text="of")]
        return []

    def relative_start(self, j: int) -> int:
        """Where a relative clause starts, when the determiner at j opens its object ("that
        struck the region"): the index of "that"/"which"/"who" a verb before, else -1."""
        k = j - 1
        if k < 1 or not self.participle(self.items[k]) and not (
                self.items[k].kind == "word" and self.items[k].lemma != self.items[k].low):
            return -1
        k -= 1
        while k >= 0 and self.items[k].kind == "word" and self.g.is_("auxiliaries", self.items[k].low):
            k -= 1
        if k >= 1 and self.items[k].low in RELATIVE and (self.open_word(self.items[k - 1]) or self.items[k - 1].proper):
            return k
        return -1

    def verb_of_change(self, j: int) -> bool:
        """A verb of change, not the noun ("raising trade", but "a rise in trade")."""
        it = self.items[j]
        before = self.items[j - 1] if j > 0 else None
        return self.g.is_("change_verbs", it.lemma) and not (
            before is not None and before.kind == "word" and self.g.is_("determiners", before.low))

    def object_of_change(self, j: int) -> list[Term]:
        """"aim to raise exports to $8 billion", "raising trade by 10%": the noun phrase
        after a verb of change is what changes."""
        chunks = self.chunks_left(j)
        which: list[Term] = []
        while len(chunks) > 1 and chunks[0].prep not in (None, "of") and not self.holds_figure(chunks[0].start, j):
            j = chunks[0].start
            kinds = self.kinds_named(chunks[0].terms)  # "cut the risk of death | from heart disease | by 25%": which deaths
            which += chunks[0].terms if kinds is None else kinds
            chunks = chunks[1:]
        if len(chunks) == 1:
            chunks = self.list_of(chunks[0])
        of = chunks[0].terms if len(chunks) > 1 and chunks[0].prep == "of" else []
        head = chunks[1] if of else chunks[0] if chunks else None  # "cut the risk | of death | by 25%"
        if head is None or not head.terms or head.prep is not None:
            return []
        kinds = self.kinds_named(of)  # "cut accidents | of every kind": no narrower set
        of = of if kinds is None else kinds
        k = head.start
        while k >= 0 and self.items[k].kind == "word" and self.g.is_("determiners", self.items[k].low):
            k -= 1  # "raised its key interest rate to 4.5 percent"
        verb = self.items[k] if 0 <= k < len(self.items) else None
        if verb is None or verb.kind != "word" or not self.g.is_("change_verbs", verb.lemma):
            return []
        return ([t.as_role("x-of-n") for t in head.terms] + [t.as_role("qualifier") for t in of + which]
                + [self.term(verb, "verb")])

    def holds_figure(self, first: int, last: int) -> bool:
        """Is there a figure after `first`, up to `last`? A phrase with one ("by 10% in 2025") is
        that figure's, not a qualifier of the object before it."""
        return any(it.kind == "slot" for it in self.items[first + 1:last + 1])

    def list_of(self, last: Chunk) -> list[Chunk]:
        """The phrases before the last item of a list an "of" opens ("the risk of heart attack,
        stroke or death"): the whole list as the "of" phrase, then the phrases before it; the
        item alone when no "of" opens the list."""
        items, k = self.items, last.start
        terms = list(last.terms)
        if not (0 <= k < len(items) and (items[k].low in ("or", "and") or items[k].text == ",")):
            return [last]
        while k >= 0 and (items[k].low in ("or", "and") or items[k].text == "," or self.open_word(items[k])):
            if self.open_word(items[k]):
                terms.insert(0, self.term(items[k], "subject"))
            k -= 1
        if k < 1 or items[k].low != "of":
            return [last]
        return [Chunk(terms, "of", k - 1)] + self.chunks_left(k - 1)

    def noun_before_hedge(self, i: int, j: int) -> bool:
        """"winds in excess of 149": a plural noun right before a hedged number names it."""
        m = self.mentions[self.items[i].slot]
        it = self.items[j]
        return (m.text[:1].isalpha() and not self.verb_in_mention(i) and self.open_word(it)
                and it.low.endswith("s") and not it.low.endswith("ss") and it.lemma != it.low)

    def verb_in_mention(self, i: int) -> bool:
        """Does the mention open with an inflected verb ("passes 150", "topped $2 billion")?"""
        m = self.mentions[self.items[i].slot]
        first = m.text.split()[0].lower() if m.text[:1].isalpha() else ""
        return bool(first) and len(m.text.split()) > 1 and self.g.lemma(first) != first \
            and not self.g.is_("determiners", first)  # "an estimated $48 million": "an" is not "a" inflected

    def chunks_left(self, j: int) -> list[Chunk]:
        """Noun phrases ending at j, read leftwards, nearest first; each remembers the
        preposition that introduces it ("the death toll | from a 6.1 magnitude quake |
        off the coast"): the leftmost one without a preposition is the head."""
        g, items = self.g, self.items
        last = j  # the word right before the figure read: a label of no other figure
        out: list[Chunk] = []
        cur: list[Term] = []
        filled = False  # the current phrase holds something (a word, a name or a number)
        names: list[Term] = []  # names before any word of the head phrase
        self.relative = []
        while j >= 0:
            it = items[j]
            if it.kind == "punct" and it.text in "–-/" and 0 < j < len(items) - 1 \
                    and items[j - 1].proper and items[j + 1].proper:
                j -= 1  # "Vietnam–Laos trade": one name
                continue
            if self.stop(it) or (it.kind == "punct" and it.text == ","):
                break
            if it.kind == "word" and g.is_("prepositions", it.low) and it.low != "per" \
                    and not g.is_("conjunctions", it.low):  # "as", "than" may open a clause
                if not filled:
                    break
                out.append(Chunk(cur, it.low, j - 1))
                cur, filled, names = [], False, []
            elif it.kind == "word" and it.low in RELATIVE and filled and j > 0 \
                    and (self.open_word(items[j - 1]) or items[j - 1].proper) \
                    and not self.reporting(items[j - 1]):
                self.relative = cur  # "the earthquake [that struck on March 28] has reached": a relative clause
                cur, filled, names = [], False, []
            elif it.kind == "word" and g.is_("determiners", it.low):
                linked = j > 0 and items[j - 1].kind == "word" and (
                    g.is_("prepositions", items[j - 1].low) or items[j - 1].low in ("and", "or"))
                rel = self.relative_start(j) if filled and not linked else -1
                if rel >= 0:  # "the earthquake [that struck the region on March 28]"
                    verbs = [self.term(items[k], "subject") for k in range(rel + 1, j) if self.open_word(items[k])]
                    self.relative = verbs + cur
                    cur, filled, names, j = [], False, [], rel - 1
                    continue
                if filled and not linked:
                    break  # the phrase starts here, and nothing links it further left
            elif it.kind == "word" and (g.is_("conjunctions", it.low) or g.is_("pronouns", it.low)
                                        or g.is_("auxiliaries", it.low)):
                if not (it.low == "and" and j > 0 and items[j - 1].proper and filled):
                    break
            elif self.open_word(it):
                if cur and self.verb_of_change(j):
                    break  # "lift | two-way trade": a verb ends the phrase it governs
                if j < last and self.labels_figure(j):
                    filled = True  # "Magnitude 7.1 quake kills 40": the word is the other figure's
                elif len(cur) < MAX_PHRASE:
                    cur.insert(0, self.term(it, "subject"))
                filled = True
            elif self.part_owner(it) or it.proper or it.kind == "slot":
                whose = self.whose(it, cur)
                if whose is not None:
                    (names if whose.role == "owner" and not self.owner(it) else cur).insert(0, whose)
                filled = True  # a name or a number fills a phrase but does not name a measure
            j -= 1
        if filled:
            # "while Reyes finished with 196,530": a subject that is only a name says whose figure
            out.append(Chunk(cur or names, None, j))
        return out

    def labels_figure(self, j: int) -> bool:
        """Does the word at j label the number right after it ("magnitude 7.1", "Category 4")?
        Then it names that figure's measure, not that of a figure later in the sentence."""
        nxt = self.items[j + 1] if j + 1 < len(self.items) else None
        # (a word in its own form: not a verb's, "won 58 of the 200 seats", "winning 58 seats")
        return nxt is not None and nxt.kind == "slot" and self.items[j].lemma == self.items[j].low \
            and self.mentions[nxt.slot].kind not in ("date", "time", "weekday")

    # --- fallback: the clause's first noun phrase ----------------------------------------

    def topic(self, i: int, nouns_only: bool = False) -> list[Term]:
        """The first noun phrase of the clause the number is in (or of the sentence); with
        `nouns_only`, none when the clause opens with its verb ("It made landfall with winds of")."""
        start = 0
        for j in range(i - 1, -1, -1):
            if self.stop(self.items[j]) or self.items[j].low in SUBORDINATORS:
                start = j + 1  # ("a crowd of 41,208 watched as Marsh scored twice": the "as" clause's)
                break
        j = start
        owners = []
        while j < i and not self.open_word(self.items[j]):
            if self.owner(self.items[j]):
                owners.append(self.term(self.items[j], "owner"))
            if self.items[j].kind == "slot" and self.mentions[self.items[j].slot].kind in ("amount", "quantity"):
                return []  # "The $250 million production ... to open above $100 million": the topic is that figure's
            j += 1
        if nouns_only and j < i and self.participle(self.items[j]):
            return []
        terms, k = self.phrase_right(j, "topic") if j < i else ([], j)
        if terms and k < i and self.items[k].low == "of":  # "Sales of data-centre processors ... climbed"
            terms += self.phrase_right(self.skip(k + 1, ("determiners",)), "qualifier", 3)[0]
        if terms:  # "Nordhaven's smaller rival Kestrel Micro": the name in apposition is whose
            owners = self.names_from(k, i) or owners
        return owners + terms if terms else terms

    def whose(self, it: Item, cur: list[Term]) -> Term | None:
        """A possessor or a name in a phrase: "the unit's sales" (a part's figure: a qualifier),
        "Apple's revenue" (an owner), "Reyes finished" (a name alone before any word: an owner)."""
        if len(cur) >= MAX_PHRASE:
            return None
        if self.part_owner(it):
            return Term(lemma=without_possessive(it.lemma), role="qualifier", text=it.text)
        if self.owner(it) or (it.unknown_name and not cur):
            return self.term(it, "owner")
        return None

    def part_owner(self, it: Item) -> bool:
        """"the unit's", "the hospital's": a common noun's possessive, not the whole's own."""
        if it.kind != "word" or it.proper or not POSSESSIVE_RE.search(it.low):
            return False
        word = without_possessive(it.low)
        return not self.closed(it) and not self.g.is_("whole_owners", word) and not self.g.is_("people", word)

    def owner(self, it: Item) -> bool:
        """"Microsoft's revenue", "Haaland's goals": whose figure it is (a country's is the
        subject stage's business)."""
        return it.unknown_name and POSSESSIVE_RE.search(it.low) is not None


def _keep_qualifier(t: Term, role: str) -> Term:
    """A head phrase's words take the frame's role; a part's possessor stays a qualifier."""
    return t if t.role == "qualifier" else t.as_role(role)


def describe(items: list[Item], i: int, g: Grammar, mentions: list[Mention]) -> Descriptor:
    """The descriptor of the mention in slot `i`."""
    r = Reader(items, g, mentions)
    right = r.right(i)
    left = r.left(i)
    terms = right + left + r.whole_before(i) + r.per_unit(i) + r.whole_of_part(i)
    if not any(t.whose for t in terms):
        terms += r.list_owners(i)
    rule = _head_rule(terms, g)
    if not right and rule in (None, "verb") and not r.agent:  # "The toll from the quake, ..., has soared to 1,644"
        topic = [t for t in r.topic(i) if t.lemma not in {x.lemma for x in terms}]
        terms += topic
        rule = "topic" if topic else rule
    if rule is None and any(t.role == "qualifier" for t in terms):
        # "in nine of the 29 districts": a part of a counted whole counts what the whole does
        # (marked as a part, so that "12 of the 21 wards" is never read against "all 21 wards";
        # the whole is marked too: `whole_of_part`)
        terms = [t.as_role("counted") if t.role == "qualifier" else t for t in terms]
        terms.append(Term(lemma=PART, role="instance", text="of"))
        rule = _head_rule(terms, g)
    if any(_statistic(t, g) for t in terms):
        # "the national average", "its peak": which statistic of the measure, never the measure itself
        terms = [t.as_role("statistic") if _statistic(t, g) else t for t in terms]
        rule = rule if rule == "topic" else _head_rule(terms, g)
    rule = rule or "none"
    if rule in ("counted", "entity"):  # "destroyed 12,000 homes" is "12,000 homes destroyed"
        terms += [t.as_role("predicate") for t in terms if t.role == "verb" and g.is_("damage_verbs", t.lemma)]
    head = [t for t in terms if t.role == rule]
    if rule in ("counted", "n-of-x") and all(g.is_("people", t.lemma) for t in head):
        # "4,589 people were injured", "killing dozens of people": what happened to them
        pred = [t for t in terms if t.role == "predicate"]
        verb = [t for t in terms if t.role == "verb" and not g.is_("level_verbs", t.lemma)]
        if pred or verb:
            head, rule = (pred, "predicate") if pred else (verb, "verb")
    return Descriptor(terms=_dedupe(terms), head=[t.lemma for t in head], rule=_RULE_NAMES.get(rule, rule),
                      text=" ".join(t.text for t in head), names=r.names,
                      anaphor=r.anaphor and rule in ("verb", "none", "topic"))


COMPARATIVES = frozenset({"more", "less", "fewer"})
POSSESSIVE_DETERMINERS = frozenset({"their", "his", "her", "its", "our"})
SUBORDINATORS = frozenset({"as", "while", "when", "whereas", "because", "although", "though", "after",
                           "before", "if", "unless", "until"})  # words that open a clause of its own
RATE_KINDS = frozenset({"percent", "percentage_point", "multiplier"})


def comparison_at(items: list[Item], j: int) -> bool:
    """"higher than", "more than" at j: how the rate before it compares, not what it measures."""
    nxt = items[j:j + 2]
    return len(nxt) == 2 and nxt[1].low == "than" and (nxt[0].low in COMPARATIVES or nxt[0].low.endswith("er"))


LIST_GAP = 3  # items between a figure and the "and" or comma before the next: "11 rebounds, 7 assists"
STATISTIC_ROLES = ("topic", "subject", "modifier")  # phrases in which a statistic word names which statistic
PLACE_PREPOSITIONS = ("in", "across", "among")  # "in nine districts": a number of places, not the frame's
_PRIORITY = ("x-of-n", "n-of-x", "n-in-x", "counted", "entity", "predicate", "subject", "verb")
_RULE_NAMES = {"counted": "counted-noun", "subject": "frame", "verb": "frame"}


def _of_head(head: list[Term], g: Grammar) -> list[Term]:
    """The phrase before "of" as x-of-n terms: generic heads ("total") say nothing, a statistic
    word ("average") says which statistic."""
    return ([_keep_qualifier(t, "x-of-n") for t in head if not g.is_("generic_heads", t.lemma)]
            + [t.as_role("statistic") for t in head if g.is_("statistic_words", t.lemma)])


def _statistic(t: Term, g: Grammar) -> bool:
    return t.role in STATISTIC_ROLES and g.is_("statistic_words", t.lemma)


def _head_rule(terms: list[Term], g: Grammar) -> str | None:
    for role in _PRIORITY:
        if any(t.role == role and not g.is_("generic_heads", t.lemma) for t in terms):
            return role
    return None


def _dedupe(terms: list[Term]) -> list[Term]:
    seen: set[tuple[str, str]] = set()
    out = []
    for t in terms:
        if (t.lemma, t.role) not in seen:
            seen.add((t.lemma, t.role))
            out.append(t)
    return out



"""Claims stage: attach each mention to the fact it states.

A fact key is metric + subject + period (or as-of date) + aggregation + modality. Everything
this stage knows about words comes from rules/ (metrics, entities, scope); the code holds only
the small closed set of behaviours: nearest phrase wins, a counted noun right after the number
beats a phrase further away, scope words act on the values that follow them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .models import Article, Claim, Mention, Sentence
from .rules import RuleSet
from .text import fold, phrase_regex

VALUE_KINDS = {"amount", "count", "percent", "percentage_point", "multiplier", "quantity", "ordinal"}
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
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "sept", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "oct", "nov", "dec"}
MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBER_WORDS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split())}
YEAR_RE = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d%]|\s*(?:billion|million|trillion))")
BASE_BEFORE_RE = re.compile(r"(?:from|compared\s+(?:to|with)|than(?:\s+in)?|since|over|versus|vs\.?)\s*(?:the\s+same\s+period\s+(?:of|in)\s+)?$")
CHANGE_NEAR_RE = re.compile(r"%|per\s*cent|percent|times|fold|\b(?:up|down|increase\w*|ris\w+|grow\w*|surg\w+|jump\w*|fell|drop\w*|declin\w+)\b")
MONTH_RANGE_RE = re.compile(
    r"\b(?:from\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*(?:to|-|through|until|and)\s*"
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?,?\s*(?:(?:of\s+)?((?:19|20)\d\d)|period)")
FIRST_MONTHS_RE = re.compile(r"\b(?:first|past|last)\s+(\w+)\s+months\s+(?:of\s+(?:the\s+year\s+)?)?((?:19|20)\d\d)?")
HALF_RE = re.compile(r"\b(?:(first|second)\s+half\s+(?:of\s+)?|h([12])\s*)((?:19|20)\d\d)")
QUARTER_RE = re.compile(r"\b(?:(first|second|third|fourth)\s+quarter\s+(?:of\s+)?|q([1-4])\s*)((?:19|20)\d\d)")
RELATIVE_YEAR_RE = re.compile(r"\b(last year|previous year|past year|this year|the year before)\b")
AS_OF_RE = re.compile(r"\bas of\b")
# Words read between a count and the noun it counts.
COUNT_SKIP = {"more", "other", "additional", "new", "further", "lao", "vietnamese", "of", "the",
              "valid", "registered", "active", "local", "foreign", "international", "rural"}
PERSONS = {"people", "persons", "individuals", "others", "residents", "villagers", "victims",
           "civilians", "citizens", "inhabitants", "members"}
AUXILIARIES = {"are", "is", "was", "were", "have", "has", "had", "been", "be", "remain",
               "remained", "remains", "still", "reported", "confirmed", "known", "so", "far",
               "there", "now", "already", "also", "being", "to", "feared", "presumed", "believed"}
FUNCTION_WORDS = {"in", "on", "at", "by", "for", "from", "with", "and", "or", "to", "as", "than",
                  "across", "over", "under", "since", "during", "after", "before", "per", "into"}
ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4}


@dataclass
class Lexicon:
    """Rules compiled once per RuleSet."""

    metric_re: re.Pattern[str]
    metric_of: dict[str, str]
    noun_metric: dict[str, str]
    entity_re: re.Pattern[str]
    entity_of: dict[str, str]
    entity_kind: dict[str, str]
    scope: dict[str, tuple[re.Pattern[str], str, str]]
    rules: RuleSet


_LEXICONS: dict[str, Lexicon] = {}


def lexicon(rules: RuleSet) -> Lexicon:
    key = rules.version()
    if key not in _LEXICONS:
        metric_of = {fold(p): name for name, m in rules.metrics.items() for p in m.phrases}
        noun_metric = {fold(n): name for name, m in rules.metrics.items() for n in m.nouns}
        entity_of: dict[str, str] = {}
        for name, e in rules.entities.items():
            for alias in [name, *e.aliases]:
                entity_of[fold(alias)] = name
        scope = {k: (phrase_regex(s.phrases), s.sets, s.value) for k, s in rules.scope.items()}
        _LEXICONS[key] = Lexicon(
            metric_re=phrase_regex(list(metric_of) + list(noun_metric)),
            metric_of=metric_of, noun_metric=noun_metric,
            entity_re=_entity_regex(list(entity_of)), entity_of=entity_of,
            entity_kind={n: e.kind for n, e in rules.entities.items()}, scope=scope, rules=rules)
    return _LEXICONS[key]


def _entity_regex(aliases: list[str]) -> re.Pattern[str]:
    alts = sorted(set(aliases), key=lambda a: (-len(a), a))
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts) or r"(?!x)x"
    return re.compile(rf"(?<![\w$])(?:{body})(?:'s|’s)?(?![\w$])")


# --- places learned from the text ---------------------------------------------------------

@dataclass
class Places:
    """Sub-national places named as such in the corpus ("Lao Cai province", "hamlet of Lang Nu")."""

    level: dict[str, int]  # folded name -> 0 hamlet/village .. 4 region
    display: dict[str, str]  # folded name -> name as first written
    regex: re.Pattern[str] | None

    def find(self, folded: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), re.sub(r"\s+", " ", m.group()))
                for m in self.regex.finditer(folded)] if self.regex else []

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
        while words and (words[0].lower() in NOT_NAMES or not words[0][0].isupper()):
            words = words[1:]
        if not words or any(w.lower() in CALENDAR or not w[0].isupper() for w in words):
            return
        key = fold(" ".join(words))
        if key in known:
            return
        lvl = PLACE_WORDS[kind.lower().removesuffix("s").replace("citie", "city")]
        level[key] = min(lvl, level.get(key, 9))
        display.setdefault(key, " ".join(words))

    for text in texts:
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


def _countries(lex: Lexicon, folded: str, kinds=("country", "organisation")) -> list[tuple[int, str]]:
    """(position, entity) for every entity of these kinds named."""
    out = []
    for m in lex.entity_re.finditer(folded):
        name = lex.entity_of.get(re.sub(r"['’]s$", "", fold(m.group())))
        if name and lex.entity_kind.get(name) in kinds:
            out.append((m.start(), name))
    return out


def country_counts(lex: Lexicon, sentences: list[Sentence], places: Places) -> Counter:
    return Counter(c for s in sentences for _, c in _countries(lex, places.mask(fold(s.text))))


def default_subject(lex: Lexicon, article: Article, counts: Counter, places: Places) -> list[str]:
    """The countries an article is about: those its title names, else the most frequent ones."""
    if article.title:
        named = sorted({c for _, c in _countries(lex, places.mask(fold(article.title)))})
        if named:
            return named
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    return sorted(c for c, n in counts.items() if n >= max(2, top * 0.3) or n == top)


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


def sentence_subject(lex: Lexicon, ctx: ArticleContext, s: Sentence) -> list[str]:
    """Who or where a sentence's figures are about.

    The most specific place named wins, unless the sentence also names a country and the place
    is not written with its type ("Lang Nu hamlet" wins over "Vietnamese"; "hit Vietnam, made
    landfall in Quang Ninh, leaving 298 dead" is national). "the village" refers back to
    the last village named; a sentence that names nothing keeps the previous sentence's place."""
    folded = fold(s.text)
    ctx.order = []
    found = ctx.places.find(folded)
    countries = _countries(lex, ctx.places.mask(folded))
    if found and countries and not _typed_place(s.text, folded, found):
        found = []  # "hit Vietnam, made landfall in Quang Ninh, leaving 298 dead" is national
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
        return subject
    if countries:
        ctx.carried = []
        ctx.order = list(dict.fromkeys(c for _, c in countries))
        return sorted(ctx.order)
    people = _countries(lex, folded, kinds=("person",))
    if people:  # "President Thongloun met 45 delegates": about the person
        ctx.carried = []
        return sorted({p for _, p in people})
    if ctx.carried and (not _names_something(s.text) or THERE_RE.search(folded)):
        return ctx.carried
    ctx.carried = []
    return ctx.default_subject


def _typed_place(text: str, folded: str, found) -> bool:
    """Is a place written with its type ("Lang Nu hamlet", "In Lao Cai Province", "village of X")?"""
    typed = [fold(m.group(1)) for m in PLACE_RE.finditer(text)] + \
        [fold(m.group(2)) for m in PLACE_OF_RE.finditer(text)]
    return any(t.strip().endswith(place) for t in typed for _, _, place in found)


def _remember_kinds(ctx: ArticleContext, text: str, found) -> None:
    """Which place "the village" / "the province" will refer to next."""
    pairs = [(m.group(2), m.group(1)) for m in PLACE_RE.finditer(text)]
    pairs += [(m.group(1), m.group(2)) for m in PLACE_OF_RE.finditer(text)]
    for kind, name in pairs:
        key = fold(name.strip())
        for _, _, place in found:
            if key.endswith(place):
                ctx.last_place[kind.lower()] = place


def _names_something(text: str) -> bool:
    """Does the sentence name a proper noun (after its first word)? Then it opens a new topic."""
    words = re.findall(r"[\w'’-]+", text)[1:]
    return any(w[:1].isupper() and w.lower() not in CALENDAR and len(w) > 1 for w in words)

# --- attaching a mention ------------------------------------------------------------------

def _metric_for(lex: Lexicon, folded: str, m: Mention, values: list[Mention]) -> tuple[str | None, str | None]:
    """(metric, phrase) for a mention.

    Counts are named by what follows them: a metric phrase ("329 people dead and missing"), a
    counted noun ("276 projects"), or an unknown noun ("two leaders": a count of something else,
    no metric). Other values take the nearest phrase before them, else one after them in the
    same clause."""
    kind = _claim_kind(m)
    by_unit = next((name for name, r in lex.rules.metrics.items() if m.unit and m.unit in r.units), None)
    if by_unit:
        return by_unit, m.unit
    fits = [(h.start(), h.end(), h.group()) for h in lex.metric_re.finditer(folded)
            if kind in lex.rules.metrics[_name(lex, h.group())].kinds]
    if not fits:
        return None, None
    nxt = min((v.start for v in values if v.start >= m.end), default=len(folded))
    if kind == "count":
        named = _counted(lex, folded, m, nxt, fits)
        if named != "":
            return named
    elif (hit := _phrase_after(lex, folded, m.end, nxt, fits, max_words=3)):
        return hit
    # a counted noun before a count names other things ("five projects, including Wharf 3")
    before = [(a, b, p) for a, b, p in fits if b <= m.start
              and not (kind == "count" and re.sub(r"\s+", " ", p) in lex.noun_metric)]
    if before:
        a, b, p = max(before)
        return _name(lex, p), p
    clause_end = _clause_end(folded, m.end)
    after = [(a, b, p) for a, b, p in fits if m.end <= a < min(nxt, clause_end)]
    if after and not m.text.isalpha():
        a, b, p = min(after)
        return _name(lex, p), p
    return None, None


def _phrase_after(lex: Lexicon, folded: str, pos: int, stop: int, fits, max_words: int,
                  through: set[str] | None = None):
    """The metric phrase starting within `max_words` words after `pos`, not crossing punctuation
    nor (when `through` is given) any word outside `through`."""
    words = list(re.finditer(r"[a-z][a-z'-]*|[^\sa-z]", folded[pos:stop]))[:max_words + 1]
    for w in words:
        if not w.group()[0].isalpha():
            return None
        hit = _phrase_at(lex, fits, pos + w.start())
        if hit:
            return hit
        if through is not None and w.group() not in through:
            return None
    return None


def _counted(lex: Lexicon, folded: str, m: Mention, nxt: int, fits):
    """Metric of a count from the words after it; "" when they say nothing either way."""
    tail = folded[m.end:nxt]
    if re.match(r"-[a-z]", tail):
        return None, None  # "a 30-storey building", "a two-day visit": a modifier, not a count
    words = list(re.finditer(r"[a-z][a-z'-]*|[^\sa-z]", tail))
    i = 0
    while i < len(words) and words[i].group() in COUNT_SKIP:
        i += 1
    if i >= len(words) or not words[i].group()[0].isalpha():
        return ""
    first = words[i].group()
    at = m.end + words[i].start()
    if first in FUNCTION_WORDS:
        return ""  # "climbed to 141 in Vietnam": named before the number, if at all
    if first in AUXILIARIES:
        return _phrase_after(lex, folded, at, nxt, fits, max_words=7, through=AUXILIARIES) or ""
    own = _phrase_at(lex, fits, at)
    if first in PERSONS or (own and own[0] in lex.noun_metric.values()):
        later = _phrase_after(lex, folded, at + len(first), nxt, fits, max_words=7, through=AUXILIARIES)
        if later and later[0] not in lex.noun_metric.values():
            return later
        if own:
            return own
        return "" if first in PERSONS else (None, None)
    if own:
        return own
    return None, None  # "two leaders", "1,500 schools": a count of something without a metric


def _phrase_at(lex: Lexicon, fits, at: int):
    for a, b, p in fits:
        if a == at:
            return _name(lex, p), p
    return None


def _name(lex: Lexicon, phrase: str) -> str:
    key = re.sub(r"\s+", " ", phrase)
    return lex.noun_metric.get(key) or lex.metric_of[key]


def _clause_end(folded: str, pos: int) -> int:
    m = re.compile(r"[;:(]|,\s+(?:while|but|and|which|bringing|with)\b|\.\s").search(folded, pos)
    return m.start() if m else len(folded)


def _claim_kind(m: Mention) -> str:
    if m.kind == "count" and m.unit and m.unit not in ("", "ordinal"):
        return "quantity"
    return m.kind


def _scope(lex: Lexicon, folded: str, m: Mention, sets: str, window: int = 70) -> list[tuple[int, str, str]]:
    """Scope words of one kind acting on the mention: (distance, value, phrase), nearest first."""
    lo = max(0, m.start - window)
    out = []
    for key, (rx, s, value) in lex.scope.items():
        if s != sets:
            continue
        for h in rx.finditer(folded, lo, min(len(folded), m.end + 25)):
            if h.end() <= m.start:
                out.append((m.start - h.end(), value, h.group()))
            elif h.start() >= m.end and sets != "modality":
                out.append((h.start() - m.end + 5, value, h.group()))
    return sorted(out)


def _modality(lex: Lexicon, folded: str, m: Mention) -> tuple[str, str | None]:
    hits = _scope(lex, folded, m, "modality", window=90)
    if not hits:
        return "actual", None
    # a baseline right before the value ("from US$2.2 billion") is actual, whatever came earlier
    close_actual = [h for h in hits if h[1] == "actual" and h[0] <= 25]
    if close_actual:
        return "actual", close_actual[0][2]
    _, value, phrase = hits[0]
    return value, phrase


# --- periods ------------------------------------------------------------------------------

def _month(word: str) -> int:
    return MONTHS["sept" if word.startswith("sept") else word[:3]]


def _year_of_months(last_month: int, year: int | None, today: str | None) -> str | None:
    """"January-October" without a year: the article's year, or the year before when the
    article was published before those months ended."""
    if not year:
        return None
    month = int(today[5:7]) if today and len(today) >= 7 else 12
    return str(year if last_month < month or (last_month == month == 12) else year - 1)


def periods(folded: str, year: int | None, today: str | None = None) -> list[tuple[int, int, str]]:
    """Period expressions in a sentence: (start, end, "2025" | "2025-01/2025-10")."""
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, label: str) -> None:
        if not any(a < y and x < b for x, y in taken):
            out.append((a, b, label))
            taken.append((a, b))

    for m in MONTH_RANGE_RE.finditer(folded):
        a, b = _month(m.group(1)), _month(m.group(2))
        y = m.group(3) or _year_of_months(b, year, today)
        if y and a <= b:
            add(m.start(), m.end(), f"{y}-{a:02d}/{y}-{b:02d}")
    for m in FIRST_MONTHS_RE.finditer(folded):
        n = NUMBER_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        y = m.group(2) or _year_of_months(n, year, today)
        if 0 < n <= 12 and y:
            add(m.start(), m.end(), f"{y}-01/{y}-{n:02d}")
    for m in HALF_RE.finditer(folded):
        first = (m.group(1) == "first") or m.group(2) == "1"
        add(m.start(), m.end(), f"{m.group(3)}-{'01' if first else '07'}/{m.group(3)}-{'06' if first else '12'}")
    for m in QUARTER_RE.finditer(folded):
        q = ORDER.get(m.group(1) or "", 0) or int(m.group(2))
        add(m.start(), m.end(), f"{m.group(3)}-{3 * q - 2:02d}/{m.group(3)}-{3 * q:02d}")
    for m in re.finditer(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", folded):
        add(m.start(), m.end(), f"{m.group(1)}/{m.group(2)}")
    for m in YEAR_RE.finditer(folded):
        before = folded[max(0, m.start() - 45):m.start()]
        if BASE_BEFORE_RE.search(before) and (not before.rstrip().endswith("from") or CHANGE_NEAR_RE.search(before)):
            continue  # "up 50% from 2024": the base of a comparison, not the period
        if re.match(r"\s*(?:[-–]|to)\s*(?:19|20)\d\d", folded[m.end():]):
            continue
        prefix = folded[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{0,2},?\s*$", prefix):
            continue  # part of a full date, not a period
        add(m.start(), m.end(), m.group(1))
    if year:
        for m in RELATIVE_YEAR_RE.finditer(folded):
            y = year if m.group(1) == "this year" else year - 1
            add(m.start(), m.end(), str(y))
    return sorted(out)


def _period_for(found: list[tuple[int, int, str]], m: Mention, values: list[Mention]) -> str | None:
    nxt = min((v.start for v in values if v.start > m.start and v.kind == m.kind), default=10**9)
    after = [p for p in found if m.end <= p[0] < nxt]
    if after:
        return after[0][2]
    before = [p for p in found if p[1] <= m.start]
    return before[-1][2] if before else None


def _as_of(folded: str, values: list[Mention], article: Article) -> str | None:
    """Explicit "as of <date>" in the sentence, else the article's date."""
    for m in AS_OF_RE.finditer(folded):
        for v in values:
            if v.kind == "date" and m.end() <= v.start <= m.end() + 40 and isinstance(v.value, str):
                return _resolve_date(v.value, article)
    return article.date


def _resolve_date(value: str, article: Article) -> str:
    if value.startswith("--") and article.date:
        return f"{article.date[:4]}{value[1:]}"
    return value


# --- the stage ----------------------------------------------------------------------------

def claims_for_sentence(lex: Lexicon, ctx: ArticleContext, s: Sentence, mentions: list[Mention],
                        next_id) -> list[Claim]:
    folded = fold(s.text)
    subject = sentence_subject(lex, ctx, s)
    found = periods(folded, ctx.year, ctx.article.date)
    values = [m for m in mentions if m.kind in VALUE_KINDS]
    out: list[Claim] = []
    base_by_pos: list[tuple[int, Claim]] = []
    for m in mentions:
        kind = _claim_kind(m)
        metric, phrase, notes = None, None, []
        period = aggregation = None
        modality = "actual"
        high, low = m.high, m.low
        claim_subject = subject
        if m.kind in VALUE_KINDS:
            metric, phrase = _metric_for(lex, folded, m, values)
            if kind in ("percent", "percentage_point", "multiplier") and _is_change(lex, folded, m):
                direct = metric and lex.rules.metrics[metric].aggregation == "change"
                if not direct:
                    base = _nearest_base(base_by_pos, m)
                    if base is not None and base.metric:
                        metric, phrase = f"{base.metric}.growth", base.metric_phrase
                        period = base.period
                        notes.append(f"growth of {base.text}")
                    else:
                        metric = None
            modality, mod_phrase = _modality(lex, folded, m)
            if mod_phrase:
                notes.append(mod_phrase)
        if metric:
            rule = lex.rules.metrics.get(metric.split(".")[0])
            if rule and rule.parties == 2:
                claim_subject = two_sided(subject, ctx, rule.directional)
            aggregation = "change" if "." in metric else (rule.aggregation if rule else "flow")
            scope_aggr = _scope(lex, folded, m, "aggregation")
            if aggregation == "flow" and any(v == "stock" for d, v, p in scope_aggr if d < 60):
                aggregation = "stock"
                notes += [p for d, v, p in scope_aggr if v == "stock"][:1]
            if aggregation in ("flow", "stock", "count", "property") and _by_change(folded, m):
                aggregation = "change"
            if aggregation == "flow" and period is None:
                period = _period_for(found, m, values)
            elif aggregation in ("stock", "count"):
                as_of = _as_of(folded, mentions, ctx.article)
                period = f"as of {as_of}" if as_of else None
            thresholds = _scope(lex, folded, m, "period")
            if m.hedge in ("above", "at_least") and any(v == "threshold" and d < 45 for d, v, p in thresholds):
                high = None  # "passed the $2 billion mark": a floor, not an estimate
                notes.append("threshold")
        claim = Claim(
            id=next_id(), article=s.article, kind=kind, metric=metric, metric_phrase=phrase,
            subject=(claim_subject if metric else []), period=period,
            aggregation=aggregation or "flow", modality=modality,
            value=_resolve_date(m.value, ctx.article) if isinstance(m.value, str) else m.value,
            unit=m.unit, hedge=m.hedge, low=low, high=high, text=m.text, quote=s.text,
            line=s.line, column=s.column + m.start if s.start >= 0 else 1, headline=s.headline,
            twin=m.twin, scope_notes=notes)
        if kind in ("amount", "count", "quantity") and metric:
            base_by_pos.append((m.start, claim))
        out.append(claim)
    return out + _sums(lex, out, next_id)


def _is_change(lex: Lexicon, folded: str, m: Mention) -> bool:
    return any(d < 40 for d, v, p in _scope(lex, folded, m, "aggregation") if v == "change")


def _by_change(folded: str, m: Mention) -> bool:
    """'rising by 13', 'up by 2 billion', 'seven more bodies': the value is a change, not a level."""
    if re.match(r"\s+(?:more|additional|further|new)\b", folded[m.end:]):
        return True
    return bool(re.search(r"\b(?:ris\w*|increas\w*|grow\w*|gain\w*|up|down|fell|drop\w*|declin\w*|"
                          r"jump\w*|climb\w*|surg\w*)\s+by\s+(?:\w+\s+)?$", folded[max(0, m.start - 30):m.start]))


def _nearest_base(bases: list[tuple[int, Claim]], m: Mention) -> Claim | None:
    before = [c for pos, c in bases if pos < m.start]
    return before[-1] if before else (bases[0][1] if bases else None)


def _sums(lex: Lexicon, claims: list[Claim], next_id) -> list[Claim]:
    """'292 dead, with 38 missing' also states 330 dead and missing (metrics with sum_of)."""
    out = []
    for name, rule in lex.rules.metrics.items():
        if not rule.sum_of:
            continue
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
                high=sum(p.high for p in parts), text=" + ".join(p.text for p in parts),
                scope_notes=[f"sum of {' and '.join(rule.sum_of)}"])))
    return out


def build_context(lex: Lexicon, article: Article, sentences: list[Sentence], places: Places) -> ArticleContext:
    year = int(article.date[:4]) if article.date else None
    counts = country_counts(lex, sentences, places)
    partners = [c for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:2]
    return ArticleContext(article=article, default_subject=default_subject(lex, article, counts, places),
                          year=year, places=places, partners=partners)

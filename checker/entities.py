"""Entity finder: the countries, organisations, people, places and other proper names a sentence
names, for the claims stage (who or what a figure is about).

Known entities come from the rules (`[entities.*]`: countries generated from mledoze/countries,
organisations, a newsroom's own people and places). Names, aliases and demonyms match with case
and diacritics folded but must start with a capital ("Turkey", not "turkey"; "Chinese", not
"china"); codes match exactly as written ("US", not "us"), and not in all-capital text.

Everything else is read from the shape of the text: a run of capitalised words (with connectors
such as "of", "bin", "al-", initials, a number in "Boeing 787" or "Euro 2024") is a proper noun,
typed by the words around it (rules/names.toml): a title before it makes a person ("Prime
Minister Sonexay Siphandone", "coach Pep Guardiola"), a place word a place ("Lao Cai province"),
an organisation or event word an organisation or event ("Manchester United", "Typhoon Yagi").
A sentence's first word counts only if it is not a common opener and not a lone ordinary word
("Rescuers found..."); headlines in title case or capitals give known entities only.

Mentions do not overlap, except that an organisation named after a country ("Bank of Japan",
"Chinese Foreign Ministry") is returned whole and the country inside it is returned too.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from typing import Iterator, NamedTuple, Sequence

from .rules import RuleSet
from .text import fold, trie_regex, without_possessive

FUZZY_TOKEN = 88  # rapidfuzz ratio for one word spelled two ways ("Zelensky"/"Zelenskyy")
_PRIORITY = {"name": 3, "alias": 2, "demonym": 1}  # a country's own name beats a demonym
_KNOWN = "\x00"  # the word of a token that is a known entity: in no word list
_SENTENCE_END = ".!?:"
_OPENING = " \t\r\n([—–-"
_QUOTES = "\"'“‘"
PREFIX_ENDS = "-'"  # a connector ending so is a prefix: "al-Sisi", "d'Ivoire"


class EntityMention(NamedTuple):
    """One entity named in a text: where, as written, and what it is. (A NamedTuple: immutable
    and cheap to build, which counts at several per sentence.)"""

    start: int
    end: int
    text: str
    name: str  # canonical ("Vietnam" for "Viet Nam's"), else the name as written
    kind: str  # country, organisation, person, place, event, name
    via: str  # alias, demonym, code, proper_noun
    title: str | None = None  # "Prime Minister" of "Prime Minister Sonexay Siphandone"


class _Known(NamedTuple):
    name: str
    kind: str
    via: str


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    word: str  # folded, possessive off; _KNOWN for a known entity
    known: _Known | None = None
    connector: bool = False
    number: bool = False
    last: bool = False  # a name ends after it: "Vietnam's", "London-bound"


@dataclass(slots=True)
class _Segment:
    toks: list[_Tok]
    title: str | None  # set: the segment is the person this title names


@dataclass(frozen=True)
class _Words:
    """The word lists of rules/names.toml, folded."""

    titles: frozenset[tuple[str, ...]]  # any case
    titles_cap: frozenset[tuple[str, ...]]  # only capitalised
    title_starts: frozenset[str]
    title_ends: frozenset[str]  # last words of titles written in any case
    modifiers: frozenset[str]
    place: frozenset[str]
    organisation: frozenset[str]
    organisation_or_event: frozenset[str]
    not_alone: frozenset[str]  # never a name on their own: titles, openers, "Party", "Parties"
    end_kind: dict[str, str]  # organisation, event or place word -> its kind, in that order
    start_kind: dict[str, str]  # event or place word that starts a name ("Typhoon", "Lake")
    connectors: frozenset[str]
    joiners_org: frozenset[str]  # "Centers for Disease Control"
    joiners_of: frozenset[str]  # "Ministry of Industry and Trade"
    possessive_inside: frozenset[str]
    adjective_suffixes: frozenset[str]
    openers: frozenset[str]
    stop: frozenset[str]
    function: frozenset[str]  # lower-case words a title-case headline keeps (openers, connectors)
    calendar: frozenset[str]
    breaks: frozenset[str]  # stop, calendar and unit words: a name stops there
    identifier: frozenset[str]  # "Boeing" in "Boeing 787" (as written)
    years: tuple[int, int]


@dataclass
class _Finder:
    """Everything find_entities needs, compiled once per RuleSet."""

    words: _Words
    forms: dict[str, _Known]  # folded form, single-spaced -> entity
    codes: dict[str, _Known]  # code as written -> entity
    forms_at: dict[str, tuple[str, ...]]  # a form's first word -> the forms, longest first
    codes_at: dict[str, tuple[str, ...]]
    spellings: dict[str, list[str]]  # canonical name -> its folded forms
    money: frozenset[str]  # currency signs: "US$" is no code, "$" ends no name
    run_re: re.Pattern[str]
    place_after_re: re.Pattern[str]
    content_word_re: re.Pattern[str]  # a lower-case word that is no function word
    org_of_re: re.Pattern[str]  # "Ministry of ", "Department of "
    title_max: int


# --- compiling the rules ---------------------------------------------------------------------

_CACHE: dict[str, _Finder] = {}
_BY_ID: dict[int, tuple[RuleSet, _Finder]] = {}


def _finder(rules: RuleSet) -> _Finder:
    hit = _BY_ID.get(id(rules))
    if hit is not None and hit[0] is rules:  # version() hashes every rule: not per sentence
        return hit[1]
    key = rules.version()
    if key not in _CACHE:
        _CACHE[key] = _compile(rules)
    if len(_BY_ID) > 16:
        _BY_ID.clear()
    _BY_ID[id(rules)] = (rules, _CACHE[key])
    return _CACHE[key]


def _lexicon(rules: RuleSet, key: str) -> list[str]:
    entry = rules.lexicon.get(key)
    return entry.words if entry else []


def _folded(rules: RuleSet, *keys: str) -> frozenset[str]:
    return frozenset(fold(w) for key in keys for w in _lexicon(rules, key))


def _phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(w).split()) for w in words if w.strip())


def _not_alone(rules: RuleSet, titles: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """Words that name nothing on their own: one-word titles, sentence openers, organisation,
    place and event words and their plurals ("the President", "With", "the Parties")."""
    kinds = _folded(rules, "name_organisation_words", "name_place_words", "name_event_words")
    plurals = {w + "s" for w in kinds} | {w[:-1] + "ies" for w in kinds if w.endswith("y")}
    return (frozenset(t[0] for t in titles if len(t) == 1) | _folded(rules, "name_sentence_openers")
            | kinds | plurals)


def _kinds(rules: RuleSet, kinds: tuple[str, ...]) -> dict[str, str]:
    """Word -> the first of `kinds` whose word list has it."""
    out: dict[str, str] = {}
    for kind in reversed(kinds):
        out.update(dict.fromkeys(_folded(rules, f"name_{kind}_words"), kind))
    return out


def _word_lists(rules: RuleSet) -> _Words:
    person_titles = [t for e in rules.entities.values() for t in e.titles]
    years = [int(w) for w in _lexicon(rules, "year_range") if w.isdigit()] or [1800, 2100]
    titles = _phrases(_lexicon(rules, "name_titles"))
    titles_cap = _phrases(_lexicon(rules, "name_titles_capitalised") + person_titles)
    calendar = frozenset(fold(w).rstrip(".") for d in rules.date_words.values() for w in d.words)
    # "40 degrees Celsius", "on the Richter scale": capitalised words of unit names
    units = frozenset(fold(x) for u in rules.units.values() for a in u.aliases for x in a.split()
                      if x.istitle() and x.isalpha() and len(x) > 3)
    return _Words(
        titles=titles, titles_cap=titles_cap,
        title_starts=frozenset(t[0] for t in titles | titles_cap),
        title_ends=frozenset(t[-1] for t in titles),
        modifiers=_folded(rules, "name_title_modifiers"),
        place=_folded(rules, "name_place_words"),
        organisation=_folded(rules, "name_organisation_words"),
        organisation_or_event=_folded(rules, "name_organisation_words", "name_event_words"),
        not_alone=_not_alone(rules, titles | titles_cap),
        end_kind=_kinds(rules, ("organisation", "event", "place")),
        start_kind=_kinds(rules, ("event", "place")),
        connectors=_folded(rules, "name_connectors"),
        joiners_org=_folded(rules, "name_joiners_after_organisation_word"),
        joiners_of=_folded(rules, "name_joiners_in_of_phrase"),
        possessive_inside=_folded(rules, "name_possessive_inside"),
        adjective_suffixes=_folded(rules, "name_adjective_suffixes"),
        openers=_folded(rules, "name_sentence_openers"),
        stop=_folded(rules, "name_stopwords"),
        function=_folded(rules, "name_sentence_openers", "name_connectors"),
        calendar=calendar,
        breaks=_folded(rules, "name_stopwords") | calendar | units,
        identifier=frozenset(w for w in _lexicon(rules, "identifier_prefix") if " " not in w),
        years=(min(years), max(years)),
    )


def _known_forms(rules: RuleSet) -> tuple[dict[str, _Known], dict[str, _Known], dict[str, list[str]]]:
    forms: dict[str, tuple[int, _Known]] = {}
    codes: dict[str, _Known] = {}
    spellings: dict[str, list[str]] = {}
    stop_codes = set(_lexicon(rules, "name_code_stopwords"))
    for name, e in rules.entities.items():
        written = [(name, "name"), *((a, "alias") for a in e.aliases if a not in e.demonyms),
                   *((d, "demonym") for d in e.demonyms),
                   *((d + "s", "demonym") for d in e.demonyms if not d.endswith("s"))]
        for form, how in written:
            key = " ".join(fold(form).split())
            rank = _PRIORITY[how]
            if key and rank >= forms.get(key, (0, None))[0]:  # later rules files win ties
                forms[key] = (rank, _Known(name, e.kind, "alias" if how == "name" else how))
        spellings[name] = [" ".join(fold(f).split()) for f, _ in written]
        for code in e.codes:
            if code not in stop_codes:
                codes[code] = _Known(name, e.kind, "code")
    return {k: v for k, (_, v) in forms.items()}, codes, spellings


def _chars(keep) -> str:
    """Every character of the scripts news is written in (Latin, Greek, Cyrillic, their
    extensions, currency signs) that `keep` accepts, as the body of a character class."""
    ranges: list[list[int]] = []
    for cp in range(0x20, 0x2100):
        if keep(chr(cp)):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


def _token_patterns(w: _Words, rules: RuleSet, up: str, money: str) -> tuple[str, str, str, str]:
    """(first token, token, connector, number) patterns of a capitalised run."""
    abbrevs = sorted({x for x in _lexicon(rules, "name_titles") + _lexicon(rules, "name_titles_capitalised")
                      + _lexicon(rules, "name_place_words") if x.endswith(".") and " " not in x})
    prefixes = trie_regex(sorted(c for c in w.connectors if c[-1] in PREFIX_ENDS))
    # After a word's capital: the word ("O'Brien", "AT&T", "U.S", "Jae-myung"), then a period
    # if it ends an initial ("J.", "U.S.") or an abbreviation ("Dr."): look-behinds tried only
    # at a period, as this regex runs at every capital. "US$5 billion": a word glued to a
    # currency sign is part of the amount, not a name.
    abbr = "".join(f"|(?<={re.escape(a[0].upper() + a[1:])})" for a in abbrevs)
    rest = (rf"\w*(?:['’.&]\w+|-(?![{up}])\w+)*"
            rf"(?:\.(?!\w)(?:(?<=[^\W\d_]\.)(?<![^\s.][^\W\d_]\.){abbr}))?(?![\w{money}%])")
    # A run starts with a bare capital, which the regex engine finds fast; the look-behind after
    # it checks that the capital starts a word.
    first = rf"[{up}](?<![\w'’-].){rest}"
    token = rf"(?:(?:{prefixes})(?=[{up}]))?[{up}]{rest}"
    connector = rf"(?:{trie_regex(sorted(c for c in w.connectors if c[-1] not in PREFIX_ENDS))})(?![\w'-])"
    number = r"\d{1,4}(?:-\d{1,4})?(?![\w%]|[.,:-]\d)"  # "Flight 171", "Boeing 787-8"
    return first, token, connector, number


def _index(forms, fold_key) -> dict[str, tuple[str, ...]]:
    """First word (as a run's word prints it: up to a space or a hyphen, "Guinea" of
    "Guinea-Bissau"; "OPEC" of "OPEC+") -> the forms it starts, longest first."""
    out: dict[str, list[str]] = {}
    for form in forms:
        for first in {form.split()[0], re.split(r"[\s-]", form)[0], form.split()[0].rstrip("+")}:
            out.setdefault(fold_key(first), []).append(form)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}


def _compile(rules: RuleSet) -> _Finder:
    w = _word_lists(rules)
    forms, codes, spellings = _known_forms(rules)
    up = _chars(lambda c: c.isupper() or c.istitle())
    money = _chars(lambda c: unicodedata.category(c) == "Sc")  # $ € £ ¥ ₫ ...
    first, token, connector, number = _token_patterns(w, rules, up, money)
    spaced = r"\s+"
    place = trie_regex(sorted(w.place), space=spaced)
    return _Finder(
        words=w, forms=forms, codes=codes, spellings=spellings,
        # Known forms are looked up where a word of a capitalised run starts.
        forms_at=_index(forms, str), codes_at=_index(codes, str),
        money=frozenset(c for c in map(chr, range(0x20, 0x2100)) if unicodedata.category(c) == "Sc"),
        # "Vietnam-Laos", "Coca-Cola": a hyphen before a capital joins two words of a run.
        # The group is set when the run has more than one word.
        run_re=re.compile(rf"{first}(?P<more>(?:(?:\s+(?:{connector}\s+){{0,3}}|-){token})+)?"
                          rf"(?:\s+(?P<num>{number}))?"),
        place_after_re=re.compile(rf"\s+(?:{place})(?![\w-])(?!\s+of\b)"),
        content_word_re=re.compile(
            rf"(?<![\w'’-])(?!(?:{trie_regex(sorted(w.function))})(?![\w'’-]))[a-z]+(?![\w'’-])"),
        org_of_re=re.compile(rf"(?<![\w-])(?:{trie_regex(sorted(w.organisation), space=spaced)})\s+of\s"),
        title_max=max((len(t) for t in w.titles | w.titles_cap), default=1),
    )


# --- finding ---------------------------------------------------------------------------------

class Found:
    """`find_entities` for one run, by text: the answers the extraction stage already gave (it
    reads every sentence, and the cache keeps what it read), the rest found once here."""

    def __init__(self, rules: RuleSet, known: dict[str, list[EntityMention]] | None = None) -> None:
        self.rules = rules
        self.known = known if known is not None else {}

    def __call__(self, text: str) -> list[EntityMention]:
        got = self.known.get(text)
        if got is None:
            got = self.known[text] = find_entities(text, self.rules)
        return got


def find_entities(text: str, rules: RuleSet) -> list[EntityMention]:
    """Every entity `text` names, in order of position (see the module docstring)."""
    f = _finder(rules)
    folded = fold(text)
    style = _style(f, text)
    out: list[EntityMention] = []
    for toks in _groups(f, text, folded, codes=style != "upper"):
        if style == "normal":
            _read_group(f, text, folded, toks, out)
        else:  # a headline's capitals say nothing: known entities only
            out.extend(_known_mention(text, t) for t in toks if t.known)
    if len(out) > 1:
        out.sort(key=lambda m: (m.start, -m.end))
    return out


def _style(f: _Finder, text: str) -> str:
    """normal, title (headline case: only function words in lower case) or upper."""
    if f.content_word_re.search(text):
        return "normal"
    return "upper" if text.upper() == text else "title"


def _groups(f: _Finder, text: str, folded: str, codes: bool) -> list[list[_Tok]]:
    """Runs of capitalised words, their words read as known entities where they start one, a
    run joined to the next where a known entity spans both ("Bosnia and Herzegovina") or an
    organisation's name goes on ("Ministry of Industry and Trade"); then cut at possessives,
    dates and stop words."""
    groups: list[list[_Tok]] = []
    cur: list[_Tok] = []
    cur_start = end = known_end = 0
    for run in f.run_re.finditer(text):
        a, b = run.span()
        if cur and a >= end and (a - end > 6 or not _joins(f, folded, cur, cur_start, end, a)):
            if len(cur) == 1 and cur[0].word not in f.words.breaks:
                groups.append(cur)
            else:
                _cut(f, text, cur, groups)
            cur = []
        if not cur:
            cur_start = a
        if a >= known_end and run.lastindex is None:  # one word: most runs
            tok = _word(f, text, folded, a, b, codes)
            cur.append(tok)
            known_end = tok.end if tok.known else known_end
        else:
            for s, e in _pieces_of_run(text, a, b):
                if s >= known_end:  # else inside a known entity already read
                    tok = _token(f, text, folded, s, e, codes)
                    cur.append(tok)
                    if tok.known:
                        known_end = tok.end
        end = b if b > known_end else known_end
    if len(cur) == 1 and cur[0].word not in f.words.breaks:
        groups.append(cur)
    elif cur:
        _cut(f, text, cur, groups)
    return groups


def _joins(f: _Finder, folded: str, cur: list[_Tok], start: int, end: int, nxt: int) -> bool:
    """Does an organisation's name go on over a lower-case word? "Centers for Disease Control"
    (after an organisation word), "Ministry of Industry and Trade" (inside its "of" part); not
    "the Bank of Japan and General Motors" (a known name ends the first)."""
    if cur[-1].known or cur[-1].last:
        return False
    gap = folded[end:nxt].split()
    w = f.words
    if gap == [] or len(gap) > 1:
        return False
    if gap[0] in w.joiners_org:
        return cur[-1].word in w.organisation or cur[-1].word[:-1] in w.organisation
    return gap[0] in w.joiners_of and f.org_of_re.search(folded, start, end) is not None


def _pieces_of_run(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each word of a run: split at spaces, and at a hyphen before a capital
    ("Vietnam-Laos", "al-Sisi"; not "Jae-myung")."""
    out = []
    pos = a
    for piece in text[a:b].split():
        s = text.find(piece, pos)
        pos = e = s + len(piece)
        cut = piece.find("-")
        while 0 < cut < len(piece) - 1:
            if piece[cut + 1].isupper():
                out.append((s, s + cut))
                s, piece = s + cut + 1, piece[cut + 1:]
                cut = piece.find("-")
            else:
                cut = piece.find("-", cut + 1)
        out.append((s, e))
    return out


def _token(f: _Finder, text: str, folded: str, s: int, e: int, codes: bool) -> _Tok:
    word = folded[s:e]
    if not text[s].isupper() and (word in f.words.connectors or word + "-" in f.words.connectors):
        return _Tok(s, e, word, connector=True)  # "of", "bin", "al" of "al-Sisi"; not "Van"
    if word[0].isdigit():
        return _Tok(s, e, word, number=True)
    return _word(f, text, folded, s, e, codes)


def _word(f: _Finder, text: str, folded: str, s: int, e: int, codes: bool) -> _Tok:
    """A capitalised word: a known entity if one starts here (the longest, possibly running on
    past the word: "Bosnia and Herzegovina"), else itself."""
    raw = folded[s:e]
    forms = f.forms_at.get(raw) or (raw[-1] == "s" and f.forms_at.get(raw[:-2]))  # "Vietnam's"
    if forms and forms[0] == raw:  # the word itself, the longest form it starts: most hits
        known: tuple[int, _Known] | None = (e, f.forms[raw])
    else:
        known = _form_at(f, folded, s, forms) if forms else None
    if codes:
        written = text[s:e]
        found = f.codes_at.get(written) or (written[-1] == "s" and f.codes_at.get(written[:-2]))
        code = _code_at(f, text, s, found) if found else None
        if code and (not known or code[0] > known[0]):  # "UAE" over a name it starts
            known = code
    if known:
        tok = _Tok(s, known[0], _KNOWN, known[1])
    elif raw[-2:] in ("'s", "’s"):  # "People's Committee" goes on, "Apple's Tim Cook" does not
        return _Tok(s, e - 2, raw[:-2], last=raw[:-2] not in f.words.possessive_inside)
    else:
        tok = _Tok(s, e, raw)
        if "-" in raw:
            _cut_adjective(f.words, tok)
    if text[tok.end:tok.end + 1] in ("'", "’", "-"):
        _mark_last(f.words, folded, tok)
    return tok


def _form_at(f: _Finder, folded: str, s: int, forms: tuple[str, ...]) -> tuple[int, _Known] | None:
    """(end, entity) of the longest of these folded forms written at `s`, with any run of
    spaces between its words, not followed by a letter or digit."""
    for form in forms:
        end = s + len(form) if folded.startswith(form, s) else _spaced_end(folded, s, form)
        if end > 0 and not (folded[end:end + 1].isalnum() or folded[end:end + 1] == "_"):
            return end, f.forms[form]
    return None


def _code_at(f: _Finder, text: str, s: int, codes: tuple[str, ...]) -> tuple[int, _Known] | None:
    """(end, entity) of the longest of these codes written at `s`, exactly; not before a letter,
    a currency sign ("US$"), "&" or a period that goes on ("U.S.-China" is a code, "U.S.A" not)."""
    for code in codes:
        end = s + len(code)
        after = text[end:end + 1]
        if text.startswith(code, s) and not (
                after.isalnum() or after in f.money or after in ("_", "&")
                or (after == "." and text[end + 1:end + 2].isalnum())):
            return end, f.codes[code]
    return None


def _spaced_end(folded: str, s: int, form: str) -> int:
    """End of a multi-word form at `s` when the text puts other spaces between its words
    ("Bosnia  and\nHerzegovina"); -1 if it is not there."""
    first = form.find(" ")
    if first < 0 or (folded[s + first:s + first + 1] == " " and not folded[s + first + 1:s + first + 2].isspace()):
        return -1  # one space after the first word, as in the form: startswith has decided
    pos = s
    for i, word in enumerate(form.split(" ")):
        if i:
            start = pos
            while folded[pos:pos + 1].isspace():
                pos += 1
            if pos == start:
                return -1
        if not folded.startswith(word, pos):
            return -1
        pos += len(word)
    return pos


def _cut_adjective(w: _Words, tok: _Tok) -> None:
    """"London-bound": the name is "London" and ends there."""
    head, _, tail = tok.word.rpartition("-")
    if head and tail in w.adjective_suffixes:
        tok.end -= len(tail) + 1
        tok.word, tok.last = head, True


def _mark_last(w: _Words, folded: str, t: _Tok) -> None:
    """After a known name: "Vietnam's", "Laos'" (possessives) and "Vietnam-based" end it."""
    tail = folded[t.end:t.end + 2]
    if tail == "'s" or (tail[:1] == "'" and folded[t.end - 1] == "s"):
        t.last = True
    elif tail[:1] == "-":
        after = folded[t.end + 1:t.end + 40].split(None, 1)
        t.last = bool(after) and after[0].strip(".,;:") in w.adjective_suffixes


def _cut(f: _Finder, text: str, toks: list[_Tok], groups: list[list[_Tok]]) -> None:
    """Split a run after a possessive or adjective ("Vietnam's Prime Minister"), at a stop word
    ("I") and at a month or weekday, unless a name goes on through it ("Theresa May said")."""
    w = f.words
    cur: list[_Tok] = []
    for i, t in enumerate(toks):
        word = t.word.rstrip(".")
        if word in w.stop or word in w.breaks and not (
                word in w.calendar and _name_goes_on(cur, toks, i, w)):
            groups.append(cur)
            cur = []
            continue
        if t.number and not _number_in_name(text, cur, t, w):
            continue
        cur.append(t)
        if t.last or t.number:
            groups.append(cur)
            cur = []
    groups.append(cur)


def _name_goes_on(cur: list[_Tok], toks: list[_Tok], i: int, w: _Words) -> bool:
    """A month name after a given name is a surname ("Theresa May"), not before a date."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prev = cur[-1] if cur else None
    return bool(prev and not prev.known and not prev.connector and not prev.number
                and prev.word.rstrip(".") not in w.calendar and not (nxt and nxt.number))


def _number_in_name(text: str, cur: list[_Tok], num: _Tok, w: _Words) -> bool:
    """"Boeing 787", "Flight 171" (the word names things by number) or "Euro 2024" (a year
    after a name); not "Liverpool 2" or a count after a country."""
    if not cur or cur[-1].known or cur[-1].connector:
        return False
    if text[cur[-1].start:cur[-1].end] in w.identifier:
        return True
    return num.word.isdigit() and len(num.word) == 4 and w.years[0] <= int(num.word) <= w.years[1]


def _known_mention(text: str, t: _Tok, title: str | None = None) -> EntityMention:
    k = t.known
    assert k is not None
    return EntityMention(t.start, t.end, text[t.start:t.end], k.name, k.kind, k.via, title)


# --- reading a group -------------------------------------------------------------------------

def _read_group(f: _Finder, text: str, folded: str, toks: list[_Tok], out: list[EntityMention]) -> None:
    if len(toks) == 1 and (toks[0].known or not _at_sentence_start(text, toks[0].start)):
        _single(f, text, folded, toks[0], out, first=True, last=True)  # most groups
        return
    toks = _strip(_sentence_start(f.words, text, toks))
    if len(toks) == 1:  # most groups: one word
        _single(f, text, folded, toks[0], out, first=True, last=True)
        return
    if not toks:
        return
    segs = _segments(f, text, folded, toks)
    for i, seg in enumerate(segs):
        if seg.title is not None:
            _person(text, seg, out)
        else:
            _plain(f, text, folded, seg.toks, out, first=i == 0, last=i == len(segs) - 1)


def _strip(toks: list[_Tok]) -> list[_Tok]:
    """No name starts or ends with a connector ("of", "al-") or is only numbers."""
    a, b = 0, len(toks)
    while a < b and (toks[a].connector or toks[a].number):
        a += 1
    while b > a and toks[b - 1].connector:
        b -= 1
    return toks if a == 0 and b == len(toks) else toks[a:b]


def _at_sentence_start(text: str, pos: int) -> bool:
    """First word of the text, of a sentence in it, or of a quotation ("“With ...")."""
    while pos > 0 and text[pos - 1] in _OPENING:
        pos -= 1
    if pos > 0 and text[pos - 1] in _QUOTES and (pos == 1 or text[pos - 2] in _OPENING):
        return True
    return pos == 0 or text[pos - 1] in _SENTENCE_END


def _sentence_start(w: _Words, text: str, toks: list[_Tok]) -> list[_Tok]:
    """A sentence's first word is capitalised whatever it is: drop an opener ("The", "In"), and
    a lone ordinary word ("Rescuers found..."), but keep "Pep Guardiola said", "NASA said" and
    "Apple's revenue"."""
    if not toks or toks[0].known or not _at_sentence_start(text, toks[0].start):
        return toks
    first = toks[0]
    written = text[first.start:first.end]
    if first.word in w.openers or (len(toks) > 2 and toks[1].connector and written[1:].islower()
                                   and first.word not in w.organisation_or_event
                                   and first.word not in w.place):
        return _strip(toks[1:])  # "The ...", "Shares of General Motors" (not "Bank of Japan")
    lone = len(toks) == 1 or sum(1 for t in toks if not t.connector) == 1
    if lone and not (first.last and text[first.end:first.end + 1] in "'’") and written[1:].islower():
        return []
    return toks


def _single(f: _Finder, text: str, folded: str, t: _Tok, out: list[EntityMention],
            first: bool, last: bool) -> None:
    """A group of one word: a known entity, a place by context ("Sagaing region"), a name; not
    a title, an opener, an organisation or place word or a short acronym on its own ("the
    President", "With", "the Party", "IN")."""
    if t.known:
        out.append(_known_mention(text, t))
        return
    written = text[t.start:t.end]
    if t.word in f.words.not_alone or (len(written) <= 2 and written.isupper()):
        return
    title = _title_before(f, text, folded, t.start) if first else None
    kind = "person" if title else _place_by_context(f, folded, (t,), first, last) or "name"
    out.append(EntityMention(t.start, t.end, written, written, kind, "proper_noun", title))


def _title_len(w: _Words, toks: list[_Tok], i: int, max_len: int) -> int:
    if toks[i].word not in w.title_starts:
        return 0
    for n in range(min(max_len, len(toks) - i), 0, -1):
        phrase = tuple(t.word for t in toks[i:i + n])
        if phrase in w.titles or phrase in w.titles_cap:
            return n
    return 0


def _portfolio(w: _Words, toks: list[_Tok], end: int) -> int:
    """"Minister of Foreign Affairs Lê Hoài Trung": the title takes its portfolio (words that
    also modify titles) when a name follows it. Returns the title's new end."""
    if end + 2 >= len(toks) or toks[end].word != "of":
        return end
    k = end + 1
    while k < len(toks) and not toks[k].known and toks[k].word in w.modifiers:
        k += 1
    return k if end + 1 < k < len(toks) else end


def _segments(f: _Finder, text: str, folded: str, toks: list[_Tok]) -> list[_Segment]:
    """Cut a group at its titles: "US President Donald Trump" is the US, then the person Donald
    Trump with the title "President"; "Vietnamese President" is a country and a title alone."""
    w = f.words
    title = _title_before(f, text, folded, toks[0].start)
    starts = w.title_starts
    if all(t.word not in starts for t in toks):
        return [_Segment(toks, title)]  # no title inside: the usual case
    spans = [_title_len(w, toks, i, f.title_max) if t.word in starts else 0 for i, t in enumerate(toks)]
    segs: list[_Segment] = []
    left = i = 0
    while i < len(toks):
        if not spans[i] or _modifies_next_title(w, toks, spans, i):
            i += 1
            continue
        end = _portfolio(w, toks, i + spans[i])
        stop = next((j for j in range(end, len(toks)) if spans[j]), len(toks))
        role = _after_title(w, toks, i, end, stop)
        if role == "none":
            i += 1
            continue
        k = i
        while k > left and not toks[k - 1].known and toks[k - 1].word in w.modifiers:
            k -= 1  # "Information Minister", "Deputy Prime Minister"
        if k > left:
            segs.append(_Segment(toks[left:k], title))
        title = text[toks[k].start:toks[end - 1].end] if role == "person" else None
        left = i = end
    if left < len(toks):
        segs.append(_Segment(_strip(toks[left:]), title))
    return [s for s in segs if s.toks]


def _modifies_next_title(w: _Words, toks: list[_Tok], spans: list[int], i: int) -> bool:
    """"Chief Minister": "Chief" is a title, but here it modifies the next one."""
    n = spans[i]
    return i + n < len(toks) and spans[i + n] > 0 and all(t.word in w.modifiers for t in toks[i:i + n])


def _after_title(w: _Words, toks: list[_Tok], i: int, end: int, stop: int) -> str:
    """What the title at toks[i:end] does: names the "person" after it, stands "alone"
    ("Vietnamese President", "President of Laos"), or is "none" because it belongs to a name:
    an organisation or event ("General Motors", "Major League Baseball", "Premier League") or a
    surname ("John Major", "Stephen King")."""
    right = toks[end:stop]
    words = {t.word for t in right}
    if not words.isdisjoint(w.organisation_or_event) or (right and _kind_of_words(w, right)):
        return "none"
    if any(t.known and t.known.kind == "person" for t in right) or any(
            not t.known and not t.connector and not t.number for t in right):
        return "person"
    phrase = tuple(t.word for t in toks[i:end])
    prev = toks[i - 1] if i else None
    if (not right and prev and not prev.known and not prev.connector and prev.word not in w.modifiers
            and phrase in w.titles_cap and phrase not in w.titles):
        return "none"
    return "alone"


def _title_before(f: _Finder, text: str, folded: str, start: int) -> str | None:
    """A title in lower case right before the name: "coach Pep Guardiola", "former head coach
    Ange Postecoglou", "the civil aviation minister, Ram Mohan Naidu"."""
    w = f.words
    space = folded.rfind(" ", 0, start - 1)
    last = folded[space + 1:start].rstrip()
    if last.rstrip(",") not in w.title_ends:
        return None  # the word before is no title's last word: the usual case
    lo = max(0, start - 60)
    words = folded[lo:start].split()[-6:]
    words[-1] = words[-1].rstrip(",")
    for n in range(min(f.title_max, len(words)), 0, -1):
        if tuple(words[-n:]) in w.titles:
            k = len(words) - n
            while k > 0 and words[k - 1] in w.modifiers:
                k -= 1
            title = " ".join(text[lo:start].split()[k - len(words):]).rstrip(",")
            if not last.endswith(",") or title.islower():  # "the minister, Naidu," not "Coach,"
                return title
    return None


def _person(text: str, seg: _Segment, out: list[EntityMention]) -> None:
    """The first name after a title is the person; a country after it is named on its own
    ("Prime Minister Sonexay Siphandone of Laos")."""
    title = seg.title
    for piece in _pieces(seg.toks, absorb=False):
        if isinstance(piece, _Tok):
            is_person = piece.known is not None and piece.known.kind == "person"
            out.append(_known_mention(text, piece, title if is_person else None))
            title = None if is_person else title
        elif title is not None:
            out.append(_name(text, piece, "person", title))
            title = None
        else:
            out.append(_name(text, piece, "name"))


def _plain(f: _Finder, text: str, folded: str, toks: list[_Tok], out: list[EntityMention],
           first: bool, last: bool) -> None:
    if len(toks) == 1:
        _single(f, text, folded, toks[0], out, first=False, last=last)
        return
    cut = _organisation_then_name(f.words, toks)
    if cut:
        _plain(f, text, folded, toks[:cut], out, first, False)
        _plain(f, text, folded, toks[cut:], out, False, last)
        return
    kind = _kind_of_words(f.words, toks) or _place_by_context(f, folded, toks, first, last)
    if kind:
        out.append(_name(text, toks, kind))
        if kind == "organisation":  # "Bank of Japan" also names Japan
            out.extend(_known_mention(text, t) for t in toks
                       if t.known and t.known.kind in ("country", "organisation"))
        return
    for piece in _pieces(toks, absorb=True):
        if isinstance(piece, _Tok):
            out.append(_known_mention(text, piece))
        elif len(piece) == 1:
            _single(f, text, folded, piece[0], out, first=False, last=False)
        else:
            out.append(_name(text, piece, "name"))


def _organisation_then_name(w: _Words, toks: list[_Tok]) -> int:
    """Where an organisation's name ends and a person's begins: "National Assembly Đỗ Văn
    Chiến", "Communist Party of Việt Nam Tô Lâm" (two or more plain words after an organisation
    word, or after the country of an organisation's "of"). 0 if nowhere."""
    orgs = [i for i, t in enumerate(toks) if t.word in w.organisation]
    if not orgs:
        return 0
    of_org = any(i + 1 < len(toks) and toks[i + 1].word == "of" for i in orgs)
    for c in range(orgs[0] + 1, len(toks) - 1):
        before = toks[c - 1]
        if not (before.word in w.organisation or (before.known and of_org)):
            continue
        rest = toks[c:]
        if rest[0].connector or any(t.known or t.number for t in rest):
            continue
        if sum(1 for t in rest if not t.connector) >= 2 and not _kind_of_words(w, rest):
            return c
    return 0


def _kind_of_words(w: _Words, toks: list[_Tok]) -> str | None:
    """Organisation, event or place by the name's own words: its last word ("Harris County",
    "Manchester United", "World Cup"), the last word before "of" ("Bank of Japan", "Gulf of
    Mexico") or its first word ("Lake Victoria", "Typhoon Yagi")."""
    words = [t.word for t in toks if not t.number]
    if len(words) < 2:
        return None
    ends = w.end_kind
    kind = ends.get(f"{words[-2]} {words[-1]}") or ends.get(words[-1])
    if kind:
        return kind
    of = 0
    for i, word in enumerate(words):
        if word in w.connectors:
            of = i
            break
    if of:  # the head before the first connector
        kind = ends.get(f"{words[of - 2]} {words[of - 1]}" if of > 1 else "") or ends.get(words[of - 1])
        if kind:
            return kind
    return w.start_kind.get(f"{words[0]} {words[1]}") or w.start_kind.get(words[0])


def _place_by_context(f: _Finder, folded: str, toks: Sequence[_Tok], first: bool, last: bool) -> str | None:
    """"Lao Cai province", "the hamlet of Lang Nu" (not "the US state of Texas": that is Texas)."""
    if last and f.place_after_re.match(folded, toks[-1].end):
        return "place"
    at = toks[0].start
    if not first or not (folded.endswith(" of ", 0, at) or folded.endswith(" of the ", 0, at)):
        return None
    words = folded[max(0, at - 40):at].split()[-3:]
    if words[-1:] == ["the"]:
        words = words[:-1]
    if len(words) >= 2 and words[-1] == "of" and words[-2] in f.words.place:
        return "place"
    return None


def _pieces(toks: list[_Tok], absorb: bool) -> Iterator[_Tok | list[_Tok]]:
    """Known entities, and the runs of other words between them. With `absorb`, a country's
    name right after a capitalised word belongs to a longer name ("Michael Jordan", "Latin
    America", "Air India")."""
    piece: list[_Tok] = []
    for t in toks:
        k = t.known
        if k and not (absorb and piece and not piece[-1].connector and k.kind == "country"
                      and k.via == "alias"):
            if piece and (piece := _strip(piece)):
                yield piece
            yield t
            piece = []
        else:
            piece.append(t)
    if piece and (piece := _strip(piece)):
        yield piece


def _name(text: str, toks: list[_Tok], kind: str, title: str | None = None) -> EntityMention:
    start, end = toks[0].start, toks[-1].end
    written = text[start:end]
    return EntityMention(start, end, written, " ".join(written.split()), kind, "proper_noun", title)


# --- name variants -------------------------------------------------------------------------

def same_entity(a: str, b: str, rules: RuleSet | None = None) -> bool:
    """Do two names name one entity? Known entities by their rule data ("Viet Nam" and
    "Vietnam's"); people also by part of their name once titles are off ("Tô Lâm", "To Lam"
    and "General Secretary Lam"; "Sisoulith" and "Thongloun Sisoulith"), a word spelled with
    one letter more or less ("Zelensky", "Zelenskyy"). A name that only shares words with a
    known country or an organisation is not it ("Korea" is not "South Korea", "Manchester" is
    not "Manchester United")."""
    if rules is None:
        from .rules import load_rules

        rules = load_rules()
    f = _finder(rules)
    wa, wb = _bare_words(f, a), _bare_words(f, b)
    ka, kb = _resolve(f, a, wa), _resolve(f, b, wb)
    if ka and kb:
        return ka.name == kb.name
    if ka or kb:
        known, other = (ka, wb) if ka else (kb, wa)
        assert known is not None
        return known.kind == "person" and any(
            _words_match(f.words, other, form.split()) for form in f.spellings[known.name])
    return _words_match(f.words, wa, wb)


def _bare_words(f: _Finder, name: str) -> list[str]:
    """Folded words without possessive, leading "the" and leading titles."""
    words = without_possessive(fold(name.strip())).split()
    w = f.words
    if words[:1] == ["the"]:
        words = words[1:]
    while words:  # "Deputy Prime Minister", "Chief Executive": modifiers may start a title
        toks = [_Tok(0, 0, x) for x in words]
        i = 0
        while i < len(words) - 1 and words[i] in w.modifiers:
            i += 1
        found = next(((j, n) for j in range(i + 1) if (n := _title_len(w, toks, j, f.title_max))), None)
        if not found or sum(found) >= len(words):
            break
        words = words[sum(found):]
    return words


def _resolve(f: _Finder, written: str, words: list[str]) -> _Known | None:
    code = without_possessive(written.strip())
    return f.codes.get(code) or f.forms.get(" ".join(words))


def _words_match(w: _Words, x: list[str], y: list[str]) -> bool:
    while len(x) > 1 and x[-1] in w.place:  # "Sagaing Region" is "Sagaing"
        x = x[:-1]
    while len(y) > 1 and y[-1] in w.place:
        y = y[:-1]
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    if len(short) < len(long_) and long_[-1] in w.organisation_or_event:
        return False
    n = len(short)
    return _same_words(short, long_[:n]) or _same_words(short, long_[-n:])


def _same_words(x: list[str], y: list[str]) -> bool:
    from rapidfuzz.fuzz import ratio  # lazily: start-up stays lean

    return all(p == q or (min(len(p), len(q)) >= 5 and ratio(p, q) >= FUZZY_TOKEN)
               for p, q in zip(x, y))


if __name__ == "__main__":  # python -m checker.entities "sentence": a quick look
    from .rules import load_rules

    for mention in find_entities(" ".join(sys.argv[1:]), load_rules()):
        print(mention)

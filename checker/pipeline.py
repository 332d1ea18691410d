"""The pipeline: load -> sentences -> extract -> claims -> match -> compare -> Report."""
from __future__ import annotations

import gc
from contextlib import contextmanager

from pydantic import BaseModel, ConfigDict

from .align import align
from .baseline import finding_fingerprint
from .checks import Context, run_checks
from .load import load_inputs
from .match import comparable, match

from .claims import ClaimStore, extract_claims
from .describe import describe_article, describe_sentence
from .entities import EntityMention, Found, find_entities
from .models import (SEVERITY_RANK, Article, ArticleInfo, Claim, Coverage, Descriptor, Finding, InputWarning,
                     Mention, Report, Sentence)
from .rules import RuleSet
from .sentences import split, title_sentence


class Extracted(BaseModel):
    """What the per-article stages read from one article: independent of every other article,
    so it can run in parallel and be cached by content."""

    model_config = ConfigDict(frozen=True)
    sentences: list[Sentence]
    mentions: list[list[Mention]]  # per sentence
    descriptors: list[list[Descriptor]]  # per sentence, one per mention
    # every entity each sentence names, and each name inside a measure ("169 Indian nationals"):
    # the claims and match stages ask, and a warm cache answers
    entities: list[list[EntityMention]]
    names: dict[str, list[EntityMention]]


def article_sentences(article: Article) -> list[Sentence]:
    body = split(article)
    title = title_sentence(article, body)
    return ([title] if title else []) + body


MAX_ARTICLE = 2_000_000  # characters of one article read: longer is a data dump, and the rest is reported


def extract_article(article: Article, rules: RuleSet) -> Extracted:
    from .extract import extract_mentions  # not imported when every article comes from the cache

    read = _readable(article)
    sentences = article_sentences(read)
    texts = [s.text for s in sentences]
    version = rules.version()
    mentions = [_once(_SENTENCES, (version, t), lambda t=t: extract_mentions(t, rules)) for t in texts]
    entities = [_once(_ENTITIES, (version, t), lambda t=t: find_entities(t, rules)) for t in texts]
    if read is not article and sentences:
        note = f"article of {len(article.text):,} characters: only the first {len(read.text):,} were read"
        mentions[-1] = mentions[-1] + [Mention(kind="limit", text="", start=len(sentences[-1].text),
                                               end=len(sentences[-1].text), value=note)]
        descriptors = describe_article(texts, mentions, rules)
    else:
        def sentence(text: str, ms: list[Mention], rules: RuleSet, first_name: bool):  # ms: _SENTENCES' for this text
            return _once(_DESCRIBED, (version, text, first_name), lambda: describe_sentence(text, ms, rules, first_name))

        descriptors = _once(_BODIES, (version, tuple(texts)), lambda: describe_article(texts, mentions, rules, sentence))
    names = {n: _once(_ENTITIES, (version, n), lambda n=n: find_entities(n, rules))
             for ds in descriptors for d in ds for n in d.names}
    return Extracted(sentences=sentences, mentions=mentions, descriptors=descriptors, entities=entities, names=names)


# Wire copy is reprinted word for word: a sentence, or a whole body, met again in this process is
# read once. Mentions are a pure function of the sentence and the rules, a sentence's own
# descriptors of the sentence, its mentions and whether its article writes its first word as a
# name, an article's of the body's sentences and the rules (what the extraction cache relies on
# too), and models are frozen, so one result serves every copy.
_SENTENCES: dict[tuple[str, str], list[Mention]] = {}
_DESCRIBED: dict[tuple[str, str, bool], tuple[list[Descriptor], Descriptor | None]] = {}
_BODIES: dict[tuple[str, tuple[str, ...]], list[list[Descriptor]]] = {}
_ENTITIES: dict[tuple[str, str], list[EntityMention]] = {}
_ONCE_LIMIT = 20_000  # entries per table, then it starts again: memory stays bounded


def _once(table: dict, key: tuple, compute):
    got = table.get(key)
    if got is None:
        got = compute()
        if len(table) >= _ONCE_LIMIT:
            table.clear()
        table[key] = got
    return got


def _readable(article: Article) -> Article:
    """The article, or its first MAX_ARTICLE characters cut after a sentence or line."""
    if len(article.text) <= MAX_ARTICLE:
        return article
    cut = max(article.text.rfind("\n", 0, MAX_ARTICLE), article.text.rfind(". ", 0, MAX_ARTICLE) + 1)
    return article.model_copy(update={"text": article.text[:cut if cut > 0 else MAX_ARTICLE]})


def coverage(claims: list[Claim], usable: list[Claim], findings: list[Finding], aligned_ids: set[str]) -> Coverage:
    """`usable`: the comparable claims."""
    numbers = [c for c in claims if c.kind not in ("date", "weekday", "time", "relative_date")]
    quantities = [c for c in usable if c.kind not in ("date", "time")]
    matched = {c.id for f in findings for c in f.claims}
    described = sum(1 for c in quantities if c.descriptor.described)
    return Coverage(
        numbers_found=len(numbers),
        parsed=sum(1 for c in numbers if c.kind != "unparsed"),
        unparsed=sum(1 for c in numbers if c.kind == "unparsed"),
        with_metric=sum(1 for c in numbers if c.metric),
        matched=sum(1 for c in numbers if c.id in matched),
        quantities=len(quantities), described=described, undescribed=len(quantities) - described,
        aligned=sum(1 for c in quantities if c.id in aligned_ids))


def reading_order(f: Finding) -> tuple:
    """Errors first, then warnings, then notes; within each, one fact's findings together
    (stable: ids come after)."""
    return (-SEVERITY_RANK[f.severity], f.fact, f.rule, [(c.article, c.line, c.column) for c in f.claims])


@contextmanager
def gc_paused():
    """No cyclic garbage collection while tens of thousands of acyclic models are built: the
    repeated full collections over a growing heap cost more than the work (3x on a warm cache
    of 10,000 articles; a quarter of the analysis of 1,000). The previous state is restored."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            # What was built meanwhile is mostly kept (a run's models), and the next young
            # collection would scan all of it at once (a twentieth of a warm analysis): it goes
            # to the oldest generation unscanned instead, where a cycle waits for a full
            # collection (as does whatever a caller had frozen: unfreeze returns it there too).
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@gc_paused()
def analyse(articles: list[Article], rules: RuleSet, warnings: list[InputWarning | str] | None = None,
            extracted: list[Extracted] | None = None, claim_store: ClaimStore | None = None) -> Report:
    """Everything after loading. `extracted` (one per article) may come from a cache or workers;
    `warnings` are the loader's, to which the extractor's size limits are added; `claim_store`
    keeps each article's claims between runs (runner.ClaimCache)."""
    extracted = extracted if extracted is not None else [extract_article(a, rules) for a in articles]
    notes = [w if isinstance(w, InputWarning) else InputWarning(path="", message=w) for w in warnings or []]
    notes += limit_warnings(articles, extracted)
    found = found_entities(rules, extracted)
    claims = extract_claims(articles, [e.sentences for e in extracted], [e.mentions for e in extracted],
                            [e.descriptors for e in extracted], rules, found, claim_store)
    sentences = {(a.path, k): s for a, e in zip(articles, extracted) for k, s in enumerate(e.sentences)}
    usable = [c for c in claims if comparable(c)]  # asked once: align, match and coverage read them
    aligned = align(sentences, usable, rules.matching["default"].align_threshold)
    groups, related = match(claims, aligned, rules, articles, found, usable)
    article_of = {c.id: c.article for c in claims}
    shared = {frozenset((article_of[p.a], article_of[p.b])) for p in aligned}
    findings = run_checks(Context(rules, articles, claims, groups, related, shared))
    numbered = []
    for i, f in enumerate(sorted(findings, key=reading_order), start=1):
        f = f.model_copy(update={"id": f"F{i:03d}"})
        numbered.append(f.model_copy(update={"fingerprint": finding_fingerprint(f)}))
    return Report(
        articles=[ArticleInfo(path=a.path, outlet=a.outlet, date=a.date, title=a.title, url=a.url) for a in articles],
        claims=claims, findings=numbered,
        coverage=coverage(claims, usable, numbered, {p.a for p in aligned} | {p.b for p in aligned}),
        warnings=[str(w) for w in notes], input_warnings=notes)


def found_entities(rules: RuleSet, extracted: list[Extracted]) -> Found:
    """What the extraction stage found of entities, by text, for the later stages to ask."""
    known = {n: es for e in extracted for n, es in e.names.items()}
    known.update((s.text, es) for e in extracted for s, es in zip(e.sentences, e.entities))
    return Found(rules, known)


def limit_warnings(articles: list[Article], extracted: list[Extracted]) -> list[InputWarning]:
    """What a size limit kept the extractor from reading, by file and line: never silent."""
    if not any(m.kind == "limit" for e in extracted for ms in e.mentions for m in ms):
        return []  # the usual case, known without importing the extractor
    from .extract import limit_notes

    return [InputWarning(path=a.path, line=s.line, message=msg)
            for a, e in zip(articles, extracted) for s, ms in zip(e.sentences, e.mentions)
            for msg in limit_notes(ms)]


def run(paths: list[str], rules: RuleSet) -> Report:
    articles, warnings = load_inputs(paths)
    return analyse(articles, rules, warnings)

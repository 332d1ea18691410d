"""The pipeline: load -> sentences -> extract -> claims -> match -> compare -> Report."""
from __future__ import annotations

import itertools

from . import claims as claims_stage
from .baseline import finding_fingerprint
from .compare import compare, growth_checks
from .extract import extract_mentions
from .load import load
from .match import SharedText, group
from pydantic import BaseModel, ConfigDict

from .models import SEVERITY_RANK, Article, ArticleInfo, Claim, Coverage, Finding, Mention, Report, Sentence
from .rules import RuleSet
from .sentences import split, title_sentence


class Extracted(BaseModel):
    """What the per-article stages read from one article: independent of every other article,
    so it can run in parallel and be cached by content."""

    model_config = ConfigDict(frozen=True)
    sentences: list[Sentence]
    mentions: list[list[Mention]]  # per sentence


def article_sentences(article: Article) -> list[Sentence]:
    body = split(article)
    title = title_sentence(article, body)
    return ([title] if title else []) + body


def extract_article(article: Article, rules: RuleSet) -> Extracted:
    sentences = article_sentences(article)
    return Extracted(sentences=sentences, mentions=[extract_mentions(s.text, rules) for s in sentences])


def extract_claims(articles: list[Article], extracted: list[Extracted], rules: RuleSet) -> list[Claim]:
    """Corpus stage: places are learned from every article, then each mention becomes a claim."""
    lex = claims_stage.lexicon(rules)
    places = claims_stage.learn_places(
        [s.text for e in extracted for s in e.sentences if not s.headline], lex.entity_of)
    out: list[Claim] = []
    for n, (article, ex) in enumerate(zip(articles, extracted), start=1):
        counter = itertools.count(1)
        next_id = lambda n=n, counter=counter: f"a{n}c{next(counter)}"  # noqa: E731
        ctx = claims_stage.build_context(lex, article, ex.sentences, places)
        for s, mentions in zip(ex.sentences, ex.mentions):
            out += claims_stage.claims_for_sentence(lex, ctx, s, mentions, next_id)
    return out


def coverage(claims: list[Claim], findings: list[Finding]) -> Coverage:
    numbers = [c for c in claims if c.kind not in ("date", "weekday")]
    matched = {c.id for f in findings for c in f.claims}
    return Coverage(
        numbers_found=len(numbers),
        parsed=sum(1 for c in numbers if c.kind != "unparsed"),
        unparsed=sum(1 for c in numbers if c.kind == "unparsed"),
        with_metric=sum(1 for c in numbers if c.metric),
        matched=sum(1 for c in numbers if c.id in matched),
    )


def reading_order(f: Finding) -> tuple:
    """Findings of one metric together, the most severe first (stable: ids come after)."""
    return (f.fact.split(" (")[0], -SEVERITY_RANK[f.severity], f.fact, f.rule,
            [(c.article, c.line, c.column) for c in f.claims])


def analyse(articles: list[Article], rules: RuleSet, warnings: list[str] | None = None,
            extracted: list[Extracted] | None = None) -> Report:
    """Everything after loading. `extracted` (one per article) may come from a cache or workers."""
    extracted = extracted if extracted is not None else [extract_article(a, rules) for a in articles]
    claims = extract_claims(articles, extracted, rules)
    shared = SharedText.build({a.path: [s.text for s in e.sentences] for a, e in zip(articles, extracted)})
    findings = compare(group(claims, rules), rules, shared) + growth_checks(claims, rules)
    numbered = []
    for i, f in enumerate(sorted(findings, key=reading_order), start=1):
        f = f.model_copy(update={"id": f"F{i:03d}"})
        numbered.append(f.model_copy(update={"fingerprint": finding_fingerprint(f)}))
    return Report(
        articles=[ArticleInfo(path=a.path, outlet=a.outlet, date=a.date, title=a.title) for a in articles],
        claims=claims, findings=numbered, coverage=coverage(claims, numbered),
        warnings=list(warnings or []))


def run(paths: list[str], rules: RuleSet) -> Report:
    articles, warnings = load(paths)
    return analyse(articles, rules, warnings)

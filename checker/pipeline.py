"""The pipeline: load -> sentences -> extract -> claims -> match -> compare -> Report."""
from __future__ import annotations

import itertools

from . import claims as claims_stage
from .baseline import finding_fingerprint
from .compare import compare
from .extract import extract_mentions
from .load import load
from .match import SharedText, group
from .models import Article, ArticleInfo, Claim, Coverage, Finding, Report, Sentence
from .rules import RuleSet
from .sentences import split, title_sentence


def article_sentences(article: Article) -> list[Sentence]:
    body = split(article)
    title = title_sentence(article, body)
    return ([title] if title else []) + body


def extract_claims(articles: list[Article], rules: RuleSet,
                   per_article: list[tuple[Article, list[Sentence]]] | None = None) -> list[Claim]:
    lex = claims_stage.lexicon(rules)
    per_article = per_article or [(a, article_sentences(a)) for a in articles]
    places = claims_stage.learn_places([s.text for _, ss in per_article for s in ss if not s.headline],
                                       lex.entity_of)
    out: list[Claim] = []
    for n, (article, sentences) in enumerate(per_article, start=1):
        counter = itertools.count(1)
        next_id = lambda n=n, counter=counter: f"a{n}c{next(counter)}"  # noqa: E731
        ctx = claims_stage.build_context(lex, article, sentences, places)
        for s in sentences:
            mentions = extract_mentions(s.text, rules)
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


def analyse(articles: list[Article], rules: RuleSet, warnings: list[str] | None = None) -> Report:
    per_article = [(a, article_sentences(a)) for a in articles]
    claims = extract_claims(articles, rules, per_article)
    shared = SharedText.build({a.path: [s.text for s in ss] for a, ss in per_article})
    findings = compare(group(claims, rules), rules, shared)
    numbered = []
    for i, f in enumerate(findings, start=1):
        f = f.model_copy(update={"id": f"F{i:03d}"})
        numbered.append(f.model_copy(update={"fingerprint": finding_fingerprint(f)}))
    return Report(
        articles=[ArticleInfo(path=a.path, outlet=a.outlet, date=a.date, title=a.title) for a in articles],
        claims=claims, findings=numbered, coverage=coverage(claims, numbered),
        warnings=list(warnings or []))


def run(paths: list[str], rules: RuleSet) -> Report:
    articles, warnings = load(paths)
    return analyse(articles, rules, warnings)

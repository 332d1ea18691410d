"""What every report format shows of a finding and its claims, worded once.

The formats differ in markup, not in content: the verdict first, then the reading behind it,
how sure the match is, and for each claim the source (outlet, title or file name, with its
URL), what the figure says and means, what it measures, when, and about whom. Ids and order
are the Report's: nothing here sorts.
"""
from __future__ import annotations

from typing import NamedTuple

from .models import ArticleInfo, Claim, Coverage, Finding, Report
from .prose import count, join, link, plural, source_name, subject_origin, time_origin, time_words
from .values import interval_text, interval_words

ROLE_WORDS = {"outlier": "outlier", "majority": "majority", "disputed": "no majority", "source": "context"}


class Source(NamedTuple):
    name: str  # outlet, else title, else file name
    title: str | None  # shown beside the name when the name is not the title
    url: str | None  # a safe http(s) link, or None
    date: str | None


class Sources:
    """The report's articles by path, named the way the checks name them."""

    def __init__(self, report: Report) -> None:
        self.info = {a.path: a for a in report.articles}

    def __call__(self, path: str) -> Source:
        a = self.info.get(path) or ArticleInfo(path=path)
        name = source_name(a.path, a.outlet, a.title)
        title = a.title if a.title and a.title.strip() != name else None
        return Source(name, title, link(a.url), a.date)


class Row(NamedTuple):
    """One claim of a finding as every format shows it."""

    number: int  # 1-based, as in the number line
    role: str  # outlier, majority, disputed, source
    claim: Claim
    says: str  # the figure as printed
    means: str  # its interval in words
    notation: str  # its interval in notation
    measures: str
    when: str
    about: str


def rows(f: Finding) -> list[Row]:
    return [Row(i, f.role(c), c, c.text, interval_words(c), interval_text(c), measures(c), when(c), about(c))
            for i, c in enumerate(f.claims, start=1)]


def measures(c: Claim) -> str:
    """What the figure counts or measures, as read from its sentence."""
    d = c.descriptor  # the lexicon's name for it when it has one, else the words of the sentence
    if c.kind in ("date", "time"):
        return f"the {c.kind} of the {d.event}" if d.event else f"a {c.kind}"
    words = c.metric or d.concept or d.text or " ".join(d.head)
    return words.replace("_", " ") if words else "not described"


def when(c: Claim) -> str:
    if c.kind in ("date", "time"):
        return f"the {c.kind} itself"
    origin = time_origin(c.when)
    return time_words(c.when) + (f" ({origin})" if origin else "")


def about(c: Claim) -> str:
    """Whom the figure is about: "Laos and Vietnam (from an earlier sentence)", "not named"."""
    if not c.subject:
        return "not named"
    origin = subject_origin(c.subject_origin)
    return join(list(c.subject)) + (f" ({origin})" if origin else "")


def about_phrase(c: Claim) -> str:
    """"about Laos and Vietnam", or "subject not named"."""
    return f"about {about(c)}" if c.subject else "subject not named"


def verdict(f: Finding) -> str:
    """The one sentence an editor reads first (older reports: the whole message)."""
    return (f.verdict or f.message).strip() or f.name


def details(f: Finding) -> list[str]:
    return list(f.details) if f.verdict else []


def sureness(f: Finding) -> str:
    """"How sure: 88% (aligned sentences (0.88 alike word for word))", or "" without matches."""
    if f.confidence is None:
        return ""
    reasons = list(dict.fromkeys(e for m in f.matches for e in m.evidence))
    return f"How sure the match is: {f.confidence:.0%}" + (f" ({'; '.join(reasons)})" if reasons else "")


def majority(f: Finding) -> str:
    """"Majority: 2 of 3 articles give “nearly 3 billion USD”, “2.98 billion USD”" (articles, not
    claims), or "No majority: ..." for an even split."""
    arts = {c.article for c in f.claims}
    ids = set(f.majority)
    held = [c for c in f.claims if c.id in ids]
    if held:
        texts = ", ".join(dict.fromkeys(f"\u201c{c.text}\u201d" for c in held))
        return f"Majority: {len({c.article for c in held})} of {plural(len(arts), 'article')} give {texts}"
    if any(f.role(c) == "disputed" for c in f.claims) and len(arts) > 1:
        return f"No majority: the {count(len(arts), 'article')} split evenly"
    return ""


def is_note(f: Finding) -> bool:
    """Info notes are shown collapsed, one line each, after the errors and warnings."""
    return f.severity == "info"


def split(report: Report) -> tuple[list[Finding], list[Finding]]:
    """(errors and warnings, notes), each in the report's order."""
    return [f for f in report.findings if not is_note(f)], [f for f in report.findings if is_note(f)]


def tally(report: Report) -> str:
    """"5 articles, 147 claims: 1 error, 2 warnings, 3 notes"."""
    n = {s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")}
    return (f"{plural(len(report.articles), 'article')}, {plural(len(report.claims), 'claim')}: "
            f"{plural(n['error'], 'error')}, {plural(n['warning'], 'warning')}, {plural(n['info'], 'note')}")


def coverage(cov: Coverage) -> list[str]:
    """What was read and what could be compared, in sentences."""
    if not cov.numbers_found:
        return ["No numbers found."]
    out = [f"{plural(cov.numbers_found, 'number')} found, {cov.parsed:,} understood"
           + (f" ({cov.unparsed:,} not)" if cov.unparsed else "") + "."]
    if cov.quantities:
        out.append(f"Of {plural(cov.quantities, 'quantity', 'quantities')}, "
                   f"{cov.described:,} say what they measure ({cov.undescribed:,} do not, and are compared "
                   f"only where their sentences align); {cov.aligned:,} are in sentences aligned with "
                   "another article's.")
    out.append(f"{cov.with_metric:,} attached to a known measure; {cov.matched:,} in findings.")
    return out

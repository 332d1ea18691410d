"""What every check shares: the context it reads and how it words and builds a finding."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from ..match import Group, Related
from ..models import Article, Claim, Finding, Match
from ..prose import count, join, source_name, time_words
from ..rules import RuleSet
from ..values import interval_words

SEVERITY_DOWN = {"error": "warning", "warning": "warning", "info": "info"}


@dataclass
class Context:
    """Everything a check may read; built once per run by the pipeline."""

    rules: RuleSet
    articles: list[Article]
    claims: list[Claim]
    groups: list[Group]
    related: list[Related]
    shared: set[frozenset[str]] = field(default_factory=set)  # article pairs that reprint one text
    cache: dict = field(default_factory=dict)  # results one check computes for others

    def source(self, path: str) -> str:
        """How a report names an article: its outlet when known, else its title, else its file
        name (the renderers name it the same way)."""
        if "sources" not in self.cache:
            self.cache["sources"] = {a.path: source_name(a.path, a.outlet, a.title) for a in self.articles}
        return self.cache["sources"].get(path) or source_name(path)

    def shares(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.shared

    def same_bulletin(self, a: str, b: str, besides: Group) -> str:
        """Why articles a and b were written from one bulletin, or "": both print the same figure
        for another count that moves by the hour (a regional toll "more than 400"), so their other
        moving figures are of one time even when neither article is dated."""
        if "bulletins" not in self.cache:
            self.cache["bulletins"] = _bulletins(self)
        found = next((p for p in self.cache["bulletins"].get(frozenset((a, b)), ()) if p.group is not besides), None)
        if found is None:
            return ""
        return (f"both articles print \u201c{found.claim.text}\u201d ({what(self, found.group.claims, timed=False)}): "
                "read as one bulletin")


class Check:
    """A check: `code` and `run`; name, severity and wording come from rules/checks.toml."""

    code = ""
    default_name = ""
    default_severity = "warning"

    def run(self, ctx: Context) -> list[Finding]:  # pragma: no cover - every check overrides it
        raise NotImplementedError

    def meta(self, ctx: Context) -> tuple[str, str, str]:
        """(name, severity, message template) from the rules, with the code's defaults."""
        rule = ctx.rules.checks.get(self.code)
        if rule is None:
            return self.default_name, self.default_severity, ""
        return rule.name, rule.severity, rule.message

    def finding(self, ctx: Context, *, fact: str, claims: list[Claim], fields: dict[str, str],
                details: list[str], majority: list[Claim] = (), outliers: list[Claim] = (),
                matches: list[Match] = (), sure: bool = True) -> Finding:
        name, severity, template = self.meta(ctx)
        verdict = _fill(template, fields) if template else fields.get("verdict", "")
        verdict = verdict[:1].upper() + verdict[1:]  # a template may open with a field
        if not sure and severity == "error":
            severity = SEVERITY_DOWN[severity]
            details = details + [_not_sure(claims)]
        return Finding(
            id="", rule=self.code, name=name, severity=severity, message=" ".join([verdict, *details]).strip(),
            verdict=verdict, details=list(details),
            fact=fact, claims=list(claims), majority=[c.id for c in majority],
            outliers=[c.id for c in outliers], matches=list(matches),
            confidence=min((m.score for m in matches), default=None))


def _not_sure(claims: list[Claim]) -> str:
    """Why a conflict is only a warning."""
    late = next((c for c in claims if c.late_forecast), None)
    if late is not None:
        return (f"“{late.text}” is a forecast made in the last days of its period ({late.period}): it is compared "
                "as an estimate of the outcome, and a forecast may simply have missed, so this is a warning, "
                "not an error.")
    return ("Part of the match was inferred rather than read in the sentences (see how sure the match is), "
            "so this is a warning, not an error.")


def tolerance(ctx: Context, name: str, default: float) -> float:
    """A named setting of rules/tolerances.toml ("snapshot_gap", "exchange_rate")."""
    return ctx.rules.tolerance(name, default)


def running(ctx: Context, c: Claim) -> bool:
    """A count that moves by the hour (rules: `running`), like a death toll."""
    rule = ctx.rules.metrics.get(c.metric or "")
    return bool(rule and rule.running)


class Printed(NamedTuple):
    group: Group
    claim: Claim  # one of the two alike figures


def _bulletins(ctx: Context) -> dict[frozenset[str], list[Printed]]:
    """Article pairs -> where they print one moving figure alike."""
    out: dict[frozenset[str], list[Printed]] = {}
    for g in ctx.groups:
        said: dict[tuple, dict[str, Claim]] = {}
        for c in g.claims:
            if c.moving or running(ctx, c):
                said.setdefault((c.value, c.hedge, c.low, c.high), {}).setdefault(c.article, c)
        for by_article in said.values():
            ordered = sorted(by_article)
            for i, x in enumerate(ordered):
                for y in ordered[i + 1:]:
                    out.setdefault(frozenset((x, y)), []).append(Printed(g, by_article[x]))
    return out


def _fill(template: str, fields: dict[str, str]) -> str:
    """str.format with missing fields left visible, never an exception."""
    class Missing(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"
    return template.format_map(Missing(fields))


# --- words shared by messages -------------------------------------------------------------------

def quoted(claims: list[Claim]) -> str:
    """'"2.98 billion USD"' / '"nearly 3 billion USD" and "2.98 billion USD"' (distinct texts)."""
    texts = list(dict.fromkeys(f"\u201c{c.text}\u201d" for c in claims))
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]


def sources(ctx: Context, claims: list[Claim]) -> str:
    """"VnExpress", "VnExpress and Tuoi Tre" (each article once)."""
    return join([ctx.source(c.article) for c in claims])


def articles(claims: list[Claim], capital: bool = False) -> str:
    """"three articles": a tally counts articles, never claims."""
    return count(len({c.article for c in claims}), "article", capital)


def how_read(claims: list[Claim], words: Callable[[Claim], str] = interval_words) -> str:
    """How each distinct figure reads: '"nearly 3 billion USD" means at least 2.85 billion and
    under 3 billion USD; ...' (the interval in words; the notation is the renderers'); `words`
    gives a claim's interval in words when the caller has worked them out."""
    seen = dict.fromkeys((c.text, words(c)) for c in claims)
    return "; ".join(f"\u201c{text}\u201d means {words}" for text, words in seen)


def fact_label(ctx: Context, claims: list[Claim]) -> str:
    """"bilateral trade (Laos–Vietnam, 2025)": what, about whom, when."""
    if all(c.kind in ("date", "time") for c in claims):  # the date is the fact: no time of its own
        return f"{measure_name(ctx, claims)} ({subject_label(claims)})"
    return f"{measure_name(ctx, claims)} ({subject_label(claims)}, {time_label(claims)})"


def what(ctx: Context, claims: list[Claim], timed: bool = True) -> str:
    """The fact in words: "trade for Laos and Vietnam in 2025", "the date of talks"."""
    name = measure_name(ctx, claims)
    calendar = next((w for w in ("date", "time") if name.startswith(w)), None)
    if calendar and name.startswith(f"{calendar} of"):
        name = f"the {name}"
    elif calendar:
        name = f"the {calendar}" + (f" of {name[len(calendar) + 2:-1]}" if name != calendar else "")
    subjects = Counter(tuple(c.subject) for c in claims if c.subject)
    words = [name] + ([f"for {join(list(subjects.most_common(1)[0][0]))}"] if subjects else [])
    if timed:  # (the times in words are worked out only when they are printed)
        times = {time_words(c.when) for c in claims}
        if len(times) == 1 and all(c.when.kind != "none" for c in claims):
            words.append(times.pop())
    return " ".join(words)


def measure_name(ctx: Context, claims: list[Claim]) -> str:
    if all(c.kind in ("date", "time") for c in claims):
        calendar = claims[0].kind  # "date of the meeting", "time of the crash"
        event = Counter(c.descriptor.event for c in claims).most_common(1)[0][0]
        if event:
            return f"{calendar} of the {event}"
        words = Counter(" ".join(t.text for t in c.descriptor.terms if t.role in ("verb", "subject"))
                        for c in claims)
        what = words.most_common(1)[0][0] if words else ""
        return f"{calendar} ({what})" if what else calendar
    concepts = Counter(c.metric for c in claims if c.metric)
    change = any(c.aggregation == "change" for c in claims)
    if concepts:
        name = concepts.most_common(1)[0][0]
        rule = ctx.rules.metrics.get(name)
        label = rule.label if rule and rule.label else name.replace("_", " ")
    else:
        texts = Counter(c.descriptor.text for c in claims if c.descriptor.text)
        label = texts.most_common(1)[0][0] if texts else "unnamed figure"
    return f"change in {label}" if change else label


def subject_label(claims: list[Claim]) -> str:
    subjects = Counter(tuple(c.subject) for c in claims if c.subject)
    return "–".join(subjects.most_common(1)[0][0]) if subjects else "unspecified subject"


def time_label(claims: list[Claim]) -> str:
    every = [c.when.label for c in claims]  # (a label is worked out from the time each time it is read)
    labels = sorted({label for label in every if label})
    if not labels:
        return "time not stated"
    unknown = [" / date unknown"] if not all(every) else [""]
    return " / ".join(labels) + unknown[0]

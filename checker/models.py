"""Data passed between the pipeline stages: load -> extract -> claims -> match -> compare -> report.

Every stage is a pure function over these pydantic models, so any stage can be tested (and any
report re-rendered) on its own.
"""
from __future__ import annotations

import re

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

Hedge = Literal["below", "above", "about", "at_least", "at_most"]
Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Frozen(BaseModel):
    # inf and NaN written as json writes them, so a model serialised directly (report.py) reads
    # the same as its dump, and the cache keeps them
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="constants")


class Article(Frozen):
    """One source text with what is known of its origin."""

    path: str  # relative to the checked folder, "/"-separated
    text: str  # the body, exactly as in the file (front matter removed)
    body_line: int = 1  # line number in the file where `text` starts
    title: str | None = None
    title_line: int | None = None  # line of the front matter's title, when it has one
    title_column: int = 1  # column where the title starts on that line
    outlet: str | None = None
    url: str | None = None
    date: str | None = None  # ISO "YYYY-MM-DD" when known


class Sentence(Frozen):
    article: str
    index: int
    text: str
    start: int  # offset of the sentence in Article.text
    line: int  # 1-based, in the file
    column: int  # 1-based
    headline: bool = False


class Mention(Frozen):
    """A value read out of a piece of text (issue 3 contract; offsets relative to that text)."""

    # amount, count, quantity, percent, percentage_point, multiplier, share, ratio, age, ordinal,
    # date, weekday, relative_date, time, unparsed, limit
    kind: str
    text: str
    start: int
    end: int
    value: float | str | None = None  # fully scaled number, or ISO date string
    unit: str = ""  # ISO 4217 code, percent, percentage_point, km/h, ...; "" for a plain count
    hedge: Hedge | None = None
    low: float | str | None = None
    high: float | str | None = None
    noun: str | None = None  # counted noun right after the number ("people", "projects")
    granularity: str | None = None  # dates: day, month, quarter, half, year, decade, fiscal_*
    twin: Mention | None = None  # the same value restated in parentheses in another unit
    is_range: bool = False  # low and high are the two ends written ("between $62 and $68")
    unit_text: str | None = None  # a unit the rules do not know, as written ("400 ppb": "ppb")
    rounding: float = 0.0  # half-width of the printed figure's rounding, hedge aside ("2.2 billion": 0.05e9)


class Term(Frozen):
    """One word of a measure descriptor: its lemma, the frame role that found it, as written."""

    lemma: str
    role: str  # x-of-n, n-of-x, n-in-x, counted, predicate, subject, verb, modifier, entity, topic,
    # qualifier, statistic, owner, instance, per, concept, event
    text: str

    def as_role(self, role: str) -> "Term":
        return Term(lemma=self.lemma, role=role, text=self.text)

    @property
    def whose(self) -> bool:
        """Does it say whose figure it is: an owner, or a capitalised subject of the verb?"""
        return self.role == "owner" or (self.role == "subject" and self.text[:1].isupper())


class Descriptor(Frozen):
    """What a number measures, read from the grammar around it (see checker/describe.py)."""

    head: list[str] = Field(default_factory=list)  # lemmas of the strongest frame's words
    terms: list[Term] = Field(default_factory=list)  # every word the frames found
    rule: str = "none"  # the frame that gave the head: x-of-n, counted-noun, frame, ...; none
    text: str = ""  # the head as written
    concept: str | None = None  # canonical name when rules/metrics.toml normalises the words
    concept_phrase: str = ""  # the lemmas that named the concept
    change: bool = False  # the value is a change of a level ("up 32.7%", "rose by 13", "a 34% rise")
    moving: bool = False  # a level reached by change ("rose to 3,145"): a running count
    names: list[str] = Field(default_factory=list)  # names inside the measure's phrase ("169 Indian nationals")
    anaphor: bool = False  # the measure is a pronoun's ("it reached $3 billion"): see the sentence before

    @property
    def described(self) -> bool:
        return bool(self.head) or self.concept is not None

    def lemmas(self, *roles: str) -> set[str]:
        return {t.lemma for t in self.terms if not roles or t.role in roles}

    @property
    def event(self) -> str:
        """On a date: the kinds of event its clause names ("meeting and visit"), or ""."""
        return " and ".join(t.text for t in self.terms if t.role == "event")


TimeKind = Literal["period", "instant", "horizon", "none"]  # horizon: "in the coming years", no dates
TimeOrigin = Literal["sentence", "article", "context", "none"]


# "in its opening weekend", "over the opening weekend", "during the opening weekend": one occasion
OCCASION_LEAD_RE = re.compile(r"^(?:(?:in|on|over|during|at|through|throughout)\s+)?(?:(?:the|its|his|her|their)\s+)?")


class TimeScope(Frozen):
    """When a value holds: a period for flows ("2025", Jan-Oct 2025), an instant for stocks and
    running counts ("as of 2025-04-03"). `origin` says whether the sentence states it or it was
    inferred from the article's date or an earlier sentence."""

    kind: TimeKind = "none"
    start: str | None = None  # ISO prefix: "2025", "2025-01", "2025-04-03"
    end: str | None = None  # inclusive ISO prefix; equal to start for one year, month or day
    origin: TimeOrigin = "none"
    text: str = ""  # the words that set it
    fiscal: bool = False

    @property
    def label(self) -> str | None:
        """The JSON `period` string: "2025", "2025-01/2025-10", "as of 2026-02-04", None."""
        if self.kind == "horizon" or (self.kind == "period" and not self.start and self.text):
            # "coming years"; an occasion ("debut", "opening weekend", "before the election")
            return OCCASION_LEAD_RE.sub("", self.text) or self.text
        if self.kind == "instant" and not self.start and self.text:
            return f"as of {self.text}"  # a weekday in an undated article
        if self.kind == "none" or not self.start:
            return None
        span = self.start if self.end in (None, self.start) else f"{self.start}/{self.end}"
        span = f"FY{span}" if self.fiscal and not span.startswith("FY") else span
        return f"as of {span}" if self.kind == "instant" else span

    @property
    def end_year(self) -> int | None:
        """The year it ends, when it says."""
        end = self.end or ""
        return int(end[:4]) if end[:4].isdigit() else None


class Claim(Frozen):
    """A mention attached to the fact it states."""

    id: str
    article: str
    kind: str
    metric: str | None = None  # canonical metric name from rules/metrics.toml; None = unknown
    metric_phrase: str | None = None  # the words that named the metric
    subject: list[str] = Field(default_factory=list)  # canonical entity names, sorted
    period: str | None = None  # "2025", "2025-01/2025-10", "as of 2026-02-04" (= when.label)
    aggregation: str = "flow"  # flow, stock, change, rank, property, peak, mean
    modality: str = "actual"  # actual, estimate, target, forecast
    value: float | str | None = None
    unit: str = ""
    hedge: Hedge | None = None
    low: float | str | None = None
    high: float | str | None = None
    text: str  # surface text of the value
    quote: str  # the whole sentence
    line: int
    column: int
    headline: bool = False
    twin: Mention | None = None
    scope_notes: list[str] = Field(default_factory=list)  # words that set period/aggregation/modality
    # schema 1.1
    is_range: bool = False  # low and high are the two ends written ("between 50 and 60")
    rounding: float = 0.0  # half-width of the printed figure's rounding, hedge aside
    attribution: str | None = None  # who the clause credits the figure to ("police said"): a lemma
    descriptor: Descriptor = Field(default_factory=Descriptor)
    dimension: str = ""  # money, count, percent, percent_change, pp, ratio, length, area, date, ...
    when: TimeScope = Field(default_factory=TimeScope)
    subject_origin: TimeOrigin = "none"  # sentence (named there), article, context, none
    events: list[str] = Field(default_factory=list)  # named events the sentence is about ("Typhoon Yagi")
    sentence: int = 0  # index of the sentence in its article (headline first)
    tally: bool = False  # a running count: its value changes over time, so its as-of time is part of the fact
    moving: bool = False  # stated as a moving figure ("rose to", "so far", "now stands at"): a snapshot
    late_forecast: bool = False  # a forecast made in the last days of its period: an estimate of the outcome

    @field_validator("descriptor", mode="before")
    @classmethod
    def _extracted_descriptor(cls, value, info: ValidationInfo):
        """The claims cache (runner.ClaimCache) writes a descriptor that the extraction stage
        built as its number among the article's descriptors (`descriptors` in the validation
        context): the very object is used again, as in the run that wrote it."""
        known = info.context.get("descriptors", ()) if isinstance(info.context, dict) else ()
        if type(value) is int and 0 <= value < len(known):
            return known[value]
        return value


class Match(Frozen):
    """Why two claims were taken to state the same fact, and how sure that is."""

    a: str  # claim ids
    b: str
    score: float  # weighed evidence, 0..1; same fact at or above rules' matching threshold
    aligned: bool = False  # the two sentences are copies or light rewrites of each other
    sure: bool = False  # aligned, or measure, subject and time all read from the text
    evidence: list[str] = Field(default_factory=list)  # readable reasons, strongest first


class Finding(Frozen):
    id: str
    rule: str  # stable code, e.g. FL101
    name: str  # readable rule name, e.g. value-conflict
    severity: Severity
    message: str
    fact: str  # human label of the fact key
    claims: list[Claim]
    majority: list[str] = Field(default_factory=list)  # claim ids in the majority cluster
    outliers: list[str] = Field(default_factory=list)  # claim ids outside it
    fingerprint: str = ""
    # schema 1.1
    verdict: str = ""  # the finding in one plain sentence (message = verdict + details)
    details: list[str] = Field(default_factory=list)  # the reading behind it: intervals, dates, evidence
    matches: list[Match] = Field(default_factory=list)  # the claim pairs that make the finding
    confidence: float | None = None  # the weakest match among them

    def role(self, claim: Claim) -> str:
        """outlier, majority, disputed (no side holds a majority: every claim is listed among
        the outliers, and none is singled out), or source (a claim shown for context)."""
        if claim.id in self.outliers:
            split = not self.majority and len(self.claims) > 1 and len(self.outliers) == len(self.claims)
            return "disputed" if split else "outlier"
        return "majority" if claim.id in self.majority else "source"


class Coverage(Frozen):
    numbers_found: int = 0
    parsed: int = 0
    unparsed: int = 0
    with_metric: int = 0
    matched: int = 0
    # schema 1.1
    quantities: int = 0  # claims with a numeric value (amounts, counts, quantities, percents)
    described: int = 0  # of those, with a measure descriptor
    undescribed: int = 0  # of those, without one (never compared by descriptor)
    aligned: int = 0  # claims in sentences aligned with another article's


class ArticleInfo(Frozen):
    path: str
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None  # schema 1.1: the front matter's or manifest's url, as given


class InputWarning(Frozen):
    """An input problem that did not stop the run, with the file (and line) it is about."""

    path: str  # as the report names articles (relative to the checked folder); "" = no one file
    line: int | None = None
    message: str
    skipped: bool = False  # the file was left out of the check

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.path and self.line else self.path
        return f"{where}: {self.message}" if where else self.message


class Report(Frozen):
    schema_version: str = "1.1"
    tool: str = "factlint"
    articles: list[ArticleInfo]
    claims: list[Claim]
    findings: list[Finding]
    coverage: Coverage
    warnings: list[str] = Field(default_factory=list)  # input problems that did not stop the run
    # the load stage's warnings again, with file and line, for formats that point at files
    input_warnings: list[InputWarning] = Field(default_factory=list)

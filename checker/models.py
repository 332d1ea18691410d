"""Data passed between the pipeline stages: load -> extract -> claims -> match -> compare -> report.

Every stage is a pure function over these pydantic models, so any stage can be tested (and any
report re-rendered) on its own.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Hedge = Literal["below", "above", "about", "at_least", "at_most"]
Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Frozen):
    """One source text with what is known of its origin."""

    path: str  # relative to the checked folder, "/"-separated
    text: str  # the body, exactly as in the file (front matter removed)
    body_line: int = 1  # line number in the file where `text` starts
    title: str | None = None
    title_line: int | None = None  # line of the front matter's title, when it has one
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


class Claim(Frozen):
    """A mention attached to the fact it states."""

    id: str
    article: str
    kind: str
    metric: str | None = None  # canonical metric name from rules/metrics.toml; None = unknown
    metric_phrase: str | None = None  # the words that named the metric
    subject: list[str] = Field(default_factory=list)  # canonical entity names, sorted
    period: str | None = None  # "2025", "2025-01/2025-10", "as of 2026-02-04"
    aggregation: str = "flow"  # flow, stock, change, rank, count
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

    def role(self, claim: Claim) -> str:
        """outlier, majority, or source (a claim shown for context)."""
        if claim.id in self.outliers:
            return "outlier"
        return "majority" if claim.id in self.majority else "source"


class Coverage(Frozen):
    numbers_found: int = 0
    parsed: int = 0
    unparsed: int = 0
    with_metric: int = 0
    matched: int = 0


class ArticleInfo(Frozen):
    path: str
    outlet: str | None = None
    date: str | None = None
    title: str | None = None


class Report(Frozen):
    schema_version: str = "1.0"
    tool: str = "factlint"
    articles: list[ArticleInfo]
    claims: list[Claim]
    findings: list[Finding]
    coverage: Coverage
    warnings: list[str] = Field(default_factory=list)  # input problems that did not stop the run

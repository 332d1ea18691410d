"""Checks of one article's own numbers against each other, of totals over time and of
conversions: FL104 growth-mismatch, FL105 falling-total, FL106 conversion-mismatch, FL107
weekday-mismatch, FL108 rate-mismatch."""
from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date

from ..compare import CONFLICT, interval, relation
from ..match import named_subjects, qualifiers
from ..models import Claim, Finding, Mention
from ..prose import time_words
from ..values import amount, date_words, interval_words
from .base import Check, Context, fact_label, how_read, quoted, sources, tolerance, what

WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


def measure_key(c: Claim) -> tuple:
    d = c.descriptor
    return (d.concept,) if d.concept else tuple(sorted(d.head))


def _numeric(c: Claim) -> bool:
    return isinstance(c.low, (int, float)) and isinstance(c.high, (int, float))


def _previous(c: Claim) -> tuple[str, str] | None:
    """The same period a year earlier ("2025" -> "2024"; Jan-Oct 2025 -> Jan-Oct 2024)."""
    w = c.when
    if w.kind != "period" or not (w.start and w.end and w.start[:4].isdigit() and w.end[:4].isdigit()):
        return None
    return str(int(w.start[:4]) - 1) + w.start[4:], str(int(w.end[:4]) - 1) + w.end[4:]


class GrowthMismatch(Check):
    """"2.25 billion in 2024 ... 2.98 billion in 2025, up 32.7%": the levels allow growth between
    2.975/2.255 - 1 and 2.985/2.245 - 1, i.e. 31.9% to 33.0%, so 32.7% is consistent."""

    code, default_name, default_severity = "FL104", "growth-mismatch", "warning"

    def run(self, ctx: Context) -> list[Finding]:
        levels: dict[tuple, list[Claim]] = defaultdict(list)
        changes: list[Claim] = []  # (one pass over the claims: a level is a flow, a growth a change)
        for c in ctx.claims:
            if c.aggregation == "change":
                changes.append(c)
            elif c.aggregation == "flow" and c.modality == "actual" and c.kind in ("amount", "count", "quantity") \
                    and _numeric(c) and c.when.kind == "period":
                levels[(c.article, measure_key(c), tuple(c.subject), c.when.start, c.when.end)].append(c)
        out = []
        for g in changes:
            if not (g.unit == "percent" and _numeric(g) and not g.descriptor.lemmas("counted")):
                continue
            prev_period = _previous(g)
            if prev_period is None:
                continue
            key = (g.article, measure_key(g), tuple(g.subject))
            now, before = levels.get(key + (g.when.start, g.when.end), []), levels.get(key + prev_period, [])
            if len(now) == 1 and len(before) == 1 and now[0].id != before[0].id and before[0].low > 0:
                f = self.check(ctx, g, before[0], now[0])
                out += [f] if f else []
        return out

    def check(self, ctx: Context, g: Claim, prev: Claim, cur: Claim) -> Finding | None:
        lo, hi = (cur.low / prev.high - 1) * 100, (cur.high / prev.low - 1) * 100
        if not (g.high < lo or g.low > hi):
            return None
        fields = {"growth": f"\u201c{g.text}\u201d", "before": f"\u201c{prev.text}\u201d {time_words(prev.when)}",
                  "after": f"\u201c{cur.text}\u201d {time_words(cur.when)}", "source": sources(ctx, [g]),
                  "allowed": f"{lo:.1f}% to {hi:.1f}%"}
        details = [f"Read as printed, with their rounding, the two levels allow growth of at least {lo:.1f}% "
                   f"and at most {hi:.1f}%; \u201c{g.text}\u201d means {interval_words(g)}."]
        return self.finding(ctx, fact=fact_label(ctx, [g]), claims=[prev, cur, g], fields=fields,
                            details=details, outliers=[g])


class FallingTotal(Check):
    """A total that only grows (rules: `monotone`) should not fall between an earlier and a later
    date."""

    code, default_name, default_severity = "FL105", "falling-total", "warning"

    def run(self, ctx: Context) -> list[Finding]:
        series: dict[tuple, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
        for c in ctx.claims:
            rule = ctx.rules.metrics.get(c.metric or "")
            if rule and rule.monotone and c.aggregation != "change" and c.modality == "actual" \
                    and c.when.kind == "instant" and c.when.start and isinstance(c.low, (int, float)):
                series[_series_key(c)][c.when.start].append(c)
        out = []
        for dated in series.values():
            f = self.fall(ctx, dated)
            out += [f] if f else []
        return out

    def fall(self, ctx: Context, dated: dict[str, list[Claim]]) -> Finding | None:
        days = sorted(dated)
        for earlier, later in zip(days, days[1:]):
            if later.startswith(earlier):
                continue  # "2025-10" and "2025-10-15": which came first is unknown
            before, after = dated[earlier], dated[later]
            if max(math.inf if c.high is None else c.high for c in after) < min(c.low for c in before):
                fields = {"later": quoted(after), "later_date": date_words(later), "earlier": quoted(before),
                          "earlier_date": date_words(earlier), "later_source": sources(ctx, after),
                          "earlier_source": sources(ctx, before), "what": what(ctx, before + after, timed=False)}
                details = ["A cumulative total or running count should not fall over time: one of the figures "
                           "is wrong, or they count different things."]
                return self.finding(ctx, fact=fact_label(ctx, before + after), claims=before + after,
                                    fields=fields, details=details, outliers=after)
        return None


def _series_key(c: Claim) -> tuple:
    """One running total: its measure, whose it is, and no narrower set ("two bodies were
    recovered", "Ida's 26" are not the storm's toll)."""
    d = c.descriptor
    return (c.metric, tuple(c.subject), c.dimension, tuple(sorted(named_subjects(d))), tuple(sorted(qualifiers(d))))


class ConversionMismatch(Check):
    """A value restated in another unit must convert: "more than 36,000 acres, or just over 52
    square miles" cannot both hold (36,000 acres is 56.25 square miles)."""

    code, default_name, default_severity = "FL106", "conversion-mismatch", "error"

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        for c in ctx.claims:
            t = c.twin
            if c.kind != "quantity" or t is None or not isinstance(t.value, (int, float)):
                continue
            ua, ub = ctx.rules.unit(c.unit), ctx.rules.unit(t.unit)
            if not (ua and ub and ua.dimension == ub.dimension and ua.symbol != ub.symbol):
                continue
            twin = _twin_claim(c, t)
            ia, ib = interval(_printed(c, 1), ctx.rules, None), interval(_printed(twin, TWIN_ROUNDING), ctx.rules, None)
            if ia and ib and relation(ia, ib) == CONFLICT:
                out.append(self.report(ctx, c, twin, ua, ub))
        return out

    def report(self, ctx: Context, c: Claim, twin: Claim, ua, ub) -> Finding:
        converted = (float(c.value) * ua.to_base + ua.offset - ub.offset) / ub.to_base  # °C -> °F has an offset
        fields = {"value": f"\u201c{c.text}\u201d", "twin": f"\u201c{twin.text}\u201d",
                  "converted": amount(converted, ub.symbol),
                  "value_plain": c.text if c.hedge is None else amount(c.value, ua.symbol), "source": sources(ctx, [c])}
        details = [f"How each figure reads: {how_read([c, twin])}; no reading of one converts into the other."]
        return self.finding(ctx, fact=fact_label(ctx, [c]), claims=[c], fields=fields, details=details,
                            outliers=[c])


TWIN_ROUNDING = 5  # a restatement is often rounded to the nearest 5 of its last digit ("120 mph (195 km/h)")


def _printed(c: Claim, steps: int) -> Claim:
    """A whole measurement printed without a hedge holds what rounds to it at its last digit
    ("14 inches" is 13.5 to 14.5), `steps` units of that digit wide. (The extractor already
    gives decimals their rounding: "46.4C" is 46.35 to 46.45.)"""
    if c.hedge is not None or c.low != c.high or not isinstance(c.value, (int, float)) or c.value == 0:
        return c
    half = 10.0 ** _trailing_zeros(int(abs(c.value))) * steps / 2
    return c.model_copy(update={"low": c.value - half, "high": c.value + half})


def _trailing_zeros(n: int) -> int:
    zeros = 0
    while n and n % 10 == 0:
        n, zeros = n // 10, zeros + 1
    return zeros


def _twin_claim(c: Claim, t: Mention) -> Claim:
    """The restated value as a claim; it carries the hedge of the value it restates ("in excess
    of 149 km (92 miles)" says more than 92 miles too)."""
    if t.hedge is None and c.hedge is not None and isinstance(t.value, (int, float)):
        ratio = (c.high / c.value) if isinstance(c.high, (int, float)) and c.value else None
        low = t.value * (c.low / c.value) if isinstance(c.low, (int, float)) and c.value else t.value
        return c.model_copy(update={"text": t.text, "value": t.value, "low": low,
                                    "high": t.value * ratio if ratio is not None else None,
                                    "unit": t.unit, "twin": None})
    return c.model_copy(update={"text": t.text, "value": t.value, "low": t.low, "high": t.high,
                                "hedge": t.hedge, "unit": t.unit, "twin": None})


class WeekdayMismatch(Check):
    """"Tuesday, 5 November 2025": 5 November 2025 is a Wednesday."""

    code, default_name, default_severity = "FL107", "weekday-mismatch", "warning"

    def run(self, ctx: Context) -> list[Finding]:
        by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for c in ctx.claims:
            if c.kind in ("weekday", "date"):
                by_sentence[(c.article, c.sentence)].append(c)
        out = []
        for cs in by_sentence.values():
            cs.sort(key=lambda c: c.column)
            for wd, d in zip(cs, cs[1:]):
                f = self.check(ctx, wd, d)
                out += [f] if f else []
        return out

    def check(self, ctx: Context, wd: Claim, d: Claim) -> Finding | None:
        if wd.kind != "weekday" or d.kind != "date" or not isinstance(d.value, str) or len(d.value) != 10:
            return None
        if not (0 <= d.column - (wd.column + len(wd.text)) <= 3) or d.line != wd.line:
            return None
        try:
            actual = WEEKDAYS[date.fromisoformat(d.value).weekday()]
        except ValueError:
            return None
        if str(wd.value).lower() == actual:
            return None
        fields = {"weekday": wd.text, "date": d.text, "actual": actual.capitalize(), "source": sources(ctx, [d]),
                  "date_plain": date_words(d.value)}
        year_note = [] if re.search(r"\d{4}", d.text) else [
            f"The year ({d.value[:4]}) is taken from the article's date."]
        return self.finding(ctx, fact=f"date {d.value}", claims=[wd, d], fields=fields, details=year_note,
                            outliers=[wd], sure=not year_note)


class RateMismatch(Check):
    """One amount converted at two rates: "₹5 crore ($584,000)" in one article, "50 million
    rupees ($602,000)" in another. Whatever the amounts are for, one sum cannot be worth
    two sums of another currency at one rate, so the fact need not be matched: the printed
    amounts being equal is the evidence."""

    code, default_name, default_severity = "FL108", "rate-mismatch", "warning"

    def run(self, ctx: Context) -> list[Finding]:
        slack = tolerance(ctx, "exchange_rate", 0.005)
        same: dict[tuple, dict[str, Claim]] = defaultdict(dict)  # (currency, amount, other currency) -> article -> claim
        for c in ctx.claims:
            if _converted(c):
                same[(c.unit, float(c.value), c.twin.unit)].setdefault(c.article, c)  # an article's first
        out = []
        for cs in same.values():
            ordered = sorted(cs.values(), key=lambda c: (c.twin.value, c.article))
            if len(ordered) > 1 and _rates_apart(ctx, ordered[0], ordered[-1], slack):
                out.append(self.report(ctx, ordered, slack))
        return out

    def report(self, ctx: Context, claims: list[Claim], slack: float) -> Finding:
        first = claims[0]
        rates = "; ".join(f"{ctx.source(c.article)}: \u201c{c.text}\u201d is \u201c{c.twin.text}\u201d, "
                          f"1 {c.unit} = {c.twin.value / c.value:.6g} {c.twin.unit}" for c in claims)
        twins = [_twin_claim(c, c.twin) for c in claims]  # shown: the conversions are what differ
        fields = {"amount": amount(first.value, first.unit), "twins": quoted(twins),
                  "source": sources(ctx, claims), "currency": first.twin.unit}
        paths = {c.article for c in claims}  # (once, not once per article of the run)
        dates = sorted({a.date for a in ctx.articles if a.date and a.path in paths})
        details = [f"The rates: {rates}; they differ by more than {slack:.1%}."]
        if len(dates) > 1:
            details.append(f"The articles are dated {', '.join(date_words(d) for d in dates)}: a rate moves "
                           "from day to day, so an editor may want one house rate rather than a correction.")
        return self.finding(ctx, fact=f"{amount(first.value, first.unit)} in {first.twin.unit}", claims=twins,
                            fields=fields, details=details)


def _converted(c: Claim) -> bool:
    """An unhedged amount restated unhedged in another currency: "₹1 crore ($116,868)"."""
    t = c.twin
    return (c.kind == "amount" and t is not None and bool(t.unit) and t.unit != c.unit and c.hedge is None
            and t.hedge is None and isinstance(c.value, (int, float)) and isinstance(t.value, (int, float))
            and c.value > 0 and t.value > 0)


def _rates_apart(ctx: Context, low: Claim, high: Claim, slack: float) -> bool:
    """Are two conversions of one amount further apart than `slack` and than their printed
    rounding allows?"""
    return high.twin.value > low.twin.value * (1 + slack) and relation(
        interval(_printed(_twin_claim(low, low.twin), 1), ctx.rules, None),
        interval(_printed(_twin_claim(high, high.twin), 1), ctx.rules, None)) == CONFLICT

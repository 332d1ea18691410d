"""factlint's own news sentences (tests/data/news_sentences.txt) and how they are scored.

Scoring follows the way held-out news sets score quantity extractors:
- a range counts as its two ends, a restatement in parentheses (twin) as a second item;
- ordinals, dates, weekdays, relative dates, clock times, unparsed digits and limit notes are
  left out (dates are scored on their own, as strings);
- value: within 0.5% (absolute 1e-9 near zero); unit: the mention's unit, or the unit text of an
  unknown unit; hedge: the hedge label (none = none).
Printed: P/R/F1 for value, value+unit and value+hedge, overall and per domain; the share of
matched items whose kind is right where the data names one (share, ratio, age); date recall
and precision.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "news_sentences.txt"
PROBE = DATA.parent / "news_probe.txt"
HEDGES = {"~": "about", "<": "below", ">": "above", ">=": "at_least", "<=": "at_most"}
NOT_QUANTITIES = {"ordinal", "date", "weekday", "relative_date", "time", "unparsed", "limit"}
DATE_KINDS = {"date", "weekday", "relative_date"}


class Item(NamedTuple):
    value: float
    unit: str
    hedge: str | None
    kind: str | None = None


class Case(NamedTuple):
    line: int
    domain: str
    text: str
    items: list[Item]
    dates: list[str]


def _item(raw: str) -> Item:
    raw = raw.strip()
    hedge = None
    for mark in (">=", "<=", "~", "<", ">"):
        if raw.startswith(mark):
            hedge, raw = HEDGES[mark], raw[len(mark):]
            break
    kind = None
    if ":" in raw:
        raw, kind = raw.rsplit(":", 1)
    parts = raw.split()
    return Item(float(parts[0]), parts[1] if len(parts) > 1 else "", hedge, kind)


def load(path: Path = DATA) -> list[Case]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        domain, text, items, dates = (p.strip() for p in line.split(" | "))
        cases.append(Case(n, domain, text,
                          [] if items == "-" else [_item(i) for i in items.split(";") if i.strip()],
                          [] if dates == "-" else [d.strip() for d in dates.split(";")]))
    return cases


def predicted(mentions) -> list[Item]:
    """The items a list of mentions states: two per range, one more per twin."""
    out = []
    for m in mentions:
        if m.kind in NOT_QUANTITIES or not isinstance(m.value, (int, float)):
            continue
        unit = m.unit or (getattr(m, "unit_text", None) or "")
        ends = [m.low, m.high] if getattr(m, "is_range", False) else [m.value]
        out += [Item(float(v), unit, m.hedge, m.kind) for v in ends if isinstance(v, (int, float))]
        if m.twin is not None:
            out += predicted([m.twin])
    return out


def date_strings(mentions) -> list[str]:
    out = []
    for m in mentions:
        if m.kind == "date":
            span = f"{m.low}/{m.high}" if m.low != m.high else str(m.value)
            out.append(f"{span} {m.granularity}")
        elif m.kind == "weekday":
            out.append(f"{m.value} weekday")
        elif m.kind == "relative_date":
            out.append(str(m.value))
    return out


def _close(a: float, b: float) -> bool:
    return abs(a) < 1e-9 if abs(b) < 1e-9 else abs(a - b) <= 0.005 * abs(b)


def _match(gold: list[Item], pred: list[Item], same) -> tuple[int, list[tuple[Item, Item]]]:
    used = [False] * len(pred)
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and _close(p.value, g.value) and same(g, p):
                used[i] = True
                pairs.append((g, p))
                break
    return len(pairs), pairs


CRITERIA = {
    "value": lambda g, p: True,
    "value+unit": lambda g, p: g.unit == p.unit,
    "value+hedge": lambda g, p: g.hedge == p.hedge,
}


def score(cases: list[Case], extract, rules) -> dict:
    counts = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    kinds = {"n": 0, "ok": 0}
    dates = {"tp": 0, "fp": 0, "fn": 0}
    errors = []
    for case in cases:
        mentions = extract(case.text, rules)
        pred = predicted(mentions)
        for crit, same in CRITERIA.items():
            tp, pairs = _match(case.items, pred, same)
            for key in (crit, f"{crit}/{case.domain}"):
                counts[key]["tp"] += tp
                counts[key]["fp"] += len(pred) - tp
                counts[key]["fn"] += len(case.items) - tp
            if crit == "value":
                for g, p in pairs:
                    if g.kind:
                        kinds["n"] += 1
                        kinds["ok"] += p.kind == g.kind
            if crit == "value+unit" and (tp < len(case.items) or tp < len(pred)):
                errors.append({"line": case.line, "text": case.text, "expected": [tuple(i) for i in case.items],
                               "got": [tuple(p) for p in pred]})
        got_dates = date_strings(mentions)
        hit = len(set(got_dates) & set(case.dates))
        dates["tp"] += hit
        dates["fp"] += len(set(got_dates)) - hit
        dates["fn"] += len(set(case.dates)) - hit
        if set(got_dates) != set(case.dates):
            errors.append({"line": case.line, "text": case.text, "dates": case.dates, "got_dates": got_dates})
    return {"counts": dict(counts), "kinds": kinds, "dates": dates, "errors": errors,
            "domains": sorted({c.domain for c in cases}), "sentences": len(cases)}


def prf(c: dict) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def render(res: dict) -> str:
    c = res["counts"]
    lines = [f"{res['sentences']} sentences",
             "| slice | value P | value R | value F1 | value+unit F1 | value+hedge F1 |",
             "|---|---|---|---|---|---|"]
    for name in ["all"] + res["domains"]:
        suffix = "" if name == "all" else f"/{name}"
        p, r, f = prf(c["value" + suffix])
        fu = prf(c["value+unit" + suffix])[2]
        fh = prf(c["value+hedge" + suffix])[2]
        label = "**all**" if name == "all" else name
        lines.append(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {fu:.3f} | {fh:.3f} |")
    k, d = res["kinds"], res["dates"]
    dp, dr, df = prf(d)
    lines.append(f"\nkinds (share, ratio, age) right on matched items: {k['ok']}/{k['n']}; "
                 f"dates: P {dp:.3f} R {dr:.3f} F1 {df:.3f} ({d['tp']} of {d['tp'] + d['fn']})")
    return "\n".join(lines)

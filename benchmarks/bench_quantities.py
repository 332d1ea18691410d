"""Score factlint's extractor on the peer-derived quantity benchmark (issue 3) and on its own
news sentences (issue 9), and time it against the extractor before the extract package.

    python benchmarks/bench_quantities.py [--data PATH] [--errors] [--json] [--repeat N] [--old]

News sets: tests/data/news_sentences.txt and news_probe.txt, scored by benchmarks/news_set.py
(value, value+unit and value+hedge F1 per domain; kinds; dates). --old times the extractor of
commit bcd885b (benchmarks/old_extractor.py) on the same sentences in the same run, passes
interleaved, and prints both rates.

Data: ../shared/benchmarks/quantities/quantities.jsonl relative to the repository (see its
README for the format). Scoring follows the README's `scope` rules:

- all       every quantity in the sentence is listed: every prediction counts;
- number    every number is listed as a bare value: predictions are matched on value only;
            ordinals are not numbers in that model and are left out;
- currency / percent / ordinal   only quantities of that kind are listed: only predictions of
            that kind count (others are neither right nor wrong);
- spans     only the hedged ranges are listed: recall only.

A prediction matches an expected item when its value is within 0.5% (absolute 1e-9 near zero)
and, outside `number` scope, its unit is the same. A date read at year granularity matches a
bare number equal to the year (the sources list "1979" as a cardinal; we read it as the year
1979). `unparsed` mentions are reported but never scored (they are an explicit "not
understood"), nor are clock times and weekdays.

Printed: precision, recall and F1 per category and per source suite, hedge accuracy (label and
direction) on the items the sources mark as hedged, recall on currency-code-first amounts, and
sentences per second (single process, after a warm-up pass).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / ".." / "shared" / "benchmarks" / "quantities" / "quantities.jsonl"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CATEGORIES = ["currency", "cardinal", "words", "scaled", "ordinal", "percent", "approx"]
_SCALE_RE = re.compile(
    r"(?i)\b(?:thousand|million|billion|trillion|lakh|crore|dozen)s?\b|\d\s*(?:k|m|mm|bn|b|g|mn|mln|bln|tn|tln)\b"
)
_CODE_FIRST = re.compile(r"^(?:[A-Za-z]{3}\s?\d|[A-Za-z]{3}\s+[\d.])")
DIRECTION = {"below": "down", "at_most": "down", "above": "up", "at_least": "up", "about": "both"}


def load_cases(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _pred_items(mentions, scope: str) -> list[dict]:
    out = []
    for m in mentions:
        if m.kind in ("unparsed", "time", "weekday"):
            continue
        value = m.value
        unit = m.unit
        if m.kind in ("date",):
            if m.granularity in ("year", "decade") and isinstance(value, str) and value.isdigit():
                value, unit = float(value), ""
            else:
                value = None
        if scope == "number" and m.kind == "ordinal":
            continue
        if scope == "currency" and m.kind != "amount":
            continue
        if scope == "percent" and m.kind != "percent":
            continue
        if scope == "ordinal" and m.kind != "ordinal":
            continue
        out.append({"value": value, "unit": unit, "hedge": m.hedge, "text": m.text, "kind": m.kind,
                    "start": m.start})
    return out


def _close(a, b) -> bool:
    if a is None or b is None:
        return False
    if abs(b) < 1e-9:
        return abs(a) < 1e-9
    return abs(a - b) <= 0.005 * abs(b)


def _pred_category(p: dict) -> str:
    if p["kind"] == "amount":
        return "currency"
    if p["kind"] == "percent":
        return "percent"
    if p["kind"] == "ordinal":
        return "ordinal"
    if p["hedge"]:
        return "approx"
    if not re.search(r"\d", p["text"]):
        return "words"
    if _SCALE_RE.search(p["text"]):
        return "scaled"
    return "cardinal"


def score(cases: list[dict], extract, rules) -> dict:
    per_cat = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "hedge_ok": 0})
    per_src = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "hedge_ok": 0})
    total = {"tp": 0, "fp": 0, "fn": 0, "hedge_ok": 0}
    hedged = {"n": 0, "label": 0, "direction": 0}
    code_first = {"n": 0, "hit": 0}
    errors = []
    for case in cases:
        scope = case["scope"]
        src = case["source"].split(":", 1)[0]
        mentions = extract(case["text"], rules)
        preds = _pred_items(mentions, scope)
        used = [False] * len(preds)
        misses = []
        for exp in case["expected"]:
            best = None
            for i, p in enumerate(preds):
                if used[i] or not isinstance(p["value"], (int, float)):
                    continue
                if not _close(p["value"], exp["value"]):
                    continue
                if scope != "number" and p["unit"] != exp["unit"]:
                    continue
                rank = (p["hedge"] == exp["approx"], -abs(p["start"]))
                if best is None or rank > best[0]:
                    best = (rank, i)
            cat = exp["category"]
            if best is not None:
                i = best[1]
                used[i] = True
                got_hedge = preds[i]["hedge"]
                for c in (per_cat[cat], per_src[src], total):
                    c["tp"] += 1
                    c["hedge_ok"] += got_hedge == exp["approx"]  # null == null counts as right
            else:
                per_cat[cat]["fn"] += 1
                per_src[src]["fn"] += 1
                total["fn"] += 1
                misses.append(exp)
                got_hedge = "MISSING"
            if exp["approx"]:
                hedged["n"] += 1
                hedged["label"] += got_hedge == exp["approx"]
                hedged["direction"] += DIRECTION.get(got_hedge or "", "") == DIRECTION[exp["approx"]]
            if cat == "currency" and _CODE_FIRST.match(exp["surface"]):
                code_first["n"] += 1
                code_first["hit"] += best is not None
        fps = []
        if scope != "spans":
            for i, p in enumerate(preds):
                if not used[i]:
                    c = _pred_category(p)
                    per_cat[c]["fp"] += 1
                    per_src[src]["fp"] += 1
                    total["fp"] += 1
                    fps.append(p)
        if misses or fps:
            errors.append({"id": case["id"], "text": case["text"], "missed": [
                (e["surface"], e["value"], e["unit"], e["approx"]) for e in misses],
                "spurious": [(p["text"], p["value"], p["unit"], p["hedge"]) for p in fps]})
    return {"total": total, "per_category": dict(per_cat), "per_source": dict(per_src),
            "hedged": hedged, "code_first": code_first, "errors": errors}


def prf(c: dict) -> tuple[float, float, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def speed(cases: list[dict], extract, rules, repeat: int = 3) -> float:
    return rates([c["text"] for c in cases], {"new": (extract, rules)}, repeat)["new"]


def rates(texts: list[str], extractors: dict, repeat: int = 3) -> dict[str, float]:
    """Sentences per second of each (extract, rules), best of `repeat` passes; the passes of
    the extractors alternate, so that a busy machine slows all of them alike."""
    for extract, rules in extractors.values():
        for t in texts:  # warm-up (compiles the rules once)
            extract(t, rules)
    best = {name: float("inf") for name in extractors}
    for _ in range(repeat):
        for name, (extract, rules) in extractors.items():
            t0 = time.perf_counter()
            for t in texts:
                extract(t, rules)
            best[name] = min(best[name], time.perf_counter() - t0)
    return {name: len(texts) / b for name, b in best.items()}


def story_sentences() -> list[str]:
    """Every sentence of the shared stories and seeds (as the pipeline splits them)."""
    from checker.models import Article
    from checker.sentences import split

    out = []
    for f in sorted((REPO / ".." / "shared").glob("*/**/*.txt")):
        out += [s.text for s in split(Article(path=f.name, text=f.read_text(encoding="utf-8")))]
    return out


def side_by_side(cases: list[dict], rules, repeat: int) -> str:
    """Sentences/s of the old and the new extractor on the same texts, in one run."""
    import news_set
    from old_extractor import load_old, old_rules

    from checker.extract import extract_mentions

    both = {"before (bcd885b)": (load_old().extract_mentions, old_rules()), "now": (extract_mentions, rules)}
    sets = {"peer benchmark": [c["text"] for c in cases], "shared stories and seeds": story_sentences(),
            "news sets": [c.text for f in (news_set.DATA, news_set.PROBE) for c in news_set.load(f)]}
    lines = ["| texts | sentences | " + " | ".join(f"{n} sentences/s" for n in both) + " |",
             "|---|---|" + "---|" * len(both)]
    for label, texts in sets.items():
        r = rates(texts, both, repeat)
        lines.append(f"| {label} | {len(texts)} | " + " | ".join(f"{r[n]:,.0f}" for n in both) + " |")
    return "\n".join(lines)


def news_report(extract, rules) -> str:
    import news_set

    return "\n\n".join(f"{f.name}: " + news_set.render(news_set.score(news_set.load(f), extract, rules))
                        for f in (news_set.DATA, news_set.PROBE))


def overall_f1(data: Path | None = None) -> float:
    """Overall F1 on the benchmark (used by the regression test)."""
    from checker.extract import extract_mentions
    from checker.rules import load_rules

    cases = load_cases(data or DEFAULT_DATA)
    return prf(score(cases, extract_mentions, load_rules())["total"])[2]


def render(res: dict, sps: float, suite_sps: dict[str, float] | None = None) -> str:
    """The table: hedge = matched items whose hedge label is right (no hedge = right when the
    source has none); sentences/s per suite, since a case mixes categories."""
    lines = ["| slice | P | R | F1 | hedge | sentences/s | TP | FP | FN |",
             "|---|---|---|---|---|---|---|---|---|"]
    suite_sps = suite_sps or {}

    def row(name, c, rate=None):
        p, r, f = prf(c)
        hedge = c["hedge_ok"] / c["tp"] if c["tp"] else 1.0
        rate_s = f"{rate:,.0f}" if rate else "-"
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {hedge:.3f} | {rate_s} | "
                     f"{c['tp']} | {c['fp']} | {c['fn']} |")

    row("**overall**", res["total"], sps)
    for cat in CATEGORIES:
        if cat in res["per_category"]:
            row(f"category {cat}", res["per_category"][cat])
    for src in sorted(res["per_source"]):
        row(f"suite {src}", res["per_source"][src], suite_sps.get(src))
    h = res["hedged"]
    cf = res["code_first"]
    lines.append("")
    lines.append(f"hedged items: {h['label']}/{h['n']} right label ({h['label'] / max(h['n'], 1):.3f}), "
                 f"{h['direction']}/{h['n']} right direction ({h['direction'] / max(h['n'], 1):.3f})")
    lines.append(f"currency-code-first amounts: {cf['hit']}/{cf['n']} ({cf['hit'] / max(cf['n'], 1):.3f})")
    lines.append(f"speed: {sps:,.0f} sentences/s (single process, after warm-up)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="print every case with a miss or a spurious item")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes (best is kept)")
    ap.add_argument("--old", action="store_true", help="time the extractor before the package too")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"bench_quantities: data not found: {args.data}", file=sys.stderr)
        return 2
    from checker.extract import extract_mentions
    from checker.rules import load_rules

    rules = load_rules()
    cases = load_cases(args.data)
    res = score(cases, extract_mentions, rules)
    sps = speed(cases, extract_mentions, rules, args.repeat)
    suites = sorted({c["source"].split(":", 1)[0] for c in cases})
    suite_sps = {s: speed([c for c in cases if c["source"].startswith(s + ":")], extract_mentions,
                          rules, args.repeat) for s in suites}
    if args.errors:
        for e in res["errors"]:
            print(json.dumps(e, ensure_ascii=False))
        print()
    if args.json:
        out = {k: v for k, v in res.items() if k != "errors"}
        out["sentences_per_second"] = sps
        out["sentences_per_second_per_suite"] = suite_sps
        out["f1"] = prf(res["total"])[2]
        print(json.dumps(out, indent=1))
    else:
        print(render(res, sps, suite_sps))
        print("\n" + news_report(extract_mentions, rules))
    if args.old:
        print("\n" + side_by_side(cases, rules, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())

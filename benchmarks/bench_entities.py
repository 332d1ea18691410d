"""Throughput of the entity finder (checker/entities.py) on real news sentences.

    python benchmarks/bench_entities.py [--repeat N] [--show N]

Sentences: every sentence of `seeds/` and, when present, `../shared/stories/*/` (split by the
pipeline's own sentence splitter). Printed: the number of sentences, the time to compile the
rules (once per RuleSet), sentences per second over N passes after a warm-up pass (best pass
and median), text.fold's time per sentence beside the str.translate it replaced, and mentions
per sentence by kind. `--show N` prints the mentions of the first N
sentences, to eyeball what is found.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "seeds", REPO.parent / "shared" / "stories"]
sys.path.insert(0, str(REPO))

from checker import entities  # noqa: E402
from checker.load import load  # noqa: E402
from checker.rules import load_rules  # noqa: E402
from checker.sentences import split  # noqa: E402
from checker.text import _TABLE, fold  # noqa: E402


def sentences() -> list[str]:
    paths = [str(p) for p in SOURCES if p.is_dir()]
    articles, _ = load(paths)
    return [s.text for a in articles for s in split(a)]


def _fold_times(texts: list[str], repeat: int = 5) -> tuple[float, float]:
    """Best time per sentence of text.fold and of the whole-text str.translate it replaced."""
    def best(fn) -> float:
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            for text in texts:
                fn(text)
            runs.append(time.perf_counter() - t0)
        return min(runs) / max(1, len(texts)) * 1e6
    return best(fold), best(lambda t: t.lower() if t.isascii() else t.translate(_TABLE))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    texts = sentences()
    rules = load_rules()
    t0 = time.perf_counter()
    entities.find_entities("Warm-up: compile the rules.", rules)
    compile_s = time.perf_counter() - t0
    kinds: Counter[str] = Counter()
    for text in texts:  # warm-up pass, counted
        kinds.update(m.kind for m in entities.find_entities(text, rules))
    rates = []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        for text in texts:
            entities.find_entities(text, rules)
        rates.append(len(texts) / (time.perf_counter() - t0))
    fold_now, fold_before = _fold_times(texts)
    chars = sum(map(len, texts)) / max(1, len(texts))
    print(f"sentences        {len(texts)} (mean {chars:.0f} characters)")
    print(f"compile          {compile_s * 1000:.0f} ms (once per rule set)")
    print(f"sentences/s      best {max(rates):,.0f}  median {statistics.median(rates):,.0f}"
          f"  ({args.repeat} passes)")
    print(f"fold             {fold_now:.1f} us/sentence (before: str.translate of every "
          f"character, {fold_before:.1f} us)")
    per = ", ".join(f"{k} {n / max(1, len(texts)):.2f}" for k, n in kinds.most_common())
    print(f"mentions/sentence {per}")
    for text in texts[:args.show]:
        print(f"\n{text}")
        for m in entities.find_entities(text, rules):
            title = f"  [{m.title}]" if m.title else ""
            print(f"    {m.text!r} -> {m.name} ({m.kind}, {m.via}){title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Multi-article stories of our own (a cup semi-final, company results, a presidential runoff, a
hurricane, a measles outbreak, a wildfire, a protest, a drug trial, a parliamentary election, an
earthquake, a rocket launch): does the checker stay quiet where the outlets agree, and catch
a discrepancy planted in one of them?

    python benchmarks/own_stories.py [--verbose]

Each story in benchmarks/own_stories/ tells one event in three articles that state every fact
consistently, with the variation real outlets show (rounding, hedges, other periods, each side's
figures, bases of comparison, headlines). Every error or warning on them is a false alarm and is
printed. benchmarks/own_stories/variants.toml then plants one discrepancy at a time (a changed
number, age, date) in a copy; a variant is caught when a finding of severity error or warning
holds the claims it names. Like domain_pairs.py, a development check written by the team that
found the false alarms it lists, not a judge.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.load import load_inputs  # noqa: E402
from checker.models import Finding  # noqa: E402
from checker.pipeline import analyse  # noqa: E402
from checker.rules import load_rules  # noqa: E402

HERE = Path(__file__).resolve().parent / "own_stories"


def alarms(folder: Path, rules) -> list[Finding]:
    """The error and warning findings on the articles in `folder`."""
    articles, warnings = load_inputs([str(folder)])
    return [f for f in analyse(articles, rules, warnings).findings if f.severity in ("error", "warning")]


def describe(f: Finding) -> str:
    return f"{f.rule} {f.fact}: " + " / ".join(f"{Path(c.article).name}:{c.text}" for c in f.claims)


def planted(variant: dict, rules) -> tuple[bool, list[Finding]]:
    """(caught, the alarms) for one variant, checked in a copy of its story."""
    with tempfile.TemporaryDirectory() as tmp:
        story = Path(tmp) / variant["story"]
        shutil.copytree(HERE / variant["story"], story)
        path = story / variant["file"]
        text = path.read_text(encoding="utf-8")
        if text.count(variant["old"]) != 1:
            raise SystemExit(f"variants.toml: {variant['story']}/{variant['file']}: {variant['old']!r} must occur once")
        path.write_text(text.replace(variant["old"], variant["new"]), encoding="utf-8")
        found = alarms(story, rules)
    caught = any(all(any(c.text == e for c in f.claims) for e in variant["expect"]) for f in found)
    return caught, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every alarm of every variant too")
    args = ap.parse_args()
    rules = load_rules()
    stories = sorted(p for p in HERE.iterdir() if p.is_dir())
    false_alarms = 0
    for story in stories:
        found = alarms(story, rules)
        false_alarms += len(found)
        for f in found:
            print(f"false alarm | {story.name} | {describe(f)}")
    variants = tomllib.loads((HERE / "variants.toml").read_text(encoding="utf-8"))["variant"]
    caught = 0
    for v in variants:
        hit, found = planted(v, rules)
        caught += hit
        if not hit or args.verbose:
            print(f"{'caught' if hit else 'missed'} | {v['story']}/{v['file']}: {v['old']!r} -> {v['new']!r}")
            for f in found if args.verbose or not hit else []:
                print(f"    {describe(f)}")
    quiet = sum(1 for s in stories if not alarms(s, rules))
    print(f"stories left quiet: {quiet} of {len(stories)} ({false_alarms} false alarms); "
          f"planted discrepancies caught: {caught} of {len(variants)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

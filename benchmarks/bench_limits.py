"""Bounded cost of extraction (issue 10): time and peak memory for growing hostile and large inputs.

    python benchmarks/bench_limits.py [--quick] [--old] [--check-mb 10] [--article-mb 50]

Shapes (n = characters of input):
- line     one line full of numbers ("12, 3.5%, $4 million, 1,200, ..."), read by the extractor
           as `factlint extract` reads a line;
- spaced   one line of space-separated three-digit numbers ("100 101 102 ...");
- token    one token of n characters ("x1x1x1..."), inside a sentence with two numbers;
- article  a news article of n bytes (the shared stories and seeds, repeated): sentence splitting
           and extraction of every sentence (`pipeline.extract_article`);
- check    the same article through the whole `factlint check --no-cache -j 1 --format json`.

Every measurement runs in its own process; the table gives its wall time and its peak resident
memory (which includes the interpreter and the imports, ~60 MB). `--old` also runs the extractor
as it was before the extract package (benchmarks/old_extractor.py: commit bcd885b, read with
`git show` at run time, never kept in the package) on the line and token shapes.
"""
from __future__ import annotations

import argparse
import re
import glob
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO / ".." / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def news_text() -> str:
    """The article bodies of the shared stories and seeds, front matter removed."""
    bodies = []
    for f in sorted(glob.glob(str(SHARED / "stories" / "*" / "*.txt")) + glob.glob(str(SHARED / "seeds" / "*.txt"))):
        t = Path(f).read_text(encoding="utf-8")
        if t.startswith("---"):
            t = t.split("---", 2)[2]
        bodies.append(t.strip())
    return "\n\n".join(bodies)


NUMBER_RE = re.compile(r"\b\d+\b")
FORMS = ["12", "3.5%", "$4 million", "1,200", "7 km", "nearly 30", "2.98 billion", "about 15 people"]


def make_input(shape: str, n: int) -> str:
    if shape == "line":  # varied numbers, comma separated: the shape the old code was quadratic on
        unit = ", ".join(FORMS) + ", "
        return (unit * (n // len(unit) + 1))[:n]
    if shape == "spaced":  # "100 101 102 ...": once read as one number (OverflowError)
        unit = " ".join(str(100 + i) for i in range(900)) + " "
        return (unit * (n // len(unit) + 1))[:n]
    if shape == "token":
        return "The toll rose to 12 people and " + ("x1" * (n // 2 + 1))[:n] + " and 7 cars."
    # each repetition k adds k to every whole number, so that sentences with figures do not
    # repeat: a sentence met again is read once per run, which would flatter a long article
    text, parts, size, k = news_text(), [], 0, 0
    while size < n:
        part = NUMBER_RE.sub(lambda m, k=k: str(int(m.group()) + k), text) + "\n\n"
        parts.append(part)
        size += len(part)
        k += 1
    return "".join(parts)[:n]


def child(shape: str, n: int, old: bool) -> dict:
    """One measurement, in this process: what it read and how long it took."""
    sys.path.insert(0, str(REPO))
    from checker.rules import load_rules

    text = make_input(shape, n)
    if old:
        from old_extractor import load_old, old_rules

        extract, rules = load_old().extract_mentions, old_rules()
    else:
        from checker.extract import extract_mentions as extract

        rules = load_rules()
    extract("warm-up 3", rules)
    t0 = time.perf_counter()
    if shape in ("line", "spaced", "token"):
        try:
            found = extract(text, rules)
            got = f"{len(found)} mentions, {sum(m.kind == 'limit' for m in found)} limits"
        except Exception as exc:  # the old extractor raised on some shapes: show it
            got = f"raised {type(exc).__name__}"
    elif shape == "article":
        from checker.models import Article
        from checker.pipeline import extract_article

        ex = extract_article(Article(path="big.txt", text=text), rules)
        got = f"{len(ex.sentences)} sentences, {sum(map(len, ex.mentions))} mentions"
    else:
        got = _check(text)
    return {"seconds": time.perf_counter() - t0, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "result": got}


def _check(text: str) -> str:
    from checker import cli

    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "articles"
        folder.mkdir()
        (folder / "big.txt").write_text(text, encoding="utf-8")
        sys.argv = ["factlint", "check", str(folder), "--no-cache", "-j", "1", "--format", "json",
                    "--output", str(Path(d) / "report.json")]
        try:
            cli.main()
        except SystemExit as exc:
            return f"exit {exc.code}"
    return "exit 0"


def measure(shape: str, n: int, old: bool = False) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", shape, str(n)] + (["--use-old"] if old else []),
                         capture_output=True, text=True, cwd=tempfile.gettempdir())
    if out.returncode != 0:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "result": out.stderr.strip().splitlines()[-1:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes only")
    ap.add_argument("--old", action="store_true", help="also the extractor before the package (line, token)")
    ap.add_argument("--article-mb", type=float, default=50, help="largest article for extraction")
    ap.add_argument("--check-mb", type=float, default=10, help="largest article for the whole check")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--use-old", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.use_old)))
        return 0
    kb, mb = 1000, 1_000_000
    sizes = {
        "line": [1 * kb, 4 * kb, 16 * kb, 64 * kb, 256 * kb, 1 * mb, 5 * mb],
        "spaced": [1 * kb, 16 * kb, 256 * kb],
        "token": [1 * kb, 4 * kb, 16 * kb, 64 * kb, 200 * kb, 1 * mb],
        "article": [int(x * mb) for x in (1, 5, 10, 25, 50) if x <= args.article_mb],
        "check": [int(x * mb) for x in (1, 5, 10, 25, 50) if x <= args.check_mb],
    }
    if args.quick:
        sizes = {k: v[:3] if k in ("line", "spaced", "token") else v[:1] for k, v in sizes.items()}
    print("| shape | code | n (chars) | seconds | µs per char | peak MB | result |\n|---|---|---|---|---|---|---|")
    for shape, ns in sizes.items():
        for n in ns:
            old_too = args.old and shape in ("line", "spaced", "token") and n <= 16 * kb
            runs = [("new", False)] + ([("old", True)] if old_too else [])
            for label, old in runs:
                r = measure(shape, n, old)
                print(f"| {shape} | {label} | {n:,} | {r['seconds']:.2f} | {1e6 * r['seconds'] / n:.2f} | "
                      f"{r['peak_mb']:.0f} | {r['result']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Cost curves for the input shapes of issue 10: does time and memory grow with the input, or faster?

    python benchmarks/bench_shapes.py [--quick] [--shapes line,token,article,fact,html]
                                      [--timeout 120] [--html-baseline REV] [--baseline REV]

Shapes (each point a fresh process; its wall time and peak RSS, from wait4):

  line     one article holding one line full of numbers (no sentence end), n characters
  token    one article holding one huge token (digits and commas, no space), n characters
  article  one article of ordinary news sentences, n bytes (the 50 MB article)
  fact     n articles that all report one fact (the same trade figure, worded and hedged apart)
  html     rendering the report of n generated articles (benchmarks/generate_corpus.py): the
           report is built first, then every format's rendering is timed; the HTML renderer of
           --html-baseline (default: the last commit before it was made linear) runs beside

line, token, article and fact run the whole `factlint check --format json --no-cache -j 1`, start-up
included. A point that runs past --timeout is printed as "> T s" and larger points of that shape
are skipped. "growth" is the exponent between successive points: log(t2/t1) / log(n2/n1), 1.0 for
linear, 2.0 for quadratic. `--quick` runs small sizes, for a smoke run. `--baseline REV` checks
every point again with the factlint of that git revision (its tree exported beside, run on this
interpreter): its seconds, and whether its JSON report is byte-identical.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
from baseline import export, short  # noqa: E402
HTML_BASELINE = "bcd885b"  # the last commit with the quadratic per-article view

NUMBER_PIECES = ["rose 3.2% to $1,234 million", "about 56 people", "nearly 2.98 billion USD", "up to 149 km/h",
                 "12 of 40 provinces", "VND40 trillion ($1.6 billion)", "a third of 7,500 homes", "in 2025"]
SENTENCES = [
    "Exports of rice rose 4.1% to ${a} million in the first ten months of 2025, the ministry said.",
    "The storm destroyed about {b} homes and left {c} people without power on Thursday.",
    "Revenue climbed to {a}.{c} billion euros, beating the forecast of {b} billion.",
    "Turnout reached {c}% as {b} thousand voters cast ballots in {a} districts.",
    "The club paid a record fee of {b} million pounds for the striker, who scored {c} goals last season.",
]
SIZES = {  # full run, quick run
    "line": ([10_000, 30_000, 100_000, 300_000, 1_000_000, 5_000_000], [2_000, 5_000, 10_000]),
    "token": ([10_000, 50_000, 200_000, 1_000_000], [2_000, 5_000, 10_000]),
    "article": ([1_000_000, 5_000_000, 20_000_000, 50_000_000], [200_000, 500_000, 1_000_000]),
    "fact": ([500, 1_000, 2_000], [100, 200, 400]),
    "html": ([300, 1_000, 3_000], [100, 300]),
}


DESCRIPTIONS = {
    "line": "one line full of numbers, n characters (whole check)",
    "token": "one huge token of digits and commas, n characters (whole check)",
    "article": "one article of ordinary news sentences, n bytes (whole check)",
    "fact": "n articles reporting one fact (whole check)",
    "html": "rendering the report of n generated articles (report built first)",
}


class Point(NamedTuple):
    n: int
    seconds: float | None  # None: past the timeout
    peak_mb: float | None  # the child's own high-water mark (VmHWM), None when unknown
    code: int | None  # the child's exit code
    extra: dict


# --- inputs ---------------------------------------------------------------------------------------

def write_line(folder: Path, n: int) -> None:
    parts, size, i = [], 0, 0
    while size < n:
        piece = NUMBER_PIECES[i % len(NUMBER_PIECES)] + ", "
        parts.append(piece)
        size += len(piece)
        i += 1
    (folder / "line.txt").write_text("".join(parts)[:n] + "\n", encoding="utf-8")


def write_token(folder: Path, n: int) -> None:
    (folder / "token.txt").write_text("Figures: " + ("123," * (n // 4 + 1))[:n] + "\n", encoding="utf-8")


def write_article(folder: Path, n: int) -> None:
    with (folder / "big.txt").open("w", encoding="utf-8") as fh:
        size, i = 0, 0
        while size < n:
            # every sentence unique (a and b grow with i): a repeated sentence is read once per
            # run, which would make a long article of repeats look cheaper than one of news
            s = SENTENCES[i % len(SENTENCES)].format(a=100 + i, b=10 + i // len(SENTENCES), c=i % 100)
            line = s + ("\n\n" if i % 7 == 6 else " ")
            fh.write(line)
            size += len(line.encode())
            i += 1


def write_fact(folder: Path, n: int) -> None:
    wordings = ["Bilateral trade between Vietnam and Laos reached {v} billion USD in 2025.",
                "Vietnam-Laos trade hit {v} billion USD last year, in 2025, officials said.",
                "Two-way trade between Laos and Vietnam totalled {v} billion USD in 2025."]
    values = ["2.98", "nearly 3", "about 2.9", "2.95", "more than 2.9", "3.1"]
    for i in range(n):
        text = wordings[i % len(wordings)].format(v=values[i % len(values)])
        (folder / f"a{i:05d}.txt").write_text(f"---\noutlet: Outlet {i}\ndate: 2026-01-{1 + i % 28:02d}\n---\n{text}\n",
                                              encoding="utf-8")


WRITERS = {"line": write_line, "token": write_token, "article": write_article, "fact": write_fact}


# --- one point, in a child process -----------------------------------------------------------------

def record_peak() -> None:
    """At exit, write this process's peak resident memory (MB) to $BENCH_PEAK_FILE. VmHWM belongs
    to this program's own memory; ru_maxrss would also count the parent's, inherited at fork."""
    def write() -> None:
        try:
            with open("/proc/self/status", encoding="ascii") as fh:
                kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
        except (OSError, StopIteration):
            import resource

            kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        Path(os.environ["BENCH_PEAK_FILE"]).write_text(str(kb / 1024), encoding="ascii")

    import atexit

    atexit.register(write)


# `factlint ARGS...` in a child that reports its own peak memory
# The child imports checker from PYTHONPATH (this tree or a baseline's): the entry bench_shapes
# puts first on sys.path for itself is taken off again.
CLI_CHILD = ("import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); import bench_shapes; "
             "sys.path.remove(str(bench_shapes.REPO)); "
             "bench_shapes.record_peak(); sys.argv[0] = 'factlint'; runpy.run_module('checker', run_name='__main__')")


class Run(NamedTuple):
    seconds: float | None  # None: past the timeout
    peak_mb: float | None
    code: int | None
    stdout: str


def measure(argv: list[str], timeout: float, cwd: Path, tree: Path = REPO) -> Run:
    """Wall time, peak memory, exit code and output of one child process running the factlint
    of `tree` (this repository, or a baseline's exported tree)."""
    peak_file = cwd / "peak.txt"
    peak_file.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree), "BENCH_PEAK_FILE": str(peak_file)}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        try:
            code = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return Run(None, None, None, "")
        seconds = time.perf_counter() - start
        out.seek(0)
        peak = float(peak_file.read_text()) if peak_file.exists() else None
        return Run(seconds, peak, code, out.read().decode("utf-8", "replace"))


def check_point(shape: str, n: int, work: Path, timeout: float, baseline: Path | None = None) -> Point:
    """One whole check of input `n` of `shape`; with `baseline` (an exported tree), the same
    input checked by it too (`before` and `same_report` in extra)."""
    folder = work / f"{shape}_{n}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    WRITERS[shape](folder, n)
    run, report = _check(folder, work, timeout, REPO)
    extra = {}
    if run.code in (0, 1):
        data = json.loads(report)
        extra = {"claims": len(data["claims"]), "findings": len(data["findings"])}
    if baseline is not None:
        before, old = _check(folder, work, timeout, baseline)
        extra.update(before=before.seconds, same_report=old == report)
    shutil.rmtree(folder, ignore_errors=True)
    return Point(n, run.seconds, run.peak_mb, run.code, extra)


def _check(folder: Path, work: Path, timeout: float, tree: Path) -> tuple[Run, str]:
    """`factlint check FOLDER --format json --no-cache -j 1` as `tree` has it: the run and its report."""
    report = work / "report.json"
    report.unlink(missing_ok=True)
    argv = [sys.executable, "-c", CLI_CHILD, str(REPO / "benchmarks"), "check", str(folder), "--format", "json",
            "--output", str(report), "--no-cache", "-j", "1"]
    run = measure(argv, timeout, work, tree)
    return run, report.read_text(encoding="utf-8") if run.code in (0, 1) else ""


def html_point(n: int, work: Path, timeout: float, baseline: str) -> Point:
    from generate_corpus import generate

    corpus = work / f"generated_{n}"
    if not corpus.exists():
        generate(corpus, n)
    run = measure([sys.executable, __file__, "--render-child", str(corpus), baseline], timeout, work)
    extra = json.loads(run.stdout.strip().splitlines()[-1]) if run.code == 0 else {}
    return Point(n, extra.get("html") if run.code == 0 else None, run.peak_mb, run.code, extra)


def render_child(corpus: str, baseline: str) -> None:
    """Build the report of `corpus` once, then time every format's renderer on it (one JSON line
    out), and the HTML renderer of `baseline` beside."""
    from checker.load import load
    from checker.pipeline import analyse
    from checker.render import formats
    from checker.rules import load_rules

    record_peak()
    rules = load_rules()
    articles, warnings = load([corpus])
    report = analyse(articles, rules, warnings)
    out = {"articles": len(report.articles), "claims": len(report.claims), "findings": len(report.findings)}
    renderers = {name: render for name, (render, _) in formats().items()}
    old = _baseline_html(baseline)
    if old is not None:
        renderers["html_baseline"] = old
    os.environ.pop("GITHUB_STEP_SUMMARY", None)  # the github format would append to it
    for name, render in renderers.items():
        t = time.perf_counter()
        render(report)
        out[name] = time.perf_counter() - t
    print(json.dumps(out))


def _baseline_html(rev: str):
    """render_html as it was at `rev`, loaded beside the current package (None if git cannot)."""
    import importlib.util

    src = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:checker/formats/html.py"], capture_output=True,
                         text=True)
    if src.returncode:
        return None
    path = Path(tempfile.mkdtemp()) / "html_baseline.py"
    path.write_text(src.stdout, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("checker.formats.html_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.render_html


# --- printing -----------------------------------------------------------------------------------------

def growth(points: list[Point], startup: float = 0.0) -> list[str]:
    """Exponent of the time between successive points, start-up (a check of one tiny article)
    taken off first."""
    out = [""]
    for a, b in zip(points, points[1:]):
        if a.seconds is None or b.seconds is None:
            out.append("")
            continue
        ta, tb = max(a.seconds - startup, 1e-3), max(b.seconds - startup, 1e-3)
        out.append(f"{math.log(tb / ta) / math.log(b.n / a.n):.2f}")
    return out


def table(rows: list[list[str]], head: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: "  ".join(str(c).rjust(w) for c, w in zip(r, widths))  # noqa: E731
    return "\n".join([fmt(head), "  ".join("-" * w for w in widths), *map(fmt, rows)])


def seconds_text(s: float | None, timeout: float) -> str:
    return f"> {timeout:.0f}" if s is None else f"{s:.3f}" if s < 10 else f"{s:.1f}"


def outcome(p: Point) -> str:
    """Claims found, or why there is no report."""
    if p.code in (0, 1):
        return f"{p.extra.get('claims', '')}"
    return "timeout" if p.code is None else f"exit {p.code}"


def print_shape(shape: str, points: list[Point], timeout: float, startup: float) -> None:
    peak = lambda p: "?" if p.peak_mb is None else f"{p.peak_mb:.0f}"  # noqa: E731
    if shape == "html":
        names = ["text", "markdown", "json", "sarif", "junit", "gitlab", "github", "html", "html_baseline"]
        rows = [[f"{p.n:,}", f"{p.extra.get('findings', 0):,}",
                 *(seconds_text(p.extra.get(k), timeout) if k in p.extra else "" for k in names), g, peak(p)]
                for p, g in zip(points, growth(points))]  # render times: no start-up in them
        head = ["articles", "findings", *(f"{k} s" for k in names[:-1]), "html before s", "html growth", "peak MB"]
    else:
        rows = [[f"{p.n:,}", seconds_text(p.seconds, timeout), g, peak(p), outcome(p)]
                for p, g in zip(points, growth(points, startup))]
        head = ["n", "seconds", "growth", "peak MB", "claims"]
        if any("before" in p.extra for p in points):
            for r, p in zip(rows, points):
                r += [seconds_text(p.extra.get("before"), timeout), "yes" if p.extra.get("same_report") else "NO"]
            head += ["before s", "same report"]
    print(f"\n{shape}: {DESCRIPTIONS[shape]}")
    print(table(rows, head), flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    ap.add_argument("--shapes", default=",".join(SIZES), help="comma-separated: " + ", ".join(SIZES))
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a point is abandoned")
    ap.add_argument("--html-baseline", default=HTML_BASELINE, help="git revision whose HTML renderer runs beside")
    ap.add_argument("--baseline", default=None,
                    help="git revision whose whole check runs beside on every point (same report?)")
    ap.add_argument("--render-child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.render_child:
        render_child(*args.render_child)
        return 0
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    print(f"factlint shape benchmark: commit {commit}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"timeout {args.timeout:.0f} s per point")
    work = Path(tempfile.mkdtemp(prefix="factlint-shapes-"))
    try:
        before = export(args.baseline, work / "baseline") if args.baseline else None
        if args.baseline:
            print(f"beside it: commit {short(args.baseline)}" if before else f"no baseline: git cannot give {args.baseline}")
        startup = check_point("fact", 1, work, args.timeout).seconds or 0.0
        print(f"start-up (a check of one one-sentence article): {startup:.2f} s, taken off before growth")
        for shape in filter(None, args.shapes.split(",")):
            points: list[Point] = []
            for n in SIZES[shape][1 if args.quick else 0]:
                p = html_point(n, work, args.timeout, args.html_baseline) if shape == "html" \
                    else check_point(shape, n, work, args.timeout, before)
                points.append(p)
                if p.seconds is None:
                    break
            print_shape(shape, points, args.timeout, startup)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

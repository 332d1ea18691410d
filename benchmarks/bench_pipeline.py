"""Whole-pipeline benchmark (issues 2 and 5): throughput, peak memory, start-up, matching scale.

    python benchmarks/bench_pipeline.py [--quick] [--articles 10000] [--jobs 1,2,N] [--tracemalloc]
                                        [--skip seeds,generated,startup,matching] [--baseline REV[,REV]]
                                        [--repeat N]

Measured, each configuration in its own process so peak memory is its own:

1. seeds x K   the five seed articles copied to at least 1,000 articles (issue 2): load ->
               extraction -> claims -> match -> compare -> JSON report, one process, no cache.
2. generated   a corpus built by benchmarks/generate_corpus.py (default 10,000 articles) at
               --jobs 1, 2 and N (the CPU count), with a cold cache (empty; entries are written)
               and then a warm one (every extraction read from the cache, and each article's
               claims, as the CLI reads them, from a tree that keeps them: since stop 20).
3. start-up    `factlint check seeds/` as a subprocess, wall time including interpreter start-up
               and imports (best and median of 5), without and with a warm cache; with
               --baseline, the same for each revision (exported beside, same interpreter).
4. matching    align + match, then the checks, alone on 1k, 10k and 100k claims taken from the
               generated corpus (replicated under other subjects and article names past what it
               holds); time per claim shows whether it stays sub-quadratic.

With --baseline REV[,REV...], configurations 1, 2 and 3 also run the tree of each git revision
(exported beside, same interpreter), by turns with this tree, on the same corpus; --repeat N
runs each configuration N times by turns and reports each figure's median.

Peak memory is ru_maxrss of the configuration's process (and, for --jobs > 1, the largest
worker's); --tracemalloc adds the Python-heap peak, which slows the run down by about 2x.
`--quick` runs small sizes (seeds x 200, 1,000 generated articles, 1k/5k claims).
Times are wall-clock, single run: read them as orders of magnitude, not to 5%.
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
from baseline import export, short  # noqa: E402


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


# --- one configuration, in a child process ----------------------------------------------------

def run_pipeline(cfg: dict) -> dict:
    """load -> extract_all -> analyse -> the JSON report's bytes, as the CLI writes them (a tree
    without `render_json_bytes` renders its text and encodes it, as its CLI did); timings per
    stage and peak memory."""
    import tracemalloc

    if cfg.get("tracemalloc"):
        tracemalloc.start()
    from checker.load import load
    from checker.pipeline import analyse
    from checker import report as reports
    from checker.rules import load_rules
    from checker.runner import Stats, extract_all

    t0 = time.perf_counter()
    rules = load_rules()
    articles, warnings = load([cfg["corpus"]])
    t1 = time.perf_counter()
    stats = Stats()
    cache = Path(cfg["cache"]) if cfg.get("cache") else None
    extracted = extract_all(articles, rules, cfg["jobs"], cache, progress=False, stats=stats)
    t2 = time.perf_counter()
    report = analyse(articles, rules, warnings, extracted=extracted, **_claim_store(analyse, cache, stats, cfg["corpus"]))
    t3 = time.perf_counter()
    to_bytes = getattr(reports, "render_json_bytes", None)
    text = to_bytes(report) if to_bytes else reports.render_json(report).encode("utf-8", "backslashreplace")
    t4 = time.perf_counter()
    out = {
        "articles": len(articles), "claims": len(report.claims), "findings": len(report.findings),
        "load": t1 - t0, "extract": t2 - t1, "analyse": t3 - t2, "render": t4 - t3, "total": t4 - t0,
        "hits": stats.hits, "workers": stats.workers, "json_bytes": len(text),
        "rss_mb": _maxrss_mb(resource.RUSAGE_SELF), "children_rss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
    }
    if cfg.get("tracemalloc"):
        out["traced_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    if cfg.get("report_out"):
        Path(cfg["report_out"]).write_bytes(text)
    return out


def _claim_store(analyse, cache: Path | None, stats, corpus: str) -> dict:
    """analyse's claim_store as the CLI passes it (each article's claims kept in the cache), for
    a tree that has one."""
    if cache is None or "claim_store" not in inspect.signature(analyse).parameters:
        return {}
    from checker.runner import ClaimCache

    return {"claim_store": ClaimCache(cache, stats.keys, str(Path(corpus).resolve()))}


def run_matching(cfg: dict) -> dict:
    """align + match, then the checks, on n claims from the corpus, replicated under new subjects
    and article names past what it holds."""
    from checker.checks import Context, run_checks
    from checker.load import load
    from checker.match import comparable
    from checker.pipeline import align, extract_claims, match
    from checker.rules import load_rules
    from checker.runner import extract_all

    rules = load_rules()
    articles, _ = load([cfg["corpus"]])
    extracted = extract_all(articles, rules, cfg["jobs"], Path(cfg["cache"]), progress=False)
    base = extract_claims(articles, [e.sentences for e in extracted], [e.mentions for e in extracted],
                          [e.descriptors for e in extracted], rules)
    sentences0 = {(a.path, k): s for a, e in zip(articles, extracted) for k, s in enumerate(e.sentences)}
    articles0 = articles
    threshold = rules.matching["default"].align_threshold
    results = []
    for n in cfg["sizes"]:
        claims, sentences, articles, r = [], {}, [], 0
        while len(claims) < n:
            tag = f"r{r}/" if r else ""
            for c in base[: n - len(claims)]:
                claims.append(c if r == 0 else c.model_copy(update={
                    "id": tag + c.id, "article": tag + c.article, "subject": sorted(c.subject + [f"Replica {r}"])}))
            sentences.update({(tag + a, k): s.model_copy(update={"article": tag + s.article})
                              for (a, k), s in sentences0.items()})
            articles += [a.model_copy(update={"path": tag + a.path}) for a in articles0]
            r += 1
        t0 = time.perf_counter()
        aligned = align(sentences, [c for c in claims if comparable(c)], threshold)
        groups, related = match(claims, aligned, rules, articles)
        t1 = time.perf_counter()
        findings = run_checks(Context(rules, articles, claims, groups, related))
        t2 = time.perf_counter()
        results.append({"claims": len(claims), "group": t1 - t0, "compare": t2 - t1,
                        "blocks": len(groups), "largest_block": max((len(g.claims) for g in groups), default=0),
                        "findings": len(findings)})
    return {"sizes": results, "rss_mb": _maxrss_mb(resource.RUSAGE_SELF)}


def child(kind: str, cfg: dict) -> dict:
    """Run one configuration in a fresh interpreter; its JSON result."""
    proc = subprocess.run([sys.executable, __file__, "--child", kind, json.dumps(cfg)],
                          capture_output=True, text=True, cwd=cfg.get("cwd", REPO))
    if proc.returncode:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"bench_pipeline: {kind} {cfg} failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- corpora ----------------------------------------------------------------------------------

def seeds_corpus(dest: Path, at_least: int) -> int:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    copies = -(-at_least // len(seeds))
    dest.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for s in seeds:
            shutil.copyfile(s, dest / f"r{k:04d}_{s.name}")
    return copies * len(seeds)


def startup_times(work: Path, repeat: int = 5, tree: Path = REPO) -> dict:
    """`factlint check seeds/ --format json` of `tree` (this repository or an exported baseline),
    run by turns without and with the cache: best and median wall seconds of `repeat` each. The
    first cached run fills the cache and is not counted."""
    exe = REPO / ".venv" / "bin" / "factlint"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "checker"]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    check = [*cmd, "check", str(tree / "seeds"), "--format", "json", "--stdout"]
    subprocess.run(check, cwd=work, capture_output=True, env=env)
    times: dict[str, list[float]] = {"no cache": [], "warm cache": []}
    for _ in range(repeat):
        for label, extra in (("no cache", ["--no-cache"]), ("warm cache", [])):
            t = time.perf_counter()
            subprocess.run([*check, *extra], cwd=work, capture_output=True, env=env)
            times[label].append(time.perf_counter() - t)
    return {label: (min(ts), statistics.median(ts)) for label, ts in times.items()}


# --- table ------------------------------------------------------------------------------------

def table(rows: list[list[str]], head: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    line = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join([line(head), "  ".join("-" * w for w in widths), *map(line, rows)])


def pipeline_row(name: str, tree: str, jobs: int | str, cache: str, r: dict) -> list[str]:
    per = lambda k: f"{r[k] / r['articles'] * 1000:.2f}"  # noqa: E731
    row = [name, tree, str(jobs), cache, f"{r['hits']:,}", f"{r['articles']:,}", f"{r['claims']:,}", f"{r['total']:.1f}",
           f"{r['articles'] / r['total']:.0f}", f"{r['extract']:.1f}", f"{r['analyse']:.1f}",
           f"{r['render']:.1f}", per("analyse"), per("total"),
           f"{r['rss_mb']:.0f}" + (f" / {r['children_rss_mb']:.0f}" if r["workers"] > 1 else "")]
    if "traced_mb" in r:
        row.append(f"{r['traced_mb']:.0f}")
    return row


def by_turns(cfgs: dict[str, dict], repeat: int, cold: bool = False) -> dict[str, dict]:
    """Each tree's configuration run `repeat` times, the trees by turns (so drift in the machine's
    speed falls on all alike); each timing's median. `cold` empties the cache before every run."""
    runs: dict[str, list[dict]] = {name: [] for name in cfgs}
    for _ in range(repeat):
        for name, cfg in cfgs.items():
            if cold and cfg.get("cache"):
                shutil.rmtree(cfg["cache"], ignore_errors=True)
            runs[name].append(child("pipeline", cfg))
    return {name: {k: statistics.median(r[k] for r in rs) if isinstance(v, float) else v for k, v in rs[0].items()}
            for name, rs in runs.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="factlint whole-pipeline benchmark")
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    ap.add_argument("--articles", type=int, default=None, help="generated corpus size (default 10000; quick 1000)")
    ap.add_argument("--seeds-min", type=int, default=None, help="seeds copied to at least this many articles (default 1000; quick 200)")
    ap.add_argument("--jobs", default="1,2,N", help="comma-separated job counts; N = CPU count")
    ap.add_argument("--claims", default=None, help="matching sizes (default 1000,10000,100000; quick 1000,5000)")
    ap.add_argument("--tracemalloc", action="store_true", help="also report the Python-heap peak (slower)")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: seeds,generated,startup,matching")
    ap.add_argument("--baseline", default=None, help="git revisions (comma-separated) run beside this tree, by turns (seeds, generated, start-up)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each pipeline configuration; medians are shown")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        kind, cfg = args.child[0], json.loads(args.child[1])
        if cfg.get("tree"):
            sys.path.insert(0, cfg["tree"])  # a baseline's checker, not this one
        print(json.dumps(run_pipeline(cfg) if kind == "pipeline" else run_matching(cfg)))
        return 0

    from checker.runner import default_jobs
    from generate_corpus import generate

    ncpu = default_jobs()
    n_articles = args.articles or (1000 if args.quick else 10_000)
    seeds_min = args.seeds_min or (200 if args.quick else 1000)
    sizes = [int(s) for s in (args.claims or ("1000,5000" if args.quick else "1000,10000,100000")).split(",")]
    jobs = []
    for j in args.jobs.split(","):
        j = ncpu if j.strip().upper() == "N" else int(j)
        if j not in jobs:
            jobs.append(j)
    skip = set(filter(None, args.skip.split(",")))
    tm = args.tracemalloc
    work = args.work or Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    import checker

    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    print(f"factlint pipeline benchmark: {ncpu} CPUs, Python {sys.version.split()[0]}, checker from "
          f"{Path(checker.__file__).parent} (commit {commit}), scratch {work}")
    print("Run it on a quiet checkout: a change to the extraction code or rules mid-run empties the cache.\n")
    head = ["corpus", "tree", "jobs", "cache", "hits", "articles", "claims", "total s", "art/s", "extract s", "analyse s",
            "render s", "analyse ms/art", "total ms/art", "peak RSS MB (main / worker)"] + (["heap MB"] if tm else [])
    rows = []
    trees: dict[str, Path | None] = {"this": None}  # None: this tree
    for rev in filter(None, (args.baseline or "").split(",")):
        old = export(rev, work / f"baseline_{short(rev)}")
        if old is not None:
            trees[short(rev)] = old

    def configs(cfg: dict, cache: Path | None = None) -> dict[str, dict]:
        return {name: {**cfg, "tree": str(tree) if tree else None, "cwd": str(tree or REPO),
                       "cache": str(cache.with_name(f"{cache.name}_{name}")) if cache else None}
                for name, tree in trees.items()}

    if "seeds" not in skip:
        corpus = work / "seeds_x"
        shutil.rmtree(corpus, ignore_errors=True)
        n = seeds_corpus(corpus, seeds_min)
        for name, r in by_turns(configs({"corpus": str(corpus), "jobs": 1, "tracemalloc": tm}), args.repeat).items():
            rows.append(pipeline_row(f"seeds x{n // 5}", name, 1, "none", r))
        print(table(rows, head) + "\n", flush=True)

    gen = work / f"generated_{n_articles}"
    if "generated" not in skip or "matching" not in skip:
        t = time.perf_counter()
        generate(gen, n_articles)
        print(f"generated {n_articles:,} articles in {time.perf_counter() - t:.1f} s\n", flush=True)
    if "generated" not in skip:
        for j in jobs:
            cfgs = configs({"corpus": str(gen), "jobs": j, "tracemalloc": tm}, work / f"cache_j{j}")
            for state in ("cold", "warm"):
                for name, r in by_turns(cfgs, args.repeat, cold=state == "cold").items():
                    rows.append(pipeline_row("generated", name, j, state, r))
                    print(table(rows[-1:], head).splitlines()[-1], flush=True)
        print("\n" + table(rows, head) + "\n", flush=True)

    if "startup" not in skip:
        cwd = work / "startup"
        shutil.rmtree(cwd, ignore_errors=True)
        cwd.mkdir()
        st = {(name, k): v for name, tree in trees.items() for k, v in startup_times(cwd, tree=tree or REPO).items()}
        print(table([[f"{k} ({name})", f"{v[0]:.3f}", f"{v[1]:.3f}"] for (name, k), v in sorted(st.items(), key=lambda x: x[0][1])],
                    ["factlint check seeds/", "best s", "median s"]) + "\n", flush=True)

    if "matching" not in skip:
        cache = work / "cache_match"
        m = child("matching", {"corpus": str(gen), "jobs": ncpu, "cache": str(cache), "sizes": sizes})
        mrows = []
        for s in m["sizes"]:
            total = s["group"] + s["compare"]
            mrows.append([f"{s['claims']:,}", f"{s['group']:.3f}", f"{s['compare']:.3f}", f"{total:.3f}",
                          f"{total / s['claims'] * 1e6:.1f}", f"{s['blocks']:,}", f"{s['largest_block']:,}",
                          f"{s['findings']:,}"])
        print(table(mrows, ["claims", "align+match s", "checks s", "total s", "us/claim", "groups",
                            "largest group", "findings"]))
        first, last = m["sizes"][0], m["sizes"][-1]
        growth = ((last["group"] + last["compare"]) / max(1e-9, first["group"] + first["compare"]))
        print(f"\n{last['claims'] // first['claims']}x the claims took {growth:.1f}x the time "
              f"(quadratic would be {(last['claims'] // first['claims']) ** 2}x); peak RSS {m['rss_mb']:.0f} MB")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

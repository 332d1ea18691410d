"""Fuzz the command line in-process (issue 10): hostile articles and options through the typer app.

    python benchmarks/fuzz_cli.py [--inputs 20000] [--seed 1] [--max-chars 3000] [--timeout 20]

Each input is a folder of one to three articles plus a command line, made from a seeded random
generator: long digit runs, a hundred numbers in a row, Unicode digits (Arabic-Indic, Devanagari,
full-width, superscript, circled, mathematical), huge tokens, deep punctuation, random Unicode,
news-like sentences; UTF-8 (with and without a mark), UTF-16/32 (with and without a mark),
Latin-1, stray bytes, random bytes, CRLF; front matter that is missing, fine, never closed, full of
impossible dates or huge; odd file names, a sources.toml; random formats, --output, --fail-on,
--select, --changed, and the `extract` command on a file or standard input.

The contract checked for every input: exit 0 or 1 with a report, or exit 2 with one line
`factlint: error: ...` (warnings aside), never a traceback. Exit 3 (the safety net's "internal
error", one line) is counted as a crash like any other exit code: it is a bug that was caught.
The run prints the number of inputs, the exit codes, the crashes grouped by message with an
example, and the inputs that ran past --timeout (counted apart: slow, not crashed).
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DIGIT_SETS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯", "０１２３４５６７８９",
              "๐๑๒๓๔๕๖๗๘๙", "⁰¹²³⁴⁵⁶⁷⁸⁹", "₀₁₂₃₄₅₆₇₈₉", "①②③④⑤⑥⑦⑧⑨", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "½¼¾⅓⅔Ⅻⅻ"]
WORDS = ["nearly", "over", "about", "more than", "up to", "at least", "US$", "$", "€", "VND", "billion", "million",
         "bn", "trillion", "per cent", "%", "percentage points", "times", "km/h", "mph", "acres", "people",
         "deaths", "trade", "investment", "revenue", "in 2025", "as of September 17", "January to October",
         "the first ten months of", "Q3", "(", ")", "–", "-", ",", ".", "three", "twenty-one", "half",
         "one in four", "a third of", "Vietnam", "Laos", "the death toll rose to", "No.", "14th", "\n", " "]
PUNCT = "()[]{}.,;:!?$%&*+-/<>=@#^_|~\"'`\\–—…«»“”‘’"
FORMATS = ["text", "markdown", "json", "html", "sarif", "junit", "gitlab", "github"]
ENCODINGS = ["utf-8"] * 8 + ["utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "latin-1", "stray", "bytes"]


@dataclass
class Case:
    files: dict[str, bytes]  # relative path -> content
    args: list[str]  # command line; "{dir}" stands for the folder the files are written to
    stdin: bytes | None = None


@dataclass
class Outcome:
    code: int | None
    stdout: str = ""
    stderr: str = ""
    error: str = ""  # an exception that escaped the app, or "timeout"
    seconds: float = 0.0


# --- the generator ------------------------------------------------------------------------------

def _digits(rng: random.Random, n: int) -> str:
    digits = rng.choice(DIGIT_SETS)
    seps = rng.choice(["", "", ",", ".", " ", "\u202f", "'", "_"])
    out = []
    for i in range(n):
        out.append(rng.choice(digits))
        if seps and i % 3 == 2 and rng.random() < 0.8:
            out.append(seps)
    return "".join(out)


def _shape(rng: random.Random, size: int) -> str:
    """One piece of hostile or news-like text, at most about `size` characters."""
    kind = rng.randrange(9)
    if kind == 0:  # long digit run
        return f"Revenue was {rng.choice(['$', 'US$', ''])}{_digits(rng, rng.randint(20, size))} {rng.choice(WORDS)}."
    if kind == 1:  # many numbers in a row ("100 101 102 ...")
        start = rng.randint(0, 999)
        return rng.choice(["$", "", "about "]) + " ".join(str(start + i) for i in range(rng.randint(5, size // 4 + 5))) \
            + rng.choice([" billion", " people", "%", ""])
    if kind == 2:  # Unicode digits in a sentence
        return f"The toll rose to {_digits(rng, rng.randint(1, 12))} and trade to {_digits(rng, rng.randint(1, 9))} billion."
    if kind == 3:  # a huge token
        alphabet = rng.choice(["x", "1", "1,", "a1", "$1", "1.", "1-", "9%", "₫", "e9", "0x"])
        return (alphabet * (size // len(alphabet) + 1))[: rng.randint(100, size)]
    if kind == 4:  # deep punctuation
        return "".join(rng.choice(PUNCT) * rng.randint(1, 40) for _ in range(rng.randint(1, size // 20 + 1)))[:size]
    if kind == 5:  # random Unicode, controls and all
        return "".join(chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0, 0x10FFFF)]))
                       for _ in range(rng.randint(0, size // 4)))
    return " ".join(rng.choice(WORDS) if rng.random() < 0.7 else _digits(rng, rng.randint(1, 6))
                    for _ in range(rng.randint(3, size // 6 + 3)))


def _front_matter(rng: random.Random) -> str:
    kind = rng.randrange(7)
    date = rng.choice(["2025-12-01", "2025-13-45", "2025-02-30", "unknown", "yesterday", "2025-06-13T10:00:00Z",
                       "", "0000-00-00", "9999-99-99", _digits(rng, 8)])
    title = rng.choice(["Trade hits $3 billion", "\"quoted: title\"", "'x'", "#", "---", "x" * rng.randint(0, 3000)])
    body = f"title: {title}\noutlet: {rng.choice(['VNA', 'unknown (byline)', '', '<b>'])}\ndate: {date}\n"
    if kind == 0:
        return ""
    if kind == 1:
        return f"---\n{body}"  # never closed
    if kind == 2:
        return f"---\n{body}not a key\n  - item\n# comment\n---\n"
    if kind == 3:
        return "---\n---\n---\n"
    return f"---\n{body}url: https://example.org/a\n---\n"


def _encode(rng: random.Random, text: str) -> bytes:
    enc = rng.choice(ENCODINGS)
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    if enc == "bytes":
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
    if enc == "stray":  # one byte that is not UTF-8, somewhere
        raw = text.encode("utf-8", "surrogatepass")
        at = rng.randint(0, len(raw))
        return raw[:at] + bytes([rng.choice([0x80, 0xC3, 0xE9, 0xFF, 0xFE])]) + raw[at:]
    data = text.encode(enc if enc != "latin-1" else "latin-1", "replace" if enc == "latin-1" else "surrogatepass")
    return data[: rng.randint(0, len(data))] if rng.random() < 0.05 else data  # sometimes truncated


def _file_name(rng: random.Random, i: int) -> str:
    stem = rng.choice([f"a{i}", f"story {i}", f"été-{i}", f"-{i}", f"{i}::x", f"n{i}.txt", f"sub/d{i}"])
    return stem + rng.choice([".txt", ".txt", ".md", ".MD"])


def _options(rng: random.Random, names: list[str]) -> list[str]:
    fmts = rng.sample(FORMATS, rng.randint(1, 3)) if rng.random() < 0.95 else [rng.choice(["pdf", "", ",,"])]
    args = ["--format", ",".join(fmts), "--no-cache", "-j", "1"]
    if rng.random() < 0.85:
        args.append("--stdout")
    elif len(fmts) == 1 and rng.random() < 0.5:
        args += ["--output", "{dir}/out/report.x"]
    for opt, values in (("--fail-on", ["info", "warning", "error", "panic"]),
                        ("--min-severity", ["info", "warning", "error", "x"]),
                        ("--select", ["FL101", "values", "FL9", "value-conflict", ""]),
                        ("--ignore", ["FL301", "related-scope", "nope"])):
        if rng.random() < 0.15:
            args += [opt, rng.choice(values)]
    if rng.random() < 0.1:
        args += ["--changed", "{dir}/" + rng.choice(names + ["typo.txt"])]
    return args


def make_case(rng: random.Random, max_chars: int = 3000) -> Case:
    """One random input: files and a command line."""
    files: dict[str, bytes] = {}
    for i in range(rng.randint(1, 3)):
        text = _front_matter(rng) + "\n".join(_shape(rng, max_chars // 2) for _ in range(rng.randint(1, 3))) + "\n"
        files[_file_name(rng, i)] = _encode(rng, text[:max_chars])
    if rng.random() < 0.1:
        files["sources.toml"] = rng.choice([b'["a0.txt"]\ndate = "2025-02-30"\noutlet = 3\n', b"[[[", b'a0.txt = 1\n'])
    names = [n for n in files if n != "sources.toml"]
    if rng.random() < 0.1:  # the extract command, on a file or on standard input
        if rng.random() < 0.5:
            return Case(files, ["extract", "-", "--format", rng.choice(["table", "json", "jsonl"])],
                        stdin=files[names[0]])
        return Case(files, ["extract", "{dir}/" + names[0]])
    target = "{dir}" if rng.random() < 0.8 else "{dir}/" + names[0]
    return Case(files, ["check", target, *_options(rng, names)])


# --- running and judging ------------------------------------------------------------------------

_RUNNER = None


class _Timeout(BaseException):
    """Raised by the alarm; not an Exception, so no handler in factlint can swallow it."""


def _alarm(*_args) -> None:
    raise _Timeout


def _runner():
    """typer's test runner, with the app turned into its click command once, not per input
    (that costs more than a small input's whole check)."""
    import typer.main
    import typer.testing

    from checker.cli import app

    command = typer.main.get_command(app)
    built = getattr(typer.testing, "_get_command", None)
    if built is not None:  # any other app is still built as before
        typer.testing._get_command = lambda other: command if other is app else built(other)
    return typer.testing.CliRunner(), app


def run_case(case: Case, timeout: float = 20.0) -> Outcome:
    """Write the files into a fresh folder and invoke the typer app in this process."""
    global _RUNNER
    if _RUNNER is None:
        _RUNNER = _runner()
    runner, app = _RUNNER

    folder = Path(tempfile.mkdtemp(prefix="factlint-fuzz-"))
    try:
        for name, data in case.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        args = [a.replace("{dir}", str(folder)) for a in case.args]
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        try:
            result = runner.invoke(app, args, input=case.stdin)
        except _Timeout:
            return Outcome(None, error="timeout", seconds=time.perf_counter() - start)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        error = "" if result.exception is None or isinstance(result.exception, SystemExit) else \
            f"{type(result.exception).__name__}: {result.exception}"
        return Outcome(result.exit_code, result.stdout, result.stderr, error, time.perf_counter() - start)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def problem(outcome: Outcome, case: Case) -> str | None:
    """What breaks the contract (None: a report, or one clear line). Exit 3 is reported too."""
    if outcome.error:
        return f"uncaught {outcome.error}"
    if "Traceback" in outcome.stderr:
        return "traceback on stderr"
    errors = [ln for ln in outcome.stderr.splitlines() if not ln.startswith("factlint: warning: ")]
    if outcome.code in (0, 1):
        fmts = case.args[case.args.index("--format") + 1].split(",") if "--format" in case.args else []
        # GitHub annotations alone may rightly be empty: nothing found, nothing to annotate
        wants_report = ("--stdout" in case.args and fmts != ["github"]) or case.args[0] == "extract"
        return "no report" if wants_report and not outcome.stdout else (None if not errors else "stray stderr")
    if outcome.code == 2:
        return None if len(errors) == 1 and errors[0].startswith("factlint: error: ") else "bad error message"
    if outcome.code == 3:
        ok = len(errors) == 1 and errors[0].startswith("factlint: internal error: ")
        return "internal error (exit 3)" if ok else "internal error, badly reported"
    return f"exit code {outcome.code}"


@dataclass
class Tally:
    inputs: int = 0
    codes: Counter = field(default_factory=Counter)
    crashes: Counter = field(default_factory=Counter)  # "kind: message" -> count
    examples: dict = field(default_factory=dict)  # "kind: message" -> (seed, case)
    slow: list = field(default_factory=list)  # seeds that ran past the timeout


def _key(kind: str, outcome: Outcome) -> str:
    """One group per kind of bug, not per file: the exception's name and message."""
    import re

    detail = outcome.error or (outcome.stderr.strip().splitlines() or [""])[-1]
    m = re.search(r"\b\w+(?:Error|Exception|Exit|Interrupt)\b.*", detail)
    return f"{kind}: {(m.group() if m else detail)[:160]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1, help="first seed; input k uses seed+k")
    ap.add_argument("--max-chars", type=int, default=3000, help="longest article text")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds before an input counts as slow")
    args = ap.parse_args(argv)
    os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="factlint-fuzz-cache-"))
    tally = Tally()
    start = time.perf_counter()
    for k in range(args.inputs):
        seed = args.seed + k
        case = make_case(random.Random(seed), args.max_chars)
        outcome = run_case(case, args.timeout)
        tally.inputs += 1
        if outcome.error == "timeout":
            tally.slow.append(seed)
            continue
        tally.codes[outcome.code] += 1
        kind = problem(outcome, case)
        if kind:
            key = _key(kind, outcome)
            tally.crashes[key] += 1
            tally.examples.setdefault(key, (seed, case.args))
        if (k + 1) % 1000 == 0:
            print(f"  {k + 1:,} inputs, {sum(tally.crashes.values())} crashes, {time.perf_counter() - start:.0f} s",
                  file=sys.stderr, flush=True)
    report(tally, time.perf_counter() - start)
    return 1 if tally.crashes else 0


def report(tally: Tally, seconds: float) -> None:
    codes = ", ".join(f"exit {c}: {n:,}" for c, n in sorted(tally.codes.items(), key=lambda t: str(t[0])))
    print(f"inputs: {tally.inputs:,} in {seconds:.0f} s ({codes}; slow, past the timeout: {len(tally.slow)})")
    print(f"crashes (exit code not 0/1/2, or a broken contract): {sum(tally.crashes.values()):,}")
    for key, n in tally.crashes.most_common():
        seed, argv = tally.examples[key]
        print(f"  {n:>6,}  {key}\n          e.g. seed {seed}: factlint {' '.join(argv)}")
    if tally.slow:
        print(f"slow inputs (seeds): {tally.slow[:20]}")


if __name__ == "__main__":
    sys.exit(main())

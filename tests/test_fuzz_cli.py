"""Any input through the command line (issue 10): a report (exit 0 or 1) or one line (exit 2 for
bad input, exit 3 for a bug the safety net caught), never a traceback or another exit code.

The inputs come from benchmarks/fuzz_cli.py's generator (long digit runs, Unicode digits, huge
tokens, deep punctuation, odd encodings and front matter, random options), driven by
hypothesis; that script runs the same check on 20,000 inputs and counts exit 3 as a crash.
"""
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from fuzz_cli import make_case, problem, run_case  # noqa: E402


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_any_input_gives_a_report_or_one_line(rng):
    case = make_case(rng, max_chars=1500)
    outcome = run_case(case, timeout=60)
    assert outcome.error != "timeout", case.args
    assert problem(outcome, case) in (None, "internal error (exit 3)"), (case.args, outcome.stderr[-500:])

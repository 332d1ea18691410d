"""Issue 10 for the extractor: no input makes it raise, its cost is bounded (long texts and
tokens are cut), and every cut is reported as a `limit` mention."""
from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.extract import extract_mentions, limit_notes
from checker.extract.limits import MAX_TEXT, MAX_TOKEN
from checker.rules import load_rules

RULES = load_rules()


def check_contract(text: str) -> list:
    """Mentions are sorted, disjoint, cut from the text, with finite numbers."""
    found = extract_mentions(text, RULES)
    assert found == sorted(found, key=lambda m: m.start)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert text[m.start:m.end] == m.text
        for v in (m.value, m.low, m.high):
            assert not isinstance(v, float) or math.isfinite(v), m
    return found


def test_long_digit_runs_do_not_overflow():
    for n in (40, 400, 4000):
        found = check_contract("growth of " + "9" * n + " percent")
        assert all(m.kind != "percent" for m in found)  # no number has that many digits


def test_spaced_three_digit_numbers_are_not_one_number():
    text = " ".join(str(100 + i) for i in range(100))
    values = [m.value for m in check_contract(text) if m.kind == "count"]
    assert values and max(values) < 1e15


def test_unicode_digits_are_read_as_digits():
    (m,) = check_contract("١٢٣ people")
    assert m.value == 123 and m.noun == "people"
    (m,) = check_contract("reached ２０２５ units")
    assert m.value in (2025, "2025")


def test_huge_exponent_and_magnitudes_stay_finite():
    check_contract("2.5×10^999 and 1e308 and " + " ".join(["trillion"] * 30))
    check_contract("$" + "9" * 29 + " trillion crore")


def test_a_long_token_is_masked_and_reported():
    token = "ab1" * (MAX_TOKEN)
    found = check_contract(f"reached 5 people {token} and 7 cars")
    assert [m.value for m in found if m.kind == "count"] == [5, 7]
    (note,) = limit_notes(found)
    assert f"{len(token):,} characters" in note


def test_a_long_text_is_cut_and_reported():
    text = "The toll rose to 12 people. " * (2 * MAX_TEXT // 28)
    found = check_contract(text)
    (cut,) = [m for m in found if m.kind == "limit"]
    assert cut.start <= MAX_TEXT and text[cut.start - 1] == " "
    assert all(m.end <= cut.start for m in found)
    assert f"{len(text):,} characters" in str(cut.value)
    assert limit_notes(extract_mentions("12 people", RULES)) == []


DIGITISH = st.sampled_from(list("0123456789٣۴७๕,.-–/:%$€£()[]x×^ ") + ["000", " 000", "1,", "  ", "\u00a0"])
NEWSY = st.sampled_from([
    "nearly", "over", "US$", "3", "2.98", "billion", "between", "and", "to", "(", ")", "%", "per cent",
    "in 2025", "January 9-10", "No.", "14th", "one", "a", "half", "hundreds of", "times", "km/h",
    "at least", "or more", "third", "in", "four", "1 in 5", "Q3", "yesterday", "-", ",",
])
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(DIGITISH, max_size=300).map("".join),
    st.lists(NEWSY, max_size=80).map(" ".join),
    st.integers(0, 3000).map(lambda n: "(" * n + "1" + ")" * n),
    st.integers(0, 2000).map(lambda n: "1" * n),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_mentions_never_an_exception(text):
    check_contract(text)

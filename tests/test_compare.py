"""Compare stage: interval semantics of hedges and rounding, clusters and verdicts."""
import pytest

from checker.compare import AGREE, CONFLICT, TENSION, clusters, interval, relation
from checker.models import Claim
from checker.rules import load_rules

RULES = load_rules()


def claim(value, hedge=None, low=None, high=None, text="x", unit="USD", kind="amount", **kw):
    low = value if low is None else low
    high = value if high is None and hedge not in ("above", "at_least") else high
    return Claim(id=kw.pop("id", "c"), article=kw.pop("article", "a.txt"), kind=kind, value=value,
                 unit=unit, hedge=hedge, low=low, high=high, text=text, quote=text, line=1, column=1, **kw)


def rel(a, b):
    return relation(interval(a, RULES, "USD"), interval(b, RULES, "USD"))


NEARLY_3 = claim(3e9, "below", 2.85e9, 3e9)
EXCEEDING_3 = claim(3e9, "above", 3e9, 3.15e9)
PRINTED_298 = claim(2.98e9, None, 2.975e9, 2.985e9)
PRINTED_22 = claim(2.2e9, None, 2.15e9, 2.25e9)
PRINTED_225 = claim(2.25e9, None, 2.245e9, 2.255e9)


@pytest.mark.parametrize("a,b,expected", [
    (NEARLY_3, PRINTED_298, AGREE),          # "nearly 3 billion" vs "2.98 billion"
    (EXCEEDING_3, PRINTED_298, CONFLICT),    # "exceeding 3 billion" vs "2.98 billion"
    (NEARLY_3, EXCEEDING_3, CONFLICT),       # both open at 3: no value satisfies both
    (PRINTED_22, PRINTED_225, TENSION),      # overlap only at the rounding edge
    (claim(2.2e9, "above", 2.2e9, 2.31e9), PRINTED_225, AGREE),  # "over 2.2" holds 2.25
])
def test_relations(a, b, expected):
    assert rel(a, b) == expected
    assert rel(b, a) == expected


def test_touching_closed_bound_is_tension():
    up_to = claim(149.0, "at_most", 74.5, 149.0, unit="km/h", kind="quantity")
    over = claim(149.0, "above", 149.0, 156.0, unit="km/h", kind="quantity")
    assert relation(interval(up_to, RULES, None), interval(over, RULES, None)) == TENSION


def test_a_value_inside_a_one_sided_range_agrees():
    five = claim(5.0, unit="", kind="count")
    at_least_five = claim(5.0, "at_least", 5.0, None, unit="", kind="count")
    assert rel(five, at_least_five) == AGREE  # "5 students" and "at least five students"
    assert rel(claim(4.0, unit="", kind="count"), at_least_five) == CONFLICT


def test_round_numbers_are_read_loosely():
    assert rel(claim(2000.0, unit="", kind="count"), claim(1929.0, unit="", kind="count")) == TENSION
    assert rel(claim(329.0, unit="", kind="count"), claim(350.0, unit="", kind="count")) == CONFLICT


def test_units_convert_through_rules():
    mph = claim(92.0, "at_most", 46.0, 92.0, unit="mph", kind="quantity")
    kmh = claim(149.0, "at_most", 74.5, 149.0, unit="km/h", kind="quantity")
    assert relation(interval(mph, RULES, None), interval(kmh, RULES, None)) == AGREE


def test_currency_converts_only_through_a_stated_twin():
    vnd = claim(4e13, "about", 3.6e13, 4.4e13, unit="VND")
    assert interval(vnd, RULES, "USD") is None
    from checker.models import Mention
    twin = Mention(kind="amount", text="$1.6 billion", start=0, end=1, value=1.6e9, unit="USD",
                   low=1.55e9, high=1.65e9)
    assert interval(vnd.model_copy(update={"twin": twin}), RULES, "USD").nominal == 1.6e9


def test_temperatures_convert_with_an_offset():
    c = claim(45.0, None, 44.5, 45.5, unit="°C", kind="quantity")
    f = claim(113.0, None, 112.5, 113.5, unit="°F", kind="quantity")
    assert relation(interval(c, RULES, None), interval(f, RULES, None)) == AGREE


def test_a_multiple_reads_as_a_percent_change():
    times = claim(1.5, "about", 1.4, 1.6, unit="", kind="multiplier")
    pct = claim(32.7, None, 32.65, 32.75, unit="percent", kind="percent")
    assert relation(interval(times, RULES, None), interval(pct, RULES, None)) == CONFLICT


def test_dates_are_days():
    a = claim("2025-04-24", None, None, None, unit="", kind="date")
    b = claim("2025-04-25", None, None, None, unit="", kind="date")
    assert relation(interval(a, RULES, None), interval(b, RULES, None)) == CONFLICT
    assert relation(interval(a, RULES, None), interval(a, RULES, None)) == AGREE


def test_clusters_count_articles_not_claims():
    ivs = [interval(PRINTED_298, RULES, "USD"), interval(EXCEEDING_3, RULES, "USD")]
    # one article repeats 2.98 three times; two other articles say "exceeding 3 billion"
    parts = clusters(2, [["a.txt", "a.txt", "a.txt"], ["b.txt", "c.txt"]], lambda i, j: True,
                     lambda i, j: relation(ivs[i], ivs[j]))
    assert parts[0] == [1]


def test_clusters_by_kind_are_the_clusters_by_reading():
    # many readings of few values, some pairs never matched: telling clusters the kinds (relation
    # asked once per pair of values) must not change the partition
    values = [NEARLY_3, EXCEEDING_3, PRINTED_298, PRINTED_22, PRINTED_225]
    picks = [(7 * i) % len(values) for i in range(40)]
    ivs = [interval(values[p], RULES, "USD") for p in picks]
    arts = [[f"{i % 13}.txt"] for i in range(40)]

    def comparable(i, j):
        return (i + j) % 5 != 0

    def relate(i, j):
        return relation(ivs[i], ivs[j])

    plain = clusters(40, arts, comparable, relate)
    assert len(plain) > 1
    assert clusters(40, arts, comparable, relate, kinds=picks) == plain


def test_clusters_asked_only_for_candidate_pairs_are_the_same_clusters():
    # readings matched to few others (dates of one event across many articles): asking only the
    # pairs that may be comparable gives the partition asking every pair gives
    values = [NEARLY_3, EXCEEDING_3, PRINTED_298, PRINTED_22, PRINTED_225]
    picks = [(3 * i) % len(values) for i in range(30)]
    ivs = [interval(values[p], RULES, "USD") for p in picks]
    arts = [[f"{i % 11}.txt"] for i in range(30)]
    linked = {(i, j) for i in range(30) for j in range(30) if abs(i - j) in (1, 2, 7)}
    asked = []

    def comparable(i, j):
        asked.append((i, j))
        return (i, j) in linked

    def relate(i, j):
        return relation(ivs[i], ivs[j])

    plain = clusters(30, arts, comparable, relate, kinds=picks)
    assert len(plain) > 1
    asked.clear()
    near = [{j for j in range(30) if (i, j) in linked} for i in range(30)]
    assert clusters(30, arts, comparable, relate, kinds=picks, candidates=near) == plain
    assert asked and set(asked) <= linked

"""Claims stage: metric, subject, period, aggregation and modality attached to each value."""
from checker.models import Article
from checker.pipeline import extract_article, extract_claims
from checker.rules import load_rules

RULES = load_rules()


def claims(*texts, dates=None):
    arts = [Article(path=f"{i}.txt", text=t, date=(dates or {}).get(i)) for i, t in enumerate(texts)]
    return extract_claims(arts, [extract_article(a, RULES) for a in arts], RULES)


def by_text(cs):
    return {c.text: c for c in cs if c.metric}


def test_trade_with_periods_and_targets():
    cs = by_text(claims(
        "Bilateral trade between Vietnam and Laos reached 2.25 billion USD in 2024, and surged to "
        "2.98 billion USD in 2025, up 32.7% year-on-year. The two countries plan to lift their trade "
        "to 5 billion USD within the next two to three years."))
    assert (cs["2.25 billion USD"].metric, cs["2.25 billion USD"].period) == ("trade", "2024")
    assert cs["2.98 billion USD"].period == "2025"
    growth = cs["32.7%"]
    assert (growth.metric, growth.period, growth.aggregation) == ("trade.growth", "2025", "change")
    assert cs["5 billion USD"].modality == "target"
    assert cs["2.98 billion USD"].subject == ["Laos", "Vietnam"]


def test_partial_periods_and_relative_years():
    cs = by_text(claims(
        "Two-way trade between Vietnam and Laos in the first ten months of 2025 hit nearly US$2.5 billion.",
        "Bilateral trade between Vietnam and Laos reached US$2.25 billion last year.",
        dates={1: "2025-08-04"}))
    assert cs["nearly US$2.5 billion"].period == "2025-01/2025-10"
    assert cs["US$2.25 billion"].period == "2024"


def test_stock_with_as_of_date_and_counted_nouns():
    cs = by_text(claims("Regarding investment, Vietnam currently has 274 projects in Laos with a "
                        "total registered capital of over $5.8 billion.", dates={0: "2025-12-01"}))
    assert cs["274"].metric == "projects" and cs["274"].period == "as of 2025-12-01"
    inv = cs["over $5.8 billion"]
    assert (inv.metric, inv.aggregation, inv.hedge) == ("investment", "stock", "above")


def test_counts_of_other_things_have_no_metric():
    cs = claims("The two leaders welcomed efforts to resolve stalled projects. "
                "Nearly 235,000 houses and 1,500 schools were destroyed and damaged.")
    metrics = {c.text: c.metric for c in cs}
    assert metrics["two"] is None and metrics["1,500"] is None
    assert metrics["Nearly 235,000"] == "homes_damaged"


def test_casualty_counts_and_their_sum():
    cs = claims("The death toll in Vietnam stands at 292, with 38 missing, according to authorities.")
    got = {(c.metric, c.value) for c in cs if c.metric}
    assert {("deaths", 292.0), ("missing", 38.0), ("dead_and_missing", 330.0)} <= got


def test_places_learned_and_referred_back():
    cs = claims("A flash flood in Lao Cai on September 10 buried the entire Lang Nu Village under mud. "
                "The village was home to 37 households with 158 members. "
                "In Lao Cai Province, 53 people have been confirmed dead.")
    subj = {c.text: c.subject for c in cs if c.metric}
    assert subj["37"] == ["Lang Nu"] and subj["158"] == ["Lang Nu"]
    assert subj["53"] == ["Lao Cai"]  # "Lao" in a place name is not Laos


def test_threshold_is_a_floor():
    (c,) = [c for c in claims("Bilateral trade between Vietnam and Laos exceeded US$3 billion for the "
                              "first time in 2025.") if c.metric]
    assert c.hedge == "above" and c.high is None


def test_unknown_metric_is_kept_not_dropped():
    cs = claims("Vietnam committed USD 3 million to build a district hospital.")
    assert [c.text for c in cs if c.kind == "amount"] == ["USD 3 million"]


def test_directional_metrics_keep_the_order_of_the_sides():
    cs = by_text(claims("Vietnam's exports to Laos reached US$1.2 billion in 2025.",
                        "Laos exported US$1.8 billion worth of goods to Vietnam in 2025."))
    assert cs["US$1.2 billion"].subject == ["Vietnam", "Laos"]
    assert cs["US$1.8 billion"].subject == ["Laos", "Vietnam"]

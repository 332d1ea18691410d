"""Legitimate variation of outlets in domains the shared stories do not cover (a launch, a quake,
a trial, an election), in sentences of the project's own: what must stay quiet, and the
discrepancy beside it that must still be reported."""
from checker.models import Article
from checker.pipeline import analyse
from checker.rules import load_rules

RULES = load_rules()


def alarms(*texts, dates=None):
    """The claim texts of every error and warning on these articles (one per text)."""
    arts = [Article(path=f"{i}.txt", text=t, outlet=f"Outlet {i}", date=(dates or {}).get(i))
            for i, t in enumerate(texts)]
    return [sorted(c.text for c in f.claims) for f in analyse(arts, RULES).findings if f.severity != "info"]


def test_a_measurement_converted_by_another_outlet_is_read_with_its_rounding():
    assert alarms("The new bridge has a main span of 410 metres.",
                  "The bridge's main span of 1,345 feet is the longest in the region.") == []
    assert alarms("The 92-metre tower opened on Monday.", "The 302-foot tower opened to visitors.") == []
    # a figure that no rounding converts is still a conflict
    assert alarms("The new bridge has a main span of 410 metres.",
                  "The bridge's main span of 1,545 feet is the longest in the region.") \
        == [["1,545 feet", "410 metres"]]


def test_the_figures_of_a_when_clause_are_of_the_time_it_follows():
    # "since 1990, when ...": the old quake's figures are 1990's, history to today's quake
    assert alarms("It was the strongest earthquake in the province since 1990, when a magnitude 7.4 quake killed about 900 people.",
                  "The magnitude 6.2 quake struck at dawn and killed 35 people, officials said.",
                  dates={0: "2025-04-02", 1: "2025-04-02"}) == []
    # the same figures stated for today are still compared
    assert alarms("The magnitude 7.4 quake struck the province at dawn.",
                  "The magnitude 6.2 quake struck at dawn, officials said.",
                  dates={0: "2025-04-02", 1: "2025-04-02"}) == [["6.2", "7.4"]]


def test_a_with_clause_goes_on_with_the_bulletin_of_the_dated_count_before_it():
    first = "Officials said on Thursday that 41 people had died and more than 200 were injured in the landslide."
    later = "The death toll from Thursday's landslide rose to 82 on Saturday, with more than 300 people injured."
    assert alarms(first, later, dates={0: "2025-03-06", 1: "2025-03-08"}) == []


def concept(sentence: str, text: str) -> str | None:
    from checker.describe import describe_sentence
    from checker.extract import extract_mentions
    mentions = extract_mentions(sentence, RULES)
    (d,) = [d for m, d in zip(mentions, describe_sentence(sentence, mentions, RULES)[0]) if m.text == text]
    return d.concept


def test_a_count_and_the_next_clauses_verb_with_its_own_figure_are_two_measures():
    assert concept("The storm killed 214 people and injured more than 1,100.", "214") == "deaths"
    assert concept("The blast killed 12 workers and injuring 40 others, police said.", "12") != "injured"
    # a second noun without a figure of its own is still what is counted
    assert concept("Floodwaters left 300 dead and missing in the valley.", "300") is not None


def test_a_word_labelling_another_figure_is_not_the_measure_of_a_later_one():
    assert concept("Magnitude 7.1 quake kills 40 in Peru", "40") == "deaths"
    assert concept("Magnitude 7.1 quake kills 40 in Peru", "7.1") == "magnitude"
    assert concept("Category 4 storm kills at least 12 in Florida", "at least 12") == "deaths"

"""Measure descriptors: what a number measures, read from the grammar around it in any domain.

The sentences are the project's own, across sport, elections, business, disasters, health and
science; none of their nouns is in a word list."""
import json

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.describe import describe_sentence
from checker.extract import extract_mentions
from checker.models import Article
from checker.pipeline import analyse
from checker.rules import load_rules

RULES = load_rules()


def described(sentence: str) -> dict:
    mentions = extract_mentions(sentence, RULES)
    return {m.text: d for m, d in zip(mentions, describe_sentence(sentence, mentions, RULES)[0])}


@pytest.mark.parametrize("sentence, value, rule, head", [
    # the noun a number counts
    ("The party won 411 seats in the lower house.", "411", "counted-noun", ["seat"]),
    ("She finished the season with 24 assists.", "24", "counted-noun", ["assist"]),
    # what happened to people counted
    ("Officials said 3,408 have been injured.", "3,408", "predicate", ["injure"]),
    ("At least 52 people were evacuated from the valley.", "At least 52", "predicate", ["evacuate"]),
    # X of N
    ("The club agreed a fee of €103m for the striker.", "€103m", "x-of-n", ["fee"]),
    ("Quarterly revenue of $30.04 billion beat forecasts.", "$30.04 billion", "x-of-n", ["quarterly", "revenue"]),
    # N of X, N in X
    ("The incumbent took 36% of the vote.", "36%", "n-of-x", ["vote"]),
    ("The heatwave caused €2.3 billion in agricultural losses.", "€2.3 billion", "n-in-x", ["agricultural", "loss"]),
    # past a restatement in parentheses
    ("The insurer paid 2 million euros ($2.2 million) in damages to the family.", "2 million euros", "n-in-x", ["damage"]),
    ("The blaze has burned 36,000 acres (56 square miles) of forest.", "36,000 acres", "n-of-x", ["forest"]),
    # subject - verb - number
    ("The film grossed $99.9 million in North America.", "$99.9 million", "frame", ["film"]),
    ("Turnout was 61.2% in the capital.", "61.2%", "frame", ["turnout"]),
    # a pronoun that gives is not the measure, nor is the clause's topic
    ("The insurer, one of the largest in Europe, said it will pay 5 million euros to each family.",
     "5 million euros", "frame", ["pay"]),
    # past a verb that reports what is known of them: the verb after "to"
    ("Only about 15 are believed so far to have escaped the blaze.", "about 15", "predicate", ["escape"]),
    ("Some 30 people are feared to be trapped in the mine.", "Some 30", "predicate", ["trap"]),
    # the noun right after an amount names it when nothing else does
    ("The carmaker announced a $2 billion investment in Ohio.", "$2 billion", "entity", ["investment"]),
])
def test_frames(sentence, value, rule, head):
    d = described(sentence)[value]
    assert (d.rule, d.head) == (rule, head)


def test_people_counts_take_what_happened_to_them():
    d = described("The blaze killed dozens of people near the harbour.")["dozens"]
    assert d.head == ["kill"] and d.concept == "deaths"


def test_relative_clause_does_not_become_the_measure():
    d = described("The toll from the landslide that buried the valley on June 3 has reached 212.")["212"]
    assert d.head == ["toll"] and d.concept == "deaths"


def test_partitive_keeps_what_sets_the_part_apart():
    d = described("Of the total, 33 of the victims were firefighters.")["33"]
    assert "firefighter" in d.lemmas("predicate")


def test_small_count_after_the_is_a_reference_not_a_measure():
    assert described("The two leaders met in Geneva.")["two"].rule == "reference"


def test_list_items_share_the_predicate():
    ds = described("Four hospitals and one clinic were destroyed.")
    assert ds["Four"].lemmas("predicate") == {"destroy"} == ds["one"].lemmas("predicate")


def test_unit_measures_carry_the_thing_measured():
    ds = described("A 6.4-magnitude aftershock followed the 7.7-magnitude quake.")
    assert ds["6.4-magnitude"].lemmas("entity") == {"aftershock"}
    assert ds["6.4-magnitude"].concept == "magnitude"


def test_changes_are_marked():
    ds = described("Exports rose 12% to $4.1 billion, up from $3.7 billion.")
    assert ds["12%"].change and not ds["$4.1 billion"].change


def test_a_number_without_words_around_it_is_undescribed_not_dropped():
    d = described("2,000.")["2,000"]
    assert not d.described


def test_an_ordinal_subject_says_which_of_a_series_the_value_is_about():
    d = described("The magnitude of the first tremor was 5.9 and the second was 5.1, the agency said.")
    assert d["5.9"].lemmas("instance") == {"#1"} and d["5.1"].lemmas("instance") == {"#2"}
    d = described("Turnout in the second round was 48%.")
    assert d["48%"].lemmas("instance") == {"#2"}
    assert not described("The team's second-highest scorer had 24 points.")["24 points"].lemmas("instance")
    assert not described("Turnout was 54.7 percent.")["54.7 percent"].lemmas("instance")  # unmarked: no instance


def test_a_share_taken_is_not_a_change():
    assert not described("The incumbent took 52.4 percent of the vote.")["52.4 percent"].change
    assert described("Exports surged 38% in March.")["38%"].change


def test_a_resultative_verb_counts_the_state_it_left_people_in():
    d = described("The floods have left 87 people dead and missing across the south.")["87"]
    assert (d.rule, d.concept) == ("predicate", "dead_and_missing")
    assert described("The storm left 5,000 people homeless.")["5,000"].head == ["homeless"]


def test_a_participle_before_a_noun_qualifies_what_is_counted():
    d = described("The health ministry has recorded 1,872 suspected measles cases in the region.")["1,872"]
    assert (d.rule, d.concept) == ("counted-noun", "cases") and d.lemmas("qualifier") == {"suspect"}
    assert described("Rescuers said 139 injured were taken to hospital.")["139"].rule == "predicate"


def test_a_part_of_a_counted_whole_counts_what_the_whole_counts_and_is_marked_as_a_part():
    d = described("The virus has now been found in nine of the province's 29 districts.")
    assert d["nine"].head == ["district"] and d["nine"].lemmas("instance") == {"part"}
    assert d["29"].head == ["district"] and d["29"].lemmas("instance") == {"whole"}


def test_the_whole_of_a_part_is_never_a_count_someone_won():
    rep = analyse([Article(path="a.txt", text="Curfews apply in 6 of the nation's 18 provinces.", outlet="A"),
                   Article(path="b.txt", text="Curfews apply in six provinces.", outlet="B")], RULES)
    assert not rep.findings  # 18 is how many provinces the nation has
    assert described("Voters in 40 of the 52 counties backed the plan.")["52"].lemmas("instance") == {"whole"}
    # a change's base is the part's, not the whole's
    d = described("The Farmers' League won 13 of the 31 districts, up from 9 in 2020.")
    assert not d["9"].lemmas("instance") and d["9"].terms[0] == d["13"].terms[0]


def test_an_opening_whole_qualifies_the_part_that_follows_it():
    d = described("Out of the 180 students enrolled, 42 graduates found jobs abroad.")["42"]
    assert {"student", "enrol"} & d.lemmas("qualifier")


def test_a_name_that_is_the_whole_subject_says_whose_figure_it_is():
    d = described("Garcia received 10,412 votes, while Novak finished with 9,877.")["9,877"]
    assert "novak" in {t.lemma for t in d.terms if t.text[:1].isupper()}
    # a name the rules know (a country, in two words) is the subject stage's, not an owner
    d = described("Viet Nam currently has 274 projects in the region.")["274"]
    assert not any(t.text[:1].isupper() for t in d.terms)


def test_a_figure_for_each_one_of_something_is_marked_per_unit():
    d = described("Net income rose to $612 million, or $1.37 a share, from $498 million a year ago.")
    assert d["$1.37"].lemmas("per") == {"share"} and not d["$612 million"].lemmas("per")
    d = described("Earnings per share were $1.37, compared with $1.12 a year earlier.")
    assert d["$1.37"].lemmas("per") == d["$1.12"].lemmas("per") == {"share"}
    assert not described("The fund pays $10 per person and $5 million in total.")["$5 million"].lemmas("per")


def test_the_base_of_a_change_measures_what_the_changed_figure_measures():
    d = described("Acme Robotics reported revenue of $4.8 billion, up 14 percent from $4.2 billion a year earlier.")
    assert d["$4.2 billion"].terms == d["$4.8 billion"].terms
    assert {"acme", "robotics"} <= {t.lemma for t in d["$4.8 billion"].terms if t.role == "owner"}
    # "against" sets another subject's figure beside it, not a base
    d = described("Garcia ended with 10,412 votes against 9,877 for Lena Novak.")
    assert {t.lemma for t in d["9,877"].terms if t.role == "owner"} == {"lena", "novak"}


def test_a_margin_is_a_difference():
    assert described("The incumbent won the race by 4,200 votes.")["4,200"].change
    assert described("Garcia led Novak by 535 votes with all wards reporting.")["535"].change
    assert not described("The bridge was hit by 12 trucks.")["12"].change


def test_a_parts_possessor_qualifies_its_figure_and_the_wholes_does_not():
    d = described("The unit's sales of $2.1 billion were a record.")["$2.1 billion"]
    assert d.lemmas("qualifier") == {"unit"}
    assert not described("The company's revenue rose to $5 billion.")["$5 billion"].lemmas("qualifier")


def test_a_generic_head_hands_over_to_its_of_phrase():
    d = described("The number of deaths blamed on the storm rose to nine on Friday.")["nine"]
    assert d.concept == "deaths" and "death" in d.head


def test_a_base_that_names_its_own_owner_keeps_it():
    d = described("The hurricane killed six people, far fewer than Katrina's 1,392, officials said.")
    assert "katrina's" in {t.lemma for t in d["1,392"].terms if t.role == "owner"}


def test_what_a_verb_of_change_changes_is_read_past_a_determiner():
    d = described("The central bank raised its key interest rate to 4.5 percent.")["4.5 percent"]
    assert d.concept == "interest_rate" and "raise" in d.lemmas("verb")


def test_what_a_verb_of_change_changes_keeps_its_of_phrase():
    d = described("The drug reduced the risk of death by 25 percent.")["25 percent"]
    assert d.lemmas("x-of-n") == {"risk"} and d.lemmas("qualifier") == {"death"}


def test_a_measurements_verb_names_a_known_measure_past_an_of_phrase():
    d = described("The blaze has scorched 21,500 hectares of forest.")["21,500 hectares"]
    assert (d.head, d.concept) == (["forest"], "area_burned")


def test_a_later_figure_of_a_list_is_the_first_figures_owners():
    d = described("Kestrel Micro reported revenue of $1.9 billion and a profit of $200 million.")["$200 million"]
    assert d.head == ["profit"] and {"kestrel", "micro"} <= d.lemmas("owner")
    d = described("LeBron James finished with 38 points, 11 rebounds and 7 assists.")["7"]
    assert d.head == ["assist"] and {"lebron", "james"} <= d.lemmas("owner")


def test_a_figure_after_the_verbs_object_is_the_subjects_and_a_score_is_one_side_each():
    d = described("The Senate passed the bill 52-48.")
    assert d["52"].lemmas("qualifier") == {"bill"} and "senate" in d["52"].lemmas("subject")
    assert "senate" in d["48"].lemmas("owner")


def test_a_figure_followed_by_a_gap_word_is_a_difference():
    d = described("The leader finished 14 seconds ahead of the defending champion.")
    assert d["14 seconds"].change
    assert described("The bill fell 12 votes short of a majority.")["12"].change
    # "ahead of" after a plain count or a noun times it
    assert not described("Police deployed 5,000 officers ahead of the summit.")["5,000"].change
    assert not described("The team has 71 points after 36 games.")["71 points"].change


def test_what_happened_in_a_share_of_a_group_is_measured():
    d = described("Serious side effects occurred in 4.2 percent of volunteers given the vaccine.")["4.2 percent"]
    assert {"occur", "effect"} <= {t.lemma for t in d.terms}
    # a place is still where, not what: "in nine of the 29 districts"
    assert "confirm" not in {t.lemma for t in described("Cases were confirmed in nine of the 29 districts.")["nine"].terms}


@pytest.mark.parametrize("sentence, value, verb", [
    ("About 12 percent of students at the academy quit the course in the first month.", "About 12 percent", "quit"),
    ("Two in five firms in the survey cut staff last year.", "Two in five", "cut"),
    ("Some 40 residents in the town died in the blaze.", "Some 40", "die"),
])
def test_the_verb_after_a_counted_phrase_and_its_qualifier_is_its_predicate(sentence, value, verb):
    d = described(sentence)[value]
    assert verb in {t.lemma for t in d.terms if t.role in ("predicate", "concept")}


@pytest.mark.parametrize("sentence, value, head, which", [
    # the change is of the risk of every outcome the list names, not of its last one
    ("The vaccine cut the risk of hospital admission or death by 70 percent.", "70 percent", ["risk"],
     {"admission", "death"}),
    ("The new engine lowered the cost of repairs, fuel and insurance by 12 percent.", "12 percent",
     ["cost"], {"repair", "fuel", "insurance"}),
    # a phrase after the changed noun says which of them
    ("The drug cut deaths from heart disease by 18 percent.", "18 percent", ["death"], {"heart", "disease"}),
])
def test_the_object_of_a_change_reads_past_lists_and_qualifiers(sentence, value, head, which):
    d = described(sentence)[value]
    assert d.head == head and which <= {t.lemma for t in d.terms if t.role == "qualifier"}


def test_a_phrase_holding_another_figure_is_no_qualifier_of_the_changed_object():
    d = described("The utility aims to raise output by 12% in 2026 compared to 2025.")["2025"]
    assert d.rule == "frame" and not d.lemmas("qualifier")


def test_words_before_a_noun_of_kind_say_which_ones_and_any_says_none():
    narrow = described("Deaths from respiratory causes rose 9 percent in the winter.")["9 percent"]
    assert "respiratory" in narrow.lemmas("qualifier")
    every = described("Deaths from all causes rose 4 percent in the winter.")["4 percent"]
    assert not every.lemmas("qualifier") and "cause" not in every.lemmas()
    cut = described("The programme cut accidents of every kind by 30 percent.")["30 percent"]
    assert not cut.lemmas("qualifier")


def test_a_narrower_kind_in_one_story_is_not_the_whole_in_another(tmp_path):
    for name, outlet, body in (
            ("a.md", "One", "Deaths from respiratory causes were 15 percent lower in the vaccinated group, doctors said."),
            ("b.md", "Two", "In the vaccinated group, deaths from any cause were 6 percent lower, the study found.")):
        (tmp_path / name).write_text(f"---\ntitle: Winter deaths\noutlet: {outlet}\ndate: 2025-03-02\n---\n{body}\n",
                                     encoding="utf-8")
    out = tmp_path / "r.json"
    CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json", "--output", str(out)])
    assert not [f for f in json.loads(out.read_text())["findings"] if f["severity"] in ("error", "warning")]


def test_a_count_without_something_counts_those_left_without_it():
    d = described("The blizzard left 2 dead and 45,000 without heating.")
    assert d["45,000"].lemmas("predicate") == {"heating"} and d["45,000"].concept != d["2"].concept


def test_a_preposition_made_of_words_is_no_part_of_the_measure():
    d = described("Officials ordered 6,500 residents to evacuate ahead of the flood.")["6,500"]
    assert "ahead" not in d.lemmas() and d.concept


def test_an_age_after_the_first_word_makes_it_a_name():
    assert described("Marsh, 58, declined to comment.")["58"].lemmas("owner") == {"marsh"}
    assert not described("Officials said 58 were hurt.")["58"].lemmas("owner")

"""How figures are read, in sentences of the project's own: whose property a figure is (a quake's
magnitude, a storm's winds), verbs and particles around a number, differences and forecasts,
clauses of their own, ages, and the time a state holds."""
from checker.describe import describe_sentence
from checker.extract import extract_mentions
from checker.models import Article
from checker.pipeline import analyse
from checker.rules import load_rules

RULES = load_rules()


def terms(sentence: str, text: str) -> dict[str, str]:
    mentions = extract_mentions(sentence, RULES)
    (d,) = [d for m, d in zip(mentions, describe_sentence(sentence, mentions, RULES)[0]) if m.text == text]
    return {t.lemma: t.role for t in d.terms} | {"concept:": d.concept or ""}


def flagged(*texts):
    arts = [Article(path=f"{i}.txt", text=t, outlet=f"Outlet {i}") for i, t in enumerate(texts)]
    return [sorted(c.text for c in f.claims) for f in analyse(arts, RULES).findings if f.severity != "info"]


def test_a_bare_reading_measuring_a_thing_is_its_magnitude_and_the_thing_its_owner():
    got = terms("A second tremor, an aftershock measuring 5.9, shook the valley at dawn.", "5.9")
    assert got["concept:"] == "magnitude" and got["aftershock"] == "entity"
    # with a unit it is a size, not a reading on a scale
    assert terms("A hall measuring 40 metres was built.", "40 metres")["concept:"] != "magnitude"


def test_a_past_tense_after_a_number_is_the_clauses_verb_not_a_counted_noun():
    got = terms("An aftershock measuring 5.9 struck minutes later.", "5.9")
    assert got.get("strike") != "counted" and got.get("minute") != "counted"
    assert terms("The flood left 12 children homeless.", "12")["child"] == "counted"  # a plural in -ren
    assert terms("Two stolen cars were found.", "Two")["steal"] == "qualifier"  # a participle qualifies


def test_the_topic_of_a_with_phrase_weighs_in_but_a_clause_opening_with_its_verb_has_none():
    assert terms("The tremor, with a magnitude of 6.8, hit the coast.", "6.8")["tremor"] == "topic"
    assert "make" not in terms("It made landfall on Sunday with winds of up to 120 mph.", "up to 120 mph")


def test_an_aftershocks_magnitude_is_compared_with_the_aftershocks_not_the_main_quakes():
    assert flagged("The 6.9-magnitude quake was followed by a 5.2 magnitude aftershock near the port.",
                   "Seismologists said an aftershock measuring 5.8 followed the main shock near the port.",
                   "The main shock, of magnitude 6.9, hit the port on Tuesday.") \
        == [["5.2 magnitude", "5.8"]]


def dated(*pairs):
    arts = [Article(path=f"{i}.txt", text=t, date=d, outlet=f"Outlet {i}") for i, (t, d) in enumerate(pairs)]
    return analyse(arts, RULES)


def test_a_difference_restating_a_level_is_the_change_of_that_levels_measure():
    got = terms("Exports reached 4.2 billion dollars in May, a figure 12% higher than a year earlier.", "12%")
    assert got["concept:"] == "exports" and "high" not in got


def test_a_forecast_made_in_the_last_days_of_its_period_is_compared_with_the_outcome_as_a_warning():
    forecast = "Wheat exports are expected to reach around 5 billion dollars by the end of the year."
    outcome = "In 2025, wheat exports rose to 4.1 billion dollars."
    rep = dated((forecast, "2025-12-20"), (outcome, "2026-01-15"))
    (f,) = [f for f in rep.findings if f.severity != "info"]
    assert f.rule == "FL101" and f.severity == "warning" and any("forecast" in d for d in f.details)
    # said in June, the same forecast is another fact than the outcome: related, not compared
    rep = dated((forecast, "2025-06-20"), (outcome, "2026-01-15"))
    assert [f.rule for f in rep.findings] == ["FL301"]


def test_one_occasion_however_introduced_and_a_verbs_particle_before_an_amount():
    got = terms("The musical took in 6 million dollars over its opening weekend.", "6 million dollars")
    assert got["take"] == "verb" and got["musical"] == "subject"
    assert flagged("The musical grossed 9 million dollars in its opening weekend.",
                   "The musical took in 6 million dollars over its opening weekend.") \
        == [["6 million dollars", "9 million dollars"]]
    got = terms("The musical blasted off with 9 million dollars on Broadway.", "9 million dollars")
    assert got["blast"] == "verb" and got["musical"] == "subject"
    # a place after "in" is still where, not a particle
    assert "confirm" not in terms("Cases were confirmed in nine of the 29 districts.", "nine")


def test_an_estimated_figure_keeps_its_verbs_frame_and_with_a_noun_doing_it():
    got = terms("The musical took in an estimated 6 million dollars.", "an estimated 6 million dollars")
    assert got["take"] == "verb" and got["musical"] == "subject"
    got = terms("Profits grew, with revenue reaching 2.2 billion dollars.", "2.2 billion dollars")
    assert got["concept:"] == "revenue" and "grow" not in got


def test_a_noun_two_concepts_use_is_read_as_the_one_its_sentence_names():
    # "turnover" alone is a company's revenue; after "bilateral trade" it is the trade's turnover
    assert terms("The retailer said turnover rose to 2.2 billion dollars.", "2.2 billion dollars")["concept:"] == "revenue"
    assert terms("The ministers praised bilateral trade, with turnover reaching 2.2 billion dollars.",
                 "2.2 billion dollars")["concept:"] == "trade"
    # a pair of measures ("dead and missing") is not a longer name of either
    assert terms("The storm left 41 dead and 12 missing.", "12")["concept:"] == "missing"


def test_a_clause_of_its_own_has_its_own_topic():
    got = terms("A crowd of 38,100 watched at the Arena as striker Ben Osei scored twice.", "twice")
    assert got["concept:"] != "attendance"


def test_an_age_in_a_relative_clause_and_its_time():
    got = terms("Lenz, who is 63, conceded on Monday morning.", "63")
    assert got["concept:"] == "age" and got["lenz"] == "owner"
    rep = dated(("Lenz, 61, had governed since 2015.", "2025-11-17"),
                ("Lenz, who is 63, conceded on Monday morning.", "2025-11-17"))
    assert [f.rule for f in rep.findings if f.severity != "info"] == ["FL101"]  # "since 2015" is not the age's time


def test_people_told_to_do_something_count_what_they_were_told_to_do():
    assert terms("Officials ordered about 80,000 residents to evacuate.", "about 80,000")["concept:"] == "evacuated"
    assert terms("Roughly 80,000 people had been told to leave their homes.", "Roughly 80,000")["concept:"] == "evacuated"
    assert terms("Ben Osei scored in front of 38,100 spectators.", "38,100")["concept:"] == "attendance"


def test_things_put_somewhere_are_set_apart_by_where_they_were_put():
    got = terms("The ministry put 14 provinces under a drought warning.", "14")
    assert got["drought"] == "predicate" and got["province"] == "counted"
    # the provinces under a warning are not all the country's provinces
    assert not flagged("Drought warnings apply in 14 of the nation's 63 provinces.",
                       "The ministry has placed 14 provinces under a drought warning.")
    assert flagged("The ministry has placed 14 provinces under a drought warning.",
                   "The ministry placed 41 provinces under a drought warning.")


def test_history_does_not_frame_the_figures_after_it():
    # records set years ago are digressions: the next sentences' figures are of the articles' own time
    rep = dated(("The old record of 51.2C was set in March 2019.\nMedics treated 340 people for heatstroke.", "2025-06-02"),
                ("It beat the 50.8C of 2017.\nMedics treated 430 people for heatstroke.", "2025-06-02"))
    assert [(f.rule, sorted(c.text for c in f.claims)) for f in rep.findings if f.severity != "info"] \
        == [("FL101", ["340", "430"])]
    assert {c.period for c in rep.claims if c.text in ("340", "430")} == {None}
    # last year still frames the next sentence ("In 2024, ... Exports rose to ...")
    rep = dated(("In 2024, trade reached $4.1 billion.\nExports accounted for $2.3 billion.", "2025-02-10"),)
    assert [c.period for c in rep.claims if c.text == "$2.3 billion"] == ["2024"]


def test_a_headcount_dated_only_by_its_articles_a_day_apart_is_one_state():
    rep = dated(("Orlen Foods employs about 61,000 people.", "2025-10-23"),
                ("Orlen Foods, which has roughly 16,000 employees, cut its forecast.", "2025-10-24"))
    assert [f.rule for f in rep.findings if f.severity != "info"] == ["FL103"]  # a warning: one may be later
    # a stock stated "as of" a month is that month's, not the article's
    rep = dated(("As of April 2025, investors had 267 projects with registered capital of $5.6 billion.", "2025-12-02"),
                ("Investors have 276 projects with registered capital of $6.2 billion.", "2025-12-03"))
    assert not [f for f in rep.findings if f.severity != "info"]


def test_a_figure_naming_no_event_is_of_the_event_its_title_names():
    history = "Crews battled the flames overnight. Years ago the Cedar Fire burned 42,000 acres."
    now = "The fire has burned more than 18,000 acres, officials said."
    arts = [Article(path="a.txt", text=history, title="Pine Fire grows overnight", date="2025-08-14", outlet="A"),
            Article(path="b.txt", text=now, title="What to know about the Pine Fire", date="2025-08-14", outlet="B")]
    assert not [f for f in analyse(arts, RULES).findings if f.severity != "info"]
    untitled = [a.model_copy(update={"title": None}) for a in arts]
    assert [f.rule for f in analyse(untitled, RULES).findings if f.severity != "info"] == ["FL101"]


def test_a_percentage_of_a_state_in_the_past_is_the_state_then():
    rep = dated(("The fire was 15 percent contained by Wednesday evening.", "2025-08-14"),
                ("It was 51% contained as of Wednesday night.", "2025-08-14"))
    assert [f.rule for f in rep.findings if f.severity != "info"] == ["FL101"]


def test_one_word_names_a_measure_by_the_kind_of_figure():
    # a march's turnout is its crowd; an election's turnout is a share of the voters
    assert terms("Police put the turnout at 38,000.", "38,000")["concept:"] == "attendance"
    assert terms("Turnout was 61.2 percent in the capital.", "61.2 percent")["concept:"] == "turnout"
    assert terms("Reyes won 54 percent of the vote.", "54 percent")["concept:"] == "vote_share"


def test_the_compiled_lexicon_is_built_once_per_rule_set():
    from checker.describe.concepts import concepts

    assert concepts(RULES) is concepts(RULES)


def test_a_record_held_since_a_year_is_not_the_figures_period():
    rep = dated(("A crowd of 18,240 filled the club's stadium, its biggest attendance since 1994.", "2025-04-06"),)
    assert [c.period for c in rep.claims if c.text == "18,240"] == [None]
    rep = dated(("A crowd of 18,240 filled Lowfield Park, the club's biggest attendance since 1994.", "2025-04-06"),)
    assert [c.period for c in rep.claims if c.text == "18,240"] == [None]


def test_a_day_earlier_is_the_day_before_the_articles():
    rep = dated(("The count of missing hikers fell to 6 on Friday, down from 9 a day earlier.", "2025-03-08"),)
    assert [c.period for c in rep.claims if c.text == "9"] == ["as of 2025-03-07"]


def test_what_a_counted_crowd_did_says_little_beside_the_noun_that_names_the_measure():
    assert flagged("A crowd of 18,240 watched at Lowfield Park as the hosts won.",
                   "The hosts won in front of 18,420 spectators.") == [["18,240", "18,420"]]


def test_an_aggregation_word_belongs_to_the_figure_it_stands_nearer_or_in_the_clause_of():
    rep = dated(("The survey covered 2,300 households treated for a median of four weeks.", "2025-05-02"),
                ("In the survey of 2,300 households, whose average size was 4.1, incomes fell.", "2025-05-02"))
    assert {c.aggregation for c in rep.claims if c.text == "2,300"} == {"flow"}


def test_a_persons_age_is_theirs_not_the_countrys_the_sentence_names():
    rep = dated(("Okafor, 31, turned down an offer from a Portuguese club.", "2025-01-20"),)
    assert [c.subject for c in rep.claims if c.text == "31"] == [[]]

"""Claims stage: measure, subject, time, aggregation and modality attached to each value."""
from checker.models import Article
from checker.pipeline import analyse
from checker.rules import load_rules

RULES = load_rules()


def claims(*texts, dates=None):
    arts = [Article(path=f"{i}.txt", text=t, date=(dates or {}).get(i)) for i, t in enumerate(texts)]
    return analyse(arts, RULES).claims


def by_text(cs):
    return {c.text: c for c in cs if c.dimension}


def test_levels_periods_changes_and_targets():
    cs = by_text(claims(
        "Two-way trade between Kenya and Tanzania stood at 1.84 billion USD in 2024 and rose to "
        "2.31 billion USD in 2025, up 25.5% year-on-year. The two countries plan to lift their trade "
        "to 4 billion USD within the next two to three years.", dates={0: "2026-01-10"}))
    assert (cs["1.84 billion USD"].metric, cs["1.84 billion USD"].period) == ("trade", "2024")
    assert cs["2.31 billion USD"].period == "2025"
    growth = cs["25.5%"]
    assert (growth.metric, growth.period, growth.aggregation, growth.dimension) == ("trade", "2025", "change", "change")
    target = cs["4 billion USD"]
    assert target.modality == "target" and target.when.kind == "period" and target.when.end == "2029"
    assert cs["2.31 billion USD"].subject == ["Kenya", "Tanzania"]


def test_a_measure_outside_every_lexicon_still_gets_a_descriptor():
    (c,) = [c for c in claims("The Oscar-winning film grossed $99.9 million in its opening weekend.")
            if c.kind == "amount"]
    assert c.metric is None and c.descriptor.head == ["film"] and c.descriptor.described
    assert c.dimension == "money"


def test_partial_periods_and_relative_years():
    cs = by_text(claims(
        "Two-way trade between Chile and Argentina in the first ten months of 2025 came to nearly US$7.5 billion.",
        "Bilateral trade between Chile and Argentina stood at US$8.1 billion last year.",
        dates={1: "2025-08-04"}))
    assert cs["nearly US$7.5 billion"].period == "2025-01/2025-10"
    assert cs["US$8.1 billion"].period == "2024"
    assert cs["US$8.1 billion"].when.origin == "sentence"


def test_stock_as_of_the_article_date_says_it_was_inferred():
    cs = by_text(claims("Regarding investment, the company currently has 274 stores in Canada with a "
                        "total registered capital of over $5.8 billion.", dates={0: "2025-12-01"}))
    stores = cs["274"]
    assert stores.period == "as of 2025-12-01" and stores.when.origin == "article"
    capital = cs["over $5.8 billion"]
    assert (capital.metric, capital.aggregation, capital.hedge) == ("investment", "stock", "above")


def test_casualty_counts_and_their_sum():
    cs = claims("The death toll in Peru stands at 118, with 27 missing, according to officials.")
    got = {(c.metric, c.value) for c in cs if c.metric}
    assert {("deaths", 118.0), ("missing", 27.0), ("dead_and_missing", 145.0)} <= got


def test_places_learned_and_referred_back():
    cs = claims("A mudslide in Panama Oeste on October 4 swept through the whole of Los Pinos Village. "
                "The village had 41 homes and 163 residents. "
                "In Panama Oeste Province, the confirmed death toll is 29.")
    subj = {c.text: c.subject for c in cs if c.dimension}
    assert subj["41"] == ["Los Pinos"] and subj["163"] == ["Los Pinos"]
    assert subj["29"] == ["Panama Oeste"]  # "Panama" in a place name is not the country


def test_a_place_is_the_capitalised_words_before_its_type():
    """"Rescuers reached Korval district": the place is Korval, not the sentence's first words;
    "between X Province and Y Province" names both; "Bay of Islands" is not cut to "Islands"."""
    cs = claims("Rescuers reached Korval district on Monday, where 41 homes were destroyed. "
                "An agreement between Duro Province (Peru) and Amaru Province (Bolivia) covers 12 projects. "
                "Floods in the Bay of Islands district damaged 30 boats.")
    subj = {c.text: c.subject for c in cs if c.dimension}
    assert subj["41"] == ["Korval"]
    assert subj["12"] == ["Amaru", "Duro"]
    assert "Islands" not in subj["30"]


def test_threshold_is_a_floor():
    (c,) = [c for c in claims("Trade between Argentina and Uruguay exceeded US$4 billion for the "
                              "first time in 2025.") if c.kind == "amount"]
    assert c.hedge == "above" and c.high is None


def test_directional_metrics_keep_the_order_of_the_sides():
    cs = by_text(claims("Vietnam's exports to Laos reached US$1.2 billion in 2025.",
                        "Laos exported US$1.8 billion worth of goods to Vietnam in 2025."))
    assert cs["US$1.2 billion"].subject == ["Vietnam", "Laos"]
    assert cs["US$1.8 billion"].subject == ["Laos", "Vietnam"]


def test_a_pronoun_takes_the_measure_named_before_it():
    cs = by_text(claims("Two-way trade between Peru and Chile grew strongly. In 2025, it came to "
                        "roughly USD 4 billion."))
    assert cs["roughly USD 4 billion"].metric == "trade"


def test_numbers_inside_time_expressions_are_not_claims_to_compare():
    cs = claims("The plan must be met over the next two to three years, from the fourth quarter of 2025.",
                dates={0: "2025-06-01"})
    years = next(c for c in cs if c.text == "two to three years")
    assert years.descriptor.rule == "time"
    assert not any(c.kind == "ordinal" for c in cs)


def test_a_peak_a_present_state_and_an_occasion_are_facts_of_their_own():
    from checker.pipeline import analyse
    from checker.models import Article
    arts = [Article(path="a.txt", date="2025-09-19", text=(
                "Power outages peaked at more than 900,000 customers overnight. "
                "The fire is 62 percent contained. Novak scored twice on debut.")),
            Article(path="b.txt", date="2025-09-20", text=(
                "About 410,000 customers were still without power on Saturday. "
                "The fire was 40 percent contained on Thursday. Novak scored 27 goals last season."))]
    rep = analyse(arts, load_rules())
    by_text = {c.text: c for c in rep.claims}
    assert by_text["more than 900,000"].aggregation == "peak"
    assert by_text["62 percent"].when.start == "2025-09-19"
    assert by_text["twice"].when.text == "on debut"
    assert not [f for f in rep.findings if f.severity != "info"]


def test_scope_words_after_a_value_act_within_its_clause():
    from checker.models import Article
    arts = [Article(path="a.txt", date="2025-10-24",
                    text="Second-quarter sales were $4.51 billion, so revenue has now risen for six quarters.")]
    (c,) = [c for c in analyse(arts, RULES).claims if c.text == "$4.51 billion"]
    assert not c.moving and (c.when.start, c.when.end) == ("2025-04", "2025-06")


def test_a_figure_without_its_period_is_read_in_the_period_the_article_last_named():
    cs = by_text(claims(
        "The brewer posted record sales for the July-September period. Revenue came in at $2.4 billion. "
        "Its shares have gained 12 percent since January. Profit was $310 million, up from $280 million "
        "in the same period of 2024. Over the 2021-2025 plan it invested $900 million. Dividends totalled "
        "$75 million.", dates={0: "2025-10-24"}))
    revenue = cs["$2.4 billion"]
    assert (revenue.period, revenue.when.origin) == ("2025-07/2025-09", "context")
    # neither an ongoing span ("since January") nor the year of a base of comparison carries on
    assert cs["$310 million"].period == "2025-07/2025-09"
    # a five-year plan is not the period of the next figure: the quarter still frames it
    assert cs["$75 million"].period == "2025-07/2025-09"


def test_a_target_does_not_take_the_period_of_the_sentence_before():
    cs = by_text(claims("Exports reached $3 billion in 2025. The two sides aim to lift exports to $5 billion.",
                        dates={0: "2026-01-10"}))
    assert cs["$5 billion"].when.kind == "none"


def test_periods_carried_from_earlier_sentences_on_both_sides_do_not_part_two_figures():
    report = analyse([Article(path="a.txt", text="Filming wrapped in May. The film cost about $200 million to make.",
                              date="2025-07-28"),
                      Article(path="b.txt", text="Ticket sales were strong in July. The film cost $250 million to make.",
                              date="2025-07-28")], RULES)
    assert [(f.severity, sorted(c.text for c in f.claims)) for f in report.findings] == [
        ("error", ["$250 million", "about $200 million"])]


def _values(report):
    return [sorted(c.text for c in f.claims) for f in report.findings if f.severity in ("error", "warning")]


def test_ages_are_facts_about_the_person_they_are_given_for():
    a = Article(path="a.txt", text="Olsen, 47, is due to be sworn in next month. Reyes, 58, conceded.", date="2025-11-10")
    b = Article(path="b.txt", text="Olsen won the runoff against Reyes. Olsen thanked her voters. "
                                   "The 49-year-old economist spent 2.1 million euros on her campaign.", date="2025-11-11")
    c = Article(path="c.txt", text="A street cleaner in Barcelona, 51, died on Saturday.", date="2025-11-11")
    report = analyse([a, b, c], RULES)
    ages = {x.text: x for x in report.claims if x.kind == "age"}
    assert ages["49-year-old"].descriptor.lemmas("owner") == {"olsen"}  # the person the article names most
    assert not ages["51"].descriptor.lemmas("owner")  # a place, not a person
    assert _values(report) == [["47", "49-year-old"]]  # Reyes's 58 is another person's age


def test_an_unnamed_age_in_a_sentence_naming_someone_else_is_not_theirs():
    a = Article(path="a.txt", text="Reyes, 58, conceded on Sunday.", date="2025-11-10")
    b = Article(path="b.txt", text="Reyes lost. Reyes said little. The 49-year-old spent twice what the Reyes campaign did.",
                date="2025-11-11")
    assert _values(analyse([a, b], RULES)) == []


def test_a_figure_its_phrase_gives_an_owner_is_not_another_articles_unowned_one():
    a = Article(path="a.txt", text="Nordhaven's smaller rival Kestrel Micro reported revenue of $1.9 billion for the quarter.",
                date="2025-10-24")
    b = Article(path="b.txt", text="Revenue came in at just over $4.8 billion in the third quarter.", date="2025-10-24")
    assert _values(analyse([a, b], RULES)) == []
    # an article that names the owner may state its figure without naming it again
    c = Article(path="c.txt", text="Kestrel Micro had a hard quarter. Revenue came in at $2.4 billion.", date="2025-10-24")
    assert _values(analyse([a, c], RULES)) == [["$1.9 billion", "$2.4 billion"]]


def test_vote_counts_are_counted_up_shares_are_not():
    night = Article(path="a.txt", text="Olsen received 216,340 votes and 52.4 percent of the vote.", date="2025-11-10")
    certified = Article(path="b.txt", text="Olsen ended with 219,180 votes, or 54.2 percent of the vote.", date="2025-11-13")
    assert _values(analyse([night, certified], RULES)) == [["52.4 percent", "54.2 percent"]]


def test_the_date_that_ends_a_span_is_not_the_time_of_its_length():
    cs = by_text(claims("He signed a four-year contract until June 2029. Sales rose 5 percent in the year to June 2025.",
                        dates={0: "2025-07-01"}))
    assert cs["four-year"].when.kind == "none"
    assert cs["5 percent"].period == "2025-06"


def test_an_expected_figure_is_a_forecast_of_the_figure_it_is_set_against():
    cs = by_text(claims("Nordhaven reported third-quarter revenue of $4.82 billion, ahead of the $4.71 billion analysts "
                        "had expected. Rainfall of 14 inches fell short of the 20 inches recorded during Ida. "
                        "Sales reached $2 billion, as analysts had expected.", dates={0: "2025-10-24"}))
    expected = cs["$4.71 billion"]
    assert (expected.metric, expected.modality, expected.period) == ("revenue", "forecast", "2025-07/2025-09")
    assert cs["20 inches"].modality == "actual" and cs["$2 billion"].modality == "actual"


def test_a_forecast_without_its_period_is_read_in_the_period_the_article_last_named():
    a = Article(path="a.txt", text="Nordhaven beat forecasts in the July-September period. Analysts had expected revenue "
                                   "of $4.17 billion.", date="2025-10-24")
    b = Article(path="b.txt", text="Nordhaven reported third-quarter revenue of $4.82 billion, ahead of the $4.71 billion "
                                   "analysts had expected.", date="2025-10-24")
    assert ["$4.17 billion", "$4.71 billion"] in _values(analyse([a, b], RULES))


def test_someone_new_is_not_the_person_the_story_is_about():
    a = Article(path="a.txt", text="The victim, Jane Doe, 29, was named by police. Doe had lived in the town for years.",
                date="2025-05-02")
    b = Article(path="b.txt", text="Doe was found on Friday. Doe's family paid tribute. Police arrested a 34-year-old man.",
                date="2025-05-03")
    assert _values(analyse([a, b], RULES)) == []


def test_a_workforce_is_one_measure_however_it_is_worded():
    cs = by_text(claims("The company employs 3,000 people.", "The company has 2,500 employees."))
    assert cs["3,000"].metric == cs["2,500"].metric == "employees"


def test_a_forecast_without_a_horizon_is_not_the_period_before_it():
    cs = by_text(claims("Trade between Kenya and Uganda reached $3.6 billion in 2025. The two countries expect "
                        "trade to reach $6 billion.", dates={0: "2025-12-03"}))
    assert (cs["$6 billion"].modality, cs["$6 billion"].when.kind) == ("forecast", "none")


def test_a_figure_said_on_a_day_is_not_a_figure_of_that_day():
    a = Article(path="a.txt", text="Nordhaven's revenue was $4.8 billion in the third quarter.", date="2025-12-03")
    b = Article(path="b.txt", text="Nordhaven's revenue was $4.5 billion, the company said on Thursday.",
                date="2025-12-03")
    assert _values(analyse([a, b], RULES)) == [["$4.5 billion", "$4.8 billion"]]


def test_common_measures_of_other_domains_are_named_by_the_lexicon():
    cs = by_text(claims("The blaze has scorched 14,200 acres.", "The vaccine was 91 percent effective.",
                        "The final at Wembley drew 58,000 spectators.", "The bank's benchmark rate stands at 4.75 percent."))
    assert (cs["14,200 acres"].metric, cs["91 percent"].metric, cs["58,000"].metric, cs["4.75 percent"].metric) == (
        "area_burned", "efficacy", "attendance", "interest_rate")


def test_a_count_of_a_measure_with_its_own_unit_is_of_that_dimension():
    cs = by_text(claims("The earthquake had a magnitude of 6.8.", "The festival drew 80,000 visitors."))
    assert (cs["6.8"].dimension, cs["80,000"].metric) == ("magnitude", "attendance")


def test_each_figure_of_a_list_is_the_figure_of_the_name_in_its_own_item():
    cs = claims("The Pirates won 6 seats on the city council and the Socialists 4.",
                "With the Kestrels (8,200 season tickets) and Rovers (5,900), the league sold 31,000.",
                "Starfall took $100 million in North America and $62 million abroad.",
                "The Pirates and the Socialists won 6 and 4 seats respectively.")
    got = {(c.article, c.text): c.subject for c in cs if c.dimension}
    assert got[("0.txt", "6")] == ["Pirates"] and got[("0.txt", "4")] == ["Socialists"]
    assert got[("1.txt", "8,200")] == ["Kestrels"] and got[("1.txt", "5,900")] == ["Rovers"]
    assert got[("1.txt", "31,000")] == []  # its item names nobody
    # a name after the figure of the item before is that figure's place, not the next one's
    # subject; names that open a list only once give no figure to anyone
    assert got[("2.txt", "$62 million")] == [] and got[("3.txt", "6")] == got[("3.txt", "4")] == []

"""Matching: which claims state the same fact, as weighed evidence (measure, subject, time,
sentence), aligned copies, scale slips; and what keeps two facts apart."""
from checker import present
from checker.models import Article
from checker.pipeline import analyse
from checker.rules import load_rules

RULES = load_rules()


def report(*texts, dates=None):
    arts = [Article(path=f"{i}.txt", text=t, date=(dates or {}).get(i), outlet=f"Outlet {i}")
            for i, t in enumerate(texts)]
    return analyse(arts, RULES)


def flagged(rep):
    return [(f.rule, sorted(c.text for c in f.claims)) for f in rep.findings if f.severity != "info"]


def test_same_measure_in_other_words_is_one_fact():
    rep = report("The quarry in Lake County produced 36,000 tonnes of stone last year, officials said.",
                 "Officials said the pit in Lake County yielded 48,000 tonnes last year.")
    assert not flagged(rep)  # produced vs yielded: no shared word, no lexicon: not claimed as one fact
    rep = report("The wildfire has burned 36,000 acres in Lake County since Monday, officials said.",
                 "Officials said the fire in Lake County has scorched 48,000 acres since Monday.")
    assert flagged(rep) == [("FL101", ["36,000 acres", "48,000 acres"])]  # the lexicon: an area burned
    rep = report("The wildfire in Lake County has burned 36,000 acres, officials said on Thursday.",
                 "The wildfire in Lake County has burned 48,000 acres, officials said on Thursday.")
    (f,) = [f for f in rep.findings if f.rule == "FL101"]
    assert f.matches and f.matches[0].score >= 0.62 and f.matches[0].evidence


def test_wire_copy_with_one_number_changed_is_caught_without_any_known_measure():
    base = "Shares of the carmaker closed at {} euros in Frankfurt on Friday, after a volatile session."
    rep = report(base.format("41.20"), base.format("47.80"))
    (f,) = [f for f in rep.findings if f.severity != "info"]
    assert f.matches[0].aligned and f.severity == "error"


def test_different_countries_are_different_facts():
    rep = report("In Myanmar, the floods killed 113 people, the junta said.",
                 "In Vietnam, the floods killed 292 people, officials said.")
    assert not flagged(rep)


def test_different_predicates_are_different_counts():
    rep = report("Four hospitals were destroyed by the quake in Turkey.",
                 "Thirty-two hospitals were damaged by the quake in Turkey.")
    assert not flagged(rep)


def test_a_narrower_set_is_another_count():
    rep = report("The ferry carried 412 passengers, 9 deck crew members and two officers.",
                 "On board the ferry were 412 passengers and 11 crew members.")
    assert not flagged(rep)  # the deck crew are part of the crew, not a rival count of it
    rep = report("The ferry carried 412 passengers and 13 crew members, the operator said.",
                 "On board the ferry were 412 passengers and 11 crew members, the operator said.")
    assert [r for r, _ in flagged(rep)] == ["FL101"]


def test_targets_with_different_horizons_are_related_not_compared():
    rep = report("Both governments aim to raise trade to $8 billion over the next two to three years.",
                 "Both governments aim to raise trade to $15 billion in the longer term.")
    assert not flagged(rep)


def test_scale_slip_is_caught_across_vague_horizons():
    rep = report("The two governments aim to lift annual trade between Chile and Peru to $7 million.",
                 "Chile and Peru aim to raise two-way trade to US$7 billion in the coming period.")
    (f,) = [f for f in rep.findings if f.rule == "FL101"]
    assert any("scale slip" in e for m in f.matches for e in m.evidence)


def test_a_running_count_at_two_dates_is_two_snapshots():
    rep = report("The death toll from the floods in Spain rose to 158.",
                 "The death toll from the floods in Spain rose to 205.",
                 dates={0: "2024-10-31", 1: "2024-11-01"})
    assert not flagged(rep)
    assert [f.rule for f in rep.findings] == ["FL301"]


def test_two_undated_close_counts_of_a_toll_are_a_snapshot_warning_unless_one_is_moving():
    rep = report("Officials said 212 people were killed in the landslide in Kerala.",
                 "Officials said 208 people were killed in the landslide in Kerala.")
    assert [(f.rule, f.severity) for f in rep.findings] == [("FL103", "warning")]
    rep = report("Officials said the landslide in Kerala has now killed 212 people.",
                 "Officials said 208 people were killed in the landslide in Kerala.")
    assert not flagged(rep)  # "has now killed": a moving toll, read at some unknown hour


def test_an_undated_count_is_compared_with_the_snapshot_of_every_date_it_matches():
    rep = report("More than 600 people have been injured by the storms in Ohio, officials said.",
                 "As of January 12, 1,214 people had been injured by the storms in Ohio, according to preliminary reports.",
                 "Another 1,250 people have been injured by the storms in Ohio, officials said.",
                 dates={0: "2025-01-08", 1: "2025-01-12"})
    assert ("FL103", ["1,214", "1,250"]) in flagged(rep)  # not only with the snapshot it is most like
    assert ("FL301", ["1,214", "More than 600"]) in [(f.rule, sorted(c.text for c in f.claims)) for f in rep.findings]


def test_the_date_of_one_event_by_the_same_people_in_other_words():
    met = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on March 3, 2025, to discuss defence."
    rep = report(met, "President Emmanuel Macron held talks with Chancellor Olaf Scholz on March 4, 2025, in Paris.")
    (f,) = [f for f in rep.findings if f.rule == "FL101"]
    assert f.severity == "warning" and "one event (meeting)" in f.matches[0].evidence[0]
    assert f.fact.startswith("date of the meeting")
    assert [(present.measures(c), present.when(c)) for c in f.claims] == [("the date of the meeting", "the date itself")] * 2
    # another kind of event, or only one of the two people: not the same event
    assert not flagged(report(met, "President Emmanuel Macron signed the pact with Chancellor Olaf Scholz on March 4, 2025."))
    assert not flagged(report(met, "Chancellor Olaf Scholz met Prime Minister Keir Starmer on March 4, 2025."))
    # an event that happens to one person once needs only that person; an age does not make the date a period
    dates = {0: "2025-11-10", 1: "2025-11-13"}
    sworn = "Mayor Maria Olsen, 47, is due to be sworn in on December 1."
    assert flagged(report(sworn, "Mayor Maria Olsen will be sworn in on December 11 at City Hall.", dates=dates)) \
        == [("FL101", ["December 1", "December 11"])]
    assert not flagged(report(sworn, "Mayor Maria Olsen resigned on December 11.", dates=dates))


def test_figures_dated_only_by_articles_years_apart_are_two_times():
    # each is of its own article's "now": related, never compared; a year apart or less, compared
    for older, newer in (("The 7.7-magnitude earthquake destroyed the old bridge in Sagaing.",
                          "The 7.9-magnitude earthquake destroyed the old bridge in Sagaing."),
                         ("Ferrovia ranks as the nation's second-largest rail operator.",
                          "Ferrovia ranks as the nation's third-largest rail operator.")):
        rep = report(older, newer, dates={0: "2021-05-14", 1: "2024-05-14"})
        assert not flagged(rep)
        assert [f.rule for f in rep.findings] == ["FL301"]
        assert flagged(report(older, newer, dates={0: "2024-01-15", 1: "2024-11-20"}))


def test_the_date_of_talks_in_articles_years_apart_is_another_occasion():
    met = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on March 3 to discuss defence."
    again = "President Emmanuel Macron held talks with Chancellor Olaf Scholz on March 4 in Paris."
    assert flagged(report(met, again, dates={0: "2025-03-05", 1: "2025-03-06"}))
    assert not flagged(report(met, again, dates={0: "2022-03-05", 1: "2025-03-06"}))
    # a birth happens once, whenever an article says it
    assert flagged(report("Mayor Maria Olsen was born in Tromso in 1961.",
                          "Mayor Maria Olsen, born in 1962 in Tromso, took office in May.",
                          dates={0: "2019-05-13", 1: "2024-05-20"}))


def test_aligned_sentences_that_count_different_things_are_two_facts():
    dead = "As of Sunday, the cyclone had left 310 people dead and missing in Mozambique, officials said."
    homeless = "As of Sunday, the cyclone had left 4,800 people homeless in Mozambique, officials said."
    fewer = "As of Sunday, the cyclone had left 290 people dead and missing in Mozambique, officials said."
    same_day = {0: "2025-03-10", 1: "2025-03-10"}
    assert not flagged(report(dead, homeless, dates=same_day))
    assert flagged(report(dead, fewer, dates=same_day)) == [("FL101", ["290", "310"])]


def test_a_figure_its_sentence_gives_to_other_named_subjects_is_not_a_named_subjects_figure():
    # "won 10 seats between them" names nobody, but its sentence names the parties another
    # article gives figures to: it is neither the Pirates' 6 nor the Civic Union's 9
    rep = report("The Pirates won 6 seats on the city council and the Socialists 4.",
                 "Their partners in the old council, the Pirates and the Socialists, won 10 seats between them.",
                 "The Civic Union won 9 seats on the council.", dates={0: "2025-05-05", 1: "2025-05-05", 2: "2025-05-05"})
    assert flagged(rep) == []
    # the list's own items are still each party's figure
    rep = report("The Pirates won 6 seats on the city council and the Socialists 4.",
                 "The Pirates won 8 seats on the city council.", dates={0: "2025-05-05", 1: "2025-05-05"})
    assert flagged(rep) == [("FL101", ["6", "8"])]


def test_figures_of_different_named_subjects_are_two_facts():
    same_day = {0: "2025-06-16", 1: "2025-06-16"}
    for a, b in [("In Ohio, Smith won 52.3% of the vote.", "In Ohio, Jones won 46.1% of the vote."),
                 ("Chelsea paid €75m for the midfielder.", "Arsenal paid €65m for the midfielder."),
                 ("Apple's revenue rose 6% to $94.9 billion in the quarter.",
                  "Microsoft's revenue rose 16% to $65.6 billion in the quarter.")]:
        assert not flagged(report(a, b, dates=same_day)), (a, b)
    # the same owner with another figure is still one fact; "third-quarter" is a time, not one of a series
    rep = report("Nvidia reported revenue of $35.1 billion for the third quarter.",
                 "Nvidia's third-quarter revenue came in at $32.1 billion.", dates=same_day)
    assert flagged(rep) == [("FL101", ["$32.1 billion", "$35.1 billion"])]


def test_the_second_of_a_series_is_another_fact_than_the_first_or_unmarked_one():
    two_rounds = "Election officials said turnout in the first round was 61% and in the second was 48%."
    assert not flagged(report(two_rounds, "Turnout in the election was 61%, officials said."))
    assert flagged(report(two_rounds, "Officials said turnout in the second round was 44%.")) == [("FL101", ["44%", "48%"])]
    # "the first round" is not the unmarked one: a story about a runoff calls the runoff "the election"
    assert not flagged(report(two_rounds, "Turnout in the election was 55%, officials said."))
    # the round a clause names after its figure, or a sentence opens with
    first = "Mendes won 44.6 percent of the vote in the first round."
    assert not flagged(report(first, "Mendes won 52.3 percent in the runoff."))
    assert not flagged(report(first, "In the second round, Mendes won 52.3 percent of the vote."))
    assert flagged(report(first, "In the first round, Mendes won 46.4 percent of the vote."))


def test_two_sentences_of_one_article_are_two_facts_unless_a_headline_restates_one():
    rep = report("Smith scored 31 points against Boston. Jones scored 24 points against Boston.")
    assert not flagged(rep)


def test_a_reprint_stands_for_its_original():
    text = ("The storm killed 152 people in the north, and 140 are missing, officials said. "
            "Some 59,000 people were evacuated.")
    rep = report(text, text)
    assert not flagged(rep)  # two copies of one text cannot disagree


def test_every_finding_carries_its_matches_and_confidence():
    rep = report("Apple reported revenue of $94.9 billion in the fourth quarter of 2024.",
                 "Apple reported revenue of $95.9 billion in the fourth quarter of 2024.")
    (f,) = [f for f in rep.findings if f.severity != "info"]
    assert f.confidence == min(m.score for m in f.matches)
    assert all(m.a in {c.id for c in f.claims} and m.b in {c.id for c in f.claims} for m in f.matches)


def test_a_country_named_in_one_sentence_is_not_the_unnamed_subject_of_an_article_that_never_names_it():
    same_day = {0: "2025-03-10", 1: "2025-03-10"}
    uganda = "Uganda's outbreak has now killed 14 people, its health ministry said."
    assert not flagged(report(uganda, "The outbreak has now killed 19 people, doctors at the district hospital said.",
                              dates=same_day))
    # the other article is about Uganda too (it names it with a figure): one fact
    other = ("Doctors said the outbreak has now killed 19 people. Uganda has asked for 2 million doses of vaccine.")
    assert flagged(report(uganda, other, dates=same_day))


def test_figures_an_article_credits_to_two_sources_are_each_sources_own():
    same_day = {0: "2025-06-16", 1: "2025-06-16"}
    dispute = "Police estimated the crowd at 15,000 people, while organisers said 60,000 marched."
    assert not flagged(report(dispute, "Around 15,000 people marched in the city, police said.", dates=same_day))
    # two outlets quoting two agencies on one toll still disagree: attribution alone splits nothing
    rep = report("The floods have killed 141 people, the health ministry said.",
                 "The floods have killed 163 people, state media reported.", dates=same_day)
    assert [r for r, _ in flagged(rep)] == ["FL101"]


def test_sources_on_opposite_sides_of_a_count_give_their_own_figures_in_two_articles():
    same_day = {0: "2025-06-16", 1: "2025-06-16"}
    police = "Police said about 12,000 people joined the strike rally in Porto."
    assert not flagged(report(police, "Unions said 45,000 people joined the strike rally in Porto.", dates=same_day))
    # the same side in other words, or an unattributed figure, is still compared
    assert flagged(report(police, "Officials said 30,000 people joined the strike rally in Porto.", dates=same_day))
    assert flagged(report(police, "Some 45,000 people joined the strike rally in Porto.", dates=same_day))


def test_a_count_of_a_narrower_set_needs_a_close_measure_to_be_one_fact():
    same_day = {0: "2025-06-13", 1: "2025-06-13"}
    rep = report("In Harbour City, reports now suggest that all 180 people on board have died.",
                 "Death toll rises to 205 in Harbour City ferry disaster", dates=same_day)
    assert not flagged(rep)  # those on board are part of the toll, not a rival count of it


def test_now_before_a_reporting_verb_dates_the_report_not_the_figure():
    rep = report("Reports now suggest that all 180 people on board have died in the ferry disaster.",
                 "The coast guard confirmed the deaths of 178 of the 180 people on board.")
    assert [r for r, _ in flagged(rep)] in (["FL101"], ["FL103"])


def test_the_day_of_one_persons_event_matches_on_a_name_no_dictionary_knows():
    rep = report("Kowalczyk, 52, is due to be sworn in as governor on December 1.",
                 "Kowalczyk will be sworn in as governor on December 11 at the state capitol.",
                 dates={0: "2025-11-10", 1: "2025-11-12"})
    assert flagged(rep) == [("FL101", ["December 1", "December 11"])]


def test_a_start_that_names_no_event_dates_the_event_the_article_is_about():
    def article(i, title, body):
        return Article(path=f"{i}.txt", title=title, text=body, date="2025-09-12", outlet=f"Outlet {i}")

    fire = article(0, "Harlow Ridge Fire forces 2,000 from their homes",
                   "The blaze started on Sunday, Sept. 7, near a campground, officials said.")
    later = article(1, "Crews gain ground on the Harlow Ridge Fire",
                    "Since it broke out on Monday, Sept. 8, the fire has closed Route 9 and burned 3,100 acres.")
    (f,) = [f for f in analyse([fire, later], RULES).findings if f.rule == "FL101"]
    assert sorted(c.text for c in f.claims) == ["Sept. 7", "Sept. 8"]
    assert "one event (start) with Harlow Ridge Fire" in f.matches[0].evidence[0]
    # another fire's article: not the same start
    other = article(1, "Crews gain ground on the Pine Hollow Fire", later.text)
    assert not [f for f in analyse([fire, other], RULES).findings if f.rule == "FL101"]


def test_a_length_named_by_its_noun_is_one_fact_whatever_the_verb():
    rep = report("He has signed a five-year contract that runs until June 2030, the club said.",
                 "The deal commits the forward to the club on a four-year contract until June 2029.",
                 dates={0: "2025-07-08", 1: "2025-07-09"})
    assert ("FL101", ["five-year", "four-year"]) in flagged(rep)
    # another noun: another length
    assert not flagged(report("The striker has signed a five-year contract.",
                              "The coach is serving a four-year ban."))


def test_what_was_done_to_the_things_counted_parts_counts_in_either_voice():
    destroyed = "The cyclone destroyed 12,000 homes in Odisha."
    assert not flagged(report(destroyed, "The cyclone damaged 21,000 homes in Odisha."))
    # the same verb, passive, and a synonym of the thing counted: one count
    assert flagged(report(destroyed, "More than 21,000 houses in Odisha were destroyed by the cyclone."))


def test_an_average_is_its_own_fact_and_a_record_span_is_no_figures_time():
    dates = {0: "2025-07-02", 1: "2025-07-02"}
    mean = "June 2025 was the hottest June in Norway since records began in 1900, with an average temperature of 17.6C."
    # the same average in other words, for the same month: compared (the record's span is not its period)
    assert flagged(report(mean, "Norway's national average for June came in at 16.2C, the institute said.", dates=dates))
    # the month's hottest reading is another fact than its average
    assert not flagged(report(mean, "Norway's highest temperature in June, 33.9C, was recorded in Alta.", dates=dates))


def test_a_list_of_figures_is_its_first_figures_subjects():
    james = "LeBron James finished with 38 points, 11 rebounds and 7 assists."
    assert not flagged(report(james, "Anthony Davis had 24 points, 15 rebounds and 4 assists."))
    assert ("FL101", ["11", "9"]) in flagged(report(james, "LeBron James had 38 points, 9 rebounds and 7 assists."))
    # past the first figure's of-phrase too: each side's shots are its own
    assert not flagged(report("Harbor Rovers beat Eastport. Rovers had 58 percent of possession and 17 shots.",
                              "Harbor Rovers beat Eastport. Eastport finished with 42% of the ball and nine shots."))


def test_a_flow_that_grew_keeps_its_period():
    dates = {0: "2025-07-30", 1: "2025-07-30"}
    rep = report("Orbis Foods reported second-quarter revenue of $3.41 billion.",
                 "Orbis Foods said sales rose to $3.14 billion in the second quarter.", dates=dates)
    assert ("FL101", ["$3.14 billion", "$3.41 billion"]) in flagged(rep)


def test_a_sentence_may_open_with_a_name_its_article_writes_capitalised_elsewhere():
    james = "James finished with 38 points and 11 rebounds. The Lakers needed all of it, coach Darvin Ham said of James."
    assert ("FL101", ["33 points", "38 points"]) in flagged(report(
        james, "James had 33 points and 11 rebounds. It was a big night for James."))
    assert not flagged(report(james, "Davis had 24 points and 15 rebounds. It was a big night for Davis."))


def test_a_variant_of_a_measure_and_a_state_before_the_event_are_other_facts():
    assert not flagged(report("Inflation was 2.4 percent in September.", "Core inflation was 3.1 percent in September."))
    assert not flagged(report("The party won 112 seats, up from 87 in 2021.", "The party held 87 seats before the election."))


def test_where_and_which_kind_part_figures_of_one_concept():
    assert not flagged(report("Wildfires burned 4,000 acres in Oregon.", "Wildfires burned 12,000 acres in California."))
    assert not flagged(report("The outbreak has 1,240 confirmed cases.", "There are 2,310 suspected cases."))
    assert not flagged(report("Ortiz won 61% in District 4.", "Ortiz won 44% in District 9."))
    assert flagged(report("Ortiz won 61% in District 4.", "Ortiz won 66% in District 4, officials said."))


def test_the_time_of_day_of_one_event_is_a_fact_read_on_one_clock():
    dates = {0: "2025-06-12", 1: "2025-06-12"}
    crash = "Flight AI171 crashed at 1:39 p.m. local time in Ahmedabad."
    (f,) = [f for f in report(crash, "Flight AI171 crashed at 1:49 p.m. in Ahmedabad, officials said.",
                              dates=dates).findings if f.rule == "FL101"]
    assert f.fact.startswith("time of the crash") and "13:39" in f.verdict and f.severity == "warning"
    # another zone, another event, or a time its hedge allows: nothing to report
    assert not flagged(report(crash, "Flight AI171 crashed at 1:49 p.m. IST in Ahmedabad.", dates=dates))
    assert not flagged(report(crash, "Flight AI171 departed at 1:29 p.m. from Ahmedabad.", dates=dates))
    assert not flagged(report(crash, "Flight AI171 crashed at around 1:45 p.m. in Ahmedabad.", dates=dates))


def test_a_sinking_or_an_explosion_happens_once_to_what_it_names():
    dates = {0: "2025-03-10", 1: "2025-03-10"}
    assert flagged(report("The ferry MV Sewol capsized on March 4 off Jindo island.",
                          "The MV Sewol sank on March 5, officials said.", dates=dates)) == [("FL101", ["March 4", "March 5"])]
    assert not flagged(report("The ferry MV Sewol capsized on March 4.", "The MV Orca sank on March 5.", dates=dates))


def test_aligned_sentences_that_name_other_measures_or_other_names_are_two_facts():
    assert not flagged(report("The company's profit rose 12% to $2.1 billion in the quarter.",
                              "The company's revenue rose 8% to $9.4 billion in the quarter."))
    assert not flagged(report("The vaccine was 95% effective against severe disease.",
                              "The vaccine was 67% effective against infection."))
    # a wire copy with one number changed is still caught
    assert flagged(report("The vaccine was 95% effective against severe disease.",
                          "The vaccine was 59% effective against severe disease."))


def test_one_noun_of_two_things_is_two_facts_even_in_aligned_sentences():
    # "forecast" says how the figure is known, not what it is of: the crops tell the two apart
    assert not flagged(report("Barley output is forecast at 41 million tonnes this year.",
                              "Maize output is forecast at 67 million tonnes this year."))
    assert flagged(report("Barley output is forecast at 41 million tonnes this year.",
                          "This year's barley output is projected at 47 million tonnes."))


def test_a_fire_and_a_blaze_are_one_thing_and_a_headline_takes_its_body_figures_time():
    sunday = {0: "2025-08-10", 1: "2025-08-10"}
    assert flagged(report("The fire was 45 percent contained on Sunday, officials said.",
                          "Officials said on Sunday the blaze was 54% contained.", dates=sunday))
    # an undated article: the headline restates the body's figure, so it is as of the body's day
    rep = report("Flood Death Toll Climbs To 212\n\nThe death toll from the floods rose to 212 by Friday, officials said.",
                 "The death toll from the floods reached 198 on Friday, officials said.")
    (f,) = [f for f in rep.findings if f.severity != "info"]
    assert f.rule == "FL101" and {c.period for c in f.claims} == {"as of friday"}
    (headline,) = [c for c in rep.claims if c.headline]
    assert headline.period == "as of friday" and headline.when.origin == "context"


def test_company_results_told_three_ways_raise_nothing():
    day = {0: "2025-10-24", 1: "2025-10-23"}
    a = ("Pellam Foods said net income rose 18 percent to $412 million in the third quarter, as revenue "
         "climbed 6 percent to $3.9 billion.")
    b = ("Pellam Foods reported third-quarter revenue of $3.9 billion on Thursday. Net income was $412 million, "
         "or $1.12 a share, compared with $349 million, or $0.95 a share, a year earlier. Its snacks unit, "
         "which makes up a quarter of sales, posted revenue of $1.1 billion.")
    assert not flagged(report(a, b, dates=day))
    # the level a change reached is the changed measure's; a restated base keeps the base's time
    rep = report(a, b, dates=day)
    by_text = {c.text: c for c in rep.claims}
    assert by_text["$3.9 billion"].metric == "revenue" and by_text["$349 million"].period.startswith("2024")
    assert {"snack", "unit"} <= by_text["$1.1 billion"].descriptor.lemmas("qualifier")


def test_a_whole_percentage_is_rounded_and_a_when_clause_is_the_occasion_before_it():
    runoff = "Marta Kowalczyk won the runoff on Sunday with 54.2 percent of the vote. Turnout was 63.1 percent."
    assert not flagged(report(runoff, "Kowalczyk took 54 percent of the vote in Sunday's second round."))
    assert not flagged(report(runoff, "Lenz had won 36.8% in the first round, when turnout was 58 percent."))
    assert flagged(report(runoff, "Kowalczyk took 51 percent of the vote in Sunday's runoff."))


def test_a_base_keeps_its_own_time_so_a_headline_does_not_contradict_it():
    rep = report("Measles Outbreak Grows To 412 Cases\n\nThe outbreak in Valdor has grown to 412 confirmed "
                 "cases, officials said on Thursday, up from 356 a week earlier.", dates={0: "2025-03-20"})
    assert not flagged(rep)
    (base,) = [c for c in rep.claims if c.text == "356"]
    assert base.when.end == "2025-03-16"  # the week before the article's


def test_figures_of_two_countries_never_meet_through_a_figure_that_names_neither():
    # A~U and U~C both score as one fact; A and C (two countries' tolls, never scored as a pair
    # since they are another subject of one kind) must still stay out of one group
    rep = report("In Myanmar, the floods killed 113 people, officials said.",
                 "The floods killed 113 people, officials said. In Myanmar, 40 homes were destroyed; "
                 "in Vietnam, 12 bridges collapsed.",
                 "In Vietnam, the floods killed 292 people, officials said.")
    for f in rep.findings:
        assert not {"Myanmar", "Vietnam"} <= {s for c in f.claims for s in c.subject}, f.message
    # the undated figure is still compared with the one it did not join (FL103, a snapshot warning)
    assert [sorted(c.text for c in f.claims) for f in rep.findings if f.severity != "info"] == [["113", "292"]]


def test_a_running_count_at_many_dates_is_one_related_set_without_any_alarm():
    # 24 weekly bulletins: pairs of far-apart dates are never scored (they are never one fact),
    # yet the series is still one related set, joined through its neighbours in time
    texts = [f"The death toll from the floods in Kerala rose to {100 + 7 * i}, officials said." for i in range(24)]
    dates = {i: f"2025-{1 + i // 4:02d}-{1 + 7 * (i % 4):02d}" for i in range(24)}
    rep = report(*texts, dates=dates)
    assert not flagged(rep)
    (f,) = [f for f in rep.findings if f.rule == "FL301"]
    assert len(f.claims) == 24


def test_a_scale_slip_is_caught_between_snapshots_never_scored_for_their_dates():
    # two bulletins ten weeks apart are two snapshots, but the same digits a thousandfold apart are a slip
    rep = report("The number of people displaced by the floods rose to 5 million, officials said.",
                 "The number of people displaced by the floods rose to 5 billion, officials said.",
                 dates={0: "2025-01-06", 1: "2025-03-20"})
    assert flagged(rep) == [("FL103", ["5 billion", "5 million"])]


def test_the_base_of_a_change_is_of_an_earlier_time_than_the_figure_it_changed_into():
    day = {0: "2025-08-07", 1: "2025-08-07"}
    a = "Harlow Mining said second-quarter net income fell to $230 million from $310 million."
    rep = report(a, "Harlow Mining reported net income of $230 million for the second quarter.", dates=day)
    assert not flagged(rep)
    (base,) = [c for c in rep.claims if c.text == "$310 million"]
    assert base.when.text.startswith("before") and not base.when.start
    # the level itself keeps the quarter, so a different quarterly figure is still caught
    rep = report(a, "Harlow Mining reported net income of $203 million for the second quarter.", dates=day)
    assert flagged(rep) == [("FL101", ["$203 million", "$230 million"])]


def test_a_lead_over_a_rival_is_a_gap_not_a_level():
    day = {0: "2025-04-20", 1: "2025-04-20"}
    lead = "Ferndale are six points clear of Brookside with two games left."
    assert not flagged(report(lead, "Ferndale have 71 points with two games left.", dates=day))
    assert flagged(report(lead, "With two games left, Ferndale are nine points clear of Brookside.", dates=day))

"""Paraphrase: one fact said with other words in two articles is one fact (news vocabulary that
names one measure, frames that say what a figure is), and two facts worded alike stay two."""
import pytest

from test_match import flagged, report

DATES = {0: "2025-03-04", 1: "2025-03-04"}


@pytest.mark.parametrize("a, b", [
    # what is done to the people counted names the tally, whatever noun counts them
    ("In Porto on Sunday, riot police detained 86 protesters.", "In Porto on Sunday, police arrested 68 people."),
    # what a company or a deal is worth
    ("The takeover is valued at $12 billion.", "The takeover is worth $21 billion."),
    ("The chipmaker's market capitalisation passed $900 billion on Friday.",
     "The chipmaker was worth $700 billion on Friday."),
    # jobs are cut however the cut is said
    ("The airline is shedding 1,500 jobs at its Lisbon hub.", "At its Lisbon hub the airline will cut 5,100 jobs."),
    # a change said by its direction, not by the verb chosen for it; shares are the stock
    ("Shares in the carmaker dropped 8 percent on Monday.", "The carmaker's stock fell 4% on Monday."),
    # a harvest or a crop is the output
    ("The maize crop is projected at 31 million tonnes this season.",
     "Maize output is forecast at 13 million tonnes this season."),
    # voters who cast a ballot are the turnout
    ("Turnout in the referendum was 58 percent.", "Some 85% of registered voters cast a ballot in the referendum."),
    # a capitalised common noun opening the sentence is no name: an inflected one ("Authorities")
    # or one the grammar lists ("Police", a source) does not say whose figure it is
    ("Authorities detained 310 migrants near Calais on Monday.", "Police arrested 130 people near Calais on Monday."),
    # a source as the verb's subject says who counted, not what is counted
    ("Riot police arrested 96 protesters in Porto on Friday.", "In Porto on Friday, 69 people were arrested."),
    # the named object of the verb is whose figure it is, as the subject of the passive is
    ("A judge sentenced Okafor to nine years for fraud.", "Okafor was jailed for 19 years for fraud."),
    # a measure said only in generic words ("shares", "stock") is still scored as a pair
    ("On Thursday the shares slid 9 percent after the warning.", "The stock slid 19% on Thursday."),
    # a verb that names a crowd when what it counts is people (metrics `verbs`)
    ("The vigil in Turin drew about 8,000 people on Sunday.", "Some 18,000 people attended the vigil in Turin on Sunday."),
    # a verb form after the number with a singular object is the clause's verb ("required hospital
    # treatment"), not a qualifier of a counted noun ("1,872 suspected cholera cases")
    ("At the resort, 41 required hospital treatment.", "At the resort, 14 people have been hospitalised."),
    # what something "can" do is its capacity, and "up to" that is the capacity itself
    ("The ferry can carry up to 1,200 passengers.", "The ferry has a capacity of 2,100 passengers."),
])
def test_one_fact_said_with_other_words_is_compared(a, b):
    assert flagged(report(a, b, dates=DATES))


@pytest.mark.parametrize("a, b", [
    # (aligned word for word, but sickened and killed name two tallies)
    ("The outbreak has sickened 212 guests at the resort.", "The outbreak has killed 3 guests at the resort."),
    ("Riot police detained 86 protesters in Porto on Sunday.", "Riot police injured 40 protesters in Porto on Sunday."),
    ("The takeover is valued at $12 billion.", "The takeover was valued at $9 billion in 2019."),
    ("The airline will axe 1,500 jobs this year.", "The airline will hire 5,100 workers this year."),
    ("Copper prices jumped 6 percent on Thursday.", "Copper prices climbed 9% on Friday."),
    ("The maize crop is projected at 31 million tonnes this season.",
     "Wheat output is forecast at 13 million tonnes this season."),
    # a dictionary word the lemmatiser does not inflect and no list holds may be a surname
    ("Baker scored 14 goals this season.", "Carter scored 9 goals this season."),
    ("A judge sentenced Okafor to nine years for fraud.", "Brandt was jailed for 19 years for fraud."),
    # sources on opposite sides of a count, as the verb's subjects, each give their own figure
    ("Police counted 15,000 marchers in Lyon on Saturday.", "Organisers counted 60,000 marchers in Lyon on Saturday."),
    ("Police put the crowd at 15,000.", "Organisers put the crowd at 60,000."),
    # ... and not when it counts no people: a draw is a score
    ("Rovers drew 2-2 with United on Sunday.", "A crowd of 31,000 watched Rovers on Sunday."),
    # a capacity is not a load carried, and a capacity said two ways agrees
    ("The ferry can carry up to 1,200 passengers.", "The ferry was carrying 850 passengers when it sank."),
    ("The ferry can carry up to 1,200 passengers.", "The ferry has a capacity of 1,200 passengers."),
])
def test_two_facts_worded_alike_stay_two(a, b):
    assert not flagged(report(a, b, dates=DATES))

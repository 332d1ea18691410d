"""Time: periods for flows, as-of instants for stocks and running counts, resolved against the
article (its date, or the last year it names)."""
import pytest

from checker.extract import extract_mentions
from checker.models import TimeScope
from checker.rules import load_rules
from checker.text import fold
from checker.when import ref_for, same_time, time_refs, weekday_date
from checker.words import grammar

RULES = load_rules()


def refs(sentence: str, today: str | None = "2025-11-20"):
    year = int(today[:4]) if today else None
    found = time_refs(fold(sentence), extract_mentions(sentence, RULES), year, today, grammar(RULES))
    return [(r.kind, r.lo, r.hi) for r in found if not r.base]


@pytest.mark.parametrize("sentence, today, expected", [
    ("From January to October, exports totaled $2.3 billion.", "2025-11-20", ("period", "2025-01", "2025-10")),
    ("From January to October, exports totaled $2.3 billion.", "2026-02-03", ("period", "2025-01", "2025-10")),
    ("In the first ten months of 2024 exports rose.", None, ("period", "2024-01", "2024-10")),
    ("Sales in the third quarter of 2025 were flat.", None, ("period", "2025-07", "2025-09")),
    ("Net income in fiscal Q2 2025 fell.", None, ("period", "FY2025-Q2", "FY2025-Q2")),
    ("Attendance last year was a record.", "2025-11-20", ("period", "2024", "2024")),
    ("The match was played on Thursday.", "2025-11-20", ("instant", "2025-11-20", "2025-11-20")),
    ("The vote was counted yesterday.", "2025-11-20", ("instant", "2025-11-19", "2025-11-19")),
    ("The target is to be met over the next two to three years.", "2025-11-20", ("period", "2025", "2028")),
])
def test_time_expressions(sentence, today, expected):
    assert expected in refs(sentence, today)


def test_a_year_that_is_the_base_of_a_comparison_is_not_a_period():
    assert ("period", "2024", "2024") not in refs("Revenue rose 12% from 2024.")


def test_weekdays_resolve_to_the_latest_such_day():
    assert weekday_date("monday", "2025-11-20") == "2025-11-17"
    assert weekday_date("thursday", "2025-11-20") == "2025-11-20"


def test_an_undated_weekday_meets_a_date_on_that_weekday():
    thursday = TimeScope(kind="instant", text="Thursday", origin="sentence")
    dated = TimeScope(kind="instant", start="2025-04-03", end="2025-04-03", origin="sentence")
    friday = TimeScope(kind="instant", start="2025-04-04", end="2025-04-04", origin="sentence")
    assert same_time(thursday, dated) and not same_time(thursday, friday)
    assert same_time(thursday, TimeScope()) is None


def test_labels_keep_the_json_contract():
    assert TimeScope(kind="period", start="2025-01", end="2025-10").label == "2025-01/2025-10"
    assert TimeScope(kind="instant", start="2025-12-01", end="2025-12-01").label == "as of 2025-12-01"
    assert TimeScope().label is None


def test_since_opens_a_period_that_runs_to_the_article_date():
    assert ("period", "2021", "2025-11-20") in refs("Exports have risen 40% since 2021.")


def all_refs(sentence: str, today: str = "2025-11-20"):
    return time_refs(fold(sentence), extract_mentions(sentence, RULES), 2025, today, grammar(RULES))


def test_the_time_of_a_base_is_the_time_of_the_baseline_value():
    sentence = "Cases rose by 40 percent in a week, from 1,872 on March 5."
    mentions = extract_mentions(sentence, RULES)
    base = next(m for m in mentions if m.text == "1,872")
    change = next(m for m in mentions if m.text == "40 percent")
    found = all_refs(sentence)
    own = ref_for(found, base.start, base.end, len(sentence), len(sentence))
    assert own is not None and own.lo == "2025-03-05"
    assert ref_for(found, change.start, change.end, base.start, len(sentence)) is None


def test_seasons_and_weeks_are_periods_relative_to_the_article():
    assert ("period", "season before 2025-11", "season before 2025-11") in refs("She scored 27 goals last season.")
    assert ("period", "2025-11-10", "2025-11-16") in refs("Sales fell 5% last week.")


def test_a_quarter_in_words_and_the_full_year_take_the_year_in_force():
    assert ("period", "2025-07", "2025-09") in refs("Third-quarter revenue rose 16 percent.")
    assert ("period", "2025", "2025") in refs("The company expects full-year revenue of $18.6 billion.")


def test_a_period_naming_a_flow_beats_the_day_it_was_reported():
    sentence = "The company reported third-quarter revenue of $4.82 billion on Thursday."
    mentions = extract_mentions(sentence, RULES)
    value = next(m for m in mentions if m.kind == "amount")
    ref = ref_for(all_refs(sentence), value.start, value.end, len(sentence), len(sentence))
    assert (ref.lo, ref.hi) == ("2025-07", "2025-09")


def test_a_day_without_a_year_is_at_most_two_months_ahead_of_the_article():
    from checker.when import year_of_day
    assert year_of_day("--12-01", 2025, "2025-11-10") == 2025  # "due to be sworn in on December 1"
    assert year_of_day("--03-28", 2025, "2025-11-10") == 2025  # "the quake struck on March 28"
    assert year_of_day("--01-15", 2025, "2025-12-20") == 2026
    assert year_of_day("--12-20", 2026, "2026-01-05") == 2025


def test_the_day_a_flow_was_reported_is_not_its_period():
    refs = time_refs(fold("Revenue was $4.8 billion, the company said on Thursday."),
                     extract_mentions("Revenue was $4.8 billion, the company said on Thursday.", RULES), 2025,
                     "2025-10-24", grammar(RULES))
    (day,) = [r for r in refs if r.kind == "instant"]
    assert day.reported
    folded = fold("Revenue was $4.8 billion, the company said on Thursday.")
    assert ref_for(refs, 12, 24, len(folded), len(folded), folded, tally=False) is None
    assert ref_for(refs, 12, 24, len(folded), len(folded), folded, tally=True) is day


def time_of(sentence: str, value: str, today: str = "2025-11-20"):
    folded = fold(sentence)
    mentions = extract_mentions(sentence, RULES)
    m = next(x for x in mentions if x.text == value)
    ref = ref_for(all_refs(sentence, today), m.start, m.end, len(folded), len(folded), folded, False, today)
    return None if ref is None else (ref.lo, ref.hi)


def test_a_clause_a_day_after_a_named_day_is_of_the_day_before():
    sentence = "The toll rose to 12 on Friday, a day after the ferry sank off the coast with 80 people aboard."
    assert time_of(sentence, "12") == ("2025-11-14", "2025-11-14")  # outside the clause: Friday
    assert time_of(sentence, "80") == ("2025-11-13", "2025-11-13")
    later = "Ticket sales reached 9,000 on Monday, two days before the gates opened to 4,000 fans."
    assert time_of(later, "4,000") == ("2025-11-19", "2025-11-19")
    assert time_of("Sales rose 5 percent in 2024, a year after the plant opened with 300 workers.", "300") == ("2023", "2023")


def test_a_clause_an_uncounted_gap_away_does_not_take_the_time_named():
    sentence = "Shares fell 8 percent on Tuesday, hours after the company cut its forecast to $2 billion."
    assert time_of(sentence, "8 percent") == ("2025-11-18", "2025-11-18")
    assert time_of(sentence, "$2 billion") is None


def test_a_figure_after_the_gap_clause_has_ended_keeps_the_time_named():
    sentence = "The toll rose to 12 on Friday, a day after the ferry sank, and 40 people remain missing."
    assert time_of(sentence, "40") == ("2025-11-14", "2025-11-14")

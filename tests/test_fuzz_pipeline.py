"""Article text is untrusted: whatever it holds, the pipeline returns a Report, never a traceback."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.models import Article
from checker.pipeline import analyse
from checker.rules import load_rules

RULES = load_rules()
NEWSY = st.sampled_from([
    "nearly", "over", "US$", "$", "3", "2.98", "billion", "USD", "VND40 trillion", "(", ")", "%",
    "per cent", "in 2025", "the first ten months of", "death toll", "dead and missing", "Vietnam",
    "Laos", "Lao Cai province", "the village", "No.", "14th", "January 9-10", "times", "about",
    "-", "–", ",", ".", "\n", " ", "trade", "investment", "projects", "as of September 17",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(NEWSY, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT, st.one_of(st.none(), st.text(max_size=40)))
def test_any_text_gives_a_report(a, b, title):
    arts = [Article(path="a.txt", text=a, title=title, date="2025-12-01"), Article(path="b.txt", text=b)]
    report = analyse(arts, RULES)
    for f in report.findings:
        assert f.claims and f.rule.startswith("FL")

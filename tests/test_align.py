"""Aligned sentences: copies and light rewrites across articles, and which numbers correspond."""
from checker.align import align
from checker.models import Article
from checker.pipeline import analyse, extract_article
from checker.claims import extract_claims
from checker.match import comparable
from checker.rules import load_rules

RULES = load_rules()


def aligned_pairs(*texts):
    arts = [Article(path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    ex = [extract_article(a, RULES) for a in arts]
    cs = extract_claims(arts, [e.sentences for e in ex], [e.mentions for e in ex], [e.descriptors for e in ex], RULES)
    sentences = {(a.path, k): s for a, e in zip(arts, ex) for k, s in enumerate(e.sentences)}
    by_id = {c.id: c for c in cs}
    return [(by_id[p.a], by_id[p.b], p.similarity) for p in align(sentences, [c for c in cs if comparable(c)], 0.8)]


def aligned(*texts):
    return {(a.text, b.text): round(sim, 2) for a, b, sim in aligned_pairs(*texts)}


def test_numbers_in_corresponding_places_of_a_light_rewrite():
    pairs = aligned(
        "The quake killed 2,200 people and injured 4,500 in the province, the ministry said on Monday.",
        "The quake killed 2,250 people and injured 4,500 in the province, the ministry said Monday.")
    assert ("2,200", "2,250") in pairs and ("4,500", "4,500") in pairs
    assert ("2,200", "4,500") not in pairs


def test_different_sentences_are_not_aligned():
    assert not aligned("The club sold 41,000 season tickets before the opening match of the year.",
                       "Inflation eased to 2.4% in March, the statistics office said on Tuesday.")


def test_a_thousand_reprints_cost_a_thousand_pairs_not_a_million():
    text = "Officials said the flood had displaced 12,000 families across the delta region this week."
    pairs = aligned_pairs(*[text] * 40)
    assert len(pairs) == 39 and len({b.article for _, b, _ in pairs}) == 39


def test_copies_of_one_sentence_with_one_number_changed_are_one_fact():
    rep = analyse([Article(path="a.txt", text="Exports of coffee reached 1.2 million bags in the season."),
                   Article(path="b.txt", text="Exports of coffee reached 1.5 million bags in the season.")], RULES)
    (f,) = [f for f in rep.findings if f.rule == "FL101"]
    assert f.matches[0].aligned and rep.coverage.aligned == 2

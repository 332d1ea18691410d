"""Sentence splitting keeps abbreviations, decimals and wrapped lines whole, with exact positions."""
from checker.models import Article
from checker.sentences import split, title_sentence


def sentences(text: str, **kw) -> list[str]:
    return [s.text for s in split(Article(path="a.txt", text=text, **kw))]


def test_no_split_on_abbreviations_and_numbers():
    text = "Trade hit US$3.5 billion at Wharf No. 3 on Dec. 2 in the U.S. market. Next one."
    assert sentences(text) == ["Trade hit US$3.5 billion at Wharf No. 3 on Dec. 2 in the U.S. market.", "Next one."]


def test_wrapped_lines_join_but_headings_do_not():
    text = ("Heading Without Period\nThe village had 35\nfamilies and the road to the\n"
            "Southeast was closed. Another sentence.\n\nNew paragraph.")
    assert sentences(text) == ["Heading Without Period",
                               "The village had 35 families and the road to the Southeast was closed.",
                               "Another sentence.", "New paragraph."]


def test_positions_point_into_the_file():
    art = Article(path="a.txt", text="First line.\n\n  Second one here. Third.", body_line=5)
    ss = split(art)
    assert [(s.line, s.column) for s in ss] == [(5, 1), (7, 3), (7, 20)]
    assert all(art.text[s.start:s.start + len(s.text)] == s.text for s in ss)
    assert ss[0].headline is False


def test_comments_are_not_text():
    assert sentences("<!-- factlint: ignore FL101 -- ok -->\nReal text.") == ["Real text."]


def test_title_becomes_a_headline_unless_repeated():
    art = Article(path="a.txt", text="Body starts here.", title="Death toll passes 150", body_line=4)
    t = title_sentence(art, split(art))
    assert t is not None and t.headline and t.text == "Death toll passes 150"
    same = Article(path="a.txt", text="Death toll passes 150\nBody.", title="Death toll passes 150")
    assert title_sentence(same, split(same)) is None

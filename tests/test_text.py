"""Text folding: one character in, one out, the same whatever path a text takes."""
from hypothesis import given, strategies as st

from checker.text import _fold_char, fold


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_fold_is_the_fold_of_each_character(text):
    assert fold(text) == "".join(_fold_char(c) for c in text)
    assert len(fold(text)) == len(text)


def test_fold_examples():
    assert fold("Việt Nam’s ĐÀ NẴNG — İzmir, ΟΔΟΣ") == "viet nam's da nang - izmir, οδοσ"


def test_the_shipped_decoded_dictionary_gives_simplemmas_own_lemmas():
    import simplemma

    from checker import words

    shipped = words._shipped_table(simplemma.__version__)
    if shipped is None:  # another simplemma version is installed: its own loader is used
        assert words._lemmatizer() is simplemma
        return
    sample = ["running", "struck", "fatalities", "houses", "grossed", "wound", "children", "data",
              "evacuated", "olsen", "nordhaven", "better", "rose", "left", "injured"]
    lem = words._lemmatizer()
    assert [lem.lemmatize(w, "en") for w in sample] == [simplemma.lemmatize(w, lang="en") for w in sample]
    assert [lem.is_known(w, "en") for w in sample] == [simplemma.is_known(w, lang="en") for w in sample]

"""Text folding: one character in, one out, the same whatever path a text takes."""
from hypothesis import given, strategies as st

from checker.text import _fold_char, fold


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_fold_is_the_fold_of_each_character(text):
    assert fold(text) == "".join(_fold_char(c) for c in text)
    assert len(fold(text)) == len(text)


def test_fold_examples():
    assert fold("Việt Nam’s ĐÀ NẴNG — İzmir, ΟΔΟΣ") == "viet nam's da nang - izmir, οδοσ"

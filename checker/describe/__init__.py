"""What a number measures, read from the grammar around it, in any story (see frames.py)."""
from .concepts import Concepts, claim_kind, concepts, known_names
from .sentence import EXPECTED, VALUE_KINDS, describe_article, describe_sentence

__all__ = ["Concepts", "EXPECTED", "VALUE_KINDS", "claim_kind", "concepts", "describe_article", "describe_sentence",
           "known_names"]

"""The extractor as a package: its code decides the extraction cache key by itself, and its
Python files hold grammar, not English words (those live in rules/)."""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

from checker.runner import CODE_FILES, code_hash

PACKAGE = Path(__file__).resolve().parent.parent / "checker"


def _copy(tmp_path: Path) -> Path:
    here = tmp_path / "checker"
    for name in CODE_FILES:
        src = PACKAGE / name
        if src.is_dir():
            shutil.copytree(src, here / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            here.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, here / name)
    return here


def test_cache_key_follows_every_module_of_the_extract_package(tmp_path):
    here = _copy(tmp_path)
    before = code_hash(here, "0")
    (here / "extract" / "new_pass.py").write_text("X = 1\n")
    added = code_hash(here, "0")
    assert added != before
    grammar = here / "extract" / "grammar.py"
    grammar.write_text(grammar.read_text() + "\n# changed\n")
    assert code_hash(here, "0") not in (before, added)
    assert code_hash(here, "1") != code_hash(here, "0")


def test_the_claims_cache_key_follows_every_module(tmp_path):
    """The claims cache depends on the whole package (claims, subjects, when ...), not only on
    the extraction modules: a change to a module outside CODE_FILES changes its key alone."""
    here = _copy(tmp_path)
    (here / "claims.py").write_text("X = 1\n")
    extraction, package = code_hash(here, "0"), code_hash(here, "0", (".",))
    (here / "claims.py").write_text("X = 2\n")
    assert code_hash(here, "0") == extraction
    assert code_hash(here, "0", (".",)) != package


def _string_lists(tree: ast.AST):
    """Tuples, lists and sets of two or more string literals written in the code."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(items) >= 2 and len(items) == len(node.elts):
                yield node.lineno, items


def test_no_english_word_lists_in_the_extractor():
    """Words live in rules/*.toml; what the code may list are kinds, field names and marks."""
    allowed = {  # the extractor's own vocabulary: mention kinds, token kinds, hedge directions
        "amount", "count", "quantity", "percent", "percentage_point", "multiplier", "ordinal",
        "date", "weekday", "unit", "teen", "ten", "mag", "hundred", "fraction", "digits", "point",
        "article", "glued_ordinal", "glued_unit", "fracden", "below", "above", "about", "at_least",
        "at_most", "d_mdy", "d_dmy", "sym", "word", "noun", "granularity", "kind", "text", "start",
        "end", "value", "hedge", "low", "high", "where", "span", "interval", "quantifier",
        "share", "ratio", "age", "x", "relative_date", "time", "limit", "multiplier",
        "phone", "ident", "code", "address", "model", "glued", "elapsed", "months", "weekdays",
        "identifiers", "streets", "periods", "relative", "relative_counted", "rounding",
    }
    for path in sorted((PACKAGE / "extract").glob("*.py")):
        for line, items in _string_lists(ast.parse(path.read_text())):
            words = [w for w in items if w.isalpha() and w.lower() not in allowed]
            assert not words, f"{path.name}:{line}: word list {words} belongs in rules/"

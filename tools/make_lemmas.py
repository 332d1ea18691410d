"""Generate checker/data/lemmas_en.bin: simplemma's English dictionary, decoded once.

simplemma ships its dictionaries front-coded under lzma; decoding the English one takes about
0.1 s, paid by every run that extracts an article (a first run, a changed article, --no-cache).
This file holds the same dictionary as a zlib-compressed marshal of
(simplemma version, {word bytes: lemma bytes}), which loads in about 0.04 s. checker.words
uses it only when the installed simplemma has the version recorded in it, else simplemma's
own loader, so lemmas are always simplemma's. Data: simplemma (MIT licence), see
rules/LICENSES.md.

Regenerate after upgrading simplemma:

    python3 tools/make_lemmas.py > checker/data/lemmas_en.bin
"""
from __future__ import annotations

import marshal
import sys
import zlib

import simplemma
from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk


def main() -> int:
    table = _load_dictionary_from_disk("en")
    sys.stdout.buffer.write(zlib.compress(marshal.dumps((simplemma.__version__, table)), 6))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Aligned sentences: copies and light rewrites of one sentence across articles.

Wire copies and rewrites keep the words around a number: when two sentences of different
articles are nearly the same word for word (numbers masked), numbers in corresponding places
state the same fact, whatever they measure and whether or not a descriptor was found. It is the
strongest evidence of identity there is.

Cost stays near-linear: identical masked sentences are grouped first (one group, however many
articles reprint it), then distinct ones are paired only through rare shared word runs.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, combinations
from operator import attrgetter
from typing import NamedTuple

from rapidfuzz.distance import Indel

from .models import Claim, Sentence
from .text import WORD_RE, fold

SHINGLE = 3  # words per run used to find candidate pairs
MAX_POSTING = 64  # a run found in more distinct sentences than this says nothing
SLOT = "\x00"  # a number's place in the masked sentence


@dataclass(frozen=True)
class Aligned:
    """Two claims in corresponding places of aligned sentences."""

    a: str
    b: str
    similarity: float


@dataclass
class Masked:
    tokens: tuple[str, ...]
    claims: list[Claim]  # value claims in reading order, one per SLOT


class Mask(NamedTuple):
    """A sentence's masked words, and which of its ordered claims took a SLOT."""

    tokens: tuple[str, ...]
    kept: tuple[int, ...]


Layout = tuple[str, tuple[tuple[int, int], ...]]  # text, (offset, length) of each claim in order


def masked(sentence: Sentence, claims: list[Claim], memo: dict[Layout, Mask] | None = None) -> Masked:
    """The sentence's words with each value claim replaced by SLOT. A mask reads only the text
    and each claim's offset and length (`memo` is keyed by exactly these): reprints share it."""
    spans = sorted(claims, key=attrgetter("column", "id")) if len(claims) > 1 else claims
    column = sentence.column
    layout = (sentence.text, tuple([(c.column - column, len(c.text)) for c in spans]))
    memo = {} if memo is None else memo
    mask = memo.get(layout)
    if mask is None:
        mask = memo[layout] = _mask(*layout)
    return Masked(mask.tokens, [spans[k] for k in mask.kept])


def _mask(text: str, spans: tuple[tuple[int, int], ...]) -> Mask:
    text = fold(text)
    out: list[str] = []
    pos = 0
    kept = []
    for k, (start, length) in enumerate(spans):
        if start < pos or start >= len(text):
            continue
        out += WORD_RE.findall(text[pos:start])
        out.append(SLOT)
        kept.append(k)
        pos = start + length
    out += WORD_RE.findall(text[pos:])
    return Mask(tuple(out), tuple(kept))


def align(sentences: dict[tuple[str, int], Sentence], claims: list[Claim], threshold: float) -> list[Aligned]:
    """Claim pairs of different articles in corresponding places of aligned sentences."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.descriptor.rule != "sum":  # a total the checker added is in no sentence's words
            by_sentence[(c.article, c.sentence)].append(c)
    groups: dict[tuple[str, ...], list[Masked]] = defaultdict(list)
    memo: dict[Layout, Mask] = {}
    for key, cs in sorted(by_sentence.items()):
        m = masked(sentences[key], cs, memo)
        if len(m.tokens) >= 6 and m.claims:
            groups[m.tokens].append(m)
    keys, members = list(groups), list(groups.values())
    out: list[Aligned] = []
    for ms in members:  # identical masked sentences
        out += _pairs_within(ms)
    for x, y, sim in _similar(keys, threshold):
        out += _pairs_between(members[x], members[y], keys[x], keys[y], sim)
    return out


def _pairs_within(members: list[Masked]) -> list[Aligned]:
    """Every article's copy against the first copy of each other article (a star, not all
    pairs: identity is transitive here, and a thousand reprints cost a thousand pairs)."""
    out = []
    article = members[0].claims[0].article
    ids = [c.id for c in members[0].claims]
    for m in members[1:]:
        if m.claims[0].article != article:
            out += [Aligned(a, b.id, 1.0) for a, b in zip(ids, m.claims)]
    return out


def _similar(keys: list[tuple[str, ...]], threshold: float):
    """Pairs (indices) of distinct masked sentences at least `threshold` alike, found through shared runs."""
    codes = _encoded(keys)
    lengths = [len(c) for c in codes]
    floor = threshold - 1e-9  # a margin for rounding
    seen: set[tuple[int, int]] = set()
    for posting in _postings(keys):
        new = [pair for pair in combinations(posting, 2) if pair not in seen]
        seen.update(new)
        for x, y in new:
            # similarity is 2 * LCS / (la + lb) and LCS <= the shorter length: a pair whose
            # lengths alone keep it below the threshold needs no comparison
            la, lb = lengths[x], lengths[y]
            if 2 * min(la, lb) < floor * (la + lb):
                continue
            sim = Indel.normalized_similarity(codes[x], codes[y])
            if sim >= threshold:
                yield x, y, sim


def _postings(keys: list[tuple[str, ...]]) -> Iterable[tuple[int, ...]]:
    """For each run of SHINGLE words, the sentences holding it, first appearance first; a
    posting equal to an earlier one is left out (all its pairs were met already)."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, toks in enumerate(keys):
        words = [t for t in toks if t != SLOT]
        for run in set(zip(*(words[j:] for j in range(SHINGLE)))):  # runs of SHINGLE words
            index[run].append(i)
    return dict.fromkeys(tuple(p) for p in index.values() if len(p) <= MAX_POSTING)


def _encoded(keys: list[tuple[str, ...]]) -> list[Sequence[Hashable]]:
    """Each masked sentence as a str of one character per distinct word: rapidfuzz compares a
    str several times faster than a tuple, with the same result (equal words, equal characters)."""
    words = dict.fromkeys(chain.from_iterable(keys))  # distinct, first seen first
    if len(words) > sys.maxunicode:  # more distinct words than characters
        return list(keys)
    char = {w: chr(n) for n, w in enumerate(words)}
    return ["".join(map(char.__getitem__, toks)) for toks in keys]


def _pairs_between(ga: list[Masked], gb: list[Masked], ta, tb, sim: float) -> list[Aligned]:
    # every member of a group has one claim per SLOT of the group's tokens: slots are in range
    article = ga[0].claims[0].article
    ends = [(ga[0].claims[i].id, j) for i, j in _slot_map(ta, tb)]
    out = []
    for b in gb:
        if b.claims[0].article != article:
            out += [Aligned(a, b.claims[j].id, sim) for a, j in ends]
    return out


def _slot_map(ta: tuple[str, ...], tb: tuple[str, ...]) -> list[tuple[int, int]]:
    """(i, j): the i-th number of one sentence sits where the j-th of the other does."""
    ia = [k for k, t in enumerate(ta) if t == SLOT]
    ib = {k: n for n, k in enumerate(k for k, t in enumerate(tb) if t == SLOT)}
    pairs = []
    for op in Indel.opcodes(ta, tb):
        if op.tag == "equal":  # a SLOT in an equal block faces a SLOT
            pairs += [(i, ib[op.dest_start + k - op.src_start]) for i, k in enumerate(ia)
                      if op.src_start <= k < op.src_end]
    return pairs

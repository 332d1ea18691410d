"""Aligned sentences: copies and light rewrites of one sentence across articles.

Wire copies and rewrites keep the words around a number: when two sentences of different
articles are nearly the same word for word (numbers masked), numbers in corresponding places
state the same fact, whatever they measure and whether or not a descriptor was found. It is the
strongest evidence of identity there is.

Cost stays near-linear: identical masked sentences are grouped first (one group, however many
articles reprint it), then distinct ones are paired only through rare shared word runs.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

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


def masked(sentence: Sentence, claims: list[Claim]) -> Masked:
    """The sentence's words with each value claim replaced by SLOT."""
    text = fold(sentence.text)
    spans = sorted(((c.column - sentence.column, c) for c in claims), key=lambda p: (p[0], p[1].id))
    out: list[str] = []
    pos = 0
    kept = []
    for start, c in spans:
        if start < pos or start >= len(text):
            continue
        out += WORD_RE.findall(text[pos:start])
        out.append(SLOT)
        kept.append(c)
        end = start + len(c.text)
        pos = end
    out += WORD_RE.findall(text[pos:])
    return Masked(tuple(out), kept)


def align(sentences: dict[tuple[str, int], Sentence], claims: list[Claim], threshold: float) -> list[Aligned]:
    """Claim pairs of different articles in corresponding places of aligned sentences."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.descriptor.rule != "sum":  # a total the checker added is in no sentence's words
            by_sentence[(c.article, c.sentence)].append(c)
    groups: dict[tuple[str, ...], list[Masked]] = defaultdict(list)
    for key, cs in sorted(by_sentence.items()):
        m = masked(sentences[key], cs)
        if len(m.tokens) >= 6 and m.claims:
            groups[m.tokens].append(m)
    out: list[Aligned] = []
    for members in groups.values():  # identical masked sentences
        out += _pairs_within(members)
    for ta, tb, sim in _similar(list(groups), threshold):
        out += _pairs_between(groups[ta], groups[tb], ta, tb, sim)
    return out


def _pairs_within(members: list[Masked]) -> list[Aligned]:
    """Every article's copy against the first copy of each other article (a star, not all
    pairs: identity is transitive here, and a thousand reprints cost a thousand pairs)."""
    out = []
    first = members[0]
    for m in members[1:]:
        if m.claims[0].article != first.claims[0].article:
            out += [Aligned(a.id, b.id, 1.0) for a, b in zip(first.claims, m.claims)]
    return out


def _similar(keys: list[tuple[str, ...]], threshold: float):
    """Pairs of distinct masked sentences at least `threshold` alike, found through shared runs."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, toks in enumerate(keys):
        words = [t for t in toks if t != SLOT]
        for run in {tuple(words[j:j + SHINGLE]) for j in range(len(words) - SHINGLE + 1)}:
            index[run].append(i)
    seen: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) > MAX_POSTING:
            continue
        for x in range(len(posting)):
            for y in range(x + 1, len(posting)):
                pair = (posting[x], posting[y])
                if pair in seen:
                    continue
                seen.add(pair)
                sim = Indel.normalized_similarity(keys[pair[0]], keys[pair[1]])
                if sim >= threshold:
                    yield keys[pair[0]], keys[pair[1]], sim


def _pairs_between(ga: list[Masked], gb: list[Masked], ta, tb, sim: float) -> list[Aligned]:
    slots = _slot_map(ta, tb)
    out = []
    for a in ga[:1]:
        for b in gb:
            if a.claims[0].article == b.claims[0].article:
                continue
            out += [Aligned(a.claims[i].id, b.claims[j].id, sim) for i, j in slots
                    if i < len(a.claims) and j < len(b.claims)]
    return out


def _slot_map(ta: tuple[str, ...], tb: tuple[str, ...]) -> list[tuple[int, int]]:
    """(i, j): the i-th number of one sentence sits where the j-th of the other does."""
    ia = [k for k, t in enumerate(ta) if t == SLOT]
    ib = [k for k, t in enumerate(tb) if t == SLOT]
    pairs = []
    for op in Indel.opcodes(ta, tb):
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                if ta[op.src_start + k] == SLOT:
                    pairs.append((ia.index(op.src_start + k), ib.index(op.dest_start + k)))
    return pairs

"""Build a large synthetic news corpus for benchmarks (issue 5) out of real sentences.

    python benchmarks/generate_corpus.py OUT [--articles 10000] [--seed 5]

Sentences come from `seeds/*.txt` and, when present, `../shared/stories/*/*.txt` (front matter
skipped). The corpus is a set of "stories": a story takes a run of consecutive sentences from one
source text, gives it its own pair of countries and shifts its years, and is told by 4 to 20
articles. Each article keeps most of the story's sentences, in order, and restates its numbers:
mostly as printed, sometimes scaled by a small factor (rounding drift), now and then by a larger
one (a real conflict), and sometimes with a hedge swapped ("nearly" for "more than"). Many
articles therefore state the same facts, which is what gives matching and comparison work to do.

Output: OUT/<story>_<n>.txt with front matter (title, outlet, date). The same arguments and the
same source texts give byte-identical files.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "seeds", REPO.parent / "shared" / "stories"]

COUNTRIES = [
    ("Vietnam", "Vietnamese"), ("Laos", "Lao"), ("Cambodia", "Cambodian"), ("Thailand", "Thai"),
    ("Myanmar", "Burmese"), ("China", "Chinese"), ("Philippines", "Philippine"),
    ("Indonesia", "Indonesian"), ("Malaysia", "Malaysian"), ("Singapore", "Singaporean"),
    ("Japan", "Japanese"), ("South Korea", "South Korean"), ("India", "Indian"),
    ("Australia", "Australian"), ("Russia", "Russian"),
]
# Names of the two countries most source texts are about, and their adjectives.
FIRST = re.compile(r"\b(?:Viet Nam|Vietnam|Việt Nam)\b")
FIRST_ADJ = re.compile(r"\bVietnamese\b")
SECOND = re.compile(r"\bLaos\b")
SECOND_ADJ = re.compile(r"\b(?:Laotian|Lao)\b(?! Cai)")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])")
HEDGE_SWAPS = [("nearly", "more than"), ("almost", "over"), ("about", "around"),
               ("more than", "nearly"), ("over", "almost"), ("around", "about"),
               ("at least", "nearly"), ("some", "over")]
OUTLETS = ["Daily Ledger", "Morning Wire", "Regional Times", "Asia Dispatch", "Capital Post",
           "Evening Herald", "Delta News", "Harbour Gazette", "Mekong Review", "Wire Service"]
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")


def front_matter_body(text: str) -> str:
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                return "\n".join(lines[i + 1:])
    return text


def source_texts(sources: list[Path]) -> list[list[str]]:
    """Each source file as a list of sentences (paragraph line wraps joined)."""
    docs = []
    for root in sources:
        if not root.is_dir():
            continue
        for path in sorted(root.glob("*.txt")) + sorted(root.glob("*/*.txt")):
            text = front_matter_body(path.read_text(encoding="utf-8"))
            sentences = []
            for para in re.split(r"\n\s*\n", text):
                for line in para.split("\n"):
                    line = " ".join(line.split())
                    sentences += [s for s in SENTENCE_END.split(line) if len(s) >= 25]
            if len(sentences) >= 4:
                docs.append(sentences)
    return docs


def perturb_number(m: re.Match, factor: float) -> str:
    whole, frac = m.group(1), m.group(2) or ""
    value = float(whole.replace(",", "") + frac)
    if 1900 <= value <= 2100 and not frac:  # a year
        return m.group(0)
    if value < 1 or factor == 1.0:
        return m.group(0)
    new = value * factor
    decimals = len(frac) - 1 if frac else 0
    if not decimals and new == value:
        return m.group(0)
    if decimals:
        out = f"{new:.{decimals}f}"
    else:
        out = str(max(1, round(new)))
    if "," in whole:
        head, _, tail = out.partition(".")
        out = f"{int(head):,}" + (f".{tail}" if tail else "")
    return out


def restate(sentence: str, rng: random.Random) -> str:
    """One outlet's version of a sentence: numbers drift or conflict now and then, hedges swap."""
    r = rng.random()
    if r < 0.78:
        factor = 1.0
    elif r < 0.93:
        factor = rng.choice([0.97, 0.98, 0.99, 1.01, 1.02, 1.03])
    else:
        factor = rng.choice([0.6, 0.75, 0.8, 1.25, 1.4, 1.6])
    if factor != 1.0:
        sentence = NUMBER.sub(lambda m: perturb_number(m, factor), sentence)
    if rng.random() < 0.1:
        for old, new in HEDGE_SWAPS:
            pat = re.compile(rf"\b{old}\b(?= \d)")
            if pat.search(sentence):
                sentence = pat.sub(new, sentence, count=1)
                break
    return sentence


def story_text(sentences: list[str], first: tuple[str, str], second: tuple[str, str], shift: int) -> list[str]:
    out = []
    for s in sentences:
        s = FIRST_ADJ.sub(first[1], s)
        s = FIRST.sub(first[0], s)
        s = SECOND.sub(second[0], s)
        s = SECOND_ADJ.sub(second[1], s)
        if shift:
            s = YEAR.sub(lambda m: str(int(m.group(1)) + shift), s)
        out.append(s)
    return out


def generate(out: Path, articles: int, seed: int = 5, sources: list[Path] | None = None) -> int:
    docs = source_texts(sources or SOURCES)
    if not docs:
        raise SystemExit("generate_corpus: no source texts found")
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = story = 0
    while written < articles:
        story += 1
        doc = rng.choice(docs)
        size = min(len(doc), rng.randint(6, 16))
        start = rng.randint(0, len(doc) - size)
        first, second = rng.sample(COUNTRIES, 2)
        base = story_text(doc[start:start + size], first, second, rng.choice([0, 0, -1, -2, -3, 1, -5]))
        year = 2026 + rng.randint(-6, 0)
        month = rng.randint(1, 12)
        for n in range(min(rng.randint(4, 20), articles - written)):
            kept = [s for s in base if rng.random() < 0.7] or base[:3]
            body = [restate(s, rng) for s in kept]
            title = body[0][:90].rstrip(" ,.;:")
            paragraphs, para = [], []
            for s in body:
                para.append(s)
                if rng.random() < 0.35:
                    paragraphs.append(" ".join(para))
                    para = []
            if para:
                paragraphs.append(" ".join(para))
            head = (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\noutlet: {rng.choice(OUTLETS)}\n"
                    f"date: {year}-{month:02d}-{rng.randint(1, 28):02d}\n---\n\n")
            (out / f"{story:05d}_{n:02d}.txt").write_text(head + "\n\n".join(paragraphs) + "\n",
                                                         encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="output folder (replaced)")
    ap.add_argument("--articles", "-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args(argv)
    n = generate(args.out, args.articles, args.seed)
    print(f"generate_corpus: wrote {n} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Inline suppressions written by editors in the article itself.

Syntax (an HTML/Markdown comment, invisible when the article is rendered)::

    <!-- factlint: ignore FL101 -- figure confirmed with the ministry -->
    <!-- factlint: ignore FL101,value-tension -- two tallies, both official -->
    <!-- factlint: ignore-file FL103 -- this piece is a reprint, checked upstream -->

* ``ignore`` covers the *next sentence*: from the first non-blank text after the comment (on the
  same line or a later one) to the end of that sentence (``.``, ``!`` or ``?`` followed by a
  space or the end of the line), or the end of the paragraph, whichever comes first. A finding is
  suppressed when any of its claims in this article lies on a covered line.
* ``ignore-file`` covers the whole article.
* Codes are check codes (``FL101``), check names (``value-conflict``), group names or ``all``,
  separated by commas and/or spaces.
* The reason after ``--`` is mandatory. A suppression without a reason, with an unknown code or an
  unknown verb is **not applied**: it becomes a warning in the report (the run goes on).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.DOTALL)
DIRECTIVE = re.compile(r"^\s*factlint\s*:\s*(?P<rest>.*)$", re.DOTALL | re.IGNORECASE)
VERB = re.compile(r"^(?P<verb>[A-Za-z][\w-]*)\s*(?P<rest>.*)$", re.DOTALL)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")


@dataclass
class Suppression:
    article: str
    line: int  # line of the comment in the file
    codes: list[str]  # as written (codes, names, groups or "all")
    reason: str
    whole_file: bool
    first_line: int = 0  # covered lines (inclusive) for a next-sentence suppression
    last_line: int = 0
    used: bool = False
    resolved: set[str] = field(default_factory=set)  # check codes it covers

    def covers_line(self, line: int) -> bool:
        return self.whole_file or self.first_line <= line <= self.last_line

    def where(self) -> str:
        return f"{self.article}:{self.line}"


def _line_at(text: str, offset: int, base: int) -> int:
    return base + text.count("\n", 0, offset)


def _next_sentence_span(text: str, start: int) -> tuple[int, int] | None:
    """Offsets (begin, end) of the first sentence after `start`; None if only blanks follow."""
    m = re.compile(r"\S").search(text, start)
    # Skip over other comments directly following (e.g. two suppressions stacked).
    while m is not None and text.startswith("<!--", m.start()):
        close = text.find("-->", m.start())
        if close < 0:
            return None
        m = re.compile(r"\S").search(text, close + 3)
    if m is None:
        return None
    begin = m.start()
    para = re.compile(r"\n[ \t]*\n").search(text, begin)
    limit = para.start() if para else len(text)
    nxt = text.find("<!--", begin, limit)
    if nxt >= 0:
        limit = nxt
    end_m = SENTENCE_END.search(text, begin, limit)
    end = end_m.end() if end_m else limit
    return begin, max(begin, end - 1)


def parse_suppressions(
    article: str, text: str, body_line: int = 1
) -> tuple[list[Suppression], list[str]]:
    """Suppressions found in one article's text, and warnings about malformed ones.

    `body_line` is the file line where `text` starts (front matter removed), so that the lines
    agree with the lines of the claims.
    """
    found: list[Suppression] = []
    warnings: list[str] = []
    for cm in COMMENT.finditer(text):
        dm = DIRECTIVE.match(cm.group("body"))
        if dm is None:
            continue
        line = _line_at(text, cm.start(), body_line)
        where = f"{article}:{line}"
        rest = " ".join(dm.group("rest").split())
        vm = VERB.match(rest)
        verb = vm.group("verb").lower() if vm else ""
        if verb not in ("ignore", "ignore-file"):
            warnings.append(
                f"{where}: suppression not applied: unknown directive {verb or rest!r} "
                "(use 'factlint: ignore CODE -- reason' or 'factlint: ignore-file CODE -- reason')"
            )
            continue
        assert vm is not None
        body = vm.group("rest")
        codes_part, sep, reason = body.partition("--")
        reason = reason.strip()
        codes = [c for c in re.split(r"[,\s]+", codes_part.strip()) if c]
        if not codes:
            warnings.append(f"{where}: suppression not applied: no check code after '{verb}'")
            continue
        if not sep or not reason:
            warnings.append(
                f"{where}: suppression of {','.join(codes)} not applied: a reason is required "
                "('-- why this is accepted')"
            )
            continue
        sup = Suppression(article, line, codes, reason, verb == "ignore-file")
        if not sup.whole_file:
            span = _next_sentence_span(text, cm.end())
            if span is None:
                warnings.append(
                    f"{where}: suppression of {','.join(codes)} not applied: no sentence follows"
                )
                continue
            sup.first_line = _line_at(text, span[0], body_line)
            sup.last_line = _line_at(text, span[1], body_line)
        found.append(sup)
    return found, warnings


def resolve_codes(
    sup: Suppression, checks: dict[str, tuple[str, str]]
) -> tuple[set[str], list[str]]:
    """Check codes a suppression names; `checks` maps code -> (name, group). Returns unknowns."""
    codes: set[str] = set()
    unknown: list[str] = []
    for raw in sup.codes:
        sel = raw.strip()
        low = sel.lower()
        if low == "all":
            codes.update(checks)
            continue
        hit = {
            code
            for code, (name, group) in checks.items()
            if code.lower() == low or name.lower() == low or group.lower() == low
        }
        if hit:
            codes.update(hit)
        else:
            unknown.append(sel)
    return codes, unknown

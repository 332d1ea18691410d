"""Report stage: the three core renderings of a Report (text, Markdown, JSON).

Both readable formats put the verdict first, then the reading behind it, a number line of the
claims, and each claim with its source; info notes come last, one line each. What they show is
worded once in checker/present.py.

Article text is untrusted: terminal output drops control characters (no escape sequences reach
the terminal), Markdown escapes everything that could become markup or HTML (links are built
only from checked http(s) URLs, and the number line holds only our own characters), JSON is
JSON.
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from .models import Finding, Report

if TYPE_CHECKING:  # present and numberline are imported where text and Markdown are rendered
    from . import present

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")  # emphasis, code, links, table cells, strike-through, headings


def safe(text: str) -> str:
    return CONTROL.sub("", text)


def md(text: str) -> str:
    """Escape untrusted text for Markdown (a table cell or a line): no markup, no link, no raw
    HTML."""
    text = safe(text).replace("\n", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MD_SPECIAL.sub(r"\\\1", text)


def _clip(text: str, n: int = 220) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- text -------------------------------------------------------------------------------------

def render_text(report: Report) -> str:
    from . import present  # the readable formats only: a JSON run never imports them

    lines = [f"factlint: {present.tally(report)}", ""]
    if report.warnings:  # files skipped or only partly read come first: the check did not see them
        lines += ["input warnings:"] + [f"  {safe(w)}" for w in report.warnings] + [""]
    main, notes = present.split(report)
    sources = present.Sources(report)
    for f in main:
        lines += _text_finding(f, sources) + [""]
    if notes:
        lines.append("notes (related figures, not compared):")
        lines += [f"  {f.id} {f.rule} {safe(f.fact)}: {safe(present.verdict(f))}" for f in notes] + [""]
    lines += ["coverage: " + " ".join(present.coverage(report.coverage))]
    return "\n".join(lines) + "\n"


def _text_finding(f: Finding, sources: present.Sources) -> list[str]:
    from . import present
    from .numberline import as_text, layout

    out = [f"{f.id} {f.severity.upper()} {f.rule} {f.name}: {safe(f.fact)}", f"  {safe(present.verdict(f))}"]
    out += [f"  {safe(line)}" for line in (present.majority(f), present.sureness(f)) if line]
    picture = layout(f)
    if picture:
        out += [""] + ["  " + line for line in as_text(picture)] + [""]
    for r in present.rows(f):
        src = sources(r.claim.article)
        name = "" if src.name == r.claim.article.rsplit("/", 1)[-1] else f"{safe(src.name)}, "
        out.append(f"  {r.number:>2} {present.ROLE_WORDS[r.role]:<11} {name}{safe(r.claim.article)}:"
                   f"{r.claim.line}:{r.claim.column}")
        out.append(f"       says \u201c{safe(r.says)}\u201d: {safe(r.means)}   {r.notation}")
        out.append(f"       measures {safe(r.measures)} · {safe(r.when)} · {safe(present.about_phrase(r.claim))}")
        out.append(f"       \u201c{safe(_clip(r.claim.quote))}\u201d")
    details = present.details(f)
    if details:
        out += ["  the reading behind it:"] + [f"    {safe(d)}" for d in details]
    return out


# --- Markdown ---------------------------------------------------------------------------------

def render_markdown(report: Report) -> str:
    from . import present

    out = ["# factlint report", "", md(present.tally(report)), ""]
    if report.warnings:
        out += ["## Input warnings", ""] + [f"- {md(w)}" for w in report.warnings] + [""]
    main, notes = present.split(report)
    sources = present.Sources(report)
    for f in main:
        out += _md_finding(f, sources)
    if notes:
        out += ["## Notes: related figures, not compared", ""]
        out += [f"- **{md(f.id)}** {md(f.fact)}: {md(present.verdict(f))}" for f in notes] + [""]
    out += ["## Coverage", ""] + [" ".join(md(s) for s in present.coverage(report.coverage)), ""]
    return "\n".join(out)


def _md_finding(f: Finding, sources: present.Sources) -> list[str]:
    from . import present
    from .numberline import as_text, layout

    out = [f"## {md(f.id)} · {f.severity.capitalize()} · {md(f.fact)}", "",
           f"**{md(present.verdict(f))}**", ""]
    bullets = present.details(f) + [present.majority(f), present.sureness(f)]
    out += [f"- {md(b)}" for b in bullets if b] + [""]
    picture = layout(f)
    if picture:  # our characters and numbers only: plain text in a code block
        out += ["```text"] + as_text(picture) + ["```", ""]
    out += ["| # | source | says | which means | measures | when | about | sentence |",
            "|---|---|---|---|---|---|---|---|"]
    for r in present.rows(f):
        out.append(f"| {r.number} {present.ROLE_WORDS[r.role]} | {_md_source(sources, r.claim.article, r.claim.line)} | "
                   f"**{md(r.says)}** | {md(r.means)} | {md(r.measures)} | {md(r.when)} | {md(r.about)} | "
                   f"{md(r.claim.quote)} |")
    out += ["", f"_{md(f.rule)} {md(f.name)}_", ""]
    return out


def _md_source(sources: present.Sources, path: str, line: int) -> str:
    """"[Outlet](https://...), title, file line N": the link is a checked http(s) URL,
    percent-encoded so it cannot end the link or the table cell."""
    src = sources(path)
    name = f"[{md(src.name)}]({src.url})" if src.url else md(src.name)
    extra = [md(src.title)] if src.title else []
    file = path.rsplit("/", 1)[-1]
    place = f"line {line}" if src.name == file else f"{md(path)} line {line}"
    return ", ".join([name] + extra + ([md(src.date)] if src.date else []) + [place])


# --- JSON -------------------------------------------------------------------------------------

def report_dict(report: Report) -> dict:
    return report.model_dump(mode="json")


def render_json(report: Report) -> str:
    return indented_json(report, end="\n")


def render_json_bytes(report: Report) -> bytes:
    """`render_json` as the UTF-8 its file holds, for writing: a report of 10,000 articles is
    250 MB, and decoding it only to encode it again took longer than writing it."""
    raw = _fast_json(report, "\n")
    return raw if raw is not None else _json_text(report, "\n").encode("utf-8", "backslashreplace")


# pydantic-core writes indented JSON ~5x faster than json's pure-Python indenting encoder, and
# byte for byte the same except for floats below 1e-4 ("1e-07" / "1e-7", "1e-05" / "0.00001"):
# a text that may hold one is written by json instead, as is one pydantic-core refuses (a lone
# surrogate). The tests are written to be fast on megabytes: a literal first, on the UTF-8
# bytes (one curly quote makes the decoded text two bytes a character: twice as long).
_NEGATIVE_EXPONENT = re.compile(rb"e-(?<=\de-)")


def indented_json(data, end: str = "") -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2) + end` for JSON-mode data (dicts, lists,
    str, int, float, bool, None), faster. A model is written straight from its fields (3x faster
    than dumping it to dicts first; models write inf and NaN as json does); `end` is added
    before decoding, where it copies half as many bytes."""
    raw = _fast_json(data, end)
    return raw.decode("utf-8") if raw is not None else _json_text(data, end)


def _json_text(data, end: str) -> str:
    """What json writes (the texts pydantic-core does not write alike, see above)."""
    from pydantic import BaseModel

    plain = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
    return json.dumps(plain, ensure_ascii=False, indent=2) + end


def _fast_json(data, end: str) -> bytes | None:
    """pydantic-core's UTF-8, or None when json must write the text (see above)."""
    from pydantic_core import to_json

    try:
        raw = to_json(data, indent=2, inf_nan_mode="constants")
        if b"0.0000" not in raw and not _NEGATIVE_EXPONENT.search(raw):
            return raw + end.encode("utf-8")
    except (ValueError, TypeError):  # PydanticSerializationError is a ValueError
        pass
    return None

"""Reports an editor acts on (issue 10, item 6): plain-words verdicts, intervals written one way,
sources by name with their links, a picture of the intervals, notes last and one line each, ids
and order the same in every format, and how sure each match is, everywhere."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from checker.formats import FORMATS
from checker.formats.sarif import sarif_log
from checker.models import Claim, TimeScope
from checker.numberline import as_text, layout
from checker.pipeline import run
from checker.prose import link, source_name, time_words
from checker.report import render_json, render_json_bytes, render_markdown, render_text
from checker.rules import load_rules
from checker.values import interval_text, interval_words

sys.path.insert(0, str(Path(__file__).parent))
from test_formats import EVIL_URL, SAFE_GOOD_URL, make_report, parse_command  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def c(value, hedge=None, low=None, high=None, unit="USD", kind="amount", text="x") -> Claim:
    return Claim(id="c", article="a.txt", kind=kind, value=value, hedge=hedge, low=low, high=high, unit=unit,
                 text=text, quote="q", line=1, column=1)


@pytest.fixture(scope="module")
def seeds():
    return run([str(ROOT / "seeds")], load_rules())


def render_all(report) -> dict[str, str]:
    out = {"text": render_text(report), "markdown": render_markdown(report), "json": render_json(report)}
    out.update({name: fn(report) for name, (fn, _) in FORMATS.items() if name != "github"})
    out["github"] = FORMATS["github"][0](report)
    return out


# --- values and words -------------------------------------------------------------------------

@pytest.mark.parametrize("claim, notation, words", [
    (c(2.98e9, low=2.975e9, high=2.985e9), "[2.975 billion, 2.985 billion) USD",
     "at least 2.975 billion and under 2.985 billion USD"),
    (c(3e9, "below", 2.85e9, 3e9), "[2.85 billion, 3 billion) USD", "at least 2.85 billion and under 3 billion USD"),
    (c(3e9, "above", 3e9), "(3 billion, ∞) USD", "over 3 billion USD"),
    (c(5.8e9, "above", 5.8e9, 6.09e9), "(5.8 billion, 6.09 billion] USD", "over 5.8 billion and at most 6.09 billion USD"),
    (c(3e9, "at_least", 3e9), "[3 billion, ∞) USD", "3 billion USD or more"),
    (c(149.0, "at_most", 0.0, 149.0, unit="km/h"), "[0, 149] km/h", "at most 149 km/h"),
    (c(100.0, "about", 95.0, 105.0, unit=""), "[95, 105]", "between 95 and 105"),
    (c(276.0, unit="", kind="count"), "= 276", "exactly 276"),
    (c(12.5, low=12.45, high=12.55, unit="percent", kind="percent"), "[12.45, 12.55)%",
     "at least 12.45 and under 12.55%"),
    (c("2025-04-24", unit="", kind="date"), "= 24 April 2025", "on 24 April 2025"),
])
def test_intervals_in_notation_and_in_words(claim, notation, words):
    """Half-open where the reading is (rounding, "nearly", "over"), an arrow-free ∞ where
    there is no bound, and the same ends in plain words."""
    assert interval_text(claim) == notation
    assert interval_words(claim) == words


def test_time_in_words():
    assert time_words(TimeScope(kind="period", start="2025", end="2025")) == "in 2025"
    assert time_words(TimeScope(kind="period", start="2025-01", end="2025-10")) == "from January to October 2025"
    assert time_words(TimeScope(kind="instant", start="2025-12-01", end="2025-12-01")) == "as of 1 December 2025"
    assert time_words(TimeScope()) == "no date given"


def test_sources_are_named_by_outlet_title_or_file():
    assert source_name("seeds/000_4649.txt", "unknown (byline: Tran Thuong)") == "000_4649.txt"
    assert source_name("seeds/000_4649.txt", "Unknown", "Leaders visit Laos") == "Leaders visit Laos"
    assert source_name("a.txt", "Unknown Worlds Weekly", "T") == "Unknown Worlds Weekly"
    assert source_name("a/b.txt") == "b.txt"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "/relative",
                                 "http://", "vbscript:x", " javascript:alert(1)", "http://[::1"])
def test_only_plain_http_links(url):
    assert link(url) is None


def test_links_cannot_break_out_of_markdown_or_html():
    url = link('https://example.org/a b?q="x"&r=(1)|[2]<3>`')
    assert url == "https://example.org/a%20b?q=%22x%22&r=%281%29%7C%5B2%5D%3C3%3E%60"


# --- the number line --------------------------------------------------------------------------

def test_number_line_shows_open_closed_and_unbounded_ends():
    f = make_report().findings[0]
    spans = [c(3e9, "below", 2.85e9, 3e9), c(2.98e9, low=2.975e9, high=2.985e9), c(3e9, "above", 3e9)]
    claims = [s.model_copy(update={"id": x.id}) for s, x in zip(spans, f.claims)]
    lines = as_text(layout(f.model_copy(update={"claims": claims})))
    assert lines[0].split()[0] == "1" and lines[0].split()[1][0] == "●" and lines[0].rstrip()[-1] == "○"
    assert lines[2].split()[1][0] == "○" and lines[2].rstrip()[-1] == "▶"  # "exceeding": open, no bound
    assert lines[-1].startswith("   numbers in billion USD") and "no upper limit" in lines[-1]
    ticks = lines[-2].split()
    assert ticks[0] == "2.85" and ticks[-1] == "3"  # the outer ends are always labelled


def test_number_line_holds_no_article_text():
    """Only our symbols, digits and number words: safe as plain text in a Markdown code block."""
    report = make_report()
    f = report.findings[0]
    evil = [x.model_copy(update={"text": "```<script>", "unit": "USD"}) for x in f.claims]
    picture = "\n".join(as_text(layout(f.model_copy(update={"claims": evil}))))
    assert set(picture) <= set("\n 0123456789.,-●○◀▶━─┴" "abcdefghijklmnopqrstuvwxyzUSD")
    assert layout(report.findings[2].model_copy(update={"claims": report.findings[2].claims[:1]})) is None


def test_number_line_stays_small_for_a_thousand_reprints():
    """Claims with one reading share a row: a fact reported by 1,000 articles is two rows."""
    f = make_report().findings[0]
    same = [f.claims[0].model_copy(update={"id": f"r{i}", "article": f"wire/{i}.txt"}) for i in range(1000)]
    big = f.model_copy(update={"claims": same + [f.claims[1]], "majority": [x.id for x in same]})
    rows = as_text(layout(big))[:-3]
    assert [r.split()[0] for r in rows] == ["1–1000", "1001"]


# --- every format -----------------------------------------------------------------------------

def finding_ids(name: str, out: str) -> list[str]:
    if name == "sarif":
        return [r["properties"]["findingId"] for r in json.loads(out)["runs"][0]["results"]]
    if name == "json":
        return [f["id"] for f in json.loads(out)["findings"]]
    pattern = {"text": r"^ *(F\d+) ", "markdown": r"^(?:## |- \*\*)(F\d+)", "html": r'<span class="rule">(F\d+)'}
    return re.findall(pattern[name], out, re.M)


@pytest.mark.parametrize("which", ["seeds", "fixture"])
def test_ids_and_order_are_the_reports_in_every_format(which, seeds):
    report = seeds if which == "seeds" else make_report()
    outs = render_all(report)
    ids = [f.id for f in report.findings]
    for name in ("text", "markdown", "html", "sarif", "json"):
        assert finding_ids(name, outs[name]) == ids, name
    facts = [f.fact for f in report.findings]
    gitlab = [i["description"] for i in json.loads(outs["gitlab"]) if i["check_name"].startswith("FL")]
    assert len(gitlab) == len(facts) and all(d.startswith(x + ": ") for d, x in zip(gitlab, facts))
    titles = [parse_command(line)[1]["title"] for line in outs["github"].splitlines()]
    assert [t.split(": ", 1)[1] for t in titles if t.startswith("FL")] == facts


def test_how_sure_and_the_evidence_in_every_format():
    outs = render_all(make_report())
    for name in ("text", "markdown", "html", "junit", "gitlab", "github"):
        assert "80%" in outs[name] and "aligned sentences" in outs[name], name
    result = sarif_log(make_report())["runs"][0]["results"][0]
    assert result["properties"]["confidence"] == 0.8 and "80%" in result["message"]["text"]
    assert result["properties"]["matches"][0]["evidence"] == ["aligned sentences"]
    assert json.loads(outs["json"])["findings"][0]["confidence"] == 0.8


def test_each_claim_with_what_it_measures_when_and_about_whom_in_every_format():
    outs = render_all(make_report())
    for name in ("text", "markdown", "html", "sarif", "junit", "gitlab", "github"):
        out = outs[name]
        assert "trade" in out and "in 2025" in out and "Laos and Vietnam" in out, name
        assert "at least 2.975 billion and under 2.985 billion USD" in out, name


def test_one_notation_for_intervals_everywhere():
    """The notation is printed by one function, half-open where it is: never the closed
    "[2.975 billion, 2.985 billion]" beside a verdict that says they cannot overlap."""
    report = make_report()
    outs = render_all(report)
    for x in report.findings[0].claims:
        assert interval_text(x) in outs["text"] and interval_text(x).replace("&", "&amp;") in outs["html"]
    for out in outs.values():
        assert "2.985 billion]" not in out and "2.985 bn" not in out


def test_no_majority_is_not_called_outlier(seeds):
    """An even split names each reading; no side is labelled the outlier."""
    split = [f for f in seeds.findings if not f.majority and len(f.outliers) == len(f.claims) > 1]
    assert split, "the seeds hold two even splits (FL103)"
    sub = seeds.model_copy(update={"findings": split})
    outs = render_all(sub)
    outs["html"] = re.sub(r"<style>.*</style>|<[^>]+>", " ", outs["html"], flags=re.S)  # what is shown
    outs["sarif"] = json.dumps(json.loads(outs["sarif"])["runs"][0]["results"], ensure_ascii=False)
    for name in ("text", "markdown", "html", "sarif", "junit", "gitlab", "github"):
        shown = outs[name].lower().replace('"outliers"', "")  # SARIF keeps the JSON key
        assert "outlier" not in shown and "no majority" in shown, name


def test_majority_counts_articles_not_claims():
    report = make_report()
    f = report.findings[0]
    repeat = f.claims[0].model_copy(update={"id": "c1b", "line": 9})  # one article says it twice
    f = f.model_copy(update={"claims": f.claims + [repeat], "majority": f.majority + ["c1b"]})
    text = render_text(report.model_copy(update={"findings": [f]}))
    assert "Majority: 2 of 3 articles" in text


def test_urls_are_links_only_when_safe():
    report = make_report()
    md, html = render_markdown(report), render_all(report)["html"]
    assert f"[VnExpress]({SAFE_GOOD_URL})" in md
    assert "](javascript" not in md and 'href="javascript' not in html
    assert json.loads(render_json(report))["articles"][1]["url"] == EVIL_URL  # JSON keeps what was given


# --- the seeds, as an editor reads them ---------------------------------------------------------

def test_seed_markdown_reads_as_plain_english(seeds):
    md = render_markdown(seeds)
    # no interval algebra, no abbreviations, no "unknown (byline: ...)" as a source, no "1 errors"
    assert not re.search(r"[\[(]\d[\d.,]* ?\w*, [\d∞]", md) and "∞" not in md and " bn" not in md
    assert "unknown (" not in md.lower() and not re.search(r"\b1 (errors|warnings|notes|articles)\b", md)
    sections = md.split("\n## ")[1:]
    findings = [s for s in sections if s.startswith("F")]
    for s in findings:
        head, _, body = s.partition("\n\n")
        fact = head.rsplit(" · ", 1)[-1]
        verdict = body.split("\n")[0]
        # the verdict comes first, as one bold sentence that does not repeat the fact label
        assert verdict.startswith("**") and verdict.endswith(".**") and fact not in verdict
    conflict = findings[0]
    assert ("Three articles give trade for Laos and Vietnam in 2025, and they cannot all be right: Southeast "
            "Asia Information Port (dnyxxg.com) puts it above 3 billion USD; the other two put it under 3 "
            "billion USD.") in conflict
    assert "No figure can be both under 3 billion USD and over 3 billion USD." in conflict
    assert "Majority: 2 of 3 articles give" in conflict and "```text" in conflict
    # the notes come after the errors and warnings, one line each
    notes = [s for s in sections if s.startswith("Notes")]
    assert len(notes) == 1 and sections.index(notes[0]) > sections.index(findings[-1])
    lines = [x for x in notes[0].splitlines()[1:] if x.strip()]
    assert len(lines) == sum(f.severity == "info" for f in seeds.findings)
    assert all(x.startswith("- **F") for x in lines)


def test_notes_never_repeat_an_errors_claims(seeds):
    in_errors = {x.id for f in seeds.findings if f.severity == "error" for x in f.claims}
    assert in_errors
    assert not [x for f in seeds.findings if f.severity == "info" for x in f.claims if x.id in in_errors]


def test_text_report_prints_the_fact_once_and_notes_last(seeds):
    text = render_text(seeds)
    first = [f for f in seeds.findings if f.severity == "error"][0]
    block = text.split(f"{first.id} ERROR", 1)[1].split("\n\n", 1)[0]
    assert block.count(first.fact) == 1
    assert text.index("notes (related figures, not compared):") > max(
        text.index(f"{f.id} ") for f in seeds.findings if f.severity != "info")
    assert re.fullmatch(r"factlint: 5 articles, \d+ claims: 1 error, \d+ warnings?, \d+ notes?", text.splitlines()[0])


def test_json_contract_keeps_its_keys_and_adds_1_1(seeds):
    doc = json.loads(render_json(seeds))
    assert doc["schema_version"] == "1.1"
    claim = doc["claims"][0]
    for key in ("id", "article", "kind", "value", "text", "line", "column", "quote", "metric", "hedge", "headline",
                "descriptor", "when", "dimension", "subject_origin"):
        assert key in claim, key
    f = doc["findings"][0]
    for key in ("id", "rule", "name", "severity", "message", "fact", "claims", "majority", "outliers",
                "fingerprint", "verdict", "details", "matches", "confidence"):
        assert key in f, key
    assert f["message"].startswith(f["verdict"])
    assert set(doc["articles"][0]) >= {"path", "outlet", "date", "title", "url"}


def test_front_matter_url_reaches_every_report(tmp_path):
    (tmp_path / "a.md").write_text("---\noutlet: Wire\nurl: https://wire.example/a?x=1\n---\n"
                                   "Trade between Chile and Peru came to 4.96 billion USD in 2025.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: Trade record\nurl: javascript:alert(1)\n---\n"
                                   "Trade between Chile and Peru exceeded US$5 billion in 2025.\n", encoding="utf-8")
    report = run([str(tmp_path)], load_rules())
    assert [a.url for a in report.articles] == ["https://wire.example/a?x=1", "javascript:alert(1)"]
    assert report.findings, "the two figures conflict"
    md, html = render_markdown(report), render_all(report)["html"]
    assert "[Wire](https://wire.example/a?x=1)" in md and "Trade record" in md
    assert 'href="https://wire.example/a?x=1"' in html and "javascript:alert" not in html.split("<body>")[1].split(
        "Trade record")[0]
    assert 'href="javascript' not in html and "](javascript" not in md


@pytest.mark.parametrize("data", [
    {"value": 3e9, "low": 2.975e9, "share": 0.0001, "tiny": 1.5e-05, "smaller": 8.5e-07, "big": 1e16},
    {"open": float("inf"), "below": -float("inf"), "n": float("nan"), "int": 10 ** 30, "flags": [True, False, None]},
    {"quote": "é\n\"\\\x01\x7f\u2028", "nested": [[], {}, [1, [2, {"x": []}]]], "": "", "1": [0.5]},
    {"lone surrogate": "a\ud800b"},
])
def test_json_report_text_is_what_json_writes(data):
    from checker.report import indented_json

    assert indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
    assert indented_json(data, end="\n") == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("value, quote", [
    (float("inf"), "q"), (float("nan"), "q"), (8.5e-07, "q"), (1e16, "é\u2028\x01"), (3.0, "a\ud800b"),
])
def test_json_report_is_its_dump_as_json_writes_it(value, quote):
    from checker.models import Coverage, Report

    report = Report(articles=[], claims=[c(value).model_copy(update={"quote": quote})], findings=[], coverage=Coverage())
    assert render_json(report) == json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    # the file's bytes are that text as a report file holds it (a lone surrogate escaped)
    assert render_json_bytes(report) == render_json(report).encode("utf-8", "backslashreplace")

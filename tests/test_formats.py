"""CI-native formats (SARIF, JUnit, GitLab Code Quality, GitHub annotations) and the HTML report.

Reports are built directly from the models, with hostile article text: markup, `</textarea>`,
`javascript:` links, attribute-breaking quotes, `%`, newlines and `::`.
"""
from __future__ import annotations

import json
import re
import sys
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.formats import FORMATS, finding_fingerprint, primary_claim
from checker.formats.github import escape_data, escape_property, render_github, write_step_summary
from checker.formats.gitlab import render_gitlab
from checker.formats.html import render_html
from checker.formats.junit import render_junit
from checker.formats.sarif import render_sarif
from checker.models import ArticleInfo, Claim, Coverage, Finding, InputWarning, Match, Report, TimeScope

DATA = Path(__file__).parent / "data"

EVIL_OUTLET = '<script>document.title="PWNED";window.__pwned=1</script>'
EVIL_TITLE = '</textarea><img src=x onerror="window.__pwned=2">"\' onmouseover=alert(1) x="'
EVIL_QUOTE = (
    'Trade hit $2.2 billion <script>window.__pwned=3;document.title="PWNED"</script> per '
    '<a href="javascript:window.__pwned=4">this</a> "source\' </textarea></style> 100% sure'
    "\u2028:: and\nmore\x0b"
)
EVIL_PATH = 'b/evil "quote\'s", 50%::x.txt'
EVIL_URL = "javascript:window.__pwned=5"
GOOD_URL = 'https://vnexpress.net/trade?id=1&x="a"(b)'
WARNING = InputWarning(path=EVIL_PATH, line=2, message="<b>no date</b> in front matter")


def claim(cid: str, article: str, value, text: str, quote: str, **kw) -> Claim:
    base = dict(
        kind="amount",
        metric="trade",
        subject=["Laos", "Vietnam"],
        subject_origin="sentence",
        period="2025",
        unit="USD",
        line=3,
        column=5,
    )
    base.update(kw)
    base.setdefault("when", when(base["period"]))
    return Claim(id=cid, article=article, value=value, text=text, quote=quote, **base)


def when(period: str | None) -> TimeScope:
    """The typed time of a `period` label: "2025", "2025-01/2025-10", "as of 2024-09-07"."""
    if not period:
        return TimeScope()
    instant = period.startswith("as of ")
    start, _, end = period.removeprefix("as of ").partition("/")
    return TimeScope(kind="instant" if instant else "period", start=start, end=end or start, origin="sentence")


def make_report() -> Report:
    articles = [
        ArticleInfo(path="a/vnexpress.txt", outlet="VnExpress", date="2026-02-05",
                    title="Vietnam–Laos trade hits $2.98 billion", url=GOOD_URL),
        ArticleInfo(path=EVIL_PATH, outlet=EVIL_OUTLET, date="2026-02-06", title=EVIL_TITLE, url=EVIL_URL),
        ArticleInfo(path="c/tuoitre.txt", outlet="Tuoi Tre", date=None, title=None),
    ]
    c1 = claim("c1", "a/vnexpress.txt", 2.98e9, "US$2.98 billion",
               "Two-way trade reached US$2.98 billion in 2025, up 10%.",
               low=2.975e9, high=2.985e9, line=3, column=22)
    c2 = claim("c2", EVIL_PATH, 2.2e9, "$2.2 billion", EVIL_QUOTE,
               low=2.15e9, high=2.25e9, line=7, column=10)
    c3 = claim("c3", "c/tuoitre.txt", 2.98e9, "2.98 billion USD",
               "Trade totalled nearly 2.98 billion USD last year.",
               hedge="below", low=2.9e9, high=2.98e9, line=12, column=23)
    c4 = claim("c4", "a/vnexpress.txt", 149.0, "up to 149 km/h",
               "Winds of up to 149 km/h (92 mph) hit the coast.", metric="wind speed",
               subject=["Typhoon Yagi"], period="as of 2024-09-07", unit="km/h",
               hedge="at_most", low=0.0, high=149.0, kind="count", line=20, column=10)
    c5 = claim("c5", "c/tuoitre.txt", 149.0, "in excess of 149 km/h",
               "Gusts in excess of 149 km/h, 100%:: certain,\nsaid officials.",
               metric="wind speed", subject=["Typhoon Yagi"], period="as of 2024-09-07",
               unit="km/h", hedge="above", low=149.0, high=None, kind="count", line=4, column=7)
    c6 = claim("c6", "a/vnexpress.txt", 2.5e9, "2.5 billion",
               "From January to October trade was 2.5 billion.", period="2025-01/2025-10",
               line=30, column=35)
    c7 = claim("c7", EVIL_PATH, 2.98e9, "2.98 billion", "Full-year trade: 2.98 billion.",
               line=9, column=18)
    # matched by two sources, no finding: a passing JUnit case
    c8 = claim("c8", "a/vnexpress.txt", 329.0, "329", "The toll rose to 329 people.",
               metric="deaths", subject=["Vietnam"], period="as of 2024-09-16", unit="",
               kind="count", line=40, column=17)
    c9 = claim("c9", "c/tuoitre.txt", 329.0, "329", "At least 329 people died.",
               metric="deaths", subject=["Vietnam"], period="as of 2024-09-16", unit="",
               kind="count", line=41, column=10)
    findings = [
        Finding(id="F1", rule="FL101", name="value-conflict", severity="error",
                message="Two sources say about US$2.98 billion; one says $2.2 billion: "
                        "the values cannot both be right.",
                verdict="Two sources say about US$2.98 billion; one says $2.2 billion: "
                        "the values cannot both be right.",
                details=["No figure can be both under 2.25 billion USD and at least 2.9 billion USD."],
                matches=[Match(a="c1", b="c2", score=0.91, sure=True, evidence=["aligned sentences"]),
                         Match(a="c2", b="c3", score=0.8, evidence=["measures 0.80 alike (trade)"])],
                confidence=0.8,
                fact="trade · Laos–Vietnam · 2025", claims=[c1, c2, c3],
                majority=["c1", "c3"], outliers=["c2"]),
        Finding(id="F2", rule="FL102", name="value-tension", severity="warning",
                message="'up to 149' and 'in excess of 149' touch only at the edge: 100%\n"
                        "::error file=x::injected",
                fact="wind speed :: Typhoon Yagi, 100%", claims=[c4, c5],
                majority=[], outliers=["c5"], fingerprint="fp-tension-1"),
        Finding(id="F3", rule="FL201", name="period-differs", severity="info",
                message="Related but different: January–October vs the full year.",
                fact="trade · Laos–Vietnam · 2025-01/2025-10 vs 2025", claims=[c6, c7],
                majority=["c7"], outliers=["c6"]),
    ]
    return Report(
        articles=articles,
        claims=[c1, c2, c3, c4, c5, c6, c7, c8, c9],
        findings=findings,
        coverage=Coverage(numbers_found=20, parsed=18, unparsed=2, with_metric=12, matched=9),
        warnings=[str(WARNING)],
        input_warnings=[WARNING],
    )


def empty_report() -> Report:
    return Report(articles=[], claims=[], findings=[], coverage=Coverage())


@pytest.fixture
def report() -> Report:
    return make_report()


# --- registry and helpers ---------------------------------------------------------------------

def test_formats_registry():
    assert set(FORMATS) == {"sarif", "junit", "gitlab", "github", "html"}
    assert FORMATS["sarif"][1] == ".sarif"
    assert FORMATS["junit"][1] == ".xml"
    assert FORMATS["gitlab"][1] == ".gitlab.json"
    assert FORMATS["html"][1] == ".html"
    assert FORMATS["github"][1] == ""  # standard output


@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("make", [make_report, empty_report])
def test_every_format_renders(name, make, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    fn, _ = FORMATS[name]
    out = fn(make())
    assert isinstance(out, str)
    assert fn(make()) == out  # deterministic


def test_fingerprint_stable_and_fallback(report):
    f1, f2, _ = report.findings
    assert finding_fingerprint(f2) == "fp-tension-1"
    fp = finding_fingerprint(f1)
    assert re.fullmatch(r"[0-9a-f]{32}", fp)
    again = make_report().findings[0]
    assert finding_fingerprint(again) == fp
    # claim order and ids do not matter, the (article, value) pairs do
    shuffled = f1.model_copy(update={"claims": list(reversed(f1.claims)), "id": "other"})
    assert finding_fingerprint(shuffled) == fp
    moved = f1.model_copy(update={"claims": f1.claims[:2]})
    assert finding_fingerprint(moved) != fp


def test_primary_claim_is_first_outlier(report):
    assert primary_claim(report.findings[0]).id == "c2"
    no_outlier = report.findings[0].model_copy(update={"outliers": []})
    assert primary_claim(no_outlier).id == "c1"


# --- SARIF ------------------------------------------------------------------------------------

def _sarif_validator():
    from jsonschema import FormatChecker
    from jsonschema.validators import validator_for

    schema = json.loads((DATA / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=FormatChecker())


@pytest.mark.parametrize("make", [make_report, empty_report])
def test_sarif_validates_against_official_schema(make):
    log = json.loads(render_sarif(make()))
    errors = sorted(_sarif_validator().iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_schema_rejects_a_broken_log(report):
    log = json.loads(render_sarif(report))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert len(list(_sarif_validator().iter_errors(log))) >= 2


def test_sarif_github_code_scanning_requirements(report):
    log = json.loads(render_sarif(report, base="news"))
    assert log["version"] == "2.1.0" and log["$schema"]
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factlint" and driver["version"]
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == ["FL101", "FL102", "FL201"]
    for r in driver["rules"]:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    results = run["results"]
    assert len(results) == len(report.findings)
    levels = [r["level"] for r in results]
    assert levels == ["error", "warning", "note"]
    for res, f in zip(results, report.findings):
        assert res["ruleId"] == f.rule
        assert driver["rules"][res["ruleIndex"]]["id"] == f.rule
        assert res["message"]["text"]
        assert len(res["locations"]) == 1
        phys = res["locations"][0]["physicalLocation"]
        uri = phys["artifactLocation"]["uri"]
        assert uri.startswith("news/") and "://" not in uri and " " not in uri
        assert phys["region"]["startLine"] >= 1 and phys["region"]["startColumn"] >= 1
        primary = primary_claim(f)
        assert phys["region"]["startLine"] == primary.line
        assert res["partialFingerprints"]["factlint/v1"] == finding_fingerprint(f)
        # every other source is a related location, with unique ids
        related = res["relatedLocations"]
        assert len(related) == len(f.claims) - 1
        assert len({r["id"] for r in related}) == len(related)
        assert {r["physicalLocation"]["region"]["startLine"] for r in related} == {
            c.line for c in f.claims if c.id != primary.id
        }
    conflict = results[0]
    assert conflict["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "news/b/evil%20%22quote%27s%22%2C%2050%25%3A%3Ax.txt"
    )
    # article text cannot form SARIF message links
    assert "[" not in conflict["message"]["text"].replace("\\[", "")


# --- JUnit ------------------------------------------------------------------------------------

def test_junit_parsed_by_a_real_junit_reader(report, tmp_path):
    junitparser = pytest.importorskip("junitparser")
    path = tmp_path / "factlint.xml"
    path.write_text(render_junit(report), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml) if isinstance(xml, junitparser.JUnitXml) else [xml]
    assert len(suites) == 1
    suite = suites[0]
    cases = list(suite)
    # one case per fact group: the three findings' facts, plus the agreeing death toll
    assert len(cases) == 4
    assert suite.tests == 4 and suite.failures == 2 and suite.errors == 0
    by_name = {c.name: c for c in cases}
    conflict = by_name["trade · Laos–Vietnam · 2025"]
    assert not conflict.is_passed
    (failure,) = conflict.result
    assert isinstance(failure, junitparser.Failure)
    assert failure.type == "FL101"
    assert "value-conflict" in failure.message
    assert "$2.2 billion" in failure.text and "<script>" in failure.text  # text, escaped in XML
    assert conflict.classname == "factlint.trade"
    tension = by_name["wind speed :: Typhoon Yagi, 100%"]
    assert not tension.is_passed
    note = by_name["trade · Laos–Vietnam · 2025-01/2025-10 vs 2025"]
    assert note.is_passed  # info findings do not fail
    assert "period-differs" in (note.system_out or "")
    agree = [c for c in cases if c.name.startswith("deaths")]
    assert len(agree) == 1 and agree[0].is_passed


def test_junit_empty_report_is_valid(tmp_path):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(render_junit(empty_report()))
    assert root.tag == "testsuites"
    assert root.find("testsuite/testcase") is not None


# --- GitLab Code Quality ----------------------------------------------------------------------

def test_gitlab_code_quality(report):
    dup = report.findings[0].model_copy(update={"id": "F1-copy"})
    r = report.model_copy(update={"findings": report.findings + [dup]})
    issues = json.loads(render_gitlab(r, base="articles/"))
    assert isinstance(issues, list) and len(issues) == 5  # 4 findings, then the input warning
    fps = [i["fingerprint"] for i in issues]
    assert len(set(fps)) == len(fps)
    assert fps[0] == finding_fingerprint(report.findings[0])
    assert json.loads(render_gitlab(r, base="articles/")) == issues  # stable across runs
    for issue in issues:
        assert issue["type"] == "issue"
        assert issue["description"] and issue["check_name"]
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"].startswith("articles/")
        assert issue["location"]["lines"]["begin"] >= 1
    assert issues[0]["location"]["path"] == "articles/" + EVIL_PATH
    assert [i["severity"] for i in issues[:3]] == ["major", "minor", "info"]
    assert issues[4]["location"] == {"path": "articles/" + EVIL_PATH, "lines": {"begin": 2}}


# --- GitHub annotations -----------------------------------------------------------------------

def _unescape_data(s: str) -> str:
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_prop(s: str) -> str:
    return _unescape_data(s.replace("%3A", ":").replace("%2C", ","))


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Parse one workflow command the way the runner does (ActionCommand.TryParseV2)."""
    assert line.startswith("::")
    end = line.index("::", 2)
    head, message = line[2:end], line[end + 2:]
    if " " in head:
        cmd, props_text = head.split(" ", 1)
    else:
        cmd, props_text = head, ""
    props = {}
    for part in filter(None, props_text.split(",")):
        k, v = part.split("=", 1)
        props[k] = _unescape_prop(v)
    return cmd, props, _unescape_data(message)


def test_github_escaping_helpers():
    assert escape_data("100%\r\n::x") == "100%25%0D%0A::x"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotations(report):
    out = render_github(report, base="news")
    lines = out.splitlines()
    # newlines in text never start a new command: one line per finding, then per input warning
    assert len(lines) == len(report.findings) + 1
    for line in lines:
        assert line.startswith(("::error ", "::warning ", "::notice "))
        assert "\r" not in line
    parsed = [parse_command(line) for line in lines]
    assert [p[0] for p in parsed] == ["error", "warning", "notice", "warning"]
    assert parsed[3][1] == {"file": "news/" + EVIL_PATH, "line": "2", "title": "factlint: input warning"}
    assert parsed[3][2] == str(WARNING)
    cmd, props, msg = parsed[0]
    assert props["file"] == "news/" + EVIL_PATH  # `::`, `,` and `%` survive in the file name
    assert props["line"] == "7" and props["col"] == "10"
    assert props["endColumn"] == str(10 + len("$2.2 billion"))
    assert props["title"] == "FL101 value-conflict: trade · Laos–Vietnam · 2025"
    assert "Two sources say about US$2.98 billion" in msg
    # the quote comes back intact after unescaping (other line breaks read as LF)
    assert EVIL_QUOTE.replace("\u2028", "\n").replace("\x0b", "\n").strip() in msg
    cmd, props, msg = parsed[1]
    assert props["title"] == "FL102 value-tension: wind speed :: Typhoon Yagi, 100%"
    assert props["file"] == "news/c/tuoitre.txt" and props["line"] == "4"
    assert "100%\n::error file=x::injected" in msg
    assert "%\n" not in lines[1]


def test_github_step_summary(report, tmp_path, monkeypatch):
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(target)}
    fake = types.ModuleType("checker.report")
    fake.render_markdown = lambda r: f"# factlint\n{len(r.findings)} findings"
    monkeypatch.setitem(sys.modules, "checker.report", fake)
    assert write_step_summary(report, env) is True
    assert target.read_text(encoding="utf-8") == "earlier step\n# factlint\n3 findings\n"
    # not in GitHub Actions: nothing written
    assert write_step_summary(report, {}) is False
    # the FORMATS entry writes the summary and returns the annotations
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    out = FORMATS["github"][0](report)
    assert out == render_github(report)
    assert target.read_text(encoding="utf-8").count("# factlint") == 2


def test_github_step_summary_without_markdown_renderer(report, tmp_path, monkeypatch):
    target = tmp_path / "summary.md"
    monkeypatch.setitem(sys.modules, "checker.report", None)  # import fails
    assert write_step_summary(report, {"GITHUB_STEP_SUMMARY": str(target)}) is False
    assert not target.exists()


# --- HTML (static checks; the browser test is in test_html_browser.py) ------------------------

class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "h3", "span",
    "p", "main", "section", "nav", "button", "form", "label", "input", "select", "option", "b",
    "article", "ul", "li", "strong", "blockquote", "mark", "dl", "dt", "dd", "a", "br", "i",
    "footer", "script", "small", "figure", "figcaption", "details", "summary", "meter", "code",
    "svg", "line", "circle", "polygon", "text",
}
SAFE_GOOD_URL = "https://vnexpress.net/trade?id=1&x=%22a%22%28b%29"  # quotes and brackets encoded


def test_html_escapes_untrusted_text(report):
    page = render_html(report)
    p = _Collector()
    p.feed(page)
    tags = {t for t, _ in p.tags}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert [t for t, _ in p.tags].count("script") == 1
    assert "textarea" not in tags and "img" not in tags
    for tag, attrs in p.tags:
        for k, v in attrs.items():
            assert not k.startswith("on"), (tag, k)
            if k in ("src", "action", "formaction"):
                pytest.fail(f"{tag} {k}={v}: nothing is loaded or submitted")
            if k == "href":  # internal anchors, and the one article URL that is plain https
                assert v and (v.startswith("#") or v == SAFE_GOOD_URL), (tag, k, v)
                if v == SAFE_GOOD_URL:
                    assert tag == "a" and attrs.get("rel") == "noopener noreferrer nofollow"
            if k == "style":
                pytest.fail("inline style attribute (blocked by the CSP)")
    text = "".join(p.text)
    # the hostile text is shown as text, verbatim
    assert EVIL_OUTLET in text and "</textarea>" in text and "javascript:" in text
    assert '"source\'' in text
    # and none of it is markup
    assert "<script>window.__pwned" not in page and '<a href="javascript' not in page
    assert "&lt;script&gt;" in page


def test_html_self_contained_with_csp(report):
    import base64
    import hashlib

    page = render_html(report)
    assert not re.search(r"""src\s*=\s*["']?(https?:|//)""", page)
    # the only outside address is the article's own URL, as a link (nothing loads it)
    links = re.findall(r"""href\s*=\s*["']?(https?:[^"']*|//[^"']*)""", page)
    assert links and set(links) == {SAFE_GOOD_URL.replace("&", "&amp;")}
    assert "@import" not in page and "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    script = re.search(r"<script>(.*)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*)</style>", page, re.S).group(1)
    for body in (script, style):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert len(page) < 200_000


def test_html_content(report):
    page = render_html(report)
    # summary
    assert '<b>3</b><span>articles</span>' in page and '<b>9</b><span>claims</span>' in page
    # one card per finding, in the report's order, with severity and article indexes for the
    # filters; the note is collapsed at the end
    cards = re.findall(r'<article class="card (\w+)" id="f-\d+" data-severity="(\w+)" '
                       r'data-articles="([\d ]+)"', page)
    assert cards == [("error", "error", "0 1 2"), ("warning", "warning", "0 2"),
                     ("info", "info", "0 1")]
    assert page.index('id="notes"') < page.index('id="f-2"')
    # the verdict first, then how sure the match is, with the evidence
    card = page[page.index('id="f-0"'):page.index('id="f-1"')]
    assert card.index('class="verdict"') < card.index('class="sure"') < card.index('class="sources"')
    assert "How sure the match is: <b>80%</b>" in card and "<li>aligned sentences</li>" in card
    # the number line: three rows, an open end for each rounded figure and the half-open notation
    assert card.count('<line class="bar ') == 3 and 'class="end majority open"' in card
    assert "[2.975 billion, 2.985 billion) USD" in card and "at least 2.975 billion and under 2.985 billion USD" in card
    # the number highlighted in its sentence, outlet and date, the URL as a link
    assert "Two-way trade reached <mark>US$2.98 billion</mark> in 2025" in page
    href = SAFE_GOOD_URL.replace("&", "&amp;")
    assert f'<a class="outlet" href="{href}" rel="noopener noreferrer nofollow">VnExpress</a>' in page
    assert "2026-02-05" in page
    assert "Majority: 2 of 3 articles give \u201cUS$2.98 billion\u201d, \u201c2.98 billion USD\u201d" in page
    # sources in the finding's order (the report's), numbered like the number line's rows
    assert [m for m in re.findall(r'<section class="source (\w+)"', card)] == ["majority", "outlier", "majority"]
    # per-article view and filter options
    assert 'id="view-articles"' in page and 'data-show-article="0"' in page
    assert '<option value="2">Tuoi Tre — c/tuoitre.txt</option>' in page


def test_html_no_findings():
    page = render_html(empty_report())
    assert "No discrepancies" in page


# --- property tests: escaping holds for any text ----------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_NORMALISE = str.maketrans({c: "\n" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def _one_finding(text: str) -> Report:
    r = make_report()
    f = r.findings[1]
    c = f.claims[1].model_copy(update={"quote": text, "article": text or "x"})
    f = f.model_copy(update={"fact": text, "message": text, "claims": [f.claims[0], c]})
    arts = r.articles + [ArticleInfo(path=text or "x", outlet=text, title=text)]
    return r.model_copy(update={"findings": [f], "articles": arts, "warnings": [], "input_warnings": []})


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_github_escaping_round_trips(text):
    out = render_github(_one_finding(text))
    assert out.count("\n") == 1 and len(out.splitlines()) == 1
    cmd, props, msg = parse_command(out.rstrip("\n"))
    assert cmd == "warning"
    def shown(s: str) -> str:
        return re.sub("[\x00-\x08\x0e-\x1f\x7f]", "\ufffd", s.translate(_NORMALISE))

    assert props["title"] == f"FL102 value-tension: {shown(text)}"
    assert msg.startswith(shown(text.strip()) or "value-tension")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"'/=:; \nascriptjvonerrorhref%\u2028")), max_size=80))
def test_html_escaping_any_text(text):
    page = render_html(_one_finding(text))
    p = _Collector()
    p.feed(page)
    assert [t for t, _ in p.tags].count("script") == 1
    assert {t for t, _ in p.tags} <= ALLOWED_TAGS
    for _, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs)

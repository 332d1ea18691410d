"""The HTML report in a real browser: Debian's chromium, driven headless through chromedriver.

Plain W3C WebDriver over HTTP with the standard library (no selenium). Skipped when chromium or
chromedriver is not installed; CI installs both (`apt-get install chromium chromium-driver`).

Checks: the cards render, the severity and article filters and the per-article view work, the
notes stay collapsed until opened, no injected script runs (with the Content-Security-Policy
and, to prove the escaping alone suffices, without it), the page fits a 360 px screen (no
sideways scroll), and screenshots of the report for `seeds/` (1280 px and 360 px wide) are saved
to `reports/` (`FACTLINT_SCREENSHOTS=docs` writes the ones committed under docs/).
"""
from __future__ import annotations

import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from checker.formats.html import render_html
from checker.models import Report

sys.path.insert(0, str(Path(__file__).parent))
from test_formats import EVIL_OUTLET, make_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / os.environ.get("FACTLINT_SCREENSHOTS", "reports") / "html-report.png"


def _find(*names: str) -> str | None:
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    return None


CHROMIUM = _find("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMEDRIVER = _find("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromedriver not installed"
)


class WebDriver:
    """The few W3C WebDriver commands the test needs."""

    def __init__(self, tmp: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen(
            [CHROMEDRIVER, f"--port={self.port}", "--allowed-ips=127.0.0.1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 10
        while True:
            try:
                if self._call("GET", "/status")["ready"]:
                    break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.proc.kill()
                pytest.fail("chromedriver did not start")
            time.sleep(0.05)
        args = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--window-size=1280,900", f"--user-data-dir={tmp / 'profile'}",
        ]
        caps = {"browserName": "chrome", "goog:chromeOptions": {"binary": CHROMIUM, "args": args}}
        try:
            value = self._call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})
        except Exception:
            self.proc.kill()
            raise
        self.session = f"/session/{value['sessionId']}"

    def _call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read())["value"]
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"WebDriver {method} {path}: {exc.read()[:500]!r}") from None

    def cmd(self, method: str, path: str, body: dict | None = None):
        return self._call(method, self.session + path, body)

    def open(self, url: str) -> None:
        self.cmd("POST", "/url", {"url": url})

    def js(self, script: str, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def screenshot(self, path: Path, width: int = 1280) -> None:
        height = self.js("return Math.ceil(document.documentElement.scrollHeight)")
        self.cmd("POST", "/window/rect", {"width": width, "height": min(max(height, 600), 4000)})
        png = base64.b64decode(self.cmd("GET", "/screenshot"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)

    def quit(self) -> None:
        try:
            self._call("DELETE", self.session)
        except Exception:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def browser():
    tmp = Path(tempfile.mkdtemp(prefix="factlint-chromium-"))
    driver = WebDriver(tmp)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp, ignore_errors=True)


def _write(tmp_path: Path, name: str, page: str) -> str:
    p = tmp_path / name
    p.write_text(page, encoding="utf-8")
    return p.as_uri()


STATE = """
const cards = Array.from(document.querySelectorAll('.card'));
const visible = el => !!el && !el.hidden && el.checkVisibility();  // false inside a closed <details>
return {
  visible: cards.filter(visible).map(c => c.id),
  shown: document.getElementById('shown').textContent,
  findingsView: visible(document.getElementById('view-findings')),
  articlesView: visible(document.getElementById('view-articles')),
  article: document.getElementById('article-filter').value,
};
"""


def test_cards_filters_and_article_view(browser, tmp_path):
    browser.open(_write(tmp_path, "report.html", render_html(make_report())))
    js = browser.js
    # the inline script ran (the CSP hash matches): filters and tabs are shown
    assert js("return !document.getElementById('filters').hidden && "
              "!document.getElementById('tabs').hidden") is True
    s = js(STATE)
    # the note (f-2) is collapsed: counted, not shown until its section is opened
    assert s["visible"] == ["f-0", "f-1"] and s["shown"] == "3"
    assert s["findingsView"] and not s["articlesView"]
    js("document.querySelector('#notes > summary').click()")
    assert js(STATE)["visible"] == ["f-0", "f-1", "f-2"]
    # cards really render: three source columns side by side in the first card
    boxes = js("return Array.from(document.querySelectorAll('#f-0 .source'))"
               ".map(e => {const r = e.getBoundingClientRect(); return [r.left, r.top, r.width];})")
    assert len(boxes) == 3
    assert len({round(top) for _, top, _ in boxes}) == 1  # one row
    assert boxes[0][0] < boxes[1][0] < boxes[2][0] and all(w > 200 for *_, w in boxes)
    assert js("return document.querySelector('#f-0 .source.outlier mark').textContent") == "$2.2 billion"
    # the number line is drawn: one bar per claim, the verdict above it
    assert js("return document.querySelectorAll('#f-0 svg.nl line.bar').length") == 3
    assert js("return document.querySelector('#f-0 svg.nl').getBoundingClientRect().height") > 40

    # severity filter: untick errors, then warnings
    js("document.querySelector('input[name=severity][value=error]').click()")
    s = js(STATE)
    assert s["visible"] == ["f-1", "f-2"] and s["shown"] == "2"
    js("document.querySelector('input[name=severity][value=warning]').click()")
    assert js(STATE)["visible"] == ["f-2"]
    js("document.querySelector('input[name=severity][value=info]').click()")
    assert js(STATE)["visible"] == []
    assert js("return !document.getElementById('empty').hidden") is True
    js("document.querySelectorAll('input[name=severity]').forEach(b => b.click())")
    assert js(STATE)["visible"] == ["f-0", "f-1", "f-2"]

    # article filter: Tuoi Tre (index 2) is in the conflict and the tension only
    js("const s = document.getElementById('article-filter'); s.value = '2';"
       "s.dispatchEvent(new Event('change'));")
    s = js(STATE)
    assert s["visible"] == ["f-0", "f-1"] and s["shown"] == "2"
    assert js("return Array.from(document.querySelectorAll('#f-0 .source.focus'))"
              ".map(e => e.dataset.article)") == ["2"]
    js("const s = document.getElementById('article-filter'); s.value = '';"
       "s.dispatchEvent(new Event('change'));")

    # per-article view, and from there the article's findings
    js("document.querySelector('.tabs button[data-view=articles]').click()")
    s = js(STATE)
    assert s["articlesView"] and not s["findingsView"]
    assert js("return document.querySelectorAll('#view-articles .art').length") == 3
    js("document.querySelector('button[data-show-article=\"1\"]').click()")
    s = js(STATE)
    assert s["findingsView"] and not s["articlesView"]
    assert s["article"] == "1" and s["visible"] == ["f-0", "f-2"] and s["shown"] == "2"
    # a note's link in the per-article view opens the notes
    js("document.getElementById('notes').open = false;"
       "document.querySelector('.tabs button[data-view=articles]').click();"
       "document.querySelector('a[data-card=\"2\"]').click()")
    assert js("return document.getElementById('notes').open") is True


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-only"])
def test_injected_markup_does_not_execute(browser, tmp_path, csp):
    page = render_html(make_report())
    if not csp:
        page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", page)
        assert "Content-Security-Policy" not in page
    browser.open(_write(tmp_path, f"evil-{csp}.html", page))
    js = browser.js
    # hover and click everything an attacker might have smuggled in
    js("document.querySelectorAll('*').forEach(el => {"
       " el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));"
       " if (el.tagName === 'A' && !/^(#|https?:)/.test(el.getAttribute('href'))) el.click(); });")
    time.sleep(0.2)
    result = js("""return {
        pwned: window.__pwned === undefined ? null : window.__pwned,
        title: document.title,
        scripts: document.scripts.length,
        imgs: document.images.length,
        textareas: document.getElementsByTagName('textarea').length,
        jsLinks: Array.from(document.links).filter(a => a.protocol === 'javascript:').length,
        url: location.href,
        quote: document.querySelector('#f-0 .source.outlier blockquote').textContent,
        outlet: document.querySelector('#f-0 .source.outlier .outlet').textContent,
        js: typeof window.factlintReport,
    };""")
    assert result["pwned"] is None
    assert result["title"].startswith("factlint report") and "PWNED" not in result["title"]
    assert result["scripts"] == 1 and result["imgs"] == 0 and result["textareas"] == 0
    assert result["jsLinks"] == 0
    assert result["url"].endswith(f"evil-{csp}.html")
    assert "<script>window.__pwned=3" in result["quote"]
    assert 'href="javascript:window.__pwned=4"' in result["quote"]
    assert result["outlet"] == EVIL_OUTLET
    assert result["js"] == "object"  # our own script did run


NO_SIDEWAYS_SCROLL = """
const root = document.documentElement;
const wide = Array.from(document.querySelectorAll('body *'))
  .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > root.clientWidth + 1)
  .map(el => el.tagName + '.' + el.className);
return {scroll: root.scrollWidth, width: root.clientWidth, wide: wide.slice(0, 5)};
"""


@pytest.mark.parametrize("width", [360, 1280])
def test_page_fits_the_screen(browser, tmp_path, width):
    """No sideways scroll on a 360 px phone or a desktop, with every section open, for the
    seeds and for the hostile fixture (long paths, markup, a long unbroken outlet name)."""
    fixture = make_report()
    long_name = fixture.articles[2].model_copy(update={"outlet": "x" * 120})
    fixture = fixture.model_copy(update={"articles": fixture.articles[:2] + [long_name]})
    for name, report in (("seeds", _seeds_report()), ("fixture", fixture)):
        if report is None:
            continue
        browser.cmd("POST", "/window/rect", {"width": width, "height": 800})
        browser.open(_write(tmp_path, f"{name}-{width}.html", render_html(report)))
        for view in ("findings", "articles"):
            browser.js(f"window.factlintReport.view('{view}');"
                       "document.querySelectorAll('details').forEach(d => d.open = true)")
            state = browser.js(NO_SIDEWAYS_SCROLL)
            assert state["scroll"] <= state["width"], (name, view, width, state)


def _seeds_report() -> Report | None:
    """The real pipeline's report for seeds/, when the check command works."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "checker", "check", "seeds", "--format", "json", "--stdout"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        if proc.returncode in (0, 1) and proc.stdout.strip().startswith("{"):
            return Report.model_validate_json(proc.stdout)
    except Exception:
        return None
    return None


def test_screenshot(browser, tmp_path):
    report = _seeds_report()
    source = "seeds/"
    if report is None:  # the pipeline is not there yet: show the fixture report
        report, source = make_report(), "test fixture"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    html_path = tmp_path / "html-report.html"
    html_path.write_text(render_html(report), encoding="utf-8")
    for width, name in ((1280, SCREENSHOT.name), (360, "html-report-360.png")):
        browser.cmd("POST", "/window/rect", {"width": width, "height": 900})
        browser.open(html_path.as_uri())
        n = browser.js("return document.querySelectorAll('.card').length")
        assert n == len(report.findings)
        browser.screenshot(SCREENSHOT.with_name(name), width)
        data = SCREENSHOT.with_name(name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    # the per-article view too
    browser.cmd("POST", "/window/rect", {"width": 1280, "height": 900})
    browser.js("document.querySelector('.tabs button[data-view=articles]').click(); scrollTo(0, 0)")
    (ROOT / "reports").mkdir(exist_ok=True)
    browser.screenshot(ROOT / "reports" / "html-report-articles.png")  # for a look, not committed
    print(f"screenshots of the report for {source}: {SCREENSHOT.parent}")

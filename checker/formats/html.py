"""The HTML report: one self-contained file an editor can open and read.

Each error and warning is a card: the verdict in one plain sentence, a number line of the
claims (inline SVG), how sure the match is, then the sources side by side; the reading behind
the verdict (intervals in notation, the matched pairs and their evidence) is one click away.
Info notes come last, collapsed, one line each. Ids and order are the Report's.

No network and no external assets: CSS and JS are inline, and a Content-Security-Policy allows
only those two blocks (by hash), so even a slip in escaping could not run anything or load
anything. Article text is untrusted: every piece of it goes through `html.escape(quote=True)` and
only ever into element text or quoted attribute values. The one thing from an article that
becomes a link is its URL, and only when it is a plain http(s) address (checker/prose.py
`link`); filters use article *indexes* in data attributes, never paths.

Without JavaScript every card and the per-article view are simply shown; with it, tabs switch
views and the filters hide cards by severity and by article.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html import escape

from .. import present
from ..models import ArticleInfo, Finding, Report
from ..numberline import LEGEND, Layout, as_svg, layout
from ..prose import plural, source_name

SEV_LABEL = {"error": "Error", "warning": "Warning", "info": "Note"}
SEV_HELP = {
    "error": "the sources cannot all be right",
    "warning": "worth a look: the sources barely agree, or the match was inferred",
    "info": "related figures, not compared",
}


def e(s: object) -> str:
    return escape("" if s is None else str(s), quote=True)


CSS = """
:root{--ink:#1d232b;--muted:#5d6875;--line:#e2e6ea;--bg:#f5f6f8;--card:#fff;
--err:#b3261e;--err-bg:#fdecea;--warn:#9a5b00;--warn-bg:#fff3dc;--info:#1f5fa8;--info-bg:#e8f1fb;
--ok:#2e7d32;--ok-bg:#e8f5e9;--mark:#ffe27a;--grey:#7a8591}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;overflow-wrap:break-word}
a{color:#2f6db5}
header.top{background:#1d232b;color:#fff;padding:18px 0 16px}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
header.top h1 span{font-weight:400;color:#b9c2cc}
header.top p{margin:4px 0 0;color:#b9c2cc;font-size:14px}
main.wrap{padding-top:20px;padding-bottom:40px}
h2{font-size:17px;margin:0 0 10px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:14px}
.tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;min-width:0}
.tile b{display:block;font-size:26px;line-height:1.15;font-weight:650}
.tile span{color:var(--muted);font-size:13px}
.tile small{display:block;color:var(--muted);font-size:12px;line-height:1.35;margin-top:2px}
.tile.error b{color:var(--err)}.tile.warning b{color:var(--warn)}.tile.info b{color:var(--info)}
.tile.error{border-top:4px solid var(--err)}.tile.warning{border-top:4px solid var(--warn)}.tile.info{border-top:4px solid var(--info)}
.coverage{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;font-size:14px;color:var(--muted);margin-bottom:14px}
.coverage p{margin:0}
.bar{height:8px;background:var(--line);border-radius:4px;overflow:hidden;margin-top:6px;display:flex}
.bar i{display:block;height:100%;background:#6b8fb8}
.bar i.m{background:#2f6db5}
.inputwarn{background:var(--warn-bg);border:1px solid #f1d59c;border-radius:10px;padding:8px 14px;margin-bottom:14px;font-size:14px}
.inputwarn ul{margin:6px 0 0;padding-left:20px}
.tabs{display:flex;flex-wrap:wrap;gap:4px;border-bottom:1px solid var(--line);margin:18px 0 14px}
.tabs button{font:inherit;background:none;border:0;border-bottom:3px solid transparent;padding:8px 14px;cursor:pointer;color:var(--muted);font-weight:600}
.tabs button[aria-selected=true]{color:var(--ink);border-bottom-color:var(--ink)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:10px 18px;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;margin-bottom:16px;font-size:14px}
.filters label{display:inline-flex;align-items:center;gap:6px;cursor:pointer;min-width:0;max-width:100%}
.filters select{font:inherit;padding:4px 6px;border:1px solid #c9d0d7;border-radius:6px;max-width:100%;min-width:0;background:#fff}
.filters .count{margin-left:auto;color:var(--muted)}
.dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.dot.error{background:var(--err)}.dot.warning{background:var(--warn)}.dot.info{background:var(--info)}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--info);border-radius:10px;padding:16px 18px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.04);min-width:0}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:var(--warn)}
.card[hidden],[hidden]{display:none!important}
.card .head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px}
.badge{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.5px;padding:2px 8px;border-radius:999px}
.badge.error{background:var(--err-bg);color:var(--err)}.badge.warning{background:var(--warn-bg);color:var(--warn)}.badge.info{background:var(--info-bg);color:var(--info)}
.rule{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
.card h3{margin:6px 0 2px;font-size:15px;line-height:1.3;color:var(--muted);font-weight:600}
.verdict{font-size:18px;line-height:1.4;margin:4px 0 10px;font-weight:600}
.majority{margin:0 0 6px;font-size:14px;color:var(--muted)}
.sure{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;margin:0 0 12px;font-size:14px;color:var(--muted)}
.sure meter{width:90px;height:10px}
.sure ul{display:flex;flex-wrap:wrap;gap:4px;margin:0;padding:0;list-style:none}
.sure li{background:#f0f2f5;border-radius:6px;padding:1px 8px;font-size:13px}
figure.line{margin:0 0 12px;max-width:440px}
figure.line figcaption{font-size:12px;color:var(--muted)}
svg.nl{display:block;width:100%;height:auto}
svg.nl .bar{stroke:var(--grey);stroke-width:4}
svg.nl .end{fill:var(--grey);stroke:var(--grey);stroke-width:2}
svg.nl .end.open{fill:#fff}
svg.nl .outlier{stroke:var(--err)}svg.nl .end.outlier{fill:var(--err)}
.card.warning svg.nl .outlier{stroke:var(--warn)}.card.warning svg.nl .end.outlier{fill:var(--warn)}
svg.nl .majority{stroke:var(--ok)}svg.nl .end.majority{fill:var(--ok)}
svg.nl .end.open{fill:#fff}
svg.nl .ax,svg.nl .tk{stroke:#9aa4ae;stroke-width:1}
svg.nl text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;fill:var(--muted)}
.sources{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,260px),1fr));gap:12px}
.source{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#fcfcfd;display:flex;flex-direction:column;min-width:0}
.source.outlier{border-color:#e6b1ad;background:#fffafa}
.card.warning .source.outlier{border-color:#ecd09a;background:#fffdf7}
.source.majority{border-color:#b9dcbc}
.source.focus{box-shadow:0 0 0 3px #2f6db5}
.src-head{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:baseline;font-size:13px;margin-bottom:6px}
.num{font-weight:700;color:var(--muted)}
.outlet{font-weight:700;font-size:14px;overflow-wrap:anywhere;min-width:0}
.title{flex-basis:100%;color:var(--muted);overflow-wrap:anywhere}
.date{color:var(--muted)}
.role{margin-left:auto;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.4px;padding:1px 6px;border-radius:4px;background:#eef0f3;color:var(--muted)}
.outlier .role{background:var(--err-bg);color:var(--err)}
.card.warning .outlier .role{background:var(--warn-bg);color:var(--warn)}
.source.majority .role{background:var(--ok-bg);color:var(--ok)}
blockquote{margin:0 0 8px;font:15px/1.55 Georgia,"Times New Roman","Noto Serif",serif;color:#2a3138;overflow-wrap:anywhere;white-space:pre-wrap}
mark{background:var(--mark);padding:0 2px;border-radius:3px;font-weight:700;color:#000}
.facts{display:grid;grid-template-columns:auto minmax(0,1fr);gap:2px 10px;margin:auto 0 0;font-size:13px}
.facts dt{color:var(--muted)}.facts dd{margin:0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.loc{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);margin-top:6px;overflow-wrap:anywhere}
details.reading{margin-top:12px;font-size:14px}
details.reading summary,details.notes>summary,details.note summary{cursor:pointer;color:#2f6db5;font-weight:600}
details.reading ul{margin:6px 0;padding-left:20px}
details.reading code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
details.notes{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--info);border-radius:10px;padding:10px 14px;margin-bottom:16px}
details.notes>summary{font-size:15px}
details.notes .card{border:0;border-top:1px solid var(--line);border-radius:0;box-shadow:none;padding:10px 0 4px;margin:0}
details.notes .card p{margin:0 0 4px;font-size:14px}
details.note{margin-bottom:6px;font-size:14px}
.empty{background:var(--card);border:1px dashed #c9d0d7;border-radius:10px;padding:18px;text-align:center;color:var(--muted)}
.art{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin-bottom:14px;min-width:0}
.art h3{margin:0;font-size:16px;overflow-wrap:anywhere}
.art .meta{color:var(--muted);font-size:13px;margin:2px 0 8px;overflow-wrap:anywhere}
.art ul{margin:0;padding-left:0;list-style:none}
.art li{padding:6px 0;border-top:1px solid var(--line);font-size:14px;overflow-wrap:anywhere}
.art li .quote{font-family:Georgia,"Times New Roman",serif;color:#2a3138}
.art button{font:inherit;font-size:13px;border:1px solid #c9d0d7;background:#fff;border-radius:6px;padding:3px 10px;cursor:pointer;margin-top:8px}
.js h2.view-title{display:none}
footer{color:var(--muted);font-size:13px;padding:0 0 30px}
@media (max-width:560px){.wrap{padding:0 12px}.card{padding:12px 12px;border-left-width:4px}.verdict{font-size:16px}
.tiles{grid-template-columns:repeat(3,minmax(0,1fr));gap:8px}.tile{padding:8px 10px}.tile b{font-size:22px}.tile small{display:none}.filters .count{margin-left:0}header.top h1{font-size:19px}}
@media print{.tabs,.filters,.art button{display:none!important}#view-articles,#view-findings{display:block!important}.card,.source{break-inside:avoid}}
"""

JS = """
(function () {
  "use strict";
  var d = document;
  var cards = Array.prototype.slice.call(d.querySelectorAll(".card"));
  var boxes = Array.prototype.slice.call(d.querySelectorAll("input[name=severity]"));
  var sel = d.getElementById("article-filter");
  var shown = d.getElementById("shown");
  var empty = d.getElementById("empty");
  var notes = d.getElementById("notes");
  var tabs = Array.prototype.slice.call(d.querySelectorAll(".tabs button"));
  function apply() {
    var on = {}, a = sel.value, n = 0, noted = 0;
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    cards.forEach(function (c) {
      var arts = (c.getAttribute("data-articles") || "").split(" ");
      var ok = !!on[c.getAttribute("data-severity")] && (a === "" || arts.indexOf(a) >= 0);
      c.hidden = !ok;
      if (ok) { n++; if (c.getAttribute("data-severity") === "info") { noted++; } }
      Array.prototype.forEach.call(c.querySelectorAll(".source"), function (s) {
        s.classList.toggle("focus", a !== "" && s.getAttribute("data-article") === a);
      });
    });
    if (notes) { notes.hidden = noted === 0; }
    shown.textContent = String(n);
    if (empty) { empty.hidden = n > 0; }
    return n;
  }
  function view(name) {
    tabs.forEach(function (t) {
      var me = t.getAttribute("data-view") === name;
      t.setAttribute("aria-selected", me ? "true" : "false");
      d.getElementById("view-" + t.getAttribute("data-view")).hidden = !me;
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  sel.addEventListener("change", apply);
  tabs.forEach(function (t) {
    t.addEventListener("click", function () { view(t.getAttribute("data-view")); });
  });
  Array.prototype.forEach.call(d.querySelectorAll("button[data-show-article]"), function (b) {
    b.addEventListener("click", function () {
      sel.value = b.getAttribute("data-show-article");
      boxes.forEach(function (x) { x.checked = true; });
      view("findings");
      apply();
      d.getElementById("filters").scrollIntoView();
    });
  });
  Array.prototype.forEach.call(d.querySelectorAll("a[data-card]"), function (l) {
    l.addEventListener("click", function () {
      sel.value = "";
      boxes.forEach(function (x) { x.checked = true; });
      view("findings");
      apply();
      var card = d.getElementById("f-" + l.getAttribute("data-card"));
      if (notes && notes.contains(card)) { notes.open = true; }
    });
  });
  d.documentElement.classList.add("js");
  d.getElementById("filters").hidden = false;
  d.getElementById("tabs").hidden = false;
  view("findings");
  apply();
  window.factlintReport = { apply: apply, view: view };
})();
"""


def _csp_hash(s: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"


def highlight(quote: str, text: str) -> str:
    """The sentence, escaped, with the value's surface text wrapped in <mark>."""
    if text:
        i = quote.find(text)
        if i < 0:
            i = quote.lower().find(text.lower())
        if i >= 0:
            j = i + len(text)
            return f"{e(quote[:i])}<mark>{e(quote[i:j])}</mark>{e(quote[j:])}"
    return e(quote)


class _Ctx:
    def __init__(self, report: Report, base: str) -> None:
        self.report = report
        self.base = base
        self.sources = present.Sources(report)
        self.articles: list[ArticleInfo] = list(report.articles)
        self.index: dict[str, int] = {a.path: i for i, a in enumerate(self.articles)}
        for f in report.findings:
            for c in f.claims:
                if c.article not in self.index:
                    self.index[c.article] = len(self.articles)
                    self.articles.append(ArticleInfo(path=c.article))

    def name(self, path: str, cls: str = "outlet") -> str:
        """The source's name, a link to the article when its URL is a plain http(s) address."""
        src = self.sources(path)
        if src.url:
            return f'<a class="{cls}" href="{e(src.url)}" rel="noopener noreferrer nofollow">{e(src.name)}</a>'
        return f'<span class="{cls}">{e(src.name)}</span>'


def _source(ctx: _Ctx, f: Finding, r: present.Row) -> str:
    from . import join_path

    c = r.claim
    src = ctx.sources(c.article)
    facts = [("Says", r.says), ("Means", r.means), ("Measures", r.measures), ("When", r.when), ("About", r.about)]
    if c.twin is not None:
        facts.append(("Also stated as", c.twin.text))
    dl = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts)
    date = f'<span class="date">{e(src.date)}</span>' if src.date else ""
    title = f'<span class="title">{e(src.title)}</span>' if src.title else ""
    where = "headline" if c.headline else "body"
    return (
        f'<section class="source {r.role}" data-article="{ctx.index[c.article]}">'
        f'<div class="src-head"><span class="num">{r.number}</span>{ctx.name(c.article)}{date}'
        f'<span class="role">{e(present.ROLE_WORDS[r.role])}</span>{title}</div>'
        f"<blockquote>{highlight(c.quote, c.text)}</blockquote>"
        f'<dl class="facts">{dl}</dl>'
        f'<div class="loc">{e(join_path(ctx.base, c.article))}:{c.line}:{c.column} · {where}</div>'
        "</section>"
    )


def _figure(f: Finding) -> str:
    lay = layout(f)
    if lay is None:
        return ""
    caption = ([f"Numbers in {lay.scale}."] if lay.scale else []) + [
        LEGEND[s] for s in LEGEND if _uses(lay, s)]
    title = f"The figures of {f.id} on one number line"
    return (f'<figure class="line">{as_svg(lay, title)}'
            f"<figcaption>{e(' · '.join(caption))}</figcaption></figure>")


def _uses(lay: Layout, symbol: str) -> bool:
    """Whether the picture has closed ends (●), open ends (○) or unbounded ones (◀ ▶)."""
    ends = [(b.x0, b.open0) for b in lay.bars] + [(b.x1, b.open1) for b in lay.bars]
    return {"●": any(x is not None and not o for x, o in ends),
            "○": any(x is not None and o for x, o in ends),
            "◀": any(b.x0 is None for b in lay.bars), "▶": any(b.x1 is None for b in lay.bars)}[symbol]


def _sure(f: Finding) -> str:
    if f.confidence is None:
        return ""
    reasons = "".join(f"<li>{e(x)}</li>" for x in dict.fromkeys(x for m in f.matches for x in m.evidence))
    return (f'<div class="sure"><span>How sure the match is: <b>{f.confidence:.0%}</b></span>'
            f'<meter min="0" max="1" value="{f.confidence:.3f}">{f.confidence:.0%}</meter>'
            f"<ul>{reasons}</ul></div>")


def _reading(f: Finding, rows: list[present.Row]) -> str:
    """The interval algebra and the matched pairs, one click away."""
    ids = {r.claim.id: r.number for r in rows}
    items = [f"<li>{e(d)}</li>" for d in present.details(f)]
    items += [f"<li>{r.number}. \u201c{e(r.says)}\u201d: <code>{e(r.notation)}</code></li>" for r in rows if r.notation]
    items += [f"<li>{ids.get(m.a, '?')} and {ids.get(m.b, '?')} taken as one fact ({m.score:.0%}"
              f"{', aligned sentences' if m.aligned else ''}{', read from the text' if m.sure else ', partly inferred'})"
              f": {e('; '.join(m.evidence))}</li>" for m in f.matches]
    if not items:
        return ""
    return f'<details class="reading"><summary>The reading behind it</summary><ul>{"".join(items)}</ul></details>'


def _card(ctx: _Ctx, n: int, f: Finding) -> str:
    arts = sorted({ctx.index[c.article] for c in f.claims})
    rows = present.rows(f)
    majority = present.majority(f)
    return (
        f'<article class="card {f.severity}" id="f-{n}" data-severity="{f.severity}" '
        f'data-articles="{" ".join(map(str, arts))}">'
        f'<div class="head"><span class="badge {f.severity}">{SEV_LABEL[f.severity]}</span>'
        f'<span class="rule">{e(f.id)} · {e(f.rule)} {e(f.name)}</span></div>'
        f"<h3>{e(f.fact)}</h3>"
        f'<p class="verdict">{e(present.verdict(f))}</p>'
        + (f'<p class="majority">{e(majority)}</p>' if majority else "")
        + _sure(f) + _figure(f)
        + f'<div class="sources">{"".join(_source(ctx, f, r) for r in rows)}</div>'
        + _reading(f, rows) + "</article>"
    )


def _note(ctx: _Ctx, n: int, f: Finding) -> str:
    """An info note: one line, its sources one click away."""
    arts = sorted({ctx.index[c.article] for c in f.claims})
    sources = "".join(_source(ctx, f, r) for r in present.rows(f))
    return (
        f'<article class="card info" id="f-{n}" data-severity="info" data-articles="{" ".join(map(str, arts))}">'
        f'<p><span class="rule">{e(f.id)} · {e(f.rule)}</span> {e(present.verdict(f))}</p>'
        f'<details class="note"><summary>Sources</summary><div class="sources">{sources}</div></details>'
        "</article>"
    )


def _summary(ctx: _Ctx) -> str:
    from . import severity_counts

    r = ctx.report
    counts = severity_counts(r)
    tiles = [
        ("", plural(len(r.articles), "article")),
        ("", plural(len(r.claims), "claim")),
        ("error", plural(counts["error"], "error")),
        ("warning", plural(counts["warning"], "warning")),
        ("info", plural(counts["info"], "note")),
    ]
    html = ['<section class="summary"><div class="tiles">']
    for cls, label in tiles:
        num, word = label.split(" ", 1)
        extra = f"<small>{e(SEV_HELP[cls])}</small>" if cls else ""
        html.append(f'<div class="tile {cls}"><b>{num}</b><span>{e(word)}</span>{extra}</div>')
    html.append("</div>")
    cov = r.coverage
    lines = "".join(f"<p>{e(x)}</p>" for x in present.coverage(cov))
    bar = '<div class="bar"><i class="m"></i></div>' if cov.numbers_found else ""
    html.append(f'<div class="coverage">{lines}{bar}</div>')
    if r.warnings:
        items = "".join(f"<li>{e(w)}</li>" for w in r.warnings)
        html.append(
            f'<div class="inputwarn"><strong>{e(plural(len(r.warnings), "input problem"))}</strong> '
            f"did not stop the run:<ul>{items}</ul></div>"
        )
    html.append("</section>")
    return "".join(html)


def _filters(ctx: _Ctx) -> str:
    from . import severity_counts

    counts = severity_counts(ctx.report)
    boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{s}" checked>'
        f'<span class="dot {s}"></span>{SEV_LABEL[s]}s ({counts[s]})</label>'
        for s in ("error", "warning", "info")
    )
    options = "".join(_option(i, a) for i, a in enumerate(ctx.articles))
    total = len(ctx.report.findings)
    return (
        f'<form class="filters" id="filters" hidden>{boxes}'
        f'<label>Article <select id="article-filter"><option value="">All articles</option>{options}'
        f"</select></label>"
        f'<span class="count">Showing <b id="shown">{total}</b> of {total}</span></form>'
    )


def _option(i: int, a: ArticleInfo) -> str:
    """"VnExpress — a/vnexpress.txt": the name, and the file when the name is not the file's."""
    name = source_name(a.path, a.outlet, a.title)
    file = "" if name == a.path.rsplit("/", 1)[-1] else " — " + a.path
    return f'<option value="{i}">{e(name + file)}</option>'


def _articles_view(ctx: _Ctx) -> str:
    from ..values import amount

    # one pass over the claims and one over the findings: linear in the report, whatever the
    # number of articles
    n_claims = Counter(c.article for c in ctx.report.claims)
    items: dict[str, list[str]] = {}
    for n, f in enumerate(ctx.report.findings):
        for c in f.claims:
            items.setdefault(c.article, []).append(
                f'<li><span class="badge {f.severity}">{SEV_LABEL[f.severity]}</span> '
                f'<a href="#f-{n}" data-card="{n}">{e(f.id)} {e(f.fact)}</a> — this source: '
                f"<b>{e(c.text)}</b> ({e(amount(c.value, c.unit))}, {e(present.ROLE_WORDS[f.role(c)])})<br>"
                f'<span class="quote">{highlight(c.quote, c.text)}</span></li>'
            )
    out = []
    for i, a in enumerate(ctx.articles):
        mine = items.get(a.path, [])
        src = ctx.sources(a.path)
        meta = " · ".join(e(x) for x in (a.path, a.date, plural(n_claims[a.path], "claim")) if x)
        title = f"<div>{e(src.title)}</div>" if src.title else ""
        button = (
            f'<button type="button" data-show-article="{i}">Show this article\'s findings</button>'
            if mine
            else ""
        )
        body = f"<ul>{''.join(mine)}</ul>" if mine else "<p>No finding involves this article.</p>"
        out.append(
            f'<article class="art" data-article="{i}"><h3>{ctx.name(a.path, "name")}</h3>{title}'
            f'<p class="meta">{meta}</p>{body}{button}</article>'
        )
    return "".join(out) or '<p class="empty">No articles.</p>'


def _findings(ctx: _Ctx) -> str:
    """Errors and warnings as cards, then the notes collapsed; all in the report's order."""
    numbered = list(enumerate(ctx.report.findings))
    cards = "".join(_card(ctx, n, f) for n, f in numbered if not present.is_note(f))
    notes = [_note(ctx, n, f) for n, f in numbered if present.is_note(f)]
    if notes:
        cards += (f'<details class="notes" id="notes"><summary>{e(plural(len(notes), "note"))}: '
                  f'related figures, not compared</summary>{"".join(notes)}</details>')
    return cards


def render_html(report: Report, *, base: str = "") -> str:
    from . import severity_counts, tool_version

    ctx = _Ctx(report, base)
    counts = severity_counts(report)
    if report.findings:
        empty = '<p class="empty" id="empty" hidden>No finding matches these filters.</p>'
    else:
        empty = (
            '<p class="empty" id="empty">No discrepancies: every fact stated by more than one '
            "source agrees.</p>"
        )
    # the coverage bar width cannot be an inline style (the CSP allows no style attributes),
    # so it is a CSS rule computed here from numbers only
    cov = report.coverage
    width = f"{100 * cov.matched / cov.numbers_found:.1f}%" if cov.numbers_found else "0%"
    css = CSS + ".bar i.m{width:" + width + "}\n"
    csp = (
        "default-src 'none'; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(JS)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    tally = f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>factlint report: {tally}</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n"
        f'<header class="top"><div class="wrap"><h1>factlint <span>· where the sources disagree</span></h1>'
        f"<p>{e(present.tally(report))}</p></div></header>\n"
        f'<main class="wrap">\n{_summary(ctx)}\n'
        '<nav class="tabs" id="tabs" role="tablist" hidden>'
        f'<button type="button" role="tab" data-view="findings" aria-selected="true">Findings ({len(report.findings)})</button>'
        f'<button type="button" role="tab" data-view="articles" aria-selected="false">By article ({len(ctx.articles)})</button>'
        "</nav>\n"
        f'<section id="view-findings"><h2 class="view-title">Findings</h2>{_filters(ctx)}\n{_findings(ctx)}\n{empty}</section>\n'
        f'<section id="view-articles"><h2 class="view-title">By article</h2>{_articles_view(ctx)}</section>\n'
        "</main>\n"
        f'<footer class="wrap">Generated by factlint {e(tool_version())}. The majority is a count of '
        "articles and a hint, not proof: syndicated copies of one agency text agree by construction.</footer>\n"
        f"<script>{JS}</script>\n</body>\n</html>\n"
    )

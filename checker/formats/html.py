"""The HTML report: one self-contained file an editor can open and read.

No network and no external assets: CSS and JS are inline, and a Content-Security-Policy allows
only those two blocks (by hash), so even a slip in escaping could not run anything or load
anything. Article text is untrusted: every piece of it goes through `html.escape(quote=True)` and
only ever into element text or quoted attribute values; nothing from an article reaches a URL or
the script. Filters use article *indexes* in data attributes, never paths.

Without JavaScript every card and the per-article view are simply shown; with it, tabs switch
views and the filters hide cards by severity and by article.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from html import escape

from ..models import SEVERITY_RANK, ArticleInfo, Claim, Finding, Report

SEV_LABEL = {"error": "Error", "warning": "Warning", "info": "Note"}
SEV_HELP = {
    "error": "the sources cannot both be right",
    "warning": "the sources barely agree",
    "info": "related but different facts",
}


def e(s: object) -> str:
    return escape("" if s is None else str(s), quote=True)


CSS = """
:root{--ink:#1d232b;--muted:#5d6875;--line:#e2e6ea;--bg:#f5f6f8;--card:#fff;
--err:#b3261e;--err-bg:#fdecea;--warn:#9a5b00;--warn-bg:#fff3dc;--info:#1f5fa8;--info-bg:#e8f1fb;
--ok:#2e7d32;--ok-bg:#e8f5e9;--mark:#ffe27a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
header.top{background:#1d232b;color:#fff;padding:18px 0 16px}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
header.top h1 span{font-weight:400;color:#b9c2cc}
header.top p{margin:4px 0 0;color:#b9c2cc;font-size:14px}
main.wrap{padding-top:20px;padding-bottom:40px}
h2{font-size:17px;margin:0 0 10px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:14px}
.tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.tile b{display:block;font-size:26px;line-height:1.15;font-weight:650}
.tile span{color:var(--muted);font-size:13px}
.tile.error b{color:var(--err)}.tile.warning b{color:var(--warn)}.tile.info b{color:var(--info)}
.tile.error{border-top:4px solid var(--err)}.tile.warning{border-top:4px solid var(--warn)}.tile.info{border-top:4px solid var(--info)}
.coverage{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;font-size:14px;color:var(--muted);margin-bottom:14px}
.coverage strong{color:var(--ink)}
.bar{height:8px;background:var(--line);border-radius:4px;overflow:hidden;margin-top:6px;display:flex}
.bar i{display:block;height:100%;background:#6b8fb8}
.bar i.m{background:#2f6db5}
.inputwarn{background:var(--warn-bg);border:1px solid #f1d59c;border-radius:10px;padding:8px 14px;margin-bottom:14px;font-size:14px}
.inputwarn ul{margin:6px 0 0;padding-left:20px}
.tabs{display:flex;gap:4px;border-bottom:1px solid var(--line);margin:18px 0 14px}
.tabs button{font:inherit;background:none;border:0;border-bottom:3px solid transparent;padding:8px 14px;cursor:pointer;color:var(--muted);font-weight:600}
.tabs button[aria-selected=true]{color:var(--ink);border-bottom-color:var(--ink)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:10px 18px;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px;margin-bottom:16px;font-size:14px}
.filters label{display:inline-flex;align-items:center;gap:6px;cursor:pointer}
.filters select{font:inherit;padding:4px 6px;border:1px solid #c9d0d7;border-radius:6px;max-width:420px;background:#fff}
.filters .count{margin-left:auto;color:var(--muted)}
.dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.dot.error{background:var(--err)}.dot.warning{background:var(--warn)}.dot.info{background:var(--info)}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--info);border-radius:10px;padding:16px 18px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:var(--warn)}
.card[hidden],[hidden]{display:none!important}
.card .head{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px 12px}
.badge{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.5px;padding:2px 8px;border-radius:999px}
.badge.error{background:var(--err-bg);color:var(--err)}.badge.warning{background:var(--warn-bg);color:var(--warn)}.badge.info{background:var(--info-bg);color:var(--info)}
.rule{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
.card h3{margin:6px 0 4px;font-size:18px;line-height:1.3}
.keys{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0 8px;padding:0;list-style:none}
.keys li{background:#f0f2f5;border-radius:6px;padding:2px 8px;font-size:13px}
.keys li b{font-weight:600;color:var(--muted);margin-right:4px}
.verdict{font-size:16px;margin:8px 0 6px}
.majority{margin:0 0 12px;font-size:14px;color:var(--muted)}
.majority strong{color:var(--ok);background:var(--ok-bg);padding:1px 6px;border-radius:4px}
.sources{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px}
.source{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:#fcfcfd;display:flex;flex-direction:column}
.source.outlier{border-color:#e6b1ad;background:#fffafa}
.card.warning .source.outlier{border-color:#ecd09a;background:#fffdf7}
.card.info .source.outlier{border-color:#b7cde8;background:#fafcff}
.source.majority{border-color:#b9dcbc}
.source.focus{box-shadow:0 0 0 3px #2f6db5}
.src-head{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:baseline;font-size:13px;margin-bottom:6px}
.outlet{font-weight:700;font-size:14px;overflow-wrap:anywhere;min-width:0}
.date{color:var(--muted)}
.role{margin-left:auto;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.4px;padding:1px 6px;border-radius:4px;background:#eef0f3;color:var(--muted)}
.outlier .role{background:var(--err-bg);color:var(--err)}
.card.warning .outlier .role{background:var(--warn-bg);color:var(--warn)}
.card.info .outlier .role{background:var(--info-bg);color:var(--info)}
.majority .role{background:var(--ok-bg);color:var(--ok)}
blockquote{margin:0 0 8px;font:15px/1.55 Georgia,"Times New Roman","Noto Serif",serif;color:#2a3138;overflow-wrap:anywhere;white-space:pre-wrap}
mark{background:var(--mark);padding:0 2px;border-radius:3px;font-weight:700;color:#000}
.facts{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:auto 0 0;font-size:13px}
.facts dt{color:var(--muted)}.facts dd{margin:0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.loc{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);margin-top:6px;overflow-wrap:anywhere}
.empty{background:var(--card);border:1px dashed #c9d0d7;border-radius:10px;padding:18px;text-align:center;color:var(--muted)}
.art{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin-bottom:14px}
.art h3{margin:0;font-size:16px}
.art .meta{color:var(--muted);font-size:13px;margin:2px 0 8px}
.art ul{margin:0;padding-left:0;list-style:none}
.art li{padding:6px 0;border-top:1px solid var(--line);font-size:14px}
.art li .quote{font-family:Georgia,"Times New Roman",serif;color:#2a3138}
.art button{font:inherit;font-size:13px;border:1px solid #c9d0d7;background:#fff;border-radius:6px;padding:3px 10px;cursor:pointer;margin-top:8px}
.art a{color:#2f6db5}
.js h2.view-title{display:none}
footer{color:var(--muted);font-size:13px;padding:0 0 30px}
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
  var tabs = Array.prototype.slice.call(d.querySelectorAll(".tabs button"));
  function apply() {
    var on = {}, a = sel.value, n = 0;
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    cards.forEach(function (c) {
      var arts = (c.getAttribute("data-articles") || "").split(" ");
      var ok = !!on[c.getAttribute("data-severity")] && (a === "" || arts.indexOf(a) >= 0);
      c.hidden = !ok;
      if (ok) { n++; }
      Array.prototype.forEach.call(c.querySelectorAll(".source"), function (s) {
        s.classList.toggle("focus", a !== "" && s.getAttribute("data-article") === a);
      });
    });
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


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _distinct(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


class _Ctx:
    def __init__(self, report: Report, base: str) -> None:
        self.report = report
        self.base = base
        self.articles: list[ArticleInfo] = list(report.articles)
        self.index: dict[str, int] = {a.path: i for i, a in enumerate(self.articles)}
        for f in report.findings:
            for c in f.claims:
                if c.article not in self.index:
                    self.index[c.article] = len(self.articles)
                    self.articles.append(ArticleInfo(path=c.article))

    def info(self, path: str) -> ArticleInfo:
        return self.articles[self.index[path]]

    def source_name(self, path: str) -> str:
        a = self.info(path)
        return a.outlet or a.title or path


def _source(ctx: _Ctx, f: Finding, c: Claim) -> str:
    from . import format_interval, format_value, join_path

    a = ctx.info(c.article)
    role = f.role(c)
    rows: list[tuple[str, str]] = [("Parsed", format_value(c))]
    interval = format_interval(c)
    if interval:
        rows.append(("Interval", interval))
    if c.hedge:
        rows.append(("Hedge", c.hedge.replace("_", " ")))
    if c.period:
        rows.append(("Period", c.period))
    if c.aggregation and c.aggregation != "flow":
        rows.append(("Kind", c.aggregation))
    if c.modality and c.modality != "actual":
        rows.append(("Modality", c.modality))
    if c.twin is not None:
        rows.append(("Also stated as", c.twin.text))
    facts = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in rows)
    where = "headline" if c.headline else "body"
    date = f'<span class="date">{e(a.date)}</span>' if a.date else ""
    title = f' title="{e(a.title)}"' if a.title else ""
    return (
        f'<section class="source {role}" data-article="{ctx.index[c.article]}">'
        f'<div class="src-head"><span class="outlet"{title}>{e(ctx.source_name(c.article))}</span>'
        f'{date}<span class="role">{e(role)}</span></div>'
        f"<blockquote>{highlight(c.quote, c.text)}</blockquote>"
        f'<dl class="facts">{facts}</dl>'
        f'<div class="loc">{e(join_path(ctx.base, c.article))}:{c.line}:{c.column} · {where}</div>'
        "</section>"
    )


def _card(ctx: _Ctx, n: int, f: Finding) -> str:
    from . import majority_values, primary_claim

    arts = sorted({ctx.index[c.article] for c in f.claims})
    metric = _distinct([c.metric or "" for c in f.claims]) or _distinct(
        [c.metric_phrase or "" for c in f.claims]
    )
    subject = _distinct([", ".join(c.subject) for c in f.claims])
    period = _distinct([c.period or "" for c in f.claims])
    keys = [("Metric", metric), ("Subject", subject), ("Period", period)]
    chips = "".join(
        f"<li><b>{e(k)}</b>{e(' / '.join(v))}</li>" for k, v in keys if v
    )
    maj = majority_values(f)
    if maj:
        majority = (
            f'<p class="majority">Majority ({len(f.majority)} of {len(f.claims)} sources) holds '
            + ", ".join(f"<strong>{e(v)}</strong>" for v in maj)
            + "</p>"
        )
    elif f.severity != "info" and len({c.article for c in f.claims}) > 1:
        majority = '<p class="majority">No majority: the sources split evenly.</p>'
    else:
        majority = ""
    primary = primary_claim(f)
    ordered = ([primary] if primary else []) + [c for c in f.claims if c is not primary]
    # outlier first, then the majority, so the odd one out leads the row
    ordered.sort(key=lambda c: {"outlier": 0, "majority": 1}.get(f.role(c), 2))
    sources = "".join(_source(ctx, f, c) for c in ordered)
    return (
        f'<article class="card {f.severity}" id="f-{n}" data-severity="{f.severity}" '
        f'data-articles="{" ".join(map(str, arts))}">'
        f'<div class="head"><span class="badge {f.severity}">{SEV_LABEL[f.severity]}</span>'
        f'<span class="rule">{e(f.rule)} · {e(f.name)}</span></div>'
        f"<h3>{e(f.fact)}</h3>"
        f'<ul class="keys">{chips}</ul>'
        f'<p class="verdict">{e(f.message)}</p>'
        f"{majority}"
        f'<div class="sources">{sources}</div>'
        "</article>"
    )


def _summary(ctx: _Ctx) -> str:
    from . import severity_counts

    r = ctx.report
    counts = severity_counts(r)
    cov = r.coverage
    tiles = [
        ("", len(r.articles), _plural(len(r.articles), "article")),
        ("", len(r.claims), _plural(len(r.claims), "claim")),
        ("error", counts["error"], f"{_plural(counts['error'], 'error')} · {SEV_HELP['error']}"),
        ("warning", counts["warning"],
         f"{_plural(counts['warning'], 'warning')} · {SEV_HELP['warning']}"),
        ("info", counts["info"], f"{_plural(counts['info'], 'note')} · {SEV_HELP['info']}"),
    ]
    html = ['<section class="summary"><div class="tiles">']
    for cls, num, label in tiles:
        html.append(f'<div class="tile {cls}"><b>{num}</b><span>{e(label)}</span></div>')
    html.append("</div>")
    found = max(cov.numbers_found, 1)
    pct = lambda x: f"{100 * x / found:.0f}%"  # noqa: E731
    html.append(
        '<div class="coverage">Coverage: <strong>' + str(cov.numbers_found) + "</strong> numbers found, "
        f"<strong>{cov.parsed}</strong> parsed ({pct(cov.parsed)}), "
        f"<strong>{cov.with_metric}</strong> attached to a fact ({pct(cov.with_metric)}), "
        f"<strong>{cov.matched}</strong> compared with another source ({pct(cov.matched)})"
        f'<div class="bar"><i class="m"></i></div></div>'
        if cov.numbers_found
        else '<div class="coverage">Coverage: no numbers found.</div>'
    )
    if r.warnings:
        items = "".join(f"<li>{e(w)}</li>" for w in r.warnings)
        html.append(
            f'<div class="inputwarn"><strong>{len(r.warnings)} input {_plural(len(r.warnings), "problem")}</strong> '
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
    options = "".join(
        f'<option value="{i}">{e(a.outlet or a.path)}{e(" — " + a.path) if a.outlet else ""}</option>'
        for i, a in enumerate(ctx.articles)
    )
    total = len(ctx.report.findings)
    return (
        f'<form class="filters" id="filters" hidden>{boxes}'
        f'<label>Article <select id="article-filter"><option value="">All articles</option>{options}'
        f"</select></label>"
        f'<span class="count">Showing <b id="shown">{total}</b> of {total}</span></form>'
    )


def _articles_view(ctx: _Ctx) -> str:
    from . import format_value

    # one pass over the claims and one over the findings: linear in the report, whatever the
    # number of articles
    n_claims = Counter(c.article for c in ctx.report.claims)
    items: dict[str, list[str]] = {}
    for n, f in enumerate(ctx.report.findings):
        for c in f.claims:
            items.setdefault(c.article, []).append(
                f'<li><span class="badge {f.severity}">{SEV_LABEL[f.severity]}</span> '
                f'<a href="#f-{n}" data-card="{n}">{e(f.fact)}</a> — this source: '
                f"<b>{e(c.text)}</b> ({e(format_value(c))}, {e(f.role(c))})<br>"
                f'<span class="quote">{highlight(c.quote, c.text)}</span></li>'
            )
    out = []
    for i, a in enumerate(ctx.articles):
        mine = items.get(a.path, [])
        meta = " · ".join(e(x) for x in (a.path, a.date, f"{n_claims[a.path]} claims") if x)
        name = e(a.outlet or a.path)
        title = f"<div>{e(a.title)}</div>" if a.title and a.title != (a.outlet or a.path) else ""
        button = (
            f'<button type="button" data-show-article="{i}">Show this article\'s findings</button>'
            if mine
            else ""
        )
        body = f"<ul>{''.join(mine)}</ul>" if mine else "<p>No finding involves this article.</p>"
        out.append(
            f'<article class="art" data-article="{i}"><h3>{name}</h3>{title}'
            f'<p class="meta">{meta}</p>{body}{button}</article>'
        )
    return "".join(out) or '<p class="empty">No articles.</p>'


def render_html(report: Report, *, base: str = "") -> str:
    from . import severity_counts, tool_version

    ctx = _Ctx(report, base)
    counts = severity_counts(report)
    # errors first, then warnings, then notes; ids keep the report's order for the links
    order = sorted(enumerate(report.findings), key=lambda nf: -SEVERITY_RANK[nf[1].severity])
    cards = "".join(_card(ctx, n, f) for n, f in order)
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
    subtitle = (
        f"{len(report.articles)} {_plural(len(report.articles), 'article')} · "
        f"{len(report.claims)} {_plural(len(report.claims), 'claim')} · "
        f"{counts['error']} {_plural(counts['error'], 'error')}, "
        f"{counts['warning']} {_plural(counts['warning'], 'warning')}, "
        f"{counts['info']} {_plural(counts['info'], 'note')}"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>factlint report: {counts['error']} {_plural(counts['error'], 'error')}, "
        f"{counts['warning']} {_plural(counts['warning'], 'warning')}</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n"
        f'<header class="top"><div class="wrap"><h1>factlint <span>· where the sources disagree</span></h1>'
        f"<p>{e(subtitle)}</p></div></header>\n"
        f'<main class="wrap">\n{_summary(ctx)}\n'
        '<nav class="tabs" id="tabs" role="tablist" hidden>'
        f'<button type="button" role="tab" data-view="findings" aria-selected="true">Findings ({len(report.findings)})</button>'
        f'<button type="button" role="tab" data-view="articles" aria-selected="false">By article ({len(ctx.articles)})</button>'
        "</nav>\n"
        f'<section id="view-findings"><h2 class="view-title">Findings</h2>{_filters(ctx)}\n{cards}\n{empty}</section>\n'
        f'<section id="view-articles"><h2 class="view-title">By article</h2>{_articles_view(ctx)}</section>\n'
        "</main>\n"
        f'<footer class="wrap">Generated by factlint {e(tool_version())}. The majority is a hint, '
        "not proof: syndicated copies of one agency text agree by construction.</footer>\n"
        f"<script>{JS}</script>\n</body>\n</html>\n"
    )

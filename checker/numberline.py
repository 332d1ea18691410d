"""A picture of a finding's intervals on one number line, so the conflict is seen, not read.

One layout (`layout`), two drawings: Unicode text for the terminal and Markdown (only our own
characters and numbers, so it stays plain text inside a code block whatever the articles say)
and a small inline SVG for the HTML report. Closed ends are filled dots, open ends hollow
dots, an end without bound is an arrow to the edge. Rows are numbered like the claims of the
finding in every format; claims with the same reading share a row, so a fact reported by a
thousand articles is still a small picture.
"""
from __future__ import annotations

from html import escape
from typing import NamedTuple

from .models import Finding
from .values import Span, amount, number, scale, span

PAD = 0.08  # room either side of the finite ends, as a share of their range
REACH = 0.18  # how far an unbounded end's arrow runs past the last finite end


class Bar(NamedTuple):
    """One reading's interval, positioned on 0..1; None is an end without bound."""

    row: str  # the 1-based places of its claims in the finding: "3", "1,2", "4–40…"
    role: str  # outlier, majority, disputed, source
    x0: float | None
    x1: float | None
    open0: bool
    open1: bool


class Tick(NamedTuple):
    x: float
    label: str


class Layout(NamedTuple):
    bars: list[Bar]
    ticks: list[Tick]
    scale: str  # what the tick numbers count: "billion USD", "%", "" (plain numbers, dates)


def layout(f: Finding) -> Layout | None:
    """The claims' intervals on one shared scale; None when there is nothing to set side by
    side (fewer than two intervals, or claims in different units)."""
    spans = [(i, c, s) for i, c in enumerate(f.claims, start=1) if (s := span(c)) is not None]
    if len(spans) < 2 or len(spans) < len(f.claims) or len({(c.unit, s.dates) for _, c, s in spans}) > 1:
        return None
    ends = sorted({v for _, _, s in spans for v in (s.lo, s.hi) if v is not None})
    lo, hi = ends[0], ends[-1]
    pad = (hi - lo) * PAD if hi > lo else max(abs(lo) * 0.05, 1.0)
    left = lo - pad - (hi - lo + 2 * pad) * REACH * any(s.lo is None for _, _, s in spans)
    right = hi + pad + (hi - lo + 2 * pad) * REACH * any(s.hi is None for _, _, s in spans)

    def x(v: float | None) -> float | None:
        return None if v is None else (v - left) / (right - left)

    rows: dict[tuple, list[int]] = {}
    for i, c, s in spans:
        rows.setdefault((f.role(c), x(s.lo), x(s.hi), s.lo_open, s.hi_open), []).append(i)
    bars = [Bar(_numbers(ns), *key) for key, ns in rows.items()]
    first: Span = spans[0][2]
    if first.dates:
        return Layout(bars, [Tick(x(v), first.label(v)) for v in ends], "")
    factor, word = scale(max(abs(lo), abs(hi)))
    unit = amount(0, spans[0][1].unit)[1:].strip()  # "USD", "%", "km/h"
    return Layout(bars, [Tick(x(v), number(v / factor)) for v in ends], " ".join(w for w in (word, unit) if w))


def _numbers(ns: list[int], room: int = 9) -> str:
    """"1", "1,2", "1–3,7"; cut with "…" past `room` characters."""
    runs: list[list[int]] = []
    for n in ns:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [str(r[0]) if len(r) == 1 else f"{r[0]},{r[1]}" if len(r) == 2 else f"{r[0]}–{r[-1]}" for r in runs]
    text = ",".join(parts)
    return text if len(text) <= room else parts[0] + "…"


# --- Unicode text -----------------------------------------------------------------------------

WIDTH = 44
LEGEND = {"●": "● end included", "○": "○ end not included", "◀": "◀ no lower limit", "▶": "▶ no upper limit"}


def as_text(lay: Layout, width: int = WIDTH) -> list[str]:
    """Lines of the picture: one row per claim, an axis, its labels and a legend."""
    pad = max([2] + [len(b.row) for b in lay.bars])
    rows = [_text_row(b, width, pad) for b in lay.bars]
    axis, labels = [" "] * width, [" "] * width
    def extent(t: Tick) -> tuple[float, float]:
        start = min(_col(t.x, width), width - len(t.label))
        return start, start + len(t.label) + 1

    for t in _placed(lay.ticks, extent):
        axis[_col(t.x, width)] = "┴"
        start = int(extent(t)[0])
        labels[start:start + len(t.label)] = t.label
    axis = ["─" if a == " " else a for a in axis]
    used = [sym for sym in LEGEND if any(sym in r for r in rows)]
    scale_note = [f"numbers in {lay.scale}"] if lay.scale else []
    margin = " " * (pad + 1)
    return rows + [margin + "".join(axis), margin + "".join(labels).rstrip(),
                   margin + "  ".join(scale_note + [LEGEND[s] for s in used])]


def _col(x: float, width: int) -> int:
    return max(0, min(width - 1, round(x * (width - 1))))


def _text_row(b: Bar, width: int, pad: int) -> str:
    cells = [" "] * width
    c0 = 0 if b.x0 is None else _col(b.x0, width)
    c1 = width - 1 if b.x1 is None else _col(b.x1, width)
    for k in range(c0, c1 + 1):
        cells[k] = "━"
    cells[c0] = "◀" if b.x0 is None else ("○" if b.open0 else "●")
    if c1 != c0:
        cells[c1] = "▶" if b.x1 is None else ("○" if b.open1 else "●")
    return f"{b.row:>{pad}} " + "".join(cells).rstrip()


def _placed(ticks: list[Tick], extent) -> list[Tick]:
    """The tick labels that fit without overlapping: the two outer ends first (the range the
    picture spans), then the others left to right. `extent(tick)` is the (start, end) of its
    label."""
    order = ticks[:1] + ticks[-1:] + ticks[1:-1] if len(ticks) > 1 else ticks
    taken: list[tuple[float, float]] = []
    out = []
    for t in order:
        a, b = extent(t)
        if all(b <= x or a >= y for x, y in taken):
            taken.append((a, b))
            out.append(t)
    return sorted(out, key=lambda t: t.x)


# --- SVG --------------------------------------------------------------------------------------

SVG_W, RIGHT, ROW, TOP, FONT = 340, 12, 20, 8, 12


class Frame(NamedTuple):
    """Where the plot sits in the SVG: after the row labels, up to the right margin."""

    left: float
    plot: float

    def at(self, x: float) -> float:
        return self.left + x * self.plot


def as_svg(lay: Layout, title: str) -> str:
    """An inline SVG (no script, no link, no style attribute: classes only, styled by the page)."""
    left = 14 + FONT * 0.6 * max(len(b.row) for b in lay.bars)
    frame = Frame(left, SVG_W - left - RIGHT)
    axis_y = TOP + ROW * len(lay.bars)
    height = axis_y + FONT + 12
    parts = [f'<svg class="nl" viewBox="0 0 {SVG_W} {height}" role="img" aria-label="{escape(title)}">'
             f"<title>{escape(title)}</title>"]
    for k, b in enumerate(lay.bars):
        parts.append(_svg_row(b, TOP + ROW * k + ROW / 2, frame))
    parts.append(f'<line class="ax" x1="{left:.1f}" y1="{axis_y}" x2="{frame.at(1):.1f}" y2="{axis_y}"/>')
    for t in _placed(lay.ticks, lambda t: _svg_extent(t, frame)):
        x = frame.at(t.x)
        parts.append(f'<line class="tk" x1="{x:.1f}" y1="{axis_y - 4}" x2="{x:.1f}" y2="{axis_y + 4}"/>'
                     f'<text class="tl" x="{x:.1f}" y="{axis_y + FONT + 6}" text-anchor="{_anchor(x, frame)}">'
                     f"{escape(t.label)}</text>")
    return "".join(parts) + "</svg>"


def _anchor(x: float, frame: Frame) -> str:
    """Labels near an edge hang inwards, so they are not cut off."""
    return "end" if x > SVG_W - 40 else ("start" if x < frame.left + 30 else "middle")


def _svg_extent(t: Tick, frame: Frame) -> tuple[float, float]:
    x, w = frame.at(t.x), (len(t.label) + 1) * FONT * 0.6
    return {"end": (x - w, x), "start": (x, x + w)}.get(_anchor(x, frame), (x - w / 2, x + w / 2))


def _svg_row(b: Bar, y: float, frame: Frame) -> str:
    x0 = frame.at(0 if b.x0 is None else b.x0)
    x1 = frame.at(1 if b.x1 is None else b.x1)
    out = [f'<text class="rl" x="4" y="{y + 4.5:.1f}">{escape(b.row)}</text>',
           f'<line class="bar {b.role}" x1="{x0:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}"/>']
    for x, unbounded, is_open, way in ((x0, b.x0 is None, b.open0, -1), (x1, b.x1 is None, b.open1, 1)):
        if unbounded:
            out.append(f'<polygon class="end {b.role}" points="{x:.1f},{y:.1f} {x - 9 * way:.1f},{y - 6:.1f} '
                       f'{x - 9 * way:.1f},{y + 6:.1f}"/>')
        else:
            out.append(f'<circle class="end {b.role}{" open" if is_open else ""}" cx="{x:.1f}" cy="{y:.1f}" r="5"/>')
        if x0 == x1:
            break  # a single point: one dot
    return "".join(out)

"""Output helpers for `factlint extract`: the JSON form of a mention and a plain-text table."""
from __future__ import annotations

from typing import Any

from ..models import Mention

FIELDS = ("kind", "text", "start", "end", "value", "unit", "hedge", "low", "high")
OPTIONAL = ("noun", "granularity", "is_range", "unit_text", "rounding")


def mention_dict(m: Mention) -> dict[str, Any]:
    """The JSON form of a mention (issue 3 contract); the twin is nested the same way."""
    d: dict[str, Any] = {k: getattr(m, k) for k in FIELDS}
    for k in OPTIONAL:
        if getattr(m, k):
            d[k] = getattr(m, k)
    if m.twin is not None:
        d["twin"] = mention_dict(m.twin)
    return d


def _fmt_value(v: float | str | None) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.0f}" if abs(v) >= 1e6 and v.is_integer() else f"{v:.6g}"
    return str(v)


def _row(where: str, prefix: str, m: Mention) -> tuple[str, ...]:
    return (where, prefix + m.kind, m.text.replace("\n", "⏎"), f"{m.start}-{m.end}", _fmt_value(m.value),
            m.unit or "-", m.hedge or "-",
            f"[{_fmt_value(m.low)}, {_fmt_value(m.high)}]" if m.low is not None else "-")


def format_table(rows: list[tuple[str, int, Mention]]) -> str:
    """A plain-text table: where, kind, surface, span, value, unit, hedge, interval."""
    head = ("where", "kind", "text", "span", "value", "unit", "hedge", "interval")
    body = []
    for where, line, m in rows:
        body.append(_row(f"{where}:{line}", "", m))
        if m.twin is not None:
            body.append(_row("", "  = ", m.twin))
    if not body:
        return "no mentions"
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    out = ["  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    for r in body:
        out.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(out)

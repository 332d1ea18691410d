"""What the date passes share: writing an ISO value and emitting a date mention."""
from __future__ import annotations

from ..models import Mention
from .cursor import Cursor
from .grammar import parse_core


def add(cur: Cursor, a: int, b: int, value: str, gran: str, low: str | None = None,
        high: str | None = None, kind: str = "date") -> None:
    cur.emit(Mention(kind=kind, text=cur.text[a:b], start=a, end=b, value=value,
                     low=low if low is not None else value,
                     high=high if high is not None else value, granularity=gran))
    cur.take(a, b)


def iso(y: str | None, m: int, d: int = 0) -> str:
    """"2025-04-24", "--04-24", "2025-04" or "--04"."""
    if d:
        return f"{y or '-'}-{m:02d}-{d:02d}"
    return f"{y}-{m:02d}" if y else f"--{m:02d}"


def month_no(cur: Cursor, s: str | None) -> int:
    months = cur.lx.months
    return months.get(s or "", 0) or months.get((s or "").rstrip("."), 0)


def count_at(cur: Cursor, a: int, b: int) -> int:
    """The small whole number written exactly in [a, b), in digits or words ("ten", "a"), else
    0 ("1.2 million years ago" is a quantity, not a date)."""
    core = parse_core(cur, a)
    if core is None or core.end != b or core.scaled or not float(core.value).is_integer():
        return 0
    return int(core.value) if 0 < core.value <= 1000 else 0

"""Baselines: accepted findings, keyed by a fingerprint that survives unrelated edits.

The fingerprint of a finding is a sha256 over

* the rule code,
* the fact key of the claims involved: metric, sorted subject, period (never line numbers,
  columns, quotes or the message text),
* the sorted set of (article path, value, unit) of the claims involved.

So rewording a sentence, moving a paragraph or adding text elsewhere in an article keeps the
fingerprint, while a changed value (or a new source joining the disagreement) gives a new one.

File format (JSON, written sorted and atomically)::

    {"version": 1, "tool": "factlint", "rules_version": "...",
     "entries": [{"fingerprint": "...", "rule": "FL101", "fact": "...",
                  "articles": ["a.md", "b.md"], "values": ["a.md: 2.98e+09 USD", ...]}]}
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, read_utf8
from .models import Finding

BASELINE_VERSION = 1


def _value_text(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format(float(value), ".12g")
    return str(value)


def _fact_keys(finding: Finding) -> list[str]:
    # written once per distinct key: a finding's claims, reprints of one figure, mostly share one
    keys = {(c.metric or "", tuple(sorted(c.subject)), c.period or "") for c in finding.claims}
    return sorted({json.dumps([metric, list(subject), period], ensure_ascii=False, sort_keys=True)
                   for metric, subject, period in keys})


def _values(finding: Finding) -> list[tuple[str, str, str]]:
    return sorted({(c.article, _value_text(c.value), c.unit or "") for c in finding.claims})


def finding_fingerprint(finding: Finding) -> str:
    """Stable id of a finding: rule, fact key, articles and values; never lines or quotes."""
    payload = {
        "rule": finding.rule,
        "facts": _fact_keys(finding),
        "values": [list(v) for v in _values(finding)],
    }
    if not finding.claims:  # nothing to key on but the fact label
        payload["fact"] = finding.fact
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    rule: str
    fact: str
    articles: tuple[str, ...]
    values: tuple[str, ...]

    def to_json(self) -> dict:
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "fact": self.fact,
            "articles": list(self.articles),
            "values": list(self.values),
        }


@dataclass
class Baseline:
    path: str
    entries: dict[str, BaselineEntry] = field(default_factory=dict)
    rules_version: str | None = None


def entry_for(finding: Finding) -> BaselineEntry:
    fp = finding.fingerprint or finding_fingerprint(finding)
    vals = _values(finding)
    return BaselineEntry(
        fingerprint=fp,
        rule=finding.rule,
        fact=finding.fact,
        articles=tuple(sorted({a for a, _, _ in vals})),
        values=tuple(f"{a}: {v}{(' ' + u) if u else ''}" for a, v, u in vals),
    )


def baseline_json(findings: list[Finding], rules_version: str | None = None) -> str:
    entries = {e.fingerprint: e for e in (entry_for(f) for f in findings)}
    ordered = sorted(entries.values(), key=lambda e: (e.rule, e.fact, e.fingerprint))
    doc: dict = {"version": BASELINE_VERSION, "tool": "factlint"}
    if rules_version:
        doc["rules_version"] = rules_version
    doc["entries"] = [e.to_json() for e in ordered]
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, findings: list[Finding], rules_version: str | None = None) -> int:
    """Write the baseline atomically, with the usual file mode; return the number of entries."""
    from .render import write_set

    text = baseline_json(findings, rules_version)
    write_set({Path(path): text}, what="baseline")
    return len(json.loads(text)["entries"])


def load_baseline(path: Path) -> Baseline:
    """Read a baseline; any problem is an InputError naming the file (and key)."""
    path = Path(path)
    text = read_utf8(path, "baseline")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}"
        ) from None
    except RecursionError:
        raise InputError(f"{path}: baseline is not valid JSON: nested too deeply") from None
    if not isinstance(doc, dict):
        raise InputError(f"{path}: baseline must be a JSON object with 'version' and 'entries'")
    version = doc.get("version")
    if "version" not in doc:
        raise InputError(f"{path}: version: missing (not a factlint baseline?)")
    if version != BASELINE_VERSION or isinstance(version, bool):
        raise InputError(
            f"{path}: version: baseline format {version!r} is not supported "
            f"(this factlint reads version {BASELINE_VERSION}); regenerate it with "
            "'factlint baseline PATHS --output FILE'"
        )
    if doc.get("tool", "factlint") != "factlint":
        raise InputError(f"{path}: tool: {doc.get('tool')!r} is not a factlint baseline")
    entries = doc.get("entries")
    if not isinstance(entries, list):
        raise InputError(f"{path}: entries: must be a list")
    out: dict[str, BaselineEntry] = {}
    for i, item in enumerate(entries):
        key = f"entries[{i}]"
        if not isinstance(item, dict):
            raise InputError(f"{path}: {key}: must be an object")
        fp = item.get("fingerprint")
        if not isinstance(fp, str) or not fp:
            raise InputError(f"{path}: {key}.fingerprint: must be a non-empty string")
        rule = item.get("rule", "")
        fact = item.get("fact", "")
        arts = item.get("articles", [])
        vals = item.get("values", [])
        if not isinstance(rule, str):
            raise InputError(f"{path}: {key}.rule: must be a string")
        if not isinstance(fact, str):
            raise InputError(f"{path}: {key}.fact: must be a string")
        if not isinstance(arts, list) or not all(isinstance(a, str) for a in arts):
            raise InputError(f"{path}: {key}.articles: must be a list of strings")
        if not isinstance(vals, list) or not all(isinstance(v, str) for v in vals):
            raise InputError(f"{path}: {key}.values: must be a list of strings")
        out[fp] = BaselineEntry(fp, rule, fact, tuple(arts), tuple(vals))
    rv = doc.get("rules_version")
    return Baseline(str(path), out, rv if isinstance(rv, str) else None)

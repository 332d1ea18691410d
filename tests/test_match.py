"""Match stage: blocking, partitions by scope, snapshots of running tallies, syndication."""
from checker.match import SharedText, group, partition, snapshots
from checker.models import Claim
from checker.rules import load_rules

RULES = load_rules()


def claim(value, id, article="a.txt", metric="deaths", period=None, aggregation="stock", modality="actual", subject=("Vietnam",)):
    return Claim(id=id, article=article, kind="count", metric=metric, subject=list(subject), value=value,
                 low=value, high=value, period=period, aggregation=aggregation, modality=modality,
                 text=str(value), quote="q", line=1, column=1)


def test_partitions_separate_periods_and_modalities():
    cs = [claim(1.0, "a", metric="trade", period="2025", aggregation="flow"),
          claim(2.0, "b", metric="trade", period="2025-01/2025-10", aggregation="flow"),
          claim(5.0, "c", metric="trade", period="2025", aggregation="flow", modality="target"),
          claim(3.0, "d", metric="trade", period="2025", aggregation="flow", modality="estimate")]
    parts = partition(cs)
    assert sorted(len(v) for v in parts.values()) == [1, 1, 2]  # estimate reads the actual figure


def test_blocks_never_mix_subjects_or_metrics():
    cs = [claim(292.0, "a"), claim(113.0, "b", subject=("Myanmar",)), claim(38.0, "c", metric="missing")]
    assert sorted(len(g.claims) for groups in group(cs, RULES) for g in groups) == [1, 1, 1]


def test_snapshots_follow_dates_then_values():
    cs = [claim(152.0, "a", period="as of 2024-09-11"), claim(197.0, "b", period="as of 2024-09-12"),
          claim(155.0, "c"), claim(199.0, "d"), claim(292.0, "e"), claim(298.0, "f")]
    snaps = [sorted(c.id for c in s) for s in snapshots(cs, 0.10)]
    assert snaps == [["a", "c"], ["b", "d"], ["e", "f"]]


def test_shared_text_finds_syndicated_copies():
    shared = SharedText.build({
        "a": ["Floods and landslides have killed more than 400 people across the region, officials said."],
        "b": ["Officials said that floods and landslides have killed more than 400 people across the region."],
        "c": ["Rescuers searched the hamlet for survivors on Wednesday morning."]})
    assert shared.shares("a", "b") and not shared.shares("a", "c") and shared.shares("c", "c")

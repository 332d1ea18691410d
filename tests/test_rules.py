"""Rule loading: project folders extend or replace bundled entries; errors name file and line."""
import pytest

from checker.rules import RuleError, load_rules


def folder(tmp_path, text, name="beat.toml"):
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
    return str(d)


def test_extends_adds_to_the_bundled_entry(tmp_path):
    rules = load_rules((folder(tmp_path, '[metrics.trade]\nextends = true\nphrases = ["commerce turnover"]\n'),))
    trade = rules.metrics["trade"]
    assert "commerce turnover" in trade.phrases and "bilateral trade" in trade.phrases
    assert trade.label == "trade" and trade.source.endswith("beat.toml")


def test_without_extends_the_entry_is_replaced(tmp_path):
    rules = load_rules((folder(tmp_path, '[metrics.trade]\nphrases = ["commerce"]\n'),))
    assert rules.metrics["trade"].phrases == ["commerce"]


@pytest.mark.parametrize("text,expected", [
    ('[metrics.x]\nextends = true\nphrases = ["y"]\n', "beat.toml:1: metrics.x: extends = true but"),
    ('[hedges.nearly]\nphrases = ["nearly"]\ndirection = "below"\nwidth = 3\n', "beat.toml:4: hedges.nearly.width"),
    ('[metric.trade]\nphrases = ["x"]\n', "beat.toml:1: unknown section [metric]"),
    ('[metrics.trade\n', "beat.toml:1: invalid TOML"),
])
def test_bad_files_name_file_and_line(tmp_path, text, expected):
    with pytest.raises(RuleError) as exc:
        load_rules((folder(tmp_path, text),))
    assert expected in str(exc.value) and "\n" not in str(exc.value)



def in_a_new_process(*args, **kw):
    """load_rules as a new run calls it (one process keeps what it loaded in memory)."""
    from checker.rules import _load

    _load.cache_clear()
    return load_rules(*args, **kw)


def test_cached_rules_are_the_rules_until_a_file_changes(tmp_path):
    cache = tmp_path / "cache"
    rules_dir = folder(tmp_path, '[metrics.trade]\nextends = true\nphrases = ["commerce turnover"]\n')
    fresh = in_a_new_process((rules_dir,))
    assert in_a_new_process((rules_dir,), cache_dir=cache) == fresh
    (entry,) = (cache / "rules-v1").glob("*.json")
    entry.write_text(entry.read_text(encoding="utf-8").replace("commerce turnover", "cached"), encoding="utf-8")
    assert in_a_new_process((rules_dir,), cache_dir=cache).metrics["trade"].phrases[-1] == "cached"
    folder(tmp_path, '[metrics.trade]\nextends = true\nphrases = ["cross-border commerce"]\n')  # edited: a miss
    assert in_a_new_process((rules_dir,), cache_dir=cache).metrics["trade"].phrases[-1] == "cross-border commerce"
    folder(tmp_path, '[metrics.trade]\nextends = true\nphrases = ["commerce turnover"]\n')
    entry.write_text("{not json", encoding="utf-8")
    assert in_a_new_process((rules_dir,), cache_dir=cache) == fresh  # a corrupt entry is validated afresh


def test_a_bad_file_is_reported_whatever_the_cache_holds(tmp_path):
    cache = tmp_path / "cache"
    in_a_new_process((folder(tmp_path, '[metrics.x]\nphrases = ["y"]\n'),), cache_dir=cache)
    with pytest.raises(RuleError, match="beat.toml:4: hedges.nearly.width"):
        in_a_new_process((folder(tmp_path, '[hedges.nearly]\nphrases = ["nearly"]\ndirection = "below"\nwidth = 3\n'),),
                         cache_dir=cache)

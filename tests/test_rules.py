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

"""The entity finder (checker/entities.py) on sentences from many beats, its rule data and the
generator of rules/countries.toml."""
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from checker.entities import find_entities, same_entity
from checker.rules import RuleError, load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()


def found(text: str, rules=RULES) -> list[tuple[str, str, str]]:
    return [(m.text, m.name, m.kind) for m in find_entities(text, rules)]


def names(text: str, kind: str | None = None) -> list[str]:
    return [m.name for m in find_entities(text, RULES) if kind is None or m.kind == kind]


# --- countries and organisations from the rule data ---------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Exports from Viet Nam rose 12% in the first half.", ["Vietnam"]),
    ("Hàng hóa từ VIỆT NAM sang Lào", ["Vietnam", "Laos"]),  # capitals and diacritics folded
    ("Lao officials said the dam in Attapeu had burst.", ["Laos"]),
    ("Burmese troops and Emirati investors were named in the report.", ["Myanmar", "United Arab Emirates"]),
    ("The Filipino boxer beat a South Korean rival.", ["Philippines", "South Korea"]),
    ("Turnout in Côte d'Ivoire reached 37%.", ["Ivory Coast"]),
    ("Voters in Bosnia and Herzegovina went to the polls.", ["Bosnia and Herzegovina"]),
    ("Three Americans and two Britons were among the climbers.", ["United States", "United Kingdom"]),
    ("Turkey's central bank raised rates to 50%.", ["Türkiye"]),
])
def test_countries_by_name_alias_and_demonym(text, expected):
    assert names(text, "country") == expected


def test_possessive_is_outside_the_name():
    (m,) = [m for m in find_entities("Vietnam's GDP grew 7.1% while Laos' inflation eased.", RULES)
            if m.name == "Vietnam"]
    assert (m.text, m.via) == ("Vietnam", "alias")
    assert "Laos" in names("Vietnam's GDP grew 7.1% while Laos' inflation eased.")


def test_codes_are_matched_as_written():
    text = "The US and UK pledged aid to the DRC, he told us, and the IN tray filled up."
    got = [(m.text, m.name, m.via) for m in find_entities(text, RULES) if m.kind == "country"]
    assert got == [("US", "United States", "code"), ("UK", "United Kingdom", "code"),
                   ("DRC", "DR Congo", "code")]


def test_codes_with_periods_and_signs():
    got = [(m.text, m.name) for m in find_entities(
        "U.S.-China talks resumed, U.N. staff said in the U.K. after the OPEC+ meeting.", RULES)]
    assert got == [("U.S.", "United States"), ("China", "China"), ("U.N.", "United Nations"),
                   ("U.K.", "United Kingdom"), ("OPEC+", "OPEC")]


def test_a_known_name_broken_over_lines():
    text = "Voters in Bosnia  and\nHerzegovina went to the polls."
    (m,) = find_entities(text, RULES)
    assert (m.name, text[m.start:m.end]) == ("Bosnia and Herzegovina", "Bosnia  and\nHerzegovina")


def test_codes_glued_to_a_currency_are_not_countries():
    assert names("Revenue reached US$2.98 billion and HK$40 million.") == []


def test_capital_headlines_give_no_codes():
    assert names("WHO IS IN CHARGE AS CAN DEAL COLLAPSES") == []


def test_common_words_are_not_countries():
    assert names("We ate turkey off fine china in the guinea pig cafe.") == []


def test_organisations_and_their_acronyms():
    text = "The World Health Organization (WHO) and the IMF said the EU and ASEAN would help."
    assert names(text, "organisation") == [
        "World Health Organization", "World Health Organization", "International Monetary Fund",
        "European Union", "ASEAN"]


def test_organisation_named_after_a_country_names_it_too():
    got = found("The Bank of Japan held rates at 0.5%, the Chinese Foreign Ministry said.")
    assert ("Bank of Japan", "Bank of Japan", "organisation") in got
    assert ("Chinese Foreign Ministry", "Chinese Foreign Ministry", "organisation") in got
    assert ("Chinese", "China", "country") in got


# --- proper nouns that are in no list ----------------------------------------------------------

@pytest.mark.parametrize("text,person,title", [
    ("Prime Minister Sonexay Siphandone said trade grew.", "Sonexay Siphandone", "Prime Minister"),
    ("It was approved by General Secretary To Lam on Monday.", "To Lam", "General Secretary"),
    ("Information Minister Maung Maung Ohn said 221 remain missing.", "Maung Maung Ohn",
     "Information Minister"),
    ("City lost 2-1, said coach Pep Guardiola.", "Pep Guardiola", "coach"),
    ("The deal was signed by Tesla CEO Elon Musk in Austin.", "Elon Musk", "CEO"),
    ("Results were announced by election commissioner Rajiv Kumar.", "Rajiv Kumar", "commissioner"),
    ("The study was led by Dr. Jane Goodall of the institute.", "Jane Goodall", "Dr."),
    ("The health minister, Tedros Adhanom, said cases fell.", "Tedros Adhanom", "health minister"),
    ("Voters backed Minister of Foreign Affairs Ana Silva in the runoff.", "Ana Silva",
     "Minister of Foreign Affairs"),
])
def test_people_with_titles(text, person, title):
    people = [(m.name, m.title) for m in find_entities(text, RULES) if m.kind == "person"]
    assert people == [(person, title)]


def test_title_after_a_country_and_a_title_alone():
    got = found("US President Donald Trump met the Vietnamese President in Hanoi.")
    assert got[:2] == [("US", "United States", "country"), ("Donald Trump", "Donald Trump", "person")]
    assert ("Vietnamese", "Vietnam", "country") in got
    assert not any(m[0] == "President" for m in got)


def test_titles_inside_other_names_are_not_titles():
    got = found("Shares of General Motors rose after the Premier League deal, John Major said.")
    assert ("General Motors", "General Motors", "organisation") in got
    assert ("Premier League", "Premier League", "organisation") in got
    assert ("John Major", "John Major", "name") in got


@pytest.mark.parametrize("text,name,kind", [
    ("Floods displaced 12,000 people in Lao Cai province.", "Lao Cai", "place"),
    ("The fire burned 36,000 acres in Harris County.", "Harris County", "place"),
    ("Mudslides buried the hamlet of Lang Nu overnight.", "Lang Nu", "place"),
    ("Shipping through the Gulf of Mexico resumed.", "Gulf of Mexico", "place"),
    ("Manchester United paid a fee of £89m.", "Manchester United", "organisation"),
    ("Vietnam Electricity Group reported revenue of $21 billion.", "Vietnam Electricity Group",
     "organisation"),
    ("Data from the Centers for Disease Control were revised.",
     "US Centers for Disease Control and Prevention", "organisation"),
    ("The Ministry of Industry and Trade expects growth of 8%.", "Ministry of Industry and Trade",
     "organisation"),
    ("Typhoon Yagi made landfall with winds of 149 km/h.", "Typhoon Yagi", "event"),
    ("Spain won the Euro 2024 final in Berlin.", "Euro 2024", "name"),
    ("The Boeing 787-8 had 242 people on board.", "Boeing 787-8", "name"),
])
def test_proper_nouns_typed_by_their_words(text, name, kind):
    assert (name, kind) in [(m.name, m.kind) for m in find_entities(text, RULES)]


def test_a_country_inside_a_longer_name_is_not_the_country():
    got = found("Michael Jordan toured Latin America; a Lao Cai province official met him.")
    assert ("Michael Jordan", "Michael Jordan", "name") in got
    assert ("Latin America", "Latin America", "name") in got
    assert not any(kind == "country" for _, _, kind in got)


def test_sentence_openers_months_and_lone_words():
    assert found("The council voted on Tuesday.") == []
    assert found("Rescuers found 12 survivors in March.") == []
    assert names("Pep Guardiola said the Premier League title race was over.")[0] == "Pep Guardiola"
    assert names("NASA said the probe reached Mars.") == ["NASA", "Mars"]
    assert names("Theresa May resigned in May 2019.") == ["Theresa May"]


def test_possessive_and_adjective_end_a_name():
    got = names("Apple's Tim Cook met London-based investors and Hanoi-born chef Luke Nguyen.")
    assert got == ["Apple", "Tim Cook", "London", "Hanoi", "Luke Nguyen"]


def test_headline_case_gives_known_entities_only():
    assert names("Death Toll From Typhoon Yagi Rises To 300 In Vietnam") == ["Vietnam"]


def test_mentions_are_ordered_with_offsets_into_the_text():
    text = "  “We will rebuild,” Mayor Karen Bass told reporters in Los Angeles County on Friday."
    for m in find_entities(text, RULES):
        assert text[m.start:m.end] == m.text
    assert [(m.name, m.kind) for m in find_entities(text, RULES)] == [
        ("Karen Bass", "person"), ("Los Angeles County", "place")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["US", "Viet Nam", "Lao", "of", "Dr.", "J.", "President", "'s", "’",
                                  "-", " ", "  ", ",", ".", "“", "$", "2024", "Bank", "May",
                                  "province", "al-", "Đ", "i", "\n"]) | st.text(max_size=3),
                max_size=25).map("".join))
def test_never_crashes_and_spans_hold(text):
    for m in find_entities(text, RULES):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text


# --- name variants -----------------------------------------------------------------------------

@pytest.mark.parametrize("a,b,same", [
    ("Tô Lâm", "To Lam", True),
    ("General Secretary Lam", "To Lam", True),
    ("Sisoulith", "Thongloun Sisoulith", True),
    ("President Zelensky", "Volodymyr Zelenskyy", True),
    ("Viet Nam's", "Vietnam", True),
    ("Vietnamese", "Vietnam", True),
    ("US", "United States of America", True),
    ("Korea", "South Korea", False),
    ("Sudan", "South Sudan", False),
    ("Manchester", "Manchester United", False),
    ("Sagaing Region", "Sagaing", True),
    ("Lam", "Lan", False),
    ("Mexico City", "Mexico", False),
])
def test_same_entity(a, b, same):
    assert same_entity(a, b, RULES) is same
    assert same_entity(b, a, RULES) is same


# --- rule data -----------------------------------------------------------------------------

def rules_folder(tmp_path, text):
    d = tmp_path / "rules"
    d.mkdir()
    (d / "beat.toml").write_text(text, encoding="utf-8")
    return str(d)


def test_a_newsroom_adds_a_person_with_aliases(tmp_path):
    rules = load_rules((rules_folder(tmp_path, """
[entities."Thongloun Sisoulith"]
kind = "person"
aliases = ["Thongloun"]
titles = ["President"]
"""),))
    got = [(m.name, m.kind, m.title) for m in find_entities("President Thongloun met 45 delegates.", rules)]
    assert got == [("Thongloun Sisoulith", "person", "President")]
    assert same_entity("Thongloun", "Sisoulith", rules)


def test_a_newsroom_extends_a_generated_country(tmp_path):
    rules = load_rules((rules_folder(tmp_path, '[entities.Laos]\nextends = true\ncodes = ["LPDR"]\n'),))
    assert found("LPDR officials said so.") == [("LPDR", "LPDR", "name")]
    assert found("LPDR officials said so.", rules) == [("LPDR", "Laos", "country")]
    assert "Lao People's Democratic Republic" in rules.entities["Laos"].aliases


@pytest.mark.parametrize("body,expected", [
    ('[entities.X]\ncodes = ["us"]\n', "beat.toml:2: entities.X.codes"),
    ('[entities.X]\ncodes = ["U S"]\n', "beat.toml:2: entities.X.codes"),
    ('[entities.X]\ndemonyms = ["42"]\n', "beat.toml:2: entities.X.demonyms"),
    ('[entities.X]\nkind = "planet"\n', "beat.toml:2: entities.X.kind"),
])
def test_bad_entity_entries_name_file_and_line(tmp_path, body, expected):
    with pytest.raises(RuleError) as exc:
        load_rules((rules_folder(tmp_path, body),))
    assert expected in str(exc.value)


def test_generated_countries_cover_iso_3166():
    data = tomllib.loads((ROOT / "rules" / "countries.toml").read_text(encoding="utf-8"))["entities"]
    assert len(data) == 250 and all(e["kind"] == "country" for e in data.values())
    for name in ("Vietnam", "Laos", "United States", "South Korea", "Myanmar", "Kosovo"):
        assert name in data
    assert "Viet Nam" in data["Vietnam"]["aliases"] and "VNM" in data["Vietnam"]["codes"]
    assert "IN" not in data["India"].get("codes", [])  # two-letter ISO codes are words first


def test_generator_disambiguates_shared_forms(tmp_path):
    def country(common, cca3, demonym, alts=(), independent=True):
        return {"name": {"common": common, "official": f"Republic of {common}"}, "cca2": cca3[:2],
                "cca3": cca3, "independent": independent, "altSpellings": [cca3[:2], *alts],
                "demonyms": {"eng": {"m": demonym, "f": demonym}}}
    records = [country("Congo", "COG", "Congolese", ["Congo-Brazzaville"]),
               country("DR Congo", "COD", "Congolese", ["DRC"]),
               country("India", "IND", "Indian", ["Bhārat"]),
               country("British Indian Ocean Territory", "IOT", "Indian", independent=False),
               country("Iceland", "ISL", "Icelander", ["Island"]),
               country("Christmas Island", "CXR", "Christmas Islander", independent=False)]
    src = tmp_path / "countries.json"
    src.write_text(json.dumps(records), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "make_countries.py"), str(src), "test"],
                         capture_output=True, text=True, check=True).stdout
    data = tomllib.loads(out)["entities"]
    assert "demonyms" not in data["Congo"] and "demonyms" not in data["DR Congo"]  # both sovereign
    assert data["India"]["demonyms"] == ["Indian"] and "demonyms" not in data["British Indian Ocean Territory"]
    assert "Island" not in data["Iceland"].get("aliases", [])  # a word of another name
    assert data["DR Congo"]["codes"] == ["COD", "DRC"] and data["India"]["aliases"] == [
        "Republic of India", "Bhārat"]
    assert "Open Database License" in out


def test_generator_rejects_a_bad_path(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "make_countries.py"),
                          str(tmp_path / "missing.json")], capture_output=True, text=True)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "missing.json" in run.stderr

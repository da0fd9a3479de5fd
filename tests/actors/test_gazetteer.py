"""The gazetteer: alias table, case rules, capitals, bodies, platforms, and user extensions."""

from __future__ import annotations

import json

import pytest

from newsprism.actors.context import home_country, learn_capitals
from newsprism.actors.gazetteer import (
    GazetteerError,
    base_gazetteer,
    derived_demonyms,
    gazetteer_for,
    load_extension,
)
from newsprism.config import settings_from_env


def first(text, gaz=None):
    hits = (gaz or base_gazetteer()).find(text)
    return (hits[0].entry.kind, hits[0].entry.code, hits[0].entry.name) if hits else None


@pytest.mark.parametrize(("text", "code"), [
    ("Turkey", "TUR"),           # pycountry now says Türkiye
    ("Türkiye", "TUR"),
    ("Russia", "RUS"),           # pycountry says Russian Federation
    ("Britain", "GBR"),
    ("the UK", "GBR"),
    ("U.S.", "USA"),
    ("America", "USA"),
    ("the United States", "USA"),
    ("Ivory Coast", "CIV"),
    ("DR Congo", "COD"),
    ("Burma", "MMR"),
    ("the Gaza Strip", "PSE"),
])
def test_country_aliases(text, code):
    assert first(text)[:2] == ("country", code)


def test_display_names_are_the_common_ones():
    gaz = base_gazetteer()
    assert gaz.country_name("RUS") == "Russia"
    assert gaz.country_name("TUR") == "Turkey"
    assert gaz.country_name("USA") == "United States"
    assert gaz.demonym("RUS") == "Russian"


def test_capitals_and_demonyms():
    assert first("Minsk") == ("capital", "BLR", "Belarus")
    assert first("Washington") == ("capital", "USA", "United States")
    assert first("Kiev")[:2] == ("capital", "UKR")
    assert first("Belarusian")[:2] == ("demonym", "BLR")
    assert first("Kazakhs")[:2] == ("people", "KAZ")


def test_bodies_with_their_aliases():
    assert first("the State Department")[2] == "State Department"
    assert first("Department of State")[2] == "State Department"
    assert first("Wagner PMC")[2] == "Wagner Group"
    assert first("U.N.")[2] == "United Nations"
    entry = base_gazetteer().find("G7")[0].entry
    assert entry.actor_kind == "group" and "JPN" in entry.members


def test_capitalised_short_names_need_their_capitals():
    # "US"/"UN" only in capitals; other names only capitalised.
    assert first("give it to us") is None
    assert first("the un-named source") is None
    assert first("a turkey dinner") is None
    assert first("the defense ministry")[2] == "Defense Ministry"   # written lowercase on purpose


def test_platforms_are_channels():
    gaz = base_gazetteer()
    assert gaz.is_platform("Twitter") and gaz.is_platform("Telegram")
    assert not gaz.is_platform("Kremlin")


def test_demonyms_derived_from_a_name():
    assert derived_demonyms("Veldora")[0] == "Veldoran"
    assert derived_demonyms("Karst Republic")[0] == "Karstian"
    assert "Ruritanian" in derived_demonyms("Ruritania")


def test_extension_adds_countries_with_derived_forms(tmp_path):
    path = tmp_path / "gazetteer.json"
    path.write_text(json.dumps({"countries": [{"code": "VLD", "name": "Veldora", "capital": "Talvera"},
                                              {"code": "KRS", "name": "Karst Republic"}],
                                "bodies": [{"name": "Orin Valley Guard", "country": "VLD", "sector": "REB"}]}))
    gaz = load_extension(path)
    assert first("Veldoran", gaz)[:2] == ("demonym", "VLD")
    assert first("Veldorans", gaz)[:2] == ("people", "VLD")
    assert first("Talvera", gaz)[:2] == ("capital", "VLD")
    assert first("the Karst capital", gaz)[:2] == ("country", "KRS")     # "X Republic" also answers to "X"
    assert first("Karstian", gaz)[:2] == ("demonym", "KRS")
    assert first("Orin Valley Guard", gaz)[:2] == ("body", "VLD")
    assert first("Veldoran") is None        # the built-in tables stay untouched


def test_extension_found_beside_the_articles(tmp_path):
    corpus = tmp_path / "corpus" / "crisis"
    corpus.mkdir(parents=True)
    (tmp_path / "corpus" / "gazetteer.json").write_text(json.dumps({"countries": [{"code": "VLD", "name": "Veldora"}]}))
    gaz = gazetteer_for(str(corpus / "article.txt"))
    assert first("Veldora", gaz)[:2] == ("country", "VLD")
    assert gazetteer_for("<test>") is base_gazetteer()


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "not a readable JSON gazetteer"),
    ("[1, 2]", "must be a JSON object"),
    ('{"countries": [{"name": "Veldora"}]}', "needs a 'code' and a 'name'"),
])
def test_bad_extension_is_one_clear_line(tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(GazetteerError) as caught:
        load_extension(path)
    message = str(caught.value)
    assert str(path) in message and reason in message and "\n" not in message


def test_missing_extension_named_in_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_GAZETTEER", str(tmp_path / "nope.json"))
    settings = settings_from_env()
    assert settings.gazetteer == tmp_path / "nope.json"
    with pytest.raises(GazetteerError, match="not found"):
        gazetteer_for("x.txt", settings.gazetteer)
    # The gazetteer reads no environment variable itself: only what Settings hands it.
    assert gazetteer_for("<test>") is base_gazetteer()


def test_capitals_learned_from_the_text(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"countries": [{"code": "KRS", "name": "Karst Republic"}]}))
    gaz = load_extension(path)
    learned = learn_capitals("The envoy arrived in Drovna, the Karst capital, on Wednesday.", gaz)
    assert first("Drovna", learned)[:2] == ("capital", "KRS")
    assert learn_capitals("He went to Drovna.", gaz) is gaz


def test_home_country_needs_a_clear_lead():
    gaz = base_gazetteer()
    hits = gaz.find("Russia said Moscow would respond. The Kremlin agreed. Turkey was silent.")
    assert home_country(hits, None, gaz) == "RUS"
    # A dateline alone does not make a story British.
    assert home_country(gaz.find("Rebels took the dam."), "London", gaz) is None
    # Unknown demonyms compete: a passing mention of Belgium does not win.
    assert home_country(gaz.find("a visit to Brussels"), None, gaz, ["Veldor", "Veldor", "Karst"]) is None


def test_a_possessive_inside_a_country_name_still_matches():
    from newsprism.actors import describe

    assert describe("the Democratic People's Republic of Korea")[0] == "PRK"

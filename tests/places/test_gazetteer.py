"""The gazetteer answers the spellings news uses, from packaged data only."""

from newsprism.places.gazetteer import candidates
from newsprism.places.normalize import name_key, skeleton_key


def _best(name):
    return max(candidates(name), key=lambda p: p.population)


def test_transliteration_variants_meet():
    assert skeleton_key("Rostov-Na-Don") == skeleton_key("Rostov-on-Don") == skeleton_key("Rostov-na-Donu")
    assert name_key("St. Petersburg") == "saint petersburg"
    assert name_key("Dnipró") == "dnipro"


def test_variants_reach_one_place():
    bakhmut = _best("Bakhmut").geonameid
    assert _best("Artemovsk").geonameid == bakhmut and _best("Artemivsk").geonameid == bakhmut
    assert _best("Kiev").geonameid == _best("Kyiv").geonameid
    assert {p.geonameid for p in candidates("Rostov-Na-Don")} == {p.geonameid for p in candidates("Rostov-on-Don")}


def test_regions_and_countries_resolve():
    assert _best("Rostov Oblast").feature_code == "ADM1"
    region = _best("Voronezh region")
    assert region.feature_code == "ADM1" and region.country == "RUS"
    assert _best("U.S.").country == "USA" and _best("Britain").country == "GBR"
    assert {p.feature_code for p in candidates("Georgia")} >= {"PCLI", "ADM1"}

"""Other spellings of countries and places in them, compiled from PETRARCH2 (phoenix_places.tsv)."""

from __future__ import annotations

from newsprism.actors import describe


def test_a_misspelt_country_is_the_country(analyze_text):
    a = analyze_text("Ethopia has agreed to reopen its border crossings.")
    assert [(x.name, x.country) for x in a.actors if x.kind == "country"] == [("Ethiopia", "ETH")]


def test_a_province_places_an_actor_without_standing_for_a_government():
    assert describe("police in Sind") == ("PAK", "COP")
    assert describe("the governor of the Tyumen region") == ("RUS", "GOV")
    assert describe("Kandahar") == ("AFG", None)


def test_a_place_that_is_also_a_persons_name_is_left_out(analyze_text):
    # "Farah" is an Afghan province and a first name: the table leaves it out.
    a = analyze_text("Farah Khan told reporters the vote had been fair.")
    assert not [x for x in a.actors if x.country == "AFG"]

"""describe(): country and sector of a free-text description, one case per rule family."""

from __future__ import annotations

import pytest

from newsprism.actors import describe


@pytest.mark.parametrize(("text", "expected"), [
    # demonym + strong title
    ("Turkish President", ("TUR", "GOV")),
    ("Russian Foreign Minister", ("RUS", "GOV")),
    # a well-known body decides country and sector
    ("the Kremlin", ("RUS", "GOV")),
    ("the Pentagon", ("USA", "MIL")),
    ("Wagner Group owner", ("RUS", "REB")),
    ("State Department spokesperson", ("USA", "GOV")),
    # demonym + collective role noun
    ("Israeli police", ("ISR", "COP")),
    ("Russia's top brass", ("RUS", "MIL")),
    ("Russian state media", ("RUS", "MED")),
    # a role noun alone: sector, no country
    ("rebels", (None, "REB")),
    ("riot police", (None, "COP")),
    # strong beats weak: "rebel commander" is REB, "Defense Minister" GOV, "opposition leader" OPP
    ("rebel commander", (None, "REB")),
    ("Defense Minister", (None, "GOV")),
    ("opposition leader", (None, "OPP")),
    ("mercenary chief", (None, "REB")),
    # the head after "of" keeps its own sector; the country may come after it
    ("the governor of Russia's Lipetsk province", ("RUS", "GOV")),
    ("founder of the Wagner Private Military Company", ("RUS", "REB")),
    ("leader of the opposition Civic Renewal party", (None, "OPP")),
    # the US alias and a title one country uses
    ("the top US diplomat", ("USA", "GOV")),
    ("Secretary of State", ("USA", "GOV")),
    # international bodies: no country, IGO even for an office holder
    ("UN special envoy", (None, "IGO")),
    ("U.N. Secretary-General Kofi Annan", (None, "IGO")),
    ("EU High Representative", ("EU", "IGO")),
    # a demonym before an international body is the person's nationality
    ("Russian UN ambassador", ("RUS", "GOV")),
    # bare places stand for their government; plural demonyms for their people
    ("Moscow", ("RUS", "GOV")),
    ("Britain", ("GBR", "GOV")),
    ("Palestinians", ("PSE", "CVL")),
    ("Turkish", ("TUR", None)),
    # "ethnic" makes a demonym an ethnicity, not a state
    ("ethnic Albanians in south Serbia", ("SRB", "CVL")),
    # the state as a whole
    ("the Russian leadership", ("RUS", "GOV")),
    ("Nigerian authorities", ("NGA", "GOV")),
    # civilians, peacekeepers and forces named by who commands them
    ("Zambian people", ("ZMB", "CVL")),
    ("Jewish settlers", (None, "CVL")),
    ("UN peacekeepers", (None, "MIL")),
    ("Algerian government forces", ("DZA", "MIL")),
    ("rebel forces", (None, "REB")),
    ("U.S. border patrol", ("USA", "COP")),
    ("Montenegro Assembly", ("MNE", "LEG")),
    # cities and regions place an actor without standing for a government
    ("Tel Aviv", ("ISR", None)),
    ("rebels in Darfur", ("SDN", "REB")),
    ("students in Ohio", ("USA", "CVL")),
    # a hyphen before a lowercase word does not hide a name
    ("the US-led coalition", ("USA", None)),
    ("Russian-backed separatists", ("RUS", "REB")),
    # "X Republic" and "of X" both name the country
    ("King Hassan of Morocco", ("MAR", "GOV")),
    # accents and curly apostrophes
    ("Côte d’Ivoire", ("CIV", "GOV")),
    ("Russia’s Defense Ministry", ("RUS", "MIL")),
])
def test_describe(text, expected):
    assert describe(text) == expected


def test_lowercase_words_are_not_countries():
    # "us" the pronoun and "turkey" the bird are not the United States and Turkey.
    assert describe("they told us about the turkey") == (None, None)


def test_empty_and_unknown_text():
    assert describe("") == (None, None)
    assert describe("a man in a hat") == (None, None)


def test_a_well_known_possessor_gives_the_phrase_its_country():
    from newsprism.actors import describe

    assert describe("President Suharto's government") == ("IDN", "GOV")
    assert describe("Erdogan's spokesman")[0] == "TUR"

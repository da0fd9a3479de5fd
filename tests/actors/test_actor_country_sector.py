"""Country and sector of actors from what the text says about them (constructed sentences)."""

import pytest


def _actor(analyzed, name):
    return next(a for a in analyzed.actors if name in a.name)


@pytest.mark.parametrize("sentence, name, sector", [
    ("Sen. Tilda Marsh questioned the governor's budget on Tuesday.", "Tilda Marsh", "LEG"),
    ("Rep. Owen Castell voted against the farm bill.", "Owen Castell", "LEG"),
    ("Gov. Ada Lindqvist vetoed the bill on Friday.", "Ada Lindqvist", "GOV"),
])
def test_an_abbreviated_title_gives_its_sector(analyze_text, sentence, name, sector):
    assert _actor(analyze_text(sentence), name).sector == sector


def test_a_state_before_an_abbreviated_title_gives_the_country(analyze_text):
    actor = _actor(analyze_text("Oregon Gov. Ada Lindqvist criticized the new law."), "Ada Lindqvist")
    assert (actor.country, actor.sector) == ("USA", "GOV")


def test_a_dot_after_a_word_that_is_no_title_still_ends_the_title_run(analyze_text):
    analyzed = analyze_text("The plan failed in Oct. Tilda Marsh criticized it.")
    assert _actor(analyzed, "Tilda Marsh").sector is None


def test_what_an_anti_prefix_opposes_does_not_describe_the_phrase():
    from newsprism.actors import describe

    assert describe("anti-refugee and anti-immigrant speech") == (None, None)
    assert describe("anti-government protesters")[1] != "GOV"
    assert describe("Turkish government troops") == ("TUR", "MIL")


@pytest.mark.parametrize("name", ["National Marksmen Association", "Harmon Family Foundation"])
def test_an_association_or_foundation_is_a_civil_society_body(analyze_text, name):
    analyzed = analyze_text(f"The {name} has criticized the city council.")
    assert _actor(analyzed, name).sector == "NGO"

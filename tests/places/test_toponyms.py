"""Place names inside bodies' names: where the body is, unless the name is a founder's."""

import pytest

from newsprism.places.gazetteer import candidates, notable
from newsprism.places.toponyms import find_toponyms


def _inside_names(nlp, text):
    doc = nlp(text)
    found = find_toponyms("a", text, doc, known=lambda name: bool(candidates(name)), notable=notable)
    return {t.text for t in found if t.kind == "in_name"}, [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, founder", [
    ("Fighters of the Wagner Group seized the headquarters.", "Wagner"),
    ("Shares of the Adani Group fell sharply on Monday.", "Adani"),
])
def test_a_firms_leading_words_are_not_a_town(nlp, text, founder):
    inside, ents = _inside_names(nlp, text)
    assert founder not in inside, ents


def test_a_bodys_town_or_region_is_still_where_it_is(nlp):
    inside, ents = _inside_names(nlp, "A spokesman for the Ohio Department of Health said the tests were negative.")
    assert "Ohio" in inside, ents


def test_a_small_towns_name_inside_a_bodys_name_is_not_taken_for_its_place(nlp):
    # Butler is a town of about 13,000: in a body's name it is far more often a founder's name.
    inside, ents = _inside_names(nlp, "Volunteers from the Butler Foundation handed out food on Friday.")
    assert "Butler" not in inside, ents


def test_a_citys_name_heading_its_police_is_its_place(nlp):
    inside, ents = _inside_names(nlp, "The Gainesville Police Department arrested two men on Friday.")
    assert "Gainesville" in inside, ents


def test_the_place_after_of_in_a_bodys_name_without_compass_or_trailing_words(nlp):
    inside, ents = _inside_names(nlp, "She spoke for the Hearing Loss Society of Western Pennsylvania on Monday.")
    assert "Pennsylvania" in inside, ents

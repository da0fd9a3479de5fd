"""A title or description joins a named actor only with evidence in the text.

Evidence is an apposition ("the chief of the General Staff, Valery Gerasimov") or the same role
held by the actor ("Wagner chief X" ... "the Wagner chief"). Sentences are ours.
"""

from __future__ import annotations

import pytest


def mentions(analyzed, surname):
    found = [a for a in analyzed.actors if a.kind == "person" and a.name.split()[-1] == surname]
    assert found, f"no person {surname!r} among {[a.name for a in analyzed.actors]}"
    return [m.text for m in analyzed.actor_mentions if m.actor_id == found[0].id]


def test_a_title_of_another_body_never_joins_a_named_leader(analyze_text):
    a = analyze_text("Wagner founder Yevgeny Prigozhin said his men had shot down a helicopter. "
                     "The chief of the General Staff has not been seen in public since.")
    assert not any("General Staff" in m for m in mentions(a, "Prigozhin"))


def test_an_apposition_is_evidence(analyze_text):
    a = analyze_text("Prigozhin demanded that the chief of the General Staff, Valery Gerasimov, come to Rostov.")
    assert "chief of the General Staff" in mentions(a, "Gerasimov")
    assert not any("General Staff" in m for m in mentions(a, "Prigozhin"))


def test_the_same_role_is_evidence(analyze_text):
    a = analyze_text("Wagner chief Yevgeny Prigozhin spoke in a video. The Wagner chief later said he would leave.")
    assert mentions(a, "Prigozhin").count("Wagner chief") == 2


def test_a_shared_generic_class_is_not_evidence(analyze_text):
    # "founder" and "chief" are both leaders; nothing says this founder is the chief.
    a = analyze_text("Wagner founder Ivan Sorokin gave a speech. The chief of the border guards did not attend.")
    assert not any("chief" in m for m in mentions(a, "Sorokin"))


@pytest.mark.parametrize("text", [
    "Defense Minister Sergei Shoigu visited the troops. The defense minister said the operation went to plan.",
    "Presidential spokesman Dmitry Peskov declined to comment. Later the Kremlin's spokesman said the talks were over.",
])
def test_a_specific_role_still_joins_its_holder(analyze_text, text):
    surname = "Shoigu" if "Shoigu" in text else "Peskov"
    forms = mentions(analyze_text(text), surname)
    assert any(m.lower().endswith(("defense minister", "kremlin's spokesman")) for m in forms[1:]), forms


@pytest.mark.parametrize("text", [
    '"We will not give up," Source said. "Source" told the paper the talks had failed.',
    "Source: Interfax\nThe army said it had retaken the town.",
    '“ ” said the talks had failed, Photo said.',
])
def test_credit_words_and_quotation_marks_are_never_names(analyze_text, text):
    names = [a.name for a in analyze_text(text).actors]
    assert not any(n.lower() in ("source", "photo") or not any(c.isalpha() for c in n) for n in names), names


def test_a_known_person_the_tagger_missed(analyze_text):
    # A stray quotation mark hides "Prigozhin" from the tagger; the gazetteer still knows him.
    a = analyze_text('" Prigozhin said his men would stop.')
    assert "Prigozhin" in mentions(a, "Prigozhin")

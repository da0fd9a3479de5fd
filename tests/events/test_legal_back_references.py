"""Legal acts named only by a back-reference (events/noun_events.py, gold rules 17 and 28): "the
subpoenas", "all three subpoenas", "the arrests" are coded with the authority they imply; arrests
in general are not. Needs only the installed model."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-03-04"


def _events(analyze_text, sentence):
    return [(e.plover_type, e.trigger) for e in analyze_text(sentence, published=PUBLISHED).events]


@pytest.mark.parametrize(("sentence", "plover", "trigger"), [
    ("The subpoenas were made public on Friday.", "ACCUSE", "subpoenas"),
    ("All four subpoenas focus on the emails of the mayor's office.", "ACCUSE", "subpoenas"),
    ("The arrests followed a long inquiry by the city.", "COERCE", "arrests"),
])
def test_a_back_reference_to_a_legal_act_is_coded(analyze_text, sentence, plover, trigger):
    assert (plover, trigger) in _events(analyze_text, sentence), sentence


def test_the_arrests_are_by_the_police_the_act_implies(analyze_text):
    event = next(e for e in analyze_text("The arrests followed a long inquiry.", published=PUBLISHED).events
                 if e.plover_type == "COERCE")
    assert [s.sector for s in event.sources] == ["COP"]


@pytest.mark.parametrize("sentence", [
    "Arrests are rare in cases like this one.",
    "Subpoenas can take months to enforce.",
])
def test_legal_acts_in_general_are_not_coded(analyze_text, sentence):
    assert not analyze_text(sentence, published=PUBLISHED).events, sentence


def test_a_legal_act_that_another_deed_is_about_is_not_coded_again(analyze_text):
    sentence = "Police detained three commanders on Tuesday. The interior minister defended the arrests."
    assert [t for t, trigger in _events(analyze_text, sentence) if trigger == "arrests"] == []

"""Apologies told with an adjective (events/apologies.py): an actor who says he is sorry for
something apologises (SUPPORT, CAMEO 055); sympathy, pity, courtesy, a negated or demanded sorrow
do not. Our own sentences; needs only the model."""

from __future__ import annotations

import pytest

from newsprism.events.apologies import RULE


def _apologies(analyzed):
    return [e for e in analyzed.events if e.rule == RULE]


@pytest.mark.parametrize(("sentence", "who"), [
    ('Three days after the video surfaced, the lawmaker said he is "profoundly" sorry for the tussle.', "lawmaker"),
    ('"We are deeply sorry to the families of the victims," the airline\'s chief executive said.', "executive"),
    ("The company said it was sorry for the delays.", "company"),
])
def test_saying_one_is_sorry_apologises(analyze_text, sentence, who):
    found = _apologies(analyze_text(sentence))
    assert [e.plover_type for e in found] == ["SUPPORT"], sentence
    assert who in found[0].sources[0].name.lower()


@pytest.mark.parametrize("sentence", [
    '"I\'m sorry to hear about your loss," the mayor told the widow.',
    "Many voters feel sorry for the refugees.",
    '"I\'m sorry, but that is simply not true," the senator said.',
    "The governor said he is not sorry for anything.",
    "The senator said the president should be sorry.",
    "He was sorry for the families of the miners.",
])
def test_sympathy_pity_courtesy_or_a_demand_is_no_apology(analyze_text, sentence):
    assert not _apologies(analyze_text(sentence)), sentence

"""Senses of event verbs that real news uses for no event (events/senses.py): sport, campaigns,
idioms, attempts, causes, deals struck, things released; and attacks in words named as nouns
(events/noun_events.py). Each sense has sentences it must leave alone and one that still codes.
Needs only the installed model."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-03-04"


def _types(analyze_text, sentence):
    return [(e.plover_type, e.trigger) for e in analyze_text(sentence, published=PUBLISHED).events]


@pytest.mark.parametrize(("sentence", "plover"), [
    ("The rivals had tried for months to beat him at his own game.", "ASSAULT"),
    ("The team reached the quarterfinal by beating the visitors on Thursday night.", "ASSAULT"),
    ("The two heavyweights will never fight each other.", "ASSAULT"),
    ("The candidate suspended his campaign in March.", "SANCTION"),
    ("The league will suspend him for three games.", "SANCTION"),
    ("She is talking the talk but not walking the walk.", "CONSULT"),
    ("A trio of governors are seeking to stem his rise.", "REQUEST"),
    ("Wiretapped calls helped lead to the arrests.", "AID"),
    ("The agreement she had struck with the White House required disclosure.", "ASSAULT"),
    ("The Clintons released their tax returns.", "RETREAT"),
    ("The pollster released a survey on Thursday.", "RETREAT"),
    ("The minister went to lunch with her staff.", "CONSULT"),
    ("Service in the capital is expected to improve in two days.", "AGREE"),
])
def test_no_event_in_these_senses(analyze_text, sentence, plover):
    assert plover not in [t for t, _ in _types(analyze_text, sentence)], sentence


@pytest.mark.parametrize(("sentence", "plover"), [
    ("Police beat the protesters with batons.", "ASSAULT"),
    ("Rebels fought the army near the border.", "ASSAULT"),
    ("The European Union suspended aid to Niger.", "SANCTION"),
    ("Kenya sought aid from Japan.", "REQUEST"),
    ("The United States helped Ukraine rebuild its grid.", "AID"),
    ("Jets struck the base at dawn.", "ASSAULT"),
    ("The pirates released the tanker.", "RETREAT"),
    ("The senator dismissed the governor as a showman.", "ACCUSE"),
])
def test_the_event_senses_still_code(analyze_text, sentence, plover):
    assert plover in [t for t, _ in _types(analyze_text, sentence)], sentence


def test_a_candidates_attack_named_as_a_noun_is_words(analyze_text):
    found = _types(analyze_text, "Senator Bernie Sanders pressed his attack on Hillary Clinton.")
    assert ("ACCUSE", "attack") in found and ("ASSAULT", "attack") not in found


def test_an_armed_attack_named_as_a_noun_stays_an_assault(analyze_text):
    found = _types(analyze_text, "The rebels' attack on the army base killed four soldiers.")
    assert ("ASSAULT", "attack") in found


@pytest.mark.parametrize(("sentence", "plover", "coded"), [
    ("The senator mocked the governor's tough talk on crime.", "CONSULT", False),
    ("The two ministers held talks in Vienna.", "CONSULT", True),
    ("The opponents of the bill are entitled to make their case.", "COERCE", False),
    ("Prosecutors opened a criminal case against the mayor.", "COERCE", True),
])
def test_nouns_that_name_an_event_only_in_some_uses(analyze_text, sentence, plover, coded):
    assert (plover in [t for t, _ in _types(analyze_text, sentence)]) == coded, sentence

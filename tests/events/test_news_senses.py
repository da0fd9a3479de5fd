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
    ("The moderator asked the senator why he had voted against the bill.", "REQUEST"),
])
def test_no_event_in_these_senses(analyze_text, sentence, plover):
    assert plover not in [t for t, _ in _types(analyze_text, sentence)], sentence


@pytest.mark.parametrize(("sentence", "plover"), [
    ("Police beat the protesters with batons.", "ASSAULT"),
    ("Rebels fought the army near the border.", "ASSAULT"),
    ("The European Union suspended aid to Niger.", "SANCTION"),
    ("Kenya sought aid from Japan.", "REQUEST"),
    ("The minister asked Iran to halt its enrichment.", "REQUEST"),
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


@pytest.mark.parametrize(("sentence", "plover", "coded"), [
    # Handing over a person or a favour is no aid; money, goods and arms are.
    ("The president has given his rival an opening.", "AID", False),
    ("The governor is sending his chief of staff Tom Reyes to calm the donors.", "AID", False),
    ("The producers gave the job to a comedian.", "AID", False),
    ("Norway gave the refugees food and tents.", "AID", True),
    # Only armed men, their vehicles, or forces moved show force.
    ("Thousands of students entered the country last year.", "MOBILIZE", False),
    ("The party's donors are moving to the next phase of their plan.", "MOBILIZE", False),
    ("The rebels moved toward the capital.", "MOBILIZE", True),
    # "will visit", "plans to meet": the deed itself, planned; a vow or promise is the intent.
    ("The governor will visit the flooded towns next week.", "CONSULT", True),
    ("The senator plans to endorse the mayor on Friday.", "SUPPORT", True),
    ("The rebel leader vowed to attack the capital.", "THREATEN", True),
])
def test_aid_shows_of_force_and_intents(analyze_text, sentence, plover, coded):
    assert (plover in [t for t, _ in _types(analyze_text, sentence)]) == coded, sentence


def test_a_promised_deed_is_not_coded_beside_its_promise(analyze_text):
    found = _types(analyze_text, "The mayor promised to help the flood victims.")
    assert [t for t, _ in found] == ["AGREE"], found

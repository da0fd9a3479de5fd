"""Senses decided by whether the one a verb names is someone (events/senses.py, fourth round):
a thing that "allows" concedes nothing, a commitment to a person is no agreement, an offer of a
thing to no one is no promise, recognition "as" something is no diplomatic recognition, a trip
home is no withdrawal, fighting a cause is no assault, pressing a case demands nothing of anyone.
Each sense has sentences it must leave alone and one that still codes. Needs only the installed model."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-03-04"


def _types(analyze_text, sentence):
    return [(e.plover_type, e.trigger) for e in analyze_text(sentence, published=PUBLISHED).events]


@pytest.mark.parametrize(("sentence", "plover"), [
    ("A new state law could allow landlords to refuse tenants.", "CONCEDE"),
    ("The new rules permit farmers to sell their grain abroad.", "CONCEDE"),
    ("The cabinet approved a plan that will not allow candidates from the group on the ballots.", "CONCEDE"),
    ("Several delegates have not yet committed to either Clinton or Sanders.", "AGREE"),
    ("The company is offering a generous donation to help pay for the festival.", "AGREE"),
    ("The two brothers are widely recognized as the best fighters in the region.", "SUPPORT"),
    ("The governor recognized that the plan had failed.", "SUPPORT"),
    ("The mayor said she would return to Denver on Monday.", "RETREAT"),
    ("The sheriff made plans to return to Ohio immediately.", "RETREAT"),
    ("The senator is fighting back against racism in the party.", "ASSAULT"),
    ("Senator Jones is pressing his case that the governor is unfit.", "REQUEST"),
])
def test_no_event_when_no_one_is_named(analyze_text, sentence, plover):
    assert plover not in [t for t, _ in _types(analyze_text, sentence)], sentence


@pytest.mark.parametrize(("sentence", "plover"), [
    ("Israel allowed trucks into Gaza.", "CONCEDE"),
    ("The government committed to opening the economy.", "AGREE"),
    ("Turkey offered its airspace to NATO.", "AGREE"),
    ("A Russian official offered concessions last November.", "AGREE"),
    ("Iraq said it would allow the return of inspectors.", "CONCEDE"),
    ("Spain recognized Palestine.", "SUPPORT"),
    ("The troops returned to their barracks.", "RETREAT"),
    ("Russia returned the children to Ukraine.", "RETREAT"),
    ("The rebels fought against the army.", "ASSAULT"),
    ("Washington pressed Israel.", "REQUEST"),
])
def test_the_event_senses_still_code(analyze_text, sentence, plover):
    assert plover in [t for t, _ in _types(analyze_text, sentence)], sentence


# A deliberate deed (concede, sanction, withdraw, aid, cooperate, consult, agree) whose doer is a
# thing names no event (events/verb_events._a_thing_acts); people and bodies still act.
@pytest.mark.parametrize(("sentence", "plover"), [
    ("The governor's departure from the race may reduce competition for the vote.", "SANCTION"),
    ("The senator is facing a 5 p.m. deadline to withdraw.", "RETREAT"),
    ("A recording shows the boss discussing the new hierarchy.", "CONSULT"),
])
def test_a_thing_does_no_deliberate_deed(analyze_text, sentence, plover):
    assert plover not in [t for t, _ in _types(analyze_text, sentence)], sentence


@pytest.mark.parametrize(("sentence", "plover"), [
    ("Somali pirates released the tanker.", "RETREAT"),
    ("The pirates released the tanker.", "RETREAT"),
    ("Neighbours helped the flood victims.", "AID"),
    ("Neither the senator's office nor the police had contacted him.", "CONSULT"),
    ("The ministry reduced funding to the schools.", "SANCTION"),
    ("The ministers discussed the crisis with Egypt.", "CONSULT"),
])
def test_people_and_bodies_still_do_them(analyze_text, sentence, plover):
    assert plover in [t for t, _ in _types(analyze_text, sentence)], sentence

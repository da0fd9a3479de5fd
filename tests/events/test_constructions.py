"""Constructions real news is made of: passives, light verbs and nominal events, word senses.

Sentences of our own, each needing the mechanism it names; only the installed model is needed.
"""

from __future__ import annotations

import pytest

PUBLISHED = "2024-03-04"


def _events(analyze_text, sentence):
    return analyze_text(sentence, published=PUBLISHED).events


@pytest.mark.parametrize(("sentence", "target_country"), [
    ("A mortar bomb was fired at Israel from Gaza on Sunday.", "ISR"),
    ("Missiles were launched at Kyiv overnight.", "UKR"),
    ("Hamas fired rockets from Gaza at Israel.", "ISR"),
])
def test_what_is_fired_is_never_the_target_and_where_from_is_not_either(analyze_text, sentence, target_country):
    assault = next(e for e in _events(analyze_text, sentence) if e.plover_type == "ASSAULT")
    names = [t.name.lower() for t in assault.targets]
    assert not any(w in n for n in names for w in ("bomb", "missile", "rocket")), names
    assert target_country in {t.country for t in assault.targets}
    assert "PSE" not in {t.country for t in assault.targets}
    assert target_country not in {s.country for s in assault.sources}


def test_a_passive_subject_named_by_the_rule_is_not_the_target(analyze_text):
    mobilize = next(e for e in _events(analyze_text, "Troops were sent to the border.") if e.plover_type == "MOBILIZE")
    assert all("troops" not in t.name.lower() for t in mobilize.targets)


@pytest.mark.parametrize(("sentence", "plover"), [
    ("Soldiers engaged in a firefight with the rebels near the town.", "ASSAULT"),
    ("Police were involved in a gunfight with the gang.", "ASSAULT"),
    ("Prosecutors launched a criminal probe into the company.", "ACCUSE"),
    ("The army is conducting military exercises near the border with Poland.", "MOBILIZE"),
    ("The court issued arrest warrants for three Russian generals.", "COERCE"),
    ("Parliament ratified the agreement with Ukraine.", "SUPPORT"),
    ("Germany held talks with China.", "CONSULT"),
    ("The FSB opened a criminal case against the mercenary chief.", "COERCE"),
])
def test_light_verb_and_nominal_events(analyze_text, sentence, plover):
    events = _events(analyze_text, sentence)
    assert [e.plover_type for e in events] == [plover], [(e.plover_type, e.rule) for e in events]


@pytest.mark.parametrize(("sentence", "wrong", "right"), [
    ("Russian forces halted their advance on the city.", "SANCTION", "RETREAT"),
    ("Wagner fighters began a march on Moscow.", "PROTEST", "MOBILIZE"),
    ("The mercenaries marched on Moscow.", "PROTEST", "MOBILIZE"),
    ("A report released in Kigali on Monday said the army had killed dozens.", "RETREAT", "ASSAULT"),
    ("The rebellion demonstrated the chaos in the Russian army.", "PROTEST", None),
    ("Sweden halted arms exports to Turkey.", None, "SANCTION"),
    ("Thousands of students demonstrated against the new law.", None, "PROTEST"),
])
def test_word_senses(analyze_text, sentence, wrong, right):
    types = {e.plover_type for e in _events(analyze_text, sentence)}
    assert wrong not in types
    assert right is None or right in types, types


def test_one_partys_report_of_anothers_attack_is_alleged_and_attributed(analyze_text):
    (assault,) = [e for e in _events(analyze_text, "Ukraine said Russian troops attacked the village.")
                  if e.plover_type == "ASSAULT"]
    assert assault.modality == "alleged" and assault.attribution == "Ukraine"
    assert [s.name for s in assault.sources] == ["Russian troops"]


@pytest.mark.parametrize("sentence", [
    "Police said they arrested three men.",
    "The minister said that investigators had opened criminal cases against the gang.",
])
def test_the_doers_own_account_or_an_unsided_source_is_a_report(analyze_text, sentence):
    assert all(e.modality == "happened" for e in _events(analyze_text, sentence))


def test_an_accusation_codes_the_accused_deed_as_alleged_with_the_accuser(analyze_text):
    events = _events(analyze_text, "Kyiv accused Moscow of shelling the nuclear plant.")
    accuse = next(e for e in events if e.plover_type == "ACCUSE")
    assault = next(e for e in events if e.plover_type == "ASSAULT")
    assert {t.country for t in accuse.targets} == {"RUS"}
    assert assault.modality == "alleged" and assault.attribution == "Kyiv"


def test_a_claim_of_an_attack_accuses_and_its_denial_rejects_the_claimant(analyze_text):
    events = _events(analyze_text, "Ukraine claimed that Russian troops shelled the plant. "
                                   "The claim was denied by Moscow.")
    accuse = next(e for e in events if e.plover_type == "ACCUSE")
    reject = next(e for e in events if e.plover_type == "REJECT")
    assert {t.country for t in accuse.targets} == {"RUS"}
    assert {s.country for s in reject.sources} == {"RUS"} and {t.country for t in reject.targets} == {"UKR"}

"""Fifth-round senses and lexicon entries (events/senses.py, data/rules.tsv): a text signed is no
agreement, a thing raises no concern of its own, "at the behest of X" is X's request, forces sent
are mobilized. Our own sentences; needs only the model."""

from __future__ import annotations

import pytest


def _types(analyzed, trigger: str) -> list[str]:
    return [e.plover_type for e in analyzed.events if e.trigger == trigger]


@pytest.mark.parametrize("sentence", [
    "The criticism came in a letter released on Monday and signed by forty professors.",
    "The candidate spent an hour signing autographs for fans.",
    "More than a thousand residents signed a petition against the new road.",
])
def test_a_text_signed_is_no_agreement(analyze_text, sentence):
    assert "SUPPORT" not in _types(analyze_text(sentence), "signed") + _types(analyze_text(sentence), "signing")


@pytest.mark.parametrize("sentence", [
    "Ukraine signed the treaty with Poland.",
    "The treaty was negotiated for years and signed by both presidents in Geneva.",
])
def test_an_agreement_signed_is_still_support(analyze_text, sentence):
    assert "SUPPORT" in _types(analyze_text(sentence), "signed")


def test_a_thing_raises_no_concern_but_a_union_does(analyze_text):
    assert not _types(analyze_text("The merger raised concerns among investors."), "raised")
    assert _types(analyze_text("The union raised concerns about the mayor's budget."), "raised") == ["ACCUSE"]


def test_the_one_at_whose_behest_a_deed_is_done_requested_it(analyze_text):
    found = [e for e in analyze_text("The envoy travelled to Cairo at the behest of the president.").events
             if e.trigger == "behest"]
    assert [e.plover_type for e in found] == ["REQUEST"]
    assert "president" in found[0].sources[0].name


def test_raising_an_issue_accuses_no_one(analyze_text):
    sentence = "The moderator raised the issue of the senator's old speeches, asking him to explain them."
    assert "ACCUSE" not in _types(analyze_text(sentence), "raised")


def test_forces_sent_are_mobilized(analyze_text):
    assert _types(analyze_text("The United States sent in more special operations forces."), "sent") == ["MOBILIZE"]


@pytest.mark.parametrize(("sentence", "trigger", "doer"), [
    ("The budget has drawn heavy criticism from opposition lawmakers.", "criticism", "lawmakers"),
    ("The town relies on aid from Japan.", "aid", "Japan"),
    ("The proposal won support from several Democrats.", "support", "Democrats"),
])
def test_from_names_the_doer_of_a_nominal_act_of_words_or_giving(analyze_text, sentence, trigger, doer):
    found = [e for e in analyze_text(sentence).events if e.trigger == trigger]
    assert found and doer in found[0].sources[0].name, sentence


def test_from_names_a_place_for_a_deed(analyze_text):
    assert not _types(analyze_text("The attack from the north surprised the garrison."), "attack")


def test_disagreeing_with_a_decision_criticises_it_but_not_with_a_person(analyze_text):
    assert _types(analyze_text("The former minister said he disagrees with the court's decision."),
                  "disagrees") == ["ACCUSE"]
    assert not _types(analyze_text('"There are times when I disagree with the senator," the mayor said.'), "disagree")


def test_a_refusal_owned_is_a_rejection_and_its_deed_is_not_coded_again(analyze_text):
    analyzed = analyze_text("Russia's refusal to negotiate with Ukraine prolonged the war.")
    assert [e.plover_type for e in analyzed.events] == ["REJECT"]


@pytest.mark.parametrize(("sentence", "coded"), [
    ("The central bank warned that prices would keep rising without reforms.", "REQUEST"),
    ('Senior officials warned the lawmakers that inaction would "sharply increase the risk" of a recession.',
     "REQUEST"),
    ("Moscow warned that it would retaliate against any new sanctions.", "THREATEN"),
    ("The rebel leader warned that the militia would act if the government went ahead.", "THREATEN"),
    ("The commander warned that his fighters would respond to any attack.", "THREATEN"),
    ("Moscow warned Finland.", "THREATEN"),
])
def test_a_warning_of_consequences_urges_and_only_harm_of_ones_own_threatens(analyze_text, sentence, coded):
    warnings = [e.plover_type for e in analyze_text(sentence).events if e.trigger == "warned"]
    assert warnings == [coded], sentence


def test_helping_a_campaign_along_is_no_aid(analyze_text):
    assert not _types(analyze_text("The campaign saw the party as a tool to aid the president's re-election."), "aid")
    assert _types(analyze_text("The United States aided the rebels."), "aided") == ["AID"]


def test_a_thing_named_by_which_does_no_deliberate_deed(analyze_text):
    sentence = "The big change is the governor's departure from the race, which may reduce competition in Iowa."
    assert not _types(analyze_text(sentence), "reduce")


def test_police_pulling_someone_over_stop_him_but_a_bus_pulling_over_does_not(analyze_text):
    assert _types(analyze_text("Police pulled him over a few blocks away."), "pulled") == ["COERCE"]
    assert not _types(analyze_text("The bus pulled over to let the ambulance pass."), "pulled")

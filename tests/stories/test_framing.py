"""Framing: names of the happening (one sentence per lexicon noun), phrases, log-odds wording."""

from __future__ import annotations

from collections import Counter

import pytest

from newsprism.stories.framing import (
    EVENT_NOUNS,
    VERB_COMPLETIONS,
    deed_phrase,
    distinctive_terms,
    event_names,
    log_odds,
    phrases,
)

# One sentence per noun of EVENT_NOUNS, each naming the happening with that noun.
NOUN_SENTENCES = {
    "rebellion": "Mercenaries launched an armed rebellion against the leader.",
    "uprising": "He called for an armed uprising to oust the minister.",
    "mutiny": "Those who took part in the mutiny will not be prosecuted.",
    "insurrection": "The FSB opened a case over a call for armed insurrection.",
    "revolt": "The peasant revolt spread to three provinces.",
    "insurgency": "The insurgency in the north entered its fifth year.",
    "coup": "Officers staged a failed coup in the capital.",
    "putsch": "The putsch collapsed within a day.",
    "takeover": "The militia's takeover of the dam cut power.",
    "seizure": "The president called the seizure of the dam a terrorist attack.",
    "attack": "The president called it a terrorist attack.",
    "assault": "The assault on the town began at dawn.",
    "raid": "Police carried out a dawn raid on the offices.",
    "siege": "The siege of the city lasted a month.",
    "offensive": "The spring offensive stalled near the river.",
    "invasion": "The invasion began before dawn.",
    "incursion": "The border incursion was repelled.",
    "operation": "The ministry launched a security operation in the province.",
    "crackdown": "Activists were detained in a widening crackdown.",
    "standoff": "The standoff at the dam deepened on Wednesday.",
    "stand-off": "The stand-off at the border eased.",
    "crisis": "Ministers held talks on the crisis.",
    "events": "Diplomats called in the wake of the events of June 24.",
    "incident": "The incident was reported to the police.",
    "unrest": "Unrest spread through the southern towns.",
    "riots": "The riots left shops burned.",
    "clashes": "Clashes broke out near the square.",
    "violence": "Leaders condemned the violence.",
    "bloodshed": "They wanted to avoid major bloodshed.",
    "investigation": "Prosecutors widened the federal investigation into the lane closures.",
    "inquiry": "Parliament opened an inquiry into the handling of the crisis.",
    "probe": "The corruption probe reached the governor's office.",
    "scandal": "The bridge scandal dogged the governor's campaign.",
    "lawsuit": "The states filed a lawsuit against Colorado.",
    "indictment": "The congressman faces an indictment on fraud charges.",
    "trial": "The trial of the officers opened on Monday.",
    "hearing": "The committee scheduled a hearing for next week.",
    "shooting": "The police shooting of the teenager set off protests.",
    "killing": "Leaders condemned the killing of the guards.",
    "bombing": "The bombing of the market killed twelve people.",
    "explosion": "The explosion at the plant was heard for miles.",
    "election": "The disputed election returned the president to office.",
    "summit": "The leaders met at a summit in Geneva.",
    "ceasefire": "The ceasefire held through the night.",
    "truce": "A fragile truce was agreed on Sunday.",
    "sanctions": "The new sanctions target the central bank.",
    "controversy": "The controversy over the speech grew.",
    "dispute": "The border dispute went to arbitration.",
    "visit": "The prime minister's planned visit angered the White House.",
    "speech": "His speech to Congress drew a rebuke.",
    "walkout": "The walkout by dock workers closed the port.",
    "shutdown": "The government shutdown entered its third week.",
    "outbreak": "The cholera outbreak spread to the capital.",
    "betrayal": "Putin called the actions a betrayal.",
    "treason": "He was charged with treason.",
    "terrorism": "The court convicted him of terrorism.",
    "massacre": "Survivors of the massacre testified.",
    "war": "The war entered its second year.",
    "conflict": "The conflict displaced thousands.",
    "hostilities": "Hostilities resumed after the truce.",
    "occupation": "Residents protested against the occupation of the square.",
    "blockade": "The blockade of the port ended.",
    "protest": "A protest was held outside parliament.",
    "protests": "Protests spread to the capital.",
    "demonstrations": "Demonstrations were banned.",
    "talks": "The top diplomat has held crisis talks with allies.",
    "exchange": "Three guards were killed in an exchange of fire.",
    "firefight": "A firefight broke out at the checkpoint.",
    "shootout": "Two officers died in the shootout.",
    "gunfight": "The gunfight lasted an hour.",
}

# One sentence per verb completion: (sentence, trigger, expected phrase).
COMPLETION_SENTENCES = {
    "control": ("Fighters took control of the dam.", "took", "took control of"),
    "hold": ("Rebels took hold of the town.", "took", "took hold of"),
    "charge": ("The army took charge of the airport.", "took", "took charge of"),
    "part": ("Members who took part in the mutiny.", "took", "took part in"),
    "place": ("The talks took place in Drovna.", "took", "took place"),
    "over": ("The militia took over the dam.", "took", "took over"),
    "up": ("Troops took up positions near the dam.", "took", "took up"),
    "down": ("The fighters stood down and retreated.", "stood", "stood down"),
    "off": ("Police called off the raid.", "called", "called off"),
    "out": ("The army carried out strikes.", "carried", "carried out"),
    "back": ("Troops pulled back from the border.", "pulled", "pulled back"),
    "away": ("The crowd moved away from the square.", "moved", "moved away"),
}


def test_every_event_noun_has_a_sentence():
    assert set(NOUN_SENTENCES) == set(EVENT_NOUNS)


@pytest.mark.parametrize("noun", EVENT_NOUNS)
def test_event_noun_is_found(noun):
    found = [phrase for phrase, _, _ in event_names(NOUN_SENTENCES[noun])]
    assert any(noun in phrase.split() for phrase in found), found


def test_event_names_keep_modifiers_and_dates_but_not_verbs():
    assert [p for p, _, _ in event_names("Wagner launched an attempted armed rebellion.")] == ["attempted armed rebellion"]
    assert [p for p, _, _ in event_names("in the wake of the events of June 24, but")] == ["the events of June 24"]
    assert [p for p, _, _ in event_names("The top diplomat has held crisis talks.")] == ["crisis talks"]
    assert event_names("riot police tightened security") == []


def test_event_name_offsets_point_at_the_words():
    text = "Diplomats called after the events at the dam."
    (phrase, start, end), = event_names(text)
    assert text[start:end] == "events at the dam" and phrase == "the events at the dam"


def test_phrases_do_not_start_or_end_with_stop_words_nor_cross_punctuation():
    counts = phrases("The armed rebellion, led by mercenaries, failed.")
    assert counts["armed rebellion"] == 1 and counts["mercenaries"] == 1
    assert "the armed" not in counts and "rebellion led" not in counts


def test_log_odds_favours_the_outlets_own_words():
    own, other = Counter({"mutiny": 3, "said": 5}), Counter({"rebellion": 3, "said": 5})
    scores = log_odds(own, other, own + other)
    assert scores["mutiny"] > 0 > -scores["mutiny"] and abs(scores["said"]) < 1e-9


def test_distinctive_terms_leave_out_person_names():
    terms = distinctive_terms({"A": "Blinken said the mercenaries staged a mutiny. Blinken said.",
                               "B": "Lavrov said the fighters rebelled."}, {"blinken", "lavrov"})
    words = [t for t, _, _ in terms["A"]]
    assert "mutiny" in words and "mercenaries" in words and "blinken" not in words


def test_every_verb_completion_has_a_sentence():
    assert set(COMPLETION_SENTENCES) == set(VERB_COMPLETIONS)


@pytest.mark.parametrize("word", VERB_COMPLETIONS)
def test_deed_phrase_keeps_its_completion(word):
    sentence, trigger, expected = COMPLETION_SENTENCES[word]
    start = sentence.index(trigger)
    phrase, end = deed_phrase(sentence, start, start + len(trigger))
    assert expected.startswith(phrase) and phrase.split()[:2] == expected.split()[:2]
    assert sentence[start:end].lower() == phrase


def test_deed_phrase_of_a_plain_verb_is_the_verb():
    assert deed_phrase("The militia seized the dam.", 12, 18) == ("seized", 18)

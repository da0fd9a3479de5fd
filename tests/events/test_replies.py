"""Denials told through a reply (events/replies.py): a reply whose content is negated is the
replier's REJECT; an affirming reply is not. Our own sentences; needs only the model."""

from __future__ import annotations

import pytest

from newsprism.events.replies import RULE


def _denials(analyzed):
    return [e for e in analyzed.events if e.rule == RULE]


@pytest.mark.parametrize(("sentence", "replier"), [
    ('The mayor replied, "You know I am not going to discuss this again."', "mayor"),
    ('"And I do not take orders from donors," the governor replied on Wednesday.', "governor"),
    ('"I am not a supporter of the new tax," the senator said in a statement responding to the ad.', "senator"),
    ("The minister responded that the army had not shelled the village.", "minister"),
    ('"We never sold weapons to the rebels," the company said in response.', "company"),
])
def test_a_negated_reply_is_the_repliers_rejection(analyze_text, sentence, replier):
    found = _denials(analyze_text(sentence))
    assert [e.plover_type for e in found] == ["REJECT"], sentence
    assert replier in found[0].sources[0].name.lower()


@pytest.mark.parametrize("sentence", [
    "The minister replied that the talks would continue next week.",
    '"We will keep building," the mayor said on Tuesday.',
    '"I do not know where he is," the neighbour said.',
])
def test_an_affirming_reply_or_a_plain_statement_rejects_nothing(analyze_text, sentence):
    assert not _denials(analyze_text(sentence)), sentence

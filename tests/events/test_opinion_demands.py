"""A "must"/"should" deed is a REQUEST only when someone asks it of someone else
(coding.asker_of): a named speaker, of a doer who is not the speaker's own side. An opinion with
no one voicing it, or a speaker's view of his own conduct, demands nothing. Our own sentences;
needs only the model."""

from __future__ import annotations

import pytest


def _requests(analyzed):
    return [e for e in analyzed.events if e.plover_type == "REQUEST"]


@pytest.mark.parametrize(("sentence", "asker", "asked"), [
    ("The foreign minister said Russia must withdraw its troops from the border.", "minister", "Russia"),
    ("The senator said the president should resign.", "senator", "president"),
    ("The mayor said the protesters should be arrested.", "mayor", "protesters"),
])
def test_a_speaker_asking_a_deed_of_another_is_a_request(analyze_text, sentence, asker, asked):
    found = _requests(analyze_text(sentence))
    assert found, sentence
    assert asker in found[0].sources[0].name.lower()
    assert any(asked.lower() in t.name.lower() for t in found[0].targets)


@pytest.mark.parametrize("sentence", [
    "There are those who think we should pull out of the country, and they are entitled to say so.",
    '"We should leave the coalition," the party leader said.',
    "Union members said they should strike next week.",
    "Many voters believe the country should withdraw from the treaty.",
])
def test_an_opinion_or_a_speakers_own_course_is_no_request(analyze_text, sentence):
    assert not _requests(analyze_text(sentence)), sentence

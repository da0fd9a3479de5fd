"""A support verb that follows its event noun as a participle carries it (events/noun_events.py,
fourth round): "a request made to the former secretaries", "an appeal made by the mayor to the
residents"; its by-agent is the doer, its prepositions the targets. A participle that names an
event of its own ("the sanctions imposed on Iran") codes that event instead. Needs only the model."""

from __future__ import annotations

PUBLISHED = "2024-03-04"


def _events(analyze_text, sentence):
    return analyze_text(sentence, published=PUBLISHED).events


def test_a_request_made_to_someone_is_a_request_to_them(analyze_text):
    events = _events(analyze_text, "The department received the emails as part of a request made to former secretaries of state.")
    request = next(e for e in events if e.trigger == "request")
    assert request.plover_type == "REQUEST" and [t.name for t in request.targets] == ["former secretaries of state"]


def test_the_by_agent_of_the_participle_is_the_doer(analyze_text):
    events = _events(analyze_text, "An appeal made by the mayor to the residents went unanswered.")
    appeal = next(e for e in events if e.trigger == "appeal")
    assert appeal.plover_type == "REQUEST" and [s.name for s in appeal.sources] == ["the mayor"]


def test_a_noun_with_no_participle_or_owner_is_not_coded(analyze_text):
    assert not [e for e in _events(analyze_text, "A request is a simple thing to write.") if e.trigger == "request"]


def test_an_event_set_as_background_by_a_time_is_not_carried_by_its_participle(analyze_text):
    sentence = "The president spoke to his allies on Saturday following the mutiny led by the militia chief."
    assert not [e for e in _events(analyze_text, sentence) if e.trigger == "mutiny"]

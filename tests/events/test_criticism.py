"""Criticism told through speech (events/criticism.py): every cue of data/criticism_cues.tsv codes
its `must` sentence as the speaker's ACCUSE and leaves its `must_not` sentence without one; the
constructions (said content, naming, "as") each have sentences of their own. Needs only the model.
"""

from __future__ import annotations

import pytest

from newsprism.events.criticism import CUES, PATTERNS, RULE

PUBLISHED = "2024-03-04"


def _accusations(analyzed):
    return [e for e in analyzed.events if e.plover_type == "ACCUSE"]


@pytest.mark.parametrize("row", CUES, ids=lambda r: f"{r['kind']}:{r['cue']}")
def test_cue_codes_the_speakers_criticism(analyze_text, row):
    analyzed = analyze_text(row["must"], published=PUBLISHED)
    found = _accusations(analyzed)
    assert found, (row["must"], [(e.plover_type, e.rule) for e in analyzed.events])
    assert all(e.sources for e in found)


@pytest.mark.parametrize("row", CUES, ids=lambda r: f"{r['kind']}:{r['cue']}")
def test_cue_leaves_alone_what_is_no_criticism(analyze_text, row):
    analyzed = analyze_text(row["must_not"], published=PUBLISHED)
    assert not [e for e in analyzed.events if e.rule == RULE], row["must_not"]


CONSTRUCTIONS = [
    ("The senator said the governor was a disgrace.", "Senator", "governor"),
    ("“The plan is reckless and dangerous,” the finance minister told reporters.", "minister", None),
    ("The mayor said it was a shameful decision by the council.", "mayor", None),
    ("The opposition leader called the election a sham.", "opposition", None),
    ("The union dismissed the offer as an insult.", "union", None),
    ("The prosecutor said the company deceived its customers.", "prosecutor", "company"),
]


@pytest.mark.parametrize(("sentence", "speaker", "judged"), CONSTRUCTIONS)
def test_constructions_code_speaker_and_whom_they_judge(analyze_text, sentence, speaker, judged):
    events = [e for e in analyze_text(sentence, published=PUBLISHED).events if e.plover_type == "ACCUSE"]
    assert events, sentence
    assert any(speaker.lower() in s.name.lower() for e in events for s in e.sources), [e.sources for e in events]
    if judged:
        assert any(judged.lower() in t.name.lower() for e in events for t in e.targets), [e.targets for e in events]


@pytest.mark.parametrize("sentence", [
    "The senator said the tariff was not a mistake.",       # negated
    "“I was wrong about the tariff,” the senator said.",    # the speaker judges himself
    "The senator said nothing was wrong with the tariff.",  # no one judged
    "The report said the harvest was a disaster.",          # no one passes the judgement
    "The senator asked whether the tariff was a mistake?",  # a question
    "The senator said the tariff was popular.",             # no cue
])
def test_no_criticism_without_a_judgement_passed_on_another(analyze_text, sentence):
    assert not [e for e in analyze_text(sentence, published=PUBLISHED).events if e.rule == RULE], sentence


def test_every_pattern_names_its_trigger_and_cue():
    for name, pattern in PATTERNS.items():
        ids = {node["RIGHT_ID"] for node in pattern}
        assert {"verb", "cue"} <= ids, name

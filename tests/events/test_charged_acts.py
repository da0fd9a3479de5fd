"""Acts named by a charge (events/charges.py, rule 32 of the real-news gold): every crime of
data/charged_acts.tsv codes its `must` sentence's act, alleged, with the accused as source, and
leaves its `must_not` sentence without one; denials negate the act, verdicts are ACCUSE.
Needs only the model; the sentences are our own."""

from __future__ import annotations

import pytest

from newsprism.events.charges import CRIME_ROWS, RULE, VERDICT_RULE

PUBLISHED = "2024-03-04"


def _charged(analyzed):
    return [e for e in analyzed.events if e.rule == RULE]


@pytest.mark.parametrize("row", CRIME_ROWS, ids=lambda r: r["crime"])
def test_a_charge_codes_the_act_it_names(analyze_text, row):
    events = _charged(analyze_text(row["must"], published=PUBLISHED))
    assert [e.plover_type for e in events][:1] == [row["plover"]], (row["must"], events)
    assert all(e.sources and e.modality == "alleged" and not e.negated for e in events)


@pytest.mark.parametrize("row", CRIME_ROWS, ids=lambda r: r["crime"])
def test_a_crime_word_without_a_charge_codes_no_act(analyze_text, row):
    assert not _charged(analyze_text(row["must_not"], published=PUBLISHED)), row["must_not"]


def test_the_charge_itself_is_still_coded_beside_the_act(analyze_text):
    events = analyze_text("The nurse was arrested on Friday and charged with murder.", published=PUBLISHED).events
    assert {e.plover_type for e in events} == {"COERCE", "ASSAULT"}
    act = next(e for e in events if e.plover_type == "ASSAULT")
    assert act.trigger == "murder" and "nurse" in act.sources[0].name


def test_the_victims_of_a_charged_act_are_its_targets(analyze_text):
    act = _charged(analyze_text("A former employee has been charged in the killings of three guards.",
                                published=PUBLISHED))[0]
    assert "employee" in act.sources[0].name and any("guards" in t.name for t in act.targets)


@pytest.mark.parametrize("sentence", [
    "A man has denied arson after a fire at the warehouse.",
    "The driver pleaded not guilty to manslaughter.",
])
def test_a_denied_act_is_negated(analyze_text, sentence):
    events = _charged(analyze_text(sentence, published=PUBLISHED))
    assert events and all(e.negated for e in events)


def test_a_verdict_of_guilty_is_the_courts_accusation_and_codes_no_act(analyze_text):
    events = analyze_text("The judge found the gunman guilty of attempted murder.", published=PUBLISHED).events
    assert [(e.plover_type, e.rule) for e in events] == [("ACCUSE", VERDICT_RULE)]
    assert "judge" in events[0].sources[0].name.lower() and "gunman" in events[0].targets[0].name
    assert events[0].cameo == "116"


def test_a_verdict_of_not_guilty_accuses_no_one(analyze_text):
    events = analyze_text("The jury found the mayor not guilty of bribery.", published=PUBLISHED).events
    assert not [e for e in events if e.rule == VERDICT_RULE]

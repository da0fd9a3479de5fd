"""Who acts and on whom, fifth round (constructed sentences; only the installed model needed)."""

import pytest

from tests.events.helpers import coded_event, names_of


@pytest.mark.parametrize("text, trigger, doer", [
    ("That means continuing one thing Senator Ames has been doing for months: bashing Governor Pratt.",
     "bashing", "Ames"),
    ("It is the one job the union has always done well: criticizing the mayor.", "criticizing", "union"),
    ("Governor Pratt returned to Albany on Monday. He resumed the work he loved: attacking the senator's record.",
     "attacking", "Pratt"),
])
def test_a_gerund_after_a_colon_is_done_by_whoever_does_the_noun_it_restates(analyze_text, text, trigger, doer):
    event = coded_event(analyze_text(text), trigger)
    assert any(doer in name for name in names_of(event.sources))


@pytest.mark.parametrize("text, trigger", [
    ("Senator Ames and Governor Pratt accused each other of lying to voters.", "accused"),
    ("The two rivals are questioning each other's honesty.", "questioning"),
    ("The two contenders are questioning the other's fitness to lead.", "questioning"),
    ("The two countries have accused one another of violating the ceasefire.", "accused"),
])
def test_a_reciprocal_target_is_the_doers_themselves(analyze_text, text, trigger):
    event = coded_event(analyze_text(text), trigger)
    assert event.sources
    assert names_of(event.targets) == names_of(event.sources)


def test_the_other_after_one_doer_is_someone_else(analyze_text):
    event = coded_event(analyze_text("Senator Ames criticized the other candidate."), "criticized")
    assert names_of(event.targets) == ["the other candidate"]


def test_what_reciprocal_accusers_are_accused_of_was_done_by_them(analyze_text):
    event = coded_event(analyze_text("The two countries have accused one another of violating the ceasefire."),
                        "violating")
    assert names_of(event.sources) == ["The two countries"]


@pytest.mark.parametrize("text, trigger, sector", [
    ("The subpoenas were disclosed on Thursday.", "subpoenas", "JUD"),
    ("All three subpoenas focus on the closure of the bridge.", "subpoenas", "JUD"),
])
def test_an_unnamed_issuer_of_subpoenas_is_a_judicial_authority(analyze_text, text, trigger, sector):
    event = coded_event(analyze_text(text), trigger)
    assert [s.sector for s in event.sources] == [sector]

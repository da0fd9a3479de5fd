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


@pytest.mark.parametrize("text, trigger, author", [
    ("Senator Ames posted a video that mocked Governor Pratt.", "mocked", "Ames"),
    ("A campaign ad by Senator Ames attacks Governor Pratt.", "attacks", "Ames"),
    ("Senator Ames shared a Facebook post that criticized Governor Pratt.", "criticized", "Ames"),
    ("The union issued a statement that criticized Governor Pratt.", "criticized", "union"),
    ("A statement released by the union criticized Governor Pratt.", "criticized", "union"),
    ("The city council adopted a resolution which condemns the governor.", "condemns", "council"),
    ("Senator Ames's tweets accusing Governor Pratt of fraud were deleted.", "accusing", "Ames"),
    ("Senator Ames unleashed a series of tweets criticizing Governor Pratt.", "criticizing", "Ames"),
    ("The union issued a policy paper welcoming the governor's plan and criticizing the mayor.", "criticizing", "union"),
])
def test_a_medium_speaks_for_its_author(analyze_text, text, trigger, author):
    event = coded_event(analyze_text(text), trigger)
    assert any(author in name for name in names_of(event.sources))
    assert not any(name.lower().startswith(("a ", "the ")) and author not in name for name in names_of(event.sources))


def test_a_medium_from_a_time_has_no_author(analyze_text):
    event = coded_event(analyze_text("A post from last week criticized Governor Pratt."), "criticized")
    assert "week" not in " ".join(names_of(event.sources))


def test_whom_in_a_relative_clause_is_the_noun_it_follows(analyze_text):
    event = coded_event(analyze_text("Governor Pratt, whom Senator Ames has called a liar, said nothing."), "called")
    assert names_of(event.sources) == ["Ames"]
    assert names_of(event.targets) == ["Pratt"]


@pytest.mark.parametrize("text", [
    "Governor Pratt said the unions and the press are to blame for the crisis.",
    "The unions are to blame, Governor Pratt said.",
])
def test_those_to_blame_are_blamed_by_whoever_says_so(analyze_text, text):
    event = coded_event(analyze_text(text), "blame")
    assert names_of(event.sources) == ["Pratt"]
    assert any("unions" in name for name in names_of(event.targets))


def test_blaming_someone_keeps_its_subject(analyze_text):
    event = coded_event(analyze_text("Ames said he would blame the unions."), "blame")
    assert names_of(event.sources) == ["Ames"]
    assert names_of(event.targets) == ["the unions"]


def test_calling_for_someone_to_act_asks_them(analyze_text):
    event = coded_event(analyze_text("Senator Ames called for the striking dockworkers to return to work."), "called")
    assert names_of(event.targets) == ["the striking dockworkers"]


@pytest.mark.parametrize("text, trigger, meant", [
    ("The mayor met the union leaders on Monday and urged them to end the strike.", "urged", "union leaders"),
    ("The dockworkers walked out on Monday. Governor Pratt criticized them on Tuesday.", "criticized", "dockworkers"),
    ("Senator Ames thanked the volunteers and praised them for their work.", "praised", "volunteers"),
])
def test_an_object_them_is_the_plural_before_it(analyze_text, text, trigger, meant):
    event = coded_event(analyze_text(text), trigger)
    assert any(meant in name for name in names_of(event.targets))


def test_them_is_not_its_own_clauses_subject(analyze_text):
    event = coded_event(analyze_text("A group of parents sent a letter to the school board urging them to reconsider."),
                        "urging")
    assert not any("parents" in name for name in names_of(event.targets))


def test_criticizing_a_named_medium_aims_at_its_author(analyze_text):
    event = coded_event(analyze_text("Governor Pratt criticized a Donald Trump ad."), "criticized")
    assert names_of(event.targets) == ["Donald Trump"]

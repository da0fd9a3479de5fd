"""Who acts and on whom, fourth round (constructed sentences; only the installed model needed)."""

import pytest

from tests.events.helpers import coded_event, names_of


def test_a_quantifier_stands_for_the_people_after_its_of(analyze_text):
    analyzed = analyze_text("But at least some of the longtime tenants of the building took issue with the landlord's plan.")
    assert any("tenants" in name for name in names_of(coded_event(analyzed, "took").sources))


def test_many_of_a_group_acts_as_that_group(analyze_text):
    analyzed = analyze_text("Many of the delegates criticized Governor Alma Reyes on Friday.")
    assert "delegates" in coded_event(analyzed, "criticized").sources[0].name


def test_a_deed_done_at_someones_request_was_asked_of_its_doer(analyze_text):
    analyzed = analyze_text("Mayor Ilse Brook will meet with Senator Tom Varga on Thursday at Varga's request.")
    event = coded_event(analyzed, "request")
    assert names_of(event.sources) == ["Tom Varga"]
    assert names_of(event.targets) == ["Ilse Brook"]


def test_an_object_pronoun_in_reported_speech_is_the_reporter(analyze_text):
    analyzed = analyze_text("Mr. Dale Levin said neither Senator Tom Varga's office nor the police had contacted him about the photo.")
    assert names_of(coded_event(analyzed, "contacted").targets) == ["Dale Levin"]


def test_a_reported_object_pronoun_of_the_other_gender_is_not_the_reporter(analyze_text):
    analyzed = analyze_text("Mrs. Anna Kovacs said the mayor had criticized him in public.")
    assert "Anna Kovacs" not in names_of(coded_event(analyzed, "criticized").targets)


def test_a_reported_object_pronoun_is_not_the_reporter_when_the_reporter_may_be_the_subject(analyze_text):
    analyzed = analyze_text("Tom Varga said he had criticized him.")
    assert "Tom Varga" not in names_of(coded_event(analyzed, "criticized").targets)


def test_pieces_of_hyphenated_adjectives_are_never_targets(analyze_text):
    analyzed = analyze_text("The council resolution condemns anti-Muslim, anti-refugee, and anti-immigrant "
                            "speech from Vladimir Putin and others.")
    event = coded_event(analyzed, "condemns")
    assert not any(name.startswith(("anti", "-")) for name in names_of(event.targets))
    assert "Vladimir Putin" in names_of(event.targets)


def test_described_people_are_of_the_only_country_a_short_text_names(analyze_text):
    analyzed = analyze_text("A group of Yoruba elders said they would forgive Nigerian President Olusegun Obasanjo.")
    assert coded_event(analyzed, "forgive").sources[0].country == "NGA"


def test_a_described_source_gets_no_country_from_a_text_about_two(analyze_text):
    analyzed = analyze_text("Islamic fundamentalists in a town near the border demanded that Kenya and Uganda release the prisoners.")
    assert all(s.country is None for s in coded_event(analyzed, "demanded").sources)


@pytest.mark.parametrize("sentence, visited", [
    ("The letter was signed by dozens of teachers at Hillcrest College, the private school in Ohio, "
     "ahead of Mr. Varga's visit there on Thursday.", "Hillcrest College"),   # a named body before its town
    ("Aid workers arrived in Kandahar on Monday, a week before the minister's visit there.", "Kandahar"),
    ("The letter was signed by teachers at Hillcrest, the Lutheran College in Ohio, "
     "ahead of Mr. Varga's visit there on Thursday.", "Hillcrest"),           # the name, not its gloss
])
def test_a_visit_there_visits_what_the_sentence_named_before(analyze_text, sentence, visited):
    assert names_of(coded_event(analyze_text(sentence), "visit").targets) == [visited]


def test_a_walkout_after_a_quarrel_protests_against_the_one_argued_with(analyze_text):
    analyzed = analyze_text("Owen Brand, a columnist, walked off the set of a television program in London "
                            "after arguing with the host about the attack.")
    assert names_of(coded_event(analyzed, "walked").targets) == ["the host"]


def test_a_bomb_as_the_doer_stands_for_bombers_of_the_town_it_went_off_in(analyze_text):
    analyzed = analyze_text("A roadside bomb near the town of Samarra killed one U.S. soldier on Sunday.")
    assert coded_event(analyzed, "killed").sources[0].country == "IRQ"


def test_a_bare_number_of_people_arrested_are_of_the_country_in_sight(analyze_text):
    analyzed = analyze_text("Egyptian police opened fire on demonstrators on Monday night, killing one person and arresting 12.")
    assert [t.country for t in coded_event(analyzed, "arresting").targets] == ["EGY"]


def test_a_hyphenated_place_name_stays_a_target(analyze_text):
    analyzed = analyze_text("Rebel units headed for Rostov-on-Don on Saturday.")
    assert any("Rostov" in name for name in names_of(coded_event(analyzed, "headed").targets))

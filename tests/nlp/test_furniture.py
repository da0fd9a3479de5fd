"""Page furniture is found line by line, and never taken for the story (lines of our own)."""

from __future__ import annotations

import pytest

from newsprism.nlp.furniture import find_furniture, furniture_at


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(text[f.start:f.end], f.kind) for f in find_furniture(text)]


@pytest.mark.parametrize(("line", "kind"), [
    ("Maria Lopez via Getty Images.", "credit"),
    ("Getty.", "credit"),
    ("Photo: Ben Hale/AFP", "credit"),
    ("Riot police stand guard outside parliament in the capital on Tuesday. REUTERS/Anna Berg", "caption"),
    ("Soldiers patrol a street in the northern town on Friday. (AP Photo/Tom Reyes)", "caption"),
    ("By Lena Fischer and Omar Haddad", "byline"),
    ("BY JOHN CARTER, Associated Press", "byline"),
    ("Reporting by Sam Ode; Editing by Kim Law", "byline"),
    ("Read more: Rebels seize second dam as talks stall", "read-more"),
    ("RELATED: What the ceasefire means for the border towns", "read-more"),
    ("Advertisement", "boilerplate"),
])
def test_a_furniture_line_is_found_with_its_kind(line, kind):
    text = f"The army withdrew from the town on Monday.\n\n{line}\n\nTalks resumed on Tuesday."
    assert _kinds(text) == [(line, kind)]


@pytest.mark.parametrize("line", [
    "MOSCOW (Reuters) - Russian forces shelled the town on Monday, officials said.",
    "By the time the talks began, the rebels had left the dam.",
    "The latest Reuters/Ipsos poll shows the race tightening.",
    "Photos showed mourners gathered outside the mosque.",
    "More than 40 people were arrested, police said.",
])
def test_a_story_line_is_not_furniture(line):
    assert find_furniture(line) == []


def test_headlines_listed_under_a_related_header_are_related_headlines():
    text = ("Police arrested the gang's leader.\n\nRelated:\nRebels seize dam in the north\n"
            "Talks on water sharing collapse\n\nThe minister defended the arrests.")
    assert _kinds(text) == [("Related:", "read-more"), ("Rebels seize dam in the north", "related-headline"),
                            ("Talks on water sharing collapse", "related-headline")]


def test_furniture_at_names_the_kind_of_a_span_it_holds():
    text = "Police arrested the gang's leader.\nAnna Berg via Getty Images.\n"
    spans = find_furniture(text)
    assert furniture_at(spans, 35, 62) == "credit" and furniture_at(spans, 0, 34) is None


def test_a_caption_is_never_coded_as_an_event(analyze_text):
    text = ("Talks between the two sides resumed in Geneva on Monday.\n\n"
            "Riot police fire tear gas at protesters in the capital on Sunday. REUTERS/Anna Berg\n\n"
            "Read more: Troops attack rebel base in the north\n\n"
            "The envoy said progress had been made.")
    events = analyze_text(text, published="2024-03-04").events
    assert all(text.find("Riot police") > e.start or e.start > text.find("The envoy") for e in events), events
    assert {e.plover_type for e in events} <= {"CONSULT"}

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
    (("Editor's note: The senator is a frequent guest on this programme and has threatened to sue two rivals "
      "who attacked him, which readers should weigh as they read on."), "note"),
    ("Correction: A previous version misnamed the town where the militia seized a dam.", "note"),
    ("CLARIFICATION: The second paragraph now says the minister urged, not ordered, a pause.", "note"),
    ("This story has been updated with comments from the mayor's office.", "note"),
    ("This article was corrected to say the protest took place on Friday.", "note"),
    ("An earlier version of this post said the governor vetoed the bill.", "note"),
    ("This piece first appeared on a regional policy blog.", "note"),
    ("Sign up for our morning newsletter.", "subscription"),
    ("Want more on the campaign? Subscribe to our weekly podcast here.", "subscription"),
    ("Follow Dana Ortiz on Twitter @danaortiz.", "subscription"),
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
    "Correction officers at the county jail went on strike on Monday.",
    "The editor's notes were seized by police during the raid.",
    "Critics said the story had been updated too late to matter.",
    "Thousands of voters sign up for early ballots each year, officials said.",
])
def test_a_story_line_is_not_furniture(line):
    assert find_furniture(line) == []


def test_headlines_listed_under_a_related_header_are_related_headlines():
    text = ("Police arrested the gang's leader.\n\nRelated:\nRebels seize dam in the north\n"
            "Talks on water sharing collapse\n\nThe minister defended the arrests.")
    assert _kinds(text) == [("Related:", "read-more"), ("Rebels seize dam in the north", "related-headline"),
                            ("Talks on water sharing collapse", "related-headline")]


def test_the_lines_under_a_bare_correction_label_are_the_correction():
    text = ("Police arrested the gang's leader.\n\nCORRECTION:\n\nAs published in the print edition.\n\n"
            "An article on Monday misstated the number of arrests.")
    kinds = _kinds(text)
    assert [k for _, k in kinds] == ["note", "note", "note"] and kinds[-1][0].startswith("An article on Monday")


def test_the_line_under_a_bare_editors_note_label_is_the_note_and_the_story_goes_on():
    text = ("Editor's note:\nThe author advised the senator's campaign in 2014.\n\n"
            "The senator attacked the governor's budget on Tuesday.")
    assert _kinds(text) == [("Editor's note:", "note"), ("The author advised the senator's campaign in 2014.", "note")]


def test_an_editors_note_mid_article_is_never_coded(analyze_text):
    text = ("The senator criticized the governor on Monday.\n\n"
            "Editor's note: The governor has repeatedly threatened to ban the newspaper from his briefings.\n\n"
            "The governor replied on Tuesday.")
    events = analyze_text(text).events
    assert events and not any(e.plover_type == "THREATEN" for e in events)


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

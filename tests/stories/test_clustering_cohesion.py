"""Story clustering keeps apart two happenings of the same kind that each have several reports."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.stories import clustering
from newsprism.stories.clustering import assign_stories
from newsprism.stories.similarity import StoryText, similarity_matrix

# Two earthquakes in the same mountain province: the topic words are shared, the towns, magnitudes
# and casualties are not.
NORTH_QUAKE = [
    "A magnitude 5.8 earthquake shook the mountain province, toppling the mosque in Varda town; "
    "eleven villagers died and rescuers dug through the rubble of Varda all night.",
    "Eleven people were killed in Varda when the 5.8 quake hit the mountain province; the Varda "
    "mosque collapsed and the governor sent tents to the homeless villagers.",
    "Rescuers in Varda pulled survivors from the fallen mosque after the magnitude 5.8 earthquake "
    "in the mountain province; the death toll in Varda stands at eleven.",
]
SOUTH_QUAKE = [
    "A magnitude 6.4 earthquake struck the mountain province near the dam at Lorn, cracking the "
    "Lorn bridge; three shepherds were injured and rescuers reached Lorn by helicopter.",
    "The 6.4 quake in the mountain province damaged the Lorn bridge and the dam; three injured "
    "shepherds were flown from Lorn as rescuers checked the dam wall.",
    "Engineers inspected the cracked dam and bridge at Lorn after the magnitude 6.4 earthquake hit "
    "the mountain province; three shepherds from Lorn were injured.",
]


def texts(reports: list[str], prefix: str) -> list[StoryText]:
    return [StoryText(f"{prefix}{i}", words, (), date(2025, 3, 11)) for i, words in enumerate(reports)]


def stories(items: list[StoryText], threshold: float = 0.10) -> dict[str, str]:
    return {a.article_id: a.story_id for a in assign_stories(items, {}, threshold, 7)}


def test_reports_of_two_earthquakes_in_one_province_are_two_stories():
    items = texts(NORTH_QUAKE, "n") + texts(SOUTH_QUAKE, "s")
    sim = similarity_matrix(items, "tfidf", "")
    assert sim[0, 3] > 0.10                      # alike enough to merge on the threshold alone
    result = stories(items)
    assert len({result[f"n{i}"] for i in range(3)}) == 1
    assert len({result[f"s{i}"] for i in range(3)}) == 1
    assert result["n0"] != result["s0"]


def test_without_the_cohesion_rule_the_two_earthquakes_merge(monkeypatch):
    monkeypatch.setattr(clustering, "COHESION_RATIO", 0.0)
    items = texts(NORTH_QUAKE, "n") + texts(SOUTH_QUAKE, "s")
    assert len(set(stories(items).values())) == 1


def test_a_single_loosely_worded_follow_up_still_joins_its_story():
    follow_up = StoryText("f", "Aid lorries reached the mountain province on Tuesday; Varda villagers "
                               "who lost homes are sleeping in tents.", (), date(2025, 3, 12))
    result = stories(texts(NORTH_QUAKE, "n") + [follow_up])
    assert result["f"] == result["n0"]


def test_a_new_group_of_reports_stays_apart_from_a_stored_story_of_the_other_quake():
    first = stories(texts(NORTH_QUAKE, "n"))
    items = texts(NORTH_QUAKE, "n") + texts(SOUTH_QUAKE, "s")
    result = {a.article_id: a for a in assign_stories(items, first, 0.10, 7)}
    assert set(result) == {"s0", "s1", "s2"}
    assert all(a.opened for a in result.values())
    assert len({a.story_id for a in result.values()} | {first["n0"]}) == 2


@pytest.mark.parametrize("threshold", [0.08, 0.12])
def test_the_split_does_not_hinge_on_the_exact_threshold(threshold):
    result = stories(texts(NORTH_QUAKE, "n") + texts(SOUTH_QUAKE, "s"), threshold)
    assert len(set(result.values())) == 2

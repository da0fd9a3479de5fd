"""Story clustering: incremental, stable ids, copies with originals, time window, backends."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.errors import NewsprismError
from newsprism.stories.clustering import assign_stories
from newsprism.stories.similarity import (
    SimilarityBackendMissing,
    StoryText,
    check_backend,
    protagonist_penalty,
    protagonists,
    similarity_matrix,
)

DAM = ("Militia seizes the Selva dam on the Orin river; guards killed as fighters take the spillway "
       "and the turbines stop. The militia commander threatens to open the floodgates.")
DAM_2 = ("Fighters holding the Selva dam on the Orin river refuse to leave the spillway; the militia "
         "commander repeats his threat to open the floodgates as turbines stay idle.")
QUAKE = ("An earthquake of magnitude 6.1 struck the coast, collapsing houses in fishing villages; "
         "rescuers searched the rubble for survivors through the night.")
QUAKE_2 = ("Rescuers dug through rubble in fishing villages after the magnitude 6.1 earthquake flattened "
           "houses along the coast; survivors slept outdoors.")


def text(article_id: str, words: str, published: date | None = date(2025, 3, 11), names: tuple[str, ...] = ()) -> StoryText:
    return StoryText(article_id, words, names, published)


def test_new_batch_joins_stored_story_and_opens_a_new_one():
    first = assign_stories([text("a", DAM), text("q", QUAKE)], {}, 0.15, 7)
    stored = {a.article_id: a.story_id for a in first}
    assert stored["a"] != stored["q"]
    second = assign_stories([text("a", DAM), text("q", QUAKE), text("b", DAM_2), text("r", QUAKE_2)], stored, 0.15, 7)
    joined = {a.article_id: a for a in second}
    assert set(joined) == {"b", "r"}           # stored articles are never reassigned
    assert joined["b"].story_id == stored["a"] and not joined["b"].opened
    assert joined["r"].story_id == stored["q"]


def test_story_ids_are_stable_across_runs_from_scratch():
    items = [text("a", DAM), text("b", DAM_2), text("q", QUAKE)]
    once = {a.article_id: a.story_id for a in assign_stories(items, {}, 0.15, 7)}
    again = {a.article_id: a.story_id for a in assign_stories(items, {}, 0.15, 7)}
    assert once == again
    assert once["a"] == once["b"] != once["q"]


def test_two_stored_stories_are_never_merged():
    stored = {"a": "s1", "b": "s2"}
    result = assign_stories([text("a", DAM), text("b", DAM_2), text("c", DAM)], stored, 0.15, 7)
    assert [(a.article_id, a.story_id in ("s1", "s2")) for a in result] == [("c", True)]


def test_articles_weeks_apart_do_not_join():
    items = [text("a", DAM, date(2025, 3, 11)), text("b", DAM_2, date(2025, 5, 1))]
    result = {a.article_id: a.story_id for a in assign_stories(items, {}, 0.15, 7)}
    assert result["a"] != result["b"]


def test_syndicated_copy_goes_with_its_original_even_when_dissimilar():
    items = [text("a", DAM), text("copy", QUAKE)]
    result = {a.article_id: a.story_id for a in assign_stories(items, {}, 0.15, 7, copy_of={"copy": "a"})}
    assert result["copy"] == result["a"]


def test_shared_names_raise_similarity():
    plain = similarity_matrix([text("a", "talks were held today"), text("b", "talks were held today")], "tfidf", "")
    named = similarity_matrix([text("a", DAM, names=("actor:x",)), text("b", QUAKE, names=("actor:x",))], "tfidf", "")
    unnamed = similarity_matrix([text("a", DAM), text("b", QUAKE)], "tfidf", "")
    assert plain[0, 1] > 0.99
    assert named[0, 1] > unnamed[0, 1]


def test_different_protagonists_lower_similarity():
    # "Reid enters rehab" and "Lohan enters rehab": same words, different people.
    reid = StoryText("r", "Reid entered rehab. Reid's publicist confirmed Reid is in rehab.", (), None, ("reid",))
    lohan = StoryText("l", "Lohan entered rehab. Lohan's publicist confirmed Lohan is in rehab.", (), None, ("lohan",))
    again = StoryText("r2", "Reid is in rehab, her publicist said of Reid.", (), None, ("reid",))
    factor = protagonist_penalty([reid, lohan, again])
    assert factor[0, 1] < 1.0 and factor[0, 2] == 1.0


def test_protagonists_keep_everyone_named_half_as_often_as_the_first():
    from collections import Counter

    assert protagonists(Counter({"blinken": 5, "putin": 5, "miller": 1}), ["blinken", "putin", "miller"]) == ("blinken", "putin")


def test_unknown_backend_is_a_one_line_error():
    with pytest.raises(NewsprismError, match="similarity_backend='bert': unknown backend"):
        check_backend("bert", "")


def test_missing_embedding_package_says_what_to_install():
    with pytest.raises(SimilarityBackendMissing, match="install torch==2.13.0"):
        check_backend("embedding", "no_such_embedding_package_installed")

"""The story stage reads a group of stories' rows at once; each story must get exactly its own."""

from __future__ import annotations

from newsprism.store import Store
from newsprism.stories.analysis import GroupQueries, story_rows


def test_a_group_of_stories_read_at_once_gives_each_story_the_same_rows(examples_store):
    with Store(examples_store, read_only=True) as store:
        ids = [r["id"] for r in store.query("SELECT id FROM stories")]
        members = [r["article_id"] for r in store.query("SELECT article_id FROM story_articles")]
        grouped = GroupQueries(store, members)
        for story_id in ids:
            assert story_rows(grouped, story_id) == story_rows(store, story_id)

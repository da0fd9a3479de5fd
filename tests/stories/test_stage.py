"""The store stage: incremental runs keep story ids, rerunning changes nothing, bad settings fail clearly."""

from __future__ import annotations

import pytest

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.pipeline import run_analysis
from newsprism.store import Store
from newsprism.stories import update_stories
from tests.conftest import EXAMPLES

CRISIS = sorted((EXAMPLES / "crisis").glob("*.txt"))


def test_second_batch_joins_the_first_batchs_story(tmp_path):
    db = tmp_path / "s.duckdb"
    settings = Settings(db_path=db)
    manifest = EXAMPLES / "crisis" / "manifest.jsonl"
    with Store(db) as store:
        run_analysis([str(p) for p in CRISIS[:3]] + [str(manifest)], settings, store)
        first = {r["article_id"]: r["story_id"] for r in store.query("SELECT * FROM story_articles")}
        assert len(set(first.values())) == 1
        run_analysis([str(p) for p in CRISIS] + [str(manifest)], settings, store)
        second = {r["article_id"]: r["story_id"] for r in store.query("SELECT * FROM story_articles")}
        assert len(second) == len(CRISIS)
        assert {second[a] for a in first} == set(first.values())      # ids kept
        assert set(second.values()) == set(first.values())              # the rest joined it
        claims = store.query("SELECT id, status FROM claims ORDER BY id")
        update_stories(store, settings)                                  # nothing new: nothing changes
        assert store.query("SELECT id, status FROM claims ORDER BY id") == claims
        story = store.query("SELECT * FROM stories")[0]
        assert story["article_count"] == len(CRISIS) and "VESTA" in story["outlets"]


def test_unknown_backend_stops_the_stage_with_one_line(tmp_path):
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(NewsprismError) as error:
        update_stories(store, Settings(similarity_backend="lsa"))
    assert "\n" not in str(error.value) and "similarity_backend='lsa'" in str(error.value)


def test_a_large_batch_is_clustered_in_groups_that_join_the_same_story(tmp_path, monkeypatch):
    # Groups of three new articles at a time (the default is thousands): each group joins the
    # story the groups before it opened, so the example corpus is still one story.
    from newsprism.stories import stage

    monkeypatch.setattr(stage, "CLUSTER_GROUP", 3)
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        run_analysis([str(p) for p in CRISIS] + [str(EXAMPLES / "crisis" / "manifest.jsonl")], Settings(db_path=db), store)
        stories = {r["story_id"] for r in store.query("SELECT story_id FROM story_articles")}
        assert len(stories) == 1 and store.query("SELECT count(*) AS n FROM story_articles")[0]["n"] == len(CRISIS)

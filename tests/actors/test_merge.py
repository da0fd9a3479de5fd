"""merge_actors: one store record per real-world actor, every reference rewritten."""

from __future__ import annotations

import pytest

from newsprism.actors import merge_actors
from newsprism.actors.merge import StoredActor, plan_merges
from newsprism.config import Settings
from newsprism.store import Store


def stored(actor_id, name, country=None, kind="person", mentions=1, aliases=()):
    return StoredActor(actor_id, name, kind, country, "GOV", list(aliases), mentions)


def test_a_surname_joins_its_full_name():
    plans = plan_merges([stored("a", "Vladimir Putin", "RUS"), stored("b", "Putin"), stored("c", "Sergei Shoigu", "RUS")])
    assert [(keep.id, [o.id for o in others]) for keep, others in plans] == [("a", ["b"])]


def test_transliterations_of_one_name_merge():
    plans = plan_merges([stored("a", "Sergey Lavrov", "RUS", mentions=5), stored("b", "Sergei Lavrov", "RUS")])
    assert [(keep.id, [o.id for o in others]) for keep, others in plans] == [("a", ["b"])]


def test_conflicting_countries_or_ambiguous_surnames_stay_apart():
    assert plan_merges([stored("a", "John Smith", "USA"), stored("b", "Smith", "GBR")]) == []
    # "Smith" fits two different Smiths: it is left alone.
    plans = plan_merges([stored("a", "John Smith", "USA"), stored("b", "Jane Smith", "USA"), stored("c", "Smith")])
    assert plans == []


def test_an_organisation_named_by_anothers_alias_merges():
    plans = plan_merges([stored("a", "Wagner Group", "RUS", kind="organisation", aliases=["Wagner PMC"]),
                         stored("b", "Wagner PMC", None, kind="organisation")])
    assert [(keep.id, [o.id for o in others]) for keep, others in plans] == [("a", ["b"])]


@pytest.fixture()
def store():
    with Store(":memory:") as opened:
        opened.insert_rows("actors", [
            {"id": "full", "name": "Vladimir Putin", "kind": "person", "country": "RUS", "sector": "GOV", "aliases": ["Putin"]},
            {"id": "short", "name": "Putin", "kind": "person", "country": None, "sector": None, "aliases": ["the Russian leader"]},
        ])
        opened.insert_rows("actor_mentions", [
            {"article_id": "a1", "actor_id": "full", "sentence_index": 0, "start": 0, "end": 14, "text": "Vladimir Putin", "how": "name"},
            {"article_id": "a2", "actor_id": "short", "sentence_index": 0, "start": 0, "end": 5, "text": "Putin", "how": "name"},
        ])
        opened.insert_rows("event_actors", [{"event_id": "e1", "role": "source", "position": 0, "actor_id": "short",
                                             "name": "Putin", "country": None, "sector": None, "start": 0, "end": 5}])
        opened.insert_rows("quotes", [{"id": "q1", "article_id": "a2", "sentence_index": 0, "start": 10, "end": 20,
                                       "text": "we will act", "direct": True, "speaker": "Putin", "speaker_actor_id": "short"}])
        yield opened


def test_merge_rewrites_every_reference(store):
    assert merge_actors(store, Settings()) == 1
    assert [r["id"] for r in store.query("SELECT id FROM actors")] == ["full"]
    assert {r["actor_id"] for r in store.query("SELECT actor_id FROM actor_mentions")} == {"full"}
    event = store.query("SELECT actor_id, name, country, sector FROM event_actors")[0]
    assert event == {"actor_id": "full", "name": "Vladimir Putin", "country": "RUS", "sector": "GOV"}
    assert store.query("SELECT speaker_actor_id FROM quotes")[0]["speaker_actor_id"] == "full"
    aliases = store.query("SELECT aliases FROM actors")[0]["aliases"]
    assert "the Russian leader" in aliases and "Putin" in aliases


def test_merge_is_idempotent(store):
    merge_actors(store, Settings())
    assert merge_actors(store, Settings()) == 0


def test_analyze_folds_a_surname_into_the_full_name_from_another_article(tmp_path, settings):
    from newsprism.pipeline import run_analysis

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Kuzin warns the West\n\nSpeaking in Moscow on Monday, Kuzin said Russia would respond.\n")
    (corpus / "b.txt").write_text("Talks in Minsk\n\nRussian President Boris Kuzin met Belarusian officials on Tuesday.\n")
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        run_analysis([str(corpus)], settings.with_(db_path=path), store)
        people = store.query("SELECT id, name, country, aliases FROM actors WHERE kind = 'person'")
        assert [(p["name"], p["country"]) for p in people] == [("Boris Kuzin", "RUS")]
        assert "Kuzin" in people[0]["aliases"]
        mentioned_in = store.query("SELECT DISTINCT article_id FROM actor_mentions WHERE actor_id = ?", [people[0]["id"]])
        assert len(mentioned_in) == 2

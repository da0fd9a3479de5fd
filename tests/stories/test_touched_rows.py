"""The run's touched articles' rows are copied once; reads of them answered from the copies are the store's own."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from newsprism.store import Store
from newsprism.stories.analysis import GroupQueries, story_rows
from newsprism.stories.touched_rows import TouchedRows, article_params

IN_IDS = "(SELECT unnest(?::VARCHAR[]))"


def test_every_story_gets_the_same_rows_from_the_copies_as_from_the_store(examples_store):
    with Store(examples_store, read_only=True) as store:
        ids = [r["id"] for r in store.query("SELECT id FROM stories")]
        members = [r["article_id"] for r in store.query("SELECT article_id FROM story_articles")]
        with TouchedRows(store, members) as touched:
            answered = []
            ask = touched.answers
            touched.answers = lambda sql, params: answered.append(ask(sql, params)) or answered[-1]
            for story_id in ids:
                assert story_rows(GroupQueries(touched, members), story_id) == story_rows(store, story_id)
            assert any(answered)


def test_a_read_of_an_article_not_copied_goes_to_the_store(examples_store):
    with Store(examples_store, read_only=True) as store:
        members = sorted(r["article_id"] for r in store.query("SELECT article_id FROM story_articles"))
        sql = f"SELECT article_id, sentence_index, text FROM sentences WHERE article_id IN {IN_IDS} ORDER BY 1, 2"
        with TouchedRows(store, members[1:]) as touched:
            assert touched.answers(sql, [members[1:3]])
            assert not touched.answers(sql, [members[:2]])
            assert not touched.answers(f"SELECT * FROM claims WHERE story_id IN {IN_IDS}", [members[1:3]])
            assert touched.query(sql, [members[:2]]) == store.query(sql, [members[:2]])
            assert touched.query(sql, [members[1:3]]) == store.query(sql, [members[1:3]])
        # Left, the copies are gone and every read is the store's.
        assert not touched.answers(sql, [members[1:3]])
        assert not store.query("SELECT table_name FROM duckdb_tables() WHERE temporary")


def test_only_the_placeholders_of_article_filters_are_checked():
    sql = f"SELECT * FROM actor_mentions m JOIN actors ac ON ac.id = m.actor_id WHERE ac.name IN {IN_IDS} " \
          f"AND m.article_id IN {IN_IDS}"
    assert article_params(sql, [["Harbour Police"], ["a1", "a2"]]) == [["a1", "a2"]]
    assert article_params(f"SELECT * FROM events WHERE id IN {IN_IDS}", [["e1"]]) == []
    assert article_params(sql, [["a1"]]) is None          # the parameters do not match the placeholders


def test_an_error_inside_the_copies_is_the_one_reported(examples_store, tmp_path):
    path = tmp_path / "copy.duckdb"
    shutil.copy(examples_store, path)
    with Store(path) as store:
        members = [r["article_id"] for r in store.query("SELECT article_id FROM story_articles")]
        with pytest.raises(duckdb.Error, match="no_such_table"):
            with store.transaction():
                with TouchedRows(store, members) as touched:
                    touched.query("SELECT * FROM no_such_table")

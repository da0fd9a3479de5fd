"""The store keeps its schema version, refuses what it cannot read, and writes all or nothing."""

from __future__ import annotations

import duckdb
import pytest

from newsprism.errors import NewsprismError
from newsprism.store import Store
from newsprism.store.schema import SCHEMA_VERSION


def test_new_store_records_its_schema_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.query("SELECT max(version) AS v FROM schema_version") == [{"v": SCHEMA_VERSION}]
        assert {"articles", "sentences", "entities", "dates", "cited_sources", "copies", "events", "quotes", "actors"} <= set(store.counts())


def test_store_from_a_newer_newsprism_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(NewsprismError, match="newer than this newsprism"):
        Store(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database")
    with pytest.raises(NewsprismError, match="notes.duckdb"):
        Store(path)


def test_failed_batch_leaves_nothing_behind(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.insert_rows("failures", [{"source": "a.txt", "reason": "empty file"}])
                raise RuntimeError("killed mid-batch")
        assert store.count("failures") == 0


def test_older_store_gains_missing_columns(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE quotes DROP COLUMN channel_detail")
    con.close()
    with Store(path) as store:
        columns = {r["column_name"] for r in store.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'quotes'")}
    assert "channel_detail" in columns

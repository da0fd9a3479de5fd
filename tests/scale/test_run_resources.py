"""What a run sets for its own resources: DuckDB's memory bound from Settings, and Python's
collector set for a long run and given back as it was."""

from __future__ import annotations

import gc

import pytest

from newsprism.collector import fewer_collections
from newsprism.pipeline import run_analysis
from newsprism.store import Store
from tests.conftest import EXAMPLES


def _duckdb_limit_mb(store: Store) -> float:
    """Return the store connection's memory_limit in MB (DuckDB shows it as '286.1 MiB')."""
    value, unit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0].split()
    return float(value) * {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024, "TiB": 1024 ** 2}[unit]


def test_a_store_is_bounded_by_the_documented_default(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        # DEFAULT_MEMORY_LIMIT is "2GB": DuckDB reports it in GiB.
        assert 1800 < _duckdb_limit_mb(store) < 2000


def test_a_run_applies_the_settings_memory_limit_to_its_store(tmp_path, settings):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = run_analysis([str(EXAMPLES / "does-not-exist")], settings.with_(db_path=db, duckdb_memory_limit="300MB"),
                              store)
        assert report.stored == 0
        assert 280 < _duckdb_limit_mb(store) < 300


def test_a_bad_memory_limit_is_one_line_naming_the_setting(tmp_path, settings):
    db = tmp_path / "s.duckdb"
    with Store(db) as store, pytest.raises(Exception, match="memory_limit='lots'"):
        run_analysis([], settings.with_(db_path=db, duckdb_memory_limit="lots"), store)


def test_the_collector_settings_come_back_after_a_run_even_one_that_raises():
    before = gc.get_threshold(), gc.get_freeze_count()
    with pytest.raises(RuntimeError), fewer_collections() as loaded:
        assert gc.get_threshold()[0] > before[0][0]
        loaded()
        raise RuntimeError("a stage failed")
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_cyclic_garbage_made_during_a_run_is_still_collected():
    class Node:
        def __init__(self) -> None:
            self.other = self

    with fewer_collections():
        node = Node()
        gone = __import__("weakref").ref(node)
        del node
        gc.collect()
        assert gone() is None


def test_the_web_snapshot_connection_is_bounded_too(tmp_path, monkeypatch):
    from newsprism.web.snapshot import SnapshotReader

    db = tmp_path / "s.duckdb"
    Store(db).close()
    monkeypatch.setenv("NEWSPRISM_MEMORY_LIMIT", "300MB")
    reader = SnapshotReader(db)
    try:
        reader.refresh(force=True)
        with reader.cursor() as con:
            value, unit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0].split()
        assert unit == "MiB" and 280 < float(value) < 300
    finally:
        reader.close()

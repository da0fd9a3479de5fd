"""The local run streams: batches are stored while files are still being read, every stage is
timed, and parsing with several processes gives the same store as with one."""

from __future__ import annotations

import pytest

from newsprism.pipeline import article_stages, run_analysis, stage_name
from newsprism.store import Store
from tests.scale.conftest import COMPARISON_INPUTS
from tests.scale.helpers import ecbplus_sample, table_contents

pytestmark = pytest.mark.shared


def test_two_parser_processes_store_the_same_as_one(tmp_path, settings, local_store):
    db = tmp_path / "two.duckdb"
    with Store(db) as store:
        report = run_analysis(COMPARISON_INPUTS, settings.with_(db_path=db, batch_size=4, workers=2), store)
    assert report.stored > 0 and not report.failures
    assert table_contents(db) == table_contents(local_store)


def test_batches_are_stored_before_all_files_are_read(tmp_path, settings):
    corpus = ecbplus_sample(tmp_path / "in", 12)
    seen: list[tuple[int, int, int]] = []
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        run_analysis([str(corpus)], settings.with_(db_path=db, batch_size=3), store,
                     lambda done, total, stored: seen.append((done, total, stored)))
    # Nothing waits for the whole corpus: articles reach the store while files remain unread.
    assert any(stored > 0 and done < total for done, total, stored in seen)
    assert seen[-1] == (12, 12, 12)


def test_every_stage_is_timed(tmp_path, settings):
    corpus = ecbplus_sample(tmp_path / "in", 3)
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = run_analysis([str(corpus)], settings.with_(db_path=db), store)
    expected = {"reading", "parsing", "sentences, entities, dates, cited sources", "store", "stories"}
    expected |= {stage_name(stage) for stage in article_stages()}
    assert expected <= set(report.seconds)
    assert all(seconds >= 0 for seconds in report.seconds.values())
    assert report.seconds["parsing"] > 0

"""The Ray engine stores exactly what a local run stores, and resumes from its shards."""

from __future__ import annotations

import pytest

from newsprism.pipeline import article_stages  # noqa: F401  (the stages both engines run)
from newsprism.scale.ray_engine import run_analysis_ray, shard_folder
from newsprism.scale.shards import analyzed_shard, write_shard
from newsprism.store import Store
from tests.conftest import SEEDS
from tests.scale.conftest import COMPARISON_INPUTS
from tests.scale.helpers import table_contents

pytestmark = pytest.mark.shared


@pytest.mark.ray
def test_ray_run_stores_the_same_as_a_local_run(tmp_path, settings, local_store):
    pytest.importorskip("ray.data")
    db = tmp_path / "ray.duckdb"
    with Store(db) as store:
        report = run_analysis_ray(COMPARISON_INPUTS, settings.with_(db_path=db, batch_size=4, workers=2), store)
        assert report.stored > 0 and not report.failures
        rerun = run_analysis_ray(COMPARISON_INPUTS, settings.with_(db_path=db, batch_size=4, workers=2), store)
    # Nothing left to analyse: the rerun stores nothing (and never starts Ray).
    assert rerun.stored == 0 and rerun.already_stored == report.stored
    assert table_contents(db) == table_contents(local_store)
    assert not shard_folder(settings.with_(db_path=db)).exists()


def test_shards_left_by_an_interrupted_ray_run_are_loaded_not_parsed_again(tmp_path, settings, analyze_text,
                                                                           seeds_store):
    # An interrupted Ray run left the analysed seeds as an output shard; the next run loads
    # it and finds nothing left to analyse, so Ray is not even started.
    from newsprism.ingest.metadata import build_article
    from newsprism.ingest.readers import read_file
    from newsprism.nlp.model import load_model
    from newsprism.pipeline import analyze_doc, text_for_parse

    db = tmp_path / "ray.duckdb"
    run_settings = settings.with_(db_path=db)
    nlp = load_model(settings.model, settings.spacy_components)
    manifests: dict = {}
    articles = [build_article(raw) for path in sorted(SEEDS.glob("*.txt")) for raw in read_file(path, 10**7, manifests)]
    write_shard(analyzed_shard([analyze_doc(a, nlp(text_for_parse(a))) for a in articles]),
                shard_folder(run_settings) / "part-00000.parquet")
    with Store(db) as store:
        report = run_analysis_ray([str(SEEDS)], run_settings, store)
    assert report.stored == 2 and report.already_stored == 2
    assert table_contents(db) == table_contents(seeds_store)


@pytest.mark.ray
def test_two_ray_workers_feed_the_story_stage_shard_by_shard_and_store_what_a_local_run_stores(tmp_path, settings):
    # Two analyser actors on a local Ray instance of two CPUs. With a story increment of 8
    # articles and shards of 4, stories are clustered while later shards are still being
    # analysed; a local run cut the same way stores exactly the same.
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    from newsprism.pipeline import run_analysis

    run = settings.with_(batch_size=4, story_increment=8)
    local_db = tmp_path / "local.duckdb"
    with Store(local_db) as store:
        run_analysis(COMPARISON_INPUTS, run.with_(db_path=local_db), store)
    db = tmp_path / "ray.duckdb"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        with Store(db) as store:
            report = run_analysis_ray(COMPARISON_INPUTS, run.with_(db_path=db, workers=2), store)
            # Clustered in two passes: once 8 articles were stored, and after the last shard.
            passes = store.query("SELECT count(DISTINCT joined_at) AS n FROM story_articles")[0]["n"]
    finally:
        ray.shutdown()
    assert 8 < report.stored < 16 and not report.failures
    assert passes == 2
    assert table_contents(db) == table_contents(local_db)

"""``newsprism analyze --engine ray``: the per-article stages on Ray, the store where it is.

The run has three steps:

1. Read (in the driver, streaming): articles already stored are skipped before any parsing;
   the rest go, one batch per Arrow shard, to Ray's object store.
2. Analyse (on Ray): Ray Data maps the input shards through a pool of
   ``ArticleAnalyzer`` actors, each loading the spaCy model once and running
   ``pipeline.parse_stream`` (so exactly the stages of a local run). Each result batch comes
   back to the driver, is written as an output Parquet shard, then loaded into DuckDB in one
   transaction with its copy links, and its shard file removed. Output shards left by an
   interrupted run are loaded first on the next run, so finished work is not parsed again.
3. Story-level stages: every ``Settings.story_increment`` stored articles are clustered as the
   shards land (while Ray analyses the next ones); the rest, and the comparison of every story
   that changed, run over the store after the last shard, as after a local run.

Reading stays in the driver because only it can see the store (to skip stored articles) and
the input files; on a cluster the shards reach the workers through Ray's object store, so
no shared file system is needed.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.ingest.copy_index import backfill_band_keys
from newsprism.ingest.readers import expand_inputs
from newsprism.nlp.model import load_model
from newsprism.pipeline import (
    RunReport,
    iter_articles,
    link_copies,
    parse_stream,
    run_store_stages,
    unstored_articles,
)
from newsprism.records import InputFailure
from newsprism.scale.shards import (
    analyzed_shard,
    article_rows,
    articles_from_rows,
    load_shard,
    shard_failures,
    write_shard,
)
from newsprism.store import Store
from newsprism.stories.increments import StoryIncrements


class ArticleAnalyzer:
    """A Ray actor: loads the model once, then turns input rows into an output shard."""

    settings = Settings()

    def __init__(self) -> None:
        self.nlp = load_model(self.settings.model, self.settings.spacy_components)

    def __call__(self, batch: pa.Table) -> pa.Table:
        articles = articles_from_rows(batch)
        # The same stream as a local run: long articles in parts, and a stage (or the parser)
        # that raises fails its article only; failures travel in the shard, after the articles.
        report = RunReport(max_article_chars=self.settings.max_article_chars)
        analysed = list(parse_stream(articles, self.nlp, self.settings.with_(workers=1, batch_size=max(1, len(articles))), report))
        return analyzed_shard([*analysed, *(f for f in report.failures if f.article_id)])


def analyzer_for(settings: Settings) -> type[ArticleAnalyzer]:
    """Return an ArticleAnalyzer class bound to ``settings``.

    The settings travel inside the pickled class rather than as constructor arguments, which
    Ray would keep in its object store for the actors' whole life.
    """
    return type("ArticleAnalyzer", (ArticleAnalyzer,), {"settings": settings})


def shard_folder(settings: Settings) -> Path:
    """Return the folder holding a store's Ray shards: beside the store file."""
    db = Path(str(settings.db_path))
    return db.with_name(db.name + ".shards")


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise NewsprismError("--engine ray needs Ray: run `pip install 'newsprism[ray]'` (or `pip install 'ray[data]'`)") from None
    return ray


def start_ray(address: str | None, workers: int):
    """Connect to the Ray cluster at ``address``, or start a local instance; return (ray, started).

    A local instance gets one CPU per worker plus one for Ray Data's read tasks (actors hold
    their CPU for the whole run), no dashboard, and a short temp folder (Ray's socket paths
    must stay under the Unix limit of 107 characters).
    """
    ray = _ray()
    if ray.is_initialized():
        return ray, False
    os.environ.setdefault("RAY_DEDUP_LOGS", "0")
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            temp = Path(tempfile.gettempdir()) / f"newsprism-ray-{os.getuid()}"
            temp.mkdir(parents=True, exist_ok=True)
            ray.init(num_cpus=workers + 1, include_dashboard=False, _temp_dir=str(temp),
                     log_to_driver=False, logging_level=logging.WARNING)
    except ConnectionError as exc:
        raise NewsprismError(f"{address}: cannot reach a Ray cluster ({str(exc).splitlines()[0]})") from None
    return ray, True


def _load(store: Store, shard: pa.Table, settings: Settings, report: RunReport, failures: list[InputFailure]) -> int:
    """Store one output shard with its copy links and the failures met so far; return how many
    articles it added."""
    started = time.perf_counter()
    # Articles, their records, the failures met so far and copy links land together or not at all.
    failed = shard_failures(shard)
    with store.transaction():
        loaded = load_shard(store, shard)
        if failures or failed:
            store.write_batch([], [*failures, *failed])
        copies = link_copies(store, loaded, settings)
    failures.clear()
    for failure in failed:
        report.add_article_failure(failure)
    report.copies += copies
    report.stored += len(loaded)
    report.already_stored += shard.num_rows - len(loaded) - len(failed)
    report.add_time("store", time.perf_counter() - started)
    return len(loaded)


def run_analysis_ray(paths: Sequence[str], settings: Settings, store: Store, address: str | None = None,
                     on_progress: Callable[[int, int, int], None] | None = None) -> RunReport:
    """Analyse the articles under ``paths`` into ``store`` with the per-article stages on Ray.

    ``settings.workers`` is the number of analyser actors. ``on_progress(articles_done,
    articles_to_analyse, articles_stored)`` is called as shards are loaded. The result is the
    same as ``pipeline.run_analysis`` on the same input.
    """
    report = RunReport()
    inputs = expand_inputs(list(paths))
    files, report.unread = inputs.files, inputs.unread
    report.failures.extend(InputFailure(m.source, m.reason) for m in inputs.missing)
    report.files = len(files)
    outputs = shard_folder(settings)
    store.set_memory_limit(settings.duckdb_memory_limit)   # as pipeline.run_analysis
    started = time.perf_counter()
    backfill_band_keys(store, settings.near_duplicate_threshold, settings.minhash_permutations)
    report.add_time("store", time.perf_counter() - started)
    unwritten: list[InputFailure] = list(report.failures)

    # The story stage consumes the shards as they are stored, as a local run's batches.
    increments = StoryIncrements(store, settings)
    # Output shards of an interrupted run hold finished work: store it before reading anything.
    for leftover in sorted(outputs.glob("part-*.parquet")) if outputs.is_dir() else []:
        increments.stored(_load(store, pq.read_table(leftover), settings, report, unwritten))
        leftover.unlink()

    ray, started_here = None, False
    try:
        # Input shards go to Ray's object store as they are read (it spills to disk beyond its
        # memory), so the driver holds one batch and remote workers need no shared file system.
        shards: list = []
        to_analyse = 0
        in_shard: set[str] = set()
        batch: list = []
        failures_seen = len(report.failures)
        for article in unstored_articles(iter_articles(files, settings, report, walked=inputs.walked), store, settings, report, in_shard):
            batch.append(article)
            # One input shard per batch: one Ray block, one actor call, one output shard, one transaction.
            if len(batch) >= settings.batch_size:
                if ray is None:
                    ray, started_here = start_ray(address, settings.workers)
                shards.append(ray.put(article_rows(batch)))
                to_analyse += len(batch)
                # Duplicates are only looked for within a shard, so this set stays small; one met
                # again in a later shard is parsed twice and stored once (the loader skips it).
                batch = []
                in_shard.clear()
        if batch:
            if ray is None:
                ray, started_here = start_ray(address, settings.workers)
            shards.append(ray.put(article_rows(batch)))
            to_analyse += len(batch)
        unwritten.extend(report.failures[failures_seen:])
        if shards:
            _analyse_on_ray(ray, shards, settings, store, report, unwritten, outputs, to_analyse, on_progress, increments)
    finally:
        if started_here:
            ray.shutdown()
    if unwritten:
        store.write_batch([], unwritten)
    shutil.rmtree(outputs, ignore_errors=True)
    run_store_stages(store, settings, report)
    return report


def _analyse_on_ray(ray, shards: list, settings: Settings, store: Store, report: RunReport,
                    unwritten: list[InputFailure], outputs: Path, to_analyse: int,
                    on_progress: Callable[[int, int, int], None] | None, increments: StoryIncrements) -> None:
    from ray.data import DataContext

    context = DataContext.get_current()
    # Shards come back in input order, so copies and actor aliases are decided as in a local run.
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    analysed = ray.data.from_arrow_refs(shards).map_batches(
        analyzer_for(settings), batch_size=settings.batch_size, batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=max(1, settings.workers)), num_cpus=1)
    started = time.perf_counter()
    done = 0
    for number, shard in enumerate(analysed.iter_batches(batch_size=None, batch_format="pyarrow")):
        report.add_time("analysing on Ray", time.perf_counter() - started)
        path = write_shard(shard, outputs / f"part-{number:05d}.parquet")
        added = _load(store, shard, settings, report, unwritten)
        path.unlink()
        # While the driver clusters, Ray goes on analysing the next shards.
        clustering = time.perf_counter()
        increments.stored(added)
        report.add_time("stories", time.perf_counter() - clustering)
        done += shard.num_rows
        if on_progress:
            on_progress(done, to_analyse, report.stored)
        started = time.perf_counter()

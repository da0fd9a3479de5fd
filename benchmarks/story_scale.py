"""Cost of the story stage as the store grows: 1,000 new articles added to 1k, 10k, 30k and 100k stored.

The stores are grown from the real corpora without parsing 100,000 articles again: the ECB+ and
BASIL articles are analysed once (the stores score_story_clustering.py builds, reused with
--store-dir) and clustered; then their rows (articles, sentences, entities, dates, actor
mentions, events, quotes, copies, and their stories with the story index) are written straight
into a new store, over and over, each repetition under new titles and ids and shifted in time
(REPLICA_SPACING days apart, so two repetitions of one story never share a window), with every
UNDATED_EVERY-th repetition undated (its articles join the first undated repetition's stories,
as newsprism itself would cluster them; --undated-stories separate keeps identical stories apart,
a store newsprism never builds). The articles are first clustered with their own dates (the
ECB+ ones, undated in the corpus, get a synthetic date per topic); then each story is given one
day of a REPLICA_SPACING-day block, so one repetition covers one block and the store's density
per day stays that of the corpus (about 100 articles a day) while its history grows. The 1,000
new articles are a further repetition dated two days after the last dated one (so most join its
stories), a tenth of them undated.

The grown stores carry the stories' comparison (claims, framing, voices) too, so that the new
articles update stored claims as in a store newsprism has run on; ``--analysis increments,whole``
measures the incremental update (update_stories) and whole rebuilds on copies of one store.

Each point runs in its own subprocess (peak RSS from /proc VmHWM covers only that run): it opens
the prepared store and runs the story stage (clustering, then the story analysis), timing both.
Rows "fresh 1k" and "fresh 10k" are whole runs' story stages: stores of 1,000 and 10,000
articles none of which is clustered yet.

    python benchmarks/story_scale.py --store-dir /tmp/stores [--sizes 1000,10000,30000,100000]
        [--search index|exact|auto] [--fresh 1000,10000] [--timeout 900] [--repeat 1]
        [--undated-every 10] [--undated-stories merged|separate] [--analysis increments,whole]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from _memory import peak_rss_mb  # noqa: E402

REPLICA_SPACING = 10      # days between two repetitions of the corpus
UNDATED_EVERY = 10        # every tenth repetition is undated
NEW_ARTICLES = 1_000
FIRST_DAY = "2012-01-02"
# Per-article tables and the columns holding ids that must be made unique per repetition.
REPLICATED = {
    "articles": ("id", "source", "content_hash"),
    "copies": ("article_id", "original_id"),
    "minhashes": ("article_id",),
    "sentences": ("article_id",),
    "entities": ("article_id",),
    "dates": ("article_id",),
    "cited_sources": ("article_id",),
    "actor_mentions": ("article_id",),
    "events": ("id", "article_id"),
    "event_actors": ("event_id",),
    "quotes": ("id", "article_id"),
}
STORY_REPLICATED = {
    "story_articles": ("story_id", "article_id", "copy_of"),
    "story_terms": ("story_id",),
}
# The stories' comparison tables: (columns holding a story's or claim's id, columns holding an
# article's or event's id). A merged undated story has one set of claims, which the later
# repetitions' events join (as an incremental update would have put them there).
CLAIM_REPLICATED = {
    "claims": (("id", "story_id"), ()),
    "claim_events": (("claim_id", "story_id"), ("event_id", "article_id")),
    "claim_outlets": (("claim_id", "story_id"), ()),
    "claim_contradictions": (("claim_id", "story_id"), ("event_a", "event_b")),
    "framing_terms": (("story_id",), ("article_id",)),
    "voices": (("story_id",), ()),
}


def build_base(folder: Path, store_dir: Path) -> Path:
    """Return a store of the ECB+ and BASIL articles with synthetic dates where missing, clustered and indexed."""
    from score_story_clustering import build_basil_store, build_ecbplus_store, cluster

    from newsprism.config import Settings
    from newsprism.store import Store
    from newsprism.store.duckdb_store import COLUMNS

    base = folder / "base.duckdb"
    if base.exists():
        return base
    settings = Settings(story_search="exact")
    sources = []
    for name, build in (("ecbplus", build_ecbplus_store), ("basil", build_basil_store)):
        with build(store_dir / f"{name}.duckdb", settings) as store:
            pass
        sources.append(store_dir / f"{name}.duckdb")
    with Store(base) as store:
        for k, source in enumerate(sources):
            store.con.execute(f"ATTACH '{source}' AS src{k} (READ_ONLY)")
            for table in (*REPLICATED, "actors"):
                columns = ", ".join(f'"{c}"' for c in COLUMNS[table])
                ignore = "OR IGNORE " if table == "actors" else ""   # both corpora name some of the same actors
                store.con.execute(f"INSERT {ignore}INTO {table} ({columns}) SELECT {columns} FROM src{k}.{table}")
            store.con.execute(f"DETACH src{k}")
        # A synthetic date for the undated (ECB+) articles: one per topic folder, so a topic's
        # reports share a day, spread over the years BASIL covers.
        store.con.execute(f"""
            UPDATE articles SET published = DATE '{FIRST_DAY}'
                + CAST(hash(regexp_extract(source, '([0-9]+)/[^/]+$', 1)) % 2500 AS INTEGER)
            WHERE published IS NULL""")
        cluster(store, settings, 1)   # clusters exactly and fills the story index
        # Then each story gets one day of a REPLICA_SPACING-day block, so that a repetition of the
        # corpus covers one block and a store's density per day stays the same as it grows.
        store.con.execute(f"""
            UPDATE articles SET published = DATE '{FIRST_DAY}' + CAST(hash(s.story_id) % {REPLICA_SPACING} AS INTEGER)
            FROM story_articles s WHERE s.article_id = articles.id""")
        # The stories' comparison (claims, framing, voices) with these dates: the grown stores carry
        # it, as a store newsprism has run on does, so that new articles update stored claims.
        from newsprism.stories.analysis import analyze_stories

        analyze_stories(store, [r["id"] for r in store.query("SELECT id FROM stories")])
        store.con.execute("CREATE TABLE bench_order AS SELECT id AS article_id, "
                          "row_number() OVER (ORDER BY hash(id)) - 1 AS rank FROM articles")
    return base


def _replace(columns: tuple[str, ...], all_columns: list[str], suffix: str, extra: dict[str, str]) -> str:
    parts = []
    for c in all_columns:
        if c in extra:
            parts.append(f"{extra[c]} AS \"{c}\"")
        elif c in columns:
            parts.append(f"\"{c}\" || '{suffix}' AS \"{c}\"")
        else:
            parts.append(f'"{c}"')
    return ", ".join(parts)


def grow(path: Path, base: Path, stored: int, new: int, clustered: bool = True, undated_every: int = UNDATED_EVERY,
         undated_stories: str = "merged") -> None:
    """Write a store of ``stored`` clustered articles (or unclustered) and ``new`` unclustered ones.

    Every ``undated_every``-th repetition is undated (0: none). ``undated_stories``: "merged"
    puts every undated repetition's articles into the stories of the first undated repetition,
    as newsprism itself would have clustered them (an undated article may join any story, and
    these are the same reports again); "separate" keeps one identical story per repetition, a
    store newsprism never builds, in which ever more identical stories compete for each new
    article."""
    from newsprism.store import Store
    from newsprism.store.duckdb_store import COLUMNS

    with Store(path) as store:
        con = store.con
        con.execute(f"ATTACH '{base}' AS base (READ_ONLY)")
        size = con.execute("SELECT count(*) FROM base.articles").fetchone()[0]
        con.execute("INSERT INTO actors SELECT * FROM base.actors")

        def replica(k: int, limit: int, shift: int, undated: str, tag: str, with_stories: bool,
                    story_k: int | None = None) -> None:
            suffix = f"~{tag}{k}"
            story_id = {"story_id": f"story_id || '~{tag}{k if story_k is None else story_k}'"}
            chosen = f"(SELECT article_id FROM base.bench_order WHERE rank < {limit})"
            for table, columns in REPLICATED.items():
                extra = {}
                if table == "articles":
                    extra = {"title": f"coalesce(title, '') || ' ({tag}{k})'",
                             # each repetition arrives after the previous one, the new articles last
                             "ingested_at": f"ingested_at + INTERVAL {k + (100_000 if tag == 'new' else 0)} MINUTE",
                             "published": f"CASE WHEN {undated} THEN NULL ELSE published + {shift} END"}
                key = "event_id IN (SELECT id FROM base.events WHERE article_id IN " + chosen + ")" \
                    if table == "event_actors" else ("id" if table == "articles" else "article_id") + f" IN {chosen}"
                con.execute(f"INSERT INTO {table} SELECT {_replace(columns, COLUMNS[table], suffix, extra)} "
                            f"FROM base.{table} WHERE {key}")
            if with_stories:
                story_suffix = f"~{tag}{k if story_k is None else story_k}"
                stories = f"(SELECT DISTINCT story_id FROM base.story_articles WHERE article_id IN {chosen})"
                for table, (story_columns, article_columns) in CLAIM_REPLICATED.items():
                    if table != "claim_events" and story_k not in (None, k):
                        continue        # the merged story's claims are the first repetition's
                    extra = {c: f"\"{c}\" || '{story_suffix}'" for c in story_columns}
                    if table == "framing_terms":    # a deed's verbs refer to their claim
                        extra["refers_to"] = (f"CASE WHEN refers_to IN (SELECT id FROM base.claims) "
                                              f"THEN refers_to || '{story_suffix}' ELSE refers_to END")
                    if table == "voices":           # a voice lists its quotes, which are the repetition's
                        extra["quote_ids"] = f"list_transform(quote_ids, lambda q: q || '{suffix}')"
                    key = f"article_id IN {chosen}" if table == "claim_events" else f"story_id IN {stories}"
                    con.execute(f"INSERT INTO {table} SELECT {_replace(article_columns, COLUMNS[table], suffix, extra)} "
                                f"FROM base.{table} WHERE {key}")
                for table, columns in STORY_REPLICATED.items():
                    key = (f"article_id IN {chosen}" if table == "story_articles" else
                           f"story_id IN (SELECT story_id FROM base.story_articles WHERE article_id IN {chosen})")
                    con.execute(f"INSERT INTO {table} SELECT {_replace(columns, COLUMNS[table], suffix, story_id)} "
                                f"FROM base.{table} WHERE {key}")

        replicas = -(-stored // size)
        last_dated = 0
        first_undated = None
        with store.transaction():
            for k in range(replicas):
                undated = bool(undated_every) and k % undated_every == undated_every - 1
                last_dated = k if not undated else last_dated
                if undated and first_undated is None:
                    first_undated = k
                story_k = first_undated if undated and undated_stories == "merged" else k
                replica(k, min(size, stored - k * size), k * REPLICA_SPACING, str(undated).upper(), "r", clustered,
                        story_k)
            for k in range(-(-new // size)):
                # A tenth of the new articles undated; the rest two days after the last dated repetition.
                replica(k, min(size, new - k * size), last_dated * REPLICA_SPACING + 2, "hash(id) % 10 = 0", "new", False)
            if clustered:
                # An article without an outlet counts under its own id (or its original's): the
                # repetition's id, as the repetition's origins would have been settled.
                for table in ("story_articles", "claim_events"):
                    con.execute(f"UPDATE {table} SET origin = origin || regexp_extract(article_id, '~.*$') "
                                "WHERE regexp_matches(origin, '^[0-9a-f]{16}$')")
            if clustered and first_undated is not None and undated_stories == "merged":
                # A merged story's later repetitions are copies of its first: their origins are
                # the first's, as newsprism would have settled them (and written in the claims).
                from newsprism.stories.stage import refresh_origins

                merged = [r["story_id"] for r in store.query(
                    f"SELECT DISTINCT story_id FROM story_articles WHERE story_id LIKE '%~r{first_undated}'")]
                refresh_origins(store, merged)
                con.execute("UPDATE claim_events SET origin = s.origin FROM story_articles s "
                            "WHERE s.article_id = claim_events.article_id AND s.origin <> claim_events.origin")
            if clustered:
                # A merged story's index row is the sum of its repetitions' rows.
                con.execute("CREATE TEMP TABLE summed_terms AS SELECT story_id, term, sum(weight) AS weight "
                            "FROM story_terms GROUP BY story_id, term")
                con.execute("DELETE FROM story_terms")
                con.execute("INSERT INTO story_terms SELECT * FROM summed_terms")
                con.execute("DROP TABLE summed_terms")
                con.execute("""
                    INSERT INTO story_spans SELECT s.story_id, count(*), count(*) FILTER (WHERE a.published IS NULL),
                        min(a.published), max(a.published)
                    FROM story_articles s JOIN articles a ON a.id = s.article_id GROUP BY s.story_id""")
                con.execute("""
                    INSERT INTO stories SELECT s.story_id, any_value(a.title), min(a.published), max(a.published),
                        count(*), count(DISTINCT a.outlet),
                        coalesce(list(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL), []),
                        current_timestamp
                    FROM story_articles s JOIN articles a ON a.id = s.article_id GROUP BY s.story_id""")
        con.execute("DETACH base")
        con.execute("CHECKPOINT")


def measure(path: Path, search: str, analysis: str = "increments") -> dict:
    """Run the story stage on the store at ``path``; return its timings and this process's peak RSS.

    ``analysis``: "increments" updates stories analysed before (as update_stories does),
    "whole" rebuilds every touched story whole (the reference)."""
    from newsprism.config import Settings
    from newsprism.store import Store
    from newsprism.stories.analysis import analyze_stories
    from newsprism.stories.claim_increments import analyze_story_increments
    from newsprism.stories.stage import cluster_new_articles, refresh_origins, refresh_story_rows

    settings = Settings(story_search=search)
    with Store(path) as store:
        stored = store.count("story_articles")
        articles = store.count("articles")
        started, cpu_started = time.perf_counter(), time.process_time()
        with store.transaction():
            changed = cluster_new_articles(store, settings)
            clustered, cpu_clustered = time.perf_counter(), time.process_time()
            touched = sorted(changed)
            # As update_stories: origins, story rows, then the comparison of every touched story.
            refresh_origins(store, touched)
            refresh_story_rows(store, touched)
            (analyze_story_increments if analysis == "increments" else analyze_stories)(store, touched)
        done, cpu_done = time.perf_counter(), time.process_time()
    # CPU seconds (all threads) beside wall seconds: on a shared machine the wall clock counts
    # the waits for a core, which other sessions' load makes vary from run to run.
    return {"stored": stored, "new": articles - stored, "stories_touched": len(touched),
            "cluster_s": clustered - started, "analysis_s": done - clustered, "total_s": done - started,
            "cluster_cpu_s": cpu_clustered - cpu_started, "analysis_cpu_s": cpu_done - cpu_clustered,
            "total_cpu_s": cpu_done - cpu_started,
            "peak_rss_mb": peak_rss_mb()}


def run_point(path: Path, search: str, timeout: int, analysis: str = "increments") -> dict:
    """Measure one prepared store in a fresh subprocess."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, __file__, "--measure", str(path), "--search", search,
                           "--analysis", analysis],
                          capture_output=True, text=True, timeout=timeout, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{path.name}: measuring failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store-dir", type=Path, required=False, help="analysed ECB+/BASIL stores (built if missing)")
    parser.add_argument("--work-dir", type=Path, help="where the grown stores go (default: a temporary folder)")
    parser.add_argument("--sizes", default="1000,10000,30000,100000", help="stored articles at each point")
    parser.add_argument("--fresh", default="1000,10000", help="whole-run points: this many unclustered articles")
    parser.add_argument("--search", choices=("index", "exact", "auto"), default="auto")
    parser.add_argument("--timeout", type=int, default=900, help="seconds allowed per point")
    parser.add_argument("--undated-every", type=int, default=UNDATED_EVERY,
                        help="every N-th repetition of the stored corpus is undated (0: none)")
    parser.add_argument("--undated-stories", choices=("merged", "separate"), default="merged",
                        help="undated repetitions join the first one's stories (merged, as newsprism would "
                             "cluster them) or each keeps its own identical stories (separate)")
    parser.add_argument("--analysis", default="increments",
                        help="increments (update analysed stories, as update_stories does), whole (rebuild every "
                             "touched story), or both: increments,whole")
    parser.add_argument("--repeat", type=int, default=1, help="measure each point this many times, keep the fastest")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not set(args.analysis.split(",")) <= {"increments", "whole"}:
        parser.error("--analysis: increments, whole or increments,whole")
    if args.measure:
        print(json.dumps(measure(args.measure, args.search, args.analysis)))
        return 0
    store_dir = args.store_dir or Path(tempfile.mkdtemp(prefix="newsprism-stories-"))
    store_dir.mkdir(parents=True, exist_ok=True)
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="newsprism-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    base = build_base(work, store_dir)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load before: {os.getloadavg()}; search={args.search}; undated every {args.undated_every} ({args.undated_stories})", flush=True)
    rows = []
    points = [("stored", int(n)) for n in args.sizes.split(",") if n] + \
             [("fresh", int(n)) for n in args.fresh.split(",") if n]
    for kind, n in points:
        path = work / f"{kind}-{n}.duckdb"
        if path.exists():
            path.unlink()
        started = time.perf_counter()
        if kind == "stored":
            grow(path, base, n, NEW_ARTICLES, undated_every=args.undated_every, undated_stories=args.undated_stories)
        else:
            grow(path, base, n, 0, clustered=False)
        built = time.perf_counter() - started
        # Each repeat on a fresh copy of the grown store; the fastest counts (the machine is shared).
        # A stored point is measured with each analysis asked for, on copies of the same store.
        for analysis in (args.analysis.split(",") if kind == "stored" else ["whole"]):
            tries = []
            for _ in range(args.repeat):
                copy = work / f"run-{kind}-{n}.duckdb"
                shutil.copyfile(path, copy)
                tries.append(run_point(copy, args.search, args.timeout, analysis))
                tries[-1]["load"] = os.getloadavg()[0]
                copy.unlink()
                print(json.dumps(tries[-1]), flush=True)
            result = min(tries, key=lambda r: r["total_s"])
            label = f"{kind} {n // 1000}k" + (f" {analysis}" if kind == "stored" else "")
            result.update(point=label, build_s=built, totals=[round(t["total_s"], 1) for t in tries])
            rows.append(result)
        path.unlink()
        shutil.rmtree(work / f"{kind}-{n}.duckdb.tmp", ignore_errors=True)
    print()
    print(f"{'point':<24}{'stored':>8}{'new':>7}{'touched':>9}{'cluster s':>11}{'analysis s':>12}{'total s':>9}"
          f"{'peak RSS MB':>13}{'load':>6}")
    for r in rows:
        print(f"{r['point']:<24}{r['stored']:>8}{r['new']:>7}{r['stories_touched']:>9}{r['cluster_s']:>11.1f}"
              f"{r['analysis_s']:>12.1f}{r['total_s']:>9.1f}{r['peak_rss_mb']:>13.0f}{r['load']:>6.2f}")
    by_point = {r["point"]: r for r in rows}
    for analysis in args.analysis.split(","):
        small, large = by_point.get(f"stored 10k {analysis}"), by_point.get(f"stored 100k {analysis}")
        if small and large:
            for key in ("cluster_s", "analysis_s", "total_s", "total_cpu_s"):
                print(f"{analysis}: {key} at 100k / at 10k: {large[key] / small[key]:.2f} (goal for total_s <= 1.5)")
    if "fresh 1k" in by_point and "fresh 10k" in by_point:
        print(f"peak RSS, whole story stage of 10k / 1k: "
              f"{by_point['fresh 10k']['peak_rss_mb'] / by_point['fresh 1k']['peak_rss_mb']:.2f} (goal <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Peak memory of the store and story stages of a run as the corpus grows, without parsing it.

The whole-run memory ratio of benchmarks/throughput.py (10,000 articles against 1,000) needs
two full runs; on a shared 2-core machine the 10,000-article one takes hours, nearly all of it
parsing, whose memory does not grow with the corpus (the per-article phase streams). This
benchmark measures the rest: the first N real articles of ../shared/corpus (the throughput mix)
are parsed and analysed once (parses cached as in profile_article_stages.py), then a fresh
process per size writes them to a new store, repeated under new ids as throughput.py repeats
them under new titles, in batches exactly as `newsprism analyze` does (write_analyzed, the
story increments, then the story stages), and reports its peak RSS (VmHWM) per phase:

- writing: the batches, copy links and story increments while articles stream in;
- stories: merge_actors and update_stories after the last batch.

    PYTHONPATH=src .venv/bin/python benchmarks/store_memory.py --sizes 1000,10000 --memory-limit 2GB

The peak of each phase is measured on its own where Linux lets a process reset its peak
(/proc/self/clear_refs); otherwise the peak so far.

``--tracemalloc`` also says what holds the memory: Python's allocations are traced during each
phase, a snapshot is kept whenever the traced total reaches a new high, and the one taken at
the phase's peak is printed as the newsprism lines holding most (each allocation counted at the
innermost newsprism frame of its traceback). It sees Python objects only: DuckDB's own buffers
show as the gap between the RSS peak and the traced peak. Tracing slows the run about twofold.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from _memory import current_rss_mb, peak_rss_mb  # noqa: E402


def reset_peak() -> bool:
    """Reset this process's VmHWM to its current RSS; return whether Linux allowed it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


@contextmanager
def traced_peak(result: dict[str, object], phase: str, enabled: bool, top: int = 12):
    """Trace Python allocations in the block; put its traced peak and what held it in ``result``."""
    if not enabled:
        yield
        return
    tracemalloc.start(25)
    best: dict[str, object] = {"size": 0, "snapshot": None}
    done = threading.Event()

    def watch() -> None:
        # A snapshot costs a pause of its own: taken only when the total has grown by 5% or more.
        while not done.wait(0.5):
            current, _ = tracemalloc.get_traced_memory()
            if current > int(best["size"]) * 1.05:
                best["size"], best["snapshot"] = current, tracemalloc.take_snapshot()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result[f"{phase}_traced_peak_mb"] = round(peak / 1e6)
        snapshot = best["snapshot"]
        if snapshot is not None:
            result[f"{phase}_traced_at_snapshot_mb"] = round(int(best["size"]) / 1e6)
            result[f"{phase}_holders"] = holders(snapshot, top)


def holders(snapshot, top: int) -> list[str]:
    """Return the newsprism lines that hold most of a snapshot, as "MB  file:line" strings."""
    held: dict[str, int] = {}
    for stat in snapshot.statistics("traceback"):
        frames = [f for f in stat.traceback if "newsprism" in f.filename and "benchmarks" not in f.filename]
        # The traceback runs oldest first: its last newsprism frame is the one that allocated.
        where = frames[-1] if frames else stat.traceback[-1]
        name = where.filename.split("src/newsprism/")[-1].split("site-packages/")[-1]
        key = f"{name}:{where.lineno}"
        held[key] = held.get(key, 0) + stat.size
    ranked = sorted(held.items(), key=lambda item: -item[1])[:top]
    return [f"{size / 1e6:7.1f} MB  {key}" for key, size in ranked]


def analysed_templates(count: int, cache: Path, out: Path) -> None:
    """Analyse the first ``count`` corpus articles (parses cached) and pickle them to ``out``."""
    from profile_article_stages import parsed_articles

    from newsprism.config import Settings
    from newsprism.pipeline import analyze_doc

    articles, docs = parsed_articles(count, cache)
    settings = Settings()
    analysed = [analyze_doc(article, doc, None, settings) for article, doc in zip(articles, docs)]
    out.write_bytes(pickle.dumps(analysed))


def _remap(value, ids: dict[str, str]):
    """Return ``value`` with every per-article id in ``ids`` replaced (through records and tuples)."""
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, (list, tuple)):
        return type(value)(_remap(v, ids) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _remap(getattr(value, f.name), ids) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def repetition(analysed, repeat: int):
    """Return the analysed article as repetition ``repeat``: new article, event and quote ids, a new title."""
    if repeat == 0:
        return analysed
    def new(old: str) -> str:
        return hashlib.sha1(f"{old}/{repeat}".encode()).hexdigest()[:16]

    ids = {analysed.article.id: new(analysed.article.id)}
    ids.update({e.id: new(e.id) for e in analysed.events})
    ids.update({q.id: new(q.id) for q in analysed.quotes})
    copy = dataclasses.replace(analysed, **{f.name: _remap(getattr(analysed, f.name), ids)
                                            for f in dataclasses.fields(analysed) if f.name not in ("article", "actors")})
    article = analysed.article
    copy.article = dataclasses.replace(article, id=ids[article.id],
                                       title=f"{article.title or ''} (repeat {repeat})")
    return copy


def child(templates: Path, size: int, db: Path, memory_limit: str, batch_size: int, trace: bool = False) -> None:
    """Write ``size`` articles into a fresh store as a run does; print the phases' peaks as JSON."""
    from newsprism.collector import fewer_collections
    from newsprism.config import Settings
    from newsprism.pipeline import RunReport, _batches, run_store_stages, write_analyzed
    from newsprism.store import Store
    from newsprism.stories.increments import StoryIncrements

    analysed = pickle.loads(templates.read_bytes())
    result: dict[str, object] = {"size": size, "memory_limit": memory_limit, "start_mb": current_rss_mb()}
    settings = Settings(db_path=db, batch_size=batch_size, duckdb_memory_limit=memory_limit)
    report = RunReport()
    stream = (repetition(analysed[n % len(analysed)], n // len(analysed)) for n in range(size))
    with Store(db, memory_limit=memory_limit) as store, fewer_collections():
        increments = StoryIncrements(store, settings)
        result["phase_peaks"] = reset_peak()
        started = time.perf_counter()
        with traced_peak(result, "writing", trace):
            for batch in _batches(stream, batch_size):
                before = report.stored
                write_analyzed(store, batch, [], settings, report)
                increments.stored(report.stored - before)
        result["writing_s"] = round(time.perf_counter() - started, 1)
        result["writing_peak_mb"] = round(peak_rss_mb())
        result["after_writing_mb"] = round(current_rss_mb())
        reset_peak()
        started = time.perf_counter()
        with traced_peak(result, "stories", trace):
            run_store_stages(store, settings, report)
        result["stories_s"] = round(time.perf_counter() - started, 1)
        result["stories_peak_mb"] = round(peak_rss_mb())
        result["stored"] = report.stored
        result["story_failures"] = report.failed_stories
    result["db_mb"] = round(db.stat().st_size / 1e6)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="distinct real articles, repeated to each size")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--memory-limit", default="2GB", help="DuckDB memory_limit (Settings.duckdb_memory_limit)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--cache", type=Path, help="DocBin file of the parses (see profile_article_stages.py)")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also trace Python allocations per phase and list what holds the peak (slower)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        templates, size, db = args.child
        child(Path(templates), int(size), Path(db), args.memory_limit, args.batch_size, args.tracemalloc)
        return
    cache = args.cache or Path(tempfile.gettempdir()) / f"newsprism-docs-{args.articles}.spacy"
    with tempfile.TemporaryDirectory(prefix="newsprism-store-memory-") as temp:
        templates = Path(temp) / "analysed.pickle"
        analysed_templates(args.articles, cache, templates)
        for size in (int(s) for s in args.sizes.split(",")):
            db = Path(temp) / f"store-{size}.duckdb"
            out = subprocess.run([sys.executable, __file__, "--child", str(templates), str(size), str(db),
                                  "--memory-limit", args.memory_limit, "--batch-size", str(args.batch_size)]
                                 + (["--tracemalloc"] if args.tracemalloc else []),
                                 capture_output=True, text=True, check=False)
            if out.returncode:
                sys.exit(f"error: store run at {size} articles failed:\n{out.stderr[-2000:]}")
            result = json.loads(out.stdout.strip().splitlines()[-1])
            listed = {k: result.pop(k) for k in list(result) if k.endswith("_holders")}
            print(json.dumps(result), flush=True)
            for key, lines in listed.items():
                print(f"  {size} articles, {key.replace('_', ' ')} (Python allocations at the traced peak):")
                for line in lines:
                    print(f"    {line}")


if __name__ == "__main__":
    main()

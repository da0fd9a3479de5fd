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
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from _memory import peak_rss_mb


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def reset_peak() -> bool:
    """Reset this process's VmHWM to its current RSS; return whether Linux allowed it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


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


def child(templates: Path, size: int, db: Path, memory_limit: str, batch_size: int) -> None:
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
        for batch in _batches(stream, batch_size):
            before = report.stored
            write_analyzed(store, batch, [], settings, report)
            increments.stored(report.stored - before)
        result["writing_s"] = round(time.perf_counter() - started, 1)
        result["writing_peak_mb"] = round(peak_rss_mb())
        result["after_writing_mb"] = round(current_rss_mb())
        reset_peak()
        started = time.perf_counter()
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
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        templates, size, db = args.child
        child(Path(templates), int(size), Path(db), args.memory_limit, args.batch_size)
        return
    cache = args.cache or Path(tempfile.gettempdir()) / f"newsprism-docs-{args.articles}.spacy"
    with tempfile.TemporaryDirectory(prefix="newsprism-store-memory-") as temp:
        templates = Path(temp) / "analysed.pickle"
        analysed_templates(args.articles, cache, templates)
        for size in (int(s) for s in args.sizes.split(",")):
            db = Path(temp) / f"store-{size}.duckdb"
            out = subprocess.run([sys.executable, __file__, "--child", str(templates), str(size), str(db),
                                  "--memory-limit", args.memory_limit, "--batch-size", str(args.batch_size)],
                                 capture_output=True, text=True, check=False)
            if out.returncode:
                sys.exit(f"error: store run at {size} articles failed:\n{out.stderr[-2000:]}")
            print(out.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()

"""Profile the per-article stages (everything after the parser) on real articles, parsed once.

Parsing is most of a run and does not change with our code, so the first call parses the first
N real articles of ../shared/corpus (the mix of benchmarks/throughput.py) and keeps the parses
in a DocBin file (``--cache``); later calls read them back in seconds. Then every article goes
through the same per-article stages as a run (``pipeline.analyze_doc``), under cProfile, and
the script prints milliseconds per article for each stage and the functions that cost most.

``--records FILE`` writes a digest of what the stages found (actors, mentions, quotes, events,
places, per article) and ``--compare FILE`` checks it against an earlier one: a quick check that
a speed-up changed nothing, before the slower whole-store check of store_fingerprint.py.

    PYTHONPATH=src .venv/bin/python benchmarks/profile_article_stages.py --articles 300 --records /tmp/before.json
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

RECORD_FIELDS = ("sentences", "entities", "dates", "cited_sources", "actors", "actor_mentions", "quotes",
                 "events", "places", "event_places")


def parsed_articles(count: int, cache: Path):
    """Return [(Article, Doc)] of the first ``count`` corpus articles, parsing only when not cached."""
    from spacy.tokens import DocBin
    from throughput import corpus_articles, write_corpus

    from newsprism.config import Settings
    from newsprism.nlp.model import load_model
    from newsprism.pipeline import RunReport, iter_articles, text_for_parse

    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    with tempfile.TemporaryDirectory(prefix="newsprism-profile-") as temp:
        folder, _ = write_corpus(corpus_articles(), count, Path(temp) / "corpus")
        articles = list(iter_articles(sorted(folder.glob("*.jsonl")), settings, RunReport()))
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(articles):
            return articles, docs
    started = time.perf_counter()
    docs = list(nlp.pipe((text_for_parse(a) for a in articles), batch_size=settings.batch_size))
    print(f"parsed {len(docs)} articles in {time.perf_counter() - started:.1f} s; kept in {cache}", flush=True)
    DocBin(store_user_data=False, docs=docs).to_disk(cache)
    # Read back, so that this run and later ones see the very same parses.
    return articles, list(DocBin().from_disk(cache).get_docs(nlp.vocab))


class _CpuClock:
    """Stands in for the ``time`` module in pipeline.py: its stage timer then counts CPU seconds."""

    perf_counter = staticmethod(time.process_time)

    def __getattr__(self, name: str):
        return getattr(time, name)


def digest(analyzed) -> str:
    """Return a digest of what the stages found in one article."""
    found = {name: [repr(item) for item in getattr(analyzed, name)] for name in RECORD_FIELDS}
    return hashlib.sha256(json.dumps(found, sort_keys=True).encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--cache", type=Path, help="DocBin file of the parses (default: in the temp folder)")
    parser.add_argument("--top", type=int, default=35, help="functions to list, by cumulative then own time")
    parser.add_argument("--no-profile", action="store_true", help="time the stages without cProfile")
    parser.add_argument("--wall", action="store_true", help="wall-clock seconds instead of this process's CPU seconds")
    parser.add_argument("--gc", choices=("default", "freeze", "freeze-big"), default="default",
                        help="freeze: gc.freeze() after loading; freeze-big: also a young generation of 20,000, as a run does (collector.py)")
    parser.add_argument("--stats", type=Path, help="write the raw cProfile statistics here (for pstats)")
    parser.add_argument("--records", type=Path, help="write a digest of the found records per article here")
    parser.add_argument("--compare", type=Path, help="an earlier --records file to compare with")
    args = parser.parse_args()
    cache = args.cache or Path(tempfile.gettempdir()) / f"newsprism-docs-{args.articles}.spacy"
    articles, docs = parsed_articles(args.articles, cache)

    from newsprism import pipeline
    from newsprism.actors.gazetteer import base_gazetteer
    from newsprism.config import Settings
    from newsprism.pipeline import analyze_doc

    if not args.wall:
        # CPU seconds of this process: on a machine other work shares, wall time mostly measures
        # the others. The pipeline's own stage timer is pointed at the same clock.
        pipeline.time = _CpuClock()
    clock = time.process_time if not args.wall else time.perf_counter
    started = clock()
    base_gazetteer()
    print(f"built-in gazetteer loaded in {clock() - started:.2f} s (once per process; not in the stages below)")
    settings = Settings()
    import gc

    collecting = {"seconds": 0.0, "runs": 0, "started": 0.0}

    def on_collect(phase: str, info: dict) -> None:
        if phase == "start":
            collecting["started"] = clock()
        else:
            collecting["seconds"] += clock() - collecting["started"]
            collecting["runs"] += 1

    if args.gc.startswith("freeze"):
        gc.collect()
        gc.freeze()
    if args.gc == "freeze-big":
        gc.set_threshold(20_000, 20, 20)
    gc.callbacks.append(on_collect)
    timings: dict[str, float] = {}
    digests = []
    profile = None if args.no_profile else cProfile.Profile()
    started = clock()
    for article, doc in zip(articles, docs):
        if profile:
            profile.enable()
        analyzed = analyze_doc(article, doc, timings, settings)
        if profile:
            profile.disable()
        digests.append([article.id, digest(analyzed)])
    total = clock() - started
    n = len(articles)
    print(f"{n} articles, per-article stages {total:.1f} {'wall' if args.wall else 'CPU'} s ({1000 * total / n:.1f} ms/article"
          f"{', under cProfile' if profile else ''})")
    print(f"  (of which Python's garbage collector: {1000 * collecting['seconds'] / n:.2f} ms/article, "
          f"{collecting['runs']} collections)")
    for stage, seconds in sorted(timings.items(), key=lambda item: -item[1]):
        print(f"  {stage}: {1000 * seconds / n:.2f} ms/article")
    if profile and args.stats:
        profile.dump_stats(args.stats)
    if profile:
        for order in ("cumulative", "tottime"):
            text = io.StringIO()
            pstats.Stats(profile, stream=text).sort_stats(order).print_stats(args.top)
            print(f"--- by {order}")
            print("\n".join(line for line in text.getvalue().splitlines() if line.strip())[-(args.top + 2) * 200:])
    if args.records:
        args.records.write_text(json.dumps(digests), encoding="utf-8")
    if args.compare:
        before = dict(json.loads(args.compare.read_text(encoding="utf-8")))
        changed = [article_id for article_id, value in digests if before.get(article_id) != value]
        print(f"records: {n - len(changed)} of {n} articles the same as {args.compare}"
              + (f"; changed: {', '.join(changed[:10])}" if changed else ""))
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()

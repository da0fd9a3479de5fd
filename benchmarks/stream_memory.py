"""Resident memory of the streaming per-article phase of a run, every K articles.

The whole-run peak of benchmarks/throughput.py needs a full run per size: at 10,000 articles,
hours on a shared 2-core machine. This benchmark follows the other half of a run's memory, the
part store_memory.py leaves out: reading, parsing (one ``nlp.pipe``, as a run does) and every
per-article stage, with the run's collector settings, over the real articles of ../shared/corpus
(the throughput mix, repeated under new titles past its end), without a store. It prints one
JSON line at the start, after the model, and every K articles: resident memory now (VmRSS),
the peak so far (VmHWM), and the size of spaCy's string store, the one table of the model that
grows with new words. A flat line means the phase streams: its memory does not depend on how
many articles the run has read.

    PYTHONPATH=src .venv/bin/python benchmarks/stream_memory.py --articles 2000 --every 200
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from _memory import current_rss_mb, peak_rss_mb  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--every", type=int, default=200, help="print a line every this many articles")
    args = parser.parse_args()

    from throughput import corpus_articles, write_corpus

    from newsprism.collector import fewer_collections
    from newsprism.config import Settings
    from newsprism.nlp.model import load_model
    from newsprism.pipeline import RunReport, iter_articles, parse_stream

    def line(**values: object) -> None:
        print(json.dumps({**values, "rss_mb": round(current_rss_mb()), "peak_mb": round(peak_rss_mb())}), flush=True)

    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="newsprism-stream-memory-") as temp:
        folder, _ = write_corpus(corpus_articles(), args.articles, Path(temp) / "corpus")
        line(at="corpus written")
        with fewer_collections() as loaded:     # as pipeline.run_analysis does
            nlp = load_model(settings.model, settings.spacy_components)
            loaded()
            line(at="model loaded", strings=len(nlp.vocab.strings))
            report = RunReport()
            started = time.process_time()
            articles = iter_articles(sorted(folder.glob("*.jsonl")), settings, report)
            for n, _ in enumerate(parse_stream(articles, nlp, settings, report), 1):
                if n % args.every == 0 or n == args.articles:
                    line(articles=n, strings=len(nlp.vocab.strings), cpu_s=round(time.process_time() - started))
    if report.failures:
        print(f"{len(report.failures)} article(s) failed, first: {report.failures[0]}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Time of one article against its length: is any stage superlinear in the size of one article?

One article of about 10k, 100k and 1M characters is made of real paragraphs from PolNeAR
(../shared/corpus/polnear/train/text), taken in file order and repeated when they run out.
Each size is analysed by ``run_analysis`` (reading, parsing, every per-article stage, the
store, the story stages) in a fresh subprocess, bounded by ``--timeout`` seconds, and the
table gives seconds, characters per second and the stages that took longest. The bar is
time(1M) / time(100k) <= 12 (linear would be 10).

    .venv/bin/python benchmarks/article_length.py                    # 10k, 100k, 1M
    .venv/bin/python benchmarks/article_length.py --sizes 10000,100000 --timeout 300
    .venv/bin/python benchmarks/article_length.py --profile 100000   # cProfile of one size
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "corpus" / "polnear" / "train" / "text"


def long_text(chars: int) -> str:
    """Return real paragraphs joined into one text of about ``chars`` characters (cut at a paragraph)."""
    paragraphs: list[str] = []
    for path in sorted(POLNEAR.glob("*.txt")):
        paragraphs.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 40)
        if sum(map(len, paragraphs)) > chars:
            break
    out: list[str] = []
    size = 0
    while size < chars:
        for paragraph in paragraphs:
            out.append(paragraph)
            size += len(paragraph) + 2
            if size >= chars:
                break
    return "\n\n".join(out)


def analyse_one(chars: int, profile: bool = False) -> dict:
    """Analyse one article of ``chars`` characters into a fresh store; return timings."""
    from newsprism.config import Settings
    from newsprism.pipeline import run_analysis
    from newsprism.store import Store

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.jsonl"
        text = long_text(chars)
        source.write_text(json.dumps({"title": f"One long article ({chars:,} characters)", "outlet": "Benchmark",
                                      "text": text}) + "\n", encoding="utf-8")
        settings = Settings(db_path=Path(folder) / "s.duckdb")
        from newsprism.nlp.model import load_model

        load_model(settings.model, settings.spacy_components)   # the model's load is not the article's time
        profiler = cProfile.Profile() if profile else None
        with Store(settings.db_path) as store:
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            report = run_analysis([str(source)], settings, store)
            if profiler:
                profiler.disable()
            seconds = time.perf_counter() - started
            counts = store.counts()
        if profiler:
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
            pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(20)
        return {"chars": len(text), "seconds": seconds, "stored": report.stored, "failed": report.failed_articles,
                "sentences": counts.get("sentences", 0), "events": counts.get("events", 0),
                "stages": dict(sorted(report.seconds.items(), key=lambda kv: -kv[1])[:4])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="article lengths in characters")
    parser.add_argument("--timeout", type=int, default=900, help="seconds allowed per size")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=int, help="cProfile the analysis of one article of this length")
    args = parser.parse_args()
    if args.one or args.profile:
        print(json.dumps(analyse_one(args.one or args.profile, profile=bool(args.profile))))
        return
    results: dict[int, dict | None] = {}
    print(f"{'chars':>10} {'seconds':>9} {'chars/s':>9} {'sentences':>9} {'events':>7}  slowest stages")
    for size in (int(s) for s in args.sizes.split(",")):
        try:
            done = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True,
                                  timeout=args.timeout, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            results[size] = None
            print(f"{size:>10,} {'>' + str(args.timeout):>9}  (timed out)")
            continue
        except subprocess.CalledProcessError as exc:
            results[size] = None
            print(f"{size:>10,}  failed: {exc.stderr.strip().splitlines()[-1] if exc.stderr.strip() else exc}")
            continue
        results[size] = result
        stages = ", ".join(f"{k} {v:.1f}s" for k, v in result["stages"].items())
        print(f"{result['chars']:>10,} {result['seconds']:>9.1f} {result['chars'] / result['seconds']:>9,.0f} "
              f"{result['sentences']:>9,} {result['events']:>7,}  {stages}", flush=True)
    if results.get(1_000_000) and results.get(100_000):
        ratio = results[1_000_000]["seconds"] / results[100_000]["seconds"]
        print(f"time(1M) / time(100k) = {ratio:.1f} (bar: <= 12; linear is 10)")


if __name__ == "__main__":
    main()

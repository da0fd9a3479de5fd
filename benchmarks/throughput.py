"""Throughput, memory and scale-out of `newsprism analyze` on real news text; prints one table.

The corpus is the real articles under ../shared/corpus: ECB+ (topics 1-35, read with the
project's ECB+ reader) and PolNeAR train and dev (text, with outlet and date from its
metadata), interleaved and repeated (each repetition under a new title, so it is a new
article) to reach the size asked for, and written as JSONL shards to a temporary folder.

Rows of the table:
- end to end: articles/s and words/s of `run_analysis` (reading, parsing, every per-article
  stage, the store) with 1 and with 2 parser processes;
- bare nlp.pipe: the same model, components and texts, nothing else; the end-to-end/bare
  ratio (goal >= 0.80) says how close the pipeline runs to the model's own speed;
- peak RSS of a whole run at two corpus sizes, each in a fresh subprocess (VmHWM), and
  their ratio (goal <= 1.2);
- Ray with 1 and 2 analyser actors, and the speed-up (goal >= 1.6 on a 2-core machine);
- seconds per stage of the 1-process run (reading, parsing, each article stage, store).

    .venv/bin/python benchmarks/throughput.py                      # 1,000 articles; RSS at 1,000 and 10,000
    .venv/bin/python benchmarks/throughput.py --articles 100 --rss-sizes 100,300   # a quick run
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from _memory import peak_rss_mb  # noqa: E402
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
ARTICLES_PER_SHARD = 1_000  # well under the reader's 20 MB file limit
# CPU seconds of this process (all its threads) per measured run: on a machine that other work
# shares, wall-clock ratios move with the others' load; CPU ratios much less.
CPU_SECONDS: dict[str, float] = {}


def corpus_articles() -> list[dict[str, str]]:
    """Return the real articles as JSONL rows, ECB+ and PolNeAR interleaved."""
    from newsprism.ingest.readers import read_file

    ecb = []
    for path in sorted((CORPUS / "ecbplus").rglob("*.xml")):
        for raw in read_file(path, 50_000_000, {}):
            if hasattr(raw, "text"):
                ecb.append({"title": raw.title or path.stem, "text": raw.text})
    metadata = {}
    with open(CORPUS / "polnear" / "metadata.tsv", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            metadata[row["filename"]] = row
    polnear = []
    for path in sorted((CORPUS / "polnear").glob("*/text/*.txt")):
        meta = metadata.get(path.stem, {})
        row = {"title": meta.get("title") or path.stem, "text": path.read_text(encoding="utf-8")}
        if meta.get("publisher"):
            row["outlet"] = meta["publisher"]
        if meta.get("publication_date", "")[:4].isdigit():
            row["published"] = meta["publication_date"][:10]
        polnear.append(row)
    if not ecb or not polnear:
        sys.exit(f"error: {CORPUS}: ECB+ or PolNeAR articles not found (is ../shared beside the repository?)")
    mixed = []
    for i in range(max(len(ecb), len(polnear))):
        mixed.extend(source[i] for source in (ecb, polnear) if i < len(source))
    return mixed


def repeated(articles: list[dict[str, str]], count: int) -> Iterator[dict[str, str]]:
    """Yield ``count`` articles, cycling through the corpus; a repetition gets a new title."""
    for n in range(count):
        row = dict(articles[n % len(articles)])
        if n >= len(articles):
            row["title"] = f"{row['title']} (repeat {n // len(articles)})"
        yield row


def write_corpus(articles: list[dict[str, str]], count: int, folder: Path) -> tuple[Path, int]:
    """Write ``count`` articles as JSONL shards under ``folder``; return (folder, word count)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = repeated(articles, count)
    words = 0
    for shard in range(0, count, ARTICLES_PER_SHARD):
        with open(folder / f"part-{shard // ARTICLES_PER_SHARD:05d}.jsonl", "w", encoding="utf-8") as handle:
            for _, row in zip(range(ARTICLES_PER_SHARD), rows):
                handle.write(json.dumps(row) + "\n")
                words += len(row["text"].split())
    return folder, words


def bare_pipe(folder: Path, batch_size: int) -> float:
    """Return the seconds bare ``nlp.pipe`` takes over the corpus texts (model already loaded)."""
    from newsprism.config import Settings
    from newsprism.nlp.model import load_model

    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    texts = [json.loads(line)["text"] for path in sorted(folder.glob("*.jsonl")) for line in path.open(encoding="utf-8")]
    for _ in nlp.pipe(texts[:20]):  # first calls allocate; not throughput
        pass
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    CPU_SECONDS["bare"] = min(CPU_SECONDS.get("bare", float("inf")), time.process_time() - cpu)
    return time.perf_counter() - started


def end_to_end(folder: Path, db: Path, workers: int, batch_size: int, engine: str = "local"):
    """Return (seconds, RunReport) of one run over the corpus into a new store (model preloaded)."""
    from newsprism.config import Settings
    from newsprism.nlp.model import load_model
    from newsprism.pipeline import run_analysis
    from newsprism.store import Store

    settings = Settings(db_path=db, workers=workers, batch_size=batch_size)
    load_model(settings.model, settings.spacy_components)  # as bare_pipe: loading is not throughput
    with Store(db) as store:
        started, cpu = time.perf_counter(), time.process_time()
        if engine == "ray":
            from newsprism.scale.ray_engine import run_analysis_ray

            report = run_analysis_ray([str(folder)], settings, store)
        else:
            report = run_analysis([str(folder)], settings, store)
        seconds = time.perf_counter() - started
        CPU_SECONDS[f"{engine} {workers}"] = time.process_time() - cpu
    if report.failures:
        sys.exit(f"error: {len(report.failures)} input(s) failed, first: {report.failures[0]}")
    return seconds, report


class StoryStagesTimeout(Exception):
    """The story-level stages ran past the time the benchmark gives them."""


def rss_child(folder: Path, db: Path, batch_size: int, story_limit_s: int) -> None:
    """Run one analysis in this fresh process and print its peak RSS (MB) as JSON.

    Two peaks: at the end of the streaming per-article phase (just before the story-level
    stages), and for the whole run. The story-level stages get ``story_limit_s`` seconds.
    """
    import signal

    from newsprism import pipeline

    real_store_stages = pipeline.store_stages
    result: dict[str, object] = {}

    def timed_store_stages():
        result["per_article_peak_mb"] = peak_rss_mb()
        result["stories_started"] = time.perf_counter()

        def give_up(*_: object) -> None:
            raise StoryStagesTimeout

        signal.signal(signal.SIGALRM, give_up)
        signal.alarm(story_limit_s)
        return real_store_stages()

    pipeline.store_stages = timed_store_stages
    try:
        _, report = end_to_end(folder, db, 1, batch_size)
        result["stored"] = report.stored
        result["stories_s"] = time.perf_counter() - float(result["stories_started"])
    except StoryStagesTimeout:
        result["stories_s"] = None
    except Exception as exc:  # a story-stage failure must not hide the per-article figure
        if "per_article_peak_mb" not in result:
            raise
        result["stories_s"] = None
        result["stories_error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:100]}"
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps({k: v for k, v in result.items() if k != "stories_started"}))


def peak_rss(articles: list[dict[str, str]], count: int, work: Path, batch_size: int,
             story_limit_s: int) -> dict[str, object]:
    """Return the peaks of a fresh process analysing ``count`` articles (see rss_child)."""
    folder, _ = write_corpus(articles, count, work / f"rss-{count}")
    db = work / f"rss-{count}.duckdb"
    out = subprocess.run([sys.executable, __file__, "--rss-child", str(folder), "--db", str(db),
                          "--batch-size", str(batch_size), "--story-limit", str(story_limit_s)],
                         capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"error: RSS run at {count} articles failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def throughput_rows(folder: Path, work: Path, n: int, words: int, batch_size: int, add,
                    skip_workers: bool = False) -> dict[str, float]:
    """Add the end-to-end and bare nlp.pipe rows; return the seconds per stage of the 1-process run."""
    # Bare nlp.pipe before and after the end-to-end run, keeping the faster: a conservative
    # ratio on a machine whose load varies.
    bare = bare_pipe(folder, batch_size)
    seconds, report = end_to_end(folder, work / "local1.duckdb", 1, batch_size)
    bare = min(bare, bare_pipe(folder, batch_size))
    add("bare nlp.pipe, 1 process", f"{n / bare:.2f} articles/s, {words / bare:.0f} words/s", "best of two runs")
    ratio = bare / seconds
    add("end to end, 1 process", f"{n / seconds:.2f} articles/s, {words / seconds:.0f} words/s", "")
    cpu_ratio = CPU_SECONDS["bare"] / CPU_SECONDS["local 1"]
    add("end to end / bare nlp.pipe, CPU seconds", f"{cpu_ratio:.2f}",
        f"{CPU_SECONDS['bare']:.1f} / {CPU_SECONDS['local 1']:.1f} CPU s (this process, all threads)")
    add("end to end / bare nlp.pipe", f"{ratio:.2f}", "goal >= 0.80: " + ("met" if ratio >= 0.80 else "MISSED"))
    stages = dict(report.seconds)
    # The story stages run once per run over the corpus, not per article: shown apart.
    per_article = seconds - stages.get("stories", 0.0)
    add("per-article phase / bare nlp.pipe", f"{bare / per_article:.2f}",
        f"end to end without the story stages ({stages.get('stories', 0.0):.1f} s)")
    if skip_workers:
        return stages
    seconds2, _ = end_to_end(folder, work / "local2.duckdb", 2, batch_size)
    add("end to end, 2 processes", f"{n / seconds2:.2f} articles/s, {words / seconds2:.0f} words/s",
        f"speed-up {seconds / seconds2:.2f}")
    return stages


def machine() -> str:
    """Return one line naming the machine: cores, CPU model, memory, load."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal")))
        memory = f"{mem_kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        memory = "RAM unknown"
    load = "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    return f"{os.cpu_count()} cores ({model}), {memory}, Python {platform.python_version()}, {load}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000, help="articles for the throughput and Ray rows")
    parser.add_argument("--rss-sizes", default="1000,10000", help="two corpus sizes for the peak-RSS rows")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--skip-throughput", action="store_true", help="no end-to-end, bare nlp.pipe or stage rows")
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--skip-workers", action="store_true", help="no 2-process end-to-end row")
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--story-limit", type=int, default=600,
                        help="seconds the story-level stages may take in a peak-RSS run")
    parser.add_argument("--rss-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child, args.db, args.batch_size, args.story_limit)
        return
    if args.articles < 1:
        sys.exit("error: --articles must be at least 1")
    try:
        small, large = (int(n) for n in args.rss_sizes.split(","))
    except ValueError:
        sys.exit(f"error: --rss-sizes {args.rss_sizes!r}: give two sizes, e.g. 1000,10000")

    print(f"machine: {machine()}", flush=True)
    articles = corpus_articles()
    rows: list[tuple[str, str, str]] = []

    def add(measure: str, value: str, note: str = "") -> None:
        # Each row as soon as it is measured (a long run shows its progress), the table at the end.
        rows.append((measure, value, note))
        print(f"  {measure}: {value} {note}", flush=True)

    with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as temp:
        work = Path(temp)
        folder, words = write_corpus(articles, args.articles, work / "corpus")
        n = args.articles
        add("corpus", f"{n} articles, {words} words ({words / n:.0f} per article)", "")

        stages: dict[str, float] = {}
        if not args.skip_throughput:
            stages = throughput_rows(folder, work, n, words, args.batch_size, add, args.skip_workers)

        if not args.skip_rss:
            peaks = {size: peak_rss(articles, size, work, args.batch_size, args.story_limit) for size in (small, large)}
            for size, peak in peaks.items():
                if peak.get("stories_error"):
                    stories = f"story stages failed: {peak['stories_error']}"
                elif peak["stories_s"] is None:
                    stories = f"story stages stopped after {args.story_limit} s"
                else:
                    stories = f"story stages {peak['stories_s']:.0f} s"
                add(f"peak RSS at {size} articles", (f"{peak['per_article_peak_mb']:.0f} MB streaming per-article phase, "
                                                     f"{peak['peak_mb']:.0f} MB whole run"), stories)
            ratio = float(peaks[large]["per_article_peak_mb"]) / float(peaks[small]["per_article_peak_mb"])
            add("peak RSS ratio, per-article phase", f"{ratio:.2f}", "goal <= 1.2: " + ("met" if ratio <= 1.2 else "MISSED"))
            ratio = float(peaks[large]["peak_mb"]) / float(peaks[small]["peak_mb"])
            add("peak RSS ratio, whole run", f"{ratio:.2f}", "goal <= 1.3: " + ("met" if ratio <= 1.3 else "MISSED"))

        if not args.skip_ray:
            ray_times = {}
            for workers in (1, 2):
                total, ray_report = end_to_end(folder, work / f"ray{workers}.duckdb", workers, args.batch_size, "ray")
                analysing = ray_report.seconds.get("analysing on Ray", total)
                ray_times[workers] = (total, analysing)
                add(f"Ray, {workers} actor(s)", (f"{n / total:.2f} articles/s end to end (incl. Ray start), "
                                                          f"{n / analysing:.2f} in the analysis phase"), "")
            speedup = ray_times[1][1] / ray_times[2][1]
            add("Ray speed-up, 2 vs 1 actor (analysis phase)",
                         f"{speedup:.2f} (end to end {ray_times[1][0] / ray_times[2][0]:.2f})",
                         "goal >= 1.6: " + ("met" if speedup >= 1.6 else "MISSED"))

        total_stage = sum(stages.values()) or 1.0
        for stage, stage_seconds in sorted(stages.items(), key=lambda item: -item[1]):
            add(f"stage: {stage}", f"{stage_seconds:.2f} s ({1000 * stage_seconds / n:.1f} ms/article)",
                         f"{100 * stage_seconds / total_stage:.1f}% of staged time")

    print(f"load after: {'{:.2f} {:.2f} {:.2f}'.format(*os.getloadavg())}")
    widths = [max(len(row[i]) for row in rows + [("measure", "value", "goal / note")]) for i in range(3)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(("measure", "value", "goal / note"), widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")


if __name__ == "__main__":
    main()

"""Score story clustering on ECB+ (gold: topic and sub-event) and BASIL (gold: triplet).

Builds a store per corpus with the full pipeline (or reuses one given with --store-dir), clears
the story tables, runs ``update_stories`` and prints pairwise and B3 precision, recall and F1.

    python benchmarks/score_story_clustering.py [--store-dir DIR] [--threshold T] [--backend tfidf|embedding]
        [--batches N]   # feed the articles in N batches, as successive runs would
        [--search compare|exact|index|auto]   # compare (default): exact and story-index search, both printed
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsprism.config import Settings
from newsprism.ingest.metadata import build_article
from newsprism.nlp.model import load_model
from newsprism.pipeline import RunReport, link_copies, parse_and_analyze, run_analysis
from newsprism.records import RawArticle
from newsprism.store import Store
from newsprism.stories import update_stories

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ECBPLUS = SHARED / "corpus" / "ecbplus"
BASIL = SHARED / "corpus" / "basil"
STORY_TABLES = ("story_articles", "stories", "claims", "claim_events", "claim_outlets", "claim_contradictions",
                "framing_terms", "voices", "story_terms", "story_spans")


def ecbplus_gold_label(source: str) -> str:
    """Return topic/sub-event of an ECB+ file: ``1/ecb`` or ``1/ecbplus``."""
    path = Path(source)
    return f"{path.parent.name}/{'ecbplus' if path.name.endswith('ecbplus.xml') else 'ecb'}"


def build_ecbplus_store(path: Path, settings: Settings) -> Store:
    """Return a store holding the ECB+ corpus (analysed once; a rerun resumes)."""
    store = Store(path)
    files = sorted(str(p) for p in ECBPLUS.glob("*/*.xml"))
    run_analysis(files, settings.with_(db_path=path), store)
    return store


def basil_raw_articles() -> list[RawArticle]:
    """Return the BASIL articles as raw articles (outlet, date and headline from the JSON)."""
    raws = []
    for file in sorted((BASIL / "articles").glob("*/*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        body = "\n".join(" ".join(paragraph) for paragraph in data["body-paragraphs"])
        from datetime import date

        raws.append(RawArticle(source=str(file), text=body, format="jsonl", title=data.get("title"),
                               outlet=data.get("source"), published=date.fromisoformat(data["date"]),
                               published_from="metadata"))
    return raws


def basil_gold() -> dict[str, str]:
    """Return {file path: triplet uuid}."""
    return {str(f): json.loads(f.read_text(encoding="utf-8"))["triplet-uuid"]
            for f in (BASIL / "articles").glob("*/*.json")}


def build_basil_store(path: Path, settings: Settings) -> Store:
    """Return a store holding the BASIL articles, analysed with the full pipeline."""
    store = Store(path)
    articles = [build_article(raw) for raw in basil_raw_articles()]
    fresh = [a for a in articles if a.id not in store.known_article_ids([a.id])]
    if fresh:
        nlp = load_model(settings.model, settings.spacy_components)
        analyzed = parse_and_analyze(fresh, nlp, settings, RunReport())
        with store.transaction():
            store.write_batch(analyzed)
            link_copies(store, [a.article for a in analyzed], settings)
    return store


def cluster(store: Store, settings: Settings, batches: int) -> dict[str, str]:
    """Clear the story tables, then cluster the store's articles in ``batches`` runs; return article -> story."""
    with store.transaction():
        for table in STORY_TABLES:
            store.con.execute(f"DELETE FROM {table}")
    if batches <= 1:
        update_stories(store, settings)
    else:
        # Hide later articles from earlier runs by clustering growing prefixes in publication order.
        ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY published NULLS LAST, source")]
        size = -(-len(ids) // batches)
        store.con.execute("CREATE TEMP TABLE held AS SELECT * FROM articles WHERE false")
        store.con.execute("INSERT INTO held SELECT * FROM articles")
        store.con.execute("DELETE FROM articles")
        for start in range(0, len(ids), size):
            chunk = ids[start:start + size]
            store.con.execute("INSERT INTO articles SELECT * FROM held WHERE id IN (SELECT unnest(?::VARCHAR[]))", [chunk])
            update_stories(store, settings)
        store.con.execute("DROP TABLE held")
    rows = store.query("SELECT s.story_id, a.source FROM story_articles s JOIN articles a ON a.id = s.article_id")
    return {r["source"]: r["story_id"] for r in rows}


def pairwise(system: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Return pairwise precision, recall, F1 over the items both label."""
    items = sorted(set(system) & set(gold))
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_system, same_gold = system[a] == system[b], gold[a] == gold[b]
        tp += same_system and same_gold
        fp += same_system and not same_gold
        fn += same_gold and not same_system
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def b_cubed(system: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Return B3 precision, recall, F1 over the items both label."""
    items = sorted(set(system) & set(gold))
    by_system, by_gold = defaultdict(set), defaultdict(set)
    for item in items:
        by_system[system[item]].add(item)
        by_gold[gold[item]].add(item)
    p = sum(len(by_system[system[i]] & by_gold[gold[i]]) / len(by_system[system[i]]) for i in items) / len(items)
    r = sum(len(by_system[system[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store-dir", type=Path, help="keep the analysed stores here (reused by later runs)")
    parser.add_argument("--threshold", type=float, help="story_threshold (default: the Settings default)")
    parser.add_argument("--backend", choices=("tfidf", "embedding"), default="tfidf")
    parser.add_argument("--batches", type=int, default=1, help="cluster in this many successive runs")
    parser.add_argument("--corpus", choices=("ecbplus", "basil", "both"), default="both")
    parser.add_argument("--search", choices=("compare", "exact", "index", "auto"), default="compare",
                        help="story_search; compare runs exact and index and prints both")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED}: shared corpora not found beside the repository", file=sys.stderr)
        return 2
    settings = Settings(similarity_backend=args.backend)
    if args.threshold is not None:
        settings = settings.with_(story_threshold=args.threshold)
    folder = args.store_dir or Path(tempfile.mkdtemp(prefix="newsprism-stories-"))
    folder.mkdir(parents=True, exist_ok=True)
    console = Console(width=200)
    table = Table(title=f"Story clustering (backend={settings.similarity_backend}, threshold={settings.story_threshold}, "
                        f"window={settings.story_window_days} days, batches={args.batches})")
    searches = ("exact", "index") if args.search == "compare" else (args.search,)
    for column in ("corpus", "search", "articles", "gold stories", "stories", "pair P", "pair R", "pair F1",
                   "B3 P", "B3 R", "B3 F1", "seconds"):
        table.add_column(column, justify="right" if column not in ("corpus", "search") else "left")
    corpora = []
    if args.corpus in ("ecbplus", "both"):
        corpora.append(("ECB+ topic/sub-event", lambda: build_ecbplus_store(folder / "ecbplus.duckdb", settings),
                        lambda system: {s: ecbplus_gold_label(s) for s in system}))
    if args.corpus in ("basil", "both"):
        corpora.append(("BASIL triplets", lambda: build_basil_store(folder / "basil.duckdb", settings),
                        lambda system: basil_gold()))
    differences = []
    for name, build, gold_of in corpora:
        f1s = {}
        for search in searches:
            run_settings = settings.with_(story_search=search)
            with build() as store:
                started = time.perf_counter()
                system = cluster(store, run_settings, args.batches)
                seconds = time.perf_counter() - started
            gold = gold_of(system)
            pp, pr, pf = pairwise(system, gold)
            bp, br, bf = b_cubed(system, gold)
            f1s[search] = (pf, bf)
            table.add_row(name, search, str(len(system)), str(len(set(gold.values()))), str(len(set(system.values()))),
                          *(f"{v:.3f}" for v in (pp, pr, pf, bp, br, bf)), f"{seconds:.1f}")
        if len(f1s) == 2:
            differences.append(f"{name}: index - exact: pair F1 {f1s['index'][0] - f1s['exact'][0]:+.4f}, "
                               f"B3 F1 {f1s['index'][1] - f1s['exact'][1]:+.4f}")
    console.print(table)
    for line in differences:
        console.print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Analyse every real corpus in ../shared/corpus into one store and say what failed.

The promise: whatever comes in, the run goes on and no article is lost to a stage that
raises. The corpora go one after another, as a user would feed them, into one store:
seeds, ECB+ (topics 1-35), BASIL (articles), PolNeAR (train and dev texts), and the geo
corpora (LGL, TR-News, GeoVirus XML). Per corpus the table gives articles read, stored,
failed (each failure listed with its stage and reason), already stored (the same text met
before), seconds, and the slowest article (seconds of its per-article stages). The bar is
zero failures. Run it before resolving any issue that touches analysis.

    .venv/bin/python benchmarks/sweep.py                         # everything (~2,850 articles)
    .venv/bin/python benchmarks/sweep.py --corpora seeds,geo     # some corpora
    .venv/bin/python benchmarks/sweep.py --db sweep.duckdb       # keep the store (default: a temporary one)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"

CORPORA: dict[str, list[Path]] = {
    "seeds": [CORPUS / "seeds"],
    "ecbplus": [CORPUS / "ecbplus"],
    "basil": [CORPUS / "basil" / "articles"],
    "polnear": [CORPUS / "polnear" / "train" / "text", CORPUS / "polnear" / "dev" / "text"],
    "geo": [CORPUS / "geo" / "lgl.xml", CORPUS / "geo" / "TR-News.xml", CORPUS / "geo" / "GeoVirus.xml"],
}


def sweep(names: list[str], db: Path, out=sys.stdout) -> list[dict]:
    """Analyse the named corpora into the store at ``db``; print and return one row per corpus."""
    from newsprism.config import Settings
    from newsprism.nlp.model import load_model
    from newsprism.pipeline import run_analysis
    from newsprism.store import Store

    settings = Settings(db_path=db)
    load_model(settings.model, settings.spacy_components)
    rows = []
    with Store(db) as store:
        for name in names:
            missing = [p for p in CORPORA[name] if not p.exists()]
            if missing:
                print(f"{name}: not found: {', '.join(map(str, missing))}", file=out, flush=True)
                continue
            started = time.perf_counter()
            report = run_analysis([str(p) for p in CORPORA[name]], settings, store)
            seconds = time.perf_counter() - started
            rows.append({"corpus": name, "read": report.articles_read, "stored": report.stored,
                         "failed": len(report.failures), "already": report.already_stored, "seconds": seconds,
                         "slowest": report.slowest, "failures": [str(f) for f in report.failures],
                         "unread": report.unread})
            print(f"{name}: {report.articles_read} read, {report.stored} stored, {len(report.failures)} failed, "
                  f"{seconds:.0f} s", file=out, flush=True)
            for failure in report.failures:
                print(f"    failed {failure}", file=out, flush=True)
    return rows


def table(rows: list[dict]) -> str:
    """Return the sweep as a Markdown table, then every failure by corpus."""
    lines = ["| corpus | articles in | stored | failed | already stored | seconds | slowest article (s) |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        slow_seconds, slow_source = r["slowest"]
        where = slow_source.replace(str(CORPUS) + "/", "")
        lines.append(f"| {r['corpus']} | {r['read']:,} | {r['stored']:,} | {r['failed']} | {r['already']} | "
                     f"{r['seconds']:,.0f} | {where} ({slow_seconds:.1f}) |")
    total = {k: sum(r[k] for r in rows) for k in ("read", "stored", "failed", "already", "seconds")}
    lines.append(f"| all | {total['read']:,} | {total['stored']:,} | {total['failed']} | {total['already']} | "
                 f"{total['seconds']:,.0f} | |")
    for r in rows:
        for failure in r["failures"]:
            lines.append(f"- {r['corpus']}: {failure.replace(str(CORPUS) + '/', '')}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", default=",".join(CORPORA), help=f"comma-separated, from {', '.join(CORPORA)}")
    parser.add_argument("--db", type=Path, help="store to analyse into (default: a temporary one)")
    args = parser.parse_args()
    names = [n.strip() for n in args.corpora.split(",") if n.strip()]
    unknown = [n for n in names if n not in CORPORA]
    if unknown:
        parser.error(f"unknown corpus {', '.join(unknown)}; choose from {', '.join(CORPORA)}")
    with tempfile.TemporaryDirectory() as folder:
        rows = sweep(names, args.db or Path(folder) / "sweep.duckdb")
    print()
    print(table(rows))
    failed = sum(r["failed"] for r in rows)
    print(f"\n{failed} failure(s) over {sum(r['read'] for r in rows):,} articles (bar: 0)")
    if len(rows) < len(names):
        print(f"{len(names) - len(rows)} corpus(es) not found under {CORPUS}")
    sys.exit(1 if failed or len(rows) < len(names) else 0)


if __name__ == "__main__":
    main()

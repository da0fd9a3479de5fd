"""The safety net of speed work: does a run on real articles store exactly the same rows as before?

Runs `newsprism analyze` (the whole run: per-article stages, store, story stages) on the first
N real articles of ../shared/corpus (the same mix as benchmarks/throughput.py) into a fresh
store, then reads every table back in a fixed order and writes one JSON line per row under
``--out`` plus a summary (rows and SHA-256 per table). ``--compare DIR`` then says, per table,
whether the rows are the same as those of an earlier run, and shows the first rows that differ.

Speed and memory work must not change what is found, so take a fingerprint before a change
and compare after it:

    PYTHONPATH=src .venv/bin/python benchmarks/store_fingerprint.py --articles 300 --out /tmp/before
    ...change...
    PYTHONPATH=src .venv/bin/python benchmarks/store_fingerprint.py --articles 300 --out /tmp/after --compare /tmp/before

Columns that record when something happened (``VOLATILE``) are left out: they differ between any
two runs. The exit status is 1 when a table differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

# Columns whose value is the clock, not the analysis.
VOLATILE = {"applied_at", "ingested_at", "failed_at", "updated_at", "joined_at"}
SHOWN_DIFFERENCES = 5


def table_rows(store, table: str, corpus: Path) -> list[str]:
    """Return the table's rows as JSON lines (volatile columns left out, the temporary corpus
    folder written as <corpus>), sorted."""
    from newsprism.store.duckdb_store import COLUMNS

    columns = [c for c in COLUMNS[table] if c not in VOLATILE]
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = store.con.execute(f"SELECT {quoted} FROM {table}").fetchall()
    folder = json.dumps(str(corpus))[1:-1]
    return sorted(json.dumps(dict(zip(columns, row)), default=str, sort_keys=True).replace(folder, "<corpus>")
                  for row in rows)


def fingerprint(corpus: Path, db: Path, out: Path) -> dict[str, dict[str, object]]:
    """Run the analysis of ``corpus`` into ``db``; write every table's rows under ``out``; return the summary."""
    from newsprism.config import Settings
    from newsprism.pipeline import run_analysis
    from newsprism.store import Store
    from newsprism.store.schema import TABLES

    settings = Settings(db_path=db)
    summary: dict[str, dict[str, object]] = {}
    out.mkdir(parents=True, exist_ok=True)
    with Store(db) as store:
        started = time.perf_counter()
        report = run_analysis([str(corpus)], settings, store)
        print(f"analysed {report.stored} articles in {time.perf_counter() - started:.1f} s "
              f"({len(report.failures)} failures)", flush=True)
        for table in TABLES:
            if table == "schema_version":
                continue
            lines = table_rows(store, table, corpus)
            (out / f"{table}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            summary[table] = {"rows": len(lines), "sha256": hashlib.sha256("\n".join(lines).encode()).hexdigest()}
    (out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def compare(out: Path, reference: Path) -> int:
    """Print per table whether ``out`` holds the rows of ``reference``; return the tables that differ."""
    ours = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    theirs = json.loads((reference / "summary.json").read_text(encoding="utf-8"))
    differing = 0
    for table in sorted(set(ours) | set(theirs)):
        if ours.get(table) == theirs.get(table):
            print(f"  same       {table}: {ours[table]['rows']} rows")
            continue
        differing += 1
        new = set((out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()) if table in ours else set()
        old = set((reference / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()) if table in theirs else set()
        print(f"  DIFFERENT  {table}: {len(old)} -> {len(new)} rows, {len(old - new)} only before, {len(new - old)} only after")
        for line in sorted(old - new)[:SHOWN_DIFFERENCES]:
            print(f"    before: {line[:300]}")
        for line in sorted(new - old)[:SHOWN_DIFFERENCES]:
            print(f"    after:  {line[:300]}")
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--out", type=Path, required=True, help="folder for the rows and summary.json")
    parser.add_argument("--compare", type=Path, help="folder of an earlier fingerprint to compare with")
    args = parser.parse_args()
    from throughput import corpus_articles, write_corpus

    with tempfile.TemporaryDirectory(prefix="newsprism-fingerprint-") as temp:
        corpus, _ = write_corpus(corpus_articles(), args.articles, Path(temp) / "corpus")
        summary = fingerprint(corpus, Path(temp) / "store.duckdb", args.out)
    print("rows: " + ", ".join(f"{t} {s['rows']}" for t, s in summary.items() if s["rows"]))
    if args.compare:
        differing = compare(args.out, args.compare)
        print("same store" if not differing else f"{differing} table(s) differ")
        sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()

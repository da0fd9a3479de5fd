"""Read whole tables out of the store, as files: what `newsprism export` writes for jsonl, csv, parquet."""

from __future__ import annotations

from pathlib import Path

from newsprism.store.read.reader import Reader

# DuckDB's COPY options per file format.
COPY_OPTIONS = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet"}


def copy_table(r: Reader, table: str, path: Path, fmt: str) -> Path:
    """Write one table (a name from the schema or ``r.tables()``, never user text) to ``path``; return it."""
    if table not in r.tables():
        raise ValueError(f"{table!r}: no such table in the store")
    target = str(path).replace("'", "''")
    r.cur.execute(f"COPY (SELECT * FROM {table}) TO '{target}' ({COPY_OPTIONS[fmt]})")
    return path

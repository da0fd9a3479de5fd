"""Write the store's tables to JSONL, CSV or Parquet files, one file per table."""

from __future__ import annotations

from pathlib import Path

from newsprism.store.duckdb_store import Store
from newsprism.store.schema import EXPORT_TABLES

FORMATS = ("jsonl", "csv", "parquet")


def export_tables(store: Store, out_dir: Path, fmt: str, tables: tuple[str, ...] | None = None) -> list[Path]:
    """Write each table to ``out_dir/<table>.<fmt>``; return the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    present = {r["table_name"] for r in store.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")}
    written = []
    for table in tables or tuple(t for t in EXPORT_TABLES if t in present) + tuple(sorted(present - set(EXPORT_TABLES) - {"schema_version", "minhashes"})):
        path = out_dir / f"{table}.{fmt}"
        target = str(path).replace("'", "''")
        if fmt == "jsonl":
            store.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT json)")
        elif fmt == "csv":
            store.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT csv, HEADER true)")
        else:
            store.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT parquet)")
        written.append(path)
    return written

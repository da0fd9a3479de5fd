"""The DuckDB store: schema, writes in transactions, queries and exports."""

from newsprism.store.duckdb_store import Store

__all__ = ["Store"]

"""The read layer's connection: parameterised queries on one DuckDB cursor, rows as dicts.

Every query is parameterised: user input only ever travels as a bound parameter, and the
only SQL text assembled in the read layer is fixed column names and placeholders chosen from code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb


class Reader:
    """Run parameterised queries on one DuckDB cursor and return rows as dicts."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self.cur = cursor
        self._tables: set[str] | None = None
        self._columns: dict[str, set[str]] = {}

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        result = self.cur.execute(sql, list(params))
        names = [d[0] for d in result.description]
        return [dict(zip(names, row)) for row in result.fetchall()]

    # The name Store uses, so code written against a Store reads through a Reader too.
    query = rows

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.cur.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def has_table(self, name: str) -> bool:
        if self._tables is None:
            self._tables = {
                r["table_name"]
                for r in self.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
            }
        return name in self._tables

    def tables(self) -> set[str]:
        """Return the names of the store's tables."""
        self.has_table("")
        return set(self._tables or ())

    def columns(self, table: str) -> set[str]:
        """Return a table's column names (stores written by an older schema may lack some)."""
        if table not in self._columns:
            self._columns[table] = {r["column_name"] for r in self.rows(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ?",
                [table])}
        return self._columns[table]

    def has_column(self, table: str, column: str) -> bool:
        """Return whether a table has a column (stores written by an older schema may lack it)."""
        return column in self.columns(table)


def reader_of(source: Any) -> Reader:
    """Return a Reader over a Reader, a Store (its connection) or a DuckDB connection."""
    if isinstance(source, Reader):
        return source
    return Reader(getattr(source, "con", source))

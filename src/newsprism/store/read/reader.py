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
        self._columns: dict[str, set[str]] | None = None

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
        return name in self._all_columns()

    def tables(self) -> set[str]:
        """Return the names of the store's tables."""
        return set(self._all_columns())

    def _all_columns(self) -> dict[str, set[str]]:
        if self._columns is None:
            # One query for every table and its columns: a request asks about several tables.
            self._columns = {}
            for row in self.rows("SELECT table_name, column_name FROM duckdb_columns() "
                                 "WHERE database_name = current_database() AND schema_name = 'main'"):
                self._columns.setdefault(row["table_name"], set()).add(row["column_name"])
        return self._columns

    def columns(self, table: str) -> set[str]:
        """Return a table's column names (stores written by an older schema may lack some)."""
        return self._all_columns().get(table, set())

    def has_column(self, table: str, column: str) -> bool:
        """Return whether a table has a column (stores written by an older schema may lack it)."""
        return column in self.columns(table)


def reader_of(source: Any) -> Reader:
    """Return a Reader over a Reader, a Store (its connection) or a DuckDB connection."""
    if isinstance(source, Reader):
        return source
    return Reader(getattr(source, "con", source))

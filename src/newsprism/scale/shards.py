"""Parquet shards of analysed articles: what a distributed worker sends back to the store.

A shard has one row per article: its ``article_id`` and, for each per-article table of the
store, a list of that table's rows (a list of structs typed from the store schema). Typing
from the schema keeps every shard's Parquet schema identical, whatever a batch happens to
contain, and lets the loader insert rows straight into DuckDB. Input shards (articles to
analyse) are Parquet files of ``articles`` rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.records import AnalyzedArticle, Article, InputFailure
from newsprism.store import Store
from newsprism.store.duckdb_store import article_from_row, rows_for
from newsprism.store.schema import TABLES

# Tables filled per article, in the order rows_for() returns them ("articles" first, so a
# loader inserting in this order never writes a record before its article).
ARTICLE_ROW_TABLES = tuple(rows_for([]))

_ARROW_TYPES = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "UBIGINT": pa.uint64(),
    "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
}


def _arrow_type(sql_type: str) -> pa.DataType:
    if sql_type.endswith("[]"):
        return pa.list_(_arrow_type(sql_type[:-2]))
    try:
        return _ARROW_TYPES[sql_type]
    except KeyError:
        raise ValueError(f"store column type {sql_type} has no Parquet shard mapping") from None


def table_schema(table: str) -> pa.Schema:
    """Return the Arrow schema of a store table, read from its DDL."""
    fields = []
    for line in TABLES[table].strip().splitlines():
        line = line.strip().rstrip(",")
        if not line or line.upper().startswith("PRIMARY KEY"):
            continue
        name, sql_type = re.split(r"\s+", line)[:2]
        fields.append(pa.field(name.strip('"'), _arrow_type(sql_type.upper())))
    return pa.schema(fields)


def shard_schema() -> pa.Schema:
    """Return the schema of an output shard: article id, one list-of-rows column per table, then
    the article's failure (a stage raised on it: it has no other rows)."""
    return pa.schema([pa.field("article_id", pa.string())] + [
        pa.field(table, pa.list_(pa.struct(list(table_schema(table))))) for table in (*ARTICLE_ROW_TABLES, "failures")])


def article_rows(articles: Sequence[Article]) -> pa.Table:
    """Return an input shard: the ``articles`` rows of articles still to analyse."""
    rows = rows_for([AnalyzedArticle(article=a) for a in articles])["articles"]
    return pa.Table.from_pylist(rows, schema=table_schema("articles"))


def articles_from_rows(table: pa.Table) -> list[Article]:
    """Return the Article records of an input shard."""
    return [article_from_row(row) for row in table.to_pylist()]


def analyzed_shard(analyzed: Sequence[AnalyzedArticle | InputFailure]) -> pa.Table:
    """Return the output shard of analysed (or failed) articles, one row per article, in their order."""
    columns: dict[str, list[Any]] = {"article_id": [], **{table: [] for table in (*ARTICLE_ROW_TABLES, "failures")}}
    for item in analyzed:
        if isinstance(item, InputFailure):
            columns["article_id"].append(item.article_id)
            for table in ARTICLE_ROW_TABLES:
                columns[table].append([])
            columns["failures"].append([{"source": item.source, "reason": item.reason, "article_id": item.article_id,
                                         "stage": item.stage, "error_type": item.error_type}])
            continue
        columns["failures"].append([])
        # Rows per article, so an actor named by several articles travels with each of them.
        rows = rows_for([item])
        columns["article_id"].append(item.article.id)
        for table in ARTICLE_ROW_TABLES:
            columns[table].append(rows[table])
    return pa.Table.from_pydict(columns, schema=shard_schema())


def write_shard(table: pa.Table, path: Path) -> Path:
    """Write a shard atomically (a half-written file never has the final name); return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    pq.write_table(table, partial)
    partial.replace(path)
    return path


def shard_rows(shard: pa.Table, skip: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Return the table rows of a shard's articles, leaving out those whose id is in ``skip``.

    An id met twice in the shard keeps its first row only.
    """
    keep: list[int] = []
    seen = set(skip)
    for position, article_id in enumerate(shard.column("article_id").to_pylist()):
        if article_id not in seen:
            seen.add(article_id)
            keep.append(position)
    kept = shard.take(pa.array(keep, type=pa.int64()))
    return {table: [row for rows in kept.column(table).to_pylist() for row in rows] for table in ARTICLE_ROW_TABLES}


def shard_failures(shard: pa.Table) -> list[InputFailure]:
    """Return the failures of a shard's articles (none in a shard from before failures travelled)."""
    if "failures" not in shard.column_names:
        return []
    return [InputFailure(row["source"], row["reason"], row["article_id"], row["stage"], row["error_type"])
            for rows in shard.column("failures").to_pylist() for row in rows or []]


def load_shard(store: Store, shard: pa.Table) -> list[Article]:
    """Write the shard's articles not yet stored, with all their rows; return those articles.

    Runs in the caller's transaction when there is one, so the runner can write copy links
    in the same transaction, as the local runner does.
    """
    rows = shard_rows(shard, store.known_article_ids(shard.column("article_id").to_pylist()))
    if not rows["articles"]:
        return []
    with store.transaction():
        for table in ARTICLE_ROW_TABLES:
            if table == "actors":
                store.upsert_actors(rows[table])
            else:
                store.insert_rows(table, rows[table])
    return [article_from_row(row) for row in rows["articles"]]

"""The per-article rows of a run's touched stories, copied once into temporary tables.

The story analysis reads each group of stories' events, sentences, dates, quotes, cited sources,
mentions and entities with queries of the form ``... WHERE article_id IN (SELECT unnest(?))``.
Article ids are hashes, so no zone map lets DuckDB skip a block: every such read scans its whole
table, and a wide one (sentences with their text) reads every column of every row before the
join drops them. At 100,000 stored articles a run of 1,000 new ones made about fifteen such
scans per group of stories, a cost that grew with the store rather than with what the new
articles touch.

``TouchedRows`` scans each per-article table once per run, for every article of the run's touched
stories, into a temporary table (rows in the stored order, so that a read without ORDER BY
returns them as before); ``TouchedRows.query`` answers a read restricted to those articles from
the copies, whose size is that of the touched stories, not of the store. Any other read goes to
the store unchanged. The analysis writes only the story tables (claims, framing, voices), never
the per-article tables copied here, so the copies stay true for the whole run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import duckdb

from newsprism.store import Store

# Per-article tables the story analysis reads by article id, and the column holding it; a table
# keyed by event is copied for the copied events.
BY_ARTICLE = ("events", "sentences", "dates", "quotes", "cited_sources", "actor_mentions", "entities")
BY_EVENT = ("event_actors",)
PREFIX = "touched_"
ARTICLE_FILTER = "article_id IN (SELECT unnest(?::VARCHAR[]))"
_TABLE = re.compile(r"\b(FROM|JOIN)\s+(" + "|".join(BY_ARTICLE + BY_EVENT) + r")\b", re.IGNORECASE)


def article_params(sql: str, params: Sequence[Any]) -> list[Sequence[Any]] | None:
    """Return the parameters a query's ``ARTICLE_FILTER`` placeholders take, or None when its
    placeholders cannot be told apart (a ``?`` inside a string, or a count that does not match)."""
    marks = [m.start() for m in re.finditer(r"\?", sql)]
    if len(marks) != len(params) or re.search(r"'[^']*\?[^']*'", sql):
        return None
    filters = {m.start() + ARTICLE_FILTER.index("?") for m in re.finditer(re.escape(ARTICLE_FILTER), sql)}
    return [params[k] for k, at in enumerate(marks) if at in filters]


class TouchedRows:
    """Copies of the per-article rows of a set of articles; answers reads restricted to them.

    Use as a context manager: the copies are dropped on leaving it. ``query`` has the signature
    of ``Store.query``, so that ``GroupQueries`` and the story functions can take it for a store."""

    def __init__(self, store: Store, article_ids: Sequence[str]) -> None:
        self.store = store
        self.article_ids = set(article_ids)
        self.copied = False

    def __enter__(self) -> "TouchedRows":
        if self.article_ids:
            con = self.store.con
            con.execute(f"CREATE OR REPLACE TEMP TABLE {PREFIX}ids AS SELECT unnest(?::VARCHAR[]) AS id",
                        [sorted(self.article_ids)])
            for table in BY_ARTICLE:
                con.execute(f"CREATE OR REPLACE TEMP TABLE {PREFIX}{table} AS SELECT t.* FROM {table} t "
                            f"WHERE t.article_id IN (SELECT id FROM {PREFIX}ids) ORDER BY t.rowid")
            for table in BY_EVENT:
                con.execute(f"CREATE OR REPLACE TEMP TABLE {PREFIX}{table} AS SELECT t.* FROM {table} t "
                            f"WHERE t.event_id IN (SELECT id FROM {PREFIX}events) ORDER BY t.rowid")
            self.copied = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self.copied:
            self.copied = False
            try:
                for table in ("ids", *BY_ARTICLE, *BY_EVENT):
                    self.store.con.execute(f"DROP TABLE IF EXISTS {PREFIX}{table}")
            except duckdb.Error:
                # Left by an error that aborted the transaction: the error is the one to report,
                # and temporary tables go with the connection.
                if exc[0] is None:
                    raise

    def answers(self, sql: str, params: Sequence[Any]) -> bool:
        """Return whether a read can be answered from the copies: every article filter it has asks
        for copied articles only (a table joined to them by article or event holds only theirs)."""
        if not self.copied or not _TABLE.search(sql):
            return False
        asked = article_params(sql, params)
        return bool(asked) and all(isinstance(ids, (list, tuple)) and self.article_ids.issuperset(ids) for ids in asked)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        if self.answers(sql, params):
            sql = _TABLE.sub(lambda m: f"{m.group(1)} {PREFIX}{m.group(2)}", sql)
        return self.store.query(sql, params)

    def __getattr__(self, name: str) -> Any:
        # Anything else (transactions, writes, the connection) is the store's.
        return getattr(self.store, name)

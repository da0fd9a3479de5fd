"""The DuckDB store: one file anyone can open with SQL.

All writes of one batch happen in one transaction, so an interrupted run leaves either the
whole batch or none of it; articles already stored are never rewritten.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsprism.config import DEFAULT_MEMORY_LIMIT
from newsprism.errors import NewsprismError, StoreLocked
from newsprism.nlp.furniture import find_furniture, furniture_at
from newsprism.places.records import Place
from newsprism.records import AnalyzedArticle, Article, InputFailure
from newsprism.store.schema import SCHEMA_VERSION, TABLES


def _columns(ddl: str) -> list[str]:
    """Return the column names of a table definition."""
    names = []
    for line in ddl.strip().splitlines():
        line = line.strip()
        if not line or line.upper().startswith("PRIMARY KEY"):
            continue
        names.append(line.split()[0].strip('"'))
    return names


COLUMNS = {table: _columns(ddl) for table, ddl in TABLES.items()}


class Store:
    """A newsprism store in a DuckDB file (or ``:memory:``)."""

    def __init__(self, path: Path | str, read_only: bool = False, memory_limit: str | None = None) -> None:
        self.path = Path(path) if str(path) != ":memory:" else path
        self.read_only = read_only
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(f"{path}: store is locked by another newsprism process; wait for it to finish or use another --db") from None
            if read_only and not Path(str(path)).exists():
                raise NewsprismError(f"{path}: no such store; run `newsprism analyze` first") from None
            raise NewsprismError(f"{path}: cannot open store ({str(exc).splitlines()[0]})") from None
        except duckdb.Error as exc:
            raise NewsprismError(f"{path}: not a newsprism store ({str(exc).splitlines()[0]})") from None
        self._depth = 0
        self.set_memory_limit(memory_limit or os.environ.get("NEWSPRISM_MEMORY_LIMIT") or DEFAULT_MEMORY_LIMIT)
        if not read_only:
            self._migrate()
        else:
            self._check_version()

    def set_memory_limit(self, limit: str) -> None:
        """Cap the memory DuckDB holds for this connection ("2GB", "512MB"); beyond it, it spills to disk."""
        try:
            self.con.execute(f"SET memory_limit = '{limit}'" if re.fullmatch(r"[0-9.]+\s*[KMGT]i?B", limit, re.I)
                             else "SELECT error('bad size')")
        except duckdb.Error:
            raise NewsprismError(f"memory_limit={limit!r}: not a size DuckDB understands (e.g. '2GB', '512MB')") from None

    # -- schema -------------------------------------------------------------------------------
    def _existing_tables(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}

    def _check_version(self) -> None:
        if "schema_version" not in self._existing_tables():
            raise NewsprismError(f"{self.path}: not a newsprism store (no schema_version table)")
        version = self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        if version is not None and version > SCHEMA_VERSION:
            raise NewsprismError(f"{self.path}: store has schema version {version}, newer than this newsprism ({SCHEMA_VERSION}); upgrade newsprism")

    def _migrate(self) -> None:
        existing = self._existing_tables()
        if "schema_version" in existing:
            self._check_version()
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, ddl in TABLES.items():
                if table not in existing:
                    self.con.execute(f"CREATE TABLE {table} ({ddl})")
            for table in set(TABLES) & existing:
                present = {r[0] for r in self.con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
                for column_def in TABLES[table].strip().splitlines():
                    column_def = column_def.strip().rstrip(",")
                    name = column_def.split()[0].strip('"') if column_def else ""
                    if name and not column_def.upper().startswith("PRIMARY KEY") and name not in present:
                        # Added columns cannot carry NOT NULL without a default on old rows.
                        self.con.execute(f"ALTER TABLE {table} ADD COLUMN {column_def.replace('NOT NULL', '')}")
            current = self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
            if current is None or current < SCHEMA_VERSION:
                self.con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    # -- writes -------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction (nested blocks join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    def insert_rows(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Insert rows (dicts keyed by column name) into ``table`` in one statement."""
        if not rows:
            return
        columns = [c for c in COLUMNS[table] if c in rows[0]]
        arrow = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])  # noqa: F841
        quoted = ", ".join(f'"{c}"' for c in columns)
        self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM arrow")

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Return which of ``ids`` are already stored."""
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, analyzed: Sequence[AnalyzedArticle], failures: Sequence[InputFailure] = (),
                    extra_rows: dict[str, list[dict[str, Any]]] | None = None) -> int:
        """Store a batch of analysed articles in one transaction; return how many were new."""
        known = self.known_article_ids(item.article.id for item in analyzed)
        unique: dict[str, AnalyzedArticle] = {}
        for item in analyzed:
            if item.article.id not in known:
                unique.setdefault(item.article.id, item)
        rows = rows_for(list(unique.values()))
        rows["failures"] = [{"source": f.source, "reason": f.reason, "article_id": f.article_id,
                             "stage": f.stage, "error_type": f.error_type} for f in failures]
        for table, extra in (extra_rows or {}).items():
            rows.setdefault(table, []).extend(extra)
        with self.transaction():
            for table, table_rows in rows.items():
                if table == "actors":
                    self.upsert_actors(table_rows)
                else:
                    self.insert_rows(table, table_rows)
        return len(unique)

    def upsert_actors(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert actors, merging aliases and filling unknown country/sector of known ones."""
        if not rows:
            return
        merged: dict[str, dict[str, Any]] = {}
        for row in rows:
            current = merged.get(row["id"])
            if current is None:
                merged[row["id"]] = {**row, "aliases": list(dict.fromkeys(row.get("aliases") or []))}
            else:
                current["aliases"] = list(dict.fromkeys([*current["aliases"], *(row.get("aliases") or [])]))
                current["country"] = current["country"] or row.get("country")
                current["sector"] = current["sector"] or row.get("sector")
        existing = {r[0]: r for r in self.con.execute(
            "SELECT id, aliases, country, sector FROM actors WHERE id IN (SELECT unnest(?))", [list(merged)]).fetchall()}
        new_rows = []
        for actor_id, row in merged.items():
            if actor_id in existing:
                _, aliases, country, sector = existing[actor_id]
                all_aliases = list(dict.fromkeys([*(aliases or []), *row["aliases"]]))
                self.con.execute(
                    "UPDATE actors SET aliases = ?, country = coalesce(country, ?), sector = coalesce(sector, ?) WHERE id = ?",
                    [all_aliases, row.get("country"), row.get("sector"), actor_id])
            else:
                new_rows.append(row)
        self.insert_rows("actors", new_rows)

    def replace_rows(self, table: str, rows: Sequence[dict[str, Any]], where: str = "", params: Sequence[Any] = ()) -> None:
        """Replace the rows of ``table`` matching ``where`` (all rows if empty) in one transaction."""
        with self.transaction():
            self.con.execute(f"DELETE FROM {table}" + (f" WHERE {where}" if where else ""), list(params))
            self.insert_rows(table, rows)

    # -- reads --------------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Return the rows of a parameterised query as dicts."""
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def count(self, table: str) -> int:
        if not re.fullmatch(r"[a-z_]+", table):
            raise ValueError(f"bad table name {table!r}")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def counts(self) -> dict[str, int]:
        """Return the number of rows of every table."""
        return {table: self.count(table) for table in TABLES if table in self._existing_tables()}

    def articles(self) -> list[Article]:
        """Return every stored article as a record."""
        result = []
        for row in self.query("SELECT * FROM articles ORDER BY published NULLS LAST, ingested_at, id"):
            result.append(article_from_row(row))
        return result

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def article_from_row(row: dict[str, Any]) -> Article:
    """Return the Article record for an ``articles`` row."""
    month_day = (row["published_month"], row["published_day"]) if row.get("published_month") else None
    span = (row["dateline_start"], row["dateline_end"]) if row.get("dateline_start") is not None else None
    return Article(
        id=row["id"], source=row["source"], format=row["format"], text=row["text"], title=row["title"],
        outlet=row["outlet"], outlet_from=row["outlet_from"], published=row["published"],
        published_from=row["published_from"], published_month_day=month_day, dateline=row["dateline"],
        dateline_span=span, language=row["language"], url=row["url"], content_hash=row["content_hash"],
    )


def _record_row(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def rows_for(analyzed: Sequence[AnalyzedArticle]) -> dict[str, list[dict[str, Any]]]:
    """Return the table rows for analysed articles (the same rows a Ray shard carries)."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in (
        "articles", "sentences", "entities", "dates", "cited_sources", "actors", "actor_mentions",
        "events", "event_actors", "quotes", "places")}
    for item in analyzed:
        a = item.article
        rows["articles"].append({
            "id": a.id, "source": a.source, "format": a.format, "outlet": a.outlet, "outlet_from": a.outlet_from,
            "title": a.title, "text": a.text, "published": a.published, "published_from": a.published_from,
            "published_month": a.published_month_day[0] if a.published_month_day else None,
            "published_day": a.published_month_day[1] if a.published_month_day else None,
            "dateline": a.dateline,
            "dateline_start": a.dateline_span[0] if a.dateline_span else None,
            "dateline_end": a.dateline_span[1] if a.dateline_span else None,
            "language": a.language, "url": a.url, "content_hash": a.content_hash, "word_count": a.word_count,
            "ingested_at": datetime.now(),
        })
        furniture = find_furniture(a.text)   # captions, bylines, "Read more" lines: kept, marked
        for s in item.sentences:
            rows["sentences"].append({"article_id": s.article_id, "sentence_index": s.index, "start": s.start, "end": s.end,
                                      "text": s.text, "furniture": furniture_at(furniture, s.start, s.end)})
        rows["entities"].extend(_record_row(e) for e in item.entities)
        rows["dates"].extend(_record_row(d) for d in item.dates)
        rows["cited_sources"].extend(_record_row(c) for c in item.cited_sources)
        for actor in item.actors:
            row = _record_row(actor)
            row["aliases"] = list(actor.aliases)
            rows["actors"].append(row)
        rows["actor_mentions"].extend(_record_row(m) for m in item.actor_mentions)
        where = event_place_columns(item.event_places)
        for event in item.events:
            row = _record_row(event)
            sources, targets = row.pop("sources"), row.pop("targets")
            rows["events"].append({**row, **EVENT_PLACE_NONE, **where.get(event.id, {})})
            for role, refs in (("source", sources), ("target", targets)):
                for position, ref in enumerate(refs):
                    rows["event_actors"].append({"event_id": event.id, "role": role, "position": position, **_record_row(ref)})
        rows["quotes"].extend(_record_row(q) for q in item.quotes)
        rows["places"].extend(place_row(m) for m in item.places)
    return rows


def place_row(mention: Any) -> dict[str, Any]:
    """Return the ``places`` row of a PlaceMention."""
    t, p = mention.toponym, mention.place
    # The table's place columns are the Place record's fields, empty for an unresolved name.
    place = _record_row(p) if p else dict.fromkeys(f.name for f in dataclasses.fields(Place))
    return {"article_id": t.article_id, "sentence_index": t.sentence_index, "start": t.start, "end": t.end,
            "text": t.text, "kind": t.kind, "status": mention.reason, **place}


EVENT_PLACE_NONE: dict[str, Any] = dict.fromkeys((
    "place_name", "geonameid", "lat", "lon", "country", "admin1", "feature_code", "how", "place_start", "place_end",
    "destination_name", "destination_geonameid", "destination_lat", "destination_lon"))


def event_place_columns(event_places: Sequence[Any]) -> dict[str, dict[str, Any]]:
    """Return event id → the place columns of its ``events`` row (location and destination)."""
    columns: dict[str, dict[str, Any]] = {}
    for ep in event_places:
        row = columns.setdefault(ep.event_id, {})
        if ep.role == "destination":
            row.update(destination_name=ep.place.name, destination_geonameid=ep.place.geonameid,
                       destination_lat=ep.place.lat, destination_lon=ep.place.lon)
        else:
            row.update(place_name=ep.place.name, geonameid=ep.place.geonameid, lat=ep.place.lat, lon=ep.place.lon,
                       country=ep.place.country, admin1=ep.place.admin1, feature_code=ep.place.feature_code,
                       how=ep.how, place_start=ep.start, place_end=ep.end)
    return columns

"""Helpers for comparing stores and building small corpora from ../shared for the scale tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from newsprism.store.schema import TABLES
from tests.conftest import SHARED

ECBPLUS = SHARED / "corpus" / "ecbplus"
# Columns that record when a row was written differ between any two runs: every TIMESTAMP
# column is left out, whichever table (stories, claims, ...) it belongs to.


def table_contents(db: Path) -> dict[str, list[tuple]]:
    """Return every table's rows (timestamps left out), sorted, so two stores compare with ==."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        contents = {}
        for table in TABLES:
            columns = [row[0] for row in con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall() if not row[1].startswith("TIMESTAMP")]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f"SELECT {quoted} FROM {table}").fetchall()
            contents[table] = sorted(rows, key=repr)
        return contents
    finally:
        con.close()


def ecbplus_sample(folder: Path, count: int) -> Path:
    """Copy the first ``count`` ECB+ documents of topic 1 into ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted((ECBPLUS / "1").glob("*.xml"))[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def orphans(db: Path) -> dict[str, int]:
    """Return, per check, how many rows break the store's integrity (all zero when consistent)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        checks = {
            table: f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)"
            for table in ("sentences", "entities", "dates", "cited_sources", "actor_mentions", "events", "quotes",
                          "minhashes", "copies")
        }
        checks["event_actors"] = ("SELECT count(*) FROM event_actors x "
                                  "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = x.event_id)")
        # A whole article has its sentences and its copy-detection signature.
        checks["articles without sentences"] = ("SELECT count(*) FROM articles a "
                                                "WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)")
        checks["articles without signature"] = ("SELECT count(*) FROM articles a "
                                                "WHERE NOT EXISTS (SELECT 1 FROM minhashes m WHERE m.article_id = a.id)")
        return {name: con.execute(sql).fetchone()[0] for name, sql in checks.items()}
    finally:
        con.close()

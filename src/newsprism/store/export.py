"""Every export format `newsprism export` writes, in one registry: name -> what it writes.

Table formats (jsonl, csv, parquet) write one file per table; the others one file each: the
actor network (graphml, gexf), the events in POLECAT or GDELT layout, the placed events as
GeoJSON. All read the store through the read layer (``newsprism.store.read``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.store.read.reader import reader_of
from newsprism.store.read.tables import COPY_OPTIONS, copy_table
from newsprism.store.schema import EXPORT_TABLES

# Tables of the store's own bookkeeping: never exported.
INTERNAL_TABLES = {"schema_version", "minhashes"}


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export: its name, what it holds, and the function writing it into a folder."""

    name: str
    holds: str
    write: Callable[[Any, Path], list[Path]]


def export_tables(store: Any, out_dir: Path, fmt: str, tables: tuple[str, ...] | None = None) -> list[Path]:
    """Write each table to ``out_dir/<table>.<fmt>``; return the paths written."""
    if fmt not in COPY_OPTIONS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(COPY_OPTIONS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    r = reader_of(store)
    present = r.tables()
    chosen = tables or tuple(t for t in EXPORT_TABLES if t in present) + tuple(
        sorted(present - set(EXPORT_TABLES) - INTERNAL_TABLES))
    return [copy_table(r, table, out_dir / f"{table}.{fmt}", fmt) for table in chosen]


def _one_file(file_name: str, write_file: Callable[[Any, Path], Path]) -> Callable[[Any, Path], list[Path]]:
    return lambda store, out_dir: [write_file(store, out_dir / file_name)]


def _tables(fmt: str) -> Callable[[Any, Path], list[Path]]:
    return lambda store, out_dir: export_tables(store, out_dir, fmt)


def _graphml(store: Any, path: Path) -> Path:
    from newsprism.store.graph_export import store_actor_graph, write_graphml

    return write_graphml(store_actor_graph(store), path)


def _gexf(store: Any, path: Path) -> Path:
    from newsprism.store.graph_export import store_actor_graph, write_gexf

    return write_gexf(store_actor_graph(store), path)


def _events(layout: str) -> Callable[[Any, Path], Path]:
    def write(store: Any, path: Path) -> Path:
        from newsprism.store import event_formats

        return getattr(event_formats, f"write_{layout}")(store, path)
    return write


EXPORTS: dict[str, ExportFormat] = {
    f.name: f for f in (
        ExportFormat("jsonl", "every table, one JSON-lines file each", _tables("jsonl")),
        ExportFormat("csv", "every table, one CSV file each", _tables("csv")),
        ExportFormat("parquet", "every table, one Parquet file each", _tables("parquet")),
        ExportFormat("graphml", "the actor network as GraphML", _one_file("actor_network.graphml", _graphml)),
        ExportFormat("gexf", "the actor network as GEXF", _one_file("actor_network.gexf", _gexf)),
        ExportFormat("polecat", "the events in POLECAT layout (TSV)", _one_file("events_polecat.tsv", _events("polecat"))),
        ExportFormat("gdelt", "the events in GDELT 2.0 layout (TSV, newsprism's columns beside it)",
                     _one_file("events_gdelt.tsv", _events("gdelt"))),
        ExportFormat("geojson", "the placed events as GeoJSON points", _one_file("events.geojson", _events("geojson"))),
    )
}
# The per-table formats, for callers that only want those.
FORMATS = tuple(COPY_OPTIONS)


def export(store: Any, out_dir: Path, fmt: str) -> list[Path]:
    """Write the export ``fmt`` into ``out_dir``; return the files written (ValueError for an unknown format)."""
    if fmt not in EXPORTS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(EXPORTS)}")
    return EXPORTS[fmt].write(store, out_dir)

"""The actor network: who did what to whom, as a networkx graph, GraphML, GEXF or JSON.

Nodes are actors (resolved actor id where the actor stage gave one, else the name as
written). There is one edge per (source, target, PLOVER type), weighted by the number of
events, carrying the event ids and the articles they came from, so Gephi can colour edges
by type and a click in the web UI can lead back to the sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from newsprism.records import ActorRef
from newsprism.store.read import actor_names, read_coded_events, reader_of
from newsprism.store.read.records import CodedEvent


def actor_key(ref: ActorRef) -> str:
    """Return the node id of an actor: its resolved id, else its name as written."""
    return ref.actor_id or f"name:{ref.name.strip().lower()}"


def build_actor_graph(
    events: Sequence[CodedEvent], actor_names: dict[str, str] | None = None
) -> nx.MultiDiGraph:
    """Return a directed multigraph with one edge per (source, target, PLOVER type).

    Negated events are left out: "X did not meet Y" is no tie between X and Y.
    ``actor_names`` maps resolved actor ids to their canonical names for node labels.
    """
    graph = nx.MultiDiGraph(name="newsprism actor network")
    actor_names = actor_names or {}
    for event in events:
        if event.negated:
            continue
        for ref in (*event.sources, *event.targets):
            key = actor_key(ref)
            if key not in graph:
                graph.add_node(
                    key,
                    label=actor_names.get(ref.actor_id or "", ref.name),
                    country=ref.country or "",
                    sector=ref.sector or "",
                    actor_id=ref.actor_id or "",
                    events=0,
                )
            node = graph.nodes[key]
            node["events"] += 1
            node["country"] = node["country"] or ref.country or ""
            node["sector"] = node["sector"] or ref.sector or ""
        for source in event.sources:
            for target in event.targets:
                u, v = actor_key(source), actor_key(target)
                if u == v:
                    continue
                if graph.has_edge(u, v, key=event.plover_type):
                    data = graph.edges[u, v, event.plover_type]
                    data["weight"] += 1
                    data["event_ids"] = _join(data["event_ids"], event.id)
                    data["article_ids"] = _join(data["article_ids"], event.article_id)
                    data["outlets"] = _join(data["outlets"], event.outlet or "")
                else:
                    graph.add_edge(
                        u,
                        v,
                        key=event.plover_type,
                        plover_type=event.plover_type,
                        weight=1,
                        event_ids=event.id,
                        article_ids=event.article_id,
                        outlets=event.outlet or "",
                        label=event.plover_type,
                    )
    return graph


def _join(joined: str, value: str) -> str:
    """Append to a ';'-separated list unless already there (GraphML holds scalars, not lists)."""
    items = joined.split(";") if joined else []
    if value and value not in items:
        items.append(value)
    return ";".join(items)


def store_actor_graph(
    store: object, article_ids: Sequence[str] | None = None
) -> nx.MultiDiGraph:
    """Return the actor network of the stored events (or of ``article_ids`` only)."""
    r = reader_of(store)
    return build_actor_graph(read_coded_events(r, article_ids), actor_names(r))


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph as GraphML (opens in Gephi, yEd, networkx.read_graphml); return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, path)
    return path


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Write the graph as GEXF 1.2 (Gephi's own format); return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(graph, path)
    return path


@dataclass(frozen=True, slots=True)
class NetworkNode:
    id: str
    label: str
    country: str
    sector: str
    actor_id: str
    events: int


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    source: str
    target: str
    plover_type: str
    weight: int
    event_ids: tuple[str, ...]
    outlets: tuple[str, ...]


def network_parts(graph: nx.MultiDiGraph) -> tuple[list[NetworkNode], list[NetworkEdge]]:
    """Return the graph's nodes and edges as plain records (for JSON and drawing)."""
    nodes = [
        NetworkNode(key, d["label"], d["country"], d["sector"], d["actor_id"], d["events"])
        for key, d in graph.nodes(data=True)
    ]
    edges = [
        NetworkEdge(
            u,
            v,
            d["plover_type"],
            d["weight"],
            tuple(d["event_ids"].split(";")),
            tuple(o for o in d["outlets"].split(";") if o),
        )
        for u, v, d in graph.edges(data=True)
    ]
    return nodes, edges


def export_standard(store: object, out_dir: Path, fmt: str) -> Path:
    """Write one single-file export (graphml, gexf, polecat, gdelt, geojson); return the file.

    The formats are those of the one registry, ``newsprism.store.export.EXPORTS``."""
    from newsprism.store.export import FORMATS, export

    if fmt in FORMATS:
        raise ValueError(f"{fmt!r} writes one file per table: use newsprism.store.export.export")
    return export(store, out_dir, fmt)[0]

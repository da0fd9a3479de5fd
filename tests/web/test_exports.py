"""GraphML/GEXF actor network and POLECAT/GDELT event tables, as Gephi and pandas users open them."""

from __future__ import annotations

import csv
from datetime import date

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.records import ActorRef
from newsprism.store import Store
from newsprism.store.event_formats import (
    GDELT_COLUMNS,
    POLECAT_COLUMNS,
    CodedEvent,
    cameo_quad_class,
    gdelt_rows,
    read_coded_events,
)
from newsprism.store.graph_export import build_actor_graph, export_standard

pytestmark = pytest.mark.shared


def _event(event_id: str, plover: str, sources, targets, negated=False, cameo="040") -> CodedEvent:
    return CodedEvent(
        id=event_id,
        article_id="a1",
        sentence_index=0,
        start=0,
        end=5,
        trigger="spoke",
        plover_type=plover,
        mode=None,
        cameo=cameo,
        sources=tuple(sources),
        targets=tuple(targets),
        location="Moscow",
        date=date(2023, 6, 24),
        negated=negated,
        modality="happened",
        attribution=None,
        confidence=0.9,
        sentence="Putin spoke with Erdogan.",
        outlet="TASS",
        published=date(2023, 6, 26),
        url=None,
        language="en",
    )


PUTIN = ActorRef("p1", "Vladimir Putin", "RUS", "GOV")
ERDOGAN = ActorRef("e1", "Recep Tayyip Erdogan", "TUR", "GOV")
UNNAMED = ActorRef(None, "the mercenaries", None, "REB")


def test_one_edge_per_source_target_and_type_weighted_by_events():
    graph = build_actor_graph(
        [
            _event("x1", "CONSULT", [PUTIN], [ERDOGAN]),
            _event("x2", "CONSULT", [PUTIN], [ERDOGAN]),
            _event("x3", "SUPPORT", [ERDOGAN], [PUTIN]),
            _event("x4", "ASSAULT", [UNNAMED], [PUTIN], negated=True),
        ]
    )
    assert graph.edges["p1", "e1", "CONSULT"]["weight"] == 2
    assert graph.edges["p1", "e1", "CONSULT"]["event_ids"] == "x1;x2"
    assert graph.edges["e1", "p1", "SUPPORT"]["weight"] == 1
    assert "name:the mercenaries" not in graph  # a negated event is no tie


def test_graphml_and_gexf_round_trip_through_networkx(seeds_store, tmp_path):
    with Store(seeds_store, read_only=True) as store:
        graphml = export_standard(store, tmp_path, "graphml")
        gexf = export_standard(store, tmp_path, "gexf")
    for graph in (nx.read_graphml(graphml), nx.read_gexf(gexf)):
        assert graph.number_of_edges() > 5
        labels = {data.get("label") for _, data in graph.nodes(data=True)}
        assert "Vladimir Putin" in labels
        types = {data.get("plover_type") for _, _, data in graph.edges(data=True)}
        assert "CONSULT" in types


def test_polecat_table_has_polecat_columns_and_provenance(seeds_store, tmp_path):
    with Store(seeds_store, read_only=True) as store:
        path = export_standard(store, tmp_path, "polecat")
        texts = {r["id"]: r["text"] for r in store.query("SELECT id, text FROM articles")}
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(rows[0]) == POLECAT_COLUMNS
    assert rows
    for row in rows:
        assert row["Event Type"] and row["Quad Code"] in {
            "VERBAL COOPERATION",
            "MATERIAL COOPERATION",
            "VERBAL CONFLICT",
            "MATERIAL CONFLICT",
        }
        text = texts[row["article_id"]]
        assert text[int(row["start"]) : int(row["end"])] == row["trigger"]
    consult = [r for r in rows if r["Event Type"] == "CONSULT" and r["Event Mode"] == "phone"]
    assert consult and any(r["Actor Country"] == "RUS" for r in consult)


def test_gdelt_table_carries_cameo_codes_and_quad_class(seeds_store, tmp_path):
    with Store(seeds_store, read_only=True) as store:
        path = export_standard(store, tmp_path, "gdelt")
        events = read_coded_events(store)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert tuple(header) == GDELT_COLUMNS
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert len(rows) == len(gdelt_rows(events)) > 0
    for row in rows:
        assert row["EventCode"].isdigit() and row["EventRootCode"] == row["EventCode"][:2]
        assert row["QuadClass"] == str(cameo_quad_class(row["EventCode"]))
        assert len(row["SQLDATE"]) == 8


def test_tabs_and_newlines_in_a_sentence_do_not_break_rows(tmp_path):
    event = _event("t1", "CONSULT", [PUTIN], [ERDOGAN])
    event = CodedEvent(
        **{
            **{f: getattr(event, f) for f in event.__slots__},
            "sentence": "Putin\tspoke\nwith Erdogan.",
        }
    )
    rows = gdelt_rows([event])
    from newsprism.store.event_formats import _write_tsv

    path = _write_tsv(tmp_path / "x.tsv", GDELT_COLUMNS, rows)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and len(lines[1].split("\t")) == len(GDELT_COLUMNS)


@pytest.mark.parametrize(
    "root, quad",
    [
        ("01", 1),
        ("057", 1),
        ("073", 2),
        ("112", 3),
        ("130", 3),
        ("180", 4),
        ("193", 4),
        (None, None),
        ("x", None),
    ],
)
def test_cameo_quad_class(root, quad):
    assert cameo_quad_class(root) == quad


def test_cli_export_writes_each_standard_format(seeds_store, tmp_path):
    runner = CliRunner()
    for fmt, name in (
        ("graphml", "actor_network.graphml"),
        ("gexf", "actor_network.gexf"),
        ("polecat", "events_polecat.tsv"),
        ("gdelt", "events_gdelt.tsv"),
    ):
        result = runner.invoke(
            app, ["export", "--db", str(seeds_store), "--format", fmt, "--out", str(tmp_path)]
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).is_file()
    bad = runner.invoke(
        app, ["export", "--db", str(seeds_store), "--format", "xml", "--out", str(tmp_path)]
    )
    assert bad.exit_code == 2 and "unknown format 'xml'" in bad.output

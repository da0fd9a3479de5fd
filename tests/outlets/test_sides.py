"""Sides: grouping a story's outlets, and per-side claims, omissions, wording and voices."""

from __future__ import annotations

import pytest

from newsprism.outlets import UnreadableOutletFile
from newsprism.outlets.compare import omissions_by_side, side_strip, voices_by_side, wording_by_side
from newsprism.outlets.sides import UNASSIGNED, UNPROFILED, assign_sides, by_outlet

OUTLETS = ["TASS", "RT", "Reuters", "BBC", "The Gulf Observer", "Drovna Courier"]


def test_control_sides_put_state_media_apart_and_unknowns_in_unprofiled():
    sides = assign_sides(OUTLETS, "control")
    assert sides.side_of["TASS"] == sides.side_of["RT"] == "state-controlled"
    assert sides.side_of["Reuters"] == sides.side_of["BBC"] == "independent"
    # Known by name but not by control, and not known at all: both unprofiled, and shown last.
    assert sides.side_of["The Gulf Observer"] == sides.side_of["Drovna Courier"] == UNPROFILED
    assert sides.order[-1] == UNPROFILED


def test_country_sides_use_iso_codes():
    sides = assign_sides(OUTLETS, "country")
    assert sides.members("RUS") == ("RT", "TASS")
    assert sides.members("GBR") == ("BBC", "Reuters")


def test_a_sides_file_groups_outlets_by_name_variant_or_domain(tmp_path):
    path = tmp_path / "sides.tsv"
    path.write_text("# my sides\nMoscow\tTASS; rt.com\nLondon\tReuters News; BBC\n", encoding="utf-8")
    sides = assign_sides(OUTLETS, "file", sides_file=path)
    assert sides.members("Moscow") == ("RT", "TASS")
    assert sides.members("London") == ("BBC", "Reuters")
    assert sides.side_of["Drovna Courier"] == UNASSIGNED


def test_a_malformed_sides_file_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad-sides.tsv"
    path.write_text("Moscow TASS\n", encoding="utf-8")
    with pytest.raises(UnreadableOutletFile, match=r"bad-sides\.tsv: line 1"):
        assign_sides(OUTLETS, "file", sides_file=path)


def test_a_claims_side_strip_counts_reporting_and_disputing_outlets():
    sides = assign_sides(OUTLETS, "control")
    cells = {c.side: c for c in side_strip({"TASS": "asserts", "RT": "negates", "Reuters": "asserts"}, sides)}
    assert cells["state-controlled"].status == "split"
    assert cells["independent"].status == "reports" and cells["independent"].reporting == ("Reuters",)
    assert cells["independent"].members == 2
    assert cells[UNPROFILED].status == "absent"


def test_omissions_by_side_list_what_only_one_side_carries():
    sides = assign_sides(OUTLETS, "control")
    result = {o.side: o for o in omissions_by_side({"c1": ["TASS"], "c2": ["TASS", "BBC"], "c3": ["Reuters"]}, sides)}
    assert result["state-controlled"].only_here == ("c1",)
    assert result["state-controlled"].missing_here == ("c3",)
    assert result["independent"].only_here == ("c3",)
    assert result["independent"].missing_here == ("c1",)


def test_wording_and_voices_count_each_outlet_once():
    sides = assign_sides(OUTLETS, "control")
    terms = [("TASS", "event_name", "armed rebellion", None), ("RT", "event_name", "armed rebellion", None),
             ("RT", "event_name", "mutiny", None), ("BBC", "event_name", "mutiny", None)]
    wording = wording_by_side(terms, sides)
    assert [(t.term, t.outlets) for t in wording["state-controlled"]] == [("armed rebellion", 2), ("mutiny", 1)]
    voices = voices_by_side([("TASS", "Peskov", 3, "RUS", "GOV"), ("RT", "Peskov", 1, "RUS", "GOV"),
                             ("BBC", "Peskov", 1, "RUS", "GOV")], sides)
    assert (voices["state-controlled"][0].quotes, voices["state-controlled"][0].outlets) == (4, 2)


def test_by_outlet_makes_every_outlet_its_own_side():
    assert by_outlet(["B", "A"]).order == ("A", "B")

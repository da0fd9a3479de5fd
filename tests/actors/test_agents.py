"""Sectors of described actors from the compiled PETRARCH2 agents table (phoenix_agents.tsv).

Every phrase here is missing from the hand-kept titles.tsv, so only the compiled table can give
its sector; one or two per sector the table maps to.
"""

from __future__ import annotations

import pytest

from newsprism.actors import describe
from newsprism.actors.titles import agent_titles, lookup_title

from ..conftest import SHARED


@pytest.mark.parametrize(("text", "expected"), [
    # COP
    ("the Algerian gendarmerie", ("DZA", "COP")),
    ("state troopers", (None, "COP")),
    ("anti-riot police", (None, "COP")),
    # REB (CAMEO's REB and UAF)
    ("coup makers", (None, "REB")),
    ("a death squad", (None, "REB")),
    # MIL
    ("the paramilitaries", (None, "MIL")),
    ("Iraqi infantry", ("IRQ", "MIL")),
    # JUD, LEG, GOV
    ("magistrates", (None, "JUD")),
    ("the judiciary", (None, "JUD")),
    ("Kenyan parliamentarians", ("KEN", "LEG")),
    ("Egyptian bureaucrats", ("EGY", "GOV")),
    ("the Peruvian consulate", ("PER", "GOV")),
    # MED, BUS, CVL, OPP
    ("columnists", (None, "MED")),
    ("entrepreneurs", (None, "BUS")),
    ("schoolteachers", (None, "CVL")),
    ("mutineers", (None, "OPP")),
])
def test_compiled_agent_nouns_give_a_sector(text, expected):
    assert describe(text) == expected


def test_the_hand_table_wins_over_the_compiled_one():
    # PETRARCH2 codes "state media" GOVMED; our table says media are MED whoever owns them.
    assert describe("Russian state media") == ("RUS", "MED")
    # A strong hand-kept title beats a weak compiled noun in the same phrase.
    assert describe("rebel commander") == (None, "REB")


def test_compiled_nouns_are_not_titles_before_names():
    # The compiled rows mix persons with things ("warship"): they never make a capitalised word
    # a title, nor a noun a person, for the resolver or the event coder.
    assert lookup_title("warship") is None
    assert ("warship",) in agent_titles()
    assert all(t.kind in ("people", "body") and not t.strong for t in agent_titles().values())


def test_a_described_group_takes_the_compiled_sector(analyze_text):
    a = analyze_text("Kenyan parliamentarians walked out of the chamber on Tuesday.")
    found = [x for x in a.actors if "parliamentarians" in x.name]
    assert found and (found[0].country, found[0].sector) == ("KEN", "LEG")


@pytest.mark.shared
def test_the_committed_table_is_what_the_converter_makes():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "compile_phoenix_agents.py"
    spec = importlib.util.spec_from_file_location("compile_phoenix_agents", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = SHARED / "lexicons" / "petrarch2" / "Phoenix.agents.txt"
    rows = module.rows(source.read_text(encoding="utf-8", errors="replace"))
    committed = [line.split("\t") for line in module.TARGET.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
    assert [list(r) for r in rows] == committed

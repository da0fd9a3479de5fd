"""Done-when on the two seeds: what they corroborate, what only one reports, wording and voices.

Claims are found by structure (type, actors, date, outlets), compared with ../shared/gold/seeds.story.json.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store
from newsprism.stories.queries import list_stories, story_view
from tests.conftest import GOLD, SEEDS

pytestmark = pytest.mark.shared
GULF, TASS = "The Gulf Observer", "TASS"


@pytest.fixture(scope="module")
def view(seeds_store):
    with Store(seeds_store, read_only=True) as store:
        stories = list_stories(store)
        assert len(stories) == 1, "the two seeds tell one story"
        return story_view(store, stories[0]["id"])


@pytest.fixture(scope="module")
def gold():
    return json.loads((GOLD / "seeds.story.json").read_text(encoding="utf-8"))


def claims_with(view, status, plover_types, actor, outlets, when=None):
    """Return the claims of a status, of one of the types, naming the actor, reported by exactly those outlets."""
    found = []
    for claim in view.claims:
        names = " ".join(claim["sources"] + claim["targets"])
        if (claim["status"] == status and claim["plover_type"] in plover_types and actor in names
                and set(claim["outlets"]) == set(outlets) and (when is None or claim["date"] == when)):
            found.append(claim)
    return found


def test_both_outlets_and_the_relay(view):
    assert view.outlets == [TASS, GULF]
    gulf = next(a for a in view.articles if a["outlet"] == GULF)
    assert gulf["relays"] == "Dailymail" and gulf["origin"] == "Dailymail"


@pytest.mark.parametrize("plover_types, actor, when", [
    (("CONSULT",), "Vladimir Putin", date(2023, 6, 24)),          # Putin's phone contacts on 24 June
    (("MOBILIZE", "ASSAULT"), "Wagner Group", None),              # the move from Rostov-on-Don toward Moscow
    (("REQUEST", "ACCUSE", "THREATEN"), "Yevgeny Prigozhin", date(2023, 6, 23)),  # turning on the military leadership
])
def test_corroborated(view, plover_types, actor, when):
    assert claims_with(view, "corroborated", plover_types, actor, [GULF, TASS], when)


def test_the_move_toward_moscow_is_the_corroborated_one(view):
    (claim,) = claims_with(view, "corroborated", ("MOBILIZE", "ASSAULT"), "Wagner Group", [GULF, TASS])
    assert any("Rostov" in t for t in claim["targets"])


@pytest.mark.parametrize("outlet, plover_types, actor", [
    (GULF, ("CONSULT",), "Antony Blinken"),          # Blinken's call with G7 and EU counterparts
    pytest.param(GULF, ("SUPPORT",), "Recep Tayyip Erdogan", marks=pytest.mark.xfail(
        reason="Erdogan's support is told on the Kremlin's word: a party's statement under the own-voice rule (issue 16)")),
    (TASS, ("CONSULT",), "Alexander Lukashenko"),    # Lukashenko's talks with Prigozhin
    (TASS, ("RETREAT",), "Wagner Group"),            # the retreat to base camp
    (TASS, ("CONCEDE",), "Yevgeny Prigozhin"),       # charges against Prigozhin dropped
])
def test_single_source(view, outlet, plover_types, actor):
    claims = claims_with(view, "single-source", plover_types, actor, [outlet])
    assert claims and all(c["single_outlet"] == outlet for c in claims)


def test_nothing_is_contradicted(view):
    assert view.counts["contradicted"] == 0 and view.contradictions == []


def test_omissions_list_what_only_one_outlet_reports(view):
    only_gulf = {c["label"] for c in view.claims if c["id"] in view.omissions[GULF]["only_here"]}
    assert any("Antony Blinken" in label for label in only_gulf)
    assert set(view.omissions[GULF]["only_here"]) == set(view.omissions[TASS]["missing_here"])


def _outlet_terms(view, outlet):
    return [t["term"].lower() for kind in view.framing.get(outlet, {}).values() for t in kind]


@pytest.mark.parametrize("article, outlet", [("000_2e4a2dc89b094573.txt", GULF), ("003_59f4be08ed298044.txt", TASS)])
def test_wording_close_to_gold(view, gold, article, outlet):
    terms = _outlet_terms(view, outlet)
    expected = gold["framing"][article]
    found = [g for g in expected if any(g.lower() in t or t in g.lower() for t in terms)]
    assert len(found) >= 0.8 * len(expected), (set(expected) - set(found))


def test_each_outlets_own_names_for_the_happening(view):
    names = {outlet: {t["term"] for t in view.framing[outlet].get("event_name", [])} for outlet in view.outlets}
    assert {"armed rebellion", "armed uprising"} <= names[GULF]
    assert {"mutiny", "the events of June 24"} <= names[TASS]
    assert "mutiny" not in names[GULF]


@pytest.mark.parametrize("article, outlet", [("000_2e4a2dc89b094573.txt", GULF), ("003_59f4be08ed298044.txt", TASS)])
def test_voices_close_to_gold(view, gold, article, outlet):
    speakers = " | ".join(v["speaker"] for v in view.voices[outlet]).lower()
    expected = [g.split(" (")[0] for g in gold["voices"][article]]
    found = [g for g in expected if g.split()[-1].lower() in speakers]
    # Lukashenko is voiced only through Lavrov's reported words ("articulated personally by ..."),
    # which the quote stage does not attribute: two of three for TASS.
    assert len(found) >= 0.6 * len(expected), (set(expected) - set(found))


def test_voices_carry_country_sector_and_channel(view):
    lavrov = next(v for v in view.voices[TASS] if v["speaker"] == "Sergey Lavrov")
    assert (lavrov["country"], lavrov["sector"]) == ("RUS", "GOV") and lavrov["quote_count"] >= 3
    assert any("RT" in c for c in lavrov["channels"])


def test_timeline_orders_dated_claims(view):
    dated = [entry["date"] for entry in view.timeline if entry["date"]]
    assert dated == sorted(dated) and dated[0] == date(2023, 6, 23)


def test_every_claim_event_points_at_its_words(seeds_store, view):
    with Store(seeds_store, read_only=True) as store:
        texts = {r["id"]: r["text"] for r in store.query("SELECT id, text FROM articles")}
    for claim in view.claims:
        for event in claim["events"]:
            assert texts[event["article_id"]][event["start"]:event["end"]] == event["trigger"]


def test_cli_prints_stories_and_one_story(seeds_store, view):
    runner = CliRunner()
    listed = runner.invoke(app, ["stories", "--db", str(seeds_store)], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and view.story["id"][:10] in listed.output
    shown = runner.invoke(app, ["story", view.story["id"][:8], "--db", str(seeds_store)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "corroborated" in shown.output and "single-source" in shown.output and "TASS" in shown.output
    assert "Sergey Lavrov ×" in shown.output and "(RUS GOV)" in shown.output   # voices with country and sector
    missing = runner.invoke(app, ["story", "nosuchstory", "--db", str(seeds_store)])
    assert missing.exit_code == 2 and "nosuchstory: no story with this id" in missing.output


def test_cli_story_narrows_its_claims(seeds_store, view):
    runner = CliRunner()
    story_id = view.story["id"][:8]
    corroborated = [c for c in view.claims if c["status"] == "corroborated" and c["plover_type"] != "FACT"]
    narrowed = runner.invoke(app, ["story", story_id, "--db", str(seeds_store), "--status", "corroborated",
                                   "--kind", "events"], env={"COLUMNS": "250"})
    assert narrowed.exit_code == 0, narrowed.output
    table = narrowed.output.split("claims x outlets")[1].split("only here")[0]
    assert table.count("corroborated") == len(corroborated) and "single-source" not in table and "fact:" not in table
    limited = runner.invoke(app, ["story", story_id, "--db", str(seeds_store), "--limit", "3"], env={"COLUMNS": "250"})
    assert f"3 of {len(view.claims)} claims shown" in limited.output
    wrong = runner.invoke(app, ["story", story_id, "--db", str(seeds_store), "--status", "confirmed"])
    assert wrong.exit_code == 2 and "--status 'confirmed'" in wrong.output


def test_claims_do_not_depend_on_pythons_string_hashing(tmp_path):
    # Sets of strings iterate in a different order under each PYTHONHASHSEED; the claims of a
    # story must not (a run once merged Lukashenko's talks into Putin's calls under one seed).
    import os
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path\n"
        "from newsprism.config import Settings\nfrom newsprism.pipeline import run_analysis\n"
        "from newsprism.store import Store\nfrom newsprism.stories.queries import list_stories, story_view\n"
        "db = Path(sys.argv[1])\n"
        "with Store(db) as s: run_analysis([sys.argv[2]], Settings(db_path=db), s)\n"
        "with Store(db, read_only=True) as s:\n"
        "    v = story_view(s, list_stories(s)[0]['id'])\n"
        "    print(sorted((c['status'], c['label']) for c in v.claims))\n")
    outputs = []
    for seed in ("1", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path / f"s{seed}.duckdb"), str(SEEDS)],
                              capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


def test_cli_story_by_side_groups_the_seed_outlets(seeds_store, view):
    runner = CliRunner()
    story_id = view.story["id"][:8]
    shown = runner.invoke(app, ["story", story_id, "--db", str(seeds_store), "--by", "side"], env={"COLUMNS": "100"})
    assert shown.exit_code == 0, shown.output
    # TASS is state-controlled; the Gulf Observer's control is not known, so it is unprofiled.
    assert "sides by control: SC = state-controlled (1); U = unprofiled (1)" in shown.output
    assert "claims x sides" in shown.output and "SC ✓1" in shown.output
    assert all(len(line) <= 100 for line in shown.output.splitlines())
    only = runner.invoke(app, ["story", story_id, "--db", str(seeds_store), "--section", "voices", "--by", "side",
                               "--sides", "country"])
    assert only.exit_code == 0 and "RUS: " in only.output and "claims x" not in only.output
    wrong = runner.invoke(app, ["story", story_id, "--db", str(seeds_store), "--by", "planet"])
    assert wrong.exit_code == 2 and "--by 'planet'" in wrong.output

"""A story analysed before keeps its claims: a later run's articles join them instead of a rebuild.

The bundled example corpus is stored in two runs (its first four articles, then all of it); the
second run updates the story incrementally. Its claims must be the ones a whole rebuild of the
same store gives: the same events in the same claims, with the same status, outlets and
contradictions, framing and voices.
"""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

import newsprism.stories.claim_increments as increments
import newsprism.stories.framing_increments as framing_increments
from newsprism.pipeline import run_analysis
from newsprism.store import Store
from newsprism.stories.analysis import analyze_stories
from newsprism.stories.claim_increments import (
    ClaimIndex,
    join_new_events,
    needs_whole_rebuild,
    story_event_keys,
)
from newsprism.stories.claims import StoryEvent, participant
from newsprism.stories.touched_rows import TouchedRows
from tests.conftest import EXAMPLES

CRISIS = EXAMPLES / "crisis"


def _rows(path, sql):
    with Store(path, read_only=True) as store:
        return sorted(tuple(str(v) for v in row.values()) for row in store.query(sql))


@pytest.fixture(scope="module")
def two_run_stores(tmp_path_factory, settings):
    """Return (store updated incrementally, the same store rebuilt whole) and how many events joined stored claims."""
    folder = tmp_path_factory.mktemp("increments")
    first = folder / "first"
    first.mkdir()
    lines = (CRISIS / "manifest.jsonl").read_text().splitlines()
    for line in lines[:4]:
        shutil.copy(CRISIS / json.loads(line)["file"], first)
    (first / "manifest.jsonl").write_text("\n".join(lines[:4]) + "\n")
    path = folder / "incremental.duckdb"
    joined: list[int] = []
    spied = increments.join_new_events

    def spy(*args):
        result = spied(*args)
        joined.append(sum(len(events) for events in result[0].values()))
        return result

    patch = pytest.MonkeyPatch()
    # Half of the story is new in the second run: force the incremental path all the same.
    patch.setattr(increments, "WHOLE_SHARE", 1.01)
    patch.setattr(increments, "join_new_events", spy)
    # The framing and voices must be merged, not recounted whole (the fallback for changed origins).
    recounted: list[str] = []
    whole_framing = framing_increments.framing_rows

    def recount(store, story_id, articles):
        recounted.append(story_id)
        return whole_framing(store, story_id, articles)

    patch.setattr(framing_increments, "framing_rows", recount)
    # Fact claims: how many the second run grouped, and how many it wrote (the others kept their rows).
    facts = {"grouped": 0, "written": 0}
    group_facts, write_claims = increments.build_fact_claims, increments.claim_rows

    def grouped(*args):
        claims = group_facts(*args)
        facts["grouped"] += len(claims)
        return claims

    def written(story_id, claims, articles):
        facts["written"] += sum(1 for c in claims if c.events[0].plover_type == "FACT")
        return write_claims(story_id, claims, articles)

    patch.setattr(increments, "build_fact_claims", grouped)
    patch.setattr(increments, "claim_rows", written)
    # The per-article reads are answered from the run's copies of the touched articles' rows.
    copied_reads: list[str] = []
    answers = TouchedRows.answers

    def answered(self, sql, params):
        found = answers(self, sql, params)
        if found:
            copied_reads.append(sql)
        return found

    patch.setattr(TouchedRows, "answers", answered)
    try:
        with Store(path) as store:
            run_analysis([str(first)], settings.with_(db_path=path), store)
            run_analysis([str(CRISIS)], settings.with_(db_path=path), store)
    finally:
        patch.undo()
    whole = folder / "whole.duckdb"
    shutil.copy(path, whole)
    with Store(whole) as store:
        analyze_stories(store, [r["id"] for r in store.query("SELECT id FROM stories")])
    facts["copied reads"] = len(copied_reads)
    return path, whole, sum(joined), recounted, facts


def test_the_second_runs_events_join_the_stored_claims(two_run_stores):
    _, _, joined, _, _ = two_run_stores
    assert joined > 0


def test_the_second_run_merges_framing_and_voices_instead_of_recounting(two_run_stores):
    assert two_run_stores[3] == []


def test_the_second_run_reads_the_touched_articles_rows_from_their_copies(two_run_stores):
    assert two_run_stores[4]["copied reads"] > 0


def test_the_second_run_keeps_the_rows_of_fact_claims_it_regroups_alike(two_run_stores):
    facts = two_run_stores[4]
    assert 0 < facts["written"] < facts["grouped"]


@pytest.mark.parametrize("sql", [
    "SELECT claim_id, event_id, stance, voice FROM claim_events",
    # The label is left out: a claim that gains nothing keeps the actor names it was written with.
    "SELECT id, plover_type, status, happening, origin_count, outlet_count, article_count, note FROM claims",
    "SELECT claim_id, outlet, role, stance, article_ids FROM claim_outlets",
    "SELECT claim_id, kind, outlet_a, value_a, outlet_b, value_b FROM claim_contradictions",
    # Framing and voices are merged from the new articles' rows: every column must agree,
    # the first place a name was used and the order of a speaker's quotes included.
    "SELECT story_id, outlet, kind, term, refers_to, score, count, article_id, start, \"end\" FROM framing_terms",
    "SELECT story_id, outlet, speaker, speaker_actor_id, country, sector, channels, quote_count, direct_count, "
    "quote_ids FROM voices",
])
def test_an_incremental_update_stores_what_a_whole_rebuild_stores(two_run_stores, sql):
    incremental, whole, _, _, _ = two_run_stores
    assert _rows(incremental, sql) == _rows(whole, sql)


def test_a_story_is_rebuilt_whole_when_never_analysed_mostly_new_or_left_by_an_article():
    articles = [{"id": f"a{i}", "origin": "X"} for i in range(4)]
    assert needs_whole_rebuild(articles, {})
    assert needs_whole_rebuild(articles, {"a0": "X"})                              # three of four are new
    assert not needs_whole_rebuild(articles, {"a0": "X", "a1": "X", "a2": "X"})
    # An article the stored claims hold has left the story (clustering moved it elsewhere).
    assert needs_whole_rebuild(articles[1:], {"a0": "X", "a1": "X", "a2": "X"})


def _event(event_id: str, article: str, outlet: str, trigger: str, rule: str, plover: str, source: str, target: str,
           sentence: str) -> StoryEvent:
    return StoryEvent(
        id=event_id, article_id=article, outlet=outlet, origin=outlet, is_copy=False, sentence_index=0, start=0,
        end=len(trigger), trigger=trigger, lemma=rule.split(":")[1], plover_type=plover, mode=None,
        sources=(participant(None, source, None),), targets=(participant(None, target, None),),
        date=date(2025, 3, 11), location=None, negated=False, modality="happened", attribution=None, via_media=False,
        sentence=sentence, published=date(2025, 3, 11))


class _Index(ClaimIndex):
    """An index of given claims, without a store."""

    def __init__(self, claims: dict[str, list[StoryEvent]]) -> None:
        super().__init__(None, [])
        for claim, events in claims.items():
            for e in events:
                self.events[claim].append((e.id, e.article_id))
                self.story_of[claim] = "s"
                self.event_keys[e.id] = story_event_keys(e)
                for key in self.event_keys[e.id]:
                    self.keys["s"][key].add(claim)


def test_a_new_report_of_a_stored_happening_joins_its_claim_and_another_happening_opens_a_claim():
    arrest = _event("e1", "a1", "Harbour Post", "arrested", "verb:arrest", "COERCE", "Marsh Police", "Dorin Vale",
                    "Marsh Police arrested Dorin Vale at the ferry terminal on Tuesday.")
    talks = _event("e2", "a1", "Harbour Post", "met", "verb:meet", "CONSULT", "Ilse Moraine", "Tomas Berg",
                   "Ilse Moraine met Tomas Berg to discuss the ferry strike.")
    index = _Index({"c-arrest": [arrest], "c-talks": [talks]})
    again = _event("e3", "a2", "Coast Daily", "arrested", "verb:arrest", "COERCE", "Marsh Police", "Dorin Vale",
                   "Dorin Vale was arrested by Marsh Police at the terminal.")
    other = _event("e4", "a2", "Coast Daily", "fined", "verb:fine", "SANCTION", "Port Authority", "Northline Ferries",
                   "The Port Authority fined Northline Ferries for the delays.")
    joined, fresh = join_new_events(index, "s", [again, other], {"e1": arrest, "e2": talks})
    assert {claim: [e.id for e in events] for claim, events in joined.items()} == {"c-arrest": ["e3"]}
    assert [[e.id for e in group] for group in fresh] == [["e4"]]

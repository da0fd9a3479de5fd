"""Read a story back from the store as plain data: for the CLI, the web UI and exports.

Every function takes an open ``Store`` and returns dataclasses or lists of dicts; none writes.
``story_view(store, story_id)`` returns everything a story page needs in one call.
"""

from __future__ import annotations

import json

from dataclasses import dataclass, field
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.store import Store

STATUSES = ("corroborated", "single-source", "contradicted", "attributed-only")
# What a story's claims may be narrowed to: coded happenings, or facts aligned by their words.
CLAIM_KINDS = ("events", "facts")


class UnknownStory(NewsprismError):
    """No story has the given id (or id prefix)."""


@dataclass(slots=True)
class StoryView:
    """Everything a story page shows: articles, claims by outlet, omissions, framing, voices, timeline."""

    story: dict[str, Any]
    articles: list[dict[str, Any]]
    outlets: list[str]
    claims: list[dict[str, Any]]                  # each with "outlets": {outlet: {role, stance, article_ids}}
    contradictions: list[dict[str, Any]]
    omissions: dict[str, dict[str, list[str]]]    # outlet -> {"only_here": [claim ids], "missing_here": [...]}
    framing: dict[str, dict[str, list[dict[str, Any]]]]  # outlet -> kind -> terms
    voices: dict[str, list[dict[str, Any]]]       # outlet -> speakers
    timeline: list[dict[str, Any]]
    counts: dict[str, int] = field(default_factory=dict)  # claims per status


def list_stories(store: Store) -> list[dict[str, Any]]:
    """Return every story, newest first, with its article and outlet counts and claims per status."""
    stories = store.query("SELECT * FROM stories ORDER BY last_published DESC NULLS LAST, article_count DESC, id")
    # Counts of happenings: facts are listed with the claims, not counted here.
    counts = store.query("SELECT story_id, status, count(*) AS n FROM claims WHERE plover_type <> 'FACT' "
                         "GROUP BY story_id, status")
    by_story: dict[str, dict[str, int]] = {}
    for row in counts:
        by_story.setdefault(row["story_id"], {})[row["status"]] = row["n"]
    for story in stories:
        story["claims"] = {status: by_story.get(story["id"], {}).get(status, 0) for status in STATUSES}
    return stories


def resolve_story_id(store: Store, prefix: str) -> str:
    """Return the full id of the story whose id starts with ``prefix``; raise UnknownStory if none or several."""
    rows = store.query("SELECT id FROM stories WHERE id LIKE ? || '%' ORDER BY id", [prefix])
    if not rows:
        raise UnknownStory(f"{prefix}: no story with this id; run `newsprism stories` to list them")
    if len(rows) > 1:
        raise UnknownStory(f"{prefix}: {len(rows)} stories start with this id; give more characters")
    return rows[0]["id"]


def story_claims(store: Store, story_id: str) -> list[dict[str, Any]]:
    """Return the story's claims, each with its outlets ({outlet: role, stance, article_ids}) and events."""
    claims = store.query(
        "SELECT * FROM claims WHERE story_id = ? ORDER BY date NULLS LAST, first_reported NULLS LAST, label", [story_id])
    outlets = store.query("SELECT * FROM claim_outlets WHERE story_id = ?", [story_id])
    events = store.query(
        # A fact's "event" is its whole sentence: its trigger is the sentence's own words.
        "SELECT ce.*, CASE WHEN c.plover_type = 'FACT' THEN substr(a.text, ce.start + 1, ce.\"end\" - ce.start) "
        "ELSE e.trigger END AS trigger, coalesce(e.plover_type, c.plover_type) AS plover_type, s.text AS sentence "
        "FROM claim_events ce JOIN claims c ON c.id = ce.claim_id JOIN articles a ON a.id = ce.article_id "
        "LEFT JOIN events e ON e.id = ce.event_id "
        "LEFT JOIN sentences s ON s.article_id = ce.article_id AND s.sentence_index = ce.sentence_index "
        # An event row whose event is gone (a stale store) is dropped, never shown as a fact.
        "WHERE ce.story_id = ? AND (e.id IS NOT NULL OR c.plover_type = 'FACT') "
        "ORDER BY ce.article_id, ce.start", [story_id])
    by_claim_outlets: dict[str, dict[str, dict[str, Any]]] = {}
    for row in outlets:
        by_claim_outlets.setdefault(row["claim_id"], {})[row["outlet"]] = {
            "role": row["role"], "stance": row["stance"], "article_ids": row["article_ids"], "events": row["event_count"]}
    by_claim_events: dict[str, list[dict[str, Any]]] = {}
    for row in events:
        by_claim_events.setdefault(row["claim_id"], []).append(row)
    for claim in claims:
        claim["outlets"] = by_claim_outlets.get(claim["id"], {})
        claim["events"] = by_claim_events.get(claim["id"], [])
        # Each party's statement and the outlets relaying it (stored as JSON; see docs/schema.md).
        claim["statements"] = json.loads(claim["statements"]) if claim.get("statements") else []
    return claims


def story_omissions(store: Store, story_id: str) -> dict[str, dict[str, list[str]]]:
    """Return per outlet the claims only it reports, and the claims others report that it omits.

    Copies and relays count as the outlet carrying the claim, so a claim is "missing" from an
    outlet only when none of its articles carries it.
    """
    outlets = [r["outlet"] for r in store.query(
        "SELECT DISTINCT coalesce(a.outlet, a.id) AS outlet FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY 1", [story_id])]
    carried: dict[str, set[str]] = {}
    for row in store.query("SELECT claim_id, outlet FROM claim_outlets WHERE story_id = ?", [story_id]):
        carried.setdefault(row["claim_id"], set()).add(row["outlet"])
    result = {}
    for outlet in outlets:
        only = sorted(c for c, o in carried.items() if o == {outlet})
        missing = sorted(c for c, o in carried.items() if outlet not in o)
        result[outlet] = {"only_here": only, "missing_here": missing}
    return result


def story_framing(store: Store, story_id: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Return per outlet its framing terms by kind: distinctive, event_name, actor_name (best first)."""
    rows = store.query(
        "SELECT * FROM framing_terms WHERE story_id = ? ORDER BY outlet, kind, score DESC, count DESC, term", [story_id])
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in rows:
        out.setdefault(row["outlet"], {}).setdefault(row["kind"], []).append(row)
    return out


def story_voices(store: Store, story_id: str) -> dict[str, list[dict[str, Any]]]:
    """Return per outlet whom it quotes: speaker, country, sector, channels, quote and direct-quote counts."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in store.query("SELECT * FROM voices WHERE story_id = ? ORDER BY outlet, quote_count DESC, speaker", [story_id]):
        out.setdefault(row["outlet"], []).append(row)
    return out


def story_timeline(store: Store, story_id: str) -> list[dict[str, Any]]:
    """Return the story's claims in order of the date they happened (undated last, by first report).

    Each entry: date, claim id, label, status, and the outlets that report it.
    """
    rows = store.query(
        "SELECT c.id, c.date, c.first_reported, c.label, c.status, c.single_outlet, "
        "list(o.outlet ORDER BY o.outlet) AS outlets FROM claims c JOIN claim_outlets o ON o.claim_id = c.id "
        "WHERE c.story_id = ? AND c.plover_type <> 'FACT' GROUP BY ALL ORDER BY c.date NULLS LAST, c.first_reported NULLS LAST, c.label", [story_id])
    return [{"date": r["date"], "first_reported": r["first_reported"], "claim_id": r["id"], "label": r["label"],
             "status": r["status"], "outlets": r["outlets"]} for r in rows]


def story_view(store: Store, story_id: str) -> StoryView:
    """Return everything the story page needs (``story_id`` may be a unique prefix)."""
    story_id = resolve_story_id(store, story_id)
    story = store.query("SELECT * FROM stories WHERE id = ?", [story_id])[0]
    articles = store.query(
        "SELECT a.id, a.outlet, a.title, a.published, a.source, a.url, s.similarity, s.origin, s.copy_of, s.relays "
        "FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? "
        "ORDER BY a.published NULLS LAST, a.outlet, a.id", [story_id])
    claims = story_claims(store, story_id)
    counts = {status: sum(1 for c in claims if c["status"] == status and c["plover_type"] != "FACT") for status in STATUSES}
    return StoryView(
        story=story, articles=articles, outlets=sorted({a["outlet"] or a["id"] for a in articles}), claims=claims,
        contradictions=store.query("SELECT * FROM claim_contradictions WHERE story_id = ? ORDER BY claim_id, kind", [story_id]),
        omissions=story_omissions(store, story_id), framing=story_framing(store, story_id),
        voices=story_voices(store, story_id), timeline=story_timeline(store, story_id), counts=counts)

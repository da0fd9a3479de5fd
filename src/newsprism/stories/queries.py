"""A story as the CLI shows it: everything ``newsprism story`` prints, read in one call.

Every function takes an open ``Store`` (or a read-layer ``Reader``) and returns dataclasses or
lists of dicts; the queries themselves are the read layer's (``newsprism.store.read.stories``),
shared with the web's story page. ``story_view(store, story_id)`` returns everything at once.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.store import Store
from newsprism.store.read import stories as read
from newsprism.store.read.reader import reader_of

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
    r = reader_of(store)
    stories = read.story_rows(r)
    by_story = read.claim_status_counts(r)
    for story in stories:
        story["claims"] = {status: by_story.get(story["id"], {}).get(status, 0) for status in STATUSES}
    return stories


def resolve_story_id(store: Store, prefix: str) -> str:
    """Return the full id of the story whose id starts with ``prefix``; raise UnknownStory if none or several."""
    ids = read.story_ids_with_prefix(reader_of(store), prefix)
    if not ids:
        raise UnknownStory(f"{prefix}: no story with this id; run `newsprism stories` to list them")
    if len(ids) > 1:
        raise UnknownStory(f"{prefix}: {len(ids)} stories start with this id; give more characters")
    return ids[0]


def story_claims(store: Store, story_id: str) -> list[dict[str, Any]]:
    """Return the story's claims, each with its outlets ({outlet: role, stance, article_ids}) and events."""
    r = reader_of(store)
    claims = read.claim_rows(r, story_id)
    by_claim_outlets: dict[str, dict[str, dict[str, Any]]] = {}
    for row in read.claim_outlet_rows(r, story_id):
        by_claim_outlets.setdefault(row["claim_id"], {})[row["outlet"]] = {
            "role": row["role"], "stance": row["stance"], "article_ids": row["article_ids"], "events": row["event_count"]}
    by_claim_events: dict[str, list[dict[str, Any]]] = {}
    for row in read.claim_event_rows(r, story_id):
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
    r = reader_of(store)
    carried: dict[str, set[str]] = {}
    for row in read.claim_outlet_rows(r, story_id):
        carried.setdefault(row["claim_id"], set()).add(row["outlet"])
    result = {}
    for outlet in read.story_outlets(r, story_id):
        only = sorted(c for c, o in carried.items() if o == {outlet})
        missing = sorted(c for c, o in carried.items() if outlet not in o)
        result[outlet] = {"only_here": only, "missing_here": missing}
    return result


def story_framing(store: Store, story_id: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Return per outlet its framing terms by kind: distinctive, event_name, actor_name (best first)."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in read.framing_rows(reader_of(store), story_id):
        out.setdefault(row["outlet"], {}).setdefault(row["kind"], []).append(row)
    return out


def story_voices(store: Store, story_id: str) -> dict[str, list[dict[str, Any]]]:
    """Return per outlet whom it quotes: speaker, country, sector, channels, quote and direct-quote counts."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in read.voice_rows(reader_of(store), story_id):
        out.setdefault(row["outlet"], []).append(row)
    return out


def story_timeline(store: Store, story_id: str) -> list[dict[str, Any]]:
    """Return the story's dated happenings in the order they happened (``read.story_timeline``, as dicts).

    Each entry: date, first report, claim id, label, status, and the outlets that report it.
    """
    return [{**asdict(entry), "outlets": list(entry.outlets)} for entry in read.story_timeline(reader_of(store), story_id)]


def story_view(store: Store, story_id: str) -> StoryView:
    """Return everything the story page needs (``story_id`` may be a unique prefix)."""
    story_id = resolve_story_id(store, story_id)
    r = reader_of(store)
    story = read.story_rows(r, story_id)[0]
    articles = read.story_article_rows(r, story_id)
    claims = story_claims(store, story_id)
    counts = {status: sum(1 for c in claims if c["status"] == status and c["plover_type"] != "FACT") for status in STATUSES}
    return StoryView(
        story=story, articles=articles, outlets=sorted({a["outlet"] or a["id"] for a in articles}), claims=claims,
        contradictions=read.contradiction_rows(r, story_id),
        omissions=story_omissions(store, story_id), framing=story_framing(store, story_id),
        voices=story_voices(store, story_id), timeline=story_timeline(store, story_id), counts=counts)

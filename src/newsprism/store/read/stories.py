"""Read stories and their claims, outlets, contradictions, framing terms, voices and timeline.

The stories stage (``newsprism.stories``) writes these tables (docs/schema.md); the CLI's story
view (``stories/queries.py``) and the web's (``web/stories_view.py``) both read them here, so a
story reads the same in the terminal, the API and the pages. A store with no stories (an older
store, or the stage has not run) reads as empty.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from newsprism.store.read.filters import Filters
from newsprism.store.read.reader import Reader
from newsprism.store.read.records import TimelineEntry

# A fact claim's PLOVER type: sentences aligned by their words, listed but not counted or timed.
FACT = "FACT"
STORY_TABLES = ("stories", "story_articles")
CLAIM_TABLES = ("claims", "claim_events", "claim_outlets")


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


def story_article_rows(r: Reader, story_id: str) -> list[dict[str, Any]]:
    """Return a story's articles, oldest first, with their similarity, origin, copy and relays."""
    return r.rows(
        "SELECT a.id, a.outlet, a.title, a.published, a.source, a.url, s.similarity, s.origin, s.copy_of, s.relays "
        "FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? "
        "ORDER BY a.published NULLS LAST, a.outlet, a.id", [story_id])


def story_outlets(r: Reader, story_id: str) -> list[str]:
    """Return the outlets of a story's articles (an article's id where its outlet is unknown), sorted."""
    return [row["outlet"] for row in r.rows(
        "SELECT DISTINCT coalesce(a.outlet, a.id) AS outlet FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE s.story_id = ? ORDER BY 1", [story_id])]


def stories_of_article(r: Reader, article_id: str) -> list[tuple[str, str | None]]:
    """Return (story id, title) of the stories an article belongs to."""
    if not has_stories(r):
        return []
    return [(row["id"], row["title"]) for row in r.rows(
        "SELECT s.id, s.title FROM stories s JOIN story_articles sa ON sa.story_id = s.id WHERE sa.article_id = ?",
        [article_id])]


def claim_rows(r: Reader, story_id: str) -> list[dict[str, Any]]:
    """Return a story's claims (every column), by date, first report and label."""
    return r.rows("SELECT * FROM claims WHERE story_id = ? ORDER BY date NULLS LAST, first_reported NULLS LAST, label",
                  [story_id])


def claim_outlet_rows(r: Reader, story_id: str | None = None, claim_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Return the (claim, outlet) rows: role, stance, article ids and event count, of a story or of claims."""
    if claim_ids is not None:
        return r.rows("SELECT * FROM claim_outlets WHERE claim_id IN (SELECT unnest(?::VARCHAR[]))", [list(claim_ids)])
    return r.rows("SELECT * FROM claim_outlets WHERE story_id = ?", [story_id])


def claim_event_rows(r: Reader, story_id: str) -> list[dict[str, Any]]:
    """Return each claim's aligned events with trigger, type and sentence (a fact's trigger is its own words)."""
    return r.rows(
        "SELECT ce.*, CASE WHEN c.plover_type = 'FACT' THEN substr(a.text, ce.start + 1, ce.\"end\" - ce.start) "
        "ELSE e.trigger END AS trigger, coalesce(e.plover_type, c.plover_type) AS plover_type, s.text AS sentence "
        "FROM claim_events ce JOIN claims c ON c.id = ce.claim_id JOIN articles a ON a.id = ce.article_id "
        "LEFT JOIN events e ON e.id = ce.event_id "
        "LEFT JOIN sentences s ON s.article_id = ce.article_id AND s.sentence_index = ce.sentence_index "
        # An event row whose event is gone (a stale store) is dropped, never shown as a fact.
        "WHERE ce.story_id = ? AND (e.id IS NOT NULL OR c.plover_type = 'FACT') "
        "ORDER BY ce.article_id, ce.start", [story_id])


def claim_span_rows(r: Reader, claim_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Return where each claim is reported: outlet, article, sentence, offsets and stance, in reading order."""
    return r.rows(
        'SELECT claim_id, outlet, article_id, sentence_index, start, "end", stance FROM claim_events '
        "WHERE claim_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, start", [list(claim_ids)])


def contradiction_rows(r: Reader, story_id: str | None = None, claim_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Return the contradictions (two outlets, two values) of a story or of claims, by claim and kind."""
    if not r.has_table("claim_contradictions"):
        return []
    if claim_ids is not None:
        return r.rows("SELECT * FROM claim_contradictions WHERE claim_id IN (SELECT unnest(?::VARCHAR[])) "
                      "ORDER BY claim_id, kind", [list(claim_ids)])
    return r.rows("SELECT * FROM claim_contradictions WHERE story_id = ? ORDER BY claim_id, kind", [story_id])


def framing_rows(r: Reader, story_id: str) -> list[dict[str, Any]]:
    """Return a story's framing terms (outlet, kind, term, score, count, refers_to), best first per outlet and kind."""
    if not r.has_table("framing_terms"):
        return []
    return r.rows("SELECT * FROM framing_terms WHERE story_id = ? ORDER BY outlet, kind, score DESC, count DESC, term",
                  [story_id])


def voice_rows(r: Reader, story_id: str) -> list[dict[str, Any]]:
    """Return whom each outlet quotes: speaker, country, sector, channels and quote counts, most quoted first."""
    if not r.has_table("voices"):
        return []
    return r.rows("SELECT * FROM voices WHERE story_id = ? ORDER BY outlet, quote_count DESC, speaker", [story_id])


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
        "SELECT id, row_number() OVER (ORDER BY date NULLS LAST, label, id) - 1 AS position FROM claims WHERE story_id = ?",
        [story_id])}


def claims_page(r: Reader, f: Filters, story_id: str | None = None, status: str | None = None, kind: str | None = None,
                limit: int = 10_000, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Return one page of claims (id, story, label, type, date, status, happening) and how many match.

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
    if f.outlet:
        f.add("c.id IN (SELECT claim_id FROM claim_events WHERE lower(outlet) = lower(?))", f.outlet)
    if f.article:
        f.add("c.id IN (SELECT claim_id FROM claim_events WHERE article_id = ?)", f.article)
    if f.plover_type:
        f.add("upper(c.plover_type) = upper(?)", f.plover_type)
    if f.actor:
        f.add("c.id IN (SELECT ce.claim_id FROM claim_events ce JOIN event_actors ea ON ea.event_id = ce.event_id "
              "WHERE ea.actor_id = ? OR lower(ea.name) = lower(?))", f.actor, f.actor)
    if f.country:
        f.add("c.id IN (SELECT ce.claim_id FROM claim_events ce JOIN event_actors ea ON ea.event_id = ce.event_id "
              "WHERE upper(ea.country) = upper(?))", f.country)
    if f.date_from:
        f.add("c.date >= ?", f.date_from)
    if f.date_to:
        f.add("c.date <= ?", f.date_to)
    total = r.value(f"SELECT count(*) FROM claims c{f.where()}", f.params)
    rows = r.rows(
        f"SELECT c.id, c.story_id, c.label, c.plover_type, c.date, c.status, "
        f"{'c.happening' if r.has_column('claims', 'happening') else 'NULL AS happening'} FROM claims c{f.where()} "
        "ORDER BY c.date NULLS LAST, c.label, c.id LIMIT ? OFFSET ?",
        [*f.params, limit, offset])
    return rows, total

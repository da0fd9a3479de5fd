"""Read stored actors: pages of summaries with their counts, one actor with its events and quotes."""

from __future__ import annotations

from newsprism.store.read.events import list_events, list_quotes
from newsprism.store.read.filters import Filters, escape_like, page_bounds
from newsprism.store.read.reader import Reader
from newsprism.store.read.records import ActorDetail, ActorSummary, RecordPage

ACTOR_COUNTS = (
    "SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, ac.aliases, "
    "(SELECT count(*) FROM actor_mentions am WHERE am.actor_id = ac.id) AS mentions, "
    "(SELECT count(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = ac.id) AS events, "
    "(SELECT count(*) FROM quotes q WHERE q.speaker_actor_id = ac.id) AS quotes FROM actors ac"
)


def _summary(row: dict) -> ActorSummary:
    return ActorSummary(**{**row, "aliases": tuple(row["aliases"] or ())})


def list_actors(r: Reader, f: Filters, q: str | None = None, limit: int = 50, offset: int = 0) -> RecordPage[ActorSummary]:
    """Return one page of actors, most mentioned first."""
    limit, offset = page_bounds(limit, offset)
    if f.country:
        f.add("upper(ac.country) = upper(?)", f.country)
    if q:
        f.add("(ac.name ILIKE ? ESCAPE '\\' OR list_contains(list_transform(ac.aliases, lambda x: lower(x)), lower(?)))",
              f"%{escape_like(q)}%", q)
    if f.article_ids is not None:
        f.add("ac.id IN (SELECT actor_id FROM actor_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[])))",
              f.article_ids)
    if f.outlet:
        f.add("ac.id IN (SELECT am.actor_id FROM actor_mentions am JOIN articles a ON a.id = am.article_id "
              "WHERE lower(a.outlet) = lower(?))", f.outlet)
    if f.plover_type:
        f.add("ac.id IN (SELECT ea.actor_id FROM event_actors ea JOIN events e ON e.id = ea.event_id "
              "WHERE upper(e.plover_type) = upper(?))", f.plover_type)
    if f.actor:
        f.add("(ac.id = ? OR lower(ac.name) = lower(?))", f.actor, f.actor)
    if f.article:
        f.add("ac.id IN (SELECT actor_id FROM actor_mentions WHERE article_id = ?)", f.article)
    if f.date_from or f.date_to:
        # An actor has no date of its own: keep those mentioned in articles published in the range.
        f.add("ac.id IN (SELECT am.actor_id FROM actor_mentions am JOIN articles a ON a.id = am.article_id "
              "WHERE a.published >= coalesce(?, a.published) AND a.published <= coalesce(?, a.published))",
              f.date_from, f.date_to)
    total = r.value(f"SELECT count(*) FROM actors ac{f.where()}", f.params)
    rows = r.rows(
        f"SELECT * FROM ({ACTOR_COUNTS}{f.where()}) ORDER BY mentions + events + quotes DESC, name LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    return RecordPage(items=tuple(_summary(row) for row in rows), total=total, limit=limit, offset=offset)


def get_actor(r: Reader, actor_id: str) -> ActorDetail | None:
    """Return one actor with all its events and quotes across outlets."""
    rows = r.rows(f"{ACTOR_COUNTS} WHERE ac.id = ?", [actor_id])
    if not rows:
        return None
    outlets = {
        row["outlet"] or "unknown outlet": row["n"]
        for row in r.rows(
            "SELECT a.outlet, count(*) AS n FROM actor_mentions am JOIN articles a ON a.id = am.article_id "
            "WHERE am.actor_id = ? GROUP BY a.outlet ORDER BY n DESC",
            [actor_id],
        )
    }
    summary = _summary(rows[0])
    return ActorDetail(
        **{name: getattr(summary, name) for name in ActorSummary.__slots__},
        outlets=outlets,
        event_list=list_events(r, Filters(actor_ids=[actor_id]), limit=500).items,
        quote_list=list_quotes(r, Filters(actor_ids=[actor_id]), limit=500).items,
    )


def actor_ids_named_like(r: Reader, name: str) -> list[str]:
    """Return the ids of actors whose name or one of whose aliases holds ``name`` (any case)."""
    pattern = f"%{name.lower()}%"
    return [row["id"] for row in r.rows(
        "SELECT id FROM actors WHERE lower(name) LIKE ? OR len(list_filter(aliases, lambda x: lower(x) LIKE ?)) > 0",
        [pattern, pattern])]


def actor_names(r: Reader, ids: list[str] | None = None) -> dict[str, str]:
    """Return {actor id: name} for the given actors (every actor if None)."""
    if ids is None:
        rows = r.rows("SELECT id, name FROM actors")
    else:
        rows = r.rows("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    return {row["id"]: row["name"] for row in rows}


def named_actor_ids(r: Reader) -> list[str]:
    """Return the ids of the actors that take part in an event, speak a quote or are mentioned."""
    return [row["id"] for row in r.rows(
        "SELECT id FROM actors WHERE id IN (SELECT actor_id FROM event_actors) "
        "OR id IN (SELECT speaker_actor_id FROM quotes) OR id IN (SELECT actor_id FROM actor_mentions) ORDER BY id")]

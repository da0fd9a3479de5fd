"""Read stored events and quotes, each with its actors, sentence and article: one shape each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from newsprism.records import ActorRef
from newsprism.store.read.filters import Filters, article_filters, page_bounds, place_filters
from newsprism.store.read.reader import Reader, reader_of
from newsprism.store.read.records import CodedEvent, RecordPage, StoredQuote


def has_event_places(r: Reader) -> bool:
    """Return whether the store has place columns on events (stores written before places do not)."""
    return {"place_start", "how"} <= r.columns("events")


def _actor_refs(r: Reader, event_ids: Sequence[str]) -> dict[str, dict[str, list[ActorRef]]]:
    refs: dict[str, dict[str, list[ActorRef]]] = defaultdict(lambda: {"source": [], "target": []})
    if event_ids:
        # Stores written before the flag have no column: their countries read as found.
        inferred = "country_inferred" if "country_inferred" in r.columns("event_actors") else "NULL AS country_inferred"
        for row in r.rows(
            f'SELECT event_id, role, actor_id, name, country, sector, start, "end", {inferred} FROM event_actors '
            "WHERE event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY event_id, role, position",
            [list(event_ids)],
        ):
            refs[row["event_id"]].setdefault(row["role"], []).append(ActorRef(
                row["actor_id"], row["name"], row["country"], row["sector"], row["start"], row["end"],
                bool(row["country_inferred"])))
    return refs


def _event_filters(r: Reader, f: Filters) -> bool:
    """Add the event filters to ``f``; return whether the store's events carry places."""
    article_filters(f, "e", "e.date")
    if f.plover_type:
        f.add("upper(e.plover_type) = upper(?)", f.plover_type)
    if f.actor:
        f.add("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ? OR lower(name) = lower(?))",
              f.actor, f.actor)
    if f.actor_ids is not None:
        f.add("e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[])))",
              f.actor_ids)
    if f.country:
        f.add("e.id IN (SELECT event_id FROM event_actors WHERE upper(country) = upper(?))", f.country)
    placed = has_event_places(r)
    if placed:
        place_filters(f, "e", "place_name")
        if f.placed_only:
            f.add("e.lat IS NOT NULL")
    elif f.place or f.near or f.placed_only:
        f.add("false")  # a store from before places has no placed events
    return placed


def _events(r: Reader, f: Filters, limit: int | None, offset: int) -> tuple[list[CodedEvent], int | None]:
    placed = _event_filters(r, f)
    place_columns = (
        ", e.place_name, e.geonameid, e.lat, e.lon, e.country AS place_country, e.admin1 AS place_admin1, "
        "e.feature_code AS place_feature_code, e.how AS place_how, e.place_start"
    ) if placed else ""
    base = ("FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN sentences s "
            f"ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index{f.where()}")
    total = r.value(f"SELECT count(*) {base}", f.params) if limit is not None else None
    rows = r.rows(
        'SELECT e.id, e.article_id, e.sentence_index, e.start, e."end", e.trigger, e.plover_type, e.mode, '
        "e.cameo, e.location, e.date, e.negated, e.modality, e.attribution, e.confidence, "
        "coalesce(s.text, '') AS sentence, coalesce(s.start, 0) AS sentence_start, a.outlet, a.published, "
        f"a.url, a.language{place_columns} {base} ORDER BY a.published NULLS LAST, e.article_id, e.start, e.id"
        + (" LIMIT ? OFFSET ?" if limit is not None else ""),
        [*f.params, limit, offset] if limit is not None else f.params,
    )
    refs = _actor_refs(r, [row["id"] for row in rows])
    mentions = _place_mentions(r, rows) if placed else {}
    events = []
    for row in rows:
        row["negated"] = bool(row["negated"])
        row["confidence"] = float(row["confidence"])
        if placed:
            written, code = mentions.get((row["article_id"], row.pop("place_start")), (None, None))
            row["place_text"] = written or row["place_name"]
            row["place_admin1_code"] = code
        by_role = refs[row["id"]]
        events.append(CodedEvent(**row, sources=tuple(by_role["source"]), targets=tuple(by_role["target"])))
    return events, total


def _place_mentions(r: Reader, rows: list[dict[str, Any]]) -> dict[tuple[str, int], tuple[str | None, str | None]]:
    """Return the words and admin1 code of each placed event's place mention, by (article id, start)."""
    placed_articles = sorted({row["article_id"] for row in rows if row["place_start"] is not None})
    if not placed_articles or not r.has_table("places"):
        return {}
    code = "admin1_code" if "admin1_code" in r.columns("places") else "NULL AS admin1_code"
    mentions: dict[tuple[str, int], tuple[str | None, str | None]] = {}
    # list_contains: on DuckDB a few times cheaper than IN (SELECT unnest(?)) for a short list.
    for row in r.rows(f"SELECT article_id, start, text, {code} FROM places WHERE list_contains(?::VARCHAR[], article_id) "
                      "ORDER BY article_id, start", [placed_articles]):
        mentions.setdefault((row["article_id"], row["start"]), (row["text"], row["admin1_code"]))
    return mentions


def list_events(r: Reader, f: Filters, limit: int = 50, offset: int = 0) -> RecordPage[CodedEvent]:
    """Return one page of events with actors and their sentence, in reading order."""
    limit, offset = page_bounds(limit, offset)
    items, total = _events(r, f, limit, offset)
    return RecordPage(items=tuple(items), total=total or 0, limit=limit, offset=offset)


def read_coded_events(store: Any, article_ids: Sequence[str] | None = None) -> list[CodedEvent]:
    """Return every stored event (or those of ``article_ids``) with actors and provenance, unpaged."""
    return _events(reader_of(store), Filters(article_ids=None if article_ids is None else list(article_ids)),
                   None, 0)[0]


def get_event(r: Reader, event_id: str) -> CodedEvent | None:
    """Return one event, or None."""
    f = Filters()
    f.add("e.id = ?", event_id)
    items = list_events(r, f, limit=1).items
    return items[0] if items else None


def list_quotes(r: Reader, f: Filters, limit: int = 50, offset: int = 0) -> RecordPage[StoredQuote]:
    """Return one page of quotes with their sentence, in reading order."""
    limit, offset = page_bounds(limit, offset)
    article_filters(f, "q", "q.date")
    if f.actor:
        f.add("(q.speaker_actor_id = ? OR lower(q.speaker) = lower(?))", f.actor, f.actor)
    if f.actor_ids is not None:
        f.add("q.speaker_actor_id IN (SELECT unnest(?::VARCHAR[]))", f.actor_ids)
    if f.country:
        f.add("q.speaker_actor_id IN (SELECT id FROM actors WHERE upper(country) = upper(?))", f.country)
    if f.plover_type:
        # Quotes carry no event type: keep those spoken in a sentence that reports one of that type.
        f.add("EXISTS (SELECT 1 FROM events e WHERE e.article_id = q.article_id AND e.sentence_index = q.sentence_index "
              "AND upper(e.plover_type) = upper(?))", f.plover_type)
    base = ("FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sentences s "
            f"ON s.article_id = q.article_id AND s.sentence_index = q.sentence_index{f.where()}")
    total = r.value(f"SELECT count(*) {base}", f.params)
    rows = r.rows(
        'SELECT q.id, q.article_id, q.sentence_index, q.start, q."end", q.text, q.direct, q.speaker, '
        "q.speaker_actor_id, q.speaker_start, q.speaker_end, q.cue, q.channel, q.channel_detail, q.date, "
        f"coalesce(s.text, '') AS sentence, coalesce(s.start, 0) AS sentence_start, a.outlet, a.published {base} "
        "ORDER BY a.published NULLS LAST, q.article_id, q.start, q.id LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    return RecordPage(items=tuple(StoredQuote(**row) for row in rows), total=total, limit=limit, offset=offset)


def get_quote(r: Reader, quote_id: str) -> StoredQuote | None:
    """Return one quote, or None."""
    f = Filters()
    f.add("q.id = ?", quote_id)
    items = list_quotes(r, f, limit=1).items
    return items[0] if items else None

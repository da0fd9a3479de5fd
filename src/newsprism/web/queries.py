"""Read-side queries behind the web pages, the REST API and the static report.

Every query is parameterised: user input only ever travels as a bound parameter, and the
only SQL text assembled here is fixed column names and placeholders chosen from code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from newsprism.web import models as m

# Search uses ILIKE with bound parameters: DuckDB's `fts` extension is not bundled with the
# duckdb wheel and cannot be downloaded offline (checked with duckdb 2.0), see README "Web UI".
SEARCH_LIMIT = 25


class Reader:
    """Run parameterised queries on one DuckDB cursor and return rows as dicts."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self.cur = cursor
        self._tables: set[str] | None = None

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        result = self.cur.execute(sql, list(params))
        names = [d[0] for d in result.description]
        return [dict(zip(names, row)) for row in result.fetchall()]

    # The name Store uses, so store-level readers (events, actor network) accept a Reader too.
    query = rows

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.cur.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def has_table(self, name: str) -> bool:
        if self._tables is None:
            self._tables = {
                r["table_name"]
                for r in self.rows(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                )
            }
        return name in self._tables

    def has_column(self, table: str, column: str) -> bool:
        """Return whether a table has a column (stores written by an older schema may lack it)."""
        return bool(self.value(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'main' "
            "AND table_name = ? AND column_name = ?", [table, column]))


@dataclass(slots=True)
class Filters:
    """Filters shared by the list endpoints; ``article_ids`` restricts to a story's articles."""

    article_ids: list[str] | None = None
    article: str | None = None
    outlet: str | None = None
    actor: str | None = None
    country: str | None = None
    plover_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None                          # a place name, any spelling the gazetteer knows
    near: tuple[float, float, float] | None = None    # (lat, lon, km)
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def where(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _article_filters(f: Filters, alias: str, date_column: str) -> None:
    """Add the filters every record shares: its article, story, outlet and date."""
    if f.article_ids is not None:
        f.add(f"{alias}.article_id IN (SELECT unnest(?::VARCHAR[]))", f.article_ids)
    if f.article:
        f.add(f"{alias}.article_id = ?", f.article)
    if f.outlet:
        f.add("lower(a.outlet) = lower(?)", f.outlet)
    if f.date_from:
        f.add(f"coalesce({date_column}, a.published) >= ?", f.date_from)
    if f.date_to:
        f.add(f"coalesce({date_column}, a.published) <= ?", f.date_to)


_KM = ("2 * 6371 * asin(sqrt(pow(sin(radians({lat} - ?) / 2), 2) + cos(radians(?)) * cos(radians({lat}))"
       " * pow(sin(radians({lon} - ?) / 2), 2)))")


def parse_near(text: str) -> tuple[float, float, float]:
    """Return (lat, lon, km) from "lat,lon,km"; ValueError with the reason otherwise."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 3:
        raise ValueError(f"near={text!r}: give lat,lon,km (e.g. 47.2,39.7,100)")
    lat, lon, km = (float(p) for p in parts)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise ValueError(f"near={text!r}: latitude -90..90, longitude -180..180, km above 0")
    return lat, lon, km


def _place_filters(f: Filters, alias: str, name_column: str) -> None:
    """Add the place and near filters for rows with ``lat``, ``lon``, ``geonameid`` columns."""
    if f.place:
        from newsprism.places.gazetteer import candidates

        ids = [p.geonameid for p in candidates(f.place) if p.geonameid]
        f.add(f"(lower({alias}.{name_column}) LIKE lower(?) OR lower({alias}.admin1) = lower(?)"
              f" OR {alias}.geonameid IN (SELECT unnest(?::BIGINT[])))", f"%{f.place}%", f.place, ids)
    if f.near:
        lat, lon, km = f.near
        f.add(f"{alias}.lat IS NOT NULL AND " + _KM.format(lat=f"{alias}.lat", lon=f"{alias}.lon") + " <= ?",
              lat, lat, lon, km)


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, 500)), max(0, offset)


# -- articles -------------------------------------------------------------------------------------

ARTICLE_COLUMNS = (
    "a.id, a.title, a.outlet, a.published, a.published_month, a.published_day, a.dateline, a.url, "
    "a.source, a.word_count, c.original_id AS copy_of"
)


def list_articles(
    r: Reader, f: Filters, limit: int = 50, offset: int = 0
) -> m.Page[m.ArticleSummary]:
    """Return one page of articles, newest first."""
    limit, offset = _page(limit, offset)
    if f.article_ids is not None:
        f.add("a.id IN (SELECT unnest(?::VARCHAR[]))", f.article_ids)
    if f.article:
        f.add("a.id = ?", f.article)
    if f.outlet:
        f.add("lower(a.outlet) = lower(?)", f.outlet)
    if f.date_from:
        f.add("a.published >= ?", f.date_from)
    if f.date_to:
        f.add("a.published <= ?", f.date_to)
    if f.actor:
        f.add(
            "a.id IN (SELECT am.article_id FROM actor_mentions am JOIN actors ac ON ac.id = am.actor_id "
            "WHERE ac.id = ? OR lower(ac.name) = lower(?))",
            f.actor,
            f.actor,
        )
    if f.country:
        f.add(
            "a.id IN (SELECT am.article_id FROM actor_mentions am JOIN actors ac ON ac.id = am.actor_id "
            "WHERE upper(ac.country) = upper(?))",
            f.country,
        )
    if f.plover_type:
        f.add(
            "a.id IN (SELECT article_id FROM events WHERE upper(plover_type) = upper(?))",
            f.plover_type,
        )
    base = f"FROM articles a LEFT JOIN copies c ON c.article_id = a.id{f.where()}"
    total = r.value(f"SELECT count(*) {base}", f.params)
    rows = r.rows(
        f"SELECT {ARTICLE_COLUMNS} {base} ORDER BY a.published DESC NULLS LAST, a.ingested_at DESC, a.id "
        "LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    return m.Page[m.ArticleSummary](
        items=[m.ArticleSummary(**row) for row in rows], total=total, limit=limit, offset=offset
    )


def article_summaries(r: Reader, ids: Sequence[str]) -> list[m.ArticleSummary]:
    """Return the summaries of the given articles, oldest first."""
    rows = r.rows(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN copies c ON c.article_id = a.id "
        "WHERE a.id IN (SELECT unnest(?::VARCHAR[])) ORDER BY a.published NULLS LAST, a.id",
        [list(ids)],
    )
    return [m.ArticleSummary(**row) for row in rows]


def get_article(r: Reader, article_id: str) -> m.ArticleDetail | None:
    """Return one article with every record found in it, or None."""
    rows = r.rows(
        f"SELECT {ARTICLE_COLUMNS}, a.text, a.language FROM articles a "
        "LEFT JOIN copies c ON c.article_id = a.id WHERE a.id = ?",
        [article_id],
    )
    if not rows:
        return None
    by_article = [article_id]
    sentences = [
        m.SentenceOut(**row)
        for row in r.rows(
            'SELECT article_id, sentence_index, start, "end", text FROM sentences WHERE article_id = ? ORDER BY sentence_index',
            by_article,
        )
    ]
    entities = [
        m.EntityOut(**row)
        for row in r.rows(
            'SELECT sentence_index, start, "end", text, label FROM entities WHERE article_id = ? ORDER BY start',
            by_article,
        )
    ]
    dates = [
        m.DateOut(**row)
        for row in r.rows(
            'SELECT sentence_index, start, "end", text, resolved, status FROM dates WHERE article_id = ? ORDER BY start',
            by_article,
        )
    ]
    cited = [
        m.CitedSourceOut(**row)
        for row in r.rows(
            'SELECT sentence_index, start, "end", name, kind, relation, cue FROM cited_sources WHERE article_id = ? ORDER BY start',
            by_article,
        )
    ]
    mentions = [
        m.ActorMentionOut(**row)
        for row in r.rows(
            'SELECT actor_id, sentence_index, start, "end", text, how FROM actor_mentions WHERE article_id = ? ORDER BY start',
            by_article,
        )
    ]
    events = list_events(r, Filters(article=article_id), limit=500).items
    quotes = list_quotes(r, Filters(article=article_id), limit=500).items
    return m.ArticleDetail(
        **rows[0],
        sentences=sentences,
        entities=entities,
        dates=dates,
        cited_sources=cited,
        actor_mentions=mentions,
        events=events,
        quotes=quotes,
    )


# -- events ---------------------------------------------------------------------------------------


def _actor_refs(r: Reader, event_ids: Sequence[str]) -> dict[str, dict[str, list[m.ActorRefOut]]]:
    refs: dict[str, dict[str, list[m.ActorRefOut]]] = defaultdict(
        lambda: {"source": [], "target": []}
    )
    if event_ids:
        for row in r.rows(
            'SELECT event_id, role, actor_id, name, country, sector, start, "end" FROM event_actors '
            "WHERE event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY event_id, role, position",
            [list(event_ids)],
        ):
            refs[row.pop("event_id")].setdefault(row.pop("role"), []).append(m.ActorRefOut(**row))
    return refs


def list_events(r: Reader, f: Filters, limit: int = 50, offset: int = 0) -> m.Page[m.EventOut]:
    """Return one page of events with actors and their sentence, in reading order."""
    limit, offset = _page(limit, offset)
    _article_filters(f, "e", "e.date")
    if f.plover_type:
        f.add("upper(e.plover_type) = upper(?)", f.plover_type)
    if f.actor:
        f.add(
            "e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ? OR lower(name) = lower(?))",
            f.actor,
            f.actor,
        )
    if f.country:
        f.add(
            "e.id IN (SELECT event_id FROM event_actors WHERE upper(country) = upper(?))", f.country
        )
    placed = _has_event_places(r)
    if placed:
        _place_filters(f, "e", "place_name")
    elif f.place or f.near:
        f.add("false")  # a store from before places has no placed events
    base = (
        "FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN sentences s "
        f"ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index{f.where()}"
    )
    total = r.value(f"SELECT count(*) {base}", f.params)
    rows = r.rows(
        f'SELECT e.id, e.article_id, e.sentence_index, e.start, e."end", e.trigger, e.plover_type, e.mode, '
        "e.cameo, e.location, e.date, e.negated, e.modality, e.attribution, e.confidence, "
        f"coalesce(s.text, '') AS sentence, coalesce(s.start, 0) AS sentence_start, a.outlet, a.published"
        + (", e.place_name, e.geonameid, e.lat, e.lon, e.country AS place_country, e.how AS place_how" if placed else "")
        + f" {base} ORDER BY a.published NULLS LAST, e.article_id, e.start, e.id LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    refs = _actor_refs(r, [row["id"] for row in rows])
    items = [
        m.EventOut(**row, sources=refs[row["id"]]["source"], targets=refs[row["id"]]["target"])
        for row in rows
    ]
    return m.Page[m.EventOut](items=items, total=total, limit=limit, offset=offset)


def _has_event_places(r: Reader) -> bool:
    """Return whether the store has place columns on events (stores written before places do not)."""
    return bool(r.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'how'"))


def list_places(r: Reader, f: Filters, limit: int = 50, offset: int = 0, q: str | None = None) -> m.Page[m.PlaceOut]:
    """Return one page of resolved places, most named first, with how many articles and events they hold."""
    limit, offset = _page(limit, offset)
    if not r.has_table("places"):
        return m.Page[m.PlaceOut](items=[], total=0, limit=limit, offset=offset)
    _article_filters(f, "p", "a.published")
    f.add("p.status = 'resolved'")
    _place_filters(f, "p", "name")
    if q:
        f.add("(lower(p.name) LIKE lower(?) OR lower(p.text) LIKE lower(?))", f"%{q}%", f"%{q}%")
    grouped = (
        "SELECT p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1, p.feature_code, count(*) AS mentions, "
        "count(DISTINCT p.article_id) AS articles, list(DISTINCT p.text) AS written, list(DISTINCT p.article_id) AS ids "
        f"FROM places p JOIN articles a ON a.id = p.article_id{f.where()} "
        "GROUP BY p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1, p.feature_code"
    )
    total = r.value(f"SELECT count(*) FROM ({grouped})", f.params)
    rows = r.rows(f"SELECT * FROM ({grouped}) ORDER BY mentions DESC, name LIMIT ? OFFSET ?", [*f.params, limit, offset])
    events: dict[tuple, int] = {}
    if rows and _has_event_places(r):
        # Only the articles of this page's places: not every placed event of the store.
        page_articles = sorted({aid for row in rows for aid in row["ids"]})
        for row in r.rows("SELECT place_name, lat, lon, article_id, count(*) AS n FROM events WHERE lat IS NOT NULL "
                          "AND article_id IN (SELECT unnest(?)) GROUP BY place_name, lat, lon, article_id", [page_articles]):
            events[(row["place_name"], row["lat"], row["lon"], row["article_id"])] = row["n"]
    items = []
    for row in rows:
        ids = row.pop("ids")
        count = sum(events.get((row["name"], row["lat"], row["lon"], aid), 0) for aid in ids)
        items.append(m.PlaceOut(**row, events=count))
    return m.Page[m.PlaceOut](items=items, total=total, limit=limit, offset=offset)


def get_event(r: Reader, event_id: str) -> m.EventOut | None:
    f = Filters()
    f.add("e.id = ?", event_id)
    items = list_events(r, f, limit=1).items
    return items[0] if items else None


# -- quotes ---------------------------------------------------------------------------------------


def list_quotes(r: Reader, f: Filters, limit: int = 50, offset: int = 0) -> m.Page[m.QuoteOut]:
    """Return one page of quotes with their sentence, in reading order."""
    limit, offset = _page(limit, offset)
    _article_filters(f, "q", "q.date")
    if f.actor:
        f.add("(q.speaker_actor_id = ? OR lower(q.speaker) = lower(?))", f.actor, f.actor)
    if f.country:
        f.add(
            "q.speaker_actor_id IN (SELECT id FROM actors WHERE upper(country) = upper(?))",
            f.country,
        )
    if f.plover_type:
        # Quotes carry no event type: keep those spoken in a sentence that reports one of that type.
        f.add(
            "EXISTS (SELECT 1 FROM events e WHERE e.article_id = q.article_id AND e.sentence_index = q.sentence_index "
            "AND upper(e.plover_type) = upper(?))",
            f.plover_type,
        )
    base = (
        "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sentences s "
        f"ON s.article_id = q.article_id AND s.sentence_index = q.sentence_index{f.where()}"
    )
    total = r.value(f"SELECT count(*) {base}", f.params)
    rows = r.rows(
        f'SELECT q.id, q.article_id, q.sentence_index, q.start, q."end", q.text, q.direct, q.speaker, '
        "q.speaker_actor_id, q.speaker_start, q.speaker_end, q.cue, q.channel, q.channel_detail, q.date, "
        f"coalesce(s.text, '') AS sentence, coalesce(s.start, 0) AS sentence_start, a.outlet, a.published {base} "
        "ORDER BY a.published NULLS LAST, q.article_id, q.start, q.id LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    return m.Page[m.QuoteOut](
        items=[m.QuoteOut(**row) for row in rows], total=total, limit=limit, offset=offset
    )


def get_quote(r: Reader, quote_id: str) -> m.QuoteOut | None:
    f = Filters()
    f.add("q.id = ?", quote_id)
    items = list_quotes(r, f, limit=1).items
    return items[0] if items else None


# -- actors ---------------------------------------------------------------------------------------

ACTOR_COUNTS = (
    "SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, ac.aliases, "
    "(SELECT count(*) FROM actor_mentions am WHERE am.actor_id = ac.id) AS mentions, "
    "(SELECT count(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = ac.id) AS events, "
    "(SELECT count(*) FROM quotes q WHERE q.speaker_actor_id = ac.id) AS quotes FROM actors ac"
)


def list_actors(
    r: Reader, f: Filters, q: str | None = None, limit: int = 50, offset: int = 0
) -> m.Page[m.ActorOut]:
    """Return one page of actors, most mentioned first."""
    limit, offset = _page(limit, offset)
    if f.country:
        f.add("upper(ac.country) = upper(?)", f.country)
    if q:
        f.add(
            "(ac.name ILIKE ? ESCAPE '\\' OR list_contains(list_transform(ac.aliases, lambda x: lower(x)), lower(?)))",
            f"%{_escape_like(q)}%",
            q,
        )
    if f.article_ids is not None:
        f.add(
            "ac.id IN (SELECT actor_id FROM actor_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[])))",
            f.article_ids,
        )
    if f.outlet:
        f.add(
            "ac.id IN (SELECT am.actor_id FROM actor_mentions am JOIN articles a ON a.id = am.article_id "
            "WHERE lower(a.outlet) = lower(?))",
            f.outlet,
        )
    if f.plover_type:
        f.add(
            "ac.id IN (SELECT ea.actor_id FROM event_actors ea JOIN events e ON e.id = ea.event_id "
            "WHERE upper(e.plover_type) = upper(?))",
            f.plover_type,
        )
    if f.actor:
        f.add("(ac.id = ? OR lower(ac.name) = lower(?))", f.actor, f.actor)
    if f.article:
        f.add("ac.id IN (SELECT actor_id FROM actor_mentions WHERE article_id = ?)", f.article)
    if f.date_from or f.date_to:
        # An actor has no date of its own: keep those mentioned in articles published in the range.
        f.add(
            "ac.id IN (SELECT am.actor_id FROM actor_mentions am JOIN articles a ON a.id = am.article_id "
            "WHERE a.published >= coalesce(?, a.published) AND a.published <= coalesce(?, a.published))",
            f.date_from,
            f.date_to,
        )
    total = r.value(f"SELECT count(*) FROM actors ac{f.where()}", f.params)
    rows = r.rows(
        f"SELECT * FROM ({ACTOR_COUNTS}{f.where()}) ORDER BY mentions + events + quotes DESC, name "
        "LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    return m.Page[m.ActorOut](
        items=[m.ActorOut(**row) for row in rows], total=total, limit=limit, offset=offset
    )


def get_actor(r: Reader, actor_id: str) -> m.ActorDetail | None:
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
    f_events = Filters()
    f_events.add("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)", actor_id)
    f_quotes = Filters()
    f_quotes.add("q.speaker_actor_id = ?", actor_id)
    return m.ActorDetail(
        **rows[0],
        outlets=outlets,
        event_list=list_events(r, f_events, limit=500).items,
        quote_list=list_quotes(r, f_quotes, limit=500).items,
    )


# -- search ---------------------------------------------------------------------------------------


def _escape_like(text: str) -> str:
    """Return text with LIKE wildcards escaped, so '%' and '_' in a query match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(r: Reader, query: str, limit: int = SEARCH_LIMIT) -> m.SearchOut:
    """Return articles (title or text), actors (name or alias) and quotes (text or speaker) matching."""
    query = query.strip()
    if not query:
        return m.SearchOut(query=query, articles=[], actors=[], quotes=[])
    pattern = f"%{_escape_like(query)}%"
    articles = list_articles(
        r,
        Filters(
            clauses=["(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')"],
            params=[pattern, pattern],
        ),
        limit=limit,
    ).items
    alias_match = (
        "(ac.name ILIKE ? ESCAPE '\\' OR "
        "len(list_filter(ac.aliases, lambda x: x ILIKE ? ESCAPE '\\')) > 0)"
    )
    actor_filter = Filters(clauses=[alias_match], params=[pattern, pattern])
    actors = list_actors(r, actor_filter, limit=limit).items
    quotes = list_quotes(
        r,
        Filters(
            clauses=["(q.text ILIKE ? ESCAPE '\\' OR q.speaker ILIKE ? ESCAPE '\\')"],
            params=[pattern, pattern],
        ),
        limit=limit,
    ).items
    return m.SearchOut(query=query, articles=articles, actors=actors, quotes=quotes)


# -- sentences ------------------------------------------------------------------------------------


def evidence(
    r: Reader, spans: Sequence[tuple[str, int, int | None, int | None]]
) -> list[m.EvidenceOut]:
    """Return the sentences (article id, sentence index) with outlet and the span to highlight."""
    if not spans:
        return []
    keys = [f"{a}\x1f{s}" for a, s, _, _ in spans]
    rows = {
        (row["article_id"], row["sentence_index"]): row
        for row in r.rows(
            'SELECT s.article_id, s.sentence_index, s.start, s."end", s.text, a.outlet, a.title, a.published '
            "FROM sentences s JOIN articles a ON a.id = s.article_id "
            "WHERE s.article_id || chr(31) || CAST(s.sentence_index AS VARCHAR) IN (SELECT unnest(?::VARCHAR[]))",
            [keys],
        )
    }
    out = []
    for article_id, index, start, end in spans:
        row = rows.get((article_id, index))
        if row:
            out.append(m.EvidenceOut(**row, highlight_start=start, highlight_end=end))
    return out

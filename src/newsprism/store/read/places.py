"""Read resolved places: how often the selected articles name each, and how many events happen there."""

from __future__ import annotations

from newsprism.store.read.events import has_event_places
from newsprism.store.read.filters import Filters, article_filters, page_bounds, place_filters
from newsprism.store.read.reader import Reader
from newsprism.store.read.records import PlaceSummary, RecordPage


def list_places(r: Reader, f: Filters, limit: int = 50, offset: int = 0, q: str | None = None) -> RecordPage[PlaceSummary]:
    """Return one page of resolved places, most named first, with how many articles and events they hold."""
    limit, offset = page_bounds(limit, offset)
    if not r.has_table("places"):
        return RecordPage(items=(), total=0, limit=limit, offset=offset)
    article_filters(f, "p", "a.published")
    f.add("p.status = 'resolved'")
    place_filters(f, "p", "name")
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
    if rows and has_event_places(r):
        # Only the articles of this page's places: not every placed event of the store.
        page_articles = sorted({aid for row in rows for aid in row["ids"]})
        for row in r.rows("SELECT place_name, lat, lon, article_id, count(*) AS n FROM events WHERE lat IS NOT NULL "
                          "AND article_id IN (SELECT unnest(?)) GROUP BY place_name, lat, lon, article_id", [page_articles]):
            events[(row["place_name"], row["lat"], row["lon"], row["article_id"])] = row["n"]
    items = []
    for row in rows:
        ids = row.pop("ids")
        count = sum(events.get((row["name"], row["lat"], row["lon"], aid), 0) for aid in ids)
        items.append(PlaceSummary(**{**row, "written": tuple(row["written"] or ())}, events=count))
    return RecordPage(items=tuple(items), total=total, limit=limit, offset=offset)

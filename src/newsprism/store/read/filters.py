"""The filters the list readers share, and the WHERE clauses they become.

Callers set named fields (outlet, actor, place, ...); only the read layer turns them into SQL,
always with bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Filters:
    """Filters shared by the list readers; ``article_ids`` restricts to a story's articles."""

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
    actor_ids: list[str] | None = None                # events these actors take part in, quotes they speak
    placed_only: bool = False                         # only events placed on the map
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def where(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    def cleared(self) -> Filters:
        """Return the same named filters with no clauses built yet (a Filters is used up by one query)."""
        from dataclasses import replace

        return replace(self, clauses=[], params=[])


def add_clauses(f: Filters, clauses: dict[str, str]) -> None:
    """Add the clause of each named filter that is set (``{filter name: clause}``, a reader's table).

    Every ``?`` of a clause takes that filter's value; a list filter set to [] still applies
    (a story with no articles matches nothing)."""
    for name, clause in clauses.items():
        value = getattr(f, name)
        if value is not None and value != "":
            f.add(clause, *[value] * clause.count("?"))


def article_filters(f: Filters, alias: str, date_column: str) -> None:
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


def place_filters(f: Filters, alias: str, name_column: str) -> None:
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


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    """Return (limit, offset) kept to 1..500 rows from offset 0 or later."""
    return max(1, min(limit, 500)), max(0, offset)


def escape_like(text: str) -> str:
    """Return text with LIKE wildcards escaped, so '%' and '_' in a query match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

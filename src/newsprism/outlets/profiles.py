"""Outlet profiles: read the outlet table and find the profile of an article's outlet.

An article's outlet string comes from a manifest, a feed, a dateline or a URL, so it may be the
outlet's name ("The New York Times"), a variant ("NYT", "nyt", "wash-post"), a domain
("bbc.co.uk") or a URL. ``OutletTable.profile`` matches all of these, and returns None for an
outlet it does not know: an unknown outlet is unprofiled, never guessed from its name.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from newsprism.errors import NewsprismError, one_line

KINDS = ("wire agency", "state-owned", "public broadcaster", "private")
CONTROLS = ("state", "independent")
COLUMNS = ("name", "country", "kind", "control", "language", "variants", "domains")


class UnreadableOutletFile(NewsprismError):
    """A user's outlet or sides file could not be read (missing, malformed row, unknown value)."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(one_line(f"{path}: {reason}"))


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """What is known of one outlet; a field the table leaves empty is None (not known)."""

    name: str
    country: str | None          # ISO 3166 alpha-3 of its home base
    kind: str | None             # one of KINDS
    control: str | None          # "state" or "independent"
    language: str | None         # ISO 639-1 of its main edition
    variants: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()

    @property
    def state_controlled(self) -> bool | None:
        return None if self.control is None else self.control == "state"


def normal_name(text: str) -> str:
    """Return an outlet name folded for matching: no accents, case, punctuation or leading "the"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    folded = folded.replace("&", " and ")
    folded = re.sub(r"[^a-z0-9]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


_DOMAIN = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#].*)?$", re.I)


def domain_of(text: str) -> str | None:
    """Return the host of a URL or bare domain ("https://www.bbc.co.uk/news" -> "bbc.co.uk"), else None."""
    text = text.strip()
    if " " in text or "." not in text:
        return None
    if "://" in text:
        host = (urlsplit(text).hostname or "").lower()
        host = re.sub(r"^www\d?\.", "", host)
        return host or None
    found = _DOMAIN.match(text)
    # "Lenta.ru" is a name and a domain; "Yahoo!" or "U.S. News" are not domains (no TLD-like ending).
    return found.group(1).lower() if found and re.search(r"\.[a-z]{2,}$", found.group(1), re.I) else None


class OutletTable:
    """Outlet profiles indexed by folded name, variant and domain."""

    def __init__(self, profiles: list[OutletProfile]) -> None:
        by_name: dict[str, OutletProfile] = {}
        for profile in profiles:                      # a later row with the same name replaces the earlier
            by_name[normal_name(profile.name)] = profile
        self.profiles: tuple[OutletProfile, ...] = tuple(by_name.values())
        variants: dict[str, set[str]] = {}
        domains: dict[str, OutletProfile] = {}
        for key, profile in by_name.items():
            for variant in profile.variants:
                variants.setdefault(normal_name(variant), set()).add(key)
            for domain in profile.domains:
                domains[domain.lower()] = profile
        self._names = dict(by_name)
        # A variant two outlets share ("CNA") matches neither: ambiguous means unprofiled.
        for variant, keys in variants.items():
            if variant and variant not in self._names and len(keys) == 1:
                self._names[variant] = by_name[next(iter(keys))]
        self._domains = domains

    def __len__(self) -> int:
        return len(self.profiles)

    def by_domain(self, host: str) -> OutletProfile | None:
        """Return the profile of a host or of its nearest listed parent domain (articles.latimes.com)."""
        labels = host.lower().split(".")
        for start in range(len(labels) - 1):
            found = self._domains.get(".".join(labels[start:]))
            if found:
                return found
        return None

    def profile(self, outlet: str | None, url: str | None = None) -> OutletProfile | None:
        """Return the profile of an outlet string (name, variant, domain or URL), else of the URL's domain."""
        if outlet:
            found = self._names.get(normal_name(outlet))
            if found:
                return found
            host = domain_of(outlet)
            if host and (found := self.by_domain(host)):
                return found
        if url and (host := domain_of(url)):
            return self.by_domain(host)
        return None


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def read_profiles(text: str, source: str) -> list[OutletProfile]:
    """Return the profiles of an outlet table's text (tab-separated, # comments, a header row)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    header = [cell.strip().lower() for cell in lines[0].split("\t")]
    if header[: len(COLUMNS)] != list(COLUMNS):
        raise UnreadableOutletFile(source, f"the header must be the tab-separated columns {', '.join(COLUMNS)}")
    out = []
    for number, row in enumerate(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
        cells = dict(zip(COLUMNS, (cell.strip() for cell in row + [""] * len(COLUMNS))))
        if not cells["name"]:
            raise UnreadableOutletFile(source, f"row {number} has no outlet name")
        if cells["kind"] and cells["kind"] not in KINDS:
            raise UnreadableOutletFile(source, f"row {number}: kind {cells['kind']!r} is not one of {', '.join(KINDS)}")
        if cells["control"] and cells["control"] not in CONTROLS:
            raise UnreadableOutletFile(source, f"row {number}: control {cells['control']!r} is not state or independent")
        if cells["country"] and not re.fullmatch(r"[A-Z]{3}", cells["country"]):
            raise UnreadableOutletFile(source, f"row {number}: country {cells['country']!r} is not an ISO alpha-3 code")
        out.append(OutletProfile(
            name=cells["name"], country=cells["country"] or None, kind=cells["kind"] or None,
            control=cells["control"] or None, language=cells["language"] or None,
            variants=_split(cells["variants"]), domains=tuple(d.lower() for d in _split(cells["domains"]))))
    return out


@lru_cache(maxsize=1)
def _packaged() -> tuple[OutletProfile, ...]:
    text = resources.files("newsprism.outlets").joinpath("data/outlets.tsv").read_text(encoding="utf-8")
    return tuple(read_profiles(text, "newsprism/outlets/data/outlets.tsv"))


@lru_cache(maxsize=8)
def load_outlet_table(user_file: Path | None = None) -> OutletTable:
    """Return the packaged outlet table, extended (and, by name, overridden) by ``user_file``."""
    profiles = list(_packaged())
    if user_file is not None:
        try:
            text = Path(user_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UnreadableOutletFile(user_file, f"cannot read it ({exc.__class__.__name__}: {exc})") from exc
        profiles.extend(read_profiles(text, str(user_file)))
    return OutletTable(profiles)

"""Sides: named groups of outlets, so a story can be compared side against side.

A grouping assigns each outlet of a story to one side:
- ``country``: the outlet's home country (ISO alpha-3) from its profile;
- ``control``: "state-controlled" or "independent" from its profile;
- ``kind``: wire agency, state-owned, public broadcaster or private;
- a user's sides file (``Settings.sides_file``): one side per line, ``side<TAB>outlet; outlet; ...``
  (or several lines for one side), outlets matched like article outlets (name, variant, domain).
An outlet the grouping cannot place is on the side ``unprofiled`` (profile groupings) or
``unassigned`` (a sides file): never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from newsprism.outlets.profiles import OutletTable, UnreadableOutletFile, load_outlet_table, normal_name

PROFILE_GROUPINGS = ("country", "control", "kind")
# What ``--sides`` accepts besides the profile groupings: the user's sides file from Settings.
FILE_GROUPING = "file"
GROUPINGS = (*PROFILE_GROUPINGS, FILE_GROUPING)
UNPROFILED = "unprofiled"
UNASSIGNED = "unassigned"
CONTROL_SIDES = {"state": "state-controlled", "independent": "independent"}


@dataclass(frozen=True, slots=True)
class SideDefinition:
    """A user-defined side: its name and the outlets (as written in the file) that make it up."""

    name: str
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sides:
    """Which side each outlet of a story is on, and the sides in the order to show them."""

    grouping: str
    side_of: dict[str, str]
    order: tuple[str, ...]

    def members(self, side: str) -> tuple[str, ...]:
        """Return the outlets on ``side``, sorted."""
        return tuple(sorted(o for o, s in self.side_of.items() if s == side))


def read_sides_file(path: Path) -> tuple[SideDefinition, ...]:
    """Return the sides a user's file defines (``side<TAB>outlet; outlet``, # comments)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableOutletFile(path, f"cannot read it ({exc.__class__.__name__}: {exc})") from exc
    members: dict[str, list[str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        side, sep, outlets = line.partition("\t")
        if not sep or not side.strip() or not outlets.strip():
            raise UnreadableOutletFile(path, f"line {number}: expected a side name, a tab, then outlets separated by ;")
        members.setdefault(side.strip(), []).extend(o.strip() for o in outlets.split(";") if o.strip())
    if not members:
        raise UnreadableOutletFile(path, "defines no side")
    return tuple(SideDefinition(name, tuple(outlets)) for name, outlets in members.items())


@lru_cache(maxsize=8)
def _cached_sides_file(path: Path) -> tuple[SideDefinition, ...]:
    return read_sides_file(path)


def _profile_side(grouping: str, outlet: str, table: OutletTable) -> str:
    profile = table.profile(outlet)
    if profile is None:
        return UNPROFILED
    if grouping == "country":
        return profile.country or UNPROFILED
    if grouping == "control":
        return CONTROL_SIDES.get(profile.control or "", UNPROFILED)
    return profile.kind or UNPROFILED


def _file_side(outlet: str, definitions: tuple[SideDefinition, ...], table: OutletTable) -> str:
    key = normal_name(outlet)
    profile = table.profile(outlet)
    for definition in definitions:
        for member in definition.outlets:
            if normal_name(member) == key:
                return definition.name
            # "Reuters" in a sides file takes in an article whose outlet reads "Reuters News".
            if profile is not None and table.profile(member) is profile:
                return definition.name
    return UNASSIGNED


def assign_sides(outlets: Iterable[str], grouping: str = "control", table: OutletTable | None = None,
                 sides_file: Path | None = None) -> Sides:
    """Return the side of each outlet under ``grouping`` (country, control, kind, or file)."""
    if grouping not in GROUPINGS:
        raise ValueError(f"sides {grouping!r}: expected one of {', '.join(GROUPINGS)}")
    table = table or load_outlet_table()
    outlets = sorted(set(outlets))
    if grouping == FILE_GROUPING:
        if sides_file is None:
            raise UnreadableOutletFile("sides", "no sides file is set (Settings.sides_file, --sides-file)")
        definitions = _cached_sides_file(Path(sides_file))
        side_of = {outlet: _file_side(outlet, definitions, table) for outlet in outlets}
        named = [d.name for d in definitions]
    else:
        side_of = {outlet: _profile_side(grouping, outlet, table) for outlet in outlets}
        named = []
    # Largest side first (then by name); the catch-all side last.
    sizes: dict[str, int] = {}
    for side in side_of.values():
        sizes[side] = sizes.get(side, 0) + 1
    order = sorted(sizes, key=lambda s: (s in (UNPROFILED, UNASSIGNED), -sizes[s], named.index(s) if s in named else 0, s))
    return Sides(grouping=grouping, side_of=side_of, order=tuple(order))


def by_outlet(outlets: Iterable[str]) -> Sides:
    """Return the trivial grouping where every outlet is its own side (the per-outlet view)."""
    outlets = sorted(set(outlets))
    return Sides(grouping="outlet", side_of={o: o for o in outlets}, order=tuple(outlets))

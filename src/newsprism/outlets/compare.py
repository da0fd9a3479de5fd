"""Per-side comparisons built from per-outlet ones: a claim's status per side, what one side
reports that another omits, each side's wording and voices.

Inputs are what the story readers already return per outlet (stances, carried claims, framing
terms, voices), so the CLI, the API and the pages draw sides from the same functions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

from newsprism.outlets.sides import Sides

# Stances with which an outlet disputes a claim (the stories stage's and the web layer's spellings).
DISPUTING = frozenset({"negates", "denies", "denied", "negated", "contradicts", "disputes", "rejects"})
MIXED = frozenset({"mixed"})


def stance_class(stance: str | None) -> str:
    """Return "disputes", "mixed" or "reports" for a stance as stored or shown."""
    stance = (stance or "").lower()
    return "disputes" if stance in DISPUTING else "mixed" if stance in MIXED else "reports"


@dataclass(frozen=True, slots=True)
class SideCell:
    """One side's position on one claim: its outlets that report it, that dispute it, and its size."""

    side: str
    members: int
    reporting: tuple[str, ...]
    disputing: tuple[str, ...]

    @property
    def status(self) -> str:
        """Return "absent", "reports", "disputes" or "split" (some of the side report, some dispute)."""
        if self.reporting and self.disputing:
            return "split"
        return "reports" if self.reporting else "disputes" if self.disputing else "absent"

    @property
    def carried(self) -> int:
        return len(set(self.reporting) | set(self.disputing))


def side_strip(stances: Mapping[str, str | None], sides: Sides) -> tuple[SideCell, ...]:
    """Return one cell per side (in the sides' order) for a claim's {outlet: stance}."""
    reporting: dict[str, list[str]] = defaultdict(list)
    disputing: dict[str, list[str]] = defaultdict(list)
    for outlet, stance in stances.items():
        side = sides.side_of.get(outlet)
        if side is None:
            continue
        kind = stance_class(stance)
        if kind in ("reports", "mixed"):
            reporting[side].append(outlet)
        if kind in ("disputes", "mixed"):
            disputing[side].append(outlet)
    return tuple(SideCell(side, len(sides.members(side)), tuple(sorted(reporting[side])), tuple(sorted(disputing[side])))
                 for side in sides.order)


@dataclass(frozen=True, slots=True)
class SideOmissions:
    """What a side alone carries, and what other sides carry that none of its outlets does."""

    side: str
    only_here: tuple[str, ...]
    missing_here: tuple[str, ...]


def omissions_by_side(carried: Mapping[str, Iterable[str]], sides: Sides) -> tuple[SideOmissions, ...]:
    """Return per side the claims only it carries and those it omits, from {claim id: outlets}."""
    sides_of_claim = {claim: {sides.side_of[o] for o in outlets if o in sides.side_of} for claim, outlets in carried.items()}
    return tuple(
        SideOmissions(side,
                      tuple(sorted(c for c, on in sides_of_claim.items() if on == {side})),
                      tuple(sorted(c for c, on in sides_of_claim.items() if on and side not in on)))
        for side in sides.order)


@dataclass(frozen=True, slots=True)
class SideTerm:
    """A framing term a side uses: how many of its outlets use it."""

    side: str
    kind: str
    term: str
    refers_to: str | None
    outlets: int


def wording_by_side(terms: Iterable[tuple[str, str, str, str | None]], sides: Sides, per_kind: int = 12) -> dict[str, list[SideTerm]]:
    """Return per side its terms (from (outlet, kind, term, refers_to)), most widely used first.

    A term counts once per outlet, so one prolific outlet does not speak for its whole side."""
    users: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    refers: dict[tuple[str, str, str], str | None] = {}
    for outlet, kind, term, refers_to in terms:
        side = sides.side_of.get(outlet)
        if side is None:
            continue
        key = (side, kind, term)
        users[key].add(outlet)
        refers.setdefault(key, refers_to)
    out: dict[str, list[SideTerm]] = {side: [] for side in sides.order}
    kept: Counter[tuple[str, str]] = Counter()
    for (side, kind, term), outlets in sorted(users.items(), key=lambda item: (item[0][0], item[0][1], -len(item[1]), item[0][2])):
        if kept[(side, kind)] < per_kind:
            kept[(side, kind)] += 1
            out[side].append(SideTerm(side, kind, term, refers[(side, kind, term)], len(outlets)))
    return out


@dataclass(frozen=True, slots=True)
class SideVoice:
    """A speaker a side quotes: quotes over all its outlets and how many of them quote the speaker."""

    side: str
    speaker: str
    quotes: int
    outlets: int
    country: str | None
    sector: str | None


def voices_by_side(voices: Iterable[tuple[str, str, int, str | None, str | None]], sides: Sides) -> dict[str, list[SideVoice]]:
    """Return per side whom it quotes, from (outlet, speaker, quote count, country, sector); most quoted first."""
    quotes: Counter[tuple[str, str]] = Counter()
    outlets: dict[tuple[str, str], set[str]] = defaultdict(set)
    whose: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for outlet, speaker, count, country, sector in voices:
        side = sides.side_of.get(outlet)
        if side is None:
            continue
        quotes[(side, speaker)] += count
        outlets[(side, speaker)].add(outlet)
        whose.setdefault((side, speaker), (country, sector))
    out: dict[str, list[SideVoice]] = {side: [] for side in sides.order}
    for (side, speaker), n in sorted(quotes.items(), key=lambda item: (-len(outlets[item[0]]), -item[1], item[0][1])):
        out[side].append(SideVoice(side, speaker, n, len(outlets[(side, speaker)]), *whose[(side, speaker)]))
    return out

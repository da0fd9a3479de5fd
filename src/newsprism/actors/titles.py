"""Titles and role nouns ("President", "riot police", "rebels"): sector, strength and kind.

The table is ``data/titles.tsv``. Plurals are found through their singular ("ministers" →
"minister"), so each role is listed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsprism.actors.gazetteer import Token

DATA = Path(__file__).resolve().parent / "data" / "titles.tsv"


@dataclass(frozen=True, slots=True)
class Title:
    phrase: str
    sector: str | None
    strong: bool                     # strong words decide the sector over weak ones
    kind: str                        # person | people | body | state
    classes: frozenset[str]          # which descriptions may refer back to a holder
    country: str | None = None       # a title only one country uses ("Secretary of State")


@dataclass(frozen=True, slots=True)
class TitleHit:
    first: int                       # token indices [first, last)
    last: int
    title: Title
    plural: bool


@lru_cache(maxsize=1)
def titles() -> dict[tuple[str, ...], Title]:
    """Return the title table keyed by lowercase word tuples."""
    table: dict[tuple[str, ...], Title] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + [""] * 6
        phrase, sector, strength, kind, classes, country = cells[:6]
        table[tuple(phrase.split())] = Title(phrase, sector or None, strength == "strong", kind,
                                             frozenset(c for c in classes.split(";") if c), country or None)
    return table


@lru_cache(maxsize=1)
def longest_title() -> int:
    return max(len(k) for k in titles())


def singular(word: str) -> str | None:
    """Return the singular of a regular English plural noun, or None when it is not one."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return None


def title_at(tokens: Sequence[Token], i: int) -> TitleHit | None:
    """Return the longest title starting at token ``i`` (none where ``i`` is outside the tokens)."""
    if not 0 <= i < len(tokens):
        return None
    table = titles()
    for length in range(min(longest_title(), len(tokens) - i), 0, -1):
        words = [t.norm for t in tokens[i:i + length]]
        found = table.get(tuple(words))
        if found is not None:
            return TitleHit(i, i + length, found, False)
        one = singular(words[-1])
        if one is not None:
            found = table.get((*words[:-1], one))
            if found is not None:
                return TitleHit(i, i + length, found, True)
    return None


def find_titles(tokens: Sequence[Token], skip: set[int] = frozenset()) -> list[TitleHit]:
    """Return the titles among ``tokens``, longest first, left to right, avoiding ``skip``."""
    hits: list[TitleHit] = []
    i = 0
    while i < len(tokens):
        if i in skip:
            i += 1
            continue
        hit = title_at(tokens, i)
        if hit is None or any(j in skip for j in range(hit.first, hit.last)):
            i += 1
            continue
        hits.append(hit)
        i = hit.last
    return hits


def lookup_title(word: str) -> Title | None:
    """Return the title a single word or phrase names exactly ("ministers" → minister)."""
    words = tuple(word.lower().split())
    if not words:
        return None
    found = titles().get(words)
    if found is None and (one := singular(words[-1])):
        found = titles().get((*words[:-1], one))
    return found

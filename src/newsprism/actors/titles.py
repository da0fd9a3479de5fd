"""Titles and role nouns ("President", "riot police", "rebels"): sector, strength and kind.

The table is ``data/titles.tsv``. Plurals are found through their singular ("ministers" →
"minister"), so each role is listed once.

Beside it, ``data/phoenix_agents.tsv`` (compiled from PETRARCH2's agents dictionary by
``scripts/compile_phoenix_agents.py``) gives the sector of some 2,300 more role nouns
("gendarmes" → COP, "coup makers" → REB). Those rows are weak sector cues for descriptions
only (``find_titles``): ``title_at`` and ``lookup_title``, which decide whether a capitalised
word is a title before a name or whether a noun names people at all, read the hand table alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsprism.actors.gazetteer import Token

DATA = Path(__file__).resolve().parent / "data" / "titles.tsv"
AGENTS = Path(__file__).resolve().parent / "data" / "phoenix_agents.tsv"


@dataclass(frozen=True, slots=True)
class Title:
    phrase: str
    sector: str | None
    strong: bool                     # strong words decide the sector over weak ones
    kind: str                        # person | people | body | state
    classes: frozenset[str]          # which descriptions may refer back to a holder
    country: str | None = None       # a title only one country uses ("Secretary of State")
    curated: bool = True             # from the hand table (False: compiled from PETRARCH2's agents)


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
def agent_titles() -> dict[tuple[str, ...], Title]:
    """Return the compiled PETRARCH2 agent nouns the hand table lacks, keyed like ``titles``."""
    table: dict[tuple[str, ...], Title] = {}
    curated = titles()
    for line in AGENTS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, sector, _code, kind = (line.split("\t") + [""] * 4)[:4]
        key = tuple(phrase.split())
        if key and key not in curated:
            table[key] = Title(phrase, sector or None, False, kind or "people", frozenset(), None, False)
    return table


@lru_cache(maxsize=1)
def longest_title() -> int:
    return max(len(k) for k in [*titles(), *agent_titles()])


@lru_cache(maxsize=100_000)
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


def title_at(tokens: Sequence[Token], i: int, table: dict[tuple[str, ...], Title] | None = None) -> TitleHit | None:
    """Return the longest title of the hand table (or of ``table``) starting at token ``i``.

    None where ``i`` is outside the tokens.
    """
    if not 0 <= i < len(tokens):
        return None
    table = titles() if table is None else table
    # Every title starts with its first word, or is one word in the plural: most words start
    # none and are passed over without building a key (this runs for every token of an article).
    first = tokens[i].norm
    starts = _first_words(table)
    if first not in starts and singular(first) not in starts:
        return None
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


_FIRST_WORDS: dict[int, tuple[dict, frozenset[str]]] = {}


def _first_words(table: dict[tuple[str, ...], Title]) -> frozenset[str]:
    """Return the first words of a title table's keys (kept per table; the tables are built once)."""
    kept = _FIRST_WORDS.get(id(table))
    if kept is None or kept[0] is not table or len(_FIRST_WORDS) > 64:
        if len(_FIRST_WORDS) > 64:
            _FIRST_WORDS.clear()
        kept = (table, frozenset(key[0] for key in table if key))
        _FIRST_WORDS[id(table)] = kept
    return kept[1]


def find_titles(tokens: Sequence[Token], skip: set[int] = frozenset()) -> list[TitleHit]:
    """Return the titles among ``tokens``, longest first, left to right, avoiding ``skip``."""
    hits: list[TitleHit] = []
    i = 0
    while i < len(tokens):
        if i in skip:
            i += 1
            continue
        hit = title_at(tokens, i)
        if hit is None:
            # A role noun only PETRARCH2's agents know: a weak cue ("gendarmes" → COP).
            hit = title_at(tokens, i, agent_titles())
            if hit is not None and any(title_at(tokens, j) is not None for j in range(i + 1, hit.last)):
                hit = None   # "state media": the hand table's "media" decides, not PETRARCH's GOVMED
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

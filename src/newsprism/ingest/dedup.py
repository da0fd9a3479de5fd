"""Exact and near-duplicate detection: syndicated copies are kept, and linked to their original.

Two passes, one place:
- At ingest, over the whole store: exact copies share a normalised-text hash; near copies (a
  wire story with a new headline or an added sentence) are found with MinHash LSH over word
  shingles (``find_copies``; the store lookup is in ``copy_index``).
- Within a story, over its few articles: a trimmed or lightly edited copy of a wire story has
  a low Jaccard similarity to the original (the original is three times longer, or the copy
  adds a paragraph of its own), so a copy is found when most of the *shorter* article's
  shingles are contained in the other, or when headline and lead match after light edits
  (``find_contained_copies``).

The original of a group is the earliest published article (ties: the longer, then the one
stored first).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

SHINGLE_WORDS = 5
SCHEME = "affine32"  # stored signatures are only comparable under the scheme that made them
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class CopyLink:
    article_id: str
    original_id: str
    kind: str            # exact | near
    similarity: float


@dataclass(frozen=True, slots=True)
class DedupItem:
    article_id: str
    content_hash: str
    published: date | None
    order: int           # ingestion order, to break ties


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Return the set of ``size``-word shingles of the lower-cased text."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def containment(first: set[str], second: set[str]) -> float:
    """Return the share of the smaller shingle set found in the other: 1.0 when the shorter
    article is wholly inside the longer one, whatever the longer one adds."""
    if not first or not second:
        return 0.0
    small, large = (first, second) if len(first) <= len(second) else (second, first)
    return len(small & large) / len(small)


def signature(text: str, permutations: int) -> np.ndarray:
    """Return the MinHash signature of a text as an array of uint64."""
    minhash = MinHash(num_perm=permutations, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return minhash.hashvalues.astype(np.uint64)


def _minhash(values: Sequence[int], permutations: int) -> MinHash:
    return MinHash(num_perm=permutations, seed=1, hashvalues=np.asarray(values, dtype=np.uint64), scheme=SCHEME)


def _earlier(a: DedupItem, b: DedupItem) -> bool:
    key_a = (a.published or date.max, a.order)
    key_b = (b.published or date.max, b.order)
    return key_a < key_b


def find_copies(stored: Sequence[tuple[DedupItem, Sequence[int]]], new: Sequence[tuple[DedupItem, Sequence[int]]],
                threshold: float, permutations: int) -> list[CopyLink]:
    """Return copy links for the new articles against the stored ones and each other.

    A new article that is an earlier original of a stored one makes the stored one its copy.
    """
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    items: dict[str, tuple[DedupItem, MinHash]] = {}
    by_hash: dict[str, str] = {}
    for item, values in stored:
        minhash = _minhash(values, permutations)
        items[item.article_id] = (item, minhash)
        lsh.insert(item.article_id, minhash)
        by_hash.setdefault(item.content_hash, item.article_id)
    links: list[CopyLink] = []
    for item, values in new:
        if item.article_id in items:
            continue
        minhash = _minhash(values, permutations)
        best: tuple[float, str, str] | None = None
        if item.content_hash in by_hash:
            best = (1.0, by_hash[item.content_hash], "exact")
        else:
            for other_id in lsh.query(minhash):
                similarity = float(minhash.jaccard(items[other_id][1]))
                if similarity >= threshold and (best is None or similarity > best[0]):
                    best = (similarity, other_id, "near")
        if best is not None:
            similarity, other_id, kind = best
            other = items[other_id][0]
            original, copy = (item, other) if _earlier(item, other) else (other, item)
            links.append(CopyLink(copy.article_id, original.article_id, kind, round(similarity, 4)))
        items[item.article_id] = (item, minhash)
        lsh.insert(item.article_id, minhash)
        by_hash.setdefault(item.content_hash, item.article_id)
    return links


# Share of the shorter article's five-word shingles found in the other that makes it a copy.
# Two rewrites of one event share quotes and names, rarely half of their running text
# (tuned on the ECB+ and BASIL dev gold; see benchmarks/score_claims.py).
CONTAINMENT = 0.45
# Quoted speech is left out of the comparison: two outlets quoting one statement have not
# copied each other (with quotes, dev precision fell from 0.94 to 0.77 at this threshold).
QUOTED = re.compile(r"“[^”]{0,800}”|\"[^\"]{0,800}\"|``.{0,800}?''|«[^»]{0,800}»")
# Headline and first sentence, lower-cased, this alike (rapidfuzz ratio) with some body text
# shared besides: the same wire lead under a touched-up headline.
LEAD_LIKENESS = 92
LEAD_CONTAINMENT = 0.25
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


@dataclass(frozen=True, slots=True)
class CopyCandidate:
    """An article as within-story copy detection sees it."""

    article_id: str
    title: str | None
    text: str
    published: date | None
    order: int           # ingestion or listing order, to break ties


def _lead(item: CopyCandidate) -> str:
    first = next((s for s in _SENTENCE_END.split(item.text.strip()) if len(s.split()) >= 5), "")
    return " ".join(f"{item.title or ''} {first}".lower().split())


def _precedence(item: CopyCandidate) -> tuple:
    """Return the sort key of an original: the earlier published, else the fuller text, else the first listed."""
    return (item.published or date.max, -len(item.text), item.order)


def find_contained_copies(items: Sequence[CopyCandidate], threshold: float = CONTAINMENT) -> list[CopyLink]:
    """Return copy links among a few articles (one story): containment of shingles or a matching lead.

    Each copy links to the root original of its group, so a chain of trims of one wire story
    counts as one origin. ``kind`` is ``contained`` or ``lead``; ``similarity`` the containment.
    """
    sets = [shingles(QUOTED.sub(" ", item.text)) or shingles(item.text) for item in items]
    by_shingle: dict[str, list[int]] = {}
    for i, found in enumerate(sets):
        for shingle in found:
            by_shingle.setdefault(shingle, []).append(i)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    kinds: dict[int, tuple[str, float]] = {}
    for i in range(len(items)):
        shared: dict[int, int] = {}
        for shingle in sets[i]:
            for j in by_shingle[shingle]:
                if j > i:
                    shared[j] = shared.get(j, 0) + 1
        for j, count in shared.items():
            value = count / min(len(sets[i]), len(sets[j]))
            kind = "contained" if value >= threshold else None
            if kind is None and value >= LEAD_CONTAINMENT and fuzz.ratio(_lead(items[i]), _lead(items[j])) >= LEAD_LIKENESS:
                kind = "lead"
            if kind is None:
                continue
            copy = i if _precedence(items[j]) <= _precedence(items[i]) else j
            a, b = root(i), root(j)
            if a != b:
                # The group's original is the earlier (or fuller) of the two roots.
                keep, drop = (a, b) if _precedence(items[a]) <= _precedence(items[b]) else (b, a)
                parent[drop] = keep
            kinds.setdefault(copy, (kind, round(value, 4)))
    links = []
    for i, item in enumerate(items):
        r = root(i)
        if r != i:
            kind, value = kinds.get(i, ("contained", 0.0))
            links.append(CopyLink(item.article_id, items[r].article_id, kind, value))
    return links

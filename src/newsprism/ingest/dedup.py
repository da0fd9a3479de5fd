"""Exact and near-duplicate detection: syndicated copies are kept, and linked to their original.

Exact copies share a normalised-text hash; near copies (a wire story with a new headline or
an added sentence) are found with MinHash LSH over word shingles. The original of a group is
the earliest published article (ties: the one stored first).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

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

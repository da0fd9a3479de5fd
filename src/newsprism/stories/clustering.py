"""Incremental story clustering: new articles join stored stories or open new ones.

Average-linkage agglomeration over the new articles and the stored stories near them in time;
two grown groups much closer inside than to each other stay apart (``COHESION_RATIO``).
A stored story is a fixed cluster: it may absorb new articles but is never merged with another
stored story or split, so story ids stay stable from run to run. Only pairs of articles published
within ``window_days`` of each other count towards a link, so a long story can drift while two
unrelated stories a month apart never meet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsprism.records import stable_id
from newsprism.stories.similarity import PairSimilarity, StoryText, window_matrix

# Two groups of articles, each of at least COHESION_GROUP, whose mean cross similarity is below
# COHESION_RATIO times the mean inner similarity of the looser group stay apart even above the
# threshold: reports of two earthquakes share the topic's words, but each report is much closer
# to its own quake's reports than to the other's. Smaller groups join on the threshold alone.
COHESION_RATIO = 0.55
COHESION_GROUP = 3


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """Where one new article went: its story, and how close it is to the story's other articles."""

    article_id: str
    story_id: str
    similarity: float             # mean similarity to the story's other articles; 1.0 alone
    opened: bool                  # True when the article opened a new story


def new_story_id(article_ids: Sequence[str]) -> str:
    """Return the id of a story founded by these articles (the first in order names it)."""
    return stable_id("story", article_ids[0])


def _pair_matrices(items: Sequence[StoryText], new: Sequence[int], stored: Mapping[str, str], window_days: int,
                   backend: str, embedding_model: str):
    """Return the (articles x articles) similarity and counted-pair matrices the agglomeration
    reads, as sparse matrices, and per new article its dense rows of both.

    Only pairs with a new article, and pairs inside one stored story, are computed: two stored
    stories never merge, so the clustering never reads a pair across them, and the work grows
    with (new x all) plus the stories' own sizes instead of the square of all articles.
    Only pairs published within the window count (``counted``); ``weighted`` is zero elsewhere.
    """
    n = len(items)
    dates = [item.published for item in items]
    pairs = PairSimilarity(items, backend, embedding_model)
    new = list(new)
    new_counted = window_matrix(dates, window_days, new)
    new_counted[np.arange(len(new)), new] = False
    new_weighted = pairs.rows(new)
    new_weighted *= new_counted
    new_rows = {i: (new_weighted[k], new_counted[k]) for k, i in enumerate(new)}
    # Rows of the new articles placed in the (n x n) frame, then mirrored; the new x new block
    # is in both, so it is taken out once.
    place = sparse.csr_matrix((np.ones(len(new), dtype=np.float32), (new, np.arange(len(new)))), shape=(n, len(new)))
    new_columns = np.asarray(new, dtype=np.int64)

    def mirrored(rows: np.ndarray):
        framed = place @ sparse.csr_matrix(rows.astype(np.float32))
        return framed + framed.T - place @ sparse.csr_matrix(rows[:, new_columns].astype(np.float32)) @ place.T

    weighted, counted = mirrored(new_weighted), mirrored(new_counted)
    by_story: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        if item.article_id in stored:
            by_story.setdefault(stored[item.article_id], []).append(i)
    rows, columns, weights, counts = [], [], [], []
    for indices in by_story.values():
        if len(indices) < 2:
            continue
        block_counted = window_matrix([dates[i] for i in indices], window_days)
        np.fill_diagonal(block_counted, False)
        block = pairs.block(indices) * block_counted
        grid = np.asarray(indices)
        rows.append(np.repeat(grid, len(grid)))
        columns.append(np.tile(grid, len(grid)))
        weights.append(block.ravel())
        counts.append(block_counted.ravel().astype(np.float32))
    if rows:
        coordinates = (np.concatenate(rows), np.concatenate(columns))
        weighted = weighted + sparse.csr_matrix((np.concatenate(weights), coordinates), shape=(n, n))
        counted = counted + sparse.csr_matrix((np.concatenate(counts), coordinates), shape=(n, n))
    return weighted.tocsr(), counted.tocsr(), new_rows


def assign_stories(items: Sequence[StoryText], stored: Mapping[str, str], threshold: float, window_days: int,
                   backend: str = "tfidf", embedding_model: str = "", copy_of: Mapping[str, str] | None = None,
                   ) -> list[StoryAssignment]:
    """Return the story of every article of ``items`` not in ``stored`` (article id -> story id).

    ``items`` holds the new articles and the stored articles they may join, in publication
    order. A copy (``copy_of``: copy id -> original id) always goes with its original.
    """
    n = len(items)
    new = [i for i, item in enumerate(items) if item.article_id not in stored]
    if not new:
        return []
    index = {item.article_id: i for i, item in enumerate(items)}
    weighted, counted, new_rows = _pair_matrices(items, new, stored, window_days, backend, embedding_model)

    # Initial clusters: one per stored story, one per new article; copies start with their original.
    owner = list(range(n))
    fixed = [False] * n
    story_of_cluster: dict[int, str] = {}
    first_of_story: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.article_id in stored:
            story = stored[item.article_id]
            head = first_of_story.setdefault(story, i)
            owner[i] = head
            fixed[head] = True
            story_of_cluster[head] = story
    for copy, original in (copy_of or {}).items():
        if copy in index and original in index and copy not in stored:
            owner[index[copy]] = owner[index[original]]
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(owner[i], []).append(i)
    clusters = sorted(members)
    position = {c: k for k, c in enumerate(clusters)}
    m = len(clusters)
    assignment = np.array([position[owner[i]] for i in range(n)])
    # Cluster-by-cluster totals through the (articles x clusters) membership matrix, rather than
    # index arrays as large as the pair matrix itself.
    member_of = sparse.csr_matrix((np.ones(n), (np.arange(n), assignment)), shape=(n, m))
    sums = (member_of.T @ weighted @ member_of).toarray().astype(np.float64)
    pairs = (member_of.T @ counted @ member_of).toarray().astype(np.float64)
    is_fixed = np.array([fixed[c] for c in clusters])
    active = np.ones(m, dtype=bool)
    groups = {position[c]: list(members[c]) for c in clusters}

    sizes = np.array([len(groups[k]) for k in range(m)])
    # Mean similarity inside each cluster (NaN: no pair inside the window); only a merge changes it.
    with np.errstate(invalid="ignore", divide="ignore"):
        cohesion = np.where(np.diagonal(pairs) > 0, np.diagonal(sums) / np.maximum(np.diagonal(pairs), 1e-9), np.nan)

    def apart(a: int, row: np.ndarray) -> np.ndarray:
        """Return which clusters stay apart from ``a``: both grown, and far looser together than inside."""
        if sizes[a] < COHESION_GROUP:
            return np.zeros(m, dtype=bool)
        limit = COHESION_RATIO * np.fmin(cohesion[a], cohesion)   # NaN (no pair inside the window): no limit
        return (sizes >= COHESION_GROUP) & (row < limit)

    def linkage_row(a: int) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            row = np.where(pairs[a] > 0, sums[a] / np.maximum(pairs[a], 1e-9), -1.0)
        row[apart(a, row)] = -1.0
        row[a] = -1.0
        row[~active] = -1.0
        if is_fixed[a]:
            row[is_fixed] = -1.0
        return row

    best = np.full(m, -1.0)
    best_to = np.zeros(m, dtype=int)
    for a in range(m):
        row = linkage_row(a)
        best_to[a] = int(np.argmax(row))
        best[a] = row[best_to[a]]
    while True:
        candidates = np.where(active, best, -1.0)
        a = int(np.argmax(candidates))
        if candidates[a] < threshold:
            break
        b = int(best_to[a])
        if is_fixed[b] and not is_fixed[a]:
            a, b = b, a          # keep the stored story's cluster as the survivor
        sums[a] += sums[b]
        sums[:, a] += sums[:, b]
        pairs[a] += pairs[b]
        pairs[:, a] += pairs[:, b]
        is_fixed[a] = is_fixed[a] or is_fixed[b]
        sizes[a] += sizes[b]
        active[b] = False
        best[b] = -1.0
        groups[a].extend(groups.pop(b))
        with np.errstate(invalid="ignore", divide="ignore"):
            cohesion[a] = sums[a, a] / pairs[a, a] if pairs[a, a] > 0 else np.nan
        # Rows that pointed at a or b need a fresh best; others may now prefer a, except stored
        # stories when a is one (two stored stories never merge). Only a's column changed, so
        # every other row's best stands.
        with np.errstate(invalid="ignore", divide="ignore"):
            to_a = np.where(pairs[:, a] > 0, sums[:, a] / np.maximum(pairs[:, a], 1e-9), -1.0)
        to_a[apart(a, to_a)] = -1.0
        others = active.copy()
        others[a] = False
        stale = others & ((best_to == a) | (best_to == b))
        closer = others & ~stale & (to_a > best)
        if is_fixed[a]:
            closer &= ~is_fixed
        best[closer], best_to[closer] = to_a[closer], a
        for c in np.nonzero(stale)[0]:
            row = linkage_row(c)
            best_to[c] = int(np.argmax(row))
            best[c] = row[best_to[c]]
        row = linkage_row(a)
        best_to[a] = int(np.argmax(row))
        best[a] = row[best_to[a]]

    assignments: list[StoryAssignment] = []
    for indices in groups.values():
        indices.sort()
        stored_story = next((story_of_cluster[c] for c in (owner[i] for i in indices) if c in story_of_cluster), None)
        story_id = stored_story or new_story_id([items[i].article_id for i in indices])
        for i in indices:
            if items[i].article_id in stored:
                continue
            own_weights, own_counted = new_rows[i]
            others = [j for j in indices if j != i and own_counted[j]]
            similarity = float(np.mean(own_weights[others])) if others else 1.0   # counted pairs only
            assignments.append(StoryAssignment(items[i].article_id, story_id, round(similarity, 4), stored_story is None))
    assignments.sort(key=lambda a: index[a.article_id])
    return assignments

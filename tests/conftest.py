"""Shared fixtures: the model, a one-call text analyser, and stores built from real corpora."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsprism.config import Settings
from newsprism.ingest.metadata import build_article
from newsprism.nlp.model import load_model
from newsprism.pipeline import analyze_doc, run_analysis, text_for_parse
from newsprism.records import AnalyzedArticle, RawArticle
from newsprism.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"
EXAMPLES = REPO / "examples"
GULF_OBSERVER = SEEDS / "000_2e4a2dc89b094573.txt"
TASS = SEEDS / "003_59f4be08ed298044.txt"


def pytest_collection_modifyitems(config, items):
    if not SHARED.is_dir():
        skip = pytest.mark.skip(reason="../shared is not beside the repository")
        for item in items:
            if "shared" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    return load_model(settings.model, settings.spacy_components)


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """Return a function: (text, published=None, outlet=None, title=None) -> AnalyzedArticle."""

    def analyze(text: str, published: date | str | None = None, outlet: str | None = None,
                title: str | None = None) -> AnalyzedArticle:
        if isinstance(published, str):
            published = date.fromisoformat(published)
        raw = RawArticle(source="<test>", text=text, format="text", title=title, outlet=outlet,
                         published=published, published_from="metadata" if published else None)
        article = build_article(raw)
        return analyze_doc(article, nlp(text_for_parse(article)))

    return analyze


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory, settings) -> Path:
    """Return the path of a store holding the two seed articles (built once per session)."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with Store(path) as store:
        run_analysis([str(SEEDS)], settings.with_(db_path=path), store)
    return path


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory, settings) -> Path:
    """Return the path of a store holding the bundled example corpus."""
    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    with Store(path) as store:
        run_analysis([str(EXAMPLES)], settings.with_(db_path=path), store)
    return path

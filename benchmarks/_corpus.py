"""Shared helpers for benchmark scripts: where ../shared is, and analysing files in memory."""

from __future__ import annotations

from pathlib import Path

from newsprism.config import Settings
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import read_file
from newsprism.nlp.model import load_model
from newsprism.pipeline import analyze_doc, text_for_parse
from newsprism.records import AnalyzedArticle, RawArticle

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def analyze_files(paths: list[Path], settings: Settings | None = None) -> dict[str, AnalyzedArticle]:
    """Return {file name: analysed article} for plain files read with their manifests."""
    settings = settings or Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    manifests: dict = {}
    out = {}
    for path in paths:
        for raw in read_file(path, settings.max_file_bytes, manifests):
            if isinstance(raw, RawArticle):
                article = build_article(raw)
                out[path.name] = analyze_doc(article, nlp(text_for_parse(article)))
    return out


def analyze_text(text: str, settings: Settings | None = None) -> AnalyzedArticle:
    """Return the analysis of one bare text (no metadata)."""
    settings = settings or Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    article = build_article(RawArticle(source="<text>", text=text, format="text"))
    return analyze_doc(article, nlp(text_for_parse(article)))

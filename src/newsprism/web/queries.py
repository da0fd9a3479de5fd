"""The read layer's records as the REST API's and the pages' pydantic models.

Every query lives in ``newsprism.store.read``; this module only wraps what it returns in the
models of ``web/models.py`` (the OpenAPI schema), under the names the API and pages call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from newsprism.store import read
from newsprism.store.read import SEARCH_LIMIT, Filters, Reader, parse_near
from newsprism.store.read.records import RecordPage
from newsprism.web import models as m

__all__ = ["SEARCH_LIMIT", "Filters", "Reader", "parse_near"]


def page_of(model: type[BaseModel], page: RecordPage[Any]) -> m.Page[Any]:
    """Return a page of records as a page of their API model."""
    return m.Page[model](  # type: ignore[valid-type]
        items=[model.model_validate(item) for item in page.items], total=page.total, limit=page.limit,
        offset=page.offset)


def list_articles(r: Reader, f: Filters, limit: int = 50, offset: int = 0) -> m.Page[m.ArticleSummary]:
    """Return one page of articles, newest first."""
    return page_of(m.ArticleSummary, read.list_articles(r, f, limit, offset))


def article_summaries(r: Reader, ids: Sequence[str]) -> list[m.ArticleSummary]:
    """Return the summaries of the given articles, oldest first."""
    return [m.ArticleSummary.model_validate(a) for a in read.article_summaries(r, ids)]


def get_article(r: Reader, article_id: str) -> m.ArticleDetail | None:
    """Return one article with every record found in it, or None."""
    found = read.get_article(r, article_id)
    return m.ArticleDetail.model_validate(found) if found else None


def list_events(r: Reader, f: Filters, limit: int = 50, offset: int = 0) -> m.Page[m.EventOut]:
    """Return one page of events with actors and their sentence, in reading order."""
    return page_of(m.EventOut, read.list_events(r, f, limit, offset))


def get_event(r: Reader, event_id: str) -> m.EventOut | None:
    found = read.get_event(r, event_id)
    return m.EventOut.model_validate(found) if found else None


def list_places(r: Reader, f: Filters, limit: int = 50, offset: int = 0, q: str | None = None) -> m.Page[m.PlaceOut]:
    """Return one page of resolved places, most named first."""
    return page_of(m.PlaceOut, read.list_places(r, f, limit, offset, q))


def list_quotes(r: Reader, f: Filters, limit: int = 50, offset: int = 0) -> m.Page[m.QuoteOut]:
    """Return one page of quotes with their sentence, in reading order."""
    return page_of(m.QuoteOut, read.list_quotes(r, f, limit, offset))


def get_quote(r: Reader, quote_id: str) -> m.QuoteOut | None:
    found = read.get_quote(r, quote_id)
    return m.QuoteOut.model_validate(found) if found else None


def list_actors(r: Reader, f: Filters, q: str | None = None, limit: int = 50, offset: int = 0) -> m.Page[m.ActorOut]:
    """Return one page of actors, most mentioned first."""
    return page_of(m.ActorOut, read.list_actors(r, f, q, limit, offset))


def get_actor(r: Reader, actor_id: str) -> m.ActorDetail | None:
    """Return one actor with all its events and quotes across outlets."""
    found = read.get_actor(r, actor_id)
    return m.ActorDetail.model_validate(found) if found else None


def search(r: Reader, query: str, limit: int = SEARCH_LIMIT) -> m.SearchOut:
    """Return articles, actors and quotes matching ``query``."""
    return m.SearchOut.model_validate(read.search(r, query, limit))


def evidence(r: Reader, spans: Sequence[tuple[str, int, int | None, int | None]]) -> list[m.EvidenceOut]:
    """Return the sentences (article id, sentence index) with outlet and the span to highlight."""
    return [m.EvidenceOut.model_validate(e) for e in read.evidence(r, spans)]

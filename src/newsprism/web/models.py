"""Pydantic response models of the REST API: the OpenAPI schema is generated from these.

The models of stored records are thin wrappers of the read layer's records (``record_model``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import types
from typing import Any, Generic, TypeVar, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model

from newsprism.records import ActorRef
from newsprism.store.graph_export import NetworkEdge, NetworkNode
from newsprism.store.read import records as r

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset``, ``total`` matching in all."""

    items: list[T]
    total: int
    limit: int
    offset: int


def record_model(record: type, name: str) -> type[BaseModel]:
    """Return a pydantic model with the fields of a read-layer record, built from its attributes.

    The record declares the fields once (``store/read/records.py``); the API model only wraps it,
    so the API, the pages and the exports cannot drift apart. Tuples become lists, nested
    records their own models, and a field's ``metadata["doc"]`` its description.
    """
    hints = get_type_hints(record)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = ...
        fields[f.name] = (_api_type(hints[f.name]), Field(default, description=f.metadata.get("doc")))
    model = create_model(name, __config__=ConfigDict(from_attributes=True), __doc__=record.__doc__, **fields)
    _MODELS[record] = model
    return model


_MODELS: dict[type, type[BaseModel]] = {}


def _api_type(tp: Any) -> Any:
    origin, args = get_origin(tp), get_args(tp)
    if origin is tuple:
        return list[_api_type(args[0])]  # type: ignore[misc]
    if origin in (Union, types.UnionType):
        return functools.reduce(operator.or_, (_api_type(a) for a in args))
    if dataclasses.is_dataclass(tp):
        return _MODELS[tp]  # type: ignore[index]
    return tp


SentenceOut = record_model(r.Sentence, "SentenceOut")
EvidenceOut = record_model(r.Evidence, "EvidenceOut")
ArticleSummary = record_model(r.ArticleSummary, "ArticleSummary")
EntityOut = record_model(r.EntityMention, "EntityOut")
DateOut = record_model(r.DateMention, "DateOut")
CitedSourceOut = record_model(r.CitedSource, "CitedSourceOut")
ActorRefOut = record_model(ActorRef, "ActorRefOut")
EventOut = record_model(r.CodedEvent, "EventOut")
PlaceOut = record_model(r.PlaceSummary, "PlaceOut")
QuoteOut = record_model(r.StoredQuote, "QuoteOut")
ActorMentionOut = record_model(r.ActorMention, "ActorMentionOut")
ActorOut = record_model(r.ActorSummary, "ActorOut")
ActorDetail = record_model(r.ActorDetail, "ActorDetail")
ArticleDetail = record_model(r.ArticleDetail, "ArticleDetail")
SearchOut = record_model(r.SearchResult, "SearchOut")


class ClaimReportOut(BaseModel):
    """How one outlet stands on one claim, with its words."""

    outlet: str
    status: str = Field(description="reported | contradicts | absent")
    wording: str | None = None
    disputed: str | None = Field(
        None, description="what this outlet says that another contradicts, e.g. 'number: 3'"
    )
    evidence: list[EvidenceOut] = []


class ClaimOut(BaseModel):
    id: str
    story_id: str
    label: str
    status: str = Field(description="corroborated | single-source | contradicted | disputed | attributed-only")
    happening: str | None = Field(default=None, description="the status of the happening itself, whatever its "
                                  "disputed details (place, number, date): corroborated | single-source | "
                                  "contradicted | disputed | attributed-only")
    plover_type: str | None = None
    date: dt.date | None = None
    outlets: list[ClaimReportOut]


class VoiceOut(BaseModel):
    outlet: str
    speaker: str
    count: int
    country: str | None = None
    sector: str | None = None
    channels: list[str] = []


class WordingOut(BaseModel):
    outlet: str
    phrase: str
    score: float | None = None
    kind: str = Field("distinctive", description="event_name | actor_name | distinctive")
    refers_to: str | None = Field(None, description="what an event or actor name refers to")


class StorySummary(BaseModel):
    id: str
    title: str
    first_published: dt.date | None
    last_published: dt.date | None
    articles: int
    outlets: list[str]
    # Claims per status, counting happenings (event claims); fact claims (plover_type FACT) are
    # listed with the claims but not counted here.
    corroborated: int
    single_source: int
    contradicted: int
    attributed_only: int = 0
    disputed: int = 0


class TimelineEntry(BaseModel):
    date: dt.date | None
    claim_id: str
    label: str
    status: str
    outlets: list[str]


NetworkNodeOut = record_model(NetworkNode, "NetworkNodeOut")
NetworkEdgeOut = record_model(NetworkEdge, "NetworkEdgeOut")


class NetworkOut(BaseModel):
    nodes: list[NetworkNodeOut]
    edges: list[NetworkEdgeOut]


class StoryDetail(StorySummary):
    article_list: list[ArticleSummary]
    claims: list[ClaimOut]
    claims_total: int = 0          # claims matching the request; ``claims`` holds one page of them
    claims_offset: int = 0
    claims_limit: int = 0
    timeline: list[TimelineEntry]
    voices: list[VoiceOut]
    wording: list[WordingOut]
    network: NetworkOut


class IngestArticle(BaseModel):
    """One article to ingest: the fields a JSONL input line may carry."""

    text: str = Field(min_length=1)
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None


class IngestRequest(BaseModel):
    articles: list[IngestArticle] = Field(min_length=1, max_length=500)


class IngestResult(BaseModel):
    stored: int
    already_stored: int
    failures: list[str]


class HealthOut(BaseModel):
    status: str
    snapshot_taken: str | None
    store_busy: bool
    read_only: bool

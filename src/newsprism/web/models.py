"""Pydantic response models of the REST API: the OpenAPI schema is generated from these."""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset``, ``total`` matching in all."""

    items: list[T]
    total: int
    limit: int
    offset: int


class SentenceOut(BaseModel):
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str


class EvidenceOut(SentenceOut):
    """A sentence that reports something, with the outlet that printed it."""

    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    highlight_start: int | None = Field(
        None, description="offset of the reported words in Article.text"
    )
    highlight_end: int | None = None


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    published_month: int | None = None
    published_day: int | None = None
    dateline: str | None
    url: str | None
    source: str
    word_count: int
    copy_of: str | None = None


class EntityOut(BaseModel):
    sentence_index: int
    start: int
    end: int
    text: str
    label: str


class DateOut(BaseModel):
    sentence_index: int
    start: int
    end: int
    text: str
    resolved: dt.date | None
    status: str


class CitedSourceOut(BaseModel):
    sentence_index: int
    start: int
    end: int
    name: str
    kind: str
    relation: str
    cue: str


class ActorRefOut(BaseModel):
    actor_id: str | None
    name: str
    country: str | None
    sector: str | None
    start: int | None
    end: int | None


class EventOut(BaseModel):
    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    trigger: str
    plover_type: str
    mode: str | None
    cameo: str | None
    sources: list[ActorRefOut]
    targets: list[ActorRefOut]
    location: str | None
    date: dt.date | None
    negated: bool
    modality: str
    attribution: str | None
    confidence: float
    sentence: str
    sentence_start: int = Field(description="offset of the sentence in Article.text")
    outlet: str | None
    published: dt.date | None
    place_name: str | None = Field(None, description="where it happened (GeoNames name), if placed")
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    place_country: str | None = Field(None, description="ISO 3166 alpha-3 of the place")
    place_how: str | None = Field(None, description="sentence | dateline | article: how the place was chosen")


class PlaceOut(BaseModel):
    """One resolved place and how often the selected articles name it."""

    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature_code: str | None
    mentions: int
    articles: int
    events: int
    written: list[str] = Field(description="the spellings the articles use")


class QuoteOut(BaseModel):
    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    direct: bool
    speaker: str | None
    speaker_actor_id: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    channel: str | None
    channel_detail: str | None
    date: dt.date | None
    sentence: str
    sentence_start: int = Field(description="offset of the sentence in Article.text")
    outlet: str | None
    published: dt.date | None


class ActorMentionOut(BaseModel):
    actor_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    how: str


class ActorOut(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: list[str]
    mentions: int
    events: int
    quotes: int


class ActorDetail(ActorOut):
    outlets: dict[str, int] = Field(description="mentions of this actor per outlet")
    event_list: list[EventOut]
    quote_list: list[QuoteOut]


class ArticleDetail(ArticleSummary):
    text: str
    language: str | None
    sentences: list[SentenceOut]
    entities: list[EntityOut]
    dates: list[DateOut]
    cited_sources: list[CitedSourceOut]
    actor_mentions: list[ActorMentionOut]
    events: list[EventOut]
    quotes: list[QuoteOut]


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


class NetworkNodeOut(BaseModel):
    id: str
    label: str
    country: str
    sector: str
    actor_id: str
    events: int


class NetworkEdgeOut(BaseModel):
    source: str
    target: str
    plover_type: str
    weight: int
    event_ids: list[str]
    outlets: list[str]


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


class SearchOut(BaseModel):
    query: str
    articles: list[ArticleSummary]
    actors: list[ActorOut]
    quotes: list[QuoteOut]


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

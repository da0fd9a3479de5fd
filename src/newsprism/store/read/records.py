"""The plain records the read layer returns: what a page, an answer of the API or an export reads.

Frozen and slotted, with no behaviour: the CLI, the REST API (``web/models.py`` wraps each in a
pydantic model of the same fields), the pages, the static report and the exports all take these.
A field's ``metadata["doc"]`` becomes its description in the API's schema.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from newsprism.records import ActorRef

T = TypeVar("T")


def doc(text: str) -> dict[str, str]:
    """Return the metadata of a field that documents itself in the API schema."""
    return {"doc": text}


@dataclass(frozen=True, slots=True)
class RecordPage(Generic[T]):
    """One page of a list: ``items`` from ``offset``, ``total`` matching in all."""

    items: tuple[T, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence(Sentence):
    """A sentence that reports something, with the outlet that printed it."""

    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    highlight_start: int | None = field(default=None, metadata=doc("offset of the reported words in Article.text"))
    highlight_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleSummary:
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


@dataclass(frozen=True, slots=True)
class EntityMention:
    sentence_index: int
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class DateMention:
    sentence_index: int
    start: int
    end: int
    text: str
    resolved: dt.date | None
    status: str


@dataclass(frozen=True, slots=True)
class CitedSource:
    sentence_index: int
    start: int
    end: int
    name: str
    kind: str
    relation: str
    cue: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    how: str


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One stored event with its actors, its article's metadata and its sentence: the one shape
    every reader of events takes (pages, API, CLI, POLECAT/GDELT/GeoJSON exports, the network)."""

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    trigger: str
    plover_type: str
    mode: str | None
    cameo: str | None
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    location: str | None
    date: dt.date | None
    negated: bool
    modality: str
    attribution: str | None
    confidence: float
    sentence: str
    outlet: str | None
    published: dt.date | None
    url: str | None = None
    language: str | None = None
    sentence_start: int = field(default=0, metadata=doc("offset of the sentence in Article.text"))
    # Where it happened (newsprism.places): None where the event could not be placed.
    place_name: str | None = field(default=None, metadata=doc("where it happened (GeoNames name), if placed"))
    place_text: str | None = field(default=None, metadata=doc("the words naming the place, as written"))
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    place_country: str | None = field(default=None, metadata=doc("ISO 3166 alpha-3 of the place"))
    place_admin1: str | None = None
    place_admin1_code: str | None = None
    place_feature_code: str | None = None
    place_how: str | None = field(default=None, metadata=doc("sentence | dateline | article: how the place was chosen"))


@dataclass(frozen=True, slots=True)
class PlaceSummary:
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
    written: tuple[str, ...] = field(default=(), metadata=doc("the spellings the articles use"))


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """One stored quote with its sentence and its article's outlet and date."""

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
    outlet: str | None
    published: dt.date | None
    sentence_start: int = field(default=0, metadata=doc("offset of the sentence in Article.text"))


@dataclass(frozen=True, slots=True)
class ActorSummary:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    mentions: int
    events: int
    quotes: int


@dataclass(frozen=True, slots=True)
class ActorDetail(ActorSummary):
    """One actor with its mentions per outlet and all its events and quotes."""

    outlets: dict[str, int] = field(default_factory=dict, metadata=doc("mentions of this actor per outlet"))
    event_list: tuple[CodedEvent, ...] = ()
    quote_list: tuple[StoredQuote, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleDetail(ArticleSummary):
    """One article with every record found in it."""

    text: str
    language: str | None
    sentences: tuple[Sentence, ...]
    entities: tuple[EntityMention, ...]
    dates: tuple[DateMention, ...]
    cited_sources: tuple[CitedSource, ...]
    actor_mentions: tuple[ActorMention, ...]
    events: tuple[CodedEvent, ...]
    quotes: tuple[StoredQuote, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    articles: tuple[ArticleSummary, ...]
    actors: tuple[ActorSummary, ...]
    quotes: tuple[StoredQuote, ...]


@dataclass(frozen=True, slots=True)
class ArticleListing:
    """One article as `newsprism show articles` lists it: date, outlet, copy and cited sources."""

    id: str
    outlet: str | None
    published: dt.date | None
    published_from: str | None
    published_month: int | None
    published_day: int | None
    dateline: str | None
    title: str | None
    original_id: str | None
    copy_kind: str | None
    cites: str | None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated happening of a story, with the outlets that report it."""

    date: dt.date | None
    first_reported: dt.date | None
    claim_id: str
    label: str
    status: str
    outlets: tuple[str, ...]


# A story, read once for every screen (``store.read.stories.read_story``). The stories stage owns
# the columns of its tables (docs/schema.md) and adds some from round to round, so a stored row
# travels whole as a read-only mapping (``columns``) beside the fields every reader names.


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One article of a story and how it joined: its similarity, origin, the copy it is, the relays it names."""

    article: ArticleSummary
    similarity: float | None
    origin: str | None
    copy_of: str | None
    relays: str | None


@dataclass(frozen=True, slots=True)
class ClaimReport:
    """How one outlet carries one claim: its role, stance, articles and events."""

    outlet: str
    role: str
    stance: str
    article_ids: tuple[str, ...]
    event_count: int


@dataclass(frozen=True, slots=True)
class ClaimEvent:
    """One event (or a fact's words) aligned into a claim: the stored row with trigger, type and sentence,
    and the sentence as evidence with the words marked."""

    columns: Mapping[str, Any]
    evidence: Evidence | None


@dataclass(frozen=True, slots=True)
class StoryClaim:
    """One claim of a story with who carries it, its events and its contradictions (two outlets, two values)."""

    id: str
    story_id: str
    label: str
    plover_type: str
    date: dt.date | None
    status: str
    happening: str | None
    columns: Mapping[str, Any]             # every stored column; ``statements`` decoded from its JSON
    reports: tuple[ClaimReport, ...]
    events: tuple[ClaimEvent, ...]
    contradictions: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Story:
    """One story as every screen reads it: the CLI's `story`, the API, the story page and the static report.

    ``claims`` holds the page of claims asked for (all by default) and ``claims_total`` how many
    match; the rest is the whole story's."""

    id: str
    title: str | None
    first_published: dt.date | None
    last_published: dt.date | None
    article_count: int
    outlets: tuple[str, ...]               # as stored by the stories stage
    status_counts: Mapping[str, int]       # happenings per status as stored (facts are not counted)
    articles: tuple[StoryArticle, ...]
    claims: tuple[StoryClaim, ...]
    claims_total: int
    claims_limit: int
    claims_offset: int
    framing: tuple[Mapping[str, Any], ...]  # outlet, kind, term, score, count, refers_to: best first
    voices: tuple[Mapping[str, Any], ...]   # outlet, speaker, country, sector, channels, counts: most quoted first
    timeline: tuple[TimelineEntry, ...]

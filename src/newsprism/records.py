"""Plain, immutable records passed between pipeline stages and written to the store.

Every record that a user may want to click through to the words carries its article id,
the sentence index and character offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a short hex digest of the parts: the same input always gives the same id."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode())
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What a reader yields: text plus whatever metadata the input format carried."""

    source: str                      # file path, with "#N" for the Nth entry of a feed or JSONL
    text: str
    format: str                      # text | html | feed | jsonl | ecbplus
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_from: str | None = None  # metadata | manifest | html | feed
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article with the metadata newsprism found for it. Offsets point into ``text``."""

    id: str
    source: str
    format: str
    text: str
    title: str | None
    outlet: str | None
    outlet_from: str | None          # metadata | manifest | dateline | None
    published: date | None
    published_from: str | None       # metadata | manifest | html | feed | dateline | None
    # A dateline such as "MOSCOW, June 26." gives month and day without a year.
    published_month_day: tuple[int, int] | None
    dateline: str | None             # place named in the dateline, e.g. "Moscow"
    dateline_span: tuple[int, int] | None
    language: str | None
    url: str | None
    content_hash: str                # hash of the normalised body, for exact-copy detection

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EntityMention:
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    label: str                       # spaCy NER label: PERSON, ORG, GPE, NORP, ...


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and what it resolves to against the publication date."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    resolved: date | None
    # resolved | no_publication_date | no_year | unparsed | range
    status: str
    part_of_day: str | None = None   # morning | afternoon | evening | night
    granularity: str = "day"         # day | month | year | week


@dataclass(frozen=True, slots=True)
class CitedSource:
    """An outlet, body or person that the article relays or attributes information to."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    name: str                        # e.g. "Dailymail", "State Department", "Russian state media"
    kind: str                        # outlet | government | media | person | organisation
    relation: str                    # relays (whole article from it) | attributes (a statement)
    cue: str                         # the words that mark it: "according to", "said", "reported"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as it takes part in one event or quote."""

    actor_id: str | None
    name: str
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None
    # The country was not found for this actor but guessed from the article (the country it is
    # about, or the towns a blast's sentence names): good enough to code the event's country,
    # no evidence that two described people in two reports are one.
    country_inferred: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor, with every name it goes by."""

    id: str
    name: str
    kind: str                        # person | organisation | country | group
    country: str | None              # ISO 3166 alpha-3, "EU", or None when unknown
    sector: str | None               # GOV MIL COP REB OPP JUD LEG BUS MED NGO IGO CVL ...
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    article_id: str
    actor_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    how: str                         # name | alias | title | pronoun | description | gazetteer


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where, with the words it came from."""

    id: str
    article_id: str
    sentence_index: int
    start: int                       # offsets of the trigger span in Article.text
    end: int
    trigger: str
    plover_type: str
    mode: str | None
    cameo: str | None
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    location: str | None
    date: date | None
    date_text: str | None
    negated: bool
    modality: str                    # happened | planned | demanded | conditional | alleged
    attribution: str | None          # who reports it: "the State Department"
    rule: str                        # which pattern or model produced it
    confidence: float


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct or reported speech, with its speaker, channel and date."""

    id: str
    article_id: str
    sentence_index: int
    start: int                       # offsets of the quoted content in Article.text
    end: int
    text: str
    direct: bool
    speaker: str | None              # the resolved actor's name, else as written ("a Kremlin statement")
    speaker_actor_id: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None                  # said | wrote | told | according to ...
    channel: str | None              # twitter | telegram | statement | release | interview | ...
    channel_detail: str | None       # e.g. "RT television" for an interview
    date: date | None


@dataclass(slots=True)
class AnalyzedArticle:
    """Everything the per-article stages found in one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    cited_sources: list[CitedSource] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list = field(default_factory=list)        # newsprism.places.records.PlaceMention
    event_places: list = field(default_factory=list)  # newsprism.places.records.EventPlace


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be analysed, and why (one line for the user).

    When a stage failed on an article that was read, ``article_id``, ``stage`` (the name the
    stage's time is reported under) and ``error_type`` (the exception's class) say where.
    """

    source: str
    reason: str
    article_id: str | None = None
    stage: str | None = None
    error_type: str | None = None

    def __str__(self) -> str:
        from newsprism.errors import one_line  # a file name may hold a newline

        return one_line(f"{self.source}: {self.reason}")

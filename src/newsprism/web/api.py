"""The REST API: JSON lists with filters and pagination, single records, search and ingestion."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request

from newsprism.errors import StoreLocked
from newsprism.web import models as m
from newsprism.web import queries as q
from newsprism.web import stories_view
from newsprism.web.security import token_matches

router = APIRouter(prefix="/api", tags=["api"])


def reader(request: Request) -> Iterator[q.Reader]:
    """Yield a Reader over the server's current snapshot, for the length of one request."""
    with request.app.state.snapshot.cursor() as cursor:
        yield q.Reader(cursor)


ReaderDep = Annotated[q.Reader, Depends(reader)]
T = TypeVar("T")


def found_or_404(found: T | None, what: str) -> T:
    """Return what a lookup found, or answer 404 "no <what>" (``what`` names the thing and its id)."""
    if found is None:
        raise HTTPException(404, f"no {what}")
    return found


def story_article_ids(r: q.Reader, story: str) -> list[str]:
    """Return the ids of a story's articles, or answer 404 for an unknown story."""
    return found_or_404(stories_view.story_article_ids(r, story), f"story {story!r}")


class CommonFilters:
    """Query parameters every list endpoint accepts."""

    def __init__(
        self,
        story: Annotated[
            str | None, Query(max_length=200, description="only records of this story's articles")
        ] = None,
        article: Annotated[
            str | None, Query(max_length=200, description="only records of this article")
        ] = None,
        outlet: Annotated[
            str | None, Query(max_length=200, description="outlet name, case-insensitive")
        ] = None,
        actor: Annotated[
            str | None, Query(max_length=200, description="actor id or exact name")
        ] = None,
        country: Annotated[
            str | None, Query(max_length=10, description="ISO 3166 alpha-3 code (or EU)")
        ] = None,
        plover_type: Annotated[
            str | None, Query(max_length=40, description="PLOVER event type, e.g. CONSULT")
        ] = None,
        date_from: Annotated[
            date | None, Query(description="on or after (event/quote date, else publication date)")
        ] = None,
        date_to: Annotated[date | None, Query(description="on or before")] = None,
        place: Annotated[
            str | None, Query(max_length=200, description="events placed at this place (any spelling: Rostov-Na-Don)")
        ] = None,
        near: Annotated[
            str | None, Query(max_length=60, description="lat,lon,km: placed within km of the point")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> None:
        self.story = story
        self.filters = q.Filters(
            article=article,
            outlet=outlet,
            actor=actor,
            country=country,
            plover_type=plover_type,
            date_from=date_from,
            date_to=date_to,
            place=place,
        )
        if near is not None:
            try:
                self.filters.near = q.parse_near(near)
            except ValueError as exc:
                raise HTTPException(422, str(exc)) from None
        self.limit = limit
        self.offset = offset

    def resolve(self, r: q.Reader) -> q.Filters:
        """Return the filters with the story turned into its article ids (404 for an unknown story)."""
        if self.story is not None:
            self.filters.article_ids = story_article_ids(r, self.story)
        return self.filters


@router.get("/articles", response_model=m.Page[m.ArticleSummary])
def articles(r: ReaderDep, common: Annotated[CommonFilters, Depends()]) -> m.Page[m.ArticleSummary]:
    """Articles, newest first."""
    return q.list_articles(r, common.resolve(r), common.limit, common.offset)


@router.get("/articles/{article_id}", response_model=m.ArticleDetail)
def article(r: ReaderDep, article_id: str) -> m.ArticleDetail:
    """One article with its text and every record found in it (offsets index into ``text``)."""
    return found_or_404(q.get_article(r, article_id), f"article {article_id!r}")


@router.get("/events", response_model=m.Page[m.EventOut])
def events(r: ReaderDep, common: Annotated[CommonFilters, Depends()]) -> m.Page[m.EventOut]:
    """Coded events with their actors and sentence."""
    return q.list_events(r, common.resolve(r), common.limit, common.offset)


@router.get("/events/{event_id}", response_model=m.EventOut)
def event(r: ReaderDep, event_id: str) -> m.EventOut:
    return found_or_404(q.get_event(r, event_id), f"event {event_id!r}")


@router.get("/places", response_model=m.Page[m.PlaceOut])
def places(
    r: ReaderDep,
    common: Annotated[CommonFilters, Depends()],
    q_: Annotated[str | None, Query(alias="q", max_length=200, description="name as resolved or as written")] = None,
) -> m.Page[m.PlaceOut]:
    """Resolved places with coordinates, most named first; filter by story, article, place or near=lat,lon,km."""
    return q.list_places(r, common.resolve(r), common.limit, common.offset, q_)


@router.get("/quotes", response_model=m.Page[m.QuoteOut])
def quotes(r: ReaderDep, common: Annotated[CommonFilters, Depends()]) -> m.Page[m.QuoteOut]:
    """Direct and reported quotes with speaker, channel and sentence."""
    return q.list_quotes(r, common.resolve(r), common.limit, common.offset)


@router.get("/quotes/{quote_id}", response_model=m.QuoteOut)
def quote(r: ReaderDep, quote_id: str) -> m.QuoteOut:
    return found_or_404(q.get_quote(r, quote_id), f"quote {quote_id!r}")


@router.get("/actors", response_model=m.Page[m.ActorOut])
def actors(
    r: ReaderDep,
    common: Annotated[CommonFilters, Depends()],
    name: Annotated[str | None, Query(max_length=200)] = None,
) -> m.Page[m.ActorOut]:
    """Actors, most often mentioned first; ``name`` matches names and aliases."""
    return q.list_actors(r, common.resolve(r), name, common.limit, common.offset)


@router.get("/actors/{actor_id}", response_model=m.ActorDetail)
def actor(r: ReaderDep, actor_id: str) -> m.ActorDetail:
    """One actor with all its events and quotes across outlets."""
    return found_or_404(q.get_actor(r, actor_id), f"actor {actor_id!r}")


@router.get("/stories", response_model=m.Page[m.StorySummary])
def stories(
    r: ReaderDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> m.Page[m.StorySummary]:
    """Stories, newest first, with outlet and claim-status counts."""
    found = stories_view.list_stories(r)
    return m.Page[m.StorySummary](
        items=found[offset : offset + limit], total=len(found), limit=limit, offset=offset
    )


@router.get("/stories/{story_id}", response_model=m.StoryDetail)
def story(
    r: ReaderDep,
    story_id: str,
    claims_limit: Annotated[int, Query(ge=1, le=10_000)] = 10_000,
    claims_offset: Annotated[int, Query(ge=0)] = 0,
    status: Annotated[
        str | None,
        Query(max_length=40, description="corroborated | single-source | contradicted | disputed | attributed-only"),
    ] = None,
    kind: Annotated[
        str | None, Query(pattern="^(events|facts)?$", description="events (coded happenings) | facts")
    ] = None,
) -> m.StoryDetail:
    """One story: claims x outlets, timeline, voices, distinctive wording and actor network.

    ``claims`` holds one page of the story's claims (``claims_total`` says how many match);
    the timeline always covers the whole story."""
    found = stories_view.get_story(r, story_id, claims_limit, claims_offset, status or None, kind or None)
    return found_or_404(found, f"story {story_id!r}")


@router.get("/stories/{story_id}/sides")
def story_sides(
    r: ReaderDep,
    request: Request,
    story_id: str,
    sides: Annotated[str, Query(pattern="^(control|country|kind|file)$",
                                description="group outlets by control, country, kind, or the server's sides file")] = "control",
) -> dict:
    """One story side against side: each claim's status per side, and what each side alone reports or omits."""
    from newsprism.errors import NewsprismError
    from newsprism.web.sides_view import story_sides as compare_sides

    found = found_or_404(stories_view.get_story(r, story_id), f"story {story_id!r}")
    try:
        return compare_sides(found, sides, request.app.state.config.settings)
    except NewsprismError as exc:
        raise HTTPException(400, str(exc)) from exc


@router.get("/claims", response_model=m.Page[m.ClaimOut])
def claims(
    r: ReaderDep,
    common: Annotated[CommonFilters, Depends()],
    status: Annotated[
        str | None,
        Query(
            max_length=40,
            description="corroborated | single-source | contradicted | disputed | attributed-only",
        ),
    ] = None,
) -> m.Page[m.ClaimOut]:
    """Claims (one happening as every outlet reports it), with each outlet's sentences.

    ``outlet`` keeps claims that outlet reports; ``actor`` and ``country`` match the events
    aligned into a claim; dates are the claim's resolved date.
    """
    if common.story is not None:
        story_article_ids(r, common.story)
    items, total = stories_view.list_claims(
        r, common.story, status, common.filters, common.limit, common.offset
    )
    return m.Page[m.ClaimOut](items=items, total=total, limit=common.limit, offset=common.offset)


@router.get("/network", response_model=m.NetworkOut)
def network(
    r: ReaderDep, story: Annotated[str | None, Query(max_length=200)] = None
) -> m.NetworkOut:
    """The actor network (one edge per source, target and PLOVER type) of a story or of everything."""
    return stories_view.network(r, None if story is None else story_article_ids(r, story))


@router.get("/search", response_model=m.SearchOut)
def search(
    r: ReaderDep, q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)]
) -> m.SearchOut:
    """Articles, actors and quotes whose text, name or speaker contains ``q`` (case-insensitive)."""
    return q.search(r, q_)


@router.get("/health", response_model=m.HealthOut)
def health(request: Request) -> m.HealthOut:
    """Whether the server answers, when its snapshot was taken, and whether a writer holds the store."""
    request.app.state.snapshot.refresh()
    state = request.app.state.snapshot.state
    return m.HealthOut(
        status="ok",
        snapshot_taken=state.taken_at.isoformat(timespec="seconds") if state.taken_at else None,
        store_busy=state.busy,
        read_only=not request.app.state.config.ingest_token,
    )


@router.post(
    "/ingest",
    response_model=m.IngestResult,
    status_code=201,
    responses={
        401: {"description": "missing or wrong token"},
        403: {"description": "server is read-only"},
        413: {"description": "request too large"},
        429: {"description": "too many requests"},
        503: {"description": "store is locked by another process"},
    },
)
def ingest(
    body: m.IngestRequest,
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    x_ingest_token: Annotated[str | None, Header()] = None,
) -> m.IngestResult:
    """Analyse and store posted articles. Needs the server's ingestion token (Bearer or X-Ingest-Token)."""
    from newsprism.web.ingest import ingest_articles

    # IngestGuardMiddleware has already refused read-only servers, floods and bad tokens
    # before the body was read; the check is repeated here so the route is safe on its own.
    config = request.app.state.config
    given = x_ingest_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not token_matches(config.ingest_token, given):
        raise HTTPException(401, "missing or wrong ingestion token")
    try:
        result = ingest_articles(config.db_path, body, config.settings)
    except StoreLocked as exc:
        raise HTTPException(503, str(exc)) from None
    request.app.state.snapshot.refresh(force=True)
    return result

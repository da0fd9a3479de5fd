"""The HTML pages: server-rendered templates over the same queries as the API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from newsprism.web import queries as q
from newsprism.web import sides_view, stories_view, views
from newsprism.web.api import ReaderDep, found_or_404
from newsprism.web.render import ServerLinks

router = APIRouter(include_in_schema=False)
LINKS = ServerLinks()


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Return a rendered page; every page gets the links, the snapshot state and the asset list."""
    env = request.app.state.templates
    state = request.app.state.snapshot.state
    html = env.get_template(template).render(
        links=LINKS, snapshot=state, inline_assets=None, **context
    )
    return HTMLResponse(html, status_code=status)


@router.get("/", response_class=HTMLResponse)
def home(r: ReaderDep, request: Request) -> HTMLResponse:
    stories = stories_view.list_stories(r)
    recent = q.list_articles(r, q.Filters(), limit=20)
    return render(
        request,
        "stories.html",
        stories=stories,
        has_stories=stories_view.has_stories(r),
        recent=recent,
    )


# Claims shown per page of a story: a story of a thousand articles has thousands of claims.
CLAIMS_PER_PAGE = 200


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(
    r: ReaderDep,
    story_id: str,
    request: Request,
    status: Annotated[str | None, Query(max_length=40)] = None,
    kind: Annotated[str | None, Query(pattern="^(events|facts)?$")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    by: Annotated[str | None, Query(pattern="^(outlet|side)?$")] = None,
    sides: Annotated[str | None, Query(pattern="^(control|country|kind|file)?$")] = None,
) -> HTMLResponse:
    status, kind = status or None, kind or None   # the filter form sends "" for "all"
    found = found_or_404(stories_view.get_story(r, story_id, claims_limit=CLAIMS_PER_PAGE, claims_offset=offset,
                                                status=status, kind=kind), "such story")
    events = q.list_events(
        r, q.Filters(article_ids=[a.id for a in found.article_list]), limit=500
    ).items
    # Where each claim sits in the unfiltered order, so a timeline entry can open its page.
    paged = found.claims_total > len(found.claims) or status or kind or offset
    positions = stories_view.claim_positions(r, story_id) if paged else {}
    paging = views.ClaimPaging(status=status, kind=kind, positions=positions)
    context = views.story_context(found, events, paging)
    # The claim strips by outlet and by side (?by=side&sides=country picks the one shown first).
    context.update(sides_view.page_sides(found, by, sides, request.app.state.config.settings))
    return render(request, "story.html", **context)


@router.get("/stories/{story_id}/claims/{claim_id}", response_class=HTMLResponse)
def claim(r: ReaderDep, story_id: str, claim_id: str, request: Request) -> HTMLResponse:
    for found in stories_view.list_claims(r, story_id)[0]:
        if found.id == claim_id:
            items = [ev for rep in found.outlets for ev in rep.evidence]
            return render(
                request,
                "evidence.html",
                **views.evidence_context(found.label, items, found, "claim"),
            )
    raise HTTPException(404, "no such claim")


@router.get("/articles", response_class=HTMLResponse)
def articles(
    r: ReaderDep,
    request: Request,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    page = q.list_articles(r, q.Filters(outlet=outlet), limit=50, offset=offset)
    return render(request, "articles.html", page=page, outlet=outlet)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(r: ReaderDep, article_id: str, request: Request) -> HTMLResponse:
    found = found_or_404(q.get_article(r, article_id), "such article")
    return render(request, "article.html", **views.article_context(r, found, LINKS))


@router.get("/actors", response_class=HTMLResponse)
def actors(r: ReaderDep, request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    page = q.list_actors(r, q.Filters(), limit=100, offset=offset)
    return render(request, "actors.html", page=page)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(r: ReaderDep, actor_id: str, request: Request) -> HTMLResponse:
    found = found_or_404(q.get_actor(r, actor_id), "such actor")
    return render(request, "actor.html", **views.actor_context(found))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(r: ReaderDep, event_id: str, request: Request) -> HTMLResponse:
    found = found_or_404(q.get_event(r, event_id), "such event")
    return render(request, "evidence.html",
                  **views.evidence_context(views.event_summary(found), sentence_of(r, found), found, "event"))


@router.get("/quotes/{quote_id}", response_class=HTMLResponse)
def quote(r: ReaderDep, quote_id: str, request: Request) -> HTMLResponse:
    found = found_or_404(q.get_quote(r, quote_id), "such quote")
    title = f"{found.speaker or 'Unattributed'}: {found.text[:80]}"
    return render(request, "evidence.html", **views.evidence_context(title, sentence_of(r, found), found, "quote"))


def sentence_of(r: q.Reader, found: Any) -> list[Any]:
    """Return the sentence of an event or a quote, with its words marked."""
    return q.evidence(r, [(found.article_id, found.sentence_index, found.start, found.end)])


@router.get("/map", response_class=HTMLResponse)
def event_map(
    r: ReaderDep,
    request: Request,
    story: Annotated[str | None, Query(max_length=200)] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    near: Annotated[str | None, Query(max_length=60)] = None,
    plover_type: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    f = q.Filters(place=place or None, plover_type=plover_type or None)
    if story:
        f.article_ids = found_or_404(stories_view.story_article_ids(r, story), "such story")
    if near:
        try:
            f.near = q.parse_near(near)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
    return render(request, "map.html", **views.map_context(r, f, place))


@router.get("/search", response_class=HTMLResponse)
def search(
    r: ReaderDep, request: Request, q_: Annotated[str, Query(alias="q", max_length=200)] = ""
) -> HTMLResponse:
    return render(request, "search.html", result=q.search(r, q_) if q_.strip() else None, query=q_)

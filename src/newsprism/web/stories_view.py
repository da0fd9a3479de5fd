"""Stories and claims as the web layer shows them, read through the stories package.

The stories stage (``newsprism.stories``) owns the tables (``stories``, ``story_articles``,
``claims``, ``claim_events``, ``claim_outlets``, ``claim_contradictions``, ``framing_terms``,
``voices``; docs/schema.md) and the logic that fills them; this module only reads them into
the API's response models: the story is the read layer's one story record (``read.read_story``,
the same the CLI's ``story`` prints), claims are ``read.read_claims``'s; this module adds only what
the web computes itself (the actor network, each outlet's stance and sentences). When the store holds no stories (an older store, or the stage
has not run), every function returns nothing and the pages say so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from newsprism.store.graph_export import network_parts, store_actor_graph
from newsprism.store.read import stories as read
from newsprism.store.read.records import Story, StoryClaim
from newsprism.store.read.stories import claim_positions, has_stories
from newsprism.web import models as m
from newsprism.web import queries as q
from newsprism.web.queries import Reader

__all__ = ["claim_positions", "get_story", "has_stories", "list_claims", "list_stories", "network",
           "stories_of_article", "story_article_ids"]


def normal_status(status: str | None) -> str:
    """Return a claim status in the API's spelling: corroborated, single-source, contradicted, disputed, attributed-only."""
    return (status or "").strip().lower().replace("_", "-").replace(" ", "-")


# Stances with which an outlet disputes a claim rather than reports it.
DISPUTING = {"denies", "denied", "negates", "negated", "contradicts", "disputes", "rejects"}


def vars_of(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}


def network(r: Reader, article_ids: list[str] | None) -> m.NetworkOut:
    """Return the actor network of the events in these articles (all articles if None)."""
    if not r.has_table("events"):
        return m.NetworkOut(nodes=[], edges=[])
    nodes, edges = network_parts(store_actor_graph(r, article_ids))
    return m.NetworkOut(
        nodes=[m.NetworkNodeOut(**vars_of(n)) for n in nodes],
        edges=[
            m.NetworkEdgeOut(
                **{**vars_of(e), "event_ids": list(e.event_ids), "outlets": list(e.outlets)}
            )
            for e in edges
        ],
    )


def _normal_counts(by_status: Mapping[str, int]) -> dict[str, int]:
    """Return happenings per status in the API's spelling (facts are not counted)."""
    counts: dict[str, int] = defaultdict(int)
    for status, n in by_status.items():
        counts[normal_status(status)] += n
    return counts


def _summary(story_id: str, title: str | None, first: Any, last: Any, articles: int, outlets: Any,
             by_status: Mapping[str, int]) -> m.StorySummary:
    c = _normal_counts(by_status)
    return m.StorySummary(id=story_id, title=title or f"Story {story_id[:8]}", first_published=first,
                          last_published=last, articles=articles, outlets=sorted(outlets or []),
                          corroborated=c.get("corroborated", 0), single_source=c.get("single-source", 0),
                          contradicted=c.get("contradicted", 0), attributed_only=c.get("attributed-only", 0),
                          disputed=c.get("disputed", 0))


def list_stories(r: Reader) -> list[m.StorySummary]:
    """Return every story, newest first, with its claim counts by status."""
    rows = read.story_rows(r)
    counts = read.claim_status_counts(r, [row["id"] for row in rows])
    return [_summary(row["id"], row["title"], row["first_published"], row["last_published"], row["article_count"],
                     row["outlets"], counts.get(row["id"], {})) for row in rows]


story_article_ids = read.story_article_ids


def stories_of_article(r: Reader, article_id: str) -> list[tuple[str, str]]:
    """Return (story id, title) of the stories an article belongs to."""
    return [(story_id, title or f"Story {story_id[:8]}") for story_id, title in read.stories_of_article(r, article_id)]


def list_claims(
    r: Reader,
    story_id: str | None = None,
    status: str | None = None,
    f: q.Filters | None = None,
    limit: int = 10_000,
    offset: int = 0,
    kind: str | None = None,
) -> tuple[list[m.ClaimOut], int]:
    """Return one page of claims (and how many match) with each outlet's stance and sentences.

    ``f`` filters by outlet (one that reports it), actor and country (of any event aligned
    into it), PLOVER type and date range; ``kind`` keeps "events" (coded happenings) or
    "facts" (sentences aligned by their words); claims are ordered by date.
    """
    claims, total = read.read_claims(r, f or q.Filters(), story_id, normal_status(status) if status else None, kind,
                                     limit, offset)
    return [claim_out(claim) for claim in claims], total


def claim_out(claim: StoryClaim) -> m.ClaimOut:
    """Return a claim record as the API shows it: each outlet's stance, its wording and its sentences."""
    stances: dict[str, str] = {}
    for report in claim.reports:
        if (report.role or "").lower() not in ("omits", "absent"):
            stances[report.outlet] = "contradicts" if (report.stance or "").lower() in DISPUTING else "reported"
    evidence: dict[str, list[Any]] = defaultdict(list)
    for event in claim.events:
        outlet = event.columns["outlet"] or "unknown outlet"
        if event.evidence is not None:
            evidence[outlet].append(m.EvidenceOut.model_validate(event.evidence))
        if outlet not in stances:
            stances[outlet] = "contradicts" if (event.columns["stance"] or "").lower() in DISPUTING else "reported"
    # Different numbers, places, dates or agents for one happening: both sides contradict.
    disputed_values: dict[str, str] = {}
    for row in claim.contradictions:
        for outlet, value in ((row["outlet_a"], row["value_a"]), (row["outlet_b"], row["value_b"])):
            if row["kind"] != "negation" or stances.get(outlet) == "contradicts":
                stances[outlet] = "contradicts"
                disputed_values[outlet] = f"{row['kind']}: {value}"
    reports = [m.ClaimReportOut(outlet=outlet, status=stance, wording=evidence[outlet][0].text if evidence[outlet] else None,
                                disputed=disputed_values.get(outlet), evidence=evidence[outlet])
               for outlet, stance in sorted(stances.items())]
    return m.ClaimOut(id=claim.id, story_id=claim.story_id, label=claim.label, status=normal_status(claim.status),
                      happening=normal_status(claim.happening) if claim.happening else None,
                      plover_type=claim.plover_type, date=claim.date, outlets=reports)


def _voices(story: Story) -> list[m.VoiceOut]:
    return [
        m.VoiceOut(outlet=row["outlet"], speaker=row["speaker"], count=row["quote_count"], country=row["country"],
                   sector=row["sector"], channels=list(row["channels"] or []))
        for row in story.voices
    ]


# How the framing stage labels its terms, in the order the page shows them.
WORDING_KINDS = ("event_name", "actor_name", "distinctive")


def _wording(story: Story, per_kind: int = 12) -> list[m.WordingOut]:
    """Return each outlet's names for the event, names for actors and most distinctive words."""
    # One row per (outlet, kind, term) with its best score: the rows come best first.
    best: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in story.framing:
        best.setdefault((row["outlet"], row["kind"], row["term"]), row)
    rows = sorted(best.values(), key=lambda row: (row["outlet"], row["kind"], -(row["score"] or 0), row["term"]))
    kept: dict[tuple[str, str], int] = defaultdict(int)
    out = []
    for row in sorted(rows, key=lambda row: (row["outlet"], _kind_rank(row["kind"]))):
        key = (row["outlet"], row["kind"])
        if kept[key] < per_kind:
            kept[key] += 1
            out.append(
                m.WordingOut(
                    outlet=row["outlet"],
                    phrase=row["term"],
                    score=row["score"],
                    kind=row["kind"],
                    refers_to=row["refers_to"],
                )
            )
    return out


def _kind_rank(kind: str) -> int:
    return WORDING_KINDS.index(kind) if kind in WORDING_KINDS else len(WORDING_KINDS)


def _timeline(story: Story) -> list[m.TimelineEntry]:
    """Return the whole story's timeline (``read.story_timeline``), not a page of claims'."""
    return [m.TimelineEntry(date=t.date, claim_id=t.claim_id, label=t.label, status=normal_status(t.status),
                            outlets=list(t.outlets)) for t in story.timeline]


def get_story(
    r: Reader,
    story_id: str,
    claims_limit: int = 10_000,
    claims_offset: int = 0,
    status: str | None = None,
    kind: str | None = None,
) -> m.StoryDetail | None:
    """Return one story with a page of its claims, its timeline, voices, wording and actor network.

    ``status`` and ``kind`` ("events" or "facts") filter the claims; the timeline is the whole story's."""
    story = read.read_story(r, story_id, normal_status(status) if status else None, kind, claims_limit, claims_offset)
    if story is None:
        return None
    articles = [m.ArticleSummary.model_validate(a.article) for a in story.articles]
    summary = _summary(story.id, story.title, story.first_published, story.last_published, story.article_count,
                       story.outlets, story.status_counts)
    outlets = sorted({a.outlet or "unknown outlet" for a in articles} | set(summary.outlets))
    return m.StoryDetail(
        **{**summary.model_dump(), "outlets": outlets},
        article_list=articles,
        claims=[claim_out(claim) for claim in story.claims],
        claims_total=story.claims_total,
        claims_offset=claims_offset,
        claims_limit=claims_limit,
        timeline=_timeline(story),
        voices=_voices(story),
        wording=_wording(story),
        network=network(r, [a.article.id for a in story.articles]),
    )

"""Stories and claims as the web layer shows them, read through the stories package.

The stories stage (``newsprism.stories``) owns the tables (``stories``, ``story_articles``,
``claims``, ``claim_events``, ``claim_outlets``, ``claim_contradictions``, ``framing_terms``,
``voices``; docs/schema.md) and the logic that fills them; this module only reads them into
the API's response models and adds what the web layer computes itself (the actor network,
each outlet's sentences). When the store holds no stories (an older store, or the stage
has not run), every function returns nothing and the pages say so.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from newsprism.store.graph_export import network_parts, store_actor_graph
from newsprism.store.read import stories as read
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


def _status_counts(r: Reader, story_ids: list[str]) -> dict[str, dict[str, int]]:
    """Return per story its happenings per status in the API's spelling (facts are not counted)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for story_id, by_status in read.claim_status_counts(r, story_ids).items():
        for status, n in by_status.items():
            counts[story_id][normal_status(status)] += n
    return counts


def _summaries(r: Reader, story_id: str | None = None) -> list[m.StorySummary]:
    rows = read.story_rows(r, story_id)
    counts = _status_counts(r, [row["id"] for row in rows])
    out = []
    for row in rows:
        c = counts.get(row["id"], {})
        out.append(
            m.StorySummary(
                id=row["id"],
                title=row["title"] or f"Story {row['id'][:8]}",
                first_published=row["first_published"],
                last_published=row["last_published"],
                articles=row["article_count"],
                outlets=sorted(row["outlets"] or []),
                corroborated=c.get("corroborated", 0),
                single_source=c.get("single-source", 0),
                contradicted=c.get("contradicted", 0),
                attributed_only=c.get("attributed-only", 0),
                disputed=c.get("disputed", 0),
            )
        )
    return out


def list_stories(r: Reader) -> list[m.StorySummary]:
    """Return every story, newest first, with its claim counts by status."""
    return _summaries(r)


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
    rows, total = read.claims_page(r, f or q.Filters(), story_id, normal_status(status) if status else None, kind,
                                   limit, offset)
    if not rows:
        return [], total
    ids = [row["id"] for row in rows]
    stances: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read.claim_outlet_rows(r, claim_ids=ids):
        if (row["role"] or "").lower() in ("omits", "absent"):
            continue
        disputed = (row["stance"] or "").lower() in DISPUTING
        stances[row["claim_id"]][row["outlet"]] = "contradicts" if disputed else "reported"
    spans: dict[str, dict[str, list[tuple[str, int, int, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in read.claim_span_rows(r, ids):
        outlet = row["outlet"] or "unknown outlet"
        spans[row["claim_id"]][outlet].append(
            (row["article_id"], row["sentence_index"], row["start"], row["end"])
        )
        if outlet not in stances[row["claim_id"]]:
            disputed = (row["stance"] or "").lower() in DISPUTING
            stances[row["claim_id"]][outlet] = "contradicts" if disputed else "reported"
    # Different numbers, places, dates or agents for one happening: both sides contradict.
    disputed_values: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read.contradiction_rows(r, claim_ids=ids):
        for outlet, value in (
            (row["outlet_a"], row["value_a"]),
            (row["outlet_b"], row["value_b"]),
        ):
            if (
                row["kind"] != "negation"
                or stances[row["claim_id"]].get(outlet) == "contradicts"
            ):
                stances[row["claim_id"]][outlet] = "contradicts"
                disputed_values[row["claim_id"]][outlet] = f"{row['kind']}: {value}"
    # One query for every sentence of every claim: a story page stays a handful of queries.
    all_spans = [
        span
        for by_outlet in spans.values()
        for outlet_spans in by_outlet.values()
        for span in outlet_spans
    ]
    found = {
        (e.article_id, e.sentence_index, e.highlight_start, e.highlight_end): e
        for e in q.evidence(r, all_spans)
    }
    claims = []
    for row in rows:
        reports = []
        for outlet, stance in sorted(stances[row["id"]].items()):
            evidence = [found[span] for span in spans[row["id"]].get(outlet, []) if span in found]
            wording = evidence[0].text if evidence else None
            reports.append(
                m.ClaimReportOut(
                    outlet=outlet,
                    status=stance,
                    wording=wording,
                    disputed=disputed_values[row["id"]].get(outlet),
                    evidence=evidence,
                )
            )
        claims.append(
            m.ClaimOut(
                id=row["id"],
                story_id=row["story_id"],
                label=row["label"],
                status=normal_status(row["status"]),
                happening=normal_status(row["happening"]) if row.get("happening") else None,
                plover_type=row["plover_type"],
                date=row["date"],
                outlets=reports,
            )
        )
    return claims, total


def _voices(r: Reader, story_id: str) -> list[m.VoiceOut]:
    return [
        m.VoiceOut(outlet=row["outlet"], speaker=row["speaker"], count=row["quote_count"], country=row["country"],
                   sector=row["sector"], channels=list(row["channels"] or []))
        for row in read.voice_rows(r, story_id)
    ]


# How the framing stage labels its terms, in the order the page shows them.
WORDING_KINDS = ("event_name", "actor_name", "distinctive")


def _wording(r: Reader, story_id: str, per_kind: int = 12) -> list[m.WordingOut]:
    """Return each outlet's names for the event, names for actors and most distinctive words."""
    # One row per (outlet, kind, term) with its best score: the rows come best first.
    best: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in read.framing_rows(r, story_id):
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


def _timeline(r: Reader, story_id: str) -> list[m.TimelineEntry]:
    """Return the whole story's timeline (``read.story_timeline``), not a page of claims'."""
    return [m.TimelineEntry(date=t.date, claim_id=t.claim_id, label=t.label, status=normal_status(t.status),
                            outlets=list(t.outlets)) for t in read.story_timeline(r, story_id)]


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
    if not has_stories(r):
        return None
    summaries = _summaries(r, story_id)
    if not summaries:
        return None
    summary = summaries[0]
    article_ids = story_article_ids(r, story_id) or []
    articles = q.article_summaries(r, article_ids)
    outlets = sorted({a.outlet or "unknown outlet" for a in articles} | set(summary.outlets))
    claims, total = list_claims(r, story_id, status, limit=claims_limit, offset=claims_offset, kind=kind)
    return m.StoryDetail(
        **{**summary.model_dump(), "outlets": outlets},
        article_list=articles,
        claims=claims,
        claims_total=total,
        claims_offset=claims_offset,
        claims_limit=claims_limit,
        timeline=_timeline(r, story_id),
        voices=_voices(r, story_id),
        wording=_wording(r, story_id),
        network=network(r, article_ids),
    )

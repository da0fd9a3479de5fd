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
from newsprism.stories.facts import FACT
from newsprism.stories.queries import CLAIM_KINDS
from newsprism.web import models as m
from newsprism.web import queries as q
from newsprism.web.queries import Reader


def has_stories(r: Reader) -> bool:
    return r.has_table("stories") and r.has_table("story_articles")


def _has_claims(r: Reader) -> bool:
    return all(r.has_table(t) for t in ("claims", "claim_events", "claim_outlets"))


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
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    if story_ids and r.has_table("claims"):
        for row in r.rows(
            # Counts of happenings: facts (plover_type FACT) are listed, not counted here.
            "SELECT story_id, status, count(*) AS n FROM claims WHERE story_id IN "
            "(SELECT unnest(?::VARCHAR[])) AND plover_type <> 'FACT' GROUP BY story_id, status",
            [story_ids],
        ):
            counts[row["story_id"]][normal_status(row["status"])] += row["n"]
    return counts


def _summaries(r: Reader, where: str = "", params: list[Any] | None = None) -> list[m.StorySummary]:
    rows = r.rows(
        "SELECT id, title, first_published, last_published, article_count, outlets FROM stories"
        f"{where} ORDER BY last_published DESC NULLS LAST, first_published DESC NULLS LAST, id",
        params or [],
    )
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
    if not has_stories(r):
        return []
    return _summaries(r)


def story_article_ids(r: Reader, story_id: str) -> list[str] | None:
    """Return the ids of a story's articles, or None when there is no such story."""
    if not has_stories(r) or not r.value("SELECT count(*) FROM stories WHERE id = ?", [story_id]):
        return None
    return [
        row["article_id"]
        for row in r.rows("SELECT article_id FROM story_articles WHERE story_id = ?", [story_id])
    ]


def stories_of_article(r: Reader, article_id: str) -> list[tuple[str, str]]:
    """Return (story id, title) of the stories an article belongs to."""
    if not has_stories(r):
        return []
    return [
        (row["id"], row["title"] or f"Story {row['id'][:8]}")
        for row in r.rows(
            "SELECT s.id, s.title FROM stories s JOIN story_articles sa ON sa.story_id = s.id WHERE sa.article_id = ?",
            [article_id],
        )
    ]


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
    if not has_stories(r) or not _has_claims(r):
        return [], 0
    f = f or q.Filters()
    if story_id is not None:
        f.add("c.story_id = ?", story_id)
    if kind in CLAIM_KINDS:
        f.add(f"(c.plover_type = ?) = {'true' if kind == 'facts' else 'false'}", FACT)
    if status:
        f.add(
            "replace(replace(lower(trim(c.status)), '_', '-'), ' ', '-') = ?", normal_status(status)
        )
    if f.outlet:
        f.add(
            "c.id IN (SELECT claim_id FROM claim_events WHERE lower(outlet) = lower(?))", f.outlet
        )
    if f.article:
        f.add("c.id IN (SELECT claim_id FROM claim_events WHERE article_id = ?)", f.article)
    if f.plover_type:
        f.add("upper(c.plover_type) = upper(?)", f.plover_type)
    if f.actor:
        f.add(
            "c.id IN (SELECT ce.claim_id FROM claim_events ce JOIN event_actors ea ON ea.event_id = ce.event_id "
            "WHERE ea.actor_id = ? OR lower(ea.name) = lower(?))",
            f.actor,
            f.actor,
        )
    if f.country:
        f.add(
            "c.id IN (SELECT ce.claim_id FROM claim_events ce JOIN event_actors ea ON ea.event_id = ce.event_id "
            "WHERE upper(ea.country) = upper(?))",
            f.country,
        )
    if f.date_from:
        f.add("c.date >= ?", f.date_from)
    if f.date_to:
        f.add("c.date <= ?", f.date_to)
    total = r.value(f"SELECT count(*) FROM claims c{f.where()}", f.params)
    rows = r.rows(
        f"SELECT c.id, c.story_id, c.label, c.plover_type, c.date, c.status, "
        f"{'c.happening' if r.has_column('claims', 'happening') else 'NULL AS happening'} FROM claims c{f.where()} "
        "ORDER BY c.date NULLS LAST, c.label, c.id LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    if not rows:
        return [], total
    ids = [row["id"] for row in rows]
    stances: dict[str, dict[str, str]] = defaultdict(dict)
    for row in r.rows(
        "SELECT claim_id, outlet, role, stance FROM claim_outlets WHERE claim_id IN "
        "(SELECT unnest(?::VARCHAR[]))",
        [ids],
    ):
        if (row["role"] or "").lower() in ("omits", "absent"):
            continue
        disputed = (row["stance"] or "").lower() in DISPUTING
        stances[row["claim_id"]][row["outlet"]] = "contradicts" if disputed else "reported"
    spans: dict[str, dict[str, list[tuple[str, int, int, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in r.rows(
        'SELECT claim_id, outlet, article_id, sentence_index, start, "end", stance FROM claim_events '
        "WHERE claim_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, start",
        [ids],
    ):
        outlet = row["outlet"] or "unknown outlet"
        spans[row["claim_id"]][outlet].append(
            (row["article_id"], row["sentence_index"], row["start"], row["end"])
        )
        if outlet not in stances[row["claim_id"]]:
            disputed = (row["stance"] or "").lower() in DISPUTING
            stances[row["claim_id"]][outlet] = "contradicts" if disputed else "reported"
    # Different numbers, places, dates or agents for one happening: both sides contradict.
    disputed_values: dict[str, dict[str, str]] = defaultdict(dict)
    if r.has_table("claim_contradictions"):
        for row in r.rows(
            "SELECT claim_id, kind, outlet_a, value_a, outlet_b, value_b FROM claim_contradictions "
            "WHERE claim_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        ):
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
    if not r.has_table("voices"):
        return []
    return [
        m.VoiceOut(
            outlet=row["outlet"],
            speaker=row["speaker"],
            count=row["quote_count"],
            country=row["country"],
            sector=row["sector"],
            channels=list(row["channels"] or []),
        )
        for row in r.rows(
            "SELECT outlet, speaker, quote_count, country, sector, channels FROM voices "
            "WHERE story_id = ? ORDER BY outlet, quote_count DESC, speaker",
            [story_id],
        )
    ]


# How the framing stage labels its terms, in the order the page shows them.
WORDING_KINDS = ("event_name", "actor_name", "distinctive")


def _wording(r: Reader, story_id: str, per_kind: int = 12) -> list[m.WordingOut]:
    """Return each outlet's names for the event, names for actors and most distinctive words."""
    if not r.has_table("framing_terms"):
        return []
    rows = r.rows(
        "SELECT outlet, kind, term, any_value(refers_to) AS refers_to, max(score) AS score "
        "FROM framing_terms WHERE story_id = ? GROUP BY outlet, kind, term "
        "ORDER BY outlet, kind, score DESC, term",
        [story_id],
    )
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
    """Return the story's dated happenings (facts left out) in date order, with the outlets that
    report them: the query of ``stories.queries.story_timeline``, read through the web reader.

    Read on its own, not from a page of claims: the timeline spans the whole story."""
    if not _has_claims(r):
        return []
    rows = r.rows(
        "SELECT c.id, c.date, c.label, c.status, list(DISTINCT o.outlet ORDER BY o.outlet) AS outlets "
        "FROM claims c JOIN claim_outlets o ON o.claim_id = c.id "
        "WHERE c.story_id = ? AND c.date IS NOT NULL AND c.plover_type <> ? GROUP BY ALL ORDER BY c.date, c.label, c.id",
        [story_id, FACT],
    )
    return [
        m.TimelineEntry(date=row["date"], claim_id=row["id"], label=row["label"],
                        status=normal_status(row["status"]), outlets=list(row["outlets"]))
        for row in rows
    ]


def claim_positions(r: Reader, story_id: str) -> dict[str, int]:
    """Return each claim's place in the story's unfiltered claim order (for links to its page)."""
    if not _has_claims(r):
        return {}
    rows = r.rows(
        "SELECT id, row_number() OVER (ORDER BY date NULLS LAST, label, id) - 1 AS position "
        "FROM claims WHERE story_id = ?",
        [story_id],
    )
    return {row["id"]: row["position"] for row in rows}


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
    summaries = _summaries(r, " WHERE id = ?", [story_id])
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

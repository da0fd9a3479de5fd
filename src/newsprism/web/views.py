"""Template contexts for each page, built from the read queries; shared by server and report."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from newsprism.store.read import actor_names
from newsprism.web import models as m
from newsprism.web import queries as q
from newsprism.web import stories_view
from newsprism.web.highlight import Mark, blocks
from newsprism.web.render import PLOVER_COLOURS, file_safe


def _actor_label(ref: m.ActorRefOut) -> str:
    extra = ", ".join(v for v in (ref.country, ref.sector) if v)
    return f"{ref.name} ({extra})" if extra else ref.name


def event_summary(event: m.EventOut) -> str:
    """Return 'SOURCE TYPE TARGET' in words, e.g. 'Putin CONSULT/phone Erdogan'."""
    sources = ", ".join(r.name for r in event.sources) or "?"
    targets = ", ".join(r.name for r in event.targets) or "-"
    kind = event.plover_type + (f"/{event.mode}" if event.mode else "")
    negation = "NOT " if event.negated else ""
    return f"{sources} {negation}{kind} {targets}"


def article_context(r: q.Reader, article: m.ArticleDetail, links: Any) -> dict[str, Any]:
    """Return the article page: its text cut into highlighted sentences, and its records."""
    marks: list[Mark] = []
    for event in article.events:
        marks.append(
            Mark(
                event.start,
                event.end,
                "event",
                f"event: {event_summary(event)}",
                links.event(event.id, event.article_id),
                f"e-{file_safe(event.id)}",
            )
        )
    for quote in article.quotes:
        speaker = quote.speaker or "unattributed"
        marks.append(
            Mark(
                quote.start,
                quote.end,
                "quote",
                f"quote: {speaker}",
                links.quote(quote.id, quote.article_id),
                f"q-{file_safe(quote.id)}",
            )
        )
    names = actor_names(r, [mention.actor_id for mention in article.actor_mentions]) if article.actor_mentions else {}
    for mention in article.actor_mentions:
        marks.append(
            Mark(
                mention.start,
                mention.end,
                "actor",
                f"actor: {names.get(mention.actor_id, mention.text)}",
                links.actor(mention.actor_id),
            )
        )
    for date in article.dates:
        resolved = date.resolved.isoformat() if date.resolved else date.status.replace("_", " ")
        marks.append(Mark(date.start, date.end, "date", f"date: {resolved}", None))
    for source in article.cited_sources:
        marks.append(
            Mark(
                source.start,
                source.end,
                "source",
                f"cited source: {source.name} ({source.relation})",
                None,
            )
        )
    sentences = [(s.sentence_index, s.start, s.end) for s in article.sentences]
    stories = stories_view.stories_of_article(r, article.id)
    return {
        "article": article,
        "blocks": blocks(article.text, sentences, marks),
        "event_summary": event_summary,
        "stories": stories,
        "actor_names": names,
    }


def actor_context(actor: m.ActorDetail) -> dict[str, Any]:
    by_outlet: dict[str, dict[str, list[Any]]] = defaultdict(lambda: {"events": [], "quotes": []})
    for event in actor.event_list:
        by_outlet[event.outlet or "unknown outlet"]["events"].append(event)
    for quote in actor.quote_list:
        by_outlet[quote.outlet or "unknown outlet"]["quotes"].append(quote)
    return {
        "actor": actor,
        "by_outlet": dict(sorted(by_outlet.items())),
        "event_summary": event_summary,
    }


@dataclass(frozen=True)
class ClaimPaging:
    """The page of claims a served story page shows (the static report shows them all)."""

    status: str | None = None
    kind: str | None = None
    positions: dict[str, int] = field(default_factory=dict)   # claim id -> place in the unfiltered order


def story_context(story: m.StoryDetail, events: list[m.EventOut], paging: ClaimPaging | None = None) -> dict[str, Any]:
    """Return the story page: its claims (their strips come from ``sides_view.page_sides``), timeline, network, voices and wording.

    ``events`` are the story's events, so a click on a network tie can show its sentences.
    ``paging``: the served page shows one page of claims, with filters and links to the others.
    """
    outlets = story.outlets
    voices: dict[str, list[m.VoiceOut]] = defaultdict(list)
    for voice in story.voices:
        voices[voice.outlet].append(voice)
    wording: dict[str, list[m.WordingOut]] = defaultdict(list)
    for phrase in story.wording:
        wording[phrase.outlet].append(phrase)
    # Sentences each claim rests on, keyed by claim id: read by app.js when a claim is clicked.
    claim_evidence = {
        claim.id: [
            {
                "outlet": rep.outlet,
                "status": rep.status,
                "wording": None if rep.evidence else rep.wording,   # else it is the first sentence's text
                "disputed": rep.disputed,
                "sentences": [
                    {
                        "article_id": ev.article_id,
                        "sentence_index": ev.sentence_index,
                        "text": ev.text,
                        "title": ev.title,
                        "offset": ev.start,
                        "highlight": [ev.highlight_start - ev.start, ev.highlight_end - ev.start]
                        if ev.highlight_start is not None
                        and ev.highlight_end is not None
                        and ev.start <= ev.highlight_start < ev.highlight_end <= ev.end
                        else None,
                    }
                    for ev in rep.evidence
                ],
            }
            for rep in claim.outlets
            if rep.status != "absent"
        ]
        for claim in story.claims
    }
    sentences = {
        e.id: {
            "article_id": e.article_id,
            "sentence_index": e.sentence_index,
            "text": e.sentence,
            "outlet": e.outlet,
            "title": None,
            "highlight": _relative(e),
        }
        for e in events
    }
    network = {
        "nodes": [n.model_dump() for n in story.network.nodes],
        "edges": [e.model_dump() for e in story.network.edges],
        "colours": PLOVER_COLOURS,
        "events": sentences,
    }
    used_types = sorted({e.plover_type for e in story.network.edges})
    # A timeline entry opens its claim: on this page, or on the unfiltered page that holds it.
    shown = {claim.id for claim in story.claims}
    timeline_links = {}
    for entry in story.timeline:
        position = paging.positions.get(entry.claim_id) if paging else None
        if entry.claim_id in shown or position is None or not story.claims_limit:
            timeline_links[entry.claim_id] = f"#c-{entry.claim_id}"
        else:
            page = position // story.claims_limit * story.claims_limit
            timeline_links[entry.claim_id] = f"?offset={page}#c-{entry.claim_id}"
    return {
        "story": story,
        "outlets": outlets,
        "paging": paging,
        "claim_page": {"total": story.claims_total, "limit": story.claims_limit or len(story.claims) or 1,
                       "offset": story.claims_offset},
        "claim_filter_base": _filter_base(paging),
        "timeline_links": timeline_links,
        "voices": dict(voices),
        "wording": dict(wording),
        "claim_evidence": claim_evidence,
        "network": network,
        "legend": [(t, PLOVER_COLOURS.get(t, "#777777")) for t in used_types],
        "map_events": [e for e in events if e.lat is not None],
    }


def _filter_base(paging: ClaimPaging | None) -> str:
    """Return the story page's query string for its claim filters, for the pager's links."""
    if paging is None:
        return ""
    params = {k: v for k, v in (("status", paging.status), ("kind", paging.kind)) if v}
    return "?" + urlencode(params) if params else ""


def _relative(event: m.EventOut) -> list[int] | None:
    """Return the trigger's offsets within its sentence (None if they do not fall inside it)."""
    start, end = event.start - event.sentence_start, event.end - event.sentence_start
    return [start, end] if 0 <= start < end <= len(event.sentence) else None


def evidence_context(
    title: str, items: list[m.EvidenceOut], record: Any = None, kind: str = ""
) -> dict[str, Any]:
    """Return the page listing each sentence that reports one event, quote or claim."""
    rows = []
    for item in items:
        relative = None
        if (
            item.highlight_start is not None
            and item.highlight_end is not None
            and item.start <= item.highlight_start < item.highlight_end <= item.end
        ):
            relative = (item.highlight_start - item.start, item.highlight_end - item.start)
        if relative:
            parts = [
                item.text[: relative[0]],
                item.text[relative[0] : relative[1]],
                item.text[relative[1] :],
            ]
        else:
            parts = [item.text, "", ""]
        rows.append((item, parts))
    return {
        "title": title,
        "rows": rows,
        "record": record,
        "kind": kind,
        "event_summary": event_summary,
    }


def map_context(r: q.Reader, f: q.Filters, place: str | None = None, limit: int = 500) -> dict[str, Any]:
    """Return the /map page: the placed events (of the filters) and the places named."""
    # Only placed events; a store from before places has none.
    f.placed_only = True
    page = q.list_events(r, f, limit=limit)
    places = q.list_places(r, f.cleared(), limit=200).items
    used = sorted({e.plover_type for e in page.items})
    return {"events": page.items, "total": page.total, "place": place, "places": places,
            "legend": [(t, PLOVER_COLOURS.get(t, "#777777")) for t in used]}


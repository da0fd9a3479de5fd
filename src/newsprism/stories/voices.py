"""Whom each outlet gives a voice to in a story: speakers, how often, country, sector, channel."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsprism.store import Store


def voice_rows(store: Store, story_id: str, articles: Sequence[dict]) -> list[dict]:
    """Return the ``voices`` rows of a story: one per outlet and speaker.

    Quotes in a syndicated copy are the original outlet's voices and are left out.
    """
    own = {a["id"]: a["outlet"] or a["id"] for a in articles if not a["copy_of"]}
    if not own:
        return []
    return voices_of_quotes(story_id, store.query(QUOTES + "WHERE q.article_id IN (SELECT unnest(?::VARCHAR[])) "
                                                  "ORDER BY q.article_id, q.start, q.id", [list(own)]), own)


# The quotes with their speaker's actor; a caller adds the condition and the order (article, start, id).
QUOTES = ("SELECT q.id, q.article_id, q.start, q.direct, q.speaker, q.speaker_actor_id, q.channel, q.channel_detail, "
          "ac.name AS actor_name, ac.country, ac.sector FROM quotes q LEFT JOIN actors ac ON ac.id = q.speaker_actor_id ")


def voices_of_quotes(story_id: str, quotes: Sequence[dict], own: dict[str, str]) -> list[dict]:
    """Return the ``voices`` rows of ``QUOTES`` rows in order (article, start, id); ``own``: article -> outlet
    of the story's articles that are not copies."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for q in quotes:
        speaker = q["actor_name"] or " ".join((q["speaker"] or "").split())
        if not speaker:
            continue
        grouped[(own[q["article_id"]], q["speaker_actor_id"] or speaker.lower())].append({**q, "display": speaker})
    rows = []
    for (outlet, _), items in grouped.items():
        channels = sorted({(q["channel"] + (f" ({q['channel_detail']})" if q["channel_detail"] else ""))
                           for q in items if q["channel"]})
        rows.append({
            "story_id": story_id, "outlet": outlet, "speaker": items[0]["display"],
            "speaker_actor_id": items[0]["speaker_actor_id"], "country": items[0]["country"],
            "sector": items[0]["sector"], "channels": channels, "quote_count": len(items),
            "direct_count": sum(1 for q in items if q["direct"]), "quote_ids": [q["id"] for q in items]})
    rows.sort(key=lambda r: (r["outlet"], -r["quote_count"], r["speaker"]))
    return rows

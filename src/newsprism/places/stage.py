"""The place stage: find the article's place names, resolve them, and place its events.

Reads the parsed Doc and ``AnalyzedArticle.events``; writes ``AnalyzedArticle.places`` and
``AnalyzedArticle.event_places``. Runs after event coding (see ``pipeline.article_stages``).
"""

from __future__ import annotations

import bisect

from newsprism.places.event_places import place_events
from newsprism.places.gazetteer import candidates, notable
from newsprism.places.resolve import resolve_toponyms
from newsprism.places.toponyms import find_toponyms


def locate_places(analyzed, doc) -> None:
    """Fill ``analyzed.places`` (every place name, resolved or with the reason) and ``analyzed.event_places``."""
    article = analyzed.article
    starts = [s.start for s in analyzed.sentences]

    def sentence_of(char: int) -> int:
        return max(0, bisect.bisect_right(starts, char) - 1)

    toponyms = find_toponyms(article.id, article.text, doc, article.dateline_span, article.dateline,
                             sentence_of, known=lambda name: bool(candidates(name)), notable=notable)
    dateline = next((t for t in toponyms if t.kind == "dateline"), None)
    dateline_country = None
    if dateline is not None:
        alone = resolve_toponyms([dateline])
        dateline_country = alone[0].place.country if alone and alone[0].place else None
    mentions = resolve_toponyms(toponyms, dateline_country)
    analyzed.places = mentions
    dateline_mention = next((m for m in mentions if m.toponym.kind == "dateline"), None)
    analyzed.event_places = place_events(analyzed.events, mentions, doc, dateline_mention)


locate_places.name = "places"  # type: ignore[attr-defined]

"""Where each article's report comes from: itself, the original it copies, or an outlet it relays.

Two articles count as one independent origin when one is a syndicated copy of the other
(table ``copies``) or when one relays the other's outlet (``cited_sources.relation = 'relays'``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz


@dataclass(frozen=True, slots=True)
class ArticleOrigin:
    """One article's outlet and the independent origin its reports count under."""

    article_id: str
    outlet: str | None
    origin: str                   # outlet name (or article id when the outlet is unknown)
    copy_of: str | None           # the original article of a syndicated copy
    relays: str | None            # the outlet whose report this article passes on


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"^the\s+", "", name.strip().lower())).strip()


def match_outlet(name: str, sentence: str, known_outlets: Iterable[str], own_outlet: str | None) -> str:
    """Return the known outlet a relay citation names, or the cited name when none fits.

    The citation may carry only part of the name, so a known outlet named verbatim in the
    citation's sentence also counts ("according to Talvera Free Voice, an independent site").
    """
    own = _key(own_outlet) if own_outlet else None
    known = [o for o in known_outlets if o and _key(o) != own]
    for outlet in known:
        if _key(outlet) == _key(name) or fuzz.token_set_ratio(_key(outlet), _key(name)) >= 90:
            return outlet
    lowered = sentence.lower()
    named = [(lowered.find(o.lower()), o) for o in known if o.lower() in lowered]
    if named:
        return min(named)[1]
    return name


def article_origins(outlets: Mapping[str, str | None], copies: Mapping[str, str],
                    relays: Mapping[str, tuple[str, str]], known_outlets: Iterable[str]) -> dict[str, ArticleOrigin]:
    """Return the origin of every article.

    ``outlets``: article id -> outlet; ``copies``: copy id -> original id; ``relays``: article id ->
    (cited name, sentence text of the citation).
    """
    known = sorted({o for o in known_outlets if o})
    relayed: dict[str, str] = {
        article_id: match_outlet(name, sentence, known, outlets.get(article_id))
        for article_id, (name, sentence) in relays.items()
    }

    def origin_of(article_id: str, seen: frozenset[str] = frozenset()) -> str:
        original = copies.get(article_id)
        if original and original not in seen and original in outlets:
            return origin_of(original, seen | {article_id})
        if article_id in relayed:
            return relayed[article_id]
        return outlets.get(article_id) or article_id

    return {
        article_id: ArticleOrigin(article_id, outlet, origin_of(article_id), copies.get(article_id),
                                  relayed.get(article_id))
        for article_id, outlet in outlets.items()
    }


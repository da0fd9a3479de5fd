"""Questions later stages ask about resolved actors: who is at this span, who is in this group."""

from __future__ import annotations

import re

from newsprism.records import ActorMention, ActorRef, AnalyzedArticle

# Where the head of an English noun phrase ends: before "of", a comma, a relative clause...
_POST_HEAD = re.compile(r",|\(|\s[—–-]\s|\s(?:of|in|from|for|who|whom|which|that|and|with|at|on|to|by)\s")
_LAST_WORD = re.compile(r"[^\W_][\w'’.-]*\W*$")
# Preference among mentions that all hold the head word: the most specific kind first.
HOW_RANK = {"name": 0, "alias": 1, "gazetteer": 2, "title": 3, "description": 4, "pronoun": 5}


def _head_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the character span of the head word of the phrase text[start:end]."""
    piece = text[start:end]
    cut = _POST_HEAD.search(piece)
    prefix = piece[:cut.start()] if cut and cut.start() > 0 else piece
    word = _LAST_WORD.search(prefix.rstrip())
    if word is None:
        return start, end
    head = word.group().rstrip(" ,.;:!?\"'’”)]")
    head = re.sub(r"['’]s$", "", head)
    return start + word.start(), start + word.start() + max(1, len(head))


def _ref(analyzed: AnalyzedArticle, mention: ActorMention) -> ActorRef | None:
    actor = next((a for a in analyzed.actors if a.id == mention.actor_id), None)
    if actor is None:
        return None
    return ActorRef(actor.id, actor.name, actor.country, actor.sector, mention.start, mention.end)


def actor_at(analyzed: AnalyzedArticle, start: int, end: int) -> ActorRef | None:
    """Return the actor named at [start, end), or None.

    The mention that holds the head word of the span wins ("Wagner Group owner Prigozhin" →
    Prigozhin); failing that, the nearest modifier before the head that is not a possessor
    ("Wagner units" → Wagner Group, but "America's allies" → None). Group mentions are left to
    ``expand_group``.
    """
    if end <= start:
        return None
    text = analyzed.article.text
    overlapping = [m for m in analyzed.actor_mentions if m.how != "group" and m.start < end and start < m.end]
    if not overlapping:
        return None
    head_start, head_end = _head_span(text, start, end)
    holding = [m for m in overlapping if m.start <= head_start and head_end <= m.end]
    if holding:
        best = min(holding, key=lambda m: (HOW_RANK.get(m.how, 9), m.end - m.start))
        return _ref(analyzed, best)
    modifiers = [m for m in overlapping if m.end <= head_start and not re.match(r"\s*['’]s?\b", text[m.end:m.end + 3])]
    if modifiers:
        return _ref(analyzed, max(modifiers, key=lambda m: (m.end, -HOW_RANK.get(m.how, 9))))
    return None


def expand_group(analyzed: AnalyzedArticle, start: int, end: int, exclude: str | None = None) -> list[ActorRef]:
    """Return the member actors of a group mention at [start, end), or [] when it is not a group.

    "the leaders of Belarus, Kazakhstan and Uzbekistan" → the governments of BLR, KAZ, UZB;
    "his G7 and EU counterparts" → the other G7 governments and the EU. ``exclude`` drops a
    country's own government from the members.
    """
    members: list[ActorRef] = []
    seen: set[str] = set()
    for mention in analyzed.actor_mentions:
        if mention.how != "group" or not (mention.start < end and start < mention.end):
            continue
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap * 2 < min(end - start, mention.end - mention.start):
            continue
        ref = _ref(analyzed, mention)
        if ref is None or ref.actor_id in seen or (exclude and ref.country == exclude):
            continue
        seen.add(ref.actor_id)
        members.append(ref)
    return members

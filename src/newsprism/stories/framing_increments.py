"""Framing terms and voices of a story analysed before, updated from its new articles.

A whole rebuild (``framing_rows``, ``voice_rows``) reads every article of the story: its text
for the names of the happening, its mentions for the names of actors, its quotes for the
voices. A story that keeps growing pays that at every update. Here the story's stored rows are
merged with the new articles' own rows, and the result is the one a whole rebuild gives:

- **voices** are sums per (outlet, speaker) of quotes: the stored voices' quotes are read again
  by id (a later run may tie a stored quote to another actor, or learn the actor's country),
  with the new articles' quotes, and grouped as a rebuild groups them; the articles' other
  quotes (no speaker) are not read;
- **names of the happening** count per (outlet, name) with the first place used: counts add,
  and the place is the new article's when it comes first in the story's order;
- **names of actors** are rows only for actors that two or more outlets mention: the rows of
  every actor name a new article mentions are rebuilt from all the story's mentions of actors
  with that name (one query per group of stories, for those names only);
- **distinctive wording** is counted on the story's wording sample (``wording_sample``): it is
  rebuilt only when a new article enters the sample, and otherwise kept.

A story that lost an article the stored rows count, one whose stored articles changed origin (a new original makes one a copy, whose wording
and voices are then the original's), or one holding an article that may or may not have been
counted before (an article with neither events nor facts leaves no trace in the stored claims,
so it cannot be told from a new one) that adds framing or voices, is recounted whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsprism.store import Store
from newsprism.stories.framing import (
    ACTOR_MENTIONS,
    HAPPENING,
    actor_name_rows,
    distinctive_rows,
    event_name_rows,
    framing_rows,
    own_articles,
    wording_sample,
)
from newsprism.stories.voices import QUOTES, voice_rows, voices_of_quotes

IN_IDS = "(SELECT unnest(?::VARCHAR[]))"
NEW_QUOTES = QUOTES + f"WHERE q.article_id IN {IN_IDS} ORDER BY q.article_id, q.start, q.id"
# The framing rows merged here; the verbs each outlet uses for a deed (rows referring to a claim)
# follow the claims and are the caller's.
STORY_FRAMING = f"(kind IN ('distinctive', 'actor_name') OR (kind = 'event_name' AND refers_to = '{HAPPENING}'))"


class StoredStoryRows:
    """The stored framing and voices rows of a group of stories, read with one query per table."""

    def __init__(self, store: Store, story_ids: Sequence[str]) -> None:
        self.store = store
        self.framing: dict[str, list[dict]] = defaultdict(list)
        self.voices: dict[str, list[dict]] = defaultdict(list)
        self._quotes: dict[str, dict] | None = None
        self._mentions: dict[str, list[dict]] = {}
        if not story_ids:
            return
        for row in store.query(f"SELECT * FROM framing_terms WHERE story_id IN {IN_IDS} AND {STORY_FRAMING}",
                               [list(story_ids)]):
            self.framing[row["story_id"]].append(row)
        for row in store.query(f"SELECT * FROM voices WHERE story_id IN {IN_IDS}", [list(story_ids)]):
            self.voices[row["story_id"]].append(row)
        # An actor's name may change when a later article names it more fully ("Interior
        # Ministry" becomes "Veldoran Interior Ministry"): rows under a name no actor holds now
        # are stale, and their story's actor names are recounted.
        named = sorted({r["refers_to"] for rows in self.framing.values() for r in rows if r["kind"] == "actor_name"})
        self.actor_names = {r["name"] for r in store.query(f"SELECT DISTINCT name FROM actors WHERE name IN {IN_IDS}",
                                                           [named])} if named else set()

    def quotes(self, story_id: str) -> list[dict]:
        """Return the ``QUOTES`` rows of the story's stored voices, read again: a later run may have
        tied a quote to another actor (two actors found to be one) or told more of the actor."""
        if self._quotes is None:
            ids = [q for rows in self.voices.values() for r in rows for q in r["quote_ids"]]
            self._quotes = {r["id"]: r for r in self.store.query(QUOTES + f"WHERE q.id IN {IN_IDS}", [ids])} if ids else {}
        return [self._quotes[q] for r in self.voices.get(story_id, []) for q in r["quote_ids"] if q in self._quotes]

    def prepare_names(self, new_queries, articles: Mapping[str, Sequence[dict]], new_ids: Mapping[str, set[str]]) -> None:
        """Read, for the whole group at once, the stored mentions of every actor name the new
        articles mention (``name_mentions`` answers from them)."""
        names: set[str] = set()
        stored_ids: list[str] = []
        for story_id, story in articles.items():
            own = own_articles(story)
            new_own = [a["id"] for a in own if a["id"] in new_ids.get(story_id, set())]
            if new_own:
                names |= {m["name"] for m in new_queries.query(ACTOR_MENTIONS, [new_own])}
                stored_ids += [a["id"] for a in own if a["id"] not in new_ids.get(story_id, set())]
        self._mentions = defaultdict(list)
        if names and stored_ids:
            sql = ACTOR_MENTIONS.replace("WHERE m.how", f"WHERE ac.name IN {IN_IDS} AND m.how")
            for m in self.store.query(sql, [sorted(names), stored_ids]):
                self._mentions[m["article_id"]].append(m)

    def name_mentions(self, article_ids: Sequence[str], names: Sequence[str]) -> list[dict]:
        """Return ``ACTOR_MENTIONS`` rows of the given stored articles for actors with the given names."""
        wanted = set(names)
        return [m for a in article_ids for m in self._mentions.get(a, ()) if m["name"] in wanted]


def _merge_key(row: dict) -> tuple:
    return (row["outlet"], row["kind"], row["term"].lower(), row["refers_to"])


def merge_happening_names(stored: Sequence[dict], new: Sequence[dict], position: Mapping[str, int]) -> list[dict]:
    """Return the names of the happening of stored and new rows together: counts added, each
    name's first place the earlier in the story's order (``position``: article -> its rank)."""
    merged = {_merge_key(r): dict(r) for r in stored}
    for row in new:
        key = _merge_key(row)
        old = merged.get(key)
        if old is None:
            merged[key] = dict(row)
            continue
        count = old["count"] + row["count"]
        if position[row["article_id"]] < position.get(old["article_id"], len(position)):
            old = {**row}
        merged[key] = {**old, "count": count}
    return list(merged.values())


def updated_framing_and_voices(store: Store, new_queries, stored: StoredStoryRows, story_id: str,
                               articles: Sequence[dict], new_ids: set[str], counted: set[str],
                               moved: set[str]) -> tuple[list[dict], list[dict]]:
    """Return the story's framing rows (all but the deeds' verbs) and voices, from its stored
    rows and its new articles.

    ``store`` answers for any article; ``new_queries`` (a ``GroupQueries`` of the new articles, or
    the store) for the new ones. ``new_ids``: the articles no stored claim holds; ``counted``:
    those of them that are surely new (they hold events or facts, and an article's events do not
    change); ``moved``: stored articles whose origin changed since."""
    own = own_articles(articles)
    new_own = [a for a in own if a["id"] in new_ids]
    new_framing_names = event_name_rows(story_id, new_own)
    new_mentions = new_queries.query(ACTOR_MENTIONS, [[a["id"] for a in new_own]]) if new_own else []
    new_quotes = new_queries.query(NEW_QUOTES, [[a["id"] for a in new_own]]) if new_own else []
    uncertain = {a["id"] for a in new_own} - counted
    adds_rows = {r["article_id"] for r in new_framing_names} | {m["article_id"] for m in new_mentions} | \
        {q["article_id"] for q in new_quotes}
    old = stored.framing.get(story_id, [])
    # An article the stored rows count that is no longer one of the story's own (clustering moved it).
    own_ids = {a["id"] for a in own}
    departed = ({q["article_id"] for q in stored.quotes(story_id)} | {r["article_id"] for r in old if r["article_id"]}) - own_ids
    if moved or uncertain & adds_rows or departed:
        return framing_rows(store, story_id, articles), voice_rows(store, story_id, articles)
    # Distinctive wording: kept unless a new article enters the sample it is counted on.
    if any(a["id"] in new_ids for a in wording_sample(own)):
        distinctive = distinctive_rows(store, story_id, own)
    else:
        distinctive = [r for r in old if r["kind"] == "distinctive"]
    position = {a["id"]: i for i, a in enumerate(articles)}
    happening = merge_happening_names([r for r in old if r["kind"] == "event_name"], new_framing_names, position)
    # Names of actors: every actor name a new article mentions is rebuilt from all its mentions.
    outlet_of = {a["id"]: a["outlet"] or a["id"] for a in own}
    old_actors = [r for r in old if r["kind"] == "actor_name"]
    if any(r["refers_to"] not in stored.actor_names for r in old_actors):
        mentions = store.query(ACTOR_MENTIONS, [[a["id"] for a in own]])       # an actor was renamed
        actors = actor_name_rows(story_id, mentions, outlet_of)
    else:
        names = sorted({m["name"] for m in new_mentions})
        mentions = stored.name_mentions([a["id"] for a in own if a["id"] not in new_ids], names) + new_mentions
        mentions.sort(key=lambda m: (m["article_id"], m["start"], m["end"], m["actor_id"]))
        actors = [r for r in old_actors if r["refers_to"] not in set(names)] + \
            actor_name_rows(story_id, mentions, outlet_of)
    # Voices: the stored voices' quotes, read again, and the new articles' quotes, in a rebuild's order.
    quotes = sorted([*stored.quotes(story_id), *new_quotes], key=lambda q: (q["article_id"], q["start"], q["id"]))
    voices = voices_of_quotes(story_id, quotes, outlet_of)
    return distinctive + happening + actors, voices

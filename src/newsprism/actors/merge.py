"""Cross-article actor merging: one record per real-world actor in the store.

Within an article an actor's id is a hash of its fullest name there, so "Putin" in one article
and "Vladimir Putin" in another start as two records. ``merge_actors`` folds such records into
the one with the fullest name when their names are compatible and their countries do not
disagree, and rewrites every reference (mentions, event participants, quote speakers) in one
transaction. A lone surname that fits two different full names is left alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsprism.actors.names import name_words, normal_form, same_person
from newsprism.actors.transliteration import grouping_key
from newsprism.config import Settings
from newsprism.store import Store


@dataclass(slots=True)
class StoredActor:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: list[str]
    mentions: int
    countries: Counter = field(default_factory=Counter)   # countries its merged records carried


def _compatible(a: StoredActor, b: StoredActor) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def _person_groups(people: list[StoredActor]) -> list[list[StoredActor]]:
    """Return groups of person records that name one person."""
    by_surname: dict[str, list[StoredActor]] = defaultdict(list)
    for actor in people:
        words = name_words(actor.name)
        if words:
            # Zelensky and Zelenskyy, Lukashenko and Lukashenka fall together; same_person decides.
            by_surname[grouping_key(words[-1])].append(actor)
    groups: list[list[StoredActor]] = []
    for same_surname in by_surname.values():
        full = [a for a in same_surname if len(name_words(a.name)) > 1]
        short = [a for a in same_surname if len(name_words(a.name)) == 1]
        clusters: list[list[StoredActor]] = []
        for actor in sorted(full, key=lambda a: -a.mentions):
            home = next((c for c in clusters if all(same_person(actor.name, o.name) and _compatible(actor, o) for o in c)), None)
            if home is None:
                clusters.append([actor])
            else:
                home.append(actor)
        for actor in short:
            fits = [c for c in clusters if all(_compatible(actor, o) for o in c)]
            if len(fits) == 1:
                fits[0].append(actor)
            elif not clusters:
                clusters.append([actor])
        groups.extend(c for c in clusters if len(c) > 1)
    return groups


def _organisation_groups(organisations: list[StoredActor]) -> list[list[StoredActor]]:
    """Return groups of organisation records where one's name is another's alias."""
    by_name: dict[str, StoredActor] = {}
    for actor in sorted(organisations, key=lambda a: -a.mentions):
        by_name.setdefault(normal_form(actor.name), actor)
    parent: dict[str, str] = {}
    for actor in organisations:
        for alias in actor.aliases:
            other = by_name.get(normal_form(alias))
            if other is not None and other.id != actor.id and _compatible(actor, other):
                parent[other.id] = actor.id if len(actor.name) >= len(other.name) else other.id
    groups: dict[str, list[StoredActor]] = defaultdict(list)
    lookup = {a.id: a for a in organisations}
    for actor in organisations:
        root, seen = actor.id, set()
        while root in parent and root not in seen and parent[root] != root:
            seen.add(root)
            root = parent[root]
        groups[root].append(actor)
    return [g for g in groups.values() if len(g) > 1 and all(a.id in lookup for a in g)]


def plan_merges(actors: list[StoredActor]) -> list[tuple[StoredActor, list[StoredActor]]]:
    """Return (kept record, records folded into it) for every merge to make."""
    plans = []
    people = [a for a in actors if a.kind == "person"]
    organisations = [a for a in actors if a.kind == "organisation"]
    for group in _person_groups(people) + _organisation_groups(organisations):
        keep = max(group, key=lambda a: (len(name_words(a.name)), a.mentions, len(a.name), a.id))
        plans.append((keep, [a for a in group if a.id != keep.id]))
    return plans


def merge_actors(store: Store, settings: Settings | None = None) -> int:
    """Merge store actors that are one real-world actor; return how many records were folded.

    The store stage after every batch: ids in actors, actor_mentions, event_actors and quotes
    are rewritten in one transaction, aliases are united, and an unknown country or sector is
    filled from the records folded in (the most mentioned). Participants of events and quotes
    whose country was unknown in their own article take the merged actor's.
    """
    mention_counts = {r["actor_id"]: r["n"] for r in store.query(
        "SELECT actor_id, count(*) AS n FROM actor_mentions GROUP BY actor_id")}
    actors = [StoredActor(r["id"], r["name"], r["kind"], r["country"], r["sector"], list(r["aliases"] or []),
                          mention_counts.get(r["id"], 0))
              for r in store.query("SELECT id, name, kind, country, sector, aliases FROM actors")]
    plans = plan_merges(actors)
    folded = 0
    with store.transaction():
        for keep, others in plans:
            ids = [o.id for o in others]
            countries = Counter({keep.country: keep.mentions + 1} if keep.country else {})
            sectors = Counter({keep.sector: keep.mentions + 1} if keep.sector else {})
            for other in others:
                if other.country:
                    countries[other.country] += other.mentions
                if other.sector:
                    sectors[other.sector] += other.mentions
            country = keep.country or (countries.most_common(1)[0][0] if countries else None)
            sector = keep.sector or (sectors.most_common(1)[0][0] if sectors else None)
            aliases = list(dict.fromkeys([*keep.aliases, *(n for o in others for n in (o.name, *o.aliases))]))
            aliases = [a for a in aliases if a != keep.name]
            store.con.execute("UPDATE actors SET aliases = ?, country = ?, sector = ? WHERE id = ?",
                              [aliases, country, sector, keep.id])
            store.con.execute("UPDATE actor_mentions SET actor_id = ? WHERE actor_id IN (SELECT unnest(?))", [keep.id, ids])
            store.con.execute("UPDATE event_actors SET actor_id = ?, name = ? WHERE actor_id IN (SELECT unnest(?))",
                              [keep.id, keep.name, ids])
            store.con.execute("UPDATE quotes SET speaker_actor_id = ? WHERE speaker_actor_id IN (SELECT unnest(?))", [keep.id, ids])
            store.con.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?))", [ids])
            folded += len(ids)
        # An actor known across articles lends its country to participants left unknown in one.
        store.con.execute(
            "UPDATE event_actors SET country = a.country FROM actors a "
            "WHERE event_actors.actor_id = a.id AND event_actors.country IS NULL AND a.country IS NOT NULL")
        store.con.execute(
            "UPDATE event_actors SET sector = a.sector FROM actors a "
            "WHERE event_actors.actor_id = a.id AND event_actors.sector IS NULL AND a.sector IS NOT NULL")
    return folded

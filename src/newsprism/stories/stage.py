"""The store stage ``update_stories``: cluster new articles into stories, then compare outlets.

Runs once per ``newsprism analyze`` after every batch is stored. New articles (those with no
``story_articles`` row) join stored stories or open new ones; every story that gained an
article, or has never been analysed, gets its claims, framing terms and voices rebuilt.
"""

from __future__ import annotations

import re
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta

import pyarrow as pa

from newsprism.config import STORY_SEARCHES, Settings
from newsprism.errors import NewsprismError
from newsprism.ingest.dedup import CopyCandidate, find_contained_copies
from newsprism.records import InputFailure
from newsprism.store import Store
from newsprism.stories.candidates import (add_to_index, backfill_index, candidate_members, candidate_stories, index_vectors,
                                          member_limits)
from newsprism.stories.clustering import assign_stories
from newsprism.stories.origins import article_origins
from newsprism.stories.similarity import NAME_LABELS, StoryText, check_backend

# Names found by these means identify a participant; pronouns and descriptions do not.
NAMING_MENTIONS = ("name", "alias", "gazetteer")


def _normal_name(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip().lower())
    return " ".join(re.sub(r"^the\s+", "", text).split())


# SQL for "one of the ids passed as a list parameter".
IN_IDS = "(SELECT unnest(?::VARCHAR[]))"


# The ids passed as a list parameter, as a table to join with: the join reads the big table's
# key column once and fetches other columns only for the rows asked for.
ASKED = "(SELECT unnest(?::VARCHAR[]) AS id) asked"


def story_texts(store: Store, article_ids: Sequence[str]) -> list[StoryText]:
    """Return the clustering view of the given articles, in publication order."""
    if not article_ids:
        return []
    ids = list(article_ids)
    rows = store.query(
        f"SELECT a.id, a.title, a.text, a.published FROM {ASKED} JOIN articles a ON a.id = asked.id "
        "ORDER BY a.published NULLS LAST, a.id", [ids])
    names: dict[str, list[str]] = defaultdict(list)
    persons: dict[str, list[str]] = defaultdict(list)
    for row in store.query(
            f"SELECT e.article_id, e.text, e.label FROM {ASKED} JOIN entities e ON e.article_id = asked.id "
            f"WHERE e.label IN ({', '.join('?' for _ in NAME_LABELS)}) ORDER BY e.article_id, e.start",
            [ids, *NAME_LABELS]):
        name = _normal_name(row["text"])
        names[row["article_id"]].append(name)
        if row["label"] == "PERSON" and name:
            persons[row["article_id"]].append(name.split()[-1])
    text_year = {r["article_id"]: r["resolved"].year for r in store.query(
        f"SELECT d.article_id, arg_min(d.resolved, d.start) AS resolved FROM {ASKED} JOIN dates d "
        "ON d.article_id = asked.id WHERE d.resolved IS NOT NULL GROUP BY d.article_id", [ids])}
    for row in store.query(
            f"SELECT m.article_id, m.actor_id FROM {ASKED} JOIN actor_mentions m ON m.article_id = asked.id "
            f"WHERE m.how IN ({', '.join('?' for _ in NAMING_MENTIONS)}) ORDER BY m.article_id, m.actor_id",
            [ids, *NAMING_MENTIONS]):
        names[row["article_id"]].append("actor:" + row["actor_id"])
    # The opening sentence says who did what where: count it twice (cut from the text by its offsets).
    lead = {r["article_id"]: (r["start"], r["end"]) for r in store.query(
        f'SELECT s.article_id, s.start, s."end" FROM {ASKED} JOIN sentences s ON s.article_id = asked.id '
        "WHERE s.sentence_index = 0", [ids])}
    # The headline says what the story is about: count it twice.
    texts = []
    for r in rows:
        start, end = lead.get(r["id"], (0, 0))
        texts.append(StoryText(r["id"], f"{r['title'] or ''}\n{r['title'] or ''}\n{r['text']}\n{r['text'][start:end]}",
                               tuple(names[r["id"]]), r["published"], tuple(persons[r["id"]]), text_year.get(r["id"])))
    return texts


def _within_reach(store: Store, new_ids: Sequence[str], window_days: int, limit: int | None = None) -> list[str] | None:
    """Return the stored, clustered articles a new article may join exactly: those near in time.

    With ``limit``, return None instead when there are more than ``limit`` of them.
    """
    dates = [r["published"] for r in store.query(
        f"SELECT published FROM articles WHERE id IN {IN_IDS}", [list(new_ids)])]
    if not dates:
        return []
    if any(d is None for d in dates):   # an undated article may join any story
        where, params = "", []
    else:
        low, high = min(dates) - timedelta(days=window_days), max(dates) + timedelta(days=window_days)
        where, params = "WHERE a.published IS NULL OR a.published BETWEEN ? AND ?", [low, high]
    # One more row than the limit tells that there are too many, without counting them all.
    cap = "" if limit is None else f"LIMIT {int(limit) + 1}"
    reach = [r["article_id"] for r in store.query(
        f"SELECT s.article_id FROM story_articles s JOIN articles a ON a.id = s.article_id {where} {cap}", params)]
    return None if limit is not None and len(reach) > limit else reach


class _OriginFacts:
    """What the origins of some articles are computed from, loaded with one query per table.

    ``outlets`` also holds the outlets of originals outside the articles asked for (an
    original stored in another story still names its copy's origin).
    """

    def __init__(self, store: Store, article_ids: Sequence[str], outlets: dict[str, str | None] | None = None,
                 known: list[str] | None = None) -> None:
        ids = list(article_ids)
        self.outlets = dict(outlets) if outlets is not None else {r["id"]: r["outlet"] for r in store.query(
            f"SELECT a.id, a.outlet FROM {ASKED} JOIN articles a ON a.id = asked.id", [ids])}
        self.copies = {r["article_id"]: r["original_id"] for r in store.query(
            f"SELECT c.article_id, c.original_id FROM {ASKED} JOIN copies c ON c.article_id = asked.id", [ids])}
        missing = sorted(set(self.copies.values()) - set(self.outlets))
        if missing:
            self.outlets.update({r["id"]: r["outlet"] for r in store.query(
                f"SELECT a.id, a.outlet FROM {ASKED} JOIN articles a ON a.id = asked.id", [missing])})
        self.relays: dict[str, tuple[str, str]] = {}
        for r in store.query(
                f"SELECT c.article_id, c.name, s.text FROM {ASKED} JOIN cited_sources c ON c.article_id = asked.id "
                "LEFT JOIN sentences s ON s.article_id = c.article_id AND s.sentence_index = c.sentence_index "
                "WHERE c.relation = 'relays' ORDER BY c.start", [ids]):
            self.relays.setdefault(r["article_id"], (r["name"], r["text"] or ""))
        # The outlets a relay may name: read once per run, not once per story.
        self.known = known if known is not None else [r["outlet"] for r in store.query(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]

    def origins(self, article_ids: Sequence[str], story_copies: dict[str, str] | None = None):
        """Return the origins of the given articles (one story, or the new articles of a group)."""
        ids = set(article_ids)
        copies = {a: self.copies[a] for a in article_ids if a in self.copies}

        # Copies found within the story (a trimmed wire story) join the groups the store-wide pass
        # made, root to root, so a link never runs against a stored one and never makes a cycle.
        def root(article_id: str) -> str:
            seen = {article_id}
            while article_id in copies and copies[article_id] not in seen:
                article_id = copies[article_id]
                seen.add(article_id)
            return article_id

        for copy, original in (story_copies or {}).items():
            copy_root, original_root = root(copy), root(original)
            if copy_root != original_root:
                copies[copy_root] = original_root
        outlets = {a: self.outlets.get(a) for a in article_ids}
        outlets.update({o: self.outlets[o] for o in set(copies.values()) - ids if o in self.outlets})
        relays = {a: self.relays[a] for a in article_ids if a in self.relays}
        return article_origins(outlets, copies, relays, self.known)


def _origins(store: Store, article_ids: Sequence[str]):
    return _OriginFacts(store, article_ids).origins(article_ids)


# New articles are clustered this many at a time, in publication order, each group joining the
# stories of the groups before it as a later run would: the pair matrices stay (group + stored
# articles it is compared with) squared instead of growing with the whole corpus.
CLUSTER_GROUP = 1_000
# With the story index, a group is compared with at most this many stored articles (members of
# its candidate stories); a group needing more is clustered in parts, each as many new articles
# as fit, down to one, whose needs are bounded by MEMBER_LIMIT + (story_candidate_limit - 1) x SIDE_MEMBERS.
STORED_LIMIT = 4_000


# After the first part of a group, the next part's index query covers twice as many new articles
# as the last part took (at least MIN_LOOKAHEAD): parts are about as large as the one before.
MIN_LOOKAHEAD = 64


# Clustering views of stored articles kept between the groups of one run (candidate stories
# recur from group to group); oldest dropped first, so memory stays bounded.
TEXT_CACHE = 5_000


class _TextCache:
    """``story_texts`` with the last TEXT_CACHE articles remembered."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.texts: OrderedDict[str, StoryText] = OrderedDict()

    def add(self, items: Sequence[StoryText]) -> None:
        for item in items:
            self.texts[item.article_id] = item
            self.texts.move_to_end(item.article_id)
        while len(self.texts) > TEXT_CACHE:
            self.texts.popitem(last=False)

    def __call__(self, article_ids: Sequence[str]) -> list[StoryText]:
        missing = [a for a in article_ids if a not in self.texts]
        found = {a: self.texts[a] for a in article_ids if a in self.texts}
        fetched = story_texts(self.store, missing)
        self.add(fetched)
        found.update((item.article_id, item) for item in fetched)
        return [found[a] for a in article_ids if a in found]


def cluster_new_articles(store: Store, settings: Settings) -> set[str]:
    """Assign every article without a story to one; return the ids of the stories that changed."""
    if settings.story_search not in STORY_SEARCHES:
        raise NewsprismError(f"story_search={settings.story_search!r}: choose one of {', '.join(STORY_SEARCHES)}")
    texts = _TextCache(store)
    backfill_index(store, texts)
    new_ids = [r["id"] for r in store.query(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) "
        "ORDER BY published NULLS LAST, id")]
    changed: set[str] = set()
    for start in range(0, len(new_ids), CLUSTER_GROUP):
        new_items = story_texts(store, new_ids[start:start + CLUSTER_GROUP])
        changed |= _cluster_group(store, settings, new_items, index_vectors(new_items), texts)
    return changed


def _publication_order(item: StoryText) -> tuple:
    """The order of ``story_texts``: by date, undated last, then by id."""
    return (item.published is None, item.published or date.min, item.article_id)


def _cluster_group(store: Store, settings: Settings, new_items: Sequence[StoryText], vectors: Sequence,
                   texts: _TextCache) -> set[str]:
    """Assign one group of new articles (in publication order, with their index vectors) to
    stored or new stories; return the stories that changed."""
    changed: set[str] = set()
    exact_limit = {"exact": None, "auto": settings.story_exact_limit}.get(settings.story_search, -1)
    lookahead = None
    while new_items:
        new_ids = [item.article_id for item in new_items]
        reach = _within_reach(store, new_ids, settings.story_window_days, exact_limit) if exact_limit != -1 else None
        if reach is not None:
            stored = {r["article_id"]: r["story_id"] for r in store.query(
                f"SELECT article_id, story_id FROM story_articles WHERE article_id IN {IN_IDS}", [reach])
            } if reach else {}
            taken = len(new_items)
        else:
            stored, taken = _indexed_reach(store, settings, new_items, vectors, lookahead)
            lookahead = max(MIN_LOOKAHEAD, 2 * taken)
        changed |= _assign(store, settings, new_items[:taken], vectors[:taken], stored, texts)
        new_items, vectors = new_items[taken:], vectors[taken:]
    return changed


def _assign(store: Store, settings: Settings, new_items: Sequence[StoryText], vectors: Sequence,
            stored: dict[str, str], texts: _TextCache) -> set[str]:
    """Cluster new articles with the given stored ones (article -> story); store and index the result."""
    new_ids = [item.article_id for item in new_items]
    copy_of = {r["article_id"]: r["original_id"] for r in store.query(
        f"SELECT article_id, original_id FROM copies WHERE article_id IN {IN_IDS}", [new_ids])}
    # A copy goes with its original, wherever that is stored.
    originals = sorted(set(copy_of.values()) - set(stored) - set(new_ids))
    if originals:
        stored.update({r["article_id"]: r["story_id"] for r in store.query(
            f"SELECT article_id, story_id FROM story_articles WHERE article_id IN {IN_IDS}", [originals])})
    items = sorted([*new_items, *texts(sorted(stored))], key=_publication_order)
    assignments = assign_stories(items, stored, settings.story_threshold, settings.story_window_days,
                                 settings.similarity_backend, settings.embedding_model, copy_of)
    origins = _origins(store, new_ids)
    now = datetime.now()
    store.insert_rows("story_articles", [
        {"story_id": a.story_id, "article_id": a.article_id, "similarity": a.similarity,
         "origin": origins[a.article_id].origin, "copy_of": origins[a.article_id].copy_of,
         "relays": origins[a.article_id].relays, "joined_at": now}
        for a in assignments])
    texts.add(new_items)   # stored from now on: later groups may be compared with them
    vector_of = {item.article_id: (vector, item.published) for item, vector in zip(new_items, vectors)}
    joined: dict[str, list] = defaultdict(list)
    for a in assignments:
        joined[a.story_id].append(vector_of[a.article_id])
    add_to_index(store, joined)
    return {a.story_id for a in assignments}


def story_copies(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """Return {copy id: original id} among one story's articles, by containment or matching lead."""
    rows = store.query(
        f"SELECT a.id, a.title, a.text, a.published FROM {ASKED} JOIN articles a ON a.id = asked.id "
        "ORDER BY a.ingested_at, a.id", [list(article_ids)])
    return _copies_within(rows)


def _copies_within(rows: Sequence[dict]) -> dict[str, str]:
    """``story_copies`` of one story's article rows, in the order they were stored."""
    items = [CopyCandidate(r["id"], r["title"], r["text"], r["published"], i) for i, r in enumerate(rows)]
    return {link.article_id: link.original_id for link in find_contained_copies(items)}


def refresh_origins(store: Store, story_ids: Sequence[str]) -> None:
    """Recompute the origin, copy link and relay of every article of the given stories.

    An article's origin depends on the other articles of its story (a copy counts under its
    original's origin), so it is settled after clustering, once the story's members are known.
    Each table is read once for all the stories' articles (a query per story would scan the
    store's tables once per touched story).
    """
    ids = list(story_ids)
    if not ids:
        return
    # The outlets a relay may name: read once for all groups.
    known = [r["outlet"] for r in store.query("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]
    # A group of stories at a time: a whole run's first pass touches every story, and holding
    # every article's text at once made this step's memory grow with the store.
    for start in range(0, len(ids), ORIGIN_GROUP):
        _refresh_origins_of(store, ids[start:start + ORIGIN_GROUP], known)


# Stories whose origins are settled together (one read of each table per group).
ORIGIN_GROUP = 200


def _refresh_origins_of(store: Store, ids: list[str], known: list[str]) -> None:
    rows_of: dict[str, list[dict]] = defaultdict(list)
    for r in store.query(
            f"SELECT s.story_id, a.id, a.outlet, a.title, a.text, a.published FROM (SELECT unnest(?::VARCHAR[]) AS id) asked "
            "JOIN story_articles s ON s.story_id = asked.id JOIN articles a ON a.id = s.article_id "
            "ORDER BY a.ingested_at, a.id", [ids]):
        rows_of[r["story_id"]].append(r)
    facts = _OriginFacts(store, [r["id"] for rows in rows_of.values() for r in rows],
                         outlets={r["id"]: r["outlet"] for rows in rows_of.values() for r in rows}, known=known)
    rows: dict[str, list] = {"story_id": [], "article_id": [], "origin": [], "copy_of": [], "relays": []}
    for story_id, members in rows_of.items():
        article_ids = [r["id"] for r in members]
        origins = facts.origins(article_ids, _copies_within(members) if len(members) > 1 else {})
        for article_id in article_ids:
            o = origins[article_id]
            for column, value in zip(rows, (story_id, article_id, o.origin, o.copy_of, o.relays)):
                rows[column].append(value)
    # One statement per group, not one per story: a large run touches thousands of stories.
    store.con.register("newsprism_origins", pa.table({k: pa.array(v, type=pa.string()) for k, v in rows.items()}))
    try:
        store.con.execute(
            "UPDATE story_articles SET origin = o.origin, copy_of = o.copy_of, relays = o.relays FROM newsprism_origins o "
            "WHERE story_articles.story_id = o.story_id AND story_articles.article_id = o.article_id")
    finally:
        store.con.unregister("newsprism_origins")


def _indexed_reach(store: Store, settings: Settings, new_items: Sequence[StoryText], vectors,
                   lookahead: int | None = None) -> tuple[dict[str, str], int]:
    """Return the stored articles (article -> story) of the candidate stories of the first new
    articles, and how many new articles that is: as many, in order, as keep the stored ones
    within STORED_LIMIT (at least one). The rest ask the index again once these are stored."""
    # Only the next ``lookahead`` articles ask the index: the rest ask again anyway once this
    # part is stored (asking for all of them each time made a group's index queries grow with
    # the square of its parts).
    new_items, vectors = new_items[:lookahead], vectors[:lookahead]
    found = candidate_stories(store, new_items, settings.story_window_days, settings.story_candidate_limit, vectors)
    members = candidate_members(store, member_limits(found), [item.published for item in new_items],
                                settings.story_window_days)
    size: dict[str, int] = defaultdict(int)
    for story in members.values():
        size[story] += 1
    chosen: set[str] = set()
    total = 0
    for taken, item in enumerate(new_items):
        extra = {story for story, _ in found[item.article_id]} - chosen
        more = sum(size[story] for story in extra)
        if taken and total + more > STORED_LIMIT:
            break
        chosen |= extra
        total += more
    else:
        taken = len(new_items)
    return {article: story for article, story in members.items() if story in chosen}, taken


def refresh_story_rows(store: Store, story_ids: Sequence[str]) -> None:
    """Rewrite the ``stories`` rows of the given stories from their articles."""
    ids = list(story_ids)
    if not ids:
        return
    rows = store.query(
        "SELECT s.story_id, a.id, a.title, a.outlet, a.published, s.similarity, s.copy_of FROM story_articles s "
        f"JOIN articles a ON a.id = s.article_id WHERE s.story_id IN {IN_IDS} "
        "ORDER BY a.published NULLS LAST, a.id", [ids])
    by_story: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_story[row["story_id"]].append(row)
    now = datetime.now()
    out = []
    for story_id, members in by_story.items():
        dates: list[date] = [m["published"] for m in members if m["published"]]
        outlets = sorted({m["outlet"] for m in members if m["outlet"]})
        # The title of the article closest to the rest stands for the story.
        central = max((m for m in members if m["title"] and not m["copy_of"]),
                      key=lambda m: m["similarity"], default=members[0])
        out.append({"id": story_id, "title": central["title"], "first_published": min(dates, default=None),
                    "last_published": max(dates, default=None), "article_count": len(members),
                    "outlet_count": len(outlets), "outlets": outlets, "updated_at": now})
    store.replace_rows("stories", out, f"id IN {IN_IDS}", [ids])


def update_stories(store: Store, settings: Settings) -> list[InputFailure]:
    """Cluster new articles into stories and rebuild the comparison of every story that changed.

    Return the stories whose comparison raised (each left without one; see ``analyze_stories``)."""
    check_backend(settings.similarity_backend, settings.embedding_model)
    with store.transaction():
        changed = cluster_new_articles(store, settings)
        # A story clustered by an older newsprism, before the comparison tables existed, or one
        # that gained articles after its last rebuild (clustered while the run was analysing).
        unanalysed = {r["story_id"] for r in store.query(
            "SELECT DISTINCT s.story_id FROM story_articles s LEFT JOIN stories st ON st.id = s.story_id "
            "WHERE st.id IS NULL OR s.joined_at > st.updated_at")}
        touched = sorted(changed | unanalysed)
        refresh_origins(store, touched)
        refresh_story_rows(store, touched)
        # A story analysed before keeps its claims; its new articles' events join them.
        from newsprism.stories.claim_increments import analyze_story_increments

        return analyze_story_increments(store, touched, strict=settings.strict)

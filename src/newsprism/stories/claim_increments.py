"""Story analysis that follows the new articles: their events join the story's stored claims.

``analyze_stories`` (analysis.py) rebuilds a touched story whole: it aligns every event of the
story again, so a story that grows by one article costs the square of its size, and a store
whose stories keep growing (undated reports join stories of any date) pays more for the same
1,000 new articles the larger it is. Here a story that was analysed before keeps its claims:

- the story's **new articles** are those none of whose events or facts a stored claim holds;
- each new event looks up the stored claims that could be its happening through an **index of
  the story's claims** keyed by kind of event (PLOVER quad class) and by what identifies the
  happening: the participants' actor ids, names and heads, and the deed's lemma
  (``claim_keys``); it keeps the ``CANDIDATE_CLAIMS`` claims that share most keys;
- those claims take part in the alignment through ``REPRESENTATIVES`` of their events each;
  the new events and the representatives are aligned together with claims.py's own
  ``align_events``, and a new event aligned with a claim's representatives joins that claim;
- only the claims that gained events are rebuilt (label, status, contradictions, outlets,
  the verbs each outlet uses for the deed); new events aligned with no stored claim make new
  claims. Every other stored claim keeps its rows.

What is still rebuilt over the whole story: the claims made of facts (sentences holding no
event: their grouping weighs how common each word is in the story), the framing terms and the
voices. A story is rebuilt whole, as before, when it was never analysed or when its new articles
are at least half of it. A stored article whose origin changed since its claims were written (a
new original makes it a copy, which changes who corroborates what) has its claims rebuilt.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from newsprism.records import InputFailure
from newsprism.store import Store
from newsprism.stories.analysis import (
    STORY_DERIVED_TABLES,
    GroupQueries,
    _groups,
    claim_rows,
    event_lemma,
    stories_articles,
    story_events,
    story_failure,
)
from newsprism.stories import analysis
from newsprism.stories.claims import (
    GENERIC_HEADS,
    QUAD_CLASS,
    Claim,
    StoryEvent,
    align_events,
    find_contradictions,
    normal_name,
)
from newsprism.stories.facts import FACT, build_fact_claims, credited_sentences, story_facts
from newsprism.stories.framing import deed_rows
from newsprism.stories.framing_increments import StoredStoryRows, updated_framing_and_voices
from newsprism.stories.touched_rows import TouchedRows

# Stored claims a new event is aligned against: those sharing most index keys with it.
CANDIDATE_CLAIMS = 12
# Events of each candidate claim that stand for it in the alignment.
REPRESENTATIVES = 4
# A story whose new articles are at least this share of it is rebuilt whole: the alignment of
# all its events costs little more than the incremental one, and is the reference.
WHOLE_SHARE = 0.5
CLAIM_TABLES = ("claims", "claim_events", "claim_outlets", "claim_contradictions")
IN_IDS = "(SELECT unnest(?::VARCHAR[]))"


def kind_of(plover_type: str | None) -> str:
    """Return the kind of event alignment compares within: its quad class (or the type itself)."""
    return QUAD_CLASS.get(plover_type or "", plover_type or "")


def participant_keys(actor_id: str | None, name: str | None) -> set[str]:
    """Return the keys by which a participant may match another: actor id, name, head noun."""
    keys = set()
    if actor_id:
        keys.add("a:" + actor_id)
    words = normal_name(name or "").split()
    if words:
        keys.add("n:" + " ".join(words))
        if words[-1] not in GENERIC_HEADS:
            keys.add("h:" + words[-1])
    return keys


def event_keys(kind: str, lemma: str, participants: Sequence[tuple[str | None, str | None]]) -> set[str]:
    """Return an event's index keys: its kind joined with its lemma and with each participant's keys."""
    keys = {f"{kind}|l:{lemma}"} if lemma else set()
    for actor_id, name in participants:
        keys |= {f"{kind}|{k}" for k in participant_keys(actor_id, name)}
    return keys


def story_event_keys(e: StoryEvent) -> set[str]:
    """``event_keys`` of an event loaded for alignment."""
    return event_keys(kind_of(e.plover_type), e.lemma, [(p.actor_id, p.name) for p in (*e.sources, *e.targets)])


class ClaimIndex:
    """The stored event claims of a group of stories, keyed for lookup by a new event.

    Built from one query over the claims' events and their actors; holds, per story, the keys of
    each claim and its events in claim order (for the representatives)."""

    def __init__(self, store: Store, story_ids: Sequence[str]) -> None:
        self.keys: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))   # story -> key -> claims
        self.events: dict[str, list[tuple[str, str]]] = defaultdict(list)    # claim -> [(event, article)]
        self.event_keys: dict[str, set[str]] = defaultdict(set)               # event -> keys
        self.story_of: dict[str, str] = {}
        if not story_ids:
            return
        rows = store.query(
            "SELECT ce.story_id, ce.claim_id, ce.event_id, ce.article_id, e.plover_type, e.rule, e.trigger, "
            "ea.actor_id, ea.name FROM claim_events ce JOIN events e ON e.id = ce.event_id "
            "LEFT JOIN event_actors ea ON ea.event_id = e.id "
            f"WHERE ce.story_id IN {IN_IDS} ORDER BY ce.claim_id, ce.article_id, ce.start, ea.role, ea.position",
            [list(story_ids)])
        seen: set[str] = set()
        for r in rows:
            claim, event = r["claim_id"], r["event_id"]
            if event not in seen:
                seen.add(event)
                self.events[claim].append((event, r["article_id"]))
                self.story_of[claim] = r["story_id"]
            keys = event_keys(kind_of(r["plover_type"]), event_lemma(r["rule"], r["trigger"]),
                              [(r["actor_id"], r["name"])] if r["actor_id"] or r["name"] else [])
            self.event_keys[event] |= keys
            for key in keys:
                self.keys[r["story_id"]][key].add(claim)

    def candidates(self, story_id: str, keys: set[str], limit: int = CANDIDATE_CLAIMS) -> list[str]:
        """Return the story's claims sharing most keys with an event, at most ``limit``."""
        shared: Counter[str] = Counter()
        by_key = self.keys.get(story_id, {})
        for key in keys:
            shared.update(by_key.get(key, ()))
        return [claim for claim, _ in sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:limit]]

    def representatives(self, claim_id: str, keys: set[str], limit: int = REPRESENTATIVES) -> list[tuple[str, str]]:
        """Return (event, article) of the claim's events that share most keys with ``keys``."""
        events = self.events.get(claim_id, [])
        ranked = sorted(range(len(events)), key=lambda i: (-len(self.event_keys[events[i][0]] & keys), i))
        return [events[i] for i in ranked[:limit]]


def analysed_articles(store: Store, story_ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """Return {story: {article: origin}} of the articles whose events or facts the story's stored claims hold."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    if story_ids:
        for r in store.query(f"SELECT DISTINCT story_id, article_id, origin FROM claim_events WHERE story_id IN {IN_IDS}",
                             [list(story_ids)]):
            out[r["story_id"]][r["article_id"]] = r["origin"]
    return out


def stored_fact_claims(store: Store, story_ids: Sequence[str]) -> dict[str, dict[frozenset[str], str]]:
    """Return {story: {the facts a stored fact claim holds: its id}}."""
    facts: dict[str, set[str]] = defaultdict(set)
    story_of: dict[str, str] = {}
    if story_ids:
        for r in store.query(
                f"SELECT ce.story_id, ce.claim_id, ce.event_id FROM claim_events ce JOIN claims c ON c.id = ce.claim_id "
                f"WHERE c.story_id IN {IN_IDS} AND c.plover_type = '{FACT}'", [list(story_ids)]):
            facts[r["claim_id"]].add(r["event_id"])
            story_of[r["claim_id"]] = r["story_id"]
    out: dict[str, dict[frozenset[str], str]] = defaultdict(dict)
    for claim, members in facts.items():
        out[story_of[claim]][frozenset(members)] = claim
    return out


def needs_whole_rebuild(articles: Sequence[dict], analysed: dict[str, str], whole_share: float = WHOLE_SHARE) -> bool:
    """Return whether a story must be rebuilt whole: never analysed, mostly new, or left by an
    article its stored claims hold."""
    if not analysed:
        return True
    if set(analysed) - {a["id"] for a in articles}:
        return True          # an article its claims hold has left the story: they would keep its events
    new = sum(1 for a in articles if a["id"] not in analysed)
    return new >= whole_share * len(articles)


def _event_order(e: StoryEvent) -> tuple:
    # The order story_events loads them in, so that a claim's events tie-break as in a whole rebuild.
    return (e.article_id, e.start, e.id)


def join_new_events(index: ClaimIndex, story_id: str, new_events: Sequence[StoryEvent],
                    representatives: dict[str, StoryEvent]) -> tuple[dict[str, list[StoryEvent]], list[list[StoryEvent]]]:
    """Return ({stored claim: new events joining it}, [groups of new events making new claims]).

    The new events and the representatives of their candidate claims are aligned together by
    ``align_events``; a group holding representatives of a claim gives its new events to that
    claim (to the claim with most representatives in it, when it holds several: stored claims
    are never merged here)."""
    claim_of: dict[str, str] = {}
    pool: dict[str, StoryEvent] = {}
    for e in new_events:
        for claim in index.candidates(story_id, story_event_keys(e)):
            for event_id, _ in index.representatives(claim, story_event_keys(e)):
                if event_id in representatives:
                    pool[event_id] = representatives[event_id]
                    claim_of[event_id] = claim
    joined: dict[str, list[StoryEvent]] = defaultdict(list)
    fresh: list[list[StoryEvent]] = []
    new_ids = {e.id for e in new_events}
    for group in align_events([*pool.values(), *new_events]):
        added = [e for e in group if e.id in new_ids and e.id not in claim_of]
        if not added:
            continue
        claims = Counter(claim_of[e.id] for e in group if e.id in claim_of)
        if claims:
            joined[claims.most_common(1)[0][0]].extend(added)
        else:
            fresh.append(added)
    return joined, fresh


def analyze_story_increments(store: Store, story_ids: Sequence[str], strict: bool = True,
                             whole_share: float | None = None) -> list[InputFailure]:
    """Update claims, framing terms and voices of the given stories, following their new articles.

    Stories that need it are rebuilt whole (``needs_whole_rebuild``); see the module docstring.
    Without ``strict``, a story whose comparison raises keeps its earlier rows and is returned
    as a failure."""
    share = WHOLE_SHARE if whole_share is None else whole_share
    story_ids = list(story_ids)
    # Which stories are rebuilt whole, from their article ids alone; the two kinds go in separate
    # groups, so that a group of updated stories reads the events of the articles it needs only.
    members: dict[str, list[dict]] = defaultdict(list)
    if story_ids:
        for r in store.query(f"SELECT story_id, article_id AS id FROM story_articles WHERE story_id IN {IN_IDS}",
                             [story_ids]):
            members[r["story_id"]].append({"id": r["id"]})
    analysed = analysed_articles(store, story_ids)
    whole = {s for s in story_ids if needs_whole_rebuild(members.get(s, []), analysed.get(s, {}), share)}
    # Every per-article read below asks for articles of these stories: they are copied once,
    # and the reads answered from the copies instead of scanning the store's tables per group.
    with TouchedRows(store, [a["id"] for s in story_ids for a in members.get(s, [])]) as touched:
        return _update_stories(touched, story_ids, whole, analysed, strict, share)


def _update_stories(touched: TouchedRows, story_ids: list[str], whole: set[str], analysed: dict[str, dict[str, str]],
                    strict: bool, share: float) -> list[InputFailure]:
    store = touched.store
    # The touched stories' articles (with their text), read once for the run.
    articles = stories_articles(store, story_ids)
    failures: list[InputFailure] = []
    writes = Writes()

    def written(group_failures: list[InputFailure]) -> list[InputFailure]:
        if writes.size() >= WRITE_ROWS:
            writes.flush(touched)
        return group_failures

    for group in _groups(store, [s for s in story_ids if s in whole]):
        failures.extend(written(_update_group(touched, group, strict, share, rebuild_all=True, articles=articles,
                                              writes=writes)))
    updated = [s for s in story_ids if s not in whole]
    if updated:
        # What the stored claims, framing and voices of the updated stories hold, read once for
        # all of them: each such read scans a table as large as the store, whatever it asks for.
        # (The stories rebuilt whole are others: what they write is not read here.)
        stored = StoredClaims(store, updated, analysed, touched)
        for group in increment_groups({s: len(articles.get(s, [])) for s in updated}, updated):
            failures.extend(written(_update_group(touched, group, strict, share, stored=stored, articles=articles,
                                                  writes=writes)))
    writes.flush(touched)
    return failures


# Articles of the updated stories read together (the group queries read their events, sentences,
# quotes and mentions once per group, and each read scans a table as large as the store, so few
# large groups cost less than many small ones; memory grows with this).
INCREMENT_GROUP_ARTICLES = 3_000


def increment_groups(sizes: dict[str, int], story_ids: Sequence[str], limit: int = INCREMENT_GROUP_ARTICLES) -> list[list[str]]:
    """Cut the updated stories into groups of at most ``limit`` articles (a larger story makes a group alone)."""
    groups: list[list[str]] = []
    articles = 0
    for story_id in story_ids:
        size = sizes.get(story_id, 0)
        if not groups or (groups[-1] and articles + size > limit):
            groups.append([])
            articles = 0
        groups[-1].append(story_id)
        articles += size
    return groups


class StoredClaims:
    """The stored analysis of the updated stories: which articles it holds, the index of its event
    claims, its fact claims and its framing and voices rows."""

    def __init__(self, store: Store, story_ids: Sequence[str], analysed: dict[str, dict[str, str]],
                 touched: TouchedRows | Store | None = None) -> None:
        self.analysed = analysed
        self.index = ClaimIndex(store, story_ids)
        self.fact_claims = stored_fact_claims(store, story_ids)
        # Its reads of the stories' articles' mentions are answered from the copies, when there are some.
        self.rows = StoredStoryRows(touched or store, story_ids)


def _update_group(store: Store | TouchedRows, group: list[str], strict: bool, whole_share: float,
                  rebuild_all: bool = False, stored: StoredClaims | None = None,
                  articles: dict[str, list[dict]] | None = None, writes: "Writes | None" = None) -> list[InputFailure]:
    """Update one group of stories. ``store``: the store, or the run's ``TouchedRows`` over it;
    ``articles``: the stories' articles, when read already; ``writes``: where the rows to write
    go (written by the caller), else they are written at once."""
    failures: list[InputFailure] = []
    articles = {s: articles[s] for s in group if s in articles} if articles is not None else stories_articles(store, group)
    analysed = stored.analysed if stored else analysed_articles(store, group)
    whole = [s for s in group if rebuild_all or needs_whole_rebuild(articles.get(s, []), analysed.get(s, {}), whole_share)]
    increments = [s for s in group if s not in set(whole)]
    # One read per query for the whole group: a read costs a scan of its table whatever it asks for.
    queries = GroupQueries(store, [a["id"] for story in articles.values() for a in story], articles)
    pending: dict[str, list[dict]] = {table: [] for table in STORY_DERIVED_TABLES}
    replaced_claims: list[str] = []          # stored claims whose rows are rewritten
    rebuilt_whole: list[str] = []

    def attempt(story_id: str, step, *args):
        try:
            return step(*args)
        except Exception as exc:
            if strict:
                raise
            failures.append(story_failure(story_id, exc))
            return None

    for story_id in whole:
        rows = attempt(story_id, analysis.story_rows, queries, story_id)   # through the module: one hook for both
        if rows is not None:
            rebuilt_whole.append(story_id)
            for table, table_rows in rows.items():
                pending[table].extend(table_rows)
    if increments:
        if stored is None:
            stored = StoredClaims(store, increments, analysed)
        updates = [Update(s, articles.get(s, []), analysed.get(s, {})) for s in increments]
        live = [u for u in updates if attempt(u.story_id, u.load_new, queries, queries, stored.index) is not None]
        live = [u for u in live if attempt(u.story_id, u.join, queries, stored.index) is not None]
        stored.rows.prepare_names(queries, {u.story_id: u.articles for u in live},
                                  {u.story_id: {a["id"] for a in u.new_articles} for u in live})
        for u in live:
            result = attempt(u.story_id, u.rows, queries, queries, queries, stored.rows,
                             stored.fact_claims.get(u.story_id, {}))
            if result is None:
                continue
            rows, replaced = result
            replaced_claims.extend(replaced)
            for table, table_rows in rows.items():
                pending[table].extend(table_rows)
    failed = {f.source.removeprefix("story ") for f in failures}
    own = writes is None
    writes = writes if writes is not None else Writes()
    writes.add(pending, rebuilt_whole, [s for s in increments if s not in failed], replaced_claims)
    if own:
        writes.flush(store)
    return failures


# Rows held before they are written: each write deletes the rows it replaces with a scan of the
# story tables (as large as the store), so the groups of a run write together, up to this many rows.
WRITE_ROWS = 100_000


class Writes:
    """The rows the groups of a run will write, and what they replace."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.pending: dict[str, list[dict]] = {table: [] for table in STORY_DERIVED_TABLES}
        self.whole: list[str] = []
        self.increments: list[str] = []
        self.replaced_claims: list[str] = []

    def add(self, pending: dict[str, list[dict]], whole: list[str], increments: list[str], replaced: list[str]) -> None:
        for table, rows in pending.items():
            self.pending[table].extend(rows)
        self.whole += whole
        self.increments += increments
        self.replaced_claims += replaced

    def size(self) -> int:
        return sum(len(rows) for rows in self.pending.values())

    def flush(self, store: Store | TouchedRows) -> None:
        """Write what is held, in one transaction, and hold nothing."""
        if self.whole or self.increments:
            with store.transaction():
                _write(store, self.pending, self.whole, self.increments, self.replaced_claims)
        self.clear()


class Update:
    """One story analysed before, updated with its new articles in three steps: the new events,
    their join with the stored claims, and the rows to write."""

    def __init__(self, story_id: str, articles: list[dict], analysed: dict[str, str]) -> None:
        self.story_id = story_id
        self.articles = articles
        self.analysed = analysed
        self.by_id = {a["id"]: a for a in articles}
        self.new_articles = [a for a in articles if a["id"] not in analysed]
        # A stored article whose origin changed (a new original makes it a copy) changes who
        # corroborates the claims holding its events: they are rebuilt too, with what they hold.
        self.moved = {a["id"] for a in articles if a["id"] in analysed and analysed[a["id"]] != a["origin"]}

    def load_new(self, queries: GroupQueries, new_queries: GroupQueries, index: ClaimIndex) -> bool:
        """Read the new articles' events and choose the stored claims' representatives they meet."""
        self.via_outlet = credited_sentences(queries, [a["id"] for a in self.articles])
        self.new_events = story_events(new_queries, self.new_articles, self.via_outlet)
        self.wanted: dict[str, str] = {}
        for e in self.new_events:
            keys = story_event_keys(e)
            for claim in index.candidates(self.story_id, keys):
                self.wanted.update(index.representatives(claim, keys))
        self.representative_articles = sorted(a for a in set(self.wanted.values()) if a in self.by_id)
        return True

    def join(self, rep_queries: GroupQueries, index: ClaimIndex) -> bool:
        """Join the new events to stored claims or new ones; note the articles of the claims that gain."""
        loaded = story_events(rep_queries, [self.by_id[a] for a in self.representative_articles], self.via_outlet)
        representatives = {e.id: e for e in loaded if e.id in self.wanted}
        self.joined, self.fresh = join_new_events(index, self.story_id, self.new_events, representatives)
        if self.moved:
            for claim, events in index.events.items():
                if index.story_of.get(claim) == self.story_id and claim not in self.joined \
                        and any(a in self.moved for _, a in events):
                    self.joined[claim] = []
        self.claim_events = {claim: list(index.events[claim]) for claim in self.joined}
        self.gaining_articles = sorted({a for events in self.claim_events.values() for _, a in events if a in self.by_id})
        return True

    def rows(self, queries: GroupQueries, gain_queries: GroupQueries, new_queries: GroupQueries,
             stored_rows: StoredStoryRows, fact_claims: dict[frozenset[str], str]) -> tuple[dict[str, list[dict]], list[str]]:
        """Return the rows to write for the story, and the stored claims they replace.

        ``fact_claims``: the story's stored fact claims, by the facts each holds."""
        story_id, articles = self.story_id, self.articles
        ids = [a["id"] for a in articles]
        stored = {e.id: e for e in story_events(gain_queries, [self.by_id[a] for a in self.gaining_articles],
                                                 self.via_outlet)}
        claims: list[Claim] = []
        for claim_id, added in self.joined.items():
            events = sorted([stored[e] for e, _ in self.claim_events[claim_id] if e in stored] + added, key=_event_order)
            claims.append(Claim(events, find_contradictions(events)))
        for group in self.fresh:
            events = sorted(group, key=_event_order)
            claims.append(Claim(events, find_contradictions(events)))
        # Facts are grouped over the whole story (their grouping weighs how common each word is in it).
        all_events_at = {(r["article_id"], r["sentence_index"]) for r in queries.query(
            "SELECT article_id, sentence_index FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])}
        facts = build_fact_claims(story_facts(queries, articles, all_events_at, self.via_outlet))
        # A fact claim holding the same facts as a stored one, none of them from an article whose
        # origin changed, is the stored claim: its rows are kept (most fact claims are one sentence
        # of one article, and most of a story's claims are facts). The others replace theirs.
        kept = {fact_claims[members] for c in facts if (members := frozenset(e.id for e in c.events)) in fact_claims
                and not any(e.article_id in self.moved for e in c.events)}
        changed_facts = [c for c in facts if fact_claims.get(frozenset(e.id for e in c.events)) not in kept]
        rows = claim_rows(story_id, claims + changed_facts, articles)
        texts = {a["id"]: a["text"] for a in articles}
        copies = {a["id"] for a in articles if a["copy_of"]}
        claim_ids = [r["id"] for r in rows["claims"]]
        # An article holding events or facts now held none before (its events do not change): it is new.
        counted = {e.article_id for e in self.new_events} | {e.article_id for c in facts for e in c.events}
        framing, rows["voices"] = updated_framing_and_voices(
            queries, new_queries, stored_rows, story_id, articles, {a["id"] for a in self.new_articles},
            counted, self.moved)
        rows["framing_terms"] = framing + deed_rows(
            story_id, [(cid, c.events) for cid, c in zip(claim_ids, claims)], texts, copies)
        return rows, list(self.joined) + [claim for claim in fact_claims.values() if claim not in kept]


def _write(store: Store, pending: dict[str, list[dict]], whole: list[str], increments: list[str],
           replaced_claims: list[str]) -> None:
    """Replace the rows of the stories rebuilt whole, and of the claims an increment rewrote."""
    for table in STORY_DERIVED_TABLES:
        if whole:
            store.con.execute(f"DELETE FROM {table} WHERE story_id IN {IN_IDS}", [whole])
    if increments:
        # Of an incrementally updated story: the framing and voices (merged whole), and the
        # claims it replaces (those that gained events, and fact claims regrouped otherwise).
        store.con.execute(f"DELETE FROM framing_terms WHERE story_id IN {IN_IDS} AND (refers_to IS NULL OR refers_to "
                          f"NOT IN (SELECT id FROM claims WHERE story_id IN {IN_IDS}) OR refers_to IN {IN_IDS})",
                          [increments, increments, replaced_claims])
        store.con.execute(f"DELETE FROM voices WHERE story_id IN {IN_IDS}", [increments])
        for table in ("claim_events", "claim_outlets", "claim_contradictions"):
            store.con.execute(f"DELETE FROM {table} WHERE claim_id IN {IN_IDS}", [replaced_claims])
        store.con.execute(f"DELETE FROM claims WHERE id IN {IN_IDS}", [replaced_claims])
    for table in STORY_DERIVED_TABLES:
        store.insert_rows(table, pending[table])

"""Rebuild the per-story comparison tables: claims, their outlets and contradictions, framing, voices.

Reads a story's articles, events, actors, sentences, cited sources and quotes from the store and
writes ``claims``, ``claim_events``, ``claim_outlets``, ``claim_contradictions``,
``framing_terms`` and ``voices`` for it (replacing what an earlier run wrote).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsprism.errors import one_line
from newsprism.ingest.wire_agencies import canonical_outlet
from newsprism.records import InputFailure, stable_id
from newsprism.store import Store
from newsprism.stories.claim_pairs import counts_in, normal_name, numbers_in, participant, placed_precisely
from newsprism.stories.claims import Claim, StoryEvent, build_claims, most_common
from newsprism.stories.facts import FACT, build_fact_claims, credited_sentences, story_facts
from newsprism.stories.framing import deed_rows, framing_rows
from newsprism.stories.voices import voice_rows

FACT_LABEL = 140   # characters of a fact's sentence shown as its label
STORY_DERIVED_TABLES = ("claims", "claim_events", "claim_outlets", "claim_contradictions", "framing_terms", "voices")
_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


def crude_lemma(word: str) -> str:
    """Return a word without its inflection, enough to see that "killed" and "kills" are one verb."""
    word = word.lower().strip()
    stem = _SUFFIX.sub("", word) if len(word) > 4 else word
    return stem.rstrip("e")


# When a sentence says when, in words the date stage may leave unresolved in an undated article.
_WHEN_WORDS = re.compile(
    r"\b(?:(?:in|on|since|last|this|next|early|late)\s+)?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"(?:19|20)\d\d)\b(?:\s+(?:morning|afternoon|evening|night|\d{1,2}))?", re.I)


def said_when_in(sentence: str | None) -> str | None:
    """Return the words by which a sentence says when ("In January", "on Friday morning"), if any.
    ("May" starts sentences as a verb too rarely in news to matter here.)"""
    found = _WHEN_WORDS.search(sentence or "")
    return found.group(0) if found else None


def event_lemma(rule: str | None, trigger: str) -> str:
    """Return the lemma of an event's trigger: the verb or noun its coding rule names ("verb:withdraw"
    codes "withdrew" and "withdraw" alike), else the trigger without its inflection."""
    kind, _, word = (rule or "").partition(":")
    if kind in ("verb", "noun", "cameo") and word:
        return word.split()[0].lower()
    return crude_lemma(trigger)


STORY_ARTICLES = ("SELECT s.story_id, a.id, a.outlet, a.published, a.title, a.text, s.origin, s.copy_of, s.relays "
                  "FROM (SELECT unnest(?::VARCHAR[]) AS id) asked JOIN story_articles s ON s.story_id = asked.id "
                  "JOIN articles a ON a.id = s.article_id ORDER BY a.published NULLS LAST, a.id")


def story_articles(store: Store, story_id: str) -> list[dict]:
    """Return the story's articles with outlet, date, origin and copy link, in publication order."""
    if isinstance(store, GroupQueries) and story_id in store.stories:
        return store.stories[story_id]
    return stories_articles(store, [story_id]).get(story_id, [])


def stories_articles(store: Store, story_ids: Sequence[str]) -> dict[str, list[dict]]:
    """``story_articles`` of many stories, from one query."""
    out: dict[str, list[dict]] = defaultdict(list)
    for row in store.query(STORY_ARTICLES, [list(story_ids)]):
        out[row.pop("story_id")].append(row)
    return out


def quote_spans(store: Store, ids: Sequence[str]) -> dict[str, list[tuple[int, int, str]]]:
    """Return {article: [(start, end, speaker)]} of the direct quotes: what is inside is the speaker's word."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in store.query(
            'SELECT article_id, start, "end", speaker FROM quotes WHERE direct '
            "AND article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, start", [list(ids)]):
        out[r["article_id"]].append((r["start"], r["end"], " ".join((r["speaker"] or "").split())))
    return out


def credited_outlets(store: Store, ids: Sequence[str]) -> dict[tuple[str, int], str]:
    """Return {(article, sentence): outlet} for sentences crediting a named outlet below the lead,
    the outlet's name folded so that "AFP" and "Agence France-Presse" are one origin."""
    return {(r["article_id"], r["sentence_index"]): canonical_outlet(r["name"]) for r in store.query(
        "SELECT article_id, sentence_index, name FROM cited_sources WHERE kind IN ('outlet', 'media') "
        "AND relation = 'attributes' AND article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY start DESC", [list(ids)])}


def story_events(store: Store, articles: Sequence[dict], via_outlet: set[tuple[str, int]] | None = None) -> list[StoryEvent]:
    """Return the events of the given story articles, ready for alignment.

    ``via_outlet``: the (article, sentence) pairs crediting another outlet, when already loaded."""
    ids = [a["id"] for a in articles]
    if not ids:
        return []
    by_id = {a["id"]: a for a in articles}
    events = store.query(
        "SELECT e.*, s.text AS sentence FROM events e LEFT JOIN sentences s "
        "ON s.article_id = e.article_id AND s.sentence_index = e.sentence_index "
        "WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.article_id, e.start", [ids])
    roles: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {"source": [], "target": []})
    for row in store.query(
            # With its article id, so that GroupQueries answers it for many stories at once.
            "SELECT ea.*, e.article_id, ac.aliases, ac.kind, ac.name AS canonical FROM event_actors ea JOIN events e ON e.id = ea.event_id "
            "LEFT JOIN actors ac ON ac.id = ea.actor_id WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) "
            "ORDER BY ea.event_id, ea.role, ea.position", [ids]):
        roles[row["event_id"]][row["role"]].append(row)
    # A sentence crediting a named outlet ("according to Veldora One") makes its events that outlet's word.
    if via_outlet is None:
        via_outlet = credited_sentences(store, ids)
    credits = credited_outlets(store, ids)
    quotes = quote_spans(store, ids)
    # When a sentence says when ("In January, five cables were cut") and the coder did not tie
    # the date to its event, the sentence's first date words still tell which occasion it is.
    said_when: dict[tuple[str, int], str] = {}
    for row in store.query(
            "SELECT article_id, sentence_index, text FROM dates "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, start", [ids]):
        said_when.setdefault((row["article_id"], row["sentence_index"]), row["text"])
    out = []
    for e in events:
        article = by_id[e["article_id"]]
        text = article["text"] or ""

        def mention(r: dict) -> str | None:
            return text[r["start"]:r["end"]] if r["start"] is not None and r["end"] is not None else None

        # A country guessed from the article ("a gunman" in a story about Ohio) codes the event's
        # country but is no evidence that two described people are one: alignment sees none.
        sources = tuple(participant(r["actor_id"], r["name"], None if r.get("country_inferred") else r["country"],
                                    r["aliases"] or (), r["kind"], r["sector"], r["canonical"], mention(r))
                        for r in roles[e["id"]]["source"])
        targets = tuple(participant(r["actor_id"], r["name"], None if r.get("country_inferred") else r["country"],
                                    r["aliases"] or (), r["kind"], r["sector"], r["canonical"], mention(r))
                        for r in roles[e["id"]]["target"])
        numbers = tuple(n for p in (*sources, *targets) for n in numbers_in(p.name))
        counts = tuple(c for role, parts in (("source", sources), ("target", targets))
                       for p in parts for c in counts_in(p.name, p.head, role))
        placed = placed_precisely(e.get("how"), e.get("feature_code"))
        speaker = next((who for start, end, who in quotes.get(e["article_id"], ()) if start <= e["start"] and e["end"] <= end), None)
        out.append(StoryEvent(
            id=e["id"], article_id=e["article_id"], outlet=article["outlet"], origin=article["origin"],
            is_copy=article["copy_of"] is not None, sentence_index=e["sentence_index"], start=e["start"], end=e["end"],
            trigger=e["trigger"], lemma=event_lemma(e.get("rule"), e["trigger"]), plover_type=e["plover_type"], mode=e["mode"],
            sources=sources, targets=targets, date=e["date"], location=e["location"], negated=e["negated"],
            modality=e["modality"], attribution=e["attribution"],
            via_media=(e["article_id"], e["sentence_index"]) in via_outlet, sentence=e["sentence"] or "",
            numbers=numbers, published=article["published"], quoted_by=speaker,
            credited=credits.get((e["article_id"], e["sentence_index"])), counts=counts,
            date_text=e["date_text"] or said_when.get((e["article_id"], e["sentence_index"])) or said_when_in(e["sentence"]),
            lat=e.get("lat") if placed else None, lon=e.get("lon") if placed else None))
    return out


# Words a claim's label may run to: who did what to whom, where and when, in a line.
LABEL_WORDS = 12


def claim_label(claim: Claim) -> str:
    """Return a one-line description: who did what to whom, when and where, in at most LABEL_WORDS
    words, each actor once by its canonical name ("Vladimir Putin", not "Putin" and "the president")."""
    events = claim.events
    plover = most_common([e.plover_type for e in events]) or ""
    if plover == FACT:
        text = " ".join(events[0].sentence.split())
        return "fact: " + (text if len(text) <= FACT_LABEL else text[:FACT_LABEL - 1].rstrip() + "…")
    mode = most_common([e.mode for e in events])
    trigger = most_common([e.trigger.lower() for e in events if e.plover_type == plover]) or ""
    where = most_common([e.location for e in events])
    when = most_common([e.date.isoformat() if e.date else None for e in events])
    source_keys = _ranked_actors([p for e in events for p in e.sources])
    # An actor told as the source is not listed again as the target ("Putin spoke with Putin"),
    # nor is the place the label already names.
    target_keys = [(k, n) for k, n in _ranked_actors([p for e in events for p in e.targets if not (p.is_place and where)])
                   if k not in {k for k, _ in source_keys} and n.lower() not in (where or "").lower()]

    def render(n_sources: int, n_targets: int, with_place: bool) -> str:
        text = f"{', '.join(n for _, n in source_keys[:n_sources]) or '(unnamed)'} {trigger} ({plover}{'/' + mode if mode else ''})"
        if target_keys[:n_targets]:
            text += " " + ", ".join(n for _, n in target_keys[:n_targets])
        if with_place and where and where.lower() not in text.lower():
            text += f" in {where}"
        if when:
            text += f" on {when}"
        return text

    # The fullest label that fits: two doers and two targets at most, fewer when names are long.
    for n_sources, n_targets, with_place in ((2, 2, True), (2, 1, True), (1, 1, True), (1, 1, False), (1, 0, False)):
        text = render(n_sources, n_targets, with_place)
        if len(text.split()) <= LABEL_WORDS:
            return text
    words = text.split()
    return " ".join(words[:LABEL_WORDS - 1]) + " …"


def _ranked_actors(participants: Sequence) -> list[tuple[str, str]]:
    """Return (key, display name) per distinct actor, most often reported first, identified actors
    before descriptions: the canonical name of a resolved actor, else the fullest name written."""
    written: dict[str, str] = {}
    canonical: dict[str, str] = {}
    counts: Counter[str] = Counter()
    identified: set[str] = set()
    for p in participants:
        if p.pronoun and not p.actor_id:
            continue               # an unresolved "he" names nobody
        key = p.actor_id or normal_name(p.canonical or p.name)
        counts[key] += 1
        if p.actor_id or p.proper:
            identified.add(key)
        if p.canonical:
            canonical.setdefault(key, p.canonical)
        if key not in written or len(p.name) > len(written[key]):
            written[key] = p.name
    order = {key: i for i, key in enumerate(written)}
    ranked = sorted(written, key=lambda k: (k not in identified, -counts[k], order[k]))
    return [(k, canonical.get(k, written[k])) for k in ranked]


def _names(participants: Sequence, limit: int = 6) -> list[str]:
    """Return one display name per distinct actor, the fullest name of each: identified actors
    before descriptions ("Vladimir Putin" before "colleagues"), then the most often reported."""
    out: dict[str, str] = {}
    counts: Counter[str] = Counter()
    identified: set[str] = set()
    for p in participants:
        key = p.actor_id or next(iter(sorted(p.names)), p.name.lower())
        counts[key] += 1
        if p.actor_id or p.proper:
            identified.add(key)
        if key not in out or len(p.name) > len(out[key]):
            out[key] = p.name
    order = {key: i for i, key in enumerate(out)}
    ranked = sorted(out, key=lambda k: (k not in identified, -counts[k], order[k]))
    return [out[k] for k in ranked[:limit]]


def _outlet_role(events: Sequence[StoryEvent], articles: dict[str, dict]) -> str:
    if all(e.is_copy for e in events):
        return "copy"
    if all(articles[e.article_id]["relays"] for e in events):
        return "relays"
    return "reports"


def _outlet_stance(events: Sequence[StoryEvent]) -> str:
    stances = {e.stance for e in events}
    if {"asserts", "negates"} <= stances:
        return "mixed"
    for stance in ("asserts", "negates", "alleges", "planned", "demanded", "conditional"):
        if stance in stances:
            return "via outlet" if stance == "asserts" and all(e.via_media for e in events) else stance
    return min(stances)


def claim_rows(story_id: str, claims: Sequence[Claim], articles: Sequence[dict]) -> dict[str, list[dict]]:
    """Return the rows of the claim tables for one story."""
    by_id = {a["id"]: a for a in articles}
    rows: dict[str, list[dict]] = {t: [] for t in ("claims", "claim_events", "claim_outlets", "claim_contradictions")}
    for claim in claims:
        events = claim.events
        # Order by date, then article id: ids must not depend on the order articles were stored in.
        first = min(events, key=lambda e: (by_id[e.article_id]["published"] is None,
                                           str(by_id[e.article_id]["published"] or ""), e.article_id, e.start))
        claim_id = stable_id("claim", story_id, first.id)
        outlets = sorted({e.outlet or e.origin for e in events})
        originals = sorted({e.outlet or e.origin for e in events if not e.is_copy})
        status = claim.status
        relayed = sorted({e.origin for e in events if by_id[e.article_id]["relays"]})
        reported = [by_id[e.article_id]["published"] for e in events if by_id[e.article_id]["published"]]
        dates = [e.date for e in events if e.date and e.stance == "asserts"] or [e.date for e in events if e.date]
        notes = []
        if relayed:
            notes.append("via " + ", ".join(relayed))
        for c in claim.contradictions:
            notes.append(f"{c.kind}: {c.first.outlet} says {c.first_value}; {c.second.outlet} says {c.second_value}")
        rows["claims"].append({
            "id": claim_id, "story_id": story_id, "label": claim_label(claim),
            "plover_type": most_common([e.plover_type for e in events]), "mode": most_common([e.mode for e in events]),
            "sources": _names([p for e in events for p in e.sources]),
            "targets": _names([p for e in events for p in e.targets]),
            "date": min(dates) if dates else None, "location": most_common([e.location for e in events]),
            "status": status, "happening": claim.happening, "single_outlet": ", ".join(originals or outlets) if len(claim.origins) == 1 else None,
            "origin_count": len(claim.origins), "outlet_count": len(outlets), "article_count": len({e.article_id for e in events}),
            "first_reported": min(reported) if reported else None, "note": "; ".join(notes) or None,
            "statements": json.dumps(claim.statements()) if claim.statements() else None,
        })
        for e in events:
            rows["claim_events"].append({
                "claim_id": claim_id, "event_id": e.id, "story_id": story_id, "article_id": e.article_id,
                "outlet": e.outlet, "origin": e.origin, "stance": e.stance, "own_voice": e.own_voice,
                "voice": e.voice, "party": e.party if e.voice == "party" else None,
                "numbers": list(e.numbers), "sentence_index": e.sentence_index, "start": e.start, "end": e.end})
        by_outlet: dict[str, list[StoryEvent]] = defaultdict(list)
        for e in events:
            by_outlet[e.outlet or e.origin].append(e)
        for outlet, outlet_events in sorted(by_outlet.items()):
            rows["claim_outlets"].append({
                "claim_id": claim_id, "story_id": story_id, "outlet": outlet,
                "role": _outlet_role(outlet_events, by_id), "stance": _outlet_stance(outlet_events),
                "article_ids": sorted({e.article_id for e in outlet_events}), "event_count": len(outlet_events)})
        for c in claim.contradictions:
            rows["claim_contradictions"].append({
                "claim_id": claim_id, "story_id": story_id, "kind": c.kind,
                "outlet_a": c.first.outlet or c.first.origin, "value_a": c.first_value, "event_a": c.first.id,
                "outlet_b": c.second.outlet or c.second.origin, "value_b": c.second_value, "event_b": c.second.id})
    return rows


# Stories whose rebuilt rows are written together: one delete and one insert per table for the
# lot, not per story (most stories of a large run hold one or two articles).
WRITE_GROUP = 200


class GroupQueries:
    """Answer the per-article queries of many stories from one query each.

    Every story reads its articles' events, sentences, dates, quotes and mentions with queries
    of the form ``... article_id IN (SELECT unnest(?::VARCHAR[]))``. Each such query costs a few
    milliseconds however few rows it returns, so for a group of stories it runs once, for all
    their articles, and each story gets its own articles' rows in the query's order. Any other
    query (or one whose rows carry no ``article_id``) goes to the store as it is.
    """

    def __init__(self, store: Store, article_ids: Sequence[str], stories: dict[str, list[dict]] | None = None):
        self.store = store
        # The group's ``story_articles``, read with one query (story id -> its articles).
        self.stories = stories or {}
        self.article_ids = list(article_ids)
        self.known = set(self.article_ids)
        self.answers: dict[str, dict[str, list[tuple[int, dict]]] | None] = {}

    def query(self, sql: str, params: Sequence = ()) -> list[dict]:
        wanted = params[0] if len(params) == 1 and isinstance(params[0], list) else None
        if wanted is None or "unnest(?::VARCHAR[])" not in sql or not set(wanted) <= self.known:
            return self.store.query(sql, params)
        if sql not in self.answers:
            rows = self.store.query(sql, [self.article_ids])
            if rows and "article_id" not in rows[0]:
                self.answers[sql] = None
            else:
                by_article: dict[str, list[tuple[int, dict]]] = defaultdict(list)
                for position, row in enumerate(rows):
                    by_article[row["article_id"]].append((position, row))
                self.answers[sql] = by_article
        answer = self.answers[sql]
        if answer is None:
            return self.store.query(sql, params)
        found = [item for article_id in set(wanted) for item in answer.get(article_id, ())]
        return [row for _, row in sorted(found, key=lambda item: item[0])]


# ... and at most this many articles among them (one larger story makes a group alone): the rows
# a group reads (sentences, events, mentions) are held together, so memory stays bounded by
# this however large the stories of a run grow.
GROUP_ARTICLES = 1_000


def _groups(store: Store, ids: list[str]) -> list[list[str]]:
    """Cut the stories into groups of at most WRITE_GROUP stories and GROUP_ARTICLES articles."""
    sizes = {r["story_id"]: r["n"] for r in store.query(
        "SELECT s.story_id, count(*) AS n FROM (SELECT unnest(?::VARCHAR[]) AS id) asked "
        "JOIN story_articles s ON s.story_id = asked.id GROUP BY s.story_id", [ids])} if ids else {}
    groups: list[list[str]] = []
    articles = 0
    for story_id in ids:
        size = sizes.get(story_id, 0)
        if not groups or len(groups[-1]) >= WRITE_GROUP or (groups[-1] and articles + size > GROUP_ARTICLES):
            groups.append([])
            articles = 0
        groups[-1].append(story_id)
        articles += size
    return groups


def analyze_stories(store: Store, story_ids: Sequence[str], strict: bool = True) -> list[InputFailure]:
    """Rebuild claims, framing terms and voices of the given stories.

    Without ``strict``, a story whose comparison raises is left without these rows and
    returned as a failure; the other stories are rebuilt.
    """
    failures: list[InputFailure] = []
    for group in _groups(store, list(story_ids)):
        pending: dict[str, list[dict]] = {table: [] for table in STORY_DERIVED_TABLES}
        articles = stories_articles(store, group)
        queries = GroupQueries(store, [a["id"] for story in articles.values() for a in story], articles)
        for story_id in group:
            try:
                rows = story_rows(queries, story_id)
            except Exception as exc:
                if strict:
                    raise
                failures.append(story_failure(story_id, exc))
                continue
            for table, table_rows in rows.items():
                pending[table].extend(table_rows)
        with store.transaction():
            for table in STORY_DERIVED_TABLES:
                store.replace_rows(table, pending[table], "story_id IN (SELECT unnest(?::VARCHAR[]))", [group])
    return failures


def story_failure(story_id: str, exc: BaseException) -> InputFailure:
    """Return the failure record of a story whose comparison raised (stage "story analysis")."""
    lines = str(exc).strip().splitlines()
    reason = f"story analysis failed: {type(exc).__name__}" + (f": {one_line(lines[0])[:200]}" if lines else "")
    return InputFailure(f"story {story_id}", reason, None, "story analysis", type(exc).__name__)


def story_rows(store: Store | GroupQueries, story_id: str) -> dict[str, list[dict]]:
    """Return the rebuilt rows of every story-derived table for one story."""
    articles = story_articles(store, story_id)
    via_outlet = credited_sentences(store, [a["id"] for a in articles])
    events = story_events(store, articles, via_outlet)
    claims = build_claims(events)
    with_events = {(e.article_id, e.sentence_index) for e in events}
    facts = build_fact_claims(story_facts(store, articles, with_events, via_outlet))
    # Event claims first: the framing below pairs claim ids with them by position.
    rows = claim_rows(story_id, claims + facts, articles)
    texts = {a["id"]: a["text"] for a in articles}
    copies = {a["id"] for a in articles if a["copy_of"]}
    claim_ids = [r["id"] for r in rows["claims"]]
    rows["framing_terms"] = framing_rows(store, story_id, articles) + deed_rows(
        story_id, [(cid, c.events) for cid, c in zip(claim_ids, claims)], texts, copies)
    rows["voices"] = voice_rows(store, story_id, articles)
    return rows

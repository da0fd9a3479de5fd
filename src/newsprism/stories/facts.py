"""Facts: what a story's sentences report beyond its coded political events.

PLOVER codes who did what to whom; a story also carries tolls, outages, treatment in hospital,
distances and plans that no event type names ("Power returned to most towns on Wednesday").
Each sentence of a story article that holds no coded event becomes a fact, and facts told by
several outlets in like words (shared content words, no clash of numbers) are aligned into one
fact claim. They count for omissions (what only one outlet reports) like event claims.

Without a coded deed a fact is never negated, but it can be miscounted: two asserting voices of
different origins that count the same thing in the same words with different values ("injuring
five people" / "injured two people", "pirates in three boats" / "pirates on two speed boats")
tell one happening and contradict each other on the count; their facts are joined into one
claim that carries the contradiction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from newsprism.records import stable_id
from newsprism.store import Store
from newsprism.stories.claim_pairs import HEDGES, MAX_COUNT, NUMBER_WORDS, count_scope, dates_compatible, numbers_in
from newsprism.stories.claims import GENERIC_COUNTED, Claim, Contradiction, StoryEvent
from newsprism.stories.framing import STOP

FACT = "FACT"
# A sentence shorter than this says too little to compare ("She did not speak to reporters.").
MIN_WORDS = 6
# Share of content words two sentences must have in common to tell one fact.
FACT_LINK = 0.35
_WORD = re.compile(r"[a-z]{4,}")
# Page furniture that reaches article text: newsletter offers, follow-us lines, credits.
BOILERPLATE = re.compile(
    r"^\W*(?:follow\b|sign up\b|subscribe\b|click\b|read more\b|you can receive\b|share this\b|"
    r"copyright\b|©|all rights reserved\b|related:|watch:|photo:|image:)", re.IGNORECASE)
# A word in more facts than this is the story's topic, not what tells one fact from another.
COMMON_WORD = 50
# Content words two sentences must share, whatever their length, to tell one fact.
MIN_SHARED = 3
MIN_SHARED_BESIDE_NAMES = 2
# A statement (direct or reported) covering this share of a sentence makes the sentence its
# speaker's word: "Damage was put at $2 million, officials said" is the officials' estimate.
SPOKEN_SHARE = 0.5
# Characters before a statement's content that still leave it opening its sentence (a quote mark).
CONTENT_OPENS = 3
# Figures two sentences must share to tell one fact whatever their words ("won 134 to 63" /
# "by a vote of 134 to 63"): two distinct figures of two digits or more are rarely a coincidence.
MIN_SHARED_FIGURES = 2
# A figure: a number of two digits or more that is not a year, a clock time or part of a decimal.
_FIGURE = re.compile(r"(?<![\d.:,])(\d{1,3}(?:,\d{3})+|\d{2,})(?!\d|[:,]\d|\.\s?\d)")


def content_words(text: str) -> frozenset[str]:
    """Return the words that carry a sentence's content (four letters or more, no stop words)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOP)


def figures_in(text: str) -> frozenset[int]:
    """Return the figures a sentence states: numbers of two digits or more, without years, clock
    times ("10:30") or decimals ("2.6"): "won 134 to 63 in 2016" -> {134, 63}."""
    out = set()
    for match in _FIGURE.finditer(text):
        value = int(match.group(1).replace(",", ""))
        if not 1900 <= value <= 2100:
            out.add(value)
    return frozenset(out)


def speaker_of(start: int, end: int, statements: Sequence[tuple[int, int, str, str]]) -> str | None:
    """Return who a sentence [start, end) is told on behalf of, or None when the outlet tells it.

    ``statements`` are the quoted or reported statements of the sentence, ``(start, end, speaker,
    cue)``. The sentence is the speaker's word when one statement covers most of it and what it
    asserts is the statement's content: the content opens the sentence and the speaker follows
    ("Power came back on Friday, the operator said") or the sentence hangs it on the speaker
    ("according to the charges"). When the speaker and the verb open it ("Lunn said that her
    client took no part"), the sentence reports the statement, which the outlet tells as fact,
    as it does a verbal event by its speaker."""
    best, covered = None, 0
    for statement in statements:
        share = max(0, min(end, statement[1]) - max(start, statement[0]))
        if share > covered:
            best, covered = statement, share
    if best is None or covered < SPOKEN_SHARE * max(1, end - start):
        return None
    content_first = best[0] - start <= CONTENT_OPENS
    return best[2] if content_first or best[3].lower() == "according to" else None


def sentence_statements(store: Store, ids: Sequence[str]) -> dict[tuple[str, int], list[tuple[int, int, str, str]]]:
    """Return {(article, sentence): [(start, end, speaker, cue)]} of every statement (quoted or reported)
    whose speaker is not a news organisation: "the Courier reported" credits an outlet, which the
    article's origin or ``via_outlet`` already tells."""
    outlets = {(r["article_id"], r["sentence_index"]) for r in store.query(
        "SELECT article_id, sentence_index FROM cited_sources WHERE kind IN ('outlet', 'media') "
        "AND article_id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])}
    out: dict[tuple[str, int], list[tuple[int, int, str, str]]] = defaultdict(list)
    for r in store.query(
            'SELECT article_id, sentence_index, start, "end", speaker, cue FROM quotes '
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, start", [list(ids)]):
        key = (r["article_id"], r["sentence_index"])
        speaker = " ".join((r["speaker"] or "").split())
        if key not in outlets and speaker:
            out[key].append((r["start"], r["end"], speaker, r["cue"] or ""))
    return out


def credited_sentences(store: Store, ids: Sequence[str]) -> set[tuple[str, int]]:
    """Return the (article, sentence) pairs that credit a named outlet ("according to Veldora One")."""
    return {(r["article_id"], r["sentence_index"]) for r in store.query(
        "SELECT article_id, sentence_index FROM cited_sources WHERE kind = 'outlet' AND relation = 'attributes' "
        "AND article_id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])}


def story_facts(store: Store, articles: Sequence[dict], with_events: set[tuple[str, int]],
                via_outlet: set[tuple[str, int]]) -> list[StoryEvent]:
    """Return one fact per sentence of the story's articles that holds no coded event.

    ``with_events`` and ``via_outlet`` are the (article, sentence) pairs that hold an event and
    that credit another outlet, which the caller has loaded for the story's events already.
    """
    ids = [a["id"] for a in articles]
    if not ids:
        return []
    by_id = {a["id"]: a for a in articles}
    dates: dict[tuple[str, int], object] = {}
    for row in store.query(
            "SELECT article_id, sentence_index, resolved FROM dates WHERE resolved IS NOT NULL "
            "AND article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, start", [ids]):
        dates.setdefault((row["article_id"], row["sentence_index"]), row["resolved"])
    statements = sentence_statements(store, ids)
    out = []
    for s in store.query(
            "SELECT article_id, sentence_index, start, \"end\", text FROM sentences "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, sentence_index", [ids]):
        key = (s["article_id"], s["sentence_index"])
        if key in with_events or len(s["text"].split()) < MIN_WORDS or not content_words(s["text"]) \
                or BOILERPLATE.match(s["text"]):
            continue
        article = by_id[s["article_id"]]
        out.append(StoryEvent(
            id=stable_id("fact", s["article_id"], s["sentence_index"]), article_id=s["article_id"],
            outlet=article["outlet"], origin=article["origin"], is_copy=article["copy_of"] is not None,
            sentence_index=s["sentence_index"], start=s["start"], end=s["end"], trigger=s["text"], lemma="",
            plover_type=FACT, mode=None, sources=(), targets=(), date=dates.get(key), location=None,
            negated=False, modality="happened", attribution=speaker_of(s["start"], s["end"], statements.get(key, ())),
            via_media=key in via_outlet, sentence=s["text"],
            numbers=numbers_in(s["text"])))
    return out


_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{3,}")


def _names(fact: StoryEvent) -> frozenset[str]:
    """Return the content words a sentence writes capitalised inside it: names, mostly."""
    return frozenset(w.lower() for w in _CAPITALISED.findall(fact.sentence.strip()))


def _likeness(words_a: frozenset[str], words_b: frozenset[str], names: frozenset[str] = frozenset()) -> float:
    """Return the share of content words two sentences have in common, or 0.0 when they share too
    few, or only names ("Hillary Clinton wants to ..." twice is two facts about one person)."""
    shared = words_a & words_b
    if len(shared) < MIN_SHARED or len(shared - names) < MIN_SHARED_BESIDE_NAMES:
        return 0.0
    return len(shared) / len(words_a | words_b)


def _compatible(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two facts' numbers and dates allow them to be one."""
    if a.numbers and b.numbers and not set(a.numbers) & set(b.numbers):
        return False
    return not (a.date and b.date and a.date != b.date)   # the power cut on Tuesday, its return on Wednesday


def _alike(words_a: frozenset[str], words_b: frozenset[str], names: frozenset[str],
           figures_a: frozenset[int], figures_b: frozenset[int]) -> float:
    """Return how alike two fact sentences are: their share of content words, or FACT_LINK when
    they state the same figures ("134 to 63" twice), whatever their words."""
    score = _likeness(words_a, words_b, names)
    if len(figures_a & figures_b) >= MIN_SHARED_FIGURES:
        score = max(score, FACT_LINK)
    return score


def same_fact(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two fact sentences tell the same thing: like words or the same figures, no
    clash of numbers or dates."""
    return _compatible(a, b) and _alike(content_words(a.sentence), content_words(b.sentence), _names(a) | _names(b),
                                        figures_in(a.sentence), figures_in(b.sentence)) >= FACT_LINK


def build_fact_claims(facts: Sequence[StoryEvent]) -> list[Claim]:
    """Return the facts grouped into claims.

    Each fact joins the group whose first fact it tells most alike, or opens a group: matching
    the group's first fact, not any member, keeps "Cruz won the caucus" and "Clinton won Ohio"
    from chaining into one fact through a third sentence like both.
    """
    words = [content_words(f.sentence) for f in facts]
    names = [_names(f) for f in facts]
    figures = [figures_in(f.sentence) for f in facts]
    uses: dict[str, int] = defaultdict(int)
    for ws in words:
        for w in ws:
            uses[w] += 1
    groups: list[list[int]] = []
    articles: list[set[str]] = []                        # the articles each group already holds
    by_word: dict[str, list[int]] = defaultdict(list)   # word of a group's first fact -> groups
    by_figure: dict[int, list[int]] = defaultdict(list)  # figure of a group's first fact -> groups
    for i, current in enumerate(facts):
        # Only groups sharing a word few facts use, or a figure, can reach FACT_LINK; the rest are never compared.
        candidates = sorted({g for w in words[i] if uses[w] <= COMMON_WORD for g in by_word[w]}
                            | {g for n in figures[i] for g in by_figure[n]})
        best, best_score = None, 0.0
        size = len(words[i])
        for g in candidates:
            seed = groups[g][0]
            # Sets this unlike in size cannot share FACT_LINK of their union.
            if current.article_id in articles[g]:
                continue
            if not FACT_LINK * size <= len(words[seed]) <= size / FACT_LINK \
                    and len(figures[i] & figures[seed]) < MIN_SHARED_FIGURES:
                continue
            score = _alike(words[i], words[seed], names[i] | names[seed], figures[i], figures[seed])
            if score < FACT_LINK or not _compatible(current, facts[seed]):
                continue
            if score > best_score:
                best, best_score = g, score
        if best is None:
            for w in words[i]:
                by_word[w].append(len(groups))
            for n in figures[i]:
                by_figure[n].append(len(groups))
            groups.append([i])
            articles.append({current.article_id})
        else:
            groups[best].append(i)
            articles[best].add(current.article_id)
    return join_count_clashes([Claim([facts[k] for k in group]) for group in groups])


# -- counts that clash ----------------------------------------------------------------------------

# A count of two or more and up to two words after it, the last a plural noun: "five people",
# "two speed boats", "3 boats". A count of one ("one of the boats") is left out.
_FACT_COUNT = re.compile(
    r"(?<![\w.,:$£€-])(\d[\d,]*|" + "|".join(w for w in NUMBER_WORDS if w not in ("one", "hundred", "dozen"))
    + r")\s+(?:([a-z]+)\s+)?([a-z]+)\b", re.I)
# Words that stand between a count and the thing it counts, or before a count without telling
# what it counts: a preposition or a speech verb is no anchor ("in three boats", "said two people").
_NOT_ANCHORS = frozenset("said says told reported according added about around nearly almost some more than least".split())
# Words before the count that are read back for its anchor (skipping prepositions and stop words).
ANCHOR_WINDOW = 3
# Words before a count that make it part of a total ("his first 17 passes", "another 20 people").
_PART_WORDS = frozenset({"first", "last", "next", "another", "other", "additional", "extra", "remaining", "final"})
# A bound written after the count: "300 yards or more", "40-plus".
_BOUND_AFTER = re.compile(r"^\s*(?:or\s+(?:more|fewer|less|so)|and\s+(?:more|up)|plus\b|\+)", re.I)


@cache
def measure_nouns() -> frozenset[str]:
    """Return the nouns that measure rather than count (``stories/data/measure_nouns.txt``)."""
    text = files("newsprism.stories").joinpath("data/measure_nouns.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True, slots=True)
class FactCount:
    """An exact count a sentence states, with what it counts and the word it hangs on:
    "injuring five people" -> FactCount("injur", "people", 5)."""

    anchor: str      # stem of the nearest content word before the count
    noun: str        # the counted noun, singular
    value: int


def _stem(word: str) -> str:
    """Return a crude stem, enough for "injuring" and "injured", "pirates" and "pirate" to match."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[:-len(suffix)]
    return word


def _plural(word: str) -> bool:
    """Return whether a word after a count can be the plural noun it counts ("boats", "people")."""
    return word in GENERIC_COUNTED or (word.endswith("s") and not word.endswith("ss") and len(word) >= 4
                                       and word not in STOP)


# Pure in its sentence, and asked once per pair of counted facts by join_count_clashes (scale5's hook:
# at 100,000 stored articles it was a tenth of the story analysis).
@lru_cache(maxsize=1 << 16)
def stated_counts(sentence: str) -> tuple[FactCount, ...]:
    """Return the exact counts of plural things a sentence states, each with its anchor word.

    Estimates and bounds ("about 200", "more than 40"), years, decimals ("6. 7"), money and
    numbers that are part of a name ("Route 52") are not counts; a count with no content word
    just before it in its clause has no anchor and is left out."""
    out = []
    for match in _FACT_COUNT.finditer(sentence):
        word, middle, noun = match.group(1).lower(), match.group(2), match.group(3).lower()
        value = NUMBER_WORDS.get(word) if word in NUMBER_WORDS else int(word.replace(",", ""))
        if value is None or value < 2 or 1900 <= value <= 2100 or value >= MAX_COUNT:
            continue
        before = sentence[:match.start()]
        if re.search(r"\d[.,]\s*$", before) or re.match(r"\s*\.\s*\d", sentence[match.end(1):]):
            continue                    # a decimal or a thousands figure the tokenizer split ("6. 7", "4, 051")
        words_before = re.findall(r"[A-Za-z]+|\d[\d,]*|[,;:()\u2013\u2014]", before)
        if set(w.lower() for w in words_before[-2:]) & (HEDGES | _PART_WORDS):
            continue
        if re.search(r"\d\s*-?\s*of\s+(?:[a-z]+\s+)?$", before, re.I):
            continue                    # "29 of 34 passes", "28 of his 68 punches": a share, not a total
        if words_before and words_before[-1][:1].isupper() and word[:1].isdigit():
            continue                    # "Route 52": a name, not a count
        # The counted noun: a plural (or a generic noun) right after the count or one word later.
        counted = next((w.lower() for w in (middle, noun) if w and _plural(w.lower())), None)
        if counted is None or counted in measure_nouns() or _BOUND_AFTER.match(sentence[match.end():]):
            continue
        if anchor := _anchor(words_before):
            out.append(FactCount(anchor, _stem(counted) if counted not in GENERIC_COUNTED else "people", value))
    return tuple(out)


def _anchor(words_before: list[str]) -> str | None:
    """Return the stem of the content word a count hangs on: the nearest one before it in its
    clause ("injuring five people" -> "injur", "pirates, in three boats" -> "pirat").

    A name is no anchor ("Hansbrough's 20 points", "the Sixers after six seasons": whose count it
    is, not what happened), nor a word that is itself counted ("20 points and nine rebounds": a
    line of statistics)."""
    window = words_before[-(ANCHOR_WINDOW + 1):]
    for k in range(len(window) - 1, -1, -1):
        w = window[k]
        if not w[0].isalpha():
            if w in ";:()\u2013\u2014":
                return None
            continue
        if len(w) < 4 or w.lower() in STOP or w.lower() in _NOT_ANCHORS:
            continue
        counted_itself = any(re.fullmatch(r"\d[\d,]*", x) or x.lower() in NUMBER_WORDS for x in window[max(0, k - 2):k])
        if not w[0].islower() or counted_itself:
            return None
        return _stem(w)
    return None


def _voiced(fact: StoryEvent) -> str | None:
    """Return who asserts a fact: the origin telling it in its own voice or the outlet it credits,
    or origin/party for a named party's statement; None for an unnamed speaker."""
    if fact.asserting_origin:
        return fact.asserting_origin
    return f"{fact.origin.lower()}/{fact.party}" if fact.party else None


def count_clash(a: StoryEvent, b: StoryEvent) -> tuple[str, str] | None:
    """Return the two values when two facts count the same thing on the same anchor differently
    ("injuring five people" / "injured two people"), else None.

    Both must be asserted (an outlet's own voice, a credited outlet or a named party), come from
    different origins, be dated alike, and share a content word beside the anchor and the noun:
    the same count on the same word in two unrelated sentences is no evidence of one happening."""
    if a.origin.lower() == b.origin.lower() or not (_voiced(a) and _voiced(b)) or _voiced(a) == _voiced(b):
        return None
    if a.date and b.date and not dates_compatible(a, b):
        return None
    if count_scope(a.sentence) != count_scope(b.sentence):
        return None            # "by the end, 46 arrested" / "one arrested": a running total against an early count
    counts_a, counts_b = stated_counts(a.sentence), stated_counts(b.sentence)
    for key in {(c.anchor, c.noun) for c in counts_a} & {(c.anchor, c.noun) for c in counts_b}:
        values_a = {c.value for c in counts_a if (c.anchor, c.noun) == key}
        values_b = {c.value for c in counts_b if (c.anchor, c.noun) == key}
        if values_a & values_b:
            continue
        beside = {_stem(w) for w in content_words(a.sentence)} & {_stem(w) for w in content_words(b.sentence)}
        if not beside - set(key):
            continue
        noun = key[1]
        return (", ".join(f"{v} {noun}" for v in sorted(values_a)), ", ".join(f"{v} {noun}" for v in sorted(values_b)))
    return None


def join_count_clashes(claims: list[Claim]) -> list[Claim]:
    """Return the fact claims with those whose facts clash on a count joined, each joined claim
    carrying its contradictions (one per pair of origins)."""
    counted = [(i, f) for i, claim in enumerate(claims) for f in claim.events if stated_counts(f.sentence)]
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    found: list[tuple[int, Contradiction]] = []
    seen: set[tuple[str, str]] = set()
    for x, (i, a) in enumerate(counted):
        for j, b in counted[x + 1:]:
            if i == j:
                continue
            clash = count_clash(a, b)
            pair = tuple(sorted((a.origin.lower(), b.origin.lower())))
            if clash is None or pair in seen:
                continue
            seen.add(pair)
            parent[root(j)] = root(i)
            found.append((i, Contradiction("number", a, clash[0], b, clash[1])))
    if not found:
        return claims
    groups: dict[int, Claim] = {}
    for i, claim in enumerate(claims):
        joined = groups.setdefault(root(i), Claim([]))
        joined.events.extend(claim.events)
    for i, contradiction in found:
        groups[root(i)].contradictions.append(contradiction)
    return list(groups.values())

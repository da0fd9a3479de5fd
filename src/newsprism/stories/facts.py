"""Facts: what a story's sentences report beyond its coded political events.

PLOVER codes who did what to whom; a story also carries tolls, outages, treatment in hospital,
distances and plans that no event type names ("Power returned to most towns on Wednesday").
Each sentence of a story article that holds no coded event becomes a fact, and facts told by
several outlets in like words (shared content words, no clash of numbers) are aligned into one
fact claim. Fact claims are never contradicted: without a coded deed there is nothing precise
enough to deny. They count for omissions (what only one outlet reports) like event claims.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsprism.records import stable_id
from newsprism.store import Store
from newsprism.stories.claims import Claim, StoryEvent, numbers_in
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
    return [Claim([facts[k] for k in group]) for group in groups]

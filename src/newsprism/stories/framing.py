"""How each outlet tells a story: its distinctive wording and the names it gives the same things.

Distinctive wording is the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
and Quinn 2008) of each outlet's words and phrases against the story's other outlets, the prior
being the whole story's counts. Among equally distinctive phrases, those rarer in general
English (wordfreq) rank first: "mutiny" says more about an outlet's choice than "said".

The names given to the same thing are (a) the noun phrases each outlet uses to name the
happening itself ("armed rebellion", "the events of June 24", "mutiny") and (b) the words each
outlet uses for an actor that several outlets name ("mercenary group", "Wagner PMC").
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from wordfreq import word_frequency

from newsprism.store import Store

# Nouns that name a happening rather than a participant; each has a test sentence.
EVENT_NOUNS = (
    "rebellion", "uprising", "mutiny", "insurrection", "revolt", "insurgency", "coup", "putsch", "takeover",
    "seizure", "attack", "assault", "raid", "siege", "offensive", "invasion", "incursion", "operation",
    "crackdown", "standoff", "stand-off", "crisis", "events", "incident", "unrest", "riots",
    "clashes", "violence", "bloodshed", "betrayal", "treason", "terrorism", "massacre", "war", "conflict",
    "hostilities", "occupation", "blockade", "protest", "protests", "demonstrations", "talks",
    "exchange", "firefight", "shootout", "gunfight",
    # Happenings of politics, courts and disasters, as often told as conflicts.
    "investigation", "inquiry", "probe", "scandal", "lawsuit", "indictment", "trial", "hearing", "shooting",
    "killing", "bombing", "explosion", "election", "summit", "ceasefire", "truce", "sanctions", "controversy",
    "dispute", "visit", "speech", "walkout", "shutdown", "outbreak",
)
# Words that complete a verb into the phrase an outlet chose for a deed ("took control of",
# "took over", "stood down"); each has a test sentence.
VERB_COMPLETIONS = ("control", "hold", "charge", "part", "place", "over", "up", "down", "off", "out", "back", "away")
_COMPLETION = re.compile(r"(?:\s+(?:" + "|".join(VERB_COMPLETIONS) + r"))+(?:\s+of)?\b")
EXTRA_STOP_WORDS = {"said", "says", "told", "according", "also", "would", "could", "one", "two", "new", "year",
                    "mr", "ms", "mrs", "s", "t", "including", "like", "just"}
STOP = ENGLISH_STOP_WORDS | EXTRA_STOP_WORDS
PRIOR_SIZE = 100.0          # alpha_0: how many pseudo-counts the story-wide prior adds
MAX_DISTINCTIVE = 25        # phrases kept per outlet
RARITY_WEIGHT = 0.15        # tie-breaking weight of general-English rarity (per -log10 frequency)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Words that may stand before the noun inside the name: not articles, prepositions or verbs
# ("has held crisis talks" names "crisis talks"; "to avoid major bloodshed", "major bloodshed").
_NOT_MODIFIER = ("the|a|an|this|that|its|his|her|their|of|in|on|at|and|or|to|by|for|with|as|has|have|had|"
                 "is|are|was|were|be|been|held|hold|holds|avoid|launched|staged")
_MODIFIER = r"(?:(?!(?:" + _NOT_MODIFIER + r")\b)[a-z][a-z-]+\s+){0,2}"
EVENT_NAME = re.compile(
    r"\b(?:(?:the|a|an)\s+)?(" + _MODIFIER + r"(?i:" + "|".join(re.escape(n) for n in EVENT_NOUNS) + r"))"
    r"(\s+(?:of|at|on)\s+(?:the\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2}|[a-z]+))?\b")


def phrases(text: str, max_n: int = 3) -> Counter[str]:
    """Return the counts of the lower-cased words and phrases of up to ``max_n`` words.

    A phrase neither starts nor ends with a stop word and does not cross a sentence or clause
    break, so "armed rebellion" and "crisis talks" count and "the crisis" does not.
    """
    counts: Counter[str] = Counter()
    for chunk in re.split(r"[.,;:!?()\[\]\"“”‘’«»—–]+|\s'|'\s", text):
        words = [w.lower().replace("’", "'") for w in _WORD.findall(chunk)]
        for n in range(1, max_n + 1):
            for i in range(len(words) - n + 1):
                gram = words[i:i + n]
                if gram[0] in STOP or gram[-1] in STOP or len(gram[0]) < 3 or len(gram[-1]) < 3:
                    continue
                counts[" ".join(gram)] += 1
    return counts


@lru_cache(maxsize=100_000)
def _rarity(term: str) -> float:
    words = term.split()
    return sum(-math.log10(max(word_frequency(w, "en"), 1e-8)) for w in words) / len(words)


def log_odds(outlet_counts: Counter[str], other_counts: Mapping[str, int], prior: Counter[str],
             n_other: int | None = None) -> dict[str, float]:
    """Return the z-scored log-odds ratio of each term of the outlet against the others.

    ``other_counts`` needs only the outlet's own terms when ``n_other`` (all other words) is given.
    """
    n_outlet, n_prior = sum(outlet_counts.values()), sum(prior.values())
    n_other = sum(other_counts.values()) if n_other is None else n_other
    scores = {}
    for term, y_i in outlet_counts.items():
        alpha = PRIOR_SIZE * prior[term] / n_prior
        y_j = other_counts.get(term, 0)
        delta = (math.log((y_i + alpha) / (n_outlet + PRIOR_SIZE - y_i - alpha))
                 - math.log((y_j + alpha) / (n_other + PRIOR_SIZE - y_j - alpha)))
        variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        scores[term] = delta / math.sqrt(variance)
    return scores


def distinctive_terms(texts_by_outlet: dict[str, str], person_words: set[str]) -> dict[str, list[tuple[str, float, int]]]:
    """Return per outlet its most distinctive phrases: [(phrase, score, count)], best first.

    Phrases made only of person names are left out: who an outlet covers is not its wording.
    """
    counts = {outlet: phrases(text) for outlet, text in texts_by_outlet.items()}
    prior: Counter[str] = Counter()
    for c in counts.values():
        prior.update(c)
    out: dict[str, list[tuple[str, float, int]]] = {}
    n_prior = sum(prior.values())
    for outlet, own in counts.items():
        # The other outlets' counts, taken from the story's total rather than summed per outlet.
        others = {t: prior[t] - c for t, c in own.items()}
        n_other = n_prior - sum(own.values())
        if n_other <= 0:
            out[outlet] = []
            continue
        z = log_odds(own, others, prior, n_other)
        ranked = sorted(((z[t] + RARITY_WEIGHT * _rarity(t), t) for t in own
                         if z[t] > 0 and not set(t.split()) <= person_words), reverse=True)
        out[outlet] = [(t, round(s, 3), own[t]) for s, t in ranked[:MAX_DISTINCTIVE]]
    return out


def event_names(text: str) -> list[tuple[str, int, int]]:
    """Return the noun phrases naming a happening: [(phrase, start, end)] ("the events of June 24")."""
    found = []
    for match in EVENT_NAME.finditer(text):
        phrase = (match.group(1) + (match.group(2) or "")).strip()
        phrase = re.sub(r"\s+", " ", phrase)
        if phrase[:1].isupper() and phrase.split()[0].lower() in EVENT_NOUNS:
            phrase = phrase[0].lower() + phrase[1:]     # capitalised only because it opens the sentence
        if match.group(2) and match.group(1).split()[-1] == "events":
            phrase = "the " + phrase
        found.append((phrase, match.start(1), match.end(2) if match.group(2) else match.end(1)))
    return found


# Distinctive wording is counted on a sample of a story's own articles: at most this many per
# outlet, and this many in all. A story that keeps growing (undated reports join stories of any
# date) would otherwise cost the count of all its words at every update. The sample is the
# articles whose id hashes lowest (a bottom-k sample): it does not depend on the order articles
# arrived in, so a whole rebuild and an update that follows the new articles choose the same
# one, and a new article changes the story's wording only when it enters the sample.
WORDING_PER_OUTLET = 12
WORDING_ARTICLES = 120


def sample_rank(article_id: str) -> str:
    """Return an article's place in the wording sample: the lowest ranks are taken."""
    return hashlib.blake2b(article_id.encode(), digest_size=8).hexdigest()


def wording_sample(own: Sequence[dict], per_outlet: int = WORDING_PER_OUTLET,
                   limit: int = WORDING_ARTICLES) -> list[dict]:
    """Return the own articles whose wording is counted: the lowest-ranked ``per_outlet`` of each
    outlet, then the lowest-ranked ``limit`` of those, in the story's order."""
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for a in own:
        by_outlet[a["outlet"] or a["id"]].append(a)
    kept = [a for items in by_outlet.values() for a in sorted(items, key=lambda a: sample_rank(a["id"]))[:per_outlet]]
    chosen = {a["id"] for a in sorted(kept, key=lambda a: sample_rank(a["id"]))[:limit]}
    return [a for a in own if a["id"] in chosen]


def own_articles(articles: Sequence[dict]) -> list[dict]:
    """Return the story's articles that are not syndicated copies: a copy's wording is the original outlet's."""
    return [a for a in articles if not a["copy_of"]]


def distinctive_rows(store: Store, story_id: str, own: Sequence[dict]) -> list[dict]:
    """Return the ``distinctive`` rows of a story: each outlet's most distinctive phrases,
    counted on the story's wording sample."""
    sample = wording_sample(own)
    texts: dict[str, list[str]] = defaultdict(list)
    for a in sample:
        texts[a["outlet"] or a["id"]].append(f"{a['title'] or ''}\n{a['text']}")
    if len(texts) < 2:
        return []
    ids = [a["id"] for a in sample]
    person_words = {w.lower() for r in store.query(
        "SELECT article_id, text FROM entities WHERE label = 'PERSON' AND article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        for w in _WORD.findall(r["text"])}
    rows = []
    for outlet, terms in distinctive_terms({o: "\n".join(t) for o, t in texts.items()}, person_words).items():
        for term, score, count in terms:
            rows.append({"story_id": story_id, "outlet": outlet, "kind": "distinctive", "term": term,
                         "refers_to": None, "score": score, "count": count, "article_id": None,
                         "start": None, "end": None})
    return rows


HAPPENING = "the happening"


def event_name_rows(story_id: str, own: Sequence[dict]) -> list[dict]:
    """Return the ``event_name`` rows naming the happening, with the first place each outlet used each name."""
    rows = []
    for a in own:
        outlet = a["outlet"] or a["id"]
        for phrase, start, end in event_names(a["text"]):
            rows.append({"story_id": story_id, "outlet": outlet, "kind": "event_name", "term": phrase,
                         "refers_to": HAPPENING, "score": 1.0, "count": 1, "article_id": a["id"],
                         "start": start, "end": end})
    return _merge_counts(rows)


# The actors' mentions that name them (not pronouns), in the order their rows are merged in.
ACTOR_MENTIONS = (
    "SELECT m.article_id, m.actor_id, m.text, m.start, m.\"end\", ac.name FROM actor_mentions m "
    "JOIN actors ac ON ac.id = m.actor_id WHERE m.how <> 'pronoun' "
    "AND m.article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY m.article_id, m.start, m.\"end\", m.actor_id")


def actor_name_rows(story_id: str, mentions: Sequence[dict], outlet_of: Mapping[str, str]) -> list[dict]:
    """Return the ``actor_name`` rows: the words each outlet uses for an actor two or more outlets mention.

    ``mentions``: rows of ``ACTOR_MENTIONS`` (in its order); ``outlet_of``: article -> outlet."""
    outlets_per_actor: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        outlets_per_actor[m["actor_id"]].add(outlet_of[m["article_id"]])
    rows = []
    for m in mentions:
        if len(outlets_per_actor[m["actor_id"]]) < 2:
            continue
        rows.append({"story_id": story_id, "outlet": outlet_of[m["article_id"]], "kind": "actor_name",
                     "term": " ".join(m["text"].split()), "refers_to": m["name"], "score": 1.0, "count": 1,
                     "article_id": m["article_id"], "start": m["start"], "end": m["end"]})
    return _merge_counts(rows)


def framing_rows(store: Store, story_id: str, articles: Sequence[dict]) -> list[dict]:
    """Return the ``framing_terms`` rows of a story: distinctive wording, event names, actor names.

    Syndicated copies are left out: their wording is the original outlet's.
    """
    own = own_articles(articles)
    mentions = store.query(ACTOR_MENTIONS, [[a["id"] for a in own]])
    outlet_of = {a["id"]: a["outlet"] or a["id"] for a in own}
    return (distinctive_rows(store, story_id, own) + event_name_rows(story_id, own)
            + actor_name_rows(story_id, mentions, outlet_of))


def deed_phrase(text: str, start: int, end: int) -> tuple[str, int]:
    """Return the words naming a deed from its trigger, with their completion, and the phrase's end."""
    match = _COMPLETION.match(text, end)
    stop = match.end() if match else end
    return " ".join(text[start:stop].lower().split()), stop


def deed_rows(story_id: str, claims: Sequence[Sequence], texts: dict[str, str], copies: set[str]) -> list[dict]:
    """Return ``event_name`` rows for the verbs each outlet uses for a deed several outlets report.

    ``claims`` holds each claim's events (with ``outlet``, ``article_id``, ``start``, ``end``);
    ``copies`` the ids of syndicated copies, whose words are the original's.
    """
    rows = []
    for claim_id, events in claims:
        if len({e.outlet for e in events}) < 2:
            continue
        for e in events:
            if e.article_id in copies or e.article_id not in texts:
                continue
            phrase, stop = deed_phrase(texts[e.article_id], e.start, e.end)
            rows.append({"story_id": story_id, "outlet": e.outlet or e.origin, "kind": "event_name", "term": phrase,
                         "refers_to": claim_id, "score": 1.0, "count": 1, "article_id": e.article_id,
                         "start": e.start, "end": stop})
    return _merge_counts(rows)


def _merge_counts(rows: list[dict]) -> list[dict]:
    """Return rows with repeated (outlet, kind, term, refers_to) merged, counting them; first place kept."""
    merged: dict[tuple, dict] = {}
    for row in rows:
        key = (row["outlet"], row["kind"], row["term"].lower(), row["refers_to"])
        if key in merged and row["kind"] != "distinctive":
            merged[key]["count"] += 1
        else:
            merged.setdefault(key, dict(row))
    return list(merged.values())

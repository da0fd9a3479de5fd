"""Cross-source alignment: events from a story's articles that report one happening become a claim.

Two events can be one happening when their PLOVER types are the same or of the same kind
(verbal or material, cooperation or conflict), their modes do not differ, and their actors
are the same after resolution (actor ids, names and aliases, the head noun of a description,
countries), with compatible dates, or are the same deed told in like words by reports that
name no different doer. Groups form by average linkage over each report's best match on the
other side; a pair that cannot be one happening (incompatible types, different modes, dates
days apart, different agents or victims) keeps their groups apart.

A claim's status weighs who tells it, in whose voice (see origins.py for origins):
- an event is the outlet's own assertion only when the outlet tells it as fact: not inside a
  quote, not hung on someone ("police said", "according to the charges", "X claimed"); a
  sentence crediting another outlet makes it that outlet's assertion;
- corroborated: two or more independent origins assert it in their own voice, or two named
  parties, reported by independent origins, confirm it;
- single-source: one independent origin asserts it;
- disputed: a party alleges it, another denies it, and no outlet settles it in its own voice;
- attributed-only: only parties tell it, and nobody denies it;
- contradicted: two own-voice reports of the happening negate each other, or give different
  values for the same count, the same place or the same date.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

# GENERIC_HEADS and participant are imported from here by claim_increments and its tests.
from newsprism.stories.claim_pairs import (  # noqa: F401
    DATE_DISPUTE_DAYS,
    DEEDS_DONE_TO,
    GENERIC_HEADS,
    PLACE_APART_KM,
    QUAD_CLASS,
    SAME_PLACE_KM,
    Participant,
    _content_words,
    _match,
    _name_words,
    _singular,
    count_scope,
    dates_compatible,
    distance_km,
    normal_name,
    pair_score,
    participant,
    role_match,
    same_place,
    same_verb_deed,
)

# Contradictions over whether the happening took place or who did it; the others (number,
# place, date) dispute a detail of a happening the outlets agree on.
HAPPENING_CONTRADICTIONS = {"negation"}
# Bodies that announce their principal's own statements ("the presidential press service said").
OFFICIAL_READOUT = re.compile(r"\b(press service|press office|presidency|kremlin|white house|spokes\w*|ministry|office)\b")
# Attributions that do not tell one party from another: pronouns, and sources left unnamed.
UNNAMED_PARTIES = {"", "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one",
                   "someone", "source", "sources", "official", "officials", "report", "reports", "statement",
                   # documents carry a party's word, they are not a party of their own
                   "charges", "charge", "documents", "document", "records", "record", "release", "court records",
                   "complaint", "affidavit", "filing", "letter", "people familiar", "people"}
# A clause that asks or leaves open what follows ("declined to say whether", "asked if"), up to the
# trigger with no clause break between: what it holds is nobody's assertion.
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\b[^;:,!?\u2013\u2014]*$", re.I)
# Titles before a party's name, and the bodies that speak for a principal ("Halvik's office"):
# "Mr. Halvik", "Halvik's spokesman" and "Teodor Halvik" are one party, not two confirming it.
PARTY_TITLES = {"mr", "mrs", "ms", "miss", "dr", "rep", "sen", "gov", "president", "minister", "senator",
                "congressman", "congresswoman", "sir", "lord", "prof"}
SPOKESPEOPLE = re.compile(r"\s+(?:press\s+(?:office|service|secretary)|office|spokes(?:man|woman|person)|aides?|"
                          r"campaign|representatives?|camp|team)$")


@lru_cache(maxsize=50_000)
def party_words(party: str) -> frozenset[str]:
    """Return the words that name a party, without titles, apposition or its spokespeople:
    "Mr. Halvik, the city's mayor" and "Halvik's office" -> {"halvik"}."""
    key = normal_name(party.split(",")[0])
    key = SPOKESPEOPLE.sub("", key)
    return frozenset(w for w in key.split() if w not in PARTY_TITLES)


def independent_parties(first: str, second: str) -> bool:
    """Return whether two named parties are two, not one named two ways (one's name words within the other's)."""
    a, b = party_words(first), party_words(second)
    return bool(a and b) and not (a <= b or b <= a)


# A pair of events this close counts as one happening (see pair_score for the scale).
LINK_THRESHOLD = 1.2


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One event of a story's article, with what alignment and corroboration need."""

    id: str
    article_id: str
    outlet: str | None
    origin: str                      # independent origin the article counts under
    is_copy: bool
    sentence_index: int
    start: int
    end: int
    trigger: str
    lemma: str
    plover_type: str
    mode: str | None
    sources: tuple[Participant, ...]
    targets: tuple[Participant, ...]
    date: date | None
    location: str | None
    negated: bool
    modality: str
    attribution: str | None
    via_media: bool                  # the sentence credits another outlet ("according to Veldora One")
    sentence: str
    numbers: tuple[int, ...] = ()
    published: date | None = None    # the article's publication date
    quoted_by: str | None = None     # the event is inside a direct quote: its speaker ("" when unknown)
    credited: str | None = None      # the outlet the sentence credits ("according to Veldora One")
    counts: tuple[tuple[str, int], ...] = ()   # (counted noun, count) of exact counts: ("guards", 3)
    date_text: str | None = None     # the words that dated it in the sentence, if any
    lat: float | None = None         # where it happened, when the sentence or dateline places it
    lon: float | None = None

    @property
    def stance(self) -> str:
        """Return how the article presents the event: asserts, negates, alleges, or the modality."""
        if self.modality == "alleged":
            return "alleges"
        if self.negated:
            return "negates"
        return "asserts" if self.modality == "happened" else self.modality

    @property
    def own_voice(self) -> bool:
        """Return whether the outlet tells it as fact: not an allegation, not another outlet's report,
        not a party's statement ("police said", "according to the charges") and not in a quote.

        A statement is the deed of its speaker: "Halvik accused the militia", "«We will not
        negotiate,» Halvik said" tell in the outlet's voice that the accusation or the refusal
        was made. A denial stays the speaker's word ("«We did not arm anyone,» the ministry said")."""
        if self.modality == "alleged" or self.via_media or self.in_question:
            return False
        if self.attribution is None and self.quoted_by is None:
            return True
        return self.is_speech_act

    @property
    def in_question(self) -> bool:
        """Return whether the event is what a sentence asks or leaves open, not what it tells:
        "declined to say whether the account was hacked", "asked if the talks had failed"."""
        at = self.sentence.lower().find(self.trigger.lower())
        return at > 0 and bool(_OPEN_QUESTION.search(self.sentence[:at]))

    @property
    def is_speech_act(self) -> bool:
        """Return whether the event is a statement its own speaker makes (a verbal event, not
        negated, attributed to one of its sources or to an unnamed speaker)."""
        if self.negated or not QUAD_CLASS.get(self.plover_type, "").startswith("verbal"):
            return False
        for who in (self.attribution, self.quoted_by):
            if who is None:
                continue
            key = normal_name(who)
            if key in UNNAMED_PARTIES or OFFICIAL_READOUT.search(key):
                continue       # an official readout of its principal's call or order
            words = set(key.split())
            if not any(key in p.names or words & _name_words(p.name) for p in self.sources):
                return False
        return True

    @property
    def voice(self) -> str:
        """Return in whose voice the article tells it: "own" (the outlet's), "relay" (another
        outlet's, credited in the sentence) or "party" (someone's statement or allegation)."""
        if self.own_voice:
            return "own"
        if self.asserting_origin:
            return "relay"
        return "party"

    @property
    def says(self) -> str:
        """Return what the teller says of the happening: asserts, denies or alleges (or the modality)."""
        return "denies" if self.negated else "alleges" if self.modality == "alleged" else \
            "asserts" if self.modality == "happened" else self.modality

    @property
    def party(self) -> str | None:
        """Return who the event is told on behalf of: the quote's speaker or the attribution, normalised;
        "" for a party that cannot be told apart ("he", an unknown speaker); None in own voice."""
        if self.own_voice or self.in_question or (self.via_media and self.attribution is None and self.quoted_by is None):
            return None
        who = self.quoted_by if self.quoted_by is not None else (self.attribution or "")
        key = normal_name(who)
        return "" if key in UNNAMED_PARTIES else key

    @property
    def asserting_origin(self) -> str | None:
        """Return the origin under which the event is an own-voice report: the article's origin, or
        the outlet its sentence credits; None for a party's statement."""
        if self.own_voice:
            return self.origin.lower()
        if self.via_media and self.credited and self.attribution is None and self.quoted_by is None \
                and self.modality != "alleged" and not self.in_question:
            return self.credited.lower()
        return None


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two reports of one happening that cannot both be true."""

    kind: str                        # negation | number | place | date | agent
    first: StoryEvent
    first_value: str
    second: StoryEvent
    second_value: str


@dataclass(slots=True)
class Claim:
    """A happening as the story's outlets report it."""

    events: list[StoryEvent]
    contradictions: list[Contradiction] = field(default_factory=list)

    @property
    def origins(self) -> set[str]:
        return {e.origin.lower() for e in self.events}

    @property
    def status(self) -> str:
        """Return contradicted, corroborated, single-source, disputed or attributed-only."""
        if self.contradictions:
            return "contradicted"
        return self.happening

    @property
    def asserting_origins(self) -> set[str]:
        """Return the independent origins that tell the happening in their own voice."""
        return {o for e in self.events if (o := e.asserting_origin)}

    @property
    def party_statements(self) -> dict[str, set[str]]:
        """Return {"asserts": parties, "denies": parties}: who, other than the outlets, says it
        happened and who says it did not (unnamed parties left out)."""
        out: dict[str, set[str]] = {"asserts": set(), "denies": set()}
        for e in self.events:
            party = e.party
            if party is None:
                continue
            # An allegation names its accuser elsewhere ("accuses X of arming"); a denial is
            # anyone's, even a speaker we cannot name.
            label = party or ("(an accuser)" if e.modality == "alleged" else "(unnamed)" if e.negated else "")
            if label:
                out["denies" if e.negated else "asserts"].add(label)
        return out

    def statements(self) -> list[dict]:
        """Return each party's statement and the outlets that relay it: one entry per party and
        what it says ("asserts", "denies", "alleges"), with the outlets and events that carry it.
        A disputed claim shows here who alleges, who denies, and who reports which."""
        grouped: dict[tuple[str, str], dict] = {}
        for e in self.events:
            if e.voice != "party":
                continue
            who = " ".join((e.quoted_by if e.quoted_by is not None else e.attribution or "").split()) or "(unnamed)"
            entry = grouped.setdefault((normal_name(who) or who, e.says),
                                       {"party": who, "says": e.says, "outlets": set(), "events": []})
            entry["outlets"].add(e.outlet or e.origin)
            entry["events"].append(e.id)
        return [{**v, "outlets": sorted(v["outlets"])} for _, v in sorted(grouped.items())]

    @property
    def happening(self) -> str:
        """Return the status of the happening itself, whatever its details: outlets that put the
        arrests in different towns still corroborate that the arrests happened. Only a denial
        in an outlet's own voice contradicts the happening."""
        if any(c.kind in HAPPENING_CONTRADICTIONS for c in self.contradictions):
            return "contradicted"
        asserting = self.asserting_origins
        # Origins that report a named party confirming it ("according to the State Border Service").
        confirming = [(e.origin.lower(), e.party) for e in self.events
                      if e.party and not e.negated and e.modality != "alleged"]
        confirmations = dict(confirming)
        if len(asserting) >= 2:
            return "corroborated"
        if asserting and set(confirmations) - asserting:
            return "corroborated"      # one outlet saw it; another origin has a named party confirm it
        if len(asserting) == 1:
            return "single-source"
        parties = self.party_statements
        if parties["asserts"] and parties["denies"] - parties["asserts"]:
            return "disputed"          # one party alleges, another denies, no outlet settles it
        if any(o1 != o2 and independent_parties(p1, p2) for o1, p1 in confirming for o2, p2 in confirming):
            return "corroborated"      # two independent named parties, reported by independent origins
        return "attributed-only"


# -- grouping --------------------------------------------------------------------------------------

def align_events(events: Sequence[StoryEvent], threshold: float = LINK_THRESHOLD) -> list[list[StoryEvent]]:
    """Return the events grouped into happenings (best-match average linkage; impossible pairs never join).

    Two groups join only when their linkage, an average of pair scores, reaches the threshold,
    which needs at least one pair at the threshold. So the agglomeration runs separately within
    each connected set of such pairs, and events of different kinds (pair_score None) are never
    scored against each other: the result is the same as one run over all events, at a fraction
    of the cost in a story of thousands of events.
    """
    if not events:
        return []
    # One article telling the same thing many times ("protesters marched", 2,500 times over a
    # live blog) is one report of it: identical events of one article are aligned once, by a
    # representative, and rejoin its group afterwards. Without this, scoring and agglomeration
    # grow with the square and the cube of the repeats.
    copies: dict[tuple, list[StoryEvent]] = {}
    for event in events:
        copies.setdefault(_signature(event), []).append(event)
    if len(copies) < len(events):
        position = {id(e): i for i, e in enumerate(events)}
        representatives = [group[0] for group in copies.values()]
        expanded = [sorted((e for r in group for e in copies[_signature(r)]), key=lambda e: position[id(e)])
                    for group in align_events(representatives, threshold)]
        return sorted(expanded, key=lambda g: position[id(g[0])])
    n = len(events)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        by_kind[QUAD_CLASS.get(event.plover_type, event.plover_type)].append(i)
    scores: dict[tuple[int, int], float] = {}
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in by_kind.values():
        for a, i in enumerate(members):
            for j in members[a + 1:]:
                if events[i].id == events[j].id:
                    continue
                s = pair_score(events[i], events[j])
                if s is not None:
                    scores[(i, j)] = s
                    if s >= threshold:
                        parent[root(i)] = root(j)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        components[root(i)].append(i)
    groups: list[list[int]] = []
    for members in components.values():
        groups.extend(_agglomerate(members, scores, threshold) if len(members) > 1 else [members])
    ordered = sorted(groups, key=min)
    return [[events[i] for i in sorted(g)] for g in ordered]


def _signature(e: StoryEvent) -> tuple:
    """Return what alignment sees of an event, with its article: equal signatures score alike against anything."""
    def parts(ps: Sequence[Participant]) -> tuple:
        return tuple((p.actor_id, p.name, p.country, p.sector, p.is_country, p.is_place, p.pronoun) for p in ps)

    return (e.article_id, e.origin, e.plover_type, e.mode, e.lemma, e.trigger.lower(), parts(e.sources), parts(e.targets),
            e.date, e.date_text, e.location, e.lat, e.lon, e.negated, e.modality, e.attribution, e.quoted_by, e.via_media,
            e.credited, e.sentence, e.numbers, e.counts, e.published)


def _agglomerate(members: list[int], scores: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Return best-match average-linkage groups of one connected set of events (global indices)."""
    n = len(members)
    score = np.zeros((n, n))
    allowed = np.zeros((n, n), dtype=bool)
    for a in range(n):
        for b in range(a + 1, n):
            s = scores.get((members[a], members[b]))
            if s is not None:
                score[a, b] = score[b, a] = s
                allowed[a, b] = allowed[b, a] = True
    # Linkage of groups g, h: each report's best match on the other side, averaged both ways,
    # so one vague report ("some called") does not keep two well-matched groups apart.
    # best[e, g] is report e's best score against group g; sums[h, g] adds best[e, g] over e in h.
    best = score.copy()
    sums = score.copy()
    size = np.ones(n)
    group_of = np.arange(n)
    joinable = allowed.copy()
    active = np.ones(n, dtype=bool)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    while True:
        mean = sums / size[:, None]
        linkage = 0.5 * (mean + mean.T)
        usable = joinable & active[:, None] & active[None, :]
        np.fill_diagonal(usable, False)
        linkage = np.where(usable, linkage, -np.inf)
        x, y = divmod(int(np.argmax(linkage)), n)
        if linkage[x, y] < threshold:
            break
        best[:, x] = np.maximum(best[:, x], best[:, y])
        group_of[group_of == y] = x
        size[x] += size[y]
        active[y] = False
        sums[x, :] += sums[y, :]
        sums[:, x] = np.bincount(group_of, weights=best[:, x], minlength=n)
        joinable[x, :] &= joinable[y, :]
        joinable[:, x] &= joinable[:, y]
        groups[x].extend(groups.pop(y))
    return [[members[i] for i in g] for g in groups.values()]


# -- contradictions --------------------------------------------------------------------------------

def _same_role(first: Sequence[Participant], second: Sequence[Participant], threshold: float) -> bool:
    if any(p.actor_id and p.actor_id == q.actor_id for p in first for q in second):
        return True
    return role_match(first, second)[0] >= threshold


def _same_participants(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two reports name the same doer and the same target, where they name them.

    Targets that are counted ("12 people" / "three guards") are what a count contradiction
    compares, so they are not asked to match; a target described two ways ("three commanders of
    the Orin Valley Guard" / "three of the militia's commanders") matches by its head noun."""
    if a.sources and b.sources and not _same_role(a.sources, b.sources, 0.8):
        return False
    counted = bool(a.counts and b.counts)
    if a.targets and b.targets and not counted and not _same_role(a.targets, b.targets, 0.5):
        return False
    return bool((a.sources and b.sources) or (a.targets and b.targets)) or a.lemma == b.lemma


# Counted nouns that can stand for any other: "12 people killed" counts the "three guards" too.
GENERIC_COUNTED = {"people", "person", "persons", "other", "others", "civilian", "civilians", "victim", "victims"}
# Words that negate within a sentence an event is told in: "No gun has been recovered" is not the
# assertion that one was, even when the coder missed the negation.
_NEGATING = re.compile(r"\b(?:no|not|never|none|nobody|nothing|neither|nor|without|unable|failed|refused)\b|n't\b", re.I)


def _count_clash(a: StoryEvent, b: StoryEvent) -> tuple[str, str] | None:
    """Return the counts of one counted thing that differ ("five people" / "two people"), or None.

    Counts are compared role by role (whom it was done to against whom it was done to, never the
    doers against the victims). The same noun is the same quantity; a generic noun ("people")
    counts anyone, so "12 people killed" and "three guards killed" clash; "31 fire engines" and
    "three aerials" do not.

    Only counts of one deed and one scope are one quantity: "killed two" and "wounded five" count
    two things of one attack, and a count "during the final run" or "by the end of the night" is
    part or a running total of what an unscoped count gives."""
    if a.plover_type in DEEDS_DONE_TO and not same_verb_deed(a.lemma, b.lemma):
        return None
    if count_scope(a.sentence) != count_scope(b.sentence):
        return None
    for role in ("source", "target"):
        counts_a = [(noun, v) for r, noun, v in a.counts if r == role]
        counts_b = [(noun, v) for r, noun, v in b.counts if r == role]
        if not counts_a or not counts_b:
            continue
        nouns_a = {noun for noun, _ in counts_a}
        nouns_b = {noun for noun, _ in counts_b}
        if not (nouns_a & nouns_b or (nouns_a | nouns_b) & GENERIC_COUNTED):
            continue
        if {v for _, v in counts_a} & {v for _, v in counts_b}:
            continue
        return (", ".join(f"{v} {n}" for n, v in counts_a), ", ".join(f"{v} {n}" for n, v in counts_b))
    return None


def _same_principals(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two reports name the same principal actors: the same doer where both name
    one, the same target where both name one (counted targets aside), and at least one of them
    named on both sides (a pronoun nobody resolved names no one)."""
    if not _same_participants(a, b):
        return False
    # Only actors named in the sentences count: a pronoun's actor comes from coreference, which is
    # not evidence enough to set one report against another.
    named = [[p for p in parts if not p.pronoun] for parts in (a.sources, b.sources, a.targets, b.targets)]
    doers = bool(named[0] and named[1]) and _same_role(named[0], named[1], 0.8)
    counted = bool(a.counts and b.counts)
    victims = bool(named[2] and named[3]) and (counted or _same_role(named[2], named[3], 0.8))
    return doers or victims


# Where the words that follow a trigger stop telling what the deed was done to or with.
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s-{1,2}\s|\b(?:and|but|because|that|which|who|when|while|if|after|before|as|so)\b", re.I)
_TIME_WORDS = re.compile(r"\b(?:on|in|at|last|this|next|early|late|morning|afternoon|evening|night|today|yesterday|tomorrow|week|month|year|"
                         r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|repeatedly|again|even|still|also|ever)\b", re.I)


def _complement(e: StoryEvent) -> frozenset[str]:
    """Return the content words of what the deed is done with or to, as told after its trigger up to
    the end of the clause, without the participants' names and times: "offered Sestak the job of
    Secretary of the Navy" -> {job, secretary, navy}."""
    at = e.sentence.lower().find(e.trigger.lower())
    if at < 0:
        return frozenset()
    rest = e.sentence[at + len(e.trigger):]
    cut = _CLAUSE_END.search(rest)
    rest = _TIME_WORDS.sub(" ", rest[:cut.start()] if cut else rest)
    names = {w for p in (*e.sources, *e.targets) for w in _content_words(p.name)}
    return frozenset(_singular(w) for w in _content_words(rest) - names)


def _same_occasion(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two reports can be of one occasion: dates that overlap as precisely as each is
    stated, and places (where the sentence or dateline gives them) not far apart."""
    km = distance_km(a, b)
    return dates_compatible(a, b) and _stated_alike(a, b) and (km is None or km <= PLACE_APART_KM)


def _stated_alike(a: StoryEvent, b: StoryEvent) -> bool:
    """Return False when both reports say when, in words that could not be set on a calendar and
    differ ("in January" / "on Friday morning" in undated articles): nothing shows one occasion."""
    if a.date and b.date or not (a.date_text and b.date_text):
        return True
    return _content_words(_TIME_WORDS.sub(" ", a.date_text)) == _content_words(_TIME_WORDS.sub(" ", b.date_text)) \
        or normal_name(a.date_text) == normal_name(b.date_text)


def _what(e: StoryEvent, other: StoryEvent) -> frozenset[str]:
    """Return the content words of what the deed is done with: the words after its trigger, and the
    targets the other report does not name ("offered Sestak executive branch posts" against "offered
    Sestak the Navy job": Sestak is shared, the posts and the job are what differ), and the words of
    targets described rather than named, which a shared head noun does not make one thing
    ("executive branch positions" / "a full-time paid position")."""
    told = [p for p in e.targets if not any(_match(p, q) >= 0.5 for q in other.targets) or not p.proper]
    return _complement(e) | frozenset(_singular(w) for p in told for w in _content_words(p.name))


# Share of the shorter description of what a deed is done with that two reports must have in
# common to be about one thing: "unpaid posts on advisory boards" and "a full-time paid post"
# share only the head noun.
SAME_THING_SHARE = 0.5


def _different_things(what_a: frozenset[str], what_b: frozenset[str]) -> bool:
    """Return whether two reports say what the deed is done with, and what they say is not one thing."""
    if not (what_a and what_b):
        return False
    return len(what_a & what_b) < SAME_THING_SHARE * min(len(what_a), len(what_b))


def find_contradictions(events: Sequence[StoryEvent]) -> list[Contradiction]:
    """Return the contradictions between asserting voices of different origins within one claim.

    Evidence only: both reports tell the happening as fact (an outlet's own voice, or a named
    party asserting it; a party's denial against an outlet makes a dispute, a quote is its
    speaker's word), are of the same type and name the same principal actors, and either
    - one negates the very deed the other asserts (the same verb, on a day and at a place both
      allow), or
    - they give different values for the same counted thing (on a day and at a place both
      allow), a place resolved far from the other's, or explicitly stated dates that cannot
      both be right but are within a month (further apart, it is another happening).
    """
    found: list[Contradiction] = []
    seen: set[tuple[str, str, str]] = set()

    def add(kind: str, a: StoryEvent, va: str, b: StoryEvent, vb: str) -> None:
        key = (kind, *sorted((a.origin.lower(), b.origin.lower())))
        if key not in seen:
            seen.add(key)
            found.append(Contradiction(kind, a, va, b, vb))

    # Asserting voices: an outlet's own, or a named party's assertion ("12 people were killed,
    # the ministry said"); never an allegation, an unnamed speaker, or a denial by a party.
    voiced = [e for e in events if e.modality == "happened" and (e.asserting_origin or (e.party and not e.negated))]

    def voice(e: StoryEvent) -> str:
        return e.asserting_origin or f"{e.origin.lower()}/{e.party}"

    for i, a in enumerate(voiced):
        for b in voiced[i + 1:]:
            if a.origin.lower() == b.origin.lower() or voice(a) == voice(b) or a.plover_type != b.plover_type:
                continue
            if not _same_principals(a, b):
                continue
            if a.negated != b.negated:
                if not (a.asserting_origin and b.asserting_origin):
                    continue               # a party's word against an outlet's: a dispute, not a contradiction
                first, second = (a, b) if not a.negated else (b, a)
                # "was offered" / "was never offered": the same deed, one asserts, one negates.
                # The negating report must say "not" (or like words) and the asserting one must not,
                # and what the deed is done with must not differ ("offered advisory posts" /
                # "never offered the Navy job" are two offers; "advisory positions" / "a full-time
                # paid position" share a head noun, not the thing offered).
                what_a, what_b = _what(first, second), _what(second, first)
                if a.lemma == b.lemma and _same_occasion(a, b) and not _NEGATING.search(first.sentence) \
                        and (_NEGATING.search(second.sentence) or re.search(r"\bden(?:y|ied|ies)\b", second.sentence, re.I)) \
                        and not _different_things(what_a, what_b):
                    add("negation", first, first.trigger, second, f"not {second.trigger}")
                continue
            if a.negated:
                continue
            if a.date and b.date and a.date_text and b.date_text and not dates_compatible(a, b):
                if a.lemma == b.lemma and abs((a.date - b.date).days) <= DATE_DISPUTE_DAYS:
                    add("date", a, a.date.isoformat(), b, b.date.isoformat())
                continue                   # told on different days: the other details are of another day
            if not (dates_compatible(a, b) and _stated_alike(a, b)):
                continue
            km = distance_km(a, b)
            if a.location and b.location and not same_place(a.location, b.location) and (km is None or km > SAME_PLACE_KM):
                # Alignment joins reports placed far apart only when doers, victims, type and day agree.
                add("place", a, a.location, b, b.location)
            if km is None or km <= PLACE_APART_KM:
                clash = _count_clash(a, b)
                if clash:
                    add("number", a, clash[0], b, clash[1])
    return found


def build_claims(events: Sequence[StoryEvent], threshold: float = LINK_THRESHOLD) -> list[Claim]:
    """Return the story's claims: aligned events with their contradictions."""
    claims = []
    for group in align_events(events, threshold):
        claims.append(Claim(group, find_contradictions(group)))
    return claims


def most_common(values: Sequence[str | None]) -> str | None:
    """Return the most frequent non-empty value (first seen wins a tie)."""
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None
